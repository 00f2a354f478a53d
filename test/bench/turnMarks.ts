import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

const turn = new AsyncLocalStorage<true>();

/**
 * Marks the handling of every request the bot's server (listening on `port`) receives as a turn, so
 * that the turn's own async chain can be told from background work (the creation worker, the
 * notification dispatcher), which runs in the context it was started in. `http.server.request.start`
 * is published just before the server emits `request`, in the same synchronous run, so the mark
 * reaches the request handler and everything it awaits.
 */
export function markTurns(port: number): () => void {
  const channel = diagnosticsChannel.channel('http.server.request.start');
  const listener = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    if (request.socket.localPort === port) turn.enterWith(true);
  };
  channel.subscribe(listener);
  return () => channel.unsubscribe(listener);
}

/** Whether the code running now belongs to a turn's async chain. */
export function inTurn(): boolean {
  return turn.getStore() === true;
}

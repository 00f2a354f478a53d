import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SwitchableProxy {
  endpoint: string;
  /** The store becomes unreachable: open connections are cut and new ones refused. */
  down(): void;
  up(): void;
  stop(): Promise<void>;
}

/** A TCP proxy on loopback in front of a store, which a test can take down and bring back. */
export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let reachable = true;
  const server = net.createServer((client) => {
    if (!reachable) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    down() {
      reachable = false;
      cutAll();
    },
    up() {
      reachable = true;
    },
    async stop() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

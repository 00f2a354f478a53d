import { AsyncLocalStorage } from 'node:async_hooks';
import { RoundLoop } from '../../services/scheduling/roundLoop';

const request = new AsyncLocalStorage<string>();

/** A loop that notes the context each round sees; a round's result says when the next one is due. */
function recordingLoop(nextInMs: (round: number) => number | undefined) {
  const seen: (string | undefined)[] = [];
  const waiters: { count: number; done: () => void }[] = [];
  const loop = new RoundLoop({
    run: async () => {
      seen.push(request.getStore());
      for (const waiter of waiters.filter((entry) => seen.length >= entry.count)) waiter.done();
      return nextInMs(seen.length);
    },
    pollMs: 60_000,
    onError: (error) => {
      throw error;
    },
  });
  /** Resolves once `count` rounds ran and the last one has ended (its promise chain settled). */
  const rounds = async (count: number) => {
    await new Promise<void>((done) => {
      if (seen.length >= count) done();
      else waiters.push({ count, done });
    });
    await new Promise((ended) => setImmediate(ended));
  };
  return { loop, seen, rounds };
}

describe('RoundLoop', () => {
  it('runs a round woken inside a request outside that request, and the rounds its timer starts too', async () => {
    // The second round (the woken one) says more is due at once: the third comes from its timer.
    const { loop, seen, rounds } = recordingLoop((round) => (round === 2 ? 0 : undefined));
    loop.start();
    await rounds(1);
    request.run('turn', () => loop.wake());
    await rounds(3);
    await loop.stop();
    expect(seen).toEqual([undefined, undefined, undefined]);
  });

  it('keeps the context it was created in, whoever wakes it', async () => {
    const { loop, seen, rounds } = request.run('worker', () => recordingLoop(() => undefined));
    loop.start();
    await rounds(1);
    request.run('turn', () => loop.wake());
    await rounds(2);
    await loop.stop();
    expect(seen).toEqual(['worker', 'worker']);
  });
});

/** At most `count` messages in any `ms` milliseconds. */
export interface RateLimit {
  count: number;
  ms: number;
}

const marginMs = 50;

/** Teams' limits per bot per conversation (thread) for sending messages. */
export const teamsConversationLimits: readonly RateLimit[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];

/**
 * Paces sends per conversation so none of the limits is exceeded in any window: before a send it
 * says how long to wait, from the times of the sends before it.
 */
export class ConversationPacer {
  private readonly sent = new Map<string, number[]>();
  private readonly longest: number;

  constructor(
    private readonly limits: readonly RateLimit[] = teamsConversationLimits,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.longest = Math.max(...limits.map((limit) => limit.ms));
  }

  /** Waits as long as the limits require, then counts the send; false when `signal` ended the wait. */
  async take(conversationId: string, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const wait = this.waitFor(conversationId);
      if (wait <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
      });
    }
    const times = this.sent.get(conversationId) ?? [];
    times.push(this.now());
    this.sent.set(conversationId, times);
    return true;
  }

  /**
   * The send counted by the last `take` has ended: it is counted from now on. A slot is taken before
   * the entry is claimed and the card drawn, so the message reaches Teams some time after it; counting
   * it when its answer came keeps every window Teams sees within the limits however long that took.
   */
  settle(conversationId: string): void {
    const times = this.sent.get(conversationId);
    if (times && times.length > 0) times[times.length - 1] = Math.max(times[times.length - 1]!, this.now());
  }

  private waitFor(conversationId: string): number {
    const now = this.now();
    const times = (this.sent.get(conversationId) ?? []).filter((at) => now - at < this.longest + marginMs);
    this.sent.set(conversationId, times);
    let wait = 0;
    for (const { count, ms } of this.limits) {
      const inWindow = times.filter((at) => now - at < ms + marginMs);
      // The oldest send in the window must leave it before another fits; the margin allows for
      // messages arriving at Teams a little apart from when they left.
      if (inWindow.length >= count)
        wait = Math.max(wait, inWindow[inWindow.length - count]! + ms + marginMs - now);
    }
    return wait;
  }
}

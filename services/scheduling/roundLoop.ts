import { AsyncResource } from 'node:async_hooks';

export interface RoundLoopOptions {
  /** One round of work; returns in how many ms more work is due, when it knows. */
  run(): Promise<number | undefined>;
  /** The longest wait between rounds: work other instances left, or that nothing woke this one for. */
  pollMs: number;
  /** A round that threw; the loop goes on. */
  onError(error: unknown): void;
}

/**
 * Rounds of background work, one at a time: at once when woken (a wake during a round runs another
 * right after it), otherwise when the last round said more work is due, and at least every `pollMs`.
 * The notification dispatcher and the Partner Center creation worker each run one.
 */
export class RoundLoop {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private again = false;
  private running = false;
  /**
   * A round is background work: it runs in the async context the loop was created in, not in that of
   * whoever woke it (a turn's HTTP request), so context-based tracing and log correlation do not bill
   * the round, or the rounds its timer starts, to that request.
   */
  private readonly startRound: () => Promise<void>;

  constructor(private readonly options: RoundLoopOptions) {
    this.startRound = AsyncResource.bind(() => this.runRound());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.wake();
  }

  /** Lets the round under way finish; none starts after it. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  wake(): void {
    if (!this.running) return;
    if (this.round) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.round = this.startRound();
  }

  private runRound(): Promise<void> {
    return this.options
      .run()
      .catch((error: unknown) => {
        this.options.onError(error);
        return undefined;
      })
      .then((nextInMs) => {
        this.round = undefined;
        if (!this.running) return;
        if (this.again) {
          this.again = false;
          this.wake();
          return;
        }
        const wait = Math.min(nextInMs ?? this.options.pollMs, this.options.pollMs);
        this.timer = setTimeout(() => this.wake(), Math.max(wait, 10));
        this.timer.unref();
      });
  }
}

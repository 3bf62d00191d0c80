import type { Message } from '../message.js';
import type { Journal } from './journal.js';
import type { Sink } from './sinks.js';

/** How one hand-off ended: delivered, clearly refused (retried next run), or unknown. */
export type Outcome = { event: 'sent' } | { event: 'failed'; reason: string } | { event: 'in-doubt'; reason: string };

export interface DeliveryOptions {
  /** Hand-offs at once. */
  concurrency: number;
  /** Hand-offs a minute at most (0: no limit). */
  ratePerMinute: number;
  /** The time one hand-off may take. */
  timeoutMs: number;
  journal?: Journal;
  /** Stop taking messages after this many hand-offs in a row that did not go through (0: never). */
  maxFailures?: number;
  /** Called for each failure: address and reason. */
  onFailure?: (to: string, reason: string) => void;
  /** Called for each hand-off whose outcome is unknown. */
  onInDoubt?: (to: string, reason: string) => void;
}

/**
 * What `--exec` and `--smtp` share: up to `concurrency` hand-offs at once, at most `rate` a
 * minute; the journal's "sending" line before each hand-off and its outcome after ("sent",
 * "failed" with the reason, "in-doubt"); a journal that cannot be written stops the run; after
 * `maxFailures` hand-offs in a row that did not go through, no more are started (`stopped`).
 * A subclass says how one message is handed over.
 */
export abstract class DeliverySink implements Sink {
  written = 0;
  failed = 0;
  /** Addresses whose hand-off in this run ended with an unknown outcome. */
  readonly inDoubt: string[] = [];
  /** Messages taken (handed over or being handed over). */
  taken = 0;
  /** Why no more messages are taken (too many failures in a row), once that happened. */
  stopped: string | undefined;
  /** Called after each hand-off settles (the progress display). */
  onSettled: (() => void) | undefined;
  abstract readonly target: string;
  private readonly inFlight = new Set<Promise<void>>();
  private nextStart = 0;
  /** ready() has waited for this message's slot already. */
  private reserved = false;
  /** Ends a wait for the rate early (Ctrl-C). */
  private wake: (() => void) | undefined;
  private streak = 0;
  /** A journal write failed: no more hand-offs. */
  private fatal: unknown;

  constructor(protected readonly opts: DeliveryOptions) {}

  /** Hands one message over; never rejects (an unexpected error is an outcome too). */
  protected abstract handOver(msg: Message, to: string): Promise<Outcome>;
  /** Releases what the hand-offs hold (connections), once none is in flight. */
  protected async shutdown(): Promise<void> {}
  /** Ends the hand-offs in flight now (a second Ctrl-C): their messages are in doubt. */
  abstract killAll(): void;

  /** Hand-offs settled so far (sent, failed or in doubt). */
  get settled(): number {
    return this.written + this.failed + this.inDoubt.length;
  }

  /** Waits until another hand-off may start: a free slot, and the rate. */
  async ready(): Promise<void> {
    while (this.inFlight.size >= this.opts.concurrency) await Promise.race(this.inFlight);
    if (this.fatal) throw this.fatal;
    if (this.opts.ratePerMinute > 0 && !this.stopped) {
      const wait = this.nextStart - Date.now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
    this.reserved = true;
  }

  /** Ends a wait for the rate at once (the run is stopping). */
  interrupt(): void {
    this.wake?.();
  }

  async write(msg: Message): Promise<void> {
    if (!this.reserved) await this.ready();
    this.reserved = false;
    if (this.fatal) throw this.fatal;
    const to = msg.to?.address ?? '';
    this.opts.journal?.append('sending', msg.stage, msg.key, to, msg.messageId); // throws when it cannot be written: nothing handed over
    this.taken++;
    // The next hand-off starts one interval after this one starts, at the earliest.
    if (this.opts.ratePerMinute > 0) this.nextStart = Date.now() + 60_000 / this.opts.ratePerMinute;
    const task = this.handOver(msg, to)
      .catch((err: unknown): Outcome => ({ event: 'in-doubt', reason: `unexpected error: ${(err as Error)?.message ?? String(err)}` }))
      .then((outcome) => this.settle(msg, to, outcome))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private settle(msg: Message, to: string, outcome: Outcome): void {
    const reason = outcome.event === 'sent' ? undefined : outcome.reason;
    try {
      this.opts.journal?.append(outcome.event, msg.stage, msg.key, to, msg.messageId, reason);
    } catch (err) {
      this.fatal ??= err;
    }
    if (outcome.event === 'sent') {
      this.written++;
      this.streak = 0;
    } else {
      if (outcome.event === 'failed') {
        this.failed++;
        this.opts.onFailure?.(to, outcome.reason);
      } else {
        this.inDoubt.push(to);
        this.opts.onInDoubt?.(to, outcome.reason);
      }
      this.streak++;
      const max = this.opts.maxFailures ?? 0;
      if (max > 0 && this.streak >= max && !this.stopped) {
        this.stopped = `${max} hand-off(s) in a row did not go through (the last: ${outcome.reason})`;
        this.interrupt();
      }
    }
    this.onSettled?.();
  }

  async close(): Promise<void> {
    await this.drain();
    if (this.fatal) throw this.fatal;
  }

  /** Stops taking new messages; lets the ones already handed over finish. */
  async abort(): Promise<void> {
    await this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    } finally {
      await this.shutdown();
    }
  }
}

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

/** A message composed ahead, waiting for a free slot: not handed over, not journaled yet. */
interface Waiting {
  msg: Message;
  to: string;
  rows: number;
}

/**
 * What `--exec` and `--smtp` share: up to `concurrency` hand-offs at once, at most `rate` a
 * minute; the journal's "sending" line before each hand-off and its outcome after ("sent",
 * "failed" with the reason, "in-doubt"); a journal that cannot be written stops the run; after
 * `maxFailures` hand-offs in a row that did not go through, no more are started (`stopped`).
 * A subclass says how one message is handed over.
 *
 * A subclass may ask for `ahead` messages per slot composed ahead (SMTP: the next message is
 * ready the moment the server's reply frees its connection, composing overlaps the wait). They
 * wait here, neither handed over nor journaled; the window opens only once a message went through
 * and no failure followed (a relay that refuses gets one message at a time), never with a rate.
 * When the run stops (Ctrl-C, --max-failures, a journal that cannot be written) the waiting ones
 * are withdrawn: never handed over, never journaled, counted back as skipped (`withdrawn`).
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
  /** Messages composed but withdrawn when the run stopped, and their rows (counted as skipped, not as messages). */
  withdrawn = 0;
  withdrawnRows = 0;
  private readonly inFlight = new Set<Promise<void>>();
  /** Composed ahead, in order, waiting for a slot. */
  private readonly waiting: Waiting[] = [];
  /** Messages a slot may have composed ahead while its hand-off is in flight. */
  private readonly ahead: number;
  /** No more hand-offs start (interrupted, stopped, a fatal journal error): the waiting ones are withdrawn. */
  private halted = false;
  /** Resolves a wait in ready() when a hand-off settles. */
  private onSlot: (() => void) | undefined;
  private nextStart = 0;
  /** ready() has waited for this message's slot already. */
  private reserved = false;
  /** Ends a wait for the rate early (Ctrl-C). */
  private wake: (() => void) | undefined;
  private streak = 0;
  /** A journal write failed: no more hand-offs. */
  private fatal: unknown;

  constructor(protected readonly opts: DeliveryOptions, ahead = 0) {
    this.ahead = ahead;
  }

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

  /** Whether messages may be composed ahead: no rate, and the last hand-off went through. */
  private get windowOpen(): boolean {
    return this.ahead > 0 && this.opts.ratePerMinute === 0 && this.streak === 0 && this.written > 0 && !this.halted;
  }

  /** Whether another message may be composed now: a free slot, or room in the window. */
  private hasRoom(): boolean {
    if (this.halted || this.stopped !== undefined || this.fatal) return true; // the caller stops (or throws) instead
    if (this.inFlight.size + this.waiting.length < this.opts.concurrency) return true;
    return this.windowOpen && this.waiting.length < this.opts.concurrency * this.ahead;
  }

  /** Waits until another message may be composed: a free slot (or room to wait for one), and the rate. */
  async ready(): Promise<void> {
    while (!this.hasRoom()) await new Promise<void>((resolve) => (this.onSlot = resolve));
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

  /** Ends a wait for the rate at once, and starts no more hand-offs (the run is stopping). */
  interrupt(): void {
    this.halted = true;
    this.wake?.();
  }

  /** Takes one composed message (`rows`: the rows it was made of): handed over now, or when a slot frees. */
  async write(msg: Message, _seq?: number, rows = 1): Promise<void> {
    if (!this.reserved) await this.ready();
    this.reserved = false;
    if (this.fatal) throw this.fatal;
    const next: Waiting = { msg, to: msg.to?.address ?? '', rows };
    if (this.inFlight.size < this.opts.concurrency && this.waiting.length === 0) this.start(next);
    else this.waiting.push(next);
  }

  /** Hands one message over: the journal's "sending" line first (a journal that cannot be written throws: nothing handed over). */
  private start({ msg, to }: Waiting): void {
    this.opts.journal?.append('sending', msg.stage, msg.key, to, msg.messageId);
    this.taken++;
    // The next hand-off starts one interval after this one starts, at the earliest.
    if (this.opts.ratePerMinute > 0) this.nextStart = Date.now() + 60_000 / this.opts.ratePerMinute;
    const task = this.handOver(msg, to)
      .catch((err: unknown): Outcome => ({ event: 'in-doubt', reason: `unexpected error: ${(err as Error)?.message ?? String(err)}` }))
      .then((outcome) => this.settle(msg, to, outcome))
      .finally(() => {
        this.inFlight.delete(task);
        this.pump();
      });
    this.inFlight.add(task);
  }

  /** Starts the waiting messages the free slots can take; wakes a wait in ready(). */
  private pump(): void {
    while (!this.halted && !this.fatal && !this.stopped && this.waiting.length > 0 && this.inFlight.size < this.opts.concurrency) {
      const next = this.waiting.shift()!;
      try {
        this.start(next);
      } catch (err) {
        this.waiting.unshift(next);
        this.fatal ??= err;
      }
    }
    const wake = this.onSlot;
    this.onSlot = undefined;
    wake?.();
  }

  /** The waiting messages are never handed over: withdrawn (no journal line; their rows count as skipped). */
  private withdraw(): void {
    for (const w of this.waiting) {
      this.withdrawn++;
      this.withdrawnRows += w.rows;
    }
    this.waiting.length = 0;
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
        this.withdraw();
      }
    }
    this.onSettled?.();
  }

  async close(): Promise<void> {
    await this.drain();
    if (this.fatal) throw this.fatal;
  }

  /** Stops taking new messages; lets the ones already handed over finish; the waiting ones are withdrawn. */
  async abort(): Promise<void> {
    this.halted = true;
    this.withdraw();
    await this.drain();
  }

  /** Waits for every hand-off (the waiting ones start as slots free); what could not start is withdrawn. */
  private async drain(): Promise<void> {
    try {
      while (this.inFlight.size > 0) await Promise.race(this.inFlight);
      this.withdraw();
    } finally {
      await this.shutdown();
    }
  }
}

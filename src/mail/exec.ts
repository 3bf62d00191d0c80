import { spawn } from 'node:child_process';
import type { Message } from '../compose/compose.js';
import { UsageError } from '../errors.js';
import type { Journal } from './journal.js';
import { toRfc5322 } from './rfc5322.js';
import type { Sink } from './sinks.js';

export interface ExecOptions {
  command: string;
  concurrency: number;
  /** Messages per minute at most (0: no limit). */
  ratePerMinute: number;
  timeoutMs: number;
  env: Record<string, string | undefined>;
  journal?: Journal;
  /** Called for each failure: address and reason. */
  onFailure?: (to: string, reason: string) => void;
}

/** `--rate 30/min`, `--rate 2/s`, `--rate 100` (per minute). */
export function parseRate(value: string | undefined): number {
  if (value === undefined) return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(min|m|minute|s|sec|second|h|hour))?$/i.exec(value.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`--rate "${value}" is not a rate`, 'use e.g. --rate 30/min or --rate 2/s');
  const n = Number(m[1]);
  const unit = (m[2] ?? 'min').toLowerCase();
  return unit.startsWith('s') ? n * 60 : unit.startsWith('h') ? n / 60 : n;
}

/** `30s`, `2m`, `1500ms`, `45` (seconds). */
export function parseDurationMs(value: string | undefined, fallbackMs: number, flag: string): number {
  if (value === undefined) return fallbackMs;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(value.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`${flag} "${value}" is not a duration`, `use e.g. ${flag} 30s, 2m or 1500ms`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

/**
 * Hands each message to `sh -c COMMAND` on its stdin, with APOLOGIZE_TO and
 * APOLOGIZE_MESSAGE_ID set; up to `concurrency` at once, at most `rate` a
 * minute, each killed after `timeout`. A failure is recorded and the run goes on.
 */
export class ExecSink implements Sink {
  written = 0;
  failed = 0;
  private inFlight = new Set<Promise<void>>();
  private nextStart = 0;
  private readonly children = new Set<number>();
  constructor(private readonly opts: ExecOptions) {}

  get target(): string {
    return `\`${this.opts.command}\``;
  }

  async write(msg: Message): Promise<void> {
    while (this.inFlight.size >= this.opts.concurrency) await Promise.race(this.inFlight);
    if (this.opts.ratePerMinute > 0) {
      const interval = 60_000 / this.opts.ratePerMinute;
      const now = Date.now();
      const wait = this.nextStart - now;
      this.nextStart = Math.max(now, this.nextStart) + interval;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const task = this.handOver(msg).finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private handOver(msg: Message): Promise<void> {
    const to = msg.to?.address ?? '';
    this.opts.journal?.append('sending', msg.messageId, to);
    return new Promise<void>((resolve) => {
      const child = spawn('sh', ['-c', this.opts.command], {
        env: { ...this.opts.env, APOLOGIZE_TO: to, APOLOGIZE_MESSAGE_ID: `<${msg.messageId}>` } as NodeJS.ProcessEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true, // its own process group, so a timeout kills the whole pipeline
      });
      if (child.pid) this.children.add(child.pid);
      let stderr = '';
      let timedOut = false;
      const keep = (d: Buffer) => {
        stderr = (stderr + d.toString('utf8')).slice(-400);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid, 'SIGTERM');
        setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2000).unref();
      }, this.opts.timeoutMs);
      child.stdin.on('error', () => {}); // the command may exit without reading
      child.stdin.end(toRfc5322(msg, '\n'));
      const done = (reason?: string) => {
        clearTimeout(timer);
        if (child.pid) this.children.delete(child.pid);
        if (reason === undefined) {
          this.opts.journal?.append('sent', msg.messageId, to);
          this.written++;
        } else {
          this.opts.journal?.append('failed', msg.messageId, to, reason);
          this.failed++;
          this.opts.onFailure?.(to, reason);
        }
        resolve();
      };
      child.on('error', (err) => done(`could not start: ${err.message}`));
      child.on('close', (code, signal) => {
        const detail = stderr.trim().split('\n').pop()?.slice(0, 200);
        if (timedOut) done(`timed out after ${this.opts.timeoutMs / 1000}s`);
        else if (code === 0) done();
        else done(`exit ${code ?? signal}${detail ? `: ${detail}` : ''}`);
      });
    });
  }

  async close(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  /** Stops taking new messages; lets the ones already handed over finish. */
  async abort(): Promise<void> {
    await this.close();
  }

  /** Kills every running command (a second Ctrl-C). */
  killAll(): void {
    for (const pid of this.children) killGroup(pid, 'SIGKILL');
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

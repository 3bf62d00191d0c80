import { spawn } from 'node:child_process';
import type { Message } from '../message.js';
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
  /** The command's working directory (the run's). */
  cwd?: string;
  journal?: Journal;
  /** Called for each failure: address and reason. */
  onFailure?: (to: string, reason: string) => void;
  /** Called for each hand-off whose outcome is unknown (killed by the timeout or a signal). */
  onInDoubt?: (to: string, reason: string) => void;
}

/**
 * Hands each message to `sh -c COMMAND` on its stdin, with APOLOGIZE_TO and
 * APOLOGIZE_MESSAGE_ID set; up to `concurrency` at once, at most `rate` a
 * minute, each killed after `timeout`. Exit 0 is sent, another exit code a
 * refusal (failed, retried next run); a command killed (timeout, signal) may
 * or may not have delivered: in doubt. The run goes on after each; a journal
 * that cannot be written stops it.
 */
export class ExecSink implements Sink {
  written = 0;
  failed = 0;
  /** Addresses whose hand-off in this run ended with an unknown outcome. */
  readonly inDoubt: string[] = [];
  private inFlight = new Set<Promise<void>>();
  private nextStart = 0;
  private readonly children = new Set<number>();
  /** A journal write failed: no more hand-offs. */
  private fatal: unknown;
  constructor(private readonly opts: ExecOptions) {}

  get target(): string {
    return `\`${this.opts.command}\``;
  }

  async write(msg: Message): Promise<void> {
    while (this.inFlight.size >= this.opts.concurrency) await Promise.race(this.inFlight);
    if (this.fatal) throw this.fatal;
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
    const journal = this.opts.journal;
    journal?.append('sending', msg.stage, msg.key, to, msg.messageId); // throws when it cannot be written: nothing handed over
    return new Promise<void>((resolve) => {
      const child = spawn('sh', ['-c', this.opts.command], {
        env: { ...this.opts.env, APOLOGIZE_TO: to, APOLOGIZE_MESSAGE_ID: `<${msg.messageId}>` } as NodeJS.ProcessEnv,
        cwd: this.opts.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true, // its own process group, so a timeout kills the whole pipeline
      });
      if (child.pid) this.children.add(child.pid);
      let stderr = '';
      let timedOut = false;
      let settled = false;
      const keep = (d: Buffer) => {
        stderr = (stderr + d.toString('utf8')).slice(-400);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.stdout.on('error', () => {});
      child.stderr.on('error', () => {});
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid, 'SIGTERM');
        setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2000).unref();
      }, this.opts.timeoutMs);
      child.stdin.on('error', () => {}); // the command may exit without reading
      child.stdin.end(toRfc5322(msg, '\n'));
      const settle = (event: 'sent' | 'failed' | 'in-doubt', reason?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (child.pid) this.children.delete(child.pid);
        try {
          journal?.append(event, msg.stage, msg.key, to, msg.messageId, reason);
        } catch (err) {
          this.fatal ??= err;
        }
        if (event === 'sent') this.written++;
        else if (event === 'failed') {
          this.failed++;
          this.opts.onFailure?.(to, reason!);
        } else {
          this.inDoubt.push(to);
          this.opts.onInDoubt?.(to, reason!);
        }
        resolve();
      };
      child.on('error', (err) => settle('failed', `could not start: ${err.message}`));
      child.on('exit', (code, signal) => {
        clearTimeout(timer); // it ended: its outcome is known now, whoever still holds its pipes
        const decide = () => {
          const detail = stderr.trim().split('\n').pop()?.slice(0, 200);
          if (timedOut) settle('in-doubt', `timed out after ${this.opts.timeoutMs / 1000}s`);
          else if (signal) settle('in-doubt', `killed by ${signal}`);
          else if (code === 0) settle('sent');
          else settle('failed', `exit ${code}${detail ? `: ${detail}` : ''}`);
        };
        // The last of its stderr comes with 'close'; a background process that kept the pipes open must not hold the run.
        const grace = setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          decide();
        }, 200);
        child.once('close', () => {
          clearTimeout(grace);
          decide();
        });
      });
    });
  }

  async close(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.fatal) throw this.fatal;
  }

  /** Stops taking new messages; lets the ones already handed over finish. */
  async abort(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  /** Kills every running command (a second Ctrl-C): their messages are in doubt. */
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

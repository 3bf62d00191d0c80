import type { Message } from '../message.js';
import { DeliverySink, type DeliveryOptions, type Outcome } from './delivery.js';
import { toRfc5322 } from './rfc5322.js';

export interface ExecOptions extends DeliveryOptions {
  command: string;
  env: Record<string, string | undefined>;
  /** The command's working directory (the run's). */
  cwd?: string;
}

/** The lines of a command's output kept as the reason of a failure: the last few, not only the last. */
const REASON_LINES = 3;

/**
 * Why a command failed, from the end of its output: its last few non-empty lines, joined. A
 * mail command states the cause first and a generic line last (msmtp: "cannot connect to
 * 127.0.0.1, port 2599: Connection refused", then "could not send mail"): both are kept.
 */
export function failureDetail(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(-REASON_LINES).join('; ').slice(-400);
}

/**
 * Hands each message to `sh -c COMMAND` on its stdin, with APOLOGIZE_TO and
 * APOLOGIZE_MESSAGE_ID set; each killed after `timeout`. Exit 0 is sent, another
 * exit code a refusal (failed, with the end of its output; retried next run); a
 * command killed (timeout, signal) may or may not have delivered: in doubt.
 * Concurrency, rate, journal and --max-failures: DeliverySink.
 */
export class ExecSink extends DeliverySink {
  private readonly children = new Set<number>();
  constructor(private readonly exec: ExecOptions) {
    super(exec);
  }

  get target(): string {
    return `\`${this.exec.command}\``;
  }

  protected handOver(msg: Message, to: string): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      // (child_process loaded when a command runs: a run without --exec never needs it)
      const child = process.getBuiltinModule('node:child_process').spawn('sh', ['-c', this.exec.command], {
        env: { ...this.exec.env, APOLOGIZE_TO: to, APOLOGIZE_MESSAGE_ID: `<${msg.messageId}>` } as NodeJS.ProcessEnv,
        cwd: this.exec.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true, // its own process group, so a timeout kills the whole pipeline
      });
      if (child.pid) this.children.add(child.pid);
      let output = '';
      let timedOut = false;
      let settled = false;
      const keep = (d: Buffer) => {
        output = (output + d.toString('utf8')).slice(-2000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.stdout.on('error', () => {});
      child.stderr.on('error', () => {});
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid, 'SIGTERM');
        setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2000).unref();
      }, this.exec.timeoutMs);
      child.stdin.on('error', () => {}); // the command may exit without reading
      child.stdin.end(toRfc5322(msg, '\n'));
      const settle = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (child.pid) this.children.delete(child.pid);
        resolve(outcome);
      };
      child.on('error', (err) => settle({ event: 'failed', reason: `could not start: ${err.message}` }));
      child.on('exit', (code, signal) => {
        clearTimeout(timer); // it ended: its outcome is known now, whoever still holds its pipes
        const decide = () => {
          const detail = failureDetail(output);
          if (timedOut) settle({ event: 'in-doubt', reason: `timed out after ${this.exec.timeoutMs / 1000}s` });
          else if (signal) settle({ event: 'in-doubt', reason: `killed by ${signal}` });
          else if (code === 0) settle({ event: 'sent' });
          else settle({ event: 'failed', reason: `exit ${code}${detail ? `: ${detail}` : ''}` });
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

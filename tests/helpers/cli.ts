// Command tests run the CLI in this process: `run(argv, io)` with fake stdin, stdout and stderr,
// the same code the bin runs after reading process.argv, in about a tenth of the time of a
// process start. Files, `--exec` hand-offs (the sink spawns them) and the clock (APOLOGIZE_NOW)
// are real. What needs a process of its own (signals, a real pipe or terminal, /dev/full on
// stdout, start-up) stays in tests/e2e with runBin.
import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/run.js';
import type { IO } from '../../src/cli/io.js';
import { FIXED_NOW, ROOT } from './run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes (mbox and eml output compared byte for byte). */
  stdoutBytes: Buffer;
}

export interface CliOptions {
  /** What stdin gives (nothing, at end, when not set). */
  input?: string | Buffer;
  /** Added to (or, with undefined, removed from) the fixed environment below. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Keeps every byte written; not a terminal. */
class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  readonly isTTY = false;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    cb();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/**
 * The environment of every in-process run: nothing inherited but PATH and HOME (for `--exec`
 * commands), a fixed clock, no colour, and CI set so nothing ever prompts.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1', CI: '1', ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

/** Runs `apologize ARGS` in this process; resolves with the exit code and everything written. */
export async function cli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const stdout = new Collector();
  const stderr = new Collector();
  const stdin = Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]) as unknown as IO['stdin'];
  const io: IO = {
    stdin,
    stdout: stdout as unknown as IO['stdout'],
    stderr: stderr as unknown as IO['stderr'],
    env: cliEnv(opts.env),
    cwd: opts.cwd ?? ROOT,
  };
  const code = await run(args, io);
  const out = stdout.bytes();
  return { code, stdout: out.toString('utf8'), stderr: stderr.bytes().toString('utf8'), stdoutBytes: out };
}

/** stderr as lines, without the empty one after the last line break. */
export function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/**
 * The one summary line of a batch run, without its timing (` · 0.01 s · 600 rows/s`), e.g.
 * `apologize: 7 rows read, 6 messages (7 rows, 1 grouped into them), 0 rejected → stdout`.
 * Throws unless stderr has exactly one.
 */
export function summaryLine(stderr: string): string {
  const found = lines(stderr).filter((l) => /^apologize: (interrupted: |stopped: )?[\d,]+ rows read, /.test(l));
  if (found.length !== 1) throw new Error(`expected one summary line, found ${found.length} in:\n${stderr}`);
  const m = / · \d+\.\d\d s · [\d,]+ rows\/s$/.exec(found[0]!);
  if (!m) throw new Error(`the summary line has no timing: ${found[0]}`);
  return found[0]!.slice(0, m.index);
}

/** stdout of `--format ndjson` as objects. */
export function ndjson<T = Record<string, unknown>>(stdout: string): T[] {
  return lines(stdout).map((l) => JSON.parse(l) as T);
}

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'apologize.js');
export const FIXED_NOW = '2026-07-08T09:00:00Z';
/** The clock of the English golden letters: the day after their incidents (late November 2026). */
export const GOLDEN_NOW = '2026-11-26T09:00:00Z';

/** The environment for a spawned bin: fixed clock, no colour, no CI prompt guessing unless asked. */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1', ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns the real bin with real pipes. */
export function runBin(
  args: string[],
  opts: { input?: string | Buffer; env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: testEnv(opts.env), timeout: 120_000, killSignal: 'SIGKILL' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** Python with the standard library's email package; Debian's first (it has the Debian modules too). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface PyParsed {
  headers: Record<string, string[]>;
  from: { name: string; address: string }[] | null;
  to: { name: string; address: string }[] | null;
  replyTo: { name: string; address: string }[] | null;
  subject: string | null;
  messageId: string | null;
  contentType: string;
  charset: string | null;
  transferEncoding: string;
  text: string | null;
  defects: string[];
  maxLineOctets: number;
  fromLine?: string;
}

/** Parses files (or one mbox) with Python's email package. */
export function pythonParse(files: string[], mbox = false): PyParsed[] {
  const script = join(ROOT, 'tests', 'helpers', 'parse_email.py');
  const res = spawnSync(PYTHON, [script, ...(mbox ? ['--mbox'] : []), ...files], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`python parse failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as PyParsed[];
}

/** Parses message text with Python's email package (via a temp file). */
export function pythonParseText(text: string): PyParsed {
  const dir = mkdtempSync(join(tmpdir(), 'apologize-py-'));
  const file = join(dir, 'm.eml');
  writeFileSync(file, text);
  return pythonParse([file])[0]!;
}

export function tempDir(prefix = 'apologize-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

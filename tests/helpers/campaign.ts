import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { run } from '../../src/cli/run.js';
import type { IO } from '../../src/cli/io.js';
import { FIXED_NOW, ROOT } from './run.js';

export const INCIDENT_YAML = readFileSync(join(ROOT, 'examples/incident.yaml'), 'utf8');

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(parts: string[]) {
  return {
    write(chunk: string | Uint8Array, cb?: (err?: Error | null) => void) {
      parts.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      cb?.();
      return true;
    },
    once() {
      return undefined;
    },
    on() {
      return undefined;
    },
  };
}

/** Runs the CLI in this process (real files and child processes, streams faked). */
export async function runIn(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<InProcessResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: IO = {
    stdin: Readable.from([]) as unknown as IO['stdin'],
    stdout: sink(out),
    stderr: sink(err),
    env: { PATH: process.env.PATH, APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1', APOLOGIZE_THREADS: '1', ...env },
    cwd,
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A CSV of customers c0…c(n-1)@example.com (with order ids when given). */
export function writeCustomers(dir: string, n: number, rows?: string[]): string {
  const file = join(dir, 'customers.csv');
  const body = rows ?? Array.from({ length: n }, (_, i) => `c${i}@example.com,Customer ${i},O-${i}`);
  writeFileSync(file, `email,name,order_id\n${body.join('\n')}\n`);
  return file;
}

/** The example incident with some lines replaced (`title: …` → new text), written to dir/incident.yaml. */
export function writeIncident(dir: string, edit: (yaml: string) => string = (y) => y): string {
  const file = join(dir, 'incident.yaml');
  writeFileSync(file, edit(INCIDENT_YAML));
  return file;
}

export interface JournalLine {
  event: string;
  stage?: string;
  key?: string;
  to?: string;
  messageId?: string;
  incident?: string;
  reason?: string;
}

export function journalLines(path: string): JournalLine[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as JournalLine);
}

/** A command that logs "<to> <message-id> <in-reply-to>" to `log` and succeeds. */
export function loggingCommand(log: string): string {
  return `irt=$(sed -n 's/^In-Reply-To: //p' | head -n 1); echo "$APOLOGIZE_TO $APOLOGIZE_MESSAGE_ID $irt" >> '${log}'`;
}

export function logLines(log: string): { to: string; id: string; irt: string }[] {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((l) => {
    const [to, id, irt] = l.split(' ');
    return { to: to!, id: id!, irt: irt ?? '' };
  });
}

/** The addresses listed as in doubt on stderr. */
export function inDoubtList(stderr: string): string[] {
  return /may or may not have gone out; not resent[^:]*: (.+)$/m.exec(stderr)?.[1]?.split(', ') ?? [];
}

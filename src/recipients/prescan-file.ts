import { existsSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toUtf8 } from './decode.js';
import { readFileChunks } from './read.js';
import { Prescan, type PrescanData, type PrescanResult } from './prescan.js';
import { notUtf8Error, Utf8Check } from './utf8.js';

/** Where the file is cut: a little past the middle, since the worker starts ~50 ms after this thread. */
export const CUT_AT = 0.54;

/** Below this, one thread scans the whole file (a worker costs ~50 ms to start). */
export const SPLIT_PRESCAN_BYTES = 8 << 20;

/** The worker's script, next to the bundled CLI; absent when running from sources. */
export function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./prescan-worker.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

/**
 * The grouping pre-pass over a file; a big UTF-8 one on two threads: this
 * thread scans up to a line break a little past the middle, a worker scans the
 * rest, and the two are merged (Prescan.merge). When the cut turns out to be
 * inside a quoted field, or the worker fails, this thread scans the rest
 * itself: the result is always that of one scan of the whole file.
 *
 * `fd` is the input opened once for the run and `size` its size at the start:
 * both threads read those bytes (the worker shares the descriptor). With
 * `mustBeUtf8`, the bytes are checked as they are read (Utf8Check, a SIMD
 * check per 64 KB chunk) and a file that is not UTF-8 is refused, exit 2,
 * naming its first bad line and likely encoding, before anything is written.
 */
export async function prescanFile(
  fd: number,
  size: number,
  delimiter: string,
  emailIdx: number,
  opts: { encoding?: string; threads?: boolean; mustBeUtf8?: boolean; name?: string } = {},
): Promise<PrescanResult> {
  // Only UTF-8 can be cut anywhere by bytes (a legacy encoding or UTF-16 is decoded as one stream).
  const cuttable = (!opts.encoding || /^utf-?8$/i.test(opts.encoding)) && !startsUtf16(fd);
  const script = cuttable && size >= SPLIT_PRESCAN_BYTES && opts.threads !== false ? workerScript() : undefined;
  const cut = script ? lineBreakAfter(fd, Math.floor(size * CUT_AT)) : -1;
  const scan = new Prescan(delimiter, emailIdx);
  const utf8 = opts.mustBeUtf8 ? new Utf8Check() : undefined;
  const refuse = async () => {
    throw await notUtf8Error(opts.name ?? 'the CSV', fd, size);
  };
  const readRange = async (start: number, end: number, decode: boolean) => {
    const chunks = readFileChunks(fd, start, end);
    const checked = utf8 ? checking(chunks, utf8) : chunks;
    for await (const buf of decode ? toUtf8(checked, { encoding: opts.encoding }) : checked) scan.push(buf);
  };
  if (cut <= 0 || cut >= size) {
    await readRange(0, size, true);
    if (utf8 && !utf8.end()) await refuse();
    scan.end();
    return scan.result();
  }
  const { Worker } = await import('node:worker_threads'); // (a small file never starts one)
  const worker = new Worker(script!, { workerData: { fd, start: cut, end: size, delimiter, emailIdx, checkUtf8: Boolean(utf8) } });
  const rest = new Promise<PrescanData & { utf8?: boolean }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`prescan worker exited (${code})`)));
  });
  rest.catch(() => {}); // handled below; never an unhandled rejection
  try {
    await readRange(0, cut, true);
    if (utf8 && !utf8.ok) await refuse();
    if (scan.aligned) {
      const data = await rest.catch(() => undefined);
      if (data) {
        if (data.utf8 === false) await refuse();
        return scan.merge(data);
      }
    }
    // The cut fell inside a quoted field (or the worker failed): go on alone.
    await readRange(cut, size, false);
    if (utf8 && !utf8.end()) await refuse();
    scan.end();
    return scan.result();
  } finally {
    await worker.terminate();
  }
}

/** The chunks, each checked for UTF-8 on the way (the check stops looking after the first bad one). */
async function* checking(chunks: AsyncIterable<Buffer>, check: Utf8Check): AsyncGenerator<Buffer> {
  for await (const c of chunks) {
    if (check.ok) check.push(c);
    yield c;
  }
}

/** True when the file starts with a UTF-16 byte order mark. */
function startsUtf16(fd: number): boolean {
  const head = Buffer.alloc(2);
  const n = readSync(fd, head, 0, 2, 0);
  return n === 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

/** The offset just after the first LF at or after `from`, or -1. */
function lineBreakAfter(fd: number, from: number): number {
  const buf = Buffer.alloc(1 << 16);
  for (let at = from; ; at += buf.length) {
    const n = readSync(fd, buf, 0, buf.length, at);
    if (n <= 0) return -1;
    const i = buf.subarray(0, n).indexOf(10);
    if (i !== -1) return at + i + 1;
  }
}

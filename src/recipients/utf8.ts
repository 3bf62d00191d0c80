import { readSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { loadIconv } from './decode.js';
import { readFileChunks } from './read.js';

export { Utf8Check } from './utf8-check.js';

/** Length of the valid UTF-8 sequence at b[i], or 0 if it is not one (or is cut off by `end`). */
function sequenceAt(b: Buffer, i: number, end: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < end && b[j]! >= lo && b[j]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const ok = cont(i + 1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(i + 2);
    return ok ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const ok = cont(i + 1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(i + 2) && cont(i + 3);
    return ok ? 4 : 0;
  }
  return 0;
}

/** The first byte that is not UTF-8 in [0, size) of a file, with its line (1-based), or undefined. Slow: for the error path. */
export async function firstNonUtf8(fd: number, size: number): Promise<{ offset: number; line: number; lineStart: number } | undefined> {
  let line = 1;
  let lineStart = 0;
  let at = 0; // file offset of buf[0]
  let carry = Buffer.alloc(0);
  for await (const chunk of readFileChunks(fd, 0, size)) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const last = at + buf.length === size;
    let i = 0;
    while (i < buf.length) {
      const c = buf[i]!;
      if (c === 13 && i === buf.length - 1 && !last) break; // CR LF may straddle
      if (c === 10 || (c === 13 && buf[i + 1] !== 10)) {
        line++;
        lineStart = at + i + 1;
        i++;
        continue;
      }
      if (c < 0x80) {
        i++;
        continue;
      }
      if (!last && buf.length - i < 4) break; // may finish in the next chunk
      const n = sequenceAt(buf, i, buf.length);
      if (n === 0) return { offset: at + i, line, lineStart };
      i += n;
    }
    carry = Buffer.from(buf.subarray(i));
    at += i;
  }
  return undefined;
}

/** The likely encoding of bytes that are not UTF-8 (an iconv-lite name). */
export async function guessEncoding(sample: Buffer): Promise<string> {
  // UTF-16 without a byte order mark: NULs in every other byte of ASCII text.
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  if (evenNul + oddNul > sample.length / 8) return oddNul >= evenNul ? 'utf-16le' : 'utf-16be';
  const mod = (await import('chardet')) as typeof import('chardet') & { default?: typeof import('chardet') };
  const name = (mod.default ?? mod).detect(sample)?.toLowerCase();
  // ISO-8859-1 text is windows-1252 (its superset that Excel writes); a guess of UTF-8 or ASCII is no guess.
  if (!name || name === 'iso-8859-1' || name === 'utf-8' || name === 'ascii' || !(await loadIconv()).encodingExists(name)) return 'windows-1252';
  return name;
}

/** Up to 64 KB of the file from `from`, for guessing its encoding. */
function sampleAt(fd: number, from: number, size: number): Buffer {
  const buf = Buffer.alloc(Math.min(1 << 16, size - from));
  const n = buf.length > 0 ? readSync(fd, buf, 0, buf.length, from) : 0;
  return buf.subarray(0, n);
}

/** Where the file stops being UTF-8 and what it likely is, or undefined when it is UTF-8. */
export async function diagnoseNonUtf8(fd: number, size: number): Promise<{ line: number; encoding: string } | undefined> {
  const bad = await firstNonUtf8(fd, size);
  if (!bad) return undefined;
  return { line: bad.line, encoding: await guessEncoding(sampleAt(fd, bad.lineStart, size)) };
}

/** The exit-2 error for a file that is not UTF-8 (SPEC "Encodings"). */
export async function notUtf8Error(name: string, fd: number, size: number): Promise<UsageError> {
  const d = await diagnoseNonUtf8(fd, size);
  const line = d ? `line ${d.line} ` : '';
  const encoding = d?.encoding ?? 'windows-1252';
  return new UsageError(`${name} ${line}is not UTF-8; it looks like ${encoding}: add --encoding ${encoding}`, 'or --encoding auto to accept that guess (nothing was written)');
}

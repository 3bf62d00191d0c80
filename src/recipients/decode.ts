import iconv from 'iconv-lite';
import { UsageError } from '../errors.js';
import { readFileChunks } from './read.js';

export interface DecodeOptions {
  /** A legacy encoding name (windows-1252, latin1, shift_jis…); default UTF-8. */
  encoding?: string;
}

const UTF8 = new Set(['utf8', 'utf-8']);

/** Checks an --encoding value before anything is read. */
export function checkEncoding(encoding: string | undefined): void {
  if (encoding && !UTF8.has(encoding.toLowerCase()) && !iconv.encodingExists(encoding)) {
    throw new UsageError(`unknown encoding "${encoding}"`, 'use a name like windows-1252, latin1, utf-16le or shift_jis');
  }
}

/** Opens a file (or stdin for "-") as a stream of bytes. */
export function openInput(path: string, stdin: NodeJS.ReadableStream): AsyncIterable<Buffer> {
  if (path === '-') return stdin as AsyncIterable<Buffer>;
  return readFileChunks(path);
}

/**
 * Turns input bytes into UTF-8 bytes: a UTF-8 BOM is stripped, UTF-16 is
 * recognised by its BOM, and --encoding decodes legacy exports with iconv-lite
 * (Node's own windows-1252 decoding drops characters such as – “ ” €).
 */
export async function* toUtf8(input: AsyncIterable<Buffer | string>, opts: DecodeOptions = {}): AsyncGenerator<Buffer> {
  let decoder: ReturnType<typeof iconv.getDecoder> | null | undefined;
  let head: Buffer | null = Buffer.alloc(0);
  const explicit = opts.encoding && !UTF8.has(opts.encoding.toLowerCase()) ? opts.encoding : undefined;
  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (decoder === undefined) {
      head = Buffer.concat([head!, chunk]); // a copy: the chunk's buffer may be reused
      if (head.length < 4) continue;
      chunk = head;
      head = null;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) decoder = iconv.getDecoder('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) decoder = iconv.getDecoder('utf-16be');
      else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        decoder = explicit ? iconv.getDecoder(explicit) : null;
        chunk = chunk.subarray(3);
      } else decoder = explicit ? iconv.getDecoder(explicit) : null;
    }
    if (decoder) {
      const text = decoder.write(chunk);
      if (text) yield Buffer.from(text, 'utf8');
    } else if (chunk.length > 0) yield chunk;
  }
  if (decoder === undefined && head && head.length > 0) {
    // fewer than 4 bytes in all
    let chunk = head;
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    const d = explicit ? iconv.getDecoder(explicit) : null;
    const out = d ? Buffer.from(d.write(chunk) + (d.end() ?? ''), 'utf8') : chunk;
    if (out.length > 0) yield out;
    return;
  }
  if (decoder) {
    const rest = decoder.end();
    if (rest) yield Buffer.from(rest, 'utf8');
  }
}

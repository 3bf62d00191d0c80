import type iconvLite from 'iconv-lite';
import { UsageError } from '../errors.js';
import { readFileChunks } from './read.js';

export interface DecodeOptions {
  /** A legacy encoding name (windows-1252, latin1, shift_jis…); default UTF-8. */
  encoding?: string;
}

const UTF8 = new Set(['utf8', 'utf-8']);

type Iconv = typeof iconvLite;
let iconvModule: Iconv | undefined;

/** iconv-lite (half a megabyte of tables), loaded only when a legacy encoding is in play. */
export async function loadIconv(): Promise<Iconv> {
  if (!iconvModule) {
    const mod = (await import('iconv-lite')) as Iconv & { default?: Iconv };
    iconvModule = mod.default ?? mod; // a CommonJS package: its exports sit on `default` when bundled
  }
  return iconvModule;
}

/** Checks an --encoding value before anything is read. */
export async function checkEncoding(encoding: string | undefined): Promise<void> {
  if (encoding && !UTF8.has(encoding.toLowerCase()) && encoding.toLowerCase() !== 'auto' && !(await loadIconv()).encodingExists(encoding)) {
    throw new UsageError(`unknown encoding "${encoding}"`, 'use a name like windows-1252, latin1, utf-16le or shift_jis, or auto to detect it');
  }
}

/** Opens a file (or stdin for "-") as a stream of bytes. */
export function openInput(path: string, stdin: NodeJS.ReadableStream): AsyncIterable<Buffer> {
  if (path === '-') return stdin as AsyncIterable<Buffer>;
  return readFileChunks(path);
}

/** True for "utf-8"/"utf8" or no encoding: the bytes are read as they are. */
export function isUtf8Name(encoding: string | undefined): boolean {
  return !encoding || UTF8.has(encoding.toLowerCase());
}

/**
 * Turns input bytes into UTF-8 bytes: a UTF-8 BOM is stripped, UTF-16 is
 * recognised by its BOM, and --encoding decodes legacy exports with iconv-lite
 * (Node's own windows-1252 decoding drops characters such as – “ ” €).
 * Decoders are streaming (a character may straddle two chunks), and a UTF-16
 * surrogate pair cut between two decoded pieces is held until it is whole:
 * alone, each half would become U+FFFD in UTF-8.
 */
export async function* toUtf8(input: AsyncIterable<Buffer | string>, opts: DecodeOptions = {}): AsyncGenerator<Buffer> {
  let decoder: ReturnType<Iconv['getDecoder']> | null | undefined;
  const iconv = opts.encoding && !UTF8.has(opts.encoding.toLowerCase()) ? await loadIconv() : undefined;
  let head: Buffer | null = Buffer.alloc(0);
  let high = ''; // a high surrogate waiting for its pair
  let tiny: Buffer | null = null; // fewer than 4 bytes waiting for more
  const explicit = opts.encoding && !UTF8.has(opts.encoding.toLowerCase()) ? opts.encoding : undefined;
  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (decoder === undefined) {
      head = Buffer.concat([head!, chunk]); // a copy: the chunk's buffer may be reused
      if (head.length < 4) continue;
      chunk = head;
      head = null;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) decoder = (await loadIconv()).getDecoder('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) decoder = (await loadIconv()).getDecoder('utf-16be');
      else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        decoder = explicit ? iconv!.getDecoder(explicit) : null;
        chunk = chunk.subarray(3);
      } else decoder = explicit ? iconv!.getDecoder(explicit) : null;
    }
    if (decoder) {
      // Writes of at least 4 bytes: iconv-lite's gb18030 decoder loses a
      // 4-byte sequence written across three pieces (a sequence then spans two at most).
      if (tiny) {
        chunk = Buffer.concat([tiny, chunk]);
        tiny = null;
      }
      if (chunk.length < 4) {
        tiny = Buffer.from(chunk);
        continue;
      }
      let text = decoder.write(chunk);
      if (high) {
        text = high + text;
        high = '';
      }
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        high = text.slice(-1);
        text = text.slice(0, -1);
      }
      if (text) yield Buffer.from(text, 'utf8');
    } else if (chunk.length > 0) yield chunk;
  }
  if (decoder === undefined && head && head.length > 0) {
    // fewer than 4 bytes in all
    let chunk = head;
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    const d = explicit ? iconv!.getDecoder(explicit) : null;
    const out = d ? Buffer.from(d.write(chunk) + (d.end() ?? ''), 'utf8') : chunk;
    if (out.length > 0) yield out;
    return;
  }
  if (decoder) {
    const rest = high + (tiny ? decoder.write(tiny) : '') + (decoder.end() ?? '');
    if (rest) yield Buffer.from(rest, 'utf8');
  }
}

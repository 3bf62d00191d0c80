import { closeSync, createReadStream, createWriteStream, fstatSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InputError, UsageError } from '../errors.js';
import { mapColumns, type ColumnMap } from '../recipients/columns.js';
import { presetFor, recognisePreset } from '../recipients/presets.js';
import { detectDelimiter, readCsv } from '../recipients/csv.js';
import { isUtf8Name, toUtf8 } from '../recipients/decode.js';
import { readFileChunks } from '../recipients/read.js';
import { diagnoseNonUtf8, notUtf8Error, Utf8Check } from '../recipients/utf8.js';

export interface InputFile {
  /** A path that can be read more than once (stdin and pipes are spooled to a temp file). */
  path: string;
  /** How messages name it: the path as given, or "stdin". */
  name: string;
  /** Opened once at the start: every pass reads this file, not whatever its path names later. */
  fd: number;
  /** Its size at the start: every pass reads these bytes and no more (a file still being written). */
  size: number;
  /** The legacy encoding to decode (--encoding, or the guess of --encoding auto); undefined for UTF-8. */
  encoding?: string;
  /** The bytes must be UTF-8 (no --encoding, no UTF-16 byte order mark): checked before the first message. */
  mustBeUtf8: boolean;
  /** Bytes [0, size) in chunks (each valid until the next is read). */
  chunks(): AsyncIterable<Buffer>;
  /** Refuses (exit 2) a file that is not UTF-8 when it must be, in a pass of its own (the grouping pre-pass checks as it reads). */
  checkUtf8(): Promise<void>;
  /** After a whole pass: refuses a file that was being written when the run started (it grew and its last line was cut). */
  checkSettled(): void;
  dispose(): void;
}

/**
 * The input as a re-readable file, opened once, its size taken now. stdin, a
 * pipe (`batch <(…)`) or another non-file is copied to a private temp file
 * first: the header is read before the rows, and grouping and --strict read
 * twice. `--encoding auto` is resolved here (UTF-8 when the file is, else the
 * likely encoding, said on stderr by `note`).
 */
export async function prepareInput(
  input: string,
  stdin: NodeJS.ReadableStream,
  opts: { name?: string; encoding?: string; note?: (line: string) => void } = {},
): Promise<InputFile> {
  let path = input;
  let name = opts.name ?? input;
  let dir: string | undefined;
  if (input === '-') name = 'stdin';
  else {
    let st;
    try {
      st = statSync(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read ${name}: ${code === 'ENOENT' ? 'no such file' : code ?? String(err)}`, 'check the CSV path (or use - for stdin)');
    }
    if (st.isDirectory()) throw new UsageError(`${name} is a folder, not a CSV file`, 'give the path of the CSV export');
    if (!st.isFile() && !st.isFIFO() && !st.isCharacterDevice() && !st.isSocket()) throw new UsageError(`${name} is not a file that can be read`, 'give the path of the CSV export, or - for stdin');
    if (!st.isFile()) path = '';
  }
  if (path === '-' || path === '') {
    // Read once, as it comes: a pipe cannot be read again.
    dir = mkdtempSync(join(tmpdir(), 'apologize-stdin-'));
    path = join(dir, 'input.csv');
    try {
      await pipeline(input === '-' ? stdin : createReadStream(input), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw new UsageError(`cannot read ${name}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'check the CSV path (or use - for stdin)');
    }
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw new UsageError(`cannot read ${name}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'check the CSV path and its permissions');
  }
  const size = fstatSync(fd).size;
  const head = Buffer.alloc(3);
  const headLength = readSync(fd, head, 0, 3, 0);
  const utf16 = headLength >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  const tail = Buffer.alloc(1);
  const endsAtLineBreak = size === 0 || (readSync(fd, tail, 0, 1, size - 1) === 1 && (tail[0] === 10 || tail[0] === 13));

  let encoding = isUtf8Name(opts.encoding) ? undefined : opts.encoding;
  const file: InputFile = {
    path,
    name,
    fd,
    size,
    encoding,
    mustBeUtf8: false,
    chunks: () => readFileChunks(fd, 0, size),
    async checkUtf8() {
      if (!file.mustBeUtf8) return;
      const check = new Utf8Check();
      for await (const chunk of readFileChunks(fd, 0, size)) if (!check.push(chunk)) break;
      if (!check.end()) throw await notUtf8Error(name, fd, size);
    },
    checkSettled() {
      const now = fstatSync(fd).size;
      if (now > size && !endsAtLineBreak) {
        throw new InputError(
          `${name} is still being written: it grew from ${size} to ${now} bytes since the run started, and its last line was unfinished`,
          'wait for the export to finish, then run again (nothing was written)',
        );
      }
    },
    dispose: () => {
      try {
        closeSync(fd);
      } catch {
        /* closed already */
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  if (encoding?.toLowerCase() === 'auto') {
    encoding = undefined;
    if (!utf16) {
      const d = await diagnoseNonUtf8(fd, size);
      if (d) {
        encoding = d.encoding;
        opts.note?.(`apologize: ${name} is not UTF-8 (line ${d.line}); reading it as ${encoding} (--encoding auto)`);
      }
    }
    file.encoding = encoding;
  }
  file.mustBeUtf8 = !encoding && !utf16;
  return file;
}

export interface HeaderInfo {
  delimiter: string;
  columns: ColumnMap;
}

/** Reads just the header: the delimiter (given or detected) and the column map. A header that is not UTF-8 when it must be is refused here. */
export async function readHeader(
  file: InputFile,
  delimiter: string | undefined,
  map: Map<string, string>,
  opts: { preset?: string; note?: (line: string) => void } = {},
): Promise<HeaderInfo> {
  let raw: Buffer | undefined;
  let first: Buffer | undefined;
  for await (const chunk of toUtf8(rawCopy(file.chunks(), (b) => (raw = raw ? Buffer.concat([raw, b]) : Buffer.from(b))), { encoding: file.encoding })) {
    first = Buffer.concat([first ?? Buffer.alloc(0), chunk]); // a copy: the chunk's buffer is reused
    if (first.indexOf(10) !== -1 || first.indexOf(13) !== -1 || first.length > 1 << 20) break;
  }
  if (!first || first.length === 0) throw new InputError(`${file.name} is empty: no header row`, 'export the CSV with a header row such as "email,name,order_id"');
  if (file.mustBeUtf8 && raw) {
    // The header line must be UTF-8 (a character cannot straddle its LF).
    const lf = raw.indexOf(10);
    const check = new Utf8Check();
    check.push(lf === -1 ? raw : raw.subarray(0, lf));
    if (!check.ok || (lf === -1 && raw.length === file.size && !check.end())) throw await notUtf8Error(file.name, file.fd, file.size);
  }
  const text = first.toString('utf8');
  const d = delimiter ?? detectDelimiter(text.split(/\r?\n|\r/, 1)[0] ?? '');
  const eol = text.search(/\r?\n|\r/);
  const headerBytes = Buffer.from(`${eol === -1 ? text : text.slice(0, eol)}\n`);
  let header: string[] | undefined;
  for await (const part of readCsv((async function* () { yield headerBytes; })(), { delimiter: d })) header ??= part.header;
  const cells = header ?? [];
  // --preset, else recognised from the header (and said): Shopify's "Name" is no person's name.
  const preset = opts.preset ? presetFor(opts.preset, cells) : recognisePreset(cells);
  if (preset && !opts.preset) opts.note?.(`apologize: reading ${preset.label}`);
  const columns = mapColumns(cells, map, preset);
  if (preset?.note) opts.note?.(`apologize: ${preset.note}`);
  return { delimiter: d, columns };
}

/** Passes chunks on, showing each to `see` first. */
async function* rawCopy(chunks: AsyncIterable<Buffer>, see: (b: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const c of chunks) {
    see(c);
    yield c;
  }
}

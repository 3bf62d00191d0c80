import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InputError, UsageError } from '../errors.js';
import { mapColumns, type ColumnMap } from '../recipients/columns.js';
import { detectDelimiter, readCsv } from '../recipients/csv.js';
import { openInput, toUtf8 } from '../recipients/decode.js';

export interface InputFile {
  /** A path that can be read more than once (stdin is spooled to a temp file). */
  path: string;
  /** Size in bytes, for the progress bar. */
  size: number;
  dispose(): void;
}

/**
 * The input as a re-readable file. stdin is copied to a temp file first: the
 * header is read before the rows, and grouping and --strict read twice.
 */
export async function prepareInput(input: string, stdin: NodeJS.ReadableStream): Promise<InputFile> {
  if (input === '-') {
    const dir = mkdtempSync(join(tmpdir(), 'apologize-stdin-'));
    const path = join(dir, 'input.csv');
    await pipeline(stdin, createWriteStream(path));
    return { path, size: statSync(path).size, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!existsSync(input)) throw new UsageError(`cannot read ${input}: no such file`, 'check the CSV path (or use - for stdin)');
  const st = statSync(input);
  if (st.isDirectory()) throw new UsageError(`${input} is a folder, not a CSV file`, 'give the path of the CSV export');
  return { path: input, size: st.size, dispose: () => {} };
}

export interface HeaderInfo {
  delimiter: string;
  columns: ColumnMap;
}

/** Reads just the header: the delimiter (given or detected) and the column map. */
export async function readHeader(path: string, encoding: string | undefined, delimiter: string | undefined, map: Map<string, string>): Promise<HeaderInfo> {
  const stream = openInput(path, process.stdin);
  let first: Buffer | undefined;
  for await (const chunk of toUtf8(stream, { encoding })) {
    first = Buffer.concat([first ?? Buffer.alloc(0), chunk]); // a copy: the chunk's buffer is reused
    if (first.indexOf(10) !== -1 || first.indexOf(13) !== -1 || first.length > 1 << 20) break;
  }
  (stream as unknown as { destroy?: () => void }).destroy?.();
  if (!first || first.length === 0) throw new InputError(`${path} is empty: no header row`, 'export the CSV with a header row such as "email,name,order_id"');
  const text = first.toString('utf8');
  const d = delimiter ?? detectDelimiter(text.split(/\r?\n|\r/, 1)[0] ?? '');
  const eol = text.search(/\r?\n|\r/);
  const headerBytes = Buffer.from(`${eol === -1 ? text : text.slice(0, eol)}\n`);
  let header: string[] | undefined;
  for await (const part of readCsv((async function* () { yield headerBytes; })(), { delimiter: d })) header ??= part.header;
  return { delimiter: d, columns: mapColumns(header ?? [], map) };
}

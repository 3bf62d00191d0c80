import csvParser from 'csv-parser';
import { InputError, UsageError } from '../errors.js';

export interface CsvRow {
  /** Line of the file where the record starts (1-based; the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvOptions {
  /** `,` `;` tab or `|`; detected from the header line when not given. */
  delimiter?: string;
}

const CANDIDATES = [',', ';', '\t', '|'];

/** Counts delimiter candidates outside quotes in the first line and picks the most frequent. */
export function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const d = named[value.toLowerCase()] ?? value;
  if (d.length !== 1) throw new UsageError(`--delimiter "${value}" must be one character`, 'use , ; | or tab');
  return d;
}

/** Keeps copies of the bytes fed to the parser so a record's byte offset becomes a line number. */
class LineCounter {
  private chunks: { start: number; buf: Buffer }[] = [];
  private total = 0;
  private pos = 0;
  private line = 1;
  constructor(private readonly nl: number) {}
  add(buf: Buffer): void {
    this.chunks.push({ start: this.total, buf });
    this.total += buf.length;
  }
  lineAt(offset: number): number {
    while (this.pos < offset && this.chunks.length > 0) {
      const c = this.chunks[0]!;
      const end = Math.min(offset, c.start + c.buf.length);
      let i = this.pos - c.start;
      const stop = end - c.start;
      for (;;) {
        i = c.buf.indexOf(this.nl, i);
        if (i === -1 || i >= stop) break;
        this.line++;
        i++;
      }
      this.pos = end;
      if (end === c.start + c.buf.length) this.chunks.shift();
      else break;
    }
    return this.line;
  }
}

/**
 * Reads CSV from UTF-8 bytes: the header, then batches of records with the line
 * each starts on. Quoted fields with delimiters, quotes and newlines work.
 * Uses csv-parser's parser synchronously (no per-row stream hop) for speed.
 */
export async function* readCsv(input: AsyncIterable<Buffer>, opts: CsvOptions = {}): AsyncGenerator<{ header?: string[]; rows: CsvRow[]; bytes: number }> {
  let parser: csvParser.CsvParser | undefined;
  let counter: LineCounter | undefined;
  let header: string[] | undefined;
  let batch: CsvRow[] = [];
  let pending = Buffer.alloc(0);
  let sawHeaderLine = false;

  const onRow = (cells: string[], byteOffset: number) => {
    const line = counter!.lineAt(byteOffset);
    if (!header) {
      header = cells;
      return;
    }
    batch.push({ line, cells });
  };

  const start = (first: Buffer) => {
    const text = first.toString('utf8');
    const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
    const delimiter = opts.delimiter ?? detectDelimiter(firstLine);
    const crOnly = /\r(?!\n)/.test(text.slice(0, firstLine.length + 2)) && !text.includes('\n');
    counter = new LineCounter(crOnly ? 13 : 10);
    parser = csvParser({ headers: false, separator: delimiter, outputByteOffset: true, strict: false, ...(crOnly ? { newline: '\r' } : {}) });
    // The parser's synchronous core: each record's cells arrive at writeRow()
    // (skipping the object it would build from them, and the stream hop).
    (parser as unknown as { writeRow: (cells: string[], byteOffset: number) => void }).writeRow = onRow;
  };

  const feed = (buf: Buffer) => {
    counter!.add(buf);
    // csv-parser rewrites the buffer it is given while unquoting: hand it a copy.
    const copy = Buffer.from(buf);
    let failure: Error | null | undefined;
    (parser as unknown as { _transform: (b: Buffer, e: null, cb: (err?: Error | null) => void) => void })._transform(copy, null, (err) => {
      failure = err;
    });
    if (failure) throw new InputError(`CSV: ${failure.message}`, 'check the file is CSV');
  };

  for await (const chunk of input) {
    if (!parser) {
      pending = Buffer.concat([pending, chunk]);
      if (!sawHeaderLine && pending.indexOf(10) === -1 && pending.indexOf(13) === -1 && pending.length < 1 << 16) continue;
      sawHeaderLine = true;
      start(pending);
      feed(pending);
      pending = Buffer.alloc(0);
    } else feed(chunk);
    if (header || batch.length > 0) {
      yield { header, rows: batch, bytes: chunk.length };
      batch = [];
    }
  }
  if (!parser && pending.length > 0) {
    start(pending);
    feed(pending);
  }
  if (parser) {
    (parser as unknown as { _flush: (cb: () => void) => void })._flush(() => {});
  }
  if (!header) throw new InputError('the CSV is empty: no header row', 'export it with a header row such as "email,name,order_id"');
  yield { header, rows: batch, bytes: 0 };
}

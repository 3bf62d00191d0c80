import { InputError } from '../errors.js';
import { CsvTokenizer } from './tokenizer.js';

export interface CsvRow {
  /** Line of the file where the record starts (1-based; the header is line 1). */
  line: number;
  cells: string[];
  /** With CsvOptions.want: the record's text (no line break), for the cells not read (rejects write it whole). */
  text?: string;
}

export interface CsvOptions {
  /** `,` `;` tab or `|`; detected from the header line when not given. */
  delimiter?: string;
  /**
   * Columns to decode, one entry a column of the header (1: wanted): the other
   * cells of a row read as "" (its `text` has them). Not used when it does not
   * match the header's length.
   */
  want?: Uint8Array;
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

/**
 * Reads CSV from UTF-8 bytes: the header, then batches of records with the line
 * each starts on (one batch per chunk read). See CsvTokenizer for the rules.
 */
export async function* readCsv(input: AsyncIterable<Buffer>, opts: CsvOptions = {}): AsyncGenerator<{ header?: string[]; rows: CsvRow[]; bytes: number }> {
  let tokenizer: CsvTokenizer | undefined;
  let header: string[] | undefined;
  let batch: CsvRow[] = [];
  let pending: Buffer = Buffer.alloc(0);

  const onRecord = (cells: string[], line: number, text?: string) => {
    if (header) batch.push({ line, cells, text });
    else {
      header = cells;
      if (opts.want && opts.want.length === cells.length) tokenizer!.want = opts.want;
    }
  };
  const start = (first: Buffer) => {
    const firstLine = first.toString('utf8').split(/\r?\n|\r/, 1)[0] ?? '';
    tokenizer = new CsvTokenizer(opts.delimiter ?? detectDelimiter(firstLine), onRecord);
  };

  for await (const chunk of input) {
    if (!tokenizer) {
      // the delimiter is detected from the whole first line
      pending = Buffer.concat([pending, chunk]); // a copy: the chunk's buffer may be reused
      if (pending.indexOf(10) === -1 && pending.indexOf(13) === -1 && pending.length < 1 << 16) continue;
      start(pending);
      tokenizer!.push(pending);
      pending = Buffer.alloc(0);
    } else tokenizer.push(chunk);
    if (header || batch.length > 0) {
      yield { header, rows: batch, bytes: chunk.length };
      batch = [];
    }
  }
  if (!tokenizer && pending.length > 0) {
    // the whole input is one line without a line break (a header and no rows)
    start(pending);
    tokenizer!.push(pending);
  }
  tokenizer?.end();
  if (!header) throw new InputError('the CSV is empty: no header row', 'export it with a header row such as "email,name,order_id"');
  yield { header, rows: batch, bytes: 0 };
}

import { emailKey, emailKeyHash, KEY_EMPTY, KEY_TEXT } from '../text/email-key.js';
import { FingerprintSet, type FingerprintData } from '../text/fingerprint.js';
import { CsvTokenizer } from './tokenizer.js';

/** A key's hash from its text (Prescan.fromString): one pair for every call. */
const KEY_HASH = new Uint32Array(2);

export interface PrescanResult {
  /** Keys whose rows are not all adjacent. */
  scattered: FingerprintSet;
  scatteredCount: number;
  records: number;
}

/** What a scan of one part of a file found, in a form another thread can send. */
export interface PrescanData {
  closed: FingerprintData;
  scattered: FingerprintData;
  scatteredCount: number;
  records: number;
  /** The first and the last customer of the part (0, 0: none). */
  first: [number, number];
  last: [number, number];
}

/**
 * The first pass for grouping: finds the customers whose rows are not adjacent,
 * so the main pass can stream every other customer and hold back only those.
 * Keeps a 64-bit fingerprint of each customer seen (FingerprintSet), never the
 * addresses. Records are read by the same tokenizer as the main pass; the key
 * is emailKey's (email-key.ts), hashed from the bytes for plain ASCII cells.
 *
 * A file can be scanned in two parts (on two threads) and the parts merged:
 * see `merge`.
 */
export class Prescan {
  readonly closed = new FingerprintSet(1 << 16);
  readonly scattered = new FingerprintSet(1 << 10);
  scatteredCount = 0;
  records = 0;
  private curA = 0;
  private curB = 0; // 0: no current customer
  private firstA = 0;
  private firstB = 0;
  private header: boolean;
  private readonly tokenizer: CsvTokenizer;
  private readonly hash = new Uint32Array(2);

  /** `header`: the part starts with the file's header line (else with a record). */
  constructor(delimiter: string, emailIdx: number, header = true) {
    this.header = header;
    this.tokenizer = new CsvTokenizer(
      delimiter,
      (cells) => {
        if (this.header) {
          this.header = false;
          return;
        }
        this.records++;
        this.fromString(cells[emailIdx]);
      },
      emailIdx,
      (buf, start, end) => {
        if (this.header) {
          this.header = false;
          return;
        }
        this.records++;
        const found = emailKeyHash(buf, start, end, this.hash);
        if (found === KEY_TEXT) return this.fromString(buf.toString('utf8', start, end));
        if (found === KEY_EMPTY) return;
        this.customer(this.hash[0]!, this.hash[1]!);
      },
    );
  }

  push(buf: Buffer): void {
    this.tokenizer.push(buf);
  }

  end(): void {
    this.tokenizer.end();
  }

  /** True when the bytes pushed so far end exactly at a record boundary. */
  get aligned(): boolean {
    return this.tokenizer.pending === 0;
  }

  private fromString(cell: string | undefined): void {
    if (cell === undefined) return;
    const key = emailKey(cell);
    if (key === '') return;
    FingerprintSet.hashInto(key, KEY_HASH);
    this.customer(KEY_HASH[0]!, KEY_HASH[1]!);
  }

  /** The next record's customer, by fingerprint. */
  private customer(a: number, b: number): void {
    if (a === this.curA && b === this.curB) return;
    if (this.curB !== 0) this.closed.addPair(this.curA, this.curB);
    else if (this.firstB === 0) {
      this.firstA = a;
      this.firstB = b;
    }
    if (this.closed.hasPair(a, b) && this.scattered.addPair(a, b)) this.scatteredCount++;
    this.curA = a;
    this.curB = b;
  }

  result(): PrescanResult {
    return { scattered: this.scattered, scatteredCount: this.scatteredCount, records: this.records };
  }

  toData(): PrescanData {
    return {
      closed: this.closed.toData(),
      scattered: this.scattered.toData(),
      scatteredCount: this.scatteredCount,
      records: this.records,
      first: [this.firstA, this.firstB],
      last: [this.curA, this.curB],
    };
  }

  /**
   * This scan (of the start of a file) followed by `next` (of the rest): a
   * customer is scattered when either part says so, or when both parts have
   * them, except when their last run here and their first run there are one
   * run across the cut.
   */
  merge(next: PrescanData): PrescanResult {
    const closedB = FingerprintSet.fromData(next.closed);
    const scatteredB = FingerprintSet.fromData(next.scattered);
    const scattered = this.scattered;
    let count = this.scatteredCount;
    const inA = (a: number, b: number) => this.closed.hasPair(a, b) || (a === this.curA && b === this.curB && b !== 0);
    const consider = (a: number, b: number) => {
      if (scatteredB.hasPair(a, b)) {
        if (scattered.addPair(a, b)) count++;
        return;
      }
      if (!inA(a, b)) return;
      const acrossCut = a === this.curA && b === this.curB && a === next.first[0] && b === next.first[1] && !this.closed.hasPair(a, b);
      if (!acrossCut && scattered.addPair(a, b)) count++;
    };
    closedB.forEachPair(consider);
    if (next.last[1] !== 0 && !closedB.hasPair(next.last[0], next.last[1])) consider(next.last[0], next.last[1]);
    return { scattered, scatteredCount: count, records: this.records + next.records };
  }
}

/** The first pass over a whole input on this thread. */
export async function prescanScattered(input: AsyncIterable<Buffer>, delimiter: string, emailIdx: number): Promise<PrescanResult> {
  const scan = new Prescan(delimiter, emailIdx);
  for await (const buf of input) scan.push(buf);
  scan.end();
  return scan.result();
}

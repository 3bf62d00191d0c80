import { FingerprintSet } from './fingerprint.js';
import { CsvTokenizer } from './tokenizer.js';

/** The grouping key of an email cell: the bare address, lower-cased. */
export function emailKey(cell: string): string {
  const v = cell.trim();
  const lt = v.lastIndexOf('<');
  const gt = v.lastIndexOf('>');
  return (lt >= 0 && gt > lt ? v.slice(lt + 1, gt) : v).trim().toLowerCase();
}

export interface PrescanResult {
  /** Keys whose rows are not all adjacent. */
  scattered: FingerprintSet;
  scatteredCount: number;
  records: number;
}

/**
 * The first pass for grouping: finds the customers whose rows are not adjacent,
 * so the main pass can stream every other customer and hold back only those.
 * Keeps a 64-bit fingerprint of each customer seen (FingerprintSet), never the
 * addresses. Records are read by the same tokenizer as the main pass.
 */
export async function prescanScattered(
  input: AsyncIterable<Buffer>,
  delimiter: string,
  emailIdx: number,
): Promise<PrescanResult> {
  const closed = new FingerprintSet(1 << 16);
  const scattered = new FingerprintSet(1 << 10);
  let scatteredCount = 0;
  let records = 0;
  let curA = 0;
  let curB = 0; // 0: no current customer
  let header = true;
  const hash = new Uint32Array(2);
  /** The next record's customer, by fingerprint. */
  const customer = (a: number, b: number) => {
    if (a === curA && b === curB) return;
    if (curB !== 0) closed.addPair(curA, curB);
    if (closed.hasPair(a, b) && scattered.addPair(a, b)) scatteredCount++;
    curA = a;
    curB = b;
  };
  const fromString = (cell: string | undefined) => {
    if (cell === undefined) return;
    const key = emailKey(cell);
    if (key === '') return;
    const [a, b] = FingerprintSet.hash(key);
    customer(a, b);
  };
  const tokenizer = new CsvTokenizer(
    delimiter,
    (cells) => {
      if (header) {
        header = false;
        return;
      }
      records++;
      fromString(cells[emailIdx]);
    },
    emailIdx,
    (buf, start, end) => {
      if (header) {
        header = false;
        return;
      }
      records++;
      // The key's fingerprint from the bytes: trimmed, lower-cased, for plain
      // ASCII; anything else goes through the string, as emailKey reads it.
      while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
      while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
      if (start === end) return;
      for (let i = start; i < end; i++) {
        const c = buf[i]!;
        if (c >= 128 || c < 32 || c === 60 || c === 62) return fromString(buf.toString('utf8', start, end));
      }
      FingerprintSet.hashBytes(buf, start, end, hash);
      customer(hash[0]!, hash[1]!);
    },
  );
  for await (const buf of input) tokenizer.push(buf);
  tokenizer.end();
  return { scattered, scatteredCount, records };
}

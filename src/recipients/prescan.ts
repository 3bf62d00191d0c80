import { FingerprintSet } from './fingerprint.js';

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
 * It reads only record boundaries (RFC 4180 quoting) and hashes the email
 * cell's bytes as it goes (lower-cased, trimmed: the same fingerprint as
 * FingerprintSet.hash of the key), building no strings for plain ASCII cells.
 */
export async function prescanScattered(
  input: AsyncIterable<Buffer>,
  delimiter: string,
  emailColumn: (header: string[]) => number,
): Promise<PrescanResult> {
  const DELIM = delimiter.charCodeAt(0);
  const closed = new FingerprintSet(1 << 16);
  const scattered = new FingerprintSet(1 << 10);
  let scatteredCount = 0;
  let records = 0;
  let curA = 0;
  let curB = 0; // 0: no current customer

  let quoted = false;
  let field = 0;
  let emailIdx = -1;
  let header: string[] | null = [];
  let headerCell: number[] = [];
  // hashing state of the email cell
  let inEmail = false;
  let started = false;
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  let c1 = 0;
  let c2 = 0;
  let committed = false;
  let complex = false;
  let raw: number[] = [];
  let prevCR = false;

  const beginCell = () => {
    inEmail = header === null && field === emailIdx;
    started = false;
    h1 = 0x811c9dc5;
    h2 = 0x9747b28c;
    committed = false;
    complex = false;
    raw = [];
  };
  let rowA = 0;
  let rowB = 0;
  const endCell = () => {
    if (inEmail) {
      if (complex) {
        const key = emailKey(Buffer.from(raw).toString('utf8'));
        if (key) [rowA, rowB] = FingerprintSet.hash(key);
      } else if (committed) [rowA, rowB] = FingerprintSet.finish(c1, c2);
    }
    if (header !== null) {
      header.push(Buffer.from(headerCell).toString('utf8').trim().replace(/^"|"$/g, '').replace(/""/g, '"'));
      headerCell = [];
    }
  };
  const endRecord = () => {
    if (header !== null) {
      emailIdx = emailColumn(header);
      header = null;
      field = 0;
      beginCell();
      return;
    }
    records++;
    const a = rowA;
    const b = rowB;
    rowA = 0;
    rowB = 0;
    if (b !== 0 && (a !== curA || b !== curB)) {
      if (curB !== 0) closed.addPair(curA, curB);
      if (closed.hasPair(a, b) && scattered.addPair(a, b)) scatteredCount++;
      curA = a;
      curB = b;
    }
    field = 0;
    beginCell();
  };

  for await (const buf of input) {
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      if (header !== null && c !== 10 && c !== 13 && !(c === DELIM && !quoted)) headerCell.push(c);
      if (c === 34) {
        quoted = !quoted; // a doubled quote toggles twice
        if (inEmail && !quoted && buf[i + 1] === 34) raw.push(34);
        prevCR = false;
        continue;
      }
      if (!quoted) {
        if (c === DELIM) {
          endCell();
          field++;
          beginCell();
          prevCR = false;
          continue;
        }
        if (c === 10 || c === 13) {
          if (c === 10 && prevCR) {
            prevCR = false;
            continue;
          }
          prevCR = c === 13;
          endCell();
          endRecord();
          continue;
        }
      }
      prevCR = false;
      if (!inEmail) continue;
      raw.push(c);
      if (c >= 128 || c === 60) {
        complex = true;
        continue;
      }
      if (c === 32 || c === 9) {
        if (!started) continue;
      } else started = true;
      const lc = c >= 65 && c <= 90 ? c + 32 : c;
      h1 = Math.imul(h1 ^ lc, 0x01000193);
      h2 = Math.imul(h2 ^ lc, 0x5bd1e995);
      h2 ^= h2 >>> 13;
      if (c !== 32 && c !== 9) {
        c1 = h1;
        c2 = h2;
        committed = true;
      }
    }
  }
  if (field > 0 || committed || complex) {
    endCell();
    endRecord();
  }
  return { scattered, scatteredCount, records };
}

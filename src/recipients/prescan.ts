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
 * Reads only record boundaries and the email column (RFC 4180 quoting), which
 * is several times cheaper than a full parse.
 */
export async function prescanScattered(
  input: AsyncIterable<Buffer>,
  delimiter: string,
  emailColumn: (header: string[]) => number,
): Promise<PrescanResult> {
  const DELIM = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const closed = new FingerprintSet(1 << 16);
  const scattered = new FingerprintSet(1 << 10);
  let scatteredCount = 0;
  let current: string | null = null;
  let records = 0;

  let quoted = false;
  let field = 0;
  let emailIdx = -1;
  let header: string[] | null = [];
  let cellParts: Buffer[] = [];
  let cellStart = 0;
  let wantCell = true; // collect cells of the header row, then only the email column

  const finishCell = (buf: Buffer, end: number) => {
    if (wantCell) {
      cellParts.push(buf.subarray(cellStart, end));
      let text = Buffer.concat(cellParts).toString('utf8');
      cellParts = [];
      if (text.startsWith('"')) text = text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined).replace(/""/g, '"');
      if (header) header.push(text);
      else onEmail(text);
    }
  };
  let rowEmail: string | null = null;
  const onEmail = (text: string) => {
    rowEmail = emailKey(text);
  };
  const finishRecord = () => {
    if (header) {
      emailIdx = emailColumn(header);
      header = null;
    } else {
      records++;
      const key = rowEmail;
      if (key) {
        if (key !== current) {
          if (current !== null) closed.add(current);
          if (closed.has(key) && scattered.add(key)) scatteredCount++;
          current = key;
        }
      }
    }
    rowEmail = null;
    field = 0;
    wantCell = header !== null || emailIdx === 0;
  };

  let prevCR = false;
  for await (const buf of input) {
    cellStart = 0;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      if (quoted) {
        if (c === QUOTE) quoted = false; // a doubled quote re-opens on the next byte
        continue;
      }
      if (c === QUOTE) {
        quoted = true;
      } else if (c === DELIM) {
        finishCell(buf, i);
        field++;
        cellStart = i + 1;
        wantCell = header !== null || field === emailIdx;
      } else if (c === 10 || c === 13) {
        if (c === 10 && prevCR) {
          prevCR = false;
          cellStart = i + 1;
          continue;
        }
        prevCR = c === 13;
        finishCell(buf, i);
        finishRecord();
        cellStart = i + 1;
        continue;
      }
      prevCR = false;
    }
    if (wantCell && cellStart < buf.length) cellParts.push(Buffer.from(buf.subarray(cellStart)));
  }
  if (cellParts.length > 0 || field > 0 || rowEmail !== null) {
    finishCell(Buffer.alloc(0), 0);
    finishRecord();
  }
  return { scattered, scatteredCount, records };
}

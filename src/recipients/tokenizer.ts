import { InputError } from '../errors.js';

/** A record longer than this is taken for an unclosed quote swallowing the file. */
export const MAX_RECORD_BYTES = 1 << 20;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** `Buffer#utf8Slice`: `toString('utf8', a, b)` without its argument checks (a hot path). */
type FastBuffer = Buffer & { utf8Slice(start: number, end: number): string };

/**
 * A streaming CSV tokenizer over UTF-8 bytes (RFC 4180, read leniently as
 * Python's csv module and spreadsheets do):
 *
 * - records end at LF, CRLF or a lone CR outside quotes; each of those is also
 *   one line for the line numbers (the header is line 1);
 * - a field that starts with `"` is quoted: delimiters and line breaks inside
 *   are data, `""` is one quote, and text after the closing quote is kept;
 * - a quote inside an unquoted field is an ordinary character;
 * - cells are not trimmed; a blank line is one empty cell.
 *
 * Why not a library: csv-parser (what this replaced) and csv-parse parse 1M
 * rows in 1.7–4.4 s on this machine, most of the 3 s budget in SPEC.md, and the
 * fast parsers (uDSV, csv-simple-parser) have no line numbers for rejected rows
 * and require line breaks in quoted fields to match the row separator. This one
 * keeps the next quote, LF and CR found by native `indexOf` until it passes
 * them, and splits a record without quotes with one `split` (~0.6 s per
 * million rows of the bench's file here). The quoting rules are written three
 * times, each for a hot path: `splitQuotedLine` (a one-line record, on a
 * string), `quoted` (a record over several lines or chunks, on bytes) and
 * `projectQuoted` (one cell, bytes only); all are checked cell for cell against
 * Python's csv module and each other on random input (tests/property/csv.test.ts).
 */
export class CsvTokenizer {
  /** The bytes being read: work[0, carry) held from before, then the new chunk. */
  private buf: FastBuffer = Buffer.alloc(0) as FastBuffer;
  private work = Buffer.allocUnsafe(1 << 17);
  private carry = 0;
  private readonly delim: number;
  /** Line number of the next record. */
  line = 1;

  /**
   * `only`: report just that cell of each record, for a pass that needs one
   * column; -1 for every cell. With `onCell`, a record whose cell comes before
   * any quote on its line reports that cell as its bytes, buf[start, end) (no
   * string made); other records (quoted cell, several lines, no such cell)
   * still go to `onRecord`.
   */
  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (cells: string[], line: number) => void,
    private readonly only = -1,
    private readonly onCell?: (buf: Buffer, start: number, end: number, line: number) => void,
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new InputError(`the delimiter ${JSON.stringify(delimiter)} cannot separate CSV fields`, 'use , ; | or tab');
    }
    this.delim = delimiter.charCodeAt(0);
  }

  /**
   * Takes the next bytes; every complete record in them is reported. The
   * chunk is copied (into one buffer that is reused), so the caller may reuse
   * its own: nothing is allocated per chunk.
   */
  push(chunk: Buffer): void {
    const total = this.carry + chunk.length;
    if (total > this.work.length) {
      const bigger = Buffer.allocUnsafe(Math.max(total, this.work.length * 2));
      this.work.copy(bigger, 0, 0, this.carry);
      this.work = bigger;
    }
    chunk.copy(this.work, this.carry);
    this.buf = this.work.subarray(0, total) as FastBuffer;
    const used = this.run(false);
    this.carry = total - used;
    if (this.carry > 0 && used > 0) this.work.copy(this.work, 0, used, total);
    if (this.carry > MAX_RECORD_BYTES) {
      throw new InputError(`line ${this.line}: a record runs past 1 MiB (a quote that is never closed?)`, `check the quotes on line ${this.line}`);
    }
  }

  /** Bytes held for a record not yet complete (0: the input so far ends at a record boundary). */
  get pending(): number {
    return this.carry;
  }

  /** The end of the input: a last record without a line break is reported. */
  end(): void {
    if (this.carry > 0) {
      this.buf = this.work.subarray(0, this.carry) as FastBuffer;
      this.run(true);
    }
    this.carry = 0;
  }

  /** Reports the complete records in `buf`; returns how many bytes they used. */
  private run(final: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    const delimiter = this.delimiter;
    let pos = 0;
    // Next quote, LF and CR at or after pos (len when there is none): one
    // native search each per record at most, none when the file has none.
    let q = -1;
    let lf = -1;
    let cr = -1;
    while (pos < len) {
      if (q < pos) q = indexOr(buf, QUOTE, pos, len);
      if (lf < pos) lf = indexOr(buf, LF, pos, len);
      if (cr < pos) cr = indexOr(buf, CR, pos, len);
      const eol = lf < cr ? lf : cr;
      if (q < eol && eol < len && this.onCell && !(eol === cr && eol + 1 === len && !final) && this.projectQuoted(pos, q, eol)) {
        // One column wanted, before the first quote, and the record ends on this line.
        pos = eol === cr && eol + 1 < len && buf[eol + 1] === LF ? eol + 2 : eol + 1;
        continue;
      }
      if (q < eol && eol < len) {
        // Quotes on this line: usually the record still ends here.
        const cells = splitQuotedLine(buf.utf8Slice(pos, eol), delimiter);
        if (cells) {
          let next = eol + 1;
          if (eol === cr && eol + 1 < len && buf[eol + 1] === LF) next++;
          else if (eol === cr && eol + 1 === len && !final) return pos;
          this.onRecord(cells, this.line++);
          pos = next;
          continue;
        }
      }
      if (q < eol) {
        const next = this.quoted(pos, final);
        if (next < 0) return pos;
        pos = next;
        continue;
      }
      if (eol === len && !final) return pos;
      let next = eol + 1;
      if (eol === cr) {
        if (eol + 1 < len) {
          if (buf[eol + 1] === LF) next++;
        } else if (!final) return pos; // a CR at the end of the chunk: an LF may follow
      }
      if (this.only < 0) this.onRecord(buf.utf8Slice(pos, eol).split(delimiter), this.line++);
      else this.project(pos, eol);
      pos = next;
    }
    return pos;
  }

  /** Reports just cell `only` of a record without quotes in buf[from, to). */
  private project(from: number, to: number): void {
    const buf = this.buf;
    const d = this.delim;
    let a = from;
    for (let k = 0; k < this.only && a <= to; k++) {
      while (a < to && buf[a] !== d) a++;
      a++;
    }
    const cells: string[] = [];
    if (a > to) {
      this.onRecord(cells, this.line++);
      return;
    }
    let b = a;
    while (b < to && buf[b] !== d) b++;
    if (this.onCell) this.onCell(buf, a, b, this.line++);
    else {
      cells[this.only] = buf.utf8Slice(a, b);
      this.onRecord(cells, this.line++);
    }
  }

  /**
   * For `only` with `onCell`: when cell `only` of the line buf[from, eol) ends
   * before its first quote (at q) and no quoted field is still open at eol,
   * reports that cell's bytes and returns true; else false (nothing reported).
   */
  private projectQuoted(from: number, q: number, eol: number): boolean {
    const buf = this.buf;
    const d = this.delim;
    let a = from;
    for (let k = 0; k < this.only; k++) {
      while (a < q && buf[a] !== d) a++;
      if (a >= q) return false;
      a++;
    }
    let b = a;
    while (b < q && buf[b] !== d) b++;
    if (b >= q) return false;
    // Does the record end at eol? Walk the fields from the one holding the first quote.
    let i = buf.lastIndexOf(d, q);
    i = i < b ? b + 1 : i + 1;
    for (;;) {
      if (buf[i] === QUOTE) {
        let j = i + 1;
        for (;;) {
          const close = buf.indexOf(QUOTE, j);
          if (close === -1 || close >= eol) return false; // open at the line break: the record goes on
          if (buf[close + 1] === QUOTE) {
            j = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
      }
      while (i < eol && buf[i] !== d) i++;
      if (i >= eol) break;
      i++;
    }
    this.onCell!(buf, a, b, this.line++);
    return true;
  }

  /**
   * A record with quotes, byte by byte from `start`. Returns where the next
   * record starts, or -1 when the record is not complete in the buffer.
   */
  private quoted(start: number, final: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    const d = this.delim;
    const cells: string[] = [];
    let breaks = 0;
    let i = start;
    for (;;) {
      // one field, starting at i
      let cell = '';
      if (i < len && buf[i] === QUOTE) {
        let from = i + 1;
        for (;;) {
          const close = buf.indexOf(QUOTE, from);
          if (close === -1 || close >= len) {
            if (!final) return -1;
            // never closed: the field runs to the end of the input
            breaks += countBreaks(buf, from, len);
            cell += buf.utf8Slice(from, len);
            cells.push(cell);
            this.onRecord(cells, this.line);
            this.line += breaks + 1;
            return len;
          }
          breaks += countBreaks(buf, from, close);
          if (close + 1 < len && buf[close + 1] === QUOTE) {
            cell += buf.utf8Slice(from, close + 1);
            from = close + 2;
            continue;
          }
          if (close + 1 >= len && !final) return -1; // `""` may straddle chunks
          cell += buf.utf8Slice(from, close);
          i = close + 1;
          break;
        }
      }
      // the unquoted part (all of an unquoted field; text after a closing quote)
      let j = i;
      while (j < len) {
        const c = buf[j]!;
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      if (j > i) cell += buf.utf8Slice(i, j);
      if (j >= len) {
        if (!final) return -1;
        cells.push(cell);
        this.onRecord(cells, this.line);
        this.line += breaks + 1;
        return len;
      }
      cells.push(cell);
      const c = buf[j]!;
      if (c === d) {
        i = j + 1;
        continue;
      }
      let next = j + 1;
      if (c === CR) {
        if (j + 1 < len) {
          if (buf[j + 1] === LF) next++;
        } else if (!final) return -1;
      }
      this.onRecord(cells, this.line);
      this.line += breaks + 1;
      return next;
    }
  }
}

/**
 * The cells of one line with quotes, or null when a quoted field is still open
 * at its end (the record goes on over the line break).
 */
function splitQuotedLine(s: string, d: string): string[] | null {
  const cells: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    let cell = '';
    if (s.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      for (;;) {
        const close = s.indexOf('"', from);
        if (close === -1) return null;
        if (s.charCodeAt(close + 1) === QUOTE) {
          cell += s.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        cell += s.slice(from, close);
        i = close + 1;
        break;
      }
    }
    const next = s.indexOf(d, i);
    const end = next === -1 ? n : next;
    if (end > i) cell += s.slice(i, end);
    cells.push(cell);
    if (next === -1) return cells;
    i = next + 1;
  }
}

function indexOr(buf: Buffer, byte: number, from: number, none: number): number {
  const i = buf.indexOf(byte, from);
  return i === -1 ? none : i;
}

/** Line breaks (LF, CRLF, lone CR) in buf[from, to). */
function countBreaks(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c === LF) n++;
    else if (c === CR && buf[i + 1] !== LF) n++;
  }
  return n;
}

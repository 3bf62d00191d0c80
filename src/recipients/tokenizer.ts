import { InputError } from '../errors.js';

/** A record longer than this is taken for an unclosed quote swallowing the file. */
export const MAX_RECORD_BYTES = 1 << 20;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** `Buffer#utf8Slice` and `latin1Slice`: `toString(encoding, a, b)` without its argument checks (a hot path). */
type FastBuffer = Buffer & { utf8Slice(start: number, end: number): string; latin1Slice(start: number, end: number): string };

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
 * million rows of the bench's file here). A record with a quote is decoded
 * and split by `splitRecord`, the one place the quoting rules are written,
 * whether it spans one line or several, or chunks; a pass that wants one
 * column gets it as bytes when it comes before the first quote. Checked cell for
 * cell against Python's csv module on random input (tests/property/csv.test.ts).
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
   * Columns wanted (one entry a column, 1 for wanted): records are reported with
   * those cells only ("" for the others, see scanRecord) and their text, for a
   * rejected row to be written whole. Undefined: every cell.
   */
  want: Uint8Array | undefined;
  /**
   * With `want`: where each wanted cell of a record is in its `text`, for a
   * reader that passes the text on and the cells as places in it
   * (parse-ahead.ts). Cell k is text[at[2k], at[2k+1]), or at[2k] is -1 when it
   * is not one piece of the text (quoted). Set by the reader (as long as the
   * header); valid during onRecord while `atValid`.
   */
  at: Int32Array | undefined;
  atValid = false;
  /**
   * With `want`: one array (as long as the header) that records cut from one
   * line are reported in, again and again, for a reader that is done with a
   * record's cells when onRecord returns (parse-ahead.ts sends them on): no
   * array of a cell per column made per row. Only the wanted cells are set in
   * it; the others stay "".
   */
  reuse: string[] | undefined;
  /**
   * `only`: report just that cell of each record, for a pass that needs one
   * column; -1 for every cell. With `onCell`, a record whose cell comes before
   * any quote on its line reports that cell as its bytes, buf[start, end) (no
   * string made); other records (quoted cell, several lines, no such cell)
   * still go to `onRecord`.
   */
  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (cells: string[], line: number, text?: string) => void,
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
      if (q < eol && eol < len && this.onCell && !(eol === cr && eol + 1 === len && !final) && this.projectBeforeQuote(pos, q, eol)) {
        // One column wanted, before the first quote, and the record ends on this line.
        pos = eol === cr && eol + 1 < len && buf[eol + 1] === LF ? eol + 2 : eol + 1;
        continue;
      }
      if (this.want !== undefined && this.only < 0 && (eol < len || final)) {
        // Some columns wanted: a record on one line is scanned once, its wanted cells cut from its text.
        let next = eol + 1;
        if (eol === cr && eol < len) {
          if (eol + 1 < len) {
            if (buf[eol + 1] === LF) next++;
          } else if (!final) return pos; // a CR at the end of the chunk: an LF may follow
        }
        const text = buf.utf8Slice(pos, eol);
        const cells = scanRecord(buf, pos, eol, text, this.delim, this.want, this.at, this.reuse);
        if (cells !== null) {
          this.atValid = scanPicked && this.at !== undefined;
          this.onRecord(cells, this.line++, text);
          this.atValid = false;
          pos = next;
          continue;
        }
        // A quoted field still open at the line break: the quoting rules below.
      }
      if (q < eol) {
        // A quote before the line break: the quoting rules decide where the record ends.
        const next = this.quotedRecord(pos, eol, final);
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
   * For a pass that wants one column (`onCell`): when cell `only` of the line
   * buf[from, eol) ends before its first quote (at q), and the record ends at
   * eol (splitRecord on the rest of the line, from the field holding the
   * quote), reports that cell's bytes and returns true; else false, nothing
   * reported. Saves decoding the cell and the line before the quote.
   */
  private projectBeforeQuote(from: number, q: number, eol: number): boolean {
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
    // From the field the quote is in: the quotes, delimiters and line breaks the rules look at are ASCII bytes.
    if (!quotesClose(buf, buf.lastIndexOf(d, q) + 1, eol, d)) return false;
    this.onCell!(buf, a, b, this.line++);
    return true;
  }

  /**
   * A record with a quote before its first line break (at `eol`): its text is
   * decoded from the first line and split by `splitRecord`; while a quoted field
   * is still open at the end, from a window twice as long, ending at a line
   * break (a long record costs a few times its length, never its square).
   * Returns where the next record starts, or -1 when more bytes are needed.
   */
  private quotedRecord(pos: number, eol: number, final: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    let end = eol;
    for (;;) {
      if (end === len && !final) return -1;
      const text = buf.utf8Slice(pos, end);
      const want = this.want;
      let cells: string[] = want === undefined ? [] : blanks(want.length);
      const at = splitRecord(text, this.delimiter, cells, end > eol, end === len, want);
      if (at >= 0) {
        let record: string | undefined;
        if (want !== undefined) {
          record = at === text.length ? text : text.slice(0, at);
          if (!picked(cells, splitCount, want)) cells = wholeCells(record, this.delimiter);
        }
        // The record ends at a line break in the window, or where the window does.
        const stop = at === text.length ? end : pos + Buffer.byteLength(text.slice(0, at));
        let next = stop + 1;
        if (stop >= len) next = len;
        else if (buf[stop] === CR) {
          if (stop + 1 < len) {
            if (buf[stop + 1] === LF) next++;
          } else if (!final) return -1; // a CR at the end of the chunk: an LF may follow
        }
        this.onRecord(cells, this.line, record);
        this.line += (stop > eol ? countBreaks(buf, pos, stop) : 0) + 1;
        return next;
      }
      const wider = nextBreak(buf, pos + 2 * (end - pos) + 1, len);
      if (wider < len || final) end = wider;
      else {
        // No line break that far: up to the last one there is (the record may end before it).
        const last = Math.max(buf.lastIndexOf(LF), buf.lastIndexOf(CR));
        if (last <= end) return -1;
        end = last;
      }
    }
  }
}

/**
 * The quoting rules, written once (RFC 4180 read as Python's csv module reads it):
 *
 * - a field that starts with `"` is quoted: delimiters and line breaks up to
 *   the next lone `"` are data, `""` is one quote, and text after the closing
 *   quote is kept, up to the delimiter;
 * - any other field runs to the next delimiter or line break (a quote in it
 *   is an ordinary character).
 *
 * Splits the record at the start of `s` into `cells` and returns where it ends
 * in `s` (a line break, or s.length), or -1 when a quoted field is still open
 * at the end of `s`; with `last` (s runs to the end of the input) that field
 * runs to the end. `breaks`: s may hold line breaks (else they are not looked for).
 * `cells` null: only where the record ends is wanted.
 */
export function splitRecord(s: string, d: string, cells: string[] | null, breaks: boolean, last: boolean, want?: Uint8Array): number {
  const n = s.length;
  let i = 0;
  let k = 0;
  for (;;) {
    // With `want`: cells[k] is set only for a column wanted (cells holds "" for the others).
    const keep = cells !== null && (want === undefined || want[k] === 1);
    let cell = '';
    if (s.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      for (;;) {
        const close = s.indexOf('"', from);
        if (close === -1) {
          if (!last) return -1;
          if (keep) put(cells, k, cell + s.slice(from), want);
          splitCount = k + 1;
          return n;
        }
        if (s.charCodeAt(close + 1) === QUOTE) {
          if (keep) cell += s.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        if (keep) cell += s.slice(from, close);
        i = close + 1;
        break;
      }
    }
    const next = s.indexOf(d, i);
    let end = next === -1 ? n : next;
    if (breaks) end = breakBefore(s, i, end);
    if (keep) put(cells, k, end > i ? cell + s.slice(i, end) : cell, want);
    k++;
    if (end === n || end !== next) {
      splitCount = k;
      return end;
    }
    i = end + 1;
  }
}

/** How many cells the last `splitRecord` that found its record's end split it into. */
export let splitCount = 0;

function put(cells: string[] | null, k: number, v: string, want: Uint8Array | undefined): void {
  if (want === undefined) cells!.push(v);
  else cells![k] = v;
}

/**
 * The cells of the record in buf[from, to) (one line, `text` its decoded
 * text) for a reader that wants some columns (`want`, one entry a column): an
 * array as long as the header, the wanted cells set and "" for the others.
 * The quoting rules are splitRecord's, read from the bytes (quotes,
 * delimiters and line breaks are ASCII; a cell is cut from `text` where its
 * bytes are). Every cell instead (wholeCells) when the record has another
 * number of cells or its wanted cells are all blank: a row that is rejected
 * or counted as blank reads as it always did. Null when a quoted field is
 * still open at the end of the line (the record goes on, or the input ends
 * in it): splitRecord's window decides.
 */
export function scanRecord(buf: Uint8Array, from: number, to: number, text: string, d: number, want: Uint8Array, at?: Int32Array, into?: string[]): string[] | null {
  const n = want.length;
  const cells = into !== undefined && into.length === n ? into : blanks(n);
  // A byte's place in `text` is its index less `adj`: UTF-8 continuation bytes add no UTF-16 unit (a 4-byte
  // sequence adds two). A line of ASCII (as long as its text) is read without looking for them.
  const ascii = text.length === to - from;
  let adj = from;
  let k = 0;
  let i = from;
  // Past the last column wanted, the cells are only counted: the rest of the line at once while it has no quote.
  const last = lastWanted(want);
  let count = true;
  for (;;) {
    const keep = want[k] === 1;
    let quoted: string | undefined;
    if (i < to && buf[i] === QUOTE) {
      const open = i + 1 - adj;
      let j = i + 1;
      let escaped = false;
      for (;;) {
        if (ascii) while (j < to && buf[j] !== QUOTE) j++;
        else {
          while (j < to) {
            const b = buf[j]!;
            if (b === QUOTE) break;
            if (b >= 0x80) {
              if ((b & 0xc0) === 0x80) adj++;
              else if (b >= 0xf0) adj--;
            }
            j++;
          }
        }
        if (j >= to) return null;
        if (j + 1 < to && buf[j + 1] === QUOTE) {
          escaped = true;
          j += 2;
          continue;
        }
        break;
      }
      if (keep) {
        quoted = text.slice(open, j - adj);
        if (escaped) quoted = quoted.replaceAll('""', '"');
      }
      i = j + 1;
    }
    const start = i - adj;
    if (ascii) while (i < to && buf[i] !== d) i++;
    else {
      while (i < to) {
        const b = buf[i]!;
        if (b === d) break;
        if (b >= 0x80) {
          if ((b & 0xc0) === 0x80) adj++;
          else if (b >= 0xf0) adj--;
        }
        i++;
      }
    }
    if (keep) {
      cells[k] = quoted === undefined ? text.slice(start, i - adj) : quoted + text.slice(start, i - adj);
      if (at !== undefined && 2 * k + 1 < at.length) {
        at[2 * k] = quoted === undefined ? start : -1;
        at[2 * k + 1] = i - adj;
      }
    }
    k++;
    if (i >= to) break;
    i++;
    if (k > last && count) {
      let j = i;
      let delimiters = 0;
      for (; j < to; j++) {
        const b = buf[j]!;
        if (b === d) delimiters++;
        else if (b === QUOTE) break;
        else if (b >= 0x80) {
          if ((b & 0xc0) === 0x80) adj++;
          else if (b >= 0xf0) adj--;
        }
      }
      if (j === to) {
        k += delimiters + 1;
        break;
      }
      // A quote (it may open a field): cell by cell from here, as before; the bytes counted so far are again.
      count = false;
      adj = adjBefore(buf, i, j, adj);
    }
  }
  // Bytes that are not UTF-8 decode otherwise: the places do not hold, the text is split instead.
  scanPicked = to - adj === text.length && picked(cells, k, want);
  return scanPicked ? cells : wholeCells(text, String.fromCharCode(d));
}

/** `adj` as it was at byte `from`, given what it became by byte `to` (the UTF-8 continuation bytes between undone). */
function adjBefore(buf: Uint8Array, from: number, to: number, adj: number): number {
  for (let j = from; j < to; j++) {
    const b = buf[j]!;
    if (b >= 0x80) {
      if ((b & 0xc0) === 0x80) adj--;
      else if (b >= 0xf0) adj++;
    }
  }
  return adj;
}

let lastWant: Uint8Array | undefined;
let lastWantAt = -1;
/** The last column `want` has (cached for the one a file's records are read with). */
function lastWanted(want: Uint8Array): number {
  if (want !== lastWant) {
    lastWant = want;
    lastWantAt = want.lastIndexOf(1);
  }
  return lastWantAt;
}

/** Whether the last `scanRecord` gave its picked cells (and places), not the record split whole. */
let scanPicked = false;

let blankRow: string[] = [];

/** A new array of n "" (a copy of one kept: faster than filling). */
function blanks(n: number): string[] {
  if (blankRow.length !== n) blankRow = new Array<string>(n).fill('');
  return blankRow.slice();
}

/** Whether picked cells stand for their record: as many as the header has, not all blank. */
function picked(cells: string[], count: number, want: Uint8Array): boolean {
  if (count !== want.length) return false;
  for (let i = 0; i < count; i++) if (want[i] === 1 && cells[i]!.trim() !== '') return true;
  return false;
}

/** Every cell of a record's text (without its line break), as the tokenizer splits it. */
export function wholeCells(line: string, d: string): string[] {
  const cells: string[] = [];
  splitRecord(line, d, cells, true, true);
  return cells;
}

/**
 * Whether the record in buf[from, to) (one line, no line break in it) ends at `to`: every quoted
 * field in it closes (`splitRecord(text, d, null, false, false) >= 0`, the same rules, read from
 * the bytes: quotes and delimiters are ASCII). Goes from quote to quote, not cell to cell: a wide
 * export's line after its one quoted product is one native search, and no string is made.
 */
export function quotesClose(buf: Uint8Array, from: number, to: number, d: number): boolean {
  let i = from;
  for (;;) {
    if (i < to && buf[i] === QUOTE) {
      // A quoted field: up to its closing quote ("" is one quote), then to the next delimiter (quotes there are text).
      let at = i + 1;
      for (;;) {
        const close = indexIn(buf, QUOTE, at, to);
        if (close === -1) return false;
        if (close + 1 >= to || buf[close + 1] !== QUOTE) {
          i = close + 1;
          break;
        }
        at = close + 2;
      }
      const next = indexIn(buf, d, i, to);
      if (next === -1) return true;
      i = next + 1;
      continue;
    }
    // An unquoted field: the next quote either starts a field (after a delimiter) or is text.
    const q = indexIn(buf, QUOTE, i, to);
    if (q === -1) return true;
    if (buf[q - 1] === d) {
      i = q;
      continue;
    }
    const next = indexIn(buf, d, q, to);
    if (next === -1) return true;
    i = next + 1;
  }
}

/** The first `byte` in buf[from, to), or -1. */
function indexIn(buf: Uint8Array, byte: number, from: number, to: number): number {
  if (from >= to) return -1;
  const i = buf.indexOf(byte, from);
  return i === -1 || i >= to ? -1 : i;
}

/** The first LF or CR in s[from, to), or `to`. */
function breakBefore(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return to;
}

/** The first LF or CR at or after `from` in buf, or `len`. */
function nextBreak(buf: Buffer, from: number, len: number): number {
  if (from >= len) return len;
  const lf = indexOr(buf, LF, from, len);
  const cr = indexOr(buf, CR, from, len);
  return lf < cr ? lf : cr;
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

/**
 * A row's carried-down cells that were not decoded (carry.ts): set on its
 * cells array as `cells[CARRIED]` by the carry-down, read by wholeRow.
 */
export const CARRIED: unique symbol = Symbol('carried cells');
export interface CarriedCells {
  /** Fills the blank carried cells of the row's every cell (`all`) as the export's earlier rows of the order give them. */
  fill(all: string[]): void;
}

/**
 * A row read with only some cells decoded (`want`), whole again for the
 * rejects file or the spill: every cell of its `text`, with the decoded cells
 * as they are now (a preset's carried-down cells, carry.ts) in their places,
 * and the carried cells that were not decoded filled as they would have been.
 */
export function wholeRow(cells: string[], text: string | undefined, d: string, want: Uint8Array | undefined): string[] {
  if (want === undefined || text === undefined) return cells;
  const all = wholeCells(text, d);
  if (all.length !== want.length || cells.length !== want.length) return cells;
  for (let i = 0; i < all.length; i++) if (want[i] === 1) all[i] = cells[i]!;
  (cells as string[] & { [CARRIED]?: CarriedCells })[CARRIED]?.fill(all);
  return all;
}

import type { ByteTarget, Mailbox, Message, MessageIdForm, MessageShape } from '../message.js';
import { writeHashDigits } from '../text/hex.js';
import { headerLines, plainMimeLines, toRfc5322, writeToLine } from './rfc5322.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** asctime(3) in UTC, as mbox "From " lines use: "Wed Jul  8 09:00:00 2026". */
export function asctime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * mboxrd quoting: every line that starts with ">*From " gets one more ">".
 * Lines are what mbox readers split on, LF only: text after a U+2028 or a CR
 * inside a line is left alone (a JavaScript `^…/m` would quote it).
 */
export function quoteFromLines(text: string): string {
  return text.includes('From ') ? text.replace(/(^|\n)(>*From )/g, '$1>$2') : text;
}

/** One mboxrd entry as text: separator line, quoted message, blank line. */
export function toMboxEntry(msg: Message): string {
  const raw = toRfc5322(msg, '\n');
  const body = msg.bodyFacts?.fromSafe ? raw : quoteFromLines(raw);
  return `${mboxSeparator(msg.from, msg.date)}${body}${body.endsWith('\n') ? '' : '\n'}\n`;
}

/** The "From sender date" line that starts an entry. */
export function mboxSeparator(from: Mailbox | undefined, date: Date): string {
  return `From ${from?.address ?? 'MAILER-DAEMON'} ${asctime(date)}\n`;
}

type Out = Buffer & { utf8Write(s: string, at: number): number };

/** Writes text at the end of the target. */
export function writeText(t: ByteTarget, text: string): void {
  // UTF-8 is at most 3 octets per UTF-16 unit: make sure it fits, then encode in place.
  t.ensure(text.length * 3);
  t.used += (t.buf as Out).utf8Write(text, t.used);
}

/**
 * The mbox writer: one mboxrd entry, exactly `toMboxEntry(msg)`, as bytes.
 *
 * A message cut from a cached shape (a batch's usual message) is written from
 * the shape's bytes: what is the same for every message of the shape is
 * encoded once, by the same `headerLines` every writer uses, and per message
 * only the To line (by `writeToLine`, the To line's one writer), the
 * Message-ID (its hash digits, when it has them) and the values are written,
 * straight into the buffer: the message's `text` and `messageId` strings are
 * never made. That needs body facts that rule out a transfer encoding or
 * mboxrd quoting; any other message is written as `toMboxEntry` gives it.
 */
export function writeMboxEntry(msg: Message, t: ByteTarget): void {
  if (!writeShaped(msg, t, false)) writeText(t, toMboxEntry(msg));
}

/**
 * The .eml writer: exactly `toRfc5322(msg, '\r\n')`, as bytes. A message cut
 * from a cached shape is written from the shape's bytes as the mbox writer
 * writes it (without the separator line and the closing blank line, every
 * line ending in CRLF); any other message from its text.
 */
export function writeEmlEntry(msg: Message, t: ByteTarget): void {
  if (!writeShaped(msg, t, true)) writeText(t, toRfc5322(msg, '\r\n'));
}

/** The To line for an .eml file: writeToLine's bytes, with a folded line's LF made CRLF. */
const toScratch: ByteTarget = {
  buf: Buffer.allocUnsafe(1024),
  used: 0,
  ensure(n: number) {
    if (this.used + n > this.buf.length) {
      const b = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.used + n));
      this.buf.copy(b, 0, 0, this.used);
      this.buf = b;
    }
  },
};

/** A shaped message's entry, written from the shape's bytes (`crlf`: an .eml file's); false, writing nothing, when it must be written from its text. */
function writeShaped(msg: Message, t: ByteTarget, crlf: boolean): boolean {
  const shaped = msg.shaped;
  const facts = msg.bodyFacts;
  if (!shaped || !facts || (!crlf && !facts.fromSafe) || !facts.crFree || facts.maxOctets > 998 || msg.html !== undefined) return false;
  const mboxCut = (shaped.shape.mbox ??= cutBody(shaped.shape, false)) as ShapeBytes;
  const cut = crlf ? (mboxCut.crlf ??= cutBody(shaped.shape, true)) : mboxCut;
  const head = cut.fixedHeaders ? headFor(cut, msg, facts.ascii, crlf) : undefined;
  if (crlf && !head) return false;
  const values = shaped.values;
  // Room for everything but the To line (writeToLine makes its own): 3 octets per UTF-16 unit at most (a value's LF made CRLF: 2).
  let need = cut.bodyBytes + 2;
  for (const slot of cut.slots) need += 3 * values[slot]!.length;
  let text: string | undefined;
  if (head) {
    need += head.bytes + (head.digits ? 16 : 3 * msg.messageId.length) + 6 * (msg.inReplyTo?.length ?? 0);
  } else {
    text = `${mboxSeparator(msg.from, msg.date)}${headerLines(msg).join('\n')}\n${plainMimeLines(facts.ascii ? '7bit' : '8bit')}\n\n`;
    need += 3 * text.length;
  }
  t.ensure(need);
  let out = t.buf as Out;
  let at = t.used;
  if (head) {
    const pieces = head.pieces;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (typeof p !== 'number') at = copyBytes(out, at, p);
      else if (p === TO_SLOT) {
        if (crlf) {
          const s = toScratch;
          s.used = 0;
          writeToLine(s, msg.to!);
          const line = s.buf.subarray(0, s.used);
          const folded = line.includes(10) ? line.toString('utf8').replaceAll('\n', '\r\n') : undefined;
          t.used = at;
          t.ensure(need + (folded === undefined ? line.length : 3 * folded.length) + 2); // may grow the buffer: what is written so far is kept
          out = t.buf as Out;
          at = folded === undefined ? copyBytes(out, at, line) : at + out.utf8Write(folded, at);
          out[at++] = 13;
          out[at++] = 10;
          continue;
        }
        t.used = at;
        writeToLine(t, msg.to!);
        t.ensure(need); // writeToLine may have flushed or grown the buffer: the rest still fits
        out = t.buf as Out;
        at = t.used;
        out[at++] = 10;
      } else if (p === ID_SLOT) at = head.digits ? writeHashDigits(out, at, msg.idA!, msg.idB!) : at + out.utf8Write(msg.messageId, at);
      else at += out.utf8Write(msg.inReplyTo!, at);
    }
  } else at += out.utf8Write(text!, at);
  const body = cut.body;
  const bodyAt = at;
  for (let i = 0; i < body.length; i++) {
    const p = body[i]!;
    if (typeof p === 'number') at = crlf ? writeCrlfValue(out, at, values[p]!) : writeValue(out, at, values[p]!);
    else at = copyBytes(out, at, p);
  }
  if (crlf) {
    // toRfc5322 ends the body with a line end when it has none.
    if (at === bodyAt || out[at - 1] !== 10) {
      out[at++] = 13;
      out[at++] = 10;
    }
  } else out[at++] = 10; // the blank line that ends an mbox entry
  t.used = at;
  return true;
}

/** writeValue for an .eml file: a value's LF (the only line end a crFree body has) becomes CRLF. */
function writeCrlfValue(out: Out, at: number, v: string): number {
  const n = v.length;
  if (n <= 48) {
    let i = 0;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0x80 || c === 10) break;
      out[at + i] = c;
    }
    if (i === n) return at + n;
  }
  return at + out.utf8Write(v.includes('\n') ? v.replaceAll('\n', '\r\n') : v, at);
}

/** `out.set(p, at)`, returning where it ends: a short piece ("Hi ", ",\n\n") copied byte by byte, cheaper than the call. */
function copyBytes(out: Buffer, at: number, p: Buffer): number {
  const n = p.length;
  if (n <= 16) {
    for (let i = 0; i < n; i++) out[at + i] = p[i]!;
  } else out.set(p, at);
  return at + n;
}

/**
 * `out.utf8Write(v, at)`, returning where it ends: a short ASCII value (most
 * values: names, order numbers, amounts) is copied unit by unit, which is
 * several times cheaper than the call into C++; any other is utf8Write's.
 */
function writeValue(out: Out, at: number, v: string): number {
  const n = v.length;
  if (n <= 48) {
    let i = 0;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0x80) break;
      out[at + i] = c;
    }
    if (i === n) return at + n;
  }
  return at + out.utf8Write(v, at);
}

/** What the writer keeps per shape (in `shape.mbox`). */
interface ShapeBytes {
  /** No header value has a slot: the header block is the same for every message of the shape but To, Message-ID and In-Reply-To. */
  fixedHeaders: boolean;
  /** The header blocks, by variant (see headFor); null when the block cannot be cut. */
  heads: (Head | null | undefined)[];
  /** The body: constant pieces as bytes, slots as value indexes. */
  body: (Buffer | number)[];
  bodyBytes: number;
  /** The slots of the body, in order (with repeats). */
  slots: number[];
  /** The same for an .eml file (CRLF line ends, no separator line), kept beside the mbox one. */
  crlf?: ShapeBytes;
}

interface Head {
  /** Bytes, or where the To line, the Message-ID or the In-Reply-To id go (TO_SLOT…). */
  pieces: (Buffer | number)[];
  bytes: number;
  /** The Message-ID's form is in the bytes: its slot takes the hash digits only. */
  digits: boolean;
  form: MessageIdForm | undefined;
}

const TO = '\uE000to\uE001';
const ID = '\uE000id\uE001';
const RE = '\uE000re\uE001';
const MARK = /(\uE000(?:to|id|re)\uE001)/;
const TO_SLOT = 0;
const ID_SLOT = 1;
const RE_SLOT = 2;

function cutBody(shape: MessageShape, crlf: boolean): ShapeBytes {
  const body: (Buffer | number)[] = [];
  const slots: number[] = [];
  let bodyBytes = 0;
  for (const p of shape.body) {
    if (typeof p === 'number') {
      body.push(p);
      slots.push(p);
    } else if (p !== '') {
      const b = Buffer.from(crlf ? p.replaceAll('\n', '\r\n') : p, 'utf8');
      body.push(b);
      bodyBytes += b.length;
    }
  }
  return { fixedHeaders: shape.headers.every((h) => h.length === 1), heads: [], body, bodyBytes, slots };
}

/**
 * The shape's header block for this kind of message (7bit or 8bit body, with
 * or without To and In-Reply-To): `headerLines` of the message with marks for
 * the per-message parts, cut at the marks. Messages of one shape share their
 * sender, date, Subject and template headers (MessageShape says so).
 */
function headFor(cut: ShapeBytes, msg: Message, ascii: boolean, crlf: boolean): Head | undefined {
  const form = msg.idForm && msg.idA !== undefined && msg.idB !== undefined ? msg.idForm : undefined;
  const variant = (ascii ? 1 : 0) | (msg.to ? 2 : 0) | (msg.inReplyTo ? 4 : 0) | (form ? 8 : 0);
  let head = cut.heads[variant];
  if (head === undefined) {
    const marked: Message = {
      from: msg.from,
      to: msg.to && { name: '', address: TO },
      replyTo: msg.replyTo,
      subject: msg.subject,
      headers: msg.headers,
      text: '',
      messageId: form ? `${form.prefix}${ID}${form.suffix}` : ID,
      inReplyTo: msg.inReplyTo && RE,
      date: msg.date,
      key: msg.key,
      stage: msg.stage,
    };
    const lf = `${crlf ? '' : mboxSeparator(msg.from, msg.date)}${headerLines(marked).join('\n')}\n${plainMimeLines(ascii ? '7bit' : '8bit')}\n\n`.replace(`To: ${TO}\n`, TO);
    // An .eml file's block: every LF made CRLF (a CR already there would be toRfc5322's other rule: no block).
    const text = crlf ? lf.replaceAll('\n', '\r\n') : lf;
    const parts = text.split(MARK);
    const marks = parts.filter((_, i) => i % 2 === 1);
    const expected = [...(msg.to ? [TO] : []), ID, ...(msg.inReplyTo ? [RE, RE] : [])];
    head = null;
    // A mark anywhere else (an incident value holding one) would be misread: then no cached block.
    if (marks.join() === expected.join() && !(crlf && lf.includes('\r'))) {
      const pieces: Head['pieces'] = [];
      let bytes = 0;
      parts.forEach((p, i) => {
        if (i % 2 === 1) pieces.push(p === TO ? TO_SLOT : p === ID ? ID_SLOT : RE_SLOT);
        else if (p !== '') {
          const b = Buffer.from(p, 'utf8');
          pieces.push(b);
          bytes += b.length;
        }
      });
      head = { pieces, bytes, digits: form !== undefined, form };
    }
    cut.heads[variant] = head;
  }
  // Messages of one shape share their form (one composer's): another's is written from its text.
  return head && head.form === form ? head : undefined;
}

import type { ByteTarget, Message, MessageShape } from '../message.js';
import { rfc5322Date } from '../text/dates.js';
import { writeHashDigits } from '../text/hex.js';
import { displayMailbox } from './encode.js';
import { toMboxEntry, writeMboxEntry, writeText } from './mbox.js';
import { CHUNK, providerJson, type Provider } from './providers.js';
import { toJsonLine, toJsonObject, toRfc5322, toText } from './rfc5322.js';

/** The formats a batch writes (the table of formats and flags is cli/options.ts). */
export type BatchFormat = 'mbox' | 'eml' | 'ndjson' | 'text' | Provider;

const TEXT_SEPARATOR = `${'='.repeat(72)}\n`;

/** True for the formats that put many messages in one request body (a JSON array a line). */
function isProvider(format: BatchFormat): format is Provider {
  return format === 'postmark' || format === 'resend' || format === 'ses';
}

/** A message as the text of one entry of a stream format (`index`: the message's place in the stream, from 0). */
export function formatEntry(msg: Message, format: BatchFormat, index: number): string {
  switch (format) {
    case 'mbox':
      return toMboxEntry(msg);
    case 'ndjson':
      return `${toJsonLine(toJsonObject(msg))}\n`;
    case 'text':
      return `${index === 0 ? '' : TEXT_SEPARATOR}${toText(msg)}`;
    case 'eml':
      return toRfc5322(msg, '\r\n');
    default:
      return `${chunkOpening(format, index)}${providerJson(msg, format)}`;
  }
}

/** What ends a stream of `count` entries: the last request body's `]` and line end. */
export function formatEnd(format: BatchFormat, count: number): string {
  if (!isProvider(format) || count === 0) return '';
  return format === 'ses' ? '\n' : ']\n';
}

/** Before message `index`: `[` opens a request, `,` goes on in one, `]\n[` starts the next. */
function chunkOpening(format: Provider, index: number): string {
  if (format === 'ses') return index === 0 ? '' : '\n';
  if (index === 0) return '[';
  return index % CHUNK[format] === 0 ? ']\n[' : ',';
}

/** A message as the bytes of one entry, at the end of the target: each format's one writer. */
export function writeEntry(t: ByteTarget, msg: Message, format: BatchFormat, index: number): void {
  switch (format) {
    case 'mbox':
      return writeMboxEntry(msg, t);
    case 'ndjson':
      return writeJsonLine(t, msg);
    case 'text':
      return writeTextEntry(t, msg, index);
    default:
      return writeText(t, formatEntry(msg, format, index));
  }
}

/** The end of the stream (see formatEnd), at the end of the target. */
export function writeEnd(t: ByteTarget, format: BatchFormat, count: number): void {
  const end = formatEnd(format, count);
  if (end) writeText(t, end);
}

/**
 * The text format: To and Subject lines, the body; exactly `formatEntry(msg, 'text', index)`,
 * written in pieces (a message cut from a shape: its constant text and values, never the whole
 * body made as one string first).
 */
function writeTextEntry(t: ByteTarget, msg: Message, index: number): void {
  const head = `${index === 0 ? '' : TEXT_SEPARATOR}${msg.to ? `To: ${displayMailbox(msg.to)}\n` : ''}Subject: ${msg.subject}\n\n`;
  writeText(t, head);
  const shaped = msg.shaped;
  if (!shaped || !piecewise(shaped.shape, shaped.values)) return writeText(t, msg.text);
  const body = shaped.shape.body;
  const values = shaped.values;
  for (let i = 0; i < body.length; i++) {
    const p = body[i]!;
    writeText(t, typeof p === 'number' ? values[p]! : p);
  }
}

// The names toJsonObject puts in `headers` before the template's own; one of these among a
// template's headers (or a name twice) changes what Object.fromEntries keeps: then the plain way.
const JSON_FIRST = new Set(['Date', 'Message-ID', 'In-Reply-To', 'References', 'From', 'To', 'Reply-To', 'Subject']);

/** JSON text of a string, with U+2028/U+2029 escaped (toJsonLine's rule). */
function json(s: string): string {
  const q = JSON.stringify(s);
  return LINE_SEPARATORS.test(q) ? q.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : q;
}
const LINE_SEPARATORS = /[\u2028\u2029]/;
// What JSON.stringify would change in a string: quote, backslash, controls, surrogates (a lone one is escaped).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/** A string's JSON text without its quotes. */
function jsonInner(s: string): string {
  return NEEDS_ESCAPE.test(s) ? json(s).slice(1, -1) : s;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Surrogate halves at the ends of a piece: two pieces could make one character, so the body is written whole. */
const splitsPair = (s: string) => s.length > 0 && (isLow(s.charCodeAt(0)) || isHigh(s.charCodeAt(s.length - 1)));
const wholeShapes = new WeakSet<MessageShape>();
const checkedShapes = new WeakSet<MessageShape>();

/** True when the body may be written piece by piece: no piece or value ends in half a character. */
function piecewise(shape: MessageShape, values: string[]): boolean {
  if (!checkedShapes.has(shape)) {
    checkedShapes.add(shape);
    if (shape.body.some((p) => typeof p === 'string' && splitsPair(p))) wholeShapes.add(shape);
  }
  if (wholeShapes.has(shape)) return false;
  for (let i = 0; i < values.length; i++) if (values[i] !== undefined && splitsPair(values[i]!)) return false; // (a value no slot of the body uses may be absent)
  return true;
}

/** Per shape: the body's constant pieces as JSON text bytes (without quotes), slots as value indexes. */
interface JsonBody {
  pieces: (Buffer | number)[];
  bytes: number;
}
const jsonBodies = new WeakMap<MessageShape, JsonBody>();
function jsonBodyOf(shape: MessageShape): JsonBody {
  let body = jsonBodies.get(shape);
  if (!body) {
    const pieces: (Buffer | number)[] = [];
    let bytes = 0;
    for (const p of shape.body) {
      if (typeof p === 'number') pieces.push(p);
      else if (p !== '') {
        const b = Buffer.from(jsonInner(p), 'utf8');
        pieces.push(b);
        bytes += b.length;
      }
    }
    jsonBodies.set(shape, (body = { pieces, bytes }));
  }
  return body;
}

type Out = Buffer & { utf8Write(s: string, at: number): number };

/**
 * A string's JSON text without quotes, at out[at] (room for 6 octets per UTF-16 unit made by the
 * caller); returns the end. Printable ASCII without `"` or `\` is copied unit by unit (most
 * values); any other string goes through jsonInner.
 */
function writeJsonValue(out: Out, at: number, v: string): number {
  const n = v.length;
  if (n <= 64) {
    let i = 0;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f || c === 34 || c === 92) break;
      out[at + i] = c;
    }
    if (i === n) return at + n;
  }
  return at + out.utf8Write(jsonInner(v), at);
}

function copyBytes(out: Buffer, at: number, p: Buffer): number {
  out.set(p, at);
  return at + p.length;
}

// What repeats from message to message (the sender, the subject, the template's headers) is made JSON once.
const boxes = new WeakMap<object, string>();
function boxJson(box: Message['from']): string {
  if (!box) return 'null';
  let j = boxes.get(box);
  if (j === undefined) boxes.set(box, (j = json(displayMailbox(box))));
  return j;
}
let lastSubject: string | undefined;
let lastSubjectJson = '';
function subjectJson(subject: string): string {
  if (subject !== lastSubject) {
    lastSubject = subject;
    lastSubjectJson = json(subject);
  }
  return lastSubjectJson;
}
const headerJson = new WeakMap<object, string>();
function headersJson(headers: [string, string][]): string {
  let j = headerJson.get(headers);
  if (j === undefined) headerJson.set(headers, (j = headers.map(([name, value]) => `,${json(name)}:${json(value)}`).join('')));
  return j;
}


/** After the To value: `","from":…,"replyTo":…,"subject":…,"text":"` for the last sender, Reply-To and subject. */
let lastFrom: Message['from'] | null = null;
let lastReplyTo: Message['replyTo'] | null = null;
let lastSubjectOf: string | undefined;
let lastMiddle = Buffer.alloc(0);
let lastMiddleNoTo = Buffer.alloc(0);
function middleOf(msg: Message, hasTo: boolean): Buffer {
  if (msg.from !== lastFrom || msg.replyTo !== lastReplyTo || msg.subject !== lastSubjectOf) {
    lastFrom = msg.from;
    lastReplyTo = msg.replyTo;
    lastSubjectOf = msg.subject;
    const rest = `"from":${boxJson(msg.from)},"replyTo":${boxJson(msg.replyTo)},"subject":${subjectJson(msg.subject)},"text":"`;
    lastMiddle = Buffer.from(`",${rest}`, 'utf8');
    lastMiddleNoTo = Buffer.from(`null,${rest}`, 'utf8');
  }
  return hasTo ? lastMiddle : lastMiddleNoTo;
}
const OPEN_TO = Buffer.from('{"to":"');
const OPEN_NULL = Buffer.from('{"to":');
const ID_OPEN = Buffer.from('","messageId":"<');
/** The headers' JSON after `"Date":…` per headers array of a shape (`,"Name":"value"…}`), and its bytes. */
const headerTails = new WeakMap<object, Buffer>();
let lastDateBytes = Buffer.alloc(0);
let lastDateFor = NaN;

/** A Message-ID's text without `<>` and quotes: the hash digits between its form's ends, or the string. */
function writeId(out: Out, at: number, msg: Message, form: { prefix: Buffer; suffix: Buffer } | undefined): number {
  if (form) {
    at = copyBytes(out, at, form.prefix);
    at = writeHashDigits(out, at, msg.idA!, msg.idB!);
    return copyBytes(out, at, form.suffix);
  }
  return writeJsonValue(out, at, msg.messageId);
}
const idForms = new WeakMap<object, { prefix: Buffer; suffix: Buffer }>();

/**
 * One ndjson line: exactly `toJsonLine(toJsonObject(msg)) + "\n"`, written field by field into the
 * buffer, the body from its shape's pieces (JSON text bytes made once per shape) when it has one,
 * printable ASCII values copied as they are (no object, no whole-line string, no pass over it).
 */
function writeJsonLine(t: ByteTarget, msg: Message): void {
  const headers = msg.headers;
  if (!headerTails.has(headers)) {
    for (let i = 0; i < headers.length; i++) {
      const name = headers[i]![0];
      if (JSON_FIRST.has(name) || headers.findIndex((h) => h[0] === name) !== i) {
        writeText(t, `${toJsonLine(toJsonObject(msg))}\n`);
        return;
      }
    }
    headerTails.set(headers, Buffer.from(headers.length > 0 ? headersJson(headers) : '', 'utf8'));
  }
  const headerTail = headerTails.get(headers)!;
  if (msg.date.getTime() !== lastDateFor) {
    lastDateFor = msg.date.getTime();
    lastDateBytes = Buffer.from(`>","headers":{"Date":${json(rfc5322Date(msg.date))},"Message-ID":"<`, 'utf8');
  }
  const to = msg.to ? displayMailbox(msg.to) : undefined;
  const middle = middleOf(msg, to !== undefined);
  const shaped = msg.shaped;
  const body = shaped && piecewise(shaped.shape, shaped.values) ? jsonBodyOf(shaped.shape) : undefined;
  const text = body ? undefined : msg.text;
  let form: { prefix: Buffer; suffix: Buffer } | undefined;
  if (msg.idForm && msg.idA !== undefined && msg.idB !== undefined) {
    form = idForms.get(msg.idForm);
    if (!form) idForms.set(msg.idForm, (form = { prefix: Buffer.from(jsonInner(msg.idForm.prefix), 'utf8'), suffix: Buffer.from(jsonInner(msg.idForm.suffix), 'utf8') }));
  }
  const idRoom = form ? form.prefix.length + 16 + form.suffix.length : 6 * msg.messageId.length;
  const html = msg.html !== undefined ? json(msg.html) : undefined;
  // Room: the constant bytes, and 6 octets per UTF-16 unit of every value (JSON escapes are at most 6).
  let need = 64 + middle.length + lastDateBytes.length + headerTail.length + 2 * idRoom + 6 * ((to?.length ?? 0) + msg.key.length + (msg.inReplyTo?.length ?? 0) * 2) + 3 * (html?.length ?? 0);
  if (body) {
    need += body.bytes;
    const values = shaped!.values;
    for (const p of body.pieces) if (typeof p === 'number') need += 6 * values[p]!.length;
  } else need += 6 * text!.length;
  t.ensure(need);
  const out = t.buf as Out;
  let at = t.used;
  if (to !== undefined) {
    at = copyBytes(out, at, OPEN_TO);
    at = writeJsonValue(out, at, to);
  } else at = copyBytes(out, at, OPEN_NULL);
  at = copyBytes(out, at, middle);
  if (body) {
    const values = shaped!.values;
    const pieces = body.pieces;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      at = typeof p === 'number' ? writeJsonValue(out, at, values[p]!) : copyBytes(out, at, p);
    }
  } else at += out.utf8Write(jsonInner(text!), at);
  at = copyBytes(out, at, ID_OPEN);
  at = writeId(out, at, msg, form);
  at = copyBytes(out, at, lastDateBytes);
  at = writeId(out, at, msg, form);
  out[at++] = 62; // >
  out[at++] = 34; // "
  if (msg.inReplyTo) {
    const re = jsonInner(msg.inReplyTo);
    at += out.utf8Write(`,"In-Reply-To":"<${re}>","References":"<${re}>"`, at);
  }
  at = copyBytes(out, at, headerTail);
  at += out.utf8Write('},"key":"', at);
  at = writeJsonValue(out, at, msg.key);
  out[at++] = 34; // "
  if (html !== undefined) at += out.utf8Write(`,"html":${html}`, at);
  out[at++] = 125; // }
  out[at++] = 10; // \n
  t.used = at;
}

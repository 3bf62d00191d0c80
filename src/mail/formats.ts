import type { ByteTarget, Message, MessageShape } from '../message.js';
import { rfc5322Date } from '../text/dates.js';
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

/** Per shape: the body's constant pieces as JSON text (without quotes), slots as value indexes. */
const jsonBodies = new WeakMap<MessageShape, (string | number)[]>();

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

let lastDate = NaN;
let lastDateJson = '';

/**
 * One ndjson line: exactly `toJsonLine(toJsonObject(msg)) + "\n"`, written field by field, the
 * body from its shape's pieces when it has one (no object, no whole-line string, no pass over it).
 */
function writeJsonLine(t: ByteTarget, msg: Message): void {
  const headers = msg.headers;
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i]![0];
    if (JSON_FIRST.has(name) || headers.findIndex((h) => h[0] === name) !== i) {
      writeText(t, `${toJsonLine(toJsonObject(msg))}\n`);
      return;
    }
  }
  if (msg.date.getTime() !== lastDate) {
    lastDate = msg.date.getTime();
    lastDateJson = json(rfc5322Date(msg.date));
  }
  writeText(t, `{"to":${msg.to ? `"${jsonInner(displayMailbox(msg.to))}"` : 'null'},"from":${boxJson(msg.from)},"replyTo":${boxJson(msg.replyTo)},"subject":${subjectJson(msg.subject)},"text":"`);
  const shaped = msg.shaped;
  if (shaped && piecewise(shaped.shape, shaped.values)) {
    let pieces = jsonBodies.get(shaped.shape);
    if (!pieces) {
      pieces = shaped.shape.body.map((p) => (typeof p === 'number' ? p : jsonInner(p)));
      jsonBodies.set(shaped.shape, pieces);
    }
    const values = shaped.values;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      writeText(t, typeof p === 'number' ? jsonInner(values[p]!) : p);
    }
  } else writeText(t, jsonInner(msg.text));
  const id = `"<${jsonInner(msg.messageId)}>"`;
  let tail = `","messageId":${id},"headers":{"Date":${lastDateJson},"Message-ID":${id}`;
  if (msg.inReplyTo) {
    const re = `"<${jsonInner(msg.inReplyTo)}>"`;
    tail += `,"In-Reply-To":${re},"References":${re}`;
  }
  if (headers.length > 0) tail += headersJson(headers);
  tail += `},"key":"${jsonInner(msg.key)}"${msg.html !== undefined ? `,"html":${json(msg.html)}` : ''}}\n`;
  writeText(t, tail);
}

import type { ByteTarget, Mailbox, Message } from '../message.js';
import { rfc5322Date } from '../text/dates.js';
import { displayMailbox, encodeBody, encodeUnstructured, FOLD_AT, formatMailbox, headerLine, mailboxName } from './encode.js';

export type Eol = '\n' | '\r\n';

/** The decoded headers of a message, in the order they are written. */
export function headerPairs(msg: Message): [string, string][] {
  const pairs: [string, string][] = [];
  if (msg.from) pairs.push(['From', displayMailbox(msg.from)]);
  if (msg.replyTo) pairs.push(['Reply-To', displayMailbox(msg.replyTo)]);
  if (msg.to) pairs.push(['To', displayMailbox(msg.to)]);
  pairs.push(['Subject', msg.subject]);
  pairs.push(['Date', rfc5322Date(msg.date)]);
  pairs.push(['Message-ID', `<${msg.messageId}>`]);
  if (msg.inReplyTo) {
    pairs.push(['In-Reply-To', `<${msg.inReplyTo}>`]);
    pairs.push(['References', `<${msg.inReplyTo}>`]);
  }
  pairs.push(...msg.headers);
  return pairs;
}

/**
 * The message as RFC 5322 / MIME text: encoded-words for non-ASCII names and
 * subjects (addresses bare), folded headers, a body encoding that keeps lines
 * ≤ 998 octets. Lines end with `eol` (LF for pipes and mbox, CRLF for .eml files).
 */
export function toRfc5322(msg: Message, eol: Eol = '\n'): string {
  const lines = headerLines(msg);
  const { transferEncoding, body } = encodeBody(msg.text, msg.bodyFacts);
  lines.push('MIME-Version: 1.0');
  let out: string;
  if (msg.html === undefined) {
    lines[lines.length - 1] = plainMimeLines(transferEncoding);
    out = `${lines.join('\n')}\n\n${body.endsWith('\n') ? body : `${body}\n`}`;
  } else {
    // "=_" never appears in quoted-printable output; the loop rules out a value that happens to hold it.
    const html = encodeBody(msg.html);
    let boundary = `=_apologize_${msg.messageId.split('@')[0]!.replace(/[^A-Za-z0-9]/g, '').slice(-28)}`;
    while (body.includes(boundary) || html.body.includes(boundary)) boundary += '_';
    lines.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    out = [
      `${lines.join('\n')}\n`,
      'This is a multi-part message in MIME format.\n',
      `--${boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: ${transferEncoding}\n\n${body.endsWith('\n') ? body : `${body}\n`}`,
      `--${boundary}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: ${html.transferEncoding}\n\n${html.body.endsWith('\n') ? html.body : `${html.body}\n`}`,
      `--${boundary}--\n`,
    ].join('\n');
  }
  if (eol === '\n') return out;
  // Without a CR in it (the usual message), every LF gets one: a plain replaceAll, twice as fast as the expression.
  return out.includes('\r') ? out.replace(/\r?\n/g, '\r\n') : out.replaceAll('\n', '\r\n');
}

/**
 * The header lines of a message, encoded and folded, in the order every
 * writer writes them (the MIME lines follow). The one place the header rules
 * live: the mbox writer's cached shapes are made by this function too.
 */
export function headerLines(msg: Message): string[] {
  const lines: string[] = [];
  if (msg.from) lines.push(cachedMailboxLine('From', msg.from));
  if (msg.replyTo) lines.push(cachedMailboxLine('Reply-To', msg.replyTo));
  if (msg.to) lines.push(toLine(msg.to));
  lines.push(cachedSubjectLine(msg.subject));
  lines.push(cachedDateLine(msg.date));
  lines.push(`Message-ID: <${msg.messageId}>`);
  if (msg.inReplyTo) {
    lines.push(`In-Reply-To: <${msg.inReplyTo}>`);
    lines.push(`References: <${msg.inReplyTo}>`);
  }
  for (const [name, value] of msg.headers) lines.push(extraHeaderLine(name, value));
  return lines;
}

/** The To line as text (without its line end): what writeToLine writes. */
export function toLine(to: Mailbox): string {
  const t = lineTarget;
  t.used = 0;
  writeToLine(t, to);
  return t.buf.toString('utf8', 0, t.used);
}

type Out = Buffer & { utf8Write(s: string, at: number): number };

/**
 * The To line (without its line end), written at the end of the target: the
 * display name encoded where it must be, the address bare, folded at 76
 * columns. The one place the To line's rules live: `toLine` gives its text to
 * the other writers, and the mbox writer has it write straight into its buffer.
 */
export function writeToLine(t: ByteTarget, to: Mailbox): void {
  const name = to.name ? mailboxName(to.name) : '';
  const { address } = to;
  // `To: name <address>` (or `To: address`), as headerLine('To', formatMailbox(to)) gives it.
  const units = 4 + (name === '' ? 0 : name.length + 3) + address.length;
  if (units > FOLD_AT) {
    const line = headerLine('To', formatMailbox(to));
    t.ensure(3 * line.length);
    t.used += (t.buf as Out).utf8Write(line, t.used);
    return;
  }
  t.ensure(3 * units);
  const out = t.buf as Out;
  let at = t.used;
  out[at++] = 84; // T
  out[at++] = 111; // o
  out[at++] = 58; // :
  out[at++] = 32;
  if (name !== '') {
    at = writeUnits(out, at, name);
    out[at++] = 32;
    out[at++] = 60; // <
    at = writeUnits(out, at, address);
    out[at++] = 62; // >
  } else at = writeUnits(out, at, address);
  t.used = at;
}

/** `at + out.utf8Write(s, at)`: an ASCII string of up to 80 units (an address, an encoded name) copied unit by unit, cheaper than the call. */
function writeUnits(out: Out, at: number, s: string): number {
  const n = s.length;
  if (n <= 80) {
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      out[at + i] = c;
    }
    if (i === n) return at + n;
  }
  return at + out.utf8Write(s, at);
}

/** Where toLine has writeToLine write. */
const lineTarget: ByteTarget = {
  buf: Buffer.allocUnsafe(256),
  used: 0,
  ensure(n) {
    if (lineTarget.used + n <= lineTarget.buf.length) return;
    const bigger = Buffer.allocUnsafe(2 * (lineTarget.used + n));
    lineTarget.buf.copy(bigger, 0, 0, lineTarget.used);
    lineTarget.buf = bigger;
  },
};

/** A template's own header (X-…, Precedence…) as a line. */
export function extraHeaderLine(name: string, value: string): string {
  return headerLine(name, encodeUnstructured(value));
}

/** The headers after the template's own ones, for a text/plain body. */
export function plainMimeLines(transferEncoding: string): string {
  return `MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: ${transferEncoding}`;
}

// A batch writes the same From, Reply-To, Date and (usually) Subject a million
// times: encode each once.
const mailboxLines = new WeakMap<object, string>();
export function cachedMailboxLine(name: string, box: Mailbox): string {
  let line = mailboxLines.get(box);
  if (line === undefined) {
    line = headerLine(name, formatMailbox(box));
    mailboxLines.set(box, line);
  }
  return line;
}
// A batch's subjects are few but can alternate message by message (one order, several orders): keep some.
const subjectLines = new Map<string, string>();
export function cachedSubjectLine(subject: string): string {
  let line = subjectLines.get(subject);
  if (line === undefined) {
    line = headerLine('Subject', encodeUnstructured(subject));
    if (subjectLines.size >= 64) subjectLines.clear();
    subjectLines.set(subject, line);
  }
  return line;
}
let lastDate = NaN;
let lastDateLine = '';
export function cachedDateLine(date: Date): string {
  if (date.getTime() !== lastDate) {
    lastDateLine = `Date: ${rfc5322Date(date)}`;
    lastDate = date.getTime();
  }
  return lastDateLine;
}

/** The readable form: To and Subject lines, then the body, nothing encoded. */
export function toText(msg: Message): string {
  const head = [msg.to ? `To: ${displayMailbox(msg.to)}` : undefined, `Subject: ${msg.subject}`].filter(Boolean).join('\n');
  return `${head}\n\n${msg.text}`;
}

/** The object an email API wants: {to, from, replyTo, subject, text, messageId, headers, key}. */
export function toJsonObject(msg: Message): Record<string, unknown> {
  return {
    to: msg.to ? displayMailbox(msg.to) : null,
    from: msg.from ? displayMailbox(msg.from) : null,
    replyTo: msg.replyTo ? displayMailbox(msg.replyTo) : null,
    subject: msg.subject,
    text: msg.text,
    messageId: `<${msg.messageId}>`,
    headers: Object.fromEntries(headerPairs(msg).filter(([n]) => !['From', 'To', 'Reply-To', 'Subject'].includes(n))),
    key: msg.key,
    ...(msg.html !== undefined ? { html: msg.html } : {}),
  };
}

/** JSON on one line, with U+2028/U+2029 escaped so every JSON reader (and JS) accepts it. */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

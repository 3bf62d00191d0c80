import libqp from 'libqp';
import type { Mailbox } from '../message.js';
import { encodeWord, encodeWords, foldLines } from './mime-words.js';

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const LONG_TOKEN = /\S{70,}/;
const SPECIALS = /[()<>[\]:;@\\,."]/;

/**
 * True when text holds something a mail client could decode as an RFC 2047
 * encoded-word (`=?charset?b?…?=`): written raw, it would show as something
 * else than what was typed (even a line break and a Bcc), so it is encoded.
 */
export function looksEncoded(text: string): boolean {
  const open = text.indexOf('=?');
  return open !== -1 && text.indexOf('?=', open + 2) !== -1;
}

/** A display name as RFC 5322 wants it: atom, quoted string, or RFC 2047 encoded-words. */
export function encodeDisplayName(name: string): string {
  if (NON_ASCII.test(name) || looksEncoded(name)) {
    // One encoded-word where it fits a line (Q, readable; B when Q is too long):
    // some parsers (Python's) put a space between adjacent encoded-words in a name.
    const q = encodeWord(name, 'Q', 0);
    if (q.length <= 900) return q;
    const b = encodeWord(name, 'B', 0);
    return b.length <= 900 ? b : encodeWord(name, 'Q', 52);
  }
  if (name.length > 900) return encodeWord(name, 'Q', 52);
  if (SPECIALS.test(name) || LONG_TOKEN.test(name) || /^\s|\s$|\s\s/.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}"`;
  return name;
}

const PLAIN_NAME = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*$/;

// Encoding a name costs more than the rest of a message: names repeat, so keep some.
const encodedNames = new Map<string, string>();

/** `Name <addr>` with only the name encoded; the address always stays bare. */
export function formatMailbox(box: Mailbox): string {
  return box.name ? `${mailboxName(box.name)} <${box.address}>` : box.address;
}

/** The characters PLAIN_NAME allows, by ASCII code. */
const PLAIN_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) PLAIN_CHAR[c] = PLAIN_NAME.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * `PLAIN_NAME.test(name) && name.length < 70 && !/^\s|\s$|\s\s/.test(name) && !looksEncoded(name)`
 * in one pass over the name (the To line of every message asks).
 */
export function isPlainName(name: string): boolean {
  const n = name.length;
  if (n >= 70) return false;
  if (n > 0 && (name.charCodeAt(0) === 32 || name.charCodeAt(n - 1) === 32)) return false;
  let prev = 0;
  let open = false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || PLAIN_CHAR[c] === 0) return false;
    if (c === 32 && prev === 32) return false;
    if (c === 63 /* ? */) {
      // "=?" then, from two units after its "=", "?=": looksEncoded.
      if (open && i + 1 < n && name.charCodeAt(i + 1) === 61) return false;
      if (prev === 61) open = true;
    }
    prev = c;
  }
  return true;
}

/** A display name as formatMailbox writes it before the address: as it is when plain, else encoded (and kept: names repeat). */
export function mailboxName(name: string): string {
  if (isPlainName(name)) return name;
  let encoded = encodedNames.get(name);
  if (encoded === undefined) {
    if (encodedNames.size >= 4096) encodedNames.clear();
    encoded = encodeDisplayName(name);
    encodedNames.set(name, encoded);
  }
  return encoded;
}

/** `Name <addr>` for people and JSON: nothing encoded. */
export function displayMailbox(box: Mailbox): string {
  if (!box.name) return box.address;
  const name = SPECIALS.test(box.name) ? `"${box.name.replace(/(["\\])/g, '\\$1')}"` : box.name;
  return `${name} <${box.address}>`;
}

/** An unstructured header value (Subject…): encoded-words where needed. */
export function encodeUnstructured(value: string): string {
  if (LONG_TOKEN.test(value) || looksEncoded(value)) return encodeWord(value, 'Q', 52);
  if (NON_ASCII.test(value)) return encodeWords(value, 'Q', 52);
  return value;
}

/** Header lines are folded where they are longer than this (in UTF-16 units). */
export const FOLD_AT = 76;

/** One header line, folded at 76 columns where it can be. */
export function headerLine(name: string, encodedValue: string): string {
  const line = `${name}: ${encodedValue}`;
  return line.length <= FOLD_AT ? line : foldLines(line, FOLD_AT).replace(/\r\n/g, '\n');
}

export interface EncodedBody {
  transferEncoding: '7bit' | '8bit' | 'quoted-printable';
  body: string;
}

/**
 * Chooses a transfer encoding that keeps every line ≤ 998 octets: `7bit` for
 * ASCII, `8bit` for UTF-8 text (readable, and what every current relay takes
 * via 8BITMIME; sendmail down-converts for the rare one that does not), and
 * quoted-printable when a line would be longer than 998 octets or the text has
 * a lone CR.
 */
export function encodeBody(text: string, facts?: { ascii: boolean; maxOctets: number; crFree: boolean }): EncodedBody {
  if (facts && facts.crFree && facts.maxOctets <= 998) return { transferEncoding: facts.ascii ? '7bit' : '8bit', body: text };
  const ascii = !NON_ASCII.test(text);
  if (!text.includes('\r') && !hasLongLine(text, ascii ? 998 : 332)) return { transferEncoding: ascii ? '7bit' : '8bit', body: text };
  if (!text.includes('\r') && !hasLongOctetLine(text, 998)) return { transferEncoding: '8bit', body: text };
  // libqp breaks soft lines with CRLF: LF here, like every other line (writers choose the line ending).
  return { transferEncoding: 'quoted-printable', body: libqp.wrap(libqp.encode(Buffer.from(text, 'utf8')), 76).replace(/\r\n/g, '\n') };
}

/** A line longer than `max` characters (a UTF-16 unit is at most 3 UTF-8 octets, so max 332 is safe for 998 octets). */
function hasLongLine(text: string, max: number): boolean {
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > max) return true;
    if (nl === -1) return false;
    start = nl + 1;
  }
}

function hasLongOctetLine(text: string, max: number): boolean {
  return text.split('\n').some((line) => Buffer.byteLength(line, 'utf8') > max);
}

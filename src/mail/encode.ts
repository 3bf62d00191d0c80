import libmime from 'libmime';
import libqp from 'libqp';
import type { Mailbox } from './address.js';

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const LONG_TOKEN = /\S{70,}/;
const SPECIALS = /[()<>[\]:;@\\,."]/;

/** A display name as RFC 5322 wants it: atom, quoted string, or RFC 2047 encoded-words. */
export function encodeDisplayName(name: string): string {
  if (NON_ASCII.test(name) || LONG_TOKEN.test(name)) return libmime.encodeWord(name, 'Q', 52);
  if (SPECIALS.test(name) || /^\s|\s$|\s\s/.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}"`;
  return name;
}

/** `Name <addr>` with only the name encoded; the address always stays bare. */
export function formatMailbox(box: Mailbox): string {
  return box.name ? `${encodeDisplayName(box.name)} <${box.address}>` : box.address;
}

/** `Name <addr>` for people and JSON: nothing encoded. */
export function displayMailbox(box: Mailbox): string {
  if (!box.name) return box.address;
  const name = SPECIALS.test(box.name) ? `"${box.name.replace(/(["\\])/g, '\\$1')}"` : box.name;
  return `${name} <${box.address}>`;
}

/** An unstructured header value (Subject…): encoded-words where needed. */
export function encodeUnstructured(value: string): string {
  if (LONG_TOKEN.test(value)) return libmime.encodeWord(value, 'Q', 52);
  if (NON_ASCII.test(value)) return libmime.encodeWords(value, 'Q', 52);
  return value;
}

/** One header line, folded at 76 columns where it can be. */
export function headerLine(name: string, encodedValue: string): string {
  const line = `${name}: ${encodedValue}`;
  return line.length <= 76 ? line : libmime.foldLines(line, 76).replace(/\r\n/g, '\n');
}

export interface EncodedBody {
  transferEncoding: '7bit' | 'quoted-printable';
  body: string;
}

/** Chooses a transfer encoding that keeps every line ≤ 998 octets and 7-bit safe. */
export function encodeBody(text: string): EncodedBody {
  if (!NON_ASCII.test(text) && !hasLongLine(text, 998)) return { transferEncoding: '7bit', body: text };
  return { transferEncoding: 'quoted-printable', body: libqp.wrap(libqp.encode(Buffer.from(text, 'utf8')), 76) };
}

function hasLongLine(text: string, max: number): boolean {
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > max) return true;
    if (nl === -1) break;
    start = nl + 1;
  }
  return false;
}

import type { Mailbox } from '../message.js';

// C0/C1 controls, DEL, zero-width and bidi controls, line/paragraph separators.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
// The same for names and other header text, which may hold ZWNJ (U+200C) and ZWJ (U+200D):
// Persian and Indic names need them. Addresses may not.
// eslint-disable-next-line no-control-regex
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
// RFC 5322 dot-atom local part (ASCII) plus UTF-8 letters (RFC 6531), and a DNS-like domain.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([A-Za-z0-9\u0080-\uffff]([A-Za-z0-9\u0080-\uffff-]{0,61}[A-Za-z0-9\u0080-\uffff])?\.)+[A-Za-z\u0080-\uffff][A-Za-z0-9\u0080-\uffff-]{0,61}$/;

/** Why a bare address is not acceptable, or null when it is. */
export function addressProblem(address: string): string | null {
  if (address === '') return 'the address is empty';
  if (FORBIDDEN.test(address)) return 'the address contains a control, zero-width or line-break character';
  if (/[\s,;]/.test(address)) return 'more than one address, or spaces in the address';
  if (address.length > 254) return 'the address is longer than 254 characters';
  if (address.startsWith('-')) return 'the address starts with "-" (it could be read as a command option)';
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return 'not an address like name@example.com';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return 'the part before @ is not valid';
  if (domain.startsWith('[')) return addressLiteralOk(domain) ? null : 'the address literal after @ is not an IPv4 [1.2.3.4] or [IPv6:…] address';
  if (!DOMAIN.test(domain)) return 'the domain after @ is not valid';
  return null;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX16 = /^[0-9A-Fa-f]{1,4}$/;

function ipv4Ok(s: string): boolean {
  const m = IPV4.exec(s);
  return m !== null && m.slice(1).every((n) => Number(n) <= 255);
}

/** RFC 5321 4.1.3: `[IPv4 dotted quad]` or `[IPv6:…]` in its full, compressed and IPv4-tail forms. */
export function addressLiteralOk(literal: string): boolean {
  if (!literal.startsWith('[') || !literal.endsWith(']') || literal.length > 64) return false;
  const inner = literal.slice(1, -1);
  if (ipv4Ok(inner)) return true;
  if (inner.slice(0, 5).toLowerCase() !== 'ipv6:') return false;
  return ipv6Ok(inner.slice(5));
}

function ipv6Ok(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  // Each half is groups of 1-4 hex digits; an IPv4 tail may close the address and counts as two groups.
  let count = 0;
  for (let h = 0; h < halves.length; h++) {
    if (halves[h] === '') continue;
    const groups = halves[h]!.split(':');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      const last = h === halves.length - 1 && i === groups.length - 1;
      if (last && g.includes('.')) {
        if (!ipv4Ok(g)) return false;
        count += 2;
      } else if (HEX16.test(g)) count += 1;
      else return false;
    }
  }
  // "::" stands for at least two groups of zeros (RFC 5321's IPv6-comp).
  return halves.length === 2 ? count <= 6 : count === 8;
}

// What most names are: printable ASCII and Latin/Greek/Cyrillic… letters, nothing the checks below refuse.
/** `/^[\x20-\x7e\u00a0-\u1fff]*$/.test(s)`, unit by unit (every row's name is asked). */
function isPlainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c > 0x7e && c < 0xa0) || c > 0x1fff) return false;
  }
  return true;
}

/** Why a display name cannot go into a header, or null. */
export function displayNameProblem(name: string): string | null {
  if (name.length <= MAX_NAME && isPlainText(name)) return null;
  if (/[\r\n]/.test(name)) return 'the name contains a line break';
  if (NAME_FORBIDDEN.test(name)) return 'the name contains a control, zero-width or bidi character';
  if (LONE_SURROGATE.test(name)) return 'the name is not valid Unicode';
  if (name.length > MAX_NAME && codePoints(name, MAX_NAME) > MAX_NAME) return `the name is longer than ${MAX_NAME} characters`;
  return null;
}

/**
 * Longer display names are refused: no real name is, and encoded-words must fit
 * header lines. Counted in code points (an emoji is one, not two UTF-16 units),
 * so a name is at most 1 KB of UTF-8 however it is written.
 */
export const MAX_NAME = 256;

/** Code points in s, counting stops once past `stop`. */
function codePoints(s: string, stop: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= stop; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when a header-bound value (a name, a Subject) holds CR, LF, another
 * control, zero-width or bidi character, or broken Unicode. ZWNJ and ZWJ are
 * text (Persian, Indic scripts, emoji sequences), not breakers.
 */
export function hasHeaderBreaker(value: string): boolean {
  return NAME_FORBIDDEN.test(value) || LONE_SURROGATE.test(value);
}

/**
 * Parses `Name <addr>`, `"Last, First" <addr>` or a bare `addr`.
 * Returns the mailbox or a reason why it is not exactly one valid address.
 */
export function parseMailbox(input: string): Mailbox | { error: string } {
  if (input.length <= 64 && SIMPLE_ADDRESS.test(input)) return { name: '', address: input };
  return parseMailboxFully(input);
}

// A bare address of the usual kind: what parseMailboxFully accepts as is (a
// dot-atom local part, DNS labels, a letter first in the last label; ≤ 64 characters in all).
const SIMPLE_ADDRESS =
  /^[A-Za-z0-9_%+][A-Za-z0-9_%+-]*(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z][A-Za-z0-9-]{0,61}$/;

/** parseMailbox without the shortcut for plain addresses (tests check the two agree). */
export function parseMailboxFully(input: string): Mailbox | { error: string } {
  const value = input.trim();
  if (/[\r\n]/.test(value)) return { error: 'contains a line break (header injection?)' };
  // `name <address>`: the address is what lies between the last "<" and a final ">"
  // (as emailKey reads it). Found by index, not by a backtracking pattern: a
  // padded cell costs one pass, however long.
  let name = '';
  let address = value;
  const lt = value.lastIndexOf('<');
  const gt = value.indexOf('>', lt + 1);
  if (lt >= 0 && gt === value.length - 1) {
    name = value.slice(0, lt).trim();
    address = value.slice(lt + 1, gt).trim();
    if (name.startsWith('"')) {
      const unquoted = unquote(name);
      if (unquoted === null) return { error: 'the quoted name is not closed' };
      name = unquoted;
    } else if (/[<>",;@]/.test(name)) {
      return { error: 'more than one address, or a name with , ; @ " that is not in quotes' };
    }
  } else if (/[<>]/.test(value)) {
    return { error: 'unbalanced < >' };
  }
  const nameProblem = displayNameProblem(name);
  if (nameProblem) return { error: nameProblem };
  const problem = addressProblem(address);
  if (problem) return { error: problem };
  return { name, address };
}

/** The text of a quoted string that spans all of `s` (`"Ruiz, Ana"` → `Ruiz, Ana`), or null. */
function unquote(s: string): string | null {
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      if (i + 1 >= s.length) return null;
      out += s[++i];
    } else if (c === '"') {
      return i === s.length - 1 ? out : null;
    } else out += c;
  }
  return null;
}

/** One mailbox: an optional display name and one bare address. */
export interface Mailbox {
  name: string;
  address: string;
}

// C0/C1 controls, DEL, zero-width and bidi controls, line/paragraph separators.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
// RFC 5322 dot-atom local part (ASCII) plus UTF-8 letters (RFC 6531), and a DNS-like domain.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([A-Za-z0-9\u0080-\uffff]([A-Za-z0-9\u0080-\uffff-]{0,61}[A-Za-z0-9\u0080-\uffff])?\.)+[A-Za-z\u0080-\uffff][A-Za-z0-9\u0080-\uffff-]{0,61}$|^\[[0-9.:A-Fa-f]+\]$/;

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
  if (!DOMAIN.test(domain)) return 'the domain after @ is not valid';
  return null;
}

// What most names are: printable ASCII and Latin/Greek/Cyrillic… letters, nothing the checks below refuse.
const PLAIN_NAME = /^[\x20-\x7e\u00a0-\u1fff]*$/;

/** Why a display name cannot go into a header, or null. */
export function displayNameProblem(name: string): string | null {
  if (name.length <= MAX_NAME && PLAIN_NAME.test(name)) return null;
  if (/[\r\n]/.test(name)) return 'the name contains a line break';
  if (FORBIDDEN.test(name)) return 'the name contains a control, zero-width or bidi character';
  if (LONE_SURROGATE.test(name)) return 'the name is not valid Unicode';
  if (name.length > MAX_NAME) return `the name is longer than ${MAX_NAME} characters`;
  return null;
}

/** Longer display names are refused: no real name is, and encoded-words must fit a header line. */
export const MAX_NAME = 256;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a header-bound value holds CR, LF, another control character, or broken Unicode. */
export function hasHeaderBreaker(value: string): boolean {
  return FORBIDDEN.test(value) || LONE_SURROGATE.test(value);
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
  const angle = /^(.*?)\s*<([^<>]*)>$/s.exec(value);
  let name = '';
  let address = value;
  if (angle) {
    name = angle[1]!.trim();
    address = angle[2]!.trim();
    if (name.startsWith('"')) {
      if (!/^"((?:[^"\\]|\\.)*)"$/s.test(name)) return { error: 'the quoted name is not closed' };
      name = name.slice(1, -1).replace(/\\(.)/g, '$1');
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

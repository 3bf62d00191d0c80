/**
 * Message-IDs made from a recipient's 64-bit hash (a, b): a campaign's constant
 * prefix and suffix around 16 lower-case hex digits. The one place that form
 * lives: compose makes the string from it, the mbox writer the bytes.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** `n.toString(16).padStart(8, '0')` for an unsigned 32-bit n, without the (slow) number formatting. */
export function hex8(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** The Message-ID (without angle brackets) of hash (a, b) in a campaign's form. */
export function hashedId(form: { readonly prefix: string; readonly suffix: string }, a: number, b: number): string {
  return form.prefix + hex8(a) + hex8(b) + form.suffix;
}

/** The 16 digits hashedId puts between prefix and suffix, as bytes at buf[at]; returns the end. */
export function writeHashDigits(buf: Uint8Array, at: number, a: number, b: number): number {
  for (let shift = 28; shift >= 0; shift -= 4) buf[at++] = DIGITS[(a >>> shift) & 15]!;
  for (let shift = 28; shift >= 0; shift -= 4) buf[at++] = DIGITS[(b >>> shift) & 15]!;
  return at;
}

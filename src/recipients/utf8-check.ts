import { isUtf8 } from 'node:buffer';

// Small on purpose: the pre-pass worker imports it.

/**
 * Checks that a stream of bytes is UTF-8, chunk by chunk (a character may
 * straddle two chunks). A chunk is only valid until the next is read: what is
 * carried over is copied.
 */
export class Utf8Check {
  ok = true;
  private carry: Buffer | null = null;

  push(chunk: Buffer): boolean {
    if (!this.ok) return false;
    let buf = chunk;
    if (this.carry) {
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    const cut = incompleteTail(buf);
    if (cut < buf.length) this.carry = Buffer.from(buf.subarray(cut));
    if (!isUtf8(cut === buf.length ? buf : buf.subarray(0, cut))) this.ok = false;
    return this.ok;
  }

  /** False when the input ended inside a character too. */
  end(): boolean {
    if (this.carry) this.ok = false;
    this.carry = null;
    return this.ok;
  }
}

/** Where an unfinished multi-byte sequence at the end of `b` starts, else b.length. */
function incompleteTail(b: Buffer): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const c = b[i]!;
    if (c < 0x80) return n;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return n - i < need ? i : n;
    }
  }
  return n;
}

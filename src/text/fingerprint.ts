/** FNV-1a, 32 bits: the first half of FingerprintSet.hash, for cheap stable choices (humour line, shard). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const INITIAL: [number, number] = [0x811c9dc5, 0x9747b28c];
const SCRATCH = new Uint32Array(2);

/** The hash loop over a string's UTF-16 units from state (h1, h2), unfinished, into out. */
function absorb(h1: number, h2: number, key: string, out: Uint32Array): void {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  out[0] = h1;
  out[1] = h2;
}

export interface FingerprintData {
  hi: Uint32Array;
  lo: Uint32Array;
  size: number;
}

/**
 * A compact set of 64-bit fingerprints of strings (open addressing on two
 * Uint32Arrays, at most 3/4 full): 8 bytes a slot, 11–21 bytes a key, so a
 * million customers take 16 MB at most instead of a Set of strings several
 * times that. 64 bits make a false match between two customers' keys about a
 * one-in-ten-million chance for a million customers.
 */
export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap * 0.75 < capacity) cap <<= 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** Two independent 32-bit hashes of the key; never both zero. */
  static hash(key: string): [number, number] {
    FingerprintSet.hashAfter(INITIAL, key, SCRATCH);
    return [SCRATCH[0]!, SCRATCH[1]!];
  }

  /** The state of `hash` after `prefix`, for `hashAfter`. */
  static stateAfter(prefix: string): [number, number] {
    absorb(INITIAL[0], INITIAL[1], prefix, SCRATCH);
    return [SCRATCH[0]!, SCRATCH[1]!];
  }

  /** `hash(key)` into out[0] and out[1] (no allocation: a hot path). */
  static hashInto(key: string, out: Uint32Array): void {
    FingerprintSet.hashAfter(INITIAL, key, out);
  }

  /** `hash(key)` of ASCII bytes, lower-casing A–Z, into out[0] and out[1]. */
  static hashBytes(buf: Uint8Array, start: number, end: number, out: Uint32Array): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = start; i < end; i++) {
      let c = buf[i]!;
      if (c >= 65 && c <= 90) c += 32;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    out[0] = h1;
    out[1] = Math.imul(h2 ^ (h2 >>> 15), 0x27d4eb2d) || 1;
  }

  /** `hash(prefix + key)` from the state after prefix, into out[0] and out[1] (no allocation: a hot path). */
  static hashAfter(state: [number, number], key: string, out: Uint32Array): void {
    absorb(state[0], state[1], key, out);
    out[1] = Math.imul(out[1]! ^ (out[1]! >>> 15), 0x27d4eb2d) || 1;
  }

  /** Calls fn with every fingerprint in the set. */
  forEachPair(fn: (a: number, b: number) => void): void {
    for (let i = 0; i < this.lo.length; i++) if (this.lo[i] !== 0) fn(this.hi[i]!, this.lo[i]!);
  }

  /** The set's tables, for another thread (structured clone copies them). */
  toData(): FingerprintData {
    return { hi: this.hi, lo: this.lo, size: this.size };
  }

  static fromData(data: FingerprintData): FingerprintSet {
    const set = new FingerprintSet(4);
    set.hi = data.hi;
    set.lo = data.lo;
    set.mask = data.hi.length - 1;
    set.size = data.size;
    return set;
  }

  hasPair(a: number, b: number): boolean {
    return this.find(a, b) >= 0;
  }

  /** Adds a fingerprint; returns false when it was already there. */
  addPair(a: number, b: number): boolean {
    if (this.find(a, b) >= 0) return false;
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    this.insert(a, b);
    this.size++;
    return true;
  }

  /** Whether the key is in the set (its hash into a scratch pair: no array per call). */
  has(key: string): boolean {
    FingerprintSet.hashAfter(INITIAL, key, SCRATCH);
    return this.find(SCRATCH[0]!, SCRATCH[1]!) >= 0;
  }

  /** Adds the key; returns false when it was already there. */
  add(key: string): boolean {
    FingerprintSet.hashAfter(INITIAL, key, SCRATCH);
    return this.addPair(SCRATCH[0]!, SCRATCH[1]!);
  }

  private find(a: number, b: number): number {
    let i = (a ^ b) & this.mask;
    for (;;) {
      const lo = this.lo[i]!;
      if (lo === 0) return -1;
      if (lo === b && this.hi[i] === a) return i;
      i = (i + 1) & this.mask;
    }
  }

  private insert(a: number, b: number): void {
    let i = (a ^ b) & this.mask;
    while (this.lo[i] !== 0) i = (i + 1) & this.mask;
    this.hi[i] = a;
    this.lo[i] = b;
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.mask = this.hi.length - 1;
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }
}

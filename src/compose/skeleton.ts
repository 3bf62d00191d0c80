import type { BodyFacts, MessageShape, Pieces } from '../message.js';
import type { Recipient } from '../recipients/recipient.js';
import type { SkeletonPlan } from '../templates/shape-plan.js';

/**
 * Fast rendering for batches. A message depends on its recipient only through
 * the values it prints and the shape of the data (which fields are empty, how
 * many orders). So each shape is rendered once, with placeholders for the
 * values, and every later recipient of that shape is a join of the cached
 * pieces. Used only for templates where this is provably the same as rendering
 * (recipient values printed or tested, never passed to a helper).
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;
/**
 * A value that tidying the body could change (edge spaces, line breaks), that
 * rendering refuses (other control characters), or that holds a placeholder mark.
 */
// eslint-disable-next-line no-control-regex
export const RENDER_DIRECTLY = /[\uE000\u0000-\u001f\u007f-\u009f]|^\s|\s$/;

/** A UTF-16 unit outside printable ASCII (U+0020–U+007E). */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** A UTF-16 unit that `\s` matches (white space and line terminators). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A non-empty value's UTF-8 octets (Buffer.byteLength), or -1 when
 * RENDER_DIRECTLY matches it: one pass over its units instead of two
 * regular expressions and a byte count (a batch asks for every value of
 * every message).
 */
export function valueOctets(v: string): number {
  const n = v.length;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(n - 1);
  // Printable ASCII (most values: order numbers, products, amounts) is one native search: a
  // byte an octet, no control character or mark, and the space is its only white space.
  if (first !== 32 && last !== 32 && !NOT_PRINTABLE_ASCII.test(v)) return n;
  if (isSpace(first) || isSpace(last)) return -1;
  let octets = n;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x7f) return -1;
    } else if (c < 0x800) {
      if (c <= 0x9f) return -1;
      octets += 1;
    } else if (c === 0xe000) return -1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      octets += 2; // a pair: 4 octets for its 2 units
      i++;
    } else octets += 2; // 3 octets (a lone surrogate is written as U+FFFD)
  }
  return octets;
}
export interface RenderedParts {
  headers: string[];
  body: string;
  /** Facts about the body, known from the cached shape without scanning it. */
  facts?: BodyFacts;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
/** Text before a value at the start of a line that the value could turn into a ">*From " line. */
const FROM_PREFIX = /^>*(F|Fr|Fro|From)?$/;

/** A body shape's facts, from which each message's are found by looking at its values only. */
interface BodyInfo {
  ascii: boolean;
  crFree: boolean;
  fromSafe: boolean;
  /** Longest line without a slot, in octets. */
  constMax: number;
  /** Lines with slots: their constant octets and their slots. */
  lines: { octets: number; slots: number[] }[];
  /** Every slot in the body, once. */
  used: number[];
  /** The first slot of a line whose text before it could start a "From " line with the value. */
  lineStarts: { slot: number; before: string }[];
}

function bodyInfo(p: Pieces): BodyInfo {
  const text = p.map((x) => (typeof x === 'number' ? 'x' : x)).join('');
  const info: BodyInfo = { ascii: true, crFree: !text.includes('\r'), fromSafe: !/(^|\n)>*From /.test(text), constMax: 0, lines: [], used: [], lineStarts: [] };
  const used = new Set<number>();
  let octets = 0;
  let slots: number[] = [];
  let before = '';
  const endLine = () => {
    if (slots.length > 0) info.lines.push({ octets, slots });
    else info.constMax = Math.max(info.constMax, octets);
    octets = 0;
    slots = [];
    before = '';
  };
  for (const x of p) {
    if (typeof x === 'number') {
      if (slots.length === 0 && FROM_PREFIX.test(before)) info.lineStarts.push({ slot: x, before });
      slots.push(x);
      used.add(x);
      continue;
    }
    if (NON_ASCII.test(x)) info.ascii = false;
    const parts = x.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) endLine();
      octets += Buffer.byteLength(part, 'utf8');
      if (slots.length === 0) before += part;
    });
  }
  endLine();
  info.used = [...used];
  return info;
}

/** Splits a rendered string at its placeholders. */
function pieces(text: string): Pieces {
  const out: Pieces = [];
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    out.push(text.slice(last, m.index));
    out.push(Number(m[1]));
    last = m.index! + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

function join(p: Pieces, values: string[]): string {
  if (p.length === 1) return p[0] as string;
  let s = '';
  for (let i = 0; i < p.length; i++) {
    const x = p[i]!;
    s += typeof x === 'number' ? values[x]! : x;
  }
  return s;
}

type Reader = (obj: Record<string, unknown>, out: unknown[], at: number) => void;

/**
 * Writes obj's values of `fields` into out from index `at` on, compiled to
 * plain property loads (field names are JSON string literals; own-ness is not
 * checked, and inherited members are functions, which the caller treats as
 * "render directly").
 */
function reader(fields: string[]): Reader {
  if (fields.length === 0) return () => {};
  if (fields.some((f) => f === '__proto__')) return (obj, out, at) => fields.forEach((f, i) => (out[at + i] = Object.hasOwn(obj, f) ? obj[f] : undefined));
  return new Function('o', 'out', 'at', fields.map((f, i) => `out[at + ${i}] = o[${JSON.stringify(f)}];`).join(' ')) as Reader;
}

/** One cached shape: its header values and body split at the placeholders. */
export interface Shape extends MessageShape {
  info: BodyInfo;
  /** The finished Subject and template headers, when no header has a slot (the same for every message of the shape). */
  finished?: { subject: string; headers: [string, string][] };
}

/** Shapes of customers with more values than one key word holds, by their next word. */
type Level = Map<number | string, Shape | Level>;

/** A recipient's shape and the values to put in its slots. */
export interface ShapeHit {
  shape: Shape;
  /** By slot (undefined for a field the recipient does not have: never a slot). */
  values: string[];
  facts: BodyFacts;
}

/**
 * Caches rendered shapes. `render` is the real renderer, given a recipient
 * context object and the humour line index; `readRecipient` reads the plan's
 * recipient values from a recipient as the context builder defines them.
 */
export class SkeletonRenderer {
  private readonly cache = new Map<number | string, Shape | Level>();
  private shapes = 0;
  private readonly octets: number[] = [];
  private readonly words: number[] = [];
  private readonly readOrder: Reader;
  /**
   * By value index of the first order: the customer's value of the same name, or -1. A customer's
   * `items_display`, `order_id`… are usually the first order's own strings: when equal, its octets
   * are taken from the customer's, not counted again.
   */
  private readonly sameAs: Int32Array;
  constructor(
    private readonly plan: SkeletonPlan,
    private readonly render: (recipientContext: Record<string, unknown>, humourIndex: number) => RenderedParts,
    private readonly readRecipient: (r: Recipient, out: unknown[], at: number) => void,
  ) {
    this.readOrder = reader(plan.order);
    const perRecipient = plan.recipient.length;
    this.sameAs = new Int32Array(perRecipient + plan.order.length).fill(-1);
    plan.order.forEach((f, j) => (this.sameAs[perRecipient + j] = plan.recipient.indexOf(f)));
  }

  /**
   * The recipient's shape (rendered once per shape) and values, or undefined
   * when a value could be changed by tidying the body (edge spaces, line
   * breaks) or is not a string: then only rendering this recipient directly
   * gives the right text.
   */
  lookup(recipient: Recipient, humourIndex: number): ShapeHit | undefined {
    const { plan } = this;
    const orders = recipient.orders;
    // The shape: which values are empty or missing (2 bits each), how many
    // orders, which humour line.
    // Read with compiled property loads; anything not a string (a missing field
    // is undefined; an inherited one is a function) is seen by the checks below.
    // Read into an array of the exact size: a hit's message keeps it.
    const perRecipient = plan.recipient.length;
    const perOrder = plan.order.length;
    const values: unknown[] = new Array(perRecipient + orders.length * perOrder);
    this.readRecipient(recipient, values, 0);
    for (let o = 0; o < orders.length; o++) this.readOrder(orders[o]!, values, perRecipient + o * perOrder);
    const octets = this.octets;
    // The key: 2 bits a value, 13 values a word (26 bits), 7 in the first. The
    // first word, with the number of orders and the humour line, keys the cache
    // (30 bits: a small integer, no heap number to hash); each further word (a
    // customer with more values) keys a map below it. Numbers only: no key
    // string to build and hash per message.
    const words = this.words;
    const sameAs = this.sameAs;
    let acc = 0;
    let n = 0;
    let w = 0;
    let per = 7;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as unknown;
      let state: number;
      if (v === undefined) state = 2;
      else if (typeof v !== 'string') return undefined;
      else if (v === '') state = octets[i] = 0;
      else {
        // The first order's value equal to the customer's of the same name (read before it): the same octets.
        const same = i < sameAs.length ? sameAs[i]! : -1;
        if (same >= 0 && v === values[same]) octets[i] = octets[same]!;
        else {
          // Placeholders give the same text as rendering only when tidying the
          // body (trailing spaces, blank-line runs, trim) cannot touch the value.
          const o = valueOctets(v);
          if (o < 0) return undefined;
          octets[i] = o;
        }
        state = 1;
      }
      acc = acc * 4 + state;
      if (++n === per) {
        words[w++] = acc;
        acc = 0;
        n = 0;
        per = 13;
      }
    }
    // The number of values follows from the number of orders: `n` and `w` need no place in the key.
    if (n > 0 || w === 0) words[w++] = acc;
    let shape: Shape | undefined;
    let level: Map<number | string, Shape | Level> = this.cache;
    const first = orders.length < 256 && humourIndex < 255 ? (words[0]! * 256 + orders.length) * 256 + humourIndex + 1 : `${words.slice(0, w).join(',')}|${orders.length}|${humourIndex}`;
    if (typeof first === 'string' || w === 1) shape = level.get(first) as Shape | undefined;
    else {
      let at: number | string = first;
      for (let i = 1; i < w; i++) {
        let next = level.get(at) as Level | undefined;
        if (next === undefined) {
          next = new Map();
          // A full cache keeps no more shapes: nor the maps that would lead to them.
          if (this.shapes < 10_000) level.set(at, next);
        }
        level = next;
        at = words[i]!;
      }
      shape = level.get(at) as Shape | undefined;
      if (!shape) shape = this.add(values, orders.length, humourIndex, level, at);
    }
    if (!shape) shape = this.add(values, orders.length, humourIndex, this.cache, first);
    return { shape, values: values as string[], facts: this.facts(shape.info, values as string[]) };
  }

  /** Renders a new shape, kept under `key` in `level` while the cache holds fewer than 10,000. */
  private add(values: unknown[], orderCount: number, humourIndex: number, level: Map<number | string, Shape | Level>, key: number | string): Shape {
    const { plan } = this;
    let slot = 0;
    const mark = (fields: string[]) => {
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        const v = values[slot];
        if (v !== undefined) out[f] = v === '' ? '' : `${OPEN}${slot}${CLOSE}`;
        slot++;
      }
      return out;
    };
    const ctx = mark(plan.recipient);
    const orders: Record<string, unknown>[] = new Array(orderCount);
    for (let o = 0; o < orderCount; o++) orders[o] = mark(plan.order);
    ctx.orders = orders;
    const rendered = this.render(ctx, humourIndex);
    const body = pieces(rendered.body);
    const shape: Shape = { headers: rendered.headers.map(pieces), body, info: bodyInfo(body) };
    if (this.shapes < 10_000) {
      this.shapes++;
      level.set(key, shape);
    }
    return shape;
  }

  /** This message's body facts: the shape's, with its values' octets (lookup counted them) and first characters. */
  private facts(info: BodyInfo, values: string[]): BodyFacts {
    let ascii = info.ascii;
    const octets = this.octets;
    for (const s of info.used) if (octets[s] !== values[s]!.length) ascii = false;
    let maxOctets = info.constMax;
    for (const line of info.lines) {
      let o = line.octets;
      for (const s of line.slots) o += octets[s]!;
      if (o > maxOctets) maxOctets = o;
    }
    let fromSafe = info.fromSafe;
    for (const { slot, before } of info.lineStarts) {
      const c = values[slot]!.charCodeAt(0);
      if (before !== '' || c === 70 /* F */ || c === 62 /* > */) fromSafe = false;
    }
    return { ascii, maxOctets, fromSafe, crFree: info.crFree };
  }
}

export { join as joinPieces };

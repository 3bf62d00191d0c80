import { describe, expect, it } from 'vitest';
import { joinPieces, RENDER_DIRECTLY, SkeletonRenderer, valueOctets } from '../../src/compose/skeleton.js';
import type { BodyFacts } from '../../src/message.js';
import type { Recipient } from '../../src/recipients/recipient.js';

/** What the cached shapes asked of a value before: the regular expression, then the byte count. */
const reference = (v: string) => (RENDER_DIRECTLY.test(v) ? -1 : Buffer.byteLength(v, 'utf8'));

describe('valueOctets (one pass for "render directly?" and the UTF-8 octets)', () => {
  it('agrees with RENDER_DIRECTLY and Buffer.byteLength for every UTF-16 unit alone, inside a value, first and last', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const v of [u, `ab${u}cd`, `${u}ab`, `ab${u}`, `${u}${u}`]) if (valueOctets(v) !== reference(v)) wrong.push(`U+${c.toString(16)} in ${JSON.stringify(v)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees for random values with surrogate pairs, lone surrogates and marks', () => {
    const units = [0x41, 0x20, 0x09, 0xe9, 0x7ff, 0x800, 0xe000, 0xe001, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0xa0, 0x2028, 0x85, 0xfeff, 0x3000];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20000; i++) {
      const v = String.fromCharCode(...Array.from({ length: 1 + (next() % 8) }, () => units[next() % units.length]!));
      expect([v, valueOctets(v)]).toEqual([v, reference(v)]);
    }
  });
});

/** A body's facts read from its text: what the shape's facts must equal exactly. */
function factsOf(text: string): BodyFacts {
  return {
    ascii: !/[^\x00-\x7f]/.test(text),
    maxOctets: Math.max(...text.split('\n').map((l) => Buffer.byteLength(l, 'utf8'))),
    fromSafe: !/(^|\n)>*From /.test(text),
    crFree: !text.includes('\r'),
  };
}

describe("a message's body facts from its values' octets", () => {
  // The customer's order_id and product beside each order's: the first order's are counted once when
  // they equal the customer's, and counted on their own when they do not.
  const renderer = new SkeletonRenderer(
    { recipient: ['order_id', 'product'], order: ['order_id', 'product'] },
    (ctx) => {
      const orders = ctx.orders as Record<string, string>[];
      return { headers: [], body: `Order ${ctx.order_id ?? '-'} (${ctx.product ?? '-'})\n${orders.map((o) => `- ${o.order_id ?? ''}: ${o.product ?? ''}`).join('\n')}\n` };
    },
    (r, out, at) => {
      out[at] = r.fields.order_id;
      out[at + 1] = r.fields.product;
    },
  );
  const customer = (fields: Record<string, string>, orders: Record<string, string>[]): Recipient => ({ email: 'a@example.com', name: '', first_name: '', key: 'a@example.com', fields, orders: orders as unknown as Recipient['orders'] });
  const values = ['A-1', 'A-2', 'Zoë', 'Müller', 'x'.repeat(400), 'é'.repeat(340), 'é'.repeat(600), '東京'.repeat(200), '🙂 x', 'Tea, "Earl Grey"', 'From here'];

  it('equal the facts of the text for printable ASCII, non-ASCII and long values, the same or not as the first order\'s', () => {
    let n = 0;
    for (const id of values)
      for (const first of values)
        for (const product of ['Assam', 'é'.repeat(500)]) {
          // The first order's value: the customer's own string, an equal copy, or another value.
          for (const orderId of [id, [...id].join(''), first]) {
            const r = customer({ order_id: id, product }, [{ order_id: orderId, product }, { order_id: first, product: id }]);
            const hit = renderer.lookup(r, -1)!;
            expect(hit, id).toBeDefined();
            const text = joinPieces(hit.shape.body, hit.values);
            expect([id, orderId, hit.facts]).toEqual([id, orderId, factsOf(text)]);
            n++;
          }
        }
    expect(n).toBe(values.length * values.length * 2 * 3);
  });

  it('a value with an edge space or a control character is still rendered directly, first order or not', () => {
    for (const bad of [' A-1', 'A-1 ', 'tab\there', 'line\nbreak', '\uE000x', 'nbsp\u00a0']) {
      expect(renderer.lookup(customer({ order_id: 'A-1', product: 'Assam' }, [{ order_id: bad, product: 'Assam' }]), -1), bad).toBeUndefined();
      expect(renderer.lookup(customer({ order_id: bad, product: 'Assam' }, [{ order_id: bad, product: 'Assam' }]), -1), bad).toBeUndefined();
      expect(renderer.lookup(customer({ order_id: 'A-1', product: 'Assam' }, [{ order_id: 'A-1', product: 'Assam' }, { order_id: bad, product: 'Assam' }]), -1), bad).toBeUndefined();
    }
  });
});

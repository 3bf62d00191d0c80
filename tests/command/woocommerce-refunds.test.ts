// A WooCommerce orders export lists refunded orders with the others: the order's status (Refunded,
// "refunded" or "wc-refunded", as the export plugins write it) says it was refunded in full, the
// refund column (Advanced Order Export's Order Refund Amount, Customer/Order/Coupon Export's
// refunded_total) how much, less than the total being a partial refund; the letter's order list says
// so, as for Stripe and Shopify. Fixtures have the plugins' real headers; letters are read back by
// Python's email package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

const EXPORTS = join(ROOT, 'tests/fixtures/exports');

import { orderLinesOf } from '../helpers/order-lines.js';

const fixture = (name: string) => readFileSync(join(EXPORTS, name), 'utf8');

describe('a WooCommerce orders export with refunded orders', () => {
  it('Advanced Order Export (its default fields): Order Status refunded / wc-refunded / Refunded, Order Refund Amount below the total; an item refunded is not "×0"', async () => {
    const { code, stderr, byTo } = await orderLinesOf(fixture('woocommerce-orders-refunds.csv'));
    expect(code, stderr).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a WooCommerce orders export');
    // Its default fields have no currency: the amounts are not written, the refunds are.
    expect(byTo.get('elodie.martin@example.fr')).toEqual([
      '- Order 2101: Earl Grey 100g ×2, Assam Breakfast ×2',
      '- Order 2102: Matcha 30g (refunded)',
      '- Order 2103: Darjeeling, First Flush ×9 (partly refunded)',
    ]);
    // 2104's status is on its first line item only: the order is refunded, said once.
    expect(byTo.get('jonas@example.de')).toEqual(['- Order 2104: Rooibos, vanilla ×3, Chamomile 50g ×1 (refunded)', '- Order 2105: Chamomile 50g (refunded)', '- Order 2106: Chamomile 50g ×1']);
    expect(byTo.get('mj.garcia@example.es')).toEqual(['For reference, it\'s your order 2107: Matcha 30g, which has since been refunded.']);
  });

  it('with its Currency field: the amount, refunded or how much of it', async () => {
    const [header, ...rows] = fixture('woocommerce-orders-refunds.csv').trim().split('\r\n');
    const csv = [`${header},Currency`, ...rows.map((r) => `${r},${r.startsWith('2101,,') || r.startsWith('2104,,') ? '' : 'EUR'}`)].join('\r\n');
    const { code, stderr, byTo } = await orderLinesOf(csv);
    expect(code, stderr).toBe(0);
    expect(byTo.get('elodie.martin@example.fr')).toEqual([
      '- Order 2101: Earl Grey 100g ×2, Assam Breakfast ×2 (€44.70)',
      '- Order 2102: Matcha 30g (€24.80, refunded)',
      '- Order 2103: Darjeeling, First Flush ×9 (€124.90, €12.00 refunded)',
    ]);
    expect(byTo.get('mj.garcia@example.es')).toEqual(['For reference, it\'s your order 2107: Matcha 30g, €24.80, which has since been refunded.']);
  });

  it('in German, French and Spanish letters: erstattet, remboursée, reembolsado', async () => {
    const csv = fixture('woocommerce-orders-refunds.csv');
    const incident = join(ROOT, 'tests/fixtures/i18n-incident.json');
    const lines = async (locale: string) => {
      const { code, stderr, byTo } = await orderLinesOf(csv, ['--locale', locale, '--scenario', 'billing-error'], incident);
      expect(code, stderr).toBe(0);
      return [...byTo.get('jonas@example.de')!, ...byTo.get('mj.garcia@example.es')!];
    };
    expect(await lines('de')).toEqual(['- Bestellung 2104: Rooibos, vanilla (3 Stück) und Chamomile 50g (erstattet)', '- Bestellung 2105: Chamomile 50g (erstattet)', '- Bestellung 2106: Chamomile 50g', 'Es geht um Ihre Bestellung 2107 (erstattet): Matcha 30g.']);
    expect((await lines('fr'))[3]).toBe('Cela concerne votre commande 2107 (remboursée)\u202f: Matcha 30g.');
    expect((await lines('es'))[3]).toBe('Se trata de su pedido 2107 (reembolsado): Matcha 30g.');
  });

  it('Customer/Order/Coupon Export (status, refunded_total) and WebToffee (status wc-refunded): the same', async () => {
    // One row an order, its items in the line_items cell: 3101 refunded, 3102 partly (10.00 of 1234.56).
    const coupon = fixture('woocommerce-coupon-export-default.csv').replace(/^3101,3101,3101,(.*?),processing,/m, '3101,3101,3101,$1,refunded,').replace(/^(3102,.*?,1234\.56,)0\.00,/m, '$110.00,');
    expect(coupon).toContain(',refunded,');
    const a = await orderLinesOf(coupon);
    expect(a.code, a.stderr).toBe(0);
    const lines = [...a.byTo.values()].flat();
    expect(lines.filter((l) => /refunded/.test(l)).sort()).toEqual(['- Order 3101: Früchtetee "Sommerwiese" ×2, Pfefferminztee ×1 (€34.80, refunded)', 'For reference, it\'s your order 3102: Rooibos 1kg ×40, €1,234.56, of which €10.00 has been refunded.']);
    const webtoffee = fixture('woocommerce-webtoffee.csv').replace(/^4101,(.*?),wc-processing,/m, '4101,$1,wc-refunded,');
    const b = await orderLinesOf(webtoffee);
    expect(b.code, b.stderr).toBe(0);
    expect([...b.byTo.values()].flat().filter((l) => /refunded/.test(l))).toEqual(['- Order 4101: Assam Breakfast ×2, Earl Grey ×1 (£27.40, refunded)']);
  });
});

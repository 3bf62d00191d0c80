// A Stripe payments export lists every charge, refunded or not: a charge refunded since (a double
// charge's duplicate, a partial refund) is said to be refunded in the letter's order list, in full
// or how much, whichever of Stripe's columns says so (Amount Refunded, Status, Refunded). Letters
// are read back by Python's email package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';
import { orderEntries } from '../../src/recipients/orders.js';
import { skeletonPlan } from '../../src/templates/shape-plan.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

import { orderLinesOf as linesOf } from '../helpers/order-lines.js';

/** A batch of a payments export, read back by Python: each letter's order lines by address. */
const orderLinesOf = (csv: string, extra: string[] = [], incident = INCIDENT) => linesOf(csv, extra, incident, 'payments.csv');

/** Intl writes a no-break space between an amount and its currency sign; a French letter a narrow one before a colon. */
const nb = (lines: string[]) => lines.map((l) => l.replace(/ (?=[€£])/g, '\u00a0').replace(/ :/g, '\u202f:'));

const HEADER = 'id,Created (UTC),Description,Amount,Amount Refunded,Currency,Status,Customer Description,Customer Email,Captured,Card Name,locale (metadata)';

describe('a Stripe payments export with refunded charges', () => {
  it('a full refund, a partial refund and a plain charge: "refunded", "£10.00 refunded", nothing', async () => {
    const csv = [
      HEADER,
      'ch_3Nx1,2026-07-03 08:01,Tea box,24.00,0.00,gbp,Paid,Customer for tom@example.com,tom@example.com,true,Tom Baker,',
      'ch_3Nx2,2026-07-03 08:01,Tea box,24.00,24.00,gbp,Refunded,Customer for tom@example.com,tom@example.com,true,Tom Baker,',
      'ch_3Nx3,2026-07-04 09:00,Tea chest,"1,240.00",10.00,gbp,Paid,Customer for tom@example.com,tom@example.com,true,Tom Baker,',
    ].join('\n');
    const { code, stderr, byTo } = await orderLinesOf(csv);
    expect(code, stderr).toBe(0);
    expect(byTo.get('tom@example.com')).toEqual([
      '- A payment on 2026-07-03 08:01: Tea box (£24.00)',
      '- A payment on 2026-07-03 08:01: Tea box (£24.00, refunded)',
      '- A payment on 2026-07-04 09:00: Tea chest (£1,240.00, £10.00 refunded)',
    ]);
  });

  it('whichever column says it: Status alone ("refunded", "Partially refunded"), the Refunded flag, Amount Refunded alone; a lone refunded charge said so too', async () => {
    const csv = [
      'id,Created (UTC),Description,Amount,Currency,Status,Refunded,Customer Email,Captured',
      'ch_a1,2026-07-03,Tea box,19.00,usd,refunded,,ann@example.com,true',
      'ch_a2,2026-07-03,Tea box,19.00,usd,Partially refunded,,ann@example.com,true',
      'ch_a3,2026-07-03,Tea box,19.00,usd,Paid,true,ann@example.com,true',
      'ch_a4,2026-07-03,Tea box,19.00,usd,Paid,false,ann@example.com,true',
      'ch_b1,2026-07-04,Tea box,19.00,usd,Refunded,true,bea@example.com,true',
    ].join('\n');
    const { code, stderr, byTo } = await orderLinesOf(csv);
    expect(code, stderr).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a Stripe payments export');
    expect(byTo.get('ann@example.com')).toEqual([
      '- A payment on 2026-07-03: Tea box ($19.00, refunded)',
      '- A payment on 2026-07-03: Tea box ($19.00, partly refunded)',
      '- A payment on 2026-07-03: Tea box ($19.00, refunded)',
      '- A payment on 2026-07-03: Tea box ($19.00)',
    ]);
    expect(byTo.get('bea@example.com')).toEqual(['This is about your payment of $19.00 on 2026-07-04 for Tea box, which has since been refunded.']);
    const partial = await orderLinesOf(['id,Amount,Amount Refunded,Currency,Customer Email,Captured', 'ch_c1,30.00,12.50,eur,cy@example.com,true'].join('\n'));
    expect(partial.byTo.get('cy@example.com')).toEqual(['This is about your payment of €30.00, of which €12.50 has been refunded.']);
  });

  it('in German, French and Spanish letters: erstattet, remboursé, reembolsado (and how much)', async () => {
    const csv = [
      HEADER,
      'ch_d1,2026-07-03,Teekiste,24.00,0.00,eur,Paid,Jonas Weber,jonas@example.de,true,,de',
      'ch_d2,2026-07-03,Teekiste,24.00,24.00,eur,Refunded,Jonas Weber,jonas@example.de,true,,de',
      'ch_d3,2026-07-04,Teekiste,24.00,10.00,eur,Paid,Jonas Weber,jonas@example.de,true,,de',
      'ch_f1,2026-07-03,Coffret,24.00,24.00,eur,Refunded,Marie Dupont,marie@example.fr,true,,fr',
      'ch_f2,2026-07-04,Coffret,24.00,10.00,eur,Paid,Marie Dupont,marie@example.fr,true,,fr',
      'ch_e1,2026-07-03,Caja,24.00,24.00,eur,Refunded,Lucía García,lucia@example.es,true,,es',
      'ch_e2,2026-07-04,Caja,24.00,10.00,eur,Paid,Lucía García,lucia@example.es,true,,es',
    ].join('\n');
    const incident = join(ROOT, 'tests/fixtures/i18n-incident.json');
    const { code, stderr, byTo } = await orderLinesOf(csv, ['--map', 'locale (metadata)=locale', '--scenario', 'billing-error'], incident);
    expect(code, stderr).toBe(0);
    expect(byTo.get('jonas@example.de')).toEqual(nb([
      '- Eine Zahlung vom 2026-07-03: Teekiste, 24,00 €',
      '- Eine Zahlung vom 2026-07-03: Teekiste, 24,00 € (erstattet)',
      '- Eine Zahlung vom 2026-07-04: Teekiste, 24,00 € (10,00 € erstattet)',
    ]));
    expect(byTo.get('marie@example.fr')).toEqual(nb([
      '- Un paiement du 2026-07-03 : Coffret, 24,00 € (remboursé)',
      '- Un paiement du 2026-07-04 : Coffret, 24,00 € (dont 10,00 € remboursés)',
    ]));
    expect(byTo.get('lucia@example.es')).toEqual(nb([
      '- Un pago del 2026-07-03: Caja, 24,00 € (reembolsado)',
      '- Un pago del 2026-07-04: Caja, 24,00 € (10,00 € reembolsados)',
    ]));
  });
});

describe('orders[].refunded and refunded_display', () => {
  it('"full" with the whole amount, "partial" with the amount refunded formatted for the locale, "" for a charge that stands; none for exports without refund columns', () => {
    const names = ['charge_id', 'email', 'amount', 'amount_refunded', 'currency', 'payment_status'];
    const make = orderEntries('de', names);
    const row = (amount: string, refunded: string, status: string) => ({ fields: { charge_id: 'ch_1', email: 'a@example.com', amount, amount_refunded: refunded, currency: 'gbp', payment_status: status } });
    const [full, partial, none] = make([{ rows: [row('24.00', '24.00', 'Refunded')], items: 1 }, { rows: [row('24.00', '10.00', 'Paid')], items: 1 }, { rows: [row('24.00', '0.00', 'Paid')], items: 1 }]);
    expect([full!.refunded, full!.refunded_display]).toEqual(['full', '24,00\u00a0£']);
    expect([partial!.refunded, partial!.refunded_display]).toEqual(['partial', '10,00\u00a0£']);
    expect([none!.refunded, none!.refunded_display]).toEqual(['', '']);
    const one = orderEntries('en', ['email', 'amount', 'currency'])({ fields: { email: 'a@example.com', amount: '5', currency: 'usd' } });
    // A file without refund columns: its orders skip the refund values (a template reads them as empty).
    expect([one[0]!.amount_display, one[0]!.refunded, one[0]!.refunded_display]).toEqual(['$5.00', undefined, undefined]);
    expect([full!.refunded_full, partial!.refunded_full, none!.refunded_full]).toEqual(['yes', '', '']);
  });

  it("the built-in order lists test them without a helper: a batch still renders each shape of recipient once", () => {
    // (The German, French and Spanish lists hand items_display to the `items` helper: rendered per message, as before.)
    for (const file of ['orders.hbs', 'followup-orders.hbs']) {
      const plan = skeletonPlan([readFileSync(join(ROOT, 'templates/partials', file), 'utf8')], new Map());
      expect(plan, file).not.toBeNull();
      expect(plan!.order).toEqual(expect.arrayContaining(['refunded', 'refunded_full', 'refunded_display']));
    }
  });
});

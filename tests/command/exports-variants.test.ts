// Exports as the platforms write them, in the variants the first fixtures did not cover: a Shopify
// export with a BOM and CRLF, refunds and an empty Billing Name; a Shopify and a Stripe customers
// export; WooCommerce from three export plugins (items in one row: a "line_items" cell, "line_item_N"
// cells; a customer_email beside the billing_email); Stripe's newer payments layout; Amazon's FBA
// shipments report, its All Orders report (no buyer-email) and a report whose buyer-email is empty;
// Square transactions; Etsy sold order items; Excel saves in German, French, Spanish and Dutch with
// salutations and money written "1.234,56 €", "1 234,56 €", "€ 1.234,56"; a US shop's "$1,234.56".
// Every letter is read back by Python's email package; counts add up and rejects carry their reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, summaryLine } from '../helpers/cli.js';
import { referenceLines } from '../helpers/order-lines.js';
import { ROOT, pythonParse, tempDir, type PyParsed } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const EXPORTS = join(ROOT, 'tests/fixtures/exports');

type Letter = PyParsed & { greeting: string; orders: string[] };

/** A batch of a fixture to an mbox file, read back by Python: letters by address (lower-cased), rejects as [line, reason]. */
async function run(file: string, extra: string[] = []): Promise<{ code: number; stderr: string; byTo: Map<string, Letter>; rejects: [string, string][] }> {
  const dir = tempDir();
  const out = join(dir, 'out.mbox');
  const rejectsFile = join(dir, 'rejects.csv');
  const r = await cli(['batch', join(EXPORTS, file), '--incident', INCIDENT, '--out', out, '--rejects', rejectsFile, ...extra]);
  const byTo = new Map<string, Letter>();
  let rejects: [string, string][] = [];
  if (r.code === 0 || r.code === 1) {
    for (const m of pythonParse([out], true)) {
      expect(m.defects).toEqual([]);
      const lines = m.text!.split('\n');
      const greeting = lines.find((l) => /^(Hi|Hello|Dear)\b/.test(l)) ?? '';
      byTo.set(m.to![0]!.address.toLowerCase(), { ...m, greeting, orders: referenceLines(m.text!) });
    }
    try {
      const py = `import csv,json,sys\nprint(json.dumps([[r['_line'], r['_reason']] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))]))`;
      const { spawnSync } = await import('node:child_process');
      const res = spawnSync('/usr/bin/python3', ['-c', py, rejectsFile], { encoding: 'utf8' });
      if (res.status === 0) rejects = JSON.parse(res.stdout) as [string, string][];
    } catch {
      rejects = [];
    }
  }
  return { code: r.code, stderr: r.stderr, byTo, rejects };
}

describe('Shopify, as exported today', () => {
  it('orders export with a BOM and CRLF, then the customers export: an empty Billing Name takes the Shipping Name; refunded, cancelled and business orders listed once with their products (a refund said, in full or how much: Financial Status, Refunded Amount); a POS order without email rejected with its reason; counts add up', async () => {
    const { code, stderr, byTo, rejects } = await run('shopify-orders-bom-crlf.csv');
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a Shopify orders export');
    expect(summaryLine(stderr)).toMatch(/^apologize: 9 rows read, 5 messages \(8 rows, 3 grouped into them\), 1 rejected /);
    expect(rejects).toEqual([['7', 'email is missing']]);
    const lea = byTo.get('lea.dubois@example.fr')!;
    expect(lea.to![0]!.name).toBe('Léa Dubois');
    expect(lea.greeting).toBe('Hi Léa,');
    // Her address in capitals later in the file: the same customer, one letter.
    expect(lea.orders).toEqual(['- Order #2001: Sencha Kyoto ×2, Tea Sampler, "Winter" edition ×1 (€45.90)', '- Order #2007: Earl Grey ×1 (€9.50)']);
    expect(byTo.get('alan@example.co.uk')!.greeting).toBe('Hi Alan,');
    expect(byTo.get('alan@example.co.uk')!.orders).toEqual(['For reference, it\'s your order #2002: Lapsang Souchong ×3, £30.00, which has since been refunded.']);
    expect(byTo.get('accounts@harbour-deli.example')!.greeting).toBe('Hello,');
    expect(byTo.get('accounts@harbour-deli.example')!.orders).toEqual(['For reference, it\'s your order #2003: Darjeeling 1kg ×40, Rooibos, vanilla ×1, £1,234.56, of which £25.00 has been refunded.']);
    expect(byTo.get('siobhan@example.ie')!.greeting).toBe('Hi Siobhán,');
    expect(byTo.get('jr@example.com')!.greeting).toBe('Hello,');
    expect(byTo.get('jr@example.com')!.orders).toEqual(['For reference, it\'s your order #2006: Tea Chest ×1, $1,234.50.']);
    for (const m of byTo.values()) expect(m.greeting).not.toMatch(/#\d/);

    // The customers export (no orders): recognised, said on stderr, first and last name joined, the company alone gives the plain greeting, no order lines.
    await customersExport();
  });
});

async function customersExport(): Promise<void> {
  {
    const { code, stderr, byTo, rejects } = await run('shopify-customers.csv');
    expect(code).toBe(1);
    const notes = stderr.split('\n');
    expect(notes[0]).toBe('apologize: reading a Shopify customers export');
    expect(notes[1]).toMatch(/^apologize: a customers export lists no orders/);
    expect(summaryLine(stderr)).toMatch(/^apologize: 4 rows read, 3 messages, 1 rejected /);
    expect(rejects).toEqual([['5', 'email is missing']]);
    expect(byTo.get('ada@example.com')!.to![0]!.name).toBe('Ada Lovelace');
    expect(byTo.get('ada@example.com')!.greeting).toBe('Hi Ada,');
    expect(byTo.get('zoe@example.de')!.greeting).toBe('Hi Zoë,');
    expect(byTo.get('accounts@harbour-deli.example')!.greeting).toBe('Hello,');
    for (const m of byTo.values()) expect(m.orders).toEqual([]);
  }
}

describe('WooCommerce, three export plugins', () => {
  it('Customer/Order/Coupon Export "Default CSV format": one row per order, its items in the line_items cell, listed with quantities; order_number is the order (order_id, the store\'s post number, was refused before as a second order_id)', async () => {
    const { code, stderr, byTo } = await run('woocommerce-coupon-export-default.csv');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a WooCommerce orders export');
    expect(summaryLine(stderr)).toMatch(/^apologize: 3 rows read, 2 messages \(3 rows, 1 grouped into them\), 0 rejected/);
    const greta = byTo.get('greta@example.de')!;
    expect(greta.to![0]!.name).toBe('Greta Baumann');
    expect(greta.greeting).toBe('Hi Greta,');
    expect(greta.orders).toEqual(['- Order 3101: Früchtetee "Sommerwiese" ×2, Pfefferminztee ×1 (€34.80)', '- Order 3103: Earl Grey, extra bergamot ×1 (€9.90)']);
    const cafe = byTo.get('einkauf@cafe-central.example')!;
    expect(cafe.greeting).toBe('Hello,');
    expect(cafe.orders).toEqual(['For reference, it\'s your order 3102: Rooibos 1kg ×40, €1,234.56.']);
  });

  it('the same plugin, "One row per line item" (item_name, item_quantity, order_currency); and WebToffee Order Export: customer_email beside billing_email (a guest has only the billing one), items in line_item_1, line_item_2…', async () => {
    const { code, byTo } = await run('woocommerce-coupon-export-per-item.csv');
    expect(code).toBe(0);
    const pln = new Intl.NumberFormat('en', { style: 'currency', currency: 'PLN' }).format(59);
    expect(byTo.get('tomasz@example.pl')!.orders).toEqual([`For reference, it's your order 3201: Herbata zielona ×2, Napar z mięty ×1, ${pln}.`]);
    expect(byTo.get('ines@example.es')!.greeting).toBe('Hi María Inés,');
    expect(byTo.get('ines@example.es')!.to![0]!.name).toBe('María Inés de la Fuente');
    await webToffee();
  });
});

async function webToffee(): Promise<void> {
  {
    const { code, stderr, byTo } = await run('woocommerce-webtoffee.csv');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a WooCommerce orders export');
    const oliver = byTo.get('oliver@example.co.uk')!;
    expect(oliver.greeting).toBe('Hi Oliver,');
    expect(oliver.orders).toEqual(['- Order 4101: Assam Breakfast ×2, Earl Grey ×1 (£27.40)', '- Order 4103: Tea chest, oak ×1, Caddy spoon ×3, Gift wrap ×1 (£1,234.50)']);
    expect(byTo.get('nell@example.co.uk')!.orders).toEqual(['For reference, it\'s your order 4102: Earl Grey ×1, £6.50.']);
  }
}

describe('Stripe', () => {
  it('the newer payments layout: "Created date (UTC)" dates each charge, "1,000.00" read as a thousand; a refunded charge said to be refunded (in full, or how much); a description that is no name falls back to the card, then the shipping name; a charge without an email is rejected', async () => {
    const { code, stderr, byTo, rejects } = await run('stripe-unified-payments.csv');
    expect(code).toBe(1);
    expect(summaryLine(stderr)).toMatch(/^apologize: 5 rows read, 2 messages \(4 rows, 2 grouped into them\), 1 rejected /);
    expect(rejects).toEqual([['6', 'email is missing']]);
    const dana = byTo.get('dana@example.com')!;
    expect(dana.greeting).toBe('Hi Dana,');
    expect(dana.orders).toEqual([
      '- A payment on 2026-07-05 14:02:11: Annual wholesale plan ($1,000.00)',
      '- A payment on 2026-07-05 14:02:12: Annual wholesale plan ($1,000.00, refunded)',
      '- A payment on 2026-07-06 09:30:00: Sample crate ($250.00, $100.00 refunded)',
    ]);
    const kai = byTo.get('kai@example.de')!;
    expect(kai.to![0]!.name).toBe('Kai Schmidt');
    expect(kai.greeting).toBe('Hi Kai,');
    expect(kai.orders).toEqual(['This is about your payment of €12.00 on 2026-07-05 15:00:00 for Subscription update.']);
  });

  it('the customers export: recognised; Name, else a Description that is a name', async () => {
    const { code, stderr, byTo } = await run('stripe-customers.csv');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a Stripe customers export');
    expect(byTo.get('dana@example.com')!.greeting).toBe('Hi Dana,');
    expect(byTo.get('kai@example.de')!.greeting).toBe('Hi Kai,');
    expect(byTo.get('ops@acme.example')!.greeting).toBe('Hello,');
  });
});

describe('Amazon', () => {
  it('FBA "Amazon Fulfilled Shipments": quantity-shipped is the quantity, item-price each line\'s own amount (summed per order), a product shipped in two parcels said once', async () => {
    const { code, byTo } = await run('amazon-fba-shipments.txt');
    expect(code).toBe(0);
    const elise = byTo.get('x4k2m9q7w1@marketplace.amazon.fr')!;
    expect(elise.to![0]!.name).toBe('Élise Marchand');
    expect(elise.orders).toEqual(['For reference, it\'s your order 171-1234567-7654321: Thé vert à la menthe, 100 g ×3, Thé noir Assam, 250 g ×1, €42.20.']);
    expect(byTo.get('r7t5y3u1i9@marketplace.amazon.fr')!.greeting).toBe('Hello,');
  });

  it('the All Orders report has no buyer-email: refused (exit 2, nothing written) naming the reports that have it', async () => {
    const dir = tempDir();
    const r = await cli(['batch', join(EXPORTS, 'amazon-all-orders.txt'), '--incident', INCIDENT, '--out', join(dir, 'o.mbox')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const last = r.stderr.trim().split('\n').pop()!;
    expect(last).toMatch(/^apologize: this is an Amazon All Orders report, which has no customer emails — use an order report with the buyer-email column/);
  });

  it('a report whose buyer-email cells are empty: each row rejected saying why and where to write instead', async () => {
    const { code, stderr, rejects } = await run('amazon-unshipped-no-emails.txt');
    expect(code).toBe(1);
    expect(summaryLine(stderr)).toMatch(/^apologize: 2 rows read, 0 messages, 2 rejected /);
    expect(rejects.map(([l]) => l)).toEqual(['2', '3']);
    for (const [, reason] of rejects) expect(reason).toMatch(/^buyer-email is empty .*Buyer-Seller Messaging/);
  });
});

describe('exports without emails', () => {
  it('Square transactions (named as such, not as item sales) and Etsy sold order items: refused with exit 2 naming the export', async () => {
    for (const [file, label, where] of [
      ['square-transactions.csv', 'a Square transactions export', /Customers → Export customers/],
      ['etsy-sold-order-items.csv', 'an Etsy orders export', /Etsy Messages/],
    ] as const) {
      const r = await cli(['batch', join(EXPORTS, file), '--incident', INCIDENT, '--out', join(tempDir(), 'o.mbox')]);
      expect(r.code).toBe(2);
      const last = r.stderr.trim().split('\n').pop()!;
      expect(last).toMatch(new RegExp(`^apologize: this is ${label}, which has no customer emails — `));
      expect(last).toMatch(where);
    }
  });
});

describe('office sheets: salutations and money as each country writes it', () => {
  it('German, windows-1252: Anrede used in formal letters, "12,50 €" lines summed, "1.234,56 €" and "1.234 €" read as thousands, an organisation greeted plainly, a bad address rejected', async () => {
    const { code, stderr, byTo, rejects } = await run('excel-de-anrede-windows-1252.csv', ['--encoding', 'auto']);
    expect(code).toBe(1);
    expect(summaryLine(stderr)).toMatch(/^apologize: 5 rows read, 3 messages \(4 rows, 1 grouped into them\), 1 rejected /);
    expect(rejects.map(([l, r]) => [l, r.split(':')[0]])).toEqual([['6', 'email "falsch@" is not one valid address']]);
    const bjoern = byTo.get('bjoern.schroeder@example.de')!;
    expect(bjoern.greeting).toBe('Hi Björn,');
    expect(bjoern.orders).toEqual(['For reference, it\'s your order A-1001: Grüntee „Sencha“ ×2, Früchtetee ×1, €17.40.']);
    expect(byTo.get('aenne@example.de')!.orders).toEqual(['For reference, it\'s your order A-1002: Teeservice Porzellan ×1, €1,234.56.']);
    expect(byTo.get('einkauf@baeckerei.example')!.greeting).toBe('Hello,');
    expect(byTo.get('einkauf@baeckerei.example')!.orders).toEqual(['For reference, it\'s your order A-1003: Rooibos 1 kg ×12, €1,234.00.']);
    const formal = await run('excel-de-anrede-windows-1252.csv', ['--encoding', 'auto', '--severity', 'major']);
    expect(formal.byTo.get('bjoern.schroeder@example.de')!.greeting).toBe('Dear Herr Schröder,');
  });

  it('French, windows-1252: Civilité, "1 234,56 €" with a no-break space, Montant TTC summed per order', async () => {
    const { code, byTo } = await run('excel-fr-civilite-windows-1252.csv', ['--encoding', 'windows-1252']);
    expect(code).toBe(0);
    expect(byTo.get('elodie.lefevre@example.fr')!.orders).toEqual(['For reference, it\'s your order C-2001: Thé vert à la menthe ×2, €19.90.']);
    expect(byTo.get('f.berube@example.fr')!.orders).toEqual(['For reference, it\'s your order C-2002: Coffret « Été indien » ×1, Théière en fonte ×1, €1,279.56.']);
    const formal = await run('excel-fr-civilite-windows-1252.csv', ['--encoding', 'windows-1252', '--severity', 'major']);
    expect(formal.byTo.get('elodie.lefevre@example.fr')!.greeting).toBe('Dear Mme Lefèvre,');
  });

  it('Dutch: the tussenvoegsel belongs to the family name ("van der Berg"), "€ 1.234,56" read with its sign; Spanish, UTF-8 with BOM: Tratamiento, Nº de pedido, Importe "1.234,56"', async () => {
    const es = await run('excel-es-utf8-bom.csv');
    expect(es.code).toBe(0);
    expect(es.byTo.get('mj.garcia@example.es')!.orders).toEqual(['For reference, it\'s your order P-301: Té rojo Pu-erh ×3, €1,234.56.']);
    const esFormal = await run('excel-es-utf8-bom.csv', ['--severity', 'major']);
    expect(esFormal.byTo.get('mj.garcia@example.es')!.greeting).toBe('Dear Sra. García-López,');

    const { code, byTo } = await run('excel-nl-tussenvoegsel.csv', ['--encoding', 'auto']);
    expect(code).toBe(0);
    const sanne = byTo.get('sanne@example.nl')!;
    expect(sanne.to![0]!.name).toBe('Sanne van der Berg');
    expect(sanne.greeting).toBe('Hi Sanne,');
    expect(sanne.orders).toEqual(['For reference, it\'s your order NL-501: Rooibos ×3, €1,234.56.']);
    const formal = await run('excel-nl-tussenvoegsel.csv', ['--encoding', 'auto', '--severity', 'major']);
    expect(formal.byTo.get('sanne@example.nl')!.greeting).toBe('Dear Mevr. van der Berg,');
    expect(formal.byTo.get('daan@example.nl')!.greeting).toBe('Dear Dhr. Jansen,');
  });

  it('a US shop: "$1,234.56" lines summed with their sign (no currency column), Qty and Total aliased', async () => {
    const { code, byTo } = await run('us-orders-dollars.csv');
    expect(code).toBe(0);
    expect(byTo.get('ruth@example.com')!.orders).toEqual(['For reference, it\'s your order US-1: Tea chest ×1, Caddy spoon ×2, $1,246.56.']);
    expect(byTo.get('orders@cornerpantry.example')!.greeting).toBe('Hello,');
  });
});

describe('ndjson carries the same letters', () => {
  it('WooCommerce line_items: the text lists the items once', async () => {
    const r = await cli(['batch', join(EXPORTS, 'woocommerce-coupon-export-default.csv'), '--incident', INCIDENT, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { to: string; text: string });
    expect(lines.map((l) => l.to)).toEqual(['einkauf@cafe-central.example', 'Greta Baumann <greta@example.de>']);
    expect(lines[1]!.text.match(/Pfefferminztee/g)).toHaveLength(1);
    expect(readFileSync(join(EXPORTS, 'woocommerce-coupon-export-default.csv'), 'utf8')).toContain('line_items');
  });
});

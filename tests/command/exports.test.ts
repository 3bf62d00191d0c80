// Shop, payment and marketplace exports as they come (--preset, recognised from the header):
// fixture exports with the platforms' real headers (tests/fixtures/exports), every letter read
// back by Python's mailbox/email and checked for its name, greeting, orders and products.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli, summaryLine } from '../helpers/cli.js';
import { referenceLines } from '../helpers/order-lines.js';
import { ROOT, pythonParse, tempDir, type PyParsed } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const EXPORTS = join(ROOT, 'tests/fixtures/exports');

/** A batch of a fixture to an mbox file, read back by Python: the letters by address (lower-cased). */
async function letters(file: string, extra: string[] = []): Promise<{ code: number; stderr: string; byTo: Map<string, PyParsed & { greeting: string }> }> {
  const dir = tempDir();
  const out = join(dir, 'out.mbox');
  const r = await cli(['batch', file.startsWith('/') ? file : join(EXPORTS, file), '--incident', INCIDENT, '--out', out, '--rejects', join(dir, 'rejects.csv'), ...extra]);
  const byTo = new Map<string, PyParsed & { greeting: string }>();
  if (r.code === 0 || r.code === 1) {
    for (const m of pythonParse([out], true)) {
      expect(m.defects).toEqual([]);
      const greeting = m.text!.split('\n').find((l) => /^(Hi|Hello|Dear)\b/.test(l)) ?? '';
      byTo.set(m.to![0]!.address.toLowerCase(), { ...m, greeting });
    }
  }
  return { code: r.code, stderr: r.stderr, byTo };
}

/** The order lines of a letter ("- Order …" or "This concerns …"). */
function orderLines(m: PyParsed): string[] {
  return referenceLines(m.text!);
}

describe('Shopify orders export', () => {
  it('is recognised; Name is the order number, never a person; line items listed once under their order; a customer with orders in two places gets one letter', async () => {
    const { code, stderr, byTo } = await letters('shopify-orders.csv');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a Shopify orders export');
    expect(summaryLine(stderr)).toMatch(/^apologize: 7 rows read, 4 messages \(7 rows, 3 grouped into them\)/);
    for (const m of byTo.values()) {
      expect(m.greeting).not.toMatch(/#\d/);
      expect(m.to![0]!.name).not.toMatch(/#\d/);
    }
    const ada = byTo.get('ada@example.com')!;
    expect(ada.to![0]!.name).toBe('Ada Lovelace');
    expect(ada.greeting).toBe('Hi Ada,');
    expect(orderLines(ada)).toEqual(['- Order #1042: Assam Breakfast ×2, Earl Grey ×1 (£23.50)', '- Order #1050: Earl Grey ×1 (£6.50)']);
    const james = byTo.get('james.oneill@example.com')!;
    expect(james.greeting).toBe('Hi James,');
    expect(orderLines(james)).toEqual(['For reference, it\'s your order #1043: Matcha 30g ×1, €12.00.']);
    const deli = byTo.get('goods-in@harbour-deli.example')!;
    expect(deli.greeting).toBe('Hello,');
    expect(orderLines(deli)).toEqual(['For reference, it\'s your order #1044: Darjeeling, First Flush ×12, Rooibos, vanilla ×6, £96.00.']);
    // No billing name: the shipping name.
    const zoe = byTo.get('zoe@example.com')!;
    expect(zoe.greeting).toBe('Hi Zoë,');
  });

  it('order-level cells written on the first row only are carried down (an email on the first line item only)', async () => {
    const dir = tempDir();
    const text = readFileSync(join(EXPORTS, 'shopify-orders.csv'), 'utf8').split('\n');
    // Blank the Email of every line item after an order's first (the export's other layout).
    const seen = new Set<string>();
    const blanked = text.map((line, i) => {
      if (i === 0 || line === '') return line;
      const id = line.split(',')[0]!;
      if (seen.has(id)) return line.replace(/^([^,]*),[^,]*,/, '$1,,');
      seen.add(id);
      return line;
    });
    const file = join(dir, 'orders_export_1.csv');
    writeFileSync(file, blanked.join('\n'));
    const { code, byTo } = await letters(file);
    expect(code).toBe(0);
    expect(orderLines(byTo.get('ada@example.com')!)[0]).toBe('- Order #1042: Assam Breakfast ×2, Earl Grey ×1 (£23.50)');
  });

  it('--map still overrides a column; --preset plain reads it as a plain CSV', async () => {
    const mapped = await letters('shopify-orders.csv', ['--map', 'Shipping Name=name']);
    expect(mapped.code).toBe(0);
    // typed in lower case, the name reaches the To header in its usual capitals
    expect(mapped.byTo.get('zoe@example.com')!.to![0]!.name).toBe('Zoë Müller');
    const plain = await letters('shopify-orders.csv', ['--preset', 'plain']);
    expect(plain.stderr).not.toContain('reading a Shopify');
    expect(plain.byTo.get('ada@example.com')!.to![0]!.name).toBe('#1042');
  });

  it('a customer with hundreds of orders of several line items: the first 25 orders, each once with its products, and "and N more" (streamed and scattered)', async () => {
    const dir = tempDir();
    const header = readFileSync(join(EXPORTS, 'shopify-orders.csv'), 'utf8').split('\n')[0]!;
    const n = header.split(',').length;
    const line = (order: number, email: string, item: number) => {
      const cells = new Array<string>(n).fill('');
      cells[0] = `#${order}`;
      cells[1] = email;
      if (item === 0) {
        cells[2] = 'paid';
        cells[7] = 'GBP';
        cells[11] = '30.00';
        cells[24] = 'Mia Rossi';
      }
      cells[16] = String(item + 1);
      cells[17] = `Tea ${item}`;
      return cells.join(',');
    };
    const streamed: string[] = [header];
    for (let o = 0; o < 300; o++) for (let i = 0; i < 3; i++) streamed.push(line(5000 + o, 'mia@example.com', i));
    writeFileSync(join(dir, 'streamed.csv'), `${streamed.join('\n')}\n`);
    // The same customer's orders between other customers' (the grouping pre-pass holds them back).
    const scattered: string[] = [header];
    for (let o = 0; o < 300; o++) {
      for (let i = 0; i < 3; i++) scattered.push(line(5000 + o, 'mia@example.com', i));
      scattered.push(line(9000 + o, `other${o}@example.com`, 0));
    }
    writeFileSync(join(dir, 'scattered.csv'), `${scattered.join('\n')}\n`);
    for (const file of ['streamed.csv', 'scattered.csv']) {
      const { code, byTo } = await letters(join(dir, file));
      expect(code, file).toBe(0);
      const mia = byTo.get('mia@example.com')!;
      const lines = orderLines(mia);
      expect(lines, file).toHaveLength(26);
      expect(lines[0]).toBe('- Order #5000: Tea 0 ×1, Tea 1 ×2, Tea 2 ×3 (£30.00)');
      expect(lines[24]).toBe('- Order #5024: Tea 0 ×1, Tea 1 ×2, Tea 2 ×3 (£30.00)');
      expect(lines[25]).toBe('- and 275 more');
      expect(mia.greeting).toBe('Hi Mia,');
    }
  });
});

describe('other platforms', () => {
  it('WooCommerce (Advanced Order Export default fields): Email (Billing), first and last name joined, products of an order together', async () => {
    const { code, stderr, byTo } = await letters('woocommerce-orders.csv');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a WooCommerce orders export');
    const elodie = byTo.get('elodie.martin@example.fr')!;
    expect(elodie.to![0]!.name).toBe('Élodie Martin');
    expect(elodie.greeting).toBe('Hi Élodie,');
    expect(orderLines(elodie)).toEqual(['For reference, it\'s your order 2001: Earl Grey 100g ×2, Assam Breakfast ×2.']);
    expect(byTo.get('mj.garcia@example.es')!.greeting).toBe('Hi María José,');
    expect(byTo.get('einkauf@cafe-central.example')!.greeting).toBe('Hello,');
  });

  it('Stripe payments: Customer Email, the cardholder when the description is no name, each charge listed with its amount (the double charge shows, its refunded duplicate said to be refunded)', async () => {
    const { code, stderr, byTo } = await letters('stripe-payments.csv');
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('apologize: reading a Stripe payments export');
    const tom = byTo.get('tom@example.com')!;
    expect(tom.to![0]!.name).toBe('Tom Baker');
    expect(tom.greeting).toBe('Hi Tom,');
    expect(orderLines(tom)).toEqual(['- A payment on 2026-07-03 08:01: Monthly tea box (£19.00)', '- A payment on 2026-07-03 08:01: Monthly tea box (£19.00, refunded)']);
    const ines = byTo.get('ines@example.es')!;
    expect(ines.greeting).toBe('Hi Inés,');
    expect(orderLines(ines)).toEqual(['This is about your payment of €24.00 on 2026-07-03 08:02 for Monthly tea box.']);
  });

  it('Amazon order report (tab-separated): buyer-email relays allowed with one reminder; buyer-name, never the ship-to recipient', async () => {
    const { code, stderr, byTo } = await letters('amazon-orders.txt');
    expect(code).toBe(0);
    const notes = stderr.split('\n');
    expect(notes[0]).toBe('apologize: reading an Amazon order report');
    expect(notes[1]).toMatch(/^apologize: Amazon's buyer-email addresses are relays: Amazon allows messages about the order only/);
    const priya = byTo.get('p3vkb18m93xc7lv@marketplace.amazon.co.uk')!;
    expect(priya.to![0]!.name).toBe('Priya Natarajan');
    expect(priya.greeting).toBe('Hi Priya,');
    expect(orderLines(priya)).toEqual(['For reference, it\'s your order 205-1234567-1234567: Assam Breakfast Tea, 250g ×2, Earl Grey Tea, 100g ×1, £23.50.']);
    expect(byTo.get('8xk2m4qz7d1v9ab@marketplace.amazon.de')!.greeting).toBe('Hi Søren,');
  });

  it.each([
    ['square-items.csv', 'a Square item sales export', /Customers → Export customers/],
    ['etsy-sold-orders.csv', 'an Etsy orders export', /Etsy Messages/],
  ])('%s has no emails: refused with exit 2, naming where they are, nothing written', async (file, label, where) => {
    const dir = tempDir();
    const r = await cli(['batch', join(EXPORTS, file), '--incident', INCIDENT, '--out', join(dir, 'out.mbox'), '--rejects', join(dir, 'r.csv')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^apologize: this is ${label}, which has no customer emails — `));
    expect(lines[lines.length - 1]).toMatch(where);
    const forced = await cli(['batch', join(EXPORTS, file), '--incident', INCIDENT, '--preset', file.split('-')[0]!, '--out', join(dir, 'out2.mbox')]);
    expect(forced.code).toBe(2);
  });

  it('Square customers export: first and last name; a family name alone gives the plain greeting, never "Hi Brown,"', async () => {
    const { code, byTo } = await letters('square-customers.csv');
    expect(code).toBe(0);
    expect(byTo.get('dee@example.com')!.greeting).toBe('Hi Dee,');
    expect(byTo.get('brown@example.com')!.greeting).toBe('Hello,');
  });

  it('an unknown --preset is a usage error before anything is read', async () => {
    const r = await cli(['batch', join(EXPORTS, 'shopify-orders.csv'), '--incident', INCIDENT, '--preset', 'magento']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apologize: unknown --preset "magento" — use one of shopify, woocommerce, stripe, amazon, square, etsy, plain\n');
  });
});

describe('office sheets in other languages and encodings', () => {
  it('an Excel "CSV (semicolon)" save from a German office, windows-1252: refused naming the line and the encoding; with --encoding auto, Kunde/E-Mail/Bestellnummer/Artikel/Menge/Betrag/Währung read', async () => {
    const file = join(EXPORTS, 'excel-de-windows-1252.csv');
    const dir = tempDir();
    const refused = await cli(['batch', file, '--incident', INCIDENT, '--out', join(dir, 'x.mbox')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`apologize: ${file} line 1 is not UTF-8; it looks like windows-1252: add --encoding windows-1252 — or --encoding auto to accept that guess (nothing was written)\n`);
    for (const encoding of ['auto', 'windows-1252']) {
      const { code, byTo } = await letters(file, ['--encoding', encoding]);
      expect(code).toBe(0);
      const j = byTo.get('juergen.weiss@example.de')!;
      expect(j.to![0]!.name).toBe('Jürgen Weiß');
      expect(j.greeting).toBe('Hi Jürgen,');
      expect(orderLines(j)).toEqual(['For reference, it\'s your order B-1001: Früchtetee „Sommerwiese“ ×2, Pfefferminztee ×1, €17.40.']);
      expect(orderLines(byTo.get('mueller@example.de')!)).toEqual(['For reference, it\'s your order B-1002: Grüner Tee – Sencha ×3, €1,234.00.']);
      expect(byTo.get('einkauf@baeckerei.example')!.greeting).toBe('Hello,');
    }
  });

  it.each([
    ['fr', 'Civilité;Prénom;Nom;Adresse e-mail;N° de commande;Produit;Quantité;Montant;Devise\nMme;Élodie;Lefèvre;elodie@example.fr;C-17;Thé vert à la menthe;2;19,90;EUR\n', 'elodie@example.fr', 'Élodie Lefèvre', 'For reference, it\'s your order C-17: Thé vert à la menthe ×2, €19.90.'],
    ['es', 'Nombre;Apellidos;Correo electrónico;Número de pedido;Artículo;Cantidad;Importe;Moneda\nÍñigo;Muñoz Ibáñez;inigo@example.es;P-9;Infusión de manzanilla;1;4,50;EUR\n', 'inigo@example.es', 'Íñigo Muñoz Ibáñez', 'For reference, it\'s your order P-9: Infusión de manzanilla ×1, €4.50.'],
    ['nl', 'Voornaam;Achternaam;E-mailadres;Bestelnummer;Artikel;Aantal;Bedrag;Valuta\nSanne;de Vries;sanne@example.nl;NL-3;Rooibos;3;12,00;EUR\n', 'sanne@example.nl', 'Sanne de Vries', 'For reference, it\'s your order NL-3: Rooibos ×3, €12.00.'],
    ['de', 'Anrede;Vorname;Name;E-Mail-Adresse;Bestellnr.;Artikelbezeichnung;Anzahl;Gesamtbetrag;Währung\nHerr;Björn;Schröder;bjoern@example.de;A-5;Grüntee;1;9,95;EUR\n', 'bjoern@example.de', 'Björn Schröder', 'For reference, it\'s your order A-5: Grüntee ×1, €9.95.'],
  ])('%s headers are aliased (name joined from its parts, order, product, quantity, money)', async (_lang, csv, email, name, line) => {
    const dir = tempDir();
    const file = join(dir, 'kunden.csv');
    writeFileSync(file, csv);
    const { code, byTo } = await letters(file);
    expect(code).toBe(0);
    const m = byTo.get(email)!;
    expect(m.to![0]!.name).toBe(name);
    expect(m.greeting).toBe(`Hi ${name.split(' ')[0]},`);
    expect(orderLines(m)).toEqual([line]);
  });

  it.each([
    ['pl', 'iso-8859-2', 'first_name;last_name;email;order\nŁukasz;Wiśniewski;l@example.pl;Z-1 Herbata źródlana\nZofia;Żółkiewska;z@example.pl;Z-2 Napar z mięty\n'],
    ['cs', 'iso-8859-2', 'first_name;last_name;email;order\nJiří;Dvořák;j@example.cz;O-1 Zelený čaj s mátou\nRůžena;Šťastná;r@example.cz;O-2 Bylinný čaj\n'],
    ['fr', 'windows-1252', 'Prénom;Nom;Courriel;Commande\nFrançois;Bérubé;f@example.fr;C-2 Tisane «\u00a0Été indien\u00a0»\n'],
    ['es', 'windows-1252', 'Nombre;Apellidos;Correo;Pedido\nMaría José;García-López;m@example.es;P-1 Té verde con jengibre\n'],
  ])('%s text in %s: refused naming the first bad line and the encoding; --encoding auto reads it', async (_lang, encoding, text) => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeFileSync(file, iconv.encode(text, encoding));
    const r = await cli(['batch', file, '--incident', INCIDENT, '--out', join(dir, 'x.mbox')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^apologize: \\S+ line [12] is not UTF-8; it looks like ${encoding}: add --encoding ${encoding} — `));
    const { code, byTo } = await letters(file, ['--encoding', 'auto']);
    expect(code).toBe(0);
    const first = text.split('\n')[1]!.split(';');
    const m = [...byTo.values()].find((x) => x.to![0]!.address === first[2])!;
    expect(m.to![0]!.name).toBe(`${first[0]} ${first[1]}`);
    expect(m.greeting).toBe(`Hi ${first[0]},`);
  });
});

describe('a wide export: only the columns a run reads are decoded', () => {
  const header = readFileSync(join(EXPORTS, 'shopify-orders.csv'), 'utf8').split('\n')[0]!.trim().split(',');
  const n = header.length;
  /** A Shopify row: these columns set, the others empty. */
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
  const csvLine = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  const parseRejects = (text: string): string[][] => {
    const out: string[][] = [];
    const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)/gy;
    let cells: string[] = [];
    for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
      cells.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
      if (m[2] !== ',') {
        out.push(cells);
        cells = [];
      }
    }
    return out;
  };

  it('a rejected row is written whole (cells the run never read, quoted line breaks, carried cells); a template reading a column gets it', async () => {
    const dir = tempDir();
    const good = row({ Name: '#1', Email: 'ann@example.com', 'Billing Name': 'Ann Å', Total: '9.50', Currency: 'GBP', 'Lineitem name': 'Tea', 'Lineitem quantity': '1', Notes: 'gift, "wrapped" ✓', Tags: 'vip' });
    // Same order: the email carried down; its Billing Name breaks the To header, so it is rejected.
    const carried = row({ Name: '#1', 'Billing Name': 'Bad\u202eName', 'Lineitem name': 'Cup', Notes: 'two\nlines, é 🙂', Vendor: '=cmd' });
    const unwantedOnly = row({ Notes: 'only a note' });
    const ragged = [...row({ Name: '#2', Email: 'bo@example.com', Vendor: 'Åsa "V"' }), 'extra'];
    const lines = [header.join(','), csvLine(good), csvLine(carried), csvLine(unwantedOnly), csvLine(ragged)];
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl/shipping-delay.hbs'), 'Subject: Note\n\nTags: {{recipient.tags}}\n{{#each recipient.orders}}Note: {{notes}}\n{{/each}}');
    const out = join(dir, 'out.mbox');
    const rejects = join(dir, 'rejects.csv');
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--templates', join(dir, 'tpl'), '--out', out, '--rejects', rejects]);
    expect(r.code).toBe(1);
    expect(summaryLine(r.stderr)).toMatch(/^apologize: 4 rows read, 1 message, 3 rejected/);
    const [m] = pythonParse([out], true);
    expect(m!.text).toContain('Tags: vip\nNote: gift, "wrapped" ✓\n');
    const rows = parseRejects(readFileSync(rejects, 'utf8'));
    expect(rows[0]!.slice(0, n)).toEqual(header);
    expect(rows.slice(1).map((x) => x.slice(n, n + 1))).toEqual([['3'], ['5'], ['6']]); // the carried row takes two lines
    expect(rows[1]!.slice(0, n)).toEqual(row({ Name: '#1', Email: 'ann@example.com', 'Billing Name': 'Bad\u202eName', 'Lineitem name': 'Cup', Notes: 'two\nlines, é 🙂', Vendor: "'=cmd" }).map((c, i) => (carriedFrom(header[i]!) ? c || good[i]! : c)));
    expect(rows[2]!.slice(0, n)).toEqual(unwantedOnly);
    expect([...rows[3]!.slice(0, n), ...rows[3]!.slice(n + 2)]).toEqual(ragged);
  });
});

/** Shopify's order-level columns, carried down an order's rows (presets.ts). */
function carriedFrom(column: string): boolean {
  return ['Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Billing Name', 'Billing Company', 'Shipping Name', 'Phone', 'Cancelled at', 'Refunded Amount', 'Payment Method'].includes(column);
}

import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/recipients/columns.js';
import { formatMoney, parseAmount } from '../../src/recipients/money.js';
import { orderEntries } from '../../src/recipients/orders.js';
import { presetFor, recognisePreset } from '../../src/recipients/presets.js';
import { addRow, customer, ORDERS_LISTED } from '../../src/recipients/group.js';
import type { GoodRow } from '../../src/recipients/rows.js';

describe('money', () => {
  it.each([
    ['23.50', 23.5],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['12,50', 12.5],
    ['1,234', 1234],
    ['€ 12,50', 12.5],
    ['-$12.00', -12],
    ['£1 234,00', 1234],
    ['abc', NaN],
  ])('parseAmount(%j) = %d', (text, n) => {
    expect(parseAmount(text)).toBe(n);
  });

  it('formats with Intl for the locale and currency; without a code only an amount with its own sign is shown', () => {
    expect(formatMoney('23.5', 'GBP', 'en')).toBe('£23.50');
    expect(formatMoney('1.234,5', 'EUR', 'de')).toBe(new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(1234.5));
    expect(formatMoney('19.00', 'usd', 'en')).toBe('$19.00');
    expect(formatMoney('1500', 'JPY', 'en')).toBe('¥1,500');
    expect(formatMoney('$16.08', '', 'en')).toBe('$16.08');
    expect(formatMoney('16.08', '', 'en')).toBe('');
    expect(formatMoney('n/a', 'GBP', 'en')).toBe('n/a GBP');
  });
});

describe('presets', () => {
  it('recognises each export from its header; a plain CSV is none', () => {
    expect(recognisePreset(['Name', 'Email', 'Financial Status', 'Paid at', 'Lineitem name'])?.label).toBe('a Shopify orders export');
    expect(recognisePreset(['order-id', 'order-item-id', 'buyer-email', 'buyer-name', 'product-name'])?.id).toBe('amazon');
    expect(recognisePreset(['id', 'Description', 'Amount', 'Currency', 'Customer Email', 'Captured'])?.id).toBe('stripe');
    expect(recognisePreset(['Order Number', 'Order Status', 'Email (Billing)'])?.id).toBe('woocommerce');
    expect(recognisePreset(['Date', 'Order #', 'Status', 'Customer', 'Product(s)', 'Net Sales'])?.noEmail).toMatch(/Email \(Billing\)/);
    expect(recognisePreset(['email', 'name', 'order_id'])).toBeUndefined();
  });

  it("Shopify: Name is the order id, Billing Name the name, Shipping Name ignored but the name's fallback; --map overrides", () => {
    const header = ['Name', 'Email', 'Financial Status', 'Lineitem name', 'Lineitem quantity', 'Total', 'Currency', 'Billing Name', 'Shipping Name'];
    const cols = mapColumns(header, new Map(), presetFor('shopify', header));
    expect(cols.fields).toEqual(['order_id', 'email', 'payment_status', 'product', 'quantity', 'amount', 'currency', 'name', '_shipping_name']);
    // Financial Status is read for refunds, and is still recipient.financial_status.
    expect(cols.index.get('financial_status')).toBe(2);
    expect(cols.nameFrom).toEqual([8]);
    expect(cols.carry).toEqual(expect.arrayContaining([1, 5, 6, 7]));
    const mapped = mapColumns(header, new Map([['shipping_name', 'name']]), presetFor('shopify', header));
    expect(mapped.fields[7]).toBe('_billing_name');
    expect(mapped.fields[8]).toBe('name');
  });

  it('localised headers: Nom/Nombre/Naam/Name are the family name beside a first-name column, the whole name alone', () => {
    expect(mapColumns(['Prénom', 'Nom', 'Courriel'], new Map()).fields).toEqual(['first_name', 'last_name', 'email']);
    expect(mapColumns(['Nom', 'Courriel'], new Map()).fields).toEqual(['name', 'email']);
    expect(mapColumns(['Nombre', 'Apellidos', 'Correo electrónico'], new Map()).fields).toEqual(['first_name', 'last_name', 'email']);
    expect(mapColumns(['Vorname', 'Name', 'E-Mail'], new Map()).fields).toEqual(['first_name', 'last_name', 'email']);
    expect(mapColumns(['Name', 'E-Mail'], new Map()).fields).toEqual(['name', 'email']);
    expect(mapColumns(['Kunde', 'E-Mail', 'Bestellnummer', 'Artikel', 'Menge', 'Betrag', 'Währung', 'Firma', 'Anrede'], new Map()).fields).toEqual(['name', 'email', 'order_id', 'product', 'quantity', 'amount', 'currency', 'company', 'salutation']);
    expect(mapColumns(['Klant', 'E-mailadres', 'Bestelnummer', 'Aantal', 'Bedrijf', 'Aanhef'], new Map()).fields).toEqual(['name', 'email', 'order_id', 'quantity', 'company', 'salutation']);
  });
});

describe('line items', () => {
  let line = 1;
  const row = (email: string, order: string, product: string, quantity = '1', amount = ''): GoodRow => {
    const fields = { email, order_id: order, product, quantity, amount, currency: amount ? 'GBP' : '', name: '', first_name: '' };
    return { line: ++line, cells: [email, order, product], fields, email, key: email, name: '', first_name: '' };
  };

  it('rows of one order are one order with its items; an order met again later joins it; past 25 orders, orders (not rows) are counted', () => {
    const c = customer(row('a@x', '#1', 'Tea', '2', '10.00'));
    addRow(c, row('a@x', '#1', 'Cup', '1', '10.00'), 1);
    addRow(c, row('a@x', '#2', 'Pot'), 1);
    addRow(c, row('a@x', '#1', 'Spoon'), 1);
    expect(c.orders!.map((o) => [o.id, o.items])).toEqual([['#1', 3], ['#2', 1]]);
    for (let o = 3; o < 40; o++) for (let i = 0; i < 3; i++) addRow(c, row('a@x', `#${o}`, `P${i}`), 1);
    expect(c.orders).toHaveLength(ORDERS_LISTED);
    expect(c.orderCount).toBe(39);
    expect(c.count).toBe(4 + 37 * 3);
    const entries = orderEntries('en')(c.orders!);
    expect(entries[0]).toMatchObject({ order_id: '#1', items_display: 'Tea ×2, Cup ×1, Spoon ×1', item_count: '3', amount_display: '£10.00' });
    expect((entries[0]!.items as unknown[]).length).toBe(3);
  });
});

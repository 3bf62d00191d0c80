import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/recipients/columns.js';
import { lineItemsOf, packedItems } from '../../src/recipients/line-items.js';
import { currencyOf, formatMoney, parseAmount } from '../../src/recipients/money.js';
import { orderEntries } from '../../src/recipients/orders.js';
import { recognisePreset } from '../../src/recipients/presets.js';

const eur = (n: number, locale = 'en') => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(n);

describe('money as exports write it', () => {
  it.each([
    ['1 234,56 €', false, 1234.56],
    ['1\u00a0234,56\u00a0€', false, 1234.56],
    ['1\u202f234,56 €', false, 1234.56],
    ['€ 1.234,56', false, 1234.56],
    ['EUR 12,50', false, 12.5],
    ['$1,234.56', false, 1234.56],
    ['$-12.00', false, -12],
    ['1.234', true, 1234],
    ['1.234.567', false, 1234567],
    ['12,5', true, 12.5],
    ['1,234', true, 1.234],
  ])('parseAmount(%j, decimalComma %s) = %d', (text, decimalComma, n) => {
    expect(parseAmount(text, decimalComma)).toBe(n);
  });

  it.each([
    ['1.234,56 €', 'EUR'],
    ['$1,234.56', 'USD'],
    ['US$ 5', 'USD'],
    ['CA$ 5', 'CAD'],
    ['£3', 'GBP'],
    ['12,50 EUR', 'EUR'],
    ['12 zł', 'PLN'],
    ['12 kr', ''],
    ['12.50', ''],
    ['abc', ''],
    ['12 ABC', ''],
  ])('currencyOf(%j) = %j', (text, code) => {
    expect(currencyOf(text)).toBe(code);
  });

  it('without a currency column the sign gives the currency: formatted for the letter, not copied as written', () => {
    expect(formatMoney('1.234,56 €', '', 'en')).toBe(eur(1234.56));
    expect(formatMoney('1 234,56 €', undefined, 'de')).toBe(eur(1234.56, 'de'));
    expect(formatMoney('1.234 €', '', 'en', true)).toBe(eur(1234));
    expect(formatMoney('$1,234.56', '', 'en')).toBe('$1,234.56');
    expect(formatMoney('12 kr', '', 'en')).toBe('12 kr');
    expect(formatMoney('12.50', '', 'en')).toBe('');
    // A currency column written as a sign or a word (German sheets: Währung "€", "Euro").
    expect(formatMoney('12,50', '€', 'en', true)).toBe(eur(12.5));
    expect(formatMoney('12,50', 'Euro', 'en', true)).toBe(eur(12.5));
  });

  it("an order's lines with signed amounts are summed in their currency; per-line amounts are summed even when two are alike", () => {
    const rows = (...amounts: string[]) => amounts.map((amount, i) => ({ fields: { product: `T${i}`, quantity: '1', amount } }));
    const entries = orderEntries('en', undefined, { decimalComma: true });
    expect(entries([{ rows: rows('12,50 €', '4,90 €'), items: 2 }])[0]!.amount_display).toBe(eur(17.4));
    const perLine = orderEntries('en', undefined, { amountPerLine: true });
    expect(perLine([{ rows: rows('9.99 €', '9.99 €'), items: 2 }])[0]!.amount_display).toBe(eur(19.98));
    // An order total written on every row stays the order's.
    expect(orderEntries('en')([{ rows: rows('20.00 €', '20.00 €'), items: 2 }])[0]!.amount_display).toBe(eur(20));
  });
});

describe('an order\'s items said once', () => {
  it('the same product on two lines (two parcels) is said once with the quantities added', () => {
    const rows = [
      { fields: { product: 'Thé vert', quantity: '1' } },
      { fields: { product: 'Thé noir', quantity: '2' } },
      { fields: { product: 'Thé vert', quantity: '1' } },
      { fields: { product: 'Gift card', quantity: '' } },
      { fields: { product: 'Gift card', quantity: '' } },
    ];
    expect(orderEntries('en')([{ rows, items: 5 }])[0]!.items_display).toBe('Thé vert ×2, Thé noir ×2, Gift card, Gift card');
  });
});

describe('line items written into one row', () => {
  it('a line_items cell (Customer/Order/Coupon Export) and line_item_N cells (WebToffee): products and quantities', () => {
    expect(packedItems('id:71|name:Tea; large|product_id:12|quantity:2|total:9.00|meta:;id:72|name:Cup|quantity:1|meta:size=L')).toEqual([
      { product: 'Tea; large', quantity: '2' },
      { product: 'Cup', quantity: '1' },
    ]);
    const packed = mapColumns(['order_number', 'billing_email', 'line_items'], new Map());
    const items = lineItemsOf(packed)!({ line_items: 'id:1|name:A|quantity:2;id:2|name:B|quantity:1' });
    expect(items).toEqual([{ product: 'A', quantity: '2' }, { product: 'B', quantity: '1' }]);
    const cells = mapColumns(['email', 'order', 'line_item_10', 'line_item_2', 'line_item_1'], new Map());
    expect(lineItemsOf(cells)!({ line_item_1: 'name:A|quantity:3', line_item_2: 'Plain name', line_item_10: '' })).toEqual([
      { product: 'A', quantity: '3' },
      { product: 'Plain name', quantity: '' },
    ]);
    const pairs = mapColumns(['email', 'Product Item 1 Name', 'Product Item 1 Quantity', 'Product Item 2 Name', 'Product Item 2 Quantity'], new Map());
    expect(lineItemsOf(pairs)!({ product_item_1_name: 'A', product_item_1_quantity: '2', product_item_2_name: '', product_item_2_quantity: '' })).toEqual([{ product: 'A', quantity: '2' }]);
    expect(lineItemsOf(mapColumns(['email', 'product'], new Map()))).toBeUndefined();
  });

  it('an order entry lists each item of such a row, counted as items', () => {
    const entries = orderEntries('en', undefined, { itemsOf: (f) => packedItems(f.line_items ?? '') });
    const [entry] = entries({ fields: { line_items: 'id:1|name:A|quantity:2;id:2|name:B|quantity:1', amount: '5', currency: 'GBP' } });
    expect(entry!.items_display).toBe('A ×2, B ×1');
    expect(entry!.item_count).toBe('2');
    expect((entry!.items as Record<string, string>[]).map((i) => i.product)).toEqual(['A', 'B']);
  });
});

describe('columns and presets', () => {
  it('a column named exactly as a field keeps it; an alias of another column gives way (never for the email)', () => {
    expect(mapColumns(['order_id', 'order_number', 'email'], new Map()).fields).toEqual(['order_id', 'order_number', 'email']);
    expect(mapColumns(['order_number', 'email', 'order_id'], new Map()).fields).toEqual(['order_number', 'email', 'order_id']);
    expect(() => mapColumns(['email', 'customer_email'], new Map())).toThrow(/both become "email"/);
    expect(mapColumns(['Email', 'Qty', 'Total', 'Tussenvoegsel', 'Achternaam'], new Map()).fields).toEqual(['email', 'quantity', 'amount', 'surname_prefix', 'last_name']);
  });

  it.each([
    [['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Total Spent'], 'a Shopify customers export'],
    [['order_id', 'order_number', 'billing_email', 'line_items'], 'a WooCommerce orders export'],
    [['order_id', 'order_number', 'customer_email', 'billing_email', 'order_currency', 'line_item_1'], 'a WooCommerce orders export'],
    [['id', 'Description', 'Email', 'Name', 'Created (UTC)', 'Delinquent'], 'a Stripe customers export'],
    [['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Customer Email'], 'a Stripe payments export'],
    [['amazon-order-id', 'merchant-order-id', 'product-name', 'item-status', 'quantity'], 'an Amazon All Orders report'],
    [['amazon-order-id', 'shipment-id', 'buyer-email', 'buyer-name', 'product-name', 'quantity-shipped'], 'an Amazon order report'],
    [['Date', 'Gross Sales', 'Net Total', 'Transaction ID', 'Total Collected', 'Customer Name'], 'a Square transactions export'],
  ])('%j is %s', (header, label) => {
    expect(recognisePreset(header)?.label).toBe(label);
  });

  it('with the WooCommerce preset, order_number is the order and the billing email the address (order_id and customer_email kept aside)', () => {
    const header = ['order_id', 'order_number', 'customer_email', 'billing_email', 'billing_first_name', 'order_currency', 'line_item_1'];
    const c = mapColumns(header, new Map(), recognisePreset(header));
    expect(c.fields).toEqual(['_order_id', 'order_id', '_customer_email', 'email', 'first_name', 'currency', 'line_item_1']);
  });
});

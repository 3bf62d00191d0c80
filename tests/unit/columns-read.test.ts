// Which CSV columns a batch decodes: those the pipeline reads and those the template reads
// (tokenizer.ts scanRecord leaves the others undecoded); a template that may read any gets every one.
import { describe, expect, it } from 'vitest';
import { columnsRead, mapColumns } from '../../src/recipients/columns.js';
import { fieldsMaker } from '../../src/recipients/rows.js';
import { recognisePreset } from '../../src/recipients/presets.js';
import { analyseTemplate, readRecipientColumns } from '../../src/templates/fields.js';

const read = (text: string) => readRecipientColumns(analyseTemplate([{ text, file: 't.hbs', firstLine: 1 }], { get: () => undefined }));

describe('the recipient columns a template reads', () => {
  it('every branch, tested or printed, an order\'s and an item\'s columns too', () => {
    expect(read('{{#if recipient.vip}}{{recipient.vip_note}}{{/if}}{{#each recipient.orders}}{{sku}}{{#each items}}{{vendor}}{{/each}}{{/each}}{{length recipient.orders}}')).toEqual(
      new Set(['vip', 'vip_note', 'sku', 'vendor']),
    );
    expect(read('{{#with recipient}}{{tags}}{{/with}}')).toBeUndefined(); // the recipient as a whole
    expect(read('{{#each recipient.orders}}{{this}}{{/each}}')).toBeUndefined(); // an order as a whole
    expect(read('{{#each recipient}}{{this}}{{/each}}')).toBeUndefined();
    expect(read('{{#recipient.orders}}{{sku}}{{/recipient.orders}}')).toBeUndefined(); // a section: its context cannot be told
    expect(read('{{lookup recipient "tags"}}')).toBeUndefined();
    expect(read('{{lookup (lookup recipient.orders 0) "sku"}}')).toBeUndefined(); // a member named by a value
    expect(read('{{> (concat "x") }}')).toBeUndefined(); // a partial chosen by a value
  });
});

describe('columnsRead', () => {
  const header = 'Name,Email,Financial Status,Currency,Total,Lineitem name,Lineitem quantity,Billing Name,Shipping Name,Notes,Vendor,Tags'.split(',');
  const columns = mapColumns(header, new Map(), recognisePreset(header));
  const at = (want: Uint8Array | undefined) => (want ? header.filter((_, i) => want[i] === 1) : 'every column');

  it("the pipeline's fields, the preset's name and carried columns, and the template's", () => {
    expect(at(columnsRead(columns, new Set()))).toEqual(['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Lineitem name', 'Lineitem quantity', 'Billing Name', 'Shipping Name']);
    expect(at(columnsRead(columns, new Set(['tags'])))).toContain('Tags');
    expect(at(columnsRead(columns, new Set(['tags'])))).not.toContain('Notes');
  });

  it('the items of an export that writes one cell per item (line_item_1, line_item_2…)', () => {
    const cols = mapColumns(['billing_email', 'line_item_1', 'line_item_2', 'shipping_note'], new Map());
    expect(columnsRead(cols, new Set())).toEqual(Uint8Array.from([1, 1, 1, 0]));
  });

  it('every column when the template may read any, or reads them all', () => {
    expect(columnsRead(columns, undefined)).toBeUndefined();
    expect(columnsRead(columns, new Set(['notes', 'vendor', 'tags']))).toBeUndefined();
  });
});

describe('fieldsMaker with the columns read', () => {
  it('leaves out the columns not read, compiled or by the loop (a column named __proto__)', () => {
    const want = Uint8Array.from([1, 0, 1]);
    expect(fieldsMaker(['order_id', 'notes', 'tags'], [], want)(['#1', 'n', 't'], 'E', 'N', 'F')).toEqual({ order_id: '#1', tags: 't', email: 'E', name: 'N', first_name: 'F' });
    const loop = fieldsMaker(['order_id', '__proto__', 'tags'], [], want)(['#1', 'n', 't'], 'E', 'N', 'F');
    expect(Object.keys(loop)).toEqual(['order_id', 'tags', 'email', 'name', 'first_name']);
  });
});

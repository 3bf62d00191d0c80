// Which recipient values a batch's cached shapes are keyed by (templates/shape-plan.ts).
import { describe, expect, it } from 'vitest';
import { skeletonPlan } from '../../src/templates/shape-plan.js';

const plan = (source: string, partials: Record<string, string> = {}) => skeletonPlan([source], new Map(Object.entries(partials)));

describe('skeletonPlan', () => {
  it("reads an order's values, not the names of the helpers that test them", () => {
    const p = plan('{{#each recipient.orders}}{{#if order_id}}{{order_id}}{{else if amount_display}}{{amount_display}}{{/if}}{{#unless items_display}}-{{/unless}}{{/each}}');
    expect(p?.order).toEqual(['order_id', 'amount_display', 'items_display']);
  });

  it('the same through a partial, and for a helper given no recipient value inside the orders', () => {
    const p = plan('{{#each recipient.orders}}{{> line}}{{/each}}{{#if recipient.name}}{{recipient.name}}{{/if}}', { line: '{{#unless currency}}-{{/unless}}{{#if (eq ../stage "apology")}}{{product}}{{/if}}' });
    expect(p?.order).toEqual(['currency', 'product']);
    expect(p?.recipient).toEqual(['name']);
  });

  it('a block over a value without parameters still reads that value', () => {
    expect(plan('{{#each recipient.orders}}{{#order_id}}x{{/order_id}}{{/each}}')?.order).toEqual(['order_id']);
  });
});

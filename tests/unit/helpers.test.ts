import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { about, clause, count, formatNumber, sentence } from '../../src/templates/helpers.js';
import { firstNameOf } from '../../src/recipients/recipient.js';

describe('number helpers', () => {
  it.each([
    [1, '1'],
    [999, '999'],
    [1000, '1,000'],
    [1234, 'about 1,200'],
    [13482, 'about 13,500'],
    [13500, '13,500'],
    [254321, 'about 254,000'],
    [1_234_567, 'about 1,230,000'],
  ])('about(%s) = %s', (n, expected) => expect(about(n)).toBe(expected));

  it.each([
    [13482, '13,482'],
    ['13482', '13,482'],
    ['13,482', '13,482'],
  ])('formatNumber(%s) = %s', (n, expected) => expect(formatNumber(n)).toBe(expected));

  it.each([
    [1, '1 order'],
    [2, '2 orders'],
    [1200, '1,200 orders'],
  ])('count(%s)', (n, expected) => expect(count(n, 'order', 'orders')).toBe(expected));
});

describe('clause and sentence', () => {
  it.each([
    ['We shipped your order late.', 'we shipped your order late'],
    ['Our scanner failed!', 'our scanner failed'],
    ['UPS lost a truck.', 'UPS lost a truck'],
    ['Stripe retried a payment', 'Stripe retried a payment'],
    ['I forgot to press send.', 'I forgot to press send'],
    ["We'll refund your shipping.", "we'll refund your shipping"],
    ['We’ve added a second check.', 'we’ve added a second check'],
    ["I'm sending a replacement.", "I'm sending a replacement"],
    ['  the label printer jammed;  ', 'the label printer jammed'],
    ['', ''],
  ])('clause(%j) = %j', (input, expected) => expect(clause(input)).toBe(expected));

  it.each([
    ['a caching change', 'A caching change.'],
    ['Done!', 'Done!'],
    ['we said "soon"', 'We said "soon".'],
    ['', ''],
  ])('sentence(%j) = %j', (input, expected) => expect(sentence(input)).toBe(expected));
});

describe('first names', () => {
  it.each([
    ['Zoë Müller', 'Zoë'],
    ['Dr. Ana Ruiz', 'Ana'],
    ['Smith, Jane', 'Jane'],
    ['Prince', 'Prince'],
    ['', ''],
    ['   ', ''],
  ])('firstNameOf(%j) = %j', (input, expected) => expect(firstNameOf(input)).toBe(expected));
});

describe('number formatting without ICU per call', () => {
  it('formatNumber gives what toLocaleString("en-US") gives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ min: -1e22, max: 1e22 }), fc.constantFrom(0, -0, 999, 1000, -1000, 1e21, -0.4, 0.5, Number.NaN, Infinity)), (n) => {
        expect(formatNumber(n)).toBe(Math.round(n).toLocaleString('en-US'));
      }),
      { numRuns: 3000, seed: 29 },
    );
  });
});

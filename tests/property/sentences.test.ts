import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileText, createEngine } from '../../src/templates/engine.js';

/**
 * Fields typed the way managers type them, through the sentence helpers as
 * templates use them: the mechanical rules of WRITING.md hold whatever the input.
 */

const WORDS = [
  'order', 'orders', 'label', 'printer', 'jammed', 'shipped', 'late', 'courier', 'lost', 'parcel', 'box', 'wrong',
  'item', 'packed', 'night', 'shift', 'missed', 'it', 'two', 'days', 'refund', 'your', 'payment', 'failed',
  'scanner', 'broke', 'on', 'friday', 'human', 'error', 'capacity', 'we', 'our', 'the', 'a', 'and', 'of', 'to',
  'in', 'for', 'was', 'were', 'will', 'check', 'every', 'second', 'person', 'warehouse', 'system', 'update',
  'UPS', 'DPD', 'Royal', 'Mail', 'Stripe', 'Monday', 'iPhone', 'eBay', 'Zoë', 'café', 'naïve', 'we’ll', "we've",
];
const STARTS = ['', 'We', 'we', 'Our', 'our', 'The', 'the', 'A', 'a', 'WE', 'Unfortunately,', 'i', "i'm"];
const ENDS = ['', '.', '. ', '..', '...', '…', '!', '?', '?!', ' .', ':', ';', ',', '. .', '.\n', ' ', ' :)'];
const COMPANIES = ['The Little Oven Bakery', 'the corner pantry', 'Acme Inc.', "Bob's Bikes", 'Paystream', 'THE FLOWER SHED', 'The Corner Pantry.', ' Nordlicht GmbH '];

const word = fc.constantFrom(...WORDS);
const run = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
/** A piece of a field: words, sometimes bracketed or quoted, sometimes a full stop and another sentence. */
const piece = fc.oneof(
  { weight: 6, arbitrary: run(1, 12) },
  { weight: 1, arbitrary: run(1, 4).map((s) => `(${s})`) },
  { weight: 1, arbitrary: run(1, 4).map((s) => `"${s}"`) },
  { weight: 1, arbitrary: run(1, 4).map((s) => `“${s}.”`) },
  { weight: 1, arbitrary: run(1, 3).map((s) => `(${s}.)`) },
  { weight: 1, arbitrary: fc.tuple(run(1, 8), fc.constantFrom('. ', '! ', '? ', '... ', '. . ')).map(([s, stop]) => `${s}${stop}`) },
);
const field = fc
  .tuple(fc.constantFrom(...STARTS), fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ENDS), fc.constantFrom('as typed', 'upper', 'lower'), fc.boolean())
  .map(([start, pieces, end, casing, spaced]) => {
    let s = `${start} ${pieces.join(' ')}`.split(' ').slice(0, 92).join(spaced ? '  ' : ' ') + end;
    if (casing === 'upper') s = s.toUpperCase();
    if (casing === 'lower') s = s.toLowerCase();
    return s;
  });

const TEMPLATES = [
  '{{sentence why}}',
  "I'm sorry. {{sentence why}} {{sentence how}}",
  // A field meets the template's own words: the block form checks the assembled sentence ("and and").
  '{{#sentence}}We are sorry that {{clause why}}, and {{clause how}}.{{/sentence}}',
  'We are sorry that {{clause why}}, because {{clause how}}.',
  '{{#sentence}}{{orderFrom company}} was late because {{clause why}}{{/sentence}}',
  '{{#sentence}}here is what happened: {{clause why}}{{/sentence}} {{#sentence}}{{cap how}}{{/sentence}}',
  'Subject: {{#sentence}}{{orderFrom company}} is running late{{/sentence}}',
];

const hb = createEngine();
const renders = TEMPLATES.map((t) => compileText(hb, t));

const BRANDED = /^\p{Ll}+\p{Lu}/u;
const OPENERS = /^["'“‘(]+/u;

/** Every mechanical defect in a rendered text, as strings (empty: none). */
function defects(text: string): string[] {
  const out: string[] = [];
  if (/\b[Yy]our The\b/u.test(text)) out.push('"Your The"');
  if (/\.\s*\./u.test(text)) out.push('". ." or ".."');
  if (/ {2}|\s[.,;:!?)]/u.test(text)) out.push('a double space or a space before a mark');
  if (!/[.!?…]["'”’)]*$/u.test(text)) out.push('no final mark');
  if (/[.!?…,;:]["'”’)]*[.!?…,;:]["'”’)]*$/u.test(text)) out.push('two final marks');
  const starts = [text.replace(/^Subject: /, ''), ...text.split(/(?<=[.!?])\s+/u).slice(1)];
  for (const s of starts) {
    const w = s.replace(OPENERS, '');
    if (/^\p{Ll}/u.test(w) && !BRANDED.test(w)) out.push(`a lower-case sentence start: ${JSON.stringify(s.slice(0, 20))}`);
  }
  const doubled = /(?<![\p{L}\p{M}'’-])([\p{L}\p{M}'’]+)\s+\1(?![\p{L}\p{M}'’-])/iu.exec(text);
  if (doubled) out.push(`a doubled word: ${JSON.stringify(doubled[0])}`);
  return out;
}

describe('sentences from any phrasing', () => {
  it('the checker finds the defects it looks for', () => {
    expect(defects('Your The Corner Pantry order is late. . the the end')).toEqual([
      '"Your The"',
      '". ." or ".."',
      'a double space or a space before a mark',
      'no final mark',
      'a lower-case sentence start: "the the end"',
      'a doubled word: "the the"',
    ]);
    expect(defects('We said "soon"')).toEqual(['no final mark']);
    expect(defects('We said "soon".')).toEqual([]);
  });

  it('no "Your The", no ". .", no lower-case sentence start, one final mark, no doubled word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...renders.keys()), field, field, fc.constantFrom(...COMPANIES), (t, why, how, company) => {
        const text = renders[t]!({ why, how, company });
        expect(defects(text), text).toEqual([]);
      }),
      { numRuns: 3000, seed: 12 },
    );
  });
});

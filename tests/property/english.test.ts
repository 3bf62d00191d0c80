import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACTION, CONTRACTION_HINT, NAMED_WORD_HINT, POSSESSIVE_HINT, POSSESSIVE_RULE, namedDateRules, normaliseEnglish } from '../../src/text/english.js';

/**
 * The English normaliser on fields typed in a hurry: normalising twice changes nothing, and the
 * codes, URLs, email addresses and quotations in a field come out exactly as typed.
 */

const WORDS = [
  'i', "i'm", 'ive', 'didnt', 'dont', 'cant', 'wont', 'isnt', 'thats', 'theres', 'youre', 'its', 'were', 'well', 'id', 'ill', 'lets',
  'we', 'you', 'your', 'pets', 'the', 'a', 'order', 'was', 'cancelled', 'late', 'on', 'by', 'the', 'at', 'in', 'since', 'of',
  'tue', 'wed', 'thurs', 'fri', 'sat', 'sun', 'mon', 'monday', 'november', 'nov', 'dec', 'may', 'march', '24', '25', '26th', '3rd',
  '24/11', '5/6', '1/2', '24/7', '2pm', '10:20', '9.15am', '2', 'p.m.', '3', 'hrs', '10', 'min', 'mins', 'wks', 'approx', 'pls',
  'asap', 'ASAP', 'w/', 'w/o', 'b/c', '&', 'Smith', 'thru', '~3', 'appt', 'ppl', 'sorry', 'refund', 'and', 'but', 'so', 'now',
  'been', 'WE', 'ARE', 'delivered', 'shipped', 'weds', '-', '&', 'to', 'at', 'about', '24th', 'Nov.', 'iPhone', 'Monday', 'December', 'Tuesday', '8', 'morning', '2026', 'a.m.',
];
const PUNCT = ['', ',', '.', ';', ':', '!', '?', ' -', '…'];
/** What must come out as typed. */
const KEPT = [
  'SK206', 'INV-1042', 'ab12', 'SORRY20', 'A4', 'covid-19', 'B2B-7', 'https://status.example.com/i/dont?x=tue 24 nov'.split(' ')[0]!,
  'www.example.com/pls', 'i@shop.example', 'dont.reply@example.co.uk', '"i dont know"', '"tue 24 nov, 3 hrs"', '“pls asap”',
  "'i cant'", "'we didn't know'", '‘its 2pm’',
];

const word = fc.constantFrom(...WORDS);
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(word, fc.constantFrom(...PUNCT)).map(([w, p]) => w + p) },
  { weight: 2, arbitrary: fc.constantFrom(...KEPT) },
);
const field = fc.array(piece, { minLength: 1, maxLength: 24 }).map((ws) => ws.join(' '));
const clock = fc.constantFrom('2026-12-01T09:00:00Z', '2026-11-26T09:00:00Z', '2027-01-03T09:00:00Z', '2026-07-08T09:00:00Z').map((d) => new Date(d));
const locale = fc.constantFrom('en', 'en-GB', 'en-US');

describe('the English normaliser', () => {
  it('normalising twice changes nothing', () => {
    fc.assert(
      fc.property(field, clock, locale, (text, now, loc) => {
        const o = { ref: now, now, locale: loc };
        const once = normaliseEnglish(text, o);
        expect(normaliseEnglish(once, o)).toBe(once);
      }),
      { numRuns: 1500 },
    );
  });

  it('codes, URLs, email addresses and quotations come out as typed, in their order', () => {
    fc.assert(
      fc.property(field, clock, locale, (text, now, loc) => {
        const out = normaliseEnglish(text, { ref: now, now, locale: loc });
        const kept = (t: string) => KEPT.flatMap((k) => [...t.matchAll(new RegExp(k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => [m.index, k] as const)).sort((a, b) => a[0] - b[0]).map(([, k]) => k);
        expect(kept(out)).toEqual(kept(text));
      }),
      { numRuns: 1500 },
    );
  });

  // Start-up: a rule runs only on a text holding its ASCII hint, so the hint must hold wherever the rule matches.
  it('the contraction and possessive rules match only a text that holds their hint', () => {
    const odd = fc.constantFrom('arrive', 'time', 'IVE', 'Im', "i'm", 'dont.', 'ſhes', 'ſ', 'K', 'doeſnt', 'your pets vet', 'YOUR PETS VET', 'our dogs ſ-walk', 'his catſ bowl', 'my sons new-ish', 'é', 'ive’', 'x-im');
    const text = fc.array(fc.oneof(word, odd), { maxLength: 16 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        if (new RegExp(CONTRACTION.source, 'iu').test(t)) expect(CONTRACTION_HINT.test(t), t).toBe(true);
        if (new RegExp(POSSESSIVE_RULE.source, 'iu').test(t)) expect(POSSESSIVE_HINT.test(t), t).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('weekday and month names are only changed in a text holding a name at a word start', () => {
    const odd = fc.constantFrom('amon', 'xtue', 'Monday', 'on ſat', 'on ſun', 'ſeptember', 'oKt', 'dec2', '2dec', 'ſ', 'K', 'mid-nov', '(fri morning)', 'é-jan', 'émon');
    const text = fc.array(fc.oneof(word, odd), { maxLength: 16 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        if (!NAMED_WORD_HINT.test(t)) expect(namedDateRules(t), t).toBe(t);
      }),
      { numRuns: 3000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/fc-seed.js';
import { noteToProse, weekdayWords, type NoteRole } from '../../src/text/notes.js';
import { normaliseEnglish } from '../../src/text/english.js';

/**
 * The note layer on notes typed any way: it only adds words (a subject, an auxiliary, an article,
 * "and", "on"), never drops or reorders the writer's; what it prints reads as sentences (a capital
 * after each full stop, one full stop at the end, no doubled word or stray comma); and running it
 * on its own output changes nothing more.
 */

const WORDS = [
  'engineer', 'driver', 'website', 'order', 'orders', 'parcel', 'parcels', 'fee', 'refund', 'update', 'van', 'crew', 'tins', 'shelf',
  'didnt', "didn't", 'was', 'were', 'is', 'are', 'has', 'had', 'will', 'should', 'can', 'be', 'with', 'you', 'your', 'our', 'the', 'a',
  'no', 'call', 'to', 'tell', 'for', 'on', 'by', 'at', 'in', 'and', 'or', 'but', 'if', 'not', 'now', 'today', 'same', 'day',
  'rebooked', 'refunded', 'waived', 'sent', 'checked', 'moved', 'booked', 'missed', 'delivered', 'rolled', 'back', 'off', 'sick',
  'due', 'monday', 'friday', '27', 'november', '2pm', 'we', "we'll", 'it', 'they', 'nobody', 'came', 'arrive', 'arrived', 'turn', 'up',
  'senior', 'first', 'slot', 'please', 'keep', 'need', 'send', 'us', 'adding', 'working', 'again', 'since', 'SK206', 'A4', '(£85)',
];
const PUNCT = ['', '', '', ',', ';', '.'];
const word = fc.constantFrom(...WORDS);
const note = fc.array(fc.tuple(word, fc.constantFrom(...PUNCT)).map(([w, p]) => w + p), { minLength: 1, maxLength: 18 }).map((ws) => ws.join(' '));
/** Notes the way managers type them: a few clauses of the shapes the layer reads, joined by commas, semicolons or full stops. */
const HEADS = ['engineer', 'our driver', 'the website', 'fee', 'update', 'orders placed mon', 'parcel', 'rebooked for friday 27 nov', 'we', 'the van', 'tins', 'courier collection', 'a senior fitter, Sam Cole,', 'new router'];
const VERBS = ["didn't turn up", 'waived', 'rolled back same day', 'broke down', 'should be with you monday', 'due with you sat', 'sent to the wrong address', 'was late', 'off sick', 'now checked twice', 'working again since 14:00', 'will fit it on friday', 'remixed and checked', 'failed silently since sun'];
const TAILS = ['', '', 'on tuesday', 'by 8am', 'our senior engineer', 'first slot of the day', 'if not please call us', 'we will call you back', 'no need to send it back', 'SK206', 'no call to tell you', 'with you by friday'];
const clause = fc.tuple(fc.constantFrom(...HEADS), fc.constantFrom(...VERBS), fc.constantFrom(...TAILS)).map(([h, v, t]) => [h, v, t].filter(Boolean).join(' '));
const shaped = fc.array(fc.tuple(clause, fc.constantFrom(', ', '; ', '. ', ', ')), { minLength: 1, maxLength: 3 }).map((cs) => cs.map(([c, sep], i) => c + (i < cs.length - 1 ? sep : '')).join(''));
const role = fc.constantFrom<NoteRole>('mistake', 'cause', 'commitment', 'outcome', 'action', 'exposure');
const now = new Date('2026-11-26T09:00:00Z');

const wordsOf = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}'’£]+/gu) ?? []).map((w) => w.replace(/[’]/gu, "'"));

/** Is `small` a subsequence of `big`? */
function within(small: string[], big: string[]): boolean {
  let i = 0;
  for (const w of big) if (i < small.length && w === small[i]) i++;
  return i === small.length;
}

describe('the note layer', () => {
  it('keeps every word the writer typed, in order', () => {
    fc.assert(
      fc.property(fc.oneof(note, shaped), role, (text, r) => {
        const typed = normaliseEnglish(text, { ref: now, now });
        const out = noteToProse(typed, r, { now });
        // "same day" gains "the", "weds" a full name, "temp" its word: compare without what the layer may name in full
        expect(within(wordsOf(weekdayWords(typed)), wordsOf(out)), `${typed}\n→ ${out}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('prints sentences: a capital after each full stop, one full stop at the end, no doubled word or stray comma', () => {
    fc.assert(
      fc.property(fc.oneof(note, shaped), role, (text, r) => {
        const typed = normaliseEnglish(text, { ref: now, now });
        const out = noteToProse(typed, r, { now });
        if (out === typed) return;
        expect(out, typed).toMatch(/[.!?)]$/u);
        expect(out, typed).not.toMatch(/[,;]\s*[.,;]|\s[.,;]|\.\./u);
        for (const s of out.split(/(?<=[.!?])\s+/u).slice(1)) expect(s, `${typed}\n→ ${out}`).toMatch(/^[\p{Lu}\p{N}("“'£]/u);
        for (const sentence of out.split(/(?<=[.!?])\s+/u)) {
          const added = wordsOf(sentence);
          for (let i = 1; i < added.length; i++) {
            // a doubled word the writer did not type
            if (added[i] === added[i - 1] && !wordsOf(typed).some((w, k, all) => k > 0 && all[k - 1] === w && w === added[i])) expect.fail(`doubled "${added[i]}": ${typed}\n→ ${out}`);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('running it on its own output changes nothing more', () => {
    fc.assert(
      fc.property(shaped, role, (text, r) => {
        const once = noteToProse(normaliseEnglish(text, { ref: now, now }), r, { now });
        expect(noteToProse(once, r, { now }), once).toBe(once);
      }),
      { numRuns: 400 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { noteToProse } from '../../src/text/notes.js';
import { posLoaded } from '../../src/text/pos.js';

/**
 * The part-of-speech tagger (text/pos.ts) costs a tenth of a second to load: it is loaded only for
 * a note piece the word lists cannot read, never for fields typed as sentences or notes the rules
 * read. (This file runs in a process of its own, so nothing loaded it before.)
 */
describe('the tagger is loaded only when a note needs it', () => {
  it('sentences, and notes the rules read, never load it; a piece no list can read does', () => {
    const now = new Date('2026-11-26T09:00:00Z');
    for (const [t, r] of [
      ['We sent the wrong size, and we are sorry.', 'mistake'],
      ['your tea order will arrive two days later than we promised', 'mistake'],
      ["a label printer update at our warehouse sent a day's parcels to the wrong courier depot, and nobody caught it until the next morning", 'cause'],
      ['every label run is now checked against the order list by a second person', 'commitment'],
      ["engineer didn't turn up, no call to tell you", 'mistake'],
    ] as const) noteToProse(t, r, { now });
    expect(posLoaded()).toBe(false);
    expect(noteToProse('status page updated every 30 min during incidents', 'commitment', { now })).toBe('the status page is updated every 30 min during incidents.');
    expect(posLoaded()).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { noteToProse, type NoteRole } from '../../src/text/notes.js';
import { normaliseEnglish } from '../../src/text/english.js';

/**
 * Note shapes no word list held, read by the part-of-speech layer (text/pos.ts). Made-up notes
 * (none is a development incident's words), one per class; each came out as a fragment before.
 */
const now = new Date('2026-11-26T09:00:00Z');
const prose = (text: string, role: NoteRole) => noteToProse(normaliseEnglish(text, { ref: now, now }), role, { now });

describe('a noun phrase and what follows it', () => {
  it('a participle is a passive in the tense that is true', () => {
    expect(prose('rota checked every morning by the duty manager', 'commitment')).toBe('our rota is checked every morning by the duty manager.');
    expect(prose('stock counts reconciled every fri afternoon by the shift lead', 'commitment')).toBe('stock counts are reconciled every Friday afternoon by the shift lead.');
    expect(prose('price file from the supplier loaded twice', 'cause')).toBe('the price file from the supplier was loaded twice.');
    expect(prose('email with your results sent to another patient', 'mistake')).toBe('the email with your results was sent to another patient.');
    expect(prose('your 6 skeins of merino dyed in the wrong colour', 'mistake')).toBe('your 6 skeins of merino were dyed in the wrong colour.');
    expect(prose('table on loan delivered by fri 18 dec, free', 'outcome')).toBe('the table on loan will be delivered by Friday 18 December, free.');
    expect(prose('booklets reprinted overnight and hand-delivered to the church by 9am', 'outcome')).toBe('booklets were reprinted overnight and hand-delivered to the church by 9am.');
    expect(prose('link disabled 14:20 same day', 'exposure')).toBe('the link was disabled at 14:20 the same day.');
  });
  it('what went wrong is past, whatever date the note names', () => {
    expect(prose('direct debit taken twice on 1 dec', 'mistake')).toBe('the direct debit was taken twice on Tuesday 1 December.');
  });
  it('a participle after "not" is the verb; the first one qualifies the noun', () => {
    expect(prose('your jacket ordered with next-day delivery not dispatched, sat in the packing area for 4 days', 'mistake')).toBe("your jacket ordered with next-day delivery wasn't dispatched, and it sat in the packing area for 4 days.");
  });
  it('a gerund is what is (or was) going on', () => {
    expect(prose('correct cartons coming on a dedicated truck', 'outcome')).toBe('the correct cartons are coming on a dedicated truck.');
    expect(prose('booking confirmations going to spam because of a DNS change on 20 nov', 'cause')).toBe('booking confirmations were going to spam because of a DNS change on Friday 20 November.');
    expect(prose('certificate renewal job failing silently since oct', 'cause')).toBe('the certificate renewal job had been failing silently since October.');
    expect(prose('our booking system being replaced in jan', 'commitment')).toBe('our booking system is being replaced in January.');
    expect(prose('new frame being made this week, fitted by fri 11 dec', 'outcome')).toBe('a new frame is being made this week, fitted by Friday 11 December.');
  });
  it('an event and its date: "is on", "is in the week commencing"', () => {
    expect(prose('new passport appointment sun 29 nov 10:30, Peterborough office', 'outcome')).toMatch(/^your new passport appointment is on Sunday 29 November/u);
    expect(prose('new delivery w/c 11 jan 2027', 'outcome')).toBe('your new delivery is in the week commencing Monday 11 January 2027.');
    // "commencing" after "week" names the week: never read as the note's verb ("…in the week is commencing…").
    for (const w of ['commencing', 'beginning', 'starting']) expect(prose(`new delivery in the week ${w} 11 January 2027`, 'outcome')).not.toMatch(/week (?:is|are|was|were) /);
    expect(prose('training for all drivers booked for w/c 7 dec', 'commitment')).toBe('training for all drivers is booked for the week commencing Monday 7 December.');
  });
  it('a state whose "is" the note dropped', () => {
    expect(prose('meal kit swap credited, veggie box on the way for thursday', 'outcome')).toBe('the meal kit swap has been credited, and the veggie box is on the way for Thursday.');
  });
  it('a bare noun before a verb no list knows gets its word', () => {
    expect(prose('driver collects the wrong ones on the same visit', 'outcome')).toBe('our driver collects the wrong ones on the same visit.');
    expect(prose('runbook assumed automatic failover', 'cause')).toBe('the runbook assumed automatic failover.');
  });
});

describe('comma pieces the tagger reads', () => {
  it('a clause after a clause is joined with "and"; a dropped subject is "it" or "they"', () => {
    expect(prose('refund of £64.50 processed today, should show in 3-5 working days', 'outcome')).toBe('the refund of £64.50 has been processed today, and it should show in 3 to 5 working days.');
    expect(prose('correct cartons coming on a dedicated truck, arriving fri 27 nov by 10:00, driver collects the wrong ones on the same visit', 'outcome')).toBe(
      'the correct cartons are coming on a dedicated truck, arriving Friday 27 November by 10:00, and our driver collects the wrong ones on the same visit.',
    );
  });
  it('"arriving by Friday" after what was sent is the order\'s, never "We\'re arriving"', () => {
    expect(prose('all coats found + dispatched weds 25th, arriving by fri 27 nov with DPD', 'outcome')).not.toMatch(/we're arriving/iu);
  });
});

describe('unsure readings stay as typed', () => {
  it('an object-like word after the participle, a later verb, a bare weekday, a deadline with no day, a person of ours; a sure one next to them is read', () => {
    expect(prose('wine sent separately, parcel collected from you thu', 'outcome')).toBe('the wine has been sent separately, parcel collected from you on Thursday.');
    for (const [t, r] of [
      ['replacement jacket sent next day delivery', 'outcome'],
      ['glaze firing on tuesday night cracked most of the pieces', 'mistake'],
      ['parcel collected from you thu', 'outcome'],
      ['all refunds done by 5pm', 'outcome'],
      ['engineer never called', 'mistake'],
    ] as const) expect(prose(t, r), t).not.toMatch(/(?<![\p{L}])(?:is|are|was|were|been|be)(?![\p{L}])/u);
  });
});

describe('when, as the letters say it', () => {
  it('a participle typed before the day is dropped (the mistake says what was done); anything else as typed', async () => {
    const { whenNote } = await import('../../src/text/notes.js');
    expect(whenNote('delivered Tuesday 24 November')).toBe('Tuesday 24 November');
    expect(whenNote('collected on Friday 27 November, 10am')).toBe('Friday 27 November, 10am');
    expect(whenNote('orders packed Tuesday 24 November')).toBe('orders packed Tuesday 24 November');
    expect(whenNote('Tuesday 24 November, 8am-1pm slot')).toBe('Tuesday 24 November, 8am-1pm slot');
    expect(whenNote('sent on Monday')).toBe('Monday');
  });
});

describe('tense across a note\'s pieces', () => {
  it('"within 5 days" is still to come; "after every move" is what now happens; a second participle after a noun is the verb, so no passive is made of the first', () => {
    expect(prose('gate refund approved, £45 back on your card within 5 days', 'outcome')).toMatch(/£45 will be back on your card within 5 days\.$/u);
    expect(prose('all restores tested monthly, backups checked after every move', 'commitment')).toMatch(/Backups are checked after every move\.$/u);
    expect(prose('letter sent to the wrong address collected back unopened on 25 nov', 'exposure')).not.toMatch(/was sent/u);
  });
});

describe('a cause that opens with a label', () => {
  it('"human error, the wrong file was attached" says the label as one ("human error: …"), so the letter explains with what happened', () => {
    expect(prose('human error, wrong file attached. the invoice run had no second check', 'cause')).toBe('human error: the wrong file was attached. The invoice run had no second check.');
    expect(prose('human error', 'cause')).toBe('human error.');
  });
});

describe('a bare noun before "gets"/"needs" and a participle', () => {
  it('the tagger tells the verb from a plural noun: "machine gets recalibrated" has its word; "address checks added" stays as typed', () => {
    expect(prose('machine gets recalibrated after every cartridge change', 'commitment')).toBe('the machine gets recalibrated after every cartridge change.');
    expect(prose('address checks added at checkout', 'commitment')).toBe('address checks added at checkout.');
  });
});

describe('an initialism is one thing', () => {
  it('"WMS down" is "was down"; "POS terminals" are many', () => {
    expect(prose('Acme WMS down all morning', 'mistake')).toBe('Acme WMS was down all morning.');
    expect(prose('our POS terminals down all morning', 'mistake')).toBe('our POS terminals were down all morning.');
  });
});

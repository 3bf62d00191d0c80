import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { localizeIncident } from '../../src/incident/localize.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { normaliseEnglish } from '../../src/text/english.js';
import { noteToProse, type NoteRole } from '../../src/text/notes.js';
import { plusItems, statusSentence, statusTag } from '../../src/text/note-shape.js';

/**
 * notes14: the classes readers named in letters for hurried notes (text/note-shape.ts), each with phrasings beyond the
 * twelve incidents of tests/fixtures/incidents/notes14: (a) a bare noun phrase subject takes its word ("our" for ours,
 * "your" for the reader's thing, "the" otherwise); (b) a cause that is a clause is said as one; (c) a status tag is
 * taken off the change; (d) "+", "&", "plus" between items; (e) a noun phrase and its state, with its verb dropped;
 * (f) a comma before a new subject of its own.
 */
const now = new Date('2026-12-02T09:00:00Z');
const prose = (text: string, role: NoteRole, status?: 'done' | 'in-progress' | 'planned') =>
  noteToProse(normaliseEnglish(text, { ref: now, now, past: role !== 'commitment' && role !== 'outcome' }), role, { now, status });

const base: IncidentInput = {
  company: { name: 'Fernhill Services', phone: '0161 496 0999' },
  signer: { name: 'Ruth Adair', title: 'Owner' },
  scenario: 'generic',
  severity: 'moderate',
  mistake: 'we sent your order late',
  affected: 20,
  rootCause: 'our courier booking was made for the wrong day',
  commitment: 'a second person now checks every courier booking',
  remedy: { kind: 'none' },
};
const field = (over: Partial<IncidentInput>, key: 'mistake' | 'rootCause' | 'commitment' | 'outcome') =>
  (localizeIncident(validateIncident({ ...base, ...over }, { requireFrom: false }), 'en', now) as unknown as Record<string, string>)[key]!;
const library = new TemplateLibrary();
const letter = (over: Partial<IncidentInput>) =>
  createComposer(validateIncident({ ...base, ...over }, { requireFrom: false }), library, { now, stage: 'apology' })(recipientFromMailbox('ann@example.com', 'Ann Lee', {})).text;

describe('(a) a bare noun phrase subject takes its word', () => {
  it('ours: our people, places and systems', () => {
    expect(prose('carer missed 3 evening visits', 'mistake')).toBe('our carer missed 3 evening visits.');
    expect(prose('groomer cancelled two dogs without telling anyone', 'mistake')).toMatch(/^our groomer cancelled/u);
    expect(prose('rota system dropped the visits after a staff swap', 'cause')).toBe('our rota system dropped the visits after a staff swap.');
    expect(prose('coordinator calls each family the evening a rota changes', 'commitment')).toMatch(/^our coordinator calls each family/u);
    expect(prose('van broke down outside Leeds', 'cause')).toBe('our van broke down outside Leeds.');
    expect(prose('booking app crashed twice on sunday', 'mistake')).toMatch(/^our booking app crashed twice/u);
    expect(prose('payment provider retried after a timeout', 'cause')).toMatch(/provider retried after a timeout\.$/u);
  });
  it("the reader's things in what happened to them", () => {
    expect(prose('december beer box charged twice on 1 dec', 'mistake')).toMatch(/^your December beer box was charged twice/iu);
    expect(prose('dining tables 3 wks late', 'mistake')).toMatch(/^your dining tables were 3 weeks late\.$/u);
    expect(prose('repeat prescription bagged with the wrong strength', 'mistake')).toMatch(/^(?:the|your) repeat prescription was bagged/u);
  });
  it('"the" for a single thing nobody owns; plurals, mass nouns, names and pronouns as typed', () => {
    expect(prose('card reader firmware update failed overnight', 'cause')).toBe('the card reader firmware update failed overnight.');
    expect(prose('reminder texts now go out 48h before', 'commitment')).toBe('reminder texts now go out 48 hours before.');
    expect(prose('new hires shadow a senior for 2 wks', 'commitment')).toBe('new hires shadow a senior for 2 weeks.');
    expect(prose('Rachel now checks the rota', 'commitment')).toBe('Rachel now checks the rota.');
    expect(prose("we've posted it today, receipt will follow", 'outcome')).toMatch(/^we've posted it today\. The receipt will follow\.$/u);
    expect(prose('decaf and regular mixed up at packing', 'mistake')).not.toMatch(/^the decaf/u);
  });
  it('a place or paper of ours after a preposition, an event with "the", "by 2nd person"', () => {
    expect(prose('size field now required on booking form', 'commitment')).toMatch(/required on our booking form\.$/u);
    expect(prose('payment date field reset during migration to new billing platform', 'cause')).toMatch(/during the migration to our new billing platform\.$/u);
    expect(prose('orders checked by 2nd person before dispatch', 'commitment')).toMatch(/by a second person before dispatch/u);
    expect(prose('t-shirts were wrong size', 'mistake')).toMatch(/were the wrong size/u);
  });
  it('never twice, and a second run changes nothing', () => {
    for (const [t, r] of [['carer missed 3 evening visits', 'mistake'], ['van broke down on the m60 and office never rang', 'cause'], ['booking app down sat morning ~2 hrs', 'mistake']] as const) {
      const once = prose(t, r);
      expect(once).not.toMatch(/(?<![\p{L}])(?:the|our|your) (?:the|our|your)(?![\p{L}])/iu);
      expect(noteToProse(once, r, { now })).toBe(once);
    }
  });
});

describe('(b) a cause that is a clause is said as a clause', () => {
  it('"It happened because …" or a sentence of its own, never "The cause was <clause>"', () => {
    for (const [rootCause, said] of [
      ['billing system re-ran the monthly invoice job after a timeout', /our billing system re-ran the monthly invoice job after a timeout\./iu],
      ['proof approved on v2 but v1 file went to press', /the proof was approved on v2 but the v1 file went to press\./iu],
      ['timber supplier short on seasoned oak', /our timber supplier was short on seasoned oak\./iu],
      ['van broke down on the m60 + office never rang you', /our van broke down on the M60, and our office never rang you\./iu],
      ['rota system dropped the visits after a staff swap', /our rota system dropped the visits/iu],
    ] as const) {
      for (const id of ['a1', 'b2', 'c3', 'd4']) {
        const t = letter({ id, rootCause });
        expect(t, t).toMatch(said);
        expect(t).not.toMatch(/The cause was (?:the |our )?(?:billing system|proof|timber|van|rota)/u);
      }
    }
  });
  it('a noun cause keeps "The cause was …"', () => {
    expect(letter({ rootCause: 'a hosting provider outage' })).toMatch(/The cause was a hosting provider outage\./u);
  });
});

describe('(c) a status tag is taken off the change', () => {
  it('every tag a manager types, after a comma, a dash, in brackets, or bare for the short ones', () => {
    for (const typed of ['invoice job now refuses to run twice for the same period, done and tested', 'invoice job now refuses to run twice for the same period, done + tested', 'invoice job now refuses to run twice for the same period (done)', 'invoice job now refuses to run twice for the same period - live', 'invoice job now refuses to run twice for the same period wip', 'invoice job now refuses to run twice for the same period, tbc', 'invoice job now refuses to run twice for the same period, in progress', 'invoice job now refuses to run twice for the same period, live since mon']) {
      const { text, tag } = statusTag(typed);
      expect(text, typed).toBe('invoice job now refuses to run twice for the same period');
      expect(tag, typed).toBeDefined();
    }
    // a "done" that is the change's own verb stays
    expect(statusTag('training done').text).toBe('training done');
    expect(statusTag('the new app is live').text).toBe('the new app is live');
  });
  it('what a tag says that the tense does not is one sentence of its own', () => {
    expect(statusSentence({ kind: 'tested' }, 'done')).toBe("We've tested it.");
    expect(statusSentence({ kind: 'live', since: 'Monday' }, 'done')).toBe('It has been in place since Monday.');
    expect(statusSentence({ kind: 'under-way' }, 'in-progress')).toBe('');
    expect(statusSentence({ kind: 'to-come' }, 'planned')).toBe('');
  });
  it('in the letter: no tag glued on, whatever the status', () => {
    for (const [commitment, status] of [
      ['invoice job now refuses to run twice for the same billing period, done and tested', 'done'],
      ['one diary for online and phone bookings, live', 'done'],
      ['reminder texts go out 48h before each visit, wip', 'in-progress'],
      ['second courier booked for every sale, tbc', 'planned'],
    ] as const) {
      const c = field({ commitment, commitmentStatus: status, commitmentDue: status === 'done' ? undefined : '2026-12-18' }, 'commitment');
      expect(c, commitment).not.toMatch(/(?:,|\s)(?:done|tested|live|wip|tbc)\.?$/u);
      expect(letter({ commitment, commitmentStatus: status, commitmentDue: status === 'done' ? undefined : '2026-12-18' })).not.toMatch(/, (?:done|live|wip|tbc)(?: and tested)?\./u);
    }
  });
});

describe('(d) "+", "&" and "plus" between items', () => {
  it('two clauses in a cause or a mistake: one sentence with ", and"', () => {
    expect(plusItems('van broke down on the m60 + office never rang you', 'cause')).toBe('van broke down on the m60, and office never rang you');
    expect(plusItems('stock sheet not updated after delivery & nobody double-checked', 'cause')).toMatch(/, and nobody double-checked$/u);
  });
  it('in a change: clauses are two sentences, a thing after a clause is a thing we add, a participle shares the subject', () => {
    expect(plusItems('migrations only outside filing weeks + rollback plan tested before each one', 'commitment')).toBe('migrations only outside filing weeks. rollback plan tested before each one');
    expect(prose(plusItems('strength checked by a 2nd person at handout + barcode scan on every bag', 'commitment'), 'commitment', 'done')).toBe('the strength is now checked by a second person at handout. We\'ve added a barcode scan on every bag.');
    expect(plusItems('file version checked against the proof & signed off by 2nd person', 'commitment')).toBe('file version checked against the proof and signed off by 2nd person');
  });
  it('things with no verb: what we add, each with its article, in the change\'s tense', () => {
    expect(field({ commitment: 'status page & sms alert when the app is down' }, 'commitment')).toBe("we've added a status page and an SMS alert for when the app is down.");
    expect(field({ commitment: 'weekly order status email + buffer stock of oak', commitmentStatus: 'planned', commitmentDue: '2027-01-15' }, 'commitment')).toBe("we'll add a weekly order status email and buffer stock of oak.");
    expect(field({ commitment: 'spare router plus a backup line', commitmentStatus: 'in-progress', commitmentDue: '2026-12-18' }, 'commitment')).toMatch(/^we're adding a spare router and a backup line\.$/u);
  });
  it('never in a name or a sum', () => {
    expect(plusItems('Smith & Sons called us', 'cause')).toBe('Smith & Sons called us');
    expect(plusItems('C++ build failed', 'cause')).toBe('C++ build failed');
    expect(plusItems('<b>bold</b> & more', 'mistake')).toBe('<b>bold</b> & more');
  });
});

describe('(e) a noun phrase and its state, with the verb dropped', () => {
  it('"was"/"were" in what happened, with "on" before a day and "for" before how long', () => {
    expect(prose('booking app down sat morning ~2 hrs', 'mistake')).toBe('our booking app was down on Saturday morning for about 2 hours.');
    expect(prose('parents email addresses visible in cc on the autumn newsletter', 'mistake')).toBe("parents' email addresses were visible in cc on the autumn newsletter.");
    expect(prose('timber supplier short on seasoned oak', 'cause')).toBe('our timber supplier was short on seasoned oak.');
    expect(prose('portal down approx 3hrs, users locked out', 'mistake')).toBe('our portal was down for about 3 hours. Users were locked out.');
  });
  it('where they stand now: "is", or "will be" with them', () => {
    expect(field({ outcome: 'new fitting slot thurs 10 dec 8-10am' }, 'outcome')).toMatch(/^your new fitting slot is on Thursday 10 December/u);
    expect(field({ outcome: 'reprint with you wed 9 dec' }, 'outcome')).toBe('your reprint will be with you on Wednesday 9 December.');
    expect(field({ outcome: 'tables finished, delivery wk of 14 dec' }, 'outcome')).toMatch(/, and delivery is in the week of Monday 14 December\.$/u);
  });
  it('how long, with its "for"', () => {
    expect(prose('db migration locked tables 20 min', 'cause')).toBe('the database migration locked tables for 20 minutes.');
    expect(prose('card machines offline 3 hrs', 'mistake')).toMatch(/for 3 hours\.$/u);
    expect(prose('parcels held at the depot for 2 days', 'mistake')).not.toMatch(/for for/u);
  });
  it('a participle in the noun phrase is no state ("name spelt wrong")', () => {
    expect(prose('name spelt wrong on the booking', 'mistake')).not.toMatch(/spelt (?:was|were)/u);
  });
});

describe('(f) a comma before a new subject of its own is a full stop', () => {
  it('a noun phrase and its verb after a clause', () => {
    expect(prose('payment provider retried after a timeout, first charge had already gone thru', 'cause')).toMatch(/timeout\. The first charge had already gone through\.$/u);
    expect(prose('auto retries turned off, failed payments now get checked by a person first', 'commitment', 'done')).toBe('the automatic retries have been turned off. Failed payments now get checked by a person first.');
  });
  it('a list, a subordinate clause or a comma before "and" stays', () => {
    expect(prose('when the van broke down, drivers waited for an hour', 'cause')).not.toMatch(/down\. Drivers/u);
    expect(prose('our driver took the wrong turn, and parcels were late', 'cause')).toMatch(/, and parcels were late/u);
  });
});

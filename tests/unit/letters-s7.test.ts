import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';

/** Defect classes a blind reader named on a fresh set of incidents (session 7): said twice, stock lines. */
const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z');
const letter = (input: IncidentInput, variant = 0) => {
  const msg = createComposer(validateIncident({ ...input, id: `s7-${variant}` }), library, { now: NOW, stage: 'apology' })(recipientFromMailbox('ann@example.com', 'Ann Lee', {}));
  return `${msg.subject}\n\n${msg.text}`;
};
const count = (text: string, re: RegExp) => (text.match(new RegExp(re.source, 'gi')) ?? []).length;

const cheese: IncidentInput = {
  company: { name: 'The Curd & Rind', phone: '0117 496 0382' },
  signer: { name: 'Priya Raman', title: 'Shop Manager' },
  scenario: 'wrong-item',
  severity: 'minor',
  mistake: 'we sent the blue cheese box instead of the goats cheese selection',
  affected: 12,
  rootCause: 'two boxes had almost the same code',
  commitment: 'box codes are renamed so they look nothing alike',
  remedy: { kind: 'replacement', details: 'the right box sent free' },
};

describe('said once', () => {
  it('the outcome or offer already says to keep what we sent: the letter does not say it again', () => {
    const ways = [
      { remedy: { kind: 'replacement' as const, details: 'correct box sent free, please keep the blue one' } },
      { outcome: 'right box arrives Saturday, keep the wrong one' },
      { remedy: { kind: 'replacement' as const, details: 'a new box sent free; no need to return the other' } },
      { outcome: 'the correct box is on its way. Please keep what we sent, with our compliments' },
    ];
    for (const way of ways)
      for (let v = 0; v < 6; v++) {
        const t = letter({ ...cheese, ...way }, v);
        expect(count(t, /\b(?:keep|yours to keep|send (?:it|them) back|no need to return)\b/), t).toBe(1);
      }
  });
  it('with nothing said about it, the letter still tells the customer to keep it', () => {
    for (let v = 0; v < 6; v++) expect(letter(cheese, v)).toMatch(/keep/);
  });
});

describe('stock lines a reader called a template', () => {
  it('are gone from every scenario, audience and variant', () => {
    const scenarios = ['shipping-delay', 'wrong-item', 'billing-error', 'missed-appointment', 'service-outage', 'generic'] as const;
    for (const scenario of scenarios)
      for (const audience of ['consumer', 'business'] as const)
        for (let v = 0; v < 8; v++) {
          const t = letter({ ...cheese, scenario, audience }, v);
          expect(t).not.toMatch(/Your systems depend on ours|You shouldn't have to check that we packed|the fault here is ours|Root cause:|I owe you an apology, because/);
        }
  });
});

describe('the signer speaks for themself', () => {
  const suits: IncidentInput = {
    ...cheese,
    scenario: 'shipping-delay',
    severity: 'major',
    company: { name: 'Ashworth Formal Hire', phone: '0113 496 0721' },
    signer: { name: 'Oliver Ashworth', title: 'Director' },
    mistake: 'your hire suits did not arrive on Wednesday',
    remedy: { kind: 'refund', details: 'full hire fee refunded' },
  };
  it('a field naming the signer in the third person is said in the first person', () => {
    const ways: [string, RegExp][] = [
      ['try everything on tonight. anything doesnt fit ring Oliver direct on 07700 900412', /ring me directly on 07700 900412/],
      ['if anything is wrong call Oliver Ashworth on 07700 900412', /call me directly on 07700 900412/],
      ['Oliver will call you on Friday to check the fit', /I will call you on Friday/],
      ['reply here or email Oliver', /email me directly/],
    ];
    for (const [action, said] of ways)
      for (let v = 0; v < 4; v++) {
        const t = letter({ ...suits, action }, v);
        expect(t).toMatch(said);
        expect(t.split('\n').slice(0, -3).join('\n')).not.toMatch(/\bOliver\b/);
      }
  });
  it('a team as the signer, or someone else named, is left as typed', () => {
    expect(letter({ ...suits, signer: { name: 'The Ashworth Team' }, action: 'ring Oliver on 07700 900412' })).toMatch(/ring Oliver on 07700 900412/i);
    expect(letter({ ...suits, action: 'ring Sam, our fitter, on 07700 900412' })).toMatch(/Sam, our fitter/);
  });
});

describe('the mistake told to this reader, not the batch', () => {
  it('a sentence about others in the batch is left out; a thing typed in the plural is the reader\'s own', async () => {
    const { toReader } = await import('../../src/text/english.js');
    expect(toReader("wedding suit parcels due Wednesday didn't arrive. Several of these are for weddings this Saturday.")).toBe("wedding suit parcels due Wednesday didn't arrive.");
    expect(toReader('the wrong boxes went out. Some of our customers had two. We are sorry.')).toBe('the wrong boxes went out. We are sorry.');
    expect(toReader('Most of them arrived late.')).toBe('Most of them arrived late.');
    expect(toReader('late fees were charged on bikes that were returned on time')).toBe('late fees were charged on your bike, even though it was returned on time');
    expect(toReader('a fee was added to scooters which had been docked correctly')).toBe('a fee was added to your scooter, even though it had been docked correctly');
    expect(toReader('we sent the wrong size to customers who ordered a medium')).toBe('we sent the wrong size to customers who ordered a medium');
    expect(toReader('reminders went to patients that were already booked')).toBe('reminders went to patients that were already booked');
  });
});

describe('a commitment typed as a verdict first', () => {
  it('"Fixed. …" never follows a frame ("To stop it happening again, Fixed.")', () => {
    for (const commitment of ['Fixed. plugin checks before resending now, tested with 50 bookings', 'fixed now. the plugin checks before it resends', 'Sorted! the plugin checks before resending', 'Done. Every booking is checked before a resend'])
      for (let v = 0; v < 6; v++) {
        const t = letter({ ...cheese, scenario: 'generic', commitment }, v);
        expect(t).not.toMatch(/, (?:Fixed|fixed|Sorted|sorted|Done|done)[.!]/);
        expect(t).not.toMatch(/^(?:Fixed|Sorted|Done)[.!]/m);
        expect(t).toMatch(/plugin checks|Every booking is checked|every booking is checked/i);
      }
  });
});

describe('"same day" as a time, not as an adjective', () => {
  it('"the" is added only where "same day" says when', async () => {
    const { noteToProse } = await import('../../src/text/notes.js');
    const now = new Date('2026-11-26T09:00:00Z');
    const out = (v: string) => noteToProse(v, 'outcome', { now });
    expect(out('your suits are on a same day courier, arriving by 6pm today')).toMatch(/on a same day courier/);
    expect(out('your suits are on a same day courier, arriving by 6pm today')).not.toMatch(/a the same/);
    expect(out('refund processed same day')).toMatch(/the same day/);
    expect(out('we offer same day delivery from now on')).not.toMatch(/the same day delivery/);
    expect(noteToProse('rolled back the, same day', 'cause', { now })).not.toMatch(/the,? the same/);
  });
});

describe('shorthand a reader stumbled on', () => {
  it('"vs" and "if were …ing"', async () => {
    const { normaliseEnglish } = await import('../../src/text/english.js');
    const now = new Date('2026-11-26T09:00:00Z');
    const n = (v: string) => normaliseEnglish(v, { now, ref: now } as never);
    expect(n('finance checks every overage total vs previous quarter')).toBe('finance checks every overage total against previous quarter');
    expect(n('customers get a text if were running late')).toBe("customers get a text if we're running late");
    expect(n('we text you when were leaving the depot')).toBe("we text you when we're leaving the depot");
    expect(n('if were is a typo we leave it')).toBe('if were is a typo we leave it');
    expect(n('no schema changes thursday to saturday, tested by a 2nd person')).toBe('no schema changes Thursday to Saturday, tested by a second person');
    expect(n('every order now gets a 2nd check; new date 2nd December')).toBe('every order now gets a second check; new date Wednesday 2 December');
    expect(n('we may march on; email ops@friday.example')).toBe('we may march on; email ops@friday.example');
    expect(n('C++ and 2 + 2')).toBe('C++ and 2 + 2');
  });
});

describe('a note with its subject left off, where the subject can only be us', () => {
  it('mistakes and causes typed from the negated verb get "We"; a change typed as what we are doing gets "We\'re"', async () => {
    const { subjectFirst } = await import('../../src/text/subjectless.js');
    expect(subjectFirst("Didn't turn up for the booked sweep, and nobody rang", 'mistake')).toBe("We didn't turn up for the booked sweep, and nobody rang");
    expect(subjectFirst('forgot to book the courier', 'cause')).toBe('We forgot to book the courier');
    expect(subjectFirst('never sent the confirmation emails', 'mistake')).toBe('We never sent the confirmation emails');
    expect(subjectFirst('failed to check the stock', 'cause')).toBe('We failed to check the stock');
    expect(subjectFirst('moving the diary onto an online system', 'commitment')).toBe("We're moving the diary onto an online system");
    expect(subjectFirst('adding a second check before dispatch', 'commitment')).toBe("We're adding a second check before dispatch");
    // not ours to complete: a passive, a noun, a subject already there
    expect(subjectFirst('sent to the wrong address', 'mistake')).toBe('sent to the wrong address');
    expect(subjectFirst('training for all drivers booked', 'commitment')).toBe('training for all drivers booked');
    expect(subjectFirst('the courier never came', 'mistake')).toBe('the courier never came');
    expect(subjectFirst('neverending queue', 'mistake')).toBe('neverending queue');
  });
  it('in the letter, at every variant', () => {
    for (let v = 0; v < 6; v++) {
      const t = letter({ ...cheese, scenario: 'missed-appointment', mistake: "didn't turn up for your booked sweep on Tuesday, and nobody rang to say", commitment: 'moving the diary onto an online booking system', commitmentStatus: 'in-progress' }, v);
      expect(t).toMatch(/We didn't turn up|we didn't turn up/);
      expect(t).not.toMatch(/(?:^|[.!?]\s+)Didn't turn up/m);
      expect(t).toMatch(/we're moving the diary|We're moving the diary/);
    }
  });
});

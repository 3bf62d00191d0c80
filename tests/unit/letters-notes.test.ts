import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { jokeMisfires, latestDate, subjectFacts, whenLead, withPhone } from '../../src/compose/context.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { toReader } from '../../src/text/english.js';

/**
 * The English letters with every field typed as a manager's note (made-up incidents, not the
 * development set's words): what a customer reads is sentences, the news is in the subject, and
 * nothing is said twice.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z');
const ann = () => recipientFromMailbox('ann@example.com', 'Ann Lee', {});
function letter(input: IncidentInput, id = 'notes-1'): string {
  const msg = createComposer(validateIncident({ ...input, id }), library, { now: NOW, stage: 'apology' })(ann());
  return `${msg.subject}\n\n${msg.text}`;
}
const each = (input: IncidentInput) => Array.from({ length: 12 }, (_, n) => letter(input, `notes-${n}`));

const glazier: IncidentInput = {
  company: { name: 'Clearview Glazing', from: 'Clearview <jobs@clearview.example>', phone: '0161 496 0000', email: 'jobs@clearview.example' },
  signer: { name: 'Omar Khan', title: 'Operations Lead' },
  scenario: 'missed-appointment',
  severity: 'moderate',
  summary: 'the missed window fitting',
  mistake: 'fitter didnt turn up for your window fitting on tues, no call to warn you',
  affected: 6,
  rootCause: 'fitter off sick and his jobs werent moved to anyone else',
  commitment: 'absences now move jobs automatically + the office rings every customer by 8am if a job cant be covered',
  outcome: 'rebooked for weds 2 dec, 9-11am, our lead fitter',
  action: "if weds doesnt suit call us and we'll find another day this week",
  remedy: { kind: 'waived-fee', details: 'the £40 call-out fee waived' },
  followUp: { after: '7d' },
};

describe('a missed visit typed as notes', () => {
  it('reads as sentences, in our voice, with the new date in the subject', () => {
    for (const l of each(glazier)) {
      // (letters-fit8: a subject over ~70 characters keeps the thing and the news, not the apology words)
      expect(l).toMatch(/^The missed window fitting: (?:I'm sorry, and your new .*|the new one) is on Wednesday 2 December/);
      expect(l).toContain("Our fitter didn't turn up for your window fitting on Tuesday, and there was no call to warn you.");
      expect(l).toContain("We've rebooked you for Wednesday 2 December, between 9am and 11am, with our lead fitter.");
      expect(l).toMatch(/our fitter was off sick and his jobs weren't moved to anyone else/i);
      expect(l).not.toMatch(/\bweds\b|\btues\b|\+ the office/);
      // the rearranging line once, with the number there
      expect(l.match(/doesn't suit/g)?.length, l).toBe(1);
      expect(l).toContain("If Wednesday doesn't suit, call us on 0161 496 0000 and we'll find another day this week.");
      // no joke about turning up to someone who waited in
      expect(l).not.toMatch(/Turning up is meant to be/);
    }
  });
});

describe('the subject carries the news', () => {
  it('a late order: the new arrival date (the latest the outcome names)', () => {
    const l = letter({ ...glazier, scenario: 'shipping-delay', summary: 'the late rug', mistake: 'your rug didnt leave us on monday', outcome: 'your rug goes out today, thurs 26 nov, with you sat 28 nov', action: undefined });
    expect(l.split('\n')[0]).toBe("Your rug: now arriving by Saturday 28 November, and I'm sorry");
    expect(l).toContain('Your rug goes out today, Thursday 26 November.');
  });
  it('a wrong charge already refunded', () => {
    const l = letter({ ...glazier, scenario: 'billing-error', summary: 'the double booking fee', mistake: 'we charged the booking fee twice', outcome: 'the second fee was refunded to your card on tuesday 24 nov', remedy: { kind: 'refund', details: 'the £15 back in full' }, action: undefined });
    expect(l.split('\n')[0]).toBe("The double booking fee has been refunded, and I'm sorry");
  });
  it('otherwise, what we are sorry about, from the summary', () => {
    expect(subjectFacts('the scratched table top', undefined).subjectThing).toBe('your scratched table top');
    expect(subjectFacts('the booking system outage', undefined).subjectThing).toBe('our booking system outage');
    expect(subjectFacts('the marks on your coat', undefined).subjectThing).toBe('the marks on your coat');
    expect(subjectFacts('we sent the wrong size', undefined).subjectThing).toBe('');
  });
});

describe('what the context tells the templates', () => {
  it('the latest day an outcome names', () => {
    expect(latestDate('ships today, Thursday 26 November, with you on Saturday 28 November', NOW)).toBe('Saturday 28 November');
    expect(latestDate('nothing dated', NOW)).toBe('');
  });
  it('the part of "when" that opens a sentence', () => {
    expect(whenLead('Wednesday 25 November, collections dated 25 Nov')).toBe('Wednesday 25 November');
    expect(whenLead('Wednesday 25 November, 18:40–20:15 GMT')).toBe('Wednesday 25 November, 18:40–20:15 GMT');
  });
  it('"call us" with the number', () => {
    expect(withPhone('or call us 24/7', '0800 000 000')).toBe('or call us 24/7 on 0800 000 000');
    expect(withPhone('call us on 0800 000 000', '0800 000 000')).toBe('call us on 0800 000 000');
    expect(withPhone('reply to this email', '0800 000 000')).toBe('reply to this email');
  });
  it('no joke near health or after a missed visit someone waited in for', () => {
    expect(jokeMisfires('missed-appointment', 'moderate', 'our fitter did not come')).toBe(true);
    expect(jokeMisfires('missed-appointment', 'minor', 'our fitter did not come')).toBe(false);
    expect(jokeMisfires('shipping-delay', 'minor', "your dog's medication was late")).toBe(true);
    expect(jokeMisfires('shipping-delay', 'minor', 'your rug was late')).toBe(false);
  });
});

describe('a mistake told about a batch, told to the reader', () => {
  it('"to accounts that had paid" and "on returns where"', () => {
    expect(toReader('a £5 fee was added to accounts that had paid on time')).toBe('a £5 fee was added to your account, even though you had paid on time');
    expect(toReader('we charged a cleaning fee on rentals where the van came back clean')).toBe('we charged a cleaning fee on your rental, even though the van came back clean');
  });
});

describe('an offer and a reply typed as notes', () => {
  it('"X waived plus a Y", "no charge for X", "just send us the receipts"', () => {
    const a = letter({ ...glazier, scenario: 'shipping-delay', action: undefined, remedy: { kind: 'credit', details: "this week's delivery charge waived plus a 10% credit on your next order" } });
    expect(a).toContain("We've waived this week's delivery charge, and you'll also get a 10% credit on your next order.");
    const b = letter({ ...glazier, action: undefined, remedy: { kind: 'waived-fee', details: 'no charge for the fitting or any follow-up visit' } });
    expect(b).toContain("There's no charge for the fitting or any follow-up visit.");
    const c = letter({ ...glazier, scenario: 'generic', action: undefined, remedy: { kind: 'refund', details: 'the full cost refunded, plus we pay the taxi, just send us the receipts' } });
    expect(c).toMatch(/plus we pay the taxi\. Just send us the receipts\./);
  });
});

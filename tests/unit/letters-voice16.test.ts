import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { subjectFacts } from '../../src/compose/context.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { groupAsYou, toReader } from '../../src/text/english.js';

/**
 * Classes of defect a blind reader named in set new13's letters (read after it was measured): a subject that makes the
 * mistake sound like the reader's ("your wrong yarn colour"), a subject day that contradicts the body ("now arriving on
 * Saturday" when the body says Friday or Saturday), a mistake told as a bulletin ("Members with a frozen membership were
 * charged"), a replacement said twice (the outcome sends it, the offer sends it again), stock cost lines that repeat a
 * delay, "Nothing to send back." as a fragment. Each tested on facts of its own.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-12-02T09:00:00Z'); // a Wednesday
const ann = () => recipientFromMailbox('ann@example.com', 'Ann Lee', {});
const rendered = (input: IncidentInput) => createComposer(validateIncident(input), library, { now: NOW, stage: 'apology' })(ann());
const letter = (input: IncidentInput) => rendered(input).text;
const subject = (input: IncidentInput) => rendered(input).subject;
const ids = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'];

const base: IncidentInput = {
  company: { name: 'Fennel & Finch Tea', phone: '01632 960222', email: 'hello@fennelfinch.example.com', from: 'Fennel & Finch <hello@fennelfinch.example.com>' },
  signer: { name: 'Rosa Quinn', title: 'Owner' },
  scenario: 'wrong-item',
  severity: 'minor',
  mistake: 'we sent you the smoked lapsang instead of the jasmine green you ordered',
  affected: 12,
  rootCause: 'the two tins have near-identical labels',
  commitment: 'the tins now carry a colour band per blend',
  commitmentStatus: 'done',
  remedy: { kind: 'replacement', details: 'the jasmine green sent first class at no cost, keep the lapsang with our compliments' },
  humour: 'off',
};

describe('the subject never makes the mistake the reader\'s', () => {
  it('a summary named by its fault keeps "the"', () => {
    expect(subjectFacts('the wrong tea blend', undefined).subjectThing).toBe('the wrong tea blend');
    expect(subjectFacts('the late advent calendars', undefined).subjectThing).toBe('the late advent calendars');
    expect(subjectFacts('the missed boiler repair', undefined).subjectThing).toBe('the missed boiler repair');
    expect(subjectFacts('wrong size jumper', undefined).subjectThing).toBe('the wrong size jumper');
    // (a thing of the reader's with no fault in its name is still theirs)
    expect(subjectFacts('the December tea box', undefined).subjectThing).toBe('your December tea box');
  });
  it('in a letter: "I\'m sorry about the wrong tea blend", never "your wrong tea blend"', () => {
    for (const id of ids) {
      const s = subject({ ...base, id, summary: 'the wrong tea blend', outcome: undefined });
      expect(s).not.toMatch(/your wrong/iu);
    }
  });
  it('a delay\'s news names the reader\'s thing without the lateness, and "by" a day when the outcome gives two', () => {
    const f = subjectFacts('the late advent calendars', undefined, 'posted today, should land Friday 4 December or Saturday 5 December', NOW);
    expect(f.subjectNewsThing).toBe('your advent calendars');
    expect(f.subjectBy).toBe(true);
    expect(subjectFacts('x', undefined, 'arriving Friday 4 December', NOW).subjectBy).toBe(false);
    const s = subject({ ...base, id: 'sd1', scenario: 'shipping-delay', summary: 'the late advent calendars', mistake: 'your advent calendars did not ship on Monday as promised', outcome: 'posted today, should land fri 4 dec or sat 5 dec', remedy: { kind: 'coupon', details: '£5 off your next order' } });
    expect(s).toMatch(/^Your advent calendars: now arriving by Saturday 5 December/u);
    expect(s).not.toMatch(/arriving on Saturday/u);
  });
});

describe('a mistake told as a bulletin is told to the reader', () => {
  it('a group with what marks it out: "As a member with …, you were …"', () => {
    expect(groupAsYou('Members with a frozen membership were charged the full fee on 1 December.')).toBe('As a member with a frozen membership, you were charged the full fee on 1 December.');
    expect(groupAsYou('customers on the annual plan couldn\'t log in for 3 hours')).toBe('as a customer on the annual plan, you couldn\'t log in for 3 hours');
    expect(groupAsYou('Members who were on a freeze were charged.')).toBe('As a member who was on a freeze, you were charged.');
    expect(groupAsYou('Everyone with a Saturday slot was moved.')).toBe('As someone with a Saturday slot, you were moved.');
    expect(groupAsYou('Attendees at the Friday dinner were served the wrong menu.')).toBe('As an attendee at the Friday dinner, you were served the wrong menu.');
  });
  it('a bare group: "You were …"', () => {
    expect(toReader('Some customers were charged twice for November.')).toBe('You were charged twice for November.');
    expect(toReader('People were left waiting at the door.')).toBe('You were left waiting at the door.');
  });
  it('what is not a group as subject is left as typed', () => {
    expect(groupAsYou('we sent the wrong size to customers who ordered a medium')).toBe('we sent the wrong size to customers who ordered a medium');
    expect(groupAsYou('Membership fees were taken twice.')).toBe('Membership fees were taken twice.');
  });
  it('in a letter', () => {
    const t = letter({ ...base, id: 'b1', scenario: 'billing-error', mistake: 'members w/ a frozen membership were charged the full monthly fee (£42) on 1 dec', remedy: { kind: 'refund', details: 'the £37 difference' } });
    expect(t).toMatch(/As a member with a frozen membership, you were charged the full monthly fee/u);
    expect(t).not.toMatch(/Members with a frozen membership were/u);
  });
});

describe('a replacement the outcome already sends is not offered again', () => {
  it('only what is new in the offer is said: it is on us, keep the other one', () => {
    for (const id of ids) {
      const t = letter({ ...base, id, outcome: 'the jasmine green went out today first class, should be w/ you tomorrow' });
      expect(t).toMatch(/The replacement is on us\. Keep the lapsang with our compliments\./u);
      expect(t).not.toMatch(/jasmine green sent first class/u);
    }
  });
  it('without an outcome that sends it, the offer is said whole', () => {
    expect(letter({ ...base, id: 'w2', outcome: undefined })).toMatch(/jasmine green sent first class/u);
  });
});

describe('no stock cost line beside a delay the mistake already says, nor for a minor slip of no kind', () => {
  const delay: IncidentInput = { ...base, scenario: 'shipping-delay', mistake: 'your tea subscription box didn\'t ship Monday like we said, about 3 days late', remedy: { kind: 'coupon', details: '£5 off your next box' } };
  it('a delay', () => {
    for (const id of ids) expect(letter({ ...delay, id })).not.toMatch(/counting on|We gave you a date|longer than we promised/u);
  });
  it('a wedding order late keeps its own line', () => {
    expect(letter({ ...delay, id: 'w', mistake: 'your wedding favours tea tins didn\'t ship Monday like we said, 3 days late', severity: 'major' })).toMatch(/one chance at that day/u);
  });
  it('a minor generic slip', () => {
    for (const id of ids) expect(letter({ ...base, id, scenario: 'generic', mistake: 'our newsletter gave the wrong opening time for the tasting' })).not.toMatch(/should have been simple|leave to us|You trusted us with this/u);
  });
});

it('"nothing to send back" is a sentence', () => {
  expect(letter({ ...base, id: 'n1', action: 'nothing to send back' })).toMatch(/There's nothing for you to send back\./u);
  expect(letter({ ...base, id: 'n2', action: 'no need to return the lapsang' })).toMatch(/There's no need to return the lapsang\./u);
});

describe('a change typed as a thing and a participle gets its verb', async () => {
  const { noteToProse } = await import('../../src/text/notes.js');
  const said = (t: string) => noteToProse(t, 'commitment', { now: NOW, status: 'done' });
  it('"now pasted", "Only … kept", "double checked"', () => {
    expect(said('Listings in the newsletter now pasted straight from the booking system')).toMatch(/^Listings in the newsletter are now pasted straight/u);
    expect(said('Only the signed-off proof kept in the live job folder.')).toBe('Only the signed-off proof is kept in the live job folder.');
    expect(said('all orders double checked before dispatch')).toMatch(/are now double-checked before dispatch/u);
  });
  it('an active present is left as typed', () => {
    expect(said('Database upgrades now run on a copy first.')).toBe('Database upgrades now run on a copy first.');
  });
});

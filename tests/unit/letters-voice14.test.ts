import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { withoutSaidDay } from '../../src/compose/context.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { offer } from '../../src/templates/helpers.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { signerAsMe } from '../../src/text/signer-voice.js';

/**
 * Classes of defect blind readers named in set new12's letters (stock lines that only repeat the mistake, a contact line
 * garbled by the signer's name, an action that contradicts "nothing to do", the same day said twice, a remedy of two
 * things under one verb, a possessive said five times), each tested on facts of its own.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-12-02T09:00:00Z'); // a Wednesday
const ann = () => recipientFromMailbox('ann@example.com', 'Ann Lee', {});
const letter = (input: IncidentInput) => createComposer(validateIncident(input), library, { now: NOW, stage: 'apology' })(ann()).text;
const ids = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'];

const base: IncidentInput = {
  company: { name: 'Copper Kettle Kitchenware', phone: '01632 960111', email: 'help@copperkettle.example.com', from: 'Copper Kettle <help@copperkettle.example.com>' },
  signer: { name: 'Nadia Brook', title: 'Customer Care Lead' },
  scenario: 'wrong-item',
  severity: 'moderate',
  mistake: 'we sent the 24cm frying pan instead of the 28cm one you ordered',
  affected: 3,
  rootCause: 'the two sizes share a shelf and were picked in a hurry',
  commitment: 'the sizes now sit on separate shelves',
  commitmentStatus: 'done',
  remedy: { kind: 'replacement', details: 'the 28cm pan, sent today by tracked courier' },
  humour: 'off',
};

describe('no stock line that only says the mistake again', () => {
  it('a wrong item "instead of" what was ordered gets no "you chose something specific" line', () => {
    for (const id of ids) expect(letter({ ...base, id })).not.toMatch(/one thing and opened another|chose something specific|picked it out for a reason/);
  });
  it('a wrong item that does not say what came instead still gets one', () => {
    const all = ids.map((id) => letter({ ...base, id, mistake: 'we sent you a frying pan with a chipped handle' })).join('\n');
    expect(all).toMatch(/chose something specific|picked it out for a reason/);
  });
  it('a delay that says "the day we said" is not followed by "arriving when we said"', () => {
    for (const id of ids) {
      const t = letter({ ...base, id, scenario: 'shipping-delay', mistake: "your pans didn't go out on the day we said", remedy: { kind: 'coupon', details: '10% off your next order, code PAN10' } });
      expect(t).not.toMatch(/arriving when we said|We gave you a date/);
    }
  });
  it('no "That\'s on us" and no "You were relying on … for this"', () => {
    for (const id of ids) {
      for (const scenario of ['generic', 'wrong-item'] as const) expect(letter({ ...base, id, scenario, mistake: 'we changed the gate code without telling members' })).not.toMatch(/That's on us|relying on/);
    }
  });
});

describe('what the customer must do', () => {
  it('"no action needed, pls disregard X" is one plain sentence, never "Here is what we need you to do" and "Otherwise, nothing"', () => {
    const t = letter({ ...base, scenario: 'billing-error', mistake: 'your December invoice (INV-1204) was raised twice', remedy: { kind: 'refund', details: 'the duplicate payment, back within 3 working days' }, action: 'no action needed, pls disregard the duplicate invoice INV-1204-D' });
    expect(t).toContain("You don't need to do anything; please disregard the duplicate invoice INV-1204-D.");
    expect(t).not.toMatch(/Here is what|need you to do|Otherwise, there's nothing/);
  });
  it('a conditional ask keeps "Otherwise, there\'s nothing you need to do."', () => {
    const t = letter({ ...base, scenario: 'billing-error', mistake: 'your December invoice was raised twice', remedy: { kind: 'refund', details: 'the duplicate payment, back within 3 working days' }, action: 'nothing you need to do. if your bank charged a fee, send us the statement' });
    expect(t).toMatch(/If your bank charged a fee, send us the statement\. Otherwise, there's nothing you need to do\./);
  });
  it('an action of several steps is said plainly, with no announcement before it', () => {
    for (const id of ids) {
      const t = letter({ ...base, id, action: 'send the 24cm pan back with the label in the box. then reply with the tracking number' });
      expect(t).not.toMatch(/Here is what|need you to do|something to do on your side/);
      expect(t).toMatch(/(?:Please s|S)end the 24cm pan back with the label in the box\. Then reply with the tracking number\./);
    }
  });
  it('an action that books the new visit ("ring reception to pick a priority slot") replaces the stock booking lines', () => {
    const visit: IncidentInput = { ...base, scenario: 'missed-appointment', mistake: 'your fitting on Monday did not happen and nobody rang you', rootCause: 'sickness cover was not arranged', remedy: { kind: 'waived-fee', details: 'the fitting fee (£95) waived in full and a priority appointment within the next 7 days' }, action: 'reply or ring reception to pick a priority slot' };
    for (const id of ids) {
      const t = letter({ ...visit, id });
      expect(t).not.toMatch(/To book a new|get a new .* booked|two or three times|a few times that work/);
      expect(t).toMatch(/Please reply or ring reception to pick a priority slot\./);
      expect(t).toContain("We've waived the fitting fee (£95) in full, and you'll also get a priority appointment within the next 7 days.");
    }
  });
});

describe('a remedy of two things, each with its verb', () => {
  it.each([
    ['waived-fee', 'the fitting fee (£95) waived in full and a priority appointment within the next 7 days', "We've waived the fitting fee (£95) in full, and you'll also get a priority appointment within the next 7 days."],
    ['waived-fee', 'the call-out fee waived, plus a loan heater until the part arrives', "We've waived the call-out fee, and you'll also get a loan heater until the part arrives."],
  ])('%s: %s', (kind, details, said) => {
    expect(offer(kind, details, '')).toBe(said);
  });
  it('one thing stays one', () => {
    expect(offer('refund', 'the £6 refunded to your card', '')).toBe("We've refunded £6 to your card.");
  });
});

describe('the day said once', () => {
  it.each([
    ['billing system re-ran the invoice job after a timeout on 1 Dec 02:00 UTC', '1 Dec 2026', 'billing system re-ran the invoice job after a timeout at 02:00 UTC'],
    ['the job ran twice on tues 1 dec at 2am', '1 December', 'the job ran twice at 2am'],
    ['the van failed its MOT on 30 nov', '30/11', 'the van failed its MOT on 30 nov'],
    ['the van failed its MOT on 30 nov', 'mon 30 nov', 'the van failed its MOT that day'],
    ['the van failed its MOT on 29 nov', 'mon 30 nov', 'the van failed its MOT on 29 nov'],
    ['the van failed its MOT', 'mon 30 nov', 'the van failed its MOT'],
  ])('%s (when: %s)', (cause, when, said) => {
    expect(withoutSaidDay(cause, when, NOW)).toBe(said);
  });
  it('in a letter, the cause does not repeat the day the opening gave', () => {
    const t = letter({ ...base, scenario: 'billing-error', when: '1 Dec 2026', mistake: 'your December invoice was raised twice', rootCause: 'a timeout on 1 Dec 02:00 UTC made the invoice job run again', remedy: { kind: 'refund', details: 'the duplicate payment, back within 3 working days' } });
    expect(t.match(/1 December/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(t).toMatch(/at 02:00 UTC/);
  });
});

describe('the signer named beside "me"', () => {
  it.each([
    ['ring me (Greer) directly on 01632 960 908', 'ring me directly on 01632 960 908'],
    ['call me directly Greer directly on 01632 960 908 if worried', 'call me directly on 01632 960 908 if worried'],
    ['call me, Greer, directly on 01632 960 908', 'call me directly on 01632 960 908'],
    ['call Greer directly on 01632 960 908', 'call me directly on 01632 960 908'],
    ['ask for Greer Hall at reception', 'ask for me directly at reception'],
  ])('%s', (typed, said) => {
    expect(signerAsMe(typed, 'Greer Hall')).toBe(said);
  });
});

describe('exposed data: the possessive said once', () => {
  it('"your child\'s name, email address, phone number and date of birth"', () => {
    const t = letter({
      ...base,
      scenario: 'data-exposure',
      severity: 'critical',
      people: { one: 'family', many: 'families' },
      mistake: 'we emailed the exam entries spreadsheet to all parents',
      rootCause: 'the wrong mailing list was picked',
      remedy: { kind: 'none' },
      exposure: { data: ['name', 'email', 'phone', 'date-of-birth'] },
    });
    expect(t).toContain("your child's name, email address, phone number and date of birth");
    expect(t).not.toMatch(/your child's email/);
  });
  it('different owners keep their own words', () => {
    const t = letter({ ...base, scenario: 'data-exposure', severity: 'major', mistake: 'a portal update showed other patients their notes', rootCause: 'an untested update', remedy: { kind: 'none' }, exposure: { data: ['health', 'postal-address'] } });
    expect(t).not.toMatch(/details of your health and postal address/);
  });
});

describe('more of the same classes (notes14 incidents read on the main build)', () => {
  const visit: IncidentInput = { ...base, scenario: 'missed-appointment', mistake: 'our fitter did not turn up on Tuesday morning', rootCause: 'the van broke down', remedy: { kind: 'waived-fee', details: 'the fitting fee, waived' } };
  it('an action that moves the new visit ("if Thursday doesn\'t work, reply with a better day") replaces the stock offer to move it', () => {
    for (const id of ids) {
      const t = letter({ ...visit, id, outcome: 'new fitting on Thursday 10 December, 8-10am', action: "if Thursday doesn't work, please reply with a better day" });
      expect(t).not.toMatch(/Should that time not work|we'll move it|If that time doesn't suit/);
      expect(t).toMatch(/If Thursday doesn't work, please reply with a better day\./);
    }
  });
  it('an action to "book online" replaces the stock booking lines', () => {
    for (const id of ids) expect(letter({ ...visit, id, action: 'call us or book online, any slot' })).not.toMatch(/To book a new|get a new .* booked|two or three times|a few times that work/);
  });
  it('an offer refunded "on request" is promised, not said as done', () => {
    expect(offer('refund', 'any bank charges from the early collection refunded on request', '')).toBe("We'll refund any bank charges from the early collection on request.");
    expect(offer('refund', 'the £6 refunded to your card', '')).toBe("We've refunded £6 to your card.");
  });
  it('a gift typed as a bare noun and "free" is the reader\'s own', () => {
    expect(offer('waived-fee', 'eye test free when you rebook', '')).toBe("To help make it right, you'll get your eye test free when you rebook.");
    expect(offer('coupon', 'two free guest passes', '')).toBe("To help make it right, you'll get two free guest passes.");
  });
  it('a wrong item typed as "the wrong strength" gets no line saying something else came; medicine gets its own line', () => {
    for (const id of ids) {
      const t = letter({ ...base, id, severity: 'major', mistake: 'your repeat prescription was bagged with the wrong strength (10mg not 5mg)', remedy: { kind: 'replacement', details: 'the correct 5mg tablets, delivered today' } });
      expect(t).not.toMatch(/picked it out for a reason|chose it with care|sent you something else/);
      expect(t).toMatch(/When it's your health, the details are what matter most/);
    }
    for (const id of ids) expect(letter({ ...base, id, mistake: 'we sent the wrong size' })).not.toMatch(/chose something specific|picked it out for a reason/);
  });
});

describe('a signer whose name is also a word', () => {
  it('"Will" signs: "we will add" stays, "call Will" is "call me directly"', () => {
    expect(signerAsMe('we will add a second check, and Will will call you', 'Will Harper')).toBe('we will add a second check, and I will call you');
    expect(signerAsMe('Call Will on 0161 496 0000', 'Will Harper')).toBe('Call me directly on 0161 496 0000');
    expect(signerAsMe('if anything is wrong, contact will', 'Will Harper')).toBe('if anything is wrong, contact will');
  });
});

describe('a signer typed in lower case in a note', () => {
  it('"ring greer directly" is the signer', () => {
    expect(signerAsMe('ring greer directly on 01632 960 908', 'Greer Hall')).toBe('ring me directly on 01632 960 908');
  });
});

describe('"+" between two verbs of one object', () => {
  it('"we\'ll email + text every member…" is one sentence', async () => {
    const { plusItems } = await import('../../src/text/note-shape.js');
    expect(plusItems("we'll email + text every plotholder at least 3 days before any code change", 'commitment')).toBe("we'll email and text every plotholder at least 3 days before any code change");
    expect(plusItems('call + email the customer the same day', 'commitment')).toBe('call and email the customer the same day');
  });
});

describe('the signer named with a title in their own letter (blind13)', () => {
  it('"call Dr Greer directly" is "call me directly"', () => {
    expect(signerAsMe('if worried call Dr Greer directly on 01632 960 908', 'Dr Alison Greer')).toBe('if worried call me directly on 01632 960 908');
    expect(signerAsMe('ask for Alison at reception', 'Dr Alison Greer')).toBe('ask for me directly at reception');
  });
  it('"nothing you must do. if you\'re worried … call …": the ask first, with its comma, then nothing else to do', () => {
    const t = letter({ ...base, scenario: 'billing-error', mistake: 'your December invoice was raised twice', remedy: { kind: 'refund', details: 'the duplicate payment, back within 3 working days' }, action: "nothing you must do. if you're worried call us on 01632 960111" });
    expect(t).toMatch(/If you're worried, call us on 01632 960111\. Otherwise, there's nothing you need to do\./);
  });
});

describe('found by the e2e tests at the session end', () => {
  // (a custom scenario named "constructor": tests/e2e/values.test.ts, which caught COST_REPEATS reading an inherited key)
  it('German: "jeder …" is a determiner, never "Ein jeder …"', async () => {
    const t = createComposer(validateIncident({ ...base, locale: 'de', scenario: 'shipping-delay', mistake: 'ihre teebestellung kommt zwei tage später als versprochen', rootCause: 'ein update am etikettendrucker hat die pakete ins falsche depot geschickt', commitment: 'jeder etikettenlauf wird jetzt von einer zweiten person geprüft', remedy: { kind: 'credit', details: 'eine gutschrift von 10 € auf ihr kundenkonto' } }), library, { now: NOW, stage: 'apology' })(ann()).text;
    expect(t).toMatch(/Jeder Etikettenlauf wird jetzt von einer zweiten Person geprüft\./);
    expect(t).not.toMatch(/Ein jeder/);
  });
});

describe('a cause whose verb has a particle before its object', () => {
  it('"a scheduling change in our warehouse system held back a batch of orders" is a clause, not "The cause was …"', async () => {
    const { causeIsNoun } = await import('../../src/text/notes.js');
    expect(causeIsNoun('a scheduling change in our warehouse system held back a batch of orders and nobody noticed for three days')).toBe(false);
    expect(causeIsNoun('an expired certificate on the booking server')).toBe(true);
  });
});

describe('a cause told as a clause after a noun with a preposition', () => {
  it('"a scheduling change in our warehouse system held back a batch of orders…" never follows "The cause was"', () => {
    for (const id of ids) {
      const t = letter({ ...base, id, scenario: 'shipping-delay', mistake: 'your order left our warehouse three days late', rootCause: 'a scheduling change in our warehouse system held back a batch of orders and nobody noticed for three days' });
      expect(t).not.toMatch(/The cause was a scheduling change/);
      expect(t).toMatch(/a scheduling change in our warehouse system held back a batch of orders/i);
    }
  });
});

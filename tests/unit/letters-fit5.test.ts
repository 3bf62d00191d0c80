import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import type { Stage } from '../../src/message.js';
import { recipientFromMailbox, type Recipient } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';

/**
 * The English letters fit the incident (fifth reading round): no stock phrase where it does not fit, the
 * missed thing named as the incident names it, a past outcome not offered as a slot, a dietary wrong item
 * treated as serious, a business letter promising no invented role, the apology before the facts, a
 * follow-up restating nothing vague, and one humour line per incident.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z');
const ann = (email = 'ann@example.com', name = 'Ann Lee') => recipientFromMailbox(email, name, {});

function letter(input: IncidentInput, r: Recipient = ann(), stage: Stage = 'apology', now = NOW): string {
  const msg = createComposer(validateIncident(input), library, { now, stage })(r);
  return `${msg.subject}\n\n${msg.text}`;
}
/** The same facts under many incident ids: every phrasing a part may get. */
const each = (input: IncidentInput, stage: Stage = 'apology', now = NOW) => Array.from({ length: 16 }, (_, n) => letter({ ...input, id: `fit5-${n}` }, ann(), stage, now));

const move: IncidentInput = {
  company: { name: 'Swift Removals', phone: '0113 496 0100' },
  signer: { name: 'Dan Reed', title: 'Operations Manager' },
  scenario: 'missed-appointment',
  severity: 'moderate',
  summary: 'our crew did not arrive for your house move',
  mistake: "our crew didn't turn up for your house move on Monday 23 November",
  affected: 1,
  rootCause: 'we double-booked the lorry',
  commitment: 'every booking is now checked against the lorry schedule',
  remedy: { kind: 'refund', details: "we'll refund the extra night's hotel; just send us the receipts" },
  outcome: 'we moved you on Wednesday 25 November with two crews',
  followUp: { after: '3d' },
};
const vet: IncidentInput = {
  company: { name: 'Oakfield Vets', phone: '0161 496 0333' },
  signer: { name: 'Dr Sam Hale', title: 'Senior Vet' },
  scenario: 'missed-appointment',
  severity: 'moderate',
  mistake: "we cancelled Bella's post-op check without telling you and you drove in for nothing",
  affected: 1,
  rootCause: "a rota change removed the vet's afternoon list",
  commitment: 'rota changes now go through reception before lists are cleared',
  remedy: { kind: 'waived-fee', details: 'the check is free' },
  outcome: 'we have booked the post-op check for Tuesday 1 December at 10:00',
  followUp: { after: '3d' },
};
const veg: IncidentInput = {
  company: { name: 'Green Crate', email: 'hi@greencrate.example' },
  signer: { name: 'Lou Park', title: 'Customer Lead' },
  scenario: 'wrong-item',
  severity: 'moderate',
  mistake: 'we put a pack of chicken thighs in your vegetarian box',
  affected: 40,
  rootCause: 'a packing-line label was swapped',
  commitment: 'the vegetarian line now has its own packing bench',
  remedy: { kind: 'refund', details: "a full refund of this week's box" },
  followUp: { after: '3d' },
};
const b2b: IncidentInput = {
  company: { name: 'Ledgerly', email: 'ops@ledgerly.example' },
  signer: { name: 'Kim Ward', title: 'Head of Operations' },
  scenario: 'wrong-item',
  audience: 'business',
  severity: 'moderate',
  mistake: 'we shipped 200 A5 notebooks instead of A4 on your order PO-5521',
  affected: 3,
  rootCause: 'a SKU mapping error after a catalogue update',
  commitment: 'SKU mappings are now checked against the catalogue before each release',
  remedy: { kind: 'credit', details: "a credit of £150 on next month's invoice" },
  followUp: { after: '3d' },
};
const mug: IncidentInput = {
  company: { name: 'Kiln & Co', email: 'help@kiln.example' },
  signer: { name: 'Ola Berg', title: 'Founder' },
  scenario: 'wrong-item',
  severity: 'minor',
  mistake: 'we sent you a blue mug instead of the green one you ordered',
  affected: 12,
  rootCause: 'two bins were labelled the wrong way round',
  commitment: 'every bin now has a photo label',
  remedy: { kind: 'replacement', details: "the green mug, and we'll collect the blue one when it arrives" },
  followUp: { after: '3d' },
};

const STOCK = [
  /Here is how we'll make it right/,
  /Here is how it happened/,
  /How it happened:/,
  /a let-down we caused/,
  /Please don't go to any trouble over the item/,
  /dealt with the same day/,
  /You trusted us/,
  /You planned around/,
  /You kept your side of the arrangement/,
  /You kept your \w+ and we didn't/,
];

describe('no stock phrase reused where it does not fit', () => {
  it('none of the phrases the readers named, in any variant of a retail, service, B2B or sensitive letter', () => {
    const billing: IncidentInput = { ...mug, scenario: 'billing-error', mistake: 'we charged you twice for your October order', remedy: { kind: 'refund', details: 'the duplicate charge of £24' } };
    const late: IncidentInput = { ...mug, scenario: 'shipping-delay', mistake: 'your order is running late', remedy: { kind: 'refund', details: 'your delivery charge' } };
    const leak: IncidentInput = { ...mug, scenario: 'data-exposure', mistake: 'your name and email address were visible to another customer', exposure: { data: ['name', 'email'] } };
    for (const input of [move, vet, veg, b2b, mug, billing, late, leak]) {
      for (const severity of ['minor', 'moderate', 'major'] as const) {
        for (const t of each({ ...input, severity })) for (const p of STOCK) expect(t).not.toMatch(p);
      }
    }
  });
  it('never "nothing you need to do" when the offer needs something from the customer', () => {
    for (const t of each(move)) {
      expect(t).toMatch(/send us the receipts/);
      expect(t).not.toMatch(/nothing you need to do|don't need to do anything|nothing for you to fill in|don't need to claim/);
    }
  });
});

describe('the missed thing is named as the incident names it', () => {
  it('a house move is a "move", a post-op check a "post-op check", never "call"', () => {
    for (const t of each(move)) {
      expect(t).not.toMatch(/\bcall\b(?! 0)/);
      expect(t).not.toMatch(/your appointment/);
    }
    expect(each(move).join('\n')).toMatch(/your move/);
    const vets = each(vet).join('\n');
    expect(vets).toMatch(/post-op check/);
    expect(vets).not.toMatch(/your (?:call|appointment)\b/);
  });
  it('many phrasings: fitting, installation, MOT, a plain "appointment" when none is named', () => {
    const cases: [string, RegExp][] = [
      ['we missed your kitchen fitting on Monday', /fitting/],
      ['our engineer did not come for your broadband installation', /installation/],
      ["we didn't call you back about the booking you made", /booking/],
      ['nobody was at the garage for your MOT', /MOT/],
      ['we turned you away at the door on Monday', /appointment/],
      ["nobody came for your boiler service on Friday", /boiler service/],
      ['we missed the gas safety check at your flat', /gas safety check/],
      ['our surveyor never arrived for the survey of your house', /survey/],
      ['we forgot to call you for your video call with the adviser', /video call/],
      ['our removals team did not arrive on the day', /removal/],
      ["we booked your annual check-up with a vet who was on leave", /annual check-up/],
    ];
    for (const [mistake, word] of cases) {
      const t = letter({ ...vet, mistake, outcome: undefined, remedy: { kind: 'none' } });
      expect(t.split('\n')[0]).toMatch(word);
      expect(t).not.toMatch(/your call\b/);
    }
  });
});

describe('an outcome already done is not an offered slot', () => {
  it('no "if that doesn\'t suit you", no "went as it should" for a job done before the letter', () => {
    for (const t of each(move)) {
      expect(t).not.toMatch(/doesn't suit you|not work for you|find a time|new move|held for you/);
      expect(t).toMatch(/We moved you on Wednesday 25 November with two crews\./);
      expect(t).not.toMatch(/went as it should/);
    }
    for (const t of each({ ...move, audience: 'business' })) expect(t).not.toMatch(/new arrangements|no longer suits/);
    const follow = each(move, 'followup', new Date('2026-11-29T09:00:00Z'));
    for (const t of follow) expect(t).not.toMatch(/your new move|went as it should/);
    for (const t of each({ ...move, audience: 'business' }, 'followup', new Date('2026-11-29T09:00:00Z'))) expect(t).not.toMatch(/new arrangements|the visit/);
  });
  it('a slot to come still gets the way to move it', () => {
    for (const t of each(vet)) expect(t).toMatch(/doesn't suit you|not work for you/);
  });
});

describe('a wrong item that breaks a diet or holds an allergen is serious', () => {
  it('no joke, no "keep it", and one instruction: do not eat it', () => {
    for (const t of each(veg)) {
      expect(t).toMatch(/Please don't eat it\./);
      expect(t.split('\n')[0]).not.toMatch(/wasn't what you chose|wrong item, and we're sorry/);
      expect(t).not.toMatch(/keep it|pass it on|yours to keep|surprise gift|guess-what's-in-the-box|let-down/i);
    }
    const nuts = each({ ...veg, mistake: 'we sent a walnut loaf in your nut-free order' });
    for (const t of nuts) expect(t).toMatch(/medical advice/);
  });
  it('an offer that already collects the item gets no second instruction about it', () => {
    for (const t of each(mug)) expect(t).not.toMatch(/yours to keep|Keep it|send back/);
  });
});

describe('a business letter invents no role', () => {
  it('the contact is the signer, not "an engineer or account manager"', () => {
    for (const t of each(b2b)) {
      expect(t).not.toMatch(/engineer|account manager/);
      // (letters-fit8: "it will come to me directly" was a stock line; the signer still answers in the first person)
      expect(t).toMatch(/I will answer you myself/);
    }
  });
  it('its follow-up asks about no replacement that was never offered', () => {
    for (const t of each(b2b, 'followup', new Date('2026-12-01T09:00:00Z'))) expect(t).not.toMatch(/replacement/);
  });
});

describe('the opening speaks to the reader first', () => {
  it('the first sentence is the apology, before the typed facts', () => {
    for (const t of each(mug)) {
      const first = t.split('\n\n')[2]!;
      expect(first.split(/(?<=\.)\s/)[0]).toMatch(/\b(?:sorry|apolog)/i);
    }
  });
});

describe('a follow-up restates nothing vague', () => {
  it('"We fixed it." is left out of the follow-up as it is of the first letter', () => {
    for (const t of each({ ...mug, commitment: 'We fixed it.' }, 'followup', new Date('2026-11-29T09:00:00Z'))) expect(t).not.toMatch(/We fixed it\./);
  });
});

describe('the humour line is the incident\'s', () => {
  it('every customer of one incident reads the same line', () => {
    const compose = createComposer(validateIncident({ ...mug, id: 'one-incident' }), library, { now: NOW, stage: 'apology' });
    const bodies = new Set<string>();
    for (let n = 0; n < 40; n++) {
      const t = compose(ann(`c${n}@example.com`, 'Ann Lee')).text;
      bodies.add(t.replace(/^Hi [^\n]*\n/, ''));
    }
    expect(bodies.size).toBe(1);
  });
});

describe('a follow-up checks only what can have happened, in words that read', () => {
  const saas: IncidentInput = {
    company: { name: 'Tally Cloud', email: 'billing@tally.example' },
    signer: { name: 'Rae Quinn', title: 'Billing Lead' },
    scenario: 'billing-error',
    severity: 'moderate',
    mistake: 'we charged your card twice for November',
    affected: 300,
    rootCause: 'a retry in our payment job ran after the first charge had succeeded',
    commitment: 'the payment job now checks for an earlier charge before it retries',
    remedy: { kind: 'refund', details: "we'll take the duplicate £29 off your next invoice" },
    followUp: { after: '3d' },
  };
  it('money off next month\'s invoice: the check-in waits for the invoice, and no "has the refund reached you"', () => {
    for (const t of each(saas)) {
      expect(t).toMatch(/once that invoice is out/);
      expect(t).not.toMatch(/refund has reached you|goes back to the way you paid/);
    }
    for (const t of each(saas, 'followup', new Date('2026-11-29T09:00:00Z'))) expect(t).not.toMatch(/Has the refund reached you|should have received the refund/);
  });
  it('an offer typed as a sentence is quoted, not glued after "I promised to refund"; receipts are asked for, not assumed', () => {
    for (const t of each(move, 'followup', new Date('2026-11-29T09:00:00Z'))) {
      expect(t).not.toMatch(/promised to refund we/i);
      expect(t).not.toMatch(/Has the refund reached you/);
      expect(t).toMatch(/receipts/);
    }
  });
  it('a summary typed as a clause is not put after "about"', () => {
    for (const t of each(move, 'followup', new Date('2026-11-29T09:00:00Z'))) expect(t).not.toMatch(/about our crew did not/);
  });
});

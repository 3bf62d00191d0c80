import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import type { Stage } from '../../src/message.js';
import { recipientFromMailbox, type Recipient } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { noteToProse } from '../../src/text/notes.js';
import { ROOT } from '../helpers/run.js';

/**
 * fit13: the classes of defect a reader found in letters for new incidents: a reference line with brackets inside
 * brackets, a row's new date printed as the export typed it, an outage's "did you lose anything" beside an offer that
 * already pays for it, a commitment opening on a bare noun, and a follow-up with no remedy asking for a reply twice.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-12-02T09:00:00Z'); // a Wednesday
const IDS = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'];
const DIR = join(ROOT, 'tests/fixtures/incidents/fit13');

function letter(input: IncidentInput, stage: Stage = 'apology', r: Recipient = recipientFromMailbox('ann@example.com', 'Ann Lee', {}), now = NOW): string {
  const msg = createComposer(validateIncident(input, { requireFrom: false }), library, { now, stage })(r);
  return `${msg.subject}\n\n${msg.text}`;
}
const body = (t: string) => t.split('\n').slice(2).join('\n');

const bakery: IncidentInput = {
  company: { name: 'Crumb & Co', phone: '01632 960111' },
  signer: { name: 'Ruth Adair', title: 'Owner' },
  scenario: 'shipping-delay',
  severity: 'moderate',
  mistake: 'your order left our kitchen a day late',
  affected: 30,
  rootCause: 'our courier booking was made for the wrong day',
  commitment: 'a second person now checks every courier booking',
  remedy: { kind: 'coupon', details: 'free delivery on your next order' },
  followUp: { after: '2d' },
};

/** One customer with one order whose product name has its own brackets. */
function oneOrder(extra: Record<string, string> = {}): Recipient {
  const r = recipientFromMailbox('kim@example.com', 'Kim Park', { order_id: 'A-1003', ...extra });
  r.orders = [{ ...r.fields, items_display: 'Rye Loaf (large) ×1', amount_display: '£4.20' }];
  return r;
}

describe('the reference is part of the first paragraph, never a line of brackets inside brackets', () => {
  it('apology and follow-up, every phrasing, consumer and business', () => {
    for (const audience of ['consumer', 'business'] as const)
      for (const id of IDS)
        for (const stage of ['apology', 'followup'] as const) {
          const t = letter({ ...bakery, id, audience }, stage, oneOrder(), stage === 'followup' ? new Date('2026-12-04T09:00:00Z') : NOW);
          // no bracket opens inside another
          expect(t).not.toMatch(/\([^)]*\(/);
          expect(t).not.toMatch(/^This concerns/m);
          // the order, its product and its amount, once, in the first paragraph
          const first = body(t).split('\n\n')[1]!;
          expect(first, t).toMatch(/your order A-1003: Rye Loaf \(large\) ×1, £4\.20\./);
          expect(t.match(/A-1003/g)).toHaveLength(1);
        }
  });
  it('a payment with no order number is named in the first paragraph, once', () => {
    const r = recipientFromMailbox('kim@example.com', 'Kim Park', {});
    r.orders = [{ ...r.fields, amount_display: '£18.50', refunded: 'full', refunded_full: 'yes' }];
    const t = letter({ ...bakery, scenario: 'billing-error', mistake: 'we charged your card twice', remedy: { kind: 'refund' } }, 'apology', r);
    expect(body(t).split('\n\n')[1]).toMatch(/This is about your payment of £18\.50, which has since been refunded\./);
    expect(t.match(/£18\.50/g)).toHaveLength(1);
  });
});

describe("a row's new date is said like the incident's dates", () => {
  it('"Fri 4 Dec", "sat 5th dec", "thu 10 dec": the full date, in one order or several', () => {
    const many = (d: string) => {
      const r = recipientFromMailbox('jo@example.com', 'Jo Walsh', { order_id: 'A-1', new_date: d });
      r.orders = [{ ...r.fields, order_id: 'A-1', items_display: 'Buns ×6' }, { ...r.fields, order_id: 'A-2', items_display: 'Rye ×1' }];
      return r;
    };
    expect(letter(bakery, 'apology', many('Fri 4 Dec'))).toContain('Both orders will now arrive on Friday 4 December.');
    // a weekday typed beside a date it is not is kept as typed, like the incident's own (the writer is told about those)
    expect(letter(bakery, 'apology', many('thu 10 dec'))).toContain('Both orders will now arrive on Thursday 10 December.');
    expect(letter(bakery, 'apology', oneOrder({ new_date: 'sat 5th dec' }))).toContain('Your order will now arrive on Saturday 5 December.');
    // a year that is not the letter's is printed
    expect(letter(bakery, 'apology', many('mon 4 jan'), new Date('2026-12-30T09:00:00Z'))).toContain('on Monday 4 January 2027');
    expect(letter(bakery, 'followup', many('Fri 4 Dec'), new Date('2026-12-03T09:00:00Z'))).toContain('Both orders are due on Friday 4 December.');
  });
});

describe('an outage asks whether they lost anything only when the offer does not already cover it', () => {
  const outage: IncidentInput = {
    ...bakery,
    scenario: 'service-outage',
    mistake: 'our online ordering was down for six hours on Monday',
    rootCause: 'our router failed',
    commitment: 'a spare router is now kept on site',
    remedy: { kind: 'credit', details: "a £10 credit, and we'll refund any rush fees you paid elsewhere" },
  };
  it('an offer that pays back losses, or an action asking for receipts: no "or you lost anything"', () => {
    for (const id of IDS) {
      expect(letter({ ...outage, id })).not.toMatch(/lost anything while we were down/);
      expect(letter({ ...outage, id, remedy: { kind: 'credit', details: 'a month free' }, action: 'send us the receipts for anything you had to buy elsewhere' })).not.toMatch(/lost anything while we were down/);
    }
  });
  it('an offer that covers no loss keeps the question (in the phrasings that ask it)', () => {
    const all = IDS.map((id) => letter({ ...outage, id, remedy: { kind: 'credit', details: 'a month free' } })).join('\n');
    expect(all).toMatch(/lost anything while we were down/);
  });
});

describe('a commitment sentence never opens on a bare singular noun', () => {
  it('"spare now kept on site" and its kind take their article; plurals, names and activities stay as typed', () => {
    const now = NOW;
    const prose = (t: string) => noteToProse(t, 'commitment', { now });
    expect(prose('spare now kept on site')).toBe('a spare is now kept on site.');
    expect(prose('spare is now kept on site')).toBe('a spare is now kept on site.');
    expect(prose('router replaced, spare now kept on site')).toMatch(/\. A spare is now kept on site\.$/);
    expect(prose('backup generator is tested monthly')).toBe('the backup generator is tested monthly.');
    expect(prose('reminder texts now go out 48h before')).toBe('reminder texts now go out 48h before.');
    expect(prose('packing is now checked twice')).toBe('packing is now checked twice.');
    expect(prose('Rachel now checks the rota')).toBe('Rachel now checks the rota.');
    for (const id of IDS) expect(letter({ ...bakery, id, commitment: 'spare now kept on site' })).not.toMatch(/(?:^|[.,:] )[Ss]pare is/m);
  });
});

describe('a follow-up with no remedy asks for a reply once', () => {
  it('every scenario but a data exposure (its own letter), every phrasing', () => {
    for (const scenario of ['shipping-delay', 'wrong-item', 'billing-error', 'missed-appointment', 'service-outage', 'generic'] as const)
      for (const id of IDS) {
        const t = letter({ ...bakery, id, scenario, remedy: { kind: 'none' } }, 'followup', undefined, new Date('2026-12-04T09:00:00Z'));
        const asks = t.match(/let me know|tell me\b|reply to this email|call 01632/g) ?? [];
        expect(asks.filter((a) => a !== 'call 01632').length, t).toBeLessThanOrEqual(1);
        expect(t).not.toMatch(/let me know and I'll put it right/);
      }
  });
});

describe('fit13 incidents: every letter renders, both stages', () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
  it('twelve incidents over all seven scenarios, both audiences and every severity', () => {
    const all = names.map((n) => parseYaml(readFileSync(join(DIR, n), 'utf8')) as IncidentInput);
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((i) => i.scenario)).size).toBe(7);
    expect(new Set(all.map((i) => i.severity))).toEqual(new Set(['minor', 'moderate', 'major', 'critical']));
    expect(new Set(all.map((i) => i.audience ?? 'consumer'))).toEqual(new Set(['consumer', 'business']));
    for (const input of all)
      for (const stage of ['apology', 'followup'] as const) {
        const t = letter(input, stage);
        expect(t).not.toMatch(/\{\{|undefined|\bnull\b|NaN|\(\s*\)|\.\.(?!\.)|\s,|,,/);
      }
  });
});

describe('classes found reading the fit13 incidents', () => {
  const clinic: IncidentInput = {
    company: { name: 'Meadow Physio', phone: '01632 960888' },
    signer: { name: 'Anna Kowalski', title: 'Clinical lead' },
    scenario: 'missed-appointment',
    severity: 'major',
    mistake: 'your appointment was cancelled with no notice',
    affected: 7,
    rootCause: 'diary double booked after the system migration',
    commitment: 'we are checking every booking from the migration by hand, done by fri 11 dec',
    commitmentStatus: 'in-progress',
    commitmentDue: '2026-12-11',
    remedy: { kind: 'waived-fee', details: 'this session and the next one at no charge' },
    action: "call reception to rebook, we'll keep an early slot for you",
    followUp: { after: '2d' },
  };
  it('a cause with its own verb is never "The cause was … was"; a due date the change names is said once; one ask to rebook', () => {
    for (const id of IDS) {
      const a = letter({ ...clinic, id });
      expect(a).not.toMatch(/The cause was the diary was/);
      expect(a).not.toMatch(/and done by/);
      expect(a.match(/11 December/g)).toHaveLength(1);
      expect(a).not.toMatch(/^This session and the next one/m);
      const f = letter({ ...clinic, id }, 'followup', undefined, new Date('2026-12-04T09:00:00Z'));
      expect(f.match(/11 December/g)).toHaveLength(1);
      expect(f).not.toMatch(/please call reception to rebook[\s\S]*If you haven't rebooked yet/);
    }
  });
  it('a follow-up says "the cause was" before a cause that is a noun phrase', () => {
    const all = IDS.map((id) => letter({ ...bakery, id, scenario: 'service-outage', rootCause: 'an expired cert on the payment api' }, 'followup', undefined, new Date('2026-12-04T09:00:00Z'))).join('\n');
    expect(all).not.toMatch(/As I explained, an expired/);
    expect(all).toMatch(/expired certificate on the payment API/);
  });
  it('an outcome that delivers on a day still to come is in the future', () => {
    expect(noteToProse('delivered Thursday 3 December by 10am', 'outcome', { now: NOW })).toBe("we'll deliver it on Thursday 3 December by 10am.");
    expect(noteToProse('rebooked for Monday 7 December', 'outcome', { now: NOW })).toMatch(/^we've rebooked you/);
  });
  it('no "Here is what I would ask you to do now." with nothing after it', () => {
    const leak: IncidentInput = { ...bakery, scenario: 'data-exposure', severity: 'critical', mistake: 'gallery links went to the wrong parents', exposure: { data: ['name', "children's photos"] }, remedy: { kind: 'none' } };
    for (const id of IDS) expect(letter({ ...leak, id })).not.toMatch(/Here is what I would ask you to do now\.\s*\n/);
  });
  it('the day\'s own thing, shorthand, one reader of a batch, an offer\'s article, a scope that is not the reader\'s', () => {
    const t = letter({ ...bakery, scenario: 'billing-error', mistake: 'we took novembers direct debit twice', rootCause: 'we reran the batch after an error msg', remedy: { kind: 'credit', details: 'credit note for the overcharged vat' } });
    expect(t).toMatch(/November's direct debit/);
    expect(t).toMatch(/an error message/);
    expect(t).toMatch(/a credit note for the overcharged VAT/);
    expect(letter({ ...bakery, mistake: 'orders from the weekend sale went out 3 days late' })).toMatch(/your order from the weekend sale went out 3 days late/i);
    expect(noteToProse('card payments failed for all merchants', 'mistake', { now: NOW })).toBe('card payments failed for all merchants.');
    const f = letter({ ...bakery, audience: 'business', scenario: 'billing-error', remedy: { kind: 'credit', details: 'credit note issued with this email' } }, 'followup', undefined, new Date('2026-12-04T09:00:00Z'));
    expect(f).not.toMatch(/with this email/);
  });
});

describe('a commitment typed as a noun, "now" and a participle says its "is"', () => {
  it('"signed stock now shelved separately" → "Signed stock is now shelved separately."', () => {
    const prose = (t: string) => noteToProse(t, 'commitment', { now: NOW });
    expect(prose('signed stock now shelved separately')).toBe('signed stock is now shelved separately.');
    expect(prose('Signed stock now shelved separately.')).toBe('Signed stock is now shelved separately.');
    expect(prose('bins now relabelled')).toBe('bins are now relabelled.');
    expect(prose('we now checked')).toBe('we now checked.');
    for (const id of IDS) expect(letter({ ...bakery, id, commitment: 'signed stock now shelved separately' })).toMatch(/[Ss]igned stock is now shelved separately\./);
  });
});

import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox, type Recipient } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { resolveRelativeDays } from '../../src/text/relative-days.js';

/**
 * Follow-ups read as the customer who got the first letter reads them, days later: the manager's
 * relative days still make sentences, the ask fits what the first letter promised and what has
 * happened since, the phone number is there once, a customer with several orders sees which.
 */
const library = new TemplateLibrary();
const day = (d: string) => new Date(`${d}T09:00:00Z`);
const ann = () => recipientFromMailbox('ann@example.com', 'Ann Lee', {});

function followup(input: IncidentInput, now: Date, r: Recipient = ann()): string {
  return createComposer(validateIncident(input), library, { now, stage: 'followup' })(r).text;
}

const base: IncidentInput = {
  company: { name: 'Tinder & Twine', phone: '0161 496 0999', email: 'help@tinder.example' },
  signer: { name: 'Cora Vance', title: 'Owner' },
  scenario: 'shipping-delay',
  severity: 'moderate',
  mistake: 'your lamp order sat in our warehouse two extra days',
  affected: 30,
  rootCause: 'our courier pickup was booked for the wrong day',
  commitment: 'pickups are now booked by two people and checked each morning',
  remedy: { kind: 'coupon', details: '10% off your next order with code LAMP10' },
  humour: 'off',
  followUp: { after: '3d' },
};

describe('relative days typed by the manager still make sentences in a follow-up', () => {
  const now = day('2026-11-30');
  const written = day('2026-11-26');
  it('a day after a preposition is dated without "on", or kept as typed; never left out of its phrase', () => {
    expect(resolveRelativeDays('it waited on the bench till thursday', { now, written, future: false })).toBe('it waited on the bench till Thursday 26 November');
    expect(resolveRelativeDays('it waited on the bench till thursday', { now, future: false })).toBe('it waited on the bench till Thursday');
    expect(resolveRelativeDays('the job had been failing since Sunday', { now, future: false })).toBe('the job had been failing since Sunday');
    expect(resolveRelativeDays('nobody booked a van until Tuesday midday', { now, written, future: false })).toBe('nobody booked a van until Tuesday 24 November midday');
    expect(resolveRelativeDays('it will be fixed by Friday morning', { now, written, future: true })).toBe('it will be fixed by the morning of Friday 27 November');
  });
  it('a day that belongs to a noun stays with it: "Monday\'s payments", "the Tuesday night shift", "this week\'s box"', () => {
    expect(resolveRelativeDays("the check ran before the bank sent us Monday's payments", { now, future: false })).toBe("the check ran before the bank sent us Monday's payments");
    expect(resolveRelativeDays('the pieces from Friday\'s firing', { now, written, future: false })).toBe("the pieces from Friday's firing");
    expect(resolveRelativeDays('on the wednesday late shift the line ran out', { now, written, future: false })).toBe('on the Wednesday late shift the line ran out');
    expect(resolveRelativeDays("the full price of this week's box", { now, written, future: true })).toBe("the full price of that week's box");
  });
  it('a letter built on such fields has no "till." and no "on on"', () => {
    const text = followup({ ...base, mistake: 'your order sat on our bench till thursday', rootCause: "on the tuesday night shift nobody checked Monday's pickups", summary: "the parcels from Monday's run" }, day('2026-11-29'));
    expect(text).not.toMatch(/\btill\.|\bon (?:the )?on\b|us's|from on /);
    expect(text).toContain('till Thursday');
  });
});

describe('a follow-up does not repeat an instruction whose moment has passed', () => {
  it('"once today" is not asked again, dated as a day that is gone', () => {
    const text = followup({ ...base, scenario: 'service-outage', action: 'restart your router once today, we will check it from our side' }, day('2026-11-29'));
    expect(text).not.toMatch(/restart your router/);
  });
  it('"if Monday doesn\'t suit, call us" is not repeated once the new visit has happened', () => {
    const visit: IncidentInput = { ...base, scenario: 'missed-appointment', mistake: 'our fitter missed your Wednesday visit', outcome: 'rebooked for Monday 30 November, 8–10am', action: "if that slot doesn't suit, call us and we'll find another time", followUp: { after: '5d' } };
    expect(followup(visit, day('2026-12-01'))).not.toMatch(/doesn't suit/);
    // before the new visit, the offer to move it still stands
    expect(followup(visit, day('2026-11-29'))).toMatch(/doesn't suit/);
  });
});

describe('a follow-up asks about the day the outcome said it would arrive, not the day it was sent', () => {
  it('"goes out today, Thursday 26 November, with you Saturday 28th" → asks about Saturday 28 November', () => {
    const text = followup({ ...base, outcome: 'your parcel goes out with DPD today, Thursday 26 November, should be with you Saturday 28th' }, day('2026-11-29'));
    expect(text).toContain('on Saturday 28 November');
    expect(text).not.toMatch(/reached you on Thursday 26 November/);
    const shipped = followup({ ...base, outcome: 'all parcels went out Thursday 26 Nov, tracked, due with you Monday 30 November' }, day('2026-12-01'));
    expect(shipped).toContain('on Monday 30 November');
  });
});

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
    expect(text).toContain("the parcels from Monday's run");
    // with no summary the opening tells the mistake itself
    const told = followup({ ...base, mistake: 'your order sat on our bench till thursday' }, day('2026-11-29'));
    expect(told).toContain('till Thursday');
    expect(told).not.toMatch(/\btill\./);
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

const SCENARIOS = ['shipping-delay', 'wrong-item', 'billing-error', 'missed-appointment', 'service-outage', 'data-exposure', 'generic'] as const;

describe('a follow-up gives the company phone number, once', () => {
  it('every scenario and severity, consumer and business, each remedy kind', () => {
    for (const scenario of SCENARIOS) {
      for (const severity of ['minor', 'major'] as const) {
        for (const audience of ['consumer', 'business'] as const) {
          for (const remedy of [{ kind: 'refund', details: 'the £12 delivery charge' }, { kind: 'credit', details: 'a £10 credit on your account' }, { kind: 'coupon', details: '10% off with code SORRY' }, { kind: 'none' }] as const) {
            const input: IncidentInput = { ...base, scenario, severity, audience, remedy, ...(scenario === 'data-exposure' ? { exposure: { data: ['name', 'email'] } } : {}) };
            const text = followup(input, day('2026-11-29'));
            const label = `${scenario}/${severity}/${audience}/${remedy.kind}`;
            expect(text.split('0161 496 0999').length - 1, label).toBe(1);
          }
        }
      }
    }
  });
});

describe('a follow-up names the mistake once', () => {
  it('a typed summary names it in the opening; the manager\'s words for it are not pasted after it', () => {
    const text = followup({ ...base, summary: 'the late lamp parcels', mistake: 'orders placed mon and tues sat on our shelf an extra 2 days' }, day('2026-11-29'));
    const opening = text.split('\n\n')[1]!;
    expect(opening).toContain('the late lamp parcels');
    expect(opening).not.toMatch(/sat on our shelf|mon and tues/);
    expect(opening).toMatch(/fault was ours/);
  });
});

describe('the follow-up asks about what the first letter promised', () => {
  it('an outage whose remedy is a credit or a waived fee asks about that, not about recovering what was lost', () => {
    const outage: IncidentInput = { ...base, scenario: 'service-outage', mistake: 'our booking app was down for six hours on Tuesday', rootCause: 'a database upgrade failed', commitment: 'upgrades now run on a standby first' };
    for (const remedy of [{ kind: 'credit', details: 'a £15 credit on your next bill' }, { kind: 'waived-fee', details: "this month's booking fee waived" }, { kind: 'coupon', details: 'a free month, code SORRYMONTH' }] as const) {
      for (const id of ['a', 'b', 'c', 'd']) {
        const text = followup({ ...outage, id, remedy }, day('2026-11-29'));
        expect(text, `${remedy.kind}/${id}`).not.toMatch(/recover/);
        expect(text, `${remedy.kind}/${id}`).toMatch(/credit|fee|code/);
      }
    }
    // lost data or files: recovering them is the ask
    const lost = followup({ ...outage, mistake: 'our sync service was down and some of your saved files did not upload', remedy: { kind: 'none' } }, day('2026-11-29'));
    expect(lost).toMatch(/see what we can recover/);
  });

  it('a refund is asked about by what it is, never "refund full refund of" or "refund … refunded"', () => {
    for (const details of ['full refund of the cleaning charge, and the treatment done free', 'the full cost of the booklets, £186, refunded, and the reprint at no charge', 'the £6 back in full', 'delivery charge (£12) refunded, plus a free wreath', 'the full price of this week\'s box, £44.99, back to your card']) {
      const text = followup({ ...base, scenario: 'billing-error', remedy: { kind: 'refund', details } }, day('2026-11-29'));
      expect(text, details).not.toMatch(/refund (?:of )?(?:the )?full refund|refund[^.?]*\b(?:refunded|back to your card|back in full)\b|refund of delivery/i);
      expect(text, details).toMatch(/a refund of (?:the|that) [^.]+\.|refunded (?:the|that) /);
      expect(text, details).toMatch(/Has the refund reached you/);
    }
  });

  it('a refund the first letter said was made is not "promised" again', () => {
    const text = followup({ ...base, scenario: 'missed-appointment', mistake: 'our crew did not arrive for your move', remedy: { kind: 'refund', details: 'the full cost of the move refunded, plus we will pay your hotel, just send us the receipts' } }, day('2026-11-29'));
    expect(text).not.toMatch(/promised (?:you )?(?:a refund|to refund)[^.]*refunded/);
    expect(text).toContain("We've refunded the full cost of the move.");
  });

  it('a waived fee is named as the first letter named it', () => {
    const text = followup({ ...base, scenario: 'missed-appointment', mistake: 'our engineer missed your boiler service', outcome: 'rebooked for Monday 30 November, 8–10am', remedy: { kind: 'waived-fee', details: "this year's service fee (£85) waived" }, followUp: { after: '5d' } }, day('2026-12-01'));
    expect(text).toContain("This year's service fee (£85) stays waived.");
  });

  it('a late delivery that has arrived is not asked "did it arrive", and a refund promised with it is asked about', () => {
    const cake: IncidentInput = { ...base, severity: 'major', mistake: 'your wedding cake arrived two hours late', outcome: '', remedy: { kind: 'refund', details: 'the full cost of the cake, £420' } };
    const text = followup(cake, day('2026-11-29'));
    expect(text).not.toMatch(/did (?:it|your order) arrive|reached you now|arrive in the end/i);
    expect(text).toMatch(/refund of the full cost of the cake \(£420\)/);
    // arriving later, with a refund too: both asked, in one offer to reach us
    const late = followup({ ...base, outcome: 'your order ships tomorrow and will arrive on Tuesday 1 December', remedy: { kind: 'refund', details: 'a full refund of your delivery charge' }, followUp: { after: '6d' } }, day('2026-12-02'));
    expect(late).toMatch(/refund of your delivery charge/);
    expect(late).toMatch(/Tuesday 1 December\. Did it arrive, and in good shape\? Has the refund reached you too\?/);
  });

  it('a wrong item whose right one was due on a day asks whether it came, and whether the wrong one was taken away', () => {
    const text = followup({ ...base, scenario: 'wrong-item', mistake: 'you ordered a king-size mattress and got a double', outcome: 'your king-size will be delivered on Monday 30 November, and the driver takes the double away', followUp: { after: '5d' } }, day('2026-12-01'));
    expect(text).toMatch(/due with you on Monday 30 November\. Did it arrive, and did we collect the wrong one\?/);
  });
});

describe('a batch follow-up names each of a customer\'s orders, with what was in it', () => {
  it('the Shopify export: several orders listed with their products, one order with its number and products', async () => {
    const { cli } = await import('../helpers/cli.js');
    const { ROOT } = await import('../helpers/run.js');
    const { join } = await import('node:path');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'fu7-'));
    const incident = join(dir, 'incident.json');
    writeFileSync(incident, JSON.stringify({ ...base, company: { ...base.company, from: 'Tinder & Twine <help@tinder.example>' } }));
    for (const scenario of ['shipping-delay', 'billing-error', 'generic'] as const) {
      writeFileSync(incident, JSON.stringify({ ...base, scenario, company: { ...base.company, from: 'Tinder & Twine <help@tinder.example>' } }));
      const r = await cli(['batch', join(ROOT, 'tests/fixtures/exports/shopify-orders.csv'), '--incident', incident, '--stage', 'followup', '--format', 'ndjson'], { env: { APOLOGIZE_NOW: '2026-11-29T09:00:00Z' } });
      const msgs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { to: string; text: string });
      const ada = msgs.find((m) => m.to.includes('ada@example.com'))!.text;
      expect(ada, scenario).toMatch(/Order #1042: Assam Breakfast ×2, Earl Grey ×1/);
      expect(ada, scenario).toMatch(/Order #1050: Earl Grey ×1/);
      expect(ada.split('#1042').length - 1, scenario).toBe(1);
      const james = msgs.find((m) => /james\.oneill@example\.com/i.test(m.to))!.text;
      expect(james, scenario).toMatch(/#1043[^\n]*Matcha 30g/);
    }
  });
});

describe('leave to keep what came by mistake is given once, in the first letter', () => {
  it('"Keep the red, no need to send it back" is not repeated in the follow-up', () => {
    for (const action of ['keep the red, no need to send it back', 'Keep the wrong tins — use them for a shed', 'please keep them']) {
      const text = followup({ ...base, scenario: 'wrong-item', mistake: 'we sent Cadmium Red instead of Cerulean Blue', action, remedy: { kind: 'replacement', details: 'the correct tube, sent free' } }, day('2026-11-29'));
      expect(text, action).not.toMatch(/\bkeep\b/i);
    }
  });
});

describe('what the follow-up asks the customer to keep doing, and changes typed without "we"', () => {
  it('advice to keep watching is "please continue to", not "if you haven\'t yet"', () => {
    for (const action of ['watch your bank account for payments you don\'t recognise', 'be wary of calls that mention your order']) {
      const text = followup({ ...base, scenario: 'data-exposure', severity: 'major', exposure: { data: ['name', 'bank-account'] }, action, remedy: { kind: 'none' } }, day('2026-11-29'));
      expect(text, action).toMatch(/Please continue to (?:watch|be wary)/);
      expect(text, action).not.toMatch(/If you haven't yet, please (?:watch|be wary)/);
    }
  });
  it('"moved them to opposite ends of the shelf" is told as what we did', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const text = followup({ ...base, id, commitment: 'moved them to opposite ends of the shelf' }, day('2026-11-29'));
      expect(text, id).toMatch(/\bwe(?:'ve)? moved them to opposite ends of the shelf\./i);
    }
  });
});

describe('the change is told once with its owner', () => {
  it('no "On our side, our…" or "On our side, we…"', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      for (const commitment of ['our billing system now checks for a settled payment', 'we now check every order twice']) {
        expect(followup({ ...base, id, commitment }, day('2026-11-29')), id).not.toMatch(/On our side, (?:our|we)\b/);
      }
    }
  });
});

describe('a wrong item refunded and replaced on a day: both are asked about', () => {
  it('the right kit due on Friday and the refund', () => {
    const text = followup({ ...base, scenario: 'wrong-item', mistake: 'your vegetarian box had the beef kit in it', outcome: 'a lentil kit will be delivered to you on Friday 27 November', remedy: { kind: 'refund', details: "the full price of this week's box, £44.99" } }, day('2026-11-29'));
    expect(text).toMatch(/due with you on Friday 27 November\. Did it arrive\? Has the refund reached you too\?/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noteToProse, type NoteRole, type NoteOptions } from '../../src/text/notes.js';
import { normaliseEnglish } from '../../src/text/english.js';

/**
 * Four classes of note the letters printed as typed: a state with no subject in the outcome, an
 * order in the action, items added with "+" or with no verb in a commitment, and a remedy's "+".
 * Each made a sentence with every fact kept; a shape less sure is left alone.
 */
const now = new Date('2026-11-26T09:00:00Z');
const prose = (text: string, role: NoteRole, o: NoteOptions = {}) => noteToProse(normaliseEnglish(text, { ref: now, now }), role, { now, ...o });

describe('an outcome that opens with a restored state', () => {
  it('is said of everything, by the time, on the day', () => {
    expect(prose('fully restored 09:40 UTC tue 24 nov', 'outcome')).toBe('everything was fully restored by 09:40 UTC on Tuesday 24 November.');
    expect(prose('completely restored 16:20 GMT Thursday 26 November', 'outcome')).toBe('everything was completely restored by 16:20 GMT on Thursday 26 November.');
    expect(prose('back up and running 11:15 Monday 23 November', 'outcome')).toBe('everything was back up and running by 11:15 on Monday 23 November.');
  });
  it('a thing named first is what was restored; "since" is a perfect', () => {
    expect(prose('service fully restored 18:30 Friday', 'outcome')).toBe('the service was fully restored by 18:30 on Friday.');
    expect(prose('payments back online by 11:00 UTC Monday 23 November', 'outcome')).toBe('payments were back online by 11:00 UTC on Monday 23 November.');
    expect(prose('back online since 14:05 Wednesday 25 November', 'outcome')).toBe('everything has been back online since 14:05 on Wednesday 25 November.');
    // (a state still to come, or words after it that are no time: as typed)
    expect(prose('restored tomorrow morning', 'outcome')).not.toMatch(/^everything/u);
    expect(prose('restored furniture delivered Friday 27 November', 'outcome')).not.toMatch(/^everything/u);
  });
});

describe('an action typed as an order', () => {
  it('is a request: "please", "that" before what to check for', () => {
    expect(prose('check orders created 07:12-12:48 UTC show status Released', 'action')).toBe('please check that orders created 07:12-12:48 UTC show status Released.');
    expect(prose('return the faulty charger in the prepaid bag by fri 4 dec', 'action')).toBe('please return the faulty charger in the prepaid bag by Friday 4 December.');
    expect(prose('be wary of calls claiming to be us', 'action')).toBe('please be wary of calls claiming to be us.');
  });
  it('"any stuck in X, send …" is a condition; "quoting" gets its comma', () => {
    expect(prose('check invoices show the corrected VAT rate. any still wrong, email the invoice numbers to accounts quoting REF-8812', 'action')).toBe('please check that invoices show the corrected VAT rate. If any are still wrong, please email the invoice numbers to accounts, quoting REF-8812.');
    expect(prose('any marked Failed in the dashboard, retry them after 14:00 UTC', 'action')).toBe('if any are marked Failed in the dashboard, please retry them after 14:00 UTC.');
    expect(prose("anything doesn't fit ring us on 0161 555 0199", 'action')).toBe("if anything doesn't fit, please ring us on 0161 555 0199.");
    // (leave to keep, a noun with its verb, a polite one already: as before)
    expect(prose('keep the red, no need to send it back', 'action')).toBe("keep the red. There's no need to send it back.");
    expect(prose('update didnt turn up', 'action')).toBe("update didn't turn up.");
    expect(prose('return labels are in the box', 'action')).toBe('return labels are in the box.');
    expect(prose('please call us on 0161 555 0199', 'action')).toBe('please call us on 0161 555 0199.');
  });
});

describe("a commitment's items", () => {
  it('"+ item" gets a verb in the tense of the commitment', () => {
    const typed = 'failover tested monthly. + offline pick-list export so you can keep picking';
    expect(prose(typed, 'commitment', { status: 'done' })).toContain("We've added an offline pick-list export so you can keep picking.");
    expect(prose(typed, 'commitment', { status: 'in-progress' })).toContain("We're adding an offline pick-list export so you can keep picking.");
    expect(prose(typed, 'commitment', { status: 'planned' })).toContain('We will add an offline pick-list export so you can keep picking.');
    expect(prose('alerts now go to two engineers, + weekly restore test on a copy of live data', 'commitment')).toBe("alerts now go to two engineers, and we've added a weekly restore test on a copy of live data.");
  });
  it('a change still under way is what will happen', () => {
    expect(prose('failover tested monthly on a production copy', 'commitment', { status: 'in-progress' })).toBe('the failover will be tested monthly on a production copy.');
    expect(prose('failover tested monthly on a production copy', 'commitment', { status: 'done' })).toBe('the failover is tested monthly on a production copy.');
  });
  it('"X only outside <time>" is when X is done', () => {
    expect(prose('failover tested monthly, storage upgrades only outside 06:00-20:00 UTC', 'commitment', { status: 'in-progress' })).toBe('the failover will be tested monthly. Storage upgrades will only be done outside 06:00-20:00 UTC.');
    expect(prose('deployments only outside 08:00-18:00 on weekdays', 'commitment')).toBe('deployments are only done outside 08:00-18:00 on weekdays.');
    // (an item that opens with a verb: as typed)
    expect(prose('checks added. + retrain the night shift', 'commitment')).toContain('+ retrain the night shift');
  });
});

describe('the made-up shapes of these classes (tests/fixtures/note-shapes.tsv, after "# letters9")', () => {
  it('are nearly all said as sentences now', () => {
    const lines = readFileSync(new URL('../fixtures/note-shapes.tsv', import.meta.url), 'utf8').split('\n');
    const shapes = lines.slice(lines.findIndex((l) => l.startsWith('# letters9'))).filter((l) => l.includes('\t')).map((l) => l.split('\t') as [NoteRole, string]);
    expect(shapes.length).toBeGreaterThanOrEqual(40);
    const same = shapes.filter(([role, text]) => { const typed = normaliseEnglish(text, { ref: now, now }); return noteToProse(typed, role, { now }) === `${typed}.` || noteToProse(typed, role, { now }) === typed; });
    expect(same.length, `left as typed:\n${same.map(([r, t]) => `[${r}] ${t}`).join('\n')}`).toBeLessThanOrEqual(4);
  });
});

describe('a piece that leans on the sentence before', () => {
  it('"at the same time" is said in the time of the sentence before', () => {
    expect(prose('new mattress delivered fri 4 dec, old ones collected at the same time', 'outcome')).toBe('a new mattress will be delivered on Friday 4 December. Old ones will be collected at the same time.');
    expect(prose('new radiators fitted tomorrow, old ones taken away at the same time', 'outcome')).toBe('new radiators will be fitted tomorrow. Old ones will be taken away at the same time.');
  });
  it('"same X, only Y differs": what is the same is said with its verb', () => {
    expect(prose('sent the 2kg bag instead of the 5kg. same packaging, only the weight on the label is different', 'mistake')).toBe('we sent the 2kg bag instead of the 5kg. It\'s the same packaging. Only the weight on the label is different.');
    expect(prose('sent our regular tea instead of the decaf. same tin, only the label colour differs', 'mistake')).toMatch(/\. It's the same tin\b/u);
  });
});

describe('"X done Y all done Z"', () => {
  it('the first participle qualifies the things, "all" and the one after it is what was done to them', () => {
    expect(prose('website back up 07:30 UTC Wednesday 25 November, orders placed overnight all processed', 'outcome')).toBe('our website was back up by 07:30 UTC on Wednesday 25 November, and orders placed overnight were all processed.');
    expect(prose('emails queued during the outage all sent by 14:00', 'outcome')).toBe('emails queued during the outage were all sent by 14:00.');
    expect(prose('we fixed it, orders placed overnight all processed', 'outcome')).toBe('we fixed it, and orders placed overnight have all been processed.');
  });
});

describe("a remedy's later item", () => {
  it('"+" is "plus"', () => {
    expect(prose('£20 refunded to your card (3-5 working days) + a free hour on your next hire', 'remedy')).toBe('£20 refunded to your card (3 to 5 working days), plus a free hour on your next hire');
  });
});

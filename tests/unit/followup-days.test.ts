import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import type { Stage } from '../../src/message.js';
import { recipientFromMailbox, type Recipient } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { resolveRelativeDays } from '../../src/text/relative-days.js';
import { cli, ndjson } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

/**
 * A follow-up is read on a day of its own: on the day its apology promised, a day early, a week late,
 * or in a batch where every customer's promised day is different. What it says must be true that day.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z'); // Thursday: the apologies go out
const FX = join(ROOT, 'tests/fixtures/incidents');
const fixture = (name: string) => parseYaml(readFileSync(join(FX, `${name}.yaml`), 'utf8')) as IncidentInput;
const base = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-incident.json'), 'utf8')) as IncidentInput;
const scenarios = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-scenarios.json'), 'utf8')) as Record<string, Partial<IncidentInput>>;
const scenario = (name: string): IncidentInput => ({ ...base, ...scenarios[name], scenario: name } as IncidentInput);
const ann = () => recipientFromMailbox('ann@example.com', 'Ann Lee', {});
const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

function letter(input: IncidentInput, stage: Stage, now: Date, r: Recipient = ann()): string {
  const msg = createComposer(validateIncident(input), library, { now, stage })(r);
  return `${msg.subject}\n\n${msg.text}`;
}

/** Words that say the follow-up comes on the day it was promised. */
const ON_TIME = /as promised|as I said I would|said I'd check back|promised to follow up|follow-up I promised|update we promised/i;

const LITTLE_OVEN = ['batch', join(FX, 'little-oven-orders.csv'), '--incident', join(FX, 'little-oven.yaml'), '--stage', 'followup', '--format', 'ndjson'];
async function batchOn(date: string, extra: string[] = []): Promise<Record<string, string>> {
  const r = await cli([...LITTLE_OVEN, ...extra], { env: { APOLOGIZE_NOW: `${date}T09:00:00Z` } });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/^apologize: (?!\d+ rows read)/m);
  return Object.fromEntries(ndjson<{ to: string; subject: string; text: string }>(r.stdout).map((m) => [m.to.replace(/^.*</, '').replace(/>$/, ''), `${m.subject}\n\n${m.text}`]));
}

describe('1. "as promised" only on the day the apology promised', () => {
  it('in a batch, each customer by their own new date (Jo 5 Dec → 6 Dec, a Sunday, so Monday 7 Dec; Kim 4 Dec → 5 Dec; Sam 8 Dec → 9 Dec)', async () => {
    const dec8 = await batchOn('2026-12-08');
    for (const [to, text] of Object.entries(dec8)) expect(text, to).not.toMatch(ON_TIME);
    const dec7 = await batchOn('2026-12-07');
    expect(dec7['jo@example.com']).toMatch(ON_TIME);
    expect(dec7['kim@example.com']).not.toMatch(ON_TIME);
    expect(dec7['sam@example.com']).not.toMatch(ON_TIME);
  });

  it("with --only-sent, the day the journal says the apology went: the date it names, and 'promised' only on the promised day", async () => {
    const dir = tempDir();
    const journal = join(dir, 'apology.journal');
    const sent = await cli(['batch', join(FX, 'little-oven-orders.csv'), '--incident', join(FX, 'little-oven.yaml'), '--exec', 'cat >/dev/null', '--journal', journal], { env: { APOLOGIZE_NOW: '2026-11-26T09:00:00Z' } });
    expect(sent.code).toBe(0);
    // The journal records the real clock: the apology is made to have gone on 26 November.
    writeFileSync(journal, readFileSync(journal, 'utf8').replace(/"at":"[^"]+"/g, '"at":"2026-11-26T09:00:05.000Z"'));
    const dec9 = await batchOn('2026-12-09', ['--only-sent', journal]);
    expect(dec9['sam@example.com']).toMatch(ON_TIME);
    expect(dec9['jo@example.com']).not.toMatch(ON_TIME);
    expect(dec9['kim@example.com']).not.toMatch(ON_TIME);
    for (const text of Object.values(dec9)) expect(text).toMatch(/wrote to you on 26 November/);
    // a day early and a week late for Sam (promised 9 December): the day it is, not "as promised"
    for (const d of ['2026-12-08', '2026-12-16']) {
      const texts = await batchOn(d, ['--only-sent', journal]);
      expect(texts['sam@example.com'], d).not.toMatch(ON_TIME);
      expect(texts['sam@example.com'], d).toMatch(/wrote to you on 26 November about [^.]*, and I'm writing again today/);
    }
  });

  it('a draft calls itself the promised follow-up only on a day the apology could have promised', () => {
    // payroll: the apology promised to check "once that invoice is out", on no day: never "the update we promised"
    for (const d of ['2026-11-27', '2026-11-29', '2026-12-02', '2026-12-03', '2026-12-10']) expect(letter(fixture('payroll-business'), 'followup', day(d)), d).not.toMatch(ON_TIME);
    // billing: refund due in 5 days from 26 November → the check-in on 2 December
    expect(letter(scenario('billing-error'), 'followup', day('2026-12-02'))).toMatch(ON_TIME);
  });
});

describe('2. the new date in the tense of the day it is read', () => {
  it('batch: past the new date "should have reached you on … Did it arrive", before it "is due on", never "is running late"', async () => {
    const dec8 = await batchOn('2026-12-08');
    expect(dec8['jo@example.com']).toContain('Both orders should have reached you on Saturday 5 December. Did they arrive, and in good shape?');
    expect(dec8['kim@example.com']).toContain('Your order should have reached you on Friday 4 December. Did it arrive, and in good shape?');
    // read on the delivery day itself (letters-fit8): "today", not "by the end of that day"
    expect(dec8['sam@example.com']).toContain('Your order is due with you today.');
    for (const text of Object.values(dec8)) expect(text).not.toMatch(/\b(?:is|are) running late|Did everything arrive in the end/);
  });

  it("draft: the incident's outcome date, before and after", () => {
    const ship = scenario('shipping-delay'); // "it is on its way now and will reach you by Tuesday 1 December"
    expect(letter(ship, 'followup', day('2026-11-30'))).toContain('Your order is due on Tuesday 1 December.');
    const late = letter(ship, 'followup', day('2026-12-03'));
    expect(late).toContain('Your order should have reached you on Tuesday 1 December. Did it arrive');
    expect(late).not.toMatch(/reached you now|is due on Tuesday 1 December/);
  });
});

describe('3. relative days typed by the manager are dated, or left out', () => {
  it('resolves them against the day they were typed, and drops what cannot be placed', () => {
    const now = day('2026-12-09');
    const written = NOW;
    expect(resolveRelativeDays('we double-booked the hygienist on thursday morning and turned you away', { written, now, future: false })).toBe('we double-booked the hygienist on the morning of Thursday 26 November and turned you away');
    expect(resolveRelativeDays('it will reach you tomorrow', { written, now, future: true })).toBe('it will reach you on Friday 27 November');
    expect(resolveRelativeDays('we are fixing it this week', { written, now, future: true })).toBe('we are fixing it in the week of 23 November');
    expect(resolveRelativeDays("Saturday's 9am spin class was cancelled", { written, now, future: false })).toBe('the 9am spin class on Saturday 21 November was cancelled');
    // habits and typed dates stay as they are
    expect(resolveRelativeDays('we will check it every Monday', { written, now, future: true })).toBe('we will check it every Monday');
    expect(resolveRelativeDays('down on Monday 23 November', { written, now, future: false })).toBe('down on Monday 23 November');
    // the day it was typed unknown: left out, not guessed
    expect(resolveRelativeDays('we double-booked the hygienist on thursday morning and turned you away', { now, future: false })).toBe('we double-booked the hygienist and turned you away');
    // a weekday that is the incident's own day ("when: Saturday 21 November") is that day
    expect(resolveRelativeDays("Saturday's class was cancelled", { now, future: false, anchor: day('2026-11-21') })).toBe('the class on Saturday 21 November was cancelled');
  });

  it('in follow-ups: the missed installation and the welcome pack are dated; unknown days are left out', () => {
    const missed = letter(scenario('missed-appointment'), 'followup', day('2026-12-02'));
    expect(missed).toContain('on the morning of Tuesday 24 November');
    expect(missed).not.toMatch(/on Tuesday morning/);
    const generic = letter(scenario('generic'), 'followup', day('2026-12-02'));
    expect(generic).toContain('Your welcome pack went out on the morning of Thursday 26 November by first-class post.');
    // dental: read on 9 December, "thursday morning" would be the wrong Thursday; which day the apology went is not known
    const dental = letter(fixture('dental-missed'), 'followup', day('2026-12-09'));
    expect(dental).not.toMatch(/thursday morning/i);
    expect(letter({ ...scenario('generic'), followUp: undefined }, 'followup', day('2026-12-02'))).not.toMatch(/this morning/);
  });
});

describe('4. never dated before the incident, never a change reported before it is due', () => {
  it('payroll read early, on time and late: the apology is never said to have gone before the outage (25 November)', () => {
    for (let d = 26; d <= 40; d++) {
      const now = new Date(Date.UTC(2026, 10, d, 9));
      const text = letter(fixture('payroll-business'), 'followup', now);
      const m = /wrote to you on (\d+) (November|December)/.exec(text);
      if (m) expect(m[2] === 'December' || Number(m[1]) >= 25, `${now.toISOString()}: ${m[0]}`).toBe(true);
      expect(text).not.toMatch(/22 November|in place|we have added/);
    }
  });

  it('a change still under way is "was due by" once its day has gone, and never claimed done', () => {
    const before = letter(fixture('payroll-business'), 'followup', day('2026-11-29'));
    expect(before).toContain('It is due to be finished by Saturday 12 December');
    const after = letter(fixture('payroll-business'), 'followup', day('2026-12-16'));
    expect(after).toContain('It was due to be finished by Saturday 12 December');
    expect(after).not.toMatch(/is due to be finished by Saturday 12 December|has been (?:added|finished)|is (?:now )?in place/);
  });
});

describe('5–7. the requests in the order of the process, the remedy asked about, findings only when there are some', () => {
  it('airline: send the receipts first, then we refund', () => {
    const text = letter(fixture('airline-rebook'), 'followup', day('2026-11-29'));
    const receipts = text.indexOf('send your receipts');
    expect(receipts).toBeGreaterThan(0);
    expect(text.search(/\brefund/)).toBeGreaterThan(receipts);
    expect(text).toContain('as soon as your receipts reach us');
  });

  it('generic: asks whether the welcome pack the outcome says went out has arrived', () => {
    const text = letter(scenario('generic'), 'followup', day('2026-12-02'));
    expect(text).toMatch(/Your welcome pack went out [^.]*\. Has it reached you\?/);
    expect(text).not.toMatch(/Is there anything still left for us to fix|Is everything now put right/);
  });

  it('an inquiry still under way reports no findings and says when the reader hears next; a finished one says what it found', () => {
    const inquiry: IncidentInput = { ...scenario('generic'), commitment: 'we are investigating why the export skipped your sign-up', commitmentStatus: 'in-progress', commitmentDue: '2026-12-10' };
    const text = letter(inquiry, 'followup', day('2026-12-02'));
    expect(text).toMatch(/no findings to share yet\. I'll write to you by Thursday 10 December with what we find\./);
    expect(text).not.toMatch(/As I explained|To recap what went wrong|investigation is complete/);
    const late = letter(inquiry, 'followup', day('2026-12-14'));
    expect(late).not.toMatch(/by Thursday 10 December with what we find/);
    const done = letter({ ...inquiry, commitment: 'we investigated and found the export ran before sign-ups were saved', commitmentStatus: 'done', commitmentDue: undefined }, 'followup', day('2026-12-02'));
    expect(done).toMatch(/we investigated and found the export ran before sign-ups were saved\./i);
    expect(done).not.toMatch(/no findings/);
  });
});

describe('8. one offer to reply, the remedy said plainly, Re: kept', () => {
  const names = ['airline-rebook', 'api-outage', 'clinic-results', 'dental-missed', 'florist-wrong', 'gym-class', 'little-oven', 'newsletter-leak', 'payroll-business', 'saas-double', 'ticketing-crash', 'wedding-cake'];
  it.each(names)('%s', (name) => {
    for (const d of ['2026-11-27', '2026-12-02', '2026-12-10']) {
      const input = fixture(name);
      const apology = letter(input, 'apology', NOW).split('\n')[0];
      const text = letter(input, 'followup', day(d));
      expect(text.split('\n')[0]).toBe(`Re: ${apology}`);
      const offers = text.match(/reply to this email|just reply|\btell (?:me|us)\b/gi) ?? [];
      expect(offers.length, `${name} ${d}\n${text}`).toBeLessThanOrEqual(1);
      expect(text).not.toMatch(/change we promised is in place|\((?:[^)]*\b(?:refund|credit|free|voucher|code)\b[^)]*)\)/i);
    }
  });
});

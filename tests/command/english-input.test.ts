// A manager's hurried English ("i didnt", "tue 24 nov", "3 hrs", "pls") reaches every letter cleaned, once per
// incident; what cannot be fixed safely is told to the writer on stderr. In-process (tests/helpers/cli.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lines, ndjson } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

// Wednesday 25 November 2026, the day after.
const NOW = '2026-11-25T09:00:00Z';
const SCENARIOS = ['shipping-delay', 'wrong-item', 'billing-error', 'missed-appointment', 'service-outage', 'data-exposure', 'generic'];

const HURRIED = {
  company: { name: 'Paws & Claws Vets', from: 'Paws <hello@paws.example>' },
  signer: { name: 'dana reid' },
  severity: 'moderate',
  affected: 12,
  mistake: 'we didnt send your order SK206 on tue 24 nov and i only found out at 2 p.m.',
  rootCause: 'i proofread the pick list but didnt see the 2nd page b/c it was stuck for 3 hrs 10 min',
  commitment: 'we now check every pick list twice, starting wed 25 nov',
  summary: 'the order i didnt send',
  outcome: "its on its way and you'll have it by thurs 26th",
  action: 'pls reply w/ your order number to orders@paws.example',
  remedy: { kind: 'refund', details: 'a full refund of the £4.95 postage w/in 5 days' },
  followUp: { after: '3d' },
};

function incidentFile(facts: Record<string, unknown>): string {
  const file = join(tempDir(), 'incident.json');
  writeFileSync(file, JSON.stringify(facts));
  return file;
}

/** Shorthand as typed, none of which a letter may print. */
const RAW = [/\bdidnt\b/i, /\btue 24 nov\b/i, /\bwed 25 nov\b/i, /\bthurs 26th\b/i, /(?:^|\s)i(?:\s|$)/, /\bpls\b/i, /\bw\/(?:in)?\s/i, /\bb\/c\b/i, /\bhrs\b/, /\bp\.m\./, /\bits on\b/];

describe('English shorthand in the incident reaches the letters cleaned', () => {
  const file = incidentFile(HURRIED);
  for (const scenario of SCENARIOS) {
    for (const stage of ['apology', 'followup']) {
      it(`${scenario} ${stage}: the letter prints the cleaned text`, async () => {
        const r = await cli(['draft', '--no-input', '--no-check', '--incident', file, '--scenario', scenario, '--stage', stage, '--to', 'Sam <sam@example.com>', '--format', 'text'], { env: { APOLOGIZE_NOW: NOW } });
        expect(r.code, r.stderr).toBe(0);
        const letter = r.stdout;
        expect(letter).toContain("didn't send your order SK206 on Tuesday 24 November");
        expect(letter).toContain("I proofread the pick list but didn't see the second page because it was stuck for 3 hours 10 minutes");
        for (const raw of RAW) expect(letter, `${raw} in:\n${letter}`).not.toMatch(raw);
        if (stage === 'apology' && scenario !== 'data-exposure') expect(letter).toContain("t's on its way and you'll have it by Thursday 26 November");
        if (stage === 'apology') {
          expect(letter).toContain('Please reply with your order number to orders@paws.example');
        }
      });
    }
  }

  it('the follow-up restates the mistake cleaned, and names the refund once', async () => {
    const r = await cli(['draft', '--no-input', '--no-check', '--incident', file, '--scenario', 'generic', '--stage', 'followup', '--to', 'Sam <sam@example.com>', '--format', 'text'], { env: { APOLOGIZE_NOW: NOW } });
    // The follow-up restates the mistake, cleaned; the refund is named once ("The refund of the £4.95 postage", not "of a full refund of").
    expect(r.stdout).toContain("We didn't send your order SK206 on Tuesday 24 November");
    expect(r.stdout).toMatch(/The refund of the £4\.95 postage is due to reach you by/);
    expect(r.stdout).not.toMatch(/refund of (?:an? |the )?(?:full )?refund/i);
  });

  it('a batch prints the same cleaned text for every customer', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'email,name\nann@example.com,Ann Lee\nbob@example.com,Bob Ray\n');
    const r = await cli(['batch', '--incident', file, '--scenario', 'shipping-delay', '--format', 'ndjson', csv], { env: { APOLOGIZE_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    const msgs = ndjson<{ text: string }>(r.stdout);
    expect(msgs).toHaveLength(2);
    for (const m of msgs) {
      expect(m.text).toContain("didn't send your order SK206 on Tuesday 24 November");
      for (const raw of RAW) expect(m.text).not.toMatch(raw);
    }
  });

  it('the brief shows the support team the cleaned facts', async () => {
    const r = await cli(['brief', '--incident', file, '--scenario', 'shipping-delay'], { env: { APOLOGIZE_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("- **The mistake:** we didn't send your order SK206 on Tuesday 24 November and I only found out at 2pm.");
    expect(r.stdout).toContain('within 5 days');
    for (const raw of RAW) expect(r.stdout).not.toMatch(raw);
  });

  it('a German incident keeps its text: the English rules are for English letters', async () => {
    const de = incidentFile({ ...HURRIED, locale: 'de', mistake: 'ihre bestellung kam nicht, i weiß', rootCause: 'der drucker war aus', commitment: 'wir prüfen jede liste doppelt', summary: 'die späte bestellung', outcome: undefined, action: undefined, remedy: { kind: 'none' } });
    const r = await cli(['draft', '--no-input', '--no-check', '--incident', de, '--scenario', 'shipping-delay', '--to', 'Sam <sam@example.com>', '--format', 'text'], { env: { APOLOGIZE_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('i weiß');
    expect(r.stderr).not.toMatch(/comma|apostrophe|capitals/);
  });
});

describe('what cannot be fixed safely is told to the writer', () => {
  const draft = (facts: Record<string, unknown>) =>
    cli(['draft', '--no-input', '--no-check', '--incident', incidentFile({ ...HURRIED, ...facts }), '--scenario', 'missed-appointment', '--to', 'Sam <sam@example.com>', '--format', 'text'], { env: { APOLOGIZE_NOW: NOW } });

  it('a comma splice and a possessive without its apostrophe, naming the field and showing the fix', async () => {
    const r = await draft({ mistake: "your pets post-operative check on wed 25 nov was cancelled with no call to you, you got here and there was no vet" });
    expect(r.code).toBe(0);
    const warnings = lines(r.stderr).filter((l) => l.startsWith('warning: mistake'));
    // A splice the normaliser is sure of is split in the letter, not told.
    expect(warnings.filter((w) => w.includes('joins two sentences'))).toEqual([]);
    expect(r.stdout).toContain('was cancelled with no call to you. You got here and there was no vet');
    // One after a subordinate clause is told, with the split shown.
    const unsure = await draft({ mistake: 'we found that the vet was off sick, we didn\'t call you' });
    expect(lines(unsure.stderr)).toContain('warning: mistake joins two sentences with a comma ("…we found that the vet was off sick, we didn\'t call you…") — for example "…we found that the vet was off sick. We didn\'t call you…" (or join them with "and")');
    expect(warnings).toContain(`warning: mistake has "your pets post-operative", which needs an apostrophe — for example "your pet's post-operative" (one) or "your pets' post-operative" (several)`);
    // The letter still goes, with the words as typed there.
    expect(r.stdout).toContain('post-operative check on Wednesday 25 November was cancelled');
  });

  it('capitals, one long sentence, and a date it could not read for certain', async () => {
    const long = 'we sent the wrong box and the driver left it at the wrong door and nobody noticed until the next day when you called us and then we sent another one which also went to the wrong address because the label printer was still using the old template';
    const r = await draft({ rootCause: long, commitment: 'WE WILL CHECK EVERY LABEL FROM NOW ON', outcome: 'new appointment on thurs 27th, or on 4/12' });
    const err = lines(r.stderr);
    expect(err).toContain('warning: rootCause is one sentence of 48 words ("we sent the wrong box and…") — for example two or three sentences of about 15 words each, ending one where a new subject starts');
    expect(err).toContain('warning: commitment is typed in capitals ("WE WILL CHECK EVERY LABEL FROM NOW ON…"), which reads as shouting — for example "We will check every label from now on…" (keep the capitals of names and codes)');
    expect(err).toContain('warning: outcome says "thurs 27th", but no 27th near Wednesday 25 November is a Thursday — for example "Friday 27 November" (or the date you meant)');
    expect(err.some((l) => l.startsWith('warning: outcome says "4/12", which reads as 4 December or April 12'))).toBe(true);
    // With the company's locale the date is read: no warning, the letter says it.
    const gb = await draft({ locale: 'en-GB', outcome: 'new appointment on 4/12' });
    expect(gb.stderr).not.toContain('4/12');
    expect(gb.stdout).toContain('Friday 4 December');
  });

  it('a weekday that is not the date keeps its warning, and the letter writes the date out as typed', async () => {
    const r = await draft({ outcome: 'new appointment on tue 25 nov' });
    expect(lines(r.stderr)).toContain('warning: outcome says "tue 25 nov", but 25 November 2026 is a Wednesday — for example "Wednesday 25 nov" (or the date you meant)');
    expect(r.stdout).toContain('Tuesday 25 November');
  });

  it('a clean incident draws none of these warnings', async () => {
    const r = await draft({ mistake: 'we cancelled your check-up on Wednesday 25 November without calling you', outcome: 'your new appointment is on Friday 27 November at 10:20' });
    expect(r.stderr).not.toMatch(/comma|apostrophe|capitals|one sentence of|near/);
  });
});

describe('fields typed as notes', () => {
  const NOTES = {
    ...HURRIED,
    scenario: 'missed-appointment',
    mistake: 'fitter didnt turn up for your booked fitting on weds, no call to tell you',
    rootCause: 'fitter off sick and his jobs werent reassigned',
    commitment: 'sick cover now reassigns jobs automatically',
    outcome: 'rebooked for mon 30 nov, 8-10am, our senior fitter',
    action: 'if mon doesnt suit call us and well find another time',
  };
  it('the letter says them as sentences, and stderr shows the writer each rewrite', async () => {
    const r = await cli(['draft', '--no-input', '--no-check', '--incident', incidentFile(NOTES), '--to', 'Sam <sam@example.com>', '--format', 'text'], { env: { APOLOGIZE_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Our fitter didn't turn up for your booked fitting on Wednesday, and there was no call to tell you.");
    expect(r.stdout).toContain("We've rebooked you for Monday 30 November, between 8am and 10am, with our senior fitter.");
    expect(r.stdout).toContain("If Monday doesn't suit, call us and we'll find another time.");
    // the rearranging line is said once
    expect(r.stdout.match(/doesn't suit/g)?.length).toBe(1);
    expect(r.stderr).toMatch(/outcome is typed as a note \("rebooked for/);
    expect(r.stderr).toMatch(/mistake is typed as a note/);
  });
});

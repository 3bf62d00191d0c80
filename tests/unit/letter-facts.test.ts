import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import type { Stage } from '../../src/message.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { FIXED_NOW, ROOT } from '../helpers/run.js';

/** The built-in letters say what fits the incident's facts, and the writer's words as a letter says them. */
const library = new TemplateLibrary();
const fixture = (name: string) => parseYaml(readFileSync(join(ROOT, 'tests/fixtures/incidents', `${name}.yaml`), 'utf8')) as IncidentInput;
const letter = (input: IncidentInput, stage: Stage = 'apology', fields: Record<string, string> = {}) => {
  const msg = createComposer(validateIncident(input), library, { now: new Date(FIXED_NOW), stage })(recipientFromMailbox('ann@example.com', 'Ann Lee', fields));
  return `${msg.subject}\n\n${msg.text}`;
};

describe('letters that fit the incident', () => {
  it("typed sloppily, the writer's words reach the letter in sentence form", () => {
    const text = letter(fixture('little-oven'));
    expect(text).not.toMatch(/Human error\.|maggie byrne|\nowner,/);
    expect(text).toContain('our night shift put the order slips in the wrong tray');
    expect(text).toMatch(/\nMaggie Byrne\nOwner, The Little Oven Bakery\n/);
    expect(letter(fixture('dental-missed'))).toContain('on Thursday morning');
    // A one-word cause is said in a sentence, not as "Load."
    expect(letter(fixture('ticketing-crash'))).not.toMatch(/(^|\n|\. )Load\./);
  });

  it("a row's outcome and new date are sentences whatever was typed", () => {
    const base = fixture('gym-class');
    expect(letter(base, 'apology', { outcome: 'you are booked on the 11am class instead' })).toContain('You are booked on the 11am class instead.');
    expect(letter(base, 'apology', { new_date: 'saturday 13 december.' })).toContain('Your new class is on Saturday 13 December.');
  });

  it('the word for what was missed is the incident\'s own, and a gift is not "waived"', () => {
    const gym = letter(fixture('gym-class'));
    expect(gym).toMatch(/class/);
    expect(gym).not.toMatch(/appointment/);
    const dental = letter(fixture('dental-missed'));
    expect(dental).not.toMatch(/waived your next hygiene appointment/);
  });

  it('data-exposure advice follows the data: no credit-fraud advice for a misdirected results letter', () => {
    const clinic = letter(fixture('clinic-results'));
    expect(clinic).not.toMatch(/credit you didn't apply for|password/);
    expect(clinic).toMatch(/your own doctor/);
  });

  it('grief and weddings get their own lines and a plain subject, never a joke', () => {
    const florist = letter({ ...fixture('florist-wrong'), severity: 'moderate' });
    expect(florist).toMatch(/Flowers for a loss/);
    expect(florist.split('\n')[0]).not.toMatch(/wrong item/);
    const cake = letter(fixture('wedding-cake'));
    expect(cake).toMatch(/Congratulations on your wedding/);
    // a major letter is formal (SPEC "Greetings"): the full name when there is no title; a moderate one "Dear Ann,"
    expect(cake).toMatch(/^Dear Ann Lee,$/m);
    expect(letter({ ...fixture('wedding-cake'), severity: 'moderate' })).toMatch(/^Dear Ann,$/m);
  });

  it('a critical outage subject does not claim a change that is not made yet', () => {
    const planned = letter({ ...fixture('ticketing-crash'), severity: 'critical' });
    expect(planned.split('\n')[0]).toContain('what we are changing');
  });

  it('follow-ups claim nothing the facts do not say', () => {
    for (const name of ['airline-rebook', 'dental-missed', 'gym-class', 'little-oven', 'saas-double', 'wedding-cake', 'clinic-results']) {
      const text = letter(fixture(name), 'followup');
      expect(text, name).not.toMatch(/should have reached you|fee we waived|did the (new )?appointment go ahead|change we promised is in place/i);
    }
    // A cake that arrived late is not asked about as if it were still on its way.
    expect(letter(fixture('wedding-cake'), 'followup')).not.toMatch(/reached you now|arrive in the end/);
    // The first lines of follow-ups differ between incidents.
    const openings = new Set(['airline-rebook', 'dental-missed', 'gym-class', 'little-oven', 'saas-double', 'wedding-cake'].map((n) => letter(fixture(n), 'followup').split('\n\n')[2]!.split('. ')[0]));
    expect(openings.size).toBeGreaterThan(2);
  });

  it('the jokes the readers found flat are gone', () => {
    const humour = readFileSync(join(ROOT, 'templates/humour.json'), 'utf8');
    expect(humour).not.toMatch(/red-faced|invent a bad one|In our defence/);
  });
});

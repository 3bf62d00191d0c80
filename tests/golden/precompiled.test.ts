import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, SEVERITIES, type IncidentInput } from '../../src/incident/schema.js';
import { FIXED_NOW, GOLDEN_NOW, ROOT } from '../helpers/run.js';
import { followUpDay } from '../../src/incident/advice.js';

// The build precompiles the built-in templates (dist/precompiled/<folder>.cjs); the bin and the
// library entry render from those, the tests above from src/ compile them. Needs `npm run build`.
type Dist = typeof import('../../src/index.js');
const dist = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as Dist;

const base = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-incident.json'), 'utf8')) as IncidentInput;
const perScenario = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-scenarios.json'), 'utf8')) as Record<string, IncidentInput>;
const facts = (scenario: string, severity: string): IncidentInput => ({ ...base, ...perScenario[scenario], scenario, severity });
const recipient = dist.recipientFromMailbox('zoe.muller@example.com', 'Zoë Müller', { order_id: 'A-1001' });
const work = mkdtempSync(join(tmpdir(), 'apologize-precompiled-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('precompiled built-in templates (dist/)', () => {
  it('render the golden letters byte for byte, every scenario at every severity and the follow-ups', () => {
    const library = dist.loadTemplates();
    for (const scenario of BUILTIN_SCENARIOS) {
      for (const severity of SEVERITIES) {
        const compose = dist.createComposer(dist.parseIncident(facts(scenario, severity)), library, { now: new Date(GOLDEN_NOW) });
        expect(dist.toRfc5322(compose(recipient), '\n'), `${scenario}.${severity}`).toBe(readFileSync(join(ROOT, 'tests/golden', `${scenario}.${severity}.eml`), 'utf8'));
      }
      // read on the day the apology promised it
      const now = followUpDay(facts(scenario, 'moderate'), new Date(GOLDEN_NOW))!.date;
      const followUp = dist.createComposer(dist.parseIncident(facts(scenario, 'moderate')), library, { now, stage: 'followup' });
      expect(dist.toRfc5322(followUp(recipient), '\n'), `${scenario}.followup`).toBe(readFileSync(join(ROOT, 'tests/golden', `${scenario}.followup.eml`), 'utf8'));
    }
  });

  it("a user's partial called from a precompiled template is compiled as a template is: no HTML escaping, strict about missing values", () => {
    const dir = join(work, 'templates');
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'partials', 'greeting.hbs'), 'Dear friends of {{company.name}} <{{recipient.email}}>,');
    const compose = dist.createComposer(dist.parseIncident(facts('shipping-delay', 'minor')), dist.loadTemplates(dir), { now: new Date(FIXED_NOW) });
    expect(compose(recipient).text).toMatch(/^Dear friends of Smith & Sons <zoe\.muller@example\.com>,\n/);

    writeFileSync(join(dir, 'partials', 'greeting.hbs'), 'Dear {{recipient.nickname}},');
    expect(() => dist.createComposer(dist.parseIncident(facts('shipping-delay', 'minor')), dist.loadTemplates(dir), { now: new Date(FIXED_NOW) })(recipient)).toThrow(/nickname/);
  });
});

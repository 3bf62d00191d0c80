import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { BUILTIN_SCENARIOS, SEVERITIES, type IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { toRfc5322 } from '../../src/mail/rfc5322.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { ROOT, pythonParse } from '../helpers/run.js';
import { guessLanguage } from '../../src/check/language.js';

/**
 * The German, French and Spanish letters: every built-in scenario at every severity and its
 * follow-up, for an English incident with `fields.<locale>` text, written to
 * tests/golden/<locale>/ (UPDATE_GOLDEN=1 rewrites them), read back by Python's email.
 */

const base = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/i18n-incident.json'), 'utf8')) as IncidentInput;
const library = new TemplateLibrary();
// The sample facts: orders held back until "Friday" (13 November 2026), a change due on 25 November.
// A letter written in 2026 gives its own dates without the year, as the dates a manager types.
// The letters are written the Monday after, so the due date is ahead and the follow-up two days on.
const I18N_NOW = '2026-11-16T09:00:00Z';
const update = process.env.UPDATE_GOLDEN === '1';

const LANGS = {
  de: { tag: 'de-DE', title: 'Frau', casual: 'Sehr geehrte Frau Müller,', formal: 'Sehr geehrte Frau Müller,', number: /13\.482|rund 13\.500/, date: 'Mittwoch, 25. November', closing: /^Mit freundlichen Grüßen$/m },
  fr: { tag: 'fr-FR', title: 'Mme', casual: 'Madame,', formal: 'Madame,', number: /13\u202f482|environ 13\u202f500/, date: 'mercredi 25 novembre', closing: /^(?:Cordialement,|Veuillez agréer, Madame, l’expression de (?:nos|mes) salutations distinguées\.)$/m },
  es: { tag: 'es-ES', title: 'Sra.', casual: 'Estimada Sra. Müller:', formal: 'Estimada Sra. Müller:', number: /13\.482|unos 13\.500/, date: 'miércoles 25 de noviembre', closing: /^(Atentamente|Un cordial saludo|Reciba un cordial saludo|Saludos cordiales),$/m },
} as const;

const facts = (scenario: string, severity: string): IncidentInput => ({
  ...base,
  scenario,
  severity,
  exposure: scenario === 'data-exposure' ? { data: ['name', 'email', 'order-history'], reference: 'INC-2041' } : undefined,
});

function render(lang: keyof typeof LANGS, scenario: string, severity: string, stage: 'apology' | 'followup'): string {
  const l = LANGS[lang];
  const incident = validateIncident(facts(scenario, severity), { requireFrom: true });
  const recipient = recipientFromMailbox('zoe.muller@example.com', 'Zoë Müller', { order_id: 'A-1001', salutation: l.title });
  return toRfc5322(createComposer(incident, library, { now: new Date(I18N_NOW), stage, locale: l.tag })(recipient), '\n');
}

describe('golden files in German, French and Spanish', () => {
  for (const lang of Object.keys(LANGS) as (keyof typeof LANGS)[]) {
    const l = LANGS[lang];
    const files: string[] = [];
    for (const scenario of BUILTIN_SCENARIOS) {
      for (const stage of ['apology', 'followup'] as const) {
        for (const severity of stage === 'apology' ? SEVERITIES : (['moderate'] as const)) {
          const name = `${scenario}.${stage === 'followup' ? 'followup' : severity}.eml`;
          it(`${lang}/${name}`, () => {
            const dir = join(ROOT, 'tests/golden', lang);
            const file = join(dir, name);
            const eml = render(lang, scenario, severity, stage);
            if (update) {
              mkdirSync(dir, { recursive: true });
              writeFileSync(file, eml);
            }
            expect(existsSync(file), 'golden file missing: run UPDATE_GOLDEN=1').toBe(true);
            expect(eml).toBe(readFileSync(file, 'utf8'));
            files.push(file);
          });
        }
      }
    }

    it(`${lang}: Python's email reads every letter back, in ${lang}, with the local greeting, numbers and dates`, () => {
      const parsed = pythonParse(files);
      expect(parsed.length).toBe(BUILTIN_SCENARIOS.length * (SEVERITIES.length + 1));
      for (const [i, msg] of parsed.entries()) {
        const where = files[i]!;
        expect(msg.defects, where).toEqual([]);
        expect(msg.charset).toBe('utf-8');
        const formal = /\.(major|critical)\.eml$/.test(where);
        const body = msg.text!;
        expect(body.split('\n')[0], where).toBe(formal ? l.formal : l.casual);
        expect(body, where).toMatch(l.closing);
        if (where.endsWith('.followup.eml')) expect(msg.subject, where).toMatch(/^Re: /);
        expect(guessLanguage(`${msg.subject}\n${body}`), where).toBe(lang);
        // No English left in the letter: none of the English templates' words.
        expect(body, where).not.toMatch(/\b(?:the|your|we|and|sorry|order|customers)\b/i);
        if (!where.endsWith('.followup.eml') && !where.includes('data-exposure')) expect(body, where).toMatch(l.number);
        if (where.includes('.followup.') || where.includes('data-exposure')) continue;
        expect(body, where).toContain(l.date);
      }
    });
  }
});

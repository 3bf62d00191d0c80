import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { cli } from '../helpers/cli.js';
import { ROOT, pythonParse, tempDir } from '../helpers/run.js';

/**
 * German, French and Spanish incidents typed the way a manager in Hamburg, Lyon or Valencia
 * types them (lower case, no full stops, one-word causes, "Mi, 25.11."), in
 * tests/fixtures/incidents/<lang>/: the apology and follow-up one customer reads, and for the
 * incidents with a CSV beside them the batch's letters (Anrede/Civilité/Tratamiento, a `locale`
 * column mixing de/de-AT, fr/fr-CA, es/es-MX, products and amounts), as text in
 * tests/golden/letters-<lang>/. UPDATE_GOLDEN=1 rewrites them.
 *
 * The incidents happened on Tuesday 24 or Wednesday 25 November 2026; the letters are written
 * the next morning, so a follow-up date or a new appointment reads against that day.
 */
export const LETTERS_I18N_NOW = '2026-11-26T09:00:00Z';

const update = process.env.UPDATE_GOLDEN === '1';
const library = new TemplateLibrary();

/** One customer per language, named the local way, with the local title. */
const READER = {
  de: recipientFromMailbox('aenne@example.de', 'Änne Müller-Lüdenscheidt', { salutation: 'Frau Dr.' }),
  fr: recipientFromMailbox('elodie@example.fr', 'Élodie Lefèvre-Dubois', { salutation: 'Mme' }),
  es: recipientFromMailbox('mj@example.es', 'María José García-López', { salutation: 'Sra.' }),
} as const;

export function renderIncident(lang: keyof typeof READER, file: string): string {
  const incident = validateIncident(parseYaml(readFileSync(file, 'utf8')) as IncidentInput);
  return (['apology', 'followup'] as const)
    .map((stage) => {
      const msg = createComposer(incident, library, { now: new Date(LETTERS_I18N_NOW), stage })(READER[lang]);
      return `Subject: ${msg.subject}\n\n${msg.text}`;
    })
    .join('\n----- follow-up -----\n\n');
}

/** The batch's letters for the CSV beside an incident, as Python's email reads them back from the mbox. */
export async function renderBatch(yaml: string, csv: string): Promise<string> {
  const dir = tempDir();
  const out = join(dir, 'out.mbox');
  const r = await cli(['batch', csv, '--incident', yaml, '--out', out], { env: { APOLOGIZE_NOW: LETTERS_I18N_NOW } });
  const msgs = r.code === 0 ? pythonParse([out], true) : [];
  rmSync(dir, { recursive: true, force: true });
  if (r.code !== 0) throw new Error(`batch ${csv}: ${r.stderr}`);
  return msgs
    .map((m) => {
      expect(m.defects).toEqual([]);
      return `To: ${m.to!.map((t) => `${t.name} <${t.address}>`).join(', ')}\nSubject: ${m.subject}\n\n${m.text}`;
    })
    .join('\n----- next customer -----\n\n');
}

function golden(path: string, text: string): void {
  if (update) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  expect(existsSync(path), `golden file missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden/letters-i18n.test.ts`).toBe(true);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

for (const lang of Object.keys(READER) as (keyof typeof READER)[]) {
  describe(`golden letters for ${lang} incidents as managers there type them`, () => {
    const dir = join(ROOT, 'tests/fixtures/incidents', lang);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    it('there are four incidents, one of them with a CSV', () => {
      expect(files.length).toBeGreaterThanOrEqual(4);
      expect(readdirSync(dir).some((f) => f.endsWith('.csv'))).toBe(true);
    });
    for (const file of files) {
      const name = file.replace(/\.yaml$/, '');
      it(`${lang}/${file}: apology and follow-up match tests/golden/letters-${lang}/${name}.txt`, () => {
        golden(join(ROOT, `tests/golden/letters-${lang}`, `${name}.txt`), renderIncident(lang, join(dir, file)));
      });
      if (existsSync(join(dir, `${name}.csv`))) {
        it(`${lang}/${name}.csv: the batch's letters match tests/golden/letters-${lang}/${name}.batch.txt`, async () => {
          golden(join(ROOT, `tests/golden/letters-${lang}`, `${name}.batch.txt`), await renderBatch(join(dir, file), join(dir, `${name}.csv`)));
        });
      }
    }
  });
}

/**
 * i18n13, i18n14 (and i18n15, nine; i18n16, ten: 4 de, 3 fr, 3 es): twelve more incidents each typed in a hurry (tests/fixtures/incidents/<set>/<lang>-*.yaml), each
 * read by the customer readers.tsv names beside it — men, women, a doctor, a name with no gender —
 * so a letter's agreement and greeting follow the reader (tests/golden/letters-<set>/). i18n14's notes are
 * typed as managers type them in a hurry: fragments, "+", abbreviations, brackets, lower case.
 */
for (const [set, perLang] of [['i18n13', 4], ['i18n14', 4], ['i18n15', 3], ['i18n16', { de: 4, fr: 3, es: 3 }]] as const) {
describe(`golden letters for the ${set} incidents, each to its own reader`, () => {
  const dir = join(ROOT, 'tests/fixtures/incidents', set);
  const rows = readFileSync(join(dir, 'readers.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  it(`${JSON.stringify(perLang)} incidents per language, every one with a reader`, () => {
    for (const lang of ['de', 'fr', 'es'] as const) expect(rows.filter(([f]) => f!.startsWith(`${lang}-`)).length).toBe(typeof perLang === 'number' ? perLang : perLang[lang]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml')).length).toBe(rows.length);
  });
  for (const [file, salutation, name, email] of rows) {
    it(`${set}/${file}.yaml to ${salutation === '-' ? '' : `${salutation} `}${name}`, () => {
      const reader = recipientFromMailbox(email!, name!, salutation === '-' ? {} : { salutation: salutation! });
      const incident = validateIncident(parseYaml(readFileSync(join(dir, `${file}.yaml`), 'utf8')) as IncidentInput);
      const text = (['apology', 'followup'] as const)
        .map((stage) => {
          const msg = createComposer(incident, library, { now: new Date(LETTERS_I18N_NOW), stage })(reader);
          return `Subject: ${msg.subject}\n\n${msg.text}`;
        })
        .join('\n----- follow-up -----\n\n');
      golden(join(ROOT, `tests/golden/letters-${set}`, `${file}.txt`), text);
    });
  }
});
}

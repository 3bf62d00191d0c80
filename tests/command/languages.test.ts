import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lines } from '../helpers/cli.js';
import { ROOT, pythonParse, tempDir } from '../helpers/run.js';
import { guessLanguage } from '../../src/check/language.js';

/**
 * Each customer in their language (SPEC "Languages"): a `locale` column picks the letter,
 * `fields.<locale>` gives the incident's text, a missing translation stops the run before
 * anything is written, an unknown locale falls back with one warning.
 */

const incident = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/i18n-incident.json'), 'utf8')) as Record<string, unknown>;

function setup(csv: string, facts: Record<string, unknown> = incident) {
  const dir = tempDir();
  writeFileSync(join(dir, 'incident.json'), JSON.stringify({ scenario: 'shipping-delay', ...facts }));
  writeFileSync(join(dir, 'orders.csv'), csv);
  return dir;
}

const MIXED = [
  'email,name,Sprache,order_id,product',
  'zoe@example.com,Zoë Müller,de-AT,A-1001,Teekanne',
  'marie@example.com,Mme Marie Dupont,fr-FR,A-1002,Théière',
  'lucia@example.com,Sra. Lucía García López,es-MX,A-1003,Tetera',
  'ann@example.com,Ann Lee,,A-1004,Teapot',
  'jo@example.com,João Silva,pt-BR,A-1005,Bule',
  'ana@example.com,Ana Souza,pt-BR,A-1006,Bule',
  'max@example.com,Herr Max Weber,DE,A-1007,Tasse',
].join('\n');

describe('a batch with customers in several languages', () => {
  it('writes each letter in its customer\'s language, as Python\'s email reads it, with one warning for locales with no letters', async () => {
    const dir = setup(MIXED);
    const r = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--out', 'out.mbox'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const warnings = lines(r.stderr).filter((l) => l.includes('no letters'));
    expect(warnings).toEqual(["apologize: 2 customers have locales with no letters (pt-BR ×2); they get the incident's language (en)"]);
    const msgs = pythonParse([join(dir, 'out.mbox')], true);
    const byTo = new Map(msgs.map((m) => [m.to![0]!.address, m]));
    const expected: Record<string, [string, string, RegExp]> = {
      'zoe@example.com': ['de', 'Guten Tag Zoë Müller,', /13\u00a0482|rund 13\u00a0500/], // de-AT groups with a no-break space
      'marie@example.com': ['fr', 'Madame,', /13\u202f482|environ 13\u202f500/],
      'lucia@example.com': ['es', 'Estimada Sra. García López:', /13,482|unos 13,500/], // es-MX groups with a comma
      // the English letter counts no one it need not (how many others is no fact for this customer): its refund instead
      'ann@example.com': ['en', 'Hi Ann,', /refunding the €7\.95 shipping charge/],
      'jo@example.com': ['en', 'Hi João,', /refunding the [€$£]?7\.95 shipping charge/],
      'max@example.com': ['de', 'Sehr geehrter Herr Weber,', /13\.482|rund 13\.500/],
    };
    for (const [to, [lang, greeting, count]] of Object.entries(expected)) {
      const m = byTo.get(to)!;
      expect(m.defects, to).toEqual([]);
      expect(m.text!.split('\n')[0], to).toBe(greeting);
      expect(guessLanguage(`${m.subject}\n${m.text}`), to).toBe(lang);
      expect(m.text, to).toMatch(count);
    }
    expect(byTo.get('zoe@example.com')!.text).toContain('Leiterin Kundenservice, Smith & Sons');
    expect(byTo.get('zoe@example.com')!.text).toContain('Mittwoch, 25. November');
    expect(byTo.get('marie@example.com')!.text).toContain('mercredi 25 novembre');
    expect(byTo.get('lucia@example.com')!.text).toContain('miércoles 25 de noviembre');
  });

  it('follow-ups thread under each apology and keep "Re:" in every language', async () => {
    const dir = setup(MIXED);
    const a = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--out', 'a.mbox'], { cwd: dir });
    const f = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--out', 'f.mbox', '--stage', 'followup'], { cwd: dir });
    expect([a.code, f.code]).toEqual([0, 0]);
    const apologies = new Map(pythonParse([join(dir, 'a.mbox')], true).map((m) => [m.to![0]!.address, m]));
    for (const m of pythonParse([join(dir, 'f.mbox')], true)) {
      const apology = apologies.get(m.to![0]!.address)!;
      expect(m.subject).toBe(`Re: ${apology.subject}`);
      expect(m.headers['In-Reply-To']).toEqual([apology.messageId]);
    }
  });

  it('stops before writing anything when a customer\'s language has no translation of the incident\'s text', async () => {
    const { fields, ...rest } = incident as { fields: Record<string, unknown> };
    const dir = setup(MIXED, { ...rest, fields: { de: fields.de, es: fields.es } });
    const r = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--out', 'out.mbox'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apologize: customers with locale fr-FR need the incident's text in fr, but fields\.fr has no mistake, rootCause, commitment, remedy\.details — add fields\.fr\.mistake .* or --fallback-locale/m);
    expect(existsSync(join(dir, 'out.mbox'))).toBe(false);
  });

  it('--fallback-locale sends those customers the incident\'s own language, and says how many', async () => {
    const { fields, ...rest } = incident as { fields: Record<string, unknown> };
    const dir = setup(MIXED, { ...rest, fields: { de: fields.de, es: fields.es } });
    const r = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--out', 'out.mbox', '--fallback-locale'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('apologize: 1 customer (fr-FR ×1) gets the en letter: the incident has no translation for that language (--fallback-locale)');
    const marie = pythonParse([join(dir, 'out.mbox')], true).find((m) => m.to![0]!.address === 'marie@example.com')!;
    expect(marie.text!.split('\n')[0]).toBe('Hi Marie,');
  });

  it('an incident written in German is German for every customer without a locale, people noun and all', async () => {
    const { signer: _title, remedy: _details, ...de } = (incident.fields as Record<string, Record<string, unknown>>).de!;
    const dir = setup('email,name\nzoe@example.com,Zoë Müller\n', { ...incident, ...de, locale: 'de', fields: {}, people: 'patients', severity: 'critical', remedy: { kind: 'none' } });
    const r = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--format', 'text', '--html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Guten Tag Zoë Müller,');
    expect(r.stdout).toContain('Insgesamt waren 13.482 Patientinnen und Patienten betroffen.');
    expect(guessLanguage(r.stdout)).toBe('de');
  });

  it('the HTML part says its language', async () => {
    const dir = setup(MIXED);
    const r = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--format', 'ndjson', '--html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const htmlOf = (to: string) => (JSON.parse(r.stdout.split('\n').find((l) => l.includes(`"${to}`))!) as { html?: string }).html ?? '';
    expect(htmlOf('zoe@example.com')).toContain('<html lang="de-AT">');
    expect(htmlOf('ann@example.com')).toContain('<html lang="en">');
  });
});

describe('templates per locale', () => {
  it('--templates DIR/<locale>/NAME.hbs shadows that language only; eject --locale copies it there; lint checks every locale', async () => {
    const dir = setup(MIXED);
    const e = await cli(['templates', 'eject', 'shipping-delay', '--locale', 'de', '--to', 'tpl'], { cwd: dir });
    expect(e.code, e.stderr).toBe(0);
    const file = join(dir, 'tpl/de/shipping-delay.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^Subject: .*$/m, 'Subject: Eigener Betreff für {{company.name}}'));
    const r = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--format', 'ndjson', '--templates', 'tpl'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const subjects = new Map(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { to: string; subject: string }).map((m) => [m.to.replace(/^.*<|>$/g, ''), m.subject]));
    expect(subjects.get('zoe@example.com')).toBe('Eigener Betreff für Smith & Sons');
    expect(subjects.get('ann@example.com')).not.toContain('Eigener');
    expect(subjects.get('marie@example.com')).not.toContain('Eigener');

    mkdirSync(join(dir, 'bad/fr'), { recursive: true });
    writeFileSync(join(dir, 'bad/fr/generic.hbs'), 'Subject: x\n\n{{incident.nope}}\n');
    const lint = await cli(['templates', 'lint', 'bad'], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/^error fr\/generic .*incident\.nope/m);
  });
});

describe('check on a letter that is not English', () => {
  it('says it judges English only instead of scoring it 0; --json has the language and a null score', async () => {
    const letter = readFileSync(join(ROOT, 'tests/golden/de/shipping-delay.moderate.eml'), 'utf8');
    const r = await cli(['check', '-'], { input: letter });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("<stdin>: not scored — the text looks German (de); check judges English only\n");
    const j = await cli(['check', '--json', '-'], { input: letter });
    const report = JSON.parse(j.stdout) as { language: string; score: number | null; findings: unknown[] };
    expect([report.language, report.score, report.findings]).toEqual(['de', null, []]);
    const en = await cli(['check', '--json', join(ROOT, 'tests/golden/shipping-delay.moderate.eml')]);
    expect(JSON.parse(en.stdout)).toMatchObject({ score: expect.any(Number) });
    expect(JSON.parse(en.stdout)).not.toHaveProperty('language');
  });
});

describe('brief in the incident\'s language', () => {
  it('a German incident gets a German brief quoting the German letter, with German numbers and dates', async () => {
    const { signer: _t, remedy: _d, ...de } = (incident.fields as Record<string, Record<string, unknown>>).de!;
    const dir = setup('email\n', { ...incident, ...de, locale: 'de', fields: {} });
    const r = await cli(['brief', '--incident', 'incident.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Briefing für den Kundenservice: Smith & Sons, Vorfall [0-9a-f]{12}\n/);
    expect(r.stdout).toContain('**Betroffene Kundinnen und Kunden:** 13.482');
    expect(r.stdout).toContain('in Arbeit, fällig am Mittwoch, 25. November 2026');
    expect(r.stdout).toMatch(/^> Guten Tag,$/m);
    expect(guessLanguage(r.stdout)).toBe('de');
  });
});

describe('an incident in a language with no letters', () => {
  it('is a usage error naming the languages there are, not an English letter around Portuguese text', async () => {
    const dir = setup('email\nana@example.com\n', { ...incident, locale: 'pt-BR', fields: {} });
    const r = await cli(['batch', 'orders.csv', '--incident', 'incident.json', '--format', 'text'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apologize: there are no letters in locale "pt-BR" — use one of en, de, fr, es (locale, --locale), or add your own in a --templates folder named pt-BR/\n');
    expect(r.stdout).toBe('');
  });
});

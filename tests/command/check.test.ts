// apologize check, in-process (tests/helpers/cli.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lines } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

const LETTERS = join(ROOT, 'tests/fixtures/letters');
const update = process.env.UPDATE_GOLDEN === '1';

interface Report {
  file: string;
  score: number;
  parts: Record<string, { present: boolean }>;
  findings: { rule: string; line: number }[];
}

async function checkJson(args: string[]): Promise<Report> {
  const r = await cli(['check', '--json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Report;
}

describe('apologize check', () => {
  it.each([
    ['good-billing.txt', ['--severity', 'major']],
    ['corporate.txt', []],
    ['outage-with-joke.txt', ['--severity', 'major']],
    ['ceo.txt', []],
    ['tiny.txt', ['--severity', 'minor']],
    ['airline.txt', []],
    ['breach.txt', ['--severity', 'critical']],
  ])('%s matches its golden JSON report', async (name, extra) => {
    const r = await cli(['check', '--json', ...extra, join('tests/fixtures/letters', name)]);
    const golden = join(ROOT, 'tests/golden/check', name.replace(/\.txt$/, '.json'));
    if (update) writeFileSync(golden, r.stdout);
    expect(existsSync(golden)).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report.parts)).toEqual(['own-it', 'explain', 'commitment', 'remedy', 'humour', 'sign-off']);
    expect(r.code).toBe(report.score < 70 ? 1 : 0);
    expect(r.stderr).toBe('');
  });

  it('the good letter passes, the corporate one fails, humour on a major outage is an error', async () => {
    const good = await checkJson(['--severity', 'major', join(LETTERS, 'good-billing.txt')]);
    expect(good.score).toBeGreaterThanOrEqual(95);
    expect(good.findings).toEqual([]);
    const bad = await checkJson([join(LETTERS, 'corporate.txt')]);
    expect(bad.score).toBeLessThan(40);
    expect(new Set(bad.findings.map((f) => f.rule))).toEqual(new Set(['minimising', 'passive-voice', 'blame-shifting', 'corporate-filler', 'vague-explanation', 'vague-commitment', 'no-human']));
    expect(bad.parts['sign-off']!.present).toBe(false);
    const joke = await checkJson(['--severity', 'major', join(LETTERS, 'outage-with-joke.txt')]);
    expect(joke.findings).toContainEqual(expect.objectContaining({ rule: 'humour-on-severe', line: 11 }));
  });

  it('ranks letters the way a reader would: candid and concrete above hedged and corporate', async () => {
    const score = async (name: string) => (await checkJson([join(LETTERS, name)])).score;
    const [ceo, tiny, airline, breach] = [await score('ceo.txt'), await score('tiny.txt'), await score('airline.txt'), await score('breach.txt')];
    expect(ceo).toBeGreaterThanOrEqual(90);
    expect(tiny).toBeGreaterThanOrEqual(70);
    expect(airline).toBeLessThan(50);
    expect(breach).toBeLessThan(30);
  });

  it('several files give an array; stdin works; --min-score sets the exit code', async () => {
    const both = await cli(['check', '--json', join(LETTERS, 'good-billing.txt'), join(LETTERS, 'corporate.txt')]);
    expect(both.code).toBe(1);
    expect((JSON.parse(both.stdout) as Report[]).map((r) => r.file)).toEqual([join(LETTERS, 'good-billing.txt'), join(LETTERS, 'corporate.txt')]);
    const piped = await cli(['check', '--json', '-'], { input: readFileSync(join(LETTERS, 'good-billing.txt')) });
    expect(piped.code).toBe(0);
    const fromStdin = JSON.parse(piped.stdout) as Report;
    expect(fromStdin.file).toBe('<stdin>');
    expect({ ...fromStdin, file: '' }).toEqual({ ...(await checkJson([join(LETTERS, 'good-billing.txt')])), file: '' });
    // (tiny.txt scores 80: under 100, over the default 70)
    expect((await cli(['check', join(LETTERS, 'tiny.txt')])).code).toBe(0);
    expect((await cli(['check', '--min-score', '100', join(LETTERS, 'tiny.txt')])).code).toBe(1);
    const over = await cli(['check', '--min-score', '101', join(LETTERS, 'good-billing.txt')]);
    expect(over.code).toBe(2);
    expect(over.stdout).toBe('');
    expect(over.stderr).toBe('apologize: --min-score "101" must be a whole number from 0 to 100 — e.g. --min-score 80\n');
    const missing = await cli(['check', 'missing.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('apologize: cannot read missing.txt: no such file — check the path\n');
  });

  it('decodes an .eml (quoted-printable, encoded subject) and checks the subject too', async () => {
    const draft = await cli(['draft', '--no-input', '--incident', 'examples/incident.yaml', '--to', 'Zoë <zoe@example.com>', '--severity', 'critical', '--humour', 'off', '--no-check']);
    expect(draft.code).toBe(0);
    const dir = tempDir();
    const eml = join(dir, 'm.eml');
    writeFileSync(eml, draft.stdout.replace('Subject: ', 'Subject: Sorry if you were upset: '));
    const r = await checkJson(['--severity', 'critical', eml]);
    expect(r.findings.map((f) => f.rule)).toEqual(['conditional-apology']);
    expect(r.findings[0]!.line).toBe(4);
  });

  it('the human report names each part and each finding with a hint', async () => {
    const r = await cli(['check', join(LETTERS, 'corporate.txt')]);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toBe(`${join(LETTERS, 'corporate.txt')}: 0/100 (below 70)`);
    expect(out).toContain('  ✗ own-it     Say plainly, in the first person, that it was your mistake: "We got this wrong, and it\'s on us."');
    expect(out).toContain('  warning line 3   minimising “any inconvenience” — Name the real harm and the real number instead of "any inconvenience" or "a small number of".');
    expect(r.stderr).toBe('');
  });
});

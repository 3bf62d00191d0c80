import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir } from '../helpers/run.js';

const LETTERS = join(ROOT, 'tests/fixtures/letters');
const update = process.env.UPDATE_GOLDEN === '1';

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
    const r = await runBin(['check', '--json', ...extra, join('tests/fixtures/letters', name)]);
    const golden = join(ROOT, 'tests/golden/check', name.replace(/\.txt$/, '.json'));
    if (update) writeFileSync(golden, r.stdout);
    expect(existsSync(golden)).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    const report = JSON.parse(r.stdout) as { score: number; parts: Record<string, unknown>; findings: unknown[] };
    expect(Object.keys(report.parts)).toEqual(['own-it', 'explain', 'commitment', 'remedy', 'humour', 'sign-off']);
    expect(r.code).toBe(report.score < 70 ? 1 : 0);
  });

  it('the good letter passes, the corporate one fails, humour on a major outage is an error', async () => {
    const good = JSON.parse((await runBin(['check', '--json', '--severity', 'major', join(LETTERS, 'good-billing.txt')])).stdout) as { score: number; findings: unknown[] };
    expect(good.score).toBeGreaterThanOrEqual(95);
    expect(good.findings).toEqual([]);
    const bad = JSON.parse((await runBin(['check', '--json', join(LETTERS, 'corporate.txt')])).stdout) as { score: number; findings: { rule: string }[] };
    expect(bad.score).toBeLessThan(40);
    expect(new Set(bad.findings.map((f) => f.rule))).toEqual(new Set(['minimising', 'passive-voice', 'blame-shifting', 'corporate-filler', 'vague-commitment', 'no-human']));
    expect((JSON.parse((await runBin(['check', '--json', join(LETTERS, 'corporate.txt')])).stdout) as { parts: { 'sign-off': { present: boolean } } }).parts['sign-off'].present).toBe(false);
    const joke = JSON.parse((await runBin(['check', '--json', '--severity', 'major', join(LETTERS, 'outage-with-joke.txt')])).stdout) as { findings: { rule: string; line: number }[] };
    expect(joke.findings).toContainEqual(expect.objectContaining({ rule: 'humour-on-severe', line: 11 }));
  });

  it('ranks letters the way a reader would: candid and concrete above hedged and corporate', async () => {
    const score = async (name: string) => (JSON.parse((await runBin(['check', '--json', join(LETTERS, name)])).stdout) as { score: number }).score;
    const [ceo, tiny, airline, breach] = [await score('ceo.txt'), await score('tiny.txt'), await score('airline.txt'), await score('breach.txt')];
    expect(ceo).toBeGreaterThanOrEqual(90);
    expect(tiny).toBeGreaterThanOrEqual(70);
    expect(airline).toBeLessThan(50);
    expect(breach).toBeLessThan(30);
  });

  it('several files give an array; stdin works; --min-score sets the exit code', async () => {
    const both = await runBin(['check', '--json', join(LETTERS, 'good-billing.txt'), join(LETTERS, 'corporate.txt')]);
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stdout)).toHaveLength(2);
    const piped = await runBin(['check', '--json', '-'], { input: readFileSync(join(LETTERS, 'good-billing.txt')) });
    expect((JSON.parse(piped.stdout) as { file: string }).file).toBe('<stdin>');
    expect(piped.code).toBe(0);
    expect((await runBin(['check', '--min-score', '100', join(LETTERS, 'outage-with-joke.txt')])).code).toBe(1);
    expect((await runBin(['check', '--min-score', '101', join(LETTERS, 'good-billing.txt')])).code).toBe(2);
    expect((await runBin(['check', 'missing.txt'])).stderr).toMatch(/cannot read missing\.txt: no such file/);
  });

  it('decodes an .eml (quoted-printable, encoded subject) and checks the subject too', async () => {
    const draft = await runBin(['draft', '--no-input', '--incident', 'examples/incident.yaml', '--to', 'Zoë <zoe@example.com>', '--severity', 'critical', '--humour', 'off', '--no-check']);
    const dir = tempDir();
    const eml = join(dir, 'm.eml');
    writeFileSync(eml, draft.stdout.replace('Subject: ', 'Subject: Sorry if you were upset: '));
    const r = JSON.parse((await runBin(['check', '--json', '--severity', 'critical', eml])).stdout) as { score: number; findings: { rule: string; line: number }[] };
    expect(r.findings.map((f) => f.rule)).toEqual(['conditional-apology']);
    expect(r.findings[0]!.line).toBe(4);
  });

  it('the human report names each part and each finding with a hint', async () => {
    const r = await runBin(['check', join(LETTERS, 'corporate.txt')]);
    expect(r.stdout).toMatch(/corporate\.txt: \d+\/100 \(below 70\)/);
    expect(r.stdout).toMatch(/✗ own-it +Say plainly/);
    expect(r.stdout).toMatch(/warning line 3 +minimising “any inconvenience” — /);
  });
});

describe('templates', () => {
  it('lint: every built-in template scores ≥ 85 at every severity with no finding', async () => {
    const r = await runBin(['templates', 'lint']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/14 template\(s\), 168 renders checked, lowest score (8[5-9]|9\d|100), 0 error\(s\), 0 render\(s\) below 85/);
  });

  it('lint catches a broken, an unknown-variable and a weak user template', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.hbs'), 'Subject: x\n\n{{#if incident.mistake}}\n');
    writeFileSync(join(dir, 'typo.hbs'), 'Subject: x\n\nHello {{recipient.frist_name}}\n');
    writeFileSync(join(dir, 'weak.hbs'), 'Subject: Update\n\nWe apologize for any inconvenience.\n');
    const r = await runBin(['templates', 'lint', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.hbs:\d+: Parse error/);
    expect(r.stdout).toMatch(/typo\.hbs:3: recipient\.frist_name is not defined/);
    expect(r.stdout).not.toContain('[object Object]');
    expect(r.stdout).toMatch(/weak \(minor, named, one order\): \d+\/100/);
  });

  it('list, show and eject', async () => {
    const list = await runBin(['templates', 'list']);
    expect(list.stdout.trim().split('\n')).toHaveLength(7);
    expect(list.stdout).toMatch(/^data-exposure +built-in +apology, followup$/m);
    const show = await runBin(['templates', 'show', 'wrong-item']);
    expect(show.stdout).toBe(readFileSync(join(ROOT, 'templates/wrong-item.hbs'), 'utf8'));
    const dir = tempDir();
    const ej = await runBin(['templates', 'eject', 'wrong-item', '--to', join(dir, 't')]);
    expect(ej.code).toBe(0);
    expect(readFileSync(join(dir, 't', 'wrong-item.hbs'), 'utf8')).toBe(show.stdout);
    expect((await runBin(['templates', 'eject', 'wrong-item', '--to', join(dir, 't')])).code).toBe(2);
    expect((await runBin(['templates', 'show', 'nope'])).stderr).toMatch(/no template "nope"/);
  });

  it('draft shows the check report on stderr, and --no-check hides it', async () => {
    const r = await runBin(['draft', '--no-input', '--incident', 'examples/incident.yaml']);
    expect(r.stderr).toMatch(/^check: 100\/100 +✓ own-it/m);
    expect(r.stdout).not.toMatch(/check:/);
    expect((await runBin(['draft', '--no-input', '--incident', 'examples/incident.yaml', '--no-check'])).stderr).toBe('');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkApology, type CheckReport } from '../../src/check/score.js';
import { analyseText } from '../../src/check/text.js';
import { ROOT } from '../helpers/run.js';

// `check` must be linear in its input (SPEC budget, measured by `npm run bench`, never here). This
// text is what made it quadratic: thousands of short lines, one paragraph of many short sentences,
// a long run that looks like the start of an email address, and one open quotation full of
// apologies that each have to be recognised as quoted. Before the fix it took minutes.
const HOSTILE = [
  'ok then\n'.repeat(25_000),
  '\n',
  'Hi there.\n'.repeat(20_000),
  '\n',
  `${'a.'.repeat(200_000)}\n`,
  '\n',
  `“${'we are sorry, '.repeat(14_500)}\n`,
].join('');
const HOSTILE_LINES = HOSTILE.split('\n').length - 1;

const GOLDEN: [string, string | undefined][] = [
  ['good-billing', 'major'],
  ['corporate', undefined],
  ['outage-with-joke', 'major'],
  ['ceo', undefined],
  ['tiny', 'minor'],
  ['airline', undefined],
  ['breach', 'critical'],
];

const golden = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests/golden/check', `${name}.json`), 'utf8')) as CheckReport;
const letter = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/letters', `${name}.txt`), 'utf8');

describe('check on a 1 MB hostile text', () => {
  it('completes, and finds nothing in it but its size and what it lacks', () => {
    expect(HOSTILE.length).toBeGreaterThan(1_000_000);
    const report = checkApology(analyseText(HOSTILE), { file: 'hostile' });
    expect(Object.values(report.parts).every((p) => !p.present)).toBe(true); // every “sorry” is inside the quotation
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['wall-of-text', 'no-human', 'no-specifics']));
    expect(report.score).toBe(0);
  });

  it.each(GOLDEN)('with %s.txt after it gives that letter its golden report (lines moved down)', (name, severity) => {
    const want = golden(name);
    const got = checkApology(analyseText(`${HOSTILE}\n${letter(name)}`), { file: want.file, severity });
    expect(got.parts).toEqual(want.parts);
    const fromLetter = got.findings.filter((f) => f.line !== null && f.line > HOSTILE_LINES).map((f) => ({ ...f, line: f.line! - HOSTILE_LINES - 1 }));
    expect(fromLetter).toEqual(want.findings.filter((f) => f.line !== null));
    // the whole-text findings: the letter's, and the size of the whole
    const overall = new Set(got.findings.filter((f) => f.line === null).map((f) => f.rule));
    expect(overall).toEqual(new Set([...want.findings.filter((f) => f.line === null).map((f) => f.rule), 'wall-of-text']));
  });

  it('gives the golden reports to the letters themselves', () => {
    for (const [name, severity] of GOLDEN) {
      const want = golden(name);
      expect(checkApology(analyseText(letter(name)), { file: want.file, severity })).toEqual(want);
    }
  });
});

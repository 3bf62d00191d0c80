// `npm run check-eval`: how far `apologize check` agrees with a person on real published apologies.
// The corpus is tests/fixtures/corpus: NAME.txt (the text, or the part of it that carries the
// apology) and NAME.json (its source, a person's labels per part with the evidence sentence, the
// severity and a grade). Prints, for the development part and for the held-out set separately,
// the agreement on each part (present/absent) and the AUC of the score for good versus poor
// letters. `-- --verbose` lists every disagreement on the development part (never the held-out
// set: looking at it is tuning on it); `-- --dev-only` leaves the held-out set out altogether (for
// tuning runs); `-- --json` prints the figures as JSON.
//
// The held-out set is listed in bench/check-held-out.json: letters added in the second round only,
// chosen by a fixed rule before check was run on them (docs/check.md). Never tune on it; the first
// round's held-out fifth was seen and is development now.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CORPUS = here('../tests/fixtures/corpus');
const PARTS = ['own-it', 'explain', 'commitment', 'remedy', 'humour', 'sign-off'];
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');
const devOnly = process.argv.includes('--dev-only');

mkdirSync(here('./data'), { recursive: true });
const lib = here('./data/check-eval-lib.mjs');
await build({
  stdin: { contents: "export { checkApology } from './src/check/score.ts'; export { loadForCheck } from './src/check/text.ts';", resolveDir: here('..'), loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: lib, logLevel: 'warning', external: ['mailparser'],
});
const { checkApology, loadForCheck } = await import(`${pathToFileURL(lib).href}?t=${Date.now()}`);

const items = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).map((f) => {
  const name = f.slice(0, -5);
  return { name, label: JSON.parse(readFileSync(`${CORPUS}/${f}`, 'utf8')), raw: readFileSync(`${CORPUS}/${name}.txt`) };
});

/** The held-out letters, listed by name (the rule that chose them is in the file and docs/check.md). */
const heldOut = new Set(JSON.parse(readFileSync(here('./check-held-out.json'), 'utf8')).letters);
for (const name of heldOut) if (!items.some((i) => i.name === name)) throw new Error(`check-held-out.json names ${name}, which is not in the corpus`);

for (const item of items) {
  if (devOnly && heldOut.has(item.name)) continue;
  const text = await loadForCheck(item.raw, `${item.name}.txt`);
  item.report = checkApology(text, { file: item.name });
}

function auc(set) {
  const good = set.filter((i) => i.label.grade === 'good').map((i) => i.report.score);
  const poor = set.filter((i) => i.label.grade === 'poor').map((i) => i.report.score);
  if (!good.length || !poor.length) return null;
  let wins = 0;
  for (const g of good) for (const p of poor) wins += g > p ? 1 : g === p ? 0.5 : 0;
  return wins / (good.length * poor.length);
}

function figures(set) {
  const agreement = {};
  for (const part of PARTS) agreement[part] = set.filter((i) => i.report.parts[part].present === i.label.parts[part].present).length / set.length;
  const grades = Object.fromEntries(['good', 'mixed', 'poor'].map((g) => [g, set.filter((i) => i.label.grade === g).length]));
  return { letters: set.length, grades, agreement, auc: auc(set) };
}

const dev = items.filter((i) => !heldOut.has(i.name));
const held = items.filter((i) => heldOut.has(i.name));
const result = { development: figures(dev), heldOut: devOnly ? null : figures(held) };

if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const pct = (x) => `${(100 * x).toFixed(0)}%`.padStart(5);
  const row = (label, f) => `${label.padEnd(12)}${String(f.letters).padStart(4)}  ${PARTS.map((p) => pct(f.agreement[p])).join('  ')}  ${f.auc === null ? '  n/a' : f.auc.toFixed(2).padStart(5)}`;
  console.log(`${''.padEnd(12)}${'n'.padStart(4)}  ${PARTS.map((p) => p.slice(0, 5).padStart(5)).join('  ')}  ${'AUC'.padStart(5)}`);
  console.log(row('development', result.development));
  if (result.heldOut) console.log(row('held-out', result.heldOut));
  console.log(`(grades: development ${JSON.stringify(result.development.grades)}${result.heldOut ? `, held-out ${JSON.stringify(result.heldOut.grades)}` : ', held-out not run'}; AUC = good above poor by score)`);
  if (verbose) {
    for (const item of dev) {
      const wrong = PARTS.filter((p) => item.report.parts[p].present !== item.label.parts[p].present);
      console.log(`\n${item.name}: score ${item.report.score} (${item.label.grade})${wrong.length ? '' : ' — agrees on every part'}`);
      for (const p of wrong) console.log(`  ${p}: check says ${item.report.parts[p].present ? `present “${item.report.parts[p].evidence}”` : 'absent'}; label ${item.label.parts[p].present ? `present “${item.label.parts[p].evidence}”` : 'absent'}`);
      if (item.report.findings.length) console.log(`  findings: ${item.report.findings.map((f) => f.rule).join(', ')}`);
    }
  }
}

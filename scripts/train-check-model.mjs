// Writes src/check/check-model.json: the learned part model of `apologize check`, trained on every
// labelled letter of tests/fixtures/corpus (bench/check-train.mjs says how). Run it after the corpus,
// its labels or the sentence features (src/check/features.ts) change, then `npm run check-eval -- --model-cv`
// to see how far the model carries to letters it was not trained on.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { trainModel, MODEL_PARTS } from '../bench/check-train.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CORPUS = here('../tests/fixtures/corpus');
mkdirSync(here('../bench/data'), { recursive: true });
const lib = here('../bench/data/check-train-lib.mjs');
await build({
  stdin: { contents: "export { readSentences } from './src/check/score.ts';\nexport { loadForCheck } from './src/check/text.ts';", resolveDir: here('..'), loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: lib, logLevel: 'warning', external: ['mailparser', 'handlebars', 'zod', 'chardet', 'iconv-lite'],
});
const { readSentences, loadForCheck } = await import(`${pathToFileURL(lib).href}?t=${Date.now()}`);

const letters = [];
// only the development rounds of bench/check-rounds.json: never the held-out set, nor a new round's files not yet listed
const rounds = JSON.parse(readFileSync(here('../bench/check-rounds.json'), 'utf8'));
const development = new Set(Object.entries(rounds).filter(([k]) => /^\d+$/.test(k)).flatMap(([, v]) => v));
for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.json') && development.has(x.slice(0, -5))).sort()) {
  const name = f.slice(0, -5);
  const text = await loadForCheck(readFileSync(`${CORPUS}/${name}.txt`), `${name}.txt`);
  letters.push({ name, label: JSON.parse(readFileSync(`${CORPUS}/${f}`, 'utf8')), rows: readSentences(text).rows });
}
const { parts } = trainModel(letters, { parts: MODEL_PARTS });
const model = {
  source: `tests/fixtures/corpus: ${letters.length} published apologies labelled by a person (LABELLING.md); positives are the labelled evidence sentences, negatives every sentence of the letters labelled without the part; L2 logistic regression per part (bench/check-train.mjs), threshold by 5-fold cross-validation; written by scripts/train-check-model.mjs`,
  parts: Object.fromEntries(MODEL_PARTS.map((p) => [p, parts[p]])),
};
writeFileSync(here('../src/check/check-model.json'), `${JSON.stringify(model, null, 1)}\n`);
for (const p of MODEL_PARTS) console.log(`${p}: ${Object.keys(parts[p].weights).length} weights, threshold ${parts[p].threshold}`);
if (!MODEL_PARTS.length) console.log('no part is decided by the model (bench/check-train.mjs MODEL_PARTS): the rules decide every part');

// `check` at 100 KB and 1 MB: SPEC.md's budget is time linear in input size (a 1 MB text ≤ 10× a
// 100 KB one). Timed in-process (the check code bundled from src/ with esbuild), so that start-up
// and the machine's noise do not hide the shape; sizes run alternately. Two texts: real letters
// repeated, and a hostile one (short lines, address-like runs, a long quotation of apologies).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const LETTERS = here('../tests/fixtures/letters');
const RUNS = Number(process.env.BENCH_CHECK_RUNS ?? 5);

const fill = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const TEXTS = {
  letters: (size) => fill(readdirSync(LETTERS).map((f) => readFileSync(`${LETTERS}/${f}`, 'utf8')).join('\n\n'), size),
  hostile: (size) => {
    const q = Math.floor(size / 4);
    return [fill('ok then\n', q), '\n', fill('Hi there.\n', q), '\n', fill('a.', q), '\n\n', `“${fill('we are sorry, ', q)}`].join('');
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCheck() {
  mkdirSync(here('./data'), { recursive: true });
  const lib = here('./data/check-lib.mjs');
  await build({
    stdin: { contents: "export { checkApology } from './src/check/score.ts'; export { loadForCheck } from './src/check/text.ts';", resolveDir: here('..'), loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: lib, logLevel: 'warning', external: ['mailparser'],
  });
  const { checkApology, loadForCheck } = await import(pathToFileURL(lib).href);
  const check = async (buf) => checkApology(await loadForCheck(buf, 'bench.txt'), { file: 'bench.txt' });
  console.log(`check, in-process (median of ${RUNS}, sizes alternating)`);
  for (const [kind, make] of Object.entries(TEXTS)) {
    const inputs = { small: Buffer.from(make(100_000)), big: Buffer.from(make(1_000_000)) };
    const samples = { small: [], big: [] };
    await check(inputs.small); // warm up
    for (let i = 0; i < RUNS; i++) {
      for (const size of ['small', 'big']) {
        const t0 = process.hrtime.bigint();
        await check(inputs[size]);
        samples[size].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    const small = median(samples.small);
    const big = median(samples.big);
    const ratio = big / small;
    console.log(`  ${kind.padEnd(8)} 100 KB ${small.toFixed(0).padStart(5)} ms   1 MB ${big.toFixed(0).padStart(6)} ms   ratio ${ratio.toFixed(1)}×${ratio <= 10 ? '   ok (budget 10×)' : '   OVER BUDGET (10×)'}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCheck();

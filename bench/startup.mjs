// Start-up time: `apologize --version` and `apologize draft --help` against a bare
// `node -e 0`, run alternately in the same process so machine noise hits all three.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/apologize.js', import.meta.url));
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 25);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export function benchStartup() {
  const cases = { 'node -e 0': ['-e', '0'], 'apologize --version': [BIN, '--version'], 'apologize draft --help': [BIN, 'draft', '--help'] };
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < 3; i++) for (const args of Object.values(cases)) time(args); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));
  const base = median(samples['node -e 0']);
  const rows = Object.entries(samples).map(([name, xs]) => ({ name, median: median(xs), ratio: median(xs) / base }));
  console.log(`start-up (median of ${RUNS}, alternating)`);
  for (const r of rows) console.log(`  ${r.name.padEnd(24)} ${r.median.toFixed(1).padStart(7)} ms   ${r.ratio.toFixed(2)}× node -e 0${r.name === 'node -e 0' ? '' : r.ratio <= 1.5 ? '   ok (budget 1.5×)' : '   OVER BUDGET (1.5×)'}`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) benchStartup();

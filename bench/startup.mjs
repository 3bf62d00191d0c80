// Start-up time: `apologize --version` and `apologize draft --help` against a bare
// `node -e 0`, and a 20-row batch against `--version`, run alternately in the same process so
// machine noise hits them all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/apologize.js', import.meta.url));
const INCIDENT = fileURLToPath(new URL('../examples/incident.yaml', import.meta.url));
const DATA = fileURLToPath(new URL('./data', import.meta.url));

/** A 20-row CSV of the benchmark's kind (13 customers). */
function twentyRows() {
  mkdirSync(DATA, { recursive: true });
  const file = `${DATA}/20.csv`;
  const rows = Array.from({ length: 20 }, (_, i) => `A-${100000 + i},Zoë Müller ${Math.floor(i / 1.5)},customer${Math.floor(i / 1.5)}@example.com,Assam Breakfast,${15 + i / 100},2026-07-0${(i % 9) + 1},Zürich`);
  writeFileSync(file, `Order No,Customer Name,Email,Product,Amount,Ship Date,City\n${rows.join('\n')}\n`);
  return file;
}
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
  const csv = twentyRows();
  const cases = {
    'node -e 0': ['-e', '0'],
    'apologize --version': [BIN, '--version'],
    'apologize draft --help': [BIN, 'draft', '--help'],
    'batch, 20 rows': [BIN, 'batch', csv, '--incident', INCIDENT, '--out', '/dev/null'],
  };
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < 3; i++) for (const args of Object.values(cases)) time(args); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));
  // Each case against its reference (a 20-row batch against --version), as SPEC.md's budgets are.
  const reference = { 'apologize --version': ['node -e 0', 1.5], 'apologize draft --help': ['node -e 0', 1.5], 'batch, 20 rows': ['apologize --version', 3] };
  const rows = Object.entries(samples).map(([name, xs]) => {
    const [ref, budget] = reference[name] ?? [];
    return { name, median: median(xs), ref, budget, ratio: ref ? median(xs) / median(samples[ref]) : undefined };
  });
  console.log(`start-up (median of ${RUNS}, alternating)`);
  for (const r of rows) {
    const verdict = r.ratio === undefined ? '' : `   ${r.ratio.toFixed(2)}× ${r.ref}${r.ratio <= r.budget ? `   ok (budget ${r.budget}×)` : `   OVER BUDGET (${r.budget}×)`}`;
    console.log(`  ${r.name.padEnd(24)} ${r.median.toFixed(1).padStart(7)} ms${verdict}`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) benchStartup();

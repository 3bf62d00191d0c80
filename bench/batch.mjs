// `batch` to mbox at 100k and 1M rows: wall time, rows/s and peak RSS, against
// SPEC.md's budget (1M rows ≤ 3 s on 2 cores; peak RSS ≤ 150 MB and flat).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCsv } from './gen.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const BIN = here('../bin/apologize.js');
const HOOK = here('./rss-hook.mjs');
const INCIDENT = here('../examples/incident.yaml');

function runOnce(csv, extra = []) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, 'batch', csv, '--incident', INCIDENT, '--out', '/dev/null', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, APOLOGIZE_NOW: '2026-07-08T09:00:00Z' },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`batch failed (${r.status}): ${r.stderr}`);
  const rss = Number(/bench-peak-rss-kb (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rss };
}

export async function benchBatch() {
  mkdirSync(here('./data'), { recursive: true });
  const sizes = [100_000, 1_000_000];
  const rows = [];
  for (const n of sizes) {
    const csv = here(`./data/${n}.csv`);
    if (!existsSync(csv)) await generateCsv(csv, n);
    const runs = [runOnce(csv), runOnce(csv)];
    const best = runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    rows.push({ n, ...best, peak: Math.max(...runs.map((r) => r.rss)) });
  }
  const scatteredCsv = here('./data/200k-scattered.csv');
  if (!existsSync(scatteredCsv)) await generateCsv(scatteredCsv, 200_000, { scattered: true });
  const scattered = runOnce(scatteredCsv);
  const groupedCsv = here('./data/200k-customers-x3.csv');
  if (!existsSync(groupedCsv)) await generateCsv(groupedCsv, 600_000, { perCustomer: 3 });
  const grouped = runOnce(groupedCsv);
  const oneCsv = here('./data/1m-one-customer.csv');
  if (!existsSync(oneCsv)) await generateCsv(oneCsv, 1_000_000, { perCustomer: 1_000_000 });
  const one = runOnce(oneCsv);

  console.log('batch → mbox (best of 2; --out /dev/null)');
  for (const r of rows) {
    console.log(`  ${r.n.toLocaleString('en-US').padStart(9)} rows  ${r.seconds.toFixed(2).padStart(6)} s  ${Math.round(r.n / r.seconds).toLocaleString('en-US').padStart(9)} rows/s  peak RSS ${r.rss.toFixed(0)} MB`);
  }
  const big = rows[rows.length - 1];
  const small = rows[0];
  console.log(`  budget: 1M rows ≤ 3 s → ${big.seconds.toFixed(2)} s (${(big.seconds / 3).toFixed(2)}× budget)${big.seconds <= 3 ? '   ok' : '   OVER BUDGET'}`);
  console.log(`  budget: peak RSS ≤ 150 MB and flat → ${small.rss.toFixed(0)} MB at 100k, ${big.rss.toFixed(0)} MB at 1M (ratio ${(big.rss / small.rss).toFixed(2)})${big.rss <= 150 && big.rss / small.rss < 1.25 ? '   ok' : '   OVER BUDGET'}`);
  console.log(`  grouped: 200k customers × 3 orders (600k rows): ${grouped.seconds.toFixed(2)} s, peak RSS ${grouped.rss.toFixed(0)} MB${grouped.rss <= 150 ? '   ok (≤ 150 MB)' : '   OVER BUDGET'}`);
  console.log(`  one customer, 1M rows (25 orders listed, the rest counted): ${one.seconds.toFixed(2)} s, peak RSS ${one.rss.toFixed(0)} MB${one.rss <= 150 ? '   ok (≤ 150 MB)' : '   OVER BUDGET'}`);
  console.log(`  scattered: 200k rows, every customer's rows spread out: ${scattered.seconds.toFixed(2)} s, peak RSS ${scattered.rss.toFixed(0)} MB${scattered.rss <= 150 ? '   ok (≤ 150 MB)' : '   OVER BUDGET'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBatch();

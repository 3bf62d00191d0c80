// The floor under the .eml folder budget: how long this machine's file system takes to create the
// same files with no apologize at all. Each round, in turn: `batch` of 100k rows to an mbox file,
// `batch` to an .eml folder, bare Node writing the mbox's messages as one file each (open with
// O_CREAT|O_EXCL, write, close: what any writer must do, without composing anything), and
// coreutils `split` cutting the mbox into as many files. Each is one process timed by
// /usr/bin/time; the figures are medians over the rounds (BENCH_EML_ROUNDS, default 3).
// `npm run bench -- eml-floor`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCsv } from './gen.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const BIN = here('../bin/apologize.js');
const INCIDENT = here('../examples/incident.yaml');
const TIME = '/usr/bin/time';
const ROUNDS = Number(process.env.BENCH_EML_ROUNDS ?? 3);

// Bare Node: the messages of an mbox (each starts at a line "From "), one file each, in a new folder.
const NODE_WRITER = `
const fs = require('node:fs');
const [mbox, dir] = process.argv.slice(1);
const data = fs.readFileSync(mbox);
const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL;
fs.mkdirSync(dir);
let start = 0, n = 0;
while (start < data.length) {
  let end = data.indexOf('\\nFrom ', start);
  end = end < 0 ? data.length : end + 1;
  const fd = fs.openSync(dir + '/' + (n++) + '.eml', flags, 0o666);
  let at = start;
  while (at < end) at += fs.writeSync(fd, data, at, end - at);
  fs.closeSync(fd);
  start = end;
}
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One process under /usr/bin/time: { seconds, user, sys }. */
function timed(argv, env = process.env) {
  const report = join(mkdtempSync(join(here('./data'), 'time-')), 'time.txt');
  try {
    const r = spawnSync(TIME, ['-f', '%e %U %S', '-o', report, ...argv], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
    const [seconds, user, sys] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
    return { seconds, user, sys };
  } finally {
    rmSync(join(report, '..'), { recursive: true, force: true });
  }
}

export async function benchEmlFloor() {
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing (apt-get install time)`);
  mkdirSync(here('./data'), { recursive: true });
  const csv = here('./data/100000.csv');
  if (!existsSync(csv)) await generateCsv(csv, 100_000);
  const env = { ...process.env, APOLOGIZE_NOW: '2026-07-08T09:00:00Z' };
  const batch = (format, out) => timed([process.execPath, BIN, 'batch', csv, '--incident', INCIDENT, '--format', format, '--out', out], env);
  const runs = { mbox: [], eml: [], node: [], split: [] };
  let files = 0;
  let bytes = 0;
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const work = mkdtempSync(join(here('./data'), 'floor-'));
    try {
      const mbox = join(work, 'out.mbox');
      const cases = {
        mbox: () => batch('mbox', mbox),
        eml: () => batch('eml', join(work, 'eml')),
        node: () => timed([process.execPath, '-e', NODE_WRITER, mbox, join(work, 'node')]),
        split: () => (mkdirSync(join(work, 'split')), timed(['split', '-n', String(files), '-a', '6', mbox, join(work, 'split', 'm')])),
      };
      // The mbox first (the others read it, or count its messages), then the rest in an order that turns each round
      // (the first round's eml run first: it counts the files split makes).
      runs.mbox.push(cases.mbox());
      bytes = readFileSync(mbox).length;
      const rest = ['eml', 'node', 'split'];
      for (let i = 0; i < rest.length; i++) {
        const k = rest[(i + round) % rest.length];
        runs[k].push(cases[k]());
        if (k === 'eml') files = readdirSync(join(work, 'eml')).length;
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const m = Object.fromEntries(Object.entries(runs).map(([k, xs]) => [k, { seconds: median(xs.map((x) => x.seconds)), sys: median(xs.map((x) => x.sys)), user: median(xs.map((x) => x.user)) }]));
  const floor = Math.min(m.node.seconds, m.split.seconds);
  const s = (x) => `${x.seconds.toFixed(2)} s (user ${x.user.toFixed(2)}, system ${x.sys.toFixed(2)})`;
  console.log(`eml folder floor: ${files.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(0)} MB (median of ${ROUNDS} rounds; /usr/bin/time; load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores, rounds took ${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(`  apologize → mbox file:          ${s(m.mbox)}`);
  console.log(`  apologize → eml folder:         ${s(m.eml)} = ${(m.eml.seconds / m.mbox.seconds).toFixed(2)}× mbox (budget 2.5×)`);
  console.log(`  bare Node, one file a message:  ${s(m.node)}`);
  console.log(`  split -n ${files}:           ${s(m.split)}`);
  console.log(`  eml ÷ floor: ${(m.eml.seconds / floor).toFixed(2)}×   floor ÷ mbox: ${(floor / m.mbox.seconds).toFixed(2)}× — ${floor / m.mbox.seconds > 2.5 ? 'creating the files alone is over the 2.5× budget here: no writer can meet it on this file system' : 'the budget is within reach of a writer here'}`);
  return { m, files, bytes, floor };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEmlFloor();

// Delivery to an SMTP server on 127.0.0.1 (smtp-server, in this process, taking every message):
// messages/s of `batch --smtp` at --concurrency 1 and 4, and of `--exec msmtp` (one process per
// message) at --concurrency 4, in rounds (BENCH_SMTP_RUNS, default 3) so noise hits them alike;
// each figure is the median of its runs, wall time of the whole process. SPEC.md: ≥ 400 msg/s
// with --smtp (a Python mail-merge tool does about 325 here, --exec msmtp about 30). Beside them,
// the ceiling: a bare nodemailer pool (one connection) sending one ready message over and over,
// in a process of its own, so a slow reading on a busy machine can be told from our overhead.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { generateCsv } from './gen.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const BIN = here('../bin/apologize.js');
const INCIDENT = here('../examples/incident.yaml');
const RUNS = Number(process.env.BENCH_SMTP_RUNS ?? 3);
/** Customers per --smtp run (about 1.5 rows each), and per --exec msmtp run (about 30/s: fewer). */
const SMTP_ROWS = 3000;
const EXEC_ROWS = 450;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function startServer() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, received: () => received, close: () => new Promise((r) => server.close(r)) };
}

/** One batch process (asynchronous: the server runs in this process); resolves with { seconds, messages }. */
function runOnce(args) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, APOLOGIZE_NOW: '2026-07-08T09:00:00Z', CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) return reject(new Error(`apologize ${args.join(' ')} exited ${code}: ${stderr}`));
      const messages = Number((/, ([\d,]+) messages?/.exec(stderr)?.[1] ?? '0').replace(/,/g, ''));
      resolve({ seconds, messages });
    });
  });
}

/** A bare nodemailer pool sending `raw` n times over one connection: the library's own rate here. */
const REFERENCE = `
import { createTransport } from 'nodemailer';
import { readFileSync } from 'node:fs';
const [port, file, n] = process.argv.slice(1);
const raw = readFileSync(file);
const t = createTransport({ pool: true, maxConnections: 1, host: '127.0.0.1', port: Number(port), logger: false });
for (let i = 0; i < Number(n); i++) await t.sendMail({ envelope: { from: 'care@pemberton-tea.example', to: ['c' + i + '@example.com'] }, raw });
t.close();
`;

function runReference(port, file, n) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--input-type=module', '-e', REFERENCE, String(port), file, String(n)], { cwd: here('..'), stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, messages: n }) : reject(new Error(`the nodemailer reference exited ${code}`))));
  });
}

async function csvOf(name, rows) {
  const csv = here(`./data/${name}.csv`);
  if (!existsSync(csv)) await generateCsv(csv, rows);
  return csv;
}

export async function benchSmtp() {
  mkdirSync(here('./data'), { recursive: true });
  const server = await startServer();
  const smtpCsv = await csvOf(`smtp-${SMTP_ROWS}`, SMTP_ROWS);
  const execCsv = await csvOf(`smtp-${EXEC_ROWS}`, EXEC_ROWS);
  const url = `smtp://127.0.0.1:${server.port}`;
  const msmtp = `msmtp -C /dev/null --host=127.0.0.1 --port=${server.port} --auth=off --tls=off -t --read-envelope-from`;
  const emlDir = here(`./data/smtp-one-${Date.now()}`);
  await runOnce(['batch', execCsv, '--incident', INCIDENT, '--format', 'eml', '--out', emlDir, '--limit', '1']);
  const oneMessage = `${emlDir}/${readdirSync(emlDir)[0]}`;
  const cases = {
    'bare nodemailer pool (reference)': () => runReference(server.port, oneMessage, 2000),
    'batch --smtp, --concurrency 1': ['batch', smtpCsv, '--incident', INCIDENT, '--smtp', url, '--concurrency', '1'],
    'batch --smtp, --concurrency 4': ['batch', smtpCsv, '--incident', INCIDENT, '--smtp', url, '--concurrency', '4'],
    'batch --exec msmtp, --concurrency 4': ['batch', execCsv, '--incident', INCIDENT, '--exec', msmtp, '--concurrency', '4'],
  };
  const rates = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [name, args] of Object.entries(cases)) {
        const before = server.received();
        const { seconds, messages } = typeof args === 'function' ? await args() : await runOnce(args);
        if (server.received() - before !== messages) throw new Error(`${name}: ${messages} messages, but the server received ${server.received() - before}`);
        rates[name].push(messages / seconds);
      }
    }
  } finally {
    await server.close();
    rmSync(emlDir, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(rates).map(([k, xs]) => [k, median(xs)]));
  const exec = m['batch --exec msmtp, --concurrency 4'];
  const ref = m['bare nodemailer pool (reference)'];
  console.log(`delivery to an SMTP server on 127.0.0.1 (median of ${RUNS} rounds, cases alternating; messages/s over the whole process's wall time)`);
  for (const [name, rate] of Object.entries(m)) {
    const budget = name.includes('--smtp') ? `   ${(rate / ref).toFixed(2)}× the reference   ${rate >= 400 ? 'ok' : 'UNDER BUDGET'} (budget ≥ 400/s: ${(rate / 400).toFixed(2)}×)` : '';
    console.log(`  ${name.padEnd(36)} ${rate.toFixed(0).padStart(5)} msg/s   ${(rate / exec).toFixed(1).padStart(5)}× --exec msmtp${budget}`);
  }
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSmtp();

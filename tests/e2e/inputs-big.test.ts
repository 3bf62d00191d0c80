// Spawned runs of the built CLI for what needs a real process: peak memory of
// one customer with 200k rows, the two-thread pre-pass on a big file, and a
// pipe given as the CSV path (`batch <(cat orders.csv)`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCsv } from '../../bench/gen.mjs';
import { BIN, ROOT, runBin, tempDir, testEnv } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const HOOK = join(ROOT, 'bench/rss-hook.mjs');

/** Runs the bin with the benchmark's hook, which prints the process's peak RSS at exit. */
function runMeasured(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], { encoding: 'utf8', env: testEnv(), maxBuffer: 64 << 20 });
  const kb = Number(/bench-peak-rss-kb (\d+)/.exec(r.stderr)?.[1]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, peakMb: kb / 1024 };
}

describe('one customer with very many rows', () => {
  it('200k rows of one customer: one message listing 25 orders and "and 199975 more", every row counted, peak RSS inside the budget', async () => {
    const dir = tempDir();
    const csv = join(dir, 'one.csv');
    await generateCsv(csv, 200_000, { perCustomer: 200_000 });
    const r = runMeasured(['batch', csv, '--incident', INCIDENT, '--out', join(dir, 'out.mbox')]);
    expect(r.code).toBe(0);
    const mbox = readFileSync(join(dir, 'out.mbox'), 'utf8');
    expect(mbox.match(/^From /gm)).toHaveLength(1);
    expect(mbox).toMatch(/\n- Order A-\d+/); // the list itself (its lead-in is the letter's wording)
    expect(mbox.match(/^- Order A-\d+(: .+)?$/gm)).toHaveLength(25); // with its product when the export has one
    expect(mbox).toMatch(/\n- Order A-100024(: [^\n]+)?\n- and 199975 more\n/);
    expect(r.stderr).toMatch(/200,000 rows read, 1 message \(200,000 rows, 199,999 grouped into them\), 0 rejected/);
    expect(r.peakMb).toBeLessThan(150);
  });

  it('the same customer scattered through the file (held in the spill): 25 orders listed, the rest counted, memory inside the budget', async () => {
    const dir = tempDir();
    const csv = join(dir, 'scattered.csv');
    const rows: string[] = ['email,name,order_id'];
    for (let i = 0; i < 200_000; i++) rows.push(i % 2 === 0 ? `big@example.com,Big Buyer,B-${i}` : `c${i}@example.com,Cy ${i},C-${i}`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const r = runMeasured(['batch', csv, '--incident', INCIDENT, '--out', join(dir, 'out.mbox')]);
    expect(r.code).toBe(0);
    const mbox = readFileSync(join(dir, 'out.mbox'), 'utf8');
    const big = mbox.slice(mbox.indexOf('To: Big Buyer'));
    expect(big).toMatch(/\n- Order B-\d+/);
    expect(big).toContain('- Order B-48\n- and 99975 more\n');
    expect(r.stderr).toMatch(/200,000 rows read, 100,001 messages \(200,000 rows/);
    expect(r.peakMb).toBeLessThan(150);
  });

  it('"and N more" reaches every format (the byte path for mbox and the plain one)', async () => {
    const dir = tempDir();
    const rows = ['email,name,order_id', ...Array.from({ length: 30 }, (_, i) => `zoe@example.com,Zoe Lee,Z-${i}`)];
    writeFileSync(join(dir, 'z.csv'), `${rows.join('\n')}\n`);
    for (const format of ['mbox', 'ndjson', 'text']) {
      const r = await runBin(['batch', join(dir, 'z.csv'), '--incident', INCIDENT, '--format', format]);
      expect(r.code, format).toBe(0);
      const text = format === 'ndjson' ? (JSON.parse(r.stdout) as { text: string }).text : r.stdout;
      expect(text, format).toMatch(/\n- Order Z-0\n/);
      expect(text, format).toContain('- Order Z-24\n- and 5 more\n');
      expect(text, format).not.toContain('Z-25');
    }
    const eml = await runBin(['batch', join(dir, 'z.csv'), '--incident', INCIDENT, '--format', 'eml', '--out', join(dir, 'eml')]);
    expect(eml.code).toBe(0);
    const [file] = readdirSync(join(dir, 'eml'));
    expect(readFileSync(join(dir, 'eml', file!), 'utf8')).toContain('- and 5 more');
  });
});

describe('big and piped input', () => {
  it('a bad byte in the second half of a big file (the pre-pass worker reads it): exit 2 with its line, nothing written', async () => {
    const dir = tempDir();
    const csv = join(dir, 'big.csv');
    await generateCsv(csv, 150_000);
    const text = readFileSync(csv);
    const lines = text.toString('utf8').split('\n');
    const at = Math.floor(lines.length * 0.9);
    lines[at] = `${lines[at]!.slice(0, 20)}\uFFFF`; // placeholder, replaced by a lone 0xE9 below
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    const mark = bytes.indexOf(Buffer.from('\uFFFF', 'utf8'));
    const bad = Buffer.concat([bytes.subarray(0, mark), Buffer.from([0xe9]), bytes.subarray(mark + 3)]);
    expect(bad.length).toBeGreaterThan(8 << 20); // big enough for the two-thread pre-pass
    writeFileSync(csv, bad);
    const r = await runBin(['batch', csv, '--incident', INCIDENT, '--out', join(dir, 'out.mbox')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`big.csv line ${at + 1} is not UTF-8`);
    expect(readdirSync(dir)).toEqual(['big.csv']);
  });

  it('batch <(cat orders.csv): a pipe as the path is read like stdin', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" batch <(cat examples/orders.csv) --incident examples/incident.yaml`], { cwd: ROOT, encoding: 'utf8', env: testEnv() });
    expect(r.stderr).not.toContain('unexpected error');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^From /gm)).toHaveLength(6);
    // with a rejected row: no rejects file next to /dev/fd/N, the summary says how to keep them
    const bad = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" batch <(printf 'email,name\\na@example.com,Ann\\nnope,Bad\\n') --incident examples/incident.yaml`], { cwd: ROOT, encoding: 'utf8', env: testEnv() });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/1 rejected/);
    expect(bad.stderr).not.toContain('cannot write');
  });
});

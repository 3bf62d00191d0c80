import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDir, testEnv } from '../helpers/run.js';
import { countsByRecipient, customersCsv, msmtpCommand, useSmtpServer } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const smtp = useSmtpServer();

const customers = (n: number) => customersCsv(tempDir(), n, 'p');
const byTo = countsByRecipient;

describe('faults during --exec', () => {
  it('a command that fails every third message: failures recorded, the rest delivered, a re-run completes the set', async () => {
    smtp.received.length = 0;
    const dir = tempDir();
    const csv = customers(12);
    const journal = join(dir, 'j');
    const counter = join(dir, 'n');
    writeFileSync(counter, '0');
    const flaky = `n=$(( $(cat ${counter}) + 1 )); echo $n > ${counter}; if [ $((n % 3)) -eq 0 ]; then echo "421 try later" >&2; exit 1; fi; ${msmtpCommand(smtp.port)}`;
    const first = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', flaky, '--journal', journal]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/4 failed/);
    expect(smtp.received).toHaveLength(8);
    const again = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', msmtpCommand(smtp.port), '--journal', journal]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/8 already sent/);
    expect(smtp.received).toHaveLength(12);
    expect([...byTo(smtp.received).values()].every((n) => n === 1)).toBe(true);
  });

  it('a command killed by a signal is in doubt (it may have delivered) with its reason, and the run goes on', async () => {
    const csv = customers(3);
    const r = await runBin(['batch', csv, '--incident', INCIDENT, '--exec', 'if [ "$APOLOGIZE_TO" = p1@example.com ]; then kill -9 $$; fi; cat > /dev/null']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sending to p1@example.com is in doubt: killed by SIGKILL/);
    expect(r.stderr).toMatch(/3 messages.*1 in doubt/);
  });

  it.each([
    ['SIGKILL', 1],
    ['SIGKILL', 9],
    ['SIGINT', 4],
  ] as const)('%s once %i messages arrived, then re-runs: nobody is handed two messages, everyone is delivered or reported', async (signal, arrived) => {
    smtp.received.length = 0;
    const csv = customers(30);
    const journal = join(tempDir(), 'j');
    const args = ['batch', csv, '--incident', INCIDENT, '--exec', `sleep 0.1; ${msmtpCommand(smtp.port)}`, '--concurrency', '3', '--journal', journal];
    const child = spawn(process.execPath, [BIN, ...args], { env: testEnv(), stdio: 'ignore' });
    for (let waited = 0; smtp.received.length < arrived && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    const code = await new Promise((r) => child.on('close', (c, s) => r(c ?? s)));
    if (signal === 'SIGINT') expect(code).toBe(130);
    await new Promise((r) => setTimeout(r, 700));
    const rerun = await runBin(args);
    const doubt = /were being handed over .*: (.+)$/m.exec(rerun.stderr)?.[1]?.split(', ') ?? [];
    expect(doubt.length).toBeLessThanOrEqual(3);
    if (signal === 'SIGINT') expect(doubt).toEqual([]);
    const counts = byTo(smtp.received);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (let i = 0; i < 30; i++) expect(counts.has(`p${i}@example.com`) || doubt.includes(`p${i}@example.com`)).toBe(true);
    if (doubt.length > 0) {
      await runBin([...args, '--resend-in-doubt']);
      for (let i = 0; i < 30; i++) expect(byTo(smtp.received).get(`p${i}@example.com`)).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('faults on output', () => {
  it('an unwritable folder or file is a one-line error before anything is written', async () => {
    const eml = await runBin(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--format', 'eml', '--out', '/proc/self/apologize-out']);
    expect(eml.code).toBe(2);
    expect(eml.stderr.trim().split('\n')).toHaveLength(1);
    expect(eml.stderr).toMatch(/^apologize: cannot (create the folder|write into) \/proc\/self\/apologize-out/);
    const file = await runBin(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--out', '/proc/self/nope.mbox']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^apologize: cannot write \/proc\/self\/nope\.mbox/);
    expect(file.stdout).toBe('');
  });

  it('a malformed or hostile template stops the run with file:line before any message is written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl/generic.hbs'), 'Subject: ok\n\nline\n{{#each recipient.orders}}\n{{/if}}\n');
    const out = join(dir, 'out');
    const r = await runBin(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl'), '--format', 'eml', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/generic\.hbs:\d+: .*each doesn't match if/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    writeFileSync(join(dir, 'tpl/generic.hbs'), 'Subject: ok\n\n{{lookup this "constructor"}}{{#with (lookup company "constructor")}}{{name}}{{/with}}|{{recipient.name}}\n');
    const h = await runBin(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl'), '--format', 'ndjson', '--limit', '1']);
    expect(h.code).toBe(0);
    expect((JSON.parse(h.stdout) as { text: string }).text).toBe('|Zoë Müller\n');
    writeFileSync(join(dir, 'tpl/generic.hbs'), 'Subject: ok\n\n{{recipient.__proto__}}\n');
    const p = await runBin(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl'), '--format', 'ndjson']);
    expect(p.code).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toMatch(/the template prints recipient\.__proto__ but the CSV has no such column/);
  });

  it('nothing is claimed that was not written: a full disk mid-run leaves no partial --out file', async () => {
    const r = await runBin(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--out', '/dev/full']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^apologize: cannot write to \/dev\/full: ENOSPC; nothing was kept — /m);
    expect(r.stderr).not.toMatch(/messages? → \/dev\/full/);
  });
});

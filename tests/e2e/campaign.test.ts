import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runBin, tempDir, testEnv } from '../helpers/run.js';
import { countsByRecipient, msmtpCommand, useSmtpServer } from '../helpers/smtp.js';
import { inDoubtList, journalLines, logLines, loggingCommand, writeCustomers, writeIncident } from '../helpers/campaign.js';

const smtp = useSmtpServer();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(args: string[], cwd: string): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: testEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, done };
}

async function until(what: () => boolean, maxMs = 20_000): Promise<void> {
  for (let waited = 0; !what(); waited += 25) {
    if (waited >= maxMs) throw new Error(`waited ${maxMs} ms for ${what.toString()}`);
    await sleep(25);
  }
}

describe('--exec msmtp to a real SMTP server: a hand-off killed after delivering', () => {
  it('is in doubt, reported by address, and the server never gets it twice', async () => {
    smtp.received.length = 0;
    const dir = tempDir();
    const csv = writeCustomers(dir, 3);
    writeIncident(dir);
    const hangAfter = `${msmtpCommand(smtp.port)} && if [ "$APOLOGIZE_TO" = c1@example.com ]; then sleep 30; fi`;
    const first = await runBin(['batch', csv, '--incident', 'incident.yaml', '--exec', hangAfter, '--exec-timeout', '3s', '--journal', 'j'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/sending to c1@example.com is in doubt: timed out after 3s/);
    expect(inDoubtList(first.stderr)).toEqual(['c1@example.com']);
    expect(smtp.received).toHaveLength(3);

    const again = await runBin(['batch', csv, '--incident', 'incident.yaml', '--exec', msmtpCommand(smtp.port), '--journal', 'j'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(inDoubtList(again.stderr)).toEqual(['c1@example.com']);
    expect(again.stderr).toMatch(/3 skipped \(2 already sent, 1 in doubt\)/);
    const byTo = countsByRecipient(smtp.received);
    for (let i = 0; i < 3; i++) expect(byTo.get(`c${i}@example.com`)).toBe(1);
  });
});

describe('two runs on one journal', () => {
  it('started at once: one runs, the other exits 2 naming its pid; nobody gets two messages', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 4);
    const log = join(dir, 'log');
    const go = join(dir, 'go');
    writeIncident(dir);
    // Each hand-off waits for the go file, so the winner is still running when the loser starts.
    const cmd = `while [ ! -e '${go}' ]; do sleep 0.05; done; ${loggingCommand(log)}`;
    const args = ['batch', csv, '--incident', 'incident.yaml', '--exec', cmd, '--journal', 'j'];
    const a = start(args, dir);
    const b = start(args, dir);
    let firstDone: { code: number | null; stderr: string } | undefined;
    void Promise.race([a.done, b.done]).then((r) => (firstDone = r));
    await until(() => firstDone !== undefined);
    writeFileSync(go, '');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    const loser = ra.code === 2 ? { r: ra, other: b.child.pid } : { r: rb, other: a.child.pid };
    const winner = ra.code === 2 ? rb : ra;
    expect([ra.code, rb.code].sort()).toEqual([0, 2]);
    expect(loser.r.stderr).toMatch(new RegExp(`^apologize: the journal .*j is in use by another run \\(pid ${loser.other}\\) — `));
    expect(winner.stderr).toMatch(/4 messages/);
    expect(logLines(log).map((l) => l.to).sort()).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com', 'c3@example.com']);
    expect(existsSync(join(dir, 'j.lock'))).toBe(false);
  });

  it('after the running one was killed (SIGKILL), its stale lock is taken over', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 3);
    const log = join(dir, 'log');
    const go = join(dir, 'go');
    writeIncident(dir);
    const started = join(dir, 'started');
    const cmd = `touch '${started}'; while [ ! -e '${go}' ]; do sleep 0.05; done; ${loggingCommand(log)}`;
    const killed = start(['batch', csv, '--incident', 'incident.yaml', '--exec', cmd, '--journal', 'j'], dir);
    // the hand-off is running (not only journaled as "sending"): killing the run now orphans a delivery
    await until(() => existsSync(started) && readFileSync(join(dir, 'j'), 'utf8').includes('"sending"'));
    killed.child.kill('SIGKILL');
    await killed.done;
    writeFileSync(go, ''); // the orphaned hand-off delivers after its run died
    await until(() => logLines(log).length === 1);
    expect(existsSync(join(dir, 'j.lock'))).toBe(true);
    const rerun = await runBin(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], { cwd: dir });
    expect(rerun.code).toBe(1);
    expect(inDoubtList(rerun.stderr)).toEqual(['c0@example.com']);
    expect(logLines(log).map((l) => l.to)).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com']);
  });
});

describe('a journal on a full disk (a 64 KB tmpfs)', () => {
  const mnt = tempDir('apologize-tmpfs-');
  let mounted = false;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });

  it('stops the run at once, exit 1, every line before intact; a re-run after freeing space finishes', async () => {
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { encoding: 'utf8' });
    expect(m.status, `mount needs root: ${m.stderr}`).toBe(0);
    mounted = true;
    const dir = tempDir();
    const csv = writeCustomers(dir, 80);
    const log = join(dir, 'log');
    writeIncident(dir);
    mkdirSync(join(mnt, 'c'));
    writeFileSync(join(mnt, 'filler'), Buffer.alloc(52 * 1024));
    const journal = join(mnt, 'c', 'sent.journal');
    const args = ['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', journal];
    const full = await runBin(args, { cwd: dir });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(new RegExp(`^apologize: cannot write the journal ${journal} \\(ENOSPC\\); the run stopped, every line before is intact`, 'm'));
    expect(full.stderr).not.toMatch(/unexpected|\n {4}at /);
    const text = readFileSync(journal, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = journalLines(journal);
    const sending = new Set(lines.filter((l) => l.event === 'sending').map((l) => l.to));
    const delivered = logLines(log).map((l) => l.to);
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.length).toBeLessThan(80);
    for (const to of delivered) expect(sending.has(to), to).toBe(true); // nothing handed over without its "sending" line

    rmSync(join(mnt, 'filler'));
    const rerun = await runBin(args, { cwd: dir });
    const doubt = inDoubtList(rerun.stderr);
    expect(doubt.length).toBeLessThanOrEqual(1);
    const counts = new Map<string, number>();
    for (const to of logLines(log).map((l) => l.to)) counts.set(to, (counts.get(to) ?? 0) + 1);
    for (let i = 0; i < 80; i++) {
      const to = `c${i}@example.com`;
      expect(counts.get(to) ?? 0, to).toBeLessThanOrEqual(1);
      expect(counts.get(to) === 1 || doubt.includes(to), to).toBe(true);
    }
  });
});

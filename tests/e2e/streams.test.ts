import { spawn } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir, testEnv } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

/** The real bin with stdout on /dev/full (`apologize … > /dev/full`). */
function toDevFull(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: testEnv(), stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** A shell line with the bin in it; exits with the bin's own exit code (PIPESTATUS). */
function shell(line: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `${line}; exit \${PIPESTATUS[0]}`], { cwd: ROOT, env: testEnv({ APOLOGIZE_BIN: BIN }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('stdout on a full disk (> /dev/full)', () => {
  it.each([
    ['draft', ['draft', '--no-input', '--incident', INCIDENT, '--to', 'ana@example.com']],
    ['check', ['check', 'tests/fixtures/letters/tiny.txt']],
    ['brief', ['brief', '--incident', INCIDENT]],
    ['templates list', ['templates', 'list']],
    ['templates show', ['templates', 'show', 'generic']],
    ['templates lint', ['templates', 'lint']],
    ['batch', ['batch', 'examples/orders.csv', '--incident', INCIDENT, '--rejects', '/dev/null']],
    ['--version', ['--version']],
  ])('%s exits 1 with one line on stderr', async (_name, args) => {
    const r = await toDevFull(args);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => /cannot write to stdout/.test(l))).toEqual([expect.stringMatching(/^apologize: cannot write to stdout: ENOSPC — /)]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('the preview on stderr into a pipe whose reader leaves', () => {
  const csv = join(tempDir(), 'orders.csv');
  writeFileSync(csv, `email,name,order_id\n${Array.from({ length: 300 }, (_, i) => `u${i}@example.com,User ${i},A${i}`).join('\n')}\n`);

  it('--preview 3 2>&1 | head -c 10: exit 0, ten bytes', async () => {
    const r = await shell(`node "$APOLOGIZE_BIN" batch examples/orders.csv --incident "${INCIDENT}" --preview 3 2>&1 | head -c 10`);
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBe(10);
  });

  it.each([
    ['2>&1 | true', `2>&1 | true`],
    ['2>&1 >/dev/null | true', `2>&1 >/dev/null | true`],
    ['2>&1 | head -c 10', `2>&1 | head -c 10 >/dev/null`],
  ])('--preview 200 %s: stops quietly, exit 0 (not a crash on EPIPE)', async (_name, tail) => {
    const r = await shell(`node "$APOLOGIZE_BIN" batch "${csv}" --incident "${INCIDENT}" --preview 200 ${tail}`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a product command whose stdout and stderr reader leaves exits as normal', async () => {
    const r = await shell(`node "$APOLOGIZE_BIN" draft --no-input --incident "${INCIDENT}" 2>&1 | true`);
    expect(r.code).toBe(0);
  });
});

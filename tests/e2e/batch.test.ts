// apologize batch between real pipes: the CSV piped into stdin, and a reader that leaves
// early. Everything else: tests/command/batch.test.ts (stdout on /dev/full: tests/e2e/streams.test.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDir, testEnv } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const ORDERS = join(ROOT, 'examples/orders.csv');

describe('batch between real pipes', () => {
  it('reads stdin with - from a pipe, and | head -c 100 ends quietly', async () => {
    const r = await runBin(['batch', '-', '--incident', INCIDENT, '--format', 'ndjson'], { input: readFileSync(ORDERS) });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { key: string }).key)).toEqual([
      'zoe.muller@example.com', 'liam@example.com', 'orders@smithandsons.example', 'jose@example.com', 'priya.n@example.com', 'no-name@example.com',
    ]);
    const big = join(tempDir(), 'big.csv');
    writeFileSync(big, `email,name\n${Array.from({ length: 5000 }, (_, i) => `c${i}@example.com,C ${i}`).join('\n')}\n`);
    const res = spawnSync('sh', ['-c', `node ${BIN} batch ${big} --incident ${INCIDENT} | head -c 100`], { env: testEnv(), encoding: 'utf8' });
    expect(res.stdout).toHaveLength(100);
    expect(res.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

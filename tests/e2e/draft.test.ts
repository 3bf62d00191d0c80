// What only the real bin shows: a reader that closes the pipe, and the start-up path of
// --version (answered before the CLI loads). Everything else: tests/command/draft.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, testEnv } from '../helpers/run.js';

const FULL = [
  'draft', '--no-input',
  '--company', 'Smith & Sons',
  '--from', 'Smith & Sons <care@smith.example>',
  '--signer', "Siobhán O'Brien", '--signer-title', 'Head of Care',
  '--scenario', 'shipping-delay', '--severity', 'minor',
  '--mistake', 'your order will arrive a day late',
  '--affected', '13482',
  '--root-cause', 'a label printer update sent parcels to the wrong depot',
  '--commitment', 'a second person now checks every label run',
  '--remedy', 'credit', '--remedy-details', 'a $10 credit on your next order',
  '--phone', '0800 555 0142',
];

describe('apologize draft, a real process', () => {
  it('ends quietly when the reader closes the pipe', () => {
    const res = spawnSync('sh', ['-c', `node ${BIN} ${FULL.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')} | head -c 10`], {
      env: testEnv(),
      encoding: 'utf8',
    });
    expect(res.stdout).toBe('From: Smit');
    expect(res.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it('--version prints the package version (the bin\'s start-up path)', async () => {
    expect(existsSync(join(ROOT, 'dist', 'cli.js'))).toBe(true);
    const r = await runBin(['--version']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.stderr).toBe('');
  });
});

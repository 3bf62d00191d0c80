import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, testEnv } from '../helpers/run.js';
import { cli } from '../helpers/cli.js';
import { cachedDataFor } from '../../src/code-cache.js';
import { composeMessage, parseIncident, toRfc5322 } from '../../src/index.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the published package', () => {
  it('npm pack, installed into an empty folder, gives a working apologize and library', async () => {
    const dir = tempDir('apologize-pack-');
    // `npm pack` runs `prepare` (the whole build, ~10 s) and deletes dist/ while it does; the suite
    // has just built it (`npm test` builds first), so pack that, and check that packing builds.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] };
    expect(pkg.scripts.prepare).toBe('node scripts/build.mjs');
    expect(pkg.files).toContain('dist');
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'pipe', env: testEnv() });
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', private: true }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', join(dir, tgz)], { cwd: app, stdio: 'pipe', env: testEnv() });

    const args = ['draft', '--no-input', '--company', 'Acme', '--from', 'care@acme.example', '--signer', 'Dana', '--mistake', 'late', '--affected', '2', '--root-cause', 'r', '--commitment', 'c', '--scenario', 'service-outage'];
    const eml = execFileSync(join(app, 'node_modules/.bin/apologize'), args, { cwd: app, env: testEnv(), encoding: 'utf8' });
    expect(eml).toMatch(/^From: care@acme\.example\n/);
    // The installed bin writes what the source writes, byte for byte (the built-in templates travel with it).
    expect(eml).toBe((await cli(args)).stdout);
    // A batch too, through the code cache the build trained for it, which V8 takes where the package was installed.
    const batchArgs = ['batch', join(ROOT, 'examples/orders.csv'), '--incident', join(ROOT, 'examples/incident.yaml')];
    const mbox = execFileSync(join(app, 'node_modules/.bin/apologize'), batchArgs, { cwd: app, env: testEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(mbox).toBe((await cli(batchArgs)).stdout);
    const dist = join(app, 'node_modules/apologize/dist');
    const data = cachedDataFor(readFileSync(join(dist, 'app.cjs')), readFileSync(join(dist, 'app.batch.cache')));
    expect(data).toBeDefined();
    writeFileSync(join(dir, 'batch.v8'), data!);
    const taken = execFileSync(
      process.execPath,
      ['-e', `const fs = require('fs'); process.stdout.write(String(new (require('vm').Script)(fs.readFileSync(process.argv[1], 'utf8'), { cachedData: fs.readFileSync(process.argv[2]) }).cachedDataRejected === false));`, join(dist, 'app.cjs'), join(dir, 'batch.v8')],
      { encoding: 'utf8' },
    );
    expect(taken).toBe('true');

    writeFileSync(
      join(app, 'use.mjs'),
      `import { parseIncident, composeMessage, toRfc5322, loadTemplates } from 'apologize';
const incident = parseIncident({ company: { name: 'Acme', from: 'Acme <care@acme.example>' }, signer: { name: 'Dana' },
  mistake: 'we double-charged you', affected: 1, rootCause: 'a retry bug', commitment: 'retries check first', scenario: 'billing-error' });
const msg = composeMessage(incident, { email: 'ana@example.com', name: 'Ana Ruiz' }, { now: new Date('2026-01-01T00:00:00Z') });
console.log(JSON.stringify({ subject: msg.subject, names: loadTemplates().list().map((t) => t.name), eml: toRfc5322(msg) }));`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' })) as { subject: string; names: string[]; eml: string };
    const incident = parseIncident({ company: { name: 'Acme', from: 'Acme <care@acme.example>' }, signer: { name: 'Dana' },
      mistake: 'we double-charged you', affected: 1, rootCause: 'a retry bug', commitment: 'retries check first', scenario: 'billing-error' });
    const expected = composeMessage(incident, { email: 'ana@example.com', name: 'Ana Ruiz' }, { now: new Date('2026-01-01T00:00:00Z') });
    expect(out.subject).toBe(expected.subject);
    expect(out.eml).toBe(toRfc5322(expected));
    expect(out.names).toContain('data-exposure');
    expect(out.eml).toContain('To: Ana Ruiz <ana@example.com>');
  });
});

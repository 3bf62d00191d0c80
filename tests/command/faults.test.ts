// Faults on output, in-process (tests/helpers/cli.ts): an unwritable target, a bad template, a
// full disk under --out. Stdout on a full disk needs the real process: tests/e2e/streams.test.ts.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const ORDERS = join(ROOT, 'examples/orders.csv');

describe('faults on output', () => {
  it('an unwritable folder or file is a one-line error before anything is written', async () => {
    const eml = await cli(['batch', ORDERS, '--incident', INCIDENT, '--format', 'eml', '--out', '/proc/self/apologize-out']);
    expect(eml.code).toBe(2);
    expect(eml.stdout).toBe('');
    expect(eml.stderr).toMatch(/^apologize: cannot (create the folder|write into) \/proc\/self\/apologize-out: \w+ — choose a writable --out folder\n$/);
    const file = await cli(['batch', ORDERS, '--incident', INCIDENT, '--out', '/proc/self/nope.mbox']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^apologize: cannot write \/proc\/self\/nope\.mbox: \w+ — check that the folder exists and is writable\n$/);
    expect(file.stdout).toBe('');
  });

  it('a malformed or hostile template stops the run with file:line before any message is written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tpl'));
    const tpl = join(dir, 'tpl/generic.hbs');
    writeFileSync(tpl, 'Subject: ok\n\nline\n{{#each recipient.orders}}\n{{/if}}\n');
    const out = join(dir, 'out');
    const r = await cli(['batch', ORDERS, '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl'), '--format', 'eml', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`apologize: ${tpl}:4: each doesn't match if - 2:3 — fix the template syntax\n`);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    writeFileSync(tpl, 'Subject: ok\n\n{{lookup this "constructor"}}{{#with (lookup company "constructor")}}{{name}}{{/with}}|{{recipient.name}}\n');
    const h = await cli(['batch', ORDERS, '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl'), '--format', 'ndjson', '--limit', '1']);
    expect(h.code).toBe(0);
    expect((JSON.parse(h.stdout) as { text: string }).text).toBe('|Zoë Müller\n');
    writeFileSync(tpl, 'Subject: ok\n\n{{recipient.__proto__}}\n');
    const p = await cli(['batch', ORDERS, '--incident', INCIDENT, '--scenario', 'generic', '--templates', join(dir, 'tpl'), '--format', 'ndjson']);
    expect(p.code).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toBe('apologize: the template prints recipient.__proto__ but the CSV has no such column — add a "__proto__" column, or --map "YourColumn=__proto__"\n');
  });

  it('nothing is claimed that was not written: a full disk mid-run leaves no partial --out file', async () => {
    const r = await cli(['batch', ORDERS, '--incident', INCIDENT, '--out', '/dev/full']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // the error, and no summary claiming messages went to /dev/full
    expect(r.stderr).toBe('apologize: cannot write to /dev/full: ENOSPC; nothing was kept — free some disk space, or write elsewhere\n');
  });
});

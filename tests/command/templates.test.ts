// apologize templates, and the check report of draft, in-process (tests/helpers/cli.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lines } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

describe('templates', () => {
  it('lint: every built-in template scores ≥ 85 at every severity with no finding', async () => {
    const r = await cli(['templates', 'lint']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).at(-1)).toMatch(/^14 template\(s\), 672 renders checked, lowest score (8[5-9]|9\d|100), 0 error\(s\), 0 render\(s\) below 85 or with findings$/);
  });

  it('lint catches a broken, an unknown-variable and a weak user template', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.hbs'), 'Subject: x\n\n{{#if incident.mistake}}\n');
    writeFileSync(join(dir, 'typo.hbs'), 'Subject: x\n\nHello {{recipient.frist_name}}\n');
    writeFileSync(join(dir, 'weak.hbs'), 'Subject: Update\n\nWe apologize for any inconvenience.\n');
    const r = await cli(['templates', 'lint', dir]);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    for (const severity of ['minor', 'moderate', 'major', 'critical']) {
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^error broken \\(${severity}\\): ${join(dir, 'broken.hbs')}:\\d+: Parse error`)));
      expect(out).toContain(`error typo (${severity}): ${join(dir, 'typo.hbs')}:3: recipient.frist_name is not defined`);
    }
    expect(r.stdout).not.toContain('[object Object]');
    expect(out).toContain('weak (minor, named, one order): 0/100 (below 85)');
    expect(out.at(-1)).toBe('1 template(s), 12 renders checked, lowest score 0, 16 error(s), 12 render(s) below 85 or with findings');
  });

  it('list, show and eject', async () => {
    const list = await cli(['templates', 'list']);
    expect(list.code).toBe(0);
    expect(lines(list.stdout)).toEqual(
      ['billing-error', 'data-exposure', 'generic', 'missed-appointment', 'service-outage', 'shipping-delay', 'wrong-item'].map((n) => `${n.padEnd(20)} built-in  apology, followup`),
    );
    const show = await cli(['templates', 'show', 'wrong-item']);
    expect(show.code).toBe(0);
    expect(show.stdout).toBe(readFileSync(join(ROOT, 'templates/wrong-item.hbs'), 'utf8'));
    const dir = tempDir();
    const to = join(dir, 't');
    const ej = await cli(['templates', 'eject', 'wrong-item', '--to', to]);
    expect(ej.code).toBe(0);
    expect(readFileSync(join(to, 'wrong-item.hbs'), 'utf8')).toBe(show.stdout);
    const again = await cli(['templates', 'eject', 'wrong-item', '--to', to]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`apologize: ${join(to, 'wrong-item.hbs')} already exists — add --force to overwrite it, or choose another --to\n`);
    const nope = await cli(['templates', 'show', 'nope']);
    expect(nope.code).toBe(2);
    expect(nope.stdout).toBe('');
    expect(nope.stderr).toBe('apologize: no template "nope" — see apologize templates list\n');
  });

  it('lint and draft show the same clause-based check: an apology word is not ownership, a wish is not a change, the Subject is no evidence', async () => {
    const dir = tempDir();
    const body = 'Subject: What we have changed: a second check on every order\n\nWe are sorry for the worry this has caused. We will do better going forward.\n\n{{signer.name}}\n';
    writeFileSync(join(dir, 'shipping-delay.hbs'), body);
    const lint = await cli(['templates', 'lint', dir]);
    const out = lines(lint.stdout);
    expect(out).toContainEqual(expect.stringMatching(/^ {2}✗ own-it {5}Say plainly/));
    expect(out).toContainEqual(expect.stringMatching(/^ {2}✗ commitment Say concretely/));
    expect(out).toContainEqual(expect.stringMatching(/^ {2}warning line \d+ +vague-commitment “We will do better” — /));
    const draft = await cli(['draft', '--no-input', '--incident', 'examples/incident.yaml', '--templates', dir]);
    expect(draft.code).toBe(0);
    const say = lines(draft.stderr);
    expect(say[0]).toMatch(/^check: \d+\/100 {2}✗ own-it {2}✗ explain {2}✗ commitment {2}✗ remedy {2}✓ sign-off$/);
    expect(say).toContainEqual(expect.stringMatching(/^ {2}warning: vague-commitment “We will do better” — /));
  });

  it('draft shows the check report on stderr, and --no-check hides it', async () => {
    const r = await cli(['draft', '--no-input', '--incident', 'examples/incident.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('check: 100/100  ✓ own-it  ✓ explain  ✓ commitment  ✓ remedy  ✓ sign-off\n');
    expect(r.stdout).not.toMatch(/check:/);
    const quiet = await cli(['draft', '--no-input', '--incident', 'examples/incident.yaml', '--no-check']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(r.stdout);
  });
});

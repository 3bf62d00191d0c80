import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { simpleParser } from 'mailparser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, pythonParseText, runBin, tempDir, testEnv } from '../helpers/run.js';

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

describe('apologize draft, scripted', () => {
  it('prints one correct email on stdout and nothing else', async () => {
    const r = await runBin([...FULL, '--to', 'Zoë Müller <zoe@example.com>']);
    expect(r.code).toBe(0);
    const parsed = await simpleParser(r.stdout);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value[0]).toEqual({ name: 'Zoë Müller', address: 'zoe@example.com' });
    expect(parsed.from?.value[0]).toEqual({ name: 'Smith & Sons', address: 'care@smith.example' });
    expect(parsed.text).toContain('Hi Zoë,');
    expect(parsed.text).toContain('about 13,500 customers');
    expect(parsed.text).toContain('a $10 credit on your next order');
    expect(r.stdout).toMatch(/^From: /);
    expect(r.stdout).toContain('\nTo: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe@example.com>\n');
    const py = pythonParseText(r.stdout);
    expect(py.defects).toEqual([]);
    expect(py.to).toEqual([{ name: 'Zoë Müller', address: 'zoe@example.com' }]);
    expect(py.subject).toBe(parsed.subject);
    expect(r.stderr).not.toContain('Subject');
  });

  it('is deterministic with APOLOGIZE_NOW (same bytes, same Message-ID)', async () => {
    const a = await runBin([...FULL, '--to', 'ana@example.com']);
    const b = await runBin([...FULL, '--to', 'ana@example.com']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('Date: Wed, 08 Jul 2026 09:00:00 +0000');
  });

  it('names every missing flag with --no-input (exit 2, nothing on stdout)', async () => {
    const r = await runBin(['draft', '--no-input', '--company', 'Acme']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const line = r.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^apologize: missing /);
    for (const flag of ['--signer', '--mistake', '--affected', '--root-cause', '--commitment', '--from']) expect(line).toContain(flag);
    expect(line).not.toContain('--company');
  });

  it('never prompts without a TTY or with CI set, even without --no-input', async () => {
    const r = await runBin(['draft', '--company', 'Acme'], { env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --signer/);
  });

  it.each([
    [['--to', 'bob@x.com\r\nBcc: eve@y.com'], /--to .* not one valid address: .*line break/],
    [['--to', 'a@x.com, b@y.com'], /--to .*more than one/],
    [['--to', '-oQ/tmp/@x.com'], /--to/],
    [['--company', 'Acme\r\nBcc: eve@y.com'], /company.name contains a line break/],
    [['--from', 'care@x.com\nBcc: eve@y.com'], /company.from .* not one valid address/],
    [['--severity', 'critical', '--humour'], /humour is refused for a critical incident/],
    [['--scenario', 'nope'], /unknown scenario "nope" — choose one of: .*shipping-delay/],
    [['--affected', 'many'], /affected must be a whole number/],
    [['--format', 'pdf'], /pdf/],
  ])('refuses %j with exit 2 and one line', async (extra, error) => {
    const r = await runBin([...FULL, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^apologize: /);
    expect(r.stderr).toMatch(error);
  });

  it('warns about humour on a major incident but still writes', async () => {
    const r = await runBin([...FULL, '--severity', 'major', '--humour', 'on']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: humour on a major incident/);
    expect(r.stdout).toContain('Subject:');
  });

  it('--format json gives the ndjson object shape; --format text is readable', async () => {
    const j = await runBin([...FULL, '--to', 'Zoë <zoe@example.com>', '--format', 'json']);
    const obj = JSON.parse(j.stdout) as Record<string, unknown>;
    expect(Object.keys(obj).sort()).toEqual(['from', 'headers', 'key', 'messageId', 'replyTo', 'subject', 'text', 'to'].sort());
    expect(obj.to).toBe('Zoë <zoe@example.com>');
    expect(obj.key).toBe('zoe@example.com');
    const t = await runBin([...FULL, '--to', 'Zoë <zoe@example.com>', '--format', 'text']);
    expect(t.stdout).toMatch(/^To: Zoë <zoe@example.com>\nSubject: .+\n\nHi Zoë,\n/);
  });

  it('text and json formats do not need --from', async () => {
    const args = FULL.filter((a, i) => a !== '--from' && FULL[i - 1] !== '--from');
    expect((await runBin([...args, '--format', 'text'])).code).toBe(0);
    expect((await runBin(args)).code).toBe(2);
  });

  it('--save writes an incident file that draft reads back to the same email', async () => {
    const dir = tempDir();
    const file = join(dir, 'incident.yaml');
    const first = await runBin([...FULL, '--to', 'ana@example.com', '--save', file]);
    expect(first.code).toBe(0);
    const saved = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ company: { name: 'Smith & Sons' }, affected: 13482, remedy: { kind: 'credit' } });
    const again = await runBin(['draft', '--no-input', '--incident', file, '--to', 'ana@example.com']);
    expect(again.stdout).toBe(first.stdout);
  });

  it('flags beat the incident file, which beats the config file', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'apologize.config.yaml'), 'company:\n  name: Config Co\n  from: cfg@config.example\nsigner:\n  name: Cora\nseverity: minor\n');
    writeFileSync(join(dir, 'incident.json'), JSON.stringify({ company: { name: 'File Co' }, mistake: 'm', affected: 3, rootCause: 'r', commitment: 'c', severity: 'major' }));
    const r = await runBin(['draft', '--no-input', '--incident', 'incident.json', '--severity', 'critical', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout) as { from: string; text: string };
    expect(obj.from).toBe('cfg@config.example');
    expect(obj.text).toContain('File Co');
    expect(obj.text).toContain('Sincerely,'); // critical tone
    expect(obj.text).toContain('I am not going to soften it');
  });

  it('a bad incident file names the file and the problem', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'bad.yaml'), 'company:\n  name: X\nrootcause: typo\n');
    const r = await runBin(['draft', '--no-input', '--incident', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml: unknown field "rootcause" — did you mean "rootCause"\?/);
    writeFileSync(join(dir, 'broken.yaml'), 'company: [\n');
    const b = await runBin(['draft', '--no-input', '--incident', 'broken.yaml'], { cwd: dir });
    expect(b.stderr).toMatch(/broken\.yaml(:\d+)?: not valid YAML/);
    const m = await runBin(['draft', '--no-input', '--incident', 'missing.yaml'], { cwd: dir });
    expect(m.stderr).toMatch(/cannot read .*missing\.yaml: no such file/);
  });

  it('ends quietly when the reader closes the pipe', () => {
    const res = spawnSync('sh', ['-c', `node ${BIN} ${FULL.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')} | head -c 10`], {
      env: testEnv(),
      encoding: 'utf8',
    });
    expect(res.stdout).toBe('From: Smit');
    expect(res.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it('--debug adds a stack trace; without it, errors are one line', async () => {
    const r = await runBin(['draft', '--no-input', '--debug', '--incident', '/nonexistent.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at /);
  });
});

describe('CLI manners', () => {
  it('--version prints the package version', async () => {
    const r = await runBin(['--version']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('draft --help has examples with sendmail -t -i', async () => {
    const r = await runBin(['draft', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('sendmail -t -i');
    expect(r.stdout).toContain('--root-cause');
  });

  it('an unknown option is a one-line usage error, exit 2', async () => {
    const r = await runBin(['draft', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^apologize: unknown option '--bogus'/);
  });

  it('the built bin exists', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli.js'))).toBe(true);
  });
});

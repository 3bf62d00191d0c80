// apologize draft, scripted, run in-process (tests/helpers/cli.ts). The pipe and start-up
// cases need a real process: tests/e2e/draft.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, lines } from '../helpers/cli.js';
import { ROOT, pythonParseText, tempDir } from '../helpers/run.js';

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
  // A follow-up is promised only with a date (none without followUp.after).
  '--follow-up-after', '3d',
];

const CHECK_LINE = 'check: 100/100  ✓ own-it  ✓ explain  ✓ commitment  ✓ remedy  ✓ sign-off\n';
/** The same, for a letter whose humour line the check recognises. */
const CHECK_LINE_HUMOUR = 'check: 100/100  ✓ own-it  ✓ explain  ✓ commitment  ✓ remedy  ✓ humour  ✓ sign-off\n';
const MISSING_ALL =
  'apologize: missing --signer (signer.name), --mistake (mistake), --affected (affected), --root-cause (rootCause), --commitment (commitment), --from (company.from)' +
  ' — give each as a flag or in --incident FILE, or run in a terminal to be asked\n';

describe('apologize draft, scripted', () => {
  it('warns on stderr about a weekday that is not its date, naming the field and the right day; the letter still goes', async () => {
    const dir = tempDir();
    // 8 December 2026 is a Tuesday: the manager typed Monday.
    writeFileSync(join(dir, 'dental.yaml'), readFileSync(join(ROOT, 'tests/fixtures/incidents/dental-missed.yaml'), 'utf8').replace('Tuesday 8 December', 'Monday 8 December'));
    const r = await cli(['draft', '--no-input', '--no-check', '--incident', 'dental.yaml', '--to', 'Ann Lee <ann@example.com>', '--format', 'text'], { cwd: dir, env: { APOLOGIZE_NOW: '2026-11-26T09:00:00Z' } });
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toContainEqual('warning: outcome says "Monday 8 December", but 8 December 2026 is a Tuesday — for example "Tuesday 8 December" (or the date you meant)');
    expect(r.stdout).toContain('Monday 8 December');
    // typed right, nothing is said
    const fixed = await cli(['draft', '--no-input', '--no-check', '--incident', join(ROOT, 'tests/fixtures/incidents/dental-missed.yaml'), '--to', 'Ann Lee <ann@example.com>'], { env: { APOLOGIZE_NOW: '2026-11-26T09:00:00Z' } });
    expect(fixed.stderr).not.toMatch(/weekday|is a (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/);
  });

  it('prints one correct email on stdout and nothing else', async () => {
    const r = await cli([...FULL, '--to', 'Zoë Müller <zoe@example.com>']);
    expect(r.code).toBe(0);
    const parsed = await simpleParser(r.stdout);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value[0]).toEqual({ name: 'Zoë Müller', address: 'zoe@example.com' });
    expect(parsed.from?.value[0]).toEqual({ name: 'Smith & Sons', address: 'care@smith.example' });
    expect(parsed.text).toContain('Hi Zoë,');
    // How many others it hit is no fact this customer needs (a data exposure says it).
    expect(parsed.text).not.toMatch(/13,500|13,482|customers in all/);
    expect(parsed.text).toContain('a $10 credit on your next order');
    expect(r.stdout).toMatch(/^From: /);
    expect(r.stdout).toContain('\nTo: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe@example.com>\n');
    const py = pythonParseText(r.stdout);
    expect(py.defects).toEqual([]);
    expect(py.to).toEqual([{ name: 'Zoë Müller', address: 'zoe@example.com' }]);
    expect(py.subject).toBe(parsed.subject);
    // stderr has the check report and nothing of the message (whether the check spots the humour line depends on which line it is)
    expect([CHECK_LINE, CHECK_LINE_HUMOUR]).toContain(r.stderr);
  });

  it('is deterministic with APOLOGIZE_NOW (same bytes, same Message-ID)', async () => {
    const a = await cli([...FULL, '--to', 'ana@example.com']);
    const b = await cli([...FULL, '--to', 'ana@example.com']);
    expect(a.stdoutBytes.equals(b.stdoutBytes)).toBe(true);
    expect(a.stdout).toContain('\nDate: Wed, 08 Jul 2026 09:00:00 +0000\n');
    // the same in every process: derived from the facts, not drawn at random at start-up
    expect(a.stdout).toContain('\nMessage-ID: <apology.4e43ad70e225.e3570f8055b1c9d3@smith.example>\n');
  });

  it('names every missing flag with --no-input (exit 2, nothing on stdout)', async () => {
    const r = await cli(['draft', '--no-input', '--company', 'Acme']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(MISSING_ALL);
  });

  it('never prompts without a TTY or with CI set, even without --no-input', async () => {
    const ci = await cli(['draft', '--company', 'Acme'], { env: { CI: 'true' } });
    expect(ci.code).toBe(2);
    expect(ci.stderr).toBe(MISSING_ALL);
    const noTty = await cli(['draft', '--company', 'Acme'], { env: { CI: undefined } });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toBe(MISSING_ALL);
  });

  it.each([
    [['--to', 'bob@x.com\r\nBcc: eve@y.com'], 'apologize: --to "bob@x.com\\r\\nBcc: eve@y.com" is not one valid address: contains a line break (header injection?) — write it as --to "Name <name@example.com>"'],
    [['--to', 'a@x.com, b@y.com'], 'apologize: --to "a@x.com, b@y.com" is not one valid address: more than one address, or spaces in the address — write it as --to "Name <name@example.com>"'],
    [['--to', '-oQ/tmp/@x.com'], 'apologize: --to "-oQ/tmp/@x.com" is not one valid address: the address starts with "-" (it could be read as a command option) — write it as --to "Name <name@example.com>"'],
    [['--company', 'Acme\r\nBcc: eve@y.com'], 'apologize: flags: company.name contains a line break — keep names, titles and contact details on one line'],
    [['--from', 'care@x.com\nBcc: eve@y.com'], 'apologize: flags: company.from "care@x.com\\nBcc: eve@y.com" is not one valid address: contains a line break (header injection?) — write it as --from "Name <name@example.com>"'],
    [['--severity', 'critical', '--humour'], 'apologize: humour is refused for a critical incident: a joke there reads as not taking the harm seriously — drop --humour, use --no-humour, or lower --severity if the harm really is small'],
    [['--scenario', 'nope'], 'apologize: unknown scenario "nope" — choose one of: billing-error, data-exposure, generic, missed-appointment, service-outage, shipping-delay, wrong-item'],
    [['--affected', 'many'], 'apologize: flags: affected must be a whole number like 13482 (--affected) — correct the value; `apologize draft --help` lists every field'],
    [['--format', 'pdf'], "apologize: option '--format <format>' argument 'pdf' is invalid. Allowed choices are eml, text, json. — see apologize --help"],
  ])('refuses %j with exit 2 and one line', async (extra, error) => {
    const r = await cli([...FULL, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${error}\n`);
  });

  it('warns about humour on a major incident but still writes', async () => {
    const r = await cli([...FULL, '--severity', 'major', '--humour', 'on']);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual(['warning: humour on a major incident can read as flippant; consider --no-humour', CHECK_LINE.trimEnd()]);
    expect(r.stdout).toMatch(/\nSubject: .+\n/);
  });

  it('--format json gives the ndjson object shape; --format text is readable', async () => {
    const j = await cli([...FULL, '--to', 'Zoë <zoe@example.com>', '--format', 'json']);
    expect(j.code).toBe(0);
    const obj = JSON.parse(j.stdout) as Record<string, unknown>;
    expect(Object.keys(obj).sort()).toEqual(['from', 'headers', 'key', 'messageId', 'replyTo', 'subject', 'text', 'to'].sort());
    expect(obj.to).toBe('Zoë <zoe@example.com>');
    expect(obj.key).toBe('zoe@example.com');
    const t = await cli([...FULL, '--to', 'Zoë <zoe@example.com>', '--format', 'text']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^To: Zoë <zoe@example.com>\nSubject: .+\n\nHi Zoë,\n/);
  });

  it('text and json formats do not need --from', async () => {
    const args = FULL.filter((a, i) => a !== '--from' && FULL[i - 1] !== '--from');
    const text = await cli([...args, '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Subject: .+\n\nHello,\n/);
    const json = await cli([...args, '--format', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { from: string | null }).from).toBeNull();
    const eml = await cli(args);
    expect(eml.code).toBe(2);
    expect(eml.stdout).toBe('');
    expect(eml.stderr).toBe('apologize: missing --from (company.from) — give each as a flag or in --incident FILE, or run in a terminal to be asked\n');
  });

  it('--save writes an incident file that draft reads back to the same email', async () => {
    const dir = tempDir();
    const file = join(dir, 'incident.yaml');
    const first = await cli([...FULL, '--to', 'ana@example.com', '--save', file]);
    expect(first.code).toBe(0);
    const saved = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ company: { name: 'Smith & Sons' }, affected: 13482, remedy: { kind: 'credit' } });
    const again = await cli(['draft', '--no-input', '--incident', file, '--to', 'ana@example.com']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  it('flags beat the incident file, which beats the config file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'apologize.config.yaml'), 'company:\n  name: Config Co\n  from: cfg@config.example\nsigner:\n  name: Cora\nseverity: minor\n');
    writeFileSync(join(dir, 'incident.json'), JSON.stringify({ company: { name: 'File Co' }, mistake: 'm', affected: 3, rootCause: 'r', commitment: 'c', severity: 'major' }));
    const r = await cli(['draft', '--no-input', '--incident', 'incident.json', '--severity', 'critical', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout) as { from: string; text: string };
    expect(obj.from).toBe('cfg@config.example');
    expect(obj.text).toContain('File Co');
    expect(obj.text).toContain('Sincerely,'); // critical tone
    // No stray line, no stock phrase: a critical letter is plain.
    expect(obj.text).not.toMatch(/make light of it|^ /m);
  });

  it('a bad incident file names the file and the problem', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'company:\n  name: X\nrootcause: typo\n');
    const r = await cli(['draft', '--no-input', '--incident', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apologize: bad.yaml: unknown field "rootcause" — did you mean "rootCause"?\n');
    writeFileSync(join(dir, 'broken.yaml'), 'company: [\n');
    const b = await cli(['draft', '--no-input', '--incident', 'broken.yaml'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(lines(b.stderr)).toHaveLength(1);
    expect(b.stderr).toMatch(/^apologize: \S*broken\.yaml(:\d+)?: not valid YAML \(.+\) — fix the syntax/);
    const m = await cli(['draft', '--no-input', '--incident', 'missing.yaml'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toBe(`apologize: cannot read ${join(dir, 'missing.yaml')}: no such file — check the path\n`);
  });

  it('--debug adds a stack trace; without it, errors are one line', async () => {
    const plain = await cli(['draft', '--no-input', '--incident', '/nonexistent.yaml']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe('apologize: cannot read /nonexistent.yaml: no such file — check the path\n');
    const r = await cli(['draft', '--no-input', '--debug', '--incident', '/nonexistent.yaml']);
    expect(r.code).toBe(2);
    const [first, ...rest] = lines(r.stderr);
    expect(first).toBe('apologize: cannot read /nonexistent.yaml: no such file — check the path');
    expect(rest[0]).toBe('InputError: cannot read /nonexistent.yaml: no such file');
    expect(rest.slice(1).length).toBeGreaterThan(0);
    for (const l of rest.slice(1)) expect(l).toMatch(/^ {4}at /);
  });
});

describe('CLI manners', () => {
  it('draft --help has examples with sendmail -t -i', async () => {
    const r = await cli(['draft', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: apologize draft \[options\]\n/);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('sendmail -t -i');
    expect(r.stdout).toContain('--root-cause');
    expect(r.stderr).toBe('');
  });

  it('an unknown option is a one-line usage error, exit 2', async () => {
    const r = await cli(['draft', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("apologize: unknown option '--bogus' — see apologize --help\n");
  });
});

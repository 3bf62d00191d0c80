import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { FIXED_NOW, ROOT, pythonParse, pythonParseText, runBin, tempDir } from '../helpers/run.js';

const INCIDENT_YAML = readFileSync(join(ROOT, 'examples/incident.yaml'), 'utf8');
const TOP_LEVEL = 'id, company, signer, scenario, severity, mistake, affected, rootCause, commitment, remedy, humour, followUp, people, summary, when, outcome, commitmentStatus, commitmentDue, action, exposure, audience, locale, fields';

/** Runs the CLI in-process with captured stdout and stderr. */
async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d: Buffer) => out.push(d));
  stderr.on('data', (d: Buffer) => err.push(d));
  const stdin = new PassThrough();
  stdin.end();
  const io: IO = { stdin, stdout, stderr, env: { APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1', CI: '1' }, cwd };
  const code = await run(argv, io);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The example incident with one line replaced (a typo, an injected key…). */
const incidentWith = (from: RegExp, to: string) => {
  const text = INCIDENT_YAML.replace(from, to);
  if (text === INCIDENT_YAML) throw new Error(`no ${from} in the example`);
  return text;
};

/** The example incident as JSON, with a change applied to the parsed object. */
const incidentJson = (change: (o: Record<string, any>) => void) => {
  const o = JSON.parse(JSON.stringify(parseYamlExample()));
  change(o);
  return JSON.stringify(o, null, 2);
};

function parseYamlExample(): Record<string, unknown> {
  return {
    company: { name: 'Pemberton & Daughters Tea Co.', from: 'Pemberton & Daughters <care@pemberton-tea.example>', replyTo: 'Customer Care <care@pemberton-tea.example>' },
    signer: { name: 'Margot Pemberton', title: 'Co-founder' },
    scenario: 'shipping-delay',
    severity: 'minor',
    mistake: 'your tea order will arrive two days later than we promised',
    affected: 13482,
    rootCause: 'a label printer update sent parcels to the wrong depot',
    commitment: 'every label run is now checked by a second person',
    remedy: { kind: 'credit', details: 'a £10 credit on your account' },
    followUp: { after: '3d' },
  };
}

describe('misspelled nested fields stop the run (exit 2, nothing written)', () => {
  it.each([
    ['incident.yaml', 'unknown field "remedy.detail" — did you mean "remedy.details"?', incidentWith(/  details:/, '  detail:')],
    ['incident.yaml', 'unknown field "signer.tilte" — did you mean "signer.title"?', incidentWith(/  title:/, '  tilte:')],
    ['incident.yaml', 'unknown field "company.reply_to" — did you mean "company.replyTo"?', incidentWith(/  replyTo:/, '  reply_to:')],
    ['incident.yaml', 'unknown field "followUp.afer" — did you mean "followUp.after"?', incidentWith(/  after:/, '  afer:')],
    ['incident.json', 'unknown field "remedy.detail" — did you mean "remedy.details"?', incidentJson((o) => { o.remedy.detail = o.remedy.details; delete o.remedy.details; })],
    ['incident.json', 'unknown field "signer.tilte" — did you mean "signer.title"?', incidentJson((o) => { o.signer.tilte = 'CEO'; })],
  ])('%s: %s', async (name, message, text) => {
    const dir = tempDir();
    write(dir, name, text);
    const r = await cli(['draft', '--incident', name, '--to', 'ana@example.com'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`apologize: ${name}: ${message}\n`);
  });

  it.each([
    ['apologize.config.yaml', 'unknown field "company.reply_to" — did you mean "company.replyTo"?', 'company:\n  name: Acme\n  reply_to: care@acme.example\n'],
    ['apologize.config.json', 'unknown field "remedy.detail" — did you mean "remedy.details"?', '{"templates": "./t", "remedy": {"detail": "x"}}'],
  ])('config file %s: %s', async (name, message, text) => {
    const dir = tempDir();
    write(dir, name, text);
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const r = await cli(['draft', '--incident', 'incident.yaml', '--to', 'ana@example.com'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`apologize: ${name}: ${message}\n`);
  });
});

describe('__proto__, constructor and toString as keys, columns and names', () => {
  it.each([
    ['incident.yaml', 'unknown field "company.__proto__"', incidentWith(/^company:\n/m, 'company:\n  __proto__:\n    from: Eve <eve@evil.example>\n')],
    ['incident.yaml', 'unknown field "signer.toString"', incidentWith(/^signer:\n/m, 'signer:\n  toString: x\n')],
    ['incident.json', 'unknown field "company.__proto__"', incidentJson((o) => { o.company = JSON.parse(`{"__proto__": {"from": "eve@evil.example"}, ${JSON.stringify(o.company).slice(1)}`); })],
    ['incident.json', 'unknown field "remedy.constructor"', incidentJson((o) => { o.remedy.constructor = 'x'; })],
  ])('%s: %s', async (name, message, text) => {
    const dir = tempDir();
    write(dir, name, text);
    const r = await cli(['draft', '--incident', name, '--to', 'ana@example.com'], dir);
    expect(r.stderr).toContain(`apologize: ${name}: ${message}`);
    expect(r.stderr).not.toContain('unexpected error');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // The same keys at the top level are refused too.
    for (const key of ['__proto__', 'constructor']) {
      write(dir, 'top.yaml', `${key}:\n  mistake: x\n${INCIDENT_YAML}`);
      expect((await cli(['draft', '--incident', 'top.yaml'], dir)).stderr).toBe(`apologize: top.yaml: unknown field "${key}" — known fields: ${TOP_LEVEL}\n`);
    }
  });

  it.each([['constructor'], ['__proto__'], ['Constructor']])('a CSV column named %s is refused as reserved, not a crash', async (column) => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    write(dir, 'in.csv', `email,name,${column}\nana@example.com,Ana,x\n`);
    const r = await cli(['batch', 'in.csv', '--incident', 'incident.yaml'], dir);
    expect(r.stderr).toMatch(/^apologize: column ".+" cannot be used as ".+" \(a reserved name\) — /);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // --map onto constructor is refused the same way; toString, valueOf and hasOwnProperty are ordinary columns a template can print.
    mkdirSync(join(dir, 'tpl'));
    write(dir, 'tpl/generic.hbs', 'Subject: Note\n\n[{{recipient.tostring}}|{{recipient.valueof}}|{{recipient.hasownproperty}}|{{recipient.kunde}}]\n');
    write(dir, 'in.csv', 'email,toString,valueOf,hasOwnProperty,Kunde\nana@example.com,ts,vo,hop,K1\n');
    const bad = await cli(['batch', 'in.csv', '--incident', 'incident.yaml', '--map', 'Kunde=constructor'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot be used as "constructor"/);
    const good = await cli(['batch', 'in.csv', '--incident', 'incident.yaml', '--scenario', 'generic', '--templates', 'tpl', '--format', 'text'], dir);
    expect(good.stderr).not.toContain('unexpected error');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('[ts|vo|hop|K1]');
  });

  it('--delimiter constructor is a usage error, not a crash', async () => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    write(dir, 'in.csv', 'email\nana@example.com\n');
    const r = await cli(['batch', 'in.csv', '--incident', 'incident.yaml', '--delimiter', 'constructor'], dir);
    expect(r.stderr).toMatch(/^apologize: --delimiter "constructor" must be one ASCII character/);
    expect(r.code).toBe(2);
  });

  it('a custom scenario named constructor renders, with its own humour lines (and a __proto__ key in humour.json is just a key)', async () => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    mkdirSync(join(dir, 'tpl'));
    write(dir, 'tpl/constructor.hbs', 'Subject: Sorry from {{company.name}}\n\n[{{humour}}]\nBody.\n');
    // No lines of its own: the built-in generic lines, not Object.prototype.constructor.
    const builtin = await cli(['draft', '--incident', 'incident.yaml', '--templates', 'tpl', '--scenario', 'constructor', '--humour', 'on', '--format', 'text', '--no-check'], dir);
    expect(builtin.stderr).not.toContain('unexpected error');
    expect(builtin.code).toBe(0);
    expect(builtin.stdout).toMatch(/\[\S.+\]/);
    write(dir, 'tpl/humour.json', '{"__proto__": ["a proto line"], "constructor": ["a constructor line"]}');
    const r = await cli(['draft', '--incident', 'incident.yaml', '--templates', 'tpl', '--scenario', 'constructor', '--humour', 'on', '--format', 'text', '--no-check'], dir);
    expect(r.stderr).not.toContain('unexpected error');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a constructor line');
    expect(r.stdout).not.toContain('a proto line');
    // A scenario with no lines of its own falls back to the built-in generic ones, not to Object.prototype.
    write(dir, 'tpl/to-string.hbs', 'Subject: x\n\n[{{humour}}]\n');
    const g = await cli(['draft', '--incident', 'incident.yaml', '--templates', 'tpl', '--scenario', 'to-string', '--humour', 'on', '--format', 'text', '--no-check'], dir);
    expect(g.code).toBe(0);
    expect(g.stdout).toMatch(/\[\S.+\]/);
  });
});

describe('YAML surprises are YAML errors', () => {
  it('an alias bomb is named as such, not "not valid JSON"', async () => {
    const dir = tempDir();
    const levels = ['a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    write(dir, 'bomb.yaml', `${levels.join('\n')}\n${INCIDENT_YAML}`);
    const r = await cli(['draft', '--incident', 'bomb.yaml', '--to', 'ana@example.com'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.yaml: not valid YAML \(its aliases \(\*name\) expand to too many values/);
    expect(r.stderr).not.toContain('JSON');
  });

  it('!!js/function is an error naming the line, and Node prints no warning', async () => {
    const dir = tempDir();
    write(dir, 'fn.yaml', incidentWith(/^mistake: .*$/m, 'mistake: !!js/function "function () { return 1 }"'));
    const r = await runBin(['draft', '--incident', 'fn.yaml', '--to', 'ana@example.com'], { cwd: dir });
    expect(r.stderr).not.toMatch(/Warning|trace-warnings/);
    expect(r.stderr).toMatch(/^apologize: .*fn\.yaml:\d+: not valid YAML \(Unresolved tag: tag:yaml\.org,2002:js\/function; tags like !!js\/function are not read/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('values', () => {
  it.each([['1e3'], ['0x10'], ['1,2,3'], ['12,34'], ['1.000']])('--affected %s is refused', async (affected) => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const r = await cli(['draft', '--incident', 'incident.yaml', '--affected', affected, '--format', 'json', '--no-check'], dir);
    expect(r.stderr).toMatch(/affected must be a whole number/);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it.each([['affected: "1e3"'], ['affected: "0x10"'], ['affected: "1,2,3"']])('%s in a file is refused', async (line) => {
    const dir = tempDir();
    write(dir, 'incident.yaml', incidentWith(/^affected: .*$/m, line));
    const r = await cli(['draft', '--incident', 'incident.yaml', '--format', 'json', '--no-check'], dir);
    expect(r.stderr).toMatch(/affected must be a whole number/);
    expect(r.code).toBe(2);
  });

  it('--affected 13482, 13,482 and 13 482 are 13,482; 1e3 is not 1,000', async () => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    for (const affected of ['13482', '13,482', '13 482']) {
      const r = await cli(['brief', '--incident', 'incident.yaml', '--affected', affected], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('13,482');
    }
    const e = await cli(['brief', '--incident', 'incident.yaml', '--affected', '1e3'], dir);
    expect(e.code).toBe(2);
    expect(e.stdout).not.toContain('1,000');
  });

  it.each([['care@[1.2.3.4.5.6:::]'], ['care@[256.0.0.1]'], ['care@[IPv6:1:2:3:4:5:6:7:8:9]'], ['care@[::1]']])('--from %s is refused', async (address) => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const r = await cli(['draft', '--incident', 'incident.yaml', '--from', `Acme <${address}>`, '--to', 'ana@example.com'], dir);
    expect(r.stderr).toMatch(/is not one valid address: the address literal after @ is not/);
    expect(r.code).toBe(2);
  });

  it('an IDN From domain gives an ASCII Message-ID that Python reads without defects', async () => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const r = await cli(['draft', '--incident', 'incident.yaml', '--from', 'Bücher <care@bücher.example>', '--to', 'ana@example.com', '--no-check'], dir);
    expect(r.code).toBe(0);
    const id = /^Message-ID: (.*)$/m.exec(r.stdout)![1]!;
    expect(id).toMatch(/^<apology\.[0-9a-f]+\.[0-9a-f]{16}@xn--bcher-kva\.example>$/);
    const parsed = pythonParseText(r.stdout);
    expect(parsed.messageId).toBe(id);
    expect(parsed.defects).toEqual([]);
  });

  it('names: 200 emoji, ZWNJ and ZWJ reach the To header intact; bidi overrides and ZWNJ in addresses are rejected', async () => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const emoji = '😀'.repeat(200);
    const persian = 'مهدی\u200cزاده';
    const indic = 'क्\u200dष Rao';
    write(dir, 'in.csv', [
      'email,name',
      `a@example.com,${emoji}`,
      `b@example.com,${persian}`,
      `c@example.com,${indic}`,
      'd@example.com,Eve\u202eevil',
      `e@exa\u200cmple.com,Ok`,
      `f@example.com,${'😀'.repeat(257)}`,
    ].join('\n') + '\n');
    const r = await cli(['batch', 'in.csv', '--incident', 'incident.yaml', '--out', 'out.mbox'], dir);
    expect(r.code).toBe(1);
    const msgs = pythonParse([join(dir, 'out.mbox')], true);
    // Python puts a space between the encoded-words a long name is split into; the characters are all there.
    expect(msgs.map((m) => m.to?.map((a) => ({ ...a, name: a.name.replace(/ (?=😀)/g, '') })))).toEqual([
      [{ name: emoji, address: 'a@example.com' }],
      [{ name: persian, address: 'b@example.com' }],
      [{ name: indic, address: 'c@example.com' }],
    ]);
    for (const m of msgs) {
      expect(m.defects).toEqual([]);
      expect(m.maxLineOctets).toBeLessThanOrEqual(998);
    }
    const rejects = parseCsvSync(readFileSync(join(dir, 'in.rejects.csv')), { columns: true }) as Record<string, string>[];
    expect(rejects.map((x) => [x._line, x._reason])).toEqual([
      ['5', expect.stringMatching(/bidi/)],
      ['6', expect.stringMatching(/zero-width/)],
      ['7', expect.stringMatching(/longer than 256/)],
    ]);
  });

  it.each([
    ['😀'.repeat(200)],
    ['مهدی\u200cزاده'],
    ['👩\u200d💻 Ana'],
  ])('draft --to with the name %s reads back exactly (mailparser)', async (name) => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const r = await cli(['draft', '--incident', 'incident.yaml', '--to', `${name} <ana@example.com>`, '--no-check'], dir);
    expect(r.code).toBe(0);
    const parsed = await simpleParser(r.stdout);
    expect(parsed.to).toMatchObject({ value: [{ name, address: 'ana@example.com' }] });
  });

  it('draft --to with ZWNJ in the name is accepted, and bidi overrides, zero-width spaces and 257 emoji are still refused', async () => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const ok = await cli(['draft', '--incident', 'incident.yaml', '--to', 'مهدی\u200cزاده <ana@example.com>', '--no-check'], dir);
    expect(ok.code).toBe(0);
    for (const name of ['Eve \u202eevil', 'Eve\u200bx', '😀'.repeat(257)]) {
      const r = await cli(['draft', '--incident', 'incident.yaml', '--to', `${name} <ana@example.com>`, '--no-check'], dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('padded cells parse in one pass', () => {
  it('a 1 MB padded email cell is read and judged like a short one', async () => {
    const dir = tempDir();
    write(dir, 'incident.yaml', INCIDENT_YAML);
    const pad = ' '.repeat(1_000_000);
    write(dir, 'in.csv', `email,name\n"Ana${pad}<ana@example.com>",\n"Bob${pad}x",\n"${'<'.repeat(1_000_000)}",\nzoe@example.com,Zoe\n`);
    const r = await cli(['batch', 'in.csv', '--incident', 'incident.yaml', '--out', 'out.mbox'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/4 rows read, 2 messages, 2 rejected/);
    const msgs = pythonParse([join(dir, 'out.mbox')], true);
    expect(msgs.map((m) => m.to)).toEqual([[{ name: 'Ana', address: 'ana@example.com' }], [{ name: 'Zoe', address: 'zoe@example.com' }]]);
    expect(existsSync(join(dir, 'in.rejects.csv'))).toBe(true);
  });

  it('a 1 MB padded From in an incident file is read in one pass, whether it is valid or not', async () => {
    const dir = tempDir();
    write(dir, 'bad.json', incidentJson((o) => { o.company.from = `Acme${' '.repeat(1_000_000)}<care@acme.example`; }));
    const bad = await cli(['draft', '--incident', 'bad.json', '--to', 'ana@example.com', '--no-check'], dir);
    expect(bad.stderr).toMatch(/^apologize: bad\.json \+ flags: company\.from "Acme {10,}.*…" is not one valid address: unbalanced < > — /);
    expect(bad.stderr.length).toBeLessThan(400);
    expect(bad.code).toBe(2);
    write(dir, 'good.json', incidentJson((o) => { o.company.from = `Acme${' '.repeat(1_000_000)}<care@acme.example>`; }));
    const r = await cli(['draft', '--incident', 'good.json', '--to', 'ana@example.com', '--no-check'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^From: Acme <care@acme\.example>$/m);
  });
});

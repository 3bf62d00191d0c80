// The incident model through the commands, in-process (tests/helpers/cli.ts): every newer field
// from flags, an incident file and a config file, in that precedence; what reaches a template;
// the errors; --save; brief; and the prompts through the prompt seam.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { Asker, Question } from '../../src/incident/questions.js';
import { cli, cliEnv, lines } from '../helpers/cli.js';
import { ROOT, pythonParseText, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

/** A template that prints every newer field the way a template names it. */
const FACTS_TEMPLATE = `Subject: facts

people={{incident.people.one}}/{{incident.people.many}}
summary={{incident.summary}}
when={{incident.when}}
outcome={{incident.outcome}}
status={{incident.commitmentStatus}}
due={{incident.commitmentDue}}
action={{incident.action}}
data={{#each incident.exposure.data}}[{{this}}]{{/each}}
discovered={{incident.exposure.discovered}}
contained={{incident.exposure.contained}}
regulator={{incident.exposure.regulator}}
reference={{incident.exposure.reference}}
team={{incident.signer.team}}/{{signer.team}}
audience={{incident.audience}}
locale={{incident.locale}}
fields={{#each incident.fields}}{{@key}};{{/each}}
`;

function factsDir(dir: string): string {
  const t = join(dir, 'tpl');
  mkdirSync(t, { recursive: true });
  writeFileSync(join(t, 'facts.hbs'), FACTS_TEMPLATE);
  return t;
}

/** The printed facts as a map: field → value. */
function facts(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([a-z]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

const draftFacts = async (dir: string, args: string[]) => {
  const r = await cli(['draft', '--no-input', '--no-check', '--format', 'text', '--templates', factsDir(dir), '--scenario', 'facts', ...args], { cwd: dir });
  // free-text data kinds (the layers' "… secrets") are said on stderr; nothing else is
  expect(lines(r.stderr).filter((l) => !l.startsWith('warning: exposure.data "'))).toEqual([]);
  expect(r.code).toBe(0);
  return facts(r.stdout);
};

const REQUIRED = ['--company', 'Acme', '--signer', 'Dana Lee', '--mistake', 'your order shipped late', '--affected', '12', '--root-cause', 'a scanner failed', '--commitment', 'we check the scanner daily'];

/** One value per newer field, for each layer: the flags, the file and the config file. */
const LAYER = (tag: string, n: number) => ({
  flags: [
    '--people', `${tag}-guests`,
    '--summary', `${tag} summary`,
    '--when', `${tag} when`,
    '--outcome', `${tag} outcome`,
    '--commitment-status', ['planned', 'in-progress', 'planned'][n]!,
    '--commitment-due', `2026-12-1${n}`,
    '--action', `${tag} action`,
    '--exposure-data', `email,${tag} secrets`,
    '--exposure-discovered', `${tag} discovered`,
    '--exposure-contained', `${tag} contained`,
    '--exposure-regulator', `${tag} regulator`,
    '--exposure-reference', `${tag}-REF`,
    '--audience', ['business', 'consumer', 'business'][n]!,
    '--locale', ['fr', 'fr-CA', 'es-419'][n]!,
  ],
  data: {
    people: `${tag}-guests`,
    summary: `${tag} summary`,
    when: `${tag} when`,
    outcome: `${tag} outcome`,
    commitmentStatus: ['planned', 'in-progress', 'planned'][n]!,
    commitmentDue: `2026-12-1${n}`,
    action: `${tag} action`,
    exposure: { data: ['email', `${tag} secrets`], discovered: `${tag} discovered`, contained: `${tag} contained`, regulator: `${tag} regulator`, reference: `${tag}-REF` },
    audience: ['business', 'consumer', 'business'][n]!,
    locale: ['fr', 'fr-CA', 'es-419'][n]!,
    fields: { [['fr', 'fr-CA', 'es-419'][n]!]: { mistake: `${tag} Fehler` } },
  },
  expected: {
    people: `${tag}-guest/${tag}-guests`,
    summary: `${tag} summary`,
    when: `${tag} when`,
    outcome: `${tag} outcome`,
    status: ['planned', 'in-progress', 'planned'][n]!,
    due: `2026-12-1${n}`,
    action: `${tag} action`,
    data: `[email][${tag} secrets]`,
    discovered: `${tag} discovered`,
    contained: `${tag} contained`,
    regulator: `${tag} regulator`,
    reference: `${tag}-REF`,
    audience: ['business', 'consumer', 'business'][n]!,
    locale: ['fr', 'fr-CA', 'es-419'][n]!,
  },
});

const DEFAULTS = {
  people: 'customer/customers',
  summary: '',
  when: '',
  outcome: '',
  status: 'done',
  due: '',
  action: '',
  data: '',
  discovered: '',
  contained: '',
  regulator: '',
  reference: '',
  team: 'false/false',
  audience: 'consumer',
  locale: 'en',
  fields: '',
};

describe('every newer field reaches the template as incident.<field>', () => {
  it('defaults, when nothing is given: each key is there for a strict template', async () => {
    expect(await draftFacts(tempDir(), REQUIRED)).toEqual(DEFAULTS);
  });

  it('from flags', async () => {
    const { flags, expected } = LAYER('flag', 0);
    expect(await draftFacts(tempDir(), [...REQUIRED, ...flags, '--team'])).toEqual({ ...expected, team: 'true/true', fields: '' });
  });

  it('from an incident file (YAML and JSON) and from a config file', async () => {
    const { data, expected } = LAYER('file', 1);
    const dir = tempDir();
    const full = { ...data, signer: { name: 'The Acme team', team: true } };
    writeFileSync(join(dir, 'i.json'), JSON.stringify(full));
    writeFileSync(join(dir, 'i.yaml'), `# with a list in YAML\n${JSON.stringify(full)}\n`);
    const want = { ...expected, team: 'true/true', fields: 'fr-CA;' };
    const rest = REQUIRED.filter((_, i) => i < 2 || i > 3).filter((a) => a !== '--signer' && a !== 'Dana Lee');
    expect(await draftFacts(dir, [...rest, '--incident', 'i.json'])).toEqual(want);
    expect(await draftFacts(dir, [...rest, '--incident', 'i.yaml'])).toEqual(want);
    writeFileSync(join(dir, 'apologize.config.yaml'), `${JSON.stringify(full)}\n`);
    expect(await draftFacts(dir, rest)).toEqual(want);
  });

  it('flags > --incident file > config file > defaults, field by field', async () => {
    const dir = tempDir();
    const config = LAYER('config', 0);
    const file = LAYER('file', 1);
    const flag = LAYER('flag', 2);
    writeFileSync(join(dir, 'apologize.config.json'), JSON.stringify({ ...config.data, signer: { name: 'Config team', team: true } }));
    writeFileSync(join(dir, 'incident.yaml'), JSON.stringify(file.data));
    const noSigner = REQUIRED.filter((a) => a !== '--signer' && a !== 'Dana Lee');
    // config only
    expect(await draftFacts(dir, noSigner)).toEqual({ ...config.expected, team: 'true/true', fields: 'fr;' });
    // the file wins over the config (fields merge by locale)
    expect(await draftFacts(dir, [...noSigner, '--incident', 'incident.yaml'])).toEqual({ ...file.expected, team: 'true/true', fields: 'fr;fr-CA;' });
    // flags win over both
    expect(await draftFacts(dir, [...noSigner, '--incident', 'incident.yaml', ...flag.flags])).toEqual({ ...flag.expected, team: 'true/true', fields: 'fr;fr-CA;' });
  });

  it('people given as both forms in a file, and a plain plural from a flag over it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'i.yaml'), 'people:\n  one: member of staff\n  many: members of staff\n');
    expect((await draftFacts(dir, [...REQUIRED, '--incident', 'i.yaml'])).people).toBe('member of staff/members of staff');
    expect((await draftFacts(dir, [...REQUIRED, '--incident', 'i.yaml', '--people', 'patients'])).people).toBe('patient/patients');
  });
});

describe('refused with exit 2 and one line, nothing on stdout', () => {
  it.each([
    [['--commitment-status', 'soon'], 'apologize: flags: commitmentStatus must be one of done, in-progress, planned (--commitment-status) — correct the value; `apologize draft --help` lists every field'],
    [['--commitment-due', '12/12/2026'], 'apologize: flags: commitmentDue must be a date with its year, like 2026-12-12 or 12 December 2026 (--commitment-due) — correct the value; `apologize draft --help` lists every field'],
    [['--locale', 'en_US'], 'apologize: flags: locale "en_US" must be a BCP 47 language tag like en, de, fr-CA or es-419 (--locale) — correct the value; `apologize draft --help` lists every field'],
    [['--audience', 'b2b'], 'apologize: flags: audience must be one of consumer, business (--audience) — correct the value; `apologize draft --help` lists every field'],
    [['--summary', 'the late\ndelivery'], 'apologize: flags: summary contains a line break — keep summary on one line'],
    [['--audience', 'business', '--humour', 'on'], 'apologize: humour is refused for a business audience: a business letter is plain and factual — drop --humour (or set humour: off), or use --audience consumer if the letter goes to people'],
    [['--audience', 'business', '--humour'], 'apologize: humour is refused for a business audience: a business letter is plain and factual — drop --humour (or set humour: off), or use --audience consumer if the letter goes to people'],
    [['--scenario', 'shiping-delay'], 'apologize: unknown scenario "shiping-delay" — did you mean "shipping-delay"? (choose one of: billing-error, data-exposure, generic, missed-appointment, service-outage, shipping-delay, wrong-item)'],
    [['--scenario', 'Data-Exposure'], 'apologize: flags: scenario must be a template name like shipping-delay (--scenario) — correct the value; `apologize draft --help` lists every field'],
    [['--scenario', 'servce-outage'], 'apologize: unknown scenario "servce-outage" — did you mean "service-outage"? (choose one of: billing-error, data-exposure, generic, missed-appointment, service-outage, shipping-delay, wrong-item)'],
  ])('%j', async (args, error) => {
    const r = await cli(['draft', '--no-input', '--format', 'text', ...REQUIRED, '--severity', 'minor', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${error}\n`);
  });

  it('batch refuses humour for a business audience before writing anything, and a misspelt scenario from a file', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.mbox');
    const r = await cli(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--audience', 'business', '--humour', 'on', '--out', out]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['apologize: humour is refused for a business audience: a business letter is plain and factual — drop --humour (or set humour: off), or use --audience consumer if the letter goes to people']);
    writeFileSync(join(dir, 'i.yaml'), `${readFileSync(INCIDENT, 'utf8').replace('scenario: shipping-delay', 'scenario: shiping-delay')}`);
    const s = await cli(['batch', join(ROOT, 'examples/orders.csv'), '--incident', join(dir, 'i.yaml'), '--out', out]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/^apologize: unknown scenario "shiping-delay" — did you mean "shipping-delay"\?/);
  });

  it('an unknown field in a file, at any depth, with a suggestion', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'i.yaml'), 'exposure:\n  regulater: the ICO\n');
    const r = await cli(['draft', '--no-input', '--format', 'text', ...REQUIRED, '--incident', 'i.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apologize: i.yaml: unknown field "exposure.regulater" — did you mean "exposure.regulator"?\n');
  });
});

describe('allowed, with a warning', () => {
  it('a data kind not in the list is kept as written; a planned change with no date is said', async () => {
    const dir = tempDir();
    const r = await cli(
      ['draft', '--no-input', '--no-check', '--format', 'text', '--templates', factsDir(dir), '--scenario', 'facts', ...REQUIRED, '--exposure-data', 'email, pasword, Loyalty points', '--commitment-status', 'planned'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(facts(r.stdout).data).toBe('[email][pasword][Loyalty points]');
    expect(lines(r.stderr)).toEqual([
      'warning: commitmentStatus is planned but commitmentDue is not set: the letter cannot say when the change will be done (add --commitment-due 2026-12-12)',
      'warning: exposure.data "pasword" is not a known kind (did you mean "password"?): the letter names it as written and gives no advice for it (known: name, email, phone, postal-address, date-of-birth, password, payment-card, bank-account, government-id, health, order-history, location)',
      'warning: exposure.data "Loyalty points" is not a known kind: the letter names it as written and gives no advice for it (known: name, email, phone, postal-address, date-of-birth, password, payment-card, bank-account, government-id, health, order-history, location)',
    ]);
  });

  it('a business audience with humour auto gets no humour line', async () => {
    const args = ['draft', '--no-input', '--no-check', '--format', 'text', '--incident', INCIDENT, '--severity', 'minor'];
    const consumer = await cli(args);
    const business = await cli([...args, '--audience', 'business']);
    expect(consumer.code).toBe(0);
    expect(business.code).toBe(0);
    // the consumer letter has one of the humour lines the brief lists; the business letter (its own plain register) none
    const brief = await cli(['brief', '--incident', INCIDENT, '--severity', 'minor']);
    const humourLines = brief.stdout.slice(brief.stdout.indexOf('## The humour promise')).split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    // The incident's one line (every customer of it reads the same letter), one that works in a letter.
    expect(humourLines).toHaveLength(1);
    const consumerLines = lines(consumer.stdout).filter(Boolean);
    const businessLines = lines(business.stdout).filter(Boolean);
    // The line ends a paragraph of the body (never one of its own).
    expect(consumerLines.filter((l) => humourLines.some((h) => l.endsWith(h)))).toHaveLength(1);
    expect(businessLines.filter((l) => humourLines.some((h) => l.includes(h)))).toEqual([]);
    expect(business.stdout).toMatch(/\bwe're sorry\b|We're sorry/);
  });
});

describe('--save', () => {
  it('writes every newer field (and an id), and the saved file gives the same message', async () => {
    const dir = tempDir();
    const { flags } = LAYER('saved', 1);
    const args = ['draft', '--no-input', '--no-check', '--to', 'Zoë Müller <zoe@example.com>', '--incident', INCIDENT, ...flags, '--team', '--signer', 'The Pemberton team'];
    const first = await cli([...args, '--save', join(dir, 'saved.yaml')]);
    expect(first.code).toBe(0);
    const saved = parseYaml(readFileSync(join(dir, 'saved.yaml'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      people: { one: 'saved-guest', many: 'saved-guests' },
      summary: 'saved summary',
      when: 'saved when',
      outcome: 'saved outcome',
      commitmentStatus: 'in-progress',
      commitmentDue: '2026-12-11',
      action: 'saved action',
      exposure: { data: ['email', 'saved secrets'], discovered: 'saved discovered', contained: 'saved contained', regulator: 'saved regulator', reference: 'saved-REF' },
      signer: { name: 'The Pemberton team', title: 'Co-founder', team: true },
      audience: 'consumer',
      locale: 'fr-CA',
    });
    const again = await cli(['draft', '--no-input', '--no-check', '--to', 'Zoë Müller <zoe@example.com>', '--incident', join(dir, 'saved.yaml')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(pythonParseText(again.stdout).messageId).toBe(pythonParseText(first.stdout).messageId);
    // JSON too, and saving the saved file again changes nothing
    const json = await cli(['draft', '--no-input', '--no-check', '--incident', join(dir, 'saved.yaml'), '--save', join(dir, 'saved.json')]);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'saved.json'), 'utf8'))).toEqual(saved);
  });

  it('an incident without the newer facts saves no empty exposure and no team: false', async () => {
    const dir = tempDir();
    const r = await cli(['draft', '--no-input', '--no-check', '--incident', INCIDENT, '--save', join(dir, 's.yaml')]);
    expect(r.code).toBe(0);
    const saved = parseYaml(readFileSync(join(dir, 's.yaml'), 'utf8')) as Record<string, unknown>;
    expect(saved).not.toHaveProperty('exposure');
    expect(saved).not.toHaveProperty('fields');
    expect(saved.signer).toEqual({ name: 'Margot Pemberton', title: 'Co-founder' });
    expect(saved).toMatchObject({ id: 'c49d83911e52', people: { one: 'customer', many: 'customers' }, commitmentStatus: 'done', audience: 'consumer', locale: 'en' });
  });
});

describe('brief shows the newer facts', () => {
  it('when, who, the change and its status, where they stand, what they must do, the exposure, the audience', async () => {
    const r = await cli([
      'brief', '--incident', INCIDENT, '--scenario', 'data-exposure', '--severity', 'critical',
      '--people', 'members', '--when', 'Tuesday 3 March, 09:00–11:00 UTC', '--outcome', 'your account is safe to use',
      '--commitment-status', 'in-progress', '--commitment-due', '2026-12-12', '--action', 'reset your password',
      '--exposure-data', 'email,password', '--exposure-discovered', 'the same morning', '--exposure-contained', 'we revoked the key',
      '--exposure-regulator', 'the ICO, on 4 March', '--exposure-reference', 'DX-31', '--audience', 'business', '--locale', 'en-GB',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const md = r.stdout;
    expect(md).toContain('**Members affected:** 13,482');
    expect(md).toContain('**Audience:** business (plain and factual, no humour) · **Language:** en-GB');
    expect(md).toContain('- **When:** Tuesday 3 March, 09:00–11:00 UTC\n');
    expect(md).toContain('- **Scale:** 13,482 members\n');
    expect(md).toContain('- **Data exposed:** email, password\n- **Found:** the same morning\n- **Contained:** we revoked the key.\n- **Authority told:** the ICO, on 4 March\n- **Reference customers may quote:** DX-31\n');
    expect(md).toContain('- **Its status:** in progress, due Saturday, 12 December 2026: say it is under way, never that it is in place\n');
    expect(md).toContain('- **Where they stand now:** your account is safe to use.\n');
    expect(md).toContain('- **What they have to do:** reset your password.\n');
  });

  it('the defaults, said plainly; a business letter has no humour, and says why', async () => {
    const r = await cli(['brief', '--incident', INCIDENT, '--audience', 'business']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**Customers affected:** 13,482');
    expect(r.stdout).toContain('- **Its status:** done: it is in place now, and you may say so\n');
    expect(r.stdout).toContain('- **What they have to do:** nothing was asked of them\n');
    expect(r.stdout).not.toContain('Data exposed');
    expect(r.stdout).toContain('No humour was used (a business letter never jokes)');
    const one = await cli(['brief', '--incident', INCIDENT, '--affected', '1', '--people', 'patients', '--commitment-status', 'planned']);
    expect(one.stdout).toContain('- **Scale:** 1 patient\n');
    expect(one.stdout).toContain('- **Its status:** planned, no date given (add commitmentDue): say it is planned, never that it is in place\n');
  });
});

describe('prompts (the prompt seam, in a pretend terminal)', () => {
  class Sink extends Writable {
    readonly chunks: Buffer[] = [];
    isTTY: boolean;
    constructor(tty: boolean) {
      super();
      this.isTTY = tty;
    }
    override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
      this.chunks.push(Buffer.from(chunk));
      cb();
    }
    text(): string {
      return Buffer.concat(this.chunks).toString('utf8');
    }
  }

  it('a data exposure asks the exposure questions, and the answers reach the letter and --save', async () => {
    const dir = tempDir();
    const answers: Record<string, string> = {
      mistake: 'a list of our members was attached to a newsletter by mistake',
      people: 'members',
      affected: '212',
      when: 'on Tuesday 3 March at 09:14',
      'exposure.data': 'name, email',
      'exposure.discovered': 'ten minutes later',
      'exposure.contained': 'we recalled the newsletter',
      'exposure.regulator': '',
      'exposure.reference': 'NL-0303',
      rootCause: 'the wrong file was attached',
      commitment: 'a second person checks every attachment',
      commitmentStatus: 'done',
      action: '',
      'remedy.kind': 'none',
      severity: 'major',
      audience: 'consumer',
      'signer.name': 'Ana Ruiz',
    };
    const asked: Question[] = [];
    const asker: Asker = {
      async ask(q) {
        asked.push(q);
        return Object.hasOwn(answers, q.key) ? answers[q.key]! : (q.default ?? '');
      },
    };
    const stdin = new PassThrough() as unknown as IO['stdin'];
    (stdin as { isTTY?: boolean }).isTTY = true;
    const stdout = new Sink(false);
    const stderr = new Sink(true);
    const io = { stdin, stdout, stderr, env: cliEnv({ CI: undefined }), cwd: dir, asker } as unknown as IO;
    const code = await run(
      ['draft', '--scenario', 'data-exposure', '--company', 'Paystream', '--format', 'text', '--no-check', '--save', 'saved.yaml'],
      io,
    );
    expect(code).toBe(0);
    const keys = asked.map((q) => q.key);
    expect(keys).toEqual([
      'mistake', 'people', 'affected', 'when', 'exposure.data', 'exposure.discovered', 'exposure.contained', 'exposure.regulator', 'exposure.reference',
      'rootCause', 'commitment', 'commitmentStatus', 'action', 'remedy.kind', 'severity', 'audience',
      'company.from', 'signer.name', 'signer.title', 'company.phone', 'company.email', 'followUp.after', 'to',
      'review', // the review step (send is its default)
    ]);
    expect(asked.find((q) => q.key === 'affected')!.message).toBe('How many members did it hit?');
    const saved = parseYaml(readFileSync(join(dir, 'saved.yaml'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      scenario: 'data-exposure',
      people: { one: 'member', many: 'members' },
      when: 'on Tuesday 3 March at 09:14',
      exposure: { data: ['name', 'email'], discovered: 'ten minutes later', contained: 'we recalled the newsletter', reference: 'NL-0303' },
      commitmentStatus: 'done',
      audience: 'consumer',
    });
    expect(saved).not.toHaveProperty('action');
    expect((saved.exposure as Record<string, unknown>).regulator).toBeUndefined();
  });
});

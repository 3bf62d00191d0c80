// The batch shortcuts must give exactly what the plain code gives: messages
// cut from cached shapes vs rendering each message with the same context, the
// mbox writer's bytes from a shape vs the eml writer's text of the same
// message (and what Python's email package reads from both), and the
// shortcuts in address, name and row checks.
import { singleOrder } from '../../src/recipients/orders.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import libmime from 'libmime';
import { createComposer, tidyBody, type Composer } from '../../src/compose/compose.js';
import { InputError, TemplateError } from '../../src/errors.js';
import { BUILTIN_SCENARIOS, type Incident, type IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { displayNameProblem, MAX_NAME, parseMailbox, parseMailboxFully } from '../../src/mail/address.js';
import { formatMailbox, headerLine } from '../../src/mail/encode.js';
import { formatEntry } from '../../src/mail/formats.js';
import { mboxSeparator, quoteFromLines, toMboxEntry, writeEmlEntry, writeMboxEntry, writeText } from '../../src/mail/mbox.js';
import { toLine, toRfc5322, writeToLine } from '../../src/mail/rfc5322.js';
import type { ByteTarget, Message, Stage } from '../../src/message.js';
import { prescanScattered } from '../../src/recipients/prescan.js';
import { firstNameOf, type Recipient } from '../../src/recipients/recipient.js';
import { fieldsMaker } from '../../src/recipients/rows.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { emailKey } from '../../src/text/email-key.js';
import { FingerprintSet, fnv1a } from '../../src/text/fingerprint.js';
import { FIXED_NOW, pythonParse, ROOT, tempDir } from '../helpers/run.js';

const base = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-incident.json'), 'utf8')) as IncidentInput;
const now = new Date(FIXED_NOW);

/** A target like a sink's: a small buffer that grows, to exercise ensure(). */
function target(): ByteTarget & { text(): string } {
  const t = {
    buf: Buffer.alloc(64),
    used: 0,
    ensure(n: number) {
      if (t.used + n <= t.buf.length) return;
      const bigger = Buffer.alloc(t.used + n + 16);
      t.buf.copy(bigger, 0, 0, t.used);
      t.buf = bigger;
    },
    text: () => t.buf.toString('utf8', 0, t.used),
  };
  return t;
}

/** The message, or the error's message. */
function attempt(compose: Composer, r: Recipient): Message | string {
  try {
    return compose(r);
  } catch (err) {
    if (err instanceof InputError || err instanceof TemplateError) return `error: ${err.message}`;
    throw err;
  }
}

/**
 * The body and subject rendered directly, with no cached shape: the template
 * functions given the context the composer's builder makes for r.
 */
function direct(compose: Composer, r: Recipient, msg: Message): { text: string; subject: string } {
  const ctx = compose.context.message(compose.context.recipient(r), '', msg.messageId);
  const lines = compose.humourOn ? compose.template.humour : [];
  if (lines.length > 0) ctx.humour = lines[fnv1a(`humour\0${compose.incidentId}`) % lines.length]!(ctx).trim();
  const subject = compose.template.headers.find((h) => h.name === 'Subject')!.render(ctx).replace(/[ \t]{2,}/g, ' ').trim();
  return { text: tidyBody(compose.template.body(ctx)), subject };
}

/**
 * A message with its shape as pieces and values (the shape objects of two
 * composers differ); text and messageId are getters, named to be compared.
 */
function comparable(m: Message | string) {
  if (typeof m === 'string') return m;
  return { ...m, text: m.text, messageId: m.messageId, shaped: m.shaped && { headers: m.shaped.shape.headers, body: m.shaped.shape.body, values: m.shaped.values } };
}

/** The .eml writer's bytes for msg, written after `before` (a message already in the target). */
function emlBytes(msg: Message, before = ''): string {
  const t = target();
  writeText(t, before);
  writeEmlEntry(msg, t);
  return t.text().slice(before.length);
}

/** The mbox writer's bytes for msg. */
function mboxBytes(msg: Message): string {
  const t = target();
  writeMboxEntry(msg, t);
  return t.text();
}

// Values as CSV rows bring them: anything printable, with the characters that
// change encodings, quoting and tidying weighted in.
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', 'A-1001', 'Zoë', 'Müller', 'José Álvarez', 'O\'Brien', 'Smith, Jane', 'Dr. Who', 'From here', '>From', 'F', 'x'.repeat(400), 'é'.repeat(340), '東京', '🙂', ' padded ', 'a  b', '=?utf-8?q?x?=', '{{x}}', '\uE000' + '0\uE001', '\uE000to\uE001', 'line\nbreak', 'tab\there', 'a\u2028From b', '>From\u2029From x') },
  // encoded-word lookalikes (one decodes to "\r\nBcc: evil@evil.example"), line breaks of every kind, control characters
  { weight: 2, arbitrary: fc.constantFrom('=?utf-8?b?DQpCY2M6IGV2aWxAZXZpbC5leGFtcGxl?=', 'Hi =?UTF-8?Q?=0D=0ABcc:_x?= there', '=?iso-8859-1?q?J=F6rg?=', 'a=?b', 'x?=y=?', 'cr\ronly', 'crlf\r\nline', '\r\nFrom x', 'end\r', 'nul\u0000x', 'esc\u001b[31m', 'c1\u0085x', 'del\u007f') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const email = fc.oneof(fc.constantFrom('zoe@example.com', 'Z.Muller+tag@Example.COM', 'jose@exämple.com', 'a@b.co'), fc.emailAddress());

/** As a batch makes them: `more` rows past the listed ones are counted in orderCount. */
function recipientFrom(fields: Record<string, string>, orders: Record<string, string>[], name: string, first: string, address: string, more = 0): Recipient {
  const f = { ...fields, email: address, name, first_name: first };
  return { email: address, name, first_name: first, fields: f, orders: [f, ...orders.map((o) => ({ ...f, ...o }))].map((o) => singleOrder(o)), orderCount: 1 + orders.length + more, key: address.toLowerCase() };
}

const recipient = fc
  .record({
    name: value,
    first: value,
    address: email,
    order_id: value,
    product: value,
    extra: fc.array(fc.record({ order_id: value, product: value }), { maxLength: 3 }),
    more: fc.constantFrom(0, 0, 0, 7, 1234),
  })
  .map((x) => recipientFrom({ order_id: x.order_id, product: x.product }, x.extra, x.name, x.first, x.address, x.more));

/** A header's value in an mbox entry, unfolded (undefined when absent). */
function rawHeader(entry: string, name: string): string | undefined {
  const head = entry.slice(0, entry.indexOf('\n\n')).replace(/\n(?=[ \t])/g, '');
  return head.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
}

/**
 * What a mail client shows is what was typed: decoding the written Subject,
 * template headers and To name gives back the value (an encoded-word
 * lookalike in a value is encoded, never left for the client to decode).
 */
function showsAsTyped(entry: string, msg: Message) {
  // eslint-disable-next-line no-control-regex
  expect(entry, 'no CR (line breaks in values are LF, the output line ending) and no other control character').not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(libmime.decodeWords(rawHeader(entry, 'Subject')!)).toBe(msg.subject);
  for (const [name, value] of msg.headers) expect(libmime.decodeWords(rawHeader(entry, name)!)).toBe(value);
  if (msg.to?.name) {
    const raw = rawHeader(entry, 'To')!.slice(0, -(msg.to.address.length + 3));
    if (raw.startsWith('"')) {
      const unquoted = raw.slice(1, -1).replace(/\\(.)/g, '$1');
      expect(unquoted).toBe(msg.to.name);
      expect(unquoted.includes('=?'), 'no encoded-word lookalike inside quotes (clients decode those too)').toBe(false);
    } else expect(libmime.decodeWords(raw)).toBe(msg.to.name);
  }
}

/** Messages written from shape bytes, for Python to read (see readTheSame). */
interface Written {
  mbox: string[];
  eml: string[];
}

/**
 * For random recipients: the composer that has cached many shapes and a fresh
 * one (its first shape) give the same message, which is what rendering
 * directly gives; the mbox writer's bytes are the eml writer's text as an
 * mboxrd entry. Returns how many messages were cut from a shape and written
 * from its bytes.
 */
/** A value a shape can hold as a placeholder: no edge spaces, line breaks, control characters or slot marks. */
// eslint-disable-next-line no-control-regex
const plainValue = (v: string) => !/[\uE000\u0000-\u001f\u007f-\u009f]|^\s|\s$/.test(v);
const plainRecipient = (r: Recipient) => [r.fields, ...r.orders].every((row) => Object.values(row).every((v) => typeof v !== 'string' || plainValue(v)));

function checkAll(make: () => Composer, runs: number, seed: number, written?: Written, plain?: { recipients: number; shaped: number }): number {
  const compose = make();
  let shaped = 0;
  fc.assert(
    fc.property(recipient, (r) => {
      const msg = attempt(compose, r);
      expect(comparable(attempt(make(), r)), 'a fresh composer (its first shape) gives the same message').toEqual(comparable(msg));
      if (typeof msg === 'string') return;
      if (plain && plainRecipient(r)) {
        plain.recipients++;
        if (msg.shaped) plain.shaped++;
      }
      if (msg.shaped) {
        expect(msg.text).toBe(direct(compose, r, msg).text);
        if (compose.template.stage === 'apology') expect(msg.subject).toBe(direct(compose, r, msg).subject);
      } else expect(msg.text).toBe(direct(compose, r, msg).text);
      const entry = mboxBytes(msg);
      const eml = formatEntry(msg, 'eml', 0);
      expect(entry).toBe(`${mboxSeparator(msg.from, msg.date)}${quoteFromLines(eml.replace(/\r\n/g, '\n'))}\n`);
      expect(entry).toBe(toMboxEntry(msg));
      expect(emlBytes(msg), "the .eml writer's bytes (from the shape when it can) are toRfc5322 with CRLF").toBe(toRfc5322(msg, '\r\n'));
      expect(emlBytes(msg, 'x'.repeat(700)), 'the same after another message in the target').toBe(eml);
      showsAsTyped(entry, msg);
      const f = msg.bodyFacts;
      if (msg.shaped && f && f.fromSafe && f.crFree && f.maxOctets <= 998) {
        shaped++;
        if (written && written.mbox.length < 40) {
          written.mbox.push(entry);
          written.eml.push(eml);
        }
      }
    }),
    { numRuns: runs, seed },
  );
  return shaped;
}

/** Python's email package reads the same message from the mbox writer's bytes as from the eml writer's file. */
function readTheSame(written: Written): void {
  const dir = tempDir('apologize-fast-');
  writeFileSync(join(dir, 'all.mbox'), written.mbox.join(''));
  const files = written.eml.map((text, i) => {
    const file = join(dir, `${i}.eml`);
    writeFileSync(file, text);
    return file;
  });
  const fromMbox = pythonParse([join(dir, 'all.mbox')], true);
  const fromEml = pythonParse(files);
  expect(fromMbox.length).toBe(fromEml.length);
  fromMbox.forEach((m, i) => {
    const e = fromEml[i]!;
    expect(m.defects).toEqual([]);
    expect({ headers: m.headers, to: m.to, from: m.from, subject: m.subject, messageId: m.messageId, text: m.text }).toEqual({
      headers: e.headers,
      to: e.to,
      from: e.from,
      subject: e.subject,
      messageId: e.messageId,
      text: e.text?.replace(/\r\n/g, '\n'),
    });
  });
}

const composerFor = (incident: Incident, library: TemplateLibrary, stage: Stage = 'apology') => () => createComposer(incident, library, { now, stage });

describe('messages cut from cached shapes, and the mbox writer', () => {
  for (const scenario of BUILTIN_SCENARIOS) {
    for (const stage of ['apology', 'followup'] as const) {
      it(`${scenario} ${stage}`, () => {
        // humour on where it is allowed: each recipient's line is part of the shape
        const incident = validateIncident({ ...base, scenario, severity: 'minor', humour: scenario === 'data-exposure' ? 'auto' : 'on' }, { requireFrom: true });
        const written: Written = { mbox: [], eml: [] };
        const plain = { recipients: 0, shaped: 0 };
        const shaped = checkAll(composerFor(incident, new TemplateLibrary(), stage), 120, scenario.length * 7 + stage.length, written, plain);
        // The letters print every order's product now: more values per recipient, so more random ones
        // (edge spaces, line breaks) that must be rendered directly. Every recipient whose values a
        // shape can hold is cut from one.
        expect(plain.shaped, 'every recipient with placeholder-safe values is cut from a shape').toBe(plain.recipients);
        expect(plain.recipients).toBeGreaterThan(10);
        expect(shaped, 'many random recipients are cut from a shape and written from its bytes').toBeGreaterThan(10);
        readTheSame(written);
      });
    }
  }

  it('custom templates: values in the subject and headers, orders by index, tests on missing columns, partials', () => {
    const dir = tempDir('apologize-fast-');
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'line.hbs'), '- {{order_id}}{{#if product}} ({{product}}){{/if}}\n');
    writeFileSync(
      join(dir, 'generic.hbs'),
      [
        'Subject: About {{recipient.orders.[0].order_id}} for {{recipient.first_name}}',
        'X-Order: {{recipient.order_id}}',
        '',
        '{{recipient.first_name}}{{#if recipient.nothere}} never{{/if}}',
        'Dear {{recipient.name}},',
        '{{#each recipient.orders}}{{> line}}{{/each}}',
        '{{#unless recipient.product}}No product.{{/unless}}',
        'Total: {{length recipient.orders}} {{recipient.orders.length}}',
        '',
      ].join('\n'),
    );
    const incident = validateIncident({ ...base, scenario: 'generic' }, { requireFrom: true });
    const written: Written = { mbox: [], eml: [] };
    expect(checkAll(composerFor(incident, new TemplateLibrary(dir)), 400, 11, written)).toBeGreaterThan(40);
    readTheSame(written);
  });

  it('values that could start a "From " line: the writer quotes them as mboxrd wants', () => {
    const dir = tempDir('apologize-fast-');
    writeFileSync(join(dir, 'generic.hbs'), 'Subject: Hi\n\n{{recipient.first_name}} and {{recipient.product}}\n>{{recipient.product}}\nFr{{recipient.order_id}}\n{{recipient.name}}\n');
    const incident = validateIncident({ ...base, scenario: 'generic' }, { requireFrom: true });
    const make = composerFor(incident, new TemplateLibrary(dir));
    checkAll(make, 300, 19);
    const compose = make();
    const cases: [Record<string, string>, string, string][] = [
      [{ order_id: 'om here', product: 'x' }, 'Al Smith', '\n>x\n>From here\nAl Smith\n'],
      [{ order_id: '1', product: 'From x' }, 'Al Smith', '\n>>From x\nFr1\nAl Smith\n'],
      [{ order_id: '1', product: 'x' }, 'From Me', '\n>x\nFr1\n>From Me\n'],
    ];
    for (const [fields, name, body] of cases) {
      const msg = compose(recipientFrom(fields, [], name, 'Al', 'al@example.com'));
      expect(msg.shaped).toBeDefined();
      expect(mboxBytes(msg)).toContain(body);
    }
  });

  it.each(['{{lookup recipient "name"}}', '{{@root.recipient.name}}', '{{#each recipient.orders}}{{@root.recipient.name}}{{/each}}', '{{messageId}}', '{{#sentence}}{{recipient.name}}{{/sentence}}'])(
    'templates that read a value in a way placeholders cannot copy are rendered for each message: %s',
    (expr) => {
      const dir = tempDir('apologize-fast-');
      writeFileSync(join(dir, 'generic.hbs'), `Subject: Hello\n\nDear ${expr}.\n`);
      const incident = validateIncident({ ...base, scenario: 'generic' }, { requireFrom: true });
      const compose = createComposer(incident, new TemplateLibrary(dir), { now });
      // A block helper that rewrites what it wraps ({{#sentence}} capitalises and ends it) must see the value itself.
      const name = expr.startsWith('{{#sentence') ? 'ana' : 'Ana';
      const msg = compose(recipientFrom({}, [], name, name, 'ana@example.com'));
      expect(msg.shaped).toBeUndefined();
      const shown = expr === '{{messageId}}' ? msg.messageId : expr.startsWith('{{#sentence') ? 'Ana.' : 'Ana';
      expect(msg.text).toBe(`Dear ${shown}.\n`);
      expect(mboxBytes(msg)).toBe(toMboxEntry(msg));
    },
  );

  it('a message cut from a shape is written from its parts: the writer never reads its text or Message-ID string', () => {
    const incident = validateIncident({ ...base, scenario: 'shipping-delay', severity: 'minor', humour: 'on' }, { requireFrom: true });
    const compose = createComposer(incident, new TemplateLibrary(), { now });
    for (const [name, address] of [['Zoë Müller', 'zoe@example.com'], ['Al Smith', 'al@example.com'], ['', 'nobody@exämple.com'], ['Dr. Who', 'who@example.com']] as const) {
      const msg = compose(recipientFrom({ order_id: 'A-1', product: 'Tea' }, [{ order_id: 'A-2', product: 'Mugs' }], name, name.split(' ')[0]!, address));
      expect(msg.shaped).toBeDefined();
      const read = new Set<PropertyKey>();
      const watched = new Proxy(msg, { get: (m, key) => (read.add(key), Reflect.get(m, key)) });
      const entry = mboxBytes(watched);
      expect([...read].filter((k) => k === 'text' || k === 'messageId')).toEqual([]);
      expect(entry).toBe(toMboxEntry(msg));
      expect(entry).toContain(`\nMessage-ID: <${msg.messageId}>\n`);
    }
  });
});

describe('shortcuts agree with the full checks', () => {
  it('writeToLine: the To line written straight into bytes is headerLine("To", formatMailbox(to))', () => {
    const name = fc.oneof(value, fc.constantFrom('', 'Ana', 'Ana Li', 'Zoë Müller', 'Smith, Jane', 'x'.repeat(60), 'x'.repeat(66), 'x'.repeat(69), 'é'.repeat(40), 'a "q" b'));
    fc.assert(
      fc.property(name, email, (n, address) => {
        const to = { name: n, address };
        const t = target();
        t.used = 3; // written at the end of what is there
        writeToLine(t, to);
        expect(t.buf.toString('utf8', 3, t.used)).toBe(headerLine('To', formatMailbox(to)));
        expect(toLine(to)).toBe(headerLine('To', formatMailbox(to)));
      }),
      { numRuns: 1500, seed: 29 },
    );
  });

  it('parseMailbox: plain addresses take a shortcut to the same answer', () => {
    const local = fc.stringMatching(/^[A-Za-z0-9._%+-]{1,20}$/);
    const domain = fc.stringMatching(/^[A-Za-z0-9-]{1,12}(\.[A-Za-z0-9-]{1,12}){0,2}\.[A-Za-z0-9-]{1,6}$/);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`), fc.emailAddress(), fc.string({ maxLength: 30 })), (input) => {
        expect(parseMailbox(input)).toEqual(parseMailboxFully(input));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('every cell the row check accepts gives the pre-pass the same grouping key (so no customer is missed as scattered)', () => {
    const name = fc.constantFrom('', 'Zoë', '"Smith, J"', '"a<b>"', '"x>y"', 'Ana  Li', '"q\\"t"');
    const cell = fc.tuple(name, fc.oneof(fc.emailAddress(), fc.constantFrom('Zoë@Exämple.com', 'A@B.CO')), fc.constantFrom('', ' ', '\t', '\u00a0')).map(
      ([n, a, pad]) => (n === '' ? `${pad}${a}${pad}` : `${pad}${n} <${a}>${pad}`),
    );
    let valid = 0;
    fc.assert(
      fc.property(cell, (c) => {
        const box = parseMailbox(c);
        if ('error' in box) return;
        valid++;
        expect(emailKey(c)).toBe(box.address.toLowerCase());
      }),
      { numRuns: 2000, seed: 23 },
    );
    expect(valid).toBeGreaterThan(1000);
  });

  it('displayNameProblem: the plain-name shortcut never passes a name the full checks refuse', () => {
    const full = (name: string) =>
      // eslint-disable-next-line no-control-regex
      /[\r\n]/.test(name) || /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/.test(name) ||
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name) || name.length > MAX_NAME;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 300 }), fc.constantFrom('Zoë Müller', 'x'.repeat(257), 'a\u200bb')), (name) => {
        expect(displayNameProblem(name) !== null).toBe(full(name));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('firstNameOf: the "First Last" shortcut gives what splitting gives', () => {
    const slow = (name: string) => {
      const words = name.trim().split(/\s+/).filter(Boolean);
      const word = words.length > 1 && /^(mr|mrs|ms|mx|miss|dr|prof|sir|dame)\.?$/i.test(words[0]!) ? words[1]! : (words[0] ?? '');
      if (/,$/.test(word) && words.length > 1) return words[1]!;
      return word.replace(/,$/, '');
    };
    const word = fc.constantFrom('Ana', 'Dr.', 'dr', 'Smith,', 'Zoë', '', ' ', '\t', '\u00a0', 'Miss', 'O\'Brien', ',');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), fc.constantFrom(' ', '  ', '\t', ''), (words, sep) => {
        const name = words.join(sep);
        expect(firstNameOf(name)).toBe(slow(name));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('fieldsMaker: the compiled object literal equals assigning column by column', () => {
    const name = fc.constantFrom('email', 'name', 'first_name', 'order_id', 'note', 'a b', '"quoted"', 'toString', 'valueOf', '1', 'é');
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), (names) => {
        const cells = names.map((_, i) => `v${i}`);
        const loop: Record<string, string> = {};
        names.forEach((n, i) => (loop[n] = cells[i]!));
        loop.email = 'E';
        loop.name = 'N';
        loop.first_name = 'F';
        const made = fieldsMaker(names)(cells, 'E', 'N', 'F');
        expect(Object.entries(made)).toEqual(Object.entries(loop));
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('prescan: fingerprints from bytes equal fingerprints of the keys, and scattered customers are found as a Map finds them', async () => {
    const cell = fc.constantFrom('a@x.com', 'A@X.COM', ' a@x.com\t', 'b@x.com', 'Bé@x.com', 'B <b@x.com>', 'c@x.com', '"c@x.com"', '', 'd@x.com');
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { maxLength: 30 }), async (cells) => {
        const csv = `n,email\n${cells.map((c, i) => `${i},${c}`).join('\n')}\n`;
        const r = await prescanScattered((async function* () { yield Buffer.from(csv); })(), ',', 1);
        // the reference: keys as emailKey reads them, a run of one key is one visit
        const key = (c: string) => {
          const v = c.replace(/^"|"$/g, '').trim();
          const m = /<([^>]*)>$/.exec(v);
          return (m ? m[1]! : v).trim().toLowerCase();
        };
        const visits = new Map<string, number>();
        let last = '';
        for (const c of cells) {
          const k = key(c);
          if (k === '' || k === last) continue;
          visits.set(k, (visits.get(k) ?? 0) + 1);
          last = k;
        }
        const scattered = [...visits].filter(([, n]) => n > 1).map(([k]) => k);
        expect(r.scatteredCount).toBe(scattered.length);
        for (const k of scattered) expect(r.scattered.has(k)).toBe(true);
      }),
      { numRuns: 500, seed: 17 },
    );
    const out = new Uint32Array(2);
    FingerprintSet.hashBytes(Buffer.from('Some.One@Example.COM'), 0, 20, out);
    expect([...out]).toEqual(FingerprintSet.hash('some.one@example.com'));
  });
});

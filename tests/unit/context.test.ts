// One context builder: a value added to the context reaches every format and
// every command that renders a template.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../../src/brief/brief.js';
import { createComposer } from '../../src/compose/compose.js';
import type { RecipientValue } from '../../src/compose/context.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { formatsOf } from '../../src/cli/options.js';
import { writeEntry } from '../../src/mail/formats.js';
import { toJsonLine, toJsonObject } from '../../src/mail/rfc5322.js';
import type { ByteTarget, Message } from '../../src/message.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { FIXED_NOW, ROOT, tempDir } from '../helpers/run.js';

const base = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-incident.json'), 'utf8')) as IncidentInput;
const now = new Date(FIXED_NOW);

function target(): ByteTarget & { text(): string } {
  const t = {
    buf: Buffer.alloc(256),
    used: 0,
    ensure(n: number) {
      if (t.used + n > t.buf.length) t.buf = Buffer.concat([t.buf.subarray(0, t.used), Buffer.alloc(n + 256)]);
    },
    text: () => t.buf.toString('utf8', 0, t.used),
  };
  return t;
}

/** Every format's writer, given one message: the text each writes. */
async function everyFormat(msg: Message): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const format of formatsOf('batch')) {
    const t = target();
    writeEntry(t, msg, format, 0);
    out[format] = t.text();
  }
  out.ndjson = JSON.parse(out.ndjson!).text as string; // the value as written, not JSON-escaped
  // the provider formats: the first request body (its closing bracket comes at the end of the stream)
  out.postmark = (JSON.parse(`${out.postmark!}]`) as { TextBody: string }[])[0]!.TextBody;
  out.resend = (JSON.parse(`${out.resend!}]`) as { text: string }[])[0]!.text;
  out.ses = (await simpleParser(Buffer.from((JSON.parse(out.ses!) as { Content: { Raw: { Data: string } } }).Content.Raw.Data, 'base64'))).text ?? '';
  out.json = (JSON.parse(toJsonLine(toJsonObject(msg))) as { text: string }).text;
  out.eml = (await simpleParser(out.eml!)).text ?? '';
  return out;
}

// A batch row as the CSV reader gives it: its columns, the customer's orders.
function row(email: string, name: string, orders: string[]) {
  const r = recipientFromMailbox(email, name, { order_id: orders[0]! });
  r.orders = orders.map((order_id) => ({ ...r.fields, order_id }));
  r.nameChecked = true;
  return r;
}

describe('a value added to the context reaches every format', () => {
  // What a contributor adds in compose/context.ts (here through the builder's option, as a test build would).
  const values: Record<string, RecipientValue> = { order_count: (r) => String(r.orders.length) };

  for (const stage of ['apology', 'followup'] as const) {
    it(`a computed recipient value in a template (${stage}): mbox (bytes from the cached shape), eml, ndjson, text, json and the HTML part`, async () => {
      const dir = tempDir('apologize-context-');
      const template = 'Subject: Your {{recipient.order_count}} orders\n\nHi {{recipient.first_name}}, {{recipient.order_count}} of your orders were late.\n';
      writeFileSync(join(dir, 'generic.hbs'), template);
      writeFileSync(join(dir, 'generic.followup.hbs'), template.replace('Subject: Your', 'Subject: Again, your'));
      const incident = validateIncident({ ...base, scenario: 'generic' }, { requireFrom: true });
      const library = new TemplateLibrary(dir);
      const compose = createComposer(incident, library, { now, stage, values });
      for (const [r, count] of [[row('ana@example.com', 'Ana Ruiz', ['A-1', 'A-2', 'A-3']), '3'], [row('bo@example.com', 'Bo Li', ['B-1', 'B-2']), '2'], [row('cy@example.com', 'Cy Ode', ['C-1', 'C-2', 'C-3']), '3']] as const) {
        const msg = compose(r);
        expect(msg.shaped, 'a batch message is cut from a cached shape (the mbox writer copies its bytes)').toBeDefined();
        const written = await everyFormat(msg);
        for (const [format, text] of Object.entries(written)) expect(text, format).toContain(`${r.first_name}, ${count} of your orders were late.`);
        expect(written.mbox).toMatch(new RegExp(`^Subject: (Re: )?(Again, your|Your) ${count} orders$`, 'm'));
      }
      const html = createComposer(incident, library, { now, stage, values, html: true })(row('ana@example.com', 'Ana Ruiz', ['A-1', 'A-2', 'A-3']));
      const t = target();
      writeEntry(t, html, 'eml', 0);
      expect((await simpleParser(t.text())).html).toContain('Ana, 3 of your orders were late.');
    });
  }

  it('a value that overrides a built-in one reaches the built-in templates in every format', async () => {
    const incident = validateIncident({ ...base, scenario: 'shipping-delay', severity: 'minor' }, { requireFrom: true });
    const compose = createComposer(incident, new TemplateLibrary(), { now, values: { greeting: (r) => `Hi ${r.first_name.toUpperCase()},` } });
    const msg = compose(row('zoe@example.com', 'Zoë Müller', ['A-1']));
    expect(msg.shaped).toBeDefined();
    for (const [format, text] of Object.entries(await everyFormat(msg))) expect(text, format).toContain('Hi ZOË,');
  });
});

describe('the ndjson writer (bytes written piece by piece)', () => {
  it('writes exactly toJsonLine(toJsonObject(msg)) for values that need JSON escapes and for plain ones', () => {
    const incident = validateIncident({ ...base, scenario: 'shipping-delay', severity: 'minor' }, { requireFrom: true });
    const compose = createComposer(incident, new TemplateLibrary(), { now });
    const names = ['Ana Ruiz', 'Zoë "Zo" Müller', 'Back\\slash O\'Neil', 'Emoji 😀 Fan', 'A'.repeat(80)];
    const orders = [['A-1'], ['A-"2"', 'B\\3'], ['C-\u00e9\u2029']];
    for (const name of names) {
      for (const o of orders) {
        const msg = compose(row(`x${names.indexOf(name)}@example.com`, name, o));
        const t = target();
        writeEntry(t, msg, 'ndjson', 0);
        expect(t.text()).toBe(`${toJsonLine(toJsonObject(msg))}\n`);
      }
    }
  });
});

describe('every command renders with the same context', () => {
  it('brief renders the humour lines with the context draft and batch use ({{today}}, {{followUpDate}})', () => {
    const dir = tempDir('apologize-context-');
    writeFileSync(join(dir, 'humour.json'), JSON.stringify({ generic: ['Written on {{today}}, follow-up by {{followUpDate}}.'] }));
    const incident = validateIncident({ ...base, scenario: 'generic', severity: 'minor', humour: 'on' }, { requireFrom: true });
    const library = new TemplateLibrary(dir);
    const brief = renderBrief(incident, library, { now });
    // The follow-up comes the day after the refund is due ("within 5 days"), not two days after the apology.
    expect(brief).toContain('- Written on Wednesday 8 July, follow-up by Tuesday 14 July.');
    // and the message itself carries the same line
    expect(createComposer(incident, library, { now })(row('ana@example.com', 'Ana Ruiz', ['A-1'])).text).toContain('Written on Wednesday 8 July, follow-up by Tuesday 14 July.');
  });
});

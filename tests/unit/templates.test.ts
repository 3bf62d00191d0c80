import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { TemplateError } from '../../src/errors.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { tempDir } from '../helpers/run.js';

const now = new Date('2026-07-08T09:00:00Z');
const incident = (patch: Record<string, unknown> = {}) =>
  validateIncident({
    company: { name: 'Smith & Sons', from: 'Smith & Sons <care@smith.example>' },
    signer: { name: "Siobhán O'Brien" },
    mistake: 'we sent {{company.name}} <b>bold</b> & more',
    affected: 1,
    rootCause: '{{#each x}}{{/each}} a bad {{lookup}} day',
    commitment: 'we check twice',
    ...patch,
  });

function userDir(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('templates render plain text, and values are data', () => {
  it('never HTML-escapes and never evaluates values as templates', () => {
    const msg = createComposer(incident(), new TemplateLibrary(), { now })(recipientFromMailbox('a@example.com', "Liam O'Brien & Co"));
    expect(msg.text).toContain('We sent {{company.name}} <b>bold</b> & more');
    expect(msg.text).toContain('{{#each x}}{{/each}} a bad {{lookup}} day');
    expect(msg.text).toMatch(/^Hello,$/m); // "… & Co" is a company: the plain greeting
    expect(msg.text).toContain("Siobhán O'Brien");
    expect(msg.text).not.toMatch(/&amp;|&#x27;|&lt;/);
  });

  it('greets naturally without a name', () => {
    const msg = createComposer(incident(), new TemplateLibrary(), { now })(recipientFromMailbox('a@example.com', ''));
    expect(msg.text.startsWith('Hello,\n')).toBe(true);
    expect(msg.text).not.toMatch(/Hi ,|Dear ,/);
  });

  it('gives deterministic Message-IDs and threads follow-ups under the apology', () => {
    const lib = new TemplateLibrary(userDir({ 'generic.followup.hbs': 'Subject:\n\nChecking in, {{recipient.first_name}}.\n' }));
    const r = recipientFromMailbox('Ana@Example.com', 'Ana');
    const apology = createComposer(incident(), lib, { now })(r);
    const again = createComposer(incident(), lib, { now: new Date() })(r);
    const followup = createComposer(incident(), lib, { now, stage: 'followup' })(r);
    expect(apology.messageId).toBe(again.messageId);
    expect(apology.messageId).toMatch(/@smith\.example$/);
    expect(followup.messageId).not.toBe(apology.messageId);
    expect(followup.inReplyTo).toBe(apology.messageId);
    expect(followup.subject).toBe(`Re: ${apology.subject}`);
    const other = createComposer(incident(), lib, { now })(recipientFromMailbox('bo@example.com', 'Bo'));
    expect(other.messageId).not.toBe(apology.messageId);
  });
});

describe('user templates shadow built-ins file by file', () => {
  it('uses a user scenario and keeps built-in partials', () => {
    const dir = userDir({ 'generic.hbs': 'Subject: Custom for {{company.name}}\nX-Campaign: spring\n\n{{> greeting}}\n\nCustom body.\n\n{{> sign-off}}\n' });
    const msg = createComposer(incident(), new TemplateLibrary(dir), { now })(recipientFromMailbox('a@example.com', 'Ana'));
    expect(msg.subject).toBe('Custom for Smith & Sons');
    expect(msg.headers).toEqual([['X-Campaign', 'spring']]);
    expect(msg.text).toMatch(/^Hi Ana,\n\nCustom body\.\n/);
  });

  it('reads only the partials the template uses (and theirs): a broken partial nobody uses does not stop a run; one in use does, with file:line; templates commands check them all', () => {
    const dir = userDir({
      'generic.hbs': 'Subject: Hi\n\n{{> greeting}}\n\n{{> mine}}\n',
      'partials/mine.hbs': 'Mine, then {{> nested}}',
      'partials/nested.hbs': 'nested for {{recipient.first_name}}.',
      'partials/unused.hbs': '{{#if}}never closed\n',
    });
    const lib = new TemplateLibrary(dir);
    const msg = createComposer(incident(), lib, { now })(recipientFromMailbox('a@example.com', 'Ana'));
    expect(msg.text).toMatch(/^Hi Ana,\n\nMine, then nested for Ana\.\n/);
    expect(() => lib.checkPartials()).toThrow(/partials\/unused\.hbs:\d+: /);
    const broken = userDir({ 'generic.hbs': 'Subject: Hi\n\n{{> mine}}\n', 'partials/mine.hbs': 'text\n{{#each}}\n' });
    expect(() => createComposer(incident(), new TemplateLibrary(broken), { now })).toThrow(/partials\/mine\.hbs:\d+: /);
  });

  it('shadows a partial', () => {
    const dir = userDir({ 'partials/greeting.hbs': 'Ahoy {{recipient.first_name}},' });
    const msg = createComposer(incident(), new TemplateLibrary(dir), { now })(recipientFromMailbox('a@example.com', 'Ana'));
    expect(msg.text.startsWith('Ahoy Ana,')).toBe(true);
  });

  it.each([
    ['generic.hbs', 'Subject: x\n\nline two\n{{#if incident.mistake}}\nnever closed\n', /generic\.hbs:3: Parse error|generic\.hbs:\d+:/],
    ['generic.hbs', 'Subject: x\nFrom: evil@x.com\n\nbody\n', /generic\.hbs:2: the From header is set by apologize/],
    ['generic.hbs', 'Hello there\n', /generic\.hbs:1: .*header line/],
    ['generic.hbs', 'X-Only: 1\n\nbody\n', /no Subject header/],
  ])('%s with a problem gives file:line', (name, text, error) => {
    const lib = new TemplateLibrary(userDir({ [name]: text }));
    expect(() => createComposer(incident(), lib, { now })).toThrow(TemplateError);
    expect(() => createComposer(incident(), lib, { now })).toThrow(error);
  });

  it('an unknown variable is a TemplateError naming the line and the variable, before anything renders', () => {
    const lib = new TemplateLibrary(userDir({ 'generic.hbs': 'Subject: x\n\nfirst\nsecond {{incident.nope}}\n' }));
    expect(() => createComposer(incident(), lib, { now })).toThrow(/generic\.hbs:4: the template uses incident\.nope, which/);
  });

  it.each([
    '{{#with company}}{{constructor.name}}{{/with}}',
    '{{lookup company "__proto__"}}',
    '{{lookup company "constructor"}}',
    '{{#with company}}{{#with constructor}}{{name}}{{/with}}{{/with}}',
    '{{lookup (lookup company "constructor") "name"}}',
  ])('a template cannot reach prototypes or globals: %s', (expr) => {
    const lib = new TemplateLibrary(userDir({ 'generic.hbs': `Subject: x\n\n[${expr}]\n` }));
    let text: string;
    try {
      text = createComposer(incident(), lib, { now })(recipientFromMailbox('a@example.com', 'Ana')).text;
    } catch (err) {
      expect(err).toBeInstanceOf(TemplateError);
      return;
    }
    expect(text).toBe('[]\n');
  });

  it('lists built-ins and custom templates', () => {
    const lib = new TemplateLibrary(userDir({ 'my-recall.hbs': 'Subject: r\n\nb\n' }));
    const names = lib.list().map((t) => `${t.name}:${t.origin}`);
    expect(names).toContain('my-recall:custom');
    expect(names).toContain('shipping-delay:built-in');
    expect(names).toHaveLength(8);
  });
});

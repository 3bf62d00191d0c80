import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createComposer, displayName, tidyBody } from '../../src/compose/compose.js';
import type { Message } from '../../src/message.js';
import { ApologizeError } from '../../src/errors.js';
import { validateIncident } from '../../src/incident/validate.js';
import { displayNameProblem, hasHeaderBreaker } from '../../src/mail/address.js';
import { toMboxEntry } from '../../src/mail/mbox.js';
import { toJsonLine, toJsonObject, toRfc5322, toText } from '../../src/mail/rfc5322.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { pythonParse, tempDir } from '../helpers/run.js';

const dir = tempDir('apologize-prop-');
mkdirSync(join(dir, 'tpl'));
writeFileSync(join(dir, 'tpl/generic.hbs'), 'Subject: {{recipient.subj}}\n\n{{recipient.body}}\n');
const library = new TemplateLibrary(join(dir, 'tpl'));
const incident = validateIncident(
  { company: { name: 'Smith & Sons', from: 'Smith & Sons <care@smith.example>' }, signer: { name: 'Dana' }, mistake: 'm', affected: 2, rootCause: 'r', commitment: 'c', scenario: 'generic' },
  { requireFrom: true },
);
const compose = createComposer(incident, library, { now: new Date('2026-07-08T09:00:00Z') });

// Any Unicode, weighted towards the characters that break mail: quotes, &, <, long words, "From " lines.
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, // any code point, control characters included
  { weight: 2, arbitrary: fc.constantFrom('"', "'", '&', '<', '>', ',', ';', '\\', '=?', '?=', '@', '(', ')', ' ', '  ', 'Zoë', 'Müller', '東京', '🙂', 'O\'Brien', '&amp;') },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(1200), 'é'.repeat(600), 'word '.repeat(250), 'y'.repeat(250), 'ü'.repeat(240)) },
);
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
// Bodies as a CSV decoder delivers them: well-formed Unicode, LF line ends.
const text = fc
  .array(fc.oneof(line, fc.constantFrom('From the warehouse', '>From quoted', 'From ', '', '.', '-- ')), { maxLength: 8 })
  .map((ls) => (ls.join('\n').replace(/\r/g, '') as unknown as { toWellFormed(): string }).toWellFormed());

const collapse = (s: string) => s.replace(/[ \t]{2,}/g, ' ').trim();
const nameOk = (n: string) => displayNameProblem(n) === null;

let lastError = '';
function build(name: string, subj: string, body: string): Message | undefined {
  try {
    return compose(recipientFromMailbox('ana@example.com', name, { subj, body }));
  } catch (err) {
    if (err instanceof ApologizeError) {
      lastError = err.message;
      return undefined; // refused: a control character would reach a header
    }
    throw err;
  }
}

describe('round trips through every format (fast-check)', () => {
  it('what goes in comes out: mailparser and Python email/mailbox, single headers, lines ≤ 998 octets', async () => {
    const cases = fc.sample(fc.tuple(line, line, text), { numRuns: 120, seed: 20261122 });
    const files: { eml: string; mbox: string; msg: Message; name: string; subj: string; body: string }[] = [];
    let refused = 0;
    for (const [i, [name0, subj, body]] of cases.entries()) {
      const name = name0.trim();
      const msg = build(name, subj, body);
      if (!msg) {
        // refused: a control character would reach a header, or the body (only tabs and line breaks may)
        // eslint-disable-next-line no-control-regex
        expect(hasHeaderBreaker(collapse(subj)) || !nameOk(name) || /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(body), `${JSON.stringify([name, subj])} ${lastError}`).toBe(true);
        refused++;
        continue;
      }
      expect(nameOk(name)).toBe(true);
      const eml = join(dir, `${i}.eml`);
      writeFileSync(eml, toRfc5322(msg, '\r\n'));
      const mbox = join(dir, `${i}.mbox`);
      writeFileSync(mbox, toMboxEntry(msg) + toMboxEntry(msg));
      files.push({ eml, mbox, msg, name, subj, body });

      const raw = toRfc5322(msg, '\n');
      for (const l of raw.split('\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(998);
      const parsed = await simpleParser(raw);
      expect(parsed.subject ?? '').toBe(collapse(subj));
      expect(parsed.text).toBe(tidyBody(body));
      const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
      expect(to).toHaveLength(1);
      expect(to[0]!.address).toBe('ana@example.com');
      // (a name typed all in capitals or all in lower case is written in its usual capitals: displayName)
      expect(to[0]!.name).toBe(displayName(name));

      const json = JSON.parse(toJsonLine(toJsonObject(msg))) as { subject: string; text: string };
      expect(json.subject).toBe(collapse(subj));
      expect(json.text).toBe(tidyBody(body));
      expect(toText(msg).endsWith(tidyBody(body))).toBe(true);
    }
    expect(files.length).toBeGreaterThan(60);
    expect(refused).toBeGreaterThan(0);

    const py = pythonParse(files.map((f) => f.eml));
    for (const [i, m] of py.entries()) {
      const f = files[i]!;
      expect(m.defects, f.eml).toEqual([]);
      expect(m.subject).toBe(collapse(f.subj));
      expect(m.text!.replace(/\r\n/g, '\n')).toBe(tidyBody(f.body));
      expect(m.to).toEqual([{ name: displayName(f.name), address: 'ana@example.com' }]);
      for (const h of ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type']) expect(m.headers[h], h).toHaveLength(1);
      expect(m.maxLineOctets).toBeLessThanOrEqual(998);
    }
    for (const f of files.slice(0, 40)) {
      const msgs = pythonParse([f.mbox], true);
      expect(msgs).toHaveLength(2); // a "From " line in the body never splits a message
      expect(msgs[0]!.subject).toBe(collapse(f.subj));
    }
  });
});

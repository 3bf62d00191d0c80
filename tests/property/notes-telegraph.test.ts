import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { BUILTIN_SCENARIOS, type IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import type { Stage } from '../../src/message.js';

/**
 * Telegraph notes (the way a manager types a field in a hurry: no verb, no article, "x3", "~40min",
 * "2day", "24h", "w/", "b/c", "8-10am", "tues am", "@", "&", "+", "→", "eta fri", capitals, brackets,
 * quotes, trailing punctuation) in any field, through every English template at both stages: the
 * mechanical rules hold (no "Your The", no ". .", a capital after every full stop, every paragraph
 * ends a sentence, no doubled word, no "because because") and no shorthand is left as typed.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z');
const STAGES: Stage[] = ['apology', 'followup'];

const HEADS = ['parcel', 'order', 'courier', 'booking system', 'label printer', 'card terminal', 'invoice', 'till', 'engineer', 'stock count', 'the app', 'our driver', 'db migration', 'replacement', 'refund'];
const VERBS = ['', 'lost', 'sent', 'stuck', 'down', 'not ready', 'failed', 'jammed', 'picked old address', 'mapped columns wrong', 'reshipped', 'charged', 'late', 'double booked', 'locked table'];
const WHEN = ['', 'x3 this month', '~40min', '2day', 'for 24h', '8-10am', '2-5pm fri', 'tues am', 'sat 7:30pm', 'eta thurs', 'retried 3x', '@ collection time', 'since 5pm', '3-5 days to show'];
const TAILS = ['', 'w/ wrong date', 'b/c stock count was wrong', '& no updates', '+ free delivery on next order', '→ orders held', '(M not L)', '("Jon" not "John")', 'no call to tell you', 'christmas rush', 'pls check ur spam folder'];
const LEADS = ['', 'we ', 'I ', 'b/c ', 'late ', 'wrong ', 'no-show by '];
const ENDS = ['', '.', '!!', '...', ';', ' ', ')'];

const note = fc
  .tuple(fc.constantFrom(...LEADS), fc.constantFrom(...HEADS), fc.constantFrom(...VERBS), fc.constantFrom(...WHEN), fc.constantFrom(...TAILS), fc.constantFrom(...ENDS), fc.constantFrom('as typed', 'caps', 'first upper'))
  .map(([lead, head, verb, when, tail, end, casing]) => {
    let t = [`${lead}${head}`, verb, when].filter(Boolean).join(' ') + (tail ? `, ${tail}` : '');
    if (casing === 'caps') t = t.toUpperCase();
    if (casing === 'first upper') t = t[0]!.toUpperCase() + t.slice(1);
    // (a ")" closes only what was opened)
    return end === ')' && !t.includes('(') ? t : t + end;
  });

const FIELDS = ['mistake', 'rootCause', 'commitment', 'outcome', 'action', 'remedy', 'summary'] as const;

function incident(field: (typeof FIELDS)[number], text: string, scenario: string, id: string): IncidentInput {
  const base: IncidentInput = {
    id,
    company: { name: 'The Little Oven Bakery', phone: '0161 496 0000', email: 'help@oven.example' },
    signer: { name: 'Maggie Byrne', title: 'Owner' },
    scenario: scenario as IncidentInput['scenario'],
    severity: 'moderate',
    mistake: 'your order left us three days late',
    affected: 40,
    rootCause: 'a courier strike held our vans',
    commitment: 'we now use a second courier when the first is held up',
    outcome: 'your order is on its way',
    remedy: { kind: 'credit', details: 'a £10 credit on your account' },
    humour: 'off',
    followUp: { after: '2d' },
    exposure: scenario === 'data-exposure' ? { data: ['name', 'email'], discovered: '24 November', contained: 'we took the page down within the hour', regulator: 'the ICO on 25 November', reference: 'INC-2041' } : undefined,
  };
  if (field === 'remedy') return { ...base, remedy: { kind: 'credit', details: text } };
  return { ...base, [field]: text };
}

/** The mechanical faults of a rendered letter, and shorthand left as typed. */
function faults(subject: string, body: string): string[] {
  const out: string[] = [];
  const all = `${subject}\n${body}`;
  if (/\b[Yy]our [Tt]he\b|\b(?:the|a|an|your|our) (?:the|a|an|your|our)\b/.test(all)) out.push('doubled determiner');
  if (/\.\s+\.|(?<![.])\.\.(?!\.)|[,;]\s*[.,;]|\s[.,;](?!\d)/.test(all)) out.push('". ." or ".." or a stray stop');
  if (/undefined|\[object|\bnull\b|NaN/.test(all)) out.push('undefined');
  const doubled = /(?<![\p{L}'’-])([\p{L}]+)\s+\1(?![\p{L}'’-])/iu.exec(all);
  if (doubled && !/^(had|that)$/i.test(doubled[1]!)) out.push(`doubled word "${doubled[0]}"`);
  const lower = /(?<!\b(?:e\.g|i\.e|approx|etc|vs))[.!?]\s+(\p{Ll}\S*)/u.exec(body);
  if (lower) out.push(`sentence starting lower-case: "${lower[0]}"`);
  for (const p of body.trim().split(/\n\s*\n/).slice(1, -1)) {
    if (/^\p{Ll}/u.test(p)) out.push(`paragraph starting lower-case: "${p.slice(0, 40)}"`);
    if (p.split('\n').some((l) => l.startsWith('- '))) continue;
    if (!/[.!?…]["”’')\]]*$/u.test(p)) out.push(`paragraph not ending a sentence: "…${p.slice(-40)}"`);
  }
  const left = /(?<![\p{L}\p{N}])(?:x\d|\dx|\d-?day|\d+h|w\/|b\/c|ur|eta|pls|tues|thurs)(?![\p{L}\p{N}])|~|→|(?:^|\s)@\s|\d-\d+[ap]m(?!\s+\p{Ll})|\bbecause because\b/iu.exec(all);
  if (left) out.push(`shorthand left as typed: "${left[0]}"`);
  const shout = /\b(?:DOUBLE|BOOKED|STUCK|LOST|PARCEL|ORDER|PRINTER|COURIER|LABEL)\b/.exec(all);
  if (shout) out.push(`a shouted word: "${shout[0]}"`);
  return out;
}

describe('telegraph notes in any field, through every English template', () => {
  it('read mechanically right, with no shorthand left as typed', () => {
    fc.assert(
      fc.property(note, fc.constantFrom(...FIELDS), fc.stringMatching(/^[a-z0-9]{4,8}$/), (text, field, id) => {
        for (const scenario of BUILTIN_SCENARIOS) {
          const inc = validateIncident(incident(field, text, scenario, id));
          for (const stage of STAGES) {
            const msg = createComposer(inc, library, { now: NOW, stage })(recipientFromMailbox('ann@example.com', 'Ann Lee', {}));
            expect(faults(msg.subject, msg.text), `[${field}] ${text}\n${scenario} ${stage}\n${msg.subject}\n\n${msg.text}`).toEqual([]);
          }
        }
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 300_000);
});

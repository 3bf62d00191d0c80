import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/incident/schema.js';
import { incidentWarnings, validateIncident } from '../../src/incident/validate.js';
import { localizeIncident } from '../../src/incident/localize.js';
import { incidentNames } from '../../src/incident/names.js';
import { normaliseEnglish, spellingFixes } from '../../src/text/english.js';
import { correction, knownWord } from '../../src/text/spelling.js';
import { isEnglishWord } from '../../src/text/english-words.js';

/**
 * spell16: what customers still found in English letters: shorthand pasted in, proper nouns typed small, and the
 * writer's typos. Each row: a field as typed → words the letter must say, and words it must not.
 */
const now = new Date('2026-12-02T09:00:00Z');
const names = ['Acme', 'Fluxo', 'Pemberton'];
const clean = (text: string) => normaliseEnglish(text, { ref: now, now, names, spell: true });

const rows: [string, string[], string[]][] = [
  // typos
  ['the booking sytem went down', ['booking system went'], ['sytem']],
  ['parcels afected by the delay', ['affected'], ['afected']],
  ['the payment we recieved twice', ['received'], ['recieved']],
  ['sent to the wrong adress', ['wrong address'], ['adress']],
  ['two seperate charges', ['separate charges'], ['seperate']],
  ['it occured on the night shift', ['occurred'], ['occured']],
  ['we will definately call you', ['definitely'], ['definately']],
  ['open untill 5pm', ['until 5pm'], ['untill']],
  // shorthand
  ['a tx fee charged twice', ['transaction fee'], ['tx ']],
  ['failed tx on your card', ['failed transaction'], [' tx']],
  ['quote the tx id', ['transaction ID'], ['tx id']],
  ['tx for waiting', ['thanks for waiting'], ['tx']],
  ['credit on your acct', ['your account'], ['acct']],
  ['your xmas order', ['Christmas order'], ['xmas']],
  ['last yrs prices', ["last year's prices"], ['yrs']],
  ['pls call us', ['please call'], ['pls']],
  ['sent w/ DHL', ['with DHL'], ['w/']],
  ['late b/c of snow', ['because of snow'], ['b/c']],
  ['approx 40 orders', ['about 40 orders'], ['approx']],
  ['your appt was moved', ['appointment'], ['appt']],
  ['a note for the cust', ['for the customer'], []],
  ['ppl waited outside', ['people waited'], ['ppl']],
  ['our accounts dept', ['accounts department'], ['dept']],
  ['the wrong qty was sent', ['wrong quantity'], ['qty']],
  ['we will call asap', ['as soon as possible'], ['asap']],
  ['refund & credit', ['refund and credit'], ['&']],
  ['the new eta is friday', ['new ETA is Friday'], ['eta', 'due']],
  ['an sms reminder', ['SMS reminder'], ['sms']],
  ['your order id', ['order ID'], ['order id']],
  ['we told the ico under gdpr', ['the ICO under GDPR'], ['ico', 'gdpr']],
  // proper nouns
  ['missed the black friday dispatch', ['Black Friday'], ['black friday']],
  ['down on cyber monday', ['Cyber Monday'], ['cyber', 'on Monday']],
  ['arrives by christmas eve', ['Christmas Eve'], ['christmas']],
  ["closed on new year's day", ["New Year's Day"], ["new year's"]],
  ['closed on new years eve', ["New Year's Eve"], ['new years']],
  ['over easter', ['over Easter'], ['easter']],
  ['open on boxing day', ['Boxing Day'], ['boxing day']],
  ['i checked it on monday in december', ['I checked it on Monday in December'], ['i checked']],
  ['the fluxo app crashed', ['the Fluxo app'], ['fluxo']],
  ['a pemberton tea box', ['a Pemberton tea box'], ['Tea']],
  // never changed
  ['Acme sent it', ['Acme sent it'], []],
  ['SKU-1234 was out of stock', ['SKU-1234'], []],
  ['the button said "teh" and "sytem"', ['"teh" and "sytem"'], []],
  ['see https://acme.example/sytem-status', ['https://acme.example/sytem-status'], []],
  ['write to sytem@acme.example', ['sytem@acme.example'], []],
  ['code SYTEM20 works', ['SYTEM20'], []],
  ['our courier hermes lost it', ['hermes'], ['herpes']],
  ['a load balancer fault', ['load balancer'], ['balanced']],
  ['we rebooked the timeslot after the mixup', ['rebooked the timeslot after the mixup'], []],
  ['the colour was wrong, the color chart too', ['colour was wrong', 'color chart'], []],
  ['we organise the centre', ['organise the centre'], []],
  ['the wifi was down', ['the wifi was down'], ['wife']],
];

describe('spell16: a field as typed → the words the letter says', () => {
  it.each(rows)('%s', (typed, want, never) => {
    const out = clean(typed);
    for (const w of want) expect(out).toContain(w);
    for (const w of never) expect(out).not.toContain(w);
  });

  it('is idempotent', () => {
    for (const [typed] of rows) expect(clean(clean(typed))).toBe(clean(typed));
  });

  it('corrects only with spell on (a de/fr/es incident, a translation given)', () => {
    expect(normaliseEnglish('the sytem failed', { ref: now, now })).toContain('sytem');
  });
});

describe('spell16: the conservative rule', () => {
  it.each([
    ['sytem', 'system'], ['recieved', 'received'], ['adress', 'address'], ['occured', 'occurred'], ['afected', 'affected'], ['agianst', 'against'], ['insted', 'instead'],
  ])('%s → %s', (w, to) => expect(correction(w)).toBe(to));

  it('leaves a word with two candidates of the same kind', () => {
    // "wich": "which" and "witch" are both one letter left out
    expect(correction('wich')).toBeUndefined();
  });

  it('reads prefixed words, words run together and agent nouns as words', () => {
    for (const w of ['rebooked', 'preorder', 'timeslot', 'checkout', 'mixup', 'balancer', 'unticked']) expect(knownWord(w), w).toBe(true);
    for (const w of ['untill', 'insted', 'occured', 'occuring']) expect(knownWord(w), w).toBe(false);
  });

  it('knows both spellings of English', () => {
    for (const w of ['colour', 'color', 'organise', 'organize', 'cancelled', 'canceled', 'centre', 'center']) expect(isEnglishWord(w), w).toBe(true);
  });
});

const base: IncidentInput = {
  company: { name: 'Fluxo Fitness', phone: '0161 496 0999' },
  signer: { name: 'Ruth Adair', title: 'Owner' },
  scenario: 'generic',
  severity: 'moderate',
  mistake: 'the fluxo app double charged members',
  affected: 20,
  rootCause: 'the payment sytem retried a failed tx',
  commitment: 'we check every retry now',
  remedy: { kind: 'refund' },
};

describe('spell16: per incident, told to the writer', () => {
  it('names come from the company, the signer and capitalised words inside sentences', () => {
    expect(incidentNames({ ...base, commitment: 'Our Brightside plan now checks it. Every retry is logged' } as never)).toEqual(['Adair', 'Brightside', 'Fitness', 'Fluxo', 'Ruth']);
  });

  it('the letter says the word corrected; the warning names the field, the word and what it became', () => {
    const incident = validateIncident(base, { requireFrom: false });
    const local = localizeIncident(incident, 'en', now);
    expect(local.rootCause).toContain('system');
    expect(local.rootCause).toContain('transaction');
    expect(local.mistake).toContain('Fluxo app');
    expect(incidentWarnings(incident, now)).toContain("rootCause: 'sytem' read as 'system'");
  });

  it('a German incident is left alone, and its English translation too', () => {
    const de = validateIncident({ ...base, locale: 'de', mistake: 'die App hat doppelt abgebucht', rootCause: 'das Zahlungssytem hat es wiederholt', commitment: 'wir prüfen jetzt jede Wiederholung', fields: { en: { mistake: 'the app charged twice', rootCause: 'the payment sytem retried', commitment: 'we check every retry now' } } }, { requireFrom: false });
    expect(incidentWarnings(de, now).some((w) => /read as/u.test(w))).toBe(false);
    expect(localizeIncident(de, 'en', now).rootCause).toContain('sytem');
  });

  it('the fields of one incident are checked once, not per letter', () => {
    const o = { ref: now, now, names: [], spell: true };
    expect(spellingFixes('the sytem failed', o)).toEqual([{ from: 'sytem', to: 'system' }]);
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) spellingFixes('the sytem failed', o);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

it('a short word of the trade is not a vowel slip (session 16: "lapsang" was printed "lapsing")', async () => {
  const { correction } = await import('../../src/text/spelling.js');
  expect(correction('lapsang')).toBeUndefined();
  expect(correction('seperate')).toBe('separate');
});

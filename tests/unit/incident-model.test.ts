// The incident model (issue 12 item 1): the newer fields, their defaults, their checks, and
// that incidents written before them keep their ids.
import { describe, expect, it } from 'vitest';
import { factsPrint } from '../../src/batch/campaign.js';
import { decideHumour } from '../../src/compose/humour.js';
import { InputError, UsageError } from '../../src/errors.js';
import { loadIncidentFile, mergeLayers, pickIncident } from '../../src/incident/load.js';
import { exposureKind, plural, singular, type IncidentInput } from '../../src/incident/schema.js';
import { identityFacts, incidentId, incidentWarnings, validateIncident } from '../../src/incident/validate.js';
import { ROOT } from '../helpers/run.js';
import { complete } from '../helpers/incident.js';

const valid = (patch: Record<string, unknown>) => validateIncident({ ...complete, ...patch } as IncidentInput);

describe('defaults', () => {
  it('fills every newer field, and every optional text field is a key (strict templates may name it)', () => {
    const i = validateIncident(complete);
    expect(i).toMatchObject({
      people: { one: 'customer', many: 'customers' },
      commitmentStatus: 'done',
      audience: 'consumer',
      locale: 'en',
      exposure: { data: [] },
      signer: { name: 'Dana Lee', team: false },
      fields: {},
    });
    for (const key of ['summary', 'when', 'outcome', 'commitmentDue', 'action'] as const) {
      expect(Object.keys(i)).toContain(key);
      expect(i[key]).toBeUndefined();
    }
    for (const key of ['discovered', 'contained', 'regulator', 'reference']) expect(Object.keys(i.exposure)).toContain(key);
    // a partial exposure still has every key
    expect(Object.keys(valid({ exposure: { data: ['email'] } }).exposure).sort()).toEqual(['contained', 'data', 'discovered', 'reference', 'regulator']);
  });

  it('defaults are fresh objects, never shared between incidents', () => {
    const a = validateIncident(complete);
    a.people.one = 'changed';
    a.exposure.data.push('x');
    const b = validateIncident(complete);
    expect(b.people.one).toBe('customer');
    expect(b.exposure.data).toEqual([]);
  });
});

describe('people', () => {
  it.each([
    ['patients', 'patient'],
    ['members', 'member'],
    ['guests', 'guest'],
    ['passengers', 'passenger'],
    ['clients', 'client'],
    ['accounts', 'account'],
    ['people', 'person'],
    ['staff', 'staff'],
    ['customers', 'customer'],
    ['companies', 'company'],
    ['businesses', 'business'],
    ['account holders', 'account holder'],
    ['Account Holders', 'Account Holder'],
    ['families', 'family'],
    ['children', 'child'],
  ])('"%s" → one "%s"', (many, one) => {
    expect(valid({ people: many }).people).toEqual({ one, many });
    expect(singular(many)).toBe(one);
  });

  it.each([
    ['patient', 'patients'],
    ['person', 'people'],
    ['company', 'companies'],
    ['business', 'businesses'],
    ['staff', 'staff'],
    ['day', 'days'],
  ])('plural("%s") = "%s"', (one, many) => expect(plural(one)).toBe(many));

  it('takes both forms as written, or derives the missing one', () => {
    expect(valid({ people: { one: 'cardholder', many: 'cardholders' } }).people).toEqual({ one: 'cardholder', many: 'cardholders' });
    expect(valid({ people: { one: 'person of the house', many: 'people of the house' } }).people).toEqual({ one: 'person of the house', many: 'people of the house' });
    expect(valid({ people: { many: 'members' } }).people).toEqual({ one: 'member', many: 'members' });
    expect(valid({ people: { one: 'guest' } }).people).toEqual({ one: 'guest', many: 'guests' });
    expect(valid({ people: '  ' }).people).toEqual({ one: 'customer', many: 'customers' });
  });

  it('a later layer replaces people whole (no singular of one layer with the plural of another)', () => {
    const merged = mergeLayers({ people: { one: 'member', many: 'members' } }, { people: { many: 'patients' } });
    expect(validateIncident({ ...complete, ...merged }).people).toEqual({ one: 'patient', many: 'patients' });
    expect(mergeLayers({ people: { one: 'member', many: 'members' } }, { people: 'guests' }).people).toBe('guests');
    expect(mergeLayers({ people: 'guests' }, { people: { one: 'member', many: 'members' } }).people).toEqual({ one: 'member', many: 'members' });
  });
});

describe('exposure.data', () => {
  it('takes a list or comma-separated text; known kinds by name, anything else as written, no repeats', () => {
    expect(valid({ exposure: { data: 'Email addresses, names ,, password, email, test results' } }).exposure.data).toEqual(['email', 'name', 'password', 'health']);
    expect(valid({ exposure: { data: ['postal address', 'Date of birth', 'membership tier', 'IBAN'] } }).exposure.data).toEqual([
      'postal-address',
      'date-of-birth',
      'membership tier',
      'bank-account',
    ]);
  });

  it.each([
    ['email', 'email'],
    ['E-mail', 'email'],
    ['payment_card', 'payment-card'],
    ['credit card', 'payment-card'],
    ['government ID', 'government-id'],
    ['order history', 'order-history'],
    ['loyalty points', undefined],
  ])('exposureKind(%j) = %j', (typed, kind) => expect(exposureKind(typed)).toBe(kind));
});

describe('validation', () => {
  it.each([
    ['18 December 2026', '2026-12-18'],
    ['Friday 18 Dec 2026', '2026-12-18'],
    ['December 18, 2026', '2026-12-18'],
    ['18th of December 2026', '2026-12-18'],
    ['15 décembre 2026', '2026-12-15'],
    ['1er janvier 2027', '2027-01-01'],
    ['18. Dezember 2026', '2026-12-18'],
    ['3. März 2027', '2027-03-03'],
    ['18.12.2026', '2026-12-18'],
    ['18 de diciembre de 2026', '2026-12-18'],
    ['2026-12-18', '2026-12-18'],
  ])('commitmentDue typed as a person writes it (%j) is the day it names', (typed, iso) => expect(valid({ commitmentDue: typed }).commitmentDue).toBe(iso));
  it.each([
    [{ commitmentStatus: 'soon' }, 'commitmentStatus must be one of done, in-progress, planned (--commitment-status)'],
    [{ commitmentDue: 'next week' }, 'commitmentDue must be a date with its year, like 2026-12-12 or 12 December 2026 (--commitment-due)'],
    [{ commitmentDue: '2026-02-30' }, 'commitmentDue must be a date with its year, like 2026-12-12 or 12 December 2026 (--commitment-due)'],
    [{ audience: 'enterprise' }, 'audience must be one of consumer, business (--audience)'],
    [{ locale: 'en_US' }, 'locale "en_US" must be a BCP 47 language tag like en, de, fr-CA or es-419 (--locale)'],
    [{ locale: 'english please' }, 'locale "english please" must be a BCP 47 language tag like en, de, fr-CA or es-419 (--locale)'],
    [{ fields: { de_DE: { mistake: 'x' } } }, '"de_DE" must be a BCP 47 language tag like en, de, fr-CA or es-419 (fields.de_DE)'],
    [{ fields: { de: { mistake: 5 } } }, 'mistake must be text (fields.de.mistake)'],
    [{ signer: { name: 'Dana', team: 'yes' } }, 'signer.team must be true or false (--team)'],
    [{ people: 5 }, 'people must be a plural noun like patients, or { one: patient, many: patients } (--people)'],
    [{ exposure: { data: 5 } }, 'exposure.data must be a list of kinds like name, email, password (--exposure-data)'],
    [{ exposure: 'everything' }, 'exposure must be an object like { data: [email], discovered: … } (exposure)'],
  ])('%j → %s', (patch, message) => {
    const err = (() => {
      try {
        valid(patch);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(message);
  });

  it.each([
    ['summary', { summary: 'the late\ndelivery' }],
    ['people.many', { people: 'patients\nBcc: x' }],
    ['exposure.reference', { exposure: { reference: 'REF-1\r\nX' } }],
  ])('%s with a line break is refused', (path, patch) => {
    expect(() => valid(patch)).toThrow(`${path} contains a line break`);
  });

  it('keeps the rest as given: locale canonical, dates as dates, team a boolean', () => {
    const i = valid({
      locale: 'en-us',
      fields: { 'de-de': { mistake: 'Ihre Bestellung kam zu spät', people: 'Patienten' }, fr: { remedy: { details: 'un avoir' } } },
      commitmentStatus: 'planned',
      commitmentDue: '2026-12-12',
      signer: { name: 'The Paystream team', team: true },
      audience: 'business',
      summary: ' the late delivery ',
    });
    expect(i).toMatchObject({ locale: 'en-US', commitmentStatus: 'planned', commitmentDue: '2026-12-12', signer: { team: true }, audience: 'business', summary: 'the late delivery' });
    expect(i.fields).toEqual({ 'de-DE': { mistake: 'Ihre Bestellung kam zu spät', people: { one: 'Patienten', many: 'Patienten' } }, fr: { remedy: { details: 'un avoir' } } });
    expect(valid({ commitmentDue: new Date('2026-12-12T00:00:00Z') }).commitmentDue).toBe('2026-12-12');
  });
});

describe('unknown fields at any depth', () => {
  it.each([
    [{ exposure: { dat: ['email'] } }, 'x.yaml: unknown field "exposure.dat" — did you mean "exposure.data"?'],
    [{ exposure: { regulater: 'ICO' } }, 'x.yaml: unknown field "exposure.regulater" — did you mean "exposure.regulator"?'],
    [{ signer: { name: 'a', teem: true } }, 'x.yaml: unknown field "signer.teem" — did you mean "signer.team"?'],
    [{ people: { one: 'a', mny: 'b' } }, 'x.yaml: unknown field "people.mny" — did you mean "people.many"?'],
    [{ fields: { de: { mistak: 'x' } } }, 'x.yaml: unknown field "fields.de.mistak" — did you mean "fields.de.mistake"?'],
    [{ fields: { de: { exposure: { refrence: 'x' } } } }, 'x.yaml: unknown field "fields.de.exposure.refrence" — did you mean "fields.de.exposure.reference"?'],
    [{ commitment_status: 'done' }, 'x.yaml: unknown field "commitment_status" — did you mean "commitmentStatus"?'],
    [{ audiance: 'business' }, 'x.yaml: unknown field "audiance" — did you mean "audience"?'],
  ])('%j', (data, message) => {
    try {
      pickIncident(data, 'x.yaml');
    } catch (e) {
      expect(`${(e as InputError).message} — ${(e as InputError).hint}`).toBe(message);
      return;
    }
    throw new Error('no error');
  });

  it('knows every newer field', () => {
    expect(() =>
      pickIncident(
        {
          people: { one: 'a', many: 'b' },
          summary: 's',
          when: 'w',
          outcome: 'o',
          commitmentStatus: 'planned',
          commitmentDue: '2026-01-01',
          action: 'a',
          exposure: { data: ['email'], discovered: 'd', contained: 'c', regulator: 'r', reference: 'ref' },
          signer: { name: 'n', title: 't', team: true },
          audience: 'business',
          locale: 'de',
          fields: { de: { summary: 's', mistake: 'm', rootCause: 'r', commitment: 'c', when: 'w', outcome: 'o', action: 'a', people: 'Gäste', signer: { title: 't' }, remedy: { details: 'd' }, exposure: { discovered: 'd', contained: 'c', regulator: 'r', reference: 'x' } } },
        },
        'x.yaml',
      ),
    ).not.toThrow();
  });
});

describe('identity', () => {
  it('an incident written before the newer fields keeps its id and its facts print', () => {
    // Values computed on the code before these fields existed.
    const example = validateIncident(loadIncidentFile(ROOT, 'examples/incident.yaml'));
    expect(incidentId(example)).toBe('c49d83911e52');
    expect(factsPrint(example).facts).toBe('c49d83911e529b1c');
    expect(Object.keys(factsPrint(example).fields)).not.toContain('audience');
    const golden = validateIncident(loadIncidentFile(ROOT, 'tests/fixtures/golden-incident.json'));
    // (the golden sample's facts were rewritten to read as one real incident: a new id of its own)
    expect(incidentId(golden)).toBe('568a7c7e94d7');
    // the defaults written out give the same id
    expect(incidentId(valid({ people: 'customers', commitmentStatus: 'done', audience: 'consumer', locale: 'en', exposure: { data: [] }, signer: { name: 'Dana Lee', team: false } }))).toBe(
      incidentId(validateIncident(complete)),
    );
  });

  it.each([
    { people: 'patients' },
    { summary: 'the late delivery' },
    { when: 'Tuesday' },
    { outcome: 'now Wednesday' },
    { commitmentStatus: 'planned' },
    { action: 'retry' },
    { exposure: { data: ['email'] } },
    { exposure: { reference: 'R-1' } },
    { signer: { name: 'Dana Lee', team: true } },
    { audience: 'business' },
    { locale: 'de' },
    { fields: { de: { mistake: 'x' } } },
  ])('a newer field set changes the id: %j', (patch) => {
    expect(incidentId(valid(patch))).not.toBe(incidentId(validateIncident(complete)));
    expect(identityFacts(valid(patch))).not.toEqual(identityFacts(validateIncident(complete)));
  });
});

describe('humour for a business audience', () => {
  it.each([
    ['minor', 'auto', false],
    ['moderate', 'auto', false],
    ['minor', 'off', false],
  ])('%s + %s → %s', (severity, humour, on) => expect(decideHumour(valid({ audience: 'business', severity, humour })).on).toBe(on));

  it('humour on is refused, whatever the severity', () => {
    for (const severity of ['minor', 'moderate', 'major']) {
      expect(() => decideHumour(valid({ audience: 'business', severity, humour: 'on' }))).toThrow(UsageError);
      expect(() => decideHumour(valid({ audience: 'business', severity, humour: 'on' }))).toThrow(/refused for a business audience/);
    }
    expect(decideHumour(valid({ audience: 'consumer', severity: 'minor', humour: 'on' })).on).toBe(true);
  });
});

describe('warnings for the writer', () => {
  it.each([
    [{}, []],
    [{ commitmentStatus: 'planned' }, ['commitmentStatus is planned but commitmentDue is not set: the letter cannot say when the change will be done (add --commitment-due 2026-12-12)']],
    [{ commitmentStatus: 'in-progress', commitmentDue: '2026-12-12' }, []],
    [{ commitmentDue: '2026-12-12' }, ['commitmentDue 2026-12-12 is ignored: commitmentStatus is done (use --commitment-status in-progress or planned for a change still coming)']],
    [{ scenario: 'data-exposure' }, []],
    [
      { scenario: 'data-exposure', exposure: { data: 'email, pasword, loyalty points' } },
      [
        'exposure.data "pasword" is not a known kind (did you mean "password"?): the letter names it as written and gives no advice for it (known: name, email, phone, postal-address, date-of-birth, password, payment-card, bank-account, government-id, health, order-history, location)',
        'exposure.data "loyalty points" is not a known kind: the letter names it as written and gives no advice for it (known: name, email, phone, postal-address, date-of-birth, password, payment-card, bank-account, government-id, health, order-history, location)',
      ],
    ],
  ])('%j', (patch, warnings) => expect(incidentWarnings(valid(patch))).toEqual(warnings));
});

// The prompts of `draft`, through the prompt seam (an Asker): which questions are asked for
// which scenario, in what order, and that the answers make a valid incident.
import { describe, expect, it } from 'vitest';
import { askMissing, changeableFields, currentAnswer, questionFor, withAnswer, type Asker, type Question } from '../../src/incident/questions.js';
import { BUILTIN_SCENARIOS, type IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';

/** Answers from a table by key; a key not in it gets the question's default (Enter), or nothing. */
function scripted(answers: Record<string, string>): Asker & { asked: Question[] } {
  const asked: Question[] = [];
  return {
    asked,
    async ask(q) {
      asked.push(q);
      const a = Object.hasOwn(answers, q.key) ? answers[q.key]! : (q.default ?? '');
      if (q.validate) expect(q.validate(a), `answer to ${q.key}`).toBe(true);
      return a;
    },
  };
}

const scenarios = BUILTIN_SCENARIOS.map((s) => ({ value: s, name: s }));
const opts = { scenarios, requireFrom: false, askRecipient: false };

/** Everything but the facts a scenario may add, as a person would type them. */
const BASE: Record<string, string> = {
  mistake: 'we sent you the wrong kettle',
  affected: '240',
  rootCause: 'two bins had swapped labels',
  commitment: 'we scan every bin at picking',
  'remedy.kind': 'none',
  severity: 'moderate',
  'company.name': 'Acme',
  'signer.name': 'Dana Lee',
  'exposure.data': 'email',
};

const keysFor = async (scenario: string, extra: Record<string, string> = {}, given: IncidentInput = {}) => {
  const asker = scripted({ ...BASE, ...extra });
  const result = await askMissing({ scenario, ...given }, asker, opts);
  return { keys: asker.asked.map((q) => q.key), asker, input: result.input };
};

const COMMON = ['mistake', 'people', 'affected', 'rootCause', 'commitment', 'commitmentStatus'];
const EXTRA = ['when', 'exposure.data', 'exposure.discovered', 'exposure.contained', 'exposure.regulator', 'exposure.reference', 'outcome', 'action', 'audience'];

describe('questions asked only when they matter', () => {
  it.each([
    ['shipping-delay', ['outcome']],
    ['wrong-item', []],
    ['billing-error', ['action', 'audience']],
    ['missed-appointment', ['outcome', 'action']],
    ['service-outage', ['when', 'outcome', 'action', 'audience']],
    ['data-exposure', ['when', 'exposure.data', 'exposure.discovered', 'exposure.contained', 'exposure.regulator', 'exposure.reference', 'action', 'audience']],
    ['generic', []],
    ['my-own-template', []],
  ])('%s asks %j beyond the common questions', async (scenario, extra) => {
    const { keys } = await keysFor(scenario);
    for (const k of COMMON) expect(keys).toContain(k);
    expect(keys.filter((k) => EXTRA.includes(k))).toEqual(extra);
    expect(keys).not.toContain('commitmentDue');
  });

  it('asks for the due date only when the change is not done yet', async () => {
    expect((await keysFor('generic', { commitmentStatus: 'planned', commitmentDue: '2026-12-12' })).keys).toContain('commitmentDue');
    expect((await keysFor('generic', { commitmentStatus: 'in-progress', commitmentDue: '' })).keys).toContain('commitmentDue');
    expect((await keysFor('generic', { commitmentStatus: 'done' })).keys).not.toContain('commitmentDue');
    // given as a flag or in a file: neither asked
    const given = await keysFor('generic', {}, { commitmentStatus: 'planned', commitmentDue: '2026-12-12' });
    expect(given.keys).not.toContain('commitmentStatus');
    expect(given.keys).not.toContain('commitmentDue');
  });

  it('the due date must be a date', async () => {
    const { asker } = await keysFor('generic', { commitmentStatus: 'planned', commitmentDue: '2026-12-12' });
    const due = asker.asked.find((q) => q.key === 'commitmentDue')!;
    expect(due.validate!('next week')).toBe('a date with its year, like 2026-12-12 or 12 December 2026');
    expect(due.validate!('2026-02-30')).toBe('a date with its year, like 2026-12-12 or 12 December 2026');
    expect(due.validate!('')).toBe(true);
  });

  it('nothing given another way is asked again', async () => {
    const { keys } = await keysFor('data-exposure', {}, {
      people: 'patients',
      when: 'Tuesday',
      action: 'nothing',
      audience: 'consumer',
      commitmentStatus: 'done',
      exposure: { data: ['health'], discovered: 'd', contained: 'c', regulator: 'r', reference: 'REF' },
    });
    expect(keys.filter((k) => EXTRA.includes(k) || k === 'people' || k === 'commitmentStatus')).toEqual([]);
  });

  it('asks how many, using the name given to the affected', async () => {
    const { asker } = await keysFor('missed-appointment', { people: 'patients' });
    expect(asker.asked.find((q) => q.key === 'affected')!.message).toBe('How many patients did it hit?');
    const plain = await keysFor('missed-appointment');
    expect(plain.asker.asked.find((q) => q.key === 'affected')!.message).toBe('How many customers did it hit?');
  });

  it('a letter in another language: the people default is that language\'s word, and the quoted answers ask for that language', async () => {
    const asker = scripted({ ...BASE, mistake: 'wir haben den falschen Wasserkocher geschickt' });
    await askMissing({ scenario: 'wrong-item', locale: 'de-AT' }, asker, opts);
    const people = asker.asked.find((q) => q.key === 'people')!;
    expect(people.default).toBe('Kundinnen und Kunden');
    expect(asker.asked.find((q) => q.key === 'mistake')!.message).toBe('What went wrong, in words your customer would use (in German)?');
    expect(asker.asked.find((q) => q.key === 'affected')!.message).toBe('How many Kundinnen und Kunden did it hit?');
  });

  it('a business audience is never asked about humour', async () => {
    expect((await keysFor('service-outage', { audience: 'business' })).keys).not.toContain('humour');
    expect((await keysFor('service-outage', { audience: 'consumer' })).keys).toContain('humour');
    expect((await keysFor('billing-error', {}, { audience: 'business' })).keys).not.toContain('humour');
  });

  it('the order: facts, then what changes and its status, then where they stand, remedy, tone, who signs', async () => {
    const { keys } = await keysFor('service-outage', { commitmentStatus: 'planned', commitmentDue: '2026-12-12' });
    expect(keys).toEqual([
      'mistake', 'people', 'affected', 'when', 'rootCause', 'commitment', 'commitmentStatus', 'commitmentDue', 'outcome', 'action',
      'remedy.kind', 'severity', 'audience', 'humour', 'company.name', 'company.from', 'signer.name', 'signer.title', 'company.phone', 'company.email', 'followUp.after',
    ]);
  });
});

describe('answers make the incident', () => {
  it('a data exposure, answered in full', async () => {
    const { input } = await keysFor('data-exposure', {
      people: 'patients',
      when: 'on Tuesday 3 March, between 09:00 and 11:00',
      'exposure.data': 'name, test results, Email',
      'exposure.discovered': 'the same morning',
      'exposure.contained': 'we recalled the message and deleted the shared list',
      'exposure.regulator': 'the ICO, on 4 March',
      'exposure.reference': 'DX-2026-031',
      action: 'nothing: your results are safe with your doctor',
      audience: 'consumer',
      commitmentStatus: 'in-progress',
      commitmentDue: '2026-04-30',
      severity: 'critical',
    });
    const incident = validateIncident(input);
    expect(incident).toMatchObject({
      scenario: 'data-exposure',
      people: { one: 'patient', many: 'patients' },
      when: 'on Tuesday 3 March, between 09:00 and 11:00',
      exposure: { data: ['name', 'health', 'email'], discovered: 'the same morning', contained: 'we recalled the message and deleted the shared list', regulator: 'the ICO, on 4 March', reference: 'DX-2026-031' },
      action: 'nothing: your results are safe with your doctor',
      audience: 'consumer',
      commitmentStatus: 'in-progress',
      commitmentDue: '2026-04-30',
    });
  });

  it('empty answers to the optional questions leave the defaults', async () => {
    const { input } = await keysFor('shipping-delay', { outcome: '' });
    const incident = validateIncident(input);
    expect(incident).toMatchObject({ people: { one: 'customer', many: 'customers' }, commitmentStatus: 'done', audience: 'consumer', outcome: undefined });
  });
});

describe('answers changed at the review step', () => {
  const { 'exposure.data': _flat, 'remedy.kind': _kind, 'company.name': _company, 'signer.name': _signer, ...rest } = BASE;
  const given = {
    ...rest, scenario: 'data-exposure', company: { name: 'Acme' }, signer: { name: 'Dana Lee' }, remedy: { kind: 'none' },
    exposure: { data: ['email', 'name'], reference: 'NL-1' }, people: { one: 'member', many: 'members' }, affected: 212,
  } as unknown as IncidentInput;

  it('offers the questions that apply to this incident, in question order', () => {
    const fields = changeableFields(given, opts);
    expect(fields.slice(0, 5)).toEqual(['scenario', 'mistake', 'people', 'affected', 'when']);
    expect(fields).toContain('exposure.reference');
    expect(fields).not.toContain('outcome');
    expect(fields).not.toContain('humour'); // data exposure never jokes
    expect(fields).not.toContain('commitmentDue'); // no status yet
  });

  it('asks again with the current answer, as typed, for its default', () => {
    expect(currentAnswer(given, 'exposure.data')).toBe('email, name');
    expect(currentAnswer(given, 'people')).toBe('members');
    expect(questionFor('affected', given, opts)).toMatchObject({ default: '212', message: 'How many members did it hit?' });
    expect(questionFor('to', given, opts, 'Ana <ana@example.com>')!.default).toBe('Ana <ana@example.com>');
    expect(questionFor('nonsense', given, opts)).toBeUndefined();
  });

  it('drops the answers a change closes, names the questions it opens, and clears an optional field left empty', () => {
    const moved = withAnswer({ ...given, humour: 'on' } as IncidentInput, 'scenario', 'shipping-delay', opts);
    expect(moved.input.exposure).toEqual({});
    expect([...moved.opened]).toEqual(['outcome', 'humour']);
    expect(validateIncident(given).scenario).toBe('data-exposure');
    expect(validateIncident(moved.input)).toMatchObject({ scenario: 'shipping-delay', humour: 'on', exposure: { data: [] } });
    const critical = withAnswer({ ...given, scenario: 'generic', humour: 'on' } as IncidentInput, 'severity', 'critical', opts);
    expect(critical.input.humour).toBeUndefined();
    const cleared = withAnswer(given, 'exposure.reference', '  ', opts);
    expect(cleared.input.exposure).toEqual({ data: ['email', 'name'] });
    expect(given.exposure).toEqual({ data: ['email', 'name'], reference: 'NL-1' }); // not touched
  });
});

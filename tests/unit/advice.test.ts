import { describe, expect, it } from 'vitest';
import { adviseOnFields, adviseOnRecipients, formatAdvice, isVagueCause, isVaguePromise } from '../../src/incident/advice.js';

const GOOD = {
  mistake: 'We shipped your order two days late.',
  rootCause: 'Our label printer ran out of ink on Friday night and nobody checked the labels it printed.',
  commitment: 'A second person now checks every label before a parcel leaves.',
  remedy: { kind: 'refund', details: 'a refund of your £4.95 delivery charge' },
};

describe('isVagueCause', () => {
  it.each([
    ['capacity', true],
    ['Load.', true],
    ['issues', true],
    ['Human error.', true],
    ['human error', true],
    ['technical issues', true],
    ['Due to high demand', true],
    ['a glitch', true],
    ['unforeseen circumstances', true],
    ['n/a', true],
    ['', true],
    ['Our label printer ran out of ink on Friday night', false],
    ['human error: the night shift packed from the wrong pick list', false],
    ['a caching change on Tuesday sent the same invoice twice', false],
    ['Too many orders for two packers over Black Friday', false],
  ])('%j → %s', (text, vague) => expect(isVagueCause(text)).toBe(vague));
});

describe('isVaguePromise', () => {
  it.each([
    ["we'll do better", true],
    ['We will do better.', true],
    ['we will improve', true],
    ['We will improve our processes.', true],
    ["it won't happen again", true],
    ['It will never happen again!', true],
    ['We are reviewing our procedures to make sure this never happens again.', true],
    ['We have taken steps to ensure this does not happen again.', true],
    ['We will learn from this mistake.', true],
    ['Retraining', true],
    ['A second person now checks every label before a parcel leaves.', false],
    ["From Monday every parcel is weighed before it ships, so it won't happen again.", false],
    ['We will add an alert on failed payments by 30 June.', false],
    ["We'll retrain the night shift on the new scanner this week.", false],
    ['We improved the checkout: a card is now charged only once the order is confirmed.', false],
  ])('%j → %s', (text, vague) => expect(isVaguePromise(text)).toBe(vague));
});

describe('adviseOnFields', () => {
  it('says nothing about good fields', () => expect(adviseOnFields(GOOD)).toEqual([]));

  it('names each vague, tiny, long or missing field with an example, in field order', () => {
    const mistake = Array.from({ length: 9 }, () => 'we sent the wrong bouquet to the funeral home on Tuesday').join(' and ');
    const advice = adviseOnFields({ mistake, rootCause: 'capacity', commitment: "we'll do better", remedy: { kind: 'credit', details: ' ' } });
    expect(advice.map((a) => a.field)).toEqual(['mistake', 'rootCause', 'commitment', 'remedy.details']);
    expect(advice[0]!.problem).toBe(`is ${mistake.split(' ').length} words; in a letter that is a wall of text`);
    expect(advice[1]!.problem).toBe('"capacity" names a category, not what happened');
    expect(advice[2]!.problem).toBe(`"we'll do better" promises without saying what changes`);
    expect(advice[3]!.problem).toBe('is empty, so the letter cannot say what the credit is');
    for (const a of advice) expect(a.example.length).toBeGreaterThan(20);
  });

  it.each([
    [{ ...GOOD, mistake: 'error' }, 'mistake'],
    [{ ...GOOD, rootCause: 'human error' }, 'rootCause'],
    [{ ...GOOD, rootCause: Array.from({ length: 61 }, () => 'word').join(' ') }, 'rootCause'],
    [{ ...GOOD, commitment: 'It will not happen again.' }, 'commitment'],
    [{ ...GOOD, remedy: { kind: 'coupon' } }, 'remedy.details'],
    [{ ...GOOD, remedy: { kind: 'refund', details: 'a refund' } }, 'remedy.details'],
    [{ ...GOOD, remedy: { kind: 'waived-fee', details: '' } }, 'remedy.details'],
  ])('%j → %s', (incident, field) => expect(adviseOnFields(incident).map((a) => a.field)).toEqual([field]));

  it.each([
    [{ ...GOOD, remedy: { kind: 'none' } }],
    [{ ...GOOD, remedy: { kind: 'refund', details: 'a full refund' } }],
    [{ ...GOOD, remedy: { kind: 'credit', details: '£10' } }],
    [{ ...GOOD, mistake: Array.from({ length: 60 }, () => 'word').join(' ') }],
    [{}],
  ])('%j → nothing', (incident) => expect(adviseOnFields(incident)).toEqual([]));
});

describe('adviseOnRecipients and formatAdvice', () => {
  it('warns when more recipients than affected', () => {
    expect(adviseOnRecipients(4, 4)).toEqual([]);
    expect(adviseOnRecipients(undefined, 4)).toEqual([]);
    const [a] = adviseOnRecipients(1, 4);
    expect(formatAdvice(a!)).toBe('apologize: warning: affected is 1 but there are 4 recipients — for example --affected 4 (or the real total, if more were hit)');
  });
});

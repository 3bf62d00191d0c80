// The learned part model of `check` (src/check/model.ts): weights as data named by their corpus, the
// decision it makes over a letter's sentences, and the features it reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../src/check/clauses.js';
import { sentenceFeatures, type RuleSignals } from '../../src/check/features.js';
import { checkModel, decidePart, sentenceScore, useCheckModel, type PartModel } from '../../src/check/model.js';
import { checkApology, readSentences } from '../../src/check/score.js';
import { analyseText } from '../../src/check/text.js';
import { ROOT } from '../helpers/run.js';

const NO_RULES: RuleSignals = { own: false, commit: false, explain: 0, remedy: false, humour: false, hollow: false, explainParagraph: 0, explainHit: false };

describe('the weights', () => {
  it('are data that name the corpus they were trained on; the shipped model decides no part (the rules do)', () => {
    const model = JSON.parse(readFileSync(join(ROOT, 'src/check/check-model.json'), 'utf8')) as { source: string; parts: Record<string, PartModel> };
    expect(model.source).toMatch(/tests\/fixtures\/corpus: \d+ published apologies/);
    expect(model.source).toContain('scripts/train-check-model.mjs');
    expect(checkModel()).toEqual(model);
    expect(model.parts).toEqual({});
  });

  it('a model put in use decides its part; none puts the shipped one back', () => {
    const text = analyseText('Hi all,\n\nSo, what went wrong: a config change we made at 9am took the checkout offline.\n\nWe are truly sorry for the disruption and we will make it right.\n\nCall us on 0800 555 0142.\n\nDana');
    expect(checkApology(text, { file: 't' }).parts.explain.present).toBe(true); // the rules take the sentence
    useCheckModel({ source: 'test', parts: { explain: { threshold: 0.5, weights: { bias: -2, 'w:what': -5, 'w:wrong': 3 } } } });
    try {
      expect(checkApology(text, { file: 't' }).parts.explain.present).toBe(false);
    } finally {
      useCheckModel();
    }
    expect(checkApology(text, { file: 't' }).parts.explain.present).toBe(true);
  });
});

describe('decidePart', () => {
  const model: PartModel = { threshold: 0.5, weights: { bias: -1, 'w:because': 3 } };
  const row = (...features: string[]) => ({ features: ['bias', ...features] });

  it('takes the best sentence at or above the threshold, and nothing under it', () => {
    const rows = [row('w:we'), row('w:because'), row('w:sorry')];
    expect(decidePart(model, rows, () => false)).toBe(rows[1]);
    expect(decidePart(model, [row('w:we'), row('w:sorry')], () => false)).toBeUndefined();
    expect(sentenceScore(model, ['bias', 'w:because'])).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
  });

  it('keeps a sentence the rules read as the part unless the model scores it under the veto', () => {
    const rows = [row('w:we'), row('w:because')];
    expect(decidePart({ ...model, veto: 0.2 }, rows, (r) => r === rows[0])).toBe(rows[0]);
    expect(decidePart({ ...model, veto: 0.9 }, rows, (r) => r === rows[0])).toBe(rows[1]);
  });
});

describe('sentenceFeatures', () => {
  it('names the clause (agent, tense, negation, voice, verb), the words, the place and the heading above', () => {
    const s = 'We did not test the migration on a copy.';
    const f = sentenceFeatures(s, { index: 4, count: 10, clauses: clausesOf(s), rules: { ...NO_RULES, own: true }, heading: 'What went wrong' });
    expect(f).toEqual(expect.arrayContaining(['bias', 'w:migration', 'c:first:past:neg:act', 'c:first:l:test', 'pos:middle', 'h:wrong', 'r:own']));
    // a sentence alone says nothing by its place
    expect(sentenceFeatures(s, { index: 0, count: 1, clauses: clausesOf(s), rules: NO_RULES }).some((x) => x.startsWith('pos:'))).toBe(false);
  });

  it('are read once per sentence by readSentences, outside quotations', () => {
    const rows = readSentences(analyseText('She wrote: "We lost your data. It was our fault."\n\nWe restored it from the backup.')).rows;
    expect(rows.map((r) => r.s.text)).toEqual(['She wrote: "We lost your data.', 'We restored it from the backup.']);
    expect(rows.every((r) => r.features.includes('bias'))).toBe(true);
  });
});

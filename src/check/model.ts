/**
 * The learned part model: for each part it covers, a weight per sentence feature (features.ts); a
 * sentence's score is the logistic of the sum of its features' weights, and a letter has the part
 * when a sentence the rules read as the part is not vetoed by the model, or when the model scores a
 * sentence at or above the part's threshold (decidePart).
 * The weights are data, check-model.json, written by scripts/train-check-model.mjs from the labelled
 * corpus (tests/fixtures/corpus); the thresholds were chosen there by cross-validation.
 */
import trained from './check-model.json' with { type: 'json' };
import type { PartId } from './rules.js';

export interface PartModel {
  /** A sentence the rules read as the part counts when the model scores it at least this (absent: never). */
  veto?: number;
  /** A sentence the rules pass over counts when the model scores it at least this. */
  threshold: number;
  weights: Record<string, number>;
}

export interface CheckModel {
  source: string;
  parts: Partial<Record<PartId, PartModel>>;
}

let current: CheckModel = trained as CheckModel;

/** The model in use. */
export function checkModel(): CheckModel {
  return current;
}

/** Puts another model in use (a tool that trains one per fold: bench/check-eval.mjs); none puts the trained one back. */
export function useCheckModel(model?: CheckModel): void {
  current = model ?? (trained as CheckModel);
}

/** A sentence's score for a part, 0–1. */
export function sentenceScore(model: PartModel, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The sentence that shows a part, as the model decides: the first sentence the rules read as the part
 * that the model does not veto (scores at or above `veto`), else the best-scoring sentence when it
 * reaches `threshold`, else none.
 */
export function decidePart<T extends { features: readonly string[] }>(model: PartModel, rows: readonly T[], ruleHit: (row: T) => boolean): T | undefined {
  let best: { row: T; score: number } | undefined;
  for (const row of rows) {
    const score = sentenceScore(model, row.features);
    if (ruleHit(row) && score >= (model.veto ?? 2)) return row;
    if (!best || score > best.score) best = { row, score };
  }
  return best && best.score >= model.threshold ? best.row : undefined;
}

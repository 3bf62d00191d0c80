// Trains the learned part model of `apologize check` (src/check/model.ts): one logistic regression per
// part over sentence features (src/check/features.ts). Positives are the sentences a person gave as a
// part's evidence (tests/fixtures/corpus/*.json); negatives are every sentence of the letters labelled
// without that part (the other sentences of a letter that has the part are left out: the labeller gave
// the clearest one, not all). A letter has the part when its best sentence reaches the threshold, chosen
// by 5-fold cross-validation inside the training letters. Used by scripts/train-check-model.mjs (the
// shipped weights) and bench/check-eval.mjs (a model trained per fold, never on its test letters).
import { createHash } from 'node:crypto';

/**
 * The parts the shipped model decides: none. In cross-validation (check-eval --model-cv) the model carried
 * two or three points further than the rules on explain and commitment, within the noise of 222 letters, and
 * it missed plain explanations and commitments of the built-in letters that the rules read ("We told you
 * what went wrong: a scheduling change … held back a day of orders"): the rules decide every part until a
 * model measures better on both (docs/check.md). The parts the trainer knows, for check-eval's variants:
 */
export const MODEL_PARTS = [];
export const TRAINABLE_PARTS = ['own-it', 'explain', 'commitment', 'remedy'];

const RULE_FEATURE = { 'own-it': 'r:own', explain: 'r:explain', commitment: 'r:commit', remedy: 'r:remedy' };

const norm = (s) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

/** The indexes of a letter's sentences that carry the evidence (the sentence holding it, or the ones it spans). */
export function evidenceRows(rows, evidence) {
  if (!evidence) return [];
  const e = norm(evidence);
  const hits = [];
  rows.forEach((r, n) => {
    const t = norm(r.s.text);
    if (t.length && (t.includes(e) || (t.length >= 12 && e.includes(t)))) hits.push(n);
  });
  if (hits.length) return hits;
  // a splitter that cut the evidence elsewhere: the sentence that shares its first words
  const head = e.slice(0, 40);
  rows.forEach((r, n) => { if (norm(r.s.text).includes(head)) hits.push(n); });
  return hits;
}

const sha = (s) => createHash('sha256').update(s).digest('hex');

/**
 * letters: [{ name, rows: [{ features }], label }]. Returns { parts: { [part]: { threshold, weights } } }.
 * opts.drop: a feature prefix to leave out (e.g. 'r:' for no rule features).
 */
export function trainModel(letters, opts = {}) {
  const parts = {};
  for (const part of opts.parts ?? MODEL_PARTS) {
    const fit = (train) => fitPart(train, part, opts);
    const model = fit(letters);
    Object.assign(model, chooseThreshold(letters, part, fit, opts));
    parts[part] = model;
  }
  return { parts };
}

function examples(letters, part, opts) {
  const xs = [];
  for (const l of letters) {
    const lab = l.label.parts[part];
    const drop = [].concat(opts.drop ?? []);
    const keep = (fs) => (drop.length ? fs.filter((f) => !drop.some((d) => f.startsWith(d))) : fs);
    if (lab.present) {
      const ev = evidenceRows(l.rows, lab.evidence);
      for (const n of ev) xs.push({ f: keep(l.rows[n].features), y: 1 });
      // the other sentences of the letter that the rules do not read as the part: negatives too
      if (opts.contextNegatives) l.rows.forEach((r, n) => { if (!ev.includes(n) && !r.features.some((f) => f.startsWith(RULE_FEATURE[part]))) xs.push({ f: keep(r.features), y: 0 }); });
    } else for (const r of l.rows) xs.push({ f: keep(r.features), y: 0 });
  }
  return xs;
}

/** L2-regularised logistic regression, full-batch Adam, classes weighted to balance. */
function fitPart(letters, part, opts) {
  const xs = examples(letters, part, opts);
  // features seen in at least minLetters training letters
  const seen = new Map();
  for (const l of letters) {
    const fs = new Set(l.rows.flatMap((r) => r.features));
    for (const f of fs) seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  const minLetters = opts.minLetters ?? 6;
  const vocab = new Map();
  for (const [f, c] of seen) if (c >= minLetters || f === 'bias') vocab.set(f, vocab.size);
  const X = xs.map((x) => x.f.map((f) => vocab.get(f)).filter((i) => i !== undefined));
  const Y = xs.map((x) => x.y);
  const pos = Y.filter((y) => y === 1).length;
  const neg = Y.length - pos;
  const wPos = pos ? Y.length / (2 * pos) : 1;
  const wNeg = neg ? Y.length / (2 * neg) : 1;
  const d = vocab.size;
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const lambda = opts.lambda ?? 3e-3;
  const bias = vocab.get('bias');
  const lr = 0.05;
  const epochs = opts.epochs ?? 300;
  const g = new Float64Array(d);
  for (let t = 1; t <= epochs; t++) {
    g.fill(0);
    for (let i = 0; i < X.length; i++) {
      let z = 0;
      for (const j of X[i]) z += w[j];
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - Y[i]) * (Y[i] ? wPos : wNeg);
      for (const j of X[i]) g[j] += err;
    }
    for (let j = 0; j < d; j++) {
      const grad = g[j] / X.length + (j === bias ? 0 : lambda * w[j]);
      m[j] = 0.9 * m[j] + 0.1 * grad;
      v[j] = 0.999 * v[j] + 0.001 * grad * grad;
      w[j] -= (lr * (m[j] / (1 - 0.9 ** t))) / (Math.sqrt(v[j] / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  const weights = {};
  // weights under `prune` are left out (they move a score by less than that), the rest kept to two decimals
  const prune = opts.prune ?? 0.05;
  for (const [f, j] of vocab) if (Math.abs(w[j]) >= prune || j === bias) weights[f] = Math.round(w[j] * 100) / 100;
  return { threshold: 0.5, weights };
}

const score = (model, features) => {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
};
/** What the rules read as the part in a sentence (src/check/score.ts readSentences). */
export const RULE_HIT = { 'own-it': (r) => r.rules.own, explain: (r) => r.rules.explainHit, commitment: (r) => r.rules.commit, remedy: (r) => r.rules.remedy };
/** A letter's best sentence score, and the best among the sentences the rules read as the part (-1: none). */
export function letterScores(model, rows, part) {
  let best = 0;
  let rule = -1;
  for (const r of rows) {
    const s = score(model, r.features);
    if (s > best) best = s;
    if (RULE_HIT[part](r) && s > rule) rule = s;
  }
  return { best, rule };
}
/** The model's decision for a letter: a rule reading the model does not veto, or a sentence it scores at or above the threshold. */
export const decides = (model, sc) => (sc.rule >= 0 && sc.rule >= (model.veto ?? 2)) || sc.best >= model.threshold;

/**
 * The two cut-offs that make the most training letters agree, judged on out-of-fold scores (5 folds by
 * name): `veto`, under which the model overrules a sentence the rules read as the part, and `threshold`,
 * at which it finds the part in a sentence the rules passed over. Ties go to the pair nearer the rules.
 */
function chooseThreshold(letters, part, fit, opts = {}) {
  const k = 5;
  const order = [...letters].sort((a, b) => sha(a.name).localeCompare(sha(b.name)));
  const oof = [];
  for (let f = 0; f < k; f++) {
    const test = order.filter((_, i) => i % k === f);
    const train = order.filter((_, i) => i % k !== f);
    const model = fit(train);
    for (const l of test) oof.push({ ...letterScores(model, l.rows, part), y: l.label.parts[part].present });
  }
  // (the default: the model alone decides, the rules' reading one of its features; `vetoes` lets it keep the rules' hits)
  const vetoes = opts.vetoes ?? [2];
  const cands = [...new Set(oof.map((o) => o.best))].sort((a, b) => a - b);
  const adds = [1.01, ...cands.map((c, i) => (i ? (cands[i - 1] + c) / 2 : c - 1e-9)).reverse()];
  let best = { acc: -1, veto: 0, threshold: 1.01 };
  for (const veto of vetoes) for (const threshold of adds) {
    const acc = oof.filter((o) => decides({ veto, threshold }, o) === o.y).length;
    if (acc > best.acc) best = { acc, veto, threshold };
  }
  return { veto: best.veto, threshold: Math.round(best.threshold * 1e4) / 1e4 };
}

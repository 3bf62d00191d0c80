// `npm run check-eval`: how far `apologize check` agrees with a person on real published apologies.
// The corpus is tests/fixtures/corpus: NAME.txt (the text, or the part of it that carries the
// apology) and NAME.json (its source, a person's labels per part with the evidence sentence, the
// severity and a grade). Prints, for the development part and for the held-out set separately,
// the agreement on each part (present/absent) and the AUC of the score for good versus poor
// letters.
//
//   -- --dev-only      leave the held-out set out altogether (every tuning run)
//   -- --verbose       every disagreement on the development part (never the held-out set)
//   -- --disagree      the explain and commitment disagreements on the development part, with the
//                      sentence check took as evidence and the one the label gives
//   -- --cv[=K]        K-fold cross-validation inside the development part (default 5 folds, by
//                      the SHA-256 of the names): the rules are not learned, so this measures how
//                      much the agreement varies from one fifth of the letters to another
//   -- --ablate        for each entry of CLAUSE_RULES (each verb of a list, each word of a set,
//                      each alternative of a pattern, each key as a whole), how many development
//                      letters change agreement when it is removed, and how many built-in
//                      template renders fall under 85 or gain a finding. An entry that fixes one
//                      letter only is likely fitted to that letter.
//   -- --rounds        the rounds before the last one listed in bench/check-rounds.json ("3" is
//                      rounds 1–3) against the last round, reported apart;
//                      with --prune also the last round scored with the rules pruned to what the
//                      earlier rounds need (as --folds does)
//   -- --folds K       (or --folds=K) K-fold cross-validation that tests generalisation: every
//                      entry of CLAUSE_RULES (list item, set item, pattern alternative, object key)
//                      that makes some letter agree, but no letter of the training folds, is taken
//                      out before the test fold is scored: an entry that only a test letter
//                      needed does not count for it. One ablation pass over every development
//                      letter (about ten minutes on a shared machine; kept in bench/data and
//                      reused while src/check and the labels are unchanged). The rules that are
//                      code, not CLAUSE_RULES entries, are not pruned: the pruned figures are an
//                      upper bound on what letters never tuned on would give.
//   -- --model-cv      cross-validation that retrains: leave-one-round-out (each round tested by a model
//                      trained on the other rounds, as bench/check-rounds.json lists them; the held-out
//                      set is never read) and 5-fold by the SHA-256 of the names, over all labelled letters. In each
//                      split the CLAUSE_RULES entries that only test letters need are taken out (an
//                      ablation pass over every letter, kept in bench/data), then the learned model
//                      (src/check/model.ts) is trained on the training letters alone (bench/check-train.mjs)
//                      and the test letters scored: the rules alone, the model as shipped, and the model
//                      on four parts with and without the rules' readings as features.
//                      CHECK_EVAL_VARIANTS='[["name", {trainer options} | null]]' runs other variants.
//                      CHECK_EVAL_REUSE=FILE takes the entries' effects from an earlier pass where a rule change cannot
//                      prune them (an approximation for a busy machine; see the code).
//                      CHECK_EVAL_SHARD=i/n runs one n-th of the ablation pass in this process and keeps it in
//                      bench/data; a run with CHECK_EVAL_SHARDS=n merges the n parts (a busy machine: start n at once).
//   -- --json          the figures as JSON
//
// The held-out set is listed in bench/check-held-out.json (empty now: the next round, collected and labelled
// by someone who never ran check, is listed there and measured once; docs/check.md). Never tune on it; the
// earlier held-out sets (rounds 4, 6, 7, 8, 9, 10, 11, 12 and 13) were seen and are development now. A corpus letter
// listed neither there nor in bench/check-rounds.json (a new round's files before they are listed) is never read. --dev-only, --cv, --ablate,
// --rounds, --folds and --model-cv never open its files.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { trainModel } from './check-train.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CORPUS = here('../tests/fixtures/corpus');
const PARTS = ['own-it', 'explain', 'commitment', 'remedy', 'humour', 'sign-off'];
const arg = (name) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const verbose = Boolean(arg('verbose'));
const asJson = Boolean(arg('json'));
const disagree = Boolean(arg('disagree'));
const cvArg = arg('cv');
const ablate = Boolean(arg('ablate'));
const roundsArg = Boolean(arg('rounds'));
const foldsFlag = arg('folds');
const foldsK = foldsFlag ? Number(foldsFlag.includes('=') ? foldsFlag.split('=')[1] : process.argv[process.argv.indexOf(foldsFlag) + 1] ?? 5) || 5 : 0;
const modelCv = Boolean(arg('model-cv'));
const devOnly = Boolean(arg('dev-only')) || Boolean(cvArg) || ablate || roundsArg || foldsK > 0 || modelCv;

mkdirSync(here('./data'), { recursive: true });
const lib = here('./data/check-eval-lib.mjs');
await build({
  stdin: {
    contents: [
      "export { checkApology, refreshRuleSets, cacheClauses } from './src/check/score.ts';",
      "export { loadForCheck, analyseText } from './src/check/text.ts';",
      "export { CLAUSE_RULES } from './src/check/rules.ts';",
      "export { lintTemplates } from './src/check/lint-templates.ts';",
      "export { readSentences } from './src/check/score.ts';",
      "export { useCheckModel } from './src/check/model.ts';",
      "export { TemplateLibrary } from './src/templates/library.ts';",
    ].join('\n'),
    resolveDir: here('..'), loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: lib, logLevel: 'warning', external: ['mailparser', 'handlebars', 'zod', 'chardet', 'iconv-lite'],
});
const { checkApology, refreshRuleSets, cacheClauses, loadForCheck, analyseText, CLAUSE_RULES, lintTemplates, TemplateLibrary, readSentences, useCheckModel } = await import(`${pathToFileURL(lib).href}?t=${Date.now()}`);

/** The held-out letters, listed by name (the rule that chose them is in the file and docs/check.md). */
const heldOut = new Set(JSON.parse(readFileSync(here('./check-held-out.json'), 'utf8')).letters);
const corpusNames = new Set(readdirSync(CORPUS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
for (const name of heldOut) if (!corpusNames.has(name)) throw new Error(`check-held-out.json names ${name}, which is not in the corpus`);
// a letter that bench/check-rounds.json does not list (nor the held-out list) is a new round not yet listed: never
// read, so that files added to the corpus before they are listed as held-out are never tuned on by default
const listedRounds = JSON.parse(readFileSync(here('./check-rounds.json'), 'utf8'));
const inRounds = new Set(Object.entries(listedRounds).filter(([k]) => /^\d+$/.test(k)).flatMap(([, v]) => v));
for (const name of inRounds) if (!corpusNames.has(name)) throw new Error(`check-rounds.json names ${name}, which is not in the corpus`);
for (const name of heldOut) if (inRounds.has(name)) throw new Error(`${name} is both held out and in a development round`);
const unlisted = [...corpusNames].filter((name) => !inRounds.has(name) && !heldOut.has(name));
if (unlisted.length && !asJson) process.stderr.write(`check-eval: ${unlisted.length} corpus letters are in no round of bench/check-rounds.json nor held out: not read\n`);
// with --dev-only (and every cross-validation mode) the held-out letters' files are not even opened
const items = [...corpusNames].sort().filter((name) => (inRounds.has(name) || heldOut.has(name)) && !(devOnly && heldOut.has(name))).map((name) => (
  { name, label: JSON.parse(readFileSync(`${CORPUS}/${name}.json`, 'utf8')), raw: readFileSync(`${CORPUS}/${name}.txt`) }
));

for (const item of items) {
  if (devOnly && heldOut.has(item.name)) continue;
  item.text = await loadForCheck(item.raw, `${item.name}.txt`);
  item.report = checkApology(item.text, { file: item.name });
}

function auc(set, score = (i) => i.report.score) {
  const good = set.filter((i) => i.label.grade === 'good').map(score);
  const poor = set.filter((i) => i.label.grade === 'poor').map(score);
  if (!good.length || !poor.length) return null;
  let wins = 0;
  for (const g of good) for (const p of poor) wins += g > p ? 1 : g === p ? 0.5 : 0;
  return wins / (good.length * poor.length);
}

function figures(set) {
  const agreement = {};
  for (const part of PARTS) agreement[part] = set.filter((i) => i.report.parts[part].present === i.label.parts[part].present).length / set.length;
  const grades = Object.fromEntries(['good', 'mixed', 'poor'].map((g) => [g, set.filter((i) => i.label.grade === g).length]));
  return { letters: set.length, grades, agreement, auc: auc(set) };
}

const dev = items.filter((i) => !heldOut.has(i.name));
const held = items.filter((i) => heldOut.has(i.name));
const result = { development: figures(dev), heldOut: devOnly || held.length === 0 ? null : figures(held) };
const pct = (x) => `${(100 * x).toFixed(0)}%`.padStart(5);
const header = `${''.padEnd(12)}${'n'.padStart(4)}  ${PARTS.map((p) => p.slice(0, 5).padStart(5)).join('  ')}  ${'AUC'.padStart(5)}`;
const row = (label, f) => `${label.padEnd(12)}${String(f.letters).padStart(4)}  ${PARTS.map((p) => pct(f.agreement[p])).join('  ')}  ${f.auc === null ? '  n/a' : f.auc.toFixed(2).padStart(5)}`;

if (cvArg) {
  // Folds by the SHA-256 of the name: fixed, and unrelated to grade or source.
  const k = Number(cvArg.split('=')[1] ?? 5);
  const order = [...dev].sort((a, b) => sha(a.name).localeCompare(sha(b.name)));
  const folds = Array.from({ length: k }, (_, f) => order.filter((_, i) => i % k === f));
  const fs = folds.map(figures);
  result.cv = { k, folds: fs };
  if (!asJson) {
    console.log(`${k}-fold cross-validation inside the development part (${dev.length} letters; the rules are not fitted per fold, so this is the spread of agreement across fifths)`);
    console.log(header);
    fs.forEach((f, i) => console.log(row(`fold ${i + 1}`, f)));
    const stat = (xs) => { const m = xs.reduce((a, b) => a + b, 0) / xs.length; const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length); return { m, sd, min: Math.min(...xs) }; };
    const line = (label, pick) => `${label.padEnd(16)}${PARTS.map((p) => pick(stat(fs.map((f) => f.agreement[p])))).join('  ')}  ${(() => { const a = fs.map((f) => f.auc).filter((x) => x !== null); return a.length ? pick({ ...stat(a), auc: true }) : '  n/a'; })()}`;
    console.log(line('mean', (s) => (s.auc ? s.m.toFixed(2) : pct(s.m)).padStart(5)));
    console.log(line('sd', (s) => (s.auc ? s.sd.toFixed(2) : `${(100 * s.sd).toFixed(0)}`).padStart(5)));
    console.log(line('worst fold', (s) => (s.auc ? s.min.toFixed(2) : pct(s.min)).padStart(5)));
  }
}

if (ablate) runAblation();

const prune = Boolean(arg('prune')) || foldsK > 0;
let effects;
const progress = (x, n) => { if (!asJson) process.stderr.write(`\rablation pass: entry ${x} of ${n}`); };
if ((roundsArg && prune) || foldsK > 0) {
  // the ablation pass is kept in bench/data, keyed by the rule code and the letters, and reused while neither changes
  const srcDir = here('../src/check');
  const key = sha([...readdirSync(srcDir).sort().map((f) => readFileSync(`${srcDir}/${f}`, 'utf8')), ...dev.map((i) => i.name + JSON.stringify(i.label.parts))].join('\0'));
  const cacheFile = here('./data/check-eval-effects.json');
  let cached;
  try { cached = JSON.parse(readFileSync(cacheFile, 'utf8')); } catch { cached = undefined; }
  // the pass --model-cv keeps (bench/data/check-eval-effects-all.json) is the same pass over the same letters when its
  // key matches (the rules read alone there; the shipped model decides no part, MODEL_PARTS being empty): reused
  const allKey = sha(['model-cv', ...readdirSync(srcDir).filter((f) => !f.endsWith('.json')).sort().map((f) => readFileSync(`${srcDir}/${f}`, 'utf8')), ...dev.map((i) => i.name + JSON.stringify(i.label.parts))].join('\0'));
  let all;
  try { all = JSON.parse(readFileSync(here('./data/check-eval-effects-all.json'), 'utf8')); } catch { all = undefined; }
  if (cached?.key !== key && all?.key === allKey) cached = { key, helps: all.helps, hurts: all.hurts };
  if (cached?.key === key) {
    effects = ruleEntries();
    effects.forEach((e, n) => { e.helps = cached.helps[n]; e.hurts = cached.hurts[n]; });
  } else {
    effects = entryEffects(dev, progress);
    if (!asJson) process.stderr.write('\n');
    writeFileSync(cacheFile, JSON.stringify({ key, helps: effects.map((e) => e.helps), hurts: effects.map((e) => e.hurts) }));
  }
}
const mean = (fs) => {
  const m = { letters: fs.reduce((a, f) => a + f.letters, 0), agreement: {}, auc: null };
  for (const p of PARTS) m.agreement[p] = fs.reduce((a, f) => a + f.agreement[p] * f.letters, 0) / m.letters;
  const aucs = fs.map((f) => f.auc).filter((x) => x !== null);
  m.auc = aucs.length ? aucs.reduce((a, b) => a + b, 0) / aucs.length : null;
  return m;
};

if (roundsArg) {
  const roundOf = roundsOf();
  const last = Math.max(...dev.map((i) => roundOf(i.name)));
  const train = dev.filter((i) => roundOf(i.name) < last);
  const test = dev.filter((i) => roundOf(i.name) === last);
  result.rounds = { last, train: figures(train), test: figures(test) };
  if (prune) result.rounds.pruned = prunedFigures(effects, train, test);
  if (!asJson) {
    console.log(`Rounds 1–${last - 1} as training, round ${last} as the test (bench/check-rounds.json)`);
    console.log(header);
    console.log(row(`rounds 1–${last - 1}`, result.rounds.train));
    console.log(row(`round ${last}`, result.rounds.test));
    if (prune) {
      const pf = result.rounds.pruned;
      console.log(row(`  pruned`, pf.test));
      console.log(`(pruned: the ${pf.pruned} entries that only round-${last} letters need: ${pf.onlyTest.join('; ') || 'none'})`);
    }
  }
}

if (foldsK > 0) {
  const order = [...dev].sort((a, b) => sha(a.name).localeCompare(sha(b.name)));
  const folds = Array.from({ length: foldsK }, (_, f) => order.filter((_, i) => i % foldsK === f));
  const rows = folds.map((test) => {
    const train = dev.filter((i) => !test.includes(i));
    return { plain: figures(test), ...prunedFigures(effects, train, test) };
  });
  result.folds = { k: foldsK, folds: rows.map((r) => ({ plain: r.plain, pruned: r.test, prunedEntries: r.pruned, onlyTest: r.onlyTest })), plain: mean(rows.map((r) => r.plain)), pruned: mean(rows.map((r) => r.test)) };
  if (!asJson) {
    console.log(`${foldsK}-fold cross-validation over ${dev.length} letters (folds by SHA-256 of the name): each test fold scored with the rules as they are, and pruned: with every CLAUSE_RULES entry that only letters of that fold need taken out`);
    console.log(header);
    rows.forEach((r, i) => { console.log(row(`fold ${i + 1}`, r.plain)); console.log(row(`  pruned`, r.test)); });
    console.log(row('all, as is', result.folds.plain));
    console.log(row('all, pruned', result.folds.pruned));
    for (const [i, r] of rows.entries()) if (r.onlyTest.length) console.log(`fold ${i + 1}: ${r.onlyTest.length} entries only its letters need: ${r.onlyTest.slice(0, 12).join('; ')}${r.onlyTest.length > 12 ? '; …' : ''}`);
  }
}

if (modelCv) {
  // Every development letter (never the held-out list: bench/check-held-out.json names the round not yet
  // measured), by its round in bench/check-rounds.json, read by the rules alone (no model) for the ablation pass.
  useCheckModel({ source: 'rules', parts: {} });
  const roundOf = roundsOf();
  const all = dev.map((i) => ({ ...i, round: roundOf(i.name), report: checkApology(i.text, { file: i.name }) }));
  // The ablation pass over every letter (rules only), kept in bench/data while the rule code and the labels are unchanged.
  const srcDir = here('../src/check');
  const key = sha(['model-cv', ...readdirSync(srcDir).filter((f) => !f.endsWith('.json')).sort().map((f) => readFileSync(`${srcDir}/${f}`, 'utf8')), ...all.map((i) => i.name + JSON.stringify(i.label.parts))].join('\0'));
  const cacheFile = here('./data/check-eval-effects-all.json');
  let cached;
  try { cached = JSON.parse(readFileSync(cacheFile, 'utf8')); } catch { cached = undefined; }
  let allEffects;
  if (cached?.key === key) {
    allEffects = ruleEntries();
    allEffects.forEach((e, n) => { e.helps = cached.helps[n]; e.hurts = cached.hurts[n]; });
  } else {
    // CHECK_EVAL_SHARD=i/n: this process runs every n-th entry of the pass from the i-th and keeps it apart; a run
    // without it merges the n parts when all are there (the pass split over processes on a busy machine)
    const shardOf = (i, n) => here(`./data/check-eval-effects-all.${i}-of-${n}.json`);
    const shard = /^(\d+)\/(\d+)$/.exec(process.env.CHECK_EVAL_SHARD ?? '');
    if (shard) {
      const [i, n] = [Number(shard[1]), Number(shard[2])];
      const part = entryEffects(all, progress, (x) => x % n === i);
      writeFileSync(shardOf(i, n), JSON.stringify({ key, helps: part.map((e) => e.helps), hurts: part.map((e) => e.hurts) }));
      if (!asJson) process.stderr.write(`\nshard ${i}/${n} of the ablation pass written\n`);
      process.exit(0);
    }
    const n = Number(process.env.CHECK_EVAL_SHARDS ?? 0);
    const parts = n > 0 ? Array.from({ length: n }, (_, i) => { try { const p = JSON.parse(readFileSync(shardOf(i, n), 'utf8')); return p.key === key ? p : null; } catch { return null; } }) : [];
    if (n > 0 && parts.every(Boolean)) {
      allEffects = ruleEntries();
      allEffects.forEach((e, x) => { e.helps = parts[x % n].helps[x]; e.hurts = parts[x % n].hurts[x]; });
    } else if (process.env.CHECK_EVAL_REUSE) {
      // CHECK_EVAL_REUSE=FILE (an earlier check-eval-effects-all.json, over the same letters): an entry listed there whose
      // letters helped lay in two rounds or more, or that helped none, keeps those letters; only the new entries and those
      // that helped letters of one round alone (the ones a split can prune) are measured again. An approximation for a
      // busy machine: it assumes a rule change leaves the other entries' reach as it was (docs/check.md says where used).
      const prev = JSON.parse(readFileSync(process.env.CHECK_EVAL_REUSE, 'utf8'));
      const was = new Map(prev.entries.map((e, n) => [e, { helps: prev.helps[n], hurts: prev.hurts[n] }]));
      const entries = ruleEntries();
      const reuse = (e) => { const p = was.get(`${e.key}: ${e.entry}`); return p && (p.helps.length === 0 || new Set(p.helps.map((h) => roundOf(h.name))).size >= 2) ? p : undefined; };
      const measured = entryEffects(all, progress, (x) => !reuse(entries[x]));
      allEffects = measured.map((e) => { const p = reuse(e); return p ? { ...e, helps: p.helps, hurts: p.hurts } : e; });
      if (!asJson) process.stderr.write(`\nreused ${allEffects.filter(reuse).length} of ${allEffects.length} entries from ${process.env.CHECK_EVAL_REUSE}; measured ${allEffects.filter((e) => !reuse(e)).length}\n`);
    } else allEffects = entryEffects(all, progress);
    if (!asJson) process.stderr.write('\n');
    writeFileSync(cacheFile, JSON.stringify({ key, entries: allEffects.map((e) => `${e.key}: ${e.entry}`), helps: allEffects.map((e) => e.helps), hurts: allEffects.map((e) => e.hurts) }));
  }
  const variants = process.env.CHECK_EVAL_VARIANTS ? JSON.parse(process.env.CHECK_EVAL_VARIANTS) : [
    ['rules, pruned', null],
    ['the model deciding explain', { parts: ['explain'] }],
    ['the model deciding own-it, explain, commitment and remedy', { parts: ['own-it', 'explain', 'commitment', 'remedy'] }],
    ['the same, no rule features', { parts: ['own-it', 'explain', 'commitment', 'remedy'], drop: 'r:' }],
  ];
  const splits = [];
  for (const r of [...new Set(all.map((i) => i.round))].sort()) splits.push({ kind: 'loro', label: r === 3 ? 'rounds 1–3' : `round ${r}`, test: all.filter((i) => i.round === r) });
  const order = [...all].sort((a, b) => sha(a.name).localeCompare(sha(b.name)));
  for (let f = 0; f < 5; f++) splits.push({ kind: 'fold', label: `fold ${f + 1}`, test: order.filter((_, i) => i % 5 === f) });
  const per = Object.fromEntries(variants.map(([v]) => [v, { loro: [], fold: [] }]));
  for (const sp of splits) {
    const train = all.filter((i) => !sp.test.includes(i));
    const names = new Set(train.map((i) => i.name));
    // every CLAUSE_RULES entry that only test letters need is taken out, for the rules and for the features the model learns from
    const pruned = allEffects.filter((e) => e.helps.length > 0 && !e.helps.some((h) => names.has(h.name)));
    withRemoved(pruned.map((e) => e.slot), () => {
      const rows = new Map(all.map((i) => [i.name, readSentences(i.text).rows]));
      for (const [vname, opts] of variants) {
        useCheckModel(opts ? { source: 'fold', parts: trainModel(train.map((i) => ({ ...i, rows: rows.get(i.name) })), opts).parts } : { source: 'rules', parts: {} });
        const test = sp.test.map((i) => ({ ...i, report: checkApology(i.text, { file: i.name }) }));
        per[vname][sp.kind].push({ label: sp.label, f: figures(test) });
      }
    });
  }
  useCheckModel();
  result.modelCv = {};
  for (const [vname] of variants) {
    const pv = per[vname];
    result.modelCv[vname] = { loro: { splits: pv.loro, all: mean(pv.loro.map((x) => x.f)) }, folds: { splits: pv.fold, all: mean(pv.fold.map((x) => x.f)) } };
    if (!asJson) {
      console.log(`\n${vname}: leave-one-round-out (trained on the other rounds, tested on the one named), then 5-fold by SHA-256 of the name (${all.length} letters); CLAUSE_RULES entries only test letters need taken out`);
      console.log(header);
      for (const x of pv.loro) console.log(row(x.label, x.f));
      console.log(row('LORO, all', result.modelCv[vname].loro.all));
      for (const x of pv.fold) console.log(row(x.label, x.f));
      console.log(row('5-fold, all', result.modelCv[vname].folds.all));
    }
  }
}

if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else if (!cvArg && !ablate && !roundsArg && !foldsK && !modelCv) {
  console.log(header);
  console.log(row('development', result.development));
  if (result.heldOut) console.log(row('held-out', result.heldOut));
  console.log(`(grades: development ${JSON.stringify(result.development.grades)}${result.heldOut ? `, held-out ${JSON.stringify(result.heldOut.grades)}` : heldOut.size === 0 ? ', no held-out set listed' : ', held-out not run'}; AUC = good above poor by score)`);
  if (verbose || disagree) {
    const parts = disagree && !verbose ? ['explain', 'commitment'] : PARTS;
    for (const item of dev) {
      const wrong = parts.filter((p) => item.report.parts[p].present !== item.label.parts[p].present);
      if (disagree && !verbose && !wrong.length) continue;
      console.log(`\n${item.name}: score ${item.report.score} (${item.label.grade})${wrong.length ? '' : ' — agrees on every part'}`);
      for (const p of wrong) console.log(`  ${p}: check says ${item.report.parts[p].present ? `present “${item.report.parts[p].evidence}”` : 'absent'}; label ${item.label.parts[p].present ? `present “${item.label.parts[p].evidence}”` : 'absent'}`);
      if (item.report.findings.length) console.log(`  findings: ${item.report.findings.map((f) => f.rule).join(', ')}`);
    }
  }
}

function sha(s) {
  return createHash('sha256').update(s).digest('hex');
}

/** The alternatives of a pattern (of its top level, or else of its first group that has some), each with the pattern without it. */
function alternatives(re) {
  const info = altInfo(re);
  if (!info) return [];
  return info.alts.map((label, n) => ({ label, regex: dropAlternatives(re, new Set([n])) })).filter((a) => a.regex !== re);
}

function runAblation() {
  const renders = lintTemplates(new TemplateLibrary()).reports.map((r) => ({ name: `${r.template}/${r.stage}/${r.severity}/${r.sample}`, text: r.text, subject: r.subject, severity: r.severity }));
  const base = dev.map((i) => PARTS.map((p) => i.report.parts[p].present === i.label.parts[p].present));
  const tplOk = (rep) => rep.score >= 85 && rep.findings.every((f) => f.severity === 'info');
  const tplBase = renders.map((r) => tplOk(checkApology(analyseText(r.text, 1, r.subject), { file: r.name, severity: r.severity })));
  const rows = [];
  const measure = (key, entry) => {
    refreshRuleSets();
    const helps = []; const hurts = [];
    dev.forEach((item, n) => {
      const rep = checkApology(item.text, { file: item.name });
      PARTS.forEach((p, k) => {
        const ok = rep.parts[p].present === item.label.parts[p].present;
        if (ok !== base[n][k]) (base[n][k] ? helps : hurts).push(`${item.name}:${p}`);
      });
    });
    let tpl = 0;
    renders.forEach((r, n) => { if (tplBase[n] && !tplOk(checkApology(analyseText(r.text, 1, r.subject), { file: r.name, severity: r.severity }))) tpl++; });
    rows.push({ key, entry, helps, hurts, tpl });
  };
  for (const key of Object.keys(CLAUSE_RULES)) {
    const value = CLAUSE_RULES[key];
    if (Array.isArray(value)) {
      const saved = [...value];
      value.length = 0; measure(key, '(whole list)'); value.push(...saved);
      for (let n = 0; n < saved.length; n++) {
        const e = saved[n];
        if (e instanceof RegExp) {
          value.splice(n, 1); measure(key, `#${n} (whole pattern)`); value.splice(n, 0, e);
          for (const alt of alternatives(e)) { value[n] = alt.regex; measure(key, `#${n} ${alt.label}`); }
          value[n] = e;
        } else { value.splice(n, 1); measure(key, e); value.splice(n, 0, e); }
      }
    } else if (value instanceof Set) {
      const saved = [...value];
      value.clear(); measure(key, '(whole set)'); for (const e of saved) value.add(e);
      for (const e of saved) { value.delete(e); measure(key, e); value.add(e); }
    } else if (value instanceof RegExp) {
      CLAUSE_RULES[key] = /(?!)/; measure(key, '(whole pattern)');
      for (const alt of alternatives(value)) { CLAUSE_RULES[key] = alt.regex; measure(key, alt.label); }
      CLAUSE_RULES[key] = value;
    } else if (value && typeof value === 'object') {
      for (const k of Object.keys(value)) { const e = value[k]; delete value[k]; measure(key, `${k} (its object pattern)`); value[k] = e; }
    }
  }
  refreshRuleSets();
  result.ablation = rows.map(({ key, entry, helps, hurts, tpl }) => ({ key, entry, helps: helps.length, hurts: hurts.length, templates: tpl, letters: [...helps, ...hurts] }));
  if (asJson) return;
  const entries = rows.filter((r) => !/^\(whole|whole pattern\)$/.test(r.entry));
  const one = entries.filter((r) => r.helps.length === 1);
  const none = entries.filter((r) => r.helps.length === 0 && r.hurts.length === 0 && r.tpl === 0);
  const harmful = entries.filter((r) => r.hurts.length > r.helps.length);
  console.log(`Ablation over ${dev.length} development letters and ${renders.length} template renders: removing one entry of CLAUSE_RULES at a time.`);
  console.log('helps = letters (part) that agree only with the entry; hurts = that agree only without it; tpl = renders that fall under 85 or gain a finding without it.\n');
  console.log('Whole lists and patterns:');
  for (const r of rows.filter((x) => /^\(whole|whole pattern\)$/.test(x.entry))) console.log(`  ${`${r.key} ${r.entry}`.padEnd(48)} helps ${String(r.helps.length).padStart(2)}  hurts ${String(r.hurts.length).padStart(2)}  tpl ${r.tpl}`);
  const show = (r) => `  ${r.key.padEnd(18)} ${JSON.stringify(r.entry).slice(0, 44).padEnd(46)} helps ${r.helps.length} hurts ${r.hurts.length} tpl ${r.tpl}  ${[...r.helps, ...r.hurts.map((h) => `-${h}`)].slice(0, 4).join(' ')}`;
  console.log(`\nEntries that fix exactly one development letter (${one.length}; likely fitted to it unless tpl > 0):`);
  for (const r of one) console.log(show(r));
  console.log(`\nEntries whose removal helps more letters than it hurts (${harmful.length}):`);
  for (const r of harmful) console.log(show(r));
  console.log(`\nEntries that change nothing on the development letters or the templates: ${none.length} of ${entries.length}`);
  const byKey = {};
  for (const r of none) (byKey[r.key] ??= []).push(r.entry);
  for (const [k, es] of Object.entries(byKey)) console.log(`  ${k}: ${es.length}`);
  const multi = entries.filter((r) => r.helps.length >= 2);
  console.log(`\nEntries that fix two letters or more (${multi.length}):`);
  for (const r of multi.sort((a, b) => b.helps.length - a.helps.length)) console.log(show(r));
}

/** Where a pattern's alternatives are: of its top level, or else of its first group that has some. */
function altInfo(re) {
  const src = re.source;
  const groups = [];
  const stack = [];
  const splits = new Map();
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    if (c === '(') { stack.push(i); continue; }
    if (c === ')') { const s = stack.pop(); groups.push([s, i]); continue; }
    if (c === '|') { const g = stack.length ? stack[stack.length - 1] : -1; if (!splits.has(g)) splits.set(g, []); splits.get(g).push(i); }
  }
  const pick = splits.has(-1) ? [-1, src.length] : groups.filter(([s]) => splits.has(s)).sort((a, b) => a[0] - b[0])[0];
  if (!pick) return null;
  const [gs, ge] = pick;
  const inner = gs === -1 ? 0 : src[gs + 1] === '?' ? (src[gs + 2] === '<' && src[gs + 3] !== '=' && src[gs + 3] !== '!' ? src.indexOf('>', gs) + 1 : gs + 3) : gs + 1;
  const bars = splits.get(gs);
  const cuts = [inner, ...bars.map((b) => b + 1)];
  const ends = [...bars, ge];
  return { src, inner, ge, alts: cuts.map((c, n) => src.slice(c, ends[n])) };
}

/** The pattern without the alternatives numbered in `drop` (all of them: a pattern that never matches there). */
function dropAlternatives(re, drop) {
  const info = altInfo(re);
  const kept = info.alts.filter((_, n) => !drop.has(n));
  const body = kept.length ? kept.join('|') : '(?!)';
  try { return new RegExp(info.src.slice(0, info.inner) + body + info.src.slice(info.ge), re.flags); } catch { return re; }
}

/**
 * Every entry of CLAUSE_RULES (a list or set item, an alternative of a pattern, a key of an object
 * of patterns), each with a slot that `withRemoved` can take out together with others.
 */
function ruleEntries() {
  const out = [];
  for (const key of Object.keys(CLAUSE_RULES)) {
    const value = CLAUSE_RULES[key];
    const pattern = (re, slot, label) => {
      const info = altInfo(re);
      if (info && info.alts.length > 1) info.alts.forEach((a, ai) => out.push({ key, entry: `${label}${a}`, slot: { ...slot, ai } }));
      else out.push({ key, entry: `${label}(whole pattern)`, slot });
    };
    if (Array.isArray(value)) value.forEach((e, n) => (e instanceof RegExp ? pattern(e, { kind: 'array', key, n }, `#${n} `) : out.push({ key, entry: e, slot: { kind: 'array', key, n } })));
    else if (value instanceof Set) for (const e of value) out.push({ key, entry: e, slot: { kind: 'set', key, e } });
    else if (value instanceof RegExp) pattern(value, { kind: 'regex', key }, '');
    else if (value && typeof value === 'object') for (const k of Object.keys(value)) out.push({ key, entry: `${k} (its object pattern)`, slot: { kind: 'object', key, k } });
  }
  return out;
}

/** Runs fn with the entries' slots taken out of CLAUSE_RULES, then puts everything back. */
function withRemoved(slots, fn) {
  const saved = new Map();
  const save = (key) => { if (!saved.has(key)) { const v = CLAUSE_RULES[key]; saved.set(key, Array.isArray(v) ? [...v] : v instanceof Set ? new Set(v) : v instanceof RegExp ? v : { ...v }); } };
  const byKey = new Map();
  for (const s of slots) { save(s.key); if (!byKey.has(s.key)) byKey.set(s.key, []); byKey.get(s.key).push(s); }
  for (const [key, ss] of byKey) {
    const orig = saved.get(key);
    const value = CLAUSE_RULES[key];
    if (Array.isArray(value)) {
      const whole = new Set(ss.filter((s) => s.ai === undefined).map((s) => s.n));
      const alts = new Map();
      for (const s of ss) if (s.ai !== undefined) { if (!alts.has(s.n)) alts.set(s.n, new Set()); alts.get(s.n).add(s.ai); }
      const next = [];
      orig.forEach((e, n) => { if (whole.has(n)) return; next.push(alts.has(n) ? dropAlternatives(e, alts.get(n)) : e); });
      value.length = 0; value.push(...next);
    } else if (value instanceof Set) for (const s of ss) value.delete(s.e);
    else if (value instanceof RegExp) {
      const alts = new Set(ss.filter((s) => s.ai !== undefined).map((s) => s.ai));
      CLAUSE_RULES[key] = ss.some((s) => s.ai === undefined) ? /(?!)/ : dropAlternatives(orig, alts);
    } else for (const s of ss) delete value[s.k];
  }
  refreshRuleSets();
  try { return fn(); } finally {
    for (const [key, orig] of saved) {
      const value = CLAUSE_RULES[key];
      if (Array.isArray(value)) { value.length = 0; value.push(...orig); }
      else if (value instanceof Set) { value.clear(); for (const e of orig) value.add(e); }
      else if (orig instanceof RegExp) CLAUSE_RULES[key] = orig;
      else { for (const k of Object.keys(value)) delete value[k]; Object.assign(value, orig); }
    }
    refreshRuleSets();
  }
}

/**
 * For each entry: the letters (name:part) that agree only with it, and only without it. (The built-in
 * template renders are left out, to keep the pass to minutes: an entry that only they need is pruned too,
 * which can only lower the pruned figures.)
 */
function entryEffects(letters, onProgress, only) {
  const entries = ruleEntries();
  cacheClauses(true);
  entries.forEach((en, x) => {
    if (only && !only(x)) { en.helps = []; en.hurts = []; return; }
    if (onProgress && x % 50 === 0) onProgress(x, entries.length);
    withRemoved([en.slot], () => {
      en.helps = []; en.hurts = [];
      for (const item of letters) {
        const rep = checkApology(item.text, { file: item.name });
        for (const p of PARTS) {
          const ok = rep.parts[p].present === item.label.parts[p].present;
          const was = item.report.parts[p].present === item.label.parts[p].present;
          if (ok !== was) (was ? en.helps : en.hurts).push({ name: item.name, part: p });
        }
      }
    });
  });
  cacheClauses(false);
  return entries;
}

/** The figures of a set of letters scored afresh with the entries no training letter needs taken out. */
function prunedFigures(entries, train, test) {
  const names = new Set(train.map((i) => i.name));
  // an entry is taken out when the letters it makes agree are all test letters: no training letter needed it
  const pruned = entries.filter((e) => e.helps.length > 0 && !e.helps.some((h) => names.has(h.name)));
  const reports = withRemoved(pruned.map((e) => e.slot), () => new Map([...train, ...test].map((i) => [i.name, checkApology(i.text, { file: i.name })])));
  const swap = (set) => set.map((i) => ({ ...i, report: reports.get(i.name) }));
  return { pruned: pruned.length, onlyTest: pruned.map((e) => `${e.key} ${JSON.stringify(e.entry).slice(0, 40)}`), test: figures(swap(test)), train: figures(swap(train)) };
}

/** The round of each letter: bench/check-rounds.json ("3" is rounds 1–3; a letter it does not list is never read). */
function roundsOf() {
  const listed = listedRounds;
  const round = new Map();
  for (const [n, names] of Object.entries(listed)) if (/^\d+$/.test(n)) for (const name of names) round.set(name, Number(n));
  return (name) => round.get(name) ?? 3;
}

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
//   -- --json          the figures as JSON
//
// The held-out set is listed in bench/check-held-out.json: the sixth round's 33 letters, collected
// and labelled by someone who never ran check, committed before check was run on them (docs/check.md).
// Never tune on it; the earlier held-out sets were seen and are development now. --cv and --ablate never read it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CORPUS = here('../tests/fixtures/corpus');
const PARTS = ['own-it', 'explain', 'commitment', 'remedy', 'humour', 'sign-off'];
const arg = (name) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const verbose = Boolean(arg('verbose'));
const asJson = Boolean(arg('json'));
const disagree = Boolean(arg('disagree'));
const cvArg = arg('cv');
const ablate = Boolean(arg('ablate'));
const devOnly = Boolean(arg('dev-only')) || Boolean(cvArg) || ablate;

mkdirSync(here('./data'), { recursive: true });
const lib = here('./data/check-eval-lib.mjs');
await build({
  stdin: {
    contents: [
      "export { checkApology, refreshRuleSets } from './src/check/score.ts';",
      "export { loadForCheck, analyseText } from './src/check/text.ts';",
      "export { CLAUSE_RULES } from './src/check/rules.ts';",
      "export { lintTemplates } from './src/check/lint-templates.ts';",
      "export { TemplateLibrary } from './src/templates/library.ts';",
    ].join('\n'),
    resolveDir: here('..'), loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: lib, logLevel: 'warning', external: ['mailparser', 'handlebars', 'zod', 'chardet', 'iconv-lite'],
});
const { checkApology, refreshRuleSets, loadForCheck, analyseText, CLAUSE_RULES, lintTemplates, TemplateLibrary } = await import(`${pathToFileURL(lib).href}?t=${Date.now()}`);

const items = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).map((f) => {
  const name = f.slice(0, -5);
  return { name, label: JSON.parse(readFileSync(`${CORPUS}/${f}`, 'utf8')), raw: readFileSync(`${CORPUS}/${name}.txt`) };
});

/** The held-out letters, listed by name (the rule that chose them is in the file and docs/check.md). */
const heldOut = new Set(JSON.parse(readFileSync(here('./check-held-out.json'), 'utf8')).letters);
for (const name of heldOut) if (!items.some((i) => i.name === name)) throw new Error(`check-held-out.json names ${name}, which is not in the corpus`);

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

if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else if (!cvArg && !ablate) {
  console.log(header);
  console.log(row('development', result.development));
  if (result.heldOut) console.log(row('held-out', result.heldOut));
  console.log(`(grades: development ${JSON.stringify(result.development.grades)}${result.heldOut ? `, held-out ${JSON.stringify(result.heldOut.grades)}` : held.length === 0 ? ', no held-out set listed' : ', held-out not run'}; AUC = good above poor by score)`);
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

/** The alternatives of a pattern: of its top level, or else of its first group that has some. */
function alternatives(re) {
  const src = re.source;
  const groups = []; // [start, end] of each top-level-ish group, in order of opening
  const stack = [];
  const splits = new Map(); // group start (-1 for the top level) → indexes of its '|'
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
  if (!pick) return [];
  const [gs, ge] = pick;
  const inner = gs === -1 ? 0 : src.indexOf(':', gs) === gs + 2 && src[gs + 1] === '?' ? gs + 3 : gs + 1;
  const bars = splits.get(gs);
  const cuts = [inner, ...bars.map((b) => b + 1)];
  const ends = [...bars, ge];
  return cuts.map((c, n) => {
    const alt = src.slice(c, ends[n]);
    const without = n === 0 ? src.slice(0, c) + src.slice(ends[n] + 1) : src.slice(0, bars[n - 1]) + src.slice(ends[n]);
    let copy;
    try { copy = new RegExp(without, re.flags); } catch { return null; }
    return { label: alt, regex: copy };
  }).filter(Boolean);
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

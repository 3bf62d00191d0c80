// i18n16: sentences that recur in more than a share of the letters of one language (default 40%), counted over
// the golden letters (apology and follow-up are separate letters). Usage: node scripts/stock-lines.mjs [share] [dirs…]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const share = Number(process.argv[2] ?? 0.4);
const dirs = process.argv.slice(3).length ? process.argv.slice(3) : ['letters-de', 'letters-fr', 'letters-es', 'letters-i18n13', 'letters-i18n14', 'letters-i18n15', 'letters-i18n16'].map((d) => join('tests/golden', d));
const letters = {};
for (const d of dirs) for (const f of readdirSync(d)) {
  if (!f.endsWith('.txt')) continue;
  const lang = /^(de|fr|es)-/.exec(f)?.[1] ?? /letters-(de|fr|es)$/.exec(d)?.[1];
  if (!lang) continue;
  readFileSync(join(d, f), 'utf8').split(/^-{5} .*$/m).forEach((part, k) => {
    const body = part.split('\n').filter((l) => !/^Subject:|^(?:Sehr|Guten|Hallo|Liebe|Madame|Monsieur|Bonjour|Chère|Cher|Estimad|Hola|Querid)/.test(l)).join(' ');
    const sentences = new Set(body.split(/(?<=[.!?])\s+/u).map((s) => s.trim()).filter((s) => s.length > 12));
    (letters[`${lang} ${k === 0 ? 'apology' : 'follow-up'}`] ??= []).push(sentences);
  });
}
for (const [lang, ls] of Object.entries(letters)) {
  const count = new Map();
  for (const l of ls) for (const s of l) count.set(s, (count.get(s) ?? 0) + 1);
  const common = [...count].filter(([, n]) => n / ls.length > share).sort((a, b) => b[1] - a[1]);
  console.log(`${lang}: ${ls.length} letters; ${common.length} sentences in more than ${Math.round(share * 100)}%`);
  for (const [s, n] of common) console.log(`  ${n}/${ls.length}  ${s}`);
  const top = [...count].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log('  most frequent:'); for (const [s, n] of top) console.log(`    ${n}/${ls.length}  ${s}`);
}

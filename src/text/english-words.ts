/**
 * spell16: the English words a letter's spelling is checked against, the US and the British dictionaries
 * together (so "colour" and "color", "organise" and "organize" are both words: the writer's spelling is kept).
 *
 * The words come from Hunspell's en_US and en_GB dictionaries (the `dictionary-en` and `dictionary-en-gb`
 * packages), expanded with their affix rules by `nspell`. Expanding them takes nspell half a second and ~60 MB
 * each run, so the build does it once (scripts/build.mjs writes `englishWordList()` to dist/english-words.txt,
 * one word a line, sorted) and a run reads that file the first time a field needs a word checked: one read of
 * ~1 MB, no parsing, each look-up a binary search over the text. Run from the sources (tests), there is no such
 * file and the list is made here, once per process, with nspell.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let list: string | undefined;

/** The sorted list, one word a line (the built file, or made from the dictionaries): once per process. */
function words(): string {
  if (list !== undefined) return list;
  try {
    list = readFileSync(new URL('./english-words.txt', import.meta.url), 'latin1');
  } catch {
    try {
      list = englishWordList();
    } catch {
      // No built list and no dictionaries (a copy of the package without its data): nothing is checked.
      list = '';
    }
  }
  return list;
}

/** Whether there are words to check against (false only in a package that lost its data file). */
export function hasEnglishWords(): boolean {
  return words() !== '';
}

/**
 * Every word of letters only (a–z, A–Z) in the US and British dictionaries with their affixes applied, sorted,
 * one a line. What the build writes to dist/english-words.txt.
 */
export function englishWordList(): string {
  const require = createRequire(import.meta.url);
  // nspell and the dictionaries are read here only: the built CLI reads the list the build made.
  const nspell = require('nspell') as (d: { aff: Buffer; dic: Buffer }) => { data: Record<string, unknown> };
  const all = new Set<string>();
  for (const pkg of ['dictionary-en', 'dictionary-en-gb']) {
    const dir = dirname(require.resolve(pkg));
    const spell = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
    for (const w of Object.keys(spell.data)) if (/^[A-Za-z]+$/u.test(w)) all.add(w);
  }
  return [...all].sort().join('\n');
}

/** Whether `word` is in the list exactly as given (case matters: "hermes" is not "Hermes"). */
export function isEnglishWord(word: string): boolean {
  const text = words();
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const w = text.slice(start, end);
    if (w === word) return true;
    if (w < word) lo = end + 1;
    else hi = start;
  }
  return false;
}

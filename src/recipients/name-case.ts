/**
 * Names typed in capitals or in lower case, written the usual way:
 * `JAMES O'NEILL` → James O'Neill, `zoë` → Zoë, `mary-jane` → Mary-Jane,
 * `MCDONALD` → McDonald. A word typed in mixed case (`DeShawn`, `McKenzie`) is
 * kept exactly as typed; so are scripts without capitals (王小明, محمد).
 */
import { PARTICLES } from './name-words.js';

/** Mac-names that are not Mac + a capitalised name ("Machado", not "MacHado"). */
const MAC_EXCEPTIONS = new Set([
  'macias', 'macedo', 'maciel', 'macey', 'macon', 'macri', 'macchi', 'maceo', 'macario', 'macaluso', 'mackey',
  'mackie', 'mackle', 'macklin', 'maclin', 'macomber', 'macek', 'macha', 'machin', 'macauley', 'macaulay',
]);

/** Letter case of each UTF-16 unit below U+0300: 1 \p{Lu}, 2 \p{Ll}, 0 neither (a table: no regular expression per unit). */
export const UNIT_CASE = new Uint8Array(0x300);
for (let c = 0; c < UNIT_CASE.length; c++) UNIT_CASE[c] = /\p{Lu}/u.test(String.fromCharCode(c)) ? 1 : /\p{Ll}/u.test(String.fromCharCode(c)) ? 2 : 0;

/** A word with letters that are all upper case or all lower case (a word in a caseless script is neither). */
export function isSingleCase(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (lower === upper) return false;
  return word === lower || word === upper;
}

/** Turkish and Azeri capitals (İ/ı) are cased by their own rules, for every word of the name. */
export const isTurkic = (text: string): boolean => /[İı]/u.test(text);

function upperFirst(s: string, turkic = false): string {
  if (s === '') return s;
  const cp = s.codePointAt(0)!;
  const first = String.fromCodePoint(cp);
  const up = turkic ? first.toLocaleUpperCase('tr') : first.toUpperCase();
  // "ß" and the like have no single capital: leave them.
  return (up.length === first.length ? up : first) + s.slice(first.length);
}

/** One hyphen-free piece: "o'neill" → "O'Neill", "mcdonald" → "McDonald", "sa'id" → "Sa'id". */
function casePiece(piece: string, position: 'given' | 'family', turkic: boolean): string {
  if (piece === '') return piece;
  const apos = /^(\p{L})(['’])(\p{L}{2,})$/u.exec(piece);
  if (apos) return `${apos[1]!.toUpperCase()}${apos[2]}${upperFirst(apos[3]!)}`;
  if (piece.startsWith('ij')) return `IJ${piece.slice(2)}`;
  if (piece.length > 3 && piece.startsWith('mc')) return `Mc${upperFirst(piece.slice(2))}`;
  if (position === 'family' && piece.length >= 6 && piece.startsWith('mac') && piece[3] !== 'h' && !MAC_EXCEPTIONS.has(piece)) {
    return `Mac${upperFirst(piece.slice(3))}`;
  }
  return upperFirst(piece, turkic);
}

/**
 * One word of a name in its usual capitals. `position` says whether it is the
 * first word (a given name: "Mackenzie" stays Mackenzie) or a later one.
 */
export function caseWord(word: string, position: 'given' | 'family' = 'family', turkic = isTurkic(word)): string {
  if (!isSingleCase(word)) return word;
  const lower = turkic ? word.toLocaleLowerCase('tr') : word.toLowerCase();
  if (position === 'family' && PARTICLES.has(lower)) return lower;
  return lower.split('-').map((p) => casePiece(p, position, turkic)).join('-');
}

/**
 * Words of a name in their usual capitals. A name typed all in capitals or all
 * in lower case is re-cased word by word; in a name typed in mixed case only
 * words of three or more capitals are ("Jean DUPONT" → Jean Dupont), so
 * "van Gogh", "DeShawn" and "AJ Smith" stay as typed.
 */
export function caseWords(words: readonly string[], firstIsGiven = true): string[] {
  const joined = words.join('');
  const single = isSingleCase(joined);
  const turkic = isTurkic(joined);
  return words.map((w, i) => {
    // An initial is a capital whatever the rest of the name ("t. van der Berg" → "T. van der Berg").
    if (/^\p{Ll}\.$/u.test(w)) return w.toUpperCase();
    if (!single && !(w.length >= 3 && isSingleCase(w) && w === w.toUpperCase())) return w;
    return caseWord(w, i === 0 && firstIsGiven ? 'given' : 'family', turkic);
  });
}

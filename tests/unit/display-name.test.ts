import { describe, expect, it } from 'vitest';
import { displayName } from '../../src/compose/compose.js';
import { caseWords } from '../../src/recipients/name-case.js';

/** The To header's display name by its rule, read with the expressions alone (what displayName must give). */
function byRule(name: string): string {
  if (!/^[\p{L}\p{M}'’. -]+$/u.test(name) || (/\p{Lu}/u.test(name) && /\p{Ll}/u.test(name))) return name;
  return caseWords(name.split(' ')).join(' ');
}

describe('displayName (the To line\'s name re-cased only when typed in one case)', () => {
  it('is the rule for names with letters of every kind in every place (Latin-1, Latin Extended, Greek, CJK, marks, digits)', () => {
    const UNITS = ['a', 'Z', 'ł', 'Ł', 'é', 'É', 'ß', 'ẞ', 'ø', 'Ø', 'ı', 'İ', 'ǅ', 'ª', '×', 'σ', 'Σ', '王', '\u0308', ' ', "'", '-', '.', '1', '&', 'ÿ', 'Ÿ', 'µ'];
    let seed = 11;
    const pick = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return UNITS[seed % UNITS.length]!;
    };
    const names = ['Łukasz Rossi', 'ŁUKASZ ROSSI', 'łukasz rossi', 'ÉMILE ZOLA', 'émile zola', 'Émile Zola', 'ØRSTED', 'ß', 'ÆRØ ÅSA', 'ªb', 'Zoë Müller', 'ZOË MÜLLER'];
    for (let i = 0; i < 20000; i++) names.push(Array.from({ length: 1 + (i % 9) }, pick).join(''));
    for (const name of names) expect([name, displayName(name)]).toEqual([name, byRule(name)]);
  });
});

/**
 * Which language a text is in, guessed from how many of each language's most
 * common short words it uses: enough to tell an English apology from a German,
 * French or Spanish one, which `check` (English rules only) then does not score.
 * Linear in the text (it reads at most the first 50,000 characters).
 */

export type GuessedLanguage = 'en' | 'de' | 'fr' | 'es';

/** Frequent words of each language that the others do not share ("la", "es", "no", "un", "de" are left out). */
const STOPWORDS: Readonly<Record<GuessedLanguage, ReadonlySet<string>>> = {
  en: new Set(['the', 'and', 'we', 'you', 'your', 'our', 'to', 'of', 'is', 'was', 'it', 'that', 'for', 'with', 'this', 'have', 'will', 'not', 'be', 'are', 'i', 'my', 'us', 'on', 'at', 'sorry', 'if']),
  de: new Set(['der', 'die', 'das', 'und', 'wir', 'sie', 'ihr', 'ihre', 'ihnen', 'nicht', 'ist', 'war', 'mit', 'für', 'uns', 'ich', 'ein', 'eine', 'auf', 'dass', 'zu', 'den', 'dem', 'bei', 'noch', 'haben', 'wird', 'sich', 'auch', 'mir']),
  fr: new Set(['le', 'les', 'et', 'nous', 'vous', 'votre', 'vos', 'est', 'pas', 'une', 'des', 'que', 'pour', 'avec', 'dans', 'qui', 'je', 'ce', 'cette', 'sur', 'été', 'avons', 'du', 'au', 'excuses']),
  es: new Set(['el', 'los', 'las', 'y', 'que', 'su', 'sus', 'usted', 'nos', 'nuestro', 'nuestra', 'una', 'por', 'para', 'con', 'del', 'lo', 'le', 'ha', 'hemos', 'se', 'pedido', 'disculpas', 'está']),
};

export const LANGUAGE_NAMES: Readonly<Record<GuessedLanguage, string>> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish' };

const WORD = /[\p{L}]+/gu;

/**
 * The text's language: the one whose common words it uses most, when that is
 * clear (at least 5 of them, and 1.5 times the runner-up); English otherwise,
 * so a short or mixed English text is still judged.
 */
export function guessLanguage(text: string): GuessedLanguage {
  const counts: Record<GuessedLanguage, number> = { en: 0, de: 0, fr: 0, es: 0 };
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  for (const m of sample.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    for (const lang of ['en', 'de', 'fr', 'es'] as const) if (STOPWORDS[lang].has(w)) counts[lang]++;
  }
  const ranked = (Object.entries(counts) as [GuessedLanguage, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best![0] === 'en' || best![1] < 5 || best![1] < 1.5 * second![1]) return 'en';
  return best![0];
}

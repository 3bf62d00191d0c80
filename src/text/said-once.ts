/**
 * i18n15: a date the manager typed in two fields ("rücküberweisung bis 6.12." as the offer and "keine
 * rücklastschrift, wir überweisen bis 6.12. zurück" as the action) is said once: the action's sentence
 * that only repeats the offer's (or the outcome's) date is left out, as long as the action keeps a sentence.
 */
const MONTHS = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const DATE = new RegExp(`(\\d{1,2})(?:\\.|er)?\\s+(?:de\\s+)?(${MONTHS})(?![\\p{L}])`, 'giu');

/** The dates a text names, as "day month" keys. */
function datesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(DATE)) out.add(`${Number(m[1])} ${m[2]!.toLowerCase()}`);
  return out;
}

/** Words that make a sentence an instruction of its own (it stays even with a date said elsewhere). */
const ASKS = /(?:^|\s)(?:bitte|Sie|vous|veuillez|usted|por favor|no\s+\p{L}+e\b|ne\s+\p{L}+ez\b)(?![\p{L}])|^(?:Bitte|Rufen|Schicken|Senden|Geben|Appelez|Envoyez|Ne|Llame|Envíe|No)(?![\p{L}])/u;

export function saidOnce(text: string | undefined, elsewhere: ReadonlyArray<string | undefined>): string | undefined {
  if (text === undefined) return text;
  const known = new Set<string>();
  for (const e of elsewhere) if (e) for (const d of datesIn(e)) known.add(d);
  if (known.size === 0) return text;
  const sentences = text.split(/(?<=[^\d\s][.!?])\s+(?=\p{Lu}|¿|¡)/u);
  if (sentences.length < 2) return text;
  const kept = sentences.filter((s) => {
    const dates = datesIn(s);
    return dates.size === 0 || ![...dates].every((d) => known.has(d)) || ASKS.test(s);
  });
  if (kept.length === 0 || kept.length === sentences.length) return text;
  const out = kept.join(' ');
  return /[.!?]$/u.test(out) || !/[.!?]$/u.test(text) ? out : `${out}.`;
}

/**
 * What the German, French and Spanish note readers (text/notes-de|fr|es.ts) share: a sentence cut at
 * its top-level commas, and a figure opening a sentence said as a word.
 */

/**
 * The pieces of a typed sentence between its commas, never inside brackets or quotes (`open`/`close`
 * are the language's marks); `keep(sentence, at)` keeps a comma that is not a break ("Dienstag, 24.").
 */
export function commaPieces(sentence: string, open: string, close: string, keep?: (sentence: string, at: number) => boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (open.includes(c)) depth++;
    else if (close.includes(c) && depth > 0) depth--;
    else if (c === ',' && depth === 0 && sentence[i + 1] === ' ' && !(keep && keep(sentence, i))) {
      out.push(sentence.slice(start, i));
      start = i + 2;
    }
  }
  out.push(sentence.slice(start));
  return out;
}

/** A sentence does not open with a figure: "2 tailles ont été…" → "Deux tailles ont été…"; `words` name two to twelve. */
export function figuresAsWords(text: string, words: readonly string[]): string {
  return text.replace(/(^|[.!?]\s+)([2-9]|1[0-2])(?=\s\p{L})/gu, (_m, before: string, n: string) => {
    const w = words[Number(n) - 2]!;
    return `${before}${w[0]!.toUpperCase()}${w.slice(1)}`;
  });
}

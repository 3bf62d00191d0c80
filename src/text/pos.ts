/**
 * A part-of-speech reading of a manager's note, for the pieces text/notes.ts's rules cannot read
 * (no verb they know): which words are nouns, which a past tense or participle, a gerund, a date.
 *
 * The reader is compromise's tagger (`compromise/two`: a lexicon and contextual rules, no
 * model files). It is loaded from the package the first time a note needs it (about 0.15 s, most
 * of it the lexicon unpacked), never for a note in sentences, never for another language, and
 * never per CSV row: an incident's fields are read once per letter language.
 */
import { createRequire } from 'node:module';

type Nlp = ((text: string) => { json: (o: object) => { terms: { text: string; tags: string[]; offset: { start: number; length: number } }[] }[] }) & { world: () => unknown };

let library: Nlp | undefined;
function nlp(): Nlp {
  library ??= createRequire(import.meta.url)('compromise/two') as Nlp;
  return library;
}

/** Whether the tagger has been loaded in this process (for the tests of its laziness). */
export const posLoaded = (): boolean => library !== undefined;

/**
 * The tags of each whitespace-separated word of `words` (joined by single spaces), as the tagger
 * reads them in `prefix + text` ("the " before a note's bare noun keeps it from being read as an
 * imperative: "engineer off sick"). A word split by the tagger ("06:00-20:00") has the union of
 * its pieces' tags.
 */
export function tagWords(words: readonly string[], prefix = ''): Set<string>[] {
  const text = prefix + words.join(' ');
  // An incident's fields are read more than once (the letter, the writer's warnings, the review step).
  // (keyed by the words and the prefix apart: "the " + "fee waived" and "the fee waived" are other words)
  const key = `${prefix}\u0000${text}`;
  const known = seen.get(key);
  if (known) return known;
  const out = read(words, prefix, text);
  if (seen.size > 500) seen.clear();
  seen.set(key, out);
  return out;
}
const seen = new Map<string, Set<string>[]>();

function read(words: readonly string[], prefix: string, text: string): Set<string>[] {
  const starts: number[] = [];
  let at = prefix.length;
  for (const w of words) {
    starts.push(at);
    at += w.length + 1;
  }
  const out = words.map(() => new Set<string>());
  for (const sentence of nlp()(text).json({ offset: true, terms: { offset: true } })) {
    for (const term of sentence.terms) {
      const s = term.offset.start;
      if (s < prefix.length) continue;
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > s) k--;
      for (const tag of term.tags) out[k]!.add(tag);
    }
  }
  return out;
}

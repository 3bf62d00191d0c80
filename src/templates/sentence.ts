/**
 * Sentences built from the words people type into fields, that read right
 * whatever they typed: "We fixed it.", "human error. our night shift…",
 * "(by two days)", "capacity", a company called "The Little Oven Bakery".
 * Pure functions on strings; the template helpers call them.
 */

/** Words that start a clause and are lower case inside our sentence ("because we…", "because the…"). */
const STARTERS = new Set([
  'we', 'our', 'the', 'a', 'an', 'your', 'you', 'it', 'its', 'this', 'that', 'these', 'those',
  'there', 'some', 'one', 'two', 'three', 'several', 'many', 'most', 'all', 'no', 'none', 'my',
  'when', 'while', 'after', 'before', 'during', 'because', 'since', 'due', 'about', 'almost',
  'nearly', 'over', 'around', 'roughly', 'every', 'each', 'in', 'on', 'at', 'from',
  'by', 'for', 'with', 'as', 'instead', 'starting', 'going', 'refund', 'refunding', 'unfortunately',
]);

/**
 * Words that start a clause and are lower case inside our sentence, in the other built-in
 * languages. German has none: its nouns are capitalised, and a manager's "Die Lieferung…"
 * after our colon is left as typed rather than risk lowering a noun.
 */
const STARTERS_BY_LANG: Readonly<Record<string, ReadonlySet<string>>> = {
  en: STARTERS,
  de: new Set(),
  fr: new Set([
    'le', 'la', 'les', "l'", 'l’', 'un', 'une', 'des', 'du', 'de', 'nous', 'notre', 'nos', 'votre', 'vos', 'ce', 'cet', 'cette',
    'ces', 'il', 'elle', 'ils', 'elles', 'on', 'en', 'à', 'au', 'aux', 'pour', 'par', 'avec', 'sans', 'dans', 'suite', 'lors',
    'après', 'avant', 'depuis', 'pendant', 'environ', 'près', 'plus', 'tout', 'tous', 'toute', 'toutes', 'chaque', 'aucun', 'aucune',
    'remboursement', 'une', 'deux', 'trois', 'quelques', 'plusieurs',
  ]),
  es: new Set([
    'el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'nuestro', 'nuestra', 'nuestros', 'nuestras', 'su', 'sus', 'hemos',
    'se', 'le', 'les', 'lo', 'en', 'por', 'para', 'con', 'sin', 'durante', 'tras', 'desde', 'al', 'del', 'este', 'esta', 'estos',
    'estas', 'ese', 'esa', 'no', 'cada', 'todo', 'toda', 'todos', 'todas', 'dos', 'tres', 'varios', 'varias', 'casi', 'unos',
    'reembolso', 'devolución', 'hubo', 'ha', 'fue',
  ]),
};

/** Words a full stop follows without ending the sentence ("e.g. the", "approx. two", "z. B.", "env.", "aprox."). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'approx', 'ca', 'cf', 'incl', 'excl', 'mr', 'mrs', 'ms', 'mx', 'dr',
  'prof', 'st', 'a.m', 'p.m', 'fig', 'vol', 'ref', 'tel', 'dept',
  // German, French, Spanish
  'z.b', 'z', 'bzw', 'usw', 'ggf', 'evtl', 'inkl', 'nr', 'd.h', 'u.a', 'vgl', 'str', 'hr', 'fr',
  'env', 'p.ex', 'ex', 'mme', 'mlle', 'm', 'av', 'réf', 'n°',
  'p.ej', 'aprox', 'sr', 'sra', 'srta', 'ud', 'uds', 'núm', 'pág', 'avda', 'dña', 'dª', 'd', 'dra',
  // months and weekdays as managers shorten them ("25 nov. a las 17:00", "Di. 24.11.", "mardi 25 nov. à 18h")
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'jän', 'mär', 'okt', 'dez', 'mo', 'di', 'mi', 'sa', // (not "do." and "so.": English words that end sentences)
  'janv', 'févr', 'fév', 'avr', 'juil', 'déc', 'lun', 'mar', 'mer', 'jeu', 'ven', 'dim',
  'ene', 'abr', 'dic', 'mié', 'jue', 'vie', 'sáb', 'dom',
]);

/** A number a full stop follows without ending the sentence: a German date or ordinal ("am 25.11. doppelt", "am 3. dezember"). */
const DATE_OR_ORDINAL = /^\d{1,2}(?:\.\d{1,2}(?:\.\d{2,4})?)?$/u;

/** Repeated words that are grammar ("we had had", "nous nous excusons", "die Kunden, die die Mail…"). */
const REPEATS_ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['had', 'that']),
  de: new Set(['die', 'der', 'das', 'den', 'dem', 'des', 'sie', 'wir', 'es']),
  fr: new Set(['nous', 'vous', 'que', 'le', 'la']),
  es: new Set(['que', 'lo', 'la', 'los', 'las']),
};

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

const OPENERS = '"\'“‘„‚«([{¿¡*_';
const CLOSERS = /[)\]}"'”’“‘»*_]+$/u;
/** "i" as the writer: "i'm", "i've", "i forgot", "i was" (not "i.e.", not Catalan "Puig i Fills"). */
const LONE_I = /(?<![\p{L}\p{M}'’.-])i(?=['’](?:m|d|ll|ve)\b| (?:am|was|have|had|will|would|can|could|did|do|think|thought|forgot|missed|made|should|know|knew|want|wanted|apologise|apologize|promise|hope|need|wrote|sent|checked)\b)/gu;
const EMOTICON = /(?:^|\s)[:;]-?[()DPp](?=\s|$)/gu;
const STOP_RUN = /([.!?…])(?:\s*[.!?…])+/gu;
const DOUBLED = /(?<![\p{L}\p{M}'’-])([\p{L}\p{M}]+(?:['’][\p{L}]+)?)((?:\s+\1)+)(?![\p{L}\p{M}'’-])/giu;

/** "the the" → "the" (any case, any number of times); "had had" and "that that" are kept. */
export function dedupe(v: unknown, lang = 'en'): string {
  const allowed = REPEATS_ALLOWED[lang] ?? REPEATS_ALLOWED.en!;
  return str(v).replace(DOUBLED, (all, word: string) => (allowed.has(word.toLowerCase()) ? all : word));
}

/**
 * Whitespace collapsed and trimmed, no space before punctuation or inside
 * brackets, "..." as "…", one mark where several were typed ("done. ." →
 * "done.", "really?!" → "really?"), a lone "i" as "I", doubled words once.
 */
export function tidy(v: unknown, lang = 'en'): string {
  // (no-break spaces are kept in the other languages: "13 482", "Dr. Müller", French « »)
  let s = (lang === 'en' ? str(v).replace(/\s+/gu, ' ') : str(v).replace(/[^\S\u00a0\u202f]+/gu, ' ').replace(/\s{2,}/gu, ' ')).replace(EMOTICON, '').trim();
  if (s === '') return s;
  s = s
    .replace(/\s+([,;:!?…)\]}”»])/gu, '$1')
    .replace(/\s+\.(?!\d)/gu, '.')
    // (German closes a quotation with “: the space after it stays, „ opens one)
    .replace(lang === 'de' ? /([([{„«])\s+/gu : /([([{“«])\s+/gu, '$1')
    .replace(/\.{3,}/gu, '…')
    .replace(/([.!?…])(["'”’»)\]]+)\s*[.!?…]+/gu, '$1$2')
    .replace(STOP_RUN, (run: string) => (run.includes('?') ? '?' : run.includes('!') ? '!' : run.includes('…') ? '…' : '.'))
    .replace(/[,;:]+(\s*[,;:])*(?=\s*[.!?…]|$)/gu, '')
    .replace(/,(\s*,)+/gu, ',');
  if (lang === 'en') {
    s = s
      .replace(PROSE_AMPERSAND, ' and ')
      .replace(TRAILING_ASIDE, (_all, inner: string, end: string) => `${ASIDE_JOINS.test(inner) ? ' ' : ', '}${inner}${end}`)
      .replace(LONE_I, 'I')
      .replace(DAYS, (w) => w[0]!.toUpperCase() + w.slice(1))
      .replace(MONTH_BEFORE_DAY, (w) => w[0]!.toUpperCase() + w.slice(1))
      .replace(MONTH_AFTER_DAY, (_all, day: string, w: string) => day + w[0]!.toUpperCase() + w.slice(1));
  }
  if (lang === 'fr') s = frenchSpaces(s);
  return dedupe(s, lang).trim();
}

/**
 * French typography: a narrow no-break space before ; : ! ? and inside « », whatever space
 * (or none) was typed: "désolés !" and "désolés!" both become "désolés\u202f!". A colon or
 * question mark inside a word or number ("14:02", "https://", "?id=4") is left alone.
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/([^\s\d])[ \u00a0\u202f]?([;:!?]+)(?=[\s»”")\]]|$)/gu, '$1\u202f$2')
    .replace(/«[ \u00a0\u202f]*/gu, '«\u202f')
    .replace(/[ \u00a0\u202f]*»/gu, '\u202f»');
}

/** "&" between words in lower case is prose ("a day's orders & nobody noticed"); in a name it stays ("Smith & Sons"). */
const PROSE_AMPERSAND = /(?<=\p{Ll}) & (?=\p{Ll})/gu;
/**
 * A short aside in brackets at the end, in lower case ("late (by two days)", "jammed (again)",
 * "retrain staff (all of them)"): said as part of the sentence, not as an aside.
 */
const TRAILING_ASIDE = /(?<=[\p{L}\p{N}'’])\s+\((\p{Ll}[^().!?;:()]{0,40})\)([.!?…]?)$/u;
/** An aside that reads on without a comma: "by two days", "again". */
const ASIDE_JOINS = /^(?:by|for|in|on|at|about|from|until|till|after|before|within|over|under|around|since|during|again|twice|too|as well|so far|yet)\b/u;

/** Weekdays and the months that are no other word, typed in lower case ("on thursday morning"). */
const DAYS = /(?<![\p{L}'’-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july|september|october|november|december)(?![\p{L}'’-])/gu;
/** March, May and August only beside a day number ("8 may", "may 8th"): else they are verbs and adjectives. */
const MONTH_BEFORE_DAY = /(?<![\p{L}'’-])(?:march|may|august)(?=\s+\d)/gu;
const MONTH_AFTER_DAY = /(\d(?:st|nd|rd|th)?\s+)(march|may|august)(?![\p{L}'’-])/gu;

const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'y', 'e', 'of', 'and', 'bin', 'al']);

/**
 * A name typed all in lower case ("maggie byrne", "the corner pantry") in its usual capitals
 * ("Maggie Byrne", "The Corner Pantry"); any capital typed means it stays as typed ("bell hooks" aside).
 */
export function titleCaseName(v: unknown): string {
  const s = str(v);
  if (!/\p{Ll}/u.test(s) || /\p{Lu}/u.test(s)) return s;
  return s.replace(/[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu, (w, at: number) =>
    at > 0 && NAME_PARTICLES.has(w) ? w : w[0]!.toUpperCase() + w.slice(1).replace(/(['’-])(\p{Ll})/gu, (_m, mark: string, c: string) => mark + c.toUpperCase()),
  );
}

function upperAt(s: string, i: number): string {
  const cp = s.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  const up = ch.toUpperCase();
  return up.length === ch.length ? s.slice(0, i) + up + s.slice(i + ch.length) : s;
}

/** Index of the first letter when only opening quotes and brackets come before it, else -1. */
function firstLetter(s: string, from = 0): number {
  let i = from;
  while (i < s.length && OPENERS.includes(s[i]!)) i++;
  return i < s.length && /\p{L}/u.test(s[i]!) ? i : -1;
}

/** A word with a capital after its first letter ("iPhone", "eBay"): written as its owner writes it. */
const BRANDED = /^\p{Ll}+\p{Lu}/u;

/**
 * Capital letters where sentences start: at the beginning (unless `skipFirst`)
 * and after ". ", "! ", "? " inside, not after abbreviations ("e.g.") or "…".
 */
export function capitalise(v: unknown, skipFirst = false): string {
  let s = str(v);
  if (!skipFirst) {
    const i = firstLetter(s);
    if (i >= 0 && !BRANDED.test(s.slice(i))) s = upperAt(s, i);
  }
  return s.replace(/([.!?])(\s+[\s"'“‘„«([{¿¡]*)(\p{Ll})(\p{L}*)/gu, (m, stop: string, gap: string, letter: string, rest: string, at: number, whole: string) => {
    const before = /(\S*)$/u.exec(whole.slice(0, at))![1]!.toLowerCase().replace(/^[\p{P}]+/u, '');
    if (stop === '.' && (ABBREVIATIONS.has(before) || DATE_OR_ORDINAL.test(before))) return m;
    if (/\p{Lu}/u.test(rest)) return m;
    return `${stop}${gap}${letter.toUpperCase()}${rest}`;
  });
}

/** Splits "text" into the words and the closing brackets and quotes that end it. */
function splitClosers(s: string): [string, string] {
  const m = CLOSERS.exec(s);
  if (!m) return [s, ''];
  let closers = m[0];
  // A bracket that closes nothing is dropped ("late.)" → "late.").
  for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
    let extra = s.split(close).length - s.split(open).length;
    while (extra-- > 0 && closers.includes(close)) closers = closers.replace(close, '');
  }
  return [s.slice(0, m.index), closers];
}

/**
 * Text as a sentence of its own: tidied, capitalised, ending with exactly one
 * mark: a full stop added unless it ends with ".", "!", "?" or "…", also when
 * a bracket or a quote closes it ("(by two days)." / "“soon.”").
 */
export function sentence(v: unknown, lang = 'en'): string {
  let s = tidy(v, lang);
  if (s === '') return '';
  s = capitalise(s);
  const [body, closers] = splitClosers(s);
  const trimmed = body.replace(/[\s,;:–—-]+$/u, '');
  const out = /[.!?…]$/u.test(trimmed) ? trimmed + closers : lang === 'es' && /^[¿¡]/u.test(trimmed) ? `${trimmed}${closers}${trimmed[0] === '¿' ? '?' : '!'}` : trimmed === '' ? s : `${trimmed}${closers}.`;
  // (the spaces French puts inside « » and before ? ! are put back where trimming took them)
  return lang === 'fr' ? frenchSpaces(out) : out;
}

/** How many Title-case words follow the first word: two or more (or all the rest) is a name, "The Little Oven Bakery". */
function startsAName(words: string[]): boolean {
  let titled = 0;
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i]!.replace(/[^\p{L}&'’-]+$/u, '');
    if (/^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}$/u.test(w)) titled++;
    else if (!['of', '&', 'and', 'de', 'du', 'la', 'on'].includes(w) || i + 1 >= words.length) break;
  }
  return titled >= 2 || (titled >= 1 && i === words.length);
}

/**
 * Text as a clause inside our sentence ("because {{clause x}}, …"): tidied,
 * with no final full stop (one inside a closing bracket or quote goes too),
 * "We"/"Our"/"The"… lower case unless they start a name ("The Little Oven
 * Bakery", "We Buy Any Car"), and capitals after any full stops inside.
 */
export function clause(v: unknown, lang = 'en'): string {
  let s = tidy(v, lang);
  if (s === '') return '';
  const [body, closers] = splitClosers(s.replace(/[\s.!?…;:,–—-]+$/u, ''));
  s = body.replace(closers === '' ? /[\s.!?…;:,–—-]+$/u : /[\s.;:,]+$/u, '') + closers;
  const words = s.split(' ');
  const first = /^(\p{Lu}\p{Ll}*)(?:['’]\p{Ll}+)?$/u.exec(words[0]!.replace(/[,;:]$/u, ''));
  const starters = STARTERS_BY_LANG[lang] ?? STARTERS_BY_LANG.en!;
  const elided = lang === 'fr' ? /^([LlDdJjQqNnSsCc]['’])/u.exec(words[0]!) : null;
  if (elided && starters.has(elided[1]!.toLowerCase().replace('’', "'"))) {
    if (!startsAName(words)) s = elided[1]!.toLowerCase() + s.slice(elided[1]!.length);
  } else if (first && starters.has(first[1]!.toLowerCase()) && !startsAName(words)) {
    s = first[1]!.toLowerCase() + s.slice(first[1]!.length);
  }
  s = capitalise(s, true);
  return lang === 'fr' ? frenchSpaces(s) : s;
}

/**
 * A clause that goes inside our own brackets ("(the outage, Tuesday 24 November, 9:12–13:47 (Paris time))"):
 * its own brackets become commas, so none are nested.
 */
export function innerClause(v: unknown, lang = 'en'): string {
  return clause(v, lang).replace(/\s*\(([^()]*)\)/gu, ', $1').replace(/,(\s*,)+/gu, ',').replace(/^,\s*/u, '');
}

/** Text placed after a full stop or a colon: tidied and capitalised, its punctuation left as typed. */
export function cap(v: unknown, lang = 'en'): string {
  return capitalise(tidy(v, lang));
}

/** "your order from The Little Oven Bakery": the company after the noun, never "Your The … order". */
export function orderFrom(company: unknown, noun: unknown = 'order'): string {
  // No final full stop ("Acme Inc." → "Acme Inc"): the template's own stop may follow.
  const name = tidy(company).replace(/[\s.,;:]+$/u, '');
  const what = tidy(noun) || 'order';
  return name === '' ? `your ${what}` : `your ${what} from ${name}`;
}

/**
 * A manager's free text as a letter in their language prints it, once per
 * incident (not per customer): German typed all in lower case ("ihre
 * bestellung kommt später", "der abschlag für november") with its nouns,
 * months and the polite Ihr/Ihnen capitalised; French with typographic
 * apostrophes and a no-break space before "%".
 *
 * German nouns cannot be told from a dictionary-free reading with certainty,
 * so only text that capitalises none of them is touched, and only words that
 * are nouns by their place (after an article or a number, past its
 * adjectives) or by their ending (-ung, -heit, -keit, -schaft, -tion, -tät);
 * text with a capitalised noun is the manager's own spelling and stays as typed.
 */

import { germanArticle, germanNoun, germanTheirs, germanYour } from './nouns-de.js';

const DETERMINERS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines',
  'kein', 'keine', 'keinen', 'keinem', 'keiner', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres',
  'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres', 'mein', 'meine', 'meinen', 'meinem', 'meiner',
  'jede', 'jeder', 'jedes', 'jeden', 'jedem', 'alle', 'allen', 'diese', 'dieser', 'dieses', 'diesen', 'diesem',
  'im', 'am', 'zum', 'zur', 'beim', 'vom', 'ins', 'ans', 'aufs', 'inklusive', 'exklusive',
]);

/** Prepositions: an adjective after one is followed by its noun ("ohne rechtzeitige absage"). */
const PREPOSITIONS = new Set(['mit', 'ohne', 'für', 'von', 'nach', 'bei', 'aus', 'zu', 'seit', 'gegen', 'durch', 'über', 'unter', 'wegen', 'vor', 'auf', 'an', 'in']);

/** Words that are never nouns: pronouns, particles, conjunctions, adverbs and the common verbs. */
const NOT_NOUNS = new Set([
  'ich', 'du', 'er', 'sie', 'es', 'wir', 'ihr', 'uns', 'euch', 'ihnen', 'ihm', 'ihn', 'mich', 'mir', 'dich', 'dir', 'sich', 'man',
  'online', 'offline', 'kurz', 'gegebenenfalls', 'eventuell', 'mindestens', 'maximal',
  'und', 'oder', 'aber', 'denn', 'sondern', 'weil', 'dass', 'daß', 'ob', 'wenn', 'als', 'wie', 'sobald', 'damit', 'bis', 'statt',
  'nicht', 'noch', 'auch', 'schon', 'jetzt', 'nur', 'sehr', 'bitte', 'gestern', 'heute', 'morgen', 'nochmal', 'wieder', 'dann',
  'da', 'hier', 'dort', 'sofort', 'leider', 'bereits', 'zweimal', 'doppelt', 'kostenlos', 'laut', 'drauf', 'rum', 'raus', 'rein',
  'mehr', 'weniger', 'ganz', 'gar', 'zu', 'so', 'ab', 'um', 'erst', 'immer', 'nie', 'oft', 'gleich', 'später', 'früher', 'vorher',
  'ist', 'sind', 'war', 'waren', 'hat', 'hatte', 'hatten', 'haben', 'wird', 'wurde', 'wurden', 'werden', 'kann', 'konnte', 'können',
  'muss', 'musste', 'müssen', 'soll', 'sollte', 'will', 'wollte', 'gibt', 'gab', 'steht', 'stand', 'kommt', 'kam', 'liegt', 'lag',
  'geht', 'ging', 'gehen', 'lagen', 'sein', 'gewesen', 'worden', 'bzw', 'usw', 'etc', 'ca', 'zwischen', 'entfällt', 'entfallen', 'gilt', 'gelten', 'beträgt', 'kostet', 'folgt', 'fällt', 'bleibt', 'läuft',
]);

/** Adjectives common enough to name: passed over on the way to the noun, never capitalised themselves. */
const ADJECTIVES = new Set([
  'erste', 'ersten', 'erster', 'zweite', 'zweiten', 'zweiter', 'andere', 'anderen', 'anderer', 'neue', 'neuen', 'neuer', 'neues',
  'alte', 'alten', 'falsche', 'falschen', 'falscher', 'richtige', 'richtigen', 'nächste', 'nächsten', 'letzte', 'letzten',
  'ganze', 'ganzen', 'volle', 'vollen', 'doppelte', 'doppelten', 'rechtzeitige', 'rechtzeitigen',
]);
/** Conjunctions that open a clause whose last word is its verb ("wenn der erste ausfällt"). */
const SUBORDINATORS = new Set(['wenn', 'weil', 'dass', 'daß', 'sobald', 'ob', 'falls', 'bevor', 'nachdem', 'damit', 'obwohl', 'als']);

const MONTHS_DAYS = new Set([
  'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag', 'uhr',
]);
/** Weekdays shortened before a date ("mi, 25.11.", "do. 3.12."). */
const SHORT_DAYS = /(?<![\p{L}\p{N}])(mo|di|mi|do|fr|sa|so)(?=[.,]?\s*\d)/gu;

const NOUN_ENDING = /(?:ung|heit|keit|schaft|tion|tät|ismus)(?:en)?$/u;
/** Adverbs that stand between an article and its adjective ("der doppelt abgebuchte betrag"). */
const NP_ADVERBS = new Set(['doppelt', 'zweimal', 'sehr', 'falsch', 'bereits', 'schon', 'besonders', 'ganz', 'zu', 'nicht', 'noch']);
/**
 * Nouns common in these letters, alone or as the end of a compound ("bankgebühren", "bestellzettel",
 * "kontoauszug", "pakete"): a noun wherever it stands.
 */
const NOUN_TAIL = /(?:gebühr|gebühren|zettel|auszug|torte|torten|termin|termine|betrag|beträge|paket|pakete|lager|code|gutschein|rabatt|preis|konto|karte|artikel|kunde|kunden|kundin|tochter|sohn|kollegin|kollege|theke|filiale|praxis|fehler|ausfall|update|system|nachricht|patienten|patientin)$/u;
/** Abbreviations written in capitals. */
const ACRONYMS: Readonly<Record<string, string>> = { sms: 'SMS', pdf: 'PDF', iban: 'IBAN', bic: 'BIC', pin: 'PIN', tan: 'TAN', url: 'URL', app: 'App', api: 'API', id: 'ID', dhl: 'DHL', ups: 'UPS', dpd: 'DPD', gls: 'GLS', utc: 'UTC', mez: 'MEZ', pc: 'PC', edv: 'EDV' };
const ADJECTIVE_ENDING = /(?:e|en|er|es|em)$/u;
/** A verb by its form: a participle ("angebunden", "gestartet", "abgebucht") or "-iert" ("storniert"). */
const VERB_FORM = /^(?:(?:an|auf|aus|ab|ein|mit|nach|vor|zu|zurück|weg|her|hin|durch|um|hoch|herunter|runter|hinein|herein|rein|raus|heraus|fest|frei|los|zusammen|weiter|wieder|dazu|fehl|gegen|voraus|bereit|kaputt)?ge\p{Ll}{2,}(?:en|t)|\p{Ll}+ier(?:t|en|te|ten)|(?:zurück|an|ab|auf|aus|ein|nach|vor|um)?(?:be|ver|er|ent|zer|hinter|miss)\p{Ll}{3,}(?:t|et))$/u;
const POLITE = new Set(['ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres', 'ihnen']);
/** "sie" that is the reader: after a preposition that takes it ("für sie"), or before "uns"/"bitte" ("schicken sie uns"). */
const SIE_BEFORE = new Set(['uns', 'bitte', 'gern', 'gerne', 'einfach']);
const SIE_AFTER = new Set(['für', 'an', 'um', 'gegen', 'ohne', 'können', 'müssen', 'haben', 'sind', 'werden', 'möchten']);

/** Subjects a German verb stands right before when the sentence opens with its object ("die 45 € überweisen wir"). */
const V2_SUBJECTS = new Set(['wir', 'ich', 'man']);

/** Determiners that are also pronouns ("keiner hat es gemerkt"). */
const PRONOUN_DETERMINERS = new Set(['keiner', 'keine', 'einer', 'jeder', 'jede', 'alle']);
/** People a clause may be about, whose "ihr/ihre" is theirs. */
const THIRD_PERSONS = /^(?:gäste|kunden|kundinnen|mitarbeiter|mitarbeiterinnen|patienten|mitglieder|nutzer|käufer|besucher|eltern|teilnehmer|mieter|fahrgäste|leute)$/u;
/** Whether a possessive "ihr…" at token i follows, in its clause, the people it belongs to. */
function theirs(tokens: string[], i: number): boolean {
  for (let j = i - 1; j >= 0 && !/^[.;:!?,]/u.test(tokens[j]!); j--) if (THIRD_PERSONS.test(tokens[j]!.toLowerCase()) && tokens[j] !== 'Sie') return true;
  return false;
}

const WORD = /[\p{L}][\p{L}\p{M}]*|\d+(?:[.:,]\d+)*\.?|[^\s\p{L}\d]+/gu;

const upper = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** Whether German text capitalises none of the nouns after its articles ("der abschlag", "ihre bestellung"): typed in lower case. */
export function germanLowerCased(text: string): boolean {
  const words = text.split(/\s+/u);
  let seen = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!DETERMINERS.has(words[i]!.toLowerCase())) continue;
    const next = words[i + 1]!;
    if (/^\p{Lu}/u.test(next)) return false;
    if (/^\p{Ll}/u.test(next)) seen++;
  }
  // Acronyms ("UTC", "SMS", "DHL") and addresses say nothing about how the nouns were typed.
  // Nor do the words written out before ("3 Stunden", "10 Uhr", "Telefon").
  return seen > 0 || !/\p{Lu}/u.test(text.slice(1).replace(/(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])|\S+@\S+|(?<=\d\s)\p{Lu}\p{Ll}+|(?<![\p{L}])(?:Telefon|Stunden|Uhr)(?![\p{L}])/gu, ''));
}

/**
 * German typed in lower case with the capitals a reader expects: nouns after an article, a
 * number or a preposition and its adjective, nouns by their ending, months and weekdays, the
 * polite Ihr/Ihnen/Sie. Text that capitalises its nouns already is returned as typed.
 */
export function germanCapitals(text: string): string {
  return lowerCasedCapitals(localQuotes(text, 'de'));
}

function lowerCasedCapitals(text: string): string {
  if (text === '') return text;
  if (!germanLowerCased(text)) return mixedCapitals(text);
  const tokens = text.match(WORD) ?? [];
  // Where each token starts, to rebuild the text with its own spacing.
  const out: string[] = [];
  let at = 0;
  const starts: number[] = [];
  for (const t of tokens) {
    const i = text.indexOf(t, at);
    starts.push(i);
    at = i + t.length;
  }
  const isWord = (t: string | undefined) => t !== undefined && /^\p{Ll}/u.test(t);
  const lower = (t: string | undefined) => (t === undefined ? '' : t.toLowerCase());
  // The last word of a clause a conjunction opened is its verb ("…, wenn der erste ausfällt").
  const clauseVerb = new Array<boolean>(tokens.length).fill(false);
  let subordinate = false;
  for (let i = 0; i < tokens.length; i++) {
    const k = lower(tokens[i]);
    if (SUBORDINATORS.has(k)) subordinate = true;
    else if (subordinate && isWord(tokens[i]) && (i + 1 === tokens.length || /^[,.;:!?)]/u.test(tokens[i + 1]!) || SUBORDINATORS.has(lower(tokens[i + 1])))) {
      clauseVerb[i] = true;
      subordinate = false;
    }
  }
  const nounAt = (j: number) => {
    const t = tokens[j];
    const k = lower(t);
    if (!isWord(t) || NOT_NOUNS.has(k) || ADJECTIVES.has(k) || DETERMINERS.has(k) || PREPOSITIONS.has(k) || clauseVerb[j]) return false;
    // "zum zugesagten Termin", "die neue Matratze": a participle or an adjective before a capitalised noun.
    if ((VERB_FORM.test(t!) || ADJECTIVE_ENDING.test(k)) && /^\p{Lu}/u.test(tokens[j + 1] ?? '') && !germanNoun(k)) return false;
    // "hat keiner gemerkt": a pronoun before a participle, not an article before a noun.
    if (PRONOUN_DETERMINERS.has(lower(tokens[j - 1])) && VERB_FORM.test(t!) && !germanNoun(k)) return false;
    // A participle's form, unless an article stands right before it ("die gebühren", "das gerät").
    if (VERB_FORM.test(t!) && !DETERMINERS.has(lower(tokens[j - 1]))) return false;
    // "der einspringt wenn…": a relative clause's verb, not a noun.
    if (/t$/u.test(k) && SUBORDINATORS.has(lower(tokens[j + 1]))) return false;
    // i18n13: a verb before its subject ("die 45 € überweisen wir zurück", "… prüfen wir"): no noun stands before "wir", "ich".
    if (/(?:en|ern|eln)$/u.test(k) && V2_SUBJECTS.has(lower(tokens[j + 1])) && !germanNoun(k)) return false;
    return true;
  };
  /** Past the adjectives to the noun: "den falschen namen", "einen zweiten versanddienstleister angebunden". */
  const skipAdjectives = (j: number) => {
    while (j + 1 < tokens.length && isWord(tokens[j]) && isWord(tokens[j + 1])) {
      const k = lower(tokens[j]);
      const adverb = NP_ADVERBS.has(k) && ADJECTIVE_ENDING.test(lower(tokens[j + 1])) && isWord(tokens[j + 2]);
      const adjective = adverb || ADJECTIVES.has(k) || (ADJECTIVE_ENDING.test(k) && !NOUN_ENDING.test(k) && !NOT_NOUNS.has(k) && !germanNoun(k) && nounAt(j + 1) && !clauseVerb[j + 1]);
      if (!adjective) break;
      j++;
    }
    return j;
  };
  const cap = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const k = t.toLowerCase();
    if (!isWord(t)) continue;
    if (MONTHS_DAYS.has(k) || (NOUN_ENDING.test(k) && k !== 'jung') || (NOUN_TAIL.test(k) && !NOT_NOUNS.has(k))) cap[i] = true;
    // A business noun from the word list (or a compound ending in one): "techniker", "dispo", "zeitfenster".
    // i18n15: a participle whose tail is a noun ("hochgeladen" is not "Laden", "festgelegt") stays a verb unless an article stands before it.
    if (!NOT_NOUNS.has(k) && !DETERMINERS.has(k) && lower(tokens[i - 1]) !== 'zu' && germanNoun(k) && !(VERB_FORM.test(k) && germanNoun(k)!.head !== k && !DETERMINERS.has(lower(tokens[i - 1])))) cap[i] = true;
    // "ihrer" of people named before it in the clause ("falls gäste … auf ihrer karte") is theirs, not the reader's.
    if (POLITE.has(k) && !theirs(tokens, i)) cap[i] = true;
    if (k === 'sie' && (SIE_BEFORE.has(lower(tokens[i + 1])) || SIE_AFTER.has(lower(tokens[i - 1])))) cap[i] = true;
    // After a number ("3 tage", "10 € gutschein"), not a unit ("200 cm", "5 l").
    const number = /^\d+$/u.test(tokens[i - 1] ?? '') || (/^\d+$/u.test(tokens[i - 2] ?? '') && /^[€$£%]$/u.test(tokens[i - 1] ?? ''));
    if (number && k.length >= 4) {
      const j = skipAdjectives(i);
      if (nounAt(j)) cap[j] = true;
    }
    if (DETERMINERS.has(k) && !clauseVerb[i]) {
      const j = skipAdjectives(i + 1);
      if (nounAt(j)) cap[j] = true;
    }
    // i18n13: an adjective the list knows opens a noun phrase of its own ("neuer lagerplatz", "doppelte wareneingänge").
    if (ADJECTIVES.has(k) && !PREPOSITIONS.has(lower(tokens[i - 1])) && !DETERMINERS.has(lower(tokens[i - 1]))) {
      const j = skipAdjectives(i);
      if (j > i && nounAt(j) && !VERB_FORM.test(tokens[j]!)) cap[j] = true;
    }
    if (PREPOSITIONS.has(lower(tokens[i - 1])) && (ADJECTIVES.has(k) || ADJECTIVE_ENDING.test(k)) && !NOT_NOUNS.has(k) && !DETERMINERS.has(k)) {
      const j = skipAdjectives(i);
      if (j > i && nounAt(j)) cap[j] = true;
    }
  }
  let last = 0;
  for (let i = 0; i < tokens.length; i++) {
    // An address or a link keeps its letters as typed ("support@…", "www.shop.de/konto").
    if (cap[i] && (/[@./]/u.test(text[starts[i]! - 1] ?? '') || /^[@./]\S/u.test(text.slice(starts[i]! + tokens[i]!.length)))) cap[i] = false;
    out.push(text.slice(last, starts[i]));
    const acronym = Object.hasOwn(ACRONYMS, tokens[i]!) ? ACRONYMS[tokens[i]!] : undefined;
    out.push(acronym ?? (cap[i] ? upper(tokens[i]!) : tokens[i]!));
    last = starts[i]! + tokens[i]!.length;
  }
  out.push(text.slice(last));
  // A compound joined by a hyphen is one noun: "online-Buchungen" → "Online-Buchungen".
  return out.join('').replace(SHORT_DAYS, (d: string) => upper(d))
    .replace(/(?<![\p{L}-])(\p{Ll})(\p{L}*-\p{Lu})/gu, (_m, c: string, rest: string) => c.toUpperCase() + rest)
    // "vier-augen-Prinzip" → "Vier-Augen-Prinzip": every part of a compound whose last part is a noun.
    .replace(/(?<![\p{L}@.-])\p{L}+(?:-\p{L}+)+(?![\p{L}@.])/gu, (w) => (/-\p{Lu}[\p{L}]*$/u.test(w) ? w.replace(/(^|-)(\p{Ll})/gu, (_m, d: string, c: string) => d + c.toUpperCase()) : w));
}

/**
 * i18n13: text typed with some nouns capitalised and others not ("der Fahrer hat die lieferung am
 * Montag …", "Wegen eines fehlers im lager"): only the sure ones, a noun the word list knows right
 * after an article (past a listed adjective), are capitalised; everything else stays as typed.
 */
function mixedCapitals(text: string): string {
  return text.replace(/(?<![\p{L}])(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|im|am|zum|zur|beim|vom|ins|unser|unsere|unseren|unserem|unserer|unseres|ihre|ihren|ihrem|ihrer|ihres)((?:\s+(?:erste|ersten|zweite|zweiten|neue|neuen|neuer|alte|alten|falsche|falschen|richtige|richtigen|nächste|nächsten|letzte|letzten|doppelte|doppelten))*)\s+(\p{Ll}[\p{L}\p{M}]*)(?=([\s,.;:!?)]|$)\s*(\p{L}*))/giu, (m, det: string, adjs: string, word: string, _sep: string, next: string) => {
    const n = germanNoun(word);
    if (!n || VERB_FORM.test(word) || NOT_NOUNS.has(word) || V2_SUBJECTS.has((next ?? '').toLowerCase())) return m;
    // "die ihre …", "das unsere": a pronoun, not an article before a noun.
    if (/^(?:ihr|unser)/iu.test(det) && /^\p{Ll}/u.test(det) && n.head !== word.toLowerCase() && word.length < 6) return m;
    return `${det}${adjs} ${word[0]!.toUpperCase()}${word.slice(1)}`;
  });
}

/** Straight quotes typed around words ('Alles Gute, Lea!', "En attente") as the language's own. */
const QUOTED = /(^|[\s(])(['"])([^'"\n]+?)\2(?=$|[\s.,;:!?)])/gu;

/** A quotation in straight quotes in the language's quotation marks: „…“ in German, « … » in French, «…» in Spanish. */
export function localQuotes(text: string, lang: string): string {
  const [open, close] = lang === 'de' ? ['„', '“'] : lang === 'fr' ? ['«\u202f', '\u202f»'] : lang === 'es' ? ['«', '»'] : ['“', '”'];
  return text.replace(QUOTED, (_m, before: string, _q: string, inner: string) => `${before}${open}${inner}${close}`);
}

/** French free text: typographic apostrophes ("l'envoi" → "l’envoi"), « » for quotes, a no-break space before "%" ("15%" → "15 %"). */
export function frenchTypography(text: string): string {
  return localQuotes(frenchNe(text.replace(/(\p{L})'(?=\p{L})/gu, '$1’')), 'fr').replace(/(\d)[ \u00a0]?%/gu, '$1\u202f%');
}

/**
 * i18n13: the "ne" a manager leaves out of a negation ("on a pas pu", "le groupe a pas démarré", "il y a pas eu de
 * relance") written back ("on n’a pas pu", "le groupe n’a pas démarré", "il n’y a pas eu de relance").
 */
const FR_NE = /(?<![\p{L}’'])(?<!(?<![\p{L}])(?:ne|n’|n')\s)(?<!(?<![\p{L}])(?:ne|n’|n')\s(?:vous|nous|le|la|les|l’|lui|leur|me|te|se)\s)((?:y\s)?)(a|as|avons|avez|ont|avait|avaient|avions|aviez|est|sont|était|étaient|sommes|êtes|peut|peuvent|pouvait|pouvaient|pouvons|pouvez|sait|savait|savons|fait|faisait|va|allait|marche|marchait|fonctionne|fonctionnait|arrive|arrivait|doit|devait|veut|voulait)\s+(pas|jamais|plus|rien)(?![\p{L}])/gu;
function frenchNe(text: string): string {
  if (!/(?<![\p{L}])(?:pas|jamais|plus|rien)(?![\p{L}])/u.test(text)) return text;
  return text.replace(FR_NE, (m, y: string, verb: string, neg: string, at: number, all: string) => {
    const before = all.slice(Math.max(0, at - 12), at);
    // Only after a subject: a pronoun or a noun ("on", "nous", "le groupe"); never "plus" as "more" ("a plus de …").
    if (!/(?:\p{L}|\d)\s$/u.test(before) || /(?:^|\s)(?:ne|n’|qui ne|que)\s$/u.test(before)) return m;
    // "plus" is "no longer" only after a verb that works or goes ("ça marche plus"); "est plus lourd" is "more".
    if (neg === 'plus' && !/^(?:marche|marchait|fonctionne|fonctionnait|peut|pouvait|va|allait|arrive|arrivait)$/u.test(verb)) return m;
    if (neg === 'rien' && verb !== 'a' && verb !== 'avons' && verb !== 'avait' && verb !== 'est' && verb !== 'fait') return m;
    const word = y !== '' ? 'y' : verb;
    const ne = /^[aeiouyéêh]/u.test(word) ? 'n’' : 'ne ';
    return `${ne}${y}${verb} ${neg}`;
  });
}

const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const DE_DAYS: Readonly<Record<string, string>> = { mo: 'Montag', di: 'Dienstag', mi: 'Mittwoch', do: 'Donnerstag', fr: 'Freitag', sa: 'Samstag', so: 'Sonntag' };
/** "Mi, 25.11.", "mo. 30.11.2026", "25.11.": a German numeric date, with its shortened weekday when typed. */
const DE_NUMERIC = /(?<![\p{L}\d.,])(?:(mo|di|mi|do|fr|sa|so)\.?,?\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})?(?![\d])/giu;
/** "…zurückgehalten statt Sie zu informieren": a word, then statt/anstatt/ohne/um and an infinitive with "zu" a few words on. */
const DE_INFINITIVE = /([\p{L}\p{M}]+)\s(statt|anstatt|ohne|um)\s(?:(?!zu\s)[\p{L}\p{M}-]+\s){1,6}zu\s\p{Ll}/gu;
/** "um 10:30" with no "Uhr" after it. */
const DE_TIME = /(?<![\p{L}])(um|ab|bis|gegen)\s+(\d{1,2}(?::\d{2})?)(?!\s*uhr)(?![\d:.,])/giu;
const FR_MONTHS: Readonly<Record<string, string>> = { janv: 'janvier', févr: 'février', fév: 'février', fevr: 'février', avr: 'avril', juil: 'juillet', sept: 'septembre', oct: 'octobre', nov: 'novembre', déc: 'décembre', dec: 'décembre' };
const FR_SHORT_MONTH = /(?<![\p{L}\d])(\d{1,2}(?:er)?)\s+(janv|févr|fevr|fév|avr|juil|sept|oct|nov|déc|dec)\.?(?![\p{L}])/giu;
const ES_MONTHS: Readonly<Record<string, string>> = { ene: 'enero', feb: 'febrero', mar: 'marzo', abr: 'abril', may: 'mayo', jun: 'junio', jul: 'julio', ago: 'agosto', sep: 'septiembre', sept: 'septiembre', set: 'septiembre', oct: 'octubre', nov: 'noviembre', dic: 'diciembre' };
const ES_SHORT_MONTH = /(?<![\p{L}\d])(\d{1,2})\s+(?:de\s+)?(ene|feb|mar|abr|may|jun|jul|ago|sept|sep|set|oct|nov|dic)\.?(?![\p{L}])/giu;
const NBSP = '\u00a0';
/** "24/11" (a day and a month; not a year-first or a fraction with a third part other than a year). */
const SLASH_DATE = /(?<![\p{L}\d/.,])(\d{1,2})\/(\d{1,2})(?:\/(?:20)?\d{2})?(?![\d/.,]\d)/gu;
const FR_MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ES_MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
/** Words after which a French weekday takes no "le". */
const FR_NO_LE = new Set(['le', 'du', 'au', 'dès', 'depuis', 'ce', 'au', 'et', 'ou', 'chaque', 'jusqu’au', 'prochain', 'dernier']);
/** Words a subordinate clause's conjunction follows without a comma ("und damit", "auch wenn", "so dass"). */
const NO_COMMA_BEFORE = new Set(['und', 'oder', 'aber', 'auch', 'nur', 'selbst', 'so', 'als', 'sondern', 'noch', 'erst', 'gerade']);

/**
 * The dates and times a manager typed, written out as the letter writes its own dates (one style per
 * letter): "Mi, 25.11. um 10:30" → "Mittwoch, 25. November, um 10:30 Uhr"; "mercredi 25 nov à 18h05" →
 * "mercredi 25 novembre à 18 h 05" ("48h" → "48 heures"); "el martes 1 de dic." → "el martes 1 de diciembre".
 */
export function longTypedDates(text: string, lang: string): string {
  if (lang === 'de') {
    return text
      .replace(DE_NUMERIC, (m, wd: string | undefined, d: string, mo: string, y: string | undefined) => {
        const day = Number(d);
        const month = Number(mo);
        if (day < 1 || day > 31 || month < 1 || month > 12) return m;
        return `${wd ? `${DE_DAYS[wd.toLowerCase()]}, ` : ''}${day}. ${DE_MONTHS[month - 1]}${y ? ` ${y}` : ''}`;
      })
      .replace(/((?:tag|woch),\s\d{1,2}\.\s\p{L}+)\s+(?=\p{L})/gu, '$1, ')
      .replace(/(\p{L}+)\s+(sobald|wenn|weil|dass|damit|falls|obwohl|nachdem|bevor|ob)\s/gu, (m, w: string, c: string) => (NO_COMMA_BEFORE.has(w.toLowerCase()) ? m : `${w}, ${c} `))
      // An infinitive group after "statt", "ohne", "um" takes its comma ("zurückgehalten, statt Sie zu informieren").
      .replace(DE_INFINITIVE, (m, w: string, c: string) => (NO_COMMA_BEFORE.has(w.toLowerCase()) ? m : m.replace(`${w} ${c}`, `${w}, ${c}`)))
      .replace(DE_TIME, (_m, p: string, t: string) => `${p} ${t} Uhr`)
      // "Uhr" after a time, also in text with a capital elsewhere (which germanCapitals leaves as typed).
      .replace(/(\d)\s+uhr(?![\p{L}])/gu, '$1 Uhr');
  }
  if (lang === 'fr') {
    return text
      .replace(SLASH_DATE, (m, d: string, mo: string) => (Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${Number(d) === 1 ? '1er' : Number(d)} ${FR_MONTH_NAMES[Number(mo) - 1]}` : m))
      .replace(FR_SHORT_MONTH, (_m, d: string, mo: string) => `${d === '1' ? '1er' : d} ${FR_MONTHS[mo.toLowerCase()]}`)
      // i18n13: "sam 21 nov 20h": a time right after its date takes "à" ("samedi 21 novembre à 20 h").
      .replace(/((?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)(?:\s+\d{4})?)\s+(?=\d{1,2}\s?h(?![\p{L}]))/giu, '$1 à ')
      // "prêtes mercredi 25 novembre" → "prêtes le mercredi 25 novembre" (not after du, au, le, dès…).
      .replace(/(?<=(\p{L}+)\s)(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?=\s+\d)/giu, (day: string, ...rest: unknown[]) => (FR_NO_LE.has(String(rest[0]).toLowerCase()) ? day : `le ${day}`))
      // "au rendez-vous de mardi 24" → "du mardi 24".
      .replace(/(?<![\p{L}])de le (?=(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s)/giu, 'du ')
      .replace(/(?<![\p{L}\d])(\d{1,2})\s?h\s?(\d{2})(?![\d])/gu, `$1${NBSP}h${NBSP}$2`)
      .replace(/(?<![\p{L}\d])(\d{1,3})\s?h(?![\p{L}\d])/gu, (_m, n: string) => (Number(n) > 24 ? `${n}${NBSP}heures` : `${n}${NBSP}h`))
      .replace(/(\p{L}+\s)?(\d{1,2}\u00a0h(?:\u00a0\d{2})?)\s?[-–]\s?(\d{1,2}\u00a0h(?:\u00a0\d{2})?)/gu, (_m, w: string | undefined, a: string, b: string) =>
        (w?.trim().toLowerCase() === 'entre' ? `${w}${a} et ${b}` : /^(?:de|du|à)$/iu.test(w?.trim() ?? '') ? `${w ?? ''}${a} à ${b}` : `${w ?? ''}de ${a} à ${b}`));
  }
  if (lang === 'es') {
    return text
      .replace(SLASH_DATE, (m, d: string, mo: string) => (Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${Number(d)} de ${ES_MONTH_NAMES[Number(mo) - 1]}` : m))
      .replace(ES_SHORT_MONTH, (_m, d: string, mo: string) => `${d} de ${ES_MONTHS[mo.toLowerCase()]}`)
      // "hasta las 13 h", "a las 9h": the hour as Spanish writes it ("13:00").
      .replace(/(?<=(?:las|la|a|de|hasta|desde|entre|y)\s)(\d{1,2})\s?h(?![\p{L}\d])/gu, (m, h: string) => (Number(h) <= 24 ? `${h}:00` : m));
  }
  return text;
}

/**
 * Abbreviations a hurried manager types in prose, written out as a letter spells them: a stop inside
 * one ("sans vérif. de notre côté", "die api war ca. 4 std. nicht erreichbar") is no sentence end, and a
 * customer should not decode "inkl.", "am mi.", "tlf." or "pls". Abbreviations a letter may keep
 * ("z. B.", "ca.", "Nr.") stay and are known as non-terminal by the sentence helpers.
 */
const EXPAND: Readonly<Record<string, ReadonlyArray<readonly [RegExp, string | ((m: string, n: string) => string)]>>> = {
  de: [
    [/(?<![\p{L}\d])inkl\.?(?![\p{L}])/giu, 'inklusive'],
    [/(?<![\p{L}\d])exkl\.?(?![\p{L}])/giu, 'exklusive'],
    [/(?<![\p{L}])(\d+(?:[.,]\d+)?)\s*std\.?(?![\p{L}])/giu, '$1 Stunden'],
    [/(?<![\p{L}\d])std\.?(?![\p{L}])/giu, 'Stunden'],
    [/(?<![\p{L}\d])ggf\.?(?![\p{L}])/giu, 'gegebenenfalls'],
    // "evtl. bankgebühren übernehmen wir" → "eventuelle Bankgebühren…": before a plural noun of costs it is the adjective.
    [/(?<![\p{L}\d])evtl\.?(?=\s+[\p{L}-]*(?:gebühren|kosten|zinsen|auslagen|mehrkosten|schäden)(?![\p{L}]))/giu, 'eventuelle'],
    [/(?<![\p{L}\d])evtl\.?(?![\p{L}])/giu, 'eventuell'],
    [/(?<![\p{L}\d])mind\.(?![\p{L}])/giu, 'mindestens'],
    [/(?<![\p{L}\d])max\.(?=\s)/giu, 'maximal'],
    [/(?<![\p{L}\d])tel\.(?=\s+(?:\p{L}+\s+)?(?:informiert|benachrichtigt|erreicht|erreichbar|kontaktiert|angekündigt|abgesagt|gemeldet|bestätigt|vereinbart|informieren|benachrichtigen|kontaktieren)(?![\p{L}]))/giu, 'telefonisch'],
    [/(?<![\p{L}\d])tel\.(?=\s)/giu, 'Telefon'],
    [/(?<![\p{L}\d])(?:ca\.|circa)\s*(?=\d{1,2}(?::\d{2})?\s*uhr(?![\p{L}]))/giu, 'gegen '],
    [/(?<![\p{L}\d])ca\.\s*(?=\d)/giu, 'etwa '],
    [/(?<![\p{L}\d])(?:pls|plz|bitte bitte)(?![\p{L}])/giu, 'bitte'],
    [/(?<![\p{L}\d])zw\.(?=\s)/giu, 'zwischen'],
    [/(?<![\p{L}\d.,])([2-4])\s?x(?![\p{L}\d])/giu, (_m: string, n: string) => ['zweimal', 'dreimal', 'viermal'][Number(n) - 2]!],
    [/(?<![\p{L}\d])z\.\s?b\.(?=\s|$)/giu, 'z. B.'],
    [/(?<![\p{L}\d])u\.\s?a\.(?=\s|$)/giu, 'unter anderem'],
    // "ab 9h", "14-16 uhr": hours as a letter writes them ("ab 9 Uhr", "14–16 Uhr").
    [/(?<![\p{L}\d:.])(\d{1,2})\s?h(?![\p{L}\d])/giu, '$1 Uhr'],
    [/(?<![\p{L}\d:.])(\d{1,2}(?::\d{2})?)\s?-\s?(\d{1,2}(?::\d{2})?)(?=\s*uhr(?![\p{L}]))/giu, '$1–$2'],
    [/(?<![\p{L}\d])ne info(?![\p{L}])/giu, 'eine Nachricht'],
    [/(?<![\p{L}\d])(mo|di|mi|do|fr|sa|so)\.(?=\s+\p{Ll})/gu, '§WD$1'],
    // A weekday shortened in prose ("am mi.", "bis do."), not before a date ("mi, 25.11." is the date's own).
    [/(?<![\p{L}\d])(am|ab|bis|seit|vom|zum|diesen|nächsten|kommenden|letzten|spätestens|frühestens)\s+(mo|di|mi|do|fr|sa|so)\.?(?![.\p{L}])(?![.,]?\s*\d)/giu, '$1 §WD$2'],
  ],
  fr: [
    [/(?<![\p{L}\d])(sont|été|être|est|seront|sera)(\s+(?:\p{L}+ment\s+|désormais\s+|maintenant\s+|tous\s+|toutes\s+)?)vérifs?\.?(?![\p{L}])/giu, '$1$2§VERIF$1'],
    [/(?<![\p{L}\d])vérifs?\.?(?![\p{L}])/giu, 'vérification'],
    [/(?<![\p{L}\d])verifs?\.(?![\p{L}])/giu, 'vérification'],
    [/(?<![\p{L}\d])pdt(?![\p{L}])/giu, 'pendant'],
    [/(?<![\p{L}\d])env\.(?=\s*\d)/giu, 'environ'],
    // "merci de nous envoyer … svp": the "merci" is the politeness already.
    [/(?<=(?:merci|veuillez)\b.*?)\s*\b(?:svp|stp|pls|plz)\b/giu, ''],
    [/(?<![\p{L}\d])svp(?![\p{L}])/giu, 's’il vous plaît'],
    [/(?<![\p{L}\d])stp(?![\p{L}])/giu, 's’il vous plaît'],
    [/(?<![\p{L}\d])(?:pls|plz)(?![\p{L}])/giu, 's’il vous plaît'],
    [/(?<![\p{L}\d])tjrs(?![\p{L}])/giu, 'toujours'],
    [/(?<![\p{L}\d])qqch(?![\p{L}])/giu, 'quelque chose'],
    [/(?<![\p{L}\d])rdv(?![\p{L}])/giu, 'rendez-vous'],
    [/(?<![\p{L}\d])tél\.(?=\s)/giu, 'téléphone'],
    [/(?<![\p{L}\d])tech\.(?=\s|$)/giu, 'technicien'],
    [/(?<![\p{L}\d.,])([2-4])\s?x(?![\p{L}\d])/giu, (_m: string, n: string) => ['deux fois', 'trois fois', 'quatre fois'][Number(n) - 2]!],
    [/(?<![\p{L}\d])(lun|mar|mer|jeu|ven|sam|dim)\.?\s*(?=\d{1,2}(?:er)?(?:\s+\p{L}|\/\d|\s*$|[,;)]|\.(?!\d)))/giu, '§WD$1 '],
    [/(?<![\p{L}\d])ca\.\s*(?=\d)/giu, 'environ '],
  ],
  es: [
    [/(?<![\p{L}\d])aprox\.?(?![\p{L}])/giu, 'aproximadamente'],
    [/(?<![\p{L}\d])(?:tlf|tfno|telf|tel)\.(?=\s)/giu, 'teléfono'],
    [/(?<![\p{L}\d])(?:pls|plz|porfa|xfa|xfavor)(?![\p{L}])/giu, 'por favor'],
    [/(?<![\p{L}\d])inkl\.|incl\.(?=\s)/giu, 'incluidas'],
    [/(?<![\p{L}\d])q(?=\s)/giu, 'que'],
    [/(?<=(?:^|\s)de\s)(ene|feb|mar|abr|may|jun|jul|ago|sept|sep|oct|nov|dic)\.(?![\p{L}])/giu, '§MO$1'],
    [/(?<![\p{L}\d])(lun|mar|mié|mie|jue|vie|sáb|sab|dom)\.?\s*(?=\d{1,2}(?:\s+(?:de\s+)?\p{L}|\/\d|\s*$|[,;)]|\.(?!\d)))/giu, '§WD$1 '],
    // "5% dto.", "10 % dto en la obra": a discount as a letter says it.
    [/(?<![\p{L}\d])(\d+(?:[.,]\d+)?)\s*%\s*(?:dto|dcto|desc)\.?(?![\p{L}])/giu, 'un $1 % de descuento'],
    [/(?<![\p{L}\d])(?:dto|dcto)\.(?=\s)/giu, 'descuento'],
    [/(?<![\p{L}\d])c\/(?=\s)/giu, 'con'],
    [/(?<![\p{L}\d.,])([2-4])\s?x(?![\p{L}\d])/giu, (_m: string, n: string) => ['dos veces', 'tres veces', 'cuatro veces'][Number(n) - 2]!],
    [/(?<![\p{L}\d])p\.\s?ej\.(?=\s|$)/giu, 'por ejemplo'],
    [/(?<![\p{L}\d])aprox\.?(?=\s*\d)/giu, 'aproximadamente'],
    // A weekday shortened in prose ("la cita del mar.", "el jue."), not before a date.
    [/(?<![\p{L}\d])(el|del|al|este|hasta|desde)\s+(lun|mar|mié|mie|jue|vie|sáb|sab|dom)\.(?!\s*\d)/giu, '$1 §WD$2'],
  ],
};
const WEEKDAYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: { mo: 'montag', di: 'dienstag', mi: 'mittwoch', do: 'donnerstag', fr: 'freitag', sa: 'samstag', so: 'sonntag' },
  fr: { lun: 'lundi', mar: 'mardi', mer: 'mercredi', jeu: 'jeudi', ven: 'vendredi', sam: 'samedi', dim: 'dimanche' },
  es: { lun: 'lunes', mar: 'martes', mié: 'miércoles', mie: 'miércoles', jue: 'jueves', vie: 'viernes', sáb: 'sábado', sab: 'sábado', dom: 'domingo' },
};

/** The manager's abbreviations written out ("inkl." → "inklusive", "vérif." → "vérification", "tlf." → "teléfono", "am mi." → "am mittwoch"). */
export function expandAbbreviations(text: string, lang: string): string {
  const rules = EXPAND[lang];
  if (!rules || text === '') return text;
  let out = text;
  for (const [re, to] of rules) out = typeof to === 'string' ? out.replace(re, to) : out.replace(re, to);
  if (!out.includes('§')) return out;
  const days = WEEKDAYS[lang]!;
  return out
    .replace(/§WD(\p{L}+)/gu, (_m, d: string) => days[d.toLowerCase()] ?? d)
    .replace(/§MO(\p{L}+)/gu, (_m, m: string) => ES_MONTHS[m.toLowerCase()] ?? m)
    .replace(/§VERIF(\p{L}+)/gu, (_m, verb: string) => (/^(?:sont|seront)$/iu.test(verb) ? 'vérifiés' : 'vérifié'));
}

/**
 * Typed text in the familiar register ("du", "os/vosotros", "tu") in the letter's one register,
 * Sie / usted / vous, where a rule is safe: possessives and object pronouns, and the verbs on the
 * lists below. What is left is told to the writer (informalWords) in the incident's language.
 */
const DE_VERBS: Readonly<Record<string, string>> = {
  hast: 'haben', bist: 'sind', kannst: 'können', musst: 'müssen', sollst: 'sollen', willst: 'wollen', darfst: 'dürfen', wirst: 'werden',
  bekommst: 'bekommen', kriegst: 'bekommen', erhältst: 'erhalten', brauchst: 'brauchen', findest: 'finden', siehst: 'sehen', weißt: 'wissen',
  möchtest: 'möchten', hattest: 'hatten', warst: 'waren', konntest: 'konnten', bestellst: 'bestellen', musstest: 'mussten', wolltest: 'wollten', solltest: 'sollten', wartest: 'warten',
};
/** Imperatives ("schick uns", "prüft bitte"), by the infinitive they come from. */
const DE_IMPERATIVE = new Map<string, string>();
for (const inf of ['schicken', 'melden', 'rufen', 'prüfen', 'stoßen', 'sagen', 'schauen', 'ignorieren', 'zahlen', 'antworten', 'senden', 'holen', 'bringen',
  'kommen', 'kontaktieren', 'bestätigen', 'ändern', 'warten', 'legen', 'löschen', 'installieren', 'aktualisieren', 'starten', 'testen', 'checken',
  'überprüfen', 'kontrollieren', 'nutzen', 'verwenden', 'buchen', 'bezahlen', 'überweisen', 'geben', 'nehmen', 'lesen', 'beachten', 'wenden']) {
  const stem = inf.endsWith('ern') ? inf.slice(0, -1) : inf.slice(0, -2);
  for (const f of [stem, `${stem}e`, `${stem}t`, `${stem}et`]) DE_IMPERATIVE.set(f, inf);
}
DE_IMPERATIVE.set('gib', 'geben').set('gebt', 'geben').set('nimm', 'nehmen').set('nehmt', 'nehmen').set('lies', 'lesen').set('lest', 'lesen').set('ruf', 'rufen');
const DE_POSSESSIVE: Readonly<Record<string, string>> = {
  dein: 'Ihr', deine: 'Ihre', deinen: 'Ihren', deinem: 'Ihrem', deiner: 'Ihrer', deines: 'Ihres',
  euer: 'Ihr', eure: 'Ihre', euren: 'Ihren', eurem: 'Ihrem', eurer: 'Ihrer', eures: 'Ihres',
};
/** Words after a verb that make it a statement ("prüft der Techniker", "meldet sich unser Team"). */
const DE_SUBJECTS = new Set(['der', 'die', 'das', 'ein', 'eine', 'unser', 'unsere', 'wir', 'ich', 'er', 'es', 'man', 'jemand', 'niemand', 'jeder', 'jede', 'sich', 'dann', 'nun', 'jetzt']);
const DE_DATIVE_PREP = new Set(['bei', 'mit', 'von', 'zu', 'aus', 'nach', 'seit', 'gegenüber']);
const DE_ACCUSATIVE_PREP = new Set(['für', 'durch', 'gegen', 'ohne', 'um']);

const ES_VERBS: Readonly<Record<string, string>> = {
  podéis: 'puede', tenéis: 'tiene', queréis: 'quiere', sois: 'es', estáis: 'está', habéis: 'ha', vais: 'va', hacéis: 'hace', sabéis: 'sabe',
  necesitáis: 'necesita', recibiréis: 'recibirá', tendréis: 'tendrá', podréis: 'podrá', recibís: 'recibe', veréis: 'verá', habíais: 'había',
  pagáis: 'paga', pedisteis: 'pidió', recibisteis: 'recibió', hicisteis: 'hizo', tuvisteis: 'tuvo', pagasteis: 'pagó', reservasteis: 'reservó',
  llamad: 'llame', escribid: 'escriba', mandad: 'mande', enviad: 'envíe', revisad: 'revise', comprobad: 'compruebe', pagad: 'pague',
  esperad: 'espere', contactad: 'contacte', mirad: 'mire', guardad: 'guarde', ignorad: 'ignore', borrad: 'borre', cambiad: 'cambie',
  dejad: 'deje', venid: 'venga', traed: 'traiga', haced: 'haga', tened: 'tenga', disculpad: 'disculpe', perdonad: 'perdone',
  confirmad: 'confirme', indicad: 'indique', responded: 'responda', decid: 'diga', avisad: 'avise', usad: 'use', aceptad: 'acepte',
  paguéis: 'pague', hagáis: 'haga', llaméis: 'llame', enviéis: 'envíe', tengáis: 'tenga', uséis: 'use', abráis: 'abra', borréis: 'borre',
  quedaos: 'quédese', sentaos: 'siéntese', poneos: 'póngase', dirigíos: 'diríjase', olvidaos: 'olvídese',
  llamadnos: 'llámenos', escribidnos: 'escríbanos', avisadnos: 'avísenos', decidnos: 'díganos', respondednos: 'respóndanos', mandadnos: 'mándenos', enviadnos: 'envíenos', contactadnos: 'contáctenos',
};
/** "no os preocupéis" → "no se preocupe": a reflexive verb's "os" is "se" beside usted. */
const ES_REFLEXIVE: Readonly<Record<string, string>> = { preocupéis: 'preocupe', quedéis: 'quede', olvidéis: 'olvide', molestéis: 'moleste', sintáis: 'sienta' };
const ES_POSSESSIVE: Readonly<Record<string, string>> = { vuestro: 'su', vuestra: 'su', vuestros: 'sus', vuestras: 'sus', vosotros: 'usted', vosotras: 'usted' };

const FR_VERBS: Readonly<Record<string, string>> = {
  as: 'avez', es: 'êtes', peux: 'pouvez', vas: 'allez', dois: 'devez', veux: 'voulez', sais: 'savez', fais: 'faites', recevras: 'recevrez',
  pourras: 'pourrez', auras: 'aurez', seras: 'serez', devras: 'devrez', avais: 'aviez', étais: 'étiez', reçois: 'recevez', trouveras: 'trouverez',
};
const FR_POSSESSIVE: Readonly<Record<string, string>> = { ta: 'votre', tes: 'vos', ton: 'votre' };

const keepCase = (typed: string, to: string) => (/^\p{Lu}/u.test(typed) ? to[0]!.toUpperCase() + to.slice(1) : to);

/** "on a envoyé" → "nous avons envoyé", "on vous les rembourse" → "nous vous les remboursons": colloquial "on" is "nous" in a letter. */
const FR_ON = /(?<![\p{L}’'])([Oo]n)((?:\s+(?:ne|vous|les|le|la|lui|leur|y|en)(?![\p{L}])|\s+[nl][’'](?=\p{L}))*)\s*(a|est|va|peut|doit|fait|\p{Ll}+[^\s\p{P}]*?e)(?![\p{L}])/gu;
const FR_ON_IRREGULAR: Readonly<Record<string, string>> = { a: 'avons', est: 'sommes', va: 'allons', peut: 'pouvons', doit: 'devons', fait: 'faisons' };
function frenchOnToNous(text: string): string {
  if (!/(?<![\p{L}’'])[Oo]n(?![\p{L}’'])/u.test(text)) return text;
  return text.replace(FR_ON, (m, on: string, objects: string, verb: string) => {
    let to = FR_ON_IRREGULAR[verb];
    if (!to) {
      // Only -er verbs in the present ("vérifie", "passe", "contrôle"): "mange" → "mangeons", "place" → "plaçons".
      if (!/[^aeiouéè]e$/u.test(verb) && !/[iuo]e$/u.test(verb)) return m;
      let stem = verb.slice(0, -1);
      // The stem of "nous": "appelle" → "appel", "jette" → "jet", "achète"/"lève" → "achet"/"lev", "envoie"/"paie" → "envoy"/"pay".
      if (/(?:ll|tt)$/u.test(stem) && !/^(?:quitt|regrett|flott|gratt|frott|mett|sortt)/u.test(stem)) stem = stem.slice(0, -1);
      stem = stem.replace(/è([^aeiouyéèêë]{1,2})$/u, (m, c: string) => `${/é/u.test(stem.slice(0, -m.length)) ? 'é' : 'e'}${c}`).replace(/([oau])i$/u, '$1y');
      to = /g$/u.test(stem) ? `${stem}eons` : /c$/u.test(stem) ? `${stem.slice(0, -1)}çons` : `${stem}ons`;
    }
    const pieces = objects.replace(/\s+/gu, ' ').replace(/([nl][’'])\s*$/u, '$1');
    const joined = pieces.endsWith('’') || pieces.endsWith("'") ? `${pieces}${to}` : `${pieces} ${to}`;
    return `${keepCase(on, 'nous')}${joined.startsWith(' ') ? joined : ` ${joined}`}`.replace(/\s+/gu, ' ');
  });
}

/** German colloquial participles a letter writes formally: "ist rausgegangen" → "ist versandt worden". */
const DE_FORMAL: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}])rausgegangen(?![\p{L}])/gu, 'versandt worden'],
  [/(?<![\p{L}])rausgeschickt(?![\p{L}])/gu, 'versandt'],
  [/(?<![\p{L}])nochmal(?![\p{L}])/gu, 'noch einmal'],
];

export function formalRegister(text: string, lang: string): string {
  if (text === '') return text;
  if (lang === 'de' && /raus|nochmal/u.test(text)) for (const [re, to] of DE_FORMAL) text = text.replace(re, to);
  if (lang === 'es') {
    return text
      .replace(/(?<![\p{L}])[Oo]s\s+(lo|la|los|las)(?![\p{L}])/gu, (m, p: string) => keepCase(m, `se ${p}`))
      .replace(/(?<![\p{L}])[Oo]s\s+(\p{L}+)(?![\p{L}])/gu, (m, v: string) => {
        const k = v.toLowerCase();
        if (Object.hasOwn(ES_REFLEXIVE, k)) return keepCase(m, `se ${ES_REFLEXIVE[k]}`);
        return keepCase(m, `le ${Object.hasOwn(ES_VERBS, k) ? ES_VERBS[k] : v}`);
      })
      .replace(/(?<![\p{L}])a\s+vosotr[oa]s(?![\p{L}])/giu, (m) => keepCase(m, 'a usted'))
      .replace(/(?<![\p{L}])\p{L}+(?![\p{L}])/gu, (w) => {
        const k = w.toLowerCase();
        if (Object.hasOwn(ES_VERBS, k)) return keepCase(w, ES_VERBS[k]!);
        if (Object.hasOwn(ES_POSSESSIVE, k)) return keepCase(w, ES_POSSESSIVE[k]!);
        return w;
      });
  }
  if (lang === 'de') {
    let imperative = false;
    const small = germanLowerCased(text);
    // Word by word, so "und" goes on an imperative only after one ("prüft … und stoßt sie … an").
    return text.replace(/(?<![\p{L}])(\p{L}+)(?![\p{L}])/gu, (w: string, _g: string, at: number, whole: string) => {
      const k = w.toLowerCase();
      const before = whole.slice(0, at);
      const prev = /(\p{L}+)[^\p{L}]*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      const clauseStart = /^\s*$|[.!?;:,–-]\s*$/u.test(before) || prev === 'bitte' || (imperative && (prev === 'und' || prev === 'oder'));
      if (/[.!?]\s*$/u.test(before)) imperative = false;
      // Lower case in text typed all small (the capitals come with the nouns after it), as typed otherwise.
      if (Object.hasOwn(DE_POSSESSIVE, k)) return small ? DE_POSSESSIVE[k]!.toLowerCase() : DE_POSSESSIVE[k]!;
      if (k === 'dir') return 'Ihnen';
      if (k === 'dich') return 'Sie';
      if (k === 'euch') return DE_DATIVE_PREP.has(prev) ? 'Ihnen' : DE_ACCUSATIVE_PREP.has(prev) ? 'Sie' : w;
      if (k === 'du') {
        const next = /^\s+(\p{L}+)/u.exec(whole.slice(at + w.length))?.[1]?.toLowerCase();
        if (next && Object.hasOwn(DE_VERBS, next)) return 'Sie';
        return w;
      }
      if (Object.hasOwn(DE_VERBS, k)) {
        const near = /(?<![\p{L}])du\s+$/iu.test(before) || /^\s+du(?![\p{L}])/iu.test(whole.slice(at + w.length));
        return near ? keepCase(w, DE_VERBS[k]!) : w;
      }
      if (clauseStart && DE_IMPERATIVE.has(k)) {
        const next = /^\s+(\p{L}+)/u.exec(whole.slice(at + w.length))?.[1]?.toLowerCase() ?? '';
        // "…, prüft der Techniker": a subject after the verb makes it a statement, not a request ("bitte" always asks).
        if (prev !== 'bitte' && (DE_SUBJECTS.has(next) || (next === 'sie' && !imperative))) return w;
        // "…, kommt morgen": a note's verb with its subject left out, not a request to several ("prüft bitte", "schickt uns").
        if (prev !== 'bitte' && !imperative && /t$/u.test(k) && !/^(?:bitte|uns|mal|doch|einfach|euch|sofort|kurz)$/u.test(next)) return w;
        imperative = true;
        return `${keepCase(w, DE_IMPERATIVE.get(k)!)} Sie`;
      }
      return w;
    });
  }
  if (lang === 'fr') {
    return frenchOnToNous(text)
      .replace(/(?<![\p{L}])tu\s+(\p{L}+)(?![\p{L}])/giu, (m, v: string) => (Object.hasOwn(FR_VERBS, v.toLowerCase()) ? keepCase(m, `vous ${FR_VERBS[v.toLowerCase()]}`) : m))
      .replace(/(?<![\p{L}])(le|un|du|ce|au|mon|son|bon)?(\s*)(ta|tes|ton)(?=\s+\p{L})/giu, (m, art: string | undefined, sp: string, p: string) =>
        art ? m : `${sp}${keepCase(p, FR_POSSESSIVE[p.toLowerCase()]!)}`)
      .replace(/(?<![\p{L}])te\s+(?=\p{L})/giu, (m) => keepCase(m, 'vous '))
      .replace(/(?<![\p{L}])t[’'](?=\p{L})/giu, (m) => keepCase(m, 'vous '));
  }
  return text;
}

/** Words of the familiar register left after formalRegister: the writer hears about them. */
const INFORMAL: Readonly<Record<string, RegExp>> = {
  de: /(?<![\p{L}])(?:du|dein\p{L}*|dich|dir|euch|eu(?:er|re|ren|rem|rer|res))(?![\p{L}])/giu,
  fr: /(?<![\p{L}])(?:tu|toi|te)(?![\p{L}])/giu,
  es: /(?<![\p{L}])(?:[Oo]s|vosotr[oa]s|vuestr[oa]s?|\p{L}+(?:áis|éis))(?![\p{L}])/giu,
};
export function informalWords(text: string, lang: string): string[] {
  const re = INFORMAL[lang];
  if (!re) return [];
  return [...new Set(formalRegister(text, lang).match(re) ?? [])];
}

/** A finite verb of the clause kinds managers type, in German, French and Spanish (word by word). */
const CLAUSE_VERB: Readonly<Record<string, RegExp>> = {
  de: /(?<![\p{L}])(?:ist|war|wird|werden|wurde|wurden|hat|haben|hatte|hatten|sind|waren|kann|können|konnte|konnten|muss|müssen|soll|sollen|läuft|laufen|lief|liefen|geht|gehen|ging|gingen|kommt|kommen|kam|kamen|bleibt|bleiben|liegt|liegen|lag|lagen|gab|gibt|fiel|fielen|fehlte|fehlten|prüft|prüfen|springt|steht|stand|standen)(?![\p{L}])/u,
  fr: /(?<![\p{L}’'])(?:est|était|étaient|sont|a|ont|avait|avaient|sera|seront|va|vont|peut|peuvent|doit|doivent|fait|font|reste|restent)(?![\p{L}])|(?<![\p{L}])n[’'](?:est|a|ont|était|avait)(?![\p{L}])/u,
  es: /(?<![\p{L}])(?:es|fue|era|eran|son|fueron|ha|han|había|habían|está|están|estaba|estaban|será|serán|va|van|puede|pueden|debe|deben|hay|hubo|queda|quedan|quedó)(?![\p{L}])/u,
};
/** The start of a new main clause after a comma: a subject (pronoun, or article and noun) the verb follows. */
const CLAUSE_SUBJECT: Readonly<Record<string, RegExp>> = {
  de: /^(?:wir|ich|es|er|man|unser\p{L}*|(?:der|die|das|ein|eine|jede[rs]?|alle|kein\p{L}*|zwei|drei)\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*|\p{Lu}[\p{L}-]+(?=\s+(?:ist|war|wird|wurde|wurden|hat|hatte|sind|waren|lagen|lag|gingen|ging|kamen|kam|fielen|fiel|fehlten|fehlte)(?![\p{L}])))(?![\p{L}])/u,
  fr: /^(?:nous|je|il|elle|ils|elles|(?:le|la|les|un|une|notre|nos|chaque|ce|cette|ces)\s+\p{L}+|l[’']\p{L}+)(?![\p{L}])/u,
  es: /^(?:nosotros|yo|él|ella|ellos|(?:el|la|los|las|un|una|nuestro|nuestra|nuestros|nuestras|cada|este|esta)\s+\p{L}+)(?![\p{L}])/u,
};

/** More verbs, for the part before a comma only: French "ne partent", "nous passons", Spanish "retrasó", "no llegaba". */
const LEFT_VERB: Readonly<Record<string, RegExp>> = {
  de: /$^/u,
  fr: /(?<![\p{L}])(?:ne|n[’'])\s*\p{L}{2,}|(?<![\p{L}])(?:nous|je|il|elle|ils|elles)\s+\p{L}{2,}|\p{L}{3,}(?:aient|ait)(?![\p{L}])|(?<![\p{L}])[lmtsn][’'](?:ont|a|est|avait|avaient|était|étaient)(?![\p{L}])/u,
  es: /(?<![\p{L}])no\s+\p{L}{2,}|\p{L}{3,}(?:aron|ieron|aba|aban|ía|ían|amos|emos|imos)(?![\p{L}])|\p{L}{3,}ó(?![\p{L}])/u,
};

/**
 * A subject that is a clause's start by itself, whatever verb follows: a personal pronoun or "nobody"
 * ("…ese día, nadie lo revisó", "…mercredi, nous relançons le dernier", "…remboursé, il apparaîtra").
 */
const PRONOUN_SUBJECT: Readonly<Record<string, RegExp>> = {
  de: /^(?:wir|ich|er|man|niemand|keiner|nichts)\s+\p{Ll}/u,
  fr: /^(?:nous|je|il|elle|ils|elles|personne\s+ne|rien\s+ne|aucun\p{L}*\s+ne|aucun\p{L}*\s+\p{L}+\s+(?:ne|n[’']))\s*\p{L}/u,
  es: /^(?:(?:nosotros|nosotras|yo|él|ella|ellos|ellas|nadie|nada|ninguno|ninguna)\s+\p{L}|no\s+(?:(?:le|les|lo|la|los|las|se|nos)\s+)?\p{L}{2,}(?:amos|emos|imos|ó|aron|ieron)(?![\p{L}]))/u,
};
/** A finite verb as the first word after a noun subject, past its clitics: "le propriétaire reçoit", "el técnico llamó". */
const VERB_NEXT: Readonly<Record<string, RegExp>> = {
  de: /^\s*(?:ist|war|wird|werden|wurde|wurden|hat|haben|hatte|hatten|sind|waren|kann|können|konnte|konnten|muss|müssen|soll|sollen|läuft|laufen|lief|liefen|geht|gehen|ging|gingen|kommt|kommen|kam|kamen|bleibt|bleiben|liegt|liegen|lag|lagen|gab|gibt|fiel|fielen|fehlte|fehlten|prüft|prüfen|springt|steht|stand|standen)(?![\p{L}])/u,
  fr: /^\s*(?:(?:ne|n[’']|se|s[’']|y|en|lui|leur|les|vous|nous)\s*)*(?:\p{L}{2,}(?:oit|oivent|era|eront|ra|ront|ait|aient)|(?:passe|arrive|part|bloque|contrôle|vérifie|expire|envoie|prend|devient|manque|coûte|marche|fonctionne|sort|tombe|affiche|concerne|apparaît|reçoit|reste|vient|tient|met|suit|attend|garde|appelle|rappelle|confirme|relance|rembourse|traite)(?:nt)?)(?![\p{L}])/u,
  es: /^\s*(?:(?:no|se|le|les|lo|la|los|las|nos)\s+)*(?:\p{L}{3,}(?:ó|aron|ieron|aba|aban|ía|ían|ará|arán|erá|erán|irá|irán))(?![\p{L}])/u,
};

/** Whether a comma-joined piece opens a main clause: a subject and its verb ("…, le propriétaire reçoit…"), not a relative clause ("…, die im Zeitraum abgebrochen wurden"). */
function opensMainClause(clause: string, lang: string): boolean {
  if (PRONOUN_SUBJECT[lang]?.test(clause)) return true;
  const subject = CLAUSE_SUBJECT[lang]!;
  const m = subject.exec(clause);
  if (!m) return false;
  const after = clause.slice(m[0].length);
  // German puts the finite verb of a main clause right after its subject; one only at the end is a relative or subordinate clause.
  if (lang === 'de') return VERB_NEXT.de!.test(after) || CLAUSE_VERB.de!.test(after.replace(/\s*\p{L}+\s*$/u, ''));
  return CLAUSE_VERB[lang]!.test(after) || VERB_NEXT[lang]!.test(after);
}

const SUBORDINATE_START = /^\s*(?:wenn|weil|als|falls|obwohl|sobald|nachdem|bevor|da|si|s[’']il|s[’']ils|quand|lorsque|lorsqu[’']\p{L}+|parce|puisque|comme|dès que|cuando|porque|aunque|como|mientras)(?![\p{L}])/iu;

/** One comma-joined piece: its text and whether it opens a main clause with a subject and a verb. */
export interface Splice { at: number; left: string; right: string; safe: boolean }

/**
 * Comma splices in a typed field ("…hatte einen Systemausfall, pakete lagen 3 tage rum", "updates nur
 * noch unter der woche, ein zweiter load-balancer wird eingerichtet"): a comma followed by a new
 * subject and its verb. `safe` when the part before has a verb of its own, so a full stop may go there.
 */
export function commaSplices(text: string, lang: string): Splice[] {
  const verb = CLAUSE_VERB[lang];
  const subject = CLAUSE_SUBJECT[lang];
  if (!verb || !subject || !text.includes(',')) return [];
  const out: Splice[] = [];
  const re = /,\s+/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    const clause = /^[^,.;:!?]*/u.exec(rest)![0];
    const left = text.slice(start, m.index);
    // A clause after an "if"/"when" clause is its main clause, not a splice ("si votre banque…, nous les prenons en charge").
    if (opensMainClause(clause, lang) && !SUBORDINATE_START.test(left)) {
      // The part before must not be a sentence start of its own ("wenn …, …"): only plain main clauses.
      out.push({ at: m.index, left, right: clause, safe: (verb.test(left) || LEFT_VERB[lang]!.test(left)) && !/^\s*(?:wenn|weil|als|falls|obwohl|si|quand|lorsque|parce|cuando|si|porque|aunque)(?![\p{L}])/iu.test(left) });
    }
    start = m.index + m[0].length;
  }
  return out;
}

/** The safe splices split into sentences: "…Systemausfall. Pakete lagen 3 Tage herum." */
export function splitSplices(text: string, lang: string): string {
  const splices = commaSplices(text, lang).filter((s) => s.safe);
  if (splices.length === 0) return text;
  let out = text;
  for (const s of splices.reverse()) {
    const after = out.slice(s.at).replace(/^,\s+/u, '');
    out = `${out.slice(0, s.at)}. ${after[0]!.toUpperCase()}${after.slice(1)}`;
  }
  return out;
}

const RELATIVE: Readonly<Record<string, RegExp>> = {
  de: /,\s+(?:der|die|das|den|dem|deren|dessen|welche\p{L}*|mit dem|bei dem|in dem)\s/u,
  fr: /,?\s+(?:qui|que|qu[’']|dont|où)(?![\p{L}])/u,
  es: /,?\s+(?:que|el cual|la cual|donde|quien)(?![\p{L}])/u,
};
const DETERMINER: Readonly<Record<string, RegExp>> = {
  de: /^(?:ein|eine|einen|der|die|das|unser|unsere|zwei|drei|mehrere)(?![\p{L}])/iu,
  fr: /^(?:un|une|le|la|les|l[’']|des|notre|nos|deux|trois|plusieurs)(?![\p{L}])/iu,
  es: /^(?:un|una|el|la|los|las|unos|unas|nuestro|nuestra|nuestros|nuestras|dos|tres|varios|varias)(?![\p{L}])/iu,
};
/** Nouns a cause opens with, typed without their article ("erreur lors du traitement", "error al preparar"). */
const BARE: Readonly<Record<string, ReadonlyArray<readonly [RegExp, string]>>> = {
  fr: [
    [/^(?:erreur|panne|coupure|migration|mise à jour|défaillance|confusion|inversion|grève|surcharge|rupture|saturation|inondation|absence)(?![\p{L}])/iu, 'une '],
    [/^(?:bug|oubli|retard|incident|changement|défaut|manque|souci|mélange|malentendu)(?![\p{L}])/iu, 'un '],
  ],
  es: [
    [/^(?:error|fallo|problema|despiste|cambio|retraso|olvido|corte|atasco)(?![\p{L}])/iu, 'un '],
    [/^(?:huelga|avería|caída|confusión|sobrecarga|rotura|baja|inundación|actualización|migración)(?![\p{L}])/iu, 'una '],
  ],
};
const lowerFirst = (t: string) => (/^\p{Lu}\p{Ll}/u.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);

/**
 * A cause typed as a noun phrase ("ein fehlerhaftes Update am Load-Balancer, das wir … eingespielt
 * haben", "erreur lors du traitement des prélèvements", "error al preparar el pedido"), framed in a
 * sentence of its own: "Ursache war ein fehlerhaftes Update …", "Le problème venait d’une erreur …",
 * "La causa fue un error …". Empty when the cause is a sentence already or does not open with a noun.
 */
export function framedCause(text: string, lang: string): string {
  const verb = CLAUSE_VERB[lang];
  const det = DETERMINER[lang];
  if (!verb || !det) return '';
  const t = text.trim().replace(/[.!…;:\s]+$/u, '');
  if (t === '' || /[.!?;:]\s/u.test(t)) return '';
  const rel = RELATIVE[lang]!.exec(t);
  const head = rel ? t.slice(0, rel.index) : t;
  // A verb of any of the shapes a splice's first part is read by ("se subió", "ne partent") makes it a sentence already.
  if (verb.test(head) || LEFT_VERB[lang]!.test(head) || /(?<![\p{L}])se\s+(?:\p{L}{3,}(?:ó|aron|ía|ían)|hizo|hicieron|puso|pusieron|dio|dieron|tuvo|tuvieron|vio|vieron|rompió|cayó|cayeron)(?![\p{L}])/u.test(head) || /,/u.test(head) || head.split(/\s+/u).length > 16) return '';
  let np = t;
  if (!det.test(np)) {
    const bare = BARE[lang]?.find(([re]) => re.test(np));
    if (!bare) return '';
    np = bare[1] + lowerFirst(np);
  } else np = lang === 'de' ? np.replace(/^\p{Lu}(?=\p{Ll}*\s)/u, (c) => c.toLowerCase()) : lowerFirst(np);
  if (lang === 'de') return `Ursache war ${np}.`;
  if (lang === 'es') return `La causa fue ${np}.`;
  // French: "de" with the article ("d’une", "du", "de la", "des", "de l’").
  if (/^des /u.test(np)) return '';
  const de = /^le /u.test(np) ? np.replace(/^le /u, 'du ') : /^les /u.test(np) ? np.replace(/^les /u, 'des ') : /^(?:un|une)(?![\p{L}])/u.test(np) ? `d’${np}` : `de ${np}`;
  return `Le problème venait ${de}.`;
}

/** Plural nouns a German mistake names the whole batch by ("unsere Weihnachtsgewürz-Sets"), with their singular and its possessive. */
const DE_BATCH: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/sets$/u, 'set', 'Ihr'], [/pakete$/u, 'paket', 'Ihr'], [/tickets$/u, 'ticket', 'Ihr'], [/kalender$/u, 'kalender', 'Ihr'], [/gutscheine$/u, 'gutschein', 'Ihr'],
  [/bestellungen$/u, 'bestellung', 'Ihre'], [/lieferungen$/u, 'lieferung', 'Ihre'], [/sendungen$/u, 'sendung', 'Ihre'], [/boxen$/u, 'box', 'Ihre'],
  [/kisten$/u, 'kiste', 'Ihre'], [/karten$/u, 'karte', 'Ihre'],
];
const DE_PLURAL_VERB: Readonly<Record<string, string>> = {
  sind: 'ist', waren: 'war', wurden: 'wurde', werden: 'wird', haben: 'hat', hatten: 'hatte', konnten: 'konnte', können: 'kann',
  kamen: 'kam', kommen: 'kommt', gingen: 'ging', gehen: 'geht', lagen: 'lag', liegen: 'liegt', blieben: 'blieb', bleiben: 'bleibt',
};

/**
 * A German mistake typed about the whole batch ("unsere Weihnachtsgewürz-Sets, bestellt bis …, sind nicht … verschickt
 * worden") told to the one reader ("Ihr Weihnachtsgewürz-Set, bestellt bis …, ist nicht … verschickt worden"): the noun in
 * the singular with "Ihr"/"Ihre", and the first plural verb after it agreeing. Other text is returned as typed.
 */
export function germanToReader(text: string): string {
  const m = /^(\s*)unsere\s+([\p{L}-]+)(?![\p{L}])/iu.exec(text);
  if (!m) return text;
  const noun = m[2]!;
  const rule = DE_BATCH.find(([re]) => re.test(noun.toLowerCase()));
  if (!rule) return text;
  const [re, one, own] = rule;
  const lower = noun.toLowerCase();
  const stem = noun.slice(0, lower.search(re));
  const single = stem === '' ? one[0]!.toUpperCase() + one.slice(1) : stem + (/-$/u.test(stem) ? one[0]!.toUpperCase() + one.slice(1) : one);
  const rest = text.slice(m[0].length);
  const verb = /(?<![\p{L}])(sind|waren|wurden|werden|haben|hatten|konnten|können|kamen|kommen|gingen|gehen|lagen|liegen|blieben|bleiben)(?![\p{L}])/u.exec(rest);
  if (!verb) return text;
  return `${m[1]}${own} ${single}${rest.slice(0, verb.index)}${DE_PLURAL_VERB[verb[1]!]}${rest.slice(verb.index + verb[1]!.length)}`;
}

/**
 * An outcome typed as a note of the new date ("neuer termin fr 27.11. ca. 10 uhr", "nouveau rdv ven 27 nov à 9h",
 * "nueva cita el lunes 30") said as a sentence: "Ihr neuer Termin ist am Freitag, 27. November, gegen 10 Uhr.",
 * "Votre nouveau rendez-vous est fixé au vendredi 27 novembre à 9 h.", "Su nueva cita es el lunes 30.".
 * Anything else is returned as typed.
 */
export function outcomeNote(text: string, lang: string, verbless = false): string {
  const t = text.trim();
  const dayStart = /^(?:\d|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)/iu;
  if (lang === 'de') {
    const m = /^neuer\s+([\p{L}-]*termin)\s*:?\s*(?:ist\s+)?(?:am\s+)?(.+)$/iu.exec(t);
    if (m && dayStart.test(m[2]!)) return `Ihr neuer ${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)} ist ${/^morgen/iu.test(m[2]!) ? '' : 'am '}${m[2]!.replace(/[.\s]+$/u, '')}.`;
  }
  if (lang === 'fr') {
    const m = /^nouveau\s+(rendez-vous|créneau|passage)\s*:?\s*(?:le\s+|au\s+|fixé\s+au\s+)?(.+)$/iu.exec(t);
    if (m && dayStart.test(m[2]!)) return `Votre nouveau ${m[1]!.toLowerCase()} est fixé au ${m[2]!.replace(/[.\s]+$/u, '')}.`;
  }
  if (lang === 'es') {
    const m = /^nueva\s+(cita|visita|fecha de entrega|fecha|entrega|instalación)\s*:?\s*(?:es\s+)?(?:para\s+)?(?:el\s+)?(.+)$/iu.exec(t);
    if (m && dayStart.test(m[2]!)) return `Su nueva ${m[1]!.toLowerCase()} es el ${m[2]!.replace(/[.\s]+$/u, '')}.`;
  }
  return (verbless ? verblessOutcome(t, lang) : undefined) ?? text;
}

const DE_WEEKDAY = 'Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag';
const FR_WEEKDAY = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
const ES_WEEKDAY = 'lunes|martes|miércoles|jueves|viernes|sábado|domingo';
const DE_COMES = /(?:lieferung|sendung|paket|ersatz|ware|kiste|bestellung|päckchen|karton)$/iu;
const FR_COMES = /^(?:commande|colis|lunettes|meuble|canapé|table|livraison de remplacement|remplacement|verres|article|articles|produit|produits|pièce|pièces)$/u;
const FR_EVENT = /^(?:livraison|intervention|installation|passage|rendez-vous|séance|cours|réparation|visite|pose|rdv)$/u;
const ES_COMES = /^(?:pedido|paquete|envío|mueble|sofá|mesa|azulejos|material|producto|artículo|pieza|piezas|gafas)$/u;
const ES_EVENT = /^(?:clase|cita|visita|sesión|entrega|instalación|reparación|obra|reunión|consulta|curso|revisión)$/u;
const ES_READERS = /^(?:pedido|paquete|envío|mueble|sofá|mesa|cita|visita|sesión|entrega|instalación|reparación|obra|gafas|bici|bicicleta|coche|reserva|consulta|revisión)$/u;
const ES_FEMININE = /^(?:\p{L}*(?:ción|sión|dad|tad|tud|umbre|ie)|clase|tarde|noche|parte|mesa|obra|cita|visita|entrega|reserva|consulta|pieza|revisión|bici|bicicleta|gafas)$/u;

/**
 * i18n16: an outcome typed as a thing and its day, with no verb ("lieferung freitag 4.12.", "kursstart do 7.1. 16 uhr",
 * "lunettes dispo mardi 1er déc", "obra terminada viernes 11/12", "clase recuperación sábado 28/11 10h"), said as the
 * sentence a letter writes, in the future it is: "Ihre Lieferung kommt am Freitag, 4. Dezember.", "Der Kurs beginnt am
 * Donnerstag, 7. Januar, um 16 Uhr.", "Vos lunettes seront disponibles le mardi 1er décembre.", "La obra estará terminada
 * el viernes 11 de diciembre.", "La clase de recuperación será el sábado 28 de noviembre a las 10:00.". Undefined for
 * anything else. Only for the outcome field itself (`verbless`): a mistake typed as a thing and its day is no promise.
 */
function verblessOutcome(t: string, lang: string): string | undefined {
  const body = t.replace(/[.\s]+$/u, '');
  if (lang === 'de') {
    const m = new RegExp(`^(?:(?:die|der|das|ihre?|neue[rs]?)\\s+)?(\\p{L}[\\p{L}-]*)\\s+(?:(jetzt|nun|neu)\\s+)?(?:am\\s+)?((?:${DE_WEEKDAY})(?![\\p{L}]).*|\\d{1,2}\\.\\s*\\p{L}.*)$`, 'iu').exec(body);
    if (!m) return undefined;
    const word = m[1]![0]!.toUpperCase() + m[1]!.slice(1);
    const now = m[2] ? `${m[2].toLowerCase()} ` : '';
    const day = m[3]!.replace(new RegExp(`^(${DE_WEEKDAY}),?\\s+(?=\\d)`, 'u'), '$1, ').replace(/(\d{1,2}\.\s+\p{L}+),?\s+(?:um\s+)?(\d{1,2}(?::\d{2})?)\s*Uhr$/u, '$1, um $2 Uhr');
    const start = /^(.+?)-?start$/iu.exec(word);
    if (start) {
      const n = germanNoun(start[1]!);
      if (!n) return undefined;
      return `${germanArticle(n)[0]!.toUpperCase()}${germanArticle(n).slice(1)} ${start[1]} beginnt ${now}am ${day}.`;
    }
    const n = germanNoun(word);
    if (!n) return undefined;
    const own = germanTheirs(n) || DE_COMES.test(word) ? germanYour(n) : germanArticle(n)[0]!.toUpperCase() + germanArticle(n).slice(1);
    if (DE_COMES.test(word)) return `${own} ${word} ${n.plural ? 'kommen' : 'kommt'} ${now}am ${day}.`;
    return `${own} ${word} ${n.plural ? 'sind' : 'ist'} ${now}am ${day}.`;
  }
  if (lang === 'fr') {
    const ready = new RegExp(`^(?:(?:vos|votre|le|la|les)\\s+)?(\\p{L}[\\p{L}-]*)\\s+(?:dispo|disponibles?|prête?s?)\\s+(?:le\\s+|à partir du\\s+|dès le\\s+)?((?:${FR_WEEKDAY})(?![\\p{L}]).*|\\d.*)$`, 'iu').exec(body);
    if (ready) {
      const pl = /[sx]$/u.test(ready[1]!);
      return `${pl ? 'Vos' : 'Votre'} ${ready[1]!.toLowerCase()} ${pl ? 'seront disponibles' : 'sera disponible'} le ${ready[2]}.`;
    }
    const m = new RegExp(`^(?:(?:votre|vos|le|la|les)\\s+)?(\\p{L}[\\p{L}-]*)\\s+(?:le\\s+)?((?:${FR_WEEKDAY})(?![\\p{L}]).*)$`, 'iu').exec(body);
    if (!m) return undefined;
    const w = m[1]!.toLowerCase();
    const pl = /[sx]$/u.test(w) && w !== 'colis' && w !== 'cours' && w !== 'rendez-vous';
    if (FR_COMES.test(w)) return `${pl ? 'Vos' : 'Votre'} ${w} ${pl ? 'arriveront' : 'arrivera'} le ${m[2]}.`;
    if (FR_EVENT.test(w)) return `${pl ? 'Vos' : 'Votre'} ${w} ${pl ? 'auront' : 'aura'} lieu le ${m[2]}.`;
    return undefined;
  }
  if (lang === 'es') {
    const time = (d: string) => d.replace(/\s+(?:a las\s+)?(\d{1,2})\s*h$/u, ' a las $1:00').replace(/\s+(?:a las\s+)?(\d{1,2}):(\d{2})\s*h?$/u, ' a las $1:$2');
    const ready = new RegExp(`^(?:(?:la|el|su|sus|los|las)\\s+)?(\\p{L}+(?:\\s+(?:de|del|de la)\\s+\\p{L}+)?)\\s+(terminad[oa]s?|acabad[oa]s?|list[oa]s?|entregad[oa]s?|disponibles?|reparad[oa]s?)\\s+(?:el\\s+)?((?:${ES_WEEKDAY})(?![\\p{L}]).*|\\d.*)$`, 'iu').exec(body);
    const m = ready ?? new RegExp(`^(?:(?:la|el|su|sus|los|las)\\s+)?(\\p{L}+(?:\\s+(?:de|del|de la)\\s+\\p{L}+)?)\\s+()(?:el\\s+)?((?:${ES_WEEKDAY})(?![\\p{L}]).*)$`, 'iu').exec(body);
    if (!m) return undefined;
    const phrase = m[1]!.toLowerCase();
    const head = phrase.split(/\s+/u)[0]!;
    const pl = /s$/u.test(head) && !/^(?:gafas)$/u.test(head) ? true : head === 'gafas';
    if (!ready && !ES_COMES.test(head) && !ES_EVENT.test(head)) return undefined;
    if (ready && !ES_COMES.test(head) && !ES_EVENT.test(head) && !ES_READERS.test(head)) return undefined;
    const f = ES_FEMININE.test(head);
    const art = ES_READERS.test(head) && head !== 'obra' ? (pl ? 'Sus' : 'Su') : pl ? (f ? 'Las' : 'Los') : f ? 'La' : 'El';
    const day = time(m[3]!);
    if (ready) return `${art} ${phrase} ${pl ? 'estarán' : 'estará'} ${m[2]!.toLowerCase()} el ${day}.`;
    if (ES_COMES.test(head)) return `${art} ${phrase} ${pl ? 'llegarán' : 'llegará'} el ${day}.`;
    return `${art} ${phrase} ${pl ? 'serán' : 'será'} el ${day}.`;
  }
  return undefined;
}

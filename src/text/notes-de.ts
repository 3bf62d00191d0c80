/**
 * A German manager's note as the letter's own sentences (after text/typed.ts has set the capitals,
 * dates and abbreviations). Only shapes a rule reads for certain are changed; anything else stays
 * as typed:
 *
 * - a thing or a person and a participle: "Techniker nicht gekommen" → "Unser Techniker ist nicht
 *   gekommen", "Termin nicht umgeplant" → "Der Termin wurde nicht umgeplant", "fehlerhaftes Update …
 *   eingespielt" → "Ein fehlerhaftes Update wurde … eingespielt";
 * - "keine Absage" → "Es gab keine Absage" (now: "Es gibt keine Updates mehr …"); an offer "keine
 *   Anfahrtspauschale" → "Die Anfahrtspauschale berechnen wir Ihnen nicht";
 * - a state: "Schwellwert falsch" → "Der Schwellwert war falsch"; "seit 15:40 Uhr stabil" → "Seit 15:40 Uhr läuft wieder alles stabil";
 * - "hat keiner gemerkt" → "Das hat niemand bemerkt";
 * - a request as an infinitive: "wenn Freitag nicht passt kurz anrufen" → "Wenn Ihnen Freitag nicht passt, rufen Sie uns bitte kurz an";
 * - shorthand: "fr-so" → "von Freitag bis Sonntag", "+" → "und", "wg." → "wegen".
 *
 * A noun's article comes from its gender (text/nouns-de.ts); a noun of unknown gender is left as typed.
 */
import { commaPieces, figuresAsWords } from './note-pieces.js';
import { germanArticle, germanNoun, germanOur, germanTheirs, germanYour, type GermanNoun } from './nouns-de.js';
import { outcomeNote } from './typed.js';

export type NoteRoleI18n = 'mistake' | 'cause' | 'commitment' | 'outcome' | 'action' | 'remedy';

const MONTHS_SHORT: Readonly<Record<string, string>> = { Jan: 'Januar', Feb: 'Februar', Mär: 'März', Apr: 'April', Jun: 'Juni', Jul: 'Juli', Aug: 'August', Sep: 'September', Sept: 'September', Okt: 'Oktober', Nov: 'November', Dez: 'Dezember' };
const DAYS: Readonly<Record<string, string>> = { mo: 'Montag', di: 'Dienstag', mi: 'Mittwoch', do: 'Donnerstag', fr: 'Freitag', sa: 'Samstag', so: 'Sonntag' };

/** Finite verbs a note's piece may already have (then it is a clause and stays). */
const FINITE = /(?<![\p{L}])(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|hatten|kann|können|konnte|konnten|muss|müssen|musste|mussten|soll|sollen|sollte|will|wollen|wollte|darf|dürfen|gibt|gab|geht|gehen|ging|gingen|kommt|kommen|kam|kamen|liegt|liegen|lag|lagen|steht|stehen|stand|standen|läuft|laufen|lief|liefen|fehlt|fehlen|fehlte|fehlten|fiel|fielen|bleibt|bleiben|blieb|blieben|gilt|gelten|entfällt|entfallen|passt|passte|hing|hängt|ruft|rufen|prüft|prüfen|schickt|schicken|schreibt|schreiben|melden|meldet|bekommt|bekommen|erhalten|erhält|bestellen|liefern|liefert|lieferte|klären|klärt|kümmern|kümmert|reicht|reichte|zahlen|zahlt|arbeiten|arbeitet|machen|macht|machte|wissen|weiß|sehen|sieht|sah|brauchen|braucht|brauchte|erstatten|senden|sendet|übernehmen|übernimmt|finden|findet|fand|stimmt|stimmte|klappt|klappte|funktionierte|erfolgt|erfolgte)(?![\p{L}])|(?<![\p{L}])(?:wir|ich|er|es|man|Sie)\s+\p{Ll}/u;

/** Participles whose perfect takes "sein": "ist nicht gekommen". */
const SEIN = /^(?:\p{L}*(?:gekommen|gegangen|gefallen|geblieben|gefahren|gelaufen|geflogen|gestiegen|gesunken|gestorben|geworden|gerutscht|gestürzt|geraten|geschehen|gewesen|gescheitert|passiert|erschienen|verschwunden|eingetroffen|aufgetreten|abgestürzt|fehlgeschlagen|hängengeblieben|liegengeblieben|ausgefallen|angekommen|verloren gegangen|zerbrochen))$/u;
/** A participle by its form: "umgeplant", "eingespielt", "verschoben", "storniert", "gekommen". */
const PARTICIPLE = /^(?:\p{Ll}*ge\p{Ll}{2,}(?:t|en)|\p{Ll}+iert|(?:zurück|an|ab|auf|aus|ein|nach|vor|um)?(?:be|ver|er|ent|zer|über|miss|hinter)\p{Ll}{2,}(?:t|en))$/u;
/** Not participles whatever their form. */
const NOT_PARTICIPLE = new Set(['gestern', 'genug', 'gegen', 'gerne', 'gern', 'getrennt', 'gesamt', 'geben', 'gehen', 'erst', 'erstens', 'bereits', 'bestens', 'bitten', 'verpflichtet', 'berechtigt', 'bekannt', 'verantwortlich']);
/** State words a note pairs with a noun: "Schwellwert falsch". */
const STATE_WORDS = 'unterwegs|überbucht|falsch|kaputt|defekt|krank|leer|voll|ausverkauft|ausgebucht|offline|online|unvollständig|fehlerhaft|verspätet|weg|unterbesetzt|überlastet|nicht erreichbar|nicht verfügbar|nicht da|zu klein|zu groß|stabil|normal|in Ordnung|wieder da|wieder online|wieder erreichbar|verfügbar|erreichbar|behoben|nicht lieferbar|vergriffen|fertig|nicht fertig|bereit|abholbereit|nicht bereit|geschlossen|möglich|nicht möglich';
const STATE_END = new RegExp(`(?:^|\\s)(?:${STATE_WORDS})$`, 'u');
const STATE_START = new RegExp(`^(?:wieder\\s+)?(?:${STATE_WORDS})(?:\\s+(?:wegen|seit|bis|ab|von|am|um|durch|nach|zum|zur|für|bei|im|in)\\s.*)?$`, 'u');
/** Nominative determiners a noun phrase may open with. */
const DET = /^(?:der|die|das|ein|eine|unser|unsere|Ihr|Ihre|dieser|diese|dieses|jeder|jede|jedes|jeden|jedem|kein|keine|keiner|jene|jener|jenes|manche|mancher|einige|mehrere|viele|beide|sämtliche|zwei|drei|vier|fünf|alle|\d+)$/iu;
const PREP = /^(?:über|von|für|am|im|mit|bei|aus|in|an|auf|zum|zur|vom|beim|ohne|nach|seit|wegen)$/u;
/** People a note may say we asked or told (i18n14). */
const PEOPLE = /^(?:empfänger|empfängerin|empfängerinnen|kunde|kunden|kundin|kundinnen|gast|gäste|patient|patienten|patientin|patientinnen|mitglied|mitglieder|nutzer|nutzerin|teilnehmer|teilnehmerin|abonnent|abonnenten|abonnentin|käufer|käuferin|mieter|mieterin)$/u;
/** Adjectives before a noun: a strong or weak ending ("fehlerhaftes", "neue", "automatischer"). */
const ADJ = /^\p{Ll}{3,}(?:e|er|es|en)$/u;

const cap = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
const lowerFirst = (s: string) => (/^(?:Der|Die|Das|Ein|Eine|Unser|Unsere|Es|Neue|Keine|Kein|Keinen)(?![\p{L}])/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Shorthand a note has and a letter writes out (before the pieces are read). */
function shorthand(text: string): string {
  return text
    .replace(/(?<![\p{L}])(von\s+|ab\s+|zwischen\s+)?(mo|di|mi|do|fr|sa|so)\s?[-–]\s?(mo|di|mi|do|fr|sa|so)(?![\p{L}])/giu, (_m, pre: string | undefined, a: string, b: string) =>
      `${pre && /^von/iu.test(pre) ? 'von ' : pre ?? 'von '}${DAYS[a.toLowerCase()]}${pre && /^zwischen/iu.test(pre) ? ' und ' : ' bis '}${DAYS[b.toLowerCase()]}`)
    // "wenn fr nicht passt": a weekday shortened after "wenn", "falls", "ob", "bis", "oder".
    .replace(/(?<=(?:^|\s)(?:wenn|falls|ob|oder|bis|und|am|ab|vom|zum|Wenn|Falls)\s)(mo|di|mi|do|fr|sa|so)(?=\s+(?:nicht|passt|geht|klappt|oder|und)(?![\p{L}]))/gu, (d: string) => DAYS[d]!)
    // "Sa 10:58 UTC": a weekday shortened before a time.
    .replace(/(?<![\p{L}])(am\s+)?(Mo|Di|Mi|Do|Fr|Sa|So|mo|di|mi|do|fr|sa|so)\.?\s+(?=\d{1,2}:\d{2})/gu, (_m, am: string | undefined, d: string) => `${am ?? 'am '}${DAYS[d.toLowerCase()]} um `)
    // "27. November 7:30 Uhr" → "27. November, um 7:30 Uhr"; "30. November 8–10 Uhr" → "30. November, zwischen 8 und 10 Uhr".
    .replace(/(\d{1,2}\. (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?: \d{4})?),? (\d{1,2}(?::\d{2})?)(?:[–-](\d{1,2}(?::\d{2})?))? Uhr/gu, (_m, d: string, a: string, b: string | undefined) =>
      (b ? `${d}, zwischen ${a} und ${b} Uhr` : `${d}, um ${a} Uhr`))
    .replace(/(?<![\p{L}])Zeitfenster (\d{1,2}(?::\d{2})?)[–-](\d{1,2}(?::\d{2})?) Uhr/gu, 'zwischen $1 und $2 Uhr')
    .replace(/\s\+\s/gu, ' und ')
    // i18n14: "links/rechts vertauscht": both sides.
    .replace(/(?<![\p{L}])(links|rechts|oben|unten|vorne|hinten)\/(links|rechts|oben|unten|vorne|hinten)(?![\p{L}])/gu, '$1 und $2')
    // "Nov." → "November"; "2-3 Werktage" → "2 bis 3 Werktage".
    .replace(/(?<![\p{L}\d])(Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez)\.(?=\s|$)/gu, (_m, mo: string) => MONTHS_SHORT[mo]!)
    .replace(/(?<![\d.,])(\d+)\s?[-–]\s?(\d+)\s+(Tage|Werktage|Arbeitstage|Tagen|Werktagen|Arbeitstagen|Wochen|Stunden|Minuten|Monate|Monaten)(?![\p{L}])/gu, '$1 bis $2 $3')
    // "kommt Mittwoch, 2. Dezember" → "kommt am Mittwoch, 2. Dezember".
    .replace(/(?<=(?:kommt|kommen|ist|sind|wird|werden|erfolgt|liefern|liefert|geht|gehen)\s)(?=(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?![\p{L}]))/gu, 'am ')
    .replace(/(?<![\p{L}])[Hh]ats(?![\p{L}])/gu, 'hat es')
    .replace(/(?<![\p{L}])gibts(?![\p{L}])/gu, 'gibt es')
    .replace(/(?<![\p{L}])runterladen(?![\p{L}])/gu, 'herunterladen')
    .replace(/(?<![\p{L}])(?:keiner|keine|niemand) (hat|hatte) (es |das )?(?:gemerkt|bemerkt)(?![\p{L}])/gu, 'niemand $1 $2bemerkt')
    .replace(/(?<![\p{L}])nicht nur (SMS|E-Mail|Mail|Brief|Post)(?![\p{L}])/gu, 'nicht nur per $1')
    // "Grundgebühr Dezember" → "Grundgebühr für Dezember".
    .replace(/(?<![\p{L}])(\p{Lu}[\p{L}-]+) (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?! \d)/gu, (m, w: string, mo: string) => (germanNoun(w) ? `${w} für ${mo}` : m))
    // "kommt Do", "Zustellung ca. Mi": a weekday shortened after a word that names a day; "ca." before a day is "voraussichtlich".
    .replace(/(?<=(?:kommt|kommen|etwa|ca\.|circa|voraussichtlich|bis|ab|am|vom|zum)\s)(Mo|Di|Mi|Do|Fr|Sa|So)\.?(?=$|[\s,;])/gu, (d: string) => DAYS[d.replace(/\.$/u, '').toLowerCase()]!)
    .replace(/(?<![\p{L}])(?:etwa|ca\.|circa)\s+(?:am\s+)?(?=(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?![\p{L}]))/gu, 'voraussichtlich am ')
    .replace(/(?<=(?:kommt|kommen|voraussichtlich)\s)(?=(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?![\p{L}]))/gu, 'am ')
    // "4 Std. down": a service that is down is not reachable.
    .replace(/(?<![\p{L}])down(?![\p{L}])/gu, 'nicht erreichbar')
    // "für nächste Bestellung": the reader's next one.
    .replace(/(?<![\p{L}])für\s+(?:die\s+|den\s+|das\s+)?nächste(n|s)?\s+(?=\p{Lu})/gu, (_m, end: string | undefined) => `für Ihre${end === 'n' ? 'n' : ''} nächste${end ?? ''} `)
    // "läuft wieder seit 14 Uhr", "ist wieder online seit 14 Uhr": the time first ("läuft seit 14 Uhr wieder").
    .replace(/(?<![\p{L}])wieder((?:\s+(?:online|erreichbar|verfügbar|da|stabil|normal))?)\s+((?:seit|ab)\s+(?:\d{1,2}(?::\d{2})?\s*(?:Uhr|UTC)|gestern|heute(?:\s+(?:früh|morgen|mittag|nachmittag|abend))?|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?:,?\s+(?:um\s+)?\d{1,2}(?::\d{2})?\s*Uhr)?))(?=$|[\s,.;])/gu, (_m, state: string, since: string) => `${since.replace(/(tag|woch)\s+(?:um\s+)?(\d)/u, '$1, $2')}${/\d\s*Uhr$/u.test(since) && /tag|woch/u.test(since) ? ',' : ''} wieder${state}`)
    .replace(/(?<![\p{L}])wg\.(?=\s)/giu, 'wegen')
    .replace(/(?<![\p{L}])bzgl\.(?=\s)/giu, 'bezüglich')
    .replace(/(?<![\p{L}])(?:asap|schnellstmöglich)(?![\p{L}])/giu, 'so schnell wie möglich')
    .replace(/(?<![\p{L}])(?:Dispo)(?![\p{L}-])/gu, 'Disposition')
    .replace(/(?<![\p{L}])(?:dispo)(?![\p{L}-])/gu, 'Disposition')
    // "aber", "sondern", "denn" between clauses take a comma.
    .replace(/(\p{L})\s+(aber|sondern|denn)\s+(?=(?:die|der|das|wir|es|ein|eine|unser\p{L}*)\s)/gu, '$1, $2 ');
}

/** Split at commas outside brackets and quotes. */
function pieces(sentence: string): string[] {
  return commaPieces(sentence, '(„«', ')“»', (sentence, i) => /(?:tag|woch)$/u.test(sentence.slice(Math.max(0, i - 4), i)) && /^\d/u.test(sentence.slice(i + 2)));
}

/** The noun phrase a piece opens with: its words and the noun (last word), or undefined. */
function nounPhrase(words: string[]): { end: number; det: boolean; adjectives: boolean; noun: GermanNoun | undefined } | undefined {
  let i = 0;
  const det = words[0] !== undefined && DET.test(words[0]);
  if (det) i++;
  let adjectives = false;
  while (i < words.length - 1 && ADJ.test(words[i]!) && !PARTICIPLE.test(words[i]!) && (germanNoun(words[i + 1]!) || /^\p{Lu}/u.test(words[i + 1]!))) {
    adjectives = true;
    i++;
  }
  const w = words[i];
  if (w === undefined || !/^\p{Lu}/u.test(w)) return undefined;
  let noun = germanNoun(w.replace(/[^\p{L}-]+$/u, ''));
  if (!det && !noun) return undefined;
  // i18n13: "falsche Empfänger" with no article: an adjective in -e before a masculine or neuter noun says many
  // (one would be "falscher Empfänger"): "Falsche Empfänger wurden angeschrieben", never "Ein falsche Empfänger wurde".
  if (!det && adjectives && noun && !noun.plural && noun.gender !== 'f' && /\p{Ll}e$/u.test(words[0]!)) noun = { ...noun, plural: true };
  return { end: i + 1, det, adjectives, noun };
}

/** The noun phrase with its article: "Techniker" → "Unser Techniker", "fehlerhaftes Update" → "Ein fehlerhaftes Update". */
function withArticle(words: string[], np: NonNullable<ReturnType<typeof nounPhrase>>, role: NoteRoleI18n): string | undefined {
  const phrase = words.slice(0, np.end).join(' ');
  if (np.det) return cap(phrase);
  const n = np.noun!;
  // i18n14: after "Ihre" a plural's adjectives are weak ("neue Gläser" → "Ihre neuen Gläser").
  const weak = (x: string) => (n.plural && np.adjectives ? x.replace(/(?<=^|\s)(\p{Ll}{2,}e)(?=\s)/gu, '$1n') : x);
  if (((role === 'mistake' || role === 'outcome') && germanTheirs(n)) || /^(?:nächst|kommend)/u.test(words[0]!)) return `${germanYour(n)} ${weak(phrase)}`;
  if (np.adjectives) return n.plural ? cap(phrase) : `${n.gender === 'f' ? 'Eine' : 'Ein'} ${phrase}`;
  return `${cap(n.ours ? germanOur(n) : germanArticle(n))} ${phrase}`;
}

/** A bare noun (and its adjectives) as an object, with the accusative article: "Termine" → "die Termine", "Beleg" → "den Beleg". */
/** Things a request names that are the reader's own ("Prüfen Sie bitte Ihren Kontoauszug"). */
const READERS_OWN = /^(?:kontoauszug|kontoauszüge|passwort|postfach|posteingang|kundenkonto|zugangsdaten|spam-ordner|bankkonto|konto)$/u;

function objectArticle(text: string, some = false, yours = false): string {
  const m = /^((?:\p{Ll}{3,}(?:e|en|es|er)\s+)?)(\p{Lu}[\p{L}-]*)(?=\s|$)/u.exec(text);
  if (!m) return text;
  const n = germanNoun(m[2]!);
  if (!n) return text;
  if (yours && READERS_OWN.test(m[2]!.toLowerCase())) {
    const art = n.plural || n.gender === 'f' ? 'Ihre' : n.gender === 'm' ? 'Ihren' : 'Ihr';
    return `${art} ${m[1]!.replace(/(\p{Ll})(?:e|es|er|en)\s+$/u, n.plural || n.gender === 'm' ? '$1en ' : n.gender === 'f' ? '$1e ' : '$1es ')}${text.slice(m[1]!.length)}`;
  }
  // "hatte Störung" → "hatte eine Störung"; "hat falsche Ware geschickt" → "die falsche Ware"; plurals take "die".
  if (some && !n.plural && !germanTheirs(n) && !/^(?:falsch|richtig|gleich|selb|ganz)/u.test(m[1]!)) {
    const art = n.gender === 'f' ? 'eine' : n.gender === 'm' ? 'einen' : 'ein';
    const adj = m[1]!.replace(/(\p{Ll})(?:e|es|er|en)\s+$/u, n.gender === 'm' ? '$1en ' : n.gender === 'f' ? '$1e ' : '$1es ');
    return `${art} ${adj}${text.slice(m[1]!.length)}`;
  }
  const art = n.plural || n.gender === 'f' ? 'die' : n.gender === 'm' ? 'den' : 'das';
  // An adjective after a definite article takes the weak ending: "alte" stays, "neuen"/"alten" as typed.
  const adj = m[1]!.replace(/(\p{Ll})(?:e|es|er|en)\s+$/u, n.plural || n.gender === 'm' ? '$1en ' : '$1e ');
  return `${art} ${adj}${text.slice(m[1]!.length)}`;
}

const PAST: ReadonlySet<NoteRoleI18n> = new Set(['mistake', 'cause']);

/** Participles of what others did to us, or what happened by itself: never "Wir haben … gehackt". */
const NOT_OURS = /^(?:gehackt|angegriffen|beschädigt|gestohlen|geklaut|blockiert|gesperrt|abgelehnt|gekündigt|zurückgebucht|überlastet|infiziert|verschlüsselt|ausgenutzt|kompromittiert|getroffen|betroffen|überflutet|gestört|unterbrochen|ausgelöst|bestreikt|erkrankt|überbucht|ausgebucht|gelöscht|überschrieben|dupliziert|beschädigt|verletzt|beschlagnahmt|zurückgehalten)$/u;
/**
 * i18n15: a subject made the object of "Wir haben …": its article and the adjectives before the noun in the accusative
 * ("Der falsche Auftragszettel" → "den falschen Auftragszettel", "Ein fehlerhaftes Update" → "ein fehlerhaftes Update",
 * "Unser Mailprogramm" → "unser Mailprogramm"); undefined where the phrase has no article a rule can read.
 */
function accusativeOf(subject: string, n: GermanNoun): string | undefined {
  const m = /^(Der|Die|Das|Ein|Eine|Unser|Unsere|Ihr|Ihre)\s+((?:\p{Ll}{3,}(?:e|er|es|en)\s+)*)(\p{Lu}.*)$/u.exec(subject);
  if (!m) return undefined;
  const [, art, adjs, rest] = m as unknown as [string, string, string, string];
  const masc = !n.plural && n.gender === 'm';
  const article = masc ? { Der: 'den', Ein: 'einen', Unser: 'unseren', Ihr: 'Ihren' }[art as 'Der'] : art === 'Ihr' || art === 'Ihre' ? art : art.toLowerCase();
  if (article === undefined) return undefined;
  const adjectives = masc ? adjs.replace(/(\p{Ll})(?:e|er)\s/gu, '$1en ') : adjs;
  return `${article} ${adjectives}${rest}`;
}

/** "obwohl schon bezahlt": what the reader had done ("obwohl Sie schon bezahlt hatten"); undefined for any other shape. */
function althoughDone(said: string): string | undefined {
  const m = /^obwohl\s+((?:schon|bereits|längst)\s+)?(\p{Ll}+)$/u.exec(said);
  if (!m || !PARTICIPLE.test(m[2]!) || NOT_PARTICIPLE.has(m[2]!)) return undefined;
  return `obwohl Sie ${/^(?:bezahlt|gezahlt|überwiesen|storniert|gekündigt|abgesagt|reklamiert|angerufen|zurückgeschickt)$/u.test(m[2]!) ? '' : 'es '}${m[1] ?? ''}${m[2]} hatten`;
}

/** Whether a subject is plural ("Die Pakete", "Zwei Artikel"). */
function plural0(np: NonNullable<ReturnType<typeof nounPhrase>>, subject: string): boolean {
  return np.noun?.plural ?? /^(?:alle|zwei|drei|vier|fünf|\d+)$/iu.test(subject.split(/\s+/u)[0]!);
}

/** A subject ("Unser neuer Paketdienst", "Ein automatischer Rollback") as an indefinite accusative: "einen neuen Paketdienst". */
function indefiniteAccusative(subject: string, n: GermanNoun): string {
  const bare = subject.replace(/^(?:Der|Die|Das|Ein|Eine|Unser|Unsere|Ihr|Ihre)\s/u, '');
  const adj = bare.replace(/^((?:\p{Ll}+\s+)*)/u, (m) => m.replace(/(\p{Ll})(?:e|er|es|en)(?=\s)/gu, n.plural ? '$1e' : n.gender === 'm' ? '$1en' : n.gender === 'f' ? '$1e' : '$1es'));
  return `${n.plural ? '' : n.gender === 'm' ? 'einen ' : n.gender === 'f' ? 'eine ' : 'ein '}${adj}`;
}

/** A subject ("Der Fehler beim Import", "Eine neue Software") after "zu": "einem Fehler beim Import", "einer neuen Software". */
function indefiniteDative(phrase: string): string {
  const m = /^(?:der|die|das|ein|eine)\s+((?:\p{Ll}+\s+)*)(\p{Lu}[\p{L}-]*)(.*)$/u.exec(phrase);
  if (!m) return phrase;
  const n = germanNoun(m[2]!);
  if (!n) return phrase;
  const adj = m[1]!.replace(/(\p{Ll})(?:e|er|es|en)(?=\s)/gu, '$1en');
  return `${n.plural ? '' : n.gender === 'f' ? 'einer ' : 'einem '}${adj}${m[2]}${n.plural && !/n$/u.test(m[2]!) ? 'n' : ''}${m[3]}`;
}

/** One comma piece of a note as a clause, or undefined when no rule is sure. */
/**
 * Whether the piece after piece k goes on with its clause ("Ihr Termin … am Mittwoch, 25. November" + "um 10:30 Uhr wurde … gestrichen"):
 * it opens with no subject of its own and has a verb that is not its first word. Then piece k is no note of its own.
 */
function continues(parts: string[], k: number): boolean {
  const next = parts[k + 1]?.trim();
  if (next === undefined || !/^(?!(?:wir|ich|es|man|er|der|die|das|den|ein|eine|kein|keine|unser\p{L}*|Sie|niemand|keiner|jemand|alle|nichts|und|oder|aber|sondern|denn)\s)\p{Ll}/u.test(next)) return false;
  const verb = FINITE.exec(next);
  return verb !== null && verb.index > 0;
}

/** A piece that leans on the one before it (a conjunction, a relative pronoun, a preposition): never a note of its own. */
const LEANS = /^(?:und|oder|aber|sondern|denn|sowie|als|wie|weil|dass|ob|obwohl|damit|sodass|bis|mit|für|von|bei|nach|zu|auf|an|in|im|am|über|unter|durch|ohne|statt|welche\p{L}*|deren|dessen|wo|womit|wobei|also|d\.\s?h\.|z\.\s?B\.|inklusive|verrechnet|gültig)(?![\p{L}])/u;

/** Finite verbs a subordinate clause ends with ("…, weil der Drucker kaputt war"). */
const LAST_VERB = /^(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|hatten|kann|können|konnte|konnten|musste|mussten|sollte|gab|kam|kamen|lag|lagen|fehlte|fehlten|ging|gingen|lief|liefen|fiel|fielen|blieb|blieben|\p{Ll}{3,}te|\p{Ll}{3,}ten)$/u;
/**
 * A clause typed with its verb last (after "weil"/"da") as a main clause, the verb second:
 * "Kurierdienst Pakete liegen gelassen hat" → "Kurierdienst hat Pakete liegen gelassen". Undefined when the subject is unclear.
 */
function verbSecond(clause: string): string | undefined {
  const words = clause.replace(/[.!]+$/u, '').split(/\s+/u);
  if (words.length < 3) return undefined;
  const verb = words[words.length - 1]!;
  if (!LAST_VERB.test(verb)) return undefined;
  let end: number;
  if (/^(?:wir|ich|es|man|niemand|jemand|keiner|Sie)$/u.test(words[0]!)) end = 1;
  else {
    const np = nounPhrase(words);
    if (!np) return undefined;
    end = np.end;
    // "Der Drucker im Lager kaputt war": an attribute with a preposition stays with its noun.
    if (PREP.test(words[end] ?? '') && /^(?:dem|der|den|des|\p{Lu})/u.test(words[end + 1] ?? '') && end + 2 < words.length - 1) end += /^(?:dem|der|den|des)$/u.test(words[end + 1]!) ? 3 : 2;
  }
  return [...words.slice(0, end), verb, ...words.slice(end, -1)].join(' ');
}

function pieceToClause(piece: string, role: NoteRoleI18n): string | undefined {
  let t = piece.trim().replace(/\s*[;:…]+$/u, '');
  if (role === 'action') {
    const asked = request(t);
    if (asked) return asked;
  }
  // i18n14: "Online-Buchung und Telefonbuchung gleichzeitig": two things at once ("Es gab gleichzeitig eine Online-Buchung und eine Telefonbuchung").
  const atOnce = /^(\p{Lu}[\p{L}-]*) und (\p{Lu}[\p{L}-]*) (gleichzeitig|zeitgleich|parallel)$/u.exec(t);
  if (atOnce && (role === 'cause' || role === 'mistake')) {
    const a = germanNoun(atOnce[1]!);
    const b = germanNoun(atOnce[2]!);
    const acc = (n: GermanNoun, w: string) => (n.plural ? w : `${n.gender === 'm' ? 'einen' : n.gender === 'f' ? 'eine' : 'ein'} ${w}`);
    if (a && b) return `Es gab ${atOnce[3]} ${acc(a, atOnce[1]!)} und ${acc(b, atOnce[2]!)}`;
  }
  // i18n14: a cause "… nach Software-Update": after one ("nach einem Software-Update").
  if (role === 'cause') {
    t = t.replace(/(?<=\snach )(\p{Lu}[\p{L}-]*)(?=$|[\s,])/u, (w: string) => {
      const n = germanNoun(w);
      return n && !n.plural ? `${n.gender === 'f' ? 'einer' : 'einem'} ${w}` : w;
    });
  }
  // "weil Kurierdienst Pakete liegen gelassen hat": a reason typed as a subordinate clause (verb last) said as a main clause.
  const because = /^(?:weil|da)\s+(.+)$/u.exec(t);
  if (because && (role === 'cause' || role === 'mistake')) {
    const main = verbSecond(because[1]!);
    if (main) return pieceToClause(main, role) ?? cap(main);
  }
  // "schoko statt zitrone": one thing sent instead of another, said as what the reader got.
  const swap = /^([\p{L}\d][\p{L}\d-]*(?:\s+[\p{L}\d][\p{L}\d-]*)?)\s+(?:statt|anstatt|anstelle von)\s+([\p{L}\d][\p{L}\d-]*(?:\s+[\p{L}\d][\p{L}\d-]*)?)$/u.exec(t);
  if (swap && role === 'mistake' && !FINITE.test(t) && ![...swap[1]!.split(/\s+/u), ...swap[2]!.split(/\s+/u)].some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) {
    const thing = (x: string) => {
      const w = x.split(/\s+/u);
      const n = germanNoun(w[0]!);
      // "Größe M" → "die Größe M"; a lone lower-case word is a noun here ("schoko" → "Schoko").
      if (n && w.length > 1) return `${n.plural || n.gender === 'f' ? 'die' : n.gender === 'm' ? 'den' : 'das'} ${cap(w[0]!)} ${w.slice(1).join(' ')}`;
      return w.map((v) => (/^\p{Ll}{3,}$/u.test(v) && !/^(?:und|oder|mit|ohne)$/u.test(v) ? cap(v) : v)).join(' ');
    };
    return `Sie haben ${thing(swap[1]!)} statt ${thing(swap[2]!)} bekommen`;
  }
  // i18n13: "hat beim packen keiner bemerkt": no one noticed it ("Das hat beim Packen niemand bemerkt").
  const unnoticed = /^(?:hat|hatte)\s+(?:(.*?)\s+)?(?:keiner|keine|niemand)\s+(bemerkt|gemerkt|gesehen|kontrolliert|geprüft|mitbekommen)$/u.exec(t);
  if (unnoticed) return `Das ${t.startsWith('hatte') ? 'hatte' : 'hat'} ${unnoticed[1] ? `${unnoticed[1]} ` : ''}niemand ${unnoticed[2] === 'gemerkt' ? 'bemerkt' : unnoticed[2]}`;
  // i18n13: "Komplettausfall der Lagerverwaltung" typed as the mistake: what happened ("Es kam zu einem Komplettausfall der Lagerverwaltung").
  const outage = /^(\p{Lu}[\p{L}-]*(?:ausfall|störung|unterbrechung|panne|verzögerung))((?:\s+(?:der|des|im|in|bei|beim|von|unserer|unseres)\s+[\p{L}-]+)*)$/u.exec(t);
  if (outage && (role === 'mistake' || role === 'cause')) {
    const said = indefiniteDative(`der ${outage[1]}${outage[2]}`);
    if (said !== `der ${outage[1]}${outage[2]}`) return `Es kam zu ${said}`;
  }
  // "keine Bestellungen möglich": there was nothing possible.
  const impossible = /^(kein|keine|keinen)\s+(.+?)\s+(möglich|nötig|erlaubt|verfügbar|erreichbar)$/iu.exec(t);
  // i18n13: "keine buchungen und kein versand möglich": two things, neither possible ("Weder Buchungen noch Versand waren möglich").
  const both = impossible && /^(\S+(?:\s+\S+)?)\s+und\s+(?:kein|keine|keinen)\s+(\S+(?:\s+\S+)?)$/iu.exec(impossible[2]!);
  if (impossible && both && !FINITE.test(t)) return `Weder ${both[1]} noch ${both[2]} ${PAST.has(role) ? 'waren' : 'sind'} ${impossible[3]}`;
  if (impossible && !FINITE.test(t)) {
    const head = /([\p{L}-]+)$/u.exec(impossible[2]!)?.[1] ?? '';
    const n = germanNoun(head);
    const plural = n ? n.plural : /(?:en|s)$/u.test(head);
    const verb = PAST.has(role) ? (plural ? 'waren' : 'war') : (plural ? 'sind' : 'ist');
    const word = n && !n.plural && n.gender !== 'f' ? 'kein' : 'keine';
    return `Es ${verb} ${word} ${impossible[2]} ${impossible[3]}`;
  }
  // "Anfahrt geht auf uns", "Versand auf unsere Kosten": a cost we take.
  const ours = /^(.+?)\s+(?:(?:geht|gehen)\s+auf\s+(?:uns|unsere Kosten)|auf unsere Kosten)$/u.exec(t);
  if (ours && (role === 'remedy' || role === 'outcome') && !FINITE.test(ours[1]!)) {
    const thing = ours[1]!.replace(/^(?:die|der|das|den)\s+/iu, '');
    const object = objectArticle(thing);
    if (object !== thing) return `${cap(object)} übernehmen wir`;
  }
  // "Etikett anbei": something enclosed.
  const enclosed = /^(?:(?:das|der|die|ein|eine)\s+)?((?:\p{Ll}+(?:e|es|er|en)\s+)?\p{Lu}[\p{L}-]*)\s+(?:anbei|liegt bei|beigefügt|beiliegend)$/u.exec(t);
  if (enclosed) {
    const words = enclosed[1]!.split(/\s+/u);
    const n = germanNoun(words[words.length - 1]!);
    if (n) return `${cap(germanArticle(n))} ${enclosed[1]} ${n.plural ? 'liegen' : 'liegt'} bei`;
  }
  // "versehentlich alte Preisliste verwendet": the note after its adverb, the adverb after the verb.
  const adverb = /^(versehentlich|aus Versehen|leider|fälschlicherweise|irrtümlich|irrtümlicherweise)\s+(.+)$/u.exec(t);
  if (adverb) {
    const made = pieceToClause(adverb[2]!, role);
    const at = made ? /\s(wurde|wurden|ist|sind|war|waren|hat|haben|hatte|hatten)\s/u.exec(made) : null;
    if (made && at) return `${made.slice(0, at.index + at[0].length)}${adverb[1]} ${made.slice(at.index + at[0].length)}`;
  }
  // "dauert 2 bis 3 Werktage": it takes.
  if (/^dauert\s/u.test(t)) return `Es ${t}`;
  // "Kunde hat reklamiert": the reader.
  const reader = /^(?:Kunde|Kundin)\s+(hat|ist|war|hatte|wurde)\s+(.+)$/u.exec(t);
  if (reader && (role === 'mistake' || role === 'outcome')) return `Sie ${{ hat: 'haben', ist: 'sind', war: 'waren', hatte: 'hatten', wurde: 'wurden' }[reader[1]!]} ${reader[2]}`;
  // "ab sofort Wareneingangskontrolle bei jeder Lieferung": a change from now on.
  const from = /^(ab sofort|künftig|ab jetzt|ab heute)\s+((?:\p{Ll}+(?:e|er|es|en)\s+)?)(\p{Lu}[\p{L}-]*)(.*)$/u.exec(t);
  if (from && role === 'commitment' && !FINITE.test(t)) {
    const n = germanNoun(from[3]!);
    if (n && !from[4]!.split(/\s+/u).some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) {
      const art = n.plural ? '' : n.gender === 'm' ? 'einen ' : n.gender === 'f' ? 'eine ' : 'ein ';
      const adj = from[2]!.replace(/(\p{Ll})(?:e|er|es|en)\s+$/u, n.plural ? '$1e ' : n.gender === 'm' ? '$1en ' : n.gender === 'f' ? '$1e ' : '$1es ');
      return `${cap(from[1]!)} gibt es ${art}${adj}${from[3]}${from[4]}`;
    }
  }
  if (LEANS.test(t) && !/^(?:seit|ab)\s/u.test(t)) return undefined;
  if (t === '' || FINITE.test(t)) {
    // "hat keiner gemerkt": a verb with no subject before it.
    const m = /^(hat|hatte|ist|war|wurde)\s+(?:keiner|keine|niemand)\s+(.+)$/u.exec(t);
    if (m) return `Das ${m[1]} niemand ${m[2]!.replace(/^gemerkt$/u, 'bemerkt')}`;
    // "Disposition hat Termine … verschoben": a bare noun before its verb gets its article (and a bare object its own).
    const words = t.split(/\s+/u);
    const np = nounPhrase(words);
    if (!np || np.det) return undefined;
    // The verb right after the noun, after a phrase with a preposition ("Kartenzahlung über die Kassen-App ging nicht"), or last ("Grundgebühr Dezember (…) entfällt").
    const k = words.findIndex((w, i) => i >= np.end && /^\p{Ll}/u.test(w) && FINITE.test(w));
    if (k < 0 || !(k === np.end || PREP.test(words[np.end]!) || k === words.length - 1)) return undefined;
    const subject = withArticle(words, np, role);
    if (!subject) return undefined;
    const between = words.slice(np.end, k).join(' ');
    const after = words.slice(k + 1).join(' ');
    const object = /^(?:hat|haben|hatte|hatten)$/u.test(words[k]!) ? objectArticle(after, true) : after;
    return [subject, between, words[k], object].filter((x) => x !== '').join(' ');
  }
  const note = outcomeNote(t, 'de');
  if (note !== t) return note.replace(/\.$/u, '');
  const past = PAST.has(role);
  // "seit 15:40 Uhr stabil": since a time, a state.
  const since = /^(seit|ab)\s+(.+?)\s+(stabil|normal|wieder normal|wieder stabil)$/iu.exec(t);
  if (since) return `${cap(since[1]!)} ${since[2]} läuft wieder alles ${since[3]!.replace(/^wieder /u, '')}`;
  // "keine Absage", "kein Anruf": there was none.
  const none = /^(kein|keine|keinen)\s+(.+)$/iu.exec(t);
  const noneDone = none && /\s(\p{Ll}+)$/u.exec(none[2]!);
  if (none && noneDone && PARTICIPLE.test(noneDone[1]!) && !NOT_PARTICIPLE.has(noneDone[1]!)) return `Es ${past ? 'wurde' : 'wird'} ${none[1]!.toLowerCase()} ${none[2]}`;
  if (none) {
    const head = /^(?:\p{Ll}+(?:e|er|es|en)\s+)*([\p{L}-]+)/u.exec(none[2]!)?.[1] ?? '';
    const n = germanNoun(head);
    if (role === 'remedy' && n) {
      const art = n.plural ? 'Die' : n.gender === 'm' ? 'Den' : n.gender === 'f' ? 'Die' : 'Das';
      return `${art} ${none[2]} berechnen wir Ihnen nicht`;
    }
    const word = n && !n.plural && n.gender === 'm' ? 'keinen' : n && (n.plural || n.gender === 'f') ? 'keine' : none[1]!.toLowerCase();
    return `Es ${past ? 'gab' : 'gibt'} ${word} ${none[2]}`;
  }
  // A note in brackets after it ("(erledigt)", "(Schwellwert falsch)") stays where it is.
  const bracket = /\s*\([^()]*\)$/u.exec(t)?.[0] ?? '';
  const words = t.slice(0, t.length - bracket.length).split(/\s+/u);
  const np = nounPhrase(words);
  if (!np) return undefined;
  const rest = words.slice(np.end);
  const subject = withArticle(words, np, role);
  if (!subject) return undefined;
  const said = clauseOf(subject, np, rest, role);
  return said === undefined ? undefined : `${said}${bracket}`;
}

/** The clause of a noun phrase and the rest of its note. */
function clauseOf(subject: string, np: NonNullable<ReturnType<typeof nounPhrase>>, rest: string[], role: NoteRoleI18n): string | undefined {
  const past = PAST.has(role);
  // A genitive or an attribute belongs to the noun ("Kontrolle der Schnittstelle", "Schnittstelle zum Zahlungsanbieter").
  const attr = /^(?:der|des|zum|zur|vom)$/u.test(rest[0] ?? '') ? 1 + (rest.slice(1).findIndex((w) => /^\p{Lu}/u.test(w)) + 1)
    : rest[0] === 'für' && /^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)$/u.test(rest[1] ?? '') ? 2 : 0;
  if (attr > 1 && attr < rest.length + 1 && !(rest[0] === 'der' && /^\p{Ll}/u.test(rest[attr] ?? 'x') && PARTICIPLE.test(rest[attr] ?? ''))) {
    subject = `${subject} ${rest.slice(0, attr).join(' ')}`;
    rest = rest.slice(attr);
  }
  const cause = () => (np.noun && !np.det && role === 'cause' ? `Ursache ${np.noun.plural ? 'waren' : 'war'} ${lowerFirst(np.adjectives || np.noun.ours || /^(?:fehler|ausfall|defekt|bug|problem|störung|panne|versehen)$/u.test(np.noun.head ?? '') ? subject.replace(/^(?:Unser|Unsere|Der|Die|Das)\s/u, np.noun.plural ? '' : np.noun.gender === 'f' ? 'eine ' : 'ein ') : subject)}${rest.length ? ` ${rest.join(' ')}` : ''}` : undefined);
  if (rest.length === 0) {
    // A change typed as a thing ("automatischer Rollback"): it comes in addition.
    if (role === 'commitment' && np.noun) return np.noun.plural ? `Hinzu kommen ${lowerFirst(subject)}` : `Hinzu kommt ${lowerFirst(subject)}`;
    return cause();
  }
  const text = rest.join(' ');
  // "Lieferung 3 Tage zu spät wegen Streik": the reason goes before the delay ("kam wegen Streik 3 Tage zu spät").
  const lateWhy = /^(.*?)\s*(zu spät|zu früh|verspätet)\s+((?:wegen|durch|aufgrund|wg\.)\s+.+)$/u.exec(text);
  if (lateWhy && (past || role === 'outcome')) return `${subject} ${np.noun?.plural ? 'kamen' : 'kam'} ${lateWhy[3]!.replace(/^wg\.\s/u, 'wegen ')}${lateWhy[1] ? ` ${lateWhy[1]}` : ''} ${lateWhy[2]}`;
  // "Abbuchung doppelt": something done twice (the thing ours to have done: "Die Abbuchung ist doppelt erfolgt").
  if (past && np.noun && /(?:ung|ion)$/u.test(np.noun.head ?? '') && /^(?:doppelt|zweimal|mehrfach|dreimal)$/u.test(text)) return `${subject.replace(/^(?:Ihr|Ihre|Unser|Unsere)\s/u, np.noun.plural ? 'Die ' : `${cap(germanArticle(np.noun))} `)} ${np.noun.plural ? 'sind' : 'ist'} ${text} erfolgt`;
  // "Geld in 3 bis 5 Werktagen auf dem Konto": where it will be.
  const place = /^(.*?)\s*(auf (?:dem|Ihrem) Konto|auf Ihrer Karte|bei Ihnen|im Briefkasten|in der Filiale|in Ihrem Postfach)$/u.exec(text);
  if (place && (role === 'outcome' || role === 'remedy') && !rest.some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) return `${subject} ${plural0(np, subject) ? 'sind' : 'ist'}${place[1] ? ` ${place[1]}` : ''} ${place[2]!.replace(/^auf dem Konto$/u, 'auf Ihrem Konto')}`;
  // "Abgleich Lager/Shop täglich statt wöchentlich": how often a check runs from now on.
  if (role === 'commitment' && np.noun) {
    let r = rest;
    let who = subject;
    const pair = /^(\p{Lu}[\p{L}-]*)\/(\p{Lu}[\p{L}-]*)$/u.exec(r[0] ?? '');
    if (pair) { who = `${who} zwischen ${pair[1]} und ${pair[2]}`; r = r.slice(1); }
    if (r.length > 0 && /^(?:täglich|wöchentlich|stündlich|monatlich|jährlich|jeden|jede|jedes|zweimal|doppelt|automatisch|nächtlich|morgens|abends)$/u.test(r[0]!) && !r.some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) {
      return `${who} ${np.noun.plural ? 'erfolgen' : 'erfolgt'} künftig ${r.join(' ')}`;
    }
    // "neuer Paketdienst ab Januar": from when there is one.
    const from = /^ab\s+(\S+(?:\s\d{4})?)$/u.exec(r.join(' '));
    if (from && !np.det) return `Ab ${from[1]} gibt es ${indefiniteAccusative(subject, np.noun)}`;
  }
  // "Ankunft voraussichtlich am Freitag": when it will be.
  if ((role === 'outcome' || role === 'remedy') && np.noun && !/ung$/u.test(np.noun.head ?? '') && /^(?:voraussichtlich|spätestens)$/u.test(rest[0]!) && !rest.some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) return `${subject} ${np.noun.plural ? 'sind' : 'ist'} ${text}`;
  // "Lieferung 2 Tage zu spät": when it came.
  if (/(?:^|\s)(?:zu spät|zu früh|verspätet)$/u.test(text) && (past || role === 'outcome')) return `${subject} ${np.noun?.plural ? 'kamen' : 'kam'} ${text}`;
  // "anfahrt und montage kostenlos": two things free.
  const both = /^und (\p{Lu}[\p{L}-]*) (kostenlos|gratis|umsonst|kostenfrei)$/u.exec(text);
  if (role === 'remedy' && both && !np.det) return `${subject.replace(/^(?:Unser|Unsere|Der|Die|Das|Ihr|Ihre)\s/u, '')} und ${both[1]} sind für Sie ${both[2]}`;
  // "versand kostenlos": an offer's price.
  if (role === 'remedy' && /^(?:kostenlos|gratis|umsonst|kostenfrei|gratis dazu)$/u.test(text)) return `${subject.replace(/^(?:Unser|Unsere)\s/u, (m) => (m.startsWith('Unsere') || np.noun?.plural ? 'Die ' : np.noun?.gender === 'n' ? 'Das ' : 'Der ')).replace(/^(\p{Lu}\p{Ll}+e)\s(?=\p{Lu})/u, (_m, a: string) => (np.noun?.plural && !np.det ? `Die ${a.toLowerCase()}n ` : _m))} ${np.noun?.plural ? 'sind' : 'ist'} für Sie ${text}`;
  // "Heizungswartung Dienstag, 24. November": what was booked for when.
  // (i18n15: not when a participle says what happened that day: "Novemberbeitrag am 2. November zweimal abgebucht")
  if (role === 'mistake' && /^(?:am\s+)?(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|\d{1,2}\.)/u.test(rest.join(' ')) && !rest.some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) {
    return `${subject} war für ${rest.join(' ').replace(/^am\s+/u, '')} vereinbart`;
  }
  const plural = np.noun?.plural ?? (np.det && /^(?:alle|zwei|drei|vier|fünf|\d+)$/iu.test(subject.split(/\s+/u)[0]!));
  // "verschickt am 24. November": the time goes before the participle ("… wurde am 24. November verschickt").
  const early = rest.findIndex((w, k) => k < rest.length - 1 && PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w) && /^(?:am|um|bis|seit|ab|gestern|heute|vorgestern|letzte|letzten|letzten|vom|im)$/u.test(rest[k + 1]!));
  if (early >= 0 && !rest.slice(early + 1).some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) rest = [...rest.slice(0, early), ...rest.slice(early + 1), rest[early]!];
  // "… abgegeben ohne Info": the participle before a phrase with "ohne".
  const without = rest.findIndex((w, k) => k > 0 && /^(?:ohne|obwohl|statt)$/u.test(w));
  let tail = '';
  // i18n14: "verschickt statt bcc": what we should have done goes before the participle ("im Cc statt im Bcc verschickt").
  if (without > 0 && rest[without] === 'statt' && PARTICIPLE.test(rest[without - 1]!) && rest.length - without <= 3) {
    const instead = rest.slice(without + 1).join(' ').replace(/^(?:bcc|Bcc|BCC)$/u, 'im Bcc').replace(/^(?:cc|Cc|CC)$/u, 'im Cc');
    rest = [...rest.slice(0, without - 1), 'statt', instead, rest[without - 1]!];
  } else if (without > 0 && PARTICIPLE.test(rest[without - 1]!)) {
    const said = rest.slice(without).join(' ');
    tail = /^ohne (?:info|Info|Nachricht|Bescheid|Benachrichtigung|Absage|Vorwarnung)(?: an .*)?$/u.test(said) ? ', ohne dass wir Sie informiert haben' : `, ${althoughDone(said) ?? said}`;
    rest = rest.slice(0, without);
  }
  const last = rest[rest.length - 1]!.replace(/[^\p{L}]+$/u, '');
  const middle = rest.slice(0, -1).join(' ');
  // "… krank gemeldet": reflexive.
  if (last === 'gemeldet' && /(?:^|\s)krank$/u.test(middle)) return `${subject} ${plural ? 'haben' : 'hat'} sich ${middle} gemeldet`;
  if (PARTICIPLE.test(last) && !NOT_PARTICIPLE.has(last) && rest[rest.length - 1] === last) {
    // "falsche Farbe geliefert": we sent the wrong one. An offer: "Gebühr erstattet" → "Wir haben Ihnen die Gebühr erstattet".
    const wrong = /^(?:Ein|Eine)?\s*(falsche|falscher|falsches|falschen)\s/u.exec(subject);
    // "Größe M statt L geschickt": we sent one thing instead of another.
    if (role === 'mistake' && !wrong && np.noun && !SEIN.test(last) && /^(?:geschickt|verschickt|geliefert|gesendet|versandt|eingepackt|verpackt|mitgegeben)$/u.test(last) && /(?:^|\s)statt\s/u.test(middle)) {
      return `Wir haben Ihnen ${objectArticle(subject.replace(/^(?:Ihr|Ihre|Unser|Unsere|Der|Die|Das|Ein|Eine)\s/u, ''))} ${middle} ${last}${tail}`;
    }
    if (!SEIN.test(last) && np.noun && ((role === 'mistake' && wrong) || role === 'remedy')) {
      const n = np.noun;
      const object = role === 'remedy' ? objectArticle(subject.replace(/^(?:Ihr|Ihre|Unser|Unsere|Der|Die|Das|Ein|Eine)\s/u, '')) : `${n.plural ? 'die falschen' : n.gender === 'm' ? 'den falschen' : n.gender === 'f' ? 'die falsche' : 'das falsche'} ${subject.replace(/^.*?falsch\p{Ll}*\s/u, '')}`;
      return `Wir haben Ihnen ${object}${middle ? ` ${middle}` : ''} ${last}${tail}`;
    }
    // i18n14: "Rückruf der Mail versucht": what we tried ("Wir haben einen Rückruf der Mail versucht").
    if (last === 'versucht' && np.noun && !np.det && !np.noun.plural && past) {
      const art = np.noun.gender === 'm' ? 'einen' : np.noun.gender === 'f' ? 'eine' : 'ein';
      return `Wir haben ${art} ${subject.replace(/^(?:Der|Die|Das|Unser|Unsere|Ihr|Ihre)\s/u, '')}${middle ? ` ${middle}` : ''} versucht${tail}`;
    }
    // i18n14: "Empfänger um Löschung gebeten": people we asked or told ("Wir haben die Empfänger um Löschung gebeten").
    if (/^(?:gebeten|informiert|benachrichtigt|kontaktiert|angeschrieben|gewarnt|angerufen|aufgefordert)$/u.test(last) && np.noun && !np.det && !np.adjectives && PEOPLE.test(np.noun.head ?? '') && (np.noun.plural || /er$/u.test(np.noun.head ?? ''))) {
      return `Wir haben die ${subject.replace(/^(?:Der|Die|Das|Unser|Unsere|Ihr|Ihre)\s/u, '')}${middle ? ` ${middle}` : ''} ${last}${tail}`;
    }
    // i18n15: a cause of ours typed as a participle is owned with "wir" (a mistake keeps its reader's thing as subject): "Mailprogramm statt Newsletter-Tool benutzt"
    // → "Wir haben das Mailprogramm statt des Newsletter-Tools benutzt", not "Das Mailprogramm wurde … benutzt" (never for
    // what others did to us: "gehackt", "beschädigt").
    if (role === 'cause' && !SEIN.test(last) && np.noun && !NOT_OURS.test(last) && !/(?:^|\s)(?:von|durch)\s|(?:^|\s)um\s+(?:eins|eine|einen|\d+)(?:\s|$)/u.test(middle)) {
      const object = accusativeOf(subject, np.noun);
      if (object) return `Wir haben ${object}${middle ? ` ${middle}` : ''} ${last}${tail}`;
    }
    // i18n15: a state in a participle's form ("überbucht", "ausgebucht") was, it was not done.
    const aux = /^(?:überbucht|ausgebucht|überlastet)$/u.test(last) ? (past ? (plural ? 'waren' : 'war') : (plural ? 'sind' : 'ist')) : SEIN.test(last) ? (plural ? 'sind' : 'ist') : past ? (plural ? 'wurden' : 'wurde') : (plural ? 'wurden' : 'wurde');
    return `${subject} ${aux}${middle ? ` ${middle}` : ''} ${last}${tail}`;
  }
  // i18n14: "Termin nicht im Kalender": where it stood (or did not).
  const where = /^(nicht\s+)?(im|in der|in unserem|in unserer|auf dem|auf der)\s+\p{Lu}[\p{L}-]*$/u.exec(text.replace(/[.]$/u, ''));
  if (where && where[1] && (past || role === 'outcome')) return `${subject} ${past ? (plural ? 'standen' : 'stand') : (plural ? 'stehen' : 'steht')} ${text.replace(/[.]$/u, '')}`;
  // i18n14: "abholbereit ab Donnerstag, 3. Dezember": the time before the state ("sind ab Donnerstag, 3. Dezember, abholbereit").
  const readyFrom = /^(abholbereit|fertig|bereit|verfügbar|lieferbar)\s+((?:ab|bis|am|spätestens)\s.+)$/u.exec(text.replace(/[.]$/u, ''));
  if (readyFrom && !past) return `${subject} ${plural ? 'sind' : 'ist'} ${readyFrom[2]}${/\d{4}$|\p{L}$/u.test(readyFrom[2]!) && /,/u.test(readyFrom[2]!) ? ',' : ''} ${readyFrom[1]}`;
  // "Schwellwert falsch", "Website 3 Stunden nicht erreichbar", "Lager unterbesetzt wegen Grippewelle", "Website wieder online seit 14 Uhr".
  const stateText = text.replace(/[.]$/u, '');
  const state = STATE_END.exec(stateText) ?? STATE_START.exec(stateText);
  if (state) return `${subject} ${past ? (plural ? 'waren' : 'war') : (plural ? 'sind' : 'ist')} ${stateText}`;
  // "Rollback erst nach Kundenmeldungen": when something came.
  if (/^(?:erst|zu spät|verspätet)$/u.test(rest[0]!) && past) return `${subject} ${plural ? 'erfolgten' : 'erfolgte'} ${rest.join(' ')}`;
  // "Gutschrift automatisch auf der Dezember-Rechnung": an offer and how it comes.
  if ((role === 'remedy' || role === 'outcome') && !np.det && np.noun?.head && /(?:ung|schrift|erstattung|versand|abholung|rückzahlung)$/u.test(np.noun.head) && /^(?:automatisch|sofort|bis|innerhalb|mit|am|in den|noch|heute|morgen|spätestens|voraussichtlich)(?![\p{L}])/u.test(text)) return `${subject} ${plural ? 'erfolgen' : 'erfolgt'} ${rest.join(' ')}`;
  // A change typed as a thing and where it applies ("neue Versionen zuerst für 5 % der Betriebe", "automatischer Rollback bei …").
  if (role === 'commitment' && np.noun && !rest.some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.has(w))) {
    // "Überwachung der Server rund um die Uhr ab Dezember": from when there is one.
    const since = /^(.+?)\s+ab\s+(\S+(?:\s\d{4})?)$/u.exec(rest.join(' '));
    if (since && !np.det && !/^(?:ab|zuerst|nur|künftig)$/u.test(rest[0]!)) return `Ab ${since[2]} gibt es ${indefiniteAccusative(subject, np.noun)} ${since[1]}`;
    if (np.noun.plural || np.noun.gender !== 'm') return `${subject} gibt es ${/^(?:zuerst|nur|künftig|ab|immer|jetzt)/u.test(rest[0]!) ? '' : 'künftig '}${rest.join(' ')}`;
    return `Hinzu kommt ${lowerFirst(subject)} ${rest.join(' ')}`;
  }
  return cause();
}

/** An action typed as an infinitive ("kurz anrufen", "die Transaktions-ID an … schicken") as a polite request. */
const REQUEST: ReadonlyArray<readonly [RegExp, (middle: string) => string]> = [
  [/^(.*?)\s*anrufen$/u, (m) => `rufen Sie uns bitte${m ? ` ${m}` : ''} an`],
  [/^(.*?)\s*zurückrufen$/u, (m) => `rufen Sie uns bitte${m ? ` ${m}` : ''} zurück`],
  [/^(.*?)\s*melden$/u, (m) => `melden Sie sich bitte${m ? ` ${m}` : ''} bei uns`],
  [/^(.*?)\s*Bescheid geben$/u, (m) => `geben Sie uns bitte${m ? ` ${m}` : ''} Bescheid`],
  [/^(.*?)\s*zurückschicken$/u, (m) => `schicken Sie bitte${m ? ` ${m}` : ''} zurück`],
  [/^(.*?)\s*(schicken|senden|schreiben|mailen|prüfen|löschen|behalten|ignorieren|aufheben|kontrollieren|beachten|antworten)$/u, (m) => m],
];
/** Separable prefixes: "abholen" → "holen Sie … ab". */
const SEPARABLE = /^(zurück|vorbei|an|ab|auf|aus|ein|mit|nach|vor|weg|zu|her|hin)(\p{Ll}{3,}(?:en|ern))$/u;
/** Words ending in -en that are no infinitive. */
const NOT_INFINITIVE = /^(?:möchten|können|müssen|sollen|wollen|dürfen|werden|haben|offen|eigen|unten|oben|morgen|gestern|trocken|gelegen|vorhanden|zufrieden|verschieden|einzelnen|anderen|neuen|alten|\p{Ll}+(?:lichen|igen|ischen|baren|enen))$/u;
/** Any infinitive last ("neue Karte aktivieren", "Paket abholen"): "Aktivieren Sie bitte die neue Karte", "Holen Sie bitte das Paket ab". */
function anyInfinitive(t: string): string | undefined {
  const m = /^(?:(.*?)\s+)?(\p{Ll}{4,}en|\p{Ll}{2,}ern)$/u.exec(t);
  if (!m || NOT_INFINITIVE.test(m[2]!) || germanNoun(m[2]!) || PARTICIPLE.test(m[2]!) && /^\p{Ll}*ge/u.test(m[2]!) || FINITE.test(m[2]!) && !/^(?:schicken|senden|schreiben|melden|rufen|prüfen|bestellen|zahlen)$/u.test(m[2]!)) return undefined;
  const middle = objectArticle(m[1] ?? '', false, true);
  const sep = SEPARABLE.exec(m[2]!);
  return sep ? `${sep[2]} Sie bitte${middle ? ` ${middle}` : ''} ${sep[1]}` : `${m[2]} Sie bitte${middle ? ` ${middle}` : ''}`;
}
const IMPERATIVE: Readonly<Record<string, string>> = { schicken: 'schicken Sie', senden: 'senden Sie', schreiben: 'schreiben Sie', mailen: 'schicken Sie', prüfen: 'prüfen Sie', löschen: 'löschen Sie', behalten: 'behalten Sie', ignorieren: 'ignorieren Sie', aufheben: 'heben Sie', kontrollieren: 'kontrollieren Sie', beachten: 'beachten Sie', antworten: 'antworten Sie' };

function request(text: string): string | undefined {
  let t = text.trim().replace(/[.!]+$/u, '');
  let lead = '';
  const cond = /^(wenn|falls)\s+(.+?\s(?:passt|geht|klappt|reicht|fehlt|stimmt|ankommt|möchten|wollen|ist|sind|haben|hat|kommt|reklamieren|reklamiert))[,:]?\s+(.+)$/iu.exec(t);
  if (cond) {
    let clause = cond[2]!;
    // "wenn Freitag nicht passt" → "wenn Ihnen Freitag nicht passt".
    if (/\spasst$/u.test(clause) && !/(?<![\p{L}])(?:Ihnen|uns|mir)(?![\p{L}])/u.test(clause)) clause = `Ihnen ${clause}`;
    lead = `${cap(cond[1]!.toLowerCase())} ${clause}, `;
    t = cond[3]!;
  }
  if (FINITE.test(t.replace(/\s*\S+$/u, '')) || /(?<![\p{L}])Sie(?![\p{L}])/u.test(t) || /^(?:wenn|falls|ob|weil|dass|als|obwohl)(?![\p{L}])/iu.test(t)) return undefined;
  // "Transaktions-ID (…) an support@…": something to send to an address.
  if (/\san\s+\S+@\S+$/u.test(t) && !/(?:schicken|senden|mailen)$/u.test(t)) {
    const said = `schicken Sie uns bitte ${objectArticle(t)}`;
    return lead ? `${lead}${said}` : cap(said);
  }
  t = t.replace(/(?<![\p{L}])bitte\s+/gu, '');
  // "Retourenschein ausdrucken und Paket zur Post bringen": two requests, the second without its "bitte".
  const two = /^(.+?\s\p{Ll}{3,}(?:en|ern))\s+(und|oder)\s+(.+\s\p{Ll}{3,}(?:en|ern))$/u.exec(t);
  if (two) {
    const a = request(two[1]!);
    const b = request(two[3]!);
    if (a && b) {
      const said = `${a} ${two[2]} ${b[0]!.toLowerCase()}${b.slice(1).replace(/ Sie (uns )?bitte(?= |$)/u, ' Sie $1').replace(/\s+$/u, '').replace(/\s{2,}/gu, ' ')}`;
      return lead ? `${lead}${said[0]!.toLowerCase()}${said.slice(1)}` : said;
    }
  }
  // "einfach", "so schnell wie möglich": how to do it goes after "bitte" ("Ändern Sie bitte so schnell wie möglich Ihr Passwort").
  let how = '';
  const end = /\s+(so schnell wie möglich|so bald wie möglich|möglichst bald|möglichst schnell|noch heute|heute noch|umgehend|sofort)$/u.exec(t);
  if (end) { how = end[1]!; t = t.slice(0, end.index); }
  const mid = /(?<=\S)\s+(einfach|gern|gerne|direkt|umgehend|sofort)(?=\s+\p{Ll}+$)/u.exec(t);
  if (mid) { how = how ? `${mid[1]} ${how}` : mid[1]!; t = t.slice(0, mid.index) + t.slice(mid.index + mid[0].length); }
  const withHow = (x: string) => (how ? x.replace(/ bitte(?= |$)/u, ` bitte ${how}`) : x);
  for (const [re, make] of REQUEST) {
    const m = re.exec(t);
    if (!m) continue;
    const verb = m[2];
    const middle = objectArticle(m[1]!, false, true);
    const said = withHow(verb ? `${IMPERATIVE[verb]} bitte${middle ? ` ${middle}` : ''}${verb === 'aufheben' ? ' auf' : ''}` : make(middle));
    return lead ? `${lead}${said}` : cap(said);
  }
  const any = anyInfinitive(t);
  if (any) return lead ? `${lead}${withHow(any)}` : cap(withHow(any));
  return undefined;
}

/** "Hinzu kommt ein automatischer Rollback …" opening a note: "Künftig gibt es einen automatischen Rollback …". */
function firstChange(x: string): string {
  const m = /^Hinzu (?:kommt|kommen) ((?:\p{Ll}+\s+)*)(\p{Lu}[\p{L}-]*)(.*)$/u.exec(x);
  if (!m) return x;
  const n = germanNoun(m[2]!);
  if (!n) return x;
  return `Künftig gibt es ${indefiniteAccusative(`${m[1]!.replace(/^(?:ein|eine|der|die|das)\s+/u, '')}${m[2]}`, n)}${m[3]}`;
}

/** A German note for the part it plays in a letter, as sentences; text no rule reads for sure stays as typed. */
export function germanNote(text: string, role: NoteRoleI18n): string {
  if (text.trim() === '') return text;
  const typed = shorthand(text);
  if (role === 'action') {
    const asked = request(typed);
    if (asked) return `${asked}.`;
  }
  // Sentence by sentence (not at "1. Advent" or "z. B."), piece by piece.
  const sentences = typed.split(/(?<=[^\d\s.][.!?])\s+(?=\p{Lu})/u);
  const out: string[] = [];
  for (const s of sentences) {
    const end = /[.!?]$/u.exec(s)?.[0] ?? '';
    const body = end ? s.replace(/[.!?]+$/u, '') : s;
    const parts = pieces(body);
    const said = parts.map((p, k) => (continues(parts, k) ? undefined : pieceToClause(p, role)))
      .map((x, k) => (x !== undefined && x.replace(/\.$/u, '').toLowerCase() === parts[k]!.trim().replace(/\.$/u, '').toLowerCase() ? undefined : x))
      // A change that opens the note has nothing to be added to: "Künftig gibt es einen neuen …", not "Hinzu kommt …".
      .map((x, k) => (x !== undefined && k === 0 && out.length === 0 ? firstChange(x) : x))
      // A second cause typed as a thing after a first: "Dabei kam es zu einem Fehler beim Import", not "Ursache war …" twice.
      .map((x, k, all) => (x !== undefined && /^Ursache (?:war|waren) /u.test(x) && (all.slice(0, k).some((y) => y !== undefined && /^Ursache /u.test(y)) || out.some((o) => /^Ursache /u.test(o))) ? `Dabei kam es zu ${indefiniteDative(x.replace(/^Ursache (?:war|waren) /u, ''))}` : x));
    if (said.every((x) => x === undefined)) {
      out.push(s);
      continue;
    }
    // A piece made a clause starts a sentence of its own; the pieces after it that stay as typed hang on it with a comma.
    let sentence = '';
    for (let i = 0; i < parts.length; i++) {
      const made = said[i];
      const part = parts[i]!.trim();
      // i18n14: "Wir haben … versucht" + "Wir haben die Empfänger … gebeten": one subject, one sentence ("… versucht und die Empfänger … gebeten").
      if (made !== undefined && i > 0 && said[i - 1] !== undefined && /^Wir haben /u.test(made) && /^Wir haben /u.test(said[i - 1]!) && !/\.\s/u.test(said[i - 1]!)) sentence += ` und ${made.slice('Wir haben '.length)}`;
      else if (made !== undefined) sentence += i === 0 ? cap(made) : `. ${cap(made)}`;
      // "…vereinbart" + "zwischen 8 und 12 Uhr": the time goes before the participle.
      else if (i > 0 && said[i - 1] !== undefined && /^(?:zwischen|um|ab|gegen)\s+\d/u.test(part) && / (\p{Ll}+)$/u.test(sentence)) sentence = sentence.replace(/ (\p{Ll}+)$/u, `, ${part} $1`);
      // "…verschickt" + "kommt morgen": a verb with its subject left out goes on with "und".
      else if (i > 0 && said[i - 1] !== undefined && /^(?:kommt|kommen|ist|sind|geht|gehen|liegt|läuft|wird|werden|erfolgt|folgt)(?![\p{L}])/u.test(part)) sentence += ` und ${part}`;
      // "…, wir klären mit dem Acquirer", "…, der Lastschriftlauf ist zweimal gestartet": a clause of its own.
      else if (i > 0 && (/^(?:wir|ich)\s+\p{Ll}/u.test(part) || (said[i - 1] !== undefined && /^(?:der|die|das|ein|eine|unser\p{L}*)\s+\p{Lu}/u.test(part) && FINITE.test(part)))) sentence += `. ${cap(part)}`;
      else if (i > 0 && said[i - 1] !== undefined && althoughDone(part)) sentence += `, ${althoughDone(part)}`;
      // i18n14: "…Gläser sind für Sie kostenlos" + "fertig in 3 Tagen": when they are ready, as a sentence of its own.
      else if (i > 0 && said[i - 1] !== undefined && /\s(?:sind|wurden|waren)\s/u.test(said[i - 1]!) && /^(?:fertig|abholbereit|bereit|da|verfügbar)\s+(?:in|bis|ab|am|spätestens)\s/u.test(part)) {
        const m = /^(\S+)\s+(.+)$/u.exec(part)!;
        sentence += `. Sie sind ${m[2]} ${m[1]}`;
      }
      else sentence += i === 0 ? parts[i] : `, ${part}`;
    }
    out.push(`${sentence}${end || '.'}`);
  }
  // i18n14: "statt Newsletter-Tool": the thing instead of which, with its article ("statt des Newsletter-Tools").
  return startNumbers(out.join(' ').replace(/\.\./gu, '.')).replace(/(?<![\p{L}])statt (\p{Lu}[\p{L}-]*)(?=$|[\s,.])/gu, (m, w: string) => {
    const n = germanNoun(w);
    if (!n || n.plural || /^(?:Bcc|Cc)$/u.test(w)) return m;
    return n.gender === 'f' ? `statt der ${w}` : `statt des ${w}${/(?:s|x|z|ß)$/u.test(w) ? 'es' : 's'}`;
  });
}

export { lowerFirst as germanLowerFirst };

const SMALL = ['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
/** A sentence does not open with a figure: "2 tailles ont été…" → "Deux tailles ont été…" (two to twelve). */
function startNumbers(text: string): string {
  return figuresAsWords(text, SMALL);
}

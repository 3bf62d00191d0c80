/**
 * Advice for the person writing a German, French or Spanish incident, in that language: the
 * letter capitalises what it can and builds sentences around short causes, but some typing
 * cannot be mended safely (a place or a noun typed in lower case, a cause with no verb, a
 * colloquial word), so the writer hears about it, with a better example, before a customer reads it.
 * Pure: the commands print it on stderr (validate.ts incidentWarnings).
 */
import { commaSplices, expandAbbreviations, formalRegister, germanCapitals, germanLowerCased, germanToReader, informalWords, longTypedDates, outcomeNote } from '../text/typed.js';
import type { FieldAdvice } from './advice.js';
import { familiarLeft, writtenOut } from '../text/shorthand-i18n.js';

/** The fields of an incident this reads, as typed (before or after the schema). */
export interface LanguageAdvisable {
  locale?: string;
  mistake?: string;
  rootCause?: string;
  commitment?: string;
  outcome?: string;
  action?: string;
  remedy?: { details?: string };
  fields?: Readonly<Record<string, { mistake?: string; rootCause?: string; commitment?: string; outcome?: string } | undefined>>;
}

const CHECKED = ['mistake', 'rootCause', 'commitment', 'outcome'] as const;
type Checked = (typeof CHECKED)[number];


const QUOTE: Readonly<Record<string, (s: string) => string>> = {
  de: (s) => `„${s}“`,
  fr: (s) => `«\u202f${s}\u202f»`,
  es: (s) => `«${s}»`,
};

/** A whole sentence for each field, as a good letter would take it. */
const EXAMPLES: Readonly<Record<string, Readonly<Record<Checked, string>>>> = {
  de: {
    mistake: 'Die Geburtstagstorte für Ihre Tochter trug den falschen Namen.',
    rootCause: 'Beim Ausdrucken wurden zwei Bestellzettel verwechselt.',
    commitment: 'Ab sofort liest eine zweite Person jede Bestellung gegen.',
    outcome: 'Eine neue Torte steht morgen ab 8 Uhr für Sie bereit.',
  },
  fr: {
    mistake: 'Vos lunettes n’étaient pas prêtes à la date promise.',
    rootCause: 'Deux bons de commande ont été mélangés en cuisine.',
    commitment: 'Nous vérifions désormais chaque commande auprès du laboratoire 48 heures avant la date promise.',
    outcome: 'Vos lunettes seront prêtes samedi à partir de 10 h.',
  },
  es: {
    mistake: 'Le cobramos el pedido dos veces.',
    rootCause: 'Un error en nuestra agenda dejó la cita sin doctora asignada.',
    commitment: 'Ahora confirmamos cada cita con el doctor el día anterior.',
    outcome: 'Le hemos reservado plaza en el ferry del viernes.',
  },
};

/** A finite verb: the common ones by name, and the shapes that are verbs whatever the word. */
const VERBS: Readonly<Record<string, RegExp>> = {
  de: /(?<![\p{L}])(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|hatten|kann|können|konnte|konnten|muss|müssen|musste|soll|sollte|will|wollte|darf|gibt|gab|geht|gehen|ging|gingen|kommt|kommen|kam|kamen|liegt|liegen|lag|lagen|steht|stehen|stand|standen|läuft|laufen|lief|liefen|fehlt|fehlte|fehlten|fiel|fielen|bleibt|blieb|blieben|erhalten|bekommen|prüfen|prüft|liest|lesen|gilt|entfällt|passiert|passierte)(?![\p{L}])|(?<![\p{L}])(?:ich|wir|er|es|man)\s+\p{L}+/iu,
  fr: /(?<![\p{L}])(?:est|sont|était|étaient|a|ont|avait|avaient|fut|sera|seront|serait|va|vont|peut|peuvent|pouvait|doit|doivent|fait|font|faisait|reste|restent|manquait|manque)(?![\p{L}])|(?<![\p{L}])(?:je|j[’']|il|elle|on|nous|vous|ils|elles|n[’']|ne|s[’']|se)\s*\p{L}+|^\s*\p{Ll}+ez(?![\p{L}])/iu,
  es: /(?<![\p{L}])(?:es|son|fue|fueron|era|eran|está|están|estaba|estaban|estuvo|estuvieron|ha|han|hemos|había|habían|hubo|será|serán|va|van|iba|puede|pueden|pudo|tiene|tienen|tenía|hay|falló|fallaron|salió|llegó|dejó|quedó|faltó)(?![\p{L}])|(?<![\p{L}])(?:le|les|nos|me|te|se)\s+\p{L}+|\p{L}{2,}(?:amos|emos|imos|aron|ieron|aba|aban|ó)(?![\p{L}])/iu,
};

/** Words a business letter does not say, with what it says instead. */
const COLLOQUIAL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: { rum: 'herum', raus: 'heraus', rein: 'herein', drauf: 'darauf', drin: 'darin', nochmal: 'noch einmal', mal: 'einmal', kaputt: 'defekt', schoko: 'Schokolade', okay: 'in Ordnung', ok: 'in Ordnung', sms: 'SMS', mail: 'E-Mail' },
  fr: { labo: 'laboratoire', info: 'information', infos: 'informations', mail: 'e-mail', mails: 'e-mails', appli: 'application', dispo: 'disponible', resto: 'restaurant', ok: 'd’accord', on: 'nous' },
  es: { finde: 'fin de semana', porfa: 'por favor', cole: 'colegio', peli: 'película', ok: 'de acuerdo', vale: 'de acuerdo', súper: 'muy' },
};

/** Names everyone writes with a capital, typed in lower case. */
const PROPER = /(?<![\p{L}@.])(?:google|facebook|instagram|whatsapp|amazon|paypal|bizum|apple|microsoft|gmail|outlook|visa|mastercard)(?![\p{L}.])/gu;
/** "valencia-ibiza": two lower-case words joined by a hyphen, a route or a place in French or Spanish. */
const JOINED = /(?<![\p{L}\d@.])(?!(?:sous|post|pré|pre|anti|auto|contre|demi|non|semi|sur|extra|inter|multi|super|ultra|vice|après|avant|arrière|mini|micro|méga|hyper|bien|mal|haut|porte|garde|contra|ante|entre|sobre|pos|check|plug|start|up|add)-)\p{Ll}{3,}-(?!\p{Ll}*(?:é|ée|és|ées|ado|ada|ados|adas|ido|ida|idos|idas)(?![\p{L}]))\p{Ll}{3,}(?![\p{L}])/gu;

/** German words that are never nouns, so a word left in lower case that is none of them may be one. */
const GERMAN_SMALL = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines kein keine unser unsere unseren unserem unserer ihr ihre ihren ihrem ihrer mein meine jede jeder jedes alle diese dieser dieses ' +
    'im am zum zur beim vom ins ans mit ohne für von nach bei aus zu seit gegen durch über unter wegen vor auf an in um ab bis ' +
    'ich du er sie es wir uns ihnen ihm ihn mich mir sich man und oder aber denn sondern weil dass ob wenn als wie sobald damit statt falls bevor nachdem obwohl ' +
    'nicht noch auch schon jetzt nur sehr bitte gestern heute morgen nochmal wieder dann da hier dort sofort leider bereits zweimal doppelt kostenlos laut drauf rum raus rein ' +
    'mehr weniger ganz gar so erst immer nie oft gleich später früher vorher automatisch per pro je einmal ' +
    'ist sind war waren hat hatte hatten haben wird wurde wurden werden kann konnte können muss musste müssen soll sollte will wollte gibt gab steht stand kommt kam liegt lag lagen geht ging gehen sein gewesen worden liest fehlte fehlten lief liefen ' +
    'mal neu gut weg los tun per via ' +
    'erste ersten erster zweite zweiten zweiter andere anderen anderer neue neuen neuer neues alte alten falsche falschen falscher richtige richtigen nächste nächsten letzte letzten ganze ganzen volle vollen doppelte doppelten rechtzeitige rechtzeitigen'
  ).split(' '),
);
/** A word that is a verb or an adjective by its form. */
const GERMAN_FORM = /^(?:(?:an|auf|aus|ab|ein|mit|nach|vor|zu|zurück|weg|her|hin|durch|um|raus|rein|heraus|hinaus|herum|ver|be|er|ent|zer)?ge\p{Ll}{2,}(?:en|t)|\p{Ll}+(?:ieren|iert|ierte|ierten)|(?:ver|be|er|ent|zer)\p{Ll}+(?:t|en)|(?:ein|aus|an|auf|ab|zu|mit|vor|nach|raus|rein|los|weg|zurück|her|hin|um|über|durch)\p{Ll}+t|\p{Ll}+(?:ig|lich|isch|bar|los|sam)(?:e|en|er|es|em)?)$/u;

/** The German words a text typed in lower case leaves lower case that look like nouns ("kassel", "pakete"). */
/** Endings that make a lower-case German word likely a noun ("lieferung", "vertretungsliste", "kursleitung"). */
const GERMAN_NOUN_LIKE = /(?:ung|ungen|heit|keit|schaft|tion|sion|tät|nis|nisse|ling|tum|ment|ur|ik|ei|ie|ismus|ist|chen|lein|zeug|platz|liste|stelle|system|team|kurs|termin|raum|zeit|gerät|rechnung|zahlung|fehler|auftrag|kunde|kunden|paket|karte|konto|betrag|leitung|kosten|gebühr|gebühren|mail|sms)$/u;
/** Endings of German adjectives, adverbs and verbs: a long word ending so is not named as a noun. */
const GERMAN_NOT_NOUN_END = /(?:lich|ig|isch|bar|sam|haft|los|en|ern|eln|t|st|weise|wärts|mals)$/u;

/** Short German adjectives and adverbs a note types often: never named as nouns. */
const GERMAN_NOT_NOUN = new Set(['krank', 'knapp', 'unterwegs', 'spät', 'früh', 'neu', 'alt', 'voll', 'leer', 'kaputt', 'fertig', 'gut', 'schlecht', 'falsch', 'richtig', 'klein', 'groß', 'lang', 'kurz', 'warm', 'kalt', 'frei', 'offen', 'weg', 'dort', 'hier', 'heute', 'morgen', 'gestern', 'sofort', 'bald', 'schon', 'noch', 'wieder', 'doppelt', 'zweimal', 'dreimal', 'ganz', 'halb', 'leider', 'nochmal', 'extra', 'kostenlos', 'gratis', 'defekt', 'pünktlich', 'zu', 'raus', 'rein', 'rum', 'vorbei', 'zurück', 'online', 'offline', 'mehr', 'weniger', 'genug', 'viel', 'wenig', 'oft', 'nie', 'immer', 'manchmal', 'insgesamt', 'ca', 'circa', 'etwa', 'ungefähr', 'fast', 'bereits', 'inzwischen', 'danach', 'vorher', 'nachher', 'samstags', 'sonntags', 'montags', 'abends', 'morgens', 'mittags', 'nachts']);

function germanLowerNouns(text: string): string[] {
  const fixed = germanCapitals(text);
  const out: string[] = [];
  for (const w of fixed.match(/\p{L}[\p{L}\p{M}-]*/gu) ?? []) {
    if (!/^\p{Ll}/u.test(w) || w.length < 3 || GERMAN_SMALL.has(w) || GERMAN_FORM.test(w) || out.includes(w)) continue;
    // Only a word that looks like a noun is named (and capitalised in the example): "krank", "knapp", "unterwegs" are not.
    if (!GERMAN_NOUN_LIKE.test(w) && (GERMAN_NOT_NOUN_END.test(w) || GERMAN_NOT_NOUN.has(w))) continue;
    out.push(w);
  }
  return out;
}

function words(text: string): string[] {
  return text.trim().split(/\s+/u).filter((w) => w !== '');
}

/** Sentence start and full stop for an example made from the writer's own text. */
function asSentence(text: string): string {
  const t = text.trim().replace(/[.;,]+$/u, '');
  return `${t[0]!.toUpperCase()}${t.slice(1)}.`;
}

/** Words that show a text is written in the language at all (an English placeholder in a French incident is not judged as French). */
const LANGUAGE_MARK: Readonly<Record<string, RegExp>> = {
  de: /(?<![\p{L}])(?:der|die|das|den|dem|des|und|ist|nicht|ein|eine|einen|einem|mit|für|im|am|zum|zur|von|bei|beim|wir|ihr|ihre|sie|unser|unsere|hat|hatte|haben|wurde|wurden|sind|war|waren|auf|aus|nach|auch|jetzt|noch)(?![\p{L}])|[äöüß]|(?<![\p{L}])(?:ge|ver|be|ent|zer)\p{Ll}{3,}(?:t|en)(?![\p{L}])/iu,
  fr: /(?<![\p{L}])(?:le|la|les|de|des|du|et|un|une|est|pour|en|au|aux|nous|vous|vos|votre|on|[dlj][’'])(?![\p{L}])|[éèêàçù]/iu,
  es: /(?<![\p{L}])(?:el|la|los|las|de|del|y|un|una|es|en|por|que|su|sus|le|nos)(?![\p{L}])|[ñáéíóú¿¡]/iu,
};

function adviseOne(field: string, name: Checked, text: string, lang: string): FieldAdvice[] {
  const out: FieldAdvice[] = [];
  const q = QUOTE[lang]!;
  const typed = text.trim();
  if (typed === '' || !LANGUAGE_MARK[lang]!.test(typed)) return out;
  const colloquial = COLLOQUIAL[lang]!;
  // Words with their hyphens: "e-mail" is no colloquial "mail".
  const slang = [...new Set((typed.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []).filter((w) => Object.hasOwn(colloquial, w)))];
  // A new date typed as a note ("nouveau rdv ven 27 nov à 9h") is said as a sentence by the letter: no fragment.
  const noteSaid = name === 'outcome' && outcomeNote(longTypedDates(expandAbbreviations(typed, lang), lang), lang) !== longTypedDates(expandAbbreviations(typed, lang), lang);
  const fragment = (name !== 'outcome' || lang !== 'de') && !noteSaid && words(typed).length <= (lang === 'de' ? 5 : 8) && !VERBS[lang]!.test(typed);
  {
    const limit = lang === 'de' ? 5 : 8;
    if (fragment && limit > 0) {
      const problem = lang === 'de'
        ? `${q(typed)} ist ein Stichwort ohne Verb; Kundinnen und Kunden lesen es als halben Satz`
        : lang === 'fr'
          ? `${q(typed)} est un fragment sans verbe ; le client le lira comme une phrase inachevée`
          : `${q(typed)} es un fragmento sin verbo; el cliente lo leerá como una frase a medias`;
      out.push({ field, problem, example: q(EXAMPLES[lang]![name]), lang });
    }
  }
  if (lang === 'de' && !fragment) {
    const nouns = germanLowerNouns(typed);
    if (germanLowerCased(typed)) {
      // The writer's own text with the capitals the letter sets, and the nouns it could not tell.
      let better = germanCapitals(typed);
      for (const n of nouns) better = better.replace(new RegExp(`(?<![\\p{L}])${n}(?![\\p{L}])`, 'gu'), n[0]!.toUpperCase() + n.slice(1));
      for (const w of slang) better = better.replace(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'giu'), colloquial[w]!);
      // Only what the letter cannot mend is worth a line: the capitals it sets itself need no warning.
      if (nouns.length > 0) {
        const problem = `ist klein geschrieben; Substantive wie ${nouns.slice(0, 4).map(q).join(', ')} erkennt der Brief nicht sicher und lässt sie klein`;
        out.push({ field, problem, example: q(asSentence(better)), lang });
      }
    } else if (/^\p{Ll}/u.test(typed) && !/^(?:ihr|ihre|ihren|ihrem|ihrer|wir|ich|es|sie|die|der|das|ein|eine|am|im|ab|bei|für|nach|seit|bis|um|mit|wegen|durch|ohne|unser|unsere)\b/u.test(typed) && /^\p{L}+/u.exec(typed)![0].length > 3) {
      // A noun at the start typed small ("softwareupdate im …"): the letter capitalises the first letter only.
      out.push({ field, problem: `beginnt klein (${q(/^\p{L}+/u.exec(typed)![0])}); im Brief steht der Satz mit großem Anfangsbuchstaben`, example: q(asSentence(typed)), lang });
    }
  }
  // Colloquial words (German ones are already mended in the example above when the text is lower case).
  const left = lang === 'de' && out.some((a) => a.problem.startsWith('ist klein')) ? [] : slang;
  if (left.length > 0) {
    const pairs = left.map((w) => `${q(w)} → ${q(colloquial[w]!)}`).join(', ');
    const problem = lang === 'de' ? `ist umgangssprachlich (${pairs})` : lang === 'fr' ? `contient des mots familiers (${pairs})` : `contiene palabras coloquiales (${pairs})`;
    let better = typed;
    // "on a livré" → "nous avons livré", "on vérifie" → "nous vérifions".
    // As the letter writes it ("on appelle" → "nous appelons").
    if (left.includes('on')) better = formalRegister(better, 'fr');
    for (const w of left) better = better.replace(new RegExp(`(?<![\\p{L}-])${w}(?![\\p{L}-])`, 'giu'), colloquial[w]!);
    out.push({ field, problem, example: q(asSentence(lang === 'de' ? germanCapitals(better) : better)), lang });
  }
  if (lang !== 'de') {
    const proper = [...new Set([...(typed.match(PROPER) ?? []), ...(typed.match(JOINED) ?? [])])];
    if (proper.length > 0) {
      const capitalised = (w: string) => w.replace(/(^|-)(\p{Ll})/gu, (_m, d: string, c: string) => d + c.toUpperCase());
      let better = typed;
      for (const w of proper) better = better.split(w).join(capitalised(w));
      const problem = lang === 'fr' ? `contient des noms propres en minuscules (${proper.map(q).join(', ')})` : `contiene nombres propios en minúscula (${proper.map(q).join(', ')})`;
      out.push({ field, problem, example: q(asSentence(better)), lang });
    }
  }
  if (name === 'mistake') out.push(...adviseBatch(field, typed, lang));
  return out;
}

/** A mistake typed about the whole batch ("nos commandes…", "los pedidos del lunes…", "alle Bestellungen…"). */
const BATCH: Readonly<Record<string, RegExp>> = {
  de: /^(?:unsere|alle|sämtliche)\s+[\p{L}-]*(?:bestellungen|pakete|sendungen|lieferungen|sets|kalender|termine|rechnungen|abbuchungen|shops|konten|kunden)(?![\p{L}])/iu,
  fr: /^(?:les|nos|toutes les|tous les)\s+(?:commandes|colis|dossiers|livraisons|envois|factures|prélèvements|rendez-vous|clients|abonnés|boutiques|comptes)(?![\p{L}])/iu,
  es: /^(?:los|las|nuestros|nuestras|todos los|todas las)\s+(?:pedidos|paquetes|envíos|libros|citas|facturas|cargos|recibos|clientes|tiendas|cuentas)(?![\p{L}])/iu,
};
function adviseBatch(field: string, typed: string, lang: string): FieldAdvice[] {
  const m = BATCH[lang]?.exec(typed);
  // The German letter tells the batch to the reader itself where it can ("unsere Sets … sind" → "Ihr Set … ist").
  if (!m || (lang === 'de' && germanToReader(typed) !== typed)) return [];
  const q = QUOTE[lang]!;
  const problem = lang === 'de'
    ? `spricht von allen (${q(m[0])}), aber jeder Brief geht an eine Person – bitte mit „Ihr …“ / „Ihre …“ schreiben`
    : lang === 'fr'
      ? `parle de tous (${q(m[0])}), mais chaque lettre va à une seule personne – écrivez « votre … »`
      : `habla de todos (${q(m[0])}), pero cada carta va a una sola persona: escriba «su …»`;
  const example = lang === 'de' ? 'Ihre Bestellung hat unser Lager drei Tage zu spät verlassen.' : lang === 'fr' ? 'Votre commande est partie de notre entrepôt avec trois jours de retard.' : 'Su pedido salió de nuestro almacén con tres días de retraso.';
  return [{ field, problem, example: q(example), lang }];
}

/**
 * The familiar register left in typed text ("du", "tu", "os/vosotros") that the letter could not turn
 * into its own (Sie / vous / usted) safely: the writer hears which words, in the incident's language.
 */
function adviseRegister(field: string, text: string, lang: string): FieldAdvice[] {
  // As the letter reads it: shorthand and the sure familiar forms made formal first (text/shorthand-i18n.ts), then typed.ts.
  const left = [...new Set([...informalWords(writtenOut(text, lang), lang), ...familiarLeft(formalRegister(writtenOut(text, lang), lang), lang)])];
  if (left.length === 0) return [];
  const q = QUOTE[lang]!;
  const words = left.map(q).join(', ');
  const problem = lang === 'de'
    ? `duzt (${words}); der Brief siezt und ändert nur, was sicher geht – bitte in der Sie-Form schreiben`
    : lang === 'fr'
      ? `tutoie (${words}) ; la lettre vouvoie et ne corrige que ce qui est sûr – écrivez au vouvoiement`
      : `tutea o usa «vosotros» (${words}); la carta trata de usted y solo corrige lo seguro: escríbalo de usted`;
  return [{ field, problem, example: q(asSentence(formalRegister(writtenOut(text.trim(), lang), lang))), lang }];
}

/**
 * Two clauses joined by a comma where the part before has no verb ("updates nur noch unter der woche,
 * ein zweiter load-balancer wird eingerichtet"): the letter cannot split it safely, so the writer hears
 * it, in the incident's language, with the two sentences as an example to complete.
 */
function adviseSplices(field: string, text: string, lang: string): FieldAdvice[] {
  // German as the letter reads it, with its nouns' capitals ("ein zweiter Load-Balancer wird …" opens a clause).
  const typed = lang === 'de' ? germanCapitals(text.trim()) : text.trim();
  const bad = commaSplices(typed, lang).filter((s) => !s.safe);
  if (bad.length === 0) return [];
  const q = QUOTE[lang]!;
  const s = bad[0]!;
  const left = typed.slice(0, s.at).trim();
  const right = s.right.trim();
  const problem = lang === 'de'
    ? `verbindet mit einem Komma ${q(left)} (ohne Verb) und einen ganzen Satz; im Brief liest sich das als ein halber Satz – bitte als zwei vollständige Sätze schreiben`
    : lang === 'fr'
      ? `relie par une virgule ${q(left)} (sans verbe) et une phrase complète ; dans la lettre, cela se lit comme une phrase bancale – écrivez deux phrases complètes`
      : `une con una coma ${q(left)} (sin verbo) y una oración completa; en la carta se lee como una frase a medias: escriba dos oraciones completas`;
  const hint = lang === 'de' ? '… (Verb ergänzen)' : lang === 'fr' ? '… (ajoutez un verbe)' : '… (añada un verbo)';
  return [{ field, problem, example: q(`${asSentence(left).replace(/[.!]$/u, '')} ${hint}. ${asSentence(right)}`), lang }];
}

/**
 * Everything worth telling the writer about the German, French or Spanish text of an incident, in
 * that language: the incident's own fields in its `locale`, and each `fields.<de|fr|es>` entry.
 */
export function adviseInLanguage(incident: LanguageAdvisable): FieldAdvice[] {
  const out: FieldAdvice[] = [];
  const own = (incident.locale ?? 'en').slice(0, 2).toLowerCase();
  if (own === 'de' || own === 'fr' || own === 'es') {
    for (const name of CHECKED) {
      const v = incident[name];
      if (typeof v === 'string') out.push(...adviseOne(name, name, v, own));
    }
    for (const [name, v] of [['mistake', incident.mistake], ['rootCause', incident.rootCause], ['commitment', incident.commitment], ['outcome', incident.outcome], ['action', incident.action], ['remedy.details', incident.remedy?.details]] as const) {
      if (typeof v === 'string' && v.trim() !== '') out.push(...adviseRegister(name, v, own), ...adviseSplices(name, v, own));
    }
  }
  for (const [tag, given] of Object.entries(incident.fields ?? {})) {
    const lang = tag.slice(0, 2).toLowerCase();
    if (!given || (lang !== 'de' && lang !== 'fr' && lang !== 'es')) continue;
    for (const name of CHECKED) {
      const v = given[name];
      if (typeof v === 'string') out.push(...adviseOne(`fields.${tag}.${name}`, name, v, lang));
    }
  }
  return out;
}

/**
 * The incident as a letter in one language reads it: the free text in that
 * language (`fields.<locale>.mistake`…), the people noun in that language.
 *
 * The incident's own text is in its `locale`. A letter in another language
 * takes each text field from `fields.<tag>` (the exact tag, "de-AT", then the
 * language, "de", then any tag of that language); a field the incident sets
 * that has no translation there is missing: the caller stops before anything is
 * sent (or, with --fallback-locale, gives those customers the incident's
 * language).
 */
import { saidOnce } from '../text/said-once.js';
import { UsageError } from '../errors.js';
import { languageOf } from '../text/locale.js';
import { leadingVerdict, normaliseEnglish, toReader } from '../text/english.js';
import { noteToProse, weekdayWords, whenNote, type NoteRole } from '../text/notes.js';
import { signerAsMe, signerFirst } from '../text/signer-voice.js';
import { readerAsYou, readerPronouns, readerThings, type ReaderOptions } from '../text/reader-voice.js';
import { subjectFirst } from '../text/subjectless.js';
import { plusItems, statusSentence, statusTag } from '../text/note-shape.js';
// The de/fr/es rules are loaded when a letter in one of those languages is first made (./i18n-load.ts).
import { textI18n, type TextI18n } from './i18n-load.js';
import type { NoteRoleI18n } from '../text/notes-de.js';
import { referenceDay } from './advice.js';
import { incidentNames } from './names.js';
import type { Incident, PeopleNoun } from './schema.js';

/** The text fields a letter in another language needs in its own words when the incident sets them. */
export const TRANSLATED_FIELDS = ['mistake', 'rootCause', 'commitment', 'summary', 'when', 'outcome', 'action', 'remedy.details', 'exposure.discovered', 'exposure.contained', 'exposure.regulator'] as const;

type LocaleFields = Incident['fields'][string];

/** The people nouns the letters know in each language, by the English plural (the default is "customers"). */
const PEOPLE: Readonly<Record<string, Readonly<Record<string, PeopleNoun & { feminine?: boolean }>>>> = {
  customers: { de: { one: 'Kunde', many: 'Kundinnen und Kunden' }, fr: { one: 'client', many: 'clients' }, es: { one: 'cliente', many: 'clientes' } },
  clients: { de: { one: 'Kunde', many: 'Kundinnen und Kunden' }, fr: { one: 'client', many: 'clients' }, es: { one: 'cliente', many: 'clientes' } },
  patients: { de: { one: 'Patient', many: 'Patientinnen und Patienten' }, fr: { one: 'patient', many: 'patients' }, es: { one: 'paciente', many: 'pacientes' } },
  members: { de: { one: 'Mitglied', many: 'Mitglieder' }, fr: { one: 'membre', many: 'membres' }, es: { one: 'socio', many: 'socios' } },
  guests: { de: { one: 'Gast', many: 'Gäste' }, fr: { one: 'client', many: 'clients' }, es: { one: 'huésped', many: 'huéspedes' } },
  passengers: { de: { one: 'Fahrgast', many: 'Fahrgäste' }, fr: { one: 'passager', many: 'passagers' }, es: { one: 'pasajero', many: 'pasajeros' } },
  accounts: { de: { one: 'Konto', many: 'Konten' }, fr: { one: 'compte', many: 'comptes' }, es: { one: 'cuenta', many: 'cuentas', feminine: true } },
  users: { de: { one: 'Nutzer', many: 'Nutzerinnen und Nutzer' }, fr: { one: 'utilisateur', many: 'utilisateurs' }, es: { one: 'usuario', many: 'usuarios' } },
  subscribers: { de: { one: 'Abonnent', many: 'Abonnentinnen und Abonnenten' }, fr: { one: 'abonné', many: 'abonnés' }, es: { one: 'suscriptor', many: 'suscriptores' } },
  students: { de: { one: 'Teilnehmer', many: 'Teilnehmerinnen und Teilnehmer' }, fr: { one: 'élève', many: 'élèves' }, es: { one: 'alumno', many: 'alumnos' } },
  diners: { de: { one: 'Gast', many: 'Gäste' }, fr: { one: 'client', many: 'clients' }, es: { one: 'comensal', many: 'comensales' } },
  tenants: { de: { one: 'Mieter', many: 'Mieterinnen und Mieter' }, fr: { one: 'locataire', many: 'locataires' }, es: { one: 'inquilino', many: 'inquilinos' } },
};

/** The fields.<tag> entry for a letter's tag: the exact tag, then its language, then any tag of that language. */
export function fieldsFor(incident: Incident, tag: string): LocaleFields | undefined {
  const f = incident.fields;
  const lang = languageOf(tag);
  if (Object.hasOwn(f, tag)) return f[tag];
  if (Object.hasOwn(f, lang)) return f[lang];
  const other = Object.keys(f).find((k) => languageOf(k) === lang);
  return other === undefined ? undefined : f[other];
}

const get = (o: Record<string, unknown> | undefined, path: string): string | undefined => {
  let v: unknown = o;
  for (const part of path.split('.')) v = v && typeof v === 'object' && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/** The people noun for a letter in `lang`, and whether it is feminine (Spanish "unas 13.500 cuentas"). */
export function peopleIn(incident: Incident, lang: string, given: PeopleNoun | undefined): PeopleNoun & { feminine: boolean } {
  const own = languageOf(incident.locale);
  const noun = given ?? (own === lang ? incident.people : undefined);
  if (noun) {
    const known = PEOPLE[noun.many.toLowerCase()]?.[lang];
    // An English noun left as the incident's own ("customers") in a German incident is still translated.
    if (known && lang !== 'en') return { ...known, feminine: known.feminine ?? false };
    return { ...noun, feminine: lang === 'es' && /as$/u.test(noun.many) };
  }
  if (lang === 'en') return { ...(PEOPLE_EN[incident.people.many] ?? { one: 'customer', many: 'customers' }), feminine: false };
  const known = PEOPLE[incident.people.many.toLowerCase()]?.[lang] ?? PEOPLE.customers![lang];
  return known ? { one: known.one, many: known.many, feminine: known.feminine ?? false } : { ...incident.people, feminine: false };
}

/** Back from another language's noun to English, when an incident written in German is sent to an English customer. */
const PEOPLE_EN: Readonly<Record<string, PeopleNoun>> = Object.fromEntries(
  Object.entries(PEOPLE).flatMap(([many, byLang]) => Object.values(byLang).map((n) => [n.many, { one: many.replace(/s$/u, ''), many }])),
);

/** Which of the incident's text fields a letter in `tag` has no words for (empty when it can be written). */
export function missingTranslations(incident: Incident, tag: string): string[] {
  if (languageOf(tag) === languageOf(incident.locale)) return [];
  const given = fieldsFor(incident, tag) as Record<string, unknown> | undefined;
  const source = incident as unknown as Record<string, unknown>;
  return TRANSLATED_FIELDS.filter((field) => get(source, field) !== undefined && get(given, field) === undefined);
}

/**
 * The incident for a letter in `tag`: its text fields in that language. Throws
 * a UsageError naming what is missing (the caller decides about a fallback first).
 * `now` is the letter's clock: an English letter reads the dates typed in its
 * fields against it ("tue 24 nov" → "Tuesday 24 November").
 */
export function localizeIncident(incident: Incident, tag: string, now: Date = new Date()): Incident {
  const lang = languageOf(tag);
  const given = fieldsFor(incident, tag);
  const people = peopleIn(incident, lang, given?.people);
  if (lang === languageOf(incident.locale)) {
    // The incident's own language: its text as written (a fields entry for its own language may still refine it).
    return typed(overlay({ ...incident, locale: tag, people: { one: people.one, many: people.many } }, given), lang, now, true);
  }
  const missing = missingTranslations(incident, tag);
  if (missing.length > 0) {
    throw new UsageError(
      `customers with locale ${tag} need the incident's text in ${lang}, but fields.${lang} has no ${missing.join(', ')}`,
      `add fields.${lang}.${missing[0]} (and the others) to the incident, or --fallback-locale to send them the ${incident.locale} letter`,
    );
  }
  return typed(overlay({ ...incident, locale: tag, people: { one: people.one, many: people.many } }, given), lang, now);
}

const NOTES: Readonly<Record<string, (t: TextI18n) => (text: string, role: NoteRoleI18n) => string>> = { de: (t) => t.germanNote, fr: (t) => t.frenchNote, es: (t) => t.spanishNote };

/** Titles a signer's name does not carry in a letter's sign-off ("Herr Dr. Martin Vogel" signs "Dr. Martin Vogel"). */
const ADDRESS_TITLE = /^(?:herr|frau|hr\.|fr\.|monsieur|madame|mme|m\.|mr\.?|mrs\.?|ms\.?|señor|señora|sr\.|sra\.|srta\.|don|doña|dña\.)\s+(?=\S)/iu;
/** Small words a German job title keeps in lower case ("Leiterin für Kundenservice"). */
const TITLE_SMALL = new Set(['und', 'für', 'der', 'die', 'das', 'des', 'von', 'im', 'am', 'zur', 'zum', 'bei', 'mit', 'in', 'an', '&']);

const WEEKDAYS: Readonly<Record<string, string>> = {
  de: 'Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag',
  fr: 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  es: 'lunes|martes|miércoles|jueves|viernes|sábado|domingo',
};
const DAY_PARTS = '(?:matin|soir|midi|après-midi|en fin de journée|morgens|vormittags|nachmittags|abends|früh|Morgen|Vormittag|Nachmittag|Abend|por la mañana|por la tarde|por la noche|a mediodía)';
/**
 * i18n14: a day the letter says from `when` ("Le mardi 24 novembre, 08:10–11:25 UTC, …") is not said again at the
 * mistake's end (", mardi matin", ", am Dienstag", ", el martes por la tarde").
 */
export function dayOnce(mistake: string, when: string | undefined, lang: string): string {
  const names = WEEKDAYS[lang];
  if (!names || !when) return mistake;
  // A range of days ("lunes 23 – martes 24 de noviembre") says how long: "durante 2 días" is not said again.
  if (/\p{L}\s+\d{1,2}\.?\s+[–-]\s+\p{L}/u.test(when)) mistake = mistake.replace(/\s+(?:durante|pendant|während)\s+(?:\d+|dos|tres|deux|trois|zwei|drei)\s+(?:días|jours|Tagen)(?=[\s.,]|$)|\s+(?:\d+|zwei|drei)\s+Tage lang(?=[\s.,]|$)/u, '');
  const day = new RegExp(`(?<![\\p{L}])(${names})(?![\\p{L}])`, 'iu').exec(when)?.[1];
  if (!day) return mistake;
  const again = new RegExp(`,\\s*(?:le |el |am |(?:${DAY_PARTS})\\s+)?${day}(?:\\s+${DAY_PARTS})?(?=[.]?$)`, 'iu');
  return mistake.replace(again, '');
}

/** i18n14: a range of two days in one month says the month once ("lunes 23 de noviembre – martes 24 de noviembre" → "lunes 23 – martes 24 de noviembre"). */
export function monthOnce(when: string): string {
  const m = /^(.+?\d{1,2}\.?)(,?\s+(?:de\s+)?\p{L}+)\s+([–-])\s+(.+?\d{1,2}\.?)(,?\s+(?:de\s+)?\p{L}+)$/u.exec(when.trim());
  if (!m || m[2]!.replace(/^,/u, '').trim() !== m[5]!.replace(/^,/u, '').trim()) return when;
  return `${m[1]} ${m[3]} ${m[4]}${m[5]}`;
}

/** Spanish verbs of containing a leak, 3rd person preterite → 1st person plural (what we did). */
const ES_WE: Readonly<Record<string, string>> = {
  corrigió: 'corregimos', corrigieron: 'corregimos', suspendió: 'suspendimos', suspendieron: 'suspendimos', detuvo: 'detuvimos', detuvieron: 'detuvimos',
  resolvió: 'resolvimos', resolvieron: 'resolvimos', restableció: 'restablecimos', restablecieron: 'restablecimos',
};
const ES_WE_AR = /^(par|bloque|borr|elimin|desactiv|retir|cambi|envi|avis|cerr|revoc|anul|cancel|notific|inform|contact|apag|desconect|restaur|arregl|solucion|repar|revis|actualiz|protegi)(?:ó|aron)$/u;
/**
 * i18n14: what was done to contain a leak, typed impersonally ("envíos parados el mismo día, base corregida" → "Los envíos se
 * pararon … La base se corrigió."), said with us as the agent in Spanish ("Paramos los envíos el mismo día. Corregimos la
 * base."), for the verbs of containing a rule knows; any other sentence stays.
 */
export function weContained(v: string, lang: string): string {
  if (lang !== 'es') return v;
  const said = v.replace(/(^|[.!]\s+)(El|La|Los|Las|el|la|los|las)\s+([^.]+?)\s+se\s+(\p{Ll}+)(?=[\s.,]|$)([^.]*)/gu, (m, lead: string, art: string, thing: string, verb: string, rest: string) => {
    const we = ES_WE[verb] ?? (ES_WE_AR.test(verb) ? `${ES_WE_AR.exec(verb)![1]}amos` : undefined);
    if (we === undefined || /\s(?:se|no)\s/u.test(` ${thing} `)) return m;
    return `${lead}${we[0]!.toUpperCase()}${we.slice(1)} ${art.toLowerCase()} ${thing}${rest}`;
  });
  // The field opens in the case it was typed in (a frame may put it after a colon and sets the capital where a sentence starts).
  return /^\p{Ll}/u.test(v) ? said[0]!.toLowerCase() + said.slice(1) : said;
}

/** i18n14: the bank in an instruction is the reader's own ("bei der Bank" → "bei Ihrer Bank", "en el banco" → "a través de su banco"). */
export function readersBank(v: string, lang: string): string {
  if (lang === 'de') return v.replace(/(?<![\p{L}])bei der Bank(?![\p{L}])/gu, 'bei Ihrer Bank');
  if (lang === 'fr') return v.replace(/(?<![\p{L}])(?:à|auprès de) la banque(?![\p{L}])/gu, 'auprès de votre banque');
  if (lang === 'es') return v.replace(/(?<![\p{L}])en el banco(?![\p{L}])/gu, 'a través de su banco');
  return v;
}

/**
 * i18n14: who told us, typed after the day as a bare noun ("mi 25.11. früh, hinweis einer kundin", "mar 24/11, aviso de
 * una clienta") said with its preposition ("durch den Hinweis einer Kundin", "gracias al aviso de una clienta",
 * "grâce au signalement d’un client").
 */
export function discoverySource(v: string, lang: string): string {
  if (lang === 'de') return v.replace(/,\s*(Hinweis|Anruf|Hinweis|Bericht)\s+(?=(?:einer|eines|von|vom|des|der)\s)/u, ' durch den $1 ').replace(/,\s*(Meldung|Nachricht|E-Mail|Mail|Beschwerde)\s+(?=(?:einer|eines|von|vom|des|der)\s)/u, ' durch die $1 ');
  if (lang === 'es') return v.replace(/,\s*(aviso|mensaje|correo|comentario)\s+(?=(?:de|del)\s)/u, ' gracias al $1 ').replace(/,\s*(llamada|queja|consulta)\s+(?=(?:de|del)\s)/u, ' gracias a la $1 ');
  // (i18n15: elided before a vowel: "grâce à l’appel d’un adhérent", never "grâce au appel")
  if (lang === 'fr') return v.replace(/,\s*(signalement|message|appel|e-mail|mail)\s+(?=(?:d’|d'|de|du)\s?)/u, (_m, w: string) => (/^[aeiouéè]/u.test(w) ? ` grâce à l’${w} ` : ` grâce au ${w} `)).replace(/,\s*(réclamation|alerte)\s+(?=(?:d’|d'|de|du)\s?)/u, ' grâce à la $1 ');
  return v;
}

const DE_MONTHS = '(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)';
/**
 * i18n14: a German day and a time typed after it ("Mittwoch, 2. Dezember 17:30") as a letter writes them
 * ("Mittwoch, 2. Dezember, um 17:30 Uhr"); "bis 30. November" → "bis zum 30. November". A time with a zone
 * ("19:40 UTC") or a range stays as typed.
 */
export function germanDayTimes(v: string): string {
  return v
    .replace(new RegExp(`(\\d{1,2}\\. ${DE_MONTHS}(?: \\d{4})?),? (?:um )?(\\d{1,2}:\\d{2})(?!\\s*(?:Uhr|UTC|MEZ|MESZ|GMT|[–-]|bis\\s|und\\s)|\\d)`, 'gu'), '$1, um $2 Uhr')
    .replace(new RegExp(`(?<![\\p{L}])bis (?=\\d{1,2}\\. ${DE_MONTHS})`, 'gu'), 'bis zum ');
}

/**
 * The manager's free text as the letter's language prints it, worked out once per language:
 * German typed in lower case with its nouns, months and Ihr/Ihnen capitalised (a job title and a
 * summary are nouns: "leiter kundenservice" → "Leiter Kundenservice", "lieferverzug" →
 * "Lieferverzug"), French with typographic apostrophes; the signer's name without "Herr"/"Mme".
 */
function typed(incident: Incident, lang: string, now: Date, ownText = false): Incident {
  const signerName = incident.signer.name.replace(ADDRESS_TITLE, '');
  // spell16: typos are corrected in the incident's own English (where the writer's warnings tell of them), not in a translation given.
  if (lang === 'en') return english({ ...incident, signer: { ...incident.signer, name: signerName } }, now, ownText);
  if (lang !== 'de' && lang !== 'fr' && lang !== 'es') return signerName === incident.signer.name ? incident : { ...incident, signer: { ...incident.signer, name: signerName } };
  const { meaningKept, negatedRequest, nounLinks, quietEmphasis, readerAsYou } = textI18n();
  const { expandAbbreviations, formalRegister, frenchTypography, germanCapitals, germanToReader, groupToReader, localQuotes, longTypedDates, outcomeNote, plusAsAnd, splitSplices, writtenOut } = textI18n();
  const own = lang === 'de' ? germanCapitals : lang === 'fr' ? frenchTypography : (v: string) => localQuotes(v, 'es');
  // Dates typed short ("Mi, 25.11.", "25 nov", "1 de dic.") written out as the letter writes its own.
  // Abbreviations written out ("inkl.", "vérif.", "tlf.", "am mi."), the familiar register typed by habit
  // ("os mandamos", "dein rad", "prüft bitte") in the letter's one (usted, Sie, vous), then the language's own spelling.
  const weekdays = lang === 'de' ? (v: string) => germanDayTimes(v.replace(/(?<![\p{L}])(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)(?![\p{L}])/gu, (d) => d[0]!.toUpperCase() + d.slice(1))) : (v: string) => v;
  // Two clauses typed with a comma between them ("…hatte einen Systemausfall, Pakete lagen …") become two sentences where that is safe.
  // Emphasis typed in capitals ("KEINE Rücklastschrift", "NE PAS", "NO devolver") in the letter's case first (text/emphasis-i18n.ts).
  // i18n16: nouns pasted side by side joined with their preposition and article ("planning du technicien", text/noun-links.ts).
  const fix = (v: string) => splitSplices(weekdays(longTypedDates(nounLinks(own(formalRegister(expandAbbreviations(writtenOut(quietEmphasis(v, lang), lang), lang), lang)), lang), lang)), lang);
  const f = (v: string | undefined) => (v === undefined ? v : fix(v));
  // A field no note rule reads says its "+" as the language's "and" itself.
  const g = (v: string | undefined) => (v === undefined ? v : plusAsAnd(fix(v), lang));
  let title = incident.signer.title;
  let summary = g(incident.summary);
  let many = incident.people.many;
  if (lang === 'de') {
    if (title !== undefined && !/\p{Lu}/u.test(title)) title = title.replace(/[\p{L}\p{M}]+/gu, (w) => (TITLE_SMALL.has(w) ? w : w[0]!.toUpperCase() + w.slice(1)));
    // A summary names the mistake: its last word is a noun ("doppelte abbuchung", "lieferverzug").
    if (summary !== undefined && !/\p{Lu}/u.test(summary)) summary = summary.replace(/(\p{Ll})([\p{L}\p{M}]*)$/u, (_m, c: string, rest: string) => c.toUpperCase() + rest);
    if (!/\p{Lu}/u.test(many)) many = many.replace(/[\p{L}\p{M}]+/gu, (w) => (TITLE_SMALL.has(w) ? w : w[0]!.toUpperCase() + w.slice(1)));
  } else if (title !== undefined) title = g(title);
  // i18n13: a title's acronyms in capitals ("cto" → "CTO", "leiter it" → "Leiter IT", "responsable rrhh" → "Responsable RRHH").
  if (title !== undefined) title = title.replace(/(?<![\p{L}])(cto|ceo|cfo|coo|cio|ciso|cso|dpo|it|edv|hr|rrhh|drh|pdg|dsi|tic)(?![\p{L}])/giu, (w) => w.toUpperCase());
  // Each note-shaped field as the letter's own sentences in its language ("Techniker nicht gekommen" →
  // "Unser Techniker ist nicht gekommen"), told to the one reader (text/notes-de|fr|es.ts).
  const note = NOTES[lang]!(textI18n());
  // Customers told as a group ("Kunden mussten …", "les clients ont dû …") in a letter to one: the reader (not a change's own policy).
  // i18n12: an instruction stays one ("keine Rücklastschrift" → "Bitte keine Rücklastschrift", never "Es gibt keine …"), and a
  // rewrite that would lose a negation or turn a request into "there is none" is not made: the note stays as typed.
  const said = (v: string, role: NoteRoleI18n): string => {
    const asked = role === 'action' ? negatedRequest(v, lang) : undefined;
    // A change is a policy for every customer ("llamamos al cliente antes de las 9"): its third person stays.
    const you = (x: string) => (role === 'commitment' ? x : readerAsYou(x, lang));
    if (asked !== undefined) return you(asked);
    const made = note(v, role);
    // The reader told of in the third person ("der Kunde", "le client", "el cliente") is "Sie", "vous", "usted".
    return you(meaningKept(v, made, lang, role) ? made : v);
  };
  const changeSaid = (v: string): string | undefined => {
    const made = textI18n().commitmentI18n(v, lang, incident.commitmentStatus);
    return made !== undefined && meaningKept(v, made, lang, 'commitment') ? made : undefined;
  };
  // i18n16: an outcome typed as a thing and its day ("lieferung freitag 4.12.") said as a sentence in the future; one the
  // rule made is a sentence already, and the note layer does not read it again.
  const outcomeSaid = (v: string): string => {
    const typedAs = fix(v);
    const made = outcomeNote(typedAs, lang, true);
    return made !== outcomeNote(typedAs, lang) ? readerAsYou(made, lang) : n(outcomeNote(typedAs, lang), 'outcome')!;
  };
  const n = (v: string | undefined, role: NoteRoleI18n) => (v === undefined ? v : role === 'commitment' ? said(v, role) : readerAsYou(groupToReader(said(v, role), lang), lang));
  return {
    ...incident,
    // A German mistake told about the whole batch ("unsere Sets … sind") is told to the reader ("Ihr Set … ist").
    // i18n16: a German mistake of ours in the passive is said as our act ("Wir haben Ihre Bestellung falsch verschickt.").
    mistake: dayOnce((lang === 'de' ? textI18n().germanWeDid : (v: string) => v)(n(lang === 'de' ? germanToReader(fix(incident.mistake)) : fix(incident.mistake), 'mistake')!), incident.when === undefined ? undefined : monthOnce(g(incident.when)!), lang),
    rootCause: n(fix(incident.rootCause), 'cause')!,
    // i18n14: a change typed as a fragment ("Doppelprüfung + Erinnerung per SMS ab sofort") said with its verb where a rule is sure.
    commitment: changeSaid(fix(incident.commitment)) ?? n(fix(incident.commitment), 'commitment')!,
    summary,
    when: incident.when === undefined ? undefined : monthOnce(g(incident.when)!),
    // A new date typed as a note ("neuer termin fr 27.11.", "nouveau rdv ven 27 nov") said as a sentence.
    outcome: incident.outcome === undefined ? undefined : outcomeSaid(incident.outcome),
    // i18n15: a date the offer or the outcome already says is not said again in the action (text/said-once.ts).
    action: n(f(incident.action), 'action') === undefined ? undefined : saidOnce(readersBank(n(f(incident.action), 'action')!, lang), [n(f(incident.remedy.details), 'remedy'), incident.outcome === undefined ? undefined : outcomeSaid(incident.outcome)]),
    people: many === incident.people.many ? incident.people : { ...incident.people, many },
    signer: { ...incident.signer, name: signerName, title },
    remedy: { ...incident.remedy, details: n(f(incident.remedy.details), 'remedy') },
    exposure: { ...incident.exposure, contained: incident.exposure.contained === undefined ? undefined : weContained(n(f(incident.exposure.contained), 'cause')!, lang), discovered: incident.exposure.discovered === undefined ? undefined : discoverySource(g(incident.exposure.discovered)!, lang), regulator: g(incident.exposure.regulator) },
  };
}

/**
 * English free text as a letter prints it (text/english.ts): "i" → "I", "didnt" → "didn't",
 * "tue 24 nov" → "Tuesday 24 November" (read against the incident's clock), "3 hrs" → "3 hours",
 * "pls" → "please". Once per incident and language, never per customer.
 */
function english(incident: Incident, now: Date, own: boolean): Incident {
  const o = { ref: referenceDay(incident, now), now, locale: incident.locale, names: incidentNames(incident), spell: own };
  // notes12: the signer as a note's subject is "I", and the reader's things are "your", before the note layer reads the words
  // ("Priya forgot…" is never "The Priya forgot…"; "the customer's order" is "your order").
  const reader: ReaderOptions = { one: incident.people.one, single: incident.affected === 1 };
  // A field about the past (the mistake, its cause, when, what was found or contained, a change done): "on the 14th" is the last 14th.
  const norm = (v: string, past = false) => normaliseEnglish(v, past ? { ...o, past } : o);
  const f = (v: string | undefined, past = false) => (v === undefined ? v : readerThings(signerFirst(norm(v, past), incident.signer.name, incident.signer.title), reader));
  // notes14: items typed with "+", "&", "plus", and a change's status tag ("…, done + tested"), read before the words are normalised (text/note-shape.ts).
  const typed = (v: string | undefined, role: NoteRole) => (v === undefined ? v : plusItems(v, role));
  const tagged = statusTag(incident.commitment);
  const tagSaid = norm(statusSentence(tagged.tag, incident.commitmentStatus), true).replace(/(?<=[\p{L}\p{N})])$/u, '.');
  // Each typed field is a manager's note: made the letter's own sentences for the part it plays (text/notes.ts),
  // then told to the reader ("the customer was charged twice" → "you were charged twice", text/reader-voice.ts).
  // ("she" is the reader when the note as typed says so: "she missed her slot", read before "her slot" became "your slot")
  const you = (v: string | undefined, typedAs?: string) => (v === undefined ? v : readerAsYou(v, { ...reader, pronouns: typedAs === undefined ? undefined : readerPronouns(normaliseEnglish(typedAs, o), reader) }));
  const n = (v: string | undefined, role: NoteRole, typedAs?: string) => (v === undefined ? v : you(noteToProse(v, role, { now }), typedAs));
  const d = (v: string | undefined) => (v === undefined ? v : weekdayWords(v));
  // "ring Oliver direct on…" in a letter Oliver signs: "ring me directly on…" (text/signer-voice.ts).
  const me = (v: string | undefined) => (v === undefined ? v : signerAsMe(v, incident.signer.name));
  return {
    ...incident,
    // A mistake told about a batch ("Orders for Cerulean Blue were…") is told to the reader where a rule can.
    mistake: toReader(n(subjectFirst(f(typed(incident.mistake, 'mistake'), true)!, 'mistake'), 'mistake', incident.mistake)!),
    rootCause: n(subjectFirst(f(typed(incident.rootCause, 'cause'), true)!, 'cause'), 'cause', incident.rootCause)!,
    commitment: [you(noteToProse(incident.commitmentStatus === 'done' ? leadingVerdict(f(typed(tagged.text, 'commitment'), true)!) : subjectFirst(leadingVerdict(f(typed(tagged.text, 'commitment'))!), 'commitment'), 'commitment', { now, status: incident.commitmentStatus }))!, tagSaid].filter(Boolean).join(' '),
    summary: normaliseEnglish(incident.summary ?? '', o) || incident.summary,
    // "delivered Tuesday 24 November": the day (the mistake says what was done).
    when: incident.when === undefined ? undefined : whenNote(norm(incident.when, true)),
    outcome: n(me(f(typed(incident.outcome, 'outcome'))), 'outcome', incident.outcome),
    action: n(me(f(incident.action)), 'action', incident.action),
    remedy: { ...incident.remedy, details: n(me(f(incident.remedy.details)), 'remedy') },
    exposure: { ...incident.exposure, discovered: d(norm(incident.exposure.discovered ?? '', true) || incident.exposure.discovered), contained: n(f(incident.exposure.contained, true), 'exposure'), regulator: incident.exposure.regulator === undefined ? undefined : normaliseEnglish(incident.exposure.regulator, o) },
  };
}

function overlay(incident: Incident, given: LocaleFields | undefined): Incident {
  if (!given) return incident;
  const pick = (v: string | undefined, own: string | undefined) => (v !== undefined && v !== '' ? v : own);
  return {
    ...incident,
    mistake: pick(given.mistake, incident.mistake)!,
    rootCause: pick(given.rootCause, incident.rootCause)!,
    commitment: pick(given.commitment, incident.commitment)!,
    summary: pick(given.summary, incident.summary),
    when: pick(given.when, incident.when),
    outcome: pick(given.outcome, incident.outcome),
    action: pick(given.action, incident.action),
    signer: { ...incident.signer, title: pick(given.signer?.title, incident.signer.title) },
    remedy: { ...incident.remedy, details: pick(given.remedy?.details, incident.remedy.details) },
    exposure: {
      ...incident.exposure,
      discovered: pick(given.exposure?.discovered, incident.exposure.discovered),
      contained: pick(given.exposure?.contained, incident.exposure.contained),
      regulator: pick(given.exposure?.regulator, incident.exposure.regulator),
      reference: pick(given.exposure?.reference, incident.exposure.reference),
    },
  };
}

/**
 * The greeting line in German, French and Spanish, by each language's own rules,
 * from the name as greeting.ts reads it (SPEC "Greetings"):
 *
 * The letters say Sie / vous / usted, so the greeting is never the first-name one ("Hallo Sabine"
 * beside "Sie" is two registers in one letter):
 *
 * | | title known | gender unknown | organisation / no name |
 * |---|---|---|---|
 * | de | Sehr geehrte Frau Müller, | Guten Tag Kim Müller, | Sehr geehrte Damen und Herren, · Guten Tag, |
 * | fr | Madame, | Bonjour, · Madame, Monsieur, (severe, business) | Madame, Monsieur, · Bonjour, |
 * | es | Estimada Sra. Müller: | Buenos días: | Estimados señores: · Buenos días: |
 *
 * A title says the gender where it has one (Mrs, Frau, Mme, Sra. → feminine; Mr, Herr, M., Sr. →
 * masculine) and is written the language's way ("Mrs Okafor" → "Frau Okafor", "Madame", "Sra.
 * Okafor"); without one, a given name on the short list below that is one gender in all three
 * languages ("Sabine", "Claire", "Carmen") gives it; any other name is greeted the neutral way. German
 * letters go on in lower case after the greeting's comma; the templates write their first word so.
 */
import { greetingFor, type GreetingFields } from './greeting.js';

const FEMININE = new Set(['mrs', 'ms', 'miss', 'frau', 'fr', 'mme', 'mlle', 'madame', 'mademoiselle', 'sra', 'srta', 'señora', 'señorita', 'doña', 'dña', 'dra', 'dame', 'lady', 'mevr', 'mw', 'sig.ra', 'dott.ssa']);
const MASCULINE = new Set(['mr', 'herr', 'hr', 'm', 'monsieur', 'sr', 'señor', 'sir', 'lord', 'dhr', 'sig', 'master']);
const DOCTOR = new Set(['dr', 'doctor', 'dra', 'dott', 'dott.ssa']);
const PROFESSOR = new Set(['prof', 'professor']);

/**
 * Given names that are one gender wherever these letters go (German, French, Spanish readers): only
 * names no one in those countries gives the other gender. Names used for both or that change with the
 * country (Andrea, Kim, Sascha, Dominique, Camille, Claude, Simone, Nicola, Alex, Toni, Robin, Eike,
 * Maxime, Guadalupe, Rosario, Trinidad) are left out: an unknown name is greeted without a gender.
 * A compound counts by its first part ("Jean-Marie", "María José" by Jean, María), as each language does.
 */
const GIVEN_F = new Set(('anna anne annette antje birgit brigitte carina christa christiane christina claudia cornelia dagmar doris elke elisabeth ' +
  'erika eva franziska gabriele gisela heike helga ines ingrid irene jana jessica johanna julia juliane jutta karin katharina katrin kerstin ' +
  'laura lena lea lisa manuela maria marie marion martina melanie monika nadine nicole petra renate sabine sandra sarah silke sonja stefanie ' +
  'susanne tanja ulrike ursula ute verena anke änne änni hannelore gudrun ' +
  'amélie aurélie béatrice brigitte catherine cécile chantal christine claire clémence delphine élodie émilie florence françoise ' +
  'hélène isabelle jacqueline jeanne joséphine juliette justine léa lucie madeleine manon marguerite marianne martine mathilde monique ' +
  'nathalie océane pauline sophie stéphanie sylvie valérie véronique virginie yvonne nadia élise agathe solène margaux chloé inès ' +
  'ana beatriz blanca carmen cristina dolores elena esperanza eva gloria inmaculada isabel julia lucía luisa marta maría mercedes ' +
  'montserrat nuria paula pilar raquel rocío rosa silvia sofía susana teresa verónica alba ainhoa begoña itziar lourdes concepción').split(' '));
const GIVEN_M = new Set(('alexander andreas bernd christian christoph daniel dieter dirk florian frank georg gerhard günter hans heinz helmut ' +
  'holger jan jens jörg jürgen karl klaus lars lukas manfred markus martin matthias michael niklas olaf oliver patrick paul peter ralf ' +
  'reinhard rolf sebastian stefan stephan sven thomas tobias tom torsten uwe volker werner wolfgang klaus-peter ' +
  'alain antoine arnaud benoît bernard bruno christophe david didier éric étienne fabrice françois frédéric gérard guillaume henri hugo ' +
  'jacques jean jérôme julien laurent louis luc marc mathieu michel nicolas olivier philippe pierre rémi sébastien thierry vincent yves ' +
  'alejandro alberto álvaro andrés antonio carlos diego eduardo enrique fernando francisco javier jesús joaquín jorge josé juan luis ' +
  'manuel miguel pablo pedro rafael ramón ricardo roberto santiago sergio íñigo iñaki xavier').split(' '));

/** The gender a given name says on its own (see GIVEN_F/GIVEN_M), '' when it is not on the list. */
export function genderOfGivenName(given: string): 'f' | 'm' | '' {
  let end = given.length;
  for (let i = 0; i < given.length; i++) {
    const c = given.charCodeAt(i);
    if (c === 32 || c === 45) { end = i; break; }
  }
  const first = given.slice(0, end).toLowerCase();
  return GIVEN_F.has(first) ? 'f' : GIVEN_M.has(first) ? 'm' : '';
}

const key = (word: string) => word.toLowerCase().replace(/\.$/u, '');

interface TitleFacts {
  gender: 'f' | 'm' | '';
  doctor: boolean;
  professor: boolean;
  /** A title this table does not know (Rev, Capt…): kept as written. */
  other: string;
}

const NO_TITLE: Readonly<TitleFacts> = Object.freeze({ gender: '', doctor: false, professor: false, other: '' });

function readTitle(title: string): TitleFacts {
  const facts: TitleFacts = { gender: '', doctor: false, professor: false, other: '' };
  for (const word of title.split(/\s+/u).filter((w) => w !== '')) {
    const k = key(word);
    if (FEMININE.has(k)) facts.gender = 'f';
    else if (MASCULINE.has(k)) facts.gender = 'm';
    if (k === 'dra' || k === 'dott.ssa') facts.gender = 'f';
    if (DOCTOR.has(k)) facts.doctor = true;
    else if (PROFESSOR.has(k)) facts.professor = true;
    else if (!FEMININE.has(k) && !MASCULINE.has(k)) facts.other = facts.other ? `${facts.other} ${word}` : word;
  }
  return facts;
}

/**
 * i18n13: the reader's gender as the greeting reads it — a title (Mme, Frau, Sra., Mr) or, with no title, a given name
 * on the short list — for the words that agree with the reader ("vous êtes venue"); '' when the letter cannot know.
 */
export function readerGender(fields: GreetingFields): 'f' | 'm' | '' {
  const g = greetingFor(fields, { formal: true });
  if (!g.plain && g.greetName === '') return '';
  const n = g.name;
  if (n.kind !== 'person') return '';
  const t = n.title === '' ? NO_TITLE : readTitle(n.title);
  if (t.gender !== '') return t.gender;
  return n.title === '' && n.given !== '' && n.family !== '' && !n.titleWithGiven ? genderOfGivenName(n.given) : '';
}

/** The greeting line for a letter in `lang` (de, fr or es); English and other languages use greeting.ts. */
export function localeGreetingLine(fields: GreetingFields, lang: string, formal: boolean): string {
  const g = greetingFor(fields, { formal });
  const end = lang === 'es' ? ':' : ',';
  // A salutation column that is already a whole greeting ("Sehr geehrter Herr Meier") is used as typed.
  if (!g.plain && g.greetName === '') return g.line.replace(/[\s.,;:!]+$/u, '') + end;
  const n = g.name;
  const organisation = n.kind === 'organisation';
  const t = n.title === '' ? NO_TITLE : readTitle(n.title);
  // Who the title goes with: the family name (or the given name for "Sir Elton"), the full name otherwise.
  let surname = n.title !== '' ? (n.titleWithGiven ? n.given : n.family) : '';
  // Spanish names carry two family names: "Lucía García López" is Sra. García López, also when the title came from a column.
  // Not the second given name ("María José García" is Sra. García), nor beside a joined pair ("García-López").
  if (lang === 'es' && surname !== '' && !n.titleWithGiven && !surname.includes(' ') && !surname.includes('-')) {
    const words = n.full.split(' ').filter((w) => w !== '' && !/\.$/u.test(w));
    const givenWords = n.given === '' ? 0 : n.given.split(' ').length;
    if (words.length >= 3 && words.length - 1 > givenWords && words[words.length - 1] === surname) surname = words.slice(-2).join(' ');
  }
  // (no regular expression per recipient: a batch greets a million of them)
  const full = n.full.length > 60 ? '' : n.title !== '' && n.full.startsWith(`${n.title} `) ? n.full.slice(n.title.length + 1) : n.full;
  const person = n.kind === 'person' && (surname !== '' || full !== '' || n.given !== '');
  if (!person) return plainLine(lang, formal, organisation);
  // The letters say Sie / vous / usted: no "Hallo Änne" beside it. A title gives the gender; so does a given name
  // on the short list when there is no title (never against a title).
  const gender = t.gender !== '' ? t.gender : n.given !== '' && n.family !== '' && !n.titleWithGiven ? genderOfGivenName(n.given) : '';
  if (n.title === '' && gender !== '') surname = lang === 'es' ? spanishSurnames(n.full, n.given, n.family) : n.family;
  const who = surname || full;
  if (who === '') return plainLine(lang, formal, organisation);
  switch (lang) {
    case 'de': {
      const acad = [t.professor ? 'Prof.' : '', t.doctor ? 'Dr.' : ''].filter(Boolean).join(' ');
      if (gender !== '' && surname !== '') return `Sehr geehrte${gender === 'f' ? '' : 'r'} ${gender === 'f' ? 'Frau' : 'Herr'}${acad ? ` ${acad}` : ''} ${surname},`;
      // Gender unknown: the full name after "Guten Tag" is the neutral form German business letters use.
      return `Guten Tag ${[acad, t.other, surname && !full ? surname : full || surname].filter(Boolean).join(' ')},`;
    }
    case 'fr': {
      // "Madame," alone: French letters do not put the family name after Madame/Monsieur.
      if (gender !== '' && surname !== '') return t.doctor ? 'Docteur,' : gender === 'f' ? 'Madame,' : 'Monsieur,';
      if (t.doctor && surname !== '') return 'Docteur,';
      if (t.other !== '') return `Bonjour ${[t.other, full || surname].filter(Boolean).join(' ')},`;
      return formal ? 'Madame, Monsieur,' : 'Bonjour,';
    }
    default: {
      const acad = t.doctor ? (gender === 'f' ? 'Dra.' : 'Dr.') : '';
      if (gender !== '' && surname !== '') return `Estimad${gender === 'f' ? 'a' : 'o'} ${acad || (gender === 'f' ? 'Sra.' : 'Sr.')} ${surname}:`;
      if (t.other !== '') return `Buenos días, ${[t.other, full || surname].filter(Boolean).join(' ')}:`;
      return 'Buenos días:';
    }
  }
}

/** "Lucía García López" → "García López": a Spanish name's two family names after the given name. */
function spanishSurnames(full: string, given: string, family: string): string {
  if (family.includes(' ') || family.includes('-')) return family;
  const words = full.split(' ').filter((w) => w !== '');
  const givenWords = given.split(' ').length;
  return words.length >= 3 && words.length - 1 > givenWords && words[words.length - 1] === family ? words.slice(-2).join(' ') : family;
}

function plainLine(lang: string, formal: boolean, organisation: boolean): string {
  switch (lang) {
    case 'de':
      return organisation ? 'Sehr geehrte Damen und Herren,' : 'Guten Tag,';
    case 'fr':
      return organisation || formal ? 'Madame, Monsieur,' : 'Bonjour,';
    default:
      return organisation ? 'Estimados señores:' : 'Buenos días:';
  }
}


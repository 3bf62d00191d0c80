/**
 * The greeting line in German, French and Spanish, by each language's own rules,
 * from the name as greeting.ts reads it (SPEC "Greetings"):
 *
 * | | casual | formal | no name / organisation |
 * |---|---|---|---|
 * | de | Hallo Zoë, | Sehr geehrte Frau Müller, · Guten Tag Zoë Müller, | Hallo, / Guten Tag, · Sehr geehrte Damen und Herren, |
 * | fr | Bonjour Zoë, | Bonjour Madame Müller, · Bonjour Zoë Müller, | Bonjour, · Madame, Monsieur, |
 * | es | Hola, Zoë: | Estimada Sra. Müller: · Buenos días, Zoë Müller: | Hola: / Buenos días: · Estimados señores: |
 *
 * A title says the gender where it has one (Mrs, Frau, Mme, Sra. → feminine; Mr, Herr, M., Sr. →
 * masculine) and is written the language's way ("Mrs Okafor" → "Frau Okafor", "Madame Okafor",
 * "Sra. Okafor"); without one, no gendered form is guessed from a first name. German letters go on
 * in lower case after the greeting's comma; the templates write their first word so.
 */
import { greetingFor, type GreetingFields } from './greeting.js';

const FEMININE = new Set(['mrs', 'ms', 'miss', 'frau', 'fr', 'mme', 'mlle', 'madame', 'mademoiselle', 'sra', 'srta', 'señora', 'señorita', 'doña', 'dña', 'dra', 'dame', 'lady', 'mevr', 'mw', 'sig.ra', 'dott.ssa']);
const MASCULINE = new Set(['mr', 'herr', 'hr', 'm', 'monsieur', 'sr', 'señor', 'sir', 'lord', 'dhr', 'sig', 'master']);
const DOCTOR = new Set(['dr', 'doctor', 'dra', 'dott', 'dott.ssa']);
const PROFESSOR = new Set(['prof', 'professor']);

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
  // A German reader whose title carries a degree is greeted with it even in a light letter ("Hallo Frau Dr. Müller-Lüdenscheidt,").
  const degree = lang === 'de' && (t.doctor || t.professor) && t.gender !== '' && surname !== '';
  // A reader with a salutation (Frau/Herr, Mme/M., Sra./Sr.) is a customer addressed by name and title, also in a light
  // letter: "Guten Tag Frau Müller", "Bonjour Madame Lefèvre", "Estimada Sra. García", never "Hallo Änne" beside "Sie".
  const useGiven = !formal && n.given !== '' && !degree && t.gender === '';
  if (useGiven) return lang === 'de' ? `Hallo ${n.given},` : lang === 'fr' ? `Bonjour ${n.given},` : `Hola, ${n.given}:`;
  const who = surname || full;
  if (who === '') return plainLine(lang, formal, organisation);
  switch (lang) {
    case 'de': {
      const acad = [t.professor ? 'Prof.' : '', t.doctor ? 'Dr.' : ''].filter(Boolean).join(' ');
      if (t.gender !== '' && surname !== '') {
        const addressed = `${t.gender === 'f' ? 'Frau' : 'Herr'}${acad ? ` ${acad}` : ''} ${surname}`;
        return formal ? `Sehr geehrte${t.gender === 'f' ? '' : 'r'} ${addressed},` : `Guten Tag ${addressed},`;
      }
      return `Guten Tag ${[acad, t.other, surname && !full ? surname : full || surname].filter(Boolean).join(' ')},`;
    }
    case 'fr': {
      if (t.gender !== '' && surname !== '') return `Bonjour ${t.gender === 'f' ? 'Madame' : 'Monsieur'} ${surname},`;
      if (t.doctor && surname !== '') return `Bonjour Docteur ${surname},`;
      return `Bonjour ${[t.other, full || surname].filter(Boolean).join(' ')},`;
    }
    default: {
      const acad = t.doctor ? (t.gender === 'f' ? 'Dra.' : 'Dr.') : '';
      if (t.gender !== '' && surname !== '') {
        const title = acad || (t.gender === 'f' ? 'Sra.' : 'Sr.');
        return `Estimad${t.gender === 'f' ? 'a' : 'o'} ${title} ${surname}:`;
      }
      return `${formal ? 'Buenos días' : 'Hola'}, ${[t.other, full || surname].filter(Boolean).join(' ')}:`;
    }
  }
}

function plainLine(lang: string, formal: boolean, organisation: boolean): string {
  switch (lang) {
    case 'de':
      return organisation && formal ? 'Sehr geehrte Damen und Herren,' : formal ? 'Guten Tag,' : 'Hallo,';
    case 'fr':
      return organisation && formal ? 'Madame, Monsieur,' : 'Bonjour,';
    default:
      return organisation && formal ? 'Estimados señores:' : formal ? 'Buenos días:' : 'Hola:';
  }
}


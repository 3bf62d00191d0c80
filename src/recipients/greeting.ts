/**
 * The greeting line for one recipient (SPEC "Greetings"): "Hi Zoë," in a casual
 * letter, "Dear Dr García-López," in a formal one, "Hello," when the name is an
 * organisation's, a role, initials, an order number or an address. Pure.
 */
import { caseWords } from './name-case.js';
import { LEGAL_FORMS, ORGANISATION_WORDS, SUFFIXES, TITLES, TRAILING_LEGAL_FORMS } from './name-words.js';
import { cleanNameText, isOrganisation, NOBODY_NAME, PHRASE, parseFamilyColumn, parseFullName, parseGivenColumn, titleOf, type NameParts } from './name-parts.js';

/** The recipient columns a greeting reads (any may be missing or empty). */
export interface GreetingFields {
  first_name?: string;
  last_name?: string;
  name?: string;
  salutation?: string;
}

export interface GreetingOptions {
  /** Major or critical severity, or a business audience (see `isFormal`). */
  formal: boolean;
  /** Only English lines for now; the parts (`name`) serve other languages. */
  locale?: string;
}

export interface Greeting {
  /** The line this letter uses: `casual` or `formal`. */
  line: string;
  casual: string;
  formal: string;
  /** The name in `line` ("Zoë", "Dr García-López"), "" for the plain greeting. */
  greetName: string;
  /** The line is the plain one ("Hello,"). */
  plain: boolean;
  /** What the name was read as. */
  name: NameParts;
}

const PLAIN = 'Hello,';
/** A salutation column that is a whole greeting ("Dear Mrs Okafor") rather than a title. */
const GREETING_WORDS = /^(?:dear|hi|hello|hey|good|to|hallo|liebe|lieber|sehr|guten|bonjour|cher|chère|madame|monsieur|estimad[oa]s?|querid[oa]s?|hola|beste|geachte|ciao|gentile|caro|cara|egregio)\b/iu;
/** Longer than this, a "name" is more likely a sentence typed in the wrong column. */
const MAX_FULL = 60;

/** Formal greetings for major and critical letters and for business readers. */
export function isFormal(incident: { severity?: string; audience?: string }): boolean {
  return incident.severity === 'major' || incident.severity === 'critical' || incident.audience === 'business';
}

/** The recipient's name read from the columns, the first_name, last_name and salutation columns winning. */
export function nameParts(fields: GreetingFields): NameParts {
  const full = parseFullName(fields.name ?? '');
  const first = parseGivenColumn(fields.first_name ?? '');
  if (first.kind === 'organisation' || (full.kind === 'organisation' && first.kind === 'none')) return { ...NOBODY_NAME, kind: 'organisation' };
  let family = parseFamilyColumn(fields.last_name ?? '') || (full.kind === 'person' ? full.family : '');
  const given = first.given || full.nickname || full.given;
  let title = full.title || first.title;
  const salutation = cleanNameText(fields.salutation);
  if (salutation !== '' && !GREETING_WORDS.test(salutation) && !isOrganisation(salutation)) {
    // A title ("Mrs", "DR", "Herr"), or a title and a name ("Mrs Okafor").
    const words = salutation.split(' ');
    const known = titleOf(words[0]!, words[1] ?? 'X');
    if (known !== undefined && words.length > 1) {
      title = known;
      if (family === '') family = caseWords(words.slice(1), false).join(' ');
    } else title = known ?? caseWords(words, false).join(' ');
  }
  const fullName = full.full || [given, family].filter((s) => s !== '').join(' ');
  const kind = given !== '' || family !== '' || fullName !== '' ? 'person' : 'none';
  return { kind, title, titleWithGiven: full.titleWithGiven && title === full.title, given, family, full: fullName, iberian: full.iberian };
}

/** A salutation column that is already a greeting, as a line ending in a comma. */
function givenLine(salutation: string | undefined): string | undefined {
  const s = cleanNameText(salutation);
  if (s === '' || !GREETING_WORDS.test(s)) return undefined;
  return `${s.replace(/[\s.,;:!]+$/u, '')},`;
}

/** "Jane", "Jane Smith", "Zoë O'Neill": the usual shape, read without the full parse. */
const SIMPLE = /^(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?: (\p{Lu}\p{Ll}*(?:[-'’]?\p{Lu}\p{Ll}+)*))?$/u;
const SIMPLE_GIVEN = /^\p{Lu}\p{Ll}+$/u;

function notPlainWord(word: string | undefined, last: boolean): boolean {
  if (word === undefined) return false;
  const k = word.toLowerCase();
  return TITLES.has(k) || LEGAL_FORMS.has(k) || ORGANISATION_WORDS.has(k) || k === 'the' || (last && (TRAILING_LEGAL_FORMS.has(k) || SUFFIXES.has(k)));
}

/** The parts of a name of the usual shape, or undefined when it needs the full reading. */
export function simpleParts(fields: GreetingFields): NameParts | undefined {
  if (fields.salutation || fields.last_name) return undefined;
  const m = SIMPLE.exec(fields.name ?? '');
  const first = fields.first_name ?? '';
  if (m === null) {
    if (fields.name || !SIMPLE_GIVEN.test(first) || notPlainWord(first, true)) return undefined;
    return { kind: 'person', title: '', titleWithGiven: false, given: first, family: '', full: first, iberian: false };
  }
  if (m[2]?.length === 1 || (m[2] !== undefined && PHRASE.test(m[0])) || notPlainWord(m[1], m[2] === undefined) || notPlainWord(m[2], true)) return undefined;
  if (first !== '' && first !== m[1] && (!SIMPLE_GIVEN.test(first) || notPlainWord(first, true))) return undefined;
  const given = first || m[1]!;
  return { kind: 'person', title: '', titleWithGiven: false, given, family: m[2] ?? '', full: m[0], iberian: false };
}

/** The greeting for one recipient; `formal` picks which of the two lines is `line`. */
export function greetingFor(fields: GreetingFields, options: GreetingOptions): Greeting {
  const name = simpleParts(fields) ?? nameParts(fields);
  const asGiven = givenLine(fields.salutation);
  let casualName = '';
  let formalName = '';
  if (name.kind === 'person') {
    const titled = name.title !== '' ? (name.titleWithGiven ? name.given : name.family) : '';
    formalName = titled !== '' ? `${name.title} ${titled}` : name.full.length <= MAX_FULL ? name.full : '';
    casualName = name.given !== '' ? name.given : titled !== '' ? formalName : '';
  }
  const casual = asGiven ?? (casualName === '' ? PLAIN : name.given !== '' ? `Hi ${casualName},` : `Hello ${casualName},`);
  const formal = asGiven ?? (formalName === '' ? PLAIN : `Dear ${formalName},`);
  const line = options.formal ? formal : casual;
  const greetName = asGiven !== undefined ? '' : options.formal ? formalName : casualName;
  return { line, casual, formal, greetName, plain: line === PLAIN, name };
}

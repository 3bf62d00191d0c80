/**
 * The greeting line for one recipient (SPEC "Greetings"): "Hi Zoë," in a casual
 * letter, "Dear Dr García-López," in a formal one, "Hello," when the name is an
 * organisation's, a role, initials, an order number or an address. Pure.
 */
import { caseWords, UNIT_CASE } from './name-case.js';
import { LEGAL_FORMS, ORGANISATION_PHRASES, ORGANISATION_WORDS, SUFFIXES, TITLES, TRAILING_LEGAL_FORMS } from './name-words.js';
import { cleanNameText, isOrganisation, NOBODY_NAME, PHRASE, parseFamilyColumn, parseFullName, parseGivenColumn, takeTitles, type NameParts } from './name-parts.js';

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
    // A title ("Mrs", "DR", "Herr"), titles ("Frau Dr.", "Herr Prof. Dr."), or titles and a name ("Mrs Okafor").
    const words = salutation.split(' ');
    // (a stand-in name after the column's words: a title may end it)
    const titles = takeTitles([...words, 'X']);
    if (titles.title !== '') {
      title = titles.title;
      if (family === '' && titles.rest.length > 1) family = caseWords(titles.rest.slice(0, -1), false).join(' ');
    } else title = caseWords(words, false).join(' ');
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

/**
 * Where a word could be one `notPlainWord` refuses: a bit per 16-bit slice of
 * the FNV-1a hash of its lower-cased key, for the words a name is read without
 * (`NOT_PLAIN`) and those also refused last (`NOT_PLAIN_LAST`). A clear bit
 * rules the word out without making its lower-cased copy.
 */
const NOT_PLAIN = new Uint8Array(1 << 13);
const NOT_PLAIN_LAST = new Uint8Array(1 << 13);
/** The lower case of each UTF-16 unit below U+0300 when it is one unit (0: ask toLowerCase, e.g. U+0130). */
const LOWER = new Uint16Array(0x300);
for (let c = 0; c < LOWER.length; c++) {
  const l = String.fromCharCode(c).toLowerCase();
  LOWER[c] = l.length === 1 ? l.charCodeAt(0) : 0;
}
const mark = (bits: Uint8Array, key: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  bits[(h & 0xffff) >> 3]! |= 1 << (h & 7);
};
for (const k of [...TITLES.keys(), ...LEGAL_FORMS, ...ORGANISATION_WORDS, 'the']) {
  mark(NOT_PLAIN, k);
  mark(NOT_PLAIN_LAST, k);
}
for (const k of [...TRAILING_LEGAL_FORMS, ...SUFFIXES]) mark(NOT_PLAIN_LAST, k);

/**
 * The FNV-1a hash of s[from, to) lower-cased (what `toLowerCase` gives, unit by
 * unit below U+0300), or -1 for a word with a unit the table does not lower.
 */
function lowerHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const l = c < 0x300 ? LOWER[c]! : 0;
    if (l === 0) return -1;
    h = Math.imul(h ^ l, 0x01000193);
  }
  return h & 0x7fffffff;
}

/** `notPlainWord(s.slice(from, to), last)`, without the copies for a word the bits rule out. */
function notPlainAt(s: string, from: number, to: number, last: boolean, h = lowerHash(s, from, to)): boolean {
  if (h >= 0 && ((last ? NOT_PLAIN_LAST : NOT_PLAIN)[(h & 0xffff) >> 3]! & (1 << (h & 7))) === 0) return false;
  return notPlainWord(s.slice(from, to), last);
}

/** "Hi Zoë," by the given name's hash: the casual lines of recent given names (most files have few). */
const HI_GIVEN: (string | undefined)[] = new Array(1024).fill(undefined);
const HI_LINE: string[] = new Array(1024).fill('');

/** `Hi ${s.slice(from, to)},`, from the cache when that given name was seen (h: lowerHash of it, -1 for none). */
function hiLine(s: string, from: number, to: number, h: number): string {
  if (h < 0) return `Hi ${s.slice(from, to)},`;
  const i = h & 1023;
  const given = HI_GIVEN[i];
  if (given !== undefined && given.length === to - from && s.startsWith(given, from)) return HI_LINE[i]!;
  const g = s.slice(from, to);
  HI_GIVEN[i] = g;
  return (HI_LINE[i] = `Hi ${g},`);
}

/** Letter case of each UTF-16 unit below U+0300: 1 \p{Lu}, 2 \p{Ll}, 0 neither. */
const CASE = UNIT_CASE;
const UPPER = 1;
const LOWER_CASE = 2;
/** What `simpleShape` says: one word; a unit past the table (ask SIMPLE); not SIMPLE's shape. */
const ONE_WORD = -1;
const UNKNOWN = -2;
const NO = -3;

/** The case of s[i] (0 past the end), or UNKNOWN. */
function caseAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  return c < 0x300 ? CASE[c]! : UNKNOWN;
}

/**
 * `SIMPLE.test(name)` read unit by unit: the index of the space for two
 * words, ONE_WORD, NO, or UNKNOWN when a unit is past the table (then SIMPLE
 * decides).
 */
function simpleShape(s: string): number {
  const n = s.length;
  // The given name: \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?
  let i = 0;
  for (let part = 0; part < 2; part++) {
    let k = caseAt(s, i);
    if (k !== UPPER) return k === UNKNOWN ? UNKNOWN : NO;
    k = caseAt(s, ++i);
    if (k !== LOWER_CASE) return k === UNKNOWN ? UNKNOWN : NO;
    while ((k = caseAt(s, ++i)) === LOWER_CASE);
    if (k === UNKNOWN) return UNKNOWN;
    if (part === 1 || s.charCodeAt(i) !== 45 /* - */) break;
    i++;
  }
  if (i === n) return ONE_WORD;
  if (s.charCodeAt(i) !== 32) return NO;
  const sp = i;
  // The family name: \p{Lu}\p{Ll}*(?:[-'’]?\p{Lu}\p{Ll}+)*
  let k = caseAt(s, ++i);
  if (k !== UPPER) return k === UNKNOWN ? UNKNOWN : NO;
  while ((k = caseAt(s, ++i)) === LOWER_CASE);
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 39 || c === 0x2019) k = caseAt(s, ++i);
    if (k !== UPPER) return k === UNKNOWN ? UNKNOWN : NO;
    k = caseAt(s, ++i);
    if (k !== LOWER_CASE) return k === UNKNOWN ? UNKNOWN : NO;
    while ((k = caseAt(s, ++i)) === LOWER_CASE);
    if (k === UNKNOWN && s.charCodeAt(i) !== 0x2019) return UNKNOWN;
  }
  return sp;
}

/** First words of PHRASE's two-word roles, the only ones a name of SIMPLE's shape (one space, no "/") can hold. */
const ROLE_FIRST = [...new Set(ORGANISATION_PHRASES.filter((p) => /^[a-z]+ [a-z]+$/.test(p)).map((p) => p.split(' ')[0]!))];
// Any other phrase such a name could hold (one word, or letters and apostrophes mayBeRole would not see) needs mayBeRole changed.
if (ORGANISATION_PHRASES.some((p) => !/^[a-z]+ [a-z]+$/.test(p) && p.split(' ').length <= 2 && !/[^\p{L}'’ -]/u.test(p))) throw new Error('greeting: mayBeRole does not know a role phrase');

/**
 * False when PHRASE cannot match a name of SIMPLE's shape whose given name
 * ends at `end` (a space follows): a role's first word would be the given
 * name's last part, s[from, end), compared as PHRASE's /iu compares (ASCII
 * letters, ſ as s and the Kelvin sign as k: the only other units that fold to
 * ASCII letters).
 */
function mayBeRole(s: string, from: number, end: number): boolean {
  words: for (const w of ROLE_FIRST) {
    if (w.length !== end - from) continue;
    for (let i = 0; i < w.length; i++) {
      let c = s.charCodeAt(from + i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c === 0x17f) c = 115;
      else if (c === 0x212a) c = 107;
      if (c !== w.charCodeAt(i)) continue words;
    }
    return true;
  }
  return false;
}

/** Where the last part of a given name of SIMPLE's shape ending at `end` starts (after its one hyphen, if any). */
function givenPartAt(name: string, end: number): number {
  const dash = name.indexOf('-');
  return dash >= 0 && dash < end ? dash + 1 : 0;
}

/**
 * `greetingFor(fields, { formal }).line`, and only that: a batch's hot path.
 * The usual name (what `simpleParts` reads: "Zoë Müller", a first_name column
 * that is a plain given name) is read in place: no parts, no arrays, no
 * lower-cased copies; "Hi Zoë," comes from a small cache by given name. Any
 * other name is read by greetingFor.
 */
export function greetingLine(fields: GreetingFields, formal: boolean): string {
  return greetingLineOf(fields.first_name, fields.name, fields.salutation, fields.last_name, formal);
}

/**
 * The lines of recent names without a salutation or last-name column, by
 * (name, first name, formal): real exports repeat names (a customer's rows, and
 * common names), and a hit costs one string comparison. Direct-mapped, the slot
 * picked from the name's length and three of its units (no hash of the whole
 * string). Kept only while it pays: after each LINE_WINDOW lookups, a window
 * with fewer than a quarter hits stops adding names (with every name different,
 * a lookup is then a few loads and a comparison that fails at once, and nothing
 * is kept alive), and every 16th window adds them again, to notice names that
 * start repeating. The strings kept are copies: a batch's names are slices of
 * the large strings its reader thread sends, which a slice would keep alive.
 */
const LINE_SLOTS = 4096;
const LINE_WINDOW = 4096;
const lineName: (string | undefined)[] = new Array(LINE_SLOTS).fill(undefined);
const lineFirst: string[] = new Array(LINE_SLOTS).fill('');
const lineFormal = new Uint8Array(LINE_SLOTS);
const lineText: string[] = new Array(LINE_SLOTS).fill('');
let lineLookups = 0;
let lineHits = 0;
let lineWindows = 0;
let lineAdding = true;

function lineSlot(name: string, first: string): number {
  const n = name.length;
  if (n === 0) return (first.length * 31 + (first.length > 0 ? first.charCodeAt(0) : 0)) & (LINE_SLOTS - 1);
  return (Math.imul(n, 0x9e3779b1) ^ Math.imul(name.charCodeAt(0), 0x85ebca6b) ^ Math.imul(name.charCodeAt(n >> 1), 0xc2b2ae35) ^ Math.imul(name.charCodeAt(n - 1), 0x27d4eb2f) ^ first.length) >>> 20;
}

/** A copy of s that keeps nothing else alive (a slice of a longer string keeps that string; joining to a space and slicing makes a string of its own). */
const detached = (s: string): string => (s.length < 13 ? s.slice(0) : ` ${s}`.slice(1));

/** greetingLine with the fields as arguments: no object per recipient on the usual path (a batch's). */
export function greetingLineOf(firstName: string | undefined, fullName: string | undefined, salutation: string | undefined, lastName: string | undefined, formal: boolean): string {
  if (salutation || lastName) return readLine(firstName, fullName, salutation, lastName, formal);
  const name = fullName ?? '';
  const first = firstName ?? '';
  const slot = lineSlot(name, first);
  const f = formal ? 1 : 0;
  if (++lineLookups === LINE_WINDOW) {
    lineAdding = lineHits * 4 >= LINE_WINDOW || (++lineWindows & 15) === 0;
    lineLookups = 0;
    lineHits = 0;
  }
  if (lineName[slot] === name && lineFirst[slot] === first && lineFormal[slot] === f) {
    lineHits++;
    return lineText[slot]!;
  }
  const line = readLine(firstName, fullName, undefined, undefined, formal);
  if (lineAdding) {
    lineName[slot] = detached(name);
    lineFirst[slot] = detached(first);
    lineFormal[slot] = f;
    lineText[slot] = detached(line);
  }
  return line;
}

/** greetingLineOf, read from the name (no cache). */
function readLine(firstName: string | undefined, fullName: string | undefined, salutation: string | undefined, lastName: string | undefined, formal: boolean): string {
  if (!salutation && !lastName) {
    const name = fullName ?? '';
    const first = firstName ?? '';
    let sp = name === '' ? NO : simpleShape(name);
    if (sp === UNKNOWN) sp = SIMPLE.test(name) ? name.indexOf(' ') : NO;
    if (sp !== NO) {
      const n = name.length;
      const end = sp < 0 ? n : sp;
      const h = lowerHash(name, 0, end);
      // simpleParts' refusals, in its order: a one-letter family name, a role ("Customer Service"), a title or a legal form.
      const ok =
        (sp < 0 || (n - sp - 1 !== 1 && !(mayBeRole(name, givenPartAt(name, sp), sp) && PHRASE.test(name)))) &&
        !notPlainAt(name, 0, end, sp < 0, h) &&
        (sp < 0 || !notPlainAt(name, sp + 1, n, true)) &&
        (first === '' || (first.length === end && name.startsWith(first)) || (SIMPLE_GIVEN.test(first) && !notPlainAt(first, 0, first.length, true)));
      if (ok) {
        if (formal) return n <= MAX_FULL ? `Dear ${name},` : PLAIN;
        return first === '' || (first.length === end && name.startsWith(first)) ? hiLine(name, 0, end, h) : hiLine(first, 0, first.length, lowerHash(first, 0, first.length));
      }
    } else if (name === '' && first !== '' && SIMPLE_GIVEN.test(first)) {
      const h = lowerHash(first, 0, first.length);
      if (!notPlainAt(first, 0, first.length, true, h)) {
        if (formal) return first.length <= MAX_FULL ? `Dear ${first},` : PLAIN;
        return hiLine(first, 0, first.length, h);
      }
    }
  }
  return greetingFor({ first_name: firstName, name: fullName, salutation, last_name: lastName }, { formal }).line;
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

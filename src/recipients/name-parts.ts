/**
 * A person's name read into the parts a greeting needs: titles, the given name
 * a friend would use, the family name a formal letter uses, and the full name.
 * An organisation, a role, an order number or an address is not a person:
 * `kind` says so and the greeting stays plain.
 */
import { caseWord, caseWords } from './name-case.js';
import {
  GIVEN_NAME_TITLES, IBERIAN_TITLES, JOINED_GIVEN, LEGAL_FORMS, ORGANISATION_PHRASES, ORGANISATION_WORDS,
  PAIRED_FIRST, PAIRED_SECOND, PARTICLES, ROLE_ALONE_ONLY, SUFFIXES, TITLES, TRAILING_LEGAL_FORMS,
} from './name-words.js';

export interface NameParts {
  kind: 'person' | 'organisation' | 'none';
  /** Titles in their usual spelling ("Dr", "Prof. Dr.", "Mr & Mrs"), or "". */
  title: string;
  /** The title is said with the given name ("Sir Elton"). */
  titleWithGiven: boolean;
  /** The given name for a casual greeting ("Zoë", "María José", "Abdul Rahman"), or "". */
  given: string;
  /** The family name for a formal greeting with a title ("García-López", "van Beethoven"), or "". */
  family: string;
  /** The whole name without titles or letters after it ("María José García-López"), or "". */
  full: string;
  /** The family name is more than one surname (Spanish, Portuguese). */
  iberian: boolean;
}

export const NOBODY_NAME: NameParts = { kind: 'none', title: '', titleWithGiven: false, given: '', family: '', full: '', iberian: false };

// Bidi controls, zero-width space and BOM go; ZWNJ and ZWJ (Persian, Indic) stay.
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/gu;
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const INITIAL = /^(?:\p{L}\.?|(?:\p{L}\.-?)+\p{L}?\.?)$/u;
const CONNECTORS = new Set(['&', 'and', '+', 'y', 'et', 'und', 'en', 'e']);

/** A column's text, or "" when it cannot be a name: empty, an address, digits, no letters. */
export function cleanNameText(value: string | undefined): string {
  if (!value) return '';
  let s = value.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
  s = s.replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/gu, '').trim();
  if (s === '' || s.includes('@') || /\p{Nd}/u.test(s) || !/\p{L}/u.test(s)) return '';
  if (/[_<>\\/|=]/.test(s) && !/^\S+\/\S+$/.test(s)) return '';
  return s;
}

/** Lower case without the full stops and commas around a word: "Inc.," → "inc". */
const key = (word: string): string => word.toLowerCase().replace(/^[(,]+|[.,)]+$/g, '');

export const isInitial = (word: string): boolean => INITIAL.test(word.replace(/,$/, ''));

/** Two-word roles and openings ("Goods In", "Customer Service") inside a text. */
export const PHRASE = new RegExp(`(?<!\\p{L})(?:${ORGANISATION_PHRASES.map((p) => p.replace(/[/]/g, '\\/')).join('|')})(?!\\p{L})`, 'iu');

/** A business, a team or a role, not a person ("Smith & Sons Ltd", "Accounts", "The Corner Pantry"). */
export function isOrganisation(text: string): boolean {
  if (PHRASE.test(text)) return true;
  const words = text.split(' ').map(key).filter((w) => w !== '');
  if (words.length > 1 && words[0] === 'the') return true;
  if (words.length > 1 && TRAILING_LEGAL_FORMS.has(words[words.length - 1]!)) return true;
  return words.some((w) => LEGAL_FORMS.has(w) || (ORGANISATION_WORDS.has(w) && (words.length === 1 || !ROLE_ALONE_ONLY.has(w))));
}

/** A title at the start of a name, in its usual spelling, or undefined. */
export function titleOf(word: string, next?: string): string | undefined {
  const k = key(word);
  const usual = TITLES.get(k);
  if (usual === undefined) return undefined;
  // "M." is Monsieur only with a name after it that is not itself an initial; "M" alone is an initial.
  if (k === 'm' && (!word.endsWith('.') || next === undefined || isInitial(next))) return undefined;
  return word.endsWith('.') && !usual.endsWith('.') && !/\.\p{L}+$/u.test(usual) ? `${usual}.` : usual;
}

interface Titles { title: string; keys: string[]; rest: string[] }

/** Leading titles ("Prof. Dr.", "Mr & Mrs") split off the words. */
export function takeTitles(words: string[]): Titles {
  const titles: string[] = [];
  const keys: string[] = [];
  let i = 0;
  while (i < words.length - 1) {
    const t = titleOf(words[i]!, words[i + 1]);
    if (t !== undefined) {
      titles.push(t);
      keys.push(key(words[i]!));
      i++;
    } else if (titles.length > 0 && CONNECTORS.has(key(words[i]!)) && i + 2 < words.length && titleOf(words[i + 1]!, words[i + 2]) !== undefined) {
      titles.push(words[i]!.toLowerCase() === 'and' ? 'and' : words[i]!);
      i++;
    } else break;
  }
  return { title: titles.join(' '), keys, rest: words.slice(i) };
}

/** Name words without letters after the name ("Jr.", "PhD") and a nickname pulled out. */
function splitWords(text: string): { words: string[]; nickname: string } {
  let nickname = '';
  const stripped = text.replace(/\s*(?:"([^"]+)"|“([^”]+)”|\(([^()]+)\))\s*/gu, (_m, a, b, c) => {
    const n = String(a ?? b ?? c).trim();
    if (nickname === '' && /^\p{L}[\p{L}\p{M}'’-]*$/u.test(n)) nickname = n;
    return ' ';
  });
  const words = stripped.trim().split(' ').filter((w) => w !== '' && w !== ',');
  while (words.length > 1 && SUFFIXES.has(key(words[words.length - 1]!))) words.pop();
  if (words.length > 0) words[words.length - 1] = words[words.length - 1]!.replace(/,$/, '');
  return { words, nickname };
}

/**
 * Where the given name starts and ends among the words after the titles; it
 * never reaches `limit` (the family name's first possible word).
 */
function givenSpan(words: string[], limit: number): { start: number; end: number; paired: boolean } {
  let start = 0;
  while (start < limit && isInitial(words[start]!)) start++;
  // A lower-case particle where the given name would be ("van Gogh", "t. van der Berg") starts the family name: no given name.
  if (start >= limit || (words.length > start + 1 && PARTICLES.has(words[start]!))) return { start, end: start, paired: false };
  const first = words[start]!.toLowerCase();
  const second = words[start + 1]?.toLowerCase();
  if (second !== undefined && start + 2 <= limit) {
    if (JOINED_GIVEN.has(first)) return { start, end: start + 2, paired: false };
    if (PAIRED_FIRST.has(first) && PAIRED_SECOND.has(second)) return { start, end: start + 2, paired: true };
  }
  return { start, end: start + 1, paired: false };
}

/** The family name: the last word with its particles, or every word after the given names for Iberian names. */
function familyStart(words: string[], givenEnd: number, iberian: boolean): number {
  if (words.length === 0) return 0;
  if (iberian && words.length - givenEnd >= 2) return givenEnd;
  let i = words.length - 1;
  while (i - 1 >= givenEnd && PARTICLES.has(words[i - 1]!.toLowerCase())) i--;
  return i;
}

/** Reads a full name ("Dr María José García-López", "Smith, Jane", "JAMES O'NEILL"). */
export function parseFullName(text: string): NameParts & { nickname: string } {
  const clean = cleanNameText(text);
  if (clean === '') return { ...NOBODY_NAME, nickname: '' };
  if (isOrganisation(clean)) return { ...NOBODY_NAME, kind: 'organisation', nickname: '' };
  let text2 = clean;
  let fixedFamily: string[] | undefined;
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const left = clean.slice(0, comma).trim();
    const right = clean.slice(comma + 1).trim();
    const rightWords = right.split(' ').filter(Boolean);
    if (rightWords.length === 0 || rightWords.every((w) => SUFFIXES.has(key(w)))) text2 = left;
    else if (!left.includes(' ') || PARTICLES.has(left.split(' ')[0]!.toLowerCase())) {
      // "Smith, Jane" / "García-López, Dr. María José": family first.
      fixedFamily = left.split(' ');
      text2 = `${right} ${left}`;
    }
  }
  const { words, nickname } = splitWords(text2);
  const { title, keys, rest } = takeTitles(words);
  // "&" joins two businesses' or two people's names ("Smith & Sons", "John & Mary"); only "Mr & Mrs Smith" is one greeting.
  if (/[&+]/.test(clean) && !/[&+]/.test(title)) return { ...NOBODY_NAME, kind: 'organisation', nickname: '' };
  // Initials alone ("J.", "J. R.") or a title alone ("Sir", "Dr") name nobody.
  if (rest.every(isInitial) || (rest.length === 1 && title === '' && titleOf(rest[0]!, 'X') !== undefined)) return { ...NOBODY_NAME, nickname: '' };
  if (/[&+]| and /.test(title)) {
    // "Mr & Mrs Smith": a couple, greeted by title and family name only.
    const cased = caseWords(rest, false);
    return { kind: 'person', title, titleWithGiven: false, given: '', family: cased.slice(familyStart(cased, 1, false)).join(' '), full: '', iberian: false, nickname: '' };
  }
  const cased = caseWords(rest, !(fixedFamily && fixedFamily.length === rest.length));
  const full = cased.join(' ');
  if (CJK.test(full)) return { kind: 'person', title, titleWithGiven: false, given: full, family: full, full, iberian: false, nickname };
  const titleWithGiven = keys.length > 0 && GIVEN_NAME_TITLES.has(keys[0]!);
  if (cased.length === 1) {
    // One word: with a title it is the family name ("Mr Smith"), else a given name or a mononym.
    const one = cased[0]!;
    if (title !== '' && !titleWithGiven) return { kind: 'person', title, titleWithGiven, given: '', family: one, full: one, iberian: false, nickname };
    return { kind: 'person', title, titleWithGiven, given: isInitial(one) ? '' : one, family: '', full: one, iberian: false, nickname };
  }
  if (fixedFamily) {
    const famLen = fixedFamily.length;
    const givenWords = cased.slice(0, cased.length - famLen);
    const g = givenSpan(givenWords, givenWords.length);
    const family = cased.slice(cased.length - famLen).join(' ');
    return { kind: 'person', title, titleWithGiven, given: givenWords.slice(g.start, g.end).join(' '), family, full, iberian: famLen > 1, nickname };
  }
  const g = givenSpan(cased, cased.length - 1);
  const iberian = g.paired || keys.some((k) => IBERIAN_TITLES.has(k));
  const fam = familyStart(cased, g.end, iberian);
  return { kind: 'person', title, titleWithGiven, given: cased.slice(g.start, g.end).join(' '), family: cased.slice(fam).join(' '), full, iberian, nickname };
}

/** A first-name column: titles and initials dropped, the rest in its usual capitals. */
export function parseGivenColumn(text: string): { kind: NameParts['kind']; given: string; title: string } {
  const clean = cleanNameText(text);
  if (clean === '') return { kind: 'none', given: '', title: '' };
  if (isOrganisation(clean) || clean.includes('&')) return { kind: 'organisation', given: '', title: '' };
  const { words, nickname } = splitWords(clean);
  const { title, rest } = takeTitles(words);
  const named = rest.filter((w) => !isInitial(w));
  if (nickname !== '') return { kind: 'person', given: caseWord(nickname, 'given'), title };
  return { kind: named.length > 0 ? 'person' : 'none', given: caseWords(named).join(' '), title };
}

/** A last-name column in its usual capitals. */
export function parseFamilyColumn(text: string): string {
  const clean = cleanNameText(text);
  if (clean === '' || isOrganisation(clean)) return '';
  const words = splitWords(clean).words;
  return caseWords(words, false).join(' ');
}

import * as z from 'zod';

export { SEVERITIES, REMEDY_KINDS, HUMOUR_MODES, BUILTIN_SCENARIOS, AUDIENCES, COMMITMENT_STATUSES, EXPOSURE_KINDS } from './enums.js';
export type { Severity, Audience, CommitmentStatus, ExposureKind, RemedyKind, HumourMode } from './enums.js';
import { SEVERITIES, REMEDY_KINDS, HUMOUR_MODES, AUDIENCES, COMMITMENT_STATUSES, EXPOSURE_KINDS, type ExposureKind } from './enums.js';

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: `${what} is empty` }));

const optionalText = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .transform((s) => s.trim())
    .optional()
    .transform((s) => (s === '' ? undefined : s));

/**
 * A count written as text: digits, or digits in groups of three split by one
 * kind of separator ("13,482", "13 482", "13_482", a no-break space). Nothing
 * else is a number here: not "1e3", "0x10", "1,2,3" or "1.5".
 */
export const COUNT_TEXT = /^(?:\d+|\d{1,3}([, _\u00a0\u202f])\d{3}(?:\1\d{3})*)$/;

/** An optional text field whose key is always present in the result (a strict template may name it when it is not set). */
const maybeText = (what: string) => keyAlways(optionalText(what));

/**
 * The same schema, but an absent key comes out present (as undefined): strict
 * templates throw on a missing key, not on an empty one. Typed as the schema
 * itself, since the value may still be undefined.
 */
function keyAlways<T extends z.ZodType>(schema: T): T {
  return schema.default(undefined as never) as unknown as T;
}

/** What the affected are called, in the singular and the plural. */
export interface PeopleNoun {
  one: string;
  many: string;
}

export const DEFAULT_PEOPLE: Readonly<PeopleNoun> = Object.freeze({ one: 'customer', many: 'customers' });

const IRREGULAR: Readonly<Record<string, string>> = {
  persons: 'person',
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  staff: 'staff',
  personnel: 'personnel',
  series: 'series',
  species: 'species',
};
const IRREGULAR_PLURAL: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(IRREGULAR).map(([many, one]) => [one, many]),
);

/** Applies a word-level change to the last word, keeping its capital ("Account holders" → "Account holder"). */
function lastWord(phrase: string, change: (word: string) => string): string {
  const m = /^(.*?)([\p{L}\p{M}'’-]+)$/u.exec(phrase);
  if (!m) return phrase;
  const word = m[2]!;
  const changed = change(word.toLowerCase());
  const cased = word === word.toUpperCase() && word.length > 1 ? changed.toUpperCase() : word[0] === word[0]!.toUpperCase() ? changed[0]!.toUpperCase() + changed.slice(1) : changed;
  return m[1]! + cased;
}

/** Simple English singular of a plural noun phrase: patients → patient, companies → company, people → person, staff → staff. */
export function singular(phrase: string): string {
  return lastWord(phrase, (w) => {
    if (Object.hasOwn(IRREGULAR, w)) return IRREGULAR[w]!;
    if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
    if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
    if (/(?:ss|us|is)$/.test(w)) return w; // business, bus, analysis: not plurals
    if (w.endsWith('s') && w.length > 1) return w.slice(0, -1);
    return w;
  });
}

/** Simple English plural of a noun phrase: patient → patients, company → companies, person → people. */
export function plural(phrase: string): string {
  return lastWord(phrase, (w) => {
    if (Object.hasOwn(IRREGULAR_PLURAL, w)) return IRREGULAR_PLURAL[w]!;
    if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
    if (/(?:s|sh|ch|x|z)$/.test(w)) return `${w}es`;
    return `${w}s`;
  });
}

/**
 * `people`: a plural ("patients") or both forms ({ one: "patient", many: "patients" });
 * either way the result has both. A missing form is derived from the other.
 */
const people = z
  .union(
    [
      z.string().transform((s) => s.trim()),
      z.object({ one: optionalText('people.one'), many: optionalText('people.many') }),
    ],
    { error: 'people must be a plural noun like patients, or { one: patient, many: patients }' },
  )
  .transform((v): PeopleNoun => {
    if (typeof v === 'string') return v === '' ? { ...DEFAULT_PEOPLE } : { one: singular(v), many: v };
    if (v.one && v.many) return { one: v.one, many: v.many };
    if (v.many) return { one: singular(v.many), many: v.many };
    if (v.one) return { one: v.one, many: plural(v.one) };
    return { ...DEFAULT_PEOPLE };
  });

const EXPOSURE_ALIASES: Readonly<Record<string, ExposureKind>> = {
  names: 'name', 'full-name': 'name', 'full-names': 'name',
  'e-mail': 'email', emails: 'email', 'email-address': 'email', 'email-addresses': 'email', 'e-mail-address': 'email', 'e-mail-addresses': 'email',
  'phone-number': 'phone', 'phone-numbers': 'phone', telephone: 'phone', mobile: 'phone',
  address: 'postal-address', addresses: 'postal-address', 'postal-addresses': 'postal-address', 'home-address': 'postal-address', 'home-addresses': 'postal-address', 'postal': 'postal-address',
  dob: 'date-of-birth', 'birth-date': 'date-of-birth', birthday: 'date-of-birth', 'dates-of-birth': 'date-of-birth',
  passwords: 'password', 'password-hash': 'password', 'password-hashes': 'password',
  card: 'payment-card', cards: 'payment-card', 'card-number': 'payment-card', 'card-numbers': 'payment-card', 'credit-card': 'payment-card', 'credit-cards': 'payment-card', 'payment-cards': 'payment-card',
  'bank-details': 'bank-account', 'bank-accounts': 'bank-account', iban: 'bank-account',
  'government-ids': 'government-id', passport: 'government-id', 'passport-number': 'government-id', 'national-id': 'government-id', ssn: 'government-id',
  'health-data': 'health', medical: 'health', 'medical-records': 'health', 'test-results': 'health',
  orders: 'order-history', 'order-details': 'order-history', 'purchase-history': 'order-history',
  locations: 'location', 'location-data': 'location',
};

/** A known kind of exposed data for a value as typed ("Email addresses" → email), or undefined for free text. */
export function exposureKind(value: string): ExposureKind | undefined {
  const key = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((EXPOSURE_KINDS as readonly string[]).includes(key)) return key as ExposureKind;
  return Object.hasOwn(EXPOSURE_ALIASES, key) ? EXPOSURE_ALIASES[key] : undefined;
}

/** `exposure.data`: a list, or one text split at commas; known kinds by their name, anything else as written; no repeats. */
const exposureData = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : v),
  z
    .array(z.string({ error: 'exposure.data must be a list of kinds like name, email, password' }), {
      error: 'exposure.data must be a list of kinds like name, email, password',
    })
    .transform((list) => {
      const out: string[] = [];
      for (const item of list) {
        const t = item.trim();
        if (t === '') continue;
        const kind = exposureKind(t) ?? t;
        if (!out.includes(kind)) out.push(kind);
      }
      return out;
    }),
);

/** A date like 2026-12-12 (a real day), kept in that form. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Month names a manager types in the four built-in languages (a prefix of at least three letters, accents optional). */
const DUE_MONTHS: readonly (readonly string[])[] = [
  ['january', 'januar', 'janvier', 'enero', 'jänner'], ['february', 'februar', 'fevrier', 'febrero'], ['march', 'marz', 'mars', 'marzo'],
  ['april', 'avril', 'abril'], ['may', 'mai', 'mayo'], ['june', 'juni', 'juin', 'junio'], ['july', 'juli', 'juillet', 'julio'],
  ['august', 'aout', 'agosto'], ['september', 'septembre', 'septiembre', 'setiembre'], ['october', 'oktober', 'octobre', 'octubre'],
  ['november', 'novembre', 'noviembre'], ['december', 'dezember', 'decembre', 'diciembre'],
];
const plainLetters = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/**
 * `commitmentDue` typed as a person writes a date with its year ("18 December 2026", "15 décembre 2026",
 * "Friday 18 Dec 2026", "December 18, 2026", "18. Dezember 2026", "18.12.2026", "18 de diciembre de 2026"):
 * the ISO day it names, or the text unchanged (then refused with the usual message).
 */
export function typedDueDate(text: string): string {
  const whole = plainLetters(text.trim());
  // A weekday before the day ("Friday 18 Dec 2026", "vendredi 18 décembre 2026"), never a month ("December 18, 2026").
  const t = /^[a-z]+\.?,?\s+\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?[a-z]/u.test(whole) ? whole.replace(/^[a-z]+\.?,?\s+/u, '') : whole;
  const iso = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const numeric = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u.exec(t);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]) - 1, Number(numeric[1]));
  const month = (w: string) => (w.length >= 3 ? DUE_MONTHS.findIndex((names) => names.some((n) => n.startsWith(w.replace(/\.$/u, '')))) : -1);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+|of\s+)?([a-z]+\.?)\s+(?:de\s+)?(\d{4})$/u.exec(t);
  if (dayFirst && month(dayFirst[2]!) >= 0) return iso(Number(dayFirst[3]), month(dayFirst[2]!), Number(dayFirst[1]));
  const monthFirst = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(t);
  if (monthFirst && month(monthFirst[1]!) >= 0) return iso(Number(monthFirst[3]), month(monthFirst[1]!), Number(monthFirst[2]));
  return text;
}

const commitmentDue = z
  .preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : typeof v === 'string' && v.trim() !== '' && !ISO_DATE.test(v.trim()) ? typedDueDate(v) : v),
    optionalText('commitmentDue'),
  )
  .pipe(z.string().refine(isIsoDate, { error: 'commitmentDue must be a date with its year, like 2026-12-12 or 12 December 2026' }).optional());

/** A BCP 47 tag in its canonical form ("en-us" → "en-US"), or undefined when it is not one. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical;
  } catch {
    return undefined;
  }
}

/** A value as it may appear in an error line: control characters escaped, at most 40 characters. */
const shown = (v: string) => {
  const t = JSON.stringify(v).slice(1, -1);
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

const LOCALE_ERROR = 'must be a BCP 47 language tag like en, de, fr-CA or es-419';

const locale = z
  .string({ error: `locale ${LOCALE_ERROR}` })
  .trim()
  .transform((tag, ctx) => {
    if (tag === '') return 'en';
    const canonical = canonicalLocale(tag);
    if (canonical === undefined) {
      ctx.issues.push({ code: 'custom', message: `locale "${shown(tag)}" ${LOCALE_ERROR}`, input: tag });
      return z.NEVER;
    }
    return canonical;
  })
  .default('en');

/** The free-text fields a language may give in its own words (`fields.de.mistake`). */
const localeText = z.object(
  {
    summary: optionalText('summary'),
    mistake: optionalText('mistake'),
    rootCause: optionalText('rootCause'),
    commitment: optionalText('commitment'),
    when: optionalText('when'),
    outcome: optionalText('outcome'),
    action: optionalText('action'),
    people: people.optional(),
    signer: z.object({ title: optionalText('signer.title') }).optional(),
    remedy: z.object({ details: optionalText('remedy.details') }).optional(),
    exposure: z
      .object({
        discovered: optionalText('exposure.discovered'),
        contained: optionalText('exposure.contained'),
        regulator: optionalText('exposure.regulator'),
        reference: optionalText('exposure.reference'),
      })
      .optional(),
  },
  { error: 'each fields.<locale> must be an object of text fields like mistake' },
);

/** `fields.<locale>.<field>`: the text fields per language, keyed by canonical BCP 47 tags. */
const perLocale = z
  .record(z.string(), localeText, { error: 'fields must map a locale (de, fr-CA…) to its text fields' })
  .transform((record, ctx) => {
    const out: Record<string, z.output<typeof localeText>> = {};
    for (const [tag, value] of Object.entries(record)) {
      const canonical = canonicalLocale(tag);
      if (canonical === undefined) {
        ctx.issues.push({ code: 'custom', message: `"${shown(tag)}" ${LOCALE_ERROR}`, input: tag, path: [tag] });
        continue;
      }
      Object.defineProperty(out, canonical, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  })
  .default(() => ({}));

/** A count like 13482, "13,482" or "13 482". */
const affected = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const t = v.trim();
    return COUNT_TEXT.test(t) ? Number(t.replace(/\D/g, '')) : v;
  },
  z
    .number({ error: 'affected must be a whole number like 13482' })
    .int({ error: 'affected must be a whole number like 13482' })
    .min(1, { error: 'affected must be at least 1' }),
);

/** A duration like `2d`, `36h`, `1w`. */
export const DURATION = /^(\d+)\s*([hdw])$/;

export const Incident = z.object({
  id: optionalText('id').pipe(
    z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'id may use letters, digits, . _ - (at most 64)' }).optional(),
  ),
  company: z.object(
    {
      name: text('company.name'),
      from: optionalText('company.from'),
      replyTo: optionalText('company.replyTo'),
      phone: optionalText('company.phone'),
      email: optionalText('company.email'),
    },
    { error: 'company must be an object with at least a name' },
  ),
  signer: z.object(
    {
      name: text('signer.name'),
      title: optionalText('signer.title'),
      team: z.boolean({ error: 'signer.team must be true or false' }).default(false),
    },
    { error: 'signer must be an object with at least a name' },
  ),
  scenario: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'scenario must be a template name like shipping-delay' })
    .default('generic'),
  severity: z.enum(SEVERITIES, { error: `severity must be one of ${SEVERITIES.join(', ')}` }).default('moderate'),
  mistake: text('mistake'),
  affected,
  rootCause: text('rootCause'),
  commitment: text('commitment'),
  remedy: z
    .object({
      kind: z.enum(REMEDY_KINDS, { error: `remedy.kind must be one of ${REMEDY_KINDS.join(', ')}` }).default('none'),
      details: optionalText('remedy.details'),
    })
    .default({ kind: 'none', details: undefined }),
  humour: z.enum(HUMOUR_MODES, { error: 'humour must be auto, on or off' }).default('auto'),
  followUp: z
    .object({
      after: z.string().trim().regex(DURATION, { error: 'followUp.after must be a duration like 2d, 36h or 1w' }),
    })
    .optional(),
  people: people.default(() => ({ ...DEFAULT_PEOPLE })),
  summary: maybeText('summary'),
  when: maybeText('when'),
  outcome: maybeText('outcome'),
  commitmentStatus: z
    .enum(COMMITMENT_STATUSES, { error: `commitmentStatus must be one of ${COMMITMENT_STATUSES.join(', ')}` })
    .default('done'),
  commitmentDue: keyAlways(commitmentDue),
  action: maybeText('action'),
  exposure: z
    .object(
      {
        data: exposureData.default(() => []),
        discovered: maybeText('exposure.discovered'),
        contained: maybeText('exposure.contained'),
        regulator: maybeText('exposure.regulator'),
        reference: maybeText('exposure.reference'),
      },
      { error: 'exposure must be an object like { data: [email], discovered: … }' },
    )
    .default(() => ({ data: [], discovered: undefined, contained: undefined, regulator: undefined, reference: undefined })),
  audience: z.enum(AUDIENCES, { error: `audience must be one of ${AUDIENCES.join(', ')}` }).default('consumer'),
  locale,
  fields: perLocale,
});

/** A validated incident: every required fact present, defaults filled in. */
export type Incident = z.output<typeof Incident>;

/** What flags, files and prompts collect before validation. */
export interface IncidentInput {
  id?: string;
  company?: { name?: string; from?: string; replyTo?: string; phone?: string; email?: string };
  signer?: { name?: string; title?: string; team?: boolean };
  scenario?: string;
  severity?: string;
  mistake?: string;
  affected?: number | string;
  rootCause?: string;
  commitment?: string;
  remedy?: { kind?: string; details?: string };
  humour?: string;
  followUp?: { after?: string };
  people?: string | { one?: string; many?: string };
  summary?: string;
  when?: string;
  outcome?: string;
  commitmentStatus?: string;
  commitmentDue?: string;
  action?: string;
  exposure?: { data?: string | string[]; discovered?: string; contained?: string; regulator?: string; reference?: string };
  audience?: string;
  locale?: string;
  fields?: Record<string, Record<string, unknown>>;
}

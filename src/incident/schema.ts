import { z } from 'zod';

export const SEVERITIES = ['minor', 'moderate', 'major', 'critical'] as const;
export const REMEDY_KINDS = ['refund', 'credit', 'coupon', 'replacement', 'upgrade', 'waived-fee', 'none'] as const;
export const HUMOUR_MODES = ['auto', 'on', 'off'] as const;
export const BUILTIN_SCENARIOS = [
  'shipping-delay',
  'wrong-item',
  'billing-error',
  'missed-appointment',
  'service-outage',
  'data-exposure',
  'generic',
] as const;

export type Severity = (typeof SEVERITIES)[number];
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export type HumourMode = (typeof HUMOUR_MODES)[number];

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
});

/** A validated incident: every required fact present, defaults filled in. */
export type Incident = z.output<typeof Incident>;

/** What flags, files and prompts collect before validation. */
export interface IncidentInput {
  id?: string;
  company?: { name?: string; from?: string; replyTo?: string; phone?: string; email?: string };
  signer?: { name?: string; title?: string };
  scenario?: string;
  severity?: string;
  mistake?: string;
  affected?: number | string;
  rootCause?: string;
  commitment?: string;
  remedy?: { kind?: string; details?: string };
  humour?: string;
  followUp?: { after?: string };
}

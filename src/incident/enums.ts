// The closed lists of incident values, without zod: flag parsers and help text read them, and
// loading them must not load the schema (start-up time).

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

/** Who reads the letter: a person (the default) or a business (plain, factual, no humour). */
export const AUDIENCES = ['consumer', 'business'] as const;
/** Whether the change promised (`commitment`) is done, under way or still to come. */
export const COMMITMENT_STATUSES = ['done', 'in-progress', 'planned'] as const;
/** The kinds of data a data exposure names; the advice in the letter follows them. Anything else is free text. */
export const EXPOSURE_KINDS = [
  'name',
  'email',
  'phone',
  'postal-address',
  'date-of-birth',
  'password',
  'payment-card',
  'bank-account',
  'government-id',
  'health',
  'order-history',
  'location',
] as const;

export type Severity = (typeof SEVERITIES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export type ExposureKind = (typeof EXPOSURE_KINDS)[number];
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export type HumourMode = (typeof HUMOUR_MODES)[number];

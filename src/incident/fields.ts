/** The incident fields that are required, with the flag that gives each one. */
export interface RequiredField {
  path: string;
  flag: string;
}

export const REQUIRED_FIELDS: readonly RequiredField[] = [
  { path: 'company.name', flag: '--company' },
  { path: 'signer.name', flag: '--signer' },
  { path: 'mistake', flag: '--mistake' },
  { path: 'affected', flag: '--affected' },
  { path: 'rootCause', flag: '--root-cause' },
  { path: 'commitment', flag: '--commitment' },
];

/** Required only when the output is an email (eml, mbox, exec). */
export const FROM_FIELD: RequiredField = { path: 'company.from', flag: '--from' };

/** Every flag that mirrors an incident field, by field path. */
export const FLAG_FOR_PATH: Readonly<Record<string, string>> = {
  id: '--id',
  'company.name': '--company',
  'company.from': '--from',
  'company.replyTo': '--reply-to',
  'company.phone': '--phone',
  'company.email': '--contact-email',
  'signer.name': '--signer',
  'signer.title': '--signer-title',
  scenario: '--scenario',
  severity: '--severity',
  mistake: '--mistake',
  affected: '--affected',
  rootCause: '--root-cause',
  commitment: '--commitment',
  'remedy.kind': '--remedy',
  'remedy.details': '--remedy-details',
  humour: '--humour',
  'followUp.after': '--follow-up-after',
  people: '--people',
  summary: '--summary',
  when: '--when',
  outcome: '--outcome',
  commitmentStatus: '--commitment-status',
  commitmentDue: '--commitment-due',
  action: '--action',
  'exposure.data': '--exposure-data',
  'exposure.discovered': '--exposure-discovered',
  'exposure.contained': '--exposure-contained',
  'exposure.regulator': '--exposure-regulator',
  'exposure.reference': '--exposure-reference',
  'signer.team': '--team',
  audience: '--audience',
  locale: '--locale',
};

/** Reads a dotted path from a plain object. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Writes a dotted path into a plain object, creating parents. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(cur, key) ? cur[key] : undefined;
    if (next === null || typeof next !== 'object') Object.defineProperty(cur, key, { value: {}, enumerable: true, writable: true, configurable: true });
    cur = cur[key] as Record<string, unknown>;
  }
  Object.defineProperty(cur, keys[keys.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

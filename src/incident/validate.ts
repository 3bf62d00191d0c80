import { createHash } from 'node:crypto';
import { InputError, UsageError } from '../errors.js';
import { parseMailbox } from '../mail/address.js';
import { printable } from '../text/printable.js';
import { FLAG_FOR_PATH, FROM_FIELD, REQUIRED_FIELDS, getPath, isBlank, type RequiredField } from './fields.js';
import { Incident, type IncidentInput } from './schema.js';

export interface ValidateOptions {
  /** Where the facts came from, for error messages ("flags and incident.yaml"). */
  source?: string;
  /** The output is an email, so `company.from` is required. */
  requireFrom?: boolean;
}

/** The required fields still missing from the input. */
export function missingFields(input: IncidentInput, requireFrom = false): RequiredField[] {
  const fields = requireFrom ? [...REQUIRED_FIELDS, FROM_FIELD] : REQUIRED_FIELDS;
  return fields.filter((f) => isBlank(getPath(input, f.path)));
}

/** Validates collected facts into an Incident, or throws one error naming every problem. */
export function validateIncident(input: IncidentInput, opts: ValidateOptions = {}): Incident {
  const missing = missingFields(input, opts.requireFrom);
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.map((f) => `${f.flag} (${f.path})`).join(', ')}`,
      'give each as a flag or in --incident FILE, or run in a terminal to be asked',
    );
  }
  const parsed = Incident.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      const flag = FLAG_FOR_PATH[path];
      return `${issue.message}${flag ? ` (${flag})` : path ? ` (${path})` : ''}`;
    });
    throw new InputError(
      `${opts.source ? `${opts.source}: ` : ''}${problems.join('; ')}`,
      'correct the value; `apologize draft --help` lists every field',
    );
  }
  const incident = parsed.data;
  checkHeaderValues(incident, opts.source);
  return incident;
}

function checkHeaderValues(incident: Incident, source?: string): void {
  const where = source ? `${source}: ` : '';
  for (const [path, value] of [
    ['company.from', incident.company.from],
    ['company.replyTo', incident.company.replyTo],
  ] as const) {
    if (value === undefined) continue;
    const box = parseMailbox(value);
    if ('error' in box) {
      throw new InputError(
        `${where}${path} "${printable(value)}" is not one valid address: ${box.error}`,
        `write it as ${FLAG_FOR_PATH[path]} "Name <name@example.com>"`,
      );
    }
  }
  for (const [path, value] of [
    ['company.name', incident.company.name],
    ['signer.name', incident.signer.name],
    ['signer.title', incident.signer.title],
    ['company.phone', incident.company.phone],
    ['company.email', incident.company.email],
  ] as const) {
    if (value !== undefined && /[\r\n]/.test(value)) {
      throw new InputError(`${where}${path} contains a line break`, 'keep names, titles and contact details on one line');
    }
  }
}

/** The incident's id: its own, or a stable hash of its facts (key order does not matter). */
export function incidentId(incident: Incident): string {
  if (incident.id) return incident.id;
  const { id: _ignored, ...facts } = incident;
  return createHash('sha256').update(canonicalJson(facts)).digest('hex').slice(0, 12);
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

import { createHash } from 'node:crypto';
import { InputError, UsageError } from '../errors.js';
import { parseMailbox } from '../mail/address.js';
import { printable } from '../text/printable.js';
import { FLAG_FOR_PATH, FROM_FIELD, REQUIRED_FIELDS, getPath, isBlank, type RequiredField } from './fields.js';
import { nearest } from '../text/nearest.js';
import { textI18n } from './i18n-load.js';
import { FOR_EXAMPLE, adviseOnEnglish, adviseOnFields, adviseOnFollowUp, adviseOnWeekdays, spellingNotes } from './advice.js';
import { dropPlaceholders, placeholderWarning, type DroppedPlaceholder } from './placeholders.js';
import { DEFAULT_PEOPLE, EXPOSURE_KINDS, Incident, type IncidentInput } from './schema.js';

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
export function validateIncident(typed: IncidentInput, opts: ValidateOptions = {}): Incident {
  // A field typed as a placeholder ("n/a", "-", "keine", "néant", "Ninguna.") is absent: here, once, for every language.
  const { input, dropped } = dropPlaceholders(typed);
  const missing = missingFields(input, opts.requireFrom);
  if (missing.length > 0) {
    const said = dropped.filter((d) => missing.some((f) => f.path === d.field));
    throw new UsageError(
      `missing ${missing.map((f) => `${f.flag} (${f.path})`).join(', ')}${said.length > 0 ? ` (${said.map((d) => `${d.field} "${d.value}" is a placeholder`).join(', ')})` : ''}`,
      'give each as a flag or in --incident FILE, or run in a terminal to be asked',
    );
  }
  // jitless: no parser generated with new Function (compiled every run, never code-cached) for one incident.
  const parsed = Incident.safeParse(input, { jitless: true });
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
  if (dropped.length > 0) DROPPED.set(incident, dropped);
  return incident;
}

/** The placeholder fields each validated incident had dropped, for its warnings. */
const DROPPED = new WeakMap<Incident, DroppedPlaceholder[]>();

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
    ['summary', incident.summary],
    ['people.many', incident.people.many],
    ['people.one', incident.people.one],
    ['exposure.reference', incident.exposure.reference],
  ] as const) {
    if (value !== undefined && /[\r\n]/.test(value)) {
      throw new InputError(
        `${where}${path} contains a line break`,
        path.startsWith('company.') || path.startsWith('signer.') ? 'keep names, titles and contact details on one line' : `keep ${path} on one line`,
      );
    }
  }
}

/** A German, French or Spanish incident's advice (its own text, or a fields.<de|fr|es> entry): the de/fr/es rules are loaded only then. */
function adviceInLanguage(incident: Incident) {
  const other = (tag: string | undefined) => /^(?:de|fr|es)/iu.test(tag ?? '');
  return other(incident.locale) || Object.keys(incident.fields ?? {}).some(other) ? textI18n().adviseInLanguage(incident) : [];
}

/**
 * Things worth telling the person writing, that do not stop anything: one line
 * each, naming the field.
 */
export function incidentWarnings(incident: Incident, now: Date = new Date(), stage: 'apology' | 'followup' = 'apology'): string[] {
  // Vague or overlong words that would reach every customer as they are; a weekday typed beside a
  // date it is not ("Monday 8 December" in 2026); a follow-up that would ask before the refund is due.
  // German, French or Spanish text the letter cannot mend (nouns typed small, a cause with no verb), told in that language;
  // English shorthand the letters could not clean safely (a comma splice, "your pets post-operative", capitals).
  const advice = [...adviseOnFields(incident), ...adviceInLanguage(incident), ...adviseOnWeekdays(incident, now), ...adviseOnEnglish(incident, now), ...(stage === 'apology' ? adviseOnFollowUp(incident, now) : [])];
  const out: string[] = (DROPPED.get(incident) ?? []).map(placeholderWarning);
  out.push(...advice.map((a) => `${a.field} ${a.problem} — ${FOR_EXAMPLE[a.lang ?? 'en'] ?? 'for example'} ${a.example}`));
  // spell16: each typo the English letter corrected, so the writer sees what it now says.
  out.push(...spellingNotes(incident, now).map((n) => `${n.field}: '${n.from}' read as '${n.to}'`));
  if (incident.commitmentStatus !== 'done' && incident.commitmentDue === undefined) {
    out.push(
      `commitmentStatus is ${incident.commitmentStatus} but commitmentDue is not set: the letter cannot say when the change will be done (add --commitment-due 2026-12-12)`,
    );
  }
  if (incident.commitmentStatus === 'done' && incident.commitmentDue !== undefined) {
    out.push(`commitmentDue ${incident.commitmentDue} is ignored: commitmentStatus is done (use --commitment-status in-progress or planned for a change still coming)`);
  }
  // A critical data exposure is signed by the person who answers for it, and gives a reference and a line to a person.
  if (incident.scenario === 'data-exposure' && incident.severity === 'critical') {
    if (incident.signer.team || !incident.signer.title) {
      out.push(`signer ${incident.signer.team ? 'is a team' : 'has no title'}: a critical data exposure should be signed by the most senior person responsible — for example --signer "Dr Helen Ward" --signer-title "Medical Director"`);
    }
    const missing = [...(incident.exposure.reference ? [] : ['exposure.reference']), ...(incident.company.phone || incident.company.email ? [] : ['company.phone or company.email'])];
    if (missing.length > 0) out.push(`${missing.join(' and ')} not set: a critical data exposure gives the reader a reference to quote and a person to reach — for example exposure.reference: "RC-2611", --phone "01632 960555"`);
  }
  for (const item of incident.exposure.data) {
    if ((EXPOSURE_KINDS as readonly string[]).includes(item)) continue;
    const guess = nearest(item, EXPOSURE_KINDS);
    out.push(
      `exposure.data "${printable(item, 40)}" is not a known kind${guess ? ` (did you mean "${guess}"?)` : ''}: the letter names it as written and gives no advice for it (known: ${EXPOSURE_KINDS.join(', ')})`,
    );
  }
  return out;
}

/**
 * The facts that make an incident's identity: all of them but the id, without
 * the newer fields while they hold their defaults, so an incident written
 * before those fields existed keeps its id and its campaign's facts.
 */
export function identityFacts(incident: Incident): Record<string, unknown> {
  const { id: _ignored, ...facts } = incident;
  const out: Record<string, unknown> = { ...facts };
  if (facts.people.one === DEFAULT_PEOPLE.one && facts.people.many === DEFAULT_PEOPLE.many) delete out.people;
  if (facts.commitmentStatus === 'done') delete out.commitmentStatus;
  if (facts.audience === 'consumer') delete out.audience;
  if (facts.locale === 'en') delete out.locale;
  if (Object.keys(facts.fields).length === 0) delete out.fields;
  const { data, ...exposure } = facts.exposure;
  if (data.length === 0 && Object.values(exposure).every((v) => v === undefined)) delete out.exposure;
  if (facts.signer.team === false) {
    const { team: _team, ...signer } = facts.signer;
    out.signer = signer;
  }
  return out;
}

/**
 * The facts `draft --save` writes (the id is added by the caller): every field,
 * defaults included so they can be edited, but no empty exposure, no
 * `signer.team: false` and no empty `fields`.
 */
export function savedFacts(incident: Incident): Record<string, unknown> {
  const { id: _ignored, ...facts } = incident;
  const out: Record<string, unknown> = { ...facts };
  const { data, ...exposure } = facts.exposure;
  if (data.length === 0 && Object.values(exposure).every((v) => v === undefined)) delete out.exposure;
  if (Object.keys(facts.fields).length === 0) delete out.fields;
  if (facts.signer.team === false) {
    const { team: _team, ...signer } = facts.signer;
    out.signer = signer;
  }
  return out;
}

/** The incident's id: its own, or a stable hash of its facts (key order does not matter). */
export function incidentId(incident: Incident): string {
  if (incident.id) return incident.id;
  return createHash('sha256').update(canonicalJson(identityFacts(incident))).digest('hex').slice(0, 12);
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

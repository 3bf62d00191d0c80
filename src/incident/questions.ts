import { parseMailbox } from '../mail/address.js';
import { getPath, isBlank, setPath } from './fields.js';
import { AUDIENCES, COMMITMENT_STATUSES, EXPOSURE_KINDS, HUMOUR_MODES, REMEDY_KINDS, SEVERITIES, type IncidentInput } from './schema.js';
import { COUNT_TEXT, DURATION, isIsoDate, typedDueDate } from './schema.js';

export interface Choice {
  value: string;
  name: string;
  description?: string;
}

/** One question. The prompt seam: an Asker answers it (inquirer, or a test). */
export interface Question {
  /** Incident field path, or "to" for the recipient. */
  key: string;
  kind: 'input' | 'select';
  message: string;
  choices?: Choice[];
  default?: string;
  required: boolean;
  /** true, or why the answer is not acceptable. */
  validate?: (answer: string) => true | string;
}

export interface Asker {
  ask(question: Question): Promise<string>;
}

export interface AskOptions {
  scenarios: Choice[];
  requireFrom: boolean;
  /** Ask for a recipient (draft without --to). */
  askRecipient: boolean;
}

const required = (what: string) => (a: string) => (a.trim() === '' ? `${what} is required` : true);

const SEVERITY_HELP: Record<string, string> = {
  minor: 'an annoyance: late, but no real harm (humour on)',
  moderate: 'real inconvenience, easily fixed (humour on)',
  major: 'real harm: money, time, trust (no humour)',
  critical: 'serious harm or data: calm and complete (no humour)',
};

const REMEDY_HELP: Record<string, string> = {
  refund: 'money back',
  credit: 'account credit',
  coupon: 'a discount on the next order',
  replacement: 'the right item, at our cost',
  upgrade: 'a better plan or service, free',
  'waived-fee': 'a fee they will not pay',
  none: 'nothing to offer beyond fixing it',
};

const STATUS_HELP: Record<string, string> = {
  done: 'already in place ("we have added…")',
  'in-progress': 'under way ("we are moving… and will be done by…")',
  planned: 'still to come ("we will… by…")',
};

const AUDIENCE_HELP: Record<string, string> = {
  consumer: 'people: a warm letter',
  business: 'businesses: plain and factual, exact times and identifiers, no humour',
};

/**
 * The questions a scenario needs beyond the common ones; a question not listed
 * for a scenario keeps its default (or stays empty) unless given another way.
 */
const SCENARIO_ASKS: Readonly<Record<string, readonly string[]>> = {
  'shipping-delay': ['outcome'],
  'wrong-item': [],
  'billing-error': ['action', 'audience'],
  'missed-appointment': ['outcome', 'action'],
  'service-outage': ['when', 'outcome', 'action', 'audience'],
  'data-exposure': ['when', 'exposure', 'action', 'audience'],
  generic: [],
};

/** Does this scenario ask for `what` (outcome, action, when, audience, exposure)? */
export function scenarioAsks(scenario: unknown, what: string): boolean {
  return typeof scenario === 'string' && Object.hasOwn(SCENARIO_ASKS, scenario) && SCENARIO_ASKS[scenario]!.includes(what);
}

function mailboxCheck(optional: boolean) {
  return (a: string) => {
    if (a.trim() === '') return optional ? true : 'an address is required, like "Ana Ruiz <ana@example.com>"';
    const box = parseMailbox(a);
    return 'error' in box ? `${box.error}; write it like "Ana Ruiz <ana@example.com>"` : true;
  };
}

/** The default people noun and the language's name, for an incident written in `locale` (the letters' language). */
const LOCALE_DEFAULTS: Readonly<Record<string, { people: string; name: string }>> = {
  de: { people: 'Kundinnen und Kunden', name: 'German' },
  fr: { people: 'clients', name: 'French' },
  es: { people: 'clientes', name: 'Spanish' },
};
const localeDefaults = (input: IncidentInput) => LOCALE_DEFAULTS[(input.locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? ''];
/** " (in German)" after a question whose answer the letter quotes, when the letter is not English. */
const inLanguage = (input: IncidentInput) => (localeDefaults(input) ? ` (in ${localeDefaults(input)!.name})` : '');

/** The plural the affected are called by so far ("customers", or the letter language's word, until `people` is answered). */
function peopleWord(input: IncidentInput): string {
  const p = input.people;
  if (typeof p === 'string' && p.trim() !== '') return p.trim();
  if (p && typeof p === 'object' && typeof p.many === 'string' && p.many.trim() !== '') return p.many.trim();
  return localeDefaults(input)?.people ?? 'customers';
}

/**
 * One question and when it is asked. `applies`: the question makes sense for this incident
 * (the review step offers it to change); `when`: it is asked now (by default: it applies and
 * its field is still blank).
 */
type Entry = {
  key: string;
  q: Question | ((input: IncidentInput) => Question);
  applies?: (input: IncidentInput) => boolean;
  when?: (input: IncidentInput) => boolean;
};

const missing = (path: string) => (input: IncidentInput) => isBlank(getPath(input, path));
const scenarioOf = (input: IncidentInput) => getPath(input, 'scenario');

/** Every question, in the order a person thinks about the mistake. */
function allQuestions(opts: AskOptions): Entry[] {
  const asks = (what: string) => (input: IncidentInput) => scenarioAsks(scenarioOf(input), what);
  return [
    { key: 'scenario', q: { key: 'scenario', kind: 'select', message: 'What kind of mistake was it?', choices: opts.scenarios, default: 'generic', required: true } },
    { key: 'mistake', q: (input) => ({ key: 'mistake', kind: 'input', message: `What went wrong, in words your customer would use${inLanguage(input)}?`, required: true, validate: required('what went wrong') }) },
    {
      key: 'people',
      q: (input) => ({
        key: 'people', kind: 'input', message: `Who were affected: what do you call them (customers, patients, members, guests, clients…)${inLanguage(input)}?`, default: peopleWord(input), required: false,
        validate: (a) => (/[\r\n]/.test(a) ? 'one word or a few, on one line' : true),
      }),
    },
    {
      key: 'affected',
      q: (input) => ({
        key: 'affected', kind: 'input', message: `How many ${peopleWord(input)} did it hit?`, required: true,
        validate: (a) => (COUNT_TEXT.test(a.trim()) && Number(a.replace(/\D/g, '')) >= 1 ? true : 'a whole number of at least 1, like 13482 or 13,482'),
      }),
    },
    { key: 'when', q: { key: 'when', kind: 'input', message: 'When did it happen (e.g. "Tuesday 19 November, 14:02–14:49 UTC"), or empty:', required: false }, applies: asks('when') },
    {
      key: 'exposure.data',
      q: {
        key: 'exposure.data', kind: 'input', required: true,
        message: `What data of theirs was exposed? Comma-separated: ${EXPOSURE_KINDS.join(', ')}, or your own words:`,
        validate: required('what data was exposed'),
      },
      applies: asks('exposure'),
    },
    { key: 'exposure.discovered', q: { key: 'exposure.discovered', kind: 'input', message: 'When did you find out, or empty:', required: false }, applies: asks('exposure') },
    { key: 'exposure.contained', q: { key: 'exposure.contained', kind: 'input', message: 'What did you do to contain it, or empty:', required: false }, applies: asks('exposure') },
    { key: 'exposure.regulator', q: { key: 'exposure.regulator', kind: 'input', message: 'Which authority did you tell, and when (e.g. "the ICO, on 3 March"), or empty:', required: false }, applies: asks('exposure') },
    {
      key: 'exposure.reference',
      q: { key: 'exposure.reference', kind: 'input', message: 'A reference they can quote when they contact you, or empty:', required: false, validate: (a) => (/[\r\n]/.test(a) ? 'on one line' : true) },
      applies: asks('exposure'),
    },
    { key: 'rootCause', q: { key: 'rootCause', kind: 'input', message: 'Why did it happen (the root cause, plainly)?', required: true, validate: required('the root cause') } },
    { key: 'commitment', q: { key: 'commitment', kind: 'input', message: "What changes so it won't happen again?", required: true, validate: required('a concrete change') } },
    {
      key: 'commitmentStatus',
      q: {
        key: 'commitmentStatus', kind: 'select', message: 'Is that change in place yet?', required: true, default: 'done',
        choices: COMMITMENT_STATUSES.map((st) => ({ value: st, name: st, description: STATUS_HELP[st] })),
      },
    },
    {
      key: 'commitmentDue',
      q: { key: 'commitmentDue', kind: 'input', message: 'When will it be done (a date like 2026-12-12), or empty:', required: false, validate: (a) => (a.trim() === '' || isIsoDate(typedDueDate(a.trim())) ? true : 'a date with its year, like 2026-12-12 or 12 December 2026') },
      applies: (i) => !isBlank(getPath(i, 'commitmentStatus')) && getPath(i, 'commitmentStatus') !== 'done',
    },
    {
      key: 'outcome',
      q: (input) => ({
        key: 'outcome', kind: 'input', required: false,
        message: scenarioOf(input) === 'shipping-delay'
          ? 'Where do they stand now (e.g. "your order will now arrive on Wednesday, 9 July"), or empty:'
          : scenarioOf(input) === 'missed-appointment'
            ? 'Where do they stand now (e.g. "we have kept Thursday at 10:00 for you"), or empty:'
            : 'Where do they stand now (e.g. "everything is working again since 14:49 UTC"), or empty:',
      }),
      applies: asks('outcome'),
    },
    { key: 'action', q: { key: 'action', kind: 'input', message: 'What do they have to do, if anything (e.g. "retry the payment from your dashboard"), or empty:', required: false }, applies: asks('action') },
    {
      key: 'remedy.kind',
      q: { key: 'remedy.kind', kind: 'select', message: 'What will you offer to make it right?', required: true, default: 'none', choices: REMEDY_KINDS.map((k) => ({ value: k, name: k, description: REMEDY_HELP[k] })) },
    },
    {
      key: 'remedy.details',
      q: { key: 'remedy.details', kind: 'input', message: 'The offer in words (e.g. "a $10 credit on your next order"), or empty:', required: false },
      applies: (i) => getPath(i, 'remedy.kind') !== 'none',
    },
    {
      key: 'severity',
      q: { key: 'severity', kind: 'select', message: 'How much did it hurt?', required: true, default: 'moderate', choices: SEVERITIES.map((s) => ({ value: s, name: s, description: SEVERITY_HELP[s] })) },
    },
    {
      key: 'audience',
      q: {
        key: 'audience', kind: 'select', message: 'Who reads it?', required: true, default: 'consumer',
        choices: AUDIENCES.map((a) => ({ value: a, name: a, description: AUDIENCE_HELP[a] })),
      },
      applies: asks('audience'),
    },
    {
      key: 'humour',
      q: {
        key: 'humour', kind: 'select', message: 'A light line of humour?', required: true, default: 'auto',
        choices: HUMOUR_MODES.map((m) => ({ value: m, name: m, description: m === 'auto' ? 'only for minor and moderate' : undefined })),
      },
      applies: (i) => getPath(i, 'severity') !== 'critical' && scenarioOf(i) !== 'data-exposure' && getPath(i, 'audience') !== 'business',
    },
    { key: 'company.name', q: { key: 'company.name', kind: 'input', message: 'Company name?', required: true, validate: required('the company name') } },
    { key: 'company.from', q: { key: 'company.from', kind: 'input', message: 'From address ("Name <addr>")?', required: opts.requireFrom, validate: mailboxCheck(!opts.requireFrom) } },
    { key: 'signer.name', q: { key: 'signer.name', kind: 'input', message: 'Who signs it (a real person)?', required: true, validate: required('a name') } },
    { key: 'signer.title', q: { key: 'signer.title', kind: 'input', message: 'Their title (optional):', required: false } },
    {
      key: 'company.phone',
      q: { key: 'company.phone', kind: 'input', message: 'A phone number that reaches a human (optional):', required: false },
      when: (i) => missing('company.phone')(i) && missing('company.email')(i),
    },
    {
      key: 'company.email',
      q: { key: 'company.email', kind: 'input', message: 'An email address that reaches a human (optional):', required: false, validate: (a) => (a.trim() === '' || !('error' in parseMailbox(a)) ? true : 'not a valid address') },
      when: (i) => missing('company.email')(i) && missing('company.phone')(i),
    },
    {
      key: 'followUp.after',
      q: { key: 'followUp.after', kind: 'input', message: 'Follow up after (like 2d), or empty:', required: false, validate: (a) => (a.trim() === '' || DURATION.test(a.trim()) ? true : 'a duration like 2d, 36h or 1w') },
    },
    { key: 'to', q: { key: 'to', kind: 'input', message: 'Recipient ("Name <addr>", optional):', required: false, validate: mailboxCheck(true) }, when: () => opts.askRecipient },
  ];
}

const applies = (entry: Entry, input: IncidentInput) => entry.applies?.(input) ?? true;
const isOpen = (entry: Entry, input: IncidentInput) => (entry.when ? entry.when(input) : applies(entry, input) && missing(entry.key)(input));
const questionOf = (entry: Entry, input: IncidentInput) => (typeof entry.q === 'function' ? entry.q(input) : entry.q);

/**
 * Asks only what is still missing; returns the completed input and the recipient answer.
 * `only`: ask none but these fields (the review step asks what a changed answer opened).
 */
export async function askMissing(
  input: IncidentInput,
  asker: Asker,
  opts: AskOptions,
  only?: ReadonlySet<string>,
): Promise<{ input: IncidentInput; to?: string }> {
  const answers = structuredClone(input) as Record<string, unknown>;
  let to: string | undefined;
  for (const entry of allQuestions(opts)) {
    if (only && !only.has(entry.key)) continue;
    if (!isOpen(entry, answers as IncidentInput)) continue;
    const q = questionOf(entry, answers as IncidentInput);
    const answer = (await asker.ask(q)).trim();
    if (answer === '') continue;
    if (q.key === 'to') to = answer;
    else setPath(answers, q.key, answer);
  }
  return { input: answers as IncidentInput, to };
}

/** A field's current answer as a person would type it ("" when blank). */
export function currentAnswer(input: IncidentInput, key: string, to?: string): string {
  if (key === 'to') return to ?? '';
  const v = getPath(input, key);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (key === 'people' && v && typeof v === 'object') {
    const many = (v as { many?: unknown }).many;
    return typeof many === 'string' ? many : '';
  }
  return '';
}

/** The fields whose questions apply to this incident, in question order: what the review step may change. */
export function changeableFields(input: IncidentInput, opts: AskOptions): string[] {
  return allQuestions(opts).filter((e) => applies(e, input)).map((e) => e.key);
}

/**
 * The question for one field, asked again: the current answer is the default (Enter keeps it).
 * undefined for a field no question asks.
 */
export function questionFor(key: string, input: IncidentInput, opts: AskOptions, to?: string): Question | undefined {
  const entry = allQuestions(opts).find((e) => e.key === key);
  if (!entry) return undefined;
  const q = questionOf(entry, input);
  const current = currentAnswer(input, key, to);
  if (current.trim() === '') return q;
  if (q.kind === 'select' && !(q.choices ?? []).some((c) => c.value === current)) return q;
  return { ...q, default: current };
}

/**
 * The input with one field answered again. An empty answer clears an optional field; answers to
 * questions that no longer apply after the change are dropped (humour on a now critical
 * incident, the exposure of a scenario left behind), and the returned `opened` names the
 * questions the change opened (to ask next: askMissing(…, opened)).
 */
export function withAnswer(
  input: IncidentInput,
  key: string,
  answer: string,
  opts: AskOptions,
): { input: IncidentInput; opened: Set<string> } {
  const next = structuredClone(input) as Record<string, unknown>;
  if (answer.trim() === '') clearPath(next, key);
  else setPath(next, key, answer.trim());
  const entries = allQuestions(opts);
  const opened = new Set<string>();
  for (const e of entries) {
    const before = applies(e, input);
    const after = applies(e, next as IncidentInput);
    if (before && !after && e.key !== key) clearPath(next, e.key);
    if (!before && after) opened.add(e.key);
  }
  return { input: next as IncidentInput, opened };
}

function clearPath(obj: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  let cur: unknown = obj;
  for (const k of keys.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return;
    cur = (cur as Record<string, unknown>)[k];
  }
  if (cur !== null && typeof cur === 'object') delete (cur as Record<string, unknown>)[keys[keys.length - 1]!];
}

/** The real prompts: @inquirer/prompts on stderr, imported only when needed. */
export async function inquirerAsker(streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Promise<Asker> {
  const { input: inputPrompt, select } = await import('@inquirer/prompts');
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  return {
    async ask(q) {
      if (q.kind === 'select') {
        return select({ message: q.message, choices: q.choices ?? [], default: q.default, loop: false }, context);
      }
      return inputPrompt(
        { message: q.message, default: q.default, required: q.required, validate: q.validate },
        context,
      );
    },
  };
}

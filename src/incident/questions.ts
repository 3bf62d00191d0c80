import { parseMailbox } from '../mail/address.js';
import { getPath, isBlank, setPath } from './fields.js';
import { AUDIENCES, COMMITMENT_STATUSES, EXPOSURE_KINDS, HUMOUR_MODES, REMEDY_KINDS, SEVERITIES, type IncidentInput } from './schema.js';
import { COUNT_TEXT, DURATION, isIsoDate } from './schema.js';

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

type Entry = { q: Question | ((input: IncidentInput) => Question); when: (input: IncidentInput) => boolean };

/** Every question, in the order a person thinks about the mistake. `when` says if it is still open. */
function allQuestions(opts: AskOptions): Entry[] {
  const missing = (path: string) => (input: IncidentInput) => isBlank(getPath(input, path));
  const asks = (what: string, path = what) => (input: IncidentInput) => missing(path)(input) && scenarioAsks(getPath(input, 'scenario'), what);
  return [
    { q: { key: 'scenario', kind: 'select', message: 'What kind of mistake was it?', choices: opts.scenarios, default: 'generic', required: true }, when: missing('scenario') },
    { q: (input) => ({ key: 'mistake', kind: 'input', message: `What went wrong, in words your customer would use${inLanguage(input)}?`, required: true, validate: required('what went wrong') }), when: missing('mistake') },
    {
      q: (input) => ({
        key: 'people', kind: 'input', message: `Who were affected: what do you call them (customers, patients, members, guests, clients…)${inLanguage(input)}?`, default: peopleWord(input), required: false,
        validate: (a) => (/[\r\n]/.test(a) ? 'one word or a few, on one line' : true),
      }),
      when: missing('people'),
    },
    {
      q: (input) => ({
        key: 'affected', kind: 'input', message: `How many ${peopleWord(input)} did it hit?`, required: true,
        validate: (a) => (COUNT_TEXT.test(a.trim()) && Number(a.replace(/\D/g, '')) >= 1 ? true : 'a whole number of at least 1, like 13482 or 13,482'),
      }),
      when: missing('affected'),
    },
    { q: { key: 'when', kind: 'input', message: 'When did it happen (e.g. "Tuesday 19 November, 14:02–14:49 UTC"), or empty:', required: false }, when: asks('when') },
    {
      q: {
        key: 'exposure.data', kind: 'input', required: true,
        message: `What data of theirs was exposed? Comma-separated: ${EXPOSURE_KINDS.join(', ')}, or your own words:`,
        validate: required('what data was exposed'),
      },
      when: asks('exposure', 'exposure.data'),
    },
    { q: { key: 'exposure.discovered', kind: 'input', message: 'When did you find out, or empty:', required: false }, when: asks('exposure', 'exposure.discovered') },
    { q: { key: 'exposure.contained', kind: 'input', message: 'What did you do to contain it, or empty:', required: false }, when: asks('exposure', 'exposure.contained') },
    { q: { key: 'exposure.regulator', kind: 'input', message: 'Which authority did you tell, and when (e.g. "the ICO, on 3 March"), or empty:', required: false }, when: asks('exposure', 'exposure.regulator') },
    { q: { key: 'exposure.reference', kind: 'input', message: 'A reference they can quote when they contact you, or empty:', required: false, validate: (a) => (/[\r\n]/.test(a) ? 'on one line' : true) }, when: asks('exposure', 'exposure.reference') },
    { q: { key: 'rootCause', kind: 'input', message: 'Why did it happen (the root cause, plainly)?', required: true, validate: required('the root cause') }, when: missing('rootCause') },
    { q: { key: 'commitment', kind: 'input', message: "What changes so it won't happen again?", required: true, validate: required('a concrete change') }, when: missing('commitment') },
    {
      q: {
        key: 'commitmentStatus', kind: 'select', message: 'Is that change in place yet?', required: true, default: 'done',
        choices: COMMITMENT_STATUSES.map((st) => ({ value: st, name: st, description: STATUS_HELP[st] })),
      },
      when: missing('commitmentStatus'),
    },
    {
      q: { key: 'commitmentDue', kind: 'input', message: 'When will it be done (a date like 2026-12-12), or empty:', required: false, validate: (a) => (a.trim() === '' || isIsoDate(a.trim()) ? true : 'a date like 2026-12-12') },
      when: (i) => missing('commitmentDue')(i) && !isBlank(getPath(i, 'commitmentStatus')) && getPath(i, 'commitmentStatus') !== 'done',
    },
    {
      q: (input) => ({
        key: 'outcome', kind: 'input', required: false,
        message: getPath(input, 'scenario') === 'shipping-delay'
          ? 'Where do they stand now (e.g. "your order will now arrive on Wednesday, 9 July"), or empty:'
          : getPath(input, 'scenario') === 'missed-appointment'
            ? 'Where do they stand now (e.g. "we have kept Thursday at 10:00 for you"), or empty:'
            : 'Where do they stand now (e.g. "everything is working again since 14:49 UTC"), or empty:',
      }),
      when: asks('outcome'),
    },
    { q: { key: 'action', kind: 'input', message: 'What do they have to do, if anything (e.g. "retry the payment from your dashboard"), or empty:', required: false }, when: asks('action') },
    {
      q: { key: 'remedy.kind', kind: 'select', message: 'What will you offer to make it right?', required: true, default: 'none', choices: REMEDY_KINDS.map((k) => ({ value: k, name: k, description: REMEDY_HELP[k] })) },
      when: missing('remedy.kind'),
    },
    {
      q: { key: 'remedy.details', kind: 'input', message: 'The offer in words (e.g. "a $10 credit on your next order"), or empty:', required: false },
      when: (i) => missing('remedy.details')(i) && getPath(i, 'remedy.kind') !== 'none',
    },
    {
      q: { key: 'severity', kind: 'select', message: 'How much did it hurt?', required: true, default: 'moderate', choices: SEVERITIES.map((s) => ({ value: s, name: s, description: SEVERITY_HELP[s] })) },
      when: missing('severity'),
    },
    {
      q: {
        key: 'audience', kind: 'select', message: 'Who reads it?', required: true, default: 'consumer',
        choices: AUDIENCES.map((a) => ({ value: a, name: a, description: AUDIENCE_HELP[a] })),
      },
      when: asks('audience'),
    },
    {
      q: {
        key: 'humour', kind: 'select', message: 'A light line of humour?', required: true, default: 'auto',
        choices: HUMOUR_MODES.map((m) => ({ value: m, name: m, description: m === 'auto' ? 'only for minor and moderate' : undefined })),
      },
      when: (i) => missing('humour')(i) && getPath(i, 'severity') !== 'critical' && getPath(i, 'scenario') !== 'data-exposure' && getPath(i, 'audience') !== 'business',
    },
    { q: { key: 'company.name', kind: 'input', message: 'Company name?', required: true, validate: required('the company name') }, when: missing('company.name') },
    { q: { key: 'company.from', kind: 'input', message: 'From address ("Name <addr>")?', required: opts.requireFrom, validate: mailboxCheck(!opts.requireFrom) }, when: missing('company.from') },
    { q: { key: 'signer.name', kind: 'input', message: 'Who signs it (a real person)?', required: true, validate: required('a name') }, when: missing('signer.name') },
    { q: { key: 'signer.title', kind: 'input', message: 'Their title (optional):', required: false }, when: missing('signer.title') },
    { q: { key: 'company.phone', kind: 'input', message: 'A phone number that reaches a human (optional):', required: false }, when: (i) => missing('company.phone')(i) && missing('company.email')(i) },
    {
      q: { key: 'company.email', kind: 'input', message: 'An email address that reaches a human (optional):', required: false, validate: (a) => (a.trim() === '' || !('error' in parseMailbox(a)) ? true : 'not a valid address') },
      when: (i) => missing('company.email')(i) && missing('company.phone')(i),
    },
    {
      q: { key: 'followUp.after', kind: 'input', message: 'Follow up after (like 2d), or empty:', required: false, validate: (a) => (a.trim() === '' || DURATION.test(a.trim()) ? true : 'a duration like 2d, 36h or 1w') },
      when: missing('followUp.after'),
    },
    { q: { key: 'to', kind: 'input', message: 'Recipient ("Name <addr>", optional):', required: false, validate: mailboxCheck(true) }, when: () => opts.askRecipient },
  ];
}

/** Asks only what is still missing; returns the completed input and the recipient answer. */
export async function askMissing(
  input: IncidentInput,
  asker: Asker,
  opts: AskOptions,
): Promise<{ input: IncidentInput; to?: string }> {
  const answers = structuredClone(input) as Record<string, unknown>;
  let to: string | undefined;
  for (const entry of allQuestions(opts)) {
    if (!entry.when(answers as IncidentInput)) continue;
    const q = typeof entry.q === 'function' ? entry.q(answers as IncidentInput) : entry.q;
    const answer = (await asker.ask(q)).trim();
    if (answer === '') continue;
    if (q.key === 'to') to = answer;
    else setPath(answers, q.key, answer);
  }
  return { input: answers as IncidentInput, to };
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

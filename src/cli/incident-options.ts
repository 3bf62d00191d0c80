import type { Command } from 'commander';
import type { IncidentInput } from '../incident/schema.js';

/** The flags that mirror incident fields (SPEC.md), shared by draft, batch and brief. */
export function addIncidentOptions(cmd: Command): Command {
  return cmd
    .option('--incident <file>', 'the incident facts, JSON or YAML')
    .option('--config <file>', 'config file (default: apologize.config.json|yaml in this folder)')
    .option('--templates <dir>', 'a folder of templates that shadow the built-ins file by file')
    .option('--id <id>', 'incident id (default: a stable hash of the facts)')
    .option('--company <name>', 'who is apologising')
    .option('--from <address>', 'From header, "Name <addr>"')
    .option('--reply-to <address>', 'Reply-To header')
    .option('--signer <name>', 'the person who signs')
    .option('--signer-title <title>', "the signer's title")
    .option('--scenario <name>', 'template: shipping-delay, wrong-item, billing-error, missed-appointment, service-outage, data-exposure, generic, or a custom one')
    .option('--severity <level>', 'minor | moderate | major | critical')
    .option('--mistake <text>', 'what went wrong, in customer-facing words')
    .option('--affected <n>', 'how many customers it hit')
    .option('--root-cause <text>', 'why it happened')
    .option('--commitment <text>', "what changes so it won't recur")
    .option('--remedy <kind>', 'refund | credit | coupon | replacement | upgrade | waived-fee | none')
    .option('--remedy-details <text>', 'the offer in words ("a $10 credit on your next order")')
    .option('--humour [mode]', 'auto | on | off (bare --humour means on)')
    .option('--no-humour', 'no humour line')
    .option('--phone <number>', 'a phone number that reaches a human')
    .option('--contact-email <address>', 'an email address that reaches a human')
    .option('--follow-up-after <duration>', 'when the follow-up is due, like 2d, 36h, 1w')
    .option('--people <noun>', 'what the affected are called: customers (default), patients, members, guests…')
    .option('--summary <text>', 'a few words naming the mistake, for subjects: "the late delivery"')
    .option('--when <text>', 'when it happened: "Tuesday 19 November, 14:02–14:49 UTC"')
    .option('--outcome <text>', 'where the customer stands now: "your order will now arrive on Wednesday, 9 July"')
    .option('--commitment-status <status>', 'done (default) | in-progress | planned: is the change in place yet?')
    .option('--commitment-due <date>', 'when an in-progress or planned change is due, like 2026-12-12')
    .option('--action <text>', 'what the customer has to do, if anything')
    .option('--exposure-data <kinds>', 'data-exposure: what was exposed, comma-separated: name, email, phone, postal-address, date-of-birth, password, payment-card, bank-account, government-id, health, order-history, location, or your own words')
    .option('--exposure-discovered <text>', 'data-exposure: when it was found')
    .option('--exposure-contained <text>', 'data-exposure: what was done to contain it')
    .option('--exposure-regulator <text>', 'data-exposure: which authority was told, and when')
    .option('--exposure-reference <text>', 'data-exposure: a reference the customer can quote')
    .option('--team', 'a team signs (--signer "The Acme team"): the letter says "we", never "I"')
    .option('--audience <who>', 'consumer (default) | business: plain and factual, no humour')
    .option('--locale <tag>', 'the letter\'s language, a BCP 47 tag (default en)');
}

export interface IncidentFlags {
  incident?: string;
  config?: string;
  templates?: string;
  id?: string;
  company?: string;
  from?: string;
  replyTo?: string;
  signer?: string;
  signerTitle?: string;
  scenario?: string;
  severity?: string;
  mistake?: string;
  affected?: string;
  rootCause?: string;
  commitment?: string;
  remedy?: string;
  remedyDetails?: string;
  humour?: boolean | string;
  phone?: string;
  contactEmail?: string;
  followUpAfter?: string;
  people?: string;
  summary?: string;
  when?: string;
  outcome?: string;
  commitmentStatus?: string;
  commitmentDue?: string;
  action?: string;
  exposureData?: string;
  exposureDiscovered?: string;
  exposureContained?: string;
  exposureRegulator?: string;
  exposureReference?: string;
  team?: boolean;
  audience?: string;
  locale?: string;
}

/** The incident layer given by flags (only what was given). */
export function incidentFromFlags(flags: IncidentFlags): IncidentInput {
  const humour = flags.humour === true ? 'on' : flags.humour === false ? 'off' : flags.humour;
  return (prune({
    id: flags.id,
    company: prune({ name: flags.company, from: flags.from, replyTo: flags.replyTo, phone: flags.phone, email: flags.contactEmail }),
    signer: prune({ name: flags.signer, title: flags.signerTitle, team: flags.team }),
    scenario: flags.scenario,
    severity: flags.severity,
    mistake: flags.mistake,
    affected: flags.affected,
    rootCause: flags.rootCause,
    commitment: flags.commitment,
    remedy: prune({ kind: flags.remedy, details: flags.remedyDetails }),
    humour,
    followUp: prune({ after: flags.followUpAfter }),
    people: flags.people,
    summary: flags.summary,
    when: flags.when,
    outcome: flags.outcome,
    commitmentStatus: flags.commitmentStatus,
    commitmentDue: flags.commitmentDue,
    action: flags.action,
    exposure: prune({
      data: flags.exposureData,
      discovered: flags.exposureDiscovered,
      contained: flags.exposureContained,
      regulator: flags.exposureRegulator,
      reference: flags.exposureReference,
    }),
    audience: flags.audience,
    locale: flags.locale,
  }) ?? {}) as IncidentInput;
}

function prune<T extends Record<string, unknown>>(obj: T): Partial<T> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? (out as Partial<T>) : undefined;
}

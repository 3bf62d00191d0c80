import { createComposer } from '../compose/compose.js';
import { isSensitive } from '../compose/humour.js';
import type { Incident } from '../incident/schema.js';
import { incidentId } from '../incident/validate.js';
import { changedFields, factsPrint } from '../batch/campaign.js';
import type { JournalState } from '../mail/journal.js';
import { NOBODY } from '../recipients/recipient.js';
import { formatNumber } from '../templates/helpers.js';
import type { TemplateLibrary } from '../templates/library.js';
import { longDate } from '../text/dates.js';

export interface BriefOptions {
  now: Date;
  journal?: { path: string; state: JournalState };
}

const DISCRETION: Record<string, string> = {
  refund: 'Refund the affected amount in full when a customer asks, with no proof needed and no argument about it.',
  credit: 'If the credit is missing from an account, apply it while the customer is with you. For someone hit harder than most, you may add the same amount again.',
  coupon: 'Resend the code if it is lost, and extend its expiry if it has run out.',
  replacement: 'Send the replacement by the fastest option at our cost, without waiting for the wrong item to come back.',
  upgrade: 'Apply the upgrade if it is missing, and backdate it to the day of the incident.',
  'waived-fee': 'Waive the fee, and any charge that followed from it (late fees, bank charges the customer tells you about).',
  none: 'There is no standard offer. For a customer who lost money or time, you may refund shipping or add a small credit; ask before offering more.',
};

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "done", or "in progress, due Saturday, 12 December 2026" (with a note when the date is missing). */
function commitmentStatusLine(incident: Incident): string {
  if (incident.commitmentStatus === 'done') return 'done: it is in place now, and you may say so';
  const what = incident.commitmentStatus === 'in-progress' ? 'in progress' : 'planned';
  const due = incident.commitmentDue ? `due ${longDate(`${incident.commitmentDue}T00:00:00Z`)}` : 'no date given (add commitmentDue)';
  return `${what}, ${due}: say it is ${what === 'planned' ? 'planned' : 'under way'}, never that it is in place`;
}

/** The exposure facts, for a data exposure or whenever any is given. */
function exposureFacts(incident: Incident): string[] {
  const e = incident.exposure;
  const given = e.data.length > 0 || e.discovered || e.contained || e.regulator || e.reference;
  if (!given && incident.scenario !== 'data-exposure') return [];
  return [
    `- **Data exposed:** ${e.data.length > 0 ? e.data.join(', ') : 'not stated (add exposure.data)'}`,
    ...(e.discovered ? [`- **Found:** ${e.discovered}`] : []),
    ...(e.contained ? [`- **Contained:** ${e.contained}`] : []),
    ...(e.regulator ? [`- **Authority told:** ${e.regulator}`] : []),
    ...(e.reference ? [`- **Reference customers may quote:** ${e.reference}`] : []),
  ];
}

const quote = (text: string) => text.trimEnd().split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');

/** The internal note for the support team: what happened, what we promised, what a rep may do. */
export function renderBrief(incident: Incident, library: TemplateLibrary, opts: BriefOptions): string {
  // With a journal, the campaign's id: the one its messages carried, whatever was edited since.
  const id = opts.journal?.state.campaign?.incident || incidentId(incident);
  const compose = createComposer(incident, library, { now: opts.now, campaignId: id });
  const message = compose(NOBODY);
  // The same context every message had: the dates and values a template sees, the humour lines it could pick.
  const { severe, followUpDate } = compose.context.incident;
  const humourLines = compose.humourLines();
  const contact = [incident.company.phone && `phone ${incident.company.phone}`, incident.company.email && `email ${incident.company.email}`].filter(Boolean).join(', ');
  const out: string[] = [];

  out.push(`# Support brief: ${incident.company.name}, incident ${id}`);
  out.push('');
  out.push(`**Scenario:** ${incident.scenario} · **Severity:** ${incident.severity} · **${capitalise(incident.people.many)} affected:** ${formatNumber(incident.affected)} · **Signed by:** ${incident.signer.name}${incident.signer.title ? `, ${incident.signer.title}` : ''}${incident.signer.team ? ' (a team: the letter says "we")' : ''}`);
  out.push('');
  out.push(`**Audience:** ${incident.audience === 'business' ? 'business (plain and factual, no humour)' : 'consumer'} · **Language:** ${incident.locale}`);
  out.push('');
  out.push('## What happened');
  out.push('');
  out.push(`- **The mistake:** ${incident.mistake}`);
  if (incident.when) out.push(`- **When:** ${incident.when}`);
  out.push(`- **Why:** ${incident.rootCause}`);
  out.push(`- **Scale:** ${formatNumber(incident.affected)} ${incident.affected === 1 ? incident.people.one : incident.people.many}`);
  out.push(...exposureFacts(incident));
  out.push('');
  out.push('## What we promised');
  out.push('');
  out.push(`- **The change:** ${incident.commitment}`);
  out.push(`- **Its status:** ${commitmentStatusLine(incident)}`);
  if (incident.outcome) out.push(`- **Where they stand now:** ${incident.outcome}`);
  out.push(`- **What they have to do:** ${incident.action ?? 'nothing was asked of them'}`);
  out.push(`- **The remedy:** ${incident.remedy.kind === 'none' ? 'no standard offer; "tell us and we will make it right"' : `${incident.remedy.kind}${incident.remedy.details ? `: ${incident.remedy.details}` : ''}`}`);
  out.push(`- **A real person:** customers were told to reply${contact ? ` or use ${contact}` : ''}, and that a person will sort it out.`);
  out.push(`- **Follow-up:** ${followUpDate ? `due ${followUpDate} (${incident.followUp!.after} after sending)` : 'promised, with no date set (add followUp.after)'}`);
  out.push('');
  out.push('Every customer got this message (their name and orders filled in):');
  out.push('');
  out.push(quote(`Subject: ${message.subject}\n\n${message.text}`));
  out.push('');
  out.push('## What you may offer on your own');
  out.push('');
  out.push(`- ${DISCRETION[incident.remedy.kind]}`);
  out.push('- Use our words: it was our mistake. Never blame the courier, a supplier, the weather or the customer.');
  out.push('- Listen first, then say what we changed; do not argue about the cause.');
  if (severe) out.push('- If you cannot resolve it on the call, take a number and call back within one working day.');
  if (incident.scenario === 'data-exposure') {
    out.push('- Never ask for a password or a full card number. Verify identity the usual way.');
    out.push(`- Questions about exactly which data was exposed go to ${incident.signer.name}.`);
  }
  out.push(`- Anything beyond this: ask ${incident.signer.name}.`);
  out.push('');
  out.push('## The humour promise');
  out.push('');
  if (humourLines.length > 0) {
    out.push('Each customer got one of these lines. If they take us up on it, play along: it is part of the apology.');
    out.push('');
    for (const line of humourLines) out.push(`- ${line}`);
  } else {
    out.push(`No humour was used (${incident.scenario === 'data-exposure' ? 'a data exposure never jokes' : incident.audience === 'business' ? 'a business letter never jokes' : incident.humour !== 'off' && isSensitive(incident) ? 'it touches health, grief or a once-in-a-lifetime day' : `severity ${incident.severity}`}). Keep the tone calm and factual.`);
  }
  out.push('');
  if (opts.journal) {
    let sent = 0;
    let failed = 0;
    let doubt = 0;
    let followUps = 0;
    for (const e of opts.journal.state.last.values()) {
      if (e.stage === 'followup' && e.event === 'sent') followUps++;
      if (e.stage !== 'apology') continue;
      if (e.event === 'sent') sent++;
      else if (e.event === 'failed') failed++;
      else doubt++;
    }
    out.push('## Customers notified');
    out.push('');
    out.push(`${formatNumber(sent)} sent, ${formatNumber(failed)} failed, ${formatNumber(doubt)} in doubt (from ${opts.journal.path}).${followUps > 0 ? ` ${formatNumber(followUps)} follow-up${followUps === 1 ? '' : 's'} sent.` : ''}`);
    const recorded = opts.journal.state.facts;
    const now = factsPrint(incident);
    if (recorded && recorded.facts !== now.facts) {
      out.push('');
      out.push(`The incident was edited since the journal last recorded it (${changedFields(recorded.fields, now.fields).join(', ')}): earlier customers got the text before the edit.`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

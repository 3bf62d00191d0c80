import { createComposer } from '../compose/compose.js';
import type { Incident } from '../incident/schema.js';
import { incidentId } from '../incident/validate.js';
import { changedFields, factsPrint } from '../batch/campaign.js';
import type { JournalState } from '../mail/journal.js';
import { NOBODY } from '../recipients/recipient.js';
import { formatNumber } from '../templates/helpers.js';
import type { TemplateLibrary } from '../templates/library.js';

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
  out.push(`**Scenario:** ${incident.scenario} · **Severity:** ${incident.severity} · **Customers affected:** ${formatNumber(incident.affected)} · **Signed by:** ${incident.signer.name}${incident.signer.title ? `, ${incident.signer.title}` : ''}`);
  out.push('');
  out.push('## What happened');
  out.push('');
  out.push(`- **The mistake:** ${incident.mistake}`);
  out.push(`- **Why:** ${incident.rootCause}`);
  out.push(`- **Scale:** ${formatNumber(incident.affected)} customer${incident.affected === 1 ? '' : 's'}`);
  out.push('');
  out.push('## What we promised');
  out.push('');
  out.push(`- **The change:** ${incident.commitment}`);
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
    out.push(`No humour was used (${incident.scenario === 'data-exposure' ? 'a data exposure never jokes' : `severity ${incident.severity}`}). Keep the tone calm and factual.`);
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

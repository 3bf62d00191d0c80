import { createComposer } from '../compose/compose.js';
import { isSensitive } from '../compose/humour.js';
import type { Incident } from '../incident/schema.js';
import { incidentId } from '../incident/validate.js';
import { changedFields, factsPrint } from '../batch/campaign.js';
import type { JournalState } from '../mail/journal.js';
import { NOBODY } from '../recipients/recipient.js';
import type { TemplateLibrary } from '../templates/library.js';
import { languageOf, localeLongDate, localeNumber } from '../text/locale.js';
import { BRIEF_WORDS, type BriefWords } from './words.js';

export interface BriefOptions {
  now: Date;
  journal?: { path: string; state: JournalState };
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "done", or "in progress, due Saturday, 12 December 2026" (with a note when the date is missing). */
function commitmentStatusLine(incident: Incident, w: BriefWords, tag: string): string {
  if (incident.commitmentStatus === 'done') return w.done;
  const planned = incident.commitmentStatus === 'planned';
  const due = incident.commitmentDue ? w.due(localeLongDate(`${incident.commitmentDue}T00:00:00Z`, tag)) : w.noDate;
  return `${planned ? w.planned : w.inProgress}, ${due}: ${w.sayUnderWay(planned ? 'planned' : 'in-progress')}`;
}

/** The exposure facts, for a data exposure or whenever any is given. */
function exposureFacts(incident: Incident, w: BriefWords): string[] {
  const e = incident.exposure;
  const given = e.data.length > 0 || e.discovered || e.contained || e.regulator || e.reference;
  if (!given && incident.scenario !== 'data-exposure') return [];
  return [
    `- **${w.dataExposed}:** ${e.data.length > 0 ? e.data.join(', ') : w.notStated}`,
    ...(e.discovered ? [`- **${w.found}:** ${e.discovered}`] : []),
    ...(e.contained ? [`- **${w.contained}:** ${e.contained}`] : []),
    ...(e.regulator ? [`- **${w.authority}:** ${e.regulator}`] : []),
    ...(e.reference ? [`- **${w.reference}:** ${e.reference}`] : []),
  ];
}

const quote = (text: string) => text.trimEnd().split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');

/** The internal note for the support team: what happened, what we promised, what a rep may do. */
export function renderBrief(facts: Incident, library: TemplateLibrary, opts: BriefOptions): string {
  // With a journal, the campaign's id: the one its messages carried, whatever was edited since.
  const id = opts.journal?.state.campaign?.incident || incidentId(facts);
  const compose = createComposer(facts, library, { now: opts.now, campaignId: id });
  // The facts as the letters print them (the manager's shorthand cleaned: "i didnt" → "I didn't"); the journal compares the facts as typed.
  const t = compose.incident;
  const incident: Incident = { ...facts, mistake: t.mistake, when: t.when, rootCause: t.rootCause, commitment: t.commitment, outcome: t.outcome, action: t.action, remedy: t.remedy, exposure: t.exposure };
  const message = compose(NOBODY);
  // The same context every message had: the dates and values a template sees, the humour lines it could pick.
  const { severe, followUpDate } = compose.context.incident;
  // letters8b: only the line the letter actually says (a template leaves it out beside money, a loss or a named colleague).
  const chosen = compose.humourLines();
  const humourLines = chosen.filter((l) => message.text.includes(l));
  // The brief is in the incident's language, like the letter it quotes.
  const tag = compose.locale.tag;
  const w = BRIEF_WORDS[languageOf(tag)] ?? BRIEF_WORDS.en!;
  const num = (n: number) => localeNumber(n, tag);
  const people = compose.context.incident.incident.people as { one: string; many: string };
  const contact = [incident.company.phone && `${w.phone} ${incident.company.phone}`, incident.company.email && `${w.email} ${incident.company.email}`].filter(Boolean).join(', ');
  const out: string[] = [];

  out.push(w.title(incident.company.name, id));
  out.push('');
  out.push(`**${w.scenario}:** ${incident.scenario} · **${w.severity}:** ${incident.severity} · **${capitalise(w.affected(people.many))}:** ${num(incident.affected)} · **${w.signed}:** ${incident.signer.name}${incident.signer.title ? `, ${incident.signer.title}` : ''}${incident.signer.team ? w.team : ''}`);
  out.push('');
  out.push(`**${w.audience}:** ${incident.audience === 'business' ? w.business : w.consumer} · **${w.language}:** ${incident.locale}`);
  out.push('');
  out.push(`## ${w.happened}`);
  out.push('');
  out.push(`- **${w.mistake}:** ${incident.mistake}`);
  if (incident.when) out.push(`- **${w.when}:** ${incident.when}`);
  out.push(`- **${w.why}:** ${incident.rootCause}`);
  out.push(`- **${w.scale}:** ${num(incident.affected)} ${incident.affected === 1 ? people.one : people.many}`);
  out.push(...exposureFacts(incident, w));
  out.push('');
  out.push(`## ${w.promised}`);
  out.push('');
  out.push(`- **${w.change}:** ${incident.commitment}`);
  out.push(`- **${w.status}:** ${commitmentStatusLine(incident, w, tag)}`);
  if (incident.outcome) out.push(`- **${w.standNow}:** ${incident.outcome}`);
  // The letter asks it ("Please reset your password."); the brief says what it is ("reset your password.").
  out.push(`- **${w.mustDo}:** ${incident.action === undefined ? w.nothingAsked : incident.action.replace(/^please,?\s+/iu, '')}`);
  out.push(`- **${w.remedy}:** ${incident.remedy.kind === 'none' ? w.noOffer : `${incident.remedy.kind}${incident.remedy.details ? `: ${incident.remedy.details}` : ''}`}`);
  out.push(`- **${w.realPerson}:** ${w.person(contact)}`);
  out.push(`- **${w.followUp}:** ${followUpDate ? w.followUpDue(followUpDate, incident.followUp!.after) : w.noFollowUp}`);
  out.push('');
  out.push(w.everyCustomer);
  out.push('');
  out.push(quote(`Subject: ${message.subject}\n\n${message.text}`));
  out.push('');
  out.push(`## ${w.mayOffer}`);
  out.push('');
  out.push(`- ${w.discretion[incident.remedy.kind]}`);
  out.push(`- ${w.ourWords}`);
  out.push(`- ${w.listen}`);
  if (severe) out.push(`- ${w.callBack}`);
  if (incident.scenario === 'data-exposure') {
    out.push(`- ${w.neverAsk}`);
    out.push(`- ${w.whichData(incident.signer.name)}`);
  }
  out.push(`- ${w.beyond(incident.signer.name)}`);
  out.push('');
  out.push(`## ${w.humourTitle}`);
  out.push('');
  if (humourLines.length > 0) {
    out.push(w.humourLines);
    out.push('');
    for (const line of humourLines) out.push(`- ${line}`);
  } else {
    out.push(w.noHumour(incident.scenario === 'data-exposure' ? w.exposureNever : incident.audience === 'business' ? w.businessNever : incident.humour !== 'off' && isSensitive(incident) ? w.sensitiveNever : chosen.length > 0 ? w.factsNever : w.severityWord(incident.severity)));
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
    out.push(`## ${w.notified}`);
    out.push('');
    out.push(`${w.counts(num(sent), num(failed), num(doubt), opts.journal.path)}${followUps > 0 ? ` ${w.followUpsSent(num(followUps), followUps === 1)}` : ''}`);
    const recorded = opts.journal.state.facts;
    const now = factsPrint(facts);
    if (recorded && recorded.facts !== now.facts) {
      out.push('');
      out.push(w.edited(changedFields(recorded.fields, now.fields).join(', ')));
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

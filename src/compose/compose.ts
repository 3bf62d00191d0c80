import { domainToASCII } from 'node:url';
import { InputError, TemplateError } from '../errors.js';
import { printedRecipientColumns, unknownField, type TemplateAnalysis } from '../templates/fields.js';
import type { Incident } from '../incident/schema.js';
import { incidentId, printable } from '../incident/validate.js';
import { displayNameProblem, hasHeaderBreaker, parseMailbox, type Mailbox } from '../mail/address.js';
import type { Recipient } from '../recipients/recipient.js';
import { about, formatNumber, longDate } from '../templates/helpers.js';
import type { CompiledTemplate, Stage, TemplateLibrary } from '../templates/library.js';
import { addDuration } from './clock.js';
import { decideHumour } from './humour.js';
import { NOBODY } from '../recipients/recipient.js';
import { FingerprintSet } from '../recipients/fingerprint.js';
import { textToHtml } from '../mail/html.js';
import { SkeletonRenderer, type BodyFacts, type RenderedParts } from './skeleton.js';
import { fastMboxWriter, type ByteTarget } from './fast-mbox.js';

/** A composed message, before it is turned into bytes. */
export interface Message {
  from?: Mailbox;
  to?: Mailbox;
  replyTo?: Mailbox;
  subject: string;
  /** Extra headers from the template (decoded values), in order. */
  headers: [string, string][];
  text: string;
  /** Without angle brackets: `abc123@example.com`. */
  messageId: string;
  /** The apology's Message-ID, for a follow-up. */
  inReplyTo?: string;
  date: Date;
  /** Stable key of the recipient (lower-cased address, or address#row). */
  key: string;
  stage: Stage;
  /** Facts about `text` known without scanning it (batches with cached shapes). */
  bodyFacts?: BodyFacts;
  /** The HTML alternative (multipart/alternative), when asked for. */
  html?: string;
}

export interface ComposerOptions {
  stage?: Stage;
  now: Date;
  /** Add an HTML alternative made from the same text. */
  html?: boolean;
  /** Render every message directly, without cached shapes (tests compare the two). */
  direct?: boolean;
  /** The incident id of the campaign (its journal's), when it differs from the facts' own. */
  campaignId?: string;
}

export interface Composer {
  (recipient?: Recipient): Message;
  template: CompiledTemplate;
  humourOn: boolean;
  humourWarning?: string;
  incidentId: string;
  /**
   * Recipient fields the template prints in some branch (no test of that field
   * around it): a batch needs a column for each, or rendering would fail on
   * the first row that reaches the branch.
   */
  recipientColumns: Set<string>;
  /**
   * Writes the recipient's mbox entry as bytes, built from cached pieces of
   * its shape: exactly what `toMboxEntry(compose(recipient))` gives. False
   * (nothing written) when only that slower path can say what it is.
   */
  mboxInto?: (recipient: Recipient, target: ByteTarget) => boolean;
}

/** Deterministic Message-ID: same incident, recipient and stage give the same id. */
export function messageIdFor(id: string, recipientKey: string, stage: Stage, domain: string): string {
  const [a, b] = FingerprintSet.hash(`${id}\0${recipientKey}`);
  return idFromHash(stage, id, a, b, domain);
}

/** The Message-ID from the hash of `${id}\0${recipientKey}` (a message's apology and follow-up share it). */
function idFromHash(stage: Stage, id: string, a: number, b: number, domain: string): string {
  return `${stage}.${id}.${hex8(a)}${hex8(b)}@${domain}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** `n.toString(16).padStart(8, '0')` for an unsigned 32-bit n, without the (slow) number formatting. */
function hex8(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/**
 * The Message-ID's domain: the From address's, in ASCII (an IDN as punycode,
 * `bücher.example` → `xn--bcher-kva.example`), so the header needs no encoding.
 */
export function messageIdDomain(from: Mailbox | undefined): string {
  if (!from) return 'apologize.invalid';
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1).toLowerCase();
  if (domain.startsWith('[') || /^[\x21-\x7e]*$/.test(domain)) return domain;
  return domainToASCII(domain) || 'apologize.invalid';
}

/**
 * Normalises a rendered body: every line break (CRLF, a lone CR) an LF (the
 * writers turn LF into the output's line ending), no trailing spaces, at most
 * one blank line in a row, one final newline.
 */
export function tidyBody(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

// C0 and C1 controls and DEL, except tab and line feed: a NUL or an escape in a value is never text.
// eslint-disable-next-line no-control-regex
const BODY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function controlName(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
}

/** An InputError when a tidied body holds a control character (templates cannot: it came from a value). */
function checkBody(body: string): void {
  const bad = BODY_CONTROL.exec(body);
  if (bad) throw new InputError(`a value in the message contains the control character ${controlName(bad[0])}`, 'remove control characters from the row (only tabs and line breaks may appear in a value)');
}

/** An InputError naming the first incident value with a control character (line breaks are fine: they are normalised). */
function checkIncidentValues(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const bad = BODY_CONTROL.exec(value.replace(/\r/g, ''));
    if (bad) throw new InputError(`${path} contains the control character ${controlName(bad[0])}`, 'remove it from the incident (only tabs and line breaks may appear in a value)');
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkIncidentValues(v, path ? `${path}.${k}` : k);
  }
}

function mailbox(value: string | undefined, field: string): Mailbox | undefined {
  if (!value) return undefined;
  const box = parseMailbox(value);
  if ('error' in box) throw new InputError(`${field} "${printable(value)}": ${box.error}`, 'use "Name <name@example.com>"');
  return box;
}

/**
 * Prepares everything that is the same for every recipient once, and returns a
 * function that composes one recipient's message. Pure: no I/O after the
 * template library has loaded the template.
 */
export function createComposer(incident: Incident, library: TemplateLibrary, opts: ComposerOptions): Composer {
  const stage = opts.stage ?? 'apology';
  const template = library.get(incident.scenario, stage);
  const apologyTemplate = stage === 'apology' ? template : library.get(incident.scenario, 'apology');
  const humour = decideHumour(incident);
  const id = opts.campaignId ?? incidentId(incident);
  const from = mailbox(incident.company.from, 'company.from');
  const replyTo = mailbox(incident.company.replyTo, 'company.replyTo');
  const domain = messageIdDomain(from);
  const followUpDue = incident.followUp ? addDuration(opts.now, incident.followUp.after) : undefined;
  const severe = incident.severity === 'major' || incident.severity === 'critical';

  const incidentContext = {
    ...incident,
    id,
    company: {
      name: incident.company.name,
      from: incident.company.from ?? '',
      replyTo: incident.company.replyTo ?? '',
      phone: incident.company.phone ?? '',
      email: incident.company.email ?? '',
    },
    signer: { name: incident.signer.name, title: incident.signer.title ?? '', team: incident.signer.team },
    remedy: { kind: incident.remedy.kind, details: incident.remedy.details ?? '' },
    followUp: { after: incident.followUp?.after ?? '' },
    affectedExact: formatNumber(incident.affected),
    affectedAbout: about(incident.affected),
    severe,
    single: incident.affected === 1,
    many: incident.affected >= 100,
  };
  checkIncidentValues(incident, '');
  const base = {
    incident: incidentContext,
    company: incidentContext.company,
    signer: incidentContext.signer,
    stage,
    severe,
    today: longDate(opts.now),
    followUpDate: followUpDue ? longDate(followUpDue) : '',
  };
  const analysis = library.analyse(template);
  if (stage !== 'apology') {
    const subject = library.analyse(apologyTemplate, 'subject');
    analysis.uses.push(...subject.uses);
    analysis.problems.push(...subject.problems);
  }
  checkNames(analysis, { ...base, recipient: {}, humour: '', messageId: '' });
  // The Message-ID differs for every message: a template that prints it is rendered for each one (no cached shapes).
  const usesMessageId = analysis.uses.some((u) => u.path[0] === 'messageId');
  const humourLines = humour.on ? template.humour : [];
  const subjectIndex = template.headers.findIndex((h) => h.name.toLowerCase() === 'subject');
  const apologySubject = apologyTemplate.headers.find((h) => h.name.toLowerCase() === 'subject')!;

  /** Renders everything that depends on the recipient: header values (raw) and the tidy body. */
  const renderParts = (recipientContext: Record<string, unknown>, humourIndex: number, messageId = ''): RenderedParts => {
    const context: Record<string, unknown> = { ...base, recipient: recipientContext, humour: '', messageId };
    if (humourIndex >= 0) context.humour = humourLines[humourIndex]!(context).trim();
    const headers = template.headers.map((h) => h.render(context));
    if (stage !== 'apology') headers.push(apologySubject.render({ ...context, stage: 'apology' }));
    const body = tidyBody(template.body(context));
    checkBody(body);
    return { headers, body };
  };
  const sources = [...template.headers.map((h) => h.source), template.bodySource, ...template.humourSources];
  if (stage !== 'apology') sources.push(apologySubject.source);
  const plan = opts.direct || usesMessageId ? null : library.skeletonPlan(sources);
  const skeleton = plan ? new SkeletonRenderer(plan, renderParts) : undefined;

  /**
   * Subject, the other template headers and In-Reply-To from rendered header
   * values (an InputError for a bad value); a and b: the recipient's hash (see idFromHash).
   */
  const finishHeaders = (raw: string[], a: number, b: number): { subject: string; headers: [string, string][]; inReplyTo?: string } => {
    const headers: [string, string][] = [];
    let subject = '';
    template.headers.forEach((h, i) => {
      const value = renderHeader(raw[i]!, h.name, template.file);
      if (i === subjectIndex) subject = value;
      else headers.push([h.name, value]);
    });
    let inReplyTo: string | undefined;
    if (stage !== 'apology') {
      inReplyTo = idFromHash('apology', id, a, b, domain);
      const original = renderHeader(raw[template.headers.length]!, 'Subject', apologyTemplate.file);
      if (subject === '' || subject === original) subject = `Re: ${original}`;
    }
    return { subject, headers, inReplyTo };
  };
  const compose = ((recipient: Recipient = NOBODY): Message => {
    // One hash gives the Message-ID, the apology's (for a follow-up) and the humour line (its first half is fnv1a).
    const [a, b] = FingerprintSet.hash(`${id}\0${recipient.key}`);
    const messageId = idFromHash(stage, id, a, b, domain);
    const humourIndex = humourLines.length > 0 ? a % humourLines.length : -1;
    const recipientContext: Record<string, unknown> = {
      ...recipient.fields,
      email: recipient.email,
      name: recipient.name,
      first_name: recipient.first_name,
      orders: recipient.orders,
      // All of the customer's rows, and how many are not in `orders` (a batch lists the first 25): set by batch/run.ts.
      order_count: recipient.fields.order_count ?? String(recipient.orders.length),
      more_orders: recipient.fields.more_orders ?? '',
    };
    const parts = skeleton ? skeleton.renderFor(recipient, recipientContext, humourIndex) : renderParts(recipientContext, humourIndex, messageId);
    const { subject, headers, inReplyTo } = finishHeaders(parts.headers, a, b);
    const nameProblem = recipient.name && !recipient.nameChecked ? displayNameProblem(recipient.name) : null;
    if (nameProblem) throw new InputError(`the recipient name "${printable(recipient.name)}": ${nameProblem}`, 'fix the name; it would reach the To header');
    return {
      from,
      to: recipient.email ? { name: recipient.name, address: recipient.email } : undefined,
      replyTo,
      subject,
      headers,
      text: parts.body,
      messageId,
      inReplyTo,
      date: opts.now,
      key: recipient.key,
      stage,
      bodyFacts: parts.facts,
      html: opts.html ? textToHtml(parts.body, subject) : undefined,
    };
  }) as Composer;
  compose.template = template;
  compose.humourOn = humour.on;
  compose.humourWarning = humour.warning;
  compose.incidentId = id;
  compose.recipientColumns = printedRecipientColumns(analysis);
  if (skeleton && !opts.html) {
    compose.mboxInto = fastMboxWriter({ skeleton, finishHeaders, humourLines: humourLines.length, stage, id, domain, from, replyTo, now: opts.now });
  }
  return compose;
}

/**
 * Every helper, partial and value the template names in any branch exists
 * (recipient values are the CSV's business): a TemplateError before the first
 * message, never halfway through a batch.
 */
function checkNames(analysis: TemplateAnalysis, context: Record<string, unknown>): void {
  const problem = analysis.problems[0];
  if (problem) throw new TemplateError(`${problem.file}:${problem.line}: ${problem.message}`, 'use a helper listed in the README ("Templates"), or add the partial to partials/');
  const u = unknownField(analysis, context);
  if (!u) return;
  const top = u.path[0]!;
  const holder = Object.hasOwn(context, top) && context[top] !== null && typeof context[top] === 'object' ? (context[top] as Record<string, unknown>) : undefined;
  throw new TemplateError(
    `${u.file}:${u.line}: the template uses ${u.path.join('.')}, which the template context does not have`,
    holder ? `${top} has: ${Object.keys(holder).join(', ')}` : `the context has: ${Object.keys(context).join(', ')}`,
  );
}

/** A rendered header value: one line, spaces folded; a control character is an input error. */
function renderHeader(raw: string, name: string, file: string): string {
  const value = raw.replace(/[ \t]{2,}/g, ' ').trim();
  if (hasHeaderBreaker(value)) {
    throw new InputError(
      `the ${name} header would contain a line break or control character ("${printable(value)}")`,
      `remove line breaks from the values used in ${name} (template ${file})`,
    );
  }
  return value;
}

import { InputError, TemplateError, UsageError } from '../errors.js';
import type { Incident } from '../incident/schema.js';
import { localizeIncident } from '../incident/localize.js';
import { nearestLocale } from '../text/locale.js';
import { incidentId } from '../incident/validate.js';
import { displayNameProblem, parseMailbox } from '../mail/address.js';
import { textToHtml } from '../mail/html.js';
import type { BodyFacts, Mailbox, Message, MessageIdForm, Stage } from '../message.js';
import { NOBODY, type Recipient } from '../recipients/recipient.js';
import { caseWords, UNIT_CASE } from '../recipients/name-case.js';
import { printedRecipientColumns, readRecipientColumns, unguardedRecipientFields, unknownField, type TemplateAnalysis } from '../templates/fields.js';
import type { CompiledTemplate, TemplateLibrary } from '../templates/library.js';
import { FingerprintSet, fnv1a } from '../text/fingerprint.js';
import { hashedId } from '../text/hex.js';
import { printable } from '../text/printable.js';
import { checkBody, checkIncidentValues, renderHeader, tidyBody } from './checks.js';
import { contextBuilder, type ContextBuilder, type RecipientValue } from './context.js';
import { decideHumour } from './humour.js';
import { idForm, messageIdDomain } from './message-id.js';
import { joinPieces, SkeletonRenderer, type RenderedParts, type Shape, type ShapeHit } from './skeleton.js';

export { messageIdFor, messageIdDomain } from './message-id.js';
export { tidyBody } from './checks.js';

export interface ComposerOptions {
  stage?: Stage;
  now: Date;
  /** Add an HTML alternative made from the same text. */
  html?: boolean;
  /** The incident id of the campaign (its journal's), when it differs from the facts' own. */
  campaignId?: string;
  /** More recipient values for the templates (see compose/context.ts). */
  values?: Readonly<Record<string, RecipientValue>>;
  /**
   * The letters' locale (a BCP 47 tag; default the incident's `locale`): the templates of the
   * nearest language the library has, the incident's text in that language (`fields.<locale>`),
   * numbers and dates formatted for the tag. A tag with no letters is English.
   */
  locale?: string;
}

export interface Composer {
  /** One recipient's message; `inReplyTo` threads a follow-up under the Message-ID a journal recorded. */
  (recipient?: Recipient, inReplyTo?: string): Message;
  template: CompiledTemplate;
  /** The letter's locale (tag for formatting, folder of its templates). */
  locale: { tag: string; folder: string };
  humourOn: boolean;
  humourWarning?: string;
  incidentId: string;
  /** The incident as this composer's letters read it: its text in the letter's language, English shorthand cleaned (incident/localize.ts). */
  incident: Incident;
  /** The context every message of this composer renders with. */
  context: ContextBuilder;
  /** The incident's humour line (every customer of it gets the same one), rendered for nobody in particular (empty when humour is off). */
  humourLines(): string[];
  /**
   * Columns the template prints in some branch (no test of that field around
   * it): a batch needs a column for each, or rendering would fail on the
   * first row that reaches the branch. Values the context adds are not columns.
   */
  recipientColumns: Set<string>;
  /** Recipient values the template prints unguarded: a row with one empty is rejected (computed values never are). */
  requiredColumns: Set<string>;
  /** Recipient columns the template reads at all; undefined: it may read any (a batch then decodes every cell). */
  readColumns?: Set<string>;
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
 *
 * A batch renders each shape of recipient once (compose/skeleton.ts) and fills
 * in the values; the message says which shape it was cut from, so the mbox
 * writer can copy the shape's bytes. Templates that read values in ways
 * placeholders cannot copy are rendered for each message.
 */
export function createComposer(original: Incident, anyLibrary: TemplateLibrary, opts: ComposerOptions): Composer {
  const stage = opts.stage ?? 'apology';
  const wanted = opts.locale ?? original.locale;
  const letter = nearestLocale(wanted, anyLibrary.locales());
  if (!letter) {
    throw new UsageError(`there are no letters in locale "${printable(wanted)}"`, `use one of ${anyLibrary.locales().join(', ')} (locale, --locale), or add your own in a --templates folder named ${printable(wanted)}/`);
  }
  const library = anyLibrary.locale === letter.folder ? anyLibrary : anyLibrary.forLocale(letter.folder);
  // The id is the facts' own (every language of one incident threads the same way).
  const factsId = opts.campaignId ?? incidentId(original);
  const incident = localizeIncident(original, letter.tag, opts.now);
  const template = library.get(incident.scenario, stage);
  const apologyTemplate = stage === 'apology' ? template : library.get(incident.scenario, 'apology');
  const humour = decideHumour(incident);
  const id = factsId;
  const from = mailbox(incident.company.from, 'company.from');
  const replyTo = mailbox(incident.company.replyTo, 'company.replyTo');
  const domain = messageIdDomain(from);
  checkIncidentValues(incident, '');
  const context = contextBuilder(incident, { now: opts.now, stage, id, values: opts.values, locale: letter.tag });

  const analysis = library.analyse(template);
  // What library.requiredRecipientFields(template) reads, from this analysis (the template is analysed once), before a follow-up's subject joins it.
  const required = unguardedRecipientFields(analysis);
  if (stage !== 'apology') {
    const subject = library.analyse(apologyTemplate, 'subject');
    analysis.uses.push(...subject.uses);
    analysis.problems.push(...subject.problems);
    if (subject.opaque) analysis.opaque = true;
  }
  checkNames(analysis, context.message({}, '', ''));
  // The Message-ID differs for every message: a template that prints it is rendered for each one (no cached shapes).
  const usesMessageId = analysis.uses.some((u) => u.path[0] === 'messageId');
  const humourLines = humour.on ? template.humour : [];
  const subjectIndex = template.headers.findIndex((h) => h.name.toLowerCase() === 'subject');
  const apologySubject = apologyTemplate.headers.find((h) => h.name.toLowerCase() === 'subject')!;

  /** Renders everything that depends on the recipient: header values (raw) and the tidy body. */
  const renderParts = (recipientContext: Record<string, unknown>, humourIndex: number, messageId = ''): RenderedParts => {
    const ctx = context.message(recipientContext, '', messageId);
    if (humourIndex >= 0) ctx.humour = humourLines[humourIndex]!(ctx).trim();
    const headers = template.headers.map((h) => h.render(ctx));
    if (stage !== 'apology') headers.push(apologySubject.render({ ...ctx, stage: 'apology' }));
    const body = tidyBody(template.body(ctx));
    checkBody(body);
    return { headers, body };
  };
  const sources = [...template.headers.map((h) => h.source), template.bodySource, ...template.humourSources];
  if (stage !== 'apology') sources.push(apologySubject.source);
  const plan = usesMessageId ? null : library.skeletonPlan(sources);
  const skeleton = plan ? new SkeletonRenderer(plan, renderParts, context.reader(plan.recipient)) : undefined;

  /** Subject and the other template headers from rendered header values (an InputError for a bad value). */
  const finishHeaders = (raw: string[]): { subject: string; headers: [string, string][] } => {
    const headers: [string, string][] = [];
    let subject = '';
    template.headers.forEach((h, i) => {
      const value = renderHeader(raw[i]!, h.name, template.file);
      if (i === subjectIndex) subject = value;
      else headers.push([h.name, value]);
    });
    if (stage !== 'apology') {
      const original = renderHeader(raw[template.headers.length]!, 'Subject', apologyTemplate.file);
      if (subject === '' || subject === original) subject = `Re: ${original}`;
    }
    return { subject, headers };
  };
  /** A shape's finished headers: once per shape when no header has a slot. */
  const shapeHeaders = (shape: Shape, values: string[]) => {
    if (shape.finished) return shape.finished;
    const fixed = shape.headers.every((h) => h.length === 1);
    const finished = finishHeaders(shape.headers.map((h) => joinPieces(h, values)));
    if (fixed) shape.finished = finished;
    return finished;
  };

  // The humour line is the incident's, not the reader's: every customer of one incident reads the same letter.
  const humourIndex = humourLines.length > 0 ? fnv1a(`humour\0${id}`) % humourLines.length : -1;
  const hashState = FingerprintSet.stateAfter(`${id}\0`);
  const hash = new Uint32Array(2);
  const form = idForm(stage, id, domain);
  const apologyForm = idForm('apology', id, domain);
  const compose = ((recipient: Recipient = NOBODY, inReplyTo?: string): Message => {
    // One hash gives the Message-ID and the apology's (for a follow-up).
    FingerprintSet.hashAfter(hashState, recipient.key, hash);
    const a = hash[0]!;
    const b = hash[1]!;
    const hit = skeleton?.lookup(recipient, humourIndex);
    const messageId = hit ? undefined : hashedId(form, a, b);
    const parts = hit ? undefined : renderParts(context.recipient(recipient), humourIndex, messageId);
    const head = hit ? shapeHeaders(hit.shape, hit.values) : finishHeaders(parts!.headers);
    const nameProblem = recipient.name && !recipient.nameChecked ? displayNameProblem(recipient.name) : null;
    if (nameProblem) throw new InputError(`the recipient name "${printable(recipient.name)}": ${nameProblem}`, 'fix the name; it would reach the To header');
    const msg = new PreparedMessage(
      from,
      recipient.email ? { name: displayName(recipient.name), address: recipient.email } : undefined,
      replyTo,
      head.subject,
      head.headers,
      stage === 'apology' ? undefined : (inReplyTo ?? hashedId(apologyForm, a, b)),
      opts.now,
      recipient.key,
      stage,
      form,
      a | 0, // as int32: kept in the object without a heap number (only the bits count)
      b | 0,
      messageId,
      hit, // the shape and its values (and facts): the mbox writer copies the shape's bytes
      parts?.body,
    );
    if (opts.html) msg.html = textToHtml(msg.text, head.subject, letter.tag);
    return msg;
  }) as Composer;
  compose.template = template;
  compose.locale = letter;
  compose.humourOn = humour.on;
  compose.humourWarning = humour.warning;
  compose.incidentId = id;
  compose.incident = incident;
  compose.context = context;
  compose.humourLines = () => {
    const ctx = context.message(context.recipient(NOBODY), '', '');
    return humourIndex >= 0 ? [humourLines[humourIndex]!(ctx).trim()] : [];
  };
  const without = (set: Set<string>, names: readonly string[]) => new Set([...set].filter((n) => !names.includes(n)));
  compose.recipientColumns = without(printedRecipientColumns(analysis), context.values);
  compose.requiredColumns = without(required, context.computed);
  compose.readColumns = readRecipientColumns(analysis);
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

/**
 * The message compose makes. A batch's mbox writer writes it from its parts
 * (the shape's values, the recipient's hash), so the strings made of them,
 * `text` and `messageId`, are made only when something reads them.
 */
class PreparedMessage implements Message {
  readonly bodyFacts: BodyFacts | undefined;
  html: string | undefined = undefined;
  #text: string | undefined;
  #messageId: string | undefined;
  constructor(
    readonly from: Mailbox | undefined,
    readonly to: Mailbox | undefined,
    readonly replyTo: Mailbox | undefined,
    readonly subject: string,
    readonly headers: [string, string][],
    readonly inReplyTo: string | undefined,
    readonly date: Date,
    readonly key: string,
    readonly stage: Stage,
    readonly idForm: MessageIdForm,
    readonly idA: number,
    readonly idB: number,
    messageId: string | undefined,
    readonly shaped: ShapeHit | undefined,
    text: string | undefined,
  ) {
    this.bodyFacts = shaped?.facts;
    this.#messageId = messageId;
    this.#text = text;
  }

  get messageId(): string {
    return (this.#messageId ??= hashedId(this.idForm, this.idA, this.idB));
  }

  get text(): string {
    return (this.#text ??= joinPieces(this.shaped!.shape.body, this.shaped!.values));
  }
}

/**
 * The To header's display name in its usual capitals when it was typed all in capitals or all in
 * lower case ("JO WALSH" → "Jo Walsh", as the greeting says it); any other name as typed. A name
 * with both cases is found at its second letter, so a batch pays almost nothing for it.
 */
const NAME_WORDS = /^[\p{L}\p{M}'’. -]+$/u;

export function displayName(name: string): string {
  let upper = false;
  let lower = false;
  let wide = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c > 127) {
      // "Łukasz", "Émile": the case of a unit below U+0300 from a table (singleCaseName's \p{Lu} and \p{Ll}); past it, the expressions.
      if (c >= 0x300) return singleCaseName(name);
      wide = true;
      const k = UNIT_CASE[c];
      if (k === 1) upper = true;
      else if (k === 2) lower = true;
    }
    // Both cases: singleCaseName keeps the name as typed.
    if (upper && lower) return name;
  }
  return wide || upper !== lower ? singleCaseName(name) : name;
}

function singleCaseName(name: string): string {
  // Only a name made of words ("JO WALSH", "mary o'neill"): "a=?b?=c" or "ACME & CO" stay as typed.
  if (!NAME_WORDS.test(name) || (/\p{Lu}/u.test(name) && /\p{Ll}/u.test(name))) return name;
  // An organisation or an address typed in capitals ("ACME LTD", "SMITH & SONS") reads the same re-cased.
  return caseWords(name.split(' ')).join(' ');
}

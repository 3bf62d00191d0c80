import type { Incident } from '../incident/schema.js';
import type { Stage } from '../message.js';
import { greetingLineOf, isFormal } from '../recipients/greeting.js';
import { localeGreetingLine, readerGender } from '../recipients/greeting-locale.js';
import { isFirstNameOf, type Recipient } from '../recipients/recipient.js';
import { itemPhrases } from '../incident/item-noun.js';
import { textI18n } from '../incident/i18n-load.js';
import { causeIsNoun, noteToProse } from '../text/notes.js';
import { afterDays, dueDates, followUpDay, isVagueCause, onWorkingDay, isVaguePromise } from '../incident/advice.js';
import { about, cap, clause, formatNumber, GIFT, sentence, yourThing } from '../templates/helpers.js';
import { titleCaseName } from '../templates/sentence.js';
import { dietaryHarm, isSensitive, occasionOf } from './humour.js';
import { datesIn, letterDate, longDate } from '../text/dates.js';
import { languageOf, localeAbout, localeList, localeLetterDate, localeNumber } from '../text/locale.js';
import { dayOf, findDates, firstDate, ONE_DAY_MS, typedWindow } from '../text/typed-date.js';
import { resolveRelativeDays } from '../text/relative-days.js';
import { addDuration } from './clock.js';
import { fnv1a } from '../text/fingerprint.js';
import { summaryPhrase } from '../text/summary-i18n.js';
import { regulatorParts } from './regulator.js';
import { businessSubject, isoDayWords } from './subject.js';

/**
 * The one template context builder. Every command that renders a template
 * (draft, batch, brief, follow-ups, template lint) gets its values here: the
 * incident part is built once per run, the recipient part per message.
 *
 * A value added here reaches every format: compose renders with it, and the
 * cached shapes of a batch read it through `reader`, which is made from the
 * same table (see RECIPIENT_VALUES).
 */

/** A recipient value computed from the recipient (the row's columns are the others). */
export type RecipientValue = (r: Recipient) => unknown;

/**
 * The recipient part of the context beyond the row's columns, and how each
 * value is found: a property of the Recipient, or a function of it. These win
 * over a column of the same name. Add a computed value here
 * (`order_count: (r) => String(r.orders.length)`) and every format and
 * command has it; keep values strings (or `orders`' list of rows).
 */
const RECIPIENT_VALUES: Readonly<Record<string, keyof Recipient | RecipientValue>> = {
  email: 'email',
  name: 'name',
  first_name: 'first_name',
  orders: 'orders',
  // All of the customer's rows, and how many of them `orders` leaves out ("" when none): a batch lists the first 25.
  order_count: (r) => String(r.orderCount ?? r.orders.length),
  more_orders: (r) => {
    const more = (r.orderCount ?? r.orders.length) - r.orders.length;
    return more > 0 ? String(more) : '';
  },
  // The first order's line items and money (recipients/orders.ts): what a one-order letter prints.
  items: (r) => r.orders[0]?.items ?? [],
  items_display: (r) => str(r.orders[0]?.items_display),
  item_count: (r) => str(r.orders[0]?.item_count),
  more_items: (r) => str(r.orders[0]?.more_items),
  amount_display: (r) => str(r.orders[0]?.amount_display),
  // "full"/"partial" when that payment was refunded since, and the amount refunded ("" otherwise).
  refunded: (r) => str(r.orders[0]?.refunded),
  refunded_full: (r) => str(r.orders[0]?.refunded_full),
  refunded_display: (r) => str(r.orders[0]?.refunded_display),
  // The row's `outcome` and `new_date` as the letter says them (capitals, one full stop), whatever was typed.
  outcome_sentence: (r) => {
    const v = r.fields.outcome;
    return v ? sentence(v) : '';
  },
  new_date_clause: (r) => {
    const v = r.fields.new_date;
    return v ? clause(v) : '';
  },
};


/** A typed date as the letters write it ("Friday 4 December"), with the weekday that was typed beside it, if any. */
function typedLetterDate(d: Date, typedWeekday: number, now: Date): string {
  const full = letterDate(d, now);
  return typedWeekday < 0 || typedWeekday === d.getUTCDay() ? full : full.replace(/^\p{L}+/u, WEEKDAY_NAMES[typedWeekday]!);
}

/** A value of the first order as text ("" when there is none). */
function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * `recipient.greeting`: the whole greeting line by SPEC's rules ("Hi Zoë,",
 * "Dear Dr García-López,", "Hello," for an organisation, initials or an order
 * number). A first name that is only the first word of the name was derived,
 * not given: the name is read with every rule instead.
 */
function greetingValue(formal: boolean, lang: string, warm = false): RecipientValue {
  if (lang === 'de' || lang === 'fr' || lang === 'es') {
    return (r) => {
      const given = r.first_name !== '' && !isFirstNameOf(r.first_name, r.name) ? r.first_name : undefined;
      return localeGreetingLine({ first_name: given, name: r.name, salutation: r.fields.salutation, last_name: r.fields.last_name }, lang, formal);
    };
  }
  if (warm) {
    // A wedding or a loss: "Dear Helen," (the casual line's name, with the warmth of "Dear").
    return (r) => {
      const given = r.first_name !== '' && r.firstDerived !== true && !isFirstNameOf(r.first_name, r.name) ? r.first_name : undefined;
      const line = greetingLineOf(given, r.name, r.fields.salutation, r.fields.last_name, formal);
      return line.startsWith('Hi ') ? `Dear ${line.slice(3)}` : line;
    };
  }
  return (r) => {
    // A first name the batch took from the name (firstDerived) is its first word: nothing to compare.
    const given = r.first_name !== '' && r.firstDerived !== true && !isFirstNameOf(r.first_name, r.name) ? r.first_name : undefined;
    return greetingLineOf(given, r.name, r.fields.salutation, r.fields.last_name, formal);
  };
}

export interface ContextOptions {
  now: Date;
  stage: Stage;
  /** The campaign's incident id (the one its Message-IDs carry). */
  id: string;
  /** More recipient values, after the built-in ones (a library user's, or a test's). */
  values?: Readonly<Record<string, RecipientValue>>;
  /** The letter's locale ("de-AT"): numbers, dates, the greeting; default the incident's. */
  locale?: string;
}

/** The incident part of the context: what every message of a run shares. */
export interface IncidentContext {
  incident: Record<string, unknown>;
  company: { name: string; from: string; replyTo: string; phone: string; email: string };
  signer: { name: string; title: string; team: boolean };
  stage: Stage;
  severe: boolean;
  /** The run's date, long form ("Wednesday, 8 July 2026"). */
  today: string;
  /** When the promised follow-up is due, long form, or ''. */
  followUpDate: string;
  /** Who speaks: "I" for a person, "we" for a team or a business letter ({{voice.Im}} sorry, {{voice.ill}} call you). */
  voice: Record<string, string>;
  /** The same for every language: true when "we" speak (`{{v "wir melden uns" "ich melde mich"}}` reads it). */
  we: boolean;
  /** The letter's locale as a BCP 47 tag ("de-AT"), and its language ("de"): the helpers format for it. */
  locale: string;
  lang: string;
}

export interface ContextBuilder {
  /** The recipient values the builder adds to the row's columns (email, name, …, order_count, …). */
  readonly values: readonly string[];
  /** Those of them computed (never a column, never empty for want of one). */
  readonly computed: readonly string[];
  /** Built once per run. */
  readonly incident: Readonly<IncidentContext>;
  /** The recipient part of one message: the row's columns, then the recipient values. */
  recipient(r: Recipient): Record<string, unknown>;
  /** The whole context one template renders with. */
  message(recipient: Record<string, unknown>, humour: string, messageId: string): Record<string, unknown>;
  /**
   * Writes the named recipient values of r into out from index `at` on:
   * exactly what `recipient(r)[name]` gives, without making the object (a
   * batch's hot path).
   */
  reader(names: readonly string[]): (r: Recipient, out: unknown[], at: number) => void;
}

/**
 * The promised check-in, never before what it checks: when the outcome names a day on or after
 * the follow-up's due date ("a new appointment on Thursday 3 December"), the day after it.
 */
function checkInAfter(due: Date, outcome: string | undefined, now: Date, business = false): Date {
  let latest = due;
  for (const d of datesIn(outcome, now)) {
    const after = new Date(d.getTime() + 86_400_000 + (now.getTime() % 86_400_000));
    if (d.getTime() + 86_400_000 > latest.getTime()) latest = after;
  }
  return onWorkingDay(latest, business);
}

/** The customer may keep what came by mistake, said in the offer or the action (any of the letters' languages). */
const KEEP_SAID = /\b(?:keep (?:it|them|the|this|that|these|those|what)|hold on to (?:it|them|the|what)|no need to (?:return|send)|behalten|garder|gardez|conserver|conservez|quedarse con|quédese con|quédese (?:el|la|los|las)|quedárse\p{L}*|puede quedar|de regalo|en regalo|als geschenk|en cadeau)/iu;
const WEEKDAY_NAME = /(?<![\p{L}])(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)(?![\p{L}])/iu;
const SUMMARY_ARTICLE = /^\s*(?:le|la|les|l[’']|un|une|des|du|votre|vos|notre|nos|ce|cette|ces|el|los|las|su|sus|nuestro|nuestra|nuestros|nuestras|este|esta|estos|estas)(?![\p{L}])/iu;
/** An action that claims what the mistake cost ("send the hotel invoices", "schicken Sie uns die Belege"). */
const COSTS_CLAIMED = /receipts?|invoices?|expenses|Beleg|Quittung|Rechnung|Kontoauszug|justificatif|facture|ticket|frais|factura|recibo|justificante|gastos|Kosten/iu;
/** Something the customer sends before the offer is made good: a receipt, a photo, a statement. */
const REMEDY_ASKS = /\b(?:send|upload|receipt|photo|proof|schick\p{L}*|senden|Beleg\p{L}*|Nachweis\p{L}*|Foto\p{L}*|Quittung\p{L}*|Kontoauszug|envoy\p{L}*|justificatif|preuve|photo|ticket de caisse|envíe\p{L}*|enviar\p{L}*|justificante|comprobante|foto\p{L}*|recibo)\b/iu;
/** Costs beyond the mistake already offered or asked about in the manager's words. */
const COSTS_ASKED = /bank ?(?:fees|charges)|overdraft|bankgebühr|überziehungszins|zusätzliche kosten|kosten entstanden|rücklastschriftgebühr|frais bancaires|frais d[’']incident|frais de rejet|agios|frais supplémentaires|comisi(?:ón|ones) bancaria|comisi(?:ón|ones) de devoluci|gastos bancarios|gastos de devoluci|gastos adicionales|descubierto|(?:banque|banco)[^.]{0,40}(?:factur|cobr|frais|comisi|gastos)/iu;

/** "free", "gratuit", "kostenlos", "sin coste" in the offer. */
const REMEDY_FREE = /(?<![\p{L}])(?:sin coste|sin cargo|sin gastos|gratis|gratuit\p{L}*|à nos frais|sans frais|offert\p{L}*|kostenlos\p{L}*|kostenfrei\p{L}*|versandkostenfrei|ohne versandkosten|auf unsere Kosten|free)(?![\p{L}])/iu;

/**
 * Each unicode rule above with the cheap ASCII hint a text must hold for it to match (as PICKUP_HINT
 * below): a plain incident never compiles a rule whose hint it lacks. ſ and K (Kelvin sign) match s
 * and k under /iu, so a text holding one always runs the rule. tests/property/context-hints.test.ts
 * checks that no text the rule matches lacks the hint.
 */
export const HINTED: Readonly<Record<string, readonly [hint: RegExp, rule: RegExp]>> = {
  keepSaid: [/keep|hold on|need to|behalten|garde|conserv|qued|dese |regalo|geschenk|cadeau|[\u017f\u212a]/i, KEEP_SAID],
  weekday: [/tag|woch|di|es|bado|domingo|[\u017f\u212a]/i, WEEKDAY_NAME],
  summaryArticle: [/l|un|d|vo|no|c|e|su|[\u017f\u212a]/i, SUMMARY_ARTICLE],
  costsClaimed: [/receipt|invoice|expenses|beleg|quittung|rechnung|kontoauszug|justifica|factur|ticket|frais|recibo|gastos|kosten|[\u017f\u212a]/i, COSTS_CLAIMED],
  remedyAsks: [/send|upload|receipt|oto|proof|schick|beleg|nachweis|quittung|kontoauszug|env|justific|preuve|ticket de caisse|comprobante|recibo|[\u017f\u212a]/i, REMEDY_ASKS],
  costsAsked: [/bank|banque|banco|overdraft|zins|kosten|frais|agios|comisi|gastos|descubierto|[\u017f\u212a]/i, COSTS_ASKED],
  remedyFree: [/sin co|sin ca|sin ga|grat|nos frais|sans frais|offert|kosten|free|[\u017f\u212a]/i, REMEDY_FREE],
};

/** rule.test(text), without compiling the rule for a text that lacks its hint. */
function hinted(name: keyof typeof HINTED, text: string): boolean {
  const [hint, rule] = HINTED[name]!;
  return text !== '' && hint.test(text) && rule.test(text);
}

export function contextBuilder(typed: Incident, o: ContextOptions): ContextBuilder {
  const tag = o.locale ?? typed.locale ?? 'en';
  const lang = languageOf(tag);
  const english = lang === 'en';
  // fit11: the signer is never named in the third person in their own letter ("Dr Evans was off sick" → "I was off sick").
  const signed = english && !typed.signer.team && !TEAM_SIGNER.test(typed.signer.name) ? signerAsI(typed) : typed;
  const given = english && signed.action ? withNothingToDo(signed) : signed;
  const followup = english && o.stage !== 'apology';
  // When the apology went (the follow-up is read `after` it, later when what it checks was due later), and when its follow-up is promised.
  const dates = letterDates(given, o.now, o.stage);
  // A follow-up is read days after the facts were typed: "on Tuesday morning", "tomorrow" said as their dates
  // (or left out when the apology's day is not known), and the mistake told in the past ("your order was running late").
  const incident = followup ? followUpFacts(given, dates.sent, o.now) : given;
  const date = (d: Date) => (english ? letterDate(d, o.now) : localeLetterDate(d, tag, o.now));
  const severe = incident.severity === 'major' || incident.severity === 'critical';
  const occasion = occasionOf(incident) || (english ? '' : occasionOther([incident.mistake, incident.rootCause, incident.summary ?? '', incident.outcome ?? '', incident.remedy.details ?? ''].join(' ')));
  // A wedding or a loss is written to warmly, by first name ("Dear Helen,"), whatever the severity.
  const warm = incident.audience !== 'business' && (occasion === 'wedding' || occasion === 'grief' || occasion === 'celebration');
  const mistake = mistakeForms(followup ? pastTense(incident.mistake) : incident.mistake);
  // English: after the refund's due day or a date the outcome names (incident/advice.ts followUpDay), promised by
  // the apology only; the other languages: the day after a date the outcome names.
  const followUpAsked = incident.followUp ? addDuration(o.now, incident.followUp.after) : undefined;
  const offerText = [given.remedy.details ?? '', given.action ?? '', given.outcome ?? ''].join(' ');
  const followUpDue = english ? (o.stage === 'apology' ? (dates.followUp ?? followUpAsked) : undefined) : followUpAsked ? checkInAfter(followUpAsked, incident.outcome, o.now, incident.audience === 'business') : undefined;
  // A row's new date moves its customer's check-in, so whether today is the promised day is worked out per new date (once each).
  const rowCache = new Map<string, { today: string; wroteOn: string }>();
  const incidentRow = { today: dates.today ? 'yes' : '', wroteOn: wroteOn(o.now, dates.gapDays) };
  const rowDates = (newDate: string | undefined, apologySent: string | undefined): { today: string; wroteOn: string } => {
    if (!newDate && !apologySent) return incidentRow;
    const key = `${newDate ?? ''}\0${apologySent ?? ''}`;
    let hit = rowCache.get(key);
    if (hit === undefined) {
      const facts = newDate ? { ...given, outcome: newDate } : given;
      const sent = apologySent ? new Date(apologySent) : undefined;
      if (sent && !Number.isNaN(sent.getTime())) {
        // The journal says when the apology went: the day it promised is known, and so is how long ago it was.
        const f = followUpDay(facts, sent);
        hit = { today: f && dayOf(f.date).getTime() === dayOf(o.now).getTime() ? 'yes' : '', wroteOn: wroteOn(o.now, Math.round((dayOf(o.now).getTime() - dayOf(sent).getTime()) / ONE_DAY_MS)) };
      } else {
        const d = letterDates(facts, o.now, o.stage);
        hit = { today: d.today ? 'yes' : '', wroteOn: wroteOn(o.now, d.gapDays) };
      }
      if (rowCache.size < 4096) rowCache.set(key, hit);
    }
    return hit;
  };
  // A row's new date as the letter says it (once per distinct value: a batch repeats a handful of them).
  const rowDateCache = new Map<string, string>();
  const rowDate = (v: string): string => {
    let hit = rowDateCache.get(v);
    if (hit === undefined) {
      let t = v;
      // (a weekday typed beside a date it is not stays the one typed, as in the incident's fields: the writer is told, never overruled)
      if (english) for (const d of findDates(v, o.now).reverse()) t = t.slice(0, d.at) + typedLetterDate(d.date, d.typedWeekday, o.now) + t.slice(d.at + d.text.length);
      hit = clause(t);
      if (rowDateCache.size < 4096) rowDateCache.set(v, hit);
    }
    return hit;
  };
  // A pickup (click & collect, "retrait", "recogida", "Abholung"): the letter speaks of collecting, not of a delivery.
  const pickup = isPickup([incident.mistake, incident.outcome ?? '', incident.summary ?? '', incident.commitment, incident.remedy.details ?? ''].join(' '));
  // Something was sent that the customer could keep or pass on: not food made for them, not a service, not stopped before dispatch.
  const shipped = english || (!pickup && !MADE_TO_ORDER.test([incident.mistake, incident.summary ?? '', incident.remedy.details ?? '', incident.company.name].join(' ')) && !NOT_SENT.test([incident.mistake, incident.summary ?? '', incident.outcome ?? '', incident.rootCause].join(' ')) && !(SERVICE_NOT_GOODS.test([incident.mistake, incident.summary ?? ''].join(' ')) && !GOODS_SENT.test([incident.mistake, incident.summary ?? '', incident.outcome ?? '', incident.remedy.details ?? ''].join(' '))));
  // The product the incident's text names ("vos lunettes progressives"): a row whose products are others
  // (contact lenses) reads a sentence about its own order instead (other_product below).
  const productStems = english || (incident.scenario !== 'shipping-delay' && incident.scenario !== 'wrong-item') ? [] : productStemsOf(incident.mistake, lang);
  // i18n13: a French mistake whose words agree with the reader, in its three forms (text/reader-i18n.ts).
  const readerForms = lang === 'fr' ? textI18n().frenchReaderForms(incident.mistake) : undefined;
  const values: Record<string, keyof Recipient | RecipientValue> = {
    ...RECIPIENT_VALUES,
    // fit13: the row's new date as the letter writes the incident's dates, whatever the export typed ("Fri 4 Dec",
    // "sat 5th dec" → "Friday 4 December"): each date with its true weekday, the year only when it is not the letter's.
    new_date_clause: (r) => {
      const v = r.fields.new_date;
      return v ? rowDate(v) : '';
    },
    // i18n13: "yes" when the reader is a woman / a man by their title or given name, for a French mistake that agrees with
    // the reader ("Vous êtes venue …"); '' for every other letter (and for a reader the letter cannot tell).
    reader_f: readerForms ? (r) => (readerGender({ first_name: r.first_name !== '' && !isFirstNameOf(r.first_name, r.name) ? r.first_name : undefined, name: r.name, salutation: r.fields.salutation, last_name: r.fields.last_name }) === 'f' ? 'yes' : '') : () => '',
    reader_m: readerForms ? (r) => (readerGender({ first_name: r.first_name !== '' && !isFirstNameOf(r.first_name, r.name) ? r.first_name : undefined, name: r.name, salutation: r.fields.salutation, last_name: r.fields.last_name }) === 'm' ? 'yes' : '') : () => '',
    // "yes" when the row lists products and none of them is the one the incident's text names.
    other_product: (r) => {
      if (productStems.length === 0) return '';
      const display = str(r.orders[0]?.items_display).toLowerCase();
      return display !== '' && !productStems.some((stem) => display.includes(stem)) ? 'yes' : '';
    },
    // SPEC "Greetings": a major or critical letter (and a business one) is formal whatever the occasion: the title and
    // family name ("Dear Dr García-López"), else the full name. Warmth only changes the casual line ("Dear Ann," for "Hi Ann,").
    greeting: greetingValue(isFormal(incident), lang, warm && english && !isFormal(incident)),
    // The row's new date, when the check-in the apology promises would come before it: the day after it ("" otherwise).
    checkin_date: (r) => {
      const v = r.fields.new_date;
      if (!v || !followUpDue) return '';
      const d = firstDate(v, o.now);
      return d && d.getTime() >= dayOf(followUpDue).getTime() ? letterDate(new Date(d.getTime() + ONE_DAY_MS), o.now) : '';
    },
    // Follow-ups: "yes" when this customer's follow-up is read on the day their apology promised it (a row's new date
    // moved their check-in past it), and the day that apology went, as the letter says it ("on Thursday"; "" when not known).
    followup_today: followup ? (r) => rowDates(r.fields.new_date, r.apologySent).today : () => '',
    wrote_on: followup ? (r) => rowDates(r.fields.new_date, r.apologySent).wroteOn : () => '',
    // "yes" when the row's new date is over by the day the follow-up is read: it asks whether the order came.
    new_date_passed: (r) => {
      const v = r.fields.new_date;
      const d = v ? firstDate(v, o.now) : undefined;
      return d && d.getTime() < dayOf(o.now).getTime() ? 'yes' : '';
    },
    // letters8b: "yes" when the follow-up is read on the row's new date itself: "due with you today", never "by the end of that day".
    new_date_today: (r) => {
      const v = r.fields.new_date;
      const d = v ? firstDate(v, o.now) : undefined;
      return d && dayOf(d).getTime() === dayOf(o.now).getTime() ? 'yes' : '';
    },
    // "yes" when the row's new date is still to come (a follow-up then does not ask whether it arrived).
    new_date_ahead: (r) => {
      const v = r.fields.new_date;
      const d = v ? firstDate(v, o.now) : undefined;
      return d && d.getTime() >= dayOf(o.now).getTime() ? 'yes' : '';
    },
    ...o.values,
  };
  const names = Object.keys(values);
  const company = {
    name: incident.company.name,
    from: incident.company.from ?? '',
    replyTo: incident.company.replyTo ?? '',
    phone: incident.company.phone ?? '',
    email: incident.company.email ?? '',
  };
  // Names typed all in lower case ("maggie byrne", "owner", "the corner pantry") are written in their usual capitals.
  company.name = titleCaseName(company.name);
  const signerTitle = incident.signer.title ?? '';
  // fit11: a signer typed as a team ("The Waste Services team") without `team: true` still speaks as "we".
  const team = incident.signer.team || TEAM_SIGNER.test(incident.signer.name);
  const signer = { name: titleCaseName(incident.signer.name), title: /^\p{Ll}/u.test(signerTitle) ? signerTitle[0]!.toUpperCase() + signerTitle.slice(1) : signerTitle, team };
  const causeOwn = causeOf(english ? withoutSaidDay(incident.rootCause, incident.when, o.now) : incident.rootCause);
  // (what happened, typed in brackets after a category, is a note of its own: "2 drivers were off sick. We didn't get cover…")
  const causeTyped = english && causeOwn !== incident.rootCause && incident.rootCause.includes('(') ? proseClause(causeOwn, o.now) : causeOwn;
  // "crew shortage (two crew off sick) and we couldnt sail…": a noun, then what it did to us: "a crew shortage (…), and we…".
  const nounAnd = english ? nounAndClause(causeTyped, o.now) : '';
  const cause = nounAnd || causeTyped;
  const text = [incident.mistake, incident.summary ?? '', incident.remedy.details ?? ''].join(' ');
  // The mistake already says when ("…on Wednesday 25 November" with `when: 25 nov`): the date is said once.
  const whenSaid = whenInMistake(incident.when, incident.mistake, o.now);
  // The outcome or the offer says the wrong item goes back ("our driver will collect it").
  const itemTaken = /\b(?:collect\w*|pick(?:ing|ed)? (?:it |them )?up|return(?:ing|ed)?|send (?:it|them) back|courier|returns label|take (?:it|them) away|(?:take|taking|took) (?:\S+ ){1,3}away|swap(?:ping|ped)? (?:it|them) (?:over|out)|exchang(?:e|ing) (?:it|them)|leave (?:it|them|the \S+(?: one)?) where)\b/i.test([incident.remedy.details ?? '', incident.outcome ?? '', incident.action ?? ''].join(' '));
  const regulator = english ? regulatorParts(incident.exposure.regulator) : { complainTo: '', sentence: '' };
  const incidentPart: IncidentContext = {
    incident: {
      // i18n13: the mistake to a woman, a man, a reader of unknown gender, when its French words agree with the reader.
      readerForms: readerForms ?? '',
      ...incident,
      id: o.id,
      company,
      signer,
      // letters8b: bank fees offered in the offer and told how to claim in the action: the action says it, once.
      remedy: { kind: incident.remedy.kind, details: english && FEES_TOLD.test(incident.action ?? '') ? withoutFees(incident.remedy.details ?? '') : (incident.remedy.details ?? '') },
      followUp: { after: incident.followUp?.after ?? '' },
      // Two to twelve in words in a German, French or Spanish letter ("sieben Patienten", "cinco pacientes").
      affectedExact: english ? formatNumber(incident.affected) : (SMALL_NUMBERS[lang]?.[incident.affected] ?? localeNumber(incident.affected, tag)),
      affectedAbout: english ? about(incident.affected) : SMALL_NUMBERS[lang]?.[incident.affected] ?? localeAbout(incident.affected, tag, lang === 'es' && /as$/u.test(incident.people.many)),
      severe,
      single: incident.affected === 1,
      many: incident.affected >= 100,
      // Which phrasing each part of a built-in letter uses: fixed per incident (every customer of it reads
      // the same letter), independent per part, so two companies' letters share few sentences. Each 0–59:
      // `(mod incident.variant.own 3)` picks one of three.
      variant: variants(o.id),
      business: incident.audience === 'business',
      // Health, grief or a once-in-a-lifetime day: the built-in letters tell no joke, whatever the severity.
      sensitive: isSensitive(incident) || (!english && SENSITIVE_OTHER.test([incident.mistake, incident.rootCause, incident.summary ?? '', incident.people.many].join(' '))),
      // Money taken or owed (a charge, a fee, a refund): no joke in the built-in letters.
      moneyHarm: incident.scenario === 'billing-error' || /\b(?:charg(?:e|ed|es|ing)|overcharg\w*|fees?|refund\w*|invoic\w*|paid|payments?|billed|bank)\b/i.test([incident.mistake, incident.summary ?? ''].join(' ')),
      // 'grief', 'wedding', 'celebration', 'health' or '': which lines of their own a sensitive letter needs.
      occasion,
      warm,
      // Flowers for a loss: the lines about them name them.
      flowers: /\b(?:flowers?|bouquets?|arrangements?|wreaths?|posy|posies|bunch)\b/i.test(text),
      // Something was sent that the customer could keep or pass on: not food made for them, not a service.
      pickup,
      // The outcome's day as the letter writes its dates ("samedi 28 novembre"): said of a row's own order.
      outcomeDay: english ? '' : (() => {
        const d = datesIn(incident.outcome, o.now)[0];
        return d ? localeLetterDate(d, tag, o.now) : '';
      })(),
      // A billing mistake that names no invoice (a shipping charge, a debit): the letter does not call it one ("factura", "facture").
      noInvoice: !english && incident.scenario === 'billing-error' && !INVOICE_NAMED.test([incident.mistake, incident.summary ?? '', incident.rootCause, incident.outcome ?? '', incident.remedy.details ?? ''].join(' ')),
      // A missed appointment where the customer came and we could not see them (booked twice, closed): no "we didn't come".
      customerCame: !english && incident.scenario === 'missed-appointment' && CUSTOMER_CAME.test([incident.mistake, incident.summary ?? '', incident.rootCause].join(' ')),
      shipped,
      // i18n12: the manager's words already say what becomes of the wrong item (collected at the exchange, a returns
      // label, "no hace falta devolver"): the letter's own "keep it or give it away" would contradict or repeat them.
      // i18n12: a replacement without details is goods sent only where something was sent (a wrong item, a late parcel,
      // a note that names a delivery); for a missed appointment it is the new appointment, elsewhere what was affected.
      replacementGoods: english || (incident.scenario === 'wrong-item' && shipped) || incident.scenario === 'shipping-delay' || GOODS_SENT.test([incident.mistake, incident.summary ?? '', incident.outcome ?? ''].join(' ')),
      // i18n12: the right item is on its way only when one is sent (a replacement, or the outcome says so): a refund sends nothing
      // to ask after ("comprobar que le ha llegado el ramo correcto" beside a refund).
      rightSent: english || (shipped && (incident.remedy.kind === 'replacement' || RIGHT_SENT.test([incident.outcome ?? '', incident.remedy.details ?? '', incident.action ?? ''].join(' ')))),
      itemSettled: !english && ITEM_SETTLED_I18N.test([incident.remedy.details ?? '', incident.action ?? '', incident.outcome ?? ''].join(' ')),
      // The root cause with a leading label dropped ("human error. our night shift…" → "our night shift…").
      cause,
      vagueCause: isVagueCause(cause),
      // A cause typed as a category only ("scheduling", "human error", "glitch"): the letter still says, plainly, what kind of
      // mistake it was and that it was ours, rather than nothing at all.
      vagueCauseSaid: english && isVagueCause(cause) ? vagueCauseSaid(cause) : '',
      // A German, French or Spanish cause typed without a verb ("bestellzettel verwechselt", "erreur du labo"):
      // the letter builds the sentence around it and promises no "exact" account before it.
      // A cause typed as a noun phrase, framed as a sentence ("Ursache war ein fehlerhaftes Update …, das wir … eingespielt haben.").
      causeFramed: lang === 'de' || lang === 'fr' || lang === 'es' ? textI18n().framedCause(incident.rootCause, lang) : '',
      // letters7: an English cause that is a noun phrase only ("an expired certificate on the gateway") reads "The cause was …", never "because …".
      causeNoun: english && (nounAnd !== '' || (causeIsNoun(cause) && !noteMadeClause(cause, o.now)) || nounThenClause(cause)),
      // letters7: no joke where one misfires: a missed visit beyond a minor one (a morning waited in, a move, a fitting), or an animal's or a person's health.
      jokeMisfires: english && jokeMisfires(incident.scenario, incident.severity, [incident.mistake, incident.rootCause, incident.summary ?? '', incident.outcome ?? ''].join(' '), incident.rootCause),
      // letters7: "call us" in the action with the number there and then ("…, or call us on 0800 496 0500").
      actionSaid: english ? withPhone(incident.action ?? '', incident.company.phone) : (incident.action ?? ''),
      // letters8b: the action already tells how to reach us ("just reply to this email", "email us a screenshot", "call us"): a
      // consumer letter's contact line does not offer the same ways again (at most the phone, when the action lacks it).
      actionReaches: english && incident.audience !== 'business' && !!incident.action && (/\b(?:repl(?:y|ying) to this (?:e-?mail|message)|just (?:reply|ask|say|call|ring|email)|call us|ring us|phone us|get in touch|contact us)\b/i.test(incident.action) || (!!incident.company.phone && incident.action.includes(incident.company.phone)) || (!!incident.company.email && incident.action.includes(incident.company.email))),
      actionHasPhone: english && !!incident.company.phone && withPhone(incident.action ?? '', incident.company.phone).includes(incident.company.phone),
      // letters7: a change typed as a list of things ("spare van on standby hire, …"): "What we've changed: …".
      commitmentNoun: english && causeIsNoun(incident.commitment),
      // letters7: the outcome already offers another time ("…, or call us to pick another time"): the rearranging sentence is not said again.
      outcomeRearranges: english && /\b(?:another (?:time|day|date|slot)|other (?:time|day|date)|rearrang|reschedul)/i.test(incident.outcome ?? ''),
      // letters7: a replacement the outcome already sends, and whose keeping the action tells: the offer line would say both again.
      remedyRepeats: english && incident.remedy.kind === 'replacement' && /\b(?:remix|resen[dt]|sent|send|go(?:es)? out|went out|on (?:its|their) way|with you|deliver)/i.test(incident.outcome ?? '') && (!/\bkeep\b|yours to keep/i.test(incident.remedy.details ?? '') || /\bkeep\b|no need to send/i.test(incident.action ?? '') || keptPart(incident.remedy.details ?? '') !== ''),
      // blind13: what the offer adds to an outcome that already sends the replacement ("correct skeins sent 1st class at no cost,
      // keep the grey ones with our compliments" after "The petrol blue skeins went out today"): only what is new.
      remedyKept: english && !/\bkeep\b|no need to send/i.test(incident.action ?? '') ? keptPart(incident.remedy.details ?? '') : '',
      // i18n13: a German cause that names itself a cause ("Ursache war ein neuer Lagerplatz"): no "Zur Ursache:" before it.
      causeLed: lang === 'de' && /^(?:die\s+|der\s+)?(?:ursache|grund|hintergrund)(?![\p{L}])/iu.test(incident.rootCause.trim()),
      causeFragment: !english && ((incident.rootCause.trim().split(/\s+/u).length <= 8 && !hasVerb(incident.rootCause, lang)) || leadFragment(incident.rootCause, lang)),
      // The offer typed as a sentence of its own ("der betrag wird bis mo zurücküberwiesen"), not a thing given.
      // Spanish outside Spain (es-MX, es-AR, es-419…): its own words where they differ ("sobregiro", not "descubierto").
      americas: lang === 'es' && !/^es(?:-ES)?$/iu.test(tag),
      remedySentence: !english && (hasVerb(incident.remedy.details ?? '', lang) || !!remedyLead(incident.remedy.details ?? '', lang)),
      // i18n13: an offer typed as our own clause ("pasamos su plan a …", "nous vous offrons …"), framed as one
      // ("Para compensarle, pasamos su plan …"), never after "le ofrecemos" ('' when it is a thing given).
      remedyLead: english ? '' : remedyLead(incident.remedy.details ?? '', lang),
      vaguePromise: isVaguePromise(incident.commitment),
      // The offer is the customer's next appointment ("your next hygiene appointment, free of charge"): beside a
      // slot already held, the letter says that slot is the free one.
      remedyNextVisit: /\bnext\b[^,.;]{0,40}?\b(?:appointments?|visits?|sessions?|class(?:es)?|lessons?|consultations?|treatments?|bookings?|check-?ups?|cleans?|installations?|fittings?)\b(?:\s*(?:[,;.(—–-]|$|free\b|at no\b|on us\b|for free\b|is\b|will\b))/i.test(incident.remedy.details ?? ''),
      // fit12: the customer's own thing the mistake names ("your sofa", "your son's birthday cake"): lines about what it
      // cost them name it, so two companies' letters do not share the same sentence ('' when none is named).
      ...(english ? thingOf(incident.mistake) : { thing: '', thingShort: '', thingPlural: false }),
      // fit12: the company as said inside a sentence ("came to the Lyric Theatre", never "to The Lyric Theatre").
      companyIn: english ? titleCaseName(incident.company.name).replace(/^The\s+(?=\p{Lu})/u, 'the ').replace(/\.+$/u, '') : titleCaseName(incident.company.name),
      // fit12: the change in the tense it was typed in: "we've added…", "fixed it", "(done)" is done whatever the status
      // says ("under way" of work already done reads false); a change typed in the future ("we will…") is never "since then".
      commitmentStatus: english ? statusOf(incident.commitment, incident.commitmentStatus) : incident.commitmentStatus,
      commitmentFuture: english && FUTURE_TYPED.test(incident.commitment),
      // fit12: the mistake as a noun phrase a sentence can name ("the delay to your sofa", "the outage"): the line that
      // asks what else it left to put right, when the incident offers nothing of its own.
      harm: english ? harmOf(incident, eventOf([incident.summary ?? '', incident.mistake, incident.outcome ?? ''].join(' '))) : '',
      // fit12: a late thing that is no order ("your bike won't be ready", "your sofa was delivered nine days late"): the
      // subject names it, never "your order from …", and the follow-up is about its delay, not "the late delivery".
      ...(() => {
        const t = english && incident.scenario === 'shipping-delay' && !/\borders?\b/i.test([incident.mistake, incident.outcome ?? '', incident.summary ?? ''].join(' ')) ? thingOf(incident.mistake).thing : '';
        return { thingSubject: t, thingHarm: t ? harmOf(incident, '') : '' };
      })(),
      // What a missed appointment was, in the incident's own word: class, visit, session, consultation…
      event: eventOf([incident.summary ?? '', incident.mistake, incident.outcome ?? ''].join(' ')),
      // The outcome already happened ("we moved you on Wednesday with two crews"): not a slot to accept or move.
      outcomeDone: outcomeDone(given.outcome ?? '', dates.outcome, o.stage === 'apology' ? o.now : (dates.sent ?? new Date(o.now.getTime() - (afterDays(given.followUp?.after) ?? 3) * ONE_DAY_MS))),
      // The offer needs something from the customer (receipts, a reply, a form): never "nothing you need to do".
      remedyNeedsYou: NEEDS_YOU.test([incident.remedy.details ?? '', incident.action ?? ''].join(' ')),
      // Meat in a vegetarian box, an allergen: 'diet' or 'allergy', else ''.
      dietary: dietaryHarm(incident.scenario, [incident.mistake, incident.summary ?? ''].join(' ')),
      // An allergen the customer may have eaten, in any scenario (a label that left out sesame): the check-in asks after
      // the household, not after a £9 refund (the blind reader marked that as tone-deaf).
      allergen: english && /\b(?:allerg\w*|anaphyla\w*|coeliac|celiac|sesame|peanuts?|tree nuts?|epipen)\b/i.test([incident.mistake, incident.summary ?? '', incident.action ?? ''].join(' ')),
      // The offer or the outcome already says what happens to the wrong item ("we'll collect it"): no second instruction.
      itemHandled: itemTaken || /\b(?:collect\w*|pick(?:ing|ed)? (?:it |them )?up|return(?:ing|ed)?|(?:send|post|mail|pop) (?:it|them|the [\w -]{1,30}?) back|courier|returns? (?:label|envelope)|prepaid|freepost|shred\w*|destroy\w*|bin (?:it|them)|keep (?:it|them))\b/i.test(incident.action ?? '') || ACTION_KEEP.test(incident.action ?? ''),
      // The outcome or the offer already says the remedy ("…was refunded", "we refunded the £6"): not offered again.
      remedySaid: remedySaid(incident.remedy.kind, incident.outcome ?? '') || (!/\b(?:not|never|didn't|hasn't|haven't|wasn't|weren't)\b/i.test(incident.mistake) && remedySaid(incident.remedy.kind, incident.mistake) && /\b(?:was|were|been|we|already)\s+(?:refunded|credited|replaced|waived)\b/i.test(incident.mistake)),
      // Advice the action already gives (a data exposure): the letter's own is not said a second time.
      // i18n13: the letter asks for a payment ("die Nachzahlung … bitte aufs bekannte Konto überweisen"): the scam warning does not
      // say "we never ask for a payment", it says we never ask for one to a new account.
      actionPays: !english && PAYMENT_ASKED.test(incident.action ?? ''),
      actionScam: SCAM_ADVICE.test([incident.action ?? '', incident.remedy.details ?? ''].join(' ')) || (!english && SCAM_ADVICE_I18N.test(incident.action ?? '')),
      actionBank: BANK_ADVICE.test([incident.action ?? '', incident.remedy.details ?? ''].join(' ')) || (!english && BANK_ADVICE_I18N.test(incident.action ?? '')),
      // The action already tells the customer how to rebook: the letter's own rebooking line is not added.
      // "reply or ring reception to pick a priority slot": the action books the new visit, so the stock booking lines are not said too.
      actionRebooks: /\b(?:re-?book|book (?:a|an|another|your|in|online|again)\b|reschedul|rearrang|new (?:time|date|slot|appointment)|(?:pick|choose|select|arrange|find|agree) (?:a |an |your |another |the )?(?:[\p{L}-]+ )?(?:slot|time|date|appointment|visit)s?\b)/iu.test(incident.action ?? ''),
      // A late delivery that has already arrived ("arrived two hours late"): a follow-up does not ask whether it came.
      // fit11: also when the outcome says it arrived ("the cake arrived at 3:10pm on Saturday").
      delivered: (/\b(?:arrived|delivered|turned up|came|was late|were late)\b/i.test(incident.mistake) && !incident.outcome) || (english && outcomeSaysDelivered(incident.outcome)),
      // fit11: what the facts allow a line to claim (fitFacts).
      ...(english ? fitFacts(incident, signer.name, company.name) : { ...NO_FIT_FACTS, offerKind: incident.remedy.kind }),
      // The word for the customer's reference when it is no shop order ("your booking LM-0921", "your account BW-77…",
      // "your job JOB-2291"): the blind readers marked "your order" for a campsite pitch, an energy account and a repair.
      refNoun: english ? refNounOf(incident) : 'order',
      // The action opens with a condition ("if your bank charged you…"): not something everyone must do.
      // Also: none is needed ("No action needed, but check…"), it is optional, or a permission ("Keep the red"): said as typed, never announced.
      // letters8b: an offer the customer may take up ("Rather cancel? Full refund, just reply", "if you'd like a call, say so"),
      // typed as the action, is not something to do either: only a required step is announced as "one thing to do".
      // The action as a follow-up asks it again after its own "please" ("Please continue to …"): without the one the notes gave it.
      actionBare: (incident.action ?? '').replace(/^\s*please,?\s+/iu, ''),
      actionConditional: ACTION_NOT_ASKED.test(incident.action ?? '') || (english && ACTION_OFFERED.test(incident.action ?? '')),
      // The required action is more than one step ("Check… Then send…"): not "one thing".
      // When the apology went out, as a follow-up says it ("two days ago", "last week").
      wroteWhen: wroteWhen(dates.gapDays),
      // The same, as a day ("on Thursday" within the week, "on 26 November" before): "" when the gap is not known.
      wroteOn: wroteOn(o.now, dates.gapDays),
      // The offer without its timing ("the $7.95 shipping charge"), and when it is due, from the day the apology went.
      remedyWhat: remedyWhat(incident.remedy.details),
      // A credit that goes on an invoice ("on your next invoice", "applied to your December invoice"): a
      // check-in comes once that invoice is out, not on a day before it can show.
      remedyOnInvoice: onNextInvoice(incident.remedy.kind, incident.remedy.details),
      remedyDue: dates.remedyDue ? letterDate(dates.remedyDue, o.now) : '',
      // A follow-up read after the refund (or credit) was due: it says it should have arrived, and does not restart the wait.
      remedyDuePassed: dates.remedyDue !== undefined && dates.remedyDue.getTime() <= o.now.getTime(),
      // The outcome's date ("Tuesday 8 December at 9:15"), and whether a follow-up is read after it.
      outcomeDate: dates.outcome ? letterDate(dates.outcome, o.now) : '',
      // The new day said the second time, in the check-in after it: "Friday's tuning" when the check-in falls within the week after it.
      outcomeDayOwn: dates.outcome && followUpDue && followUpDue.getTime() > dates.outcome.getTime() && followUpDue.getTime() - dates.outcome.getTime() < 6 * 86_400_000 ? `${dates.outcome.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })}'s` : '',
      outcomePassed: dates.outcome !== undefined && dates.outcome.getTime() < dayOf(o.now).getTime(),
      // letters8b: the outcome's day is the day the follow-up is read: "due with you today".
      // letters8b: the outcome is a week or a range ("w/c 11 January"): a follow-up says "by" its last day, not "on".
      // letters8b: the offer says the refund was already made ("20% of the price refunded to you now"), with no day still to come.
      refundGone: english && incident.remedy.kind === 'refund' && /\brefunded\b/i.test(incident.remedy.details ?? '') && !/\b(?:will|within|by|in \d|next|once|when|after|on (?:your|the) (?:next|card))\b/i.test(incident.remedy.details ?? ''),
      // letters8b: the subject's new date is a week ("w/c 11 January"): "in the week of", not "on".
      subjectWeek: english && /\b(?:w\/c|w\.c\.|wc|week (?:commencing|beginning|starting|of))\b/i.test(given.outcome ?? ''),
      // letters8b: the outcome says it has already been delivered ("all orders delivered Wednesday 25 November"): a follow-up asks
      // whether anything is outstanding, never whether it came.
      outcomeDelivered: english && outcomeSaysDelivered(incident.outcome),
      outcomeWindow: english && /\b(?:w\/c|w\.c\.|wc|week (?:commencing|beginning|starting|of)|between)\b/i.test(incident.outcome ?? ''),
      outcomeToday: dates.outcome !== undefined && dayOf(dates.outcome).getTime() === dayOf(o.now).getTime(),
      // An action tied to a window that has closed by the follow-up ("idempotency keys are honoured for 24 hours", "today"): not repeated.
      actionStale: o.stage !== 'apology' && (staleAction(incident.action, dates.gapDays) || followUpActionStale(given.action, dates, o.now)),
      // The follow-up date moved to after what it checks (the refund's due day, the new date).
      followUpMoved: Boolean(dates.moved),
      // The mistake for a customer with one order and with several ("your orders are running late"): a
      // template picks one by `(gt (length recipient.orders) 1)`, so a batch's shapes hold the text (no value per row).
      mistakeOne: mistake.one,
      mistakeMany: mistake.many,
      // The same without the length of the delay ("running late (by two days)" → "running late"): for a
      // customer whose row gives its own new date or outcome, which the incident's span could contradict.
      mistakeOneUndated: mistake.oneUndated,
      mistakeManyUndated: mistake.manyUndated,
      // The mistake already joins two clauses ("the app was down … and you could not reach your files"): a
      // letter ends it there and owns it in a sentence of its own, not with a third ", and that was down to us".
      mistakeCompound: /\s(?:and|but|so)\s/i.test(incident.mistake) || incident.mistake.length > 90,
      // The mistake already says what it cost the reader ("…so your 7pm class didn't happen", "…when most passengers were
      // already at the terminal"): no stock line after it saying the same in general words.
      mistakeSaysCost: english && MISTAKE_SAYS_COST.test(incident.mistake),
      // blind12: the stock line on what it cost would only say the mistake again ("…instead of the ivory one you ordered.
      // You ordered one thing and opened another.", "…didn't go out on the day we said. You were counting on it arriving when we said").
      costSaid: english && (MISTAKE_SAYS_COST.test(incident.mistake) || (Object.hasOwn(COST_REPEATS, incident.scenario) && COST_REPEATS[incident.scenario]!.test(incident.mistake)) || stockCostOnly(incident)),
      // A follow-up read on the very day its apology promised it (the gap is known): only then "today, as I said I would".
      followUpToday: o.stage !== 'apology' && dates.gapDays !== undefined,
      // The commitment says "now" itself ("every bin is now scanned"): no "Since then," before it.
      commitmentNow: /\bnow\b/i.test(incident.commitment) || (english && FUTURE_TYPED.test(incident.commitment)),
      // The time after the mistake as a sentence ends it: " on 14 November" (no comma before "on"), ", last night".
      whenTail: whenSaid ? '' : whenTail(onDate(english ? isoDayWords(incident.when ?? '', o.now) || undefined : incident.when)),
      // The same before the mistake ("On Tuesday 19 November, we…"): '' when the mistake already carries that date.
      // (never before a mistake told in the future: "On Tuesday 1 December, your order will arrive two days late" says it arrives that day)
      onWhenLead: whenSaid || (english && FUTURE_MISTAKE.test(incident.mistake)) ? '' : english ? onDate(whenLead(isoDayWords(incident.when ?? '', o.now) || undefined)) : onDateOther(incident.when, lang),
      whenSaid,
      // A handful hit ("a few other patients"): a count a customer does not need.
      fewOthers: incident.affected > 1 && incident.affected <= 9,
      // The offer is a thing given ("two free guest passes"), not money back: nothing to "reach" the customer.
      remedyGift: incident.remedy.kind !== 'refund' && incident.remedy.kind !== 'replacement' && GIFT.test(incident.remedy.details ?? ''),
      formal: severe || incident.audience === 'business',
      // i18n15: a German, French or Spanish summary typed as a note ("Lieferverzug Küchenfronten", "le rdv pneus oublié")
      // is not carried into the letter: the template's own words stand in for it (text/summary-i18n.ts).
      summary: incident.summary ?? '',
      summaryPhrase: english ? incident.summary ?? '' : summaryPhrase(incident.summary, lang),
      // The summary as a subject line starts it: without its article, capitalised ("der Ausfall der Shop-Server" → "Ausfall der Shop-Server").
      summaryBare: english ? '' : summaryBare(summaryPhrase(incident.summary, lang)),
      // letters7: what the subject line names, and whether the action already says how to rearrange.
      // (from the facts as typed, not as a follow-up retells them: the follow-up's "Re:" repeats the apology's subject)
      ...(english ? subjectFacts(given.summary, given.action, given.outcome, o.now) : {}),
      // letters8b: an English business letter's subject: what, when once, and the news, in about 70 characters.
      businessSubject: english && incident.audience === 'business' ? businessSubject({ company: titleCaseName(incident.company.name), scenario: incident.scenario, summary: given.summary, when: given.when, outcome: given.outcome, remedyKind: incident.remedy.kind, event: eventOf([given.summary ?? '', given.mistake, given.outcome ?? ''].join(' ')), now: o.now, madeWork: incident.scenario === 'wrong-item' && REDONE.test([incident.outcome ?? '', incident.remedy.details ?? ''].join(' ')) && fitFacts(incident, signer.name, company.name).madeWork }) : '',
      when: incident.when ?? '',
      // The mistake names its day already ("ihr termin … am mi, 25.11."): the letter does not say the day twice.
      whenInMistake: whenSaidIn(incident.when, incident.mistake),
      // The reader's own thing ("das richtige Buch", "el libro correcto"), or the generic noun when none is typed.
      // The offer says itself that it costs nothing ("sin coste de envío", "kostenlos", "à nos frais"): the letter does not say it again.
      remedyFree: hinted('remedyFree', incident.remedy.details ?? ''),
      item: english ? undefined : itemPhrases(lang, incident.summary, incident.mistake),
      // "on Tuesday 19 November" for a date, as typed otherwise ("between 2 and 3 pm", "yesterday").
      onWhen: english ? onDate(isoDayWords(incident.when ?? '', o.now) || undefined) : onDateOther(incident.when, lang),
      // "now arriving tues 8 dec instead of fri 4 dec": an outcome with no subject says what is arriving ("Your print order is now arriving on…").
      outcome: english && incident.outcome && ARRIVING.test(incident.outcome) ? withArrivalSubject(incident) : english && incident.outcome && DELIVERY_WHEN.test(incident.outcome) ? incident.outcome.trim().replace(DELIVERY_WHEN, "we'll now deliver ") : (incident.outcome ?? ''),
      // The outcome as a letter's first line: "it is on its way" names what it is ("Your order is on its way"),
      // for one order and for several ("Your orders are on their way").
      outcomeFirst: outcomeRepeats(incident.outcome ?? '', incident.mistake) ? { one: '', many: '', oneClause: '', manyClause: '' } : outcomeFirst(incident.outcome ?? '', incident.scenario),
      // An outcome that names what the mistake names ("your welcome pack went out" / "the welcome pack … didn't go
      // out"): a severe letter says it after the mistake, not first, so the noun does not come twice in a row.
      outcomeAfter: outcomeAfter(incident.outcome ?? '', incident.mistake),
      // A follow-up read after the change's due day: "it was due by", never "it is due by" a day gone.
      commitmentDuePassed: Boolean(incident.commitmentDue) && dueDay(incident.commitmentDue!, o.now) !== undefined && dueDay(incident.commitmentDue!, o.now)!.getTime() < dayOf(o.now).getTime(),
      // The commitment is an inquiry ("we are investigating why…"): a follow-up reports findings only when it is done.
      investigating: INQUIRY.test(incident.commitment),
      // The refund waits on something the customer sends ("send your receipts to claims@…"): a follow-up asks for that first.
      remedyAfterAction: (incident.remedy.kind === 'refund' || incident.remedy.kind === 'credit') && !ACTION_NOT_ASKED.test(incident.action ?? '') && CLAIM.test(incident.action ?? ''),
      ...actionThing(incident.action || incident.remedy.details),
      // The offer is typed as a sentence of the writer's own ("we'll refund the extra night's hotel"): a follow-up quotes it, not "I promised to refund we'll…".
      remedyOwnSentence: /^\W*(?:we|I)\b/i.test(incident.remedy.details ?? ''),
      // The summary is a clause ("our crew did not arrive for your move"), not a noun phrase: not said after "about".
      summaryClause: /^\W*(?:we|I|they|it)\b/i.test(incident.summary ?? '') || /\b(?:did|didn't|was|wasn't|were|weren't|is|isn't|are|aren't|has|hasn't|had|not|went|came)\b/i.test(incident.summary ?? ''),
      // What the outcome says was sent ("your welcome pack went out…"): the follow-up asks whether it came.
      ...sentThing(incident.outcome),
      // The one question a follow-up asks about the offer: 'claim' (send receipts, then we refund), 'refund' (due, or no
      // day given), 'credit' (on the account), 'replacement', 'sent' (what the outcome says went out), or '' (the scenario's own).
      remedyAsk: remedyAsk(incident, dates, o.now),
      // The check-in was moved past the day the outcome names (a new appointment): it asks how that went.
      // (in German, French and Spanish also when the promised day already comes after it: "ob beim neuen Termin alles gepasst hat",
      // never "dass der neue Termin für Sie passt" about an appointment that is past by then).
      checkInAfterOutcome: english
        ? Boolean(dates.moved) && o.stage === 'apology'
        : followUpDue !== undefined &&
          (followUpDue !== followUpAsked ||
            datesIn(incident.outcome, o.now).some((d) => followUpDue.getTime() > d.getTime()) ||
            // "am Donnerstag", "jeudi", "el jueves" with no date: within the week, so a check-in a week or more on comes after it.
            (hinted('weekday', incident.outcome ?? '') && followUpDue.getTime() - o.now.getTime() >= 7 * 86_400_000)),
      // What the letter already says in the manager's words, so a template does not say it a second time:
      // the customer may keep what came by mistake; the offer waits on something the customer sends (a photo, a receipt);
      // costs beyond the mistake (bank fees, charges) are already offered or asked about.
      keepSaid: hinted('keepSaid', offerText),
      // The action only repeats that the customer may keep the item, which the outcome or the offer says already.
      actionRepeatsKeep: hinted('keepSaid', given.action ?? '') && hinted('keepSaid', `${given.remedy.details ?? ''} ${given.outcome ?? ''}`) && !hinted('costsClaimed', given.action ?? '') && (given.action ?? '').split(/[.;]\s/u).length === 1,
      // Bank fees are offered or asked about in the manager's words already: the template's own fee line is not added.
      feesSaid: hinted('costsAsked', offerText) || (english && FEES_TOLD.test(offerText)),
      // fit13: the offer or the action already covers what the outage cost ("we'll refund any rush fees you paid elsewhere",
      // "send us receipts for…"): the contact line does not ask again whether they lost anything while we were down.
      lossCovered: english && incident.remedy.kind !== 'none' && (LOSS_COVERED.test(offerText) || hinted('costsAsked', offerText) || hinted('costsClaimed', incident.action ?? '')),
      // The offer names the refund itself ("le remboursement du second prélèvement", "die Rückerstattung …"): not introduced by "refunded" again.
      remedyNamesRefund: !english && incident.remedy.kind === 'refund' && /^(?:(?:le|un|la|el|die|eine)\s+)?(?:rembours|rückerstattung|erstattung|reembolso|devoluci)/iu.test((incident.remedy.details ?? '').trim()),
      // The outcome tells the refund already ("…vous a été remboursé mercredi"): the offer's refund is not announced a
      // second time ("Vous recevrez le remboursement…"), only what it adds ("…et, si votre banque…, nous les prenons en charge").
      refundTold: !english && incident.remedy.kind === 'refund' && REFUND_DONE.test(incident.outcome ?? ''),
      refundRest: english ? '' : refundRest(incident.remedy.details ?? ''),
      // The refund as an object with its article ("remboursement intégral du plateau" → "le remboursement intégral du plateau").
      refundNP: english ? '' : refundNP(incident.remedy.details ?? '', lang),
      // A replacement typed as what is sent ("el libro correcto sin gastos de envío…", "un nouveau colis"): the letter sends it, not "X: X".
      remedyObject: !english && remedyObject(incident.remedy.details ?? '', lang, itemPhrases(lang, incident.summary, incident.mistake)?.noun as string | undefined),
      // A French or Spanish summary that opens with its article ("le retard de livraison", "el doble cargo"): it can follow
      // "pour"/"por"; a bare one ("erreur dans votre colis") gives way to the template's own words.
      // i18n15: a change short enough to say again: a follow-up reports it by name ("… ist umgesetzt: Ab sofort prüfen wir …"),
      // not with a line every letter of the scenario would say ("gilt ausnahmslos", "s’applique désormais à chaque fois").
      commitmentShort: !english && incident.commitment.trim().length <= 160 && !/\n/u.test(incident.commitment),
      summaryWithArticle: hinted('summaryArticle', english ? incident.summary ?? '' : summaryPhrase(incident.summary, lang)),
      remedyAsks: hinted('remedyAsks', incident.remedy.details ?? '') || (!english && hinted('remedyAsks', incident.action ?? '')),
      costsAsked: (incident.scenario === 'billing-error' && incident.remedy.kind !== 'none') || hinted('costsAsked', offerText) || (hinted('remedyAsks', incident.action ?? '') && hinted('costsClaimed', incident.action ?? '')),
      // "Keep it" when the outcome says it is collected: one instruction, the outcome's.
      action: itemTaken && ACTION_KEEP.test(incident.action ?? '') ? '' : (incident.action ?? ''),
      commitmentDue: incident.commitmentDue ?? '',
      // The commitment's due day as the letter's other dates are written ("Friday 4 December"), as typed when it is no date.
      // fit13: the commitment as typed already names its due date ("…by hand, done by Friday 11 December"): not said a second time.
      commitmentDueSaid: english && Boolean(incident.commitmentDue) && commitmentDueDate(incident.commitmentDue!, o.now) !== '' && incident.commitment.includes(commitmentDueDate(incident.commitmentDue!, o.now)),
      commitmentDueDate: english && incident.commitmentDue ? commitmentDueDate(incident.commitmentDue, o.now) : incident.commitmentDue && /^\d{4}-\d{2}-\d{2}/.test(incident.commitmentDue) ? localeLetterDate(incident.commitmentDue.slice(0, 10), tag, o.now) : (incident.commitmentDue ?? ''),
      exposure: {
        ...incident.exposure,
        ...exposureFacts(incident.exposure.data, incident.mistake, lang, tag, english && childData(incident.people, incident.mistake)),
        // What went to the wrong person, as the letter names it: 'email', 'link', 'letter' or '' (something else).
        sentThing: english ? sentThingOf(incident.mistake) : '',
        // letters8b: "18 Nov 10:05, a recipient rang to tell us" → "…at 10:05, when a recipient rang to tell us" (no comma splice).
        onDiscovered: english ? discoveredWhen(onDate(incident.exposure.discovered)) : onDateOther(incident.exposure.discovered, lang),
        // letters8b: the containment or the change already names the authority told: the regulator sentence is not said again.
        regulatorRepeats: english && regulator.complainTo !== '' && [incident.exposure.contained ?? '', incident.commitment].some((t) => t.toLowerCase().includes(regulator.complainTo.replace(/^the\s+/i, '').toLowerCase())),
        regulatorSaid: regulatorSaid(incident.exposure.regulator ?? '', lang),
        // The containment said once: not when the commitment already says it ("we turned the cache off within the hour").
        containedRepeats: repeats(incident.exposure.contained, incident.commitment),
        // What was done to contain it, as one reader is told it: without a tally of the others ("and 49 have
        // already confirmed they did"), which says nothing about this reader's case. A business letter keeps it.
        containedSaid: incident.audience === 'business' ? (incident.exposure.contained ?? '') : withoutTallies(incident.exposure.contained ?? '', incident.affected),
        // "the ICO on 19 November" → "the ICO": who the customer may complain to.
        regulatorName: english ? regulator.complainTo : '',
        // The regulator line as one sentence, the authority and the time apart ("We reported it to the ICO on Friday 20 November.").
        regulatorSentence: english ? regulator.sentence : '',
      },
      // Sent to the wrong person (a letter, an email): the reader may hold someone else's, and may be missing their own.
      misdirected: MISDIRECTED.test(text),
      // …and the letter's own line on what to do with someone else's, unless the manager's action already says it ("please delete it").
      misdirectedAdvice: MISDIRECTED.test(text) && !/(?<![\p{L}])(?:delete|destroy|shred|bin|forward|send (?:it|them) back|return (?:it|them))/iu.test(incident.action ?? ''),
      // What a follow-up says about the offer and asks about, in words that fit any typing of it (followUpWords).
      ...(followup ? followUpWords(incident) : NO_FOLLOWUP_WORDS),
    },
    company,
    signer,
    stage: o.stage,
    severe,
    today: date(o.now),
    followUpDate: followUpDue ? date(followUpDue) : '',
    voice: team || incident.audience === 'business' ? WE : I,
    we: team || incident.audience === 'business',
    locale: tag,
    lang,
  };
  // The severe letter's line on what it cost says nothing for a wrong item whose mistake already says what came
  // instead (templates/partials/heavy.hbs): the opening leaves it out, with its space.
  const facts = incidentPart.incident as Record<string, unknown>;
  facts.heavyEmpty = incident.scenario === 'wrong-item' && facts.costSaid === true && facts.occasion === '' && facts.dietary === '' && facts.madeWork !== true;

  return {
    values: names,
    computed: names.filter((n) => typeof values[n] === 'function'),
    incident: incidentPart,
    recipient(r) {
      const out: Record<string, unknown> = { ...r.fields };
      for (const name of names) {
        const v = values[name]!;
        out[name] = typeof v === 'string' ? r[v] : v(r);
      }
      return out;
    },
    message: (recipient, humour, messageId) => ({ ...incidentPart, recipient, humour, messageId }),
    reader(wanted) {
      if (wanted.length === 0) return () => {};
      // Compiled to plain property loads and calls: `out[at] = r.fields["order_id"]; out[at + 1] = r["email"]; out[at + 2] = v0(r);`.
      // A column is read as the object recipient() makes reads it: own or inherited alike
      // (an inherited member is a function, which the caller treats as "render directly").
      const fns: RecipientValue[] = [];
      const loads = wanted.map((name) => {
        if (Object.hasOwn(values, name)) {
          const v = values[name]!;
          if (typeof v === 'string') return `r[${JSON.stringify(v)}]`;
          fns.push(v);
          return `v${fns.length - 1}(r)`;
        }
        return name === '__proto__' ? 'Object.hasOwn(r.fields, "__proto__") ? r.fields["__proto__"] : undefined' : `r.fields[${JSON.stringify(name)}]`;
      });
      const params = fns.map((_, i) => `v${i}`);
      const body = loads.map((load, i) => `out[at + ${i}] = ${load};`).join(' ');
      return new Function(...params, `return (r, out, at) => { ${body} };`)(...fns) as (r: Recipient, out: unknown[], at: number) => void;
    },
  };
}

const I = Object.freeze({ I: 'I', i: 'I', Im: "I'm", im: "I'm", Ill: "I'll", ill: "I'll", Id: "I'd", id: "I'd", Ive: "I've", ive: "I've", me: 'me', my: 'my', self: 'myself' });
const WE = Object.freeze({ I: 'We', i: 'we', Im: "We're", im: "we're", Ill: "We'll", ill: "we'll", Id: "We'd", id: "we'd", Ive: "We've", ive: "we've", me: 'us', my: 'our', self: 'ourselves' });

/** Part names → a number 0–59 from the incident id, one independent hash per part. */
function variants(id: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of ['own', 'cost', 'explain', 'count', 'change', 'remedy', 'contact', 'close', 'ask']) out[part] = fnv1a(`${part}\0${id}`) % 60;
  return out;
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  name: 'your name',
  email: 'your email address',
  phone: 'your phone number',
  'postal-address': 'your postal address',
  'date-of-birth': 'your date of birth',
  password: 'your password',
  'payment-card': 'your payment card details',
  'bank-account': 'your bank account details',
  'government-id': 'your ID document number',
  health: 'health information about you',
  'order-history': 'your order history',
  location: 'location information',
};

/** What a health record is called where the incident says ("your blood test results"), else "details of your health". */
const HEALTH_THING = /\b((?:(?:blood|urine|lab(?:oratory)?|scan|x-ray|biopsy|screening|pcr|covid)\s+)?(?:test\s+)?results|prescriptions?|diagnos[ie]s|medical (?:records?|history|notes)|clinical notes|referral letters?|vaccination records?)\b/i;

/** How a letter can tell that a kind of data is already named in the mistake. */
const KIND_MENTIONED: Readonly<Record<string, RegExp>> = {
  name: /\bnames?\b/i,
  email: /\be-?mail/i,
  phone: /\b(?:phone|mobile)/i,
  'postal-address': /\b(?:postal |home )?address(?:es)?\b/i,
  'date-of-birth': /\b(?:date of birth|birth ?date|dob)\b/i,
  password: /\bpasswords?\b/i,
  'payment-card': /\bcard\b/i,
  'bank-account': /\bbank\b/i,
  health: /\b(?:health|medical|results?|prescriptions?|diagnos\w+|clinical)\b/i,
  'order-history': /\border/i,
  location: /\blocation/i,
  'government-id': /\b(?:passport|licen[cs]e|national insurance|social security|id (?:card|number))\b/i,
};

/**
 * What a data-exposure letter says about the data: the kinds as words in one list ("your name, your
 * email address and your order history"; health data by the name the incident gives it, "your blood
 * test results"), whether the mistake already names them all (then the list is not said twice), what
 * was not involved ("No passwords or payment details were involved."), and a flag per kind for the advice.
 */
/**
 * The data is the reader's child's, not the reader's: the people written to are parents or guardians, or
 * the mistake names children, pupils or students while the people are not those themselves. (SPEC names
 * the kinds of data, not whose they are; this is read from the incident's words.)
 */
export function childData(people: { one: string; many: string }, mistake: string): boolean {
  const who = `${people.one} ${people.many}`;
  if (/\b(?:parents?|guardians?|carers?|families|family)\b/i.test(who)) return true;
  if (/\b(?:child(?:ren)?|pupils?|students?|kids?|learners?)\b/i.test(who)) return false;
  return /\b(?:child(?:ren)?(?:['’]s)?|pupils?['’]?|kids?['’]?|your (?:son|daughter)(?:['’]s)?)(?![\p{L}])/iu.test(mistake);
}

/** What went to someone else, from the mistake's words: a link, an email, a letter, or '' (not said). */
export function sentThingOf(mistake: string): string {
  if (/\b(?:link|shared (?:folder|drive|document)|download)\b/i.test(mistake)) return 'link';
  if (/\be-?mail(?:ed|s|ing)?\b|\bnewsletter\b|\b(?:cc|bcc)['’]?d?\b|\binbox\b/i.test(mistake)) return 'email';
  if (/\b(?:letters?|post(?:ed)?|envelopes?|posted)\b/i.test(mistake)) return 'letter';
  return '';
}

function exposureFacts(data: readonly string[], text: string, lang = 'en', tag = 'en', child = false): Record<string, unknown> {
  const healthThing = lang === 'en' ? HEALTH_THING.exec(text)?.[1] : undefined;
  const table = KIND_WORDS_BY_LANG[lang] ?? KIND_WORDS;
  const wordFor = (d: string) => (d === 'health' && lang === 'en' ? (healthThing ? `your ${healthThing.toLowerCase()}` : 'details of your health') : (table[d] ?? ownKind(d, lang)));
  const words = data.map(wordFor).map((w) => (child ? w.replace(/^your /u, "your child's ").replace(/ about you$/u, ' about your child') : w));
  const join = (ws: string[]) => (lang !== 'en' ? localeList(ws, tag) : ws.length <= 1 ? (ws[0] ?? '') : `${ws.slice(0, -1).join(', ')} and ${ws[ws.length - 1]}`);
  // "your child's name, email address and date of birth": the possessive said once, when every item has the same one
  // (never "details of your health and address").
  const owner = /^your (?:child's )?/u.exec(words[0] ?? '')?.[0];
  const list = lang === 'en' && owner && words.every((w) => w.startsWith(owner)) ? join(words.map((w, i) => (i > 0 ? w.slice(owner.length) : w))) : join(words);
  // For a subject: "your name, date of birth and blood test results".
  const short = lang === 'en' ? join(words.map((w, i) => (i > 0 ? w.replace(/^your (?:child's )?/, '') : w))) : list;
  const has: Record<string, boolean> = {};
  for (const kind of Object.keys(KIND_WORDS)) has[kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = data.includes(kind);
  const money = has.paymentCard || has.bankAccount;
  // Identity-fraud advice only when there is enough to open an account in someone's name.
  const identity = has.governmentId || (has.dateOfBirth && (has.postalAddress || money || has.password));
  const mistake = text;
  const listCovered = data.length > 0 && data.every((d) => KIND_MENTIONED[d]?.test(mistake) ?? false);
  // Never "No passwords … were involved" when the incident's own words name a password or payment details
  // ("I sent the link + password to your gallery"): the claim would contradict the letter.
  const spared = [...(has.password || /\b(?:passwords?|passw(?:o|ö)rt\w*|kennwort\w*|mots? de passe|contraseñas?|pin)\b/iu.test(mistake) ? [] : ['passwords']), ...(money || /\b(?:card|bank|payment|iban|account number|karte|bankverbindung|carte|bancaire|tarjeta|bancari[oa])s?\b/iu.test(mistake) ? [] : ['payment details'])];
  const notInvolved = data.length > 0 && spared.length > 0 ? `No ${spared.join(' or ')} were involved.` : '';
  return {
    list,
    short,
    plural: words.length > 1 || /s$/.test(words[0] ?? ''),
    listCovered,
    notInvolved,
    has,
    money,
    identity,
    child,
    contactOnly: data.length > 0 && data.every((d) => ['name', 'email', 'phone', 'postal-address'].includes(d)),
    emailOnly: data.length > 0 && data.every((d) => d === 'name' || d === 'email') && data.includes('email'),
  };
}

/**
 * What was missed, in the incident's words: "house move" → "move", "Bella's post-op check" → "post-op check".
 * A bare "call" is a verb more often than a booking ("we didn't call you"): only "phone call", "video call"….
 */
const EVENT = /\b((?:post-?op(?:erative)?|follow-?up|annual|routine|eye|health|dental|hearing|safety|gas safety)\s+(?:check(?:-?up)?|appointment|visit|consultation|review)|check-?up|(?:phone|video|sales|discovery|onboarding|kick-?off)\s+call|class|session|lesson|visit|consultation|appointment|installation|inspection|survey|repair|meeting|tour|booking|reservation|viewing|fitting|delivery slot|treatment|move|removal|collection|(?:boiler|car|annual|gas|heating|vehicle|van|bike|cycle) service|clean|MOT|vaccination|groom|haircut|assessment|interview|test drive|handover)(?:es|s)?\b/i;

/** The word for what was missed: the first the incident uses, else "appointment". */
/** fit12: a change typed as done ("we've added a label scan", "We fixed it.", "cover list rebuilt (done)"). */
const DONE_TYPED = /^\W*(?:(?:we|I)(?:'ve|’ve| have)?\s+(?:now\s+|already\s+|since\s+)?(?:(?!need|feed|seed|bed|red|shed|speed|weed)\p{Ll}+ed|put|set|built|made|took|got|rebuilt|began|wrote|hired|brought|taught|swapped|switched|stopped)\b|(?:\p{Ll}+\s+){0,6}?(?:has|have) (?:now |already )?been\b)|\((?:done|fixed|complete[d]?|in place)\)|\b(?:already (?:done|in place|fixed|live)|(?:is|are) now in place|fixed it|sorted it)\b/iu;
/** fit12: a change typed in the future ("we will load-test…", "we're going to add…"). */
const FUTURE_TYPED = /^\W*(?:(?:we|I)(?:'ll|’ll| will| shall| are going to|'re going to| plan to| intend to)|will|going to|plan(?:ning)? to)\b/i;

/** fit12: the status the letter may claim: a change typed in the past is done; one typed in the future is never done. */
function statusOf(commitment: string, status: Incident['commitmentStatus']): Incident['commitmentStatus'] {
  if (status !== 'done' && DONE_TYPED.test(commitment) && !FUTURE_TYPED.test(commitment)) return 'done';
  if (isVaguePromise(commitment)) return status;
  // "we will load-test…" left at the default status: not in place, so never "since then" or "on our side, we will…" as done.
  if (status === 'done' && FUTURE_TYPED.test(commitment) && !/\b(?:will now|from now on|will always|'ll now|'ll always)\b/i.test(commitment)) return 'planned';
  // "we're rebuilding the cover list" left at the default status: under way, not done.
  if (status === 'done' && PROGRESSIVE_TYPED.test(commitment)) return 'in-progress';
  return status;
}
/** fit12: a change typed as work under way ("we're rebuilding…", "we are moving…"), not a practice now in force ("we're now checking…"). */
const PROGRESSIVE_TYPED = /^\W*(?:we|I)(?:'re|’re| are|'m| am)\s+(?:still\s+|currently\s+)?(?!now\b)\p{Ll}+ing\b/iu;

/** fit12: "your sofa", "your son's birthday cake", "your tea order": the customer's own thing the mistake opens with. */
function thingOf(mistake: string): { thing: string; thingShort: string; thingPlural: boolean } {
  const m = /\byour\s+((?:[\p{L}\d'’-]+\s+){0,3}?[\p{L}\d'’-]+?)(?=\s+(?:is|was|were|are|will|won't|wasn't|weren't|isn't|aren't|arrived|has|had|hasn't|haven't|didn't|did|got|went|came|left|turned|showed|still|now|running)\b)/iu.exec(mistake);
  if (!m || /^(?:card|account|money|bill|payment|details|data|information|email|address|name|password|results?|child|son|daughter)$/i.test(m[1]!)) return { thing: '', thingShort: '', thingPlural: false };
  const head = m[1]!.split(/\s+/u).pop()!;
  return { thing: `your ${m[1]!}`, thingShort: `the ${head}`, thingPlural: /s$/u.test(head) && !/(?:ss|us|is|'s|’s)$/u.test(head) };
}

/** fit12: the mistake named as a noun phrase: the summary when it is one, else from the scenario and the facts. */
function harmOf(incident: Incident, event: string): string {
  const summary = (incident.summary ?? '').trim().replace(/[.!]+$/u, '');
  if (summary !== '' && /^(?:the|this|our|your)\s/i.test(summary) && !/\b(?:did|didn't|was|wasn't|were|weren't|is|isn't|are|aren't|has|hasn't|had|not|went|came)\b/i.test(summary) && summary.length <= 50) return summary[0]!.toLowerCase() + summary.slice(1);
  const { thing } = thingOf(incident.mistake);
  switch (incident.scenario) {
    case 'shipping-delay': return thing && thing.split(/\s+/u).length <= 3 ? `the delay to ${thing}` : 'the delay';
    case 'wrong-item': return MADE_WORK.test(incident.mistake) ? 'our mistake with your order' : 'the mix-up';
    case 'billing-error': return 'the billing mistake';
    case 'missed-appointment': return WASTE.test(incident.mistake) ? 'the missed collection' : `what happened with your ${event}`;
    case 'service-outage': return 'the outage';
    case 'data-exposure': return 'what happened to your information';
    default: return 'this';
  }
}

function eventOf(text: string): string {
  const m = EVENT.exec(text);
  // fit11: a bin round missed ("recycling on the Thursday round wasn't collected") is a collection, not an appointment.
  if (!m) return WASTE.test(text) ? 'collection' : 'appointment';
  const w = m[1]!;
  return w === 'MOT' ? w : w.toLowerCase().replace(/^post-?operative\b/, 'post-op').replace(/^checkup$/, 'check-up');
}

/** A past-tense outcome ("we moved you on Wednesday with two crews", "the technician came back and fixed it"). */
const DONE_OUTCOME = /^\W*(?:(?:we|I|they|our [\w-]+(?: [\w-]+)?|the [\w-]+(?: [\w-]+)?|it|you|everything)\s+(?:(?:already|then|finally|later)\s+)?(?:\w+ed|did|made|took|went|came|gave|sent|brought|ran|got|put|met|saw|rebuilt|built|paid|held|fit|set|dealt|was|were|had)\b)/i;
/** Words that make a past-looking outcome an offer still to come ("we booked you in for Tuesday"). */
const STILL_TO_COME = /\b(?:will|'ll|shall|going to|for (?:next|this coming)|has been booked|have booked|booked (?:you )?(?:in )?for|held|reserved|scheduled|is on|are on|awaits?)\b/i;

/** The outcome has already happened (its date is gone, or it is told in the past tense with no day to come). */
export function outcomeDone(outcome: string, outcomeDay: Date | undefined, now: Date): boolean {
  if (!outcome.trim()) return false;
  if (outcomeDay) return outcomeDay.getTime() < dayOf(now).getTime();
  return DONE_OUTCOME.test(outcome) && !STILL_TO_COME.test(outcome);
}

/** The offer asks the customer for something ("just send us the receipts", "fill in the form", "reply with…"). */
const NEEDS_YOU = /\b(?:send (?:us|in|over)?|receipts?|fill (?:in|out)|form\b|reply|let us know|tell us|get in touch|contact us|claim|upload|post (?:it|them|back)|return (?:it|them|the)|bring|show us|forward)/i;


/** "human error. our night shift put…" → "our night shift put…": a category typed before the cause itself goes. */
function causeOf(text: string): string {
  const m = /^([^.!?;:]{1,40})[.!?;:]\s+(\S.*)$/su.exec(text.trim());
  if (m && isVagueCause(m[1]!) && !isVagueCause(m[2]!)) return m[2]!;
  // "staffing (2 drivers off sick, we didn't get cover in time)": a category, then what happened in brackets: what happened.
  const b = /^([^()]{1,40}?)\s*\(([^()]{8,})\)\s*[.!]?$/su.exec(text.trim());
  return b && isVagueCause(b[1]!) && !isVagueCause(b[2]!) ? b[2]! : text;
}

const NUMBER_WORDS = ['', 'a', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** When the apology went, seen from its follow-up, `days` before: 2 → "two days ago", 7 → "last week". */
function wroteWhen(days: number | undefined): string {
  if (days === undefined) return 'recently';
  if (days < 1) return 'earlier today';
  if (days < 2) return 'yesterday';
  if (days < 7) return `${NUMBER_WORDS[Math.round(days)]} days ago`;
  if (days < 14) return 'last week';
  if (days <= 70) return `${NUMBER_WORDS[Math.round(days / 7)]} weeks ago`;
  return 'recently';
}

/** The kinds of data in the other built-in languages, as a letter lists them. */
const KIND_WORDS_BY_LANG: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: {
    name: 'Ihr Name', email: 'Ihre E-Mail-Adresse', phone: 'Ihre Telefonnummer', 'postal-address': 'Ihre Postanschrift',
    'date-of-birth': 'Ihr Geburtsdatum', password: 'Ihr Passwort', 'payment-card': 'die Daten Ihrer Zahlungskarte',
    'bank-account': 'Ihre Bankverbindung', 'government-id': 'die Nummer Ihres Ausweisdokuments', health: 'Angaben zu Ihrer Gesundheit',
    'order-history': 'Ihre Bestellhistorie', location: 'Standortdaten',
  },
  fr: {
    name: 'votre nom', email: 'votre adresse e-mail', phone: 'votre numéro de téléphone', 'postal-address': 'votre adresse postale',
    'date-of-birth': 'votre date de naissance', password: 'votre mot de passe', 'payment-card': 'les données de votre carte de paiement',
    'bank-account': 'vos coordonnées bancaires', 'government-id': 'le numéro de votre pièce d’identité', health: 'des informations sur votre santé',
    'order-history': 'l’historique de vos commandes', location: 'des données de localisation',
  },
  es: {
    name: 'su nombre', email: 'su dirección de correo electrónico', phone: 'su número de teléfono', 'postal-address': 'su dirección postal',
    'date-of-birth': 'su fecha de nacimiento', password: 'su contraseña', 'payment-card': 'los datos de su tarjeta de pago',
    'bank-account': 'sus datos bancarios', 'government-id': 'el número de su documento de identidad', health: 'información sobre su salud',
    'order-history': 'su historial de pedidos', location: 'datos de ubicación',
  },
};

/** Health, grief and once-in-a-lifetime days in German, French and Spanish (word starts, any ending). */
const SENSITIVE_OTHER = /(?<![\p{L}])(?:patient|gesundheit|befund|ärzt|arzt|praxis|klinik|krankenhaus|zahnarzt|beerdigung|trauer|hochzeit|taufe|santé|médic|clinique|hôpita|résultat|ordonnance|obsèques|funéraill|deuil|mariage|baptême|dentist|paciente|salud|médic|clínica|hospital|resultado|receta|funeral|duelo|boda|bautizo|dental)/iu;


/** The day of `when` is in `text` already: its first number ("25" of "Mi, 25.11."), or the whole of it when it has none ("gestern"). */
function whenSaidIn(when: string | undefined, text: string): boolean {
  const w = (when ?? '').trim();
  if (!w) return true;
  const day = /\d{1,2}/u.exec(w)?.[0];
  if (day) return new RegExp(`(?<!\\d)${day}(?!\\d)`, 'u').test(text);
  return text.toLowerCase().includes(w.toLowerCase());
}

/** "mercredi 25 nov" → "le mercredi 25 nov", "martes 24 de nov." → "el martes…", "Mi, 25.11." → "am Mi, 25.11."; other times as typed. */
function onDateOther(text: string | undefined, lang: string): string {
  // The sentence ends after it: an abbreviation's full stop ("de nov.") ends it once.
  const t = (text ?? '').trim().replace(/\.$/u, '');
  if (!t) return '';
  if (!/^(?:\d|lun|mar|mer|jeu|ven|sam|dim|mié|mie|jue|vie|sáb|sab|dom|mo|di|mi|do|fr|sa|so)/iu.test(t) || /^(?:dans|durant|pendant|depuis|desde|durante|während|seit|diese|cette|este|esta)\b/iu.test(t)) return t;
  // i18n14: two days typed as a range ("lunes 23 de noviembre – martes 24 de noviembre"): from one to the other, the month once.
  const range = /^(.+?)\s+[–-]\s+(.+)$/u.exec(t);
  if (range && /\p{L}/u.test(range[1]!) && /^(?:\d|lun|mar|mer|jeu|ven|sam|dim|mié|jue|vie|sáb|dom|Mo|Di|Mi|Do|Fr|Sa|So)/u.test(range[2]!) && !/\d:\d/u.test(t)) {
    const month = / (?:de )?\p{L}+$/u.exec(range[2]!)?.[0];
    const first = month && range[1]!.endsWith(month) && !/\d{4}/u.test(range[1]!) ? range[1]!.slice(0, -month.length).replace(/,$/u, '') : range[1]!;
    const german = (x: string) => x.replace(/,\s*$/u, '');
    return lang === 'fr' ? `du ${first} au ${range[2]}` : lang === 'es' ? `del ${first} al ${range[2]}` : `von ${german(first)}${month && first !== range[1] ? '' : ''} bis ${range[2]}`;
  }
  return (lang === 'fr' ? 'le ' : lang === 'es' ? 'el ' : 'am ') + t;
}

/** A refund said as done in German, French or Spanish. */
const REFUND_DONE = /(?<![\p{L}])(?:rembours\p{L}*|erstattet|zurückerstattet|zurücküberwiesen|zurückgebucht|reembols\p{L}*|devuelto|devolvimos|hemos devuelto)(?![\p{L}])/iu;
/** The offer after its refund: "le remboursement intégral des 145 € et, si votre banque…" → "si votre banque…". */
function refundRest(details: string): string {
  const m = /^\s*(?:(?:le|un|la|el|die|eine)\s+)?(?:rembours\p{L}*|rückerstattung|erstattung|reembolso|devoluci\p{L}*)[^,;.]*?(?:\s(?:et|und|y)(?:\s*,\s*|\s+)|\s*[,;]\s*(?:(?:et|und|y|plus|dazu|además)\s+)?)(?=\S)/iu.exec(details);
  return m ? details.slice(m[0].length).trim() : '';
}
/** The refund named in the offer, with the article a sentence needs before it. */
function refundNP(details: string, lang: string): string {
  const t = details.trim().replace(/[.;\s]+$/u, '');
  if (/^(?:le|la|l[’']|un|une|el|die|eine|ihre|votre|su)\s?/iu.test(t) && !/^(?:rembours|rückerst|erstatt|reembols|devoluc)/iu.test(t)) return t;
  if (/^(?:rembours)/iu.test(t)) return `le ${t[0]!.toLowerCase()}${t.slice(1)}`;
  if (/^(?:reembols)/iu.test(t)) return `el ${t[0]!.toLowerCase()}${t.slice(1)}`;
  if (/^(?:devoluc)/iu.test(t)) return `la ${t[0]!.toLowerCase()}${t.slice(1)}`;
  if (/^(?:rückerst|erstatt)/iu.test(t)) return `die ${t[0]!.toUpperCase()}${t.slice(1)}`;
  return lang === 'de' ? t : t;
}

/** An offer that opens with an article: a thing the letter can send as typed ("el libro correcto…", "den richtigen Artikel…"). */
const REMEDY_OBJECT: Readonly<Record<string, RegExp>> = {
  es: /^(?:el|la|los|las|un|una|unos|unas|otro|otra|su|sus)\s/iu,
  fr: /^(?:le|la|les|l[’']|un|une|des|votre|vos|un nouvel|une nouvelle)\s?/iu,
  de: /^(?:den|einen|die|das|eine|ein|ihre|ihren|ihr)\s/iu,
};

/** The offer names the reader's own thing with its article ("el libro correcto sin gastos de envío"), so the letter sends it as typed. */
function remedyObject(details: string, lang: string, noun: string | undefined): boolean {
  const t = details.trim();
  if (!noun || !REMEDY_OBJECT[lang]?.test(t)) return false;
  return t.split(/\s+/u).slice(0, 4).some((w) => w.toLowerCase() === noun.toLowerCase());
}

/** A German, French or Spanish summary without its leading article, capitalised, for a subject line. */
export function summaryBare(summary: string): string {
  const typed = summary.trim();
  const t = germanStrong(typed, typed.trim().replace(/[.!;:\s]+$/u, '').replace(/^(?:der|die|das|den|le|la|les|l[’']|el|los|las)\s*(?=\p{L})/iu, (a) => (/[’']$/u.test(a) || /\s$/u.test(a) ? '' : a)));
  return t === '' ? '' : t[0]!.toUpperCase() + t.slice(1);
}

/**
 * A German summary without its article takes the strong endings ("die falsch gefertigten Gläser" → "falsch gefertigte
 * Gläser", "der doppelt vergebene Termin" → "doppelt vergebener Termin", "das falsche Paket" → "falsches Paket"):
 * the adjectives between the article and the first noun; an adverb ("falsch", "doppelt") keeps its form.
 */
function germanStrong(typed: string, bare: string): string {
  // The words between the article and the noun: adverbs and adjectives (an adverb the capitals took for a noun is an adverb).
  const m = /^(der|die|das|den)\s+((?:[\p{L}-]+\s+){1,3})(\p{Lu}[\p{L}-]*)$/u.exec(typed.replace(/[.!;:\s]+$/u, ''));
  if (!m || !bare.startsWith(m[2]!)) return bare;
  const art = m[1]!;
  const middle = m[2]!.trim().split(/\s+/u);
  if (!middle.every((w, i) => /^\p{Ll}/u.test(w) || (i < middle.length - 1 && ADVERB_DE.test(w)))) return bare;
  const words = middle.map((w) => {
    if (ADVERB_DE.test(w)) return w.toLowerCase();
    if (art === 'die' && /en$/u.test(w)) return w.slice(0, -1);
    if (art === 'der' && /[^e]e$/u.test(w)) return `${w}r`;
    if (art === 'das' && /[^e]e$/u.test(w)) return `${w}s`;
    if (art === 'den' && /[^e]en$/u.test(w)) return `${w.slice(0, -1)}r`;
    return w;
  });
  return `${words.join(' ')} ${m[3]}`;
}
const ADVERB_DE = /^(?:falsch|doppelt|zu|spät|nicht|teilweise|fehlerhaft|versehentlich|kurzfristig|mehrfach|zweimal|irrtümlich)$/iu;

/** A kind of data typed in the manager's words, as the reader's own in a list ("bulletins de salaire" → "vos bulletins de salaire"). */
function ownKind(d: string, lang: string): string {
  const t = d.trim();
  // i18n14: "nombre y especie de la mascota", "nom et espèce de l’animal": the reader's pet, each noun its article
  // ("el nombre y la especie de su mascota", "le nom et l’espèce de votre animal").
  const ofTheir = lang === 'es' ? /^(\p{Ll}+)(?:\s+y\s+(\p{Ll}+))?\s+(?:de la|del|de los|de las)\s+(\p{Ll}+)$/u.exec(t) : lang === 'fr' ? /^(\p{Ll}+)(?:\s+et\s+(\p{Ll}+))?\s+(?:de la |du |des |de l[’'])(\p{Ll}+)$/u.exec(t) : null;
  if (ofTheir) {
    const es = lang === 'es';
    const art = (n: string) => (es ? (/s$/u.test(n) ? (/as$/u.test(n) ? 'las' : 'los') : /(?:a|ión|dad|ie|umbre|tud)$/u.test(n) ? 'la' : 'el') + ' '
      : /s$/u.test(n) ? 'les ' : /^[aeiouéèêh]/u.test(n) ? 'l’' : /(?:ion|té|ure|ce|èce|ie|ue|ée)$/u.test(n) ? 'la ' : 'le ');
    const owner = es ? (/s$/u.test(ofTheir[3]!) ? 'sus' : 'su') : /s$/u.test(ofTheir[3]!) ? 'vos' : 'votre';
    const things = [ofTheir[1]!, ofTheir[2]].filter((x): x is string => x !== undefined).map((n) => `${art(n)}${n}`).join(es ? ' y ' : ' et ');
    return `${things} de ${owner} ${ofTheir[3]}`;
  }
  if (lang === 'fr' && !/^(?:le|la|les|l[’']|votre|vos|un|une|des|du|de|d[’']|son|sa|ses|leur|leurs|ce|ces|cette)(?![\p{L}])/iu.test(t)) return `${/[sx](?:\s|$)/u.test(t.split(/\s+(?:de|d[’']|du|des)\s*/u)[0]!) ? 'vos' : 'votre'} ${t}`;
  if (lang === 'es' && !/^(?:el|la|los|las|su|sus|un|una|unos|unas|este|esta|estos|estas)(?![\p{L}])/iu.test(t)) return `${/s(?:\s|$)/u.test(t.split(/\s+(?:de|del)\s+/u)[0]!) ? 'sus' : 'su'} ${t}`;
  if (lang === 'de' && !/^(?:der|die|das|den|dem|des|ein\p{L}*|ihr\p{L}*|kein\p{L}*)(?![\p{L}])/iu.test(t)) {
    // i18n13: a kind typed as one lower-case noun ("nachzahlungsbetrag") with its capital and the reader's article ("Ihr Nachzahlungsbetrag").
    const n = /^\p{Ll}[\p{L}-]+$/u.test(t) ? textI18n().germanNoun(t) : undefined;
    if (n) return `${n.plural || n.gender === 'f' ? 'Ihre' : 'Ihr'} ${t[0]!.toUpperCase()}${t.slice(1)}`;
    if (/(?:ungen|en)$/u.test(t)) return `Ihre ${t}`;
  }
  return t;
}

/** French authorities and the article they are said with ("à la CNIL", "à l’ANSSI"); one not listed is left as typed. */
const AUTHORITY_ARTICLE_FR: Readonly<Record<string, string>> = { CNIL: 'la ', DGCCRF: 'la ', ANSSI: 'l’', ARS: 'l’', ACPR: 'l’', AMF: 'l’', ARCEP: 'l’', HAS: 'la ', DGFIP: 'la ', CPAM: 'la ' };

/** The regulator line as a sentence in the active voice: "la CNIL a été notifiée jeudi" → "nous avons notifié l’incident à la CNIL jeudi". */
function regulatorSaid(text: string, lang: string): string {
  const t = text.trim();
  if (!t) return '';
  if (lang === 'fr') {
    const m = /^(la |le |l['’]|les )?(.+?) (?:(?:a|ont) été )?(?:notifiée?s?|informée?s?|prévenue?s?|saisie?s?)\b(.*)$/iu.exec(t);
    if (m) {
      const art = (m[1] ?? '').toLowerCase();
      const own = art === '' ? AUTHORITY_ARTICLE_FR[/^\p{Lu}{2,}/u.exec(m[2]!)?.[0] ?? ''] : undefined;
      const to = own !== undefined ? `à ${own}` : art === 'le ' ? 'au ' : art === 'les ' ? 'aux ' : `à ${art}`;
      return `nous avons notifié l’incident ${to}${m[2]}${m[3]}`;
    }
    // Typed as a note: "notification à la CNIL le jeudi 26 novembre", "déclaration auprès de la CNIL jeudi".
    const n = /^(?:notification|déclaration|signalement|notifié|déclaré|signalé)\s+(?:auprès\s+(?:de\s+|du\s+|des\s+|d[’']))?(à |au |aux |la |le |l[’']|les )?(.+)$/iu.exec(t);
    if (n) {
      const art = (n[1] ?? '').toLowerCase();
      // An authority typed without its article ("notification CNIL") takes the one it is always said with ("à la CNIL").
      const own = art === '' ? AUTHORITY_ARTICLE_FR[/^\p{Lu}{2,}/u.exec(n[2]!)?.[0] ?? ''] : undefined;
      const to = own !== undefined ? `à ${own}` : art === 'le ' || art === 'au ' ? 'au ' : art === 'les ' || art === 'aux ' ? 'aux ' : art === 'à ' ? 'à ' : `à ${art}`;
      return `nous avons notifié l’incident ${to}${n[2]}`;
    }
    return hasVerb(t, lang) ? t : `nous avons notifié l’incident à l’autorité de contrôle : ${t}`;
  }
  if (hasVerb(t, lang) || /^(?:lo |la |le |wir |nous )/iu.test(t)) return t;
  // Typed as a note: "notificación a la AEPD el jueves 26", "Meldung an den LfDI am 26. November".
  if (lang === 'es') {
    const n = /^(?:notificaci[oó]n|comunicaci[oó]n|aviso|notificad[oa]|comunicad[oa]|avisad[oa])\s+((?:a|al|ante)\s+.+)$/iu.exec(t);
    if (n) return `hemos notificado el incidente ${n[1]!.replace(/^ante\s+/iu, 'a ')}`;
  }
  if (lang === 'de') {
    const n = /^(?:meldung|mitteilung|benachrichtigung|gemeldet)\s+(an\s+.+?)(?:,?\s+((?:am|vom|bis|heute|gestern)(?![\p{L}]).*))?$/iu.exec(t);
    // i18n14: an authority typed without its article ("an berliner datenschutzbeauftragte") takes it, a city's adjective its capital.
    const to = n?.[1]?.replace(/^an\s+(?!(?:die|den|das|der|dem|unsere|unseren|ihre|ihren)\s)((?:\p{L}+(?:er|ische|ischen)\s+)?)((?:Landes)?[Dd]atenschutzbeauftragten?|[Aa]ufsichtsbehörde|[Dd]atenschutzbehörde|[Bb]ehörde)(?![\p{L}])/u, (_m, city: string, who: string) =>
      // "-beauftragte" after "an" is a woman, "-beauftragten" a man: the article follows what was typed.
      `an ${/ten$/u.test(who) ? 'den' : 'die'} ${city ? city[0]!.toUpperCase() + city.slice(1) : ''}${who[0]!.toUpperCase()}${who.slice(1)}`);
    if (n) return `wir haben den Vorfall ${n[2] ? `${n[2].replace(/^vom/iu, 'am')} ` : ''}${to} gemeldet`;
  }
  return lang === 'es' ? `hemos notificado el incidente a la autoridad de control: ${t}` : `wir haben den Vorfall der Aufsichtsbehörde gemeldet: ${t}`;
}

/** A finite verb in a German, French or Spanish cause: it is a sentence of its own. */
const FINITE_VERB: Record<string, RegExp> = {
  de: /(?<![\p{L}])(?:geht|gehen|ist|war|wurde|wurden|wird|hat|hatte|haben|hatten|sind|waren|kam|kamen|lief|liefen|fiel|fehlte|fehlten|ging|gab|konnte|entfällt|entfallen|gilt|gelten|bleibt|bleiben|bekommen|erhalten|erstatten|werden|lag|lagen|berechnen|erfolgt|erfolgen|gibt|schicken|senden|übernehmen)(?![\p{L}])/iu,
  fr: /(?<![\p{L}])(?:est|était|étaient|a|ont|avait|avaient|sont|fut|s’est|s'est|se sont|n’a|n'a|sera|seront|rembourse|remboursons|offre|offrons|reste|restent|envoyons|mettons|avons|prenons)(?![\p{L}])|\p{L}{2,}(?:ait|aient)(?![\p{L}])/iu,
  es: /(?<![\p{L}])(?:es|fue|fueron|era|eran|ha|han|había|habían|está|estaba|estaban|hubo|falló|fallaron|dejó|dejaron|será|serán|devolvemos|regalamos|enviamos|reembolsamos|abonamos|llegará|recibirá|retuvo|se|queda|quedan|quedará|quedarán|está|están)(?![\p{L}])|\p{L}{2,}(?:aba|aban|ió|aron|ieron)(?![\p{L}])|(?<![\p{L}])no\s+(?:le\s+|se\s+|lo\s+|la\s+)?\p{L}{3,}(?:remos|rá|rán)(?![\p{L}])/iu,
};
/** A payment the reader is asked to make, in German, French or Spanish. */
const PAYMENT_ASKED = /(?<![\p{L}])(?:überweis\p{L}*|(?:be)?zahlen|nachzahlung\p{L}*|zahlung\p{L}*|fällig|begleichen|payer|payez|régler|réglez|virement|versement|solde|échéance|pagar|pague|abonar|abone|transferencia|ingres(?:o|ar|e)|importe pendiente|vencimiento)(?![\p{L}])/iu;

/** Spanish words in -amos/-emos/-imos that are no verb ("próximos", "mismos"). */
const ES_NOT_WE = /^(?:próximos|últimos|mismos|mínimos|máximos|primos|ramos|legítimos|íntimos|óptimos|décimos|centímetros|kilómetros|gramos|kilogramos|programos|términos)$/iu;
/**
 * An offer that opens with what we do, in the first person plural ("pasamos su plan a …", "pagamos nosotros las
 * comisiones", "nous vous offrons …", "wir überweisen …"): the clause with a small first letter, to follow a frame's
 * comma ("Para compensarle, pasamos …"); '' for a thing given ("un 10 % en su próxima compra"). German keeps its
 * capital: "Wir …" stands as a sentence of its own (a frame before it would need the verb first).
 */
export function remedyLead(text: string, lang: string): string {
  const t = text.trim().replace(/[\s.]+$/u, '');
  if (t === '') return '';
  const first = /^[\p{L}’']+/u.exec(t)?.[0] ?? '';
  const small = t[0]!.toLowerCase() + t.slice(1);
  if (lang === 'es') {
    const verb = /^(?:le\s+|les\s+|se\s+lo\s+|se\s+la\s+)?(\p{L}+(?:amos|emos|imos))(?![\p{L}])/iu.exec(t);
    if (verb && !ES_NOT_WE.test(verb[1]!)) return small;
    if (/^nosotros\s/iu.test(t)) return small;
    return '';
  }
  if (lang === 'fr') return /^(?:nous|je|j’)$/iu.test(first) || /^j’/iu.test(t) ? (/^j’|^je /iu.test(t) ? '' : small) : '';
  if (lang === 'de') return /^(?:wir|ich)$/iu.test(first) || /(?<![\p{L}])\p{Ll}+en\s+wir(?![\p{L}])/u.test(t) ? t : '';
  return '';
}

/** A cause or offer that reads as a sentence of its own: a verb, or too long to be a label. */
const hasVerb = (text: string, lang: string): boolean => FINITE_VERB[lang]?.test(text) ?? true;

/** A cause that opens with a keyword and a comma ("softwareupdate im abrechnungssystem, der lastschriftlauf …"): no sentence to promise an account with. */
function leadFragment(text: string, lang: string): boolean {
  const i = text.indexOf(',');
  if (i < 0) return false;
  const head = text.slice(0, i).trim();
  return head !== '' && head.split(/\s+/u).length <= 4 && !hasVerb(head, lang);
}

/** The occasion in a German, French or Spanish incident's own words (the English ones are in humour.ts). */
function occasionOther(t: string): string {
  if (/(?<![\p{L}])(?:beerdigung|trauer|kondolenz|grabkranz|obsèques|funéraill|deuil|condoléance|couronne mortuaire|funeral|duelo|velatorio|entierro|condolencia|corona fúnebre)/iu.test(t)) return 'grief';
  if (/(?<![\p{L}])(?:hochzeit|mariage|noces|boda|casamiento)/iu.test(t)) return 'wedding';
  if (/(?<![\p{L}])(?:geburtstag|taufe|jubiläum|konfirmation|kommunion|anniversaire|baptême|communion|cumpleaños|bautizo|aniversario|comunión|quinceañera)/iu.test(t)) return 'celebration';
  if (/(?<![\p{L}])(?:patient|gesundheit|befund|zahnarzt|arztpraxis|klinik|santé|médic|clinique|hôpital|ordonnance|dentist|paciente|salud|clínica|hospital|receta|dental)/iu.test(t)) return 'health';
  return '';
}

/** Food made for the customer or a service (a cake, a wedding menu): nothing to keep, pass on or collect. */
/** An invoice named in the incident's text (German, French, Spanish). */
const INVOICE_NAMED = /(?:rechnung(?!s?lauf)|(?<![\p{L}])factures?(?![\p{L}])|(?<![\p{L}])facturas?(?![\p{L}]))/iu;

/** The customer came to us and was not seen: the appointment given twice, the door closed, sent home (German, French, Spanish). */
const CUSTOMER_CAME = /(?<![\p{L}])(?:doppelt\s+(?:vergeben|gebucht|belegt|reserviert)|überbucht|doppelbuchung|geschlossen|vor verschlossener tür|(?:umsonst|vergeblich)\s+(?:gekommen|angereist|vorbeigekommen|da)|unverrichteter dinge|(?:wieder\s+)?(?:heim|nach hause)\s*(?:fahren|gefahren|gehen|gegangen|geschickt)|abgewiesen|weggeschickt|double réservation|réservée? deux fois|en double|surbooking|surréservation|fermée?(?![\p{L}])|porte (?:close|fermée)|(?:venue?s?|déplacée?s?)\s+pour rien|renvoyée?s?|refoulée?s?|doble reserva|reservad[oa]s? dos veces|duplicad[oa]s?|overbooking|sobreventa|cerrad[oa](?![\p{L}])|(?:vino|vinieron|se desplazó|se desplazaron)\s+para nada|(?:tuvo|tuvieron) que (?:irse|volver|marcharse)|sin ser atendid[oa]s?|no (?:le |les )?pudimos atender)/iu;

/**
 * Made for this customer or a service done on their thing (a cake, glasses, a tailored suit, a repair): nothing was packed
 * and sent, so the letter does not say "we packed the item / keep it or give it away" (German, French, Spanish letters).
 */
const MADE_TO_ORDER = /(?:gläser|brille|kontaktlinse|hörgerät|maßanfertig|maßgeschneidert|(?<![\p{L}])(?:nach maß|angefertigt|gefertigt|anfertigung|reparatur|repariert|änderungsschneider|lunettes|verres (?:correcteurs|progressifs|de lunettes)|lentilles|sur[- ]mesure|retouche|réparation|réparé|confectionné|gafas|lentes|lentillas|cristales graduados|a medida|arreglo|reparación|reparad[oa]|confeccionad[oa]|audífono))|(?<![\p{L}])(?:torte|kuchen|gebäck|bäckerei|konditor|menü|buffet|catering|essen|speisen|gericht|gâteau|pâtiss|boulang|traiteur|repas|menu|plats?(?![\p{L}])|dîner|déjeuner|tarta|pastel|panader|comida|menú|cena|banquete|platos?(?![\p{L}]))|(?<![\p{L}])(?:gedruckt\p{L}*|druckerei|einladungskarte\p{L}*|visitenkarte\p{L}*|hochzeitskarte\p{L}*|imprimé\p{L}*|imprimerie|faire-part|impres[oa]s?|imprenta|invitaciones|tarjetas de visita|personalisiert\p{L}*|personnalisé\p{L}*|personalizad[oa]s?)(?![\p{L}])/iu;

/** Nothing went out to the customer: stopped before dispatch ("vor dem Versand bemerkt", "pas encore expédié", "no se llegó a enviar"). */
const NOT_SENT = /(?<![\p{L}])(?:nicht (?:verschickt|versandt|versendet|geliefert|rausgegangen|zugestellt)|noch nicht (?:raus|unterwegs|verschickt|versandt)|vor dem versand|vor der auslieferung|pas (?:encore )?(?:été )?(?:envoyée?s?|expédiée?s?|livrée?s?|parti(?:e|s|es)?)|avant (?:l[’']envoi|l[’']expédition|expédition|la livraison)|no (?:se )?(?:llegó a |ha )?(?:enviar|envió|enviado|salió|salido|entregó|entregado)|antes de(?:l)? (?:enviar|envío|salir)|sin enviar|todavía no (?:ha )?salido|aún no (?:ha )?salido)(?![\p{L}])/iu;
/** The right item sent after a wrong one, in German, French or Spanish words. */
const RIGHT_SENT = /(?<![\p{L}])(?:unterwegs|verschickt|schicken|senden|geschickt|austausch\p{L}*|umtausch\p{L}*|ersatz\p{L}*|neu\p{L}* (?:geliefert|verschickt)|envoy\p{L}*|expédi\p{L}*|reparti\p{L}*|en route|remplacement|échange\p{L}*|enviad\p{L}*|enviamos|enviaremos|envío|salió|sale (?:hoy|mañana)|en camino|cambio|sustitu\p{L}*|reposición)(?![\p{L}])/iu;
/** Goods that went out to the customer, named in German, French or Spanish. */
const GOODS_SENT = /(?<![\p{L}])(?:paket\p{L}*|lieferung\p{L}*|geliefert|versand\p{L}*|verschickt|geschickt|sendung|colis|livr\p{L}*|envoy\p{L}*|expédi\p{L}*|paquete\p{L}*|envío\p{L}*|enviad\p{L}*|entreg\p{L}*)(?![\p{L}])/iu;
/** A service, not goods: a session, an appointment, a bill (a wrong one sends nothing to keep). */
const SERVICE_NOT_GOODS = /(?<![\p{L}])(?:sitzung\p{L}*|termin\p{L}*|beratung\p{L}*|behandlung\p{L}*|kurs\p{L}*|haarschnitt|übersetzung\p{L}*|rechnung\p{L}*|abrechnung\p{L}*|abgerechnet|buchung\p{L}*|gebucht|séance\p{L}*|rendez-vous|rdv|consultation\p{L}*|coupe|cours|traduction\p{L}*|facture\p{L}*|facturé\p{L}*|réservation\p{L}*|réservé\p{L}*|sesión|sesiones|cita\p{L}*|consulta\p{L}*|clase\p{L}*|corte|traducción|factura\p{L}*|facturó|facturad\p{L}*|reserva\p{L}*)(?![\p{L}])/iu;
/** What becomes of a wrong item, in German, French or Spanish: collected, sent back, exchanged, or no need to return it. */
const ITEM_SETTLED_I18N = /(?<![\p{L}])(?:abhol\p{L}*|holen\s[^.;]{0,40}\sab|mitnehm\p{L}*|nehmen\s[^.;]{0,40}\smit|zurückschick\p{L}*|zurücksend\p{L}*|schicken\s[^.;]{0,40}\szurück|rücksendung\p{L}*|retoure\p{L}*|austausch\p{L}*|umtausch\p{L}*|reprendre|reprenons|reprendrons|récupér\p{L}*|renvoy\p{L}*|renvoi|retour|retourn\p{L}*|échange\p{L}*|enlèvement|recog\p{L}*|recojamos|devolver|devuelva|devolución del (?:artículo|producto|pedido|ramo|paquete)|cambio del|cambiar(?:le|los|las|lo|la)?|no hace falta devolver\p{L}*|no es necesario devolver\p{L}*)(?![\p{L}])/iu;

const DATE_START = /^(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;

/** A time as said after a verb: "on 3 July", "on Tuesday at 10:40"; anything else as typed ("last night"). */
function onDate(text: string | undefined): string {
  const t = (text ?? '').trim().replace(/[.;,]+$/, '');
  if (t === '') return '';
  return DATE_START.test(t) ? `on ${t}` : t.replace(/^(On|At|In|Between|During|Last|Yesterday|Earlier|This|Overnight)\b/, (w) => w.toLowerCase());
}

interface LetterDates {
  /** Days between the apology and its follow-up. */
  gapDays?: number;
  /** The day the apology went, seen from its follow-up: only when it is known (the follow-up is read the day it promised). */
  sent?: Date;
  /** A follow-up read on the day its apology promised it (even when which day the apology went is not known). */
  today?: boolean;
  /** The day the apology promises the follow-up (apology stage). */
  followUp?: Date;
  /** The follow-up was moved to after what it checks. */
  moved?: boolean;
  /** When the refund or credit is due (a window in remedy.details, counted from the apology). */
  remedyDue?: Date;
  /** The date the outcome names. */
  outcome?: Date;
}

/** The day the incident happened, as its `when` (else its mistake) names it, when that is not after `now`. */
export function incidentDay(incident: Pick<Incident, 'when' | 'mistake'>, now: Date): Date | undefined {
  const d = firstDate(incident.when, now) ?? firstDate(incident.mistake, now);
  return d && d.getTime() <= now.getTime() ? d : undefined;
}

/**
 * The dates a letter reasons with. An apology is sent `now`; a follow-up is read `now`, the gap after
 * its apology that the apology promised (moved past a refund's due day when that came later). An
 * apology never went before the incident happened: a day before it is no candidate.
 */
function letterDates(incident: Incident, now: Date, stage: Stage): LetterDates {
  const after = afterDays(incident.followUp?.after);
  let sent = now;
  let unknownGap = false;
  let today = false;
  // A credit that goes on an invoice: the apology promised to check "once that invoice is out", on no day of its own.
  const onInvoice = onNextInvoice(incident.remedy.kind, incident.remedy.details);
  if (stage !== 'apology' && after !== undefined && onInvoice) unknownGap = true;
  else if (stage !== 'apology' && after !== undefined) {
    // The apology went the day whose promised follow-up is today (the nearest such day): the gap is then
    // known. A date typed in the outcome moves the follow-up past it however early the apology went, so
    // then (or when no day fits) how long ago is not known.
    unknownGap = true;
    const floor = incidentDay(incident, now);
    // An apology that gives a new date ("will now arrive on Saturday 5 December") went before that day.
    const ceiling = incident.outcome ? firstDate(incident.outcome, now) : undefined;
    for (let k = Math.floor(after); k <= after + 31; k++) {
      const candidate = new Date(now.getTime() - k * ONE_DAY_MS);
      if (floor && dayOf(candidate).getTime() < floor.getTime()) break;
      if (ceiling && dayOf(candidate).getTime() >= ceiling.getTime()) continue;
      const f = followUpDay(incident, candidate);
      if (f && dayOf(f.date).getTime() === dayOf(now).getTime()) {
        sent = candidate;
        today = true;
        // Today is also the day after a typed date: any earlier apology was moved here too.
        unknownGap = dueDates(incident, candidate).some((d) => !d.relative && dayOf(d.date).getTime() + ONE_DAY_MS === dayOf(now).getTime());
        break;
      }
    }
    if (unknownGap && sent === now) sent = new Date(now.getTime() - after * ONE_DAY_MS);
  }
  const f = followUpDay(incident, sent);
  const dues = dueDates(incident, sent);
  const remedy = dues.find((d) => d.what === 'the refund' || d.what === 'the credit' || d.what === 'the replacement');
  const outcome = dues.find((d) => d.what === 'the new date' || d.what === 'the new appointment');
  const known = f !== undefined && !unknownGap;
  return {
    gapDays: known ? (f.date.getTime() - sent.getTime()) / ONE_DAY_MS : undefined,
    sent: known && stage !== 'apology' ? sent : undefined,
    today,
    followUp: f?.date,
    moved: Boolean(f?.moved),
    remedyDue: remedy?.date,
    outcome: (stage !== 'apology' ? arrivalDate(incident.outcome, sent) : undefined) ?? outcome?.date ?? (incident.outcome ? firstDate(incident.outcome, sent) : undefined),
  };
}

/** Words before the day something reaches the customer: "should be with you Saturday 28th", "will arrive on Tuesday 1 December". */
const ARRIVAL_WORDS = /\b(?:arriv\w*|with you|deliver(?:ed|y)?|reach(?:es|ing)?(?: you)?|due(?: with you)?|expected|lands?)\b[^.;,]{0,12}$/i;

/**
 * A follow-up asks about the day the outcome says it reaches the customer, not the day it was sent
 * ("goes out today, Thursday 26 November, should be with you Saturday 28th" → Saturday 28 November):
 * the first date after words of arrival, or undefined when none names one.
 */
function arrivalDate(outcome: string | undefined, ref: Date): Date | undefined {
  if (!outcome) return undefined;
  const all = findDates(outcome, ref);
  if (all.length < 2) return undefined;
  return all.find((d) => ARRIVAL_WORDS.test(outcome.slice(Math.max(0, d.at - 40), d.at)))?.date;
}

/**
 * Money back that comes off a bill still to be issued ("a credit on next month's invoice", "£40 off your
 * next bill"): a check-in waits for that bill, never "has it reached you" days later.
 */
function onNextInvoice(kind: string, details: string | undefined): boolean {
  const d = details ?? '';
  if (kind === 'credit') return /\b(?:invoice|bill|statement)s?\b|\bnext month\b|\bnext (?:payment|renewal)\b/i.test(d);
  return (kind === 'refund' || kind === 'waived-fee') && /\b(?:off|on|from|against|to) (?:your |the )?(?:next|next month's|\w+ember's|\w+uary's) (?:invoice|bill|statement|payment)\b/i.test(d);
}

/** Which question a follow-up asks about what was offered (see `remedyAsk` in the context). */
function remedyAsk(incident: Incident, dates: LetterDates, now: Date): string {
  const kind = incident.remedy.kind;
  const details = incident.remedy.details ?? '';
  if ((kind === 'refund' || kind === 'credit') && !/^\W*(?:if|when|should|in case)\b/i.test(incident.action ?? '') && CLAIM.test(incident.action ?? '')) return 'claim';
  if ((kind === 'refund' || kind === 'credit') && !incident.action && /\b(?:receipts?|claim form|proof|bank details|evidence)\b|\bsend (?:us )?(?:your |the )?invoices?\b/i.test(details)) return 'receipts';
  if (onNextInvoice(kind, details)) return '';
  if (kind === 'replacement') return 'replacement';
  if (sentThing(incident.outcome).sentThing) return 'sent';
  if (kind === 'refund') return dates.remedyDue === undefined || dates.remedyDue.getTime() <= now.getTime() ? 'refund' : '';
  if (kind === 'credit' && (details === '' || (!GIFT.test(details) && /\baccount\b/i.test(details) && !/\b(?:invoice|bill|statement)s?\b/i.test(details)))) return 'credit';
  return '';
}

/** A commitment that is an inquiry, not a change. */
const INQUIRY = /\b(?:investigat\w*|look(?:ing)? into|find(?:ing)? out (?:why|how|what)|establish(?:ing)? (?:why|how|what)|root cause|audit(?:ing)?)\b/i;
/** An action the customer must take before a refund can be paid. */
const CLAIM = /\b(?:receipts?|invoices?|claims?|claim form|proof|bank details|evidence)\b/i;

/** What the customer sends, as "as soon as … reach(es) us" says it. */
function actionThing(action: string | undefined): { actionThing: string; actionThingMany: boolean } {
  const m = /\b(receipts|receipt|invoices|invoice|claim form|claim|proof|bank details|evidence)\b/i.exec(action ?? '');
  if (!m) return { actionThing: '', actionThingMany: false };
  const w = m[1]!.toLowerCase();
  return { actionThing: `your ${w}`, actionThingMany: /s$/.test(w) };
}

/** "your welcome pack went out this morning" → { sentThing: "your welcome pack", sentMany: false }. */
function sentThing(outcome: string | undefined): { sentThing: string; sentMany: boolean } {
  const m = !outcome || !/your|the/i.test(outcome) ? null : /^\s*((?:your|the)\s+[\p{L}\p{N}' -]{2,40}?)\s+(went out|was sent|were sent|has been sent|have been sent|is on its way|are on their way|was posted|were posted|has shipped|have shipped|shipped|was dispatched|were dispatched)\b/iu.exec(outcome);
  if (!m) return { sentThing: '', sentMany: false };
  const thing = m[1]!.replace(/^the\s+/i, 'your ').replace(/^Your/, 'your');
  return { sentThing: thing, sentMany: /^(?:were|are|have)\b/.test(m[2]!) || (/s$/.test(thing) && !/ss$/.test(thing) && m[2] === 'shipped') };
}

/** A typed due day ("2026-12-04", "4 December") as a date, or undefined. */
function dueDay(v: string, now: Date): Date | undefined {
  const d = /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : firstDate(v, now);
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** Words of the past for the present a manager typed the mistake in: "your order is running late" → "your order was running late". */
const PAST: Readonly<Record<string, string>> = { is: 'was', are: 'were', "isn't": "wasn't", "aren't": "weren't", 'can\'t': "couldn't", cannot: 'could not', am: 'was', "won't be": "wasn't", 'will not be': 'was not' };

export function pastTense(text: string): string {
  // fit12: "your bike won't be ready on Thursday" is told days later as "your bike wasn't ready".
  return text.replace(/\b(is|are|isn't|aren't|can't|cannot|am|won't be|will not be)\b(?!\s+(?:now|due|booked|scheduled|going to)\b)/giu, (w) => {
    const past = PAST[w.toLowerCase()] ?? w;
    return w[0] === w[0]!.toUpperCase() && w[0] !== w[0]!.toLowerCase() ? past[0]!.toUpperCase() + past.slice(1) : past;
  });
}

/**
 * The incident as a follow-up tells it: relative days typed in its free text said as their dates,
 * counted from the day the apology went (or left out when that day is not known).
 */
function followUpFacts(incident: Incident, sent: Date | undefined, now: Date): Incident {
  const anchor = incidentDay(incident, now);
  const past = (t: string | undefined) => (t === undefined ? t : resolveRelativeDays(t, { written: sent, anchor, future: false, now }));
  const ahead = (t: string | undefined) => (t === undefined ? t : resolveRelativeDays(t, { written: sent, anchor, future: true, now }));
  const outcome = incident.outcome && /\b(?:will|'ll|shall|going to|due|booked|scheduled|expected|held)\b/i.test(incident.outcome) ? ahead(incident.outcome) : past(incident.outcome);
  return {
    ...incident,
    mistake: past(incident.mistake)!,
    rootCause: past(incident.rootCause)!,
    summary: past(incident.summary),
    commitment: ahead(incident.commitment)!,
    action: ahead(incident.action),
    outcome,
    // fit13: "credit note issued with this email" came with the apology, not with the follow-up.
    remedy: { ...incident.remedy, details: ahead(incident.remedy.details)?.replace(/(?<![\p{L}])(with|in|attached to|below) this (email|e-mail|letter|message)(?![\p{L}])/giu, (_m, p: string, w: string) => `${p.toLowerCase() === 'below' ? 'in' : p} our first ${w}`) },
  };
}

/** "the $7.95 shipping charge, back on your card within 5 days" → "the $7.95 shipping charge": the offer without its wait. */
function remedyWhat(details: string | undefined): string {
  // "a full refund of the £4.95 postage", "we'll refund the postage": the thing refunded ("the refund of" is the template's).
  const d = (details ?? '').trim().replace(/^(?:(?:an?|the|your)\s+(?:(?:full|partial|complete)\s+)?refund\s+(?:of|for|on)\s+|(?:we(?:'|’)ll|we will|I(?:'|’)ll|I will)\s+(?:fully\s+)?refund\s+(?:you\s+)?(?:for\s+)?)/i, '');
  const w = typedWindow(d);
  if (!w) return clause(d);
  const at = d.indexOf(w.text);
  const comma = d.lastIndexOf(',', at);
  const head = comma > 0 ? d.slice(0, comma) : d.slice(0, at).replace(/\b(?:back|refunded|returned|paid|credited)?\s*(?:to|on|in(?:to)?)?\s*(?:your|the)?\s*(?:card|account|bank)?\s*$/i, '');
  return clause(head.trim() || d);
}

/**
 * An action a follow-up is read too late for, judged on the words as typed: "press the test button once
 * today" (the day resolved to a date would read as a day still to come), or "if Monday doesn't suit, call
 * us" once that Monday is gone.
 */
function followUpActionStale(action: string | undefined, dates: LetterDates, now: Date): boolean {
  if (!action) return false;
  if (/\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening))\b/i.test(action)) return true;
  // Leave to keep what came by mistake ("Keep the red, no need to send it back"): said once, in the first letter.
  if (ACTION_KEEP.test(action) && !/\b(?:send|post|return|bring|call|email|reply|tell|contact|upload)\b[^.]*\b(?:receipt|photo|form|details)\b/i.test(action)) return true;
  // letters8b: an offer tied to a day that has gone ("a table on loan by 18 Dec, just ask"): not offered again.
  const days = findDates(action, dates.sent ?? now);
  if (days.length > 0 && days.every((d) => d.date.getTime() < dayOf(now).getTime())) return true;
  const past = dates.outcome !== undefined && dates.outcome.getTime() < dayOf(now).getTime();
  return past && /\b(?:suit|convenient|can(?:no|'|’)t make|does(?:n't|n’t| not) work|another (?:time|day|slot)|rearrange|reschedule|rebook|move it)\b/i.test(action);
}

const NO_FOLLOWUP_WORDS = Object.freeze({ refundWhat: '', refundDone: false, waivedWhat: '', outageLost: false, wrongTaken: false, onDay: '', actionOngoing: false, commitmentWe: '', commitmentOurs: false });

/**
 * The offer as a follow-up names it, whatever words the manager typed it in:
 * - `refundWhat`: what is refunded, for "Has the refund of … reached you?" ("the full price of that week's
 *   box, £44.99, back to your card" → "the full price of that week's box, £44.99"; "delivery charge (£12)
 *   refunded, plus a free stand" → "the delivery charge (£12)"); '' when no thing can be told apart.
 * - `waivedWhat`: what stays waived, with its verb ("this year's service fee (£85) waived" → "This year's
 *   service fee (£85) stays waived."); '' when the offer says more than a waived fee.
 * - `outageLost`: the outage can have lost the customer's data or work (files, records, messages): a
 *   follow-up may offer to recover it; for money or time lost it asks about the offer instead.
 * - `wrongTaken`: the outcome says the wrong item is collected ("the driver takes the double away").
 */
function followUpWords(incident: Incident): { refundWhat: string; refundDone: boolean; waivedWhat: string; outageLost: boolean; wrongTaken: boolean; onDay: string; actionOngoing: boolean; commitmentWe: string; commitmentOurs: boolean } {
  const details = (incident.remedy.details ?? '').trim();
  const on = onDate(incident.when);
  return {
    refundWhat: incident.remedy.kind === 'refund' ? refundThing(remedyWhat(details)) : '',
    // The first letter said the refund was made ("the full cost of the move refunded" → "We've refunded…").
    refundDone: incident.remedy.kind === 'refund' && (/\brefunded\b/i.test(details) || /\b(?:has|have) been refunded\b|\bwe(?:'|’)ve refunded\b|\bwas refunded\b/i.test(incident.outcome ?? '')),
    // The day of `when` without what the manager added after it ("Wednesday 25 November, collections dated 25 Nov"
    // → "on Wednesday 25 November"): a follow-up names the day once.
    onDay: /^on [^,;]+\d/.test(on) ? on.split(/[,;]\s/)[0]! : on,
    // Advice to keep doing ("watch your bank account", "be wary of calls"): "please continue to", never "if you haven't yet".
    actionOngoing: /^\W*(?:please\s+)?(?:watch|keep (?:an eye|watching|checking)|be (?:wary|alert|careful|on the lookout)|look out|check (?:your )?(?:bank|statements?|account)|monitor)\b/i.test(incident.action ?? ''),
    // The change already says whose it is ("our billing system now…", "we now…"): no "On our side," before it.
    commitmentOurs: /^\W*(?:we|our|I|my)\b/i.test(incident.commitment),
    // A change typed without its subject ("moved them to the other shelf", "retrained the night shift"): ours, said with "we".
    commitmentWe: /^\s*(?:(?:re)?\w+ed|put|set|built|made|took|got|rebuilt|began|wrote)\s+(?:the|them|it|our|a|an|all|every|each|new|two|extra|more)\b/i.test(incident.commitment) && !/^\s*(?:need|feed|seed|bed|red|shed|speed|weed)\b/i.test(incident.commitment) ? `we ${incident.commitment.trim().replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}` : '',
    waivedWhat: incident.remedy.kind === 'waived-fee' ? waivedThing(details) : '',
    outageLost: /\b(?:data|files?|records?|documents?|photos?|uploads?|messages?|emails?|saved work|changes|entries|orders? (?:were|was) lost)\b/i.test(`${incident.mistake} ${incident.summary ?? ''}`),
    wrongTaken: /\b(?:takes?|taking|took|collects?|collecting|pick(?:s|ing)? up)\b[^.;]{0,40}\b(?:away|back|wrong|double|old|one)\b|\bcollect(?:s|ed|ion)?\b/i.test(incident.outcome ?? ''),
  };
}

const DETERMINED = /^(?:the|a|an|your|our|this|that|these|those|all|every|each|both|any|£|\$|€|\d)/i;

function refundThing(details: string): string {
  let t = details
    .replace(/^(?:(?:an?|the|your)\s+)?(?:(?:full|partial|complete)\s+)?refund\s+(?:of|for|on)\s+/i, '')
    .replace(/^(?:we(?:'|’)ll|we will|we(?:'|’)ve|we have|I(?:'|’)ll|I will)\s+(?:fully\s+)?refund(?:ed)?\s+(?:you\s+)?(?:for\s+)?/i, '');
  // The extras ("plus £20 off your next hire", "and the reprint at no charge") are not the refund.
  t = t.split(/,?\s+(?:plus|and|with|as well as)\s+/i)[0]!;
  t = t.replace(/[,\s]*(?:(?:is|are|will be|has been|have been)\s+)?(?:refunded|back|returned|paid back|credited)(?:\s+(?:in full|to (?:your|the) (?:card|account|bank)(?: you paid with)?|on (?:your|the) (?:card|account)))?\s*$/i, '');
  t = t.replace(/[.,;:\s]+$/u, '').trim();
  // "the full price of the box, £44.99": the amount in brackets; anything else after a comma is another offer.
  const [head, ...rest] = t.split(/,\s+/);
  const money = rest.length > 0 && /^(?:£|\$|€)\s?\d[\d.,]*$/.test(rest[0]!.trim()) ? rest[0]!.trim() : '';
  t = money ? `${head} (${money})` : head!;
  if (t === '' || /\brefund/i.test(t) || t.split(/\s+/).length > 12 || typedWindow(t)) return '';
  return DETERMINED.test(t) ? t : `the ${t}`;
}

function waivedThing(details: string): string {
  const m = /^(.{3,80}?)\s+(?:(is|are|has been|have been|will be)\s+)?waived\.?$/i.exec(details.trim());
  if (!m || /[,;]|\b(?:and|plus)\b/i.test(m[1]!)) {
    const lead = /^(.{3,80}?)\s+(?:(?:is|are|has been|have been|will be)\s+)?waived\b/i.exec(details.trim());
    if (!lead || /[,;]|\b(?:plus|we|I)\b/i.test(lead[1]!) || /\band\b/i.test(lead[1]!.replace(/\d+\s+and\s+\d+/g, ''))) return '';
    return waivedSentence(lead[1]!);
  }
  return waivedSentence(m[1]!);
}

function waivedSentence(thing: string): string {
  const head = thing.replace(/\s*\([^)]*\)/g, '').trim().split(/\s+(?:for|on|from|of|in)\s+/i)[0]!;
  const plural = /s$/i.test(head) && !/(?:ss|us|'s|’s)$/i.test(head);
  return `${cap(yourThing(thing))} ${plural ? 'stay' : 'stays'} waived.`;
}

/** An action with a deadline a follow-up is read after: "keys are honoured for 24 hours", "by tonight". */
function staleAction(action: string | undefined, gapDays: number | undefined): boolean {
  if (!action) return false;
  if (/\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening))\b/i.test(action)) return true;
  const w = /\b(?:for|within|in(?: the next)?)\s+(\d+)\s*(hours?|days?)\b/i.exec(action);
  if (!w) return false;
  const days = /^hour/i.test(w[2]!) ? Number(w[1]) / 24 : Number(w[1]);
  return gapDays === undefined || days <= gapDays;
}

const COMMON = new Set(['the', 'and', 'our', 'that', 'this', 'with', 'within', 'off', 'have', 'has', 'was', 'were', 'they', 'who', 'for', 'from', 'all', 'any', 'now']);

/** Content words of a text, for comparing two fields. */
function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2 && !COMMON.has(w)),
  );
}

/** The first text says nothing the second does not ("we turned the cache off within the hour" in "we turned off that cache within the hour, …"). */
function repeats(first: string | undefined, second: string | undefined): boolean {
  if (!first || !second) return false;
  const a = contentWords(first);
  if (a.size === 0) return false;
  const b = contentWords(second);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / a.size >= 0.75;
}

/** A number standing for people or replies ("49 have", "12 of them", "30 customers"): a tally, not this reader's case. */
const TALLY = /(?<![\p{L}\p{N}£$€.,])(\d[\d,]*)(?:\s+(?:more|others?|people|customers|patients|members|clients|guests|passengers|recipients|users|of (?:them|those|these|the|our))\b|\s+(?:\w+\s+)?(?:have|has|had|were|was|are|is)\b)/iu;

/**
 * A field's clauses without those that tally others ("…, and 49 have already confirmed they did" →
 * "…"). A clause naming the affected number itself ("all 57 addresses") stays. Whole when every
 * clause is a tally.
 */
export function withoutTallies(text: string, affected: number): string {
  const t = text.trim();
  if (!/\d/.test(t)) return t;
  const clauses = t.split(/(?:,\s+and\s+|;\s*|,\s+(?=(?:but|so|while|with)\s)|\.\s+(?=[\p{Lu}\d]))/u);
  const kept = clauses.filter((c) => {
    const m = TALLY.exec(c);
    return !m || Number(m[1]!.replace(/,/g, '')) === affected;
  });
  if (kept.length === clauses.length || kept.length === 0) return t;
  // (a clause after the first, typed as a sentence of its own, goes on in lower case: ", and we have written…")
  return kept.map((c, i) => (i > 0 ? c.replace(/^(?:We|They|It|The|Our|Their|This)(?![\p{L}])/u, (w) => w.toLowerCase()) : c)).join(', and ').replace(/[.;,\s]+$/u, '');
}

/** 2–12 as words in prose (one is never a count in these letters). */
const SMALL_NUMBERS: Readonly<Record<string, readonly string[]>> = {
  de: ['', '', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
  fr: ['', '', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
  es: ['', '', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'],
};

/** Collected by the customer, not delivered: words of a pickup, and none of a delivery, in the incident's text. */
export const PICKUP = /(?<![\p{L}])(?:pick(?:ed)?[ -]?up|collect(?:ion|ed)?|click\s*(?:&|and|und|et|y)\s*collect|abhol\p{L}*|bereit(?:liegen|gelegt)?|retrait|retir\p{L}*|récupér\p{L}*|venir chercher|en magasin|en boutique|prête?s?|recogida|recog\p{L}*|list[oa]s? para recoger|en tienda)(?![\p{L}])/iu;
export const DELIVERY = /(?<![\p{L}])(?:deliver\p{L}*|ship(?:ped|ping)?|parcel|courier|post(?:ed|al)|liefer\p{L}*|geliefert|versand\p{L}*|versendet|verschickt|paket\p{L}*|zugestellt|livr\p{L}*|expédi\p{L}*|colis|envoy\p{L}*|entreg\p{L}*|envi\p{L}*|env[íi]o|paquete|mensajer\p{L}*|transportista)(?![\p{L}])/iu;

/**
 * Cheap ASCII hints a text must hold for a unicode-aware rule to find anything in it: a rule whose
 * hint is absent is not run, so a plain incident never compiles it (each /iu regex with \p{L}
 * costs a small run about a millisecond). ſ and K (Kelvin sign) are the only other characters a
 * case-insensitive unicode regex reads as ASCII letters (s, k): a text with one runs every rule.
 */
export const PICKUP_HINT = /pick|collect|abhol|bereit|retrait|retir|récupér|venir chercher|en magasin|en boutique|prêt|recog|en tienda|[\u017f\u212a]/i;
const SPAN_HINT = /hour|day|week|month|[\u017f\u212a]/i;
const BY_HINT = /by|of|[\u017f\u212a]/i;
const LATE_HINT = /late|behind|overdue|delayed|[\u017f\u212a]/i;

export function isPickup(text: string): boolean {
  return PICKUP_HINT.test(text) && PICKUP.test(text) && !DELIVERY.test(text);
}

/** Words that name an order, not a product: "Ihre Bestellung", "votre commande", "su pedido". */
const ORDER_WORDS = /^(?:bestellung\p{L}*|lieferung\p{L}*|sendung\p{L}*|paket\p{L}*|auftrag\p{L}*|ware\p{L}*|commande\p{L}*|livraison\p{L}*|colis|envoi\p{L}*|article\p{L}*|achat\p{L}*|pedido\p{L}*|env[íi]o\p{L}*|compra\p{L}*|paquete\p{L}*|art[íi]culo\p{L}*|producto\p{L}*|artikel\p{L}*|produit\p{L}*|order\p{L}*|item\p{L}*|parcel\p{L}*)$/iu;
const POSSESSIVE: Readonly<Record<string, RegExp>> = {
  de: /(?<![\p{L}])(?:ihre|ihr|ihren|ihrem|ihrer|ihres)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu,
  fr: /(?<![\p{L}])(?:vos|votre)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu,
  es: /(?<![\p{L}])(?:sus?)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu,
};

/**
 * The stems of the product a mistake names after "vos"/"Ihre"/"su" ("vos lunettes progressives" →
 * "lunett", "progress"); none when it names the order itself ("Ihre Bestellung", "su pedido").
 */
function productStemsOf(mistake: string, lang: string): string[] {
  const m = POSSESSIVE[lang]?.exec(mistake);
  if (!m || ORDER_WORDS.test(m[1]!)) return [];
  return [m[1]!, m[2] ?? '']
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 4 && !/^(?:\p{Ll}+(?:ment|mente))$/u.test(w) && !ORDER_WORDS.test(w))
    .map((w) => w.slice(0, Math.max(4, Math.min(w.length - 2, 8))));
}

const MISDIRECTED = /\b(?:sent|posted|emailed|mailed|delivered|went|addressed|forwarded|shared)\s+(?:[\w'’]+\s+){0,12}?(?:to|with)\s+(?:the\s+wrong|another|a\s+different|someone\s+else)|\bwrong\s+(?:address|person|recipient|patient|customer|member|client)\b|\bmisdirected\b|\bswapped\s+(?:their\s+)?addresses\b/i;

/** " on 14 November" after a sentence's words; ", last night" for a time said otherwise; "" for none. */
/**
 * An action that asks nothing of everyone: a condition ("if your bank charged you…"), none needed ("No action
 * needed, but check…"), an option ("you can…", "optional") or a permission ("Keep the red", "feel free to…").
 */
const ACTION_NOT_ASKED = /^\W*(?:if|when|should|in case|no\b|nothing\b|there(?:'s|’s| is) (?:no|nothing)\b|you (?:don't|do not|won't|will not|needn't) (?:need|have)|you (?:can|could|may|are welcome to|are free to)\b|feel free\b|keep\b|optional(?:ly)?\b|if you (?:like|wish|want|prefer))|\b(?:no (?:action|need)|nothing) (?:is |else )?(?:needed|required|to do)\b|\boptional\b/i;

/** An action that offers a choice rather than asks for a step: a question, "just ask", "if you'd rather", "we can…". */
const ACTION_OFFERED = /\?|^\W*(?:please\s+)?(?:reply|call|write|ring|phone|email|tell us|let us know|get in touch|contact us)\b[^.;]{0,40}?\bif\b|\bjust (?:ask|say|let us know|tell us)\b|\b(?:if you(?:'d|’d| would)? (?:like|prefer|rather|want|wish|need)|would you (?:like|prefer|rather)|(?:you'd|you’d|you would) rather|rather (?:have|cancel|not)|prefer (?:to|a|another)|let us know if|(?<!\bso (?:that )?|\bwhere |\bhow )we (?:can|could)\b|we're happy to|we’re happy to|happy to\b|feel free|up to you|your choice|if it helps|either way|or we can|or we'll|or we will)\b/i;

/** An action that lets the customer keep what was sent ("Keep the red", "please keep it"). */
const ACTION_KEEP = /^\W*(?:please\s+)?(?:do\s+)?keep\b|\b(?:keep|hold on to) (?:it|them)\b|\byours to keep\b/i;
// letters8b: any warning about messages that pose as us or ask for details ("be wary of calls claiming to be us",
// "watch out for texts pretending to be from HMRC", "we never ask for your password"): the letter's own is not added.
const SCAM_ADVICE = /\b(?:phishing|scam(?:s|mers?)?|suspicious|fraud(?:ulent|sters?)?|unexpected (?:emails?|calls?|texts?|messages?)|be wary|beware|wary of|watch (?:out )?for (?:any )?(?:emails?|calls?|texts?|messages?)|look out for (?:any )?(?:emails?|calls?|texts?|messages?)|be careful (?:with|of) (?:any )?(?:emails?|calls?|texts?|messages?)|impersonat\w*|(?:pretend(?:s|ing)?|claim(?:s|ing)?) to (?:be|come)(?: from)? (?:us|\p{Lu}[\w&.]*)|posing as|never (?:ask|call|email|text)(?:s)?\b)/iu;
const BANK_ADVICE = /\b(?:bank|statements?|card issuer|transactions?)\b/i;
/** The same advice typed in German, French or Spanish: an action that already says it ("surveillez vos relevés bancaires", "méfiez-vous des messages…"). */
const SCAM_ADVICE_I18N = /(?<![\p{L}])(?:méfiez|méfier|frauduleu\p{L}*|hameçonnage|arnaque\p{L}*|escroqu\p{L}*|phishing|betrug\p{L}*|betrüger\p{L}*|misstrau\p{L}*|vorsicht\p{L}*|desconf[íi]\p{L}*|fraude\p{L}*|fraudulent\p{L}*|estafa\p{L}*|timo\p{L}*|sospechos\p{L}*)/iu;
const BANK_ADVICE_I18N = /(?<![\p{L}])(?:relevés?|kontoauszüg\p{L}*|kontobewegung\p{L}*|umsätze|extractos?|movimientos)(?![\p{L}])/iu;

/** The day the exposure was found, with how, as one clause: ", a recipient rang" → ", when a recipient rang". */
function discoveredWhen(text: string | undefined): string | undefined {
  if (!text) return text;
  return text.replace(/^(.*?(?:\d|day|morning|afternoon|evening|night)),\s+(?!when\b|after\b|as\b|because\b|once\b|and\b)((?:a|an|the|our|one|two|several|someone|somebody|another)\s+\S+.*)$/i, '$1, when $2');
}

/**
 * The offer without a clause that offers bank fees back ("December membership fee waived, plus any bank
 * charges caused by the double debit paid back" → "December membership fee waived"), for a letter whose
 * action already tells how to claim them; as typed when that clause is all there is.
 */
/** An offer that pays back what the mistake cost beyond our own service: lost sales, fees paid elsewhere, expenses. */
const LOSS_COVERED = /(?<![\p{L}])(?:lost|loss(?:es)?|out of pocket|reimburs\p{L}*|compensat\p{L}*|expenses?|receipts?|(?:fees?|charges?|costs?)\s+(?:you\s+)?(?:paid|incurred|had)|(?:cover|refund|pay(?:\s+back)?|make\s+good)\s+(?:any|all|every|whatever|what)\b)/iu;
const FEES_TOLD = /\b(?:bank|overdraft)\b[^.]{0,40}\b(?:fees?|charg\w*)\b|\bfees?\b[^.]{0,30}\bbank\b|\boverdraft\b/i;
export function withoutFees(details: string): string {
  const parts = details.split(/\s*(?:,\s*(?:plus|and(?: also)?|as well as)|;|\.)\s+|\s+(?:plus|as well as|and we(?:'ll| will)?)\s+/i);
  const kept = parts.filter((p) => p.trim() !== '' && !/\bbank\b|overdraft|\bfees? (?:your|the) bank\b|charges? (?:from|by) your bank/i.test(p));
  return kept.length === 0 || kept.length === parts.length ? details : kept.join(', ').replace(/[,;\s]+$/u, '');
}

/** The outcome or the mistake already says the remedy happened or happens ("the fee was refunded on 27 November"). */
function remedySaid(kind: string, text: string): boolean {
  if (kind === 'refund') return /\brefund(?:ed|ing|s)?\b/i.test(text);
  if (kind === 'credit') return /\bcredit(?:ed|ing)?\b/i.test(text);
  if (kind === 'replacement') return /\breplacement\b|\breplac(?:ed|ing)\b/i.test(text);
  if (kind === 'waived-fee') return /\bwaiv(?:ed|ing)\b/i.test(text);
  return false;
}

/**
 * The cause without the day the letter has already given (`when`): "a timeout on 1 Dec 02:00 UTC" → "a timeout at
 * 02:00 UTC", "the job ran twice on tues 1 dec" → "the job ran twice that day" (blind12: never the same day said twice).
 */
export function withoutSaidDay(cause: string, when: string | undefined, now: Date): string {
  const day = firstDate(when, now);
  if (!day) return cause;
  for (const d of findDates(cause, now)) {
    if (dayOf(d.date).getTime() !== dayOf(day).getTime()) continue;
    const at = cause.indexOf(d.text, d.at);
    if (at < 0) continue;
    const before = cause.slice(0, at);
    const after = cause.slice(at + d.text.length);
    const on = /(?<![\p{L}])on\s+$/iu.exec(before);
    const time = /^,?\s*(?:at\s+|@\s*)?(?=\d{1,2}(?:[:.]\d{2}|\s?(?:am|pm)(?![\p{L}])))/iu.exec(after);
    if (time) return `${on ? before.slice(0, on.index) : before.replace(/,?\s*$/u, ' ')}at ${after.slice(time[0].length)}`;
    if (on) return `${before.slice(0, on.index)}that day${after}`;
  }
  return cause;
}

/** Whether the mistake already names the day (or the words) `when` gives. */
export function whenInMistake(when: string | undefined, mistake: string, now: Date): boolean {
  const w = (when ?? '').trim().replace(/[.;,]+$/u, '');
  if (w === '') return false;
  if (mistake.toLowerCase().includes(w.toLowerCase())) return true;
  const days = datesIn(w, now).map((d) => dayOf(d).getTime());
  return days.length > 0 && datesIn(mistake, now).some((d) => days.includes(dayOf(d).getTime()));
}

function whenTail(on: string): string {
  if (on === '') return '';
  return /^on /.test(on) ? ` ${on}` : `, ${on}`;
}

interface MistakeForm {
  sentence: string;
  clause: string;
  lead: string;
}

/**
 * The mistake for a customer with one order and for one with several ("your order is running late"
 * → "your orders are running late"), made once per run: a batch picks one per row.
 */
function mistakeForms(text: string): { one: MistakeForm; many: MistakeForm; oneUndated: MistakeForm; manyUndated: MistakeForm } {
  const forms = pluralForms(text);
  const undated = withoutRelativeDelay(text);
  return { ...forms, ...(undated === text ? { oneUndated: forms.one, manyUndated: forms.many } : (({ one, many }) => ({ oneUndated: one, manyUndated: many }))(pluralForms(undated))) };
}

const COUNT = String.raw`(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|a couple|several|many)`;
const SPAN = String.raw`(?:more\s+)?(?:hours?|days?|working days?|business days?|weeks?|months?)`;
/** "(by two days)", "by about 3 days", "of two days" after a delay word. */
const BY = String.raw`\b(?:by|of)\s+(?:about\s+|around\s+|roughly\s+|up to\s+|over\s+|more than\s+|at least\s+)?${COUNT}\s+${SPAN}\b`;
export const BY_SPAN = new RegExp(String.raw`\s*\(\s*${BY}\s*\)|\s*${BY}`, 'giu');
/** "three days late", "2 weeks behind schedule": the span goes, the lateness stays. */
export const SPAN_LATE = new RegExp(String.raw`\b${COUNT}\s+${SPAN}\s+(late|behind(?: schedule)?|overdue|delayed)\b`, 'giu');

/**
 * The mistake without the length of the delay ("your order is running late (by two days)" → "your
 * order is running late"): what a customer whose row gives its own new date reads, so the letter
 * does not contradict that date. The text as typed when it names no span.
 */
export function withoutRelativeDelay(text: string): string {
  let spanless = text;
  if (SPAN_HINT.test(text)) {
    if (BY_HINT.test(spanless)) spanless = spanless.replace(BY_SPAN, '');
    if (LATE_HINT.test(spanless)) spanless = spanless.replace(SPAN_LATE, '$1');
  }
  const out = spanless
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([.,;:!?)])/g, '$1')
    .trim();
  return out === '' ? text : out;
}

/** The mistake for one order and for several. */
function pluralForms(text: string): { one: MistakeForm; many: MistakeForm } {
  const form = (t: string): MistakeForm => ({ sentence: sentence(t), clause: clause(t), lead: cap(clause(t)) });
  const one = form(text);
  const plural = text.replace(/\b([Yy]our) order\b(?!s)(\s+(?:is|was|has|hasn't|wasn't|isn't)\b)?/g, (_all, your: string, verb: string | undefined) => {
    const v = verb?.trim();
    const many = v === undefined ? '' : ` ${{ is: 'are', was: 'were', has: 'have', "hasn't": "haven't", "wasn't": "weren't", "isn't": "aren't" }[v]}`;
    return `${your} orders${many}`;
  });
  return { one, many: plural === text ? one : form(plural) };
}


const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The day the apology went, seen from its follow-up `days` later: "on Thursday", "on 26 November", or "". */
function wroteOn(now: Date, days: number | undefined): string {
  if (days === undefined || days < 1) return '';
  const d = new Date(now.getTime() - Math.round(days) * ONE_DAY_MS);
  return days < 7 ? `on ${WEEKDAY_NAMES[d.getUTCDay()]}` : `on ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}`;
}

/** A typed due day ("2026-12-04") as a letter writes it; text that is no date stays as typed. */
function commitmentDueDate(v: string, now: Date): string {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? longDate(v) : letterDate(d, now);
}

/** "it is on its way now" → "Your order is on its way now" (and "Your orders are on their way now"): a first line names its thing. */
function outcomeFirst(outcome: string, scenario: string): { one: string; many: string; oneClause: string; manyClause: string } {
  const m = /^\s*(?:it|this)\s+(is|was|has|will|should|arrived|went)\b(.*)$/isu.exec(outcome);
  const noun = scenario === 'shipping-delay' ? 'your order' : scenario === 'wrong-item' ? 'the right item' : '';
  if (!m || !noun) return { one: sentence(outcome), many: sentence(outcome), oneClause: clause(outcome), manyClause: clause(outcome) };
  const verb = m[1]!.toLowerCase();
  const rest = m[2]!;
  const plural = { is: 'are', was: 'were', has: 'have' }[verb] ?? verb;
  const nounMany = noun === 'your order' ? 'your orders' : 'the right items';
  const one = `${noun} ${verb}${rest}`;
  const many = `${nounMany} ${plural}${rest.replace(/\bits\b/g, 'their')}`;
  // The clauses after a lead ("Here is where things stand: your order is on its way").
  return { one: sentence(one), many: sentence(many), oneClause: clause(one), manyClause: clause(many) };
}

/** The outcome and the mistake share a phrase of two words ("welcome pack"). */
function outcomeRepeats(outcome: string, mistake: string): boolean {
  return sharedPhrase(outcome, mistake) !== undefined;
}

/** The outcome said right after the mistake it repeats, its shared noun as "it": "It went out this morning by first-class post." */
function outcomeAfter(outcome: string, mistake: string): string {
  const shared = sharedPhrase(outcome, mistake);
  if (!shared) return '';
  const re = new RegExp(`^\\s*(?:(?:your|the|our)\\s+)?${shared.replace(' ', '\\s+')}\\b`, 'iu');
  return sentence(re.test(outcome) ? outcome.replace(re, 'it') : outcome);
}

function sharedPhrase(outcome: string, mistake: string): string | undefined {
  if (!outcome) return undefined;
  const words = (t: string) => t.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  const o = words(outcome);
  const m = words(mistake).join(' ');
  for (let i = 0; i + 1 < o.length; i++) if (` ${m} `.includes(` ${o[i]} ${o[i + 1]} `)) return `${o[i]} ${o[i + 1]}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// letters7: the subject line's news, and an action that already rearranges.

/**
 * The part of a replacement offer that is not the sending ("…, keep the grey ones with our compliments" → "The replacement
 * is on us. Keep the grey ones with our compliments."), or '' when the offer has nothing to keep.
 */
function keptPart(details: string): string {
  const pieces = details.trim().replace(/[.!]+$/u, '').split(/\s*(?:[,;]|[.!](?=\s)|\s(?:and|plus)\s)\s*/u).filter(Boolean);
  const kept = pieces.filter((p) => /(?<![\p{L}])keep(?![\p{L}])|yours to keep/iu.test(p));
  if (kept.length === 0 || kept.length === pieces.length) return '';
  const free = pieces.some((p) => !kept.includes(p) && GIFT.test(p));
  const keep = kept.map((p) => p.replace(/^(?:and|plus|but)\s+/iu, '').replace(/^you\s+(?:can|may)\s+/iu, '')).join(', and ');
  return `${free ? 'The replacement is on us. ' : ''}${keep[0]!.toUpperCase()}${keep.slice(1)}.`;
}

/** A summary that names its thing by what went wrong with it: "wrong yarn colour", "late December beans", "missed boiler repair". */
const FAULT_WORD = /^(?:\S+\s+){0,2}(?:wrong|late|delayed|missed|missing|incorrect|faulty|broken|damaged|duplicate[d]?|double|extra|mistaken|misprinted|mislabelled|overcharged|full fee|cancelled|lost|old)\b/iu;
/** The thing without the word of its lateness, as the reader's: "the late December beans" → "your December beans". */
function faultFree(thing: string): string {
  const m = /^the\s+(?:late|delayed)\s+(\S.*)$/iu.exec(thing);
  return m ? `your ${m[1]}` : thing;
}
/** How many different days a text names ("Friday 4 December or Saturday 5 December": 2). */
function daysNamed(text: string): number {
  return new Set([...text.matchAll(/(?<![\p{L}\p{N}])(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)/gu)].map((m) => `${m[1]} ${m[2]}`)).size;
}

/** Words of a summary that name our own failing ("the monitoring outage" is ours, not "yours"). */
const OUR_THING = /(?:outage|error|mistake|mix-?up|incident|leak|breach|problem|fault|failure|downtime|glitch|exposure|list|spreadsheet|confirmations|emails?)$/iu;

/**
 * The summary as a subject line names it to one reader: "the missed boiler service visit" → "your
 * missed boiler service visit"; "the monitoring outage" → "our monitoring outage"; a summary that
 * holds "your" or "our", or is a clause, is kept. And whether the action rearranges the visit
 * ("if Monday doesn't suit call us and we'll find another time"): then it is the rearranging
 * sentence, said once.
 */
export function subjectFacts(summary: string | undefined, action: string | undefined, outcome?: string, now?: Date): { subjectThing: string; subjectThingPlural: boolean; actionRearranges: boolean; subjectDate: string; subjectBy: boolean; subjectNewsThing: string; subjectPending: boolean; subjectRefunded: boolean } {
  const t = (summary ?? '').trim().replace(/[.!]+$/u, '');
  const clauseLike = /^\W*(?:we|I|they|it)\b/i.test(t) || /\b(?:did|didn't|was|wasn't|were|weren't|is|isn't|are|aren't|has|hasn't|had|not|went|came)\b/i.test(t);
  let thing = '';
  if (t !== '' && !clauseLike && t.split(/\s+/u).length <= 8) {
    const bare = t.replace(/^the\s+/iu, '');
    const head = bare.replace(/\s+(?:from|of|on|in|for|to|at|with)\s.*$/iu, '');
    // "late dispatch", "wrong size jumper": a bare summary in lower case is a thing of the reader's or ours, like "the …" ("your late dispatch").
    const bareThing = /^\p{Ll}/u.test(t) && !/^(?:the|a|an|some|any|this|that|these|those|no|every|each|all|one|two|three|several|many|his|her|its)\s/iu.test(t) && !/^\p{Ll}+ing\s/u.test(t);
    // blind13: a thing named by what went wrong with it ("the wrong yarn colour", "the late December beans") is not "your …":
    // "your wrong yarn colour" makes the mistake sound like the reader's.
    const faulty = FAULT_WORD.test(bare);
    if (/\b(?:your|our|my|their)\b/iu.test(t) || !/^the\s/iu.test(t) && !bareThing) thing = t.replace(/^The\b/u, 'the');
    else if (faulty) thing = `the ${bare}`;
    else if (bareThing) thing = `${OUR_THING.test(head) ? 'our' : 'your'} ${t}`;
    else thing = `${OUR_THING.test(head) ? 'our' : 'your'} ${bare}`;
  }
  const head = thing.replace(/\s+(?:from|of|on|in|for|to|at|with)\s.*$/iu, '');
  return {
    subjectThing: thing,
    subjectThingPlural: /s$/u.test(head) && !/(?:ss|us|is)$/u.test(head),
    subjectDate: now ? latestDate(outcome ?? '', now) : '',
    // blind13: "should land Friday 4 or Saturday 5 December": the subject says "by" the later day, never "on" it.
    subjectBy: daysNamed(outcome ?? '') > 1,
    // The delay's news names the reader's thing without the fault ("the late December beans" → "Your December beans: now arriving by …").
    subjectNewsThing: faultFree(thing),
    // (from the outcome's words, not the clock: the follow-up's "Re:" repeats the apology's subject exactly)
    subjectPending: !/\b(?:we moved you|(?:was|were) (?:delivered|fitted|done|completed|installed)|arrived|finished|took place)\b/i.test(outcome ?? ''),
    subjectRefunded: /\b(?:(?:has|have) been|was|were) refunded\b|\bwe(?:'ve| have)? refunded\b/i.test(outcome ?? ''),
    actionRearranges: /\b(?:re-?book|reschedul|rearrang|another (?:time|day|date|slot)|new (?:time|date|slot|appointment)|doesn't suit|does not suit|don't suit|can't make|cannot make|(?:doesn't|does not|don't|won't) work|isn't convenient|is not convenient|no good for you|book (?:online|again))/i.test(action ?? ''),
  };
}

/**
 * letters7: the part of `when` that opens a sentence ("On Wednesday 25 November, …"): a date's
 * times stay ("Wednesday 25 November, 18:40–20:15 GMT"); a note after it ("…, collections dated
 * 25 Nov", "…, booked for 8am", "…, route B") does not.
 */
export function whenLead(text: string | undefined): string | undefined {
  if (!text) return text;
  const m = /^([^,]+),\s*(.+)$/su.exec(text.trim());
  if (!m || /^(?:\d|from|until|to|between|about|around|approx)/iu.test(m[2]!)) return text;
  return DATE_START.test(m[1]!) ? m[1] : text;
}

const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** letters7: the latest day an (already normalised) outcome names, as the letters write it: where the customer stands ("ships today… with you Saturday 28 November" → Saturday 28 November). */
export function latestDate(text: string, now: Date): string {
  let best: Date | undefined;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?/gu)) {
    const month = MONTH_NAMES_EN.indexOf(m[2]!);
    let year = m[3] ? Number(m[3]) : now.getUTCFullYear();
    if (!m[3] && month - now.getUTCMonth() > 6) year--;
    if (!m[3] && now.getUTCMonth() - month > 6) year++;
    const d = new Date(Date.UTC(year, month, Number(m[1])));
    if (!best || d.getTime() > best.getTime()) best = d;
  }
  // (never with a year the clock adds: the same words at the apology and its follow-up)
  return best ? letterDate(best, best) : '';
}

/** letters7: "call us" / "ring us" in what the reader is asked to do, with the number: they should not have to look for it. */
export function withPhone(action: string, phone: string | undefined): string {
  if (!phone || action.includes(phone)) return action;
  return action.replace(/\b((?:call|ring|phone)\s+us)((?:\s+(?:24\/7|any ?time|day or night|24 hours a day))?)(?![\p{L}\d/])(?!\s+(?:on|at)\b)/iu, `$1$2 on ${phone}`);
}

/** letters7: a light line reads as flippant after a missed visit someone waited in for (unless minor), or near anyone's health, a pet's included. */
// letters8b: also near something lost, broken or spoilt, money gone, a gift or a day that mattered, and after a
// cause that names a person or a role ("our new driver", "the night shift", "someone in accounts"): a joke
// beside that reads as at their expense.
export function jokeMisfires(scenario: string, severity: string, text: string, cause = ''): boolean {
  if (scenario === 'missed-appointment' && severity !== 'minor') return true;
  // People left standing somewhere, or turned away, by what we did: no joke beside it, whatever the severity.
  if (/\b(?:already at the|were waiting|left waiting|kept waiting|stranded|turned away|sent home)\b/i.test(text)) return true;
  if (/\b(?:post-?op(?:erative)?|operation|surgery|hospital|medic(?:ine|ines|ation|al)|prescription|vet|pet|dog|cat|groom(?:s|ing|er)?|puppy|kitten|injur\w*|ill|illness|allerg\w*|stairlift|care home|carer)\b/i.test(text)) return true;
  if (/\b(?:lost|missing|stolen|damaged|broken|smashed|crushed|ruined|spoil(?:t|ed)|melted|leak(?:ed|ing)|marks?|marked|stain\w*|shrunk|shrank|torn|ripped|scorch\w*|burn(?:t|ed)|faded|dented|scratch\w*|flood\w*|overdrawn|declined|out of pocket|birthday|gift|present|surprise|holiday|honeymoon|child(?:ren|'s)?|kids?|son's|daughter's|baby|babies|toddlers?|pupils?|nursery|flights?|trip|exam|interview|christmas (?:day|dinner|lunch)|party|guests|deadline|payroll|wages|salary|rent)\b/i.test(text)) return true;
  // fit12: someone's data (an address list shown, details sent to the wrong person) under any scenario: no joke beside it.
  if (/\b(?:personal (?:data|details|information)|data|passwords?|e-?mail addresses|(?:card|bank|account) details|exposed|breach\w*|hack\w*|wrong (?:person|recipient|customer)|(?:another|other) (?:customer|client|member|patient|person)'s|(?:to|with) (?:another|the wrong|a different) (?:customer|client|member|patient|person|recipient|address))\b/i.test(text)) return true;
  return STAFF_BLAMED.test(cause);
}
const ROLE = '(?:driver|packer|picker|courier|receptionist|technician|engineer|fitter|installer|cleaner|chef|baker|cook|agent|operator|manager|colleague|employee|member of (?:staff|our team)|staff|starter|temp|intern|trainee|apprentice|(?:night|day|late|early|weekend) shift|team member|person|he|she)';
/** A cause that puts a person or a role in the wrong ("our new driver forgot", "the night shift put…", "human error", "someone typed…"). */
const STAFF_BLAMED = new RegExp(`\\b(?:human error|someone|somebody|a colleague|one of (?:our|the) (?:team|staff))\\b|(?:^|[.;,:]\\s*|\\b(?:because|when|as|after)\\s+)(?:(?:our|the|a|an|one of our)\\s+)?(?:new\\s+|temporary\\s+|relief\\s+)?${ROLE}s?\\s+(?:\\w+\\s+)?(?:forgot|missed|put|sent|typed|entered|didn't|did not|failed|mixed|misread|picked|packed|was|wasn't|were|had|hadn't|left|took|used|got|read|swapped|overlooked|skipped|mislabel\\w*|misplaced|booked|wrote|loaded|chose|grabbed)\\b`, 'i');

/** fit11: the outcome says it has already been delivered ("your sofa was delivered on Monday", "the cake arrived at 3:10pm"). */
function outcomeSaysDelivered(outcome: string | undefined): boolean {
  return (outcome ?? '').split(/[.;]\s+/u).some((c) => /\b(?:delivered|arrived|reached you)\b/i.test(c) && !/\b(?:will|should|due|expected|arriving|on (?:its|their) way|by the end|once|when|if|not|n't)\b/i.test(c));
}

/** fit11: a signer that is a team, typed without `team: true` ("The Waste Services team", "L'équipe Dupont", "Equipo de soporte"). */
const TEAM_SIGNER = /(?:^|\s)(?:team|équipe|equipo)(?:$|\s)|^team\b|\bteam$/iu;

/** fit11: a cause that is a noun and a clause about it ("a typo when the hours were entered"): "The cause was …", never "because a typo when…". */
const NOUN_THEN_CLAUSE = /^(?:a|an|the|one)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s+(?:when|while|where|whereby|during|in|on|at|with|after|from|between|that|which)\s/iu;
/** The words before the clause are a noun phrase ("a typo when…"), never a clause of their own ("the van broke down on the A61…", "a phone booking went in the diary…": "The cause was the van broke down" is no sentence). */
function nounThenClause(cause: string): boolean {
  const m = NOUN_THEN_CLAUSE.exec(cause.trim());
  if (m === null) return false;
  // The word that ends the noun (before a particle: "broke down") is no verb; "a failed core switch" keeps its adjective.
  const words = m[0].trim().split(/\s+/u).slice(1, -1);
  const last = words.length > 1 && PARTICLE.test(words[words.length - 1]!) ? words[words.length - 2]! : words[words.length - 1]!;
  if (CLAUSE_VERB.test(last)) return false;
  // fit13: "the diary was double-booked after the migration": a finite verb inside the words before the preposition is the clause's own.
  if (words.some((w) => /^(?:was|were|is|are|had|has|got|didn't|wasn't|weren't|hadn't)$/iu.test(w)) || /-\p{Ll}+ed$/u.test(last)) return false;
  // After a preposition ("a stock transfer between our two warehouses was booked…") a finite verb is the noun's own:
  // the whole cause is a clause. After "when"/"while"/"that" ("a typo when the hours were entered") it belongs to that clause.
  const joiner = m[0].trim().split(/\s+/u).pop()!.toLowerCase();
  const rest = cause.trim().slice(m[0].length).split(/[,;.]/u)[0]!;
  return /^(?:when|while|where|whereby|that|which)$/u.test(joiner) || !MAIN_VERB.test(rest);
}
const MAIN_VERB = /(?<![\p{L}'’])(?:was|were|is|are|had|has|got|didn't|wasn't|weren't|hadn't)(?![\p{L}'’])|(?<![\p{L}'’])(?:\p{L}+ed|sent|went|broke|ran|fell|came|left|took|made|gave|sold|put|set|lost|froze|shut|hit|cut|wiped|wrote|overwrote|kept|let|told|meant|threw|brought|caught|held|forgot|stole|drove|tore|split|spread|stuck|blew|hid|built|bought)\s+(?:a|an|the|our|your|their|its|all|every|each|some|half|two|three|several|many|it|them|us|you|down|up|out|off|over|away|back|through|\d[\d,.]*)(?![\p{L}'’])/iu;
const PARTICLE = /^(?:down|up|out|off|over|away|back|through)$/iu;
const CLAUSE_VERB = /^(?:\p{L}+ed|went|broke|ran|fell|came|sent|left|got|took|made|gave|sold|put|set|lost|froze|shut|hit|cut|was|were|is|are|had|has|did|didn't|wasn't|weren't|hadn't)$/iu;

/** Work made or altered for this customer: printed, personalised, tailored, repaired, framed. Nothing to keep, send back or collect; it is redone. */
const MADE_WORK = /\b(?:crowns?|dentures?|veneers?|retainers?|aligners?|mouthguards?|ear ?moulds?|hearing aids?|orthotics?|insoles|clean(?:ed|ing|ers?)|re-?clean\w*|install(?:ed|ation|ing)?|fitted|paint(?:ed|ing)|decorat\w*|mow(?:ed|ing)|servic(?:ed|ing)|groom(?:ed|ing)|haircut|print(?:ed|ing|s)?|reprint\w*|personali[sz](?:ed|ation)|engrav\w*|embroider\w*|monogram\w*|custom(?:-made|i[sz]ed)|bespoke|made[- ]to[- ](?:order|measure)|tailor(?:ed|ing)?|hem(?:med|s)?|alter(?:ation|ed)s?|re-?finish\w*|repair(?:ed|s)?|fram(?:ed|ing)|prescription (?:glasses|lenses)|glasses|lenses|spectacles|business cards|invitations|stationery|signage|banners?|proof(?:ed|s)?|artwork)\b/i;
/** A finished thing that went to the wrong person: sent, packed or swapped. */
const SENT_WRONG = /\b(?:(?:sent|posted|delivered|gave|given|packed|shipped|handed|mailed|dispatched)\s+(?:you\s+|out\s+)?(?:the\s+|a\s+)?(?:wrong|someone else's|another (?:customer|family|pupil|person|client)'s)|swapped|mixed up|mix-up|got switched|of a different (?:pupil|child|person|customer|family|client))\b/i;
/** An offer that remakes the work ("we'll reprint it", "redo the engraving"). */
const REDONE = /\b(?:re-?print\w*|re-?do(?:ne|ing)?|re-?make|remade|re-?engrav\w*|re-?stitch\w*|re-?cut|re-?fit\w*|re-?paint\w*|re-?frame\w*|make (?:it|them|a new one) again|new (?:print|set) made)\b/i;
/** Made fresh for the customer (a cake, a bouquet, a platter): nothing to send back or collect. */
const PERISHABLE = /\b(?:cakes?|cupcakes?|bakes?|pastr(?:y|ies)|flowers?|bouquets?|arrangements?|posy|posies|wreaths?|catering|buffets?|platters?|sandwich\w*)\b/i;
/** Something one eats: only then "don't eat it". */
const EDIBLE = /\b(?:food|meals?|kits?|eat\w*|snacks?|cakes?|biscuits?|cookies?|bread|sweets?|chocolates?|sauces?|dish(?:es)?|recipes?|box|hamper|pizzas?|sandwich\w*|takeaway|curry|tikka|risotto|salad|soup|milk|cheese|meat|fish|chicken|pork|beef|bacon|ham|gelatine?|vegan|vegetarian|halal|kosher|gluten|dairy|peanuts?|nuts|drink|wine|beer|juice)\b/i;
/** Money left the customer (charged, debited, taken), unless the facts say nothing was taken yet. */
const MONEY_TAKEN = /\b(?:charg(?:e|ed|es|ing)|overcharg\w*|took|taken|tak(?:e|ing)|debit(?:ed|s)?|direct debit|deducted|paid|payments?|card|refund\w*|collected|withdrawn|twice|double)\b/i;
const NOTHING_TAKEN = /\b(?:nothing (?:has been|had been|was|is|will be) (?:taken|charged|paid|debited|collected)|(?:nothing|no money|no payment)\b[^.;]{0,25}\b(?:left|taken|gone out)|(?:not|n't) (?:yet )?(?:been )?(?:taken|charged|paid|debited|collected)|before (?:any|the) payment|before (?:it|anything) (?:was|is) (?:paid|taken)|unpaid|not (?:yet )?due)\b/i;
/** A shipping delay whose thing is readied, not delivered ("your car will now be ready on Friday"): the follow-up asks whether it was ready. */
const READY = /\b(your [\p{L}'’ -]{2,30}?)\s+(?:will (?:now )?be|is|isn't|won't be|will not be|wasn't|was|should be)\s+(?:now\s+)?ready\b/iu;
/** A missed collection of bins, recycling or waste: nobody kept time free; they put it out. */
const WASTE = /\b(?:bins?|recycling|rubbish|refuse|garden waste|food waste|waste)\b/i;
/** What a reference names when the incident is no shop order: a booking, an account, a job; else "order". */
const SHOP_WORDS = /\b(?:orders?|ordered|parcels?|shipped|dispatch(?:ed)?|basket|checkout|delivery|delivered|courier)\b/i;
const BOOKING_WORDS = /\b(?:bookings?|booked|pitch(?:es)?|rooms?|stays?|sailings?|crossings?|flights?|trips?|tickets?|reservations?|tables?|appointments?|class(?:es)?|sessions?|lessons?|courses?|tours?|courts?)\b/i;
const ACCOUNT_WORDS = /\b(?:bills?|billed|meter|tariff|statements?|account|subscriptions?|direct debit|standing order|premiums?|policy)\b/i;
const JOB_WORDS = /\b(?:repairs?|repaired|service[ds]?|servicing|engineer|mechanic|workshop|fitting|install(?:ation|ed)?|job)\b/i;
function refNounOf(incident: Incident): string {
  const text = [incident.mistake, incident.summary ?? '', incident.outcome ?? '', incident.remedy.details ?? ''].join(' ');
  if (SHOP_WORDS.test(text)) return 'order';
  if (incident.scenario === 'billing-error' && ACCOUNT_WORDS.test(text)) return 'account';
  if (JOB_WORDS.test(text)) return /\brepair/i.test(text) ? 'repair' : 'job';
  if (incident.scenario === 'missed-appointment' || BOOKING_WORDS.test(text)) return 'booking';
  if (ACCOUNT_WORDS.test(text)) return 'account';
  return 'order';
}

/** A mistake that names its cost to the reader: a consequence joined to it ("so your class didn't happen", "leaving you without heating"). */
const COST_REPEATS: Partial<Record<string, RegExp>> = {
  // "the wrong size", "(10mg not 5mg)": the mistake already says something else came.
  'wrong-item': /(?<![\p{L}])(?:instead of|rather than|in place of|wrong|not the)(?![\p{L}])|\(\S+ not \S+\)/iu,
  'shipping-delay': /(?<![\p{L}])(?:(?:the )?(?:day|date|time) we (?:said|promised|gave|agreed|quoted)|when we said|as (?:we )?promised|we promised)(?![\p{L}])/iu,
};
/**
 * blind13: where the only cost line the templates have is a stock one that repeats the mistake ("You were counting on
 * the bags arriving when we said, and they didn't" after "…didn't ship Monday like we said, 4 days late"), or a minor
 * slip of no named kind ("This should have been simple for you…"), the letter says none: a day that mattered, a
 * dietary need or a loss keeps its own line.
 */
function stockCostOnly(incident: Incident): boolean {
  if (/\b(?:wedding|funeral|memorial|condolence|sympathy|birthday|anniversary|christening|allerg\w*|gluten|vegan|halal|kosher)\b/iu.test(`${incident.mistake} ${incident.summary ?? ''}`)) return false;
  if (incident.scenario === 'shipping-delay') return /(?<![\p{L}])(?:late|later|delay(?:ed)?|(?:like|as) we said|didn't (?:ship|arrive|leave|go out|turn up)|did not (?:ship|arrive|leave)|missed)(?![\p{L}])/iu.test(incident.mistake);
  return incident.scenario === 'generic' && incident.severity === 'minor';
}
const MISTAKE_SAYS_COST = /(?<![\p{L}])(?:so (?:that )?(?:your|you|the|our|it|they|nobody|no one|none)|which meant|meaning (?:you|your|that)|and you (?:couldn't|could not|can't|had to|have to|missed|lost|were|weren't|didn't)|leaving (?:you|your)|left (?:you|your)|when (?:you|most|many|all|everyone|some)(?![\p{L}])[^.]*?(?<![\p{L}])(?:already|waiting|were|had)|while you (?:waited|were))(?![\p{L}])/iu;

/** A category typed as the cause, said as a sentence of ownership: "scheduling" → "It was a scheduling error on our side." */
function vagueCauseSaid(cause: string): string {
  const p = cause.trim().toLowerCase().replace(/[.!\s]+$/u, '').replace(/^(?:it was|just|a|an|the|our|some)\s+/u, '').replace(/\s+(?:on our (?:side|part|end)|by us|our end)$/u, '');
  const kind = /^(scheduling|booking|admin|administrative|clerical|data entry|input|typing|labelling|labeling|packing|picking|dispatch|billing|invoicing|payroll|diary|rota|calendar)(?:\s+(?:error|mistake|issue|problem|fault|mix-up|failure))?s?$/u.exec(p);
  if (kind) return `It was ${/^[aeiou]/u.test(kind[1]!) ? 'an' : 'a'} ${kind[1]} error on our side.`;
  if (/^human (?:error|mistake)s?$|^(?:error|mistake|oversight)s?$/u.test(p)) return 'One of us made a mistake, and it got through.';
  if (/^(?:miscommunication|communication(?:\s+(?:error|issue|problem|breakdown|failure))?)$/u.test(p)) return 'It came down to a miscommunication inside our team.';
  if (/^(?:rushed|rushing|rush(?:ed)? job|too busy|busy|understaffed|short[- ]staffed|staff shortage|staffing(?:\s+(?:issue|problem)s?)?)$/u.test(p)) return /rush/u.test(p) ? 'We rushed it, and that is on us.' : 'We were short of people, and that is ours to solve, not yours to live with.';
  if (/^(?:(?:technical|system|software|it|server|network)\s+(?:error|issue|problem|fault|failure|difficulties|glitch|bug)s?|glitch(?:es)?|bugs?|(?:software|system) bugs?)$/u.test(p)) return 'It was a fault in our own systems.';
  if (/^(?:capacity(?:\s+issues?)?|(?:high|heavy)\s+(?:load|demand)|load|demand)$/u.test(p)) return 'More people came at once than we had planned for, and the planning was ours to get right.';
  // One noun typed alone ("handover", "paperwork"): a mistake of that kind, and ours.
  if (/^[a-z]{4,}(?:-[a-z]+)?$/u.test(p) && !/(?:ed|ly|ing|ous|ful|ive|able|ible)$/u.test(p) && !CATEGORY_ONLY.test(p)) return `It was ${/^[aeiou]/u.test(p) ? 'an' : 'a'} ${p} mistake on our side.`;
  return '';
}

/**
 * An action typed as "nothing you need to do. if you got a reminder that isn't yours pls delete it": what there is to do
 * first, then "Otherwise, there's nothing you need to do." Alone, it is said only in a data-exposure letter (where a
 * reader wonders), never after "I need you to do one thing".
 */
function withNothingToDo(incident: Incident): Incident {
  const typed = (incident.action ?? '').trim();
  const none = NOTHING_TO_DO.exec(typed);
  // blind13: "nothing to send back" said as a sentence ("There's nothing to send back.").
  const nothingTo = /^(?:there(?:['’]s| is)\s+)?(?:nothing|no need)\s+(?:for you\s+)?to\s+(send|return|post|bring|pay|sign|print)(?![\p{L}])([^.;!?]*)[.!]*$/iu.exec(typed);
  if (!none && nothingTo) return { ...incident, action: `There's ${/^(?:there(?:['’]s| is)\s+)?no need/iu.test(typed) ? 'no need' : 'nothing for you'} to ${nothingTo[1]!.toLowerCase()}${nothingTo[2]}.` };
  if (!none) return incident;
  const rest = typed.slice(none[0].length).trim();
  if (rest === '') return { ...incident, action: incident.scenario === 'data-exposure' ? "There's nothing you need to do." : undefined };
  const ask = rest.replace(/^(if\s[^,]{3,}?)\s+(please|pls|plz|just|kindly|call|ring|phone|email|e-mail|write|reply|contact|tell|let)(?=\s)/iu, '$1, $2').replace(/[.!\s]+$/u, '');
  // "no action needed, pls disregard the duplicate invoice": one plain ask after "nothing to do" (never "Here is what we
  // need you to do. … Otherwise, there's nothing you need to do.").
  const plain = /^(?:(?:please|pls|plz|kindly|just)\s+)?(?!if\b|when\b|unless\b|should\b|in case\b)(\p{L}[^.;!?]*)$/iu.exec(ask);
  if (plain && /^(?:disregard|ignore|bin|delete|keep|use|hold on to|keep hold of)\b/iu.test(plain[1]!)) return { ...incident, action: `You don't need to do anything; please ${plain[1]}.` };
  return { ...incident, action: `${ask}. Otherwise, there's nothing you need to do.` };
}
const NOTHING_TO_DO = /^(?:there(?:['’]s| is)\s+)?(?:nothing(?:\s+else)?\s+(?:(?:that\s+)?(?:you|for you)\s+(?:(?:need|have)\s+to|must)\s+do|for you to do|to do|needed(?:\s+from you)?)|no action(?:\s+is)?\s+(?:needed|required)(?:\s+from you)?)\s*(?:[.!;,]+|(?:,\s*)?(?:but|except|unless)\s*:?)?\s*/iu;

/** "delivery tmrw 9-1", "redelivery on fri": when we deliver, typed without a verb ("We'll now deliver tomorrow…"). */
const DELIVERY_WHEN = /^\s*(?:re-?)?delivery\s+(?:now\s+)?(?=(?:tomorrow|tmrw|today|tonight|on|this|next|mon|tue|wed|thu|fri|sat|sun|\d)(?![\p{L}]))/iu;
const ARRIVING = /^\s*(?:now\s+)?(?:arriving|due|expected|coming|being delivered|out for delivery|on (?:its|their) way)(?![\p{L}])/iu;
/** The subject an arrival typed without one is about: the thing the mistake names ("your print order"), else "your order". */
function withArrivalSubject(incident: Incident): string {
  const typed = incident.outcome!.trim();
  const thing = /(?<![\p{L}])(your\s+(?:[\p{L}-]+\s+){0,3}?(?:order|parcel|delivery|package|box|items?|goods|print order|prints|furniture|sofa|bike|car))(?![\p{L}])/iu.exec(incident.mistake)?.[1] ?? 'your order';
  const plural = /(?:s|items|goods)$/iu.test(thing) && !/(?:ss|us)$/iu.test(thing);
  const rest = typed.replace(/^now\s+/iu, '').replace(/^(arriving|due|expected|coming)\s+(?=(?:mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?\s|\d{1,2}(?:st|nd|rd|th)?\s+\p{L})/iu, '$1 on ');
  return `${thing.toLowerCase()} ${plural ? 'are' : 'is'} now ${rest}`;
}

/** A cause typed as a bare noun and then a clause joined by "and" ("crew shortage (two off sick) and we couldn't sail"): the noun with its article and a comma; '' otherwise. */
function nounAndClause(cause: string, now: Date): string {
  // "diary mix up (new booking app wasn't synced with the calendars)": the label, then what happened ("a diary mix-up: the new booking app…").
  const b = /^([\p{Ll}][\p{Ll}-]*(?:\s+[\p{Ll}][\p{Ll}-]*){0,3})\s*\(([^()]{12,})\)\s*[.!]?$/u.exec(cause.trim());
  if (b && !DETERMINER_START.test(b[1]!) && causeIsNoun(b[1]!) && b[2]!.trim().split(/\s+/u).length >= 3) {
    const head = b[1]!.replace(/\bmix up\b/u, 'mix-up');
    const last = head.split(/\s+/u).pop()!;
    const article = /(?:ss|us|is)$/u.test(last) || !/s$/u.test(last) ? (/^[aeiou]/iu.test(head) ? 'an ' : 'a ') : '';
    return `${article}${head}: ${proseClause(b[2]!.trim(), now)}`;
  }
  const m = /^([\p{Ll}][\p{Ll}-]*(?:\s+[\p{Ll}][\p{Ll}-]*){0,2})(\s*\([^)]*\))?,?\s+and\s+(we|it|they|nobody|no one|the|our)\s+(.+)$/u.exec(cause.trim());
  if (!m || DETERMINER_START.test(m[1]!) || !causeIsNoun(m[1]!)) return '';
  const head = m[1]!;
  const last = head.split(/\s+/u).pop()!;
  const article = /(?:ss|us|is)$/u.test(last) || !/s$/u.test(last) ? (/^[aeiou]/iu.test(head) ? 'an ' : 'a ') : '';
  return `${article}${head}${m[2] ?? ''}, and ${m[3]} ${m[4]}`;
}
const DETERMINER_START = /^(?:a|an|the|our|your|their|my|this|that|these|those|some|no|every|each|one|two|we|it|they|i|he|she)(?![\p{L}])/iu;

/** The notes layer reads the cause as a clause with its verb left out ("2 drivers off sick, we didn't…" → "2 drivers were off sick."): no "The cause was …" before it. */
function noteMadeClause(cause: string, now: Date): boolean {
  const first = cause.split(/[,;.]/u)[0]!;
  const prose = noteToProse(cause, 'cause', { now }).split(/[,;.]/u)[0]!;
  const be = /(?<![\p{L}])(?:was|were|is|are|had|has|have)(?![\p{L}])/u;
  return be.test(prose) && !be.test(first);
}

/** A note as the letter's prose, to stand inside a sentence: "new booking app wasn't synced…" → "our new booking app wasn't synced…" (no capital, no full stop). */
function proseClause(note: string, now: Date): string {
  return noteToProse(note, 'cause', { now }).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()).replace(/[.]\s*$/u, '');
}

/** A mistake told as what will happen ("your order will arrive two days late"). */
const FUTURE_MISTAKE = /(?<![\p{L}])(?:will|won't|is going to|are going to)(?![\p{L}])|['’]ll(?![\p{L}])/iu;

/** Words that name no kind of work, or a cause outside us: never "a problem mistake", never "a weather mistake on our side". */
const CATEGORY_ONLY = /^(?:error|errors|mistake|mistakes|issue|issues|problem|problems|fault|faults|failure|failures|oversight|unknown|various|reasons|circumstances|something|things|stuff|misc|other|n\/a|none|tbc|tbd|weather|snow|storm|storms|rain|wind|flood|flooding|fog|ice|heat|strike|strikes|covid|illness|sickness|traffic|roadworks|courier|couriers|supplier|suppliers|post|postal|holiday|holidays|christmas|demand|customs|brexit)$/u;

/** Children in the incident: no joke beside it. */
const CHILDREN = /\b(?:child(?:ren|'s)?|kids?|son'?s?|daughter'?s?|baby|babies|toddlers?|pupils?|nursery|school)\b/i;

interface FitFacts { offerKind: string; thousands: boolean; madeWork: boolean; perishable: boolean; edible: boolean; moneyLeft: boolean; readyWhat: string; wasteCollection: boolean; children: boolean; teamNamesCompany: boolean }
const NO_FIT_FACTS: Readonly<FitFacts> = Object.freeze({ offerKind: '', thousands: false, madeWork: false, perishable: false, edible: true, moneyLeft: true, readyWhat: '', wasteCollection: false, children: false, teamNamesCompany: false });

/**
 * fit11: what a line may claim, from the facts typed. `madeWork`: the wrong item was made or altered for the
 * customer (nothing to keep or collect; "redo", never "what we sent"). `perishable`: food or flowers. `edible`: "don't
 * eat it" only for something one eats. `moneyLeft`: a billing mistake that took money (else no "left your account",
 * no bank-fee offer). `readyWhat`: "your car" for a delay told as "ready". `wasteCollection`: a missed bin round.
 * `children`: no joke. `teamNamesCompany`: a team signer whose name has the company in it (no company line under it).
 */
function fitFacts(incident: Incident, signerName: string, companyName: string): FitFacts {
  const facts = [incident.mistake, incident.summary ?? '', incident.remedy.details ?? ''].join(' ');
  const billingText = [incident.mistake, incident.summary ?? '', incident.outcome ?? '', incident.remedy.details ?? ''].join(' ');
  const ready = incident.scenario === 'shipping-delay' ? READY.exec([incident.outcome ?? '', incident.mistake].join('. ')) : null;
  // (the mistake and the offer, not the cause: "two order slips were printed on one sheet" is no printed order)
  // (a finished thing sent to the wrong person or swapped, "sent you the wrong photo pack", is resent, not redone, unless the offer says it is remade)
  const madeWork = incident.scenario === 'wrong-item' && MADE_WORK.test(facts) && !(SENT_WRONG.test(incident.mistake) && !REDONE.test([incident.remedy.details ?? '', incident.outcome ?? '', incident.action ?? ''].join(' ')));
  return {
    // A replacement of work redone ("a full re-clean", "a reprint") is offered as putting it right, not "We're replacing it with".
    offerKind: madeWork && incident.remedy.kind === 'replacement' ? 'redo' : incident.remedy.kind,
    // A letter that goes to thousands: nobody promises to answer each one "myself".
    thousands: incident.affected >= 1000,
    madeWork,
    perishable: incident.scenario === 'wrong-item' && PERISHABLE.test(facts),
    edible: EDIBLE.test(facts),
    moneyLeft: incident.scenario !== 'billing-error' || (MONEY_TAKEN.test(billingText) && !NOTHING_TAKEN.test(billingText)),
    readyWhat: ready ? ready[1]!.toLowerCase().replace(/\s+/gu, ' ').trim() : '',
    wasteCollection: incident.scenario === 'missed-appointment' && WASTE.test([incident.mistake, incident.summary ?? ''].join(' ')),
    children: CHILDREN.test([incident.mistake, incident.summary ?? '', incident.rootCause, incident.people.many].join(' ')),
    teamNamesCompany: signerName.toLowerCase().includes(companyName.toLowerCase()),
  };
}

const SUBJECT_LEAD = /(?:^|[.;:!?]\s+|,\s+|\b(?:and|but|because|so|when|as|while|after|before|since|until|if|then)\s+)$/iu;
const SIGNER_VERB: Readonly<Record<string, string>> = { is: 'am', "isn't": 'am not', 'isn’t': 'am not', has: 'have', "hasn't": "haven't", 'hasn’t': 'haven’t', does: 'do', "doesn't": "don't", 'doesn’t': 'don’t', was: 'was', "wasn't": "wasn't" };

/**
 * fit11: the signer's own name in the facts, said in the first person: "Dr Evans was off sick" → "I was off sick",
 * "Ruth forgot to hand over her list" → "I forgot to hand over my list", "Dr Evans's list" → "my list", "with Ruth" → "with me".
 */
export function signerAsI(incident: Incident): Incident {
  const full = incident.signer.name.trim();
  const parts = full.replace(/^(?:dr|mr|mrs|ms|miss|mx|prof)\.?\s+/iu, '').split(/\s+/u).filter(Boolean);
  if (parts.length === 0) return incident;
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const names = [full, parts.join(' ')];
  const title = /^(dr|mr|mrs|ms|miss|mx|prof)\.?\s/iu.exec(full);
  if (title && parts.length > 1) names.push(`${title[1]}\\.? ${parts[parts.length - 1]}`);
  if (parts.length > 1 && parts[0]!.length >= 3) names.push(parts[0]!);
  const alt = [...new Set(names)].sort((a, b) => b.length - a.length).map((n) => (n.includes('\\.?') ? n : esc(n))).join('|');
  const re = new RegExp(`(?<![\\p{L}])(?:${alt})(['’]s)?(?![\\p{L}])(\\s+(\\S+))?`, 'giu');
  const fix = (text: string | undefined): string | undefined => {
    if (!text || !re.test(text)) return text;
    re.lastIndex = 0;
    // "The Ruth forgot…" (an article a note's rewrite put before a name): nobody is "the Ruth".
    text = text.replace(new RegExp(`(?<![\\p{L}])the\\s+(?=(?:${alt})(?![\\p{L}]))`, 'giu'), (t) => (/^T/u.test(t) ? '' : ''));
    let subject = false;
    const out = text.replace(re, (_all, poss: string | undefined, tail: string | undefined, next: string | undefined, at: number, whole: string) => {
      if (poss) return `my${tail ?? ''}`;
      const before = whole.slice(0, at);
      if (SUBJECT_LEAD.test(before) && next && /^\p{Ll}/u.test(next)) {
        subject = true;
        const verb = SIGNER_VERB[next.toLowerCase()];
        return `I${tail!.replace(next, verb ?? next)}`;
      }
      return `me${tail ?? ''}`;
    });
    // "I forgot to hand over her list": the signer's own things are "my".
    return subject ? out.replace(/(?<![\p{L}])(?:his|her)(?=\s+\p{Ll})/gu, 'my').replace(/(?<![\p{L}])(?:himself|herself)(?![\p{L}])/gu, 'myself') : out;
  };
  return {
    ...incident,
    mistake: fix(incident.mistake)!,
    rootCause: fix(incident.rootCause)!,
    commitment: fix(incident.commitment)!,
    summary: fix(incident.summary),
    outcome: fix(incident.outcome),
    action: fix(incident.action),
  };
}

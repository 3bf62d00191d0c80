import type { Incident } from '../incident/schema.js';
import type { Stage } from '../message.js';
import { greetingFor, isFormal } from '../recipients/greeting.js';
import { firstNameOf, type Recipient } from '../recipients/recipient.js';
import { about, formatNumber } from '../templates/helpers.js';
import { longDate } from '../text/dates.js';
import { addDuration } from './clock.js';

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
};

/**
 * `recipient.greeting`: the whole greeting line by SPEC's rules ("Hi Zoë,",
 * "Dear Dr García-López,", "Hello," for an organisation, initials or an order
 * number). A first name that is only the first word of the name was derived,
 * not given: the name is read with every rule instead.
 */
function greetingValue(formal: boolean): RecipientValue {
  const options = { formal };
  return (r) => {
    const given = r.first_name !== '' && r.first_name !== firstNameOf(r.name) ? r.first_name : undefined;
    return greetingFor({ first_name: given, name: r.name, salutation: r.fields.salutation, last_name: r.fields.last_name }, options).line;
  };
}

export interface ContextOptions {
  now: Date;
  stage: Stage;
  /** The campaign's incident id (the one its Message-IDs carry). */
  id: string;
  /** More recipient values, after the built-in ones (a library user's, or a test's). */
  values?: Readonly<Record<string, RecipientValue>>;
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

export function contextBuilder(incident: Incident, o: ContextOptions): ContextBuilder {
  const values: Record<string, keyof Recipient | RecipientValue> = { ...RECIPIENT_VALUES, greeting: greetingValue(isFormal(incident)), ...o.values };
  const names = Object.keys(values);
  const followUpDue = incident.followUp ? addDuration(o.now, incident.followUp.after) : undefined;
  const severe = incident.severity === 'major' || incident.severity === 'critical';
  const company = {
    name: incident.company.name,
    from: incident.company.from ?? '',
    replyTo: incident.company.replyTo ?? '',
    phone: incident.company.phone ?? '',
    email: incident.company.email ?? '',
  };
  const signer = { name: incident.signer.name, title: incident.signer.title ?? '', team: incident.signer.team };
  const incidentPart: IncidentContext = {
    incident: {
      ...incident,
      id: o.id,
      company,
      signer,
      remedy: { kind: incident.remedy.kind, details: incident.remedy.details ?? '' },
      followUp: { after: incident.followUp?.after ?? '' },
      affectedExact: formatNumber(incident.affected),
      affectedAbout: about(incident.affected),
      severe,
      single: incident.affected === 1,
      many: incident.affected >= 100,
    },
    company,
    signer,
    stage: o.stage,
    severe,
    today: longDate(o.now),
    followUpDate: followUpDue ? longDate(followUpDue) : '',
  };

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

/**
 * The regulator line of a data-exposure letter, read from `exposure.regulator` however it was typed:
 * "ICO", "reported to the ICO Friday 20 November", "ICO notified 20 Nov", "the ICO, on 3 March",
 * "We reported it to the ICO within 72 hours.", "will report to the DPC by Monday".
 * Split into who was told (`name`, for "You can also complain to the ICO directly") and when
 * (`when`, "on Friday 20 November"), so neither sentence carries the other's words.
 */
export interface RegulatorParts {
  /** Who was told, with its article: "the ICO", "the Information Commissioner's Office (ICO)"; "" when the text names nobody. */
  name: string;
  /** When, as a phrase after the verb: "on Friday 20 November", "within 72 hours", "yesterday"; "" when not said. */
  when: string;
  /** Who the customer may complain to: the first authority named ("the ICO and the police" → "the ICO"). */
  complainTo: string;
  /** The whole sentence: "We reported it to the ICO on Friday 20 November."; "" when there is nothing to say. */
  sentence: string;
}

const NONE: RegulatorParts = { name: '', when: '', complainTo: '', sentence: '' };

const VERB = '(?:reported|notified|informed|told|contacted|alerted|advised|report|notify|inform|tell|contact|alert|advise)';
/** A subject and verb before the authority: "We reported it to", "reported to", "have notified", "will report this to". */
const LEAD = new RegExp(
  `^(?:(?:we|i)\\s+)?(?:(?:have|had|'ve|’ve|will|shall|are going to|plan to|intend to)\\s+)?(?:(?:already|also|formally)\\s+)?(?:${VERB}|filed (?:a )?(?:report|notification) with|made (?:a )?(?:report|notification) to|report(?:ed)? made to|notification (?:made |sent )?to|report to)\\s+(?:(?:it|this|the (?:incident|breach|exposure|matter))\\s+)?(?:to\\s+|with\\s+)?`,
  'i',
);
/** A passive verb after the authority: "ICO notified 20 Nov", "the ICO has been informed", "ICO was told on Friday". */
const PASSIVE = new RegExp(`\\s*,?\\s+(?:(?:has|have|was|were|is|are|will be)\\s+)?(?:been\\s+)?(?:${VERB})\\b(?:\\s+of\\s+(?:it|this|the (?:incident|breach)))?`, 'i');
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)';
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)';
/** Where the time starts: a preposition of time, a relative day, a weekday, a month, a number. */
const WHEN_START = new RegExp(
  `(?:^|[\\s,;(—–-]+)(?=(?:on|at|by|within|in the|in under|inside|before|after|the same day|same day|yesterday|today|tonight|this (?:morning|afternoon|evening|week)|last (?:night|week|${WEEKDAY})|earlier|straight away|immediately|${WEEKDAY}|${MONTH})\\b|\\d)`,
  'i',
);
const FUTURE = /^\W*(?:(?:we|i)\s+)?(?:will|shall|are going to|plan to|intend to|are (?:reporting|notifying)|to be (?:reported|notified))\b|\bwill be (?:reported|notified|informed|told)\b|^\W*(?:report|notify|inform|tell)\b/i;
const NOT_TOLD = /^\W*(?:n\/a|none|no|nobody|not (?:yet )?(?:reported|notified|required|needed|reportable)|no (?:report|need|requirement))\b/i;

function tidyName(raw: string): string {
  let n = raw.trim().replace(/^[,;:\s]+|[,;:\s]+$/g, '').replace(/\s+(?:on|at|by|in|of)$/i, '');
  if (n === '') return '';
  // "ico", "dpc": an acronym typed in lower case.
  if (/^[a-z]{2,5}$/.test(n)) n = n.toUpperCase();
  // "ICO", "Information Commissioner's Office": with "the", as a sentence names it.
  if (!/^(?:the|our|their|a|an)\s/i.test(n) && /^(?:\p{Lu}{2,}\b|\p{Lu}[\p{L}'’]+(?:\s+\p{Lu}[\p{L}'’]+)*\s+(?:Office|Commission(?:er)?|Authority|Agency|Board|Bureau|Department|Ombudsman|Regulator|Council|Service|Inspectorate|Police))/u.test(n)) n = `the ${n}`;
  return n.replace(/^The\s/, 'the ');
}

function tidyWhen(raw: string): string {
  let w = raw.trim().replace(/^[,;:(—–-\s]+/, '').replace(/[.;,\s]+$/, '');
  // An unbalanced ")" left where a bracket was cut: "(by Friday)" → "by Friday".
  if ((w.match(/\)/g) ?? []).length > (w.match(/\(/g) ?? []).length) w = w.replace(/\)(?=[^)]*$)/, '').trim();
  if (w === '') return '';
  // A weekday, a month or a number: a day ("on Friday 20 November"); a clock time: "at 14:00".
  if (/^\d+\s+(?:days?|hours?|hrs?|weeks?|minutes?|mins?)\b/i.test(w)) return w;
  if (/^\d{1,2}[:.]\d{2}\b|^\d{1,2}\s*(?:am|pm)\b/i.test(w)) return `at ${w}`;
  if (new RegExp(`^(?:${WEEKDAY}|${MONTH})\\b|^\\d`, 'i').test(w)) return `on ${w}`;
  if (/^same day\b/i.test(w)) return `the ${w}`;
  return w;
}

export function regulatorParts(text: string | undefined): RegulatorParts {
  const t = (text ?? '').trim().replace(/[.;,\s]+$/u, '').replace(/^(?:yes|done|ok|y)\b[,:;.\s-]*/i, '');
  if (t === '' || NOT_TOLD.test(t)) return NONE;
  const future = FUTURE.test(t);
  let rest = t.replace(LEAD, '');
  // The time typed first ("at 14:00 on 19 November, the ICO"): the authority after the last comma.
  const first = /^(.*\d.*),\s*((?:the\s+)?\p{Lu}.*)$/u.exec(rest);
  if (first && WHEN_START.exec(rest)?.index === 0) rest = `${first[2]} ${first[1]}`;
  // Brackets are one piece: "(ref 00012345)" after the name is not a time.
  const masked = rest.replace(/\([^)]*\)/g, (m) => 'x'.repeat(m.length));
  // "the ICO has been informed on Friday": the verb after the name goes; what follows it is the time.
  const passive = PASSIVE.exec(masked);
  let name: string;
  let when: string;
  if (passive && passive.index > 0) {
    name = rest.slice(0, passive.index);
    when = rest.slice(passive.index + passive[0].length);
  } else {
    const m = WHEN_START.exec(masked);
    const at = m ? m.index : rest.length;
    name = rest.slice(0, at);
    when = rest.slice(at);
  }
  name = tidyName(name);
  when = tidyWhen(when);
  if (name === '' && when === '') return NONE;
  const to = name === '' ? 'the data protection regulator' : name;
  const sentence = future ? `We will report it to ${to}${when ? ` ${when}` : ''}.` : `We reported it to ${to}${when ? ` ${when}` : ''}.`;
  const complainTo = name.replace(/\s*\([^)]*(?:\d|\bref)[^)]*\)/gi, '').split(/\s+(?:and|&)\s+|,\s*|\s+as well as\s+/)[0]!.trim();
  return { name, when, complainTo, sentence };
}

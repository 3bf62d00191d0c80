import type { Mailbox, Message } from '../message.js';
import { toRfc5322 } from './rfc5322.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** asctime(3) in UTC, as mbox "From " lines use: "Wed Jul  8 09:00:00 2026". */
export function asctime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * mboxrd quoting: every line that starts with ">*From " gets one more ">".
 * Lines are what mbox readers split on, LF only: text after a U+2028 or a CR
 * inside a line is left alone (a JavaScript `^…/m` would quote it).
 */
export function quoteFromLines(text: string): string {
  return text.includes('From ') ? text.replace(/(^|\n)(>*From )/g, '$1>$2') : text;
}

/** One mboxrd entry: separator line, quoted message, blank line. */
export function toMboxEntry(msg: Message): string {
  const raw = toRfc5322(msg, '\n');
  const body = msg.bodyFacts?.fromSafe ? raw : quoteFromLines(raw);
  return `${mboxSeparator(msg.from, msg.date)}${body}${body.endsWith('\n') ? '' : '\n'}\n`;
}

/** The "From sender date" line that starts an entry. */
export function mboxSeparator(from: Mailbox | undefined, date: Date): string {
  return `From ${from?.address ?? 'MAILER-DAEMON'} ${asctime(date)}\n`;
}

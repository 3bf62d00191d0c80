/** RFC 5322 date-time in UTC: "Tue, 08 Jul 2025 09:00:00 +0000". */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

let LONG_DATE: Intl.DateTimeFormat | undefined;

/** A date in a friendly long form, in UTC: "Tuesday, 8 July 2025" (a string that is no date is shown as it is). */
export function longDate(v: unknown): string {
  const d = v instanceof Date ? v : new Date(v === undefined || v === null ? '' : String(v));
  if (Number.isNaN(d.getTime())) return v === undefined || v === null ? '' : String(v);
  LONG_DATE ??= new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return LONG_DATE.format(d);
}

import { InputError } from '../errors.js';
import { hasHeaderBreaker } from '../mail/address.js';
import { printable } from '../text/printable.js';

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
export function checkBody(body: string): void {
  const bad = BODY_CONTROL.exec(body);
  if (bad) throw new InputError(`a value in the message contains the control character ${controlName(bad[0])}`, 'remove control characters from the row (only tabs and line breaks may appear in a value)');
}

/** An InputError naming the first incident value with a control character (line breaks are fine: they are normalised). */
export function checkIncidentValues(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const bad = BODY_CONTROL.exec(value.replace(/\r/g, ''));
    if (bad) throw new InputError(`${path} contains the control character ${controlName(bad[0])}`, 'remove it from the incident (only tabs and line breaks may appear in a value)');
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkIncidentValues(v, path ? `${path}.${k}` : k);
  }
}

/** A rendered header value: one line, spaces folded; a control character is an input error. */
export function renderHeader(raw: string, name: string, file: string): string {
  const value = raw.replace(/[ \t]{2,}/g, ' ').trim();
  if (hasHeaderBreaker(value)) {
    throw new InputError(
      `the ${name} header would contain a line break or control character ("${printable(value)}")`,
      `remove line breaks from the values used in ${name} (template ${file})`,
    );
  }
  return value;
}

import { printable } from '../text/printable.js';
import { displayNameProblem, hasHeaderBreaker, parseMailbox } from '../mail/address.js';
import type { ColumnMap } from './columns.js';
import type { CsvRow } from './csv.js';
import { emailKey } from '../text/email-key.js';
import { firstNameOf } from './recipient.js';

/** A row that passed validation, with its columns by field name. */
export interface GoodRow {
  line: number;
  cells: string[];
  /** The record's text when only some cells were decoded (csv.ts CsvRow.text). */
  text?: string;
  fields: Record<string, string>;
  email: string;
  /** Lower-cased address: the grouping key. */
  key: string;
  name: string;
  first_name: string;
  /** first_name is firstNameOf(name), not a column's. */
  firstDerived?: boolean;
}

/** A preset's name cell that is an address or an id (Stripe's "Customer for jo@example.com", "cus_29a9"): not a name. */
const NOT_A_NAME = /[@\d]/;

/** The row, or why it is rejected. */
export type RowVerdict = GoodRow | string;

/** True for a blank line or a row of empty cells (Excel's trailing ",,,"). */
export function isBlankRow(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/** What validating a row finds besides its cells (RowValidator writes them into one object it reuses). */
export interface RowFacts {
  email: string;
  key: string;
  name: string;
  first: string;
  firstDerived: boolean;
}

/**
 * Validates one row's cells: null when good (its address, key and names are
 * then in `facts`, one object overwritten by each call), else why it is
 * rejected. `makeRowChecker` is this and `makeRowFinisher`; a batch's parse
 * worker (parse-worker.ts) runs this one and the main thread the other.
 */
export type RowValidator = ((cells: string[]) => string | null) & { facts: RowFacts };

/**
 * Validates one row. A row is rejected, never fixed: a missing or invalid
 * email, several addresses, a line break or control character in a value that
 * reaches a header, a ragged row, or an empty column the template needs.
 */
export function makeRowChecker(columns: ColumnMap, required: Set<string>, want?: Uint8Array): (row: CsvRow) => RowVerdict {
  const validate = makeRowValidator(columns, required);
  const finish = makeRowFinisher(columns, want);
  const facts = validate.facts;
  return (row) => {
    const problem = validate(row.cells);
    return problem === null ? finish(row.line, row.cells, row.text, facts.email, facts.key, facts.name, facts.first, facts.firstDerived) : problem;
  };
}

/** The checks of makeRowChecker, without making the row (see RowValidator). */
export function makeRowValidator(columns: ColumnMap, required: Set<string>): RowValidator {
  const { fields: names } = columns;
  const n = names.length;
  const emailIdx = columns.index.get('email')!;
  const nameIdx = columns.index.get('name');
  const firstIdx = columns.index.get('first_name');
  const lastIdx = columns.index.get('last_name');
  // A Dutch export's family-name prefix ("van der"): part of the family name.
  const prefixIdx = lastIdx === undefined ? undefined : columns.index.get('surname_prefix');
  const missingEmail = columns.preset?.emptyEmail ?? 'email is missing';
  // A preset's other name columns (Shopify's Shipping Name, Stripe's Card Name), tried in turn.
  const nameFrom = columns.nameFrom;
  const requiredIdx = [...required]
    .filter((f) => f !== 'email' && f !== 'name' && f !== 'first_name' && columns.index.has(f))
    .map((f) => [f, columns.index.get(f)!] as const);
  const needsName = required.has('name');
  const needsFirst = required.has('first_name');
  const facts: RowFacts = { email: '', key: '', name: '', first: '', firstDerived: false };

  const validate = (cells: string[]): string | null => {
    if (cells.length !== n) {
      return `row has ${cells.length} fields but the header has ${n} (a stray delimiter or quote?)`;
    }
    const rawEmail = cells[emailIdx]!;
    if (rawEmail.trim() === '') return missingEmail;
    const box = parseMailbox(rawEmail);
    if ('error' in box) return `email "${printable(rawEmail, 60)}" is not one valid address: ${box.error}`;
    // The key the pre-pass groups by; it must be the address (a bare address is, trimmed and lower-cased).
    const key = emailKey(rawEmail);
    if (box.address !== rawEmail && box.address.toLowerCase() !== key) {
      return `email "${printable(rawEmail, 60)}" is written in a way that cannot be grouped reliably; write it as name@example.com or Name <name@example.com>`;
    }
    let name = nameIdx === undefined ? '' : cells[nameIdx]!.trim();
    if (nameFrom.length > 0 && (name === '' || NOT_A_NAME.test(name))) {
      name = '';
      for (const i of nameFrom) {
        const v = cells[i]!.trim();
        if (v !== '' && !NOT_A_NAME.test(v)) {
          name = v;
          break;
        }
      }
    }
    if (name === '' && lastIdx !== undefined) {
      // First and last name in two columns (WooCommerce, Square, office sheets): joined.
      let last = cells[lastIdx]!.trim();
      if (prefixIdx !== undefined && last !== '' && cells[prefixIdx]!.trim() !== '') last = `${cells[prefixIdx]!.trim()} ${last}`;
      const given = firstIdx === undefined ? '' : cells[firstIdx]!.trim();
      // A family name alone is no name to greet by ("Hi Smith,"): the plain greeting, the bare address.
      name = given !== '' && last !== '' ? `${given} ${last}` : given;
    }
    const nameProblem = displayNameProblem(name);
    if (nameProblem) return `${nameProblem.replace(/^the name/, 'name')} (it would reach the To header)`;
    if (name === '' && box.name) name = box.name;
    let first = firstIdx === undefined ? '' : cells[firstIdx]!.trim();
    if (hasHeaderBreaker(first)) return 'first_name contains a line break, control or bidi character';
    const firstDerived = first === '';
    if (firstDerived) first = firstNameOf(name);
    if (needsName && name === '') return 'name is empty and the template needs it';
    if (needsFirst && first === '') return 'first_name is empty (and there is no name to take it from) and the template needs it';
    for (const [field, idx] of requiredIdx) {
      if (cells[idx]!.trim() === '') return `${field} is empty and the template needs it`;
    }
    facts.email = box.address;
    facts.key = key;
    facts.name = name;
    facts.first = first;
    facts.firstDerived = firstDerived;
    return null;
  };
  return Object.assign(validate, { facts });
}

/** Makes the good row that makeRowValidator passed: its fields object (see fieldsMaker) and the row. */
export function makeRowFinisher(
  columns: ColumnMap,
  want?: Uint8Array,
): (line: number, cells: string[], text: string | undefined, email: string, key: string, name: string, first: string, firstDerived: boolean) => GoodRow {
  const makeFields = fieldsMaker(columns.fields, columns.also, want);
  const lastIdx = columns.index.get('last_name');
  const prefixIdx = lastIdx === undefined ? undefined : columns.index.get('surname_prefix');
  return (line, cells, text, email, key, name, first, firstDerived) => {
    const fields = makeFields(cells, email, name, first);
    if (prefixIdx !== undefined && fields.last_name !== '' && cells[prefixIdx]!.trim() !== '') fields.last_name = `${cells[prefixIdx]!.trim()} ${fields.last_name!.trim()}`;
    return { line, cells, text, fields, email, key, name, first_name: first, firstDerived };
  };
}

/**
 * Builds a row's fields object: every column by name, then email, name and
 * first_name (set in place when they are columns, else added in that order).
 * Compiled once per file into an object literal, which V8 builds several times
 * faster than a loop of assignments; names that an object literal would treat
 * specially fall back to the loop. `want` (columns.ts columnsRead): only the
 * columns read, the others left out (nothing reads them).
 */
export function fieldsMaker(names: string[], also: readonly [string, number][] = [], want?: Uint8Array): (cells: string[], email: string, name: string, first: string) => Record<string, string> {
  const kept = (i: number) => want === undefined || want[i] === 1;
  const loop = (cells: string[], email: string, name: string, first: string) => {
    const fields: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) if (kept(i)) Object.defineProperty(fields, names[i]!, { value: cells[i]!, enumerable: true, writable: true, configurable: true });
    for (const [k, i] of also) if (kept(i)) Object.defineProperty(fields, k, { value: cells[i]!, enumerable: true, writable: true, configurable: true });
    fields.email = email;
    fields.name = name;
    fields.first_name = first;
    return fields;
  };
  if (names.includes('__proto__') || also.some(([k]) => k === '__proto__')) return loop;
  // A Map keeps a key where it was first set: a repeated column keeps its first place and its last value.
  const entries = new Map<string, string>();
  names.forEach((k, i) => {
    if (kept(i)) entries.set(k, `c[${i}]`);
  });
  for (const [k, i] of also) if (kept(i) && !entries.has(k)) entries.set(k, `c[${i}]`);
  entries.set('email', 'e');
  entries.set('name', 'n');
  entries.set('first_name', 'f');
  const body = [...entries].map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ');
  return new Function('c', 'e', 'n', 'f', `return { ${body} };`) as ReturnType<typeof fieldsMaker>;
}

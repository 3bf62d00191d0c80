import { UsageError } from '../errors.js';

/** Header names as templates see them: trimmed, lower-cased, spaces and dashes → `_`. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const ALIASES = new Map<string, string>([
  ['e_mail', 'email'],
  ['email_address', 'email'],
  ['customer_email', 'email'],
  ['full_name', 'name'],
  ['customer_name', 'name'],
  ['firstname', 'first_name'],
  ['given_name', 'first_name'],
  ['order', 'order_id'],
  ['order_number', 'order_id'],
  ['order_no', 'order_id'],
  // The customer's language (a BCP 47 tag: de, de-AT, fr-FR, es-MX)
  ['language', 'locale'],
  ['lang', 'locale'],
  ['sprache', 'locale'],
  ['langue', 'locale'],
  ['idioma', 'locale'],
  ['customer_locale', 'locale'],
]);

/** Names a column may not take: they would reach object prototypes. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', 'orders']);

export interface ColumnMap {
  /** Raw header cells, as in the file. */
  raw: string[];
  /** Field name for each column index. */
  fields: string[];
  /** Column index of each field. */
  index: Map<string, number>;
}

/** Maps the header row to field names: --map first, then aliases, then the normalised name. */
export function mapColumns(header: string[], map: Map<string, string>): ColumnMap {
  const fields: string[] = [];
  const index = new Map<string, number>();
  const used = new Set<string>();
  header.forEach((raw, i) => {
    const norm = normaliseHeader(raw);
    let field = map.get(norm) ?? ALIASES.get(norm) ?? norm;
    if (field === '') field = `column_${i + 1}`;
    if (FORBIDDEN.has(field)) {
      throw new UsageError(`column "${raw}" cannot be used as "${field}" (a reserved name)`, `rename it, or --map "${raw}=other_name"`);
    }
    if (used.has(field)) {
      const first = header[index.get(field)!]!;
      throw new UsageError(`columns "${first}" and "${raw}" both become "${field}"`, `rename one, or --map "${raw}=other_name"`);
    }
    used.add(field);
    index.set(field, i);
    fields.push(field);
  });
  for (const [col] of map) {
    if (!header.some((h) => normaliseHeader(h) === col)) {
      throw new UsageError(`--map names a column "${col}" that the CSV does not have`, `the columns are: ${header.join(', ')}`);
    }
  }
  if (!index.has('email')) {
    throw new UsageError(
      `the CSV has no email column (columns: ${header.map((h) => `"${h}"`).join(', ')})`,
      'name one "email" (or e-mail, email_address, customer_email), or use --map "YourColumn=email"',
    );
  }
  return { raw: header, fields, index };
}

import type { FoundLocales } from '../compose/locales.js';
import { readCsv } from '../recipients/csv.js';
import { toUtf8 } from '../recipients/decode.js';
import { FingerprintSet } from '../text/fingerprint.js';
import type { PassInput } from './run.js';

/**
 * The pre-pass of a CSV with a `locale` column: each distinct value, and how
 * many customers (distinct email addresses) have it. Run only when the column
 * is there, so a single-language batch reads its file as before; memory stays
 * flat (a fingerprint per customer, a counter per distinct value).
 */
export async function scanLocales(input: PassInput): Promise<FoundLocales> {
  const localeIdx = input.columns.index.get('locale');
  const emailIdx = input.columns.index.get('email')!;
  const found = new Map<string, number>();
  if (localeIdx === undefined) return found;
  const seen = new FingerprintSet();
  for await (const { rows } of readCsv(toUtf8(input.file.chunks(), { encoding: input.file.encoding }), { delimiter: input.delimiter })) {
    for (const r of rows) {
      const raw = r.cells[localeIdx];
      if (raw === undefined || raw === '') continue;
      const email = (r.cells[emailIdx] ?? '').trim().toLowerCase();
      if (seen.add(`${raw}\0${email}`)) found.set(raw, (found.get(raw) ?? 0) + 1);
    }
  }
  return found;
}

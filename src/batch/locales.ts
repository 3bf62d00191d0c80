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
export async function scanLocales(input: PassInput, countCustomers: (raw: string) => boolean, collectGarbage?: () => void): Promise<FoundLocales> {
  const localeIdx = input.columns.index.get('locale');
  const emailIdx = input.columns.index.get('email')!;
  const found = new Map<string, number>();
  if (localeIdx === undefined) return found;
  // Customers are told apart (a fingerprint each) only for the values a warning counts: a locale with no letters or
  // one that falls back. The usual file, every locale known and translated, keeps one counter per value.
  const counted = new Map<string, boolean>();
  let seen: FingerprintSet | undefined;
  let n = 0;
  for await (const { rows } of readCsv(toUtf8(input.file.chunks(), { encoding: input.file.encoding }), { delimiter: input.delimiter })) {
    for (const r of rows) {
      if (collectGarbage && (++n & 4095) === 0) collectGarbage();
      const raw = r.cells[localeIdx];
      if (raw === undefined || raw === '') continue;
      let count = counted.get(raw);
      if (count === undefined) counted.set(raw, (count = countCustomers(raw)));
      if (!count) {
        if (!found.has(raw)) found.set(raw, 0);
        continue;
      }
      const email = (r.cells[emailIdx] ?? '').trim().toLowerCase();
      if ((seen ??= new FingerprintSet()).add(`${raw}\0${email}`)) found.set(raw, (found.get(raw) ?? 0) + 1);
    }
  }
  return found;
}

import { describe, expect, it } from 'vitest';
import { longDate, longDateIntl } from '../../src/text/dates.js';

describe('longDate', () => {
  it('prints what Intl en-GB prints, every day of 1999-2032 and years 1 to 9999', () => {
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2033, 0, 1); t += 86_400_000) {
      const d = new Date(t + 13 * 3_600_000);
      expect(longDate(d)).toBe(longDateIntl(d));
    }
    for (const year of [1, 9, 10, 99, 100, 999, 1000, 1600, 1900, 2000, 2100, 9999]) {
      for (const month of [0, 1, 11]) {
        const d = new Date(Date.UTC(2000, month, month === 1 ? 29 : 31, 23, 59, 59));
        d.setUTCFullYear(year);
        expect(longDate(d)).toBe(longDateIntl(d));
      }
    }
  });

  it('reads strings and keeps what is no date as it is', () => {
    expect(longDate('2026-07-08T09:00:00Z')).toBe('Wednesday, 8 July 2026');
    expect(longDate('2026-07-08')).toBe(longDateIntl(new Date('2026-07-08')));
    expect(longDate('next Tuesday')).toBe('next Tuesday');
    expect(longDate(undefined)).toBe('');
    expect(longDate(null)).toBe('');
    const far = new Date(Date.UTC(2000, 0, 1));
    far.setUTCFullYear(-5);
    expect(longDate(far)).toBe(longDateIntl(far));
  });
});

// Plain amounts ("15", "1234.5") are written from Intl's parts without parsing them (money-plain.ts):
// byte for byte what parsing and Intl give, in every locale and currency it takes on; the others
// (Indian lakhs, Arabic digits, three-decimal currencies) go the long way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/recipients/money.js';
import { formatPlain, plainMoney } from '../../src/recipients/money-plain.js';

const LOCALES = ['en', 'en-GB', 'en-US', 'de', 'de-AT', 'de-CH', 'fr', 'fr-CH', 'es', 'es-MX', 'nl', 'it', 'pl', 'sv', 'pt-BR', 'ja', 'en-IN', 'ar-EG'];
const CURRENCIES = ['GBP', 'EUR', 'USD', 'JPY', 'INR', 'CHF', 'KWD', 'SEK', 'BRL', 'MXN', 'PLN', 'CAD'];
const intl = (locale: string, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency });

describe('plain amounts written from Intl\'s parts', () => {
  it('what the long way writes (the amount parsed, then Intl), for random amounts in every locale and currency', () => {
    const amount = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }), fc.constantFrom('', '.5', '.05', '.50', '.99', '.1', '.00'), fc.boolean()).map(([n, frac, zeros]) => `${zeros ? '00' : ''}${n}${frac}`);
    fc.assert(
      fc.property(amount, fc.constantFrom(...LOCALES), fc.constantFrom(...CURRENCIES), (a, locale, currency) => {
        // "12.50 GBP" is no plain amount: parsed, then written by Intl, as every amount was before.
        expect(formatMoney(a, currency, locale)).toBe(formatMoney(`${a} ${currency}`, currency, locale));
      }),
      { numRuns: 4000, seed: 20261201 },
    );
  });

  it('taken on where Intl groups by three and writes ASCII digits; not for lakhs, Arabic digits or three decimals', () => {
    expect(formatPlain(plainMoney(intl('en', 'GBP'))!, '1234567.5')).toBe('£1,234,567.50');
    expect(formatPlain(plainMoney(intl('de', 'EUR'))!, '0012.5')).toBe('12,50\u00a0€');
    expect(formatPlain(plainMoney(intl('pl', 'PLN'))!, '1234')).toBe('1234,00\u00a0zł'); // a group of four stays together
    expect(formatPlain(plainMoney(intl('ja', 'JPY'))!, '1234.5')).toBeUndefined(); // Intl would round
    expect(plainMoney(intl('en-IN', 'INR'))).toBeNull();
    expect(plainMoney(intl('ar-EG', 'EGP'))).toBeNull();
    expect(plainMoney(intl('en', 'KWD'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { localeAbout, localeList, localeLongDate, localeMoney, localeNumber, localePlural, nearestLocale } from '../../src/text/locale.js';
import { HELPERS } from '../../src/templates/helpers.js';

/** Numbers, dates, lists, money and plurals from Intl for the letter's locale (English keeps its own shapes). */
describe('formatting for the locale', () => {
  it('numbers and the approximate count', () => {
    expect(['en', 'de', 'fr', 'es', 'es-MX', 'de-AT'].map((t) => localeNumber(13482, t))).toEqual(['13,482', '13.482', '13\u202f482', '13.482', '13,482', '13\u00a0482']);
    expect(['en', 'de', 'fr', 'es'].map((t) => localeAbout(13482, t))).toEqual(['about 13,500', 'rund 13.500', 'environ 13\u202f500', 'unos 13.500']);
    expect(localeAbout(13482, 'es', true)).toBe('unas 13.500');
    expect(localeAbout(212, 'de')).toBe('212');
  });

  it('long dates, in UTC', () => {
    const d = '2026-11-25T00:00:00Z';
    expect(['en', 'de', 'fr', 'es'].map((t) => localeLongDate(d, t))).toEqual(['Wednesday, 25 November 2026', 'Mittwoch, 25. November 2026', 'mercredi 25 novembre 2026', 'miércoles 25 de noviembre de 2026']);
    expect(localeLongDate('next week', 'de')).toBe('next week');
  });

  it('lists, money and plurals', () => {
    const ids = ['A-1001', 'A-1002', 'A-1003'];
    expect(['en', 'de', 'fr', 'es'].map((t) => localeList(ids, t))).toEqual(['A-1001, A-1002 and A-1003', 'A-1001, A-1002 und A-1003', 'A-1001, A-1002 et A-1003', 'A-1001, A-1002 y A-1003']);
    expect(localeMoney('7.95', 'EUR', 'de')).toBe('7,95\u00a0€');
    expect(localeMoney('7,95', 'eur', 'fr')).toBe('7,95\u00a0€');
    expect(localeMoney('7.95', 'EUR', 'en')).toBe('€7.95');
    expect(localeMoney('about 8', 'EUR', 'de')).toBe('about 8');
    // French says "one" for 0 and 1; German and Spanish only for 1.
    expect([0, 1, 2].map((n) => localePlural(n, 'commande', 'commandes', 'fr'))).toEqual(['commande', 'commande', 'commandes']);
    expect([0, 1, 2].map((n) => localePlural(n, 'Bestellung', 'Bestellungen', 'de'))).toEqual(['Bestellungen', 'Bestellung', 'Bestellungen']);
  });

  it('the helpers read the locale from the context they render with', () => {
    const options = (locale: string, lang: string) => ({ data: { root: { locale, lang } } });
    expect(HELPERS.number!(13482, options('de-DE', 'de'))).toBe('13.482');
    expect(HELPERS.date!('2026-11-25', options('fr', 'fr'))).toBe('mercredi 25 novembre 2026');
    expect(HELPERS.list!('A', 'B', 'C', options('es', 'es'))).toBe('A, B y C');
    expect(HELPERS.count!(2, 'Bestellung', 'Bestellungen', options('de', 'de'))).toBe('2 Bestellungen');
    expect(HELPERS.number!(13482, {})).toBe('13,482');
  });

  it('the nearest letters for a tag', () => {
    const available = ['en', 'de', 'fr', 'es', 'de-CH'];
    expect(['de', 'de-AT', 'DE_at', 'fr-FR', 'es-MX', 'de-CH', 'pt-BR', 'not a tag'].map((t) => nearestLocale(t, available))).toEqual([
      { tag: 'de', folder: 'de' }, { tag: 'de-AT', folder: 'de' }, { tag: 'de-AT', folder: 'de' }, { tag: 'fr-FR', folder: 'fr' },
      { tag: 'es-MX', folder: 'es' }, { tag: 'de-CH', folder: 'de-CH' }, undefined, undefined,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { localeGreetingLine } from '../../src/recipients/greeting-locale.js';

/** Greetings by each language's rules (SPEC "Greetings"): the letters say Sie/vous/usted, so no first-name greeting; the gender from a title, or from a given name on the short unambiguous list, else the neutral form. */
describe('greetings in German, French and Spanish', () => {
  const cases: [Parameters<typeof localeGreetingLine>[0], string, boolean, string][] = [
    [{ name: 'Zoë Müller' }, 'de', false, 'Guten Tag Zoë Müller,'],
    [{ name: 'Zoë Müller' }, 'de', true, 'Guten Tag Zoë Müller,'],
    [{ name: 'Mrs Zoë Müller' }, 'de', true, 'Sehr geehrte Frau Müller,'],
    [{ name: 'Herr Max Weber' }, 'de', true, 'Sehr geehrter Herr Weber,'],
    [{ name: 'Max Weber', salutation: 'Mr' }, 'de', true, 'Sehr geehrter Herr Weber,'],
    [{ name: 'Dr. Anna Schmidt' }, 'de', true, 'Sehr geehrte Frau Dr. Schmidt,'],
    [{ name: 'Dr. Kim Schmidt' }, 'de', true, 'Guten Tag Dr. Kim Schmidt,'],
    [{ name: 'Frau Dr. Anna Schmidt' }, 'de', true, 'Sehr geehrte Frau Dr. Schmidt,'],
    [{ name: 'Smith & Sons Catering Ltd' }, 'de', true, 'Sehr geehrte Damen und Herren,'],
    [{ name: '' }, 'de', false, 'Guten Tag,'],
    [{ name: 'JAMES O\'NEILL' }, 'de', false, 'Guten Tag James O\'Neill,'],
    [{ name: 'Marie Dupont' }, 'fr', false, 'Madame,'],
    [{ name: 'Dominique Dupont' }, 'fr', false, 'Bonjour,'],
    [{ name: 'Mme Marie Dupont' }, 'fr', true, 'Madame,'],
    [{ name: 'M. Jean Martin' }, 'fr', true, 'Monsieur,'],
    [{ name: 'Dominique Dupont' }, 'fr', true, 'Madame, Monsieur,'],
    [{ name: 'Dupont SARL Accounts' }, 'fr', true, 'Madame, Monsieur,'],
    [{ name: '' }, 'fr', false, 'Bonjour,'],
    [{ name: 'Lucía García López' }, 'es', false, 'Estimada Sra. García López:'],
    [{ name: 'Sra. Lucía García López' }, 'es', true, 'Estimada Sra. García López:'],
    [{ name: 'Sr. José Álvarez' }, 'es', true, 'Estimado Sr. Álvarez:'],
    [{ name: 'Dra. Ana Ruiz' }, 'es', true, 'Estimada Dra. Ruiz:'],
    [{ name: 'Lucía García' }, 'es', true, 'Estimada Sra. García:'],
    [{ name: 'Alex García' }, 'es', true, 'Buenos días:'],
    [{ name: '' }, 'es', false, 'Buenos días:'],
    [{ name: 'Ana Ruiz', salutation: 'Estimada Ana' }, 'es', false, 'Estimada Ana:'],
  ];
  for (const [fields, lang, formal, line] of cases) {
    it(`${lang} ${formal ? 'formal' : 'casual'}: ${JSON.stringify(fields)} → ${line}`, () => {
      expect(localeGreetingLine(fields, lang, formal)).toBe(line);
    });
  }
});

describe('Spanish family names', () => {
  it('a title from the salutation column goes with both family names', () => {
    expect(localeGreetingLine({ name: 'Lucía García López', salutation: 'Sra.' }, 'es', true)).toBe('Estimada Sra. García López:');
    expect(localeGreetingLine({ name: 'José Álvarez', salutation: 'Sr.' }, 'es', true)).toBe('Estimado Sr. Álvarez:');
  });
});

describe('titles and names from the columns, as native readers expect them', () => {
  const cases: [Parameters<typeof localeGreetingLine>[0], string, string][] = [
    // Every title in an Anrede column counts, not only the first ("Frau Dr." was "Frau").
    [{ name: 'Änne Müller-Lüdenscheidt', salutation: 'Frau Dr.' }, 'de', 'Sehr geehrte Frau Dr. Müller-Lüdenscheidt,'],
    [{ first_name: 'Änne', last_name: 'Müller-Lüdenscheidt', salutation: 'Frau Dr.' }, 'de', 'Sehr geehrte Frau Dr. Müller-Lüdenscheidt,'],
    [{ first_name: 'Klaus', last_name: 'Weber', salutation: 'Herr Prof. Dr.' }, 'de', 'Sehr geehrter Herr Prof. Dr. Weber,'],
    [{ first_name: 'Klaus', salutation: 'Herr Dr. Weber' }, 'de', 'Sehr geehrter Herr Dr. Weber,'],
    [{ first_name: 'Élodie', last_name: 'Lefèvre', salutation: 'Mme' }, 'fr', 'Madame,'],
    // A compound given name is not a family name; a joined pair is both family names.
    [{ name: 'María José García-López', salutation: 'Sra.' }, 'es', 'Estimada Sra. García-López:'],
    [{ first_name: 'María José', last_name: 'García-López', salutation: 'Sra.' }, 'es', 'Estimada Sra. García-López:'],
    [{ name: 'María José García', salutation: 'Sra.' }, 'es', 'Estimada Sra. García:'],
    [{ name: 'José Luis Pérez Gómez', salutation: 'Sr.' }, 'es', 'Estimado Sr. Pérez Gómez:'],
    [{ first_name: 'Guadalupe', last_name: 'Hernández de la Fuente', salutation: 'Sra.' }, 'es', 'Estimada Sra. Hernández de la Fuente:'],
    [{ name: 'Dra. Carmen Vidal Soler' }, 'es', 'Estimada Dra. Vidal Soler:'],
  ];
  for (const [fields, lang, line] of cases) {
    it(`${lang}: ${JSON.stringify(fields)} → ${line}`, () => expect(localeGreetingLine(fields, lang, true)).toBe(line));
  }
});

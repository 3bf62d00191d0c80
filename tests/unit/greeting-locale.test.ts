import { describe, expect, it } from 'vitest';
import { localeGreetingLine } from '../../src/recipients/greeting-locale.js';

/** Greetings by each language's rules (SPEC "Greetings"): title and gender only from a title, never guessed from a first name. */
describe('greetings in German, French and Spanish', () => {
  const cases: [Parameters<typeof localeGreetingLine>[0], string, boolean, string][] = [
    [{ name: 'Zoë Müller' }, 'de', false, 'Hallo Zoë,'],
    [{ name: 'Zoë Müller' }, 'de', true, 'Guten Tag Zoë Müller,'],
    [{ name: 'Mrs Zoë Müller' }, 'de', true, 'Sehr geehrte Frau Müller,'],
    [{ name: 'Herr Max Weber' }, 'de', true, 'Sehr geehrter Herr Weber,'],
    [{ name: 'Max Weber', salutation: 'Mr' }, 'de', true, 'Sehr geehrter Herr Weber,'],
    [{ name: 'Dr. Anna Schmidt' }, 'de', true, 'Guten Tag Dr. Anna Schmidt,'],
    [{ name: 'Frau Dr. Anna Schmidt' }, 'de', true, 'Sehr geehrte Frau Dr. Schmidt,'],
    [{ name: 'Smith & Sons Catering Ltd' }, 'de', true, 'Sehr geehrte Damen und Herren,'],
    [{ name: '' }, 'de', false, 'Hallo,'],
    [{ name: 'JAMES O\'NEILL' }, 'de', false, 'Hallo James,'],
    [{ name: 'Marie Dupont' }, 'fr', false, 'Bonjour Marie,'],
    [{ name: 'Mme Marie Dupont' }, 'fr', true, 'Bonjour Madame Dupont,'],
    [{ name: 'M. Jean Martin' }, 'fr', true, 'Bonjour Monsieur Martin,'],
    [{ name: 'Marie Dupont' }, 'fr', true, 'Bonjour Marie Dupont,'],
    [{ name: 'Dupont SARL Accounts' }, 'fr', true, 'Madame, Monsieur,'],
    [{ name: '' }, 'fr', true, 'Bonjour,'],
    [{ name: 'Lucía García López' }, 'es', false, 'Hola, Lucía:'],
    [{ name: 'Sra. Lucía García López' }, 'es', true, 'Estimada Sra. García López:'],
    [{ name: 'Sr. José Álvarez' }, 'es', true, 'Estimado Sr. Álvarez:'],
    [{ name: 'Dra. Ana Ruiz' }, 'es', true, 'Estimada Dra. Ruiz:'],
    [{ name: 'Lucía García' }, 'es', true, 'Buenos días, Lucía García:'],
    [{ name: '' }, 'es', false, 'Hola:'],
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

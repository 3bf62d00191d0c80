/**
 * i18n15: a date the manager typed in two fields is said once (text/said-once.ts): the action's sentence that only
 * repeats the offer's or the outcome's date is left out; an instruction to the reader stays whatever it repeats.
 */
import { describe, expect, it } from 'vitest';
import { saidOnce } from '../../src/text/said-once.js';

describe('saidOnce: a date said in the offer or the outcome is not said again in the action', () => {
  const dropped: [string, string[], string][] = [
    ['Bitte keine Rücklastschrift. Wir überweisen bis zum 6. Dezember zurück.', ['Die Rücküberweisung erfolgt bis zum 6. Dezember.'], 'Bitte keine Rücklastschrift.'],
    ['Bitte nichts unternehmen. Die Gutschrift kommt am 3. Dezember.', ['Sie erhalten am 3. Dezember eine Gutschrift.'], 'Bitte nichts unternehmen.'],
    ['Ne faites pas opposition. Le remboursement arrive le 4 décembre.', ['Nous vous remboursons le 4 décembre.'], 'Ne faites pas opposition.'],
    ['Gardez le colis. Le nouveau colis part le 1er décembre.', ['Le nouveau colis part le 1 décembre.'], 'Gardez le colis.'],
    ['No devuelva el recibo. La devolución llega el 9 de diciembre.', ['Le devolvemos el importe el 9 de diciembre.'], 'No devuelva el recibo.'],
  ];
  for (const [action, elsewhere, said] of dropped) it(`"${action}"`, () => expect(saidOnce(action, elsewhere)).toBe(said));
  it('a sentence that asks the reader something stays, whatever date it repeats', () => {
    expect(saidOnce('Bitte keine Rücklastschrift. Bitte prüfen Sie am 6. Dezember Ihr Konto.', ['bis zum 6. Dezember'])).toBe('Bitte keine Rücklastschrift. Bitte prüfen Sie am 6. Dezember Ihr Konto.');
    expect(saidOnce('Gardez le colis. Appelez-nous le 4 décembre si rien n’est arrivé.', ['le 4 décembre'])).toBe('Gardez le colis. Appelez-nous le 4 décembre si rien n’est arrivé.');
  });
  it('a new date, a single sentence, or nothing said elsewhere: as typed', () => {
    expect(saidOnce('Bitte keine Rücklastschrift. Wir überweisen bis zum 8. Dezember zurück.', ['bis zum 6. Dezember'])).toMatch(/8\. Dezember/u);
    expect(saidOnce('Wir überweisen bis zum 6. Dezember zurück.', ['bis zum 6. Dezember'])).toBe('Wir überweisen bis zum 6. Dezember zurück.');
    expect(saidOnce('Bitte keine Rücklastschrift. Wir überweisen bis zum 6. Dezember zurück.', [undefined])).toMatch(/6\. Dezember/u);
    expect(saidOnce(undefined, ['x'])).toBeUndefined();
  });
});

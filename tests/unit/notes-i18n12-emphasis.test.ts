import { describe, expect, it } from 'vitest';
import { localizeIncident } from '../../src/incident/localize.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { meaningKept, quietEmphasis } from '../../src/text/emphasis-i18n.js';

/**
 * i18n12: native readers found "KEINE Rücklastschrift" (a manager's "do NOT charge back") printed as "Es gibt keine
 * Rücklastschrift". An instruction stays an instruction, capitals typed for emphasis are written in the letter's
 * case, and a note no rule rewrites faithfully stays as typed.
 */
const NOW = new Date('2026-11-26T09:00:00Z');
function field(lang: 'de' | 'fr' | 'es', role: 'action' | 'outcome' | 'remedy', text: string): string {
  const input = { company: { name: 'X' }, signer: { name: 'A B' }, mistake: 'x', affected: 1, rootCause: 'y', commitment: 'z', locale: lang, scenario: 'billing-error' } as IncidentInput & Record<string, unknown>;
  if (role === 'remedy') input.remedy = { kind: 'refund', details: text };
  else input[role] = text;
  const out = localizeIncident(validateIncident(input), lang, NOW);
  return (role === 'remedy' ? out.remedy.details : out[role]) ?? '';
}

const CASES: [lang: 'de' | 'fr' | 'es', typed: string, said: string][] = [
  ['de', 'KEINE Rücklastschrift', 'Bitte keine Rücklastschrift.'],
  ['de', 'bitte keine rücklastschrift', 'Bitte keine Rücklastschrift.'],
  ['de', 'keine Rücklastschrift machen, das kostet nur Gebühren', 'Machen Sie bitte keine Rücklastschrift. Das kostet nur Gebühren'],
  ['de', 'bitte NICHT nochmal in den laden kommen', 'Kommen Sie bitte nicht noch einmal in den Laden.'],
  ['de', 'Rechnung NICHT bezahlen', 'Bezahlen Sie bitte die Rechnung nicht.'],
  ['de', 'auf KEINEN fall die karte sperren', 'Sperren Sie bitte auf keinen Fall die Karte.'],
  ['fr', 'NE PAS faire opposition', 'Merci de ne pas faire opposition'],
  ['fr', 'ne pas renvoyer le colis', 'Merci de ne pas renvoyer le colis'],
  ['fr', 'PAS de rejet du prélèvement', 'pas de rejet du prélèvement'],
  ['fr', 'pas besoin de renvoyer', 'vous n’avez pas besoin de renvoyer.'],
  ['es', 'NO devolver el recibo', 'No devuelva el recibo'],
  ['es', 'por favor no devolver el recibo', 'Por favor, no devuelva el recibo'],
  ['es', 'no hace falta devolver el ramo', 'no hace falta devolver el ramo'],
  ['es', 'NO hace falta llamar', 'no hace falta llamar'],
];

describe('an instruction keeps its meaning', () => {
  for (const [lang, typed, said] of CASES) {
    it(`${lang} action "${typed}"`, () => {
      const out = field(lang, 'action', typed);
      expect(out).toBe(said);
      expect(out).not.toMatch(/\bEs gibt\b|\bIl n’y a\b|\bNo hay\b/u);
    });
  }
  it('a statement that there is none stays one where it is one (a remedy, an outcome)', () => {
    expect(field('de', 'remedy', 'keine anfahrtspauschale')).toBe('Die Anfahrtspauschale berechnen wir Ihnen nicht.');
    expect(field('de', 'outcome', 'keine Rücklastschrift nötig')).toBe('Es ist keine Rücklastschrift nötig.');
  });
});

describe('quietEmphasis and meaningKept', () => {
  it('lowers emphasis, keeps abbreviations and a note typed all in capitals', () => {
    expect(quietEmphasis('Versand per SMS bestätigen, NICHT per Mail', 'de')).toBe('Versand per SMS bestätigen, nicht per Mail');
    expect(quietEmphasis('BAT validé, NE PAS imprimer', 'fr')).toBe('BAT validé, ne pas imprimer');
    expect(quietEmphasis('NO pague el IBI', 'es')).toBe('no pague el IBI');
    expect(quietEmphasis('KEINE RÜCKLASTSCHRIFT', 'de')).toBe('KEINE RÜCKLASTSCHRIFT');
  });
  it('a rewrite that loses a negation, or makes a request "there is none", is refused', () => {
    expect(meaningKept('keine Rücklastschrift', 'Es gibt keine Rücklastschrift.', 'de', 'action')).toBe(false);
    expect(meaningKept('pas de rejet', 'Il n’y a pas de rejet.', 'fr', 'action')).toBe(false);
    expect(meaningKept('nada de devolver', 'Devuelva.', 'es', 'action')).toBe(false);
    expect(meaningKept('pas de relecture', 'Il n’y avait pas de relecture.', 'fr', 'cause')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { isPlaceholder } from '../../src/incident/placeholders.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { incidentWarnings, validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';

/**
 * i18n12: a field whose whole value is a placeholder ("Ninguna.", "keine", "k.A.", "néant", "n/a", "-") counts as absent,
 * in every language, in one place (validateIncident), with one warning naming the field; the letter never prints it.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z');
const READER = recipientFromMailbox('leser@example.org', 'Kim Lee');

type Lang = 'en' | 'de' | 'fr' | 'es';
const BASE: Record<Lang, Partial<IncidentInput>> = {
  en: { mistake: 'your order arrived two days late', rootCause: 'our courier missed a collection', commitment: 'we now book a second collection every Friday', remedy: { kind: 'refund', details: 'your delivery charge' } },
  de: { mistake: 'ihre bestellung kam zwei tage zu spät', rootCause: 'unser paketdienst hat eine abholung verpasst', commitment: 'wir buchen jetzt freitags eine zweite abholung', remedy: { kind: 'refund', details: 'die versandkosten von 4,95 €' } },
  fr: { mistake: 'votre commande est arrivée avec deux jours de retard', rootCause: 'notre transporteur a manqué un enlèvement', commitment: 'nous réservons désormais un second enlèvement le vendredi', remedy: { kind: 'refund', details: 'les frais de port de 4,95 €' } },
  es: { mistake: 'su pedido llegó con dos días de retraso', rootCause: 'nuestro transportista no pasó a recoger', commitment: 'ahora reservamos una segunda recogida los viernes', remedy: { kind: 'refund', details: 'los gastos de envío de 4,95 €' } },
};
/** Placeholders as each country's managers type them. */
const PLACEHOLDERS: Record<Lang, string[]> = {
  en: ['none', 'n/a', 'N/A', '-', '—', 'tbd', 'nil', 'nothing', 'None.'],
  de: ['keine', 'Keine.', 'nichts', 'k.A.', 'k. A.', '-', 'entfällt'],
  fr: ['aucun', 'Aucune', 'rien', 'néant', 'Néant.', 'n/a', '-'],
  es: ['ninguna', 'Ninguna.', 'ninguno', 'nada', 'no aplica', 'N/A', '—'],
};

function incident(lang: Lang, more: Partial<IncidentInput>) {
  return validateIncident({
    company: { name: 'Nordlicht', from: 'Nordlicht <info@example.org>', phone: '040 123 456' },
    signer: { name: 'Jo Brand', title: 'Leitung' },
    scenario: 'shipping-delay',
    severity: 'moderate',
    affected: 40,
    locale: lang,
    ...BASE[lang],
    ...more,
  } as IncidentInput);
}

function letter(lang: Lang, more: Partial<IncidentInput>): string {
  return createComposer(incident(lang, more), library, { now: NOW })(READER).text;
}

describe('isPlaceholder', () => {
  it('is the whole value only', () => {
    for (const p of Object.values(PLACEHOLDERS).flat()) expect(isPlaceholder(p), p).toBe(true);
    for (const real of ['keine Rücklastschrift', 'rien à faire de votre côté', 'nada que hacer', 'none of the items arrived', 'no', 'Nothing to do: the refund is automatic', 'k.A. zum Termin']) {
      expect(isPlaceholder(real), real).toBe(real === 'no');
    }
  });
});

for (const lang of Object.keys(PLACEHOLDERS) as Lang[]) {
  describe(`${lang}: a placeholder field is absent`, () => {
    for (const p of PLACEHOLDERS[lang]) {
      it(`outcome, action and remedy.details "${p}"`, () => {
        const more = { outcome: p, action: p, remedy: { kind: 'refund' as const, details: p } };
        const inc = incident(lang, more);
        expect(inc.outcome).toBeUndefined();
        expect(inc.action).toBeUndefined();
        expect(inc.remedy.details ?? '').toBe('');
        const text = letter(lang, more);
        const bare = p.replace(/[.]$/u, '');
        // Never on a line of its own or after the offer's colon.
        expect(text).not.toMatch(new RegExp(`(?:^|\\n|: )${bare.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}\\.?(?:\\n|$)`, 'iu'));
        // The same letter as with the fields left out.
        expect(text).toBe(createComposer(incident(lang, { remedy: { kind: 'refund' } }), library, { now: NOW })(READER).text);
      });
    }
    it('one warning per field, naming it', () => {
      const p = PLACEHOLDERS[lang][1]!;
      const w = incidentWarnings(incident(lang, { outcome: p, action: p }), NOW).filter((l) => /placeholder/.test(l));
      expect(w).toHaveLength(2);
      expect(w[0]).toMatch(/^outcome "/u);
      expect(w[1]).toMatch(/^action "/u);
    });
  });
}

describe('placeholders elsewhere', () => {
  it('inside fields.<locale> too', () => {
    const inc = incident('en', { outcome: 'your parcel is on its way', fields: { de: { mistake: 'ihre bestellung kam zu spät', rootCause: 'paketdienst', commitment: 'zweite abholung', outcome: 'k.A.' } } } as Partial<IncidentInput>);
    expect(inc.fields['de']?.outcome).toBeUndefined();
    expect(incidentWarnings(inc, NOW).some((l) => l.startsWith('fields.de.outcome "k.A." is a placeholder'))).toBe(true);
  });
  it('a required field typed as a placeholder is missing, and the error says why', () => {
    expect(() => incident('es', { rootCause: 'N/A' })).toThrow(/missing --root-cause \(rootCause\) \(rootCause "N\/A" is a placeholder\)/u);
  });
});

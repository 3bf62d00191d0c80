import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { localizeIncident } from '../../src/incident/localize.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { readerAsYou } from '../../src/text/reader-i18n.js';

/**
 * i18n12, what native readers named: the reader told of in the third person in a pasted note ("der Kunde", "le client",
 * "el cliente") is Sie / vous / usted; and a letter's stock lines are tied to the facts that justify them ("quédeselo"
 * only where something was sent and nothing else is said of it; "the right item should have arrived" only where one is sent).
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z');
const READER = recipientFromMailbox('leser@example.org', 'Kim Lee');
type Lang = 'de' | 'fr' | 'es';

function incident(lang: Lang, more: Partial<IncidentInput>) {
  return validateIncident({
    company: { name: 'Nordlicht', from: 'Nordlicht <info@example.org>', phone: '040 123 456' },
    signer: { name: 'Jo Brand' },
    severity: 'moderate',
    affected: 1,
    locale: lang,
    mistake: 'x',
    rootCause: 'y',
    commitment: 'z',
    ...more,
  } as IncidentInput);
}
const letters = (lang: Lang, more: Partial<IncidentInput>) =>
  (['apology', 'followup'] as const).map((stage) => createComposer(incident(lang, more), library, { now: NOW, stage })(READER).text).join('\n');

describe('the reader in the formal second person', () => {
  const CASES: [Lang, string, string, string][] = [
    ['de', 'mistake', 'rad war zur abholung nicht fertig, der kunde stand umsonst im laden', 'Sie standen umsonst im Laden'],
    ['de', 'mistake', 'login ging nicht, der kunde konnte keine rechnungen runterladen', 'Sie konnten keine Rechnungen herunterladen'],
    ['de', 'action', 'KEINE Rücklastschrift machen, das kostet den Kunden nur Gebühren', 'Das kostet Sie nur Gebühren'],
    ['de', 'outcome', 'wir haben dem kunden einen neuen termin gegeben', 'wir haben Ihnen einen neuen Termin gegeben'],
    ['fr', 'mistake', "le client est venu pour son rdv samedi mais le salon était fermé, personne l'a prévenu", 'vous êtes venu pour votre rendez-vous samedi mais le salon était fermé, personne ne vous a prévenu'],
    ['fr', 'action', "pas la peine de contacter votre agence, le client n'a rien à faire", 'vous n’avez rien à faire'],
    ['fr', 'mistake', 'la cliente attendait sa commande depuis 10 jours', 'ous attendiez votre commande depuis 10 jours'],
    ['es', 'mistake', 'clase de prueba cancelada, el cliente vino y no había profe', 'usted vino'],
    ['es', 'rootCause', 'profe enfermo y nadie avisó al cliente', 'nadie le avisó'],
    ['es', 'mistake', 'el pedido del cliente salió tarde', 'su pedido salió tarde'],
    ['es', 'mistake', 'se cobró dos veces la suscripción de noviembre a los clientes', 'e le cobró dos veces la suscripción de noviembre'],
  ];
  for (const [lang, field, typed, said] of CASES) {
    it(`${lang} ${field}: "${typed}"`, () => {
      const out = localizeIncident(incident(lang, { [field]: typed, scenario: 'generic' }), lang, NOW) as unknown as Record<string, string>;
      expect(out[field]).toContain(said);
      expect(out[field]).not.toMatch(/\b(?:der Kunde|den Kunden|dem Kunden|le client|la cliente|el cliente|al cliente|del cliente|a usted)\b/u);
    });
  }
  it('a change is a policy for everyone: its third person stays', () => {
    const out = localizeIncident(incident('es', { commitment: 'cada mañana revisamos las citas y llamamos al cliente antes de las 9' }), 'es', NOW);
    expect(out.commitment).toContain('llamamos al cliente');
  });
  it('what no rule knows stays as typed', () => {
    expect(readerAsYou('der Kunde im Laden', 'de')).toBe('der Kunde im Laden');
    expect(readerAsYou('le client mécontent', 'fr')).toBe('le client mécontent');
  });
});

describe('stock lines tied to the facts', () => {
  const KEEP = /Behalten Sie|gardez-|quédesel/u;
  it('no "keep it or give it away" when the manager says the wrong item is collected, exchanged or need not be returned', () => {
    expect(letters('de', { scenario: 'wrong-item', mistake: 'sofa in grau statt anthrazit geliefert', remedy: { kind: 'replacement', details: 'neues sofa, austausch kostenlos' }, action: 'graues sofa bitte nicht zurückschicken, wir nehmen es beim austausch mit' })).not.toMatch(KEEP);
    expect(letters('es', { scenario: 'wrong-item', mistake: 'se entregó un ramo de rosas en vez de peonías', remedy: { kind: 'refund', details: 'devolución del importe, 45 €' }, action: 'no hace falta devolver el ramo' })).not.toMatch(KEEP);
    expect(letters('fr', { scenario: 'wrong-item', mistake: 'pull taille M livré au lieu de L', remedy: { kind: 'replacement', details: 'retour gratuit, étiquette jointe' } })).not.toMatch(KEEP);
  });
  it('no keep line where nothing was sent: a wrong service, printed invitations, a mistake caught before dispatch', () => {
    expect(letters('es', { scenario: 'wrong-item', mistake: 'su sesión de asesoría se facturó mal' })).not.toMatch(KEEP);
    expect(letters('fr', { scenario: 'wrong-item', mistake: 'faire-part de mariage imprimés avec la mauvaise date' })).not.toMatch(/gardez-|offrez-|réparé/u);
    expect(letters('de', { scenario: 'wrong-item', mistake: 'falsche größe eingepackt, vor dem versand bemerkt' })).not.toMatch(KEEP);
  });
  it('the keep line stays where a wrong item was sent and nothing else is said of it', () => {
    expect(letters('es', { scenario: 'wrong-item', mistake: 'le enviamos la talla M en vez de la L' })).toMatch(/quédesel/u);
  });
  it('"the right item has arrived" only where one is sent', () => {
    const text = letters('es', { scenario: 'wrong-item', mistake: 'se entregó un ramo de rosas en vez de peonías', remedy: { kind: 'refund', details: 'devolución del importe, 45 €' } });
    expect(text).not.toMatch(/le ha llegado el ramo correcto|ramo correcto ya debería/u);
    expect(letters('es', { scenario: 'wrong-item', mistake: 'se entregó un ramo de rosas en vez de peonías', remedy: { kind: 'replacement', details: 'un ramo de peonías nuevo' } })).toMatch(/ramo correcto/u);
  });
  it('a replacement outside a delivery is not "an item we send you"', () => {
    for (const scenario of ['missed-appointment', 'service-outage', 'billing-error', 'data-exposure', 'generic']) {
      expect(letters('es', { scenario, mistake: 'su cita no se atendió', remedy: { kind: 'replacement' } } as Partial<IncidentInput>), scenario).not.toMatch(/artículo de sustitución/u);
      expect(letters('fr', { scenario, mistake: 'votre rendez-vous n’a pas eu lieu', remedy: { kind: 'replacement' } } as Partial<IncidentInput>), scenario).not.toMatch(/article de remplacement/u);
      expect(letters('de', { scenario, mistake: 'ihr termin fand nicht statt', remedy: { kind: 'replacement' } } as Partial<IncidentInput>), scenario).not.toMatch(/schicken Ihnen Ersatz|Ersatz sollte inzwischen bei Ihnen angekommen/u);
    }
  });
  it('a coupon after a missed appointment waits for the next visit, not the next order', () => {
    const more = { scenario: 'missed-appointment', mistake: 'votre rendez-vous n’a pas eu lieu', remedy: { kind: 'coupon' } } as Partial<IncidentInput>;
    expect(letters('fr', more)).not.toMatch(/prochaine commande/u);
    expect(letters('de', { ...more, mistake: 'ihr termin fand nicht statt' })).not.toMatch(/nächste Bestellung/u);
    expect(letters('es', { ...more, mistake: 'su cita no se atendió' })).not.toMatch(/próximo pedido/u);
  });
});

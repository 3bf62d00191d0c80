/**
 * i18n15: stock lines that comment on the letter ("Es un cambio ya hecho, no una promesa") or that every
 * follow-up of a scenario says ("… gilt ausnahmslos", "s’applique désormais à chaque fois", "ya se aplica en
 * todos los casos") give way to the change itself, said for this customer.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';

const NOW = new Date('2026-11-26T09:00:00Z');
const library = new TemplateLibrary();
const READER: Record<string, [string, string, string]> = { de: ['a@example.de', 'Eva Kraus', 'Frau'], fr: ['a@example.fr', 'Anne Roy', 'Mme'], es: ['a@example.es', 'Ana Ruiz', 'Sra.'] };
const render = (lang: string, fields: string, stage: 'apology' | 'followup') => {
  const incident = validateIncident(parseYaml(`locale: ${lang}\ncompany: { name: Firma, from: "Firma <f@example.com>", phone: "0123 45 67" }\nsigner: { name: Ana Gil, title: Leitung }\nseverity: moderate\naffected: 1\nremedy: { kind: none }\nfollowUp: { after: 3d }\n${fields}`) as IncidentInput);
  const [email, name, salutation] = READER[lang]!;
  return createComposer(incident, library, { now: NOW, stage })(recipientFromMailbox(email, name, { salutation })).text;
};

const CASES: ReadonlyArray<[lang: string, fields: string, says: RegExp]> = [
  ['de', 'scenario: shipping-delay\nmistake: Lieferung kam zwei Tage zu spät\nrootCause: Lager unterbesetzt\ncommitment: Lagerbestand täglich statt wöchentlich abgleichen\n', /prüf|gleichen|Abgleich/u],
  ['de', 'scenario: missed-appointment\nmistake: Techniker nicht gekommen\nrootCause: Termin nicht im Kalender\ncommitment: Doppelprüfung + Erinnerung per SMS ab sofort\n', /Erinnerung per SMS/u],
  ['de', 'scenario: billing-error\nmistake: Rechnung doppelt verschickt\nrootCause: Fehler beim Export\ncommitment: Rechnungen vor Versand gegenlesen\n', /gegen/u],
  ['fr', 'scenario: shipping-delay\nmistake: colis livré avec 3 jours de retard\nrootCause: entrepôt en sous-effectif\ncommitment: contrôle automatique des doublons avant chaque prélèvement\n', /doublons/u],
  ['fr', 'scenario: missed-appointment\nmistake: technicien pas venu\nrootCause: agenda pas à jour\ncommitment: tous les rendez-vous dans l’agenda en ligne + rappel SMS la veille\n', /rappel par SMS/u],
  ['fr', 'scenario: wrong-item\nmistake: mauvaise taille envoyée\nrootCause: erreur de préparation\ncommitment: double vérification des adresses avant envoi\n', /adresses/u],
  ['es', 'scenario: billing-error\nmistake: cuota cobrada dos veces\nrootCause: error en la remesa\ncommitment: revisión manual de remesas antes de enviarlas\n', /remesas/u],
  ['es', 'scenario: shipping-delay\nmistake: pedido llegó tarde\nrootCause: retraso del proveedor\ncommitment: aviso automático por email si hay retraso\n', /aviso automático/u],
  ['es', 'scenario: missed-appointment\nmistake: no fuimos a la cita\nrootCause: cita mal apuntada\ncommitment: doble comprobación del pedido + recordatorio por sms\n', /recordatorio/u],
];

describe('no stock line comments on the letter or says what every letter says', () => {
  for (const [lang, fields, says] of CASES) {
    for (const status of ['done', 'in-progress', 'planned'] as const) {
      it(`${lang}: ${fields.split('\n')[0]} (${status})`, () => {
        const f = `${fields}commitmentStatus: ${status}\n`;
        const both = `${render(lang, f, 'apology')}\n${render(lang, f, 'followup')}`;
        expect(both).not.toMatch(/no una promesa|gilt ausnahmslos|seit unserer letzten Nachricht gilt|Die neue Regelung gilt seit|s’applique désormais à chaque fois|en todos los casos/u);
      });
    }
    it(`${lang}: the follow-up names the change it reports (${fields.split('\n')[0]})`, () => {
      expect(render(lang, `${fields}commitmentStatus: done\n`, 'followup')).toMatch(says);
    });
  }
  it('a change too long to repeat is not repeated in the follow-up', () => {
    const long = `commitment: ${'Lagerbestand täglich abgleichen und Mitarbeiter schulen und Lieferanten vorab anrufen und '.repeat(3)}Etiketten prüfen\n`;
    const text = render('de', `scenario: shipping-delay\nmistake: Lieferung kam zu spät\nrootCause: Lager unterbesetzt\n${long}commitmentStatus: done\n`, 'followup');
    expect(text).not.toMatch(/Lieferanten vorab/u);
  });
});

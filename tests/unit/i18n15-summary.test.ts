/**
 * i18n15: a German, French or Spanish `summary` is carried into the subject line and the follow-up only
 * when it reads as a noun phrase; a note ("Lieferverzug Küchenfronten", "le rdv pneus oublié",
 * "caída servidores correo") gives way to the template's own words.
 */
import { describe, expect, it } from 'vitest';
import { summaryPhrase } from '../../src/text/summary-i18n.js';

describe('summaryPhrase: a summary the letter can carry, or none', () => {
  it.each([
    ['de', 'Ausfall der Lagerverwaltung'], ['de', 'Doppelt abgebuchter Abschlag'], ['de', 'Offene E-Mail-Verteiler'],
    ['de', 'Nebenkostenabrechnung an falsche Empfänger'], ['de', 'Falsche Brillengläser'], ['de', 'Lieferverzug'],
    ['de', 'Verspätete Lieferung'], ['de', 'Der doppelt vergebene Termin'], ['de', 'Die falsch gelieferte Ware'],
    ['fr', 'la panne de l’application'], ['fr', 'le buffet incomplet'], ['fr', 'les faire-part avec la mauvaise date'],
    ['fr', 'l’envoi de notre lettre d’information'], ['fr', 'votre réservation perdue'], ['fr', 'l’erreur de taille'],
    ['fr', "l'annulation de l'examen"], ['fr', 'le retard de votre colis'], ['fr', 'la double facturation'],
    ['es', 'el cobro doble de la cuota'], ['es', 'el doble cargo de su pedido'], ['es', 'los recordatorios enviados a otro cliente'],
    ['es', 'el error en su reserva del ferry'], ['es', 'la caída del wifi'], ['es', 'el cobro duplicado'], ['es', 'el ramo de novia equivocado'],
    ['es', 'la cita cancelada sin aviso'],
  ])('%s: "%s" is a noun phrase and stays', (lang, s) => {
    expect(summaryPhrase(s, lang)).toBe(s);
  });
  it.each([
    ['de', 'Lieferverzug Küchenfronten'], ['de', 'Doppelabbuchung Mitgliedsbeitrag November'], ['de', 'Überbuchung Zimmer'],
    ['de', 'Ausfall Kassensystem'], ['de', 'Termin 3.12. vergessen'], ['de', 'Falschlieferung Sofa + Sessel'],
    ['fr', 'le rendez-vous pneus oublié'], ['fr', 'intervention chaudière oubliée'], ['fr', 'envoi relevés mauvais destinataires'],
    ['fr', 'erreur colis commande'], ['fr', 'la mise à jour serveur ratée'], ['fr', 'retard livraison'], ['fr', 'la panne du 3/12'],
    ['es', 'caída servidores correo'], ['es', 'ramo novia equivocado'], ['es', 'revisión bici olvidada'],
    ['es', 'la caída servidor correo'], ['es', 'retraso pedido (2 días)'], ['es', 'el cobro cuota diciembre'],
  ])('%s: "%s" is a note and gives way', (lang, s) => {
    expect(summaryPhrase(s, lang)).toBe('');
  });
  it('English is never judged here', () => {
    expect(summaryPhrase('server outage 3/12', 'en')).toBe('server outage 3/12');
  });
});

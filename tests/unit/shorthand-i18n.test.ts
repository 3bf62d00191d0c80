import { describe, expect, it } from 'vitest';
import { familiarLeft, plusAsAnd, writtenOut } from '../../src/text/shorthand-i18n.js';

describe('shorthand written out, a table per language', () => {
  const cases: Array<[string, string, string]> = [
    ['es', 'la app estuvo caída todo el finde', 'la app estuvo caída todo el fin de semana'],
    ['es', 'un responsable de guardia los findes', 'un responsable de guardia los fines de semana'],
    ['es', 'funciona desde el dom a las 14:30', 'funciona desde el domingo a las 14:30'],
    ['es', 'cerrado hasta el lun por la mañana', 'cerrado hasta el lunes por la mañana'],
    ['es', 'abierto desde el mié', 'abierto desde el miércoles'],
    ['es', 'abrimos el sáb a las 10', 'abrimos el sábado a las 10'],
    ['es', 'cobrado dos veces x error', 'cobrado dos veces por error'],
    ['es', 'x error del banco', 'por error del banco'],
    ['es', 'precio de tarifa vs precio de oferta', 'precio de tarifa frente a precio de oferta'],
    ['es', 'retraso de ca. 2 horas', 'retraso de aproximadamente 2 horas'],
    ['es', 'no había técnico dispo', 'no había técnico disponible'],
    ['es', 'le mandamos un msj', 'le mandamos un mensaje'],
    ['es', 'esperó 3 hs en la tienda', 'esperó 3 horas en la tienda'],
    ['es', 'la rueda dcha y la izq', 'la rueda derecha y la izquierda'],
    ['fr', "en retard d'1h40 env. pour le déjeuner", "en retard d'1h40 environ pour le déjeuner"],
    ['fr', 'un seul camion frigo dispo', 'un seul camion frigo disponible'],
    ['fr', 'aucun créneau dispos cette semaine', 'aucun créneau disponibles cette semaine'],
    ['fr', 'par tél. au 04 78 00 00 00', 'par téléphone au 04 78 00 00 00'],
    ['fr', 'tarif affiché vs tarif facturé', 'tarif affiché par rapport à tarif facturé'],
    ['fr', 'ca. 40 commandes', 'environ 40 commandes'],
    ['fr', 'un pb de synchronisation', 'un problème de synchronisation'],
    ['fr', 'votre cde est partie', 'votre commande est partie'],
    ['fr', 'fermé tout le w-e', 'fermé tout le week-end'],
    ['fr', 'retard de 20 mn', 'retard de 20 minutes'],
    ['fr', 'qd le colis est arrivé', 'quand le colis est arrivé'],
    ['de', 'Werte re/li vertauscht', 'Werte rechts und links vertauscht'],
    ['de', 'Werte li/re vertauscht', 'Werte links und rechts vertauscht'],
    ['de', 'wird dokumentiert u. abgezeichnet', 'wird dokumentiert und abgezeichnet'],
    ['de', 'Buchung u. Kalender liefen nicht synchron', 'Buchung und Kalender liefen nicht synchron'],
    ['de', 'Preis laut Angebot vs Rechnung', 'Preis laut Angebot gegenüber Rechnung'],
    ['de', 'ca. zwei Stunden zu spät', 'etwa zwei Stunden zu spät'],
    ['de', 'Rückfrage bzgl. Ihrer Bestellung', 'Rückfrage bezüglich Ihrer Bestellung'],
    ['de', 'wir erstatten ggf. die Gebühren', 'wir erstatten gegebenenfalls die Gebühren'],
    ['de', 'Wartezeit von 2 Std. am Schalter', 'Wartezeit von 2 Stunden am Schalter'],
    ['de', 'die dispo hat Termine verschoben', 'die Disposition hat Termine verschoben'],
    ['de', 'Abbuchung per DD doppelt', 'Abbuchung per Lastschrift doppelt'],
  ];
  it.each(cases)('%s: %s', (lang, typed, said) => {
    expect(writtenOut(typed, lang)).toBe(said);
  });

  it('leaves what is no shorthand alone', () => {
    expect(writtenOut('una vista al mar desde la terraza', 'es')).toBe('una vista al mar desde la terraza');
    expect(writtenOut('una vista al mar.', 'es')).toBe('una vista al mar.');
    expect(writtenOut('u. a. die Rechnung', 'de')).toBe('u. a. die Rechnung');
    expect(writtenOut('le dom 22 nov', 'es')).toBe('le dom 22 nov');
    expect(writtenOut('Telefon +49 40 1234', 'de')).toBe('Telefon +49 40 1234');
  });

  it('"+" between words is the language’s "and" in a field no note reads', () => {
    expect(plusAsAnd('Gläser + Leihbrille', 'de')).toBe('Gläser und Leihbrille');
    expect(plusAsAnd('retard + erreur de facture', 'fr')).toBe('retard et erreur de facture');
    expect(plusAsAnd('retraso + cobro doble', 'es')).toBe('retraso y cobro doble');
    expect(plusAsAnd('llame al +34 954 21 88 40', 'es')).toBe('llame al +34 954 21 88 40');
  });
});

describe('the familiar register made formal where a rule is sure', () => {
  const cases: Array<[string, string, string]> = [
    ['es', '2 horas de pista ya cargadas en tu cuenta', '2 horas de pista ya cargadas en su cuenta'],
    ['es', 'revisa tus pedidos', 'revise sus pedidos'],
    ['es', 'el técnico revisa tus pedidos', 'el técnico revisa sus pedidos'],
    ['es', 'te devolvemos el importe', 'le devolvemos el importe'],
    ['es', 'te lo enviamos mañana', 'se lo enviamos mañana'],
    ['es', 'queremos compensarte', 'queremos compensarle'],
    ['es', 'un regalo para ti', 'un regalo para usted'],
    ['es', 'hablaremos contigo', 'hablaremos con usted'],
    ['es', 'si tienes dudas, escríbenos', 'si tiene dudas, escríbanos'],
    ['es', 'no dudes en llamarnos', 'no dude en llamarnos'],
    ['es', 'no te preocupes por el cargo', 'no se preocupe por el cargo'],
    ['es', 'recibirás el reembolso el lunes', 'recibirá el reembolso el lunes'],
    ['es', 'Revisa el extracto, por favor', 'Revise el extracto, por favor'],
    ['es', 'tú puedes anular la reserva', 'usted puede anular la reserva'],
    ['fr', 'n’hésite pas à nous appeler', 'n’hésitez pas à nous appeler'],
    ['fr', 'appelle-nous au cabinet', 'appelez-nous au cabinet'],
    ['fr', 'écris-moi directement', 'écrivez-moi directement'],
    ['fr', 'méfie-toi des faux e-mails', 'méfiez-vous des faux e-mails'],
    ['fr', 'dis-nous ce qui te convient', 'dites-nous ce qui te convient'],
    ['fr', 'un geste pour toi', 'un geste pour vous'],
    ['fr', 'ne t’inquiète pas', 'ne vous inquiétez pas'],
    ['fr', 'n’oublie pas le ticket', 'n’oubliez pas le ticket'],
    ['fr', 'préviens-nous avant', 'prévenez-nous avant'],
    ['fr', 'contacte-nous par e-mail', 'contactez-nous par e-mail'],
    ['de', 'melde dich bei uns', 'melden Sie sich bei uns'],
    ['de', 'schreib uns eine Mail', 'schreiben Sie uns eine Mail'],
    ['de', 'ruf uns an', 'rufen Sie uns an'],
    ['de', 'frag mich gern', 'fragen Sie mich gern'],
    ['de', 'hab keine Sorge', 'keine Sorge'],
  ];
  it.each(cases)('%s: %s', (lang, typed, said) => {
    expect(writtenOut(typed, lang)).toBe(said);
  });

  it('keeps words that only look familiar', () => {
    for (const s of ['una parte del pedido', 'el arte de servir', 'le advierte del cargo', 'comparte la cuenta', 'está triste', 'vuelva atrás']) expect(writtenOut(s, 'es')).toBe(s);
  });

  it('tells the writer what it could not make formal', () => {
    expect(familiarLeft('dis-nous ce qui te convient', 'fr')).toEqual(['te']);
    expect(familiarLeft('si pagaste dos veces', 'es')).toEqual(['pagaste']);
    expect(familiarLeft('kannst du uns helfen', 'de')).toEqual(['du']);
    expect(familiarLeft('le devolvemos el importe', 'es')).toEqual([]);
    expect(familiarLeft('está triste', 'es')).toEqual([]);
  });
});

describe('the writer hears about the familiar register the letter could not make formal', () => {
  it.each([
    ['es', 'si pagaste dos veces, le devolvemos el importe', 'pagaste'],
    ['es', 'si cambiaste la dirección, avísenos', 'cambiaste'],
    ['fr', 'c’est toi qui choisis la date', 'toi'],
    ['fr', 'si toi aussi tu as reçu le fichier', 'toi'],
    ['de', 'kannst du uns kurz Bescheid geben', 'du'],
  ])('%s: %s', async (locale, action, word) => {
    const { adviseInLanguage } = await import('../../src/incident/advice-i18n.js');
    const a = adviseInLanguage({ locale, action }).filter((x) => x.field === 'action' && /duzt|tutoie|tutea/u.test(x.problem));
    expect(a.length, action).toBe(1);
    expect(a[0]!.problem).toContain(word);
  });
  it('says nothing once the letter made it formal', async () => {
    const { adviseInLanguage } = await import('../../src/incident/advice-i18n.js');
    for (const [locale, action] of [['es', 'te devolvemos el importe en tu cuenta'], ['fr', 'appelle-nous au cabinet'], ['de', 'melde dich bei uns']] as const) {
      expect(adviseInLanguage({ locale, action }).filter((x) => /duzt|tutoie|tutea/u.test(x.problem)), action).toEqual([]);
    }
  });
});

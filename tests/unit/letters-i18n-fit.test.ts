import { describe, expect, it } from 'vitest';
import { i18nLetter } from '../helpers/i18n-letter.js';
import { groupToReader } from '../../src/text/shorthand-i18n.js';
import { summaryBare } from '../../src/compose/context.js';

/** Template lines follow what the fields say happened; customers are not told as a group; German subjects keep their endings. */
describe('a wrong-item letter for a made-to-measure item or a service', () => {
  const shapes: Array<[string, string, string]> = [
    ['de', 'Gleitsichtgläser mit falschen Werten gefertigt', 'neue Gläser kostenlos'],
    ['de', 'Ihre Brille mit vertauschten Werten geliefert', 'neue Brille kostenlos'],
    ['de', 'Kontaktlinsen in der falschen Stärke bestellt', 'neue Linsen kostenlos'],
    ['de', 'Anzug nach Maß mit zu kurzen Ärmeln', 'Änderung kostenlos'],
    ['de', 'Reparatur am falschen Rad gemacht', 'Reparatur kostenlos'],
    ['fr', 'verres progressifs fabriqués avec la mauvaise correction', 'nouveaux verres offerts'],
    ['fr', 'lunettes montées avec les verres inversés', 'nouveaux verres offerts'],
    ['fr', 'costume sur mesure avec les manches trop courtes', 'retouche offerte'],
    ['fr', 'réparation faite sur le mauvais vélo', 'réparation offerte'],
    ['es', 'gafas graduadas con los cristales cambiados', 'cristales nuevos gratis'],
    ['es', 'traje a medida con las mangas cortas', 'arreglo gratis'],
    ['es', 'reparación hecha en la bici equivocada', 'reparación gratis'],
  ];
  it.each(shapes)('%s: %s', (locale, mistake, details) => {
    const l = i18nLetter({ locale, scenario: 'wrong-item', mistake, remedy: { kind: 'replacement', details } });
    expect(l.all).not.toMatch(/eingepackt|verschenken|Behalten Sie|schicken wir Ihnen|emball|gardez-l|offrez-l|Nous vous envoyons|empaquet|quédese con|regálel|Le enviamos/u);
  });
  it('a parcel sent with the wrong thing in it still reads as one', () => {
    const l = i18nLetter({ locale: 'de', scenario: 'wrong-item', mistake: 'falsche Farbe des Pullovers verschickt', remedy: { kind: 'replacement', details: 'der richtige Pullover' } });
    expect(l.all).toMatch(/schicken wir Ihnen|Wir schicken Ihnen/u);
  });
});

describe('a missed appointment where the customer came and we could not see them', () => {
  const shapes: Array<[string, string]> = [
    ['de', 'Termine am Samstag doppelt vergeben, Kunden mussten wieder heimfahren'],
    ['de', 'Werkstatt war trotz Termin geschlossen'],
    ['de', 'Ihr Termin war überbucht, Sie wurden weggeschickt'],
    ['de', 'Sie standen vor verschlossener Tür'],
    ['fr', 'rendez-vous réservé deux fois, la patiente est repartie'],
    ['fr', 'cabinet fermé malgré le rendez-vous'],
    ['fr', 'créneau en double, cliente renvoyée'],
    ['fr', 'vous êtes venue pour rien samedi'],
    ['es', 'cita con doble reserva, el cliente tuvo que irse'],
    ['es', 'taller cerrado pese a la cita'],
    ['es', 'el cliente vino para nada el sábado'],
    ['es', 'hora reservada dos veces, sin ser atendido'],
  ];
  it.each(shapes)('%s: %s', (locale, mistake) => {
    const l = i18nLetter({ locale, scenario: 'missed-appointment', mistake, severity: 'minor' });
    expect(l.all).not.toMatch(/versäumt|nicht gekommen|umsonst auf uns gewartet|Sie waren da, wir nicht|manqué|pas venus|pas nous|attendus pour rien|No acudimos|no aparecimos|nosotros no/u);
  });
  it('a technician who did not come is still said so', () => {
    const l = i18nLetter({ locale: 'de', scenario: 'missed-appointment', mistake: 'Unser Techniker ist nicht gekommen', severity: 'major' });
    expect(l.subject).toMatch(/versäumt/u);
  });
});

describe('customers told as a group are the one reader', () => {
  const cases: Array<[string, string, string]> = [
    ['de', 'Die Kunden mussten wieder heimfahren.', 'Sie mussten wieder heimfahren.'],
    ['de', 'Kunden konnten nicht bestellen.', 'Sie konnten nicht bestellen.'],
    ['de', 'Alle Gäste warteten eine Stunde.', 'Sie warteten eine Stunde.'],
    ['de', 'Die betroffenen Patienten erhalten einen neuen Termin.', 'Sie erhalten einen neuen Termin.'],
    ['de', 'Mitglieder hatten keinen Zugang.', 'Sie hatten keinen Zugang.'],
    ['de', 'Kundinnen und Kunden wurden nicht informiert.', 'Sie wurden nicht informiert.'],
    ['de', 'die SMS an die Kunden ist nicht versandt worden', 'die SMS an Sie ist nicht versandt worden'],
    ['de', 'die Erinnerung an unsere Patienten ging nicht raus', 'die Erinnerung an Sie ging nicht raus'],
    ['de', 'die Mail an alle Patienten ging mit offenem Verteiler raus', 'die Mail an alle Patienten ging mit offenem Verteiler raus'],
    ['de', 'Wir haben den Kunden angerufen.', 'Wir haben den Kunden angerufen.'],
    ['fr', 'Les clients ont dû attendre une heure.', 'Vous avez dû attendre une heure.'],
    ['fr', 'les clients n’ont pas pu réserver', 'vous n’avez pas pu réserver'],
    ['fr', 'Nos adhérents recevront un lien.', 'Vous recevrez un lien.'],
    ['fr', 'Les patients concernés peuvent rappeler le cabinet.', 'Vous pouvez rappeler le cabinet.'],
    ['fr', 'Les abonnés avaient accès au fichier.', 'Vous aviez accès au fichier.'],
  ];
  it.each(cases)('%s: %s', (lang, typed, said) => {
    expect(groupToReader(typed, lang)).toBe(said);
  });
  it.each([
    ['es', 'los clientes tuvieron que irse sin su pedido', /usted tuvo que irse/iu],
    ['es', 'los socios no pudieron reservar pista', /usted no pudo reservar/iu],
    ['es', 'los pacientes recibieron el correo de otro', /usted recibió/iu],
  ])('%s: %s', (locale, mistake, said) => {
    expect(i18nLetter({ locale, mistake }).text).toMatch(said);
  });
  it('in a letter', () => {
    const l = i18nLetter({ locale: 'de', scenario: 'missed-appointment', mistake: 'Termine doppelt vergeben. Kunden mussten wieder heimfahren.' });
    expect(l.text).not.toMatch(/Kunden mussten/u);
    expect(l.text).toMatch(/Sie mussten wieder heimfahren/u);
  });
});

describe('a German subject without its article keeps the strong endings', () => {
  it.each([
    ['die falsch gefertigten Gläser', 'Falsch gefertigte Gläser'],
    ['die doppelt abgebuchten Beiträge', 'Doppelt abgebuchte Beiträge'],
    ['der doppelt vergebene Reifentermin', 'Doppelt vergebener Reifentermin'],
    ['das falsch gelieferte Paket', 'Falsch geliefertes Paket'],
    ['die verspätete Lieferung', 'Verspätete Lieferung'],
    ['den verpassten Termin', 'Verpasster Termin'],
    ['die falschen Gewürze', 'Falsche Gewürze'],
    ['der ausgefallene Server', 'Ausgefallener Server'],
    ['das verlorene Paket', 'Verlorenes Paket'],
    ['die zu spät gelieferten Möbel', 'Zu spät gelieferte Möbel'],
    ['die Falsch gefertigten Gläser', 'Falsch gefertigte Gläser'],
    ['die Verpackung', 'Verpackung'],
  ])('%s', (summary, bare) => {
    expect(summaryBare(summary)).toBe(bare);
  });
});

describe('a billing letter calls a charge a charge when no invoice is named', () => {
  const to = ['Sabine Müller <s@example.de>', 'Jonas Weber <j@example.de>', 'Eva Klein <e@example.de>', 'Paul Roth <p@example.de>', 'Anna Berg <a@example.de>', 'Max Graf <m@example.de>'];
  it.each([
    ['es', 'se cobró envío urgente (9,90 €) en vez del envío estándar gratis'],
    ['es', 'le cobramos dos veces la cuota de noviembre'],
    ['es', 'cargo duplicado en su tarjeta'],
    ['es', 'comisión de cancelación cobrada por error'],
    ['es', 'el recibo domiciliado se pasó dos veces'],
    ['fr', 'frais de port express prélevés au lieu de la livraison gratuite'],
    ['fr', 'double prélèvement de la cotisation de novembre'],
    ['fr', 'votre carte a été débitée deux fois'],
    ['fr', 'frais d’annulation prélevés par erreur'],
    ['fr', 'abonnement débité pendant la pause'],
  ])('%s: %s', (locale, mistake) => {
    for (const r of to) expect(i18nLetter({ locale, scenario: 'billing-error', mistake }, r).subject).not.toMatch(/(?<![\p{L}])(?:factura|facture)s?(?![\p{L}])/u);
  });
  it('an invoice named is still the invoice', () => {
    const subjects = ['la factura de noviembre salió con el IVA mal', 'su factura llevaba el IVA mal', 'factura con importe erróneo', 'en la factura sumamos dos veces el envío', 'la factura 2026-118 estaba mal']
      .map((mistake) => i18nLetter({ locale: 'es', scenario: 'billing-error', mistake }).subject);
    expect(subjects.some((s) => /su factura/u.test(s)), subjects.join(' | ')).toBe(true);
  });
});

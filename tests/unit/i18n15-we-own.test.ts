/**
 * i18n15: a mistake or a cause of ours typed as a participle is owned with "we" ("Wir haben das Mailprogramm …
 * benutzt"), never left passive ("Das Mailprogramm wurde … benutzt") — and never for what others did to us
 * ("gehackt") or for a state ("überbucht").
 */
import { describe, expect, it } from 'vitest';
import { germanNote } from '../../src/text/notes-de.js';
import { frenchNote } from '../../src/text/notes-fr.js';
import { spanishNote } from '../../src/text/notes-es.js';
import { germanCapitals } from '../../src/text/typed.js';

describe('German: a participle note of ours is said with "wir"', () => {
  const owned: [string, string][] = [
    ['Mailprogramm statt Newsletter-Tool benutzt', 'Wir haben das Mailprogramm statt des Newsletter-Tools benutzt.'],
    ['Lastschriftdatei zweimal hochgeladen', 'Wir haben die Lastschriftdatei zweimal hochgeladen.'],
    ['Auftragszettel falsch abgetippt', 'Wir haben den Auftragszettel falsch abgetippt.'],
    ['Kalender nicht synchronisiert', 'Wir haben den Kalender nicht synchronisiert.'],
    ['Etiketten vertauscht', 'Wir haben die Etiketten vertauscht.'],
    ['Zimmer doppelt vergeben', 'Wir haben das Zimmer doppelt vergeben.'],
    ['Novemberbeitrag am 2. November zweimal abgebucht', 'Wir haben den Novemberbeitrag am 2. November zweimal abgebucht.'],
    ['Einarbeitung nicht abgeschlossen', 'Wir haben die Einarbeitung nicht abgeschlossen.'],
    ['Lieferschein falsch ausgedruckt', 'Wir haben den Lieferschein falsch ausgedruckt.'],
  ];
  for (const [typed, said] of owned) it(`cause: "${typed}"`, () => expect(germanNote(typed, 'cause')).toBe(said));
  it('a mistake keeps the reader\'s thing as its subject ("Ihre Gläser wurden … eingeschliffen"): only a cause takes "wir"', () => {
    expect(germanNote('Ihre Gläser mit falscher Stärke eingeschliffen', 'mistake')).toBe('Ihre Gläser wurden mit falscher Stärke eingeschliffen.');
  });
  it('what others did to us, or a state, is not ours to have done', () => {
    expect(germanNote('Server gehackt', 'cause')).not.toMatch(/^Wir haben/u);
    expect(germanNote('Paket beschädigt', 'cause')).not.toMatch(/^Wir haben/u);
    expect(germanNote('Lackiererei überbucht', 'cause')).toBe('Die Lackiererei war überbucht.');
    expect(germanNote('Lieferung durch Spedition verzögert', 'cause')).not.toMatch(/^Wir haben/u);
  });
  it('a change (not past) stays as it was: no "wir haben" for a commitment', () => {
    expect(germanNote('Kalender täglich synchronisiert', 'commitment')).not.toMatch(/^Wir haben/u);
  });
});

describe('German capitals: a participle whose tail is a noun stays a verb', () => {
  it.each([
    ['lastschriftdatei zweimal hochgeladen', 'Lastschriftdatei zweimal hochgeladen'],
    ['datei doppelt hochgeladen', 'Datei doppelt hochgeladen'],
    ['der laden war zu', 'der Laden war zu'],
  ])('"%s"', (typed, capitals) => expect(germanCapitals(typed)).toBe(capitals));
});

describe('French: a cause of ours typed as a participle is said with "nous"', () => {
  const owned: [string, string][] = [
    ['bon de commande mal saisi', 'nous avons mal saisi le bon de commande.'],
    ['planning technicien pas mis à jour', 'nous n’avons pas mis à jour le planning technicien.'],
    ['agenda en ligne pas mis à jour', 'nous n’avons pas mis à jour l’agenda en ligne.'],
    ['rendez-vous noté sur papier, pas dans l’agenda', 'nous avons noté le rendez-vous sur papier, pas dans l’agenda.'],
    ['deux commandes inversées', 'nous avons inversé deux commandes.'],
    ['fichier clients mal fusionné', 'nous avons mal fusionné le fichier clients.'],
  ];
  for (const [typed, said] of owned) it(`"${typed}"`, () => expect(frenchNote(typed, 'cause')).toBe(said));
  it('what others did to us stays passive', () => {
    expect(frenchNote('serveur piraté', 'cause')).not.toMatch(/^nous/iu);
    expect(frenchNote('réservations effacées', 'cause')).not.toMatch(/^nous/iu);
    expect(frenchNote('colis endommagé par le transporteur', 'cause')).not.toMatch(/^nous/iu);
  });
});

describe('Spanish: a cause of ours typed as a participle is said with "nosotros"', () => {
  const owned: [string, string][] = [
    ['pedido apuntado mal por teléfono', 'apuntamos mal el pedido por teléfono.'],
    ['cita apuntada en papel, no en la agenda', 'apuntamos la cita en papel, no en la agenda.'],
    ['etiquetas cambiadas', 'cambiamos las etiquetas.'],
    ['remesa enviada dos veces', 'enviamos la remesa dos veces.'],
    ['base de datos no actualizada', 'no actualizamos la base de datos.'],
    ['datos corregidos', 'corregimos los datos.'],
  ];
  for (const [typed, said] of owned) it(`"${typed}"`, () => expect(spanishNote(typed, 'cause')).toBe(said));
  it('"fallido" is fallar\'s: no "se fallió"', () => {
    expect(spanishNote('actualización fallida sin plan de vuelta atrás', 'cause')).toMatch(/falló/u);
    expect(spanishNote('actualización fallida sin plan de vuelta atrás', 'cause')).not.toMatch(/se fall/u);
  });
  it('what others did to us stays as it was', () => {
    expect(spanishNote('servidor hackeado', 'cause')).not.toMatch(/^hackeamos/u);
    expect(spanishNote('pedido retrasado por el proveedor', 'cause')).not.toMatch(/amos/u);
    expect(spanishNote('registros borrados', 'cause')).not.toMatch(/amos/u);
  });
});

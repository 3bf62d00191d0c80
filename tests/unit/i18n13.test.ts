import { describe, expect, it } from 'vitest';
import { germanCapitals } from '../../src/text/typed.js';

/**
 * i18n13: the defects found reading twelve incidents typed in a hurry (tests/fixtures/incidents/i18n13/),
 * each by its class, so a rule that breaks again fails here before a letter reaches a reader.
 */
describe('German nouns typed in lower case get their capitals; verbs and adverbs keep theirs', () => {
  const cases: [string, string][] = [
    // A verb before its subject is no noun after a number ("Überweisen wir" was written).
    ['die 45 € überweisen wir bis freitag zurück', 'die 45 € überweisen wir bis Freitag zurück'],
    // A listed adjective opens a noun phrase with no article before it.
    ['neuer lagerplatz, etiketten vertauscht', 'neuer Lagerplatz, Etiketten vertauscht'],
    ['buchungen prüfen, evtl. doppelte wareneingänge im journal stornieren', 'Buchungen prüfen, evtl. doppelte Wareneingänge im Journal stornieren'],
    // Nouns a business types without an article.
    ['kassensystem hat position nach storno nicht gelöscht', 'Kassensystem hat Position nach Storno nicht gelöscht'],
    ['serienmails nur noch nach stichprobe von 5 empfängern', 'Serienmails nur noch nach Stichprobe von 5 Empfängern'],
    ['deploy-skript prüft zielumgebung', 'Deploy-Skript prüft Zielumgebung'],
    ['serienbrief mit verrutschter tabelle, zeilen um eins verschoben', 'Serienbrief mit verrutschter Tabelle, Zeilen um eins verschoben'],
    // An adverb in -s is no plural ("Nachmittags" was written).
    ['di 24.11. nachmittags', 'Di 24.11. nachmittags'],
    ['die lieferung kommt 5 tage später wegen eines fehlers im lager', 'die Lieferung kommt 5 Tage später wegen eines Fehlers im Lager'],
    // Typed half capitalised: the listed nouns after an article still get theirs.
    ['der Fahrer hat die lieferung am Montag nicht gebracht', 'der Fahrer hat die Lieferung am Montag nicht gebracht'],
    ['Wegen eines fehlers im lager kommt die Ware später', 'Wegen eines Fehlers im Lager kommt die Ware später'],
  ];
  for (const [typed, read] of cases) it(`"${typed}" → "${read}"`, () => expect(germanCapitals(typed)).toBe(read));
});

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

import { accusative } from '../../src/text/articles.js';
import { remedyLead } from '../../src/compose/context.js';

describe('an offer gets a frame that fits what was typed: a thing or our own clause', () => {
  it('German: a bare noun offered gets its article as an object ("erhalten Sie von uns einen Gutschein")', () => {
    expect(accusative('Gutschein über 10 € für Ihre nächste Bestellung')).toBe('einen Gutschein über 10 € für Ihre nächste Bestellung');
    expect(accusative('Gutschrift 15% der Monatsgebühr für November')).toBe('eine Gutschrift von 15% der Monatsgebühr für November');
    expect(accusative('ein Gutschein über 20 €')).toBe('einen Gutschein über 20 €');
    expect(accusative('Versand kostenlos')).toBe('Versand kostenlos');
  });
  it('a clause in the first person plural is no thing to offer ("le ofrecemos pasamos…" was written)', () => {
    expect(remedyLead('pasamos su plan a puesto fijo plus sin coste durante diciembre', 'es')).toBe('pasamos su plan a puesto fijo plus sin coste durante diciembre');
    expect(remedyLead('Pagamos nosotros las comisiones del banco', 'es')).toBe('pagamos nosotros las comisiones del banco');
    expect(remedyLead('le regalamos el envío', 'es')).toBe('le regalamos el envío');
    expect(remedyLead('un 10% en su próxima compra', 'es')).toBe('');
    expect(remedyLead('los próximos dos meses gratis', 'es')).toBe('');
    expect(remedyLead('nous vous offrons le dessert', 'fr')).toBe('nous vous offrons le dessert');
    expect(remedyLead('un mois offert', 'fr')).toBe('');
    expect(remedyLead('Die 45 € überweisen wir bis Freitag zurück', 'de')).toBe('Die 45 € überweisen wir bis Freitag zurück');
    expect(remedyLead('Gutschein über 10 €', 'de')).toBe('');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { ROOT } from '../helpers/run.js';

const library = new TemplateLibrary();
const NOW = new Date('2026-11-26T09:00:00Z');
function fixture(name: string, change: Record<string, unknown> = {}) {
  const raw = parseYaml(readFileSync(join(ROOT, 'tests/fixtures/incidents/i18n13', `${name}.yaml`), 'utf8')) as Record<string, unknown>;
  return validateIncident({ ...raw, ...change } as unknown as IncidentInput);
}
function letter(name: string, to: [string, string, string?], change: Record<string, unknown> = {}, stage: 'apology' | 'followup' = 'apology'): string {
  const [email, n, salutation] = to;
  return createComposer(fixture(name, change), library, { now: NOW, stage })(recipientFromMailbox(email, n, salutation ? { salutation } : {})).text;
}

describe('data exposure: the advice fits the facts', () => {
  for (const [name, lang, to] of [
    ['de-hausverwaltung-datenpanne', 'de', ['j@example.de', 'Jürgen Albers', 'Herr']],
    ['es-clinica-datos', 'es', ['c@example.es', 'Carmen Ruiz', 'Dra.']],
  ] as const) {
    it(`${lang}: remedy none promises to cover no costs, in the apology or the follow-up`, () => {
      for (const stage of ['apology', 'followup'] as const) {
        const text = letter(name, [...to], { remedy: { kind: 'none' } }, stage);
        expect(text).not.toMatch(/übernehmen sie|wieder gut|nos haremos cargo|lo arreglaremos|prendrons en charge|arrangerons/u);
      }
    });
  }
  it('a letter that asks for a payment never says "we never ask for a payment" (de, fr, es)', () => {
    const de = letter('de-hausverwaltung-datenpanne', ['j@example.de', 'Jürgen Albers', 'Herr']);
    expect(de).toContain('Nachzahlung');
    expect(de).not.toContain('eine Zahlung zu leisten');
    expect(de).toContain('Geld auf ein anderes als das Ihnen bekannte Konto zu überweisen');
    const fr = letter('de-hausverwaltung-datenpanne', ['j@example.fr', 'Jean Albert', 'M.'], { locale: 'fr', action: 'le solde de 212,40 € reste à régler avant le 15 décembre par virement habituel' });
    expect(fr).not.toContain('effectuer un paiement');
    expect(fr).toContain('payer sur un autre compte');
    const es = letter('es-clinica-datos', ['c@example.es', 'Carmen Ruiz', 'Dra.'], { exposure: { data: ['name', 'email'], reference: 'FN-2411' }, action: 'el importe pendiente de 40 € hay que pagarlo igualmente por transferencia' });
    expect(es).not.toContain('que haga un pago');
    expect(es).toContain('que pague en una cuenta distinta');
  });
});

import { frenchReaderForms } from '../../src/text/reader-i18n.js';

describe('French words that agree with the reader follow the reader, and never read "venu(e)"', () => {
  it('the three forms of a sentence that agrees with the reader', () => {
    expect(frenchReaderForms('Vous êtes venu pour votre rendez-vous samedi mais le salon était fermé, personne ne vous a prévenu')).toEqual({
      f: 'Vous êtes venue pour votre rendez-vous samedi mais le salon était fermé, personne ne vous a prévenue',
      m: 'Vous êtes venu pour votre rendez-vous samedi mais le salon était fermé, personne ne vous a prévenu',
      n: 'Vous avez fait le déplacement pour votre rendez-vous samedi mais le salon était fermé, vous n’avez reçu aucun avertissement',
    });
    expect(frenchReaderForms('Vous êtes venue sam soir avec 6 personnes')?.m).toBe('Vous êtes venu sam soir avec 6 personnes');
    expect(frenchReaderForms('Votre colis est arrivé en retard')).toBeUndefined();
  });
  const salon = join(ROOT, 'tests/fixtures/incidents/fr/salon-coiffure-rdv.yaml');
  const text = (email: string, name: string, salutation?: string) => {
    const incident = validateIncident(parseYaml(readFileSync(salon, 'utf8')) as IncidentInput);
    return createComposer(incident, library, { now: NOW, stage: 'apology' })(recipientFromMailbox(email, name, salutation ? { salutation } : {})).text;
  };
  it('to Madame "venue", to Monsieur "venu", to a reader of unknown gender neither', () => {
    expect(text('e@example.fr', 'Élodie Lefèvre', 'Mme')).toContain('Vous êtes venue pour votre rendez-vous');
    expect(text('e@example.fr', 'Élodie Lefèvre')).toContain('Vous êtes venue');
    expect(text('p@example.fr', 'Paul Durand', 'M.')).toContain('Vous êtes venu pour');
    const neutral = text('c@example.fr', 'Camille Martin');
    expect(neutral).toContain('Vous avez fait le déplacement');
    expect(neutral).not.toMatch(/venue?(?![\p{L}])|\(e\)/u);
  });
});

describe('openers and closers follow the facts, not one stock line for every incident', () => {
  const ids = Array.from({ length: 24 }, (_v, i) => `i18n13-${i}`);
  it('a change still under way is never told as done ("haben wir unsere Abläufe geändert", "Nous avons pris des dispositions", "Hemos tomado medidas")', () => {
    for (const id of ids) {
      expect(letter('de-saas-ausfall', ['t@example.de', 'Tobias Lang', 'Herr Dr.'], { id })).not.toContain('haben wir unsere Abläufe geändert');
      expect(letter('fr-hebergeur-panne', ['h@example.fr', 'Hélène Bernard', 'Mme'], { id, audience: 'consumer' })).not.toContain('Nous avons pris des dispositions');
      expect(letter('es-clinica-datos', ['c@example.es', 'Carmen Ruiz', 'Dra.'], { id, scenario: 'generic', severity: 'moderate' })).not.toMatch(/Hemos tomado medidas|evitaremos que vuelva/u);
    }
  });
  it('the Spanish change is never closed by "Con esta medida evitaremos que vuelva a ocurrir"; the opener before a cause names what went wrong', () => {
    const seen = new Set<string>();
    for (const id of ids) {
      const es = letter('es-tienda-doble-cobro', ['l@example.es', 'Lucía Fernández', 'Sra.'], { id });
      expect(es).not.toContain('Con esta medida evitaremos');
      expect(es).not.toContain('cómo ocurrió.');
      const fr = letter('fr-boutique-mauvaise-taille', ['a@example.fr', 'Antoine Leroy', 'M.'], { id });
      expect(fr).not.toContain('comment c’est arrivé');
      if (es.includes('de dónde venía el error en el cobro')) seen.add('es');
      if (fr.includes('passer entre les mailles du filet')) seen.add('fr');
    }
    expect([...seen].sort()).toEqual(['es', 'fr']);
  });
});

import { frenchTypography, longTypedDates } from '../../src/text/typed.js';
import { localeLetterDate } from '../../src/text/locale.js';
import { frenchNote } from '../../src/text/notes-fr.js';
import { isPlaceholder } from '../../src/incident/placeholders.js';

describe('mechanical defects found reading the i18n13 letters', () => {
  it('French: the "ne" left out of a negation is written back, "plus" as "more" is left alone', () => {
    expect(frenchTypography('on a pas pu les placer')).toBe('on n’a pas pu les placer');
    expect(frenchTypography('le groupe électrogène a pas démarré, on avait pas testé')).toBe('le groupe électrogène n’a pas démarré, on n’avait pas testé');
    expect(frenchTypography('il y a pas eu de relance')).toBe('il n’y a pas eu de relance');
    expect(frenchTypography('ça marche plus')).toBe('ça ne marche plus');
    for (const kept of ['nous n’avons pas pu', 'le colis est plus lourd', 'il a plus de 3 jours', 'ce n’est pas grave']) expect(frenchTypography(kept)).toBe(kept);
  });
  it('French: the first of the month is "1er"; a time typed after its date takes "à"', () => {
    expect(localeLetterDate(new Date('2026-12-01T12:00:00Z'), 'fr', NOW)).toBe('mardi 1er décembre');
    expect(localeLetterDate(new Date('2026-12-11T12:00:00Z'), 'fr', NOW)).toBe('vendredi 11 décembre');
    expect(longTypedDates('sam 21 novembre 20h', 'fr')).toContain('21 novembre à 20\u00a0h');
    expect(longTypedDates('1 déc', 'fr')).toBe('1er décembre');
  });
  it('French shorthand written out, and no article before "certaines"', () => {
    const said = frenchNote('bug de l’appli de résa après la mise à jour, certaines résas effacées', 'cause');
    expect(said).toContain('Certaines réservations ont été effacées');
    expect(said).not.toMatch(/Les certaines|résa(?!t)/u);
    const letterText = letter('fr-restaurant-resa', ['c@example.fr', 'Claire Fontaine', 'Mme']);
    expect(letterText).toContain('samedi soir avec 6 personnes pour un anniversaire');
    expect(letterText).toContain('Nous n’avons pas pu');
    expect(letter('fr-hebergeur-panne', ['h@example.fr', 'Hélène Bernard', 'Mme'])).toContain('une bascule automatique');
  });
  it('the acronym in a title in capitals; "nix" says nothing', () => {
    expect(letter('de-saas-ausfall', ['t@example.de', 'Tobias Lang', 'Herr Dr.'])).toContain('\nCTO, Lagerfix Software GmbH');
    expect(isPlaceholder('nix')).toBe(true);
    expect(letter('de-versand-lager', ['s@example.de', 'Sabine Krüger', 'Frau Dr.'])).not.toMatch(/^Nix\.?$/mu);
  });
});

import { germanNote } from '../../src/text/notes-de.js';

describe('German notes: agreement and whole sentences', () => {
  const note = (s: string, role: 'mistake' | 'cause') => germanNote(germanCapitals(s), role);
  it('an adjective in -e with no article says many ("Ein falsche Empfänger wurde" was written)', () => {
    expect(note('falsche empfänger angeschrieben und um löschung gebeten', 'cause')).toBe('Falsche Empfänger wurden angeschrieben und um Löschung gebeten.');
  });
  it('two things not possible are "weder … noch" ("Es war kein Buchungen und kein Versand möglich" was written); an outage typed alone is what happened', () => {
    expect(note('komplettausfall der lagerverwaltung, keine buchungen und kein versand möglich', 'mistake')).toBe('Es kam zu einem Komplettausfall der Lagerverwaltung. Weder Buchungen noch Versand waren möglich.');
  });
  it('"hat beim packen keiner bemerkt" has its subject', () => {
    expect(note('etiketten vertauscht, hat beim packen keiner bemerkt', 'cause')).toContain('Das hat beim Packen niemand bemerkt.');
  });
  it('a cause that names itself a cause gets no "Zur Ursache:" before it; a kind typed in lower case is the reader\'s, with its capital', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const text = letter('de-hausverwaltung-datenpanne', ['j@example.de', 'Jürgen Albers', 'Herr'], { id });
      expect(text).not.toMatch(/(?:Ursache|Hintergrund|Hergang|Grund dafür): Ursache/u);
      expect(text).toContain('Ihr Nachzahlungsbetrag');
    }
    expect(letter('de-versand-lager', ['s@example.de', 'Sabine Krüger', 'Frau Dr.'], { id: 'x1' })).not.toMatch(/: Ursache war/u);
  });
});

import { readerAsYou } from '../../src/text/reader-i18n.js';

describe('the reader told of in the third person after "sans"', () => {
  it('"sans prévenir l’élève à temps" → "sans vous prévenir à temps"', () => {
    expect(readerAsYou('L’examen a été annulé la veille sans prévenir l’élève à temps', 'fr')).toBe('L’examen a été annulé la veille sans vous prévenir à temps');
  });
});

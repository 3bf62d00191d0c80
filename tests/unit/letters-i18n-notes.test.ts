import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/incident/schema.js';
import { i18nLetter } from '../helpers/i18n-letter.js';
import { commaSplices, expandAbbreviations, formalRegister, frenchTypography, germanCapitals, germanToReader, longTypedDates, outcomeNote, splitSplices } from '../../src/text/typed.js';

/**
 * German, French and Spanish letters from fields typed as a manager's notes, as a native reader
 * compares them with a hand-written letter: nothing said twice, no stock or translated phrasing,
 * each note turned into a sentence, the letter about this reader rather than the whole batch.
 */

const letter = i18nLetter;
const count = (text: string, re: RegExp) => (text.match(new RegExp(re.source, `${re.flags.replace('g', '')}g`)) ?? []).length;
/** As src/incident/localize.ts prints a typed field. */
const own = (v: string, lang: string) => (lang === 'de' ? germanCapitals(v) : lang === 'fr' ? frenchTypography(v) : v);
const typed = (v: string, lang: string) => splitSplices(longTypedDates(own(formalRegister(expandAbbreviations(v, lang), lang), lang), lang), lang);

const SCENARIOS = ['generic', 'shipping-delay', 'wrong-item', 'billing-error', 'missed-appointment', 'service-outage'] as const;
const FACTS: Record<string, Partial<IncidentInput>> = {
  de: { mistake: 'Ihre Bestellung kam zu spät', rootCause: 'Unser Lager hat die Bestellung übersehen', commitment: 'Wir prüfen jetzt jeden Abend offene Bestellungen' },
  fr: { mistake: 'votre commande est arrivée en retard', rootCause: 'notre entrepôt a oublié la commande', commitment: 'nous vérifions chaque soir les commandes en attente' },
  es: { mistake: 'su pedido llegó tarde', rootCause: 'nuestro almacén olvidó el pedido', commitment: 'revisamos cada tarde los pedidos pendientes' },
};

describe('no stock opener, no calque, one voice', () => {
  const STOCK: Record<string, RegExp> = {
    es: /Lamento sinceramente lo ocurrido|Lamentamos sinceramente lo ocurrido|sin rodeos|Si desea comentarlo|Le debo una disculpa|cumplió su parte del acuerdo|Confió en que/u,
    de: /ohne Umschweife|schulde(?:n)? Ihnen eine Entschuldigung|darüber sprechen möchten|Daraus ziehen wir Konsequenzen|So sorgen wir dafür|auf unserer Seite|Teil der Vereinbarung/u,
    fr: /vous dois des excuses|vous devons des excuses|Je tiens à vous présenter toutes nos|Si vous souhaitez en parler|En cause\s?:|, dont vous\.|faisiez confiance pour|part de l’engagement/u,
  };
  for (const lang of ['de', 'fr', 'es'] as const) {
    it(`${lang}: none in any consumer variant of any scenario or severity`, () => {
      const found: string[] = [];
      for (const scenario of SCENARIOS) {
        for (const severity of ['minor', 'moderate', 'major'] as const) {
          for (let id = 0; id < 12; id++) {
            const l = letter({ locale: lang, scenario, severity, id: `n${id}`, ...FACTS[lang] });
            const m = STOCK[lang]!.exec(l.all);
            if (m) found.push(`${scenario} ${severity} n${id}: ${m[0]}`);
          }
        }
      }
      expect(found).toEqual([]);
    }, 120_000);
  }
  it('German: a person who signs is reached as "mich", never "erreichen Sie uns … und ich kümmere mich"', () => {
    for (let id = 0; id < 16; id++) {
      const l = letter({ locale: 'de', id: `c${id}`, ...FACTS.de });
      expect(l.text).not.toMatch(/erreichen Sie uns[^.]*ich kümmere mich/u);
    }
  });
});

describe('notes typed with commas become sentences', () => {
  it('a clause after a pronoun, "nadie"/"personne", or a noun and its verb is split', () => {
    expect(typed('un fallo en la app dejó sin asignar las citas ese día, nadie lo revisó hasta las 13 h', 'es')).toBe('un fallo en la app dejó sin asignar las citas ese día. Nadie lo revisó hasta las 13:00');
    expect(typed('13 l’ont confirmé mercredi, on relance le dernier', 'fr')).toBe('13 l’ont confirmé mercredi. Nous relançons le dernier');
    expect(typed('le prélèvement vous a été remboursé mercredi, il apparaîtra sur votre compte mardi', 'fr')).toBe('le prélèvement vous a été remboursé mercredi. Il apparaîtra sur votre compte mardi');
    expect(typed('les dossiers ne partent plus en pièce jointe, le propriétaire reçoit un lien', 'fr')).toBe('les dossiers ne partent plus en pièce jointe. Le propriétaire reçoit un lien');
    expect(typed('cada viernes revisamos los presupuestos, el cliente recibe aviso si hay retraso', 'es')).toBe('cada viernes revisamos los presupuestos. El cliente recibe aviso si hay retraso');
    expect(typed('Updates laufen nur nachts, ein zweiter Load-Balancer als Ersatz wird eingerichtet', 'de')).toBe('Updates laufen nur nachts. Ein zweiter Load-Balancer als Ersatz wird eingerichtet');
  });
  it('a German relative clause and a clause after "si"/"wenn" are no splice (and no warning)', () => {
    expect(commaSplices('Bestellungen, die im Zeitraum abgebrochen wurden, finden Sie im Shop-Backend', 'de')).toEqual([]);
    expect(commaSplices('le remboursement et, si votre banque vous a facturé des frais, nous les prenons en charge', 'fr')).toEqual([]);
    const l = letter({ locale: 'de', action: 'Bestellungen, die im Zeitraum abgebrochen wurden, finden Sie im Shop-Backend unter Warenkörbe', ...FACTS.de });
    expect(l.warnings.join('\n')).not.toMatch(/Verb ergänzen/u);
  });
  it('German: an infinitive group takes its comma ("zurückgehalten, statt Sie zu informieren")', () => {
    expect(longTypedDates('wir haben die Pakete zurückgehalten statt Sie zu informieren', 'de')).toBe('wir haben die Pakete zurückgehalten, statt Sie zu informieren');
    expect(longTypedDates('eingespielt ohne es vorher zu testen', 'de')).toBe('eingespielt, ohne es vorher zu testen');
    expect(longTypedDates('und ohne es zu testen', 'de')).toBe('und ohne es zu testen');
  });
});

describe('abbreviations and short dates written out', () => {
  it('German: "So. 22.11.", "ca.", "tel. informiert"', () => {
    expect(typed('bestellt bis So. 22.11., verschickt am Mi.', 'de')).toBe('bestellt bis Sonntag, 22. November, verschickt am Mittwoch');
    expect(expandAbbreviations('neuer termin ca. 10 uhr, dauer ca. 3 std', 'de')).toBe('neuer termin gegen 10 uhr, dauer etwa 3 Stunden');
    expect(typed('kunden werden tel. informiert', 'de')).toBe('Kunden werden telefonisch informiert');
  });
  it('French and Spanish: "ven 27 nov", "mar 24/11", "lun 23 nov", "5% dto."', () => {
    expect(typed('au rdv de mar 24/11', 'fr')).toBe('au rendez-vous du mardi 24 novembre');
    expect(typed('nouveau passage ven 27 nov à 9h', 'fr')).toBe('nouveau passage le vendredi 27 novembre à 9\u00a0h');
    expect(typed('prometido para el lun 23 nov', 'es')).toBe('prometido para el lunes 23 de noviembre');
    expect(typed('le ofrecemos 5% dto. en la obra', 'es')).toBe('le ofrecemos un 5 % de descuento en la obra');
  });
  it('hours, ranges and more shorthand ("ab 9h", "14-16 uhr", "zw.", "z.b.", "entre 8h-12h", "tech.", "de 9 a 14 h", "c/", "p.ej.")', () => {
    expect(typed('di 24.11., 14-16 uhr, ab 9h, zw. 8 und 12 uhr', 'de')).toBe('Dienstag, 24. November, 14–16 Uhr, ab 9 Uhr, zwischen 8 und 12 Uhr');
    expect(typed('lieferung bis spätestens fr., z.b. die gewürze, u.a. zimt, vom wochenende bzw. montag', 'de')).toBe('Lieferung bis spätestens Freitag, z. B. die Gewürze, unter anderem Zimt, vom Wochenende bzw. Montag');
    expect(typed('le 24/11 entre 8h-12h, tech. malade, livraison prévue mer. 25', 'fr')).toBe('le 24 novembre entre 8\u00a0h et 12\u00a0h, technicien malade, livraison prévue le mercredi 25');
    expect(typed('créneau 8h-12h', 'fr')).toBe('créneau de 8\u00a0h à 12\u00a0h');
    expect(typed('de 9 a 14 h, enviado c/ retraso, p.ej. el libro', 'es')).toBe('de 9 a 14:00, enviado con retraso, por ejemplo el libro');
    expect(typed('el técnico no vino, no avisamos', 'es')).toBe('el técnico no vino. No avisamos');
  });
  it('French "on" with the verb of "nous": appelons, envoyons, achetons, répétons', () => {
    expect(formalRegister('on appelle le client, on envoie un devis, on achète, on répète, on vérifie', 'fr')).toBe('nous appelons le client, nous envoyons un devis, nous achetons, nous répétons, nous vérifions');
  });
  it('no "mail" warning inside "e-mail"', () => {
    const l = letter({ locale: 'fr', mistake: 'un e-mail avec votre facture a été envoyé à un autre client' });
    expect(l.warnings.join('\n')).not.toMatch(/mail »|e-e-mail/u);
  });
});

describe('the note of a new date is a sentence', () => {
  it('outcomeNote', () => {
    expect(outcomeNote(typed('neuer termin fr 27.11. ca. 10 uhr', 'de'), 'de')).toBe('Ihr neuer Termin ist am Freitag, 27. November, gegen 10 Uhr.');
    expect(outcomeNote(typed('nouveau rdv ven 27 nov à 9h', 'fr'), 'fr')).toBe('Votre nouveau rendez-vous est fixé au vendredi 27 novembre à 9\u00a0h.');
    expect(outcomeNote('nueva cita el lunes 30 de noviembre a las 9:00', 'es')).toBe('Su nueva cita es el lunes 30 de noviembre a las 9:00.');
    expect(outcomeNote('nouveau rdv à convenir', 'fr')).toBe('nouveau rdv à convenir');
  });
  it('in the letter, with no "fragment" warning', () => {
    const l = letter({ locale: 'fr', scenario: 'missed-appointment', mistake: 'notre technicien n’est pas venu', outcome: 'nouveau rdv ven 27 nov à 9h' }, 'Claire Dubois <c@example.fr>');
    expect(l.text).toContain('Votre nouveau rendez-vous est fixé au vendredi 27 novembre à 9\u00a0h.');
    expect(l.warnings.join('\n')).not.toMatch(/fragment/u);
  });
});

describe('the reader, not the batch', () => {
  it('German "unsere Sets … sind" is "Ihr Set … ist"', () => {
    expect(germanToReader('unsere Weihnachtsgewürz-Sets, bestellt bis Sonntag, sind nicht verschickt worden')).toBe('Ihr Weihnachtsgewürz-Set, bestellt bis Sonntag, ist nicht verschickt worden');
    expect(germanToReader('Unsere Adventskalender wurden zu spät verschickt')).toBe('Ihr Adventskalender wurde zu spät verschickt');
    expect(germanToReader('unsere Bestellungen kamen zu spät')).toBe('Ihre Bestellung kam zu spät');
    expect(germanToReader('unsere Mitarbeiter waren krank')).toBe('unsere Mitarbeiter waren krank');
    const l = letter({ locale: 'de', scenario: 'shipping-delay', mistake: 'unsere Weihnachtsgewürz-Sets sind nicht wie versprochen am Mittwoch verschickt worden' });
    expect(l.text).toContain('Ihr Weihnachtsgewürz-Set ist nicht wie versprochen am Mittwoch verschickt worden.');
  });
});

describe('a batch the letter cannot tell to the reader is told to the writer', () => {
  it('fr, es, de: a warning in the incident’s language', () => {
    expect(letter({ locale: 'fr', mistake: 'les commandes de samedi sont parties avec trois jours de retard' }).warnings.join('\n')).toMatch(/parle de tous.*une seule personne/u);
    expect(letter({ locale: 'es', mistake: 'los pedidos del lunes salieron tarde' }).warnings.join('\n')).toMatch(/habla de todos.*una sola persona/u);
    expect(letter({ locale: 'de', mistake: 'alle Online-Shops waren nicht erreichbar' }).warnings.join('\n')).toMatch(/spricht von allen/u);
    // What the German letter turns itself is no warning.
    expect(letter({ locale: 'de', mistake: 'unsere Sets sind zu spät verschickt worden' }).warnings.join('\n')).not.toMatch(/spricht von allen/u);
    expect(letter({ locale: 'fr', mistake: 'votre commande est partie en retard' }).warnings.join('\n')).not.toMatch(/parle de tous/u);
  });
});

describe('said once', () => {
  it('the action’s bank and scam advice replaces the template’s own (de, fr, es)', () => {
    const cases = [
      { locale: 'fr', action: 'surveillez vos relevés bancaires, et méfiez-vous des messages qui citent votre dossier', bank: /relevés/giu, scam: /méfiez/giu },
      { locale: 'de', action: 'prüfen Sie Ihre Kontoauszüge und seien Sie misstrauisch bei Nachrichten, die Ihre Akte nennen', bank: /Kontoauszüge/gu, scam: /vorsichtig|misstrauisch/giu },
      { locale: 'es', action: 'revise sus extractos bancarios y desconfíe de mensajes que citen su expediente', bank: /extractos/giu, scam: /desconf/giu },
    ];
    for (const c of cases) {
      const l = letter({ locale: c.locale, scenario: 'data-exposure', severity: 'major', mistake: 'x', action: c.action, exposure: { data: ['name', 'bank-account'] } } as never);
      expect(count(l.text, c.bank), c.locale).toBe(1);
      expect(count(l.text, c.scam), c.locale).toBe(1);
    }
  });
  it('a regulator typed as a note is one sentence, not "… l’autorité de contrôle : notification à la CNIL …"', () => {
    const fr = letter({ locale: 'fr', scenario: 'data-exposure', severity: 'major', exposure: { data: ['name'], regulator: 'notification à la CNIL le jeudi 26 novembre' } } as never);
    expect(fr.text).toContain('Nous avons notifié l’incident à la CNIL le jeudi 26 novembre.');
    expect(fr.text).not.toContain('autorité de contrôle');
    const de = letter({ locale: 'de', scenario: 'data-exposure', severity: 'major', exposure: { data: ['name'], regulator: 'Meldung an den LfDI am 26.11.' } } as never);
    expect(de.text).toContain('Wir haben den Vorfall am 26. November an den LfDI gemeldet.');
    const es = letter({ locale: 'es', scenario: 'data-exposure', severity: 'major', exposure: { data: ['name'], regulator: 'notificación a la AEPD el jueves 26 de noviembre' } } as never);
    expect(es.text).toContain('Hemos notificado el incidente a la AEPD el jueves 26 de noviembre.');
  });
  it('a kind of data typed in words is the reader’s own ("vos bulletins de salaire", "sus nóminas")', () => {
    expect(letter({ locale: 'fr', scenario: 'data-exposure', exposure: { data: ['name', 'bulletins de salaire'] } } as never).text).toMatch(/votre nom et vos bulletins de salaire/u);
    expect(letter({ locale: 'es', scenario: 'data-exposure', exposure: { data: ['name', 'nóminas'] } } as never).text).toMatch(/sus nóminas/u);
  });
  it('a refund the outcome tells is not announced again, and bank fees typed as "frais d’incident" are offered once', () => {
    const l = letter({
      locale: 'fr', scenario: 'billing-error',
      mistake: 'les frais de cours de novembre (145 €) ont été prélevés deux fois',
      outcome: 'le second prélèvement de 145 € vous a été remboursé mercredi, il apparaîtra sur votre compte mardi',
      remedy: { kind: 'refund', details: 'le remboursement intégral des 145 € et, si votre banque vous a facturé des frais d’incident, nous les prenons en charge sur simple justificatif' },
    }, 'Claire Dubois <c@example.fr>');
    expect(l.text).not.toMatch(/Vous recevrez le remboursement/u);
    expect(l.text).toContain('Si votre banque vous a facturé des frais d’incident, nous les prenons en charge sur simple justificatif.');
    expect(count(l.text, /en charge/gu)).toBe(1);
  });
  it('a replacement typed with the item’s noun is sent as typed, and "de regalo" is the one keep-it', () => {
    const l = letter({
      locale: 'es', scenario: 'wrong-item', severity: 'minor', summary: 'el libro equivocado',
      mistake: 'os mandamos «Cien recetas» en vez de «Cien años de soledad»',
      action: 'quedaos el recetario, no hace falta devolverlo',
      remedy: { kind: 'replacement', details: 'el libro correcto sin gastos de envío, y el recetario de regalo' },
    }, 'Carmen García <c@example.es>');
    expect(l.text).toContain('Le enviamos el libro correcto sin gastos de envío, y el recetario de regalo.');
    expect(count(l.text, /el libro correcto/gu)).toBe(1);
    expect(count(l.text, /quéde|regal/giu)).toBe(1);
  });
});

describe('a data exposure told the way a native letter tells it', () => {
  it('French and Spanish open the facts with their time ("Le mardi 24 novembre à 17 h 05, un e-mail…"), not "Cela s’est produit…" after them, and no signpost filler', () => {
    const fr = letter({ locale: 'fr', scenario: 'data-exposure', severity: 'major', id: 'd1', when: 'mardi 24 novembre à 17h05', mistake: 'un e-mail avec votre dossier a été envoyé à d’autres candidats', exposure: { data: ['name'] } } as never, 'Claire Dubois <c@example.fr>');
    expect(fr.text).toContain('Le mardi 24 novembre à 17\u00a0h\u00a005, un e-mail avec votre dossier a été envoyé à d’autres candidats.');
    expect(fr.text).not.toMatch(/Cela s’est produit|Vous trouverez ci-dessous/u);
    const es = letter({ locale: 'es', scenario: 'data-exposure', severity: 'major', id: 'd1', when: 'martes 24/11', mistake: 'mandamos su informe a otro paciente', exposure: { data: ['name'] } } as never, 'Carmen García <c@example.es>');
    expect(es.text).toContain('El martes 24 de noviembre, mandamos su informe a otro paciente.');
    expect(es.text).not.toMatch(/Ocurrió el|A continuación le explicamos/u);
    for (let id = 0; id < 6; id++) expect(letter({ locale: 'de', scenario: 'data-exposure', id: `d${id}`, exposure: { data: ['name'] } } as never).text).not.toMatch(/Im Folgenden erfahren Sie/u);
  });
});

describe('a business letter puts the time where the language does', () => {
  it('de: inside the opening ("…, der uns am Dienstag, 24. November, … unterlaufen ist"); fr/es: before the facts; never "Das geschah am…"/"Cela s’est produit…"', () => {
    for (let id = 0; id < 4; id++) {
      const when = { de: 'Dienstag, 24. November, 10:12–13:47 Uhr MEZ', fr: 'mardi 24 novembre, 9h10-11h45', es: 'martes 24 de noviembre, de 9:10 a 11:45' };
      const mistake = { de: 'alle Shops waren nicht erreichbar', fr: 'l’API de facturation était indisponible, aucune facture n’a pu être émise', es: 'la API de facturación no funcionó' };
      for (const lang of ['de', 'fr', 'es'] as const) {
        const l = letter({ locale: lang, scenario: 'service-outage', severity: 'major', audience: 'business', id: `b${id}`, when: when[lang], mistake: mistake[lang] });
        expect(l.text, `${lang} b${id}`).not.toMatch(/Das geschah|Cela s’est produit|Ocurrió/u);
        if (lang === 'de') expect(l.text).toContain('am Dienstag, 24. November, 10:12–13:47 Uhr MEZ');
        if (lang === 'fr') expect(l.text).toContain('Le mardi 24 novembre, de 9\u00a0h\u00a010 à 11\u00a0h\u00a045, l’API de facturation était indisponible. Aucune facture n’a pu être émise.');
        if (lang === 'es') expect(l.text).toContain('El martes 24 de noviembre, de 9:10 a 11:45, la API de facturación no funcionó.');
      }
    }
  });
  it('a longer cause typed as a noun phrase is framed too ("Le problème venait d’une mise à jour … sans test de charge.")', () => {
    const l = letter({ locale: 'fr', scenario: 'service-outage', audience: 'business', rootCause: 'une mise à jour de la base de données lancée en journée sans test de charge' });
    expect(l.text).toContain('Le problème venait d’une mise à jour de la base de données lancée en journée sans test de charge.');
    // A clause with its verb is no noun phrase, however long.
    const es = letter({ locale: 'es', scenario: 'data-exposure', rootCause: 'un archivo de exportación se subió por error a una carpeta pública de la web', exposure: { data: ['name'] } } as never);
    expect(es.text).not.toMatch(/La causa fue un archivo de exportación se subió/u);
  });
});

describe('an offer typed as a note', () => {
  it('a refund typed without its article gets one; what a refund told in the outcome adds after a comma is kept', () => {
    const fr = letter({ locale: 'fr', scenario: 'wrong-item', mistake: 'nous avons livré le mauvais plateau', remedy: { kind: 'refund', details: 'remboursement intégral du plateau (48 €)' } }, 'Claire Dubois <c@example.fr>');
    expect(fr.text).toContain('Vous recevrez le remboursement intégral du plateau (48 €).');
    const de = letter({
      locale: 'de', scenario: 'billing-error', mistake: 'abschlag dezember wurde doppelt abgebucht', outcome: 'der doppelte betrag wird bis fr 4.12. zurücküberwiesen',
      remedy: { kind: 'refund', details: 'rückerstattung des doppelt abgebuchten betrags, evtl. bankgebühren übernehmen wir' },
    });
    expect(de.text).toContain('Eventuelle Bankgebühren übernehmen wir.');
    expect(de.text).not.toMatch(/^[ \t]+\S/mu);
    expect(de.text).not.toMatch(/Sie erhalten Rückerstattung/u);
  });
  it('"2x" is a count in words; a German cause that starts "Fehler" is not framed by "Fehler" again', () => {
    expect(expandAbbreviations('lastschriftlauf 2x gestartet', 'de')).toBe('lastschriftlauf zweimal gestartet');
    expect(expandAbbreviations('prélevé 2x', 'fr')).toBe('prélevé deux fois');
    expect(expandAbbreviations('cobrado 2 x', 'es')).toBe('cobrado dos veces');
    for (let id = 0; id < 8; id++) {
      const l = letter({ locale: 'de', id: `f${id}`, mistake: 'Ihre Rechnung war falsch', rootCause: 'fehler beim softwareupdate, lauf gestartet', commitment: 'Wir prüfen jeden Lauf' });
      expect(l.text).not.toMatch(/Fehler[^.]*: Fehler/u);
    }
  });
});

describe('subjects that name this incident', () => {
  it('a wrong item the letters have no noun for is named by the summary, not "le mauvais article"', () => {
    const l = letter({ locale: 'fr', scenario: 'wrong-item', severity: 'minor', id: 'w1', summary: 'le mauvais plateau de fromages', mistake: 'plateau de chèvres livré au lieu du plateau de vaches' }, 'Claire Dubois <c@example.fr>');
    expect(l.subject).not.toMatch(/article/u);
  });
  it('a business outage: the summary and its time, no "Störungsbericht von …: der …"', () => {
    const l = letter({ locale: 'de', scenario: 'service-outage', severity: 'major', audience: 'business', summary: 'der Ausfall der Shop-Server', when: 'Dienstag, 24. November, 10:12–13:47 Uhr MEZ', ...FACTS.de });
    expect(l.subject).toBe('Ausfall der Shop-Server am Dienstag, 24. November, 10:12–13:47 Uhr MEZ – Ursache und Maßnahmen');
  });
  it('a consumer billing letter with a summary never gets the form subject', () => {
    for (let id = 0; id < 10; id++) {
      const l = letter({ locale: 'fr', scenario: 'billing-error', id: `s${id}`, summary: 'le double prélèvement de novembre', ...FACTS.fr }, 'Claire Dubois <c@example.fr>');
      expect(l.subject).not.toBe('Notre erreur de facturation, et ce que nous faisons pour la réparer');
    }
  });
});

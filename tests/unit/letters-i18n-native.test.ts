import { describe, expect, it } from 'vitest';
import { localeGreetingLine } from '../../src/recipients/greeting-locale.js';
import { i18nLetter } from '../helpers/i18n-letter.js';
import { expandAbbreviations, formalRegister } from '../../src/text/typed.js';

/**
 * The German, French and Spanish letters as a native reader judges them, on incidents typed by a
 * hurried manager (abbreviations, "du"/"os", one-word causes): one register, the local greeting,
 * no translated link sentences, nothing said twice, whole words, grammatical articles, follow-ups
 * that fit their dates.
 */

const letter = i18nLetter;

describe('one register: Sie / vous / usted throughout', () => {
  it('a light German letter to "Sabine Müller" does not open "Hallo Sabine" and then say Sie', () => {
    const l = letter({ locale: 'de', severity: 'minor', mistake: 'Ihre Bestellung kam zu spät' });
    expect(l.text.split('\n')[0]).toBe('Sehr geehrte Frau Müller,');
    expect(l.all).not.toMatch(/Hallo/u);
  });
  it('a Spanish letter never opens "Hola" beside usted', () => {
    const l = letter({ locale: 'es', severity: 'minor', mistake: 'su pedido llegó tarde' }, 'Kim Ortega <k@example.es>');
    expect(l.text.split('\n')[0]).toBe('Buenos días:');
  });
  it('Spanish typed with os/vosotros is written with usted ("os mandamos", "quedaos", "llamad", "no la paguéis")', () => {
    const l = letter({
      locale: 'es',
      scenario: 'missed-appointment',
      mistake: 'no os mandamos al técnico y nadie os avisó',
      action: 'quedaos en casa y si no os viene bien llamad al 900 123 456; no paguéis la cuota',
      rootCause: 'error en la asignación de rutas',
      commitment: 'revisamos cada tarde las rutas',
    }, 'Carmen García <c@example.es>');
    expect(l.text).toContain('No le mandamos al técnico y nadie le avisó');
    expect(l.text).toContain('Quédese en casa y si no le viene bien llame al 900 123 456; no pague la cuota');
    expect(l.text).not.toMatch(/(?<![\p{L}])(?:os|vosotros|vuestr\p{L}*|\p{L}+(?:áis|éis))(?![\p{L}])/u);
  });
  it('German typed with du/ihr is written with Sie ("dein rad", "schick uns", "prüft … und stoßt sie … an")', () => {
    expect(formalRegister('dein rad ist fertig, schick uns kurz eine info', 'de')).toBe('ihr rad ist fertig, schicken Sie uns kurz eine info');
    expect(formalRegister('bitte prüft die Webhooks und stoßt sie neu an', 'de')).toBe('bitte prüfen Sie die Webhooks und stoßen Sie sie neu an');
    expect(formalRegister('wir melden uns bei dir, du hast recht', 'de')).toBe('wir melden uns bei Ihnen, Sie haben recht');
  });
  it('what no rule can turn is told to the writer in the incident’s language', () => {
    const l = letter({ locale: 'de', mistake: 'du musstest ewig auf dein paket warten, obwohl du es eilig hattest' });
    expect(l.warnings.join('\n')).toMatch(/duzt \(„du“\).*Sie-Form/u);
    const e = letter({ locale: 'es', mistake: 'os cobramos de más y encontráis el cargo en vuestro extracto' }, 'Carmen García <c@example.es>');
    expect(e.warnings.join('\n')).toMatch(/trata de usted/u);
  });
});

describe('greetings a native business letter uses', () => {
  const g = (name: string, lang: string, formal: boolean, salutation?: string) => {
    const [given, ...rest] = name.split(' ');
    return localeGreetingLine({ first_name: undefined, name, salutation, last_name: rest.length ? undefined : undefined }, lang, formal) || given;
  };
  it('a title or a given name that says the gender gives the formal greeting, never "Guten Tag Sabine Müller" / "Bonjour Claire Dubois"', () => {
    expect(g('Sabine Müller', 'de', false)).toBe('Sehr geehrte Frau Müller,');
    expect(g('Jörg Weiß', 'de', true)).toBe('Sehr geehrter Herr Weiß,');
    expect(g('Claire Dubois', 'fr', false)).toBe('Madame,');
    expect(g('Pierre Martin', 'fr', true)).toBe('Monsieur,');
    expect(g('Carmen García', 'es', false)).toBe('Estimada Sra. García:');
    expect(g('Lucía García López', 'es', false)).toBe('Estimada Sra. García López:');
    expect(g('Änne Müller', 'de', false, 'Frau Dr.')).toBe('Sehr geehrte Frau Dr. Müller,');
    expect(g('Élodie Lefèvre', 'fr', false, 'Mme')).toBe('Madame,');
  });
  it('a name that does not say the gender is greeted the neutral way', () => {
    expect(g('Kim Schmidt', 'de', false)).toBe('Guten Tag Kim Schmidt,');
    expect(g('Dominique Lefort', 'fr', false)).toBe('Bonjour,');
    expect(g('Dominique Lefort', 'fr', true)).toBe('Madame, Monsieur,');
    expect(g('Alex Ruiz', 'es', true)).toBe('Buenos días:');
    // A title wins over the name list ("Andrea" is not on it; "Maria" with Herr is Herr).
    expect(g('Maria Schulz', 'de', false, 'Herr')).toBe('Sehr geehrter Herr Schulz,');
  });
});

describe('no translated link sentences, no filler', () => {
  const PHRASES = /Voici comment c’est arrivé|Esto es lo que falló|Ich wollte genau verstehen|Wir wollten genau verstehen|Je tenais à comprendre|Nous tenions à comprendre|changé notre façon de faire|Als Entschuldigung möchten|J’ai besoin que vous fassiez|Nous avons besoin que vous fassiez|Necesito pedirle una cosa|Necesitamos pedirle una cosa|Auf Ihrer Seite ist ein Schritt nötig|um eine Sache bitten|Es necesaria una acción|Une action est nécessaire|Su tiempo vale tanto|droit à toute la vérité|konnten sie sich nicht darauf verlassen|Usted eligió algo concreto|cola de espera|file d’attente|Warteschleife|vraie personne|von einem Menschen gelesen|la lee una persona|Queríamos entender|Quería entender/u;
  it('no variant of any scenario says them', () => {
    const found: string[] = [];
    for (const locale of ['de', 'fr', 'es']) {
      for (const scenario of ['generic', 'shipping-delay', 'wrong-item', 'billing-error', 'missed-appointment', 'service-outage', 'data-exposure'] as const) {
        for (const severity of ['minor', 'major'] as const) {
          for (const audience of ['consumer', 'business'] as const) {
            for (let id = 0; id < 12; id++) {
              const l = letter({
                locale, scenario, severity, audience, id: `v${id}x`,
                mistake: locale === 'de' ? 'Ihre Bestellung kam zu spät' : locale === 'fr' ? 'votre commande est arrivée en retard' : 'su pedido llegó tarde',
                rootCause: locale === 'de' ? 'Unser Lager hat die Bestellung übersehen' : locale === 'fr' ? 'notre entrepôt a oublié la commande' : 'nuestro almacén olvidó el pedido',
                action: locale === 'de' ? 'Bitte prüfen Sie Ihr Konto' : locale === 'fr' ? 'vérifiez votre compte' : 'revise su cuenta',
                remedy: { kind: 'coupon', details: locale === 'de' ? 'ein Gutschein über 10 €' : locale === 'fr' ? 'un bon de 10 €' : 'un vale de 10 €' },
                exposure: scenario === 'data-exposure' ? { data: ['name', 'email', 'date-of-birth', 'address'] } : undefined,
              });
              const m = PHRASES.exec(l.all) ?? /Soyez attentif|faille de sécurité/u.exec(l.all);
              if (m) found.push(`${locale} ${scenario} ${severity} ${audience} v${id}: ${m[0]}`);
            }
          }
        }
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});

describe('nothing said twice, nothing contradictory', () => {
  it('"you can keep it" once, and the owed item is not a goodwill gesture', () => {
    const l = letter({
      locale: 'fr', scenario: 'wrong-item', company: { name: 'La Petite Épicerie' },
      mistake: 'votre colis contenait du thé vert au lieu du thé noir commandé',
      remedy: { kind: 'replacement', details: 'le bon thé noir, envoyé aujourd’hui ; vous pouvez garder le thé vert' },
    }, 'Claire Dubois <c@example.fr>');
    expect(l.text.match(/gard/gu)?.length).toBe(1);
    expect(l.text).not.toMatch(/En guise d’excuse|En dédommagement|Pour nous faire pardonner/u);
    expect(l.text).toContain('Nous vous envoyons le bon article, à nos frais');
  });
  it('no "aucune démarche" right after asking for a proof', () => {
    const l = letter({ locale: 'fr', scenario: 'wrong-item', remedy: { kind: 'refund', details: 'le remboursement intégral, sur envoi d’une photo du colis' } }, 'Claire Dubois <c@example.fr>');
    expect(l.text).not.toMatch(/aucune démarche/u);
  });
  it('bank fees offered once in a severe billing letter', () => {
    const l = letter({ locale: 'de', scenario: 'billing-error', severity: 'major', mistake: 'der Abschlag wurde doppelt abgebucht', remedy: { kind: 'refund' } });
    expect(l.text).toMatch(/Bankgebühren/u);
    expect(l.text).not.toMatch(/Wenn Ihnen dadurch Kosten/u);
  });
});

describe('abbreviations typed in prose', () => {
  it('are written out, and their stop ends no sentence', () => {
    expect(expandAbbreviations('envoyé sans vérif. de notre côté', 'fr')).toBe('envoyé sans vérification de notre côté');
    expect(expandAbbreviations('chaque colis est maintenant vérif. par une 2e personne', 'fr')).toBe('chaque colis est maintenant vérifié par une 2e personne');
    expect(expandAbbreviations('die api war 4 std. weg, inkl. checkout', 'de')).toBe('die api war 4 Stunden weg, inklusive checkout');
    expect(expandAbbreviations('llame al tlf. 900 123 456, aprox. 40 citas', 'es')).toBe('llame al teléfono 900 123 456, aproximadamente 40 citas');
    const l = letter({ locale: 'fr', mistake: 'votre colis est parti sans vérif. de notre côté' }, 'Claire Dubois <c@example.fr>');
    expect(l.text).toContain('sans vérification de notre côté');
    const d = letter({ locale: 'de', mistake: 'ihr termin am mi. wurde vergessen', outcome: 'ihr rad kann am do. ab 10 uhr abgeholt werden' });
    expect(d.text).toContain('Ihr Termin am Mittwoch wurde vergessen');
    expect(d.text).toContain('am Donnerstag ab 10 Uhr');
    expect(d.text).not.toMatch(/Mi\.|Do\.|Ab 10/u);
  });
});

describe('grammar around the manager’s words', () => {
  it('"ein Gutschein" as an object is "einen Gutschein"', () => {
    for (const id of ['a1', 'b2', 'c3', 'd4']) {
      const l = letter({ locale: 'de', id, remedy: { kind: 'coupon', details: 'ein gutschein über 20 € für Ihre nächste Bestellung' } });
      expect(l.text).not.toMatch(/(?<![\p{L}])ein (?:Gutschein|gutschein)/u);
      expect(l.text).toMatch(/einen Gutschein über 20 €/u);
    }
  });
  it('French: no adjective that assumes the reader’s gender, an article before a company named by a common noun, a subject that does not read as phishing', () => {
    const l = letter({ locale: 'fr', scenario: 'data-exposure', severity: 'major', company: { name: 'Agence Numérique' }, exposure: { data: ['name', 'date-of-birth', 'address', 'id-number'] } }, 'Claire Dubois <c@example.fr>');
    expect(l.all).not.toMatch(/attentif|attentive|faille/u);
    expect(l.subject).toBe('Incident concernant vos données');
    const s = letter({ locale: 'fr', scenario: 'shipping-delay', severity: 'major', company: { name: 'Agence Numérique' } }, 'Claire Dubois <c@example.fr>');
    expect(s.subject).toContain('chez l’Agence Numérique');
  });
});

describe('follow-ups promised at dates that fit', () => {
  it('an appointment already past by the check-in day is asked about, not "le viene bien"', () => {
    const l = letter({ locale: 'es', scenario: 'missed-appointment', outcome: 'hemos reservado una nueva cita el jueves 26 de noviembre a las 9:00', followUp: { after: '2d' } }, 'Carmen García <c@example.es>');
    expect(l.text).toContain('para saber si todo fue bien en la nueva cita');
    expect(l.text).not.toContain('le viene bien');
  });
  it('an outage already fixed is not checked "ob alles läuft" days later', () => {
    const l = letter({ locale: 'de', scenario: 'service-outage', outcome: 'der Dienst läuft seit 18:10 wieder stabil', followUp: { after: '9d' } });
    expect(l.text).not.toMatch(/wieder alles läuft/u);
    expect(l.text).toMatch(/am Samstag, 5\. Dezember, noch einmal bei Ihnen, um zu hören, ob durch die Störung/u);
  });
  it('no follow-up promised without a date', () => {
    for (const locale of ['de', 'fr', 'es']) {
      const l = letter({ locale, scenario: 'shipping-delay' }, 'Kim Ortega <k@example.com>');
      expect(l.text).not.toMatch(/Wir melden uns noch einmal|Ich melde mich noch einmal|reviendrai vers vous pour|reviendrons vers vous pour|en contacto con usted para/u);
    }
  });
});

describe('German offers as objects', () => {
  it('an amount typed before its noun reads as an object too ("10 € Gutschein" → "einen Gutschein über 10 €")', () => {
    for (const id of ['a1', 'b2']) {
      const l = letter({ locale: 'de', id, remedy: { kind: 'coupon', details: '10 € Gutschein für Ihre nächste Bestellung, Code GARTEN10' } });
      expect(l.text).toMatch(/einen Gutschein über 10 € für Ihre nächste Bestellung, Code GARTEN10/u);
    }
  });
  it('a cost-free offer ("kostenlos") is no cost already asked about: the severe letter still invites costs', () => {
    const l = letter({ locale: 'de', scenario: 'wrong-item', severity: 'major', outcome: 'eine neue Torte steht morgen kostenlos bereit', remedy: { kind: 'refund', details: 'den vollen Preis, 64,50 €' } });
    expect(l.text).toMatch(/Wenn Ihnen dadurch Kosten oder ein Schaden entstanden sind/u);
  });
});

describe('follow-ups that read right', () => {
  it('a French summary typed without its article does not follow "pour" bare', () => {
    for (const id of ['a1', 'b2', 'c3']) {
      const l = letter({ locale: 'fr', id, scenario: 'wrong-item', summary: 'erreur dans votre colis', followUp: { after: '5d' } }, 'Claire Dubois <c@example.fr>', 'followup');
      expect(l.text).not.toMatch(/pour erreur/u);
    }
  });
  it('a new date said only as a weekday is past by a check-in a week on: it is asked about', () => {
    const l = letter({ locale: 'de', scenario: 'missed-appointment', outcome: 'Ihr Rad kann am Donnerstag ab 10 Uhr abgeholt werden', followUp: { after: '9d' } });
    expect(l.text).toContain('ob beim neuen Termin alles gepasst hat');
  });
});

describe('the German rewrite leaves statements alone', () => {
  it('a verb followed by its subject is no request', () => {
    expect(formalRegister('wenn der Fehler auftritt, prüft der Techniker alles', 'de')).toBe('wenn der Fehler auftritt, prüft der Techniker alles');
    expect(formalRegister('Prüft unser Team das, meldet sich jemand', 'de')).toBe('Prüft unser Team das, meldet sich jemand');
    expect(formalRegister('schick uns bitte ein Foto', 'de')).toBe('schicken Sie uns bitte ein Foto');
  });
});

describe('costs claimed in the action are not offered a second time', () => {
  it('"send us the hotel invoices" is followed by no "if this cost you anything"', () => {
    const l = letter({ locale: 'es', scenario: 'generic', severity: 'major', remedy: { kind: 'refund', details: 'el importe del billete, 286,40 €' }, action: 'envíenos las facturas de hotel de esos días con su localizador' }, 'Carmen García <c@example.es>');
    expect(l.text).not.toMatch(/le ha supuesto algún gasto/u);
  });
});

describe('a follow-up the apology did not promise', () => {
  it('does not say "as promised" when the apology named no day', () => {
    for (const locale of ['de', 'fr', 'es']) {
      for (const id of ['a1', 'b2', 'c3', 'd4']) {
        for (const audience of ['consumer', 'business'] as const) {
          const l = letter({ locale, id, audience, scenario: 'shipping-delay' }, 'Kim Ortega <k@example.com>', 'followup');
          expect(l.text, `${locale} ${id} ${audience}`).not.toMatch(/versprochen|zugesagt|promis|convenu|prometí|prometimos/u);
        }
      }
    }
  });
});

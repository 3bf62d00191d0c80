import { describe, expect, it } from 'vitest';
import { localizeIncident } from '../../src/incident/localize.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { formatMoney } from '../../src/recipients/money.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { createComposer } from '../../src/compose/compose.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { datesIn } from '../../src/text/dates.js';
import { orderEntries } from '../../src/recipients/orders.js';
import { innerClause, sentence } from '../../src/templates/sentence.js';
import { frenchTypography, germanCapitals, localQuotes } from '../../src/text/typed.js';
import { localeGreetingLine } from '../../src/recipients/greeting-locale.js';

/**
 * What native readers of the German, French and Spanish letters found in the text a manager
 * types and the values an export gives (issue 15, the readers' round): each class of defect.
 */

describe('German typed in lower case gets its capitals', () => {
  const cases: [string, string][] = [
    ['ihre bestellung kommt später als zugesagt', 'Ihre Bestellung kommt später als zugesagt'],
    ['die geburtstagstorte für ihre tochter hatte den falschen namen drauf', 'die Geburtstagstorte für Ihre Tochter hatte den falschen Namen drauf'],
    ['der abschlag für november wurde am 25.11. doppelt abgebucht', 'der Abschlag für November wurde am 25.11. doppelt abgebucht'],
    ['wir haben einen zweiten versanddienstleister angebunden der einspringt wenn der erste ausfällt', 'wir haben einen zweiten Versanddienstleister angebunden der einspringt wenn der erste ausfällt'],
    ['ihr termin zur wurzelbehandlung am mi, 25.11. um 10:30 wurde ohne rechtzeitige absage von uns gestrichen', 'Ihr Termin zur Wurzelbehandlung am Mi, 25.11. um 10:30 wurde ohne rechtzeitige Absage von uns gestrichen'],
    ['eine neue erdbeertorte steht morgen ab 8 uhr für sie bereit', 'eine neue Erdbeertorte steht morgen ab 8 Uhr für Sie bereit'],
    ['wenn ihnen bankgebühren entstanden sind, schicken sie uns bitte den kontoauszug', 'wenn Ihnen Bankgebühren entstanden sind, schicken Sie uns bitte den Kontoauszug'],
    ['10 € gutschein für ihre nächste bestellung', '10 € Gutschein für Ihre nächste Bestellung'],
    ['wir erstatten die gebühren', 'wir erstatten die Gebühren'],
    ['ein hochbeet 200 cm lang', 'ein Hochbeet 200 cm lang'],
  ];
  for (const [typed, read] of cases) it(`"${typed}" → "${read}"`, () => expect(germanCapitals(typed)).toBe(read));

  it('text that capitalises its nouns is left as the manager wrote it', () => {
    for (const t of ['Die Lieferung kam zu spät, weil die neue Software hakte', 'Ihre Bestellung ist unterwegs', 'wir haben das Lager umgestellt']) expect(germanCapitals(t)).toBe(t);
  });
});

describe('a full stop after a date or a shortened month is no sentence end', () => {
  const cases: [string, string, string][] = [
    ['de', 'der abschlag wurde am 25.11. doppelt abgebucht', 'Der abschlag wurde am 25.11. doppelt abgebucht.'],
    ['de', 'termin am do, 3.12. um 9:00', 'Termin am do, 3.12. um 9:00.'],
    ['es', 'le dimos cita el miércoles 25 de nov. a las 17:00', 'Le dimos cita el miércoles 25 de nov. a las 17:00.'],
    ['fr', 'prêtes samedi 28 nov. à partir de 10h', 'Prêtes samedi 28 nov. à partir de 10h.'],
    // a real sentence end still gets its capital
    ['en', 'human error. our night shift put the slips in the wrong tray', 'Human error. Our night shift put the slips in the wrong tray.'],
    ['en', 'it happened two days ago. we fixed it', 'It happened two days ago. We fixed it.'],
    ['en', 'that is what we do. our team checks every order', 'That is what we do. Our team checks every order.'],
  ];
  it('German dates, shortened months in Spanish and French; real sentence ends still capitalised', () => {
    for (const [lang, typed, read] of cases) expect(sentence(typed, lang), typed).toBe(read);
  });
});

describe('orders and money in the customer\'s language', () => {
  it('an order with more items than listed says how many more in the row\'s language', () => {
    const rows = [{ fields: { order_id: 'A-1', product: 'Tee', quantity: '2', locale: 'de' } }];
    const make = orderEntries('en');
    expect(make([{ rows, items: 4 }])[0]!.items_display).toBe('Tee ×2 und 3 weitere');
    expect(make([{ rows: [{ fields: { ...rows[0]!.fields, locale: 'fr-CA' } }], items: 3 }])[0]!.items_display).toBe('Tee ×2 et 2 autres');
    expect(make([{ rows: [{ fields: { ...rows[0]!.fields, locale: 'es-MX' } }], items: 2 }])[0]!.items_display).toBe('Tee ×2 y 1 más');
  });

  it('Spanish prices group the thousands as shops write them (1.234,56 €), German and French too', () => {
    expect(formatMoney('1234.56', 'EUR', 'es')).toBe('1.234,56\u00a0€');
    expect(formatMoney('1234.56', 'EUR', 'es-ES')).toBe('1.234,56\u00a0€');
    expect(formatMoney('1234.56', 'EUR', 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney('1234.56', 'EUR', 'fr')).toBe('1\u202f234,56\u00a0€');
    // A bare "$" names its currency in a letter that is not English (pesos, not dollars).
    expect(formatMoney('1520', 'MXN', 'es-MX')).toBe('$1,520.00 MXN');
  });
});

describe('the incident as the letter\'s language prints it', () => {
  const base: IncidentInput = {
    company: { name: 'Stadtwerke Lüneburg', from: 'Stadtwerke Lüneburg <ks@stadtwerke.example>' },
    signer: { name: 'Herr Dr. Martin Vogel', title: 'leiter kundenservice' },
    scenario: 'billing-error',
    severity: 'major',
    locale: 'de',
    summary: 'lieferverzug',
    people: 'patienten',
    mistake: 'der abschlag für november wurde doppelt abgebucht',
    affected: 3870,
    rootCause: 'softwareupdate im abrechnungssystem',
    commitment: 'lastschriftläufe werden jetzt vor der freigabe geprüft',
    remedy: { kind: 'refund', details: 'der betrag wird bis mo, 30.11. zurücküberwiesen' },
  } as IncidentInput;

  it('German: nouns, the job title and the summary capitalised; the signer signs without "Herr"', () => {
    const i = localizeIncident(validateIncident(base), 'de');
    expect(i.signer.name).toBe('Dr. Martin Vogel');
    expect(i.signer.title).toBe('Leiter Kundenservice');
    expect(i.summary).toBe('Lieferverzug');
    expect(i.people.many).toBe('Patienten');
    expect(i.mistake).toBe('der Abschlag für November wurde doppelt abgebucht');
    expect(i.remedy.details).toBe('der Betrag wird bis Montag, 30. November, zurücküberwiesen');
  });

  it('French: typographic apostrophes and a no-break space before %', () => {
    expect(frenchTypography("l'envoi d'info, 15% de remise")).toBe('l’envoi d’info, 15\u202f% de remise');
    const i = localizeIncident(validateIncident({ ...base, locale: 'fr', people: 'clients', summary: "l'envoi", signer: { name: 'Mme Nadia Benali', title: 'opticienne' }, mistake: "vos lunettes n'étaient pas prêtes" } as IncidentInput), 'fr');
    expect(i.mistake).toBe('vos lunettes n’étaient pas prêtes');
    expect(i.summary).toBe('l’envoi');
    expect(i.signer.name).toBe('Nadia Benali');
  });
});

describe('the promised check-in comes after what it checks', () => {
  const now = new Date('2026-11-26T09:00:00Z');
  it('reads the days a manager names in each language', () => {
    const day = (t: string) => datesIn(t, now).map((d) => d.toISOString().slice(0, 10));
    expect(day('wir haben einen ersatztermin für sie am do, 3.12. um 9:00 reserviert')).toEqual(['2026-12-03']);
    expect(day('vos lunettes seront prêtes samedi 28 nov à partir de 10h')).toEqual(['2026-11-28']);
    expect(day('le hemos guardado un hueco el martes 1 de dic. a las 17:00')).toEqual(['2026-12-01']);
    expect(day('We have held a slot for you on Monday 8 December at 9:15.')).toEqual(['2026-12-08']);
    expect(day('a slot on 5 January')).toEqual(['2027-01-05']);
    expect(day('um 10:30 oder in 3 tagen')).toEqual([]);
  });

  const library = new TemplateLibrary();
  const incident = (lang: string, outcome: string) =>
    validateIncident({
      company: { name: 'Praxis Schulte', from: 'Praxis <p@praxis.example>', phone: '0221 771 2040' },
      signer: { name: 'Birgit Schulte', title: 'Zahnärztin' },
      scenario: 'missed-appointment',
      severity: 'moderate',
      locale: lang,
      mistake: lang === 'de' ? 'wir haben Ihren Termin gestrichen' : lang === 'fr' ? 'nous avons annulé votre rendez-vous' : 'cancelamos su cita',
      affected: 7,
      rootCause: lang === 'de' ? 'ein Krankheitsfall' : lang === 'fr' ? 'une absence imprévue' : 'una baja por enfermedad',
      commitment: lang === 'de' ? 'Absagen gehen jetzt per SMS raus' : lang === 'fr' ? 'les annulations partent maintenant par SMS' : 'las cancelaciones se avisan ahora por SMS',
      remedy: { kind: 'none' },
      outcome,
      followUp: { after: '2d' },
    } as IncidentInput);
  const cases: [string, string, string, string][] = [
    ['de', 'wir haben einen ersatztermin für sie am do, 3.12. um 9:00 reserviert', 'Freitag, 4. Dezember,', 'Samstag, 28. November'],
    ['fr', 'nous vous avons réservé un créneau le jeudi 3 déc. à 9h', 'vendredi 4 décembre pour', 'samedi 28 novembre'],
    ['es', 'le hemos guardado un hueco el jueves 3 de dic. a las 9:00', 'viernes 4 de diciembre para', 'sábado 28 de noviembre'],
  ];
  for (const [lang, outcome, after, before] of cases) {
    it(`${lang}: a new appointment on 3 December moves the check-in to the 4th, asking how it went`, () => {
      const msg = createComposer(incident(lang, outcome), library, { now, stage: 'apology' })(recipientFromMailbox('a@example.com', 'Anna Weber', {}));
      expect(msg.text).toContain(after);
      expect(msg.text).not.toContain(before);
    });
  }

  it('a customer with a new date of their own is told the check-in comes after it, not on a day before it', () => {
    const inc = validateIncident({ ...(incident('de', '') as unknown as IncidentInput), outcome: undefined, scenario: 'shipping-delay' } as IncidentInput);
    const msg = createComposer(inc, library, { now, stage: 'apology' })(recipientFromMailbox('a@example.com', 'Anna Weber', { order_id: 'A-1', new_date: 'Freitag, 4. Dezember' }));
    expect(msg.text).toContain('nach dem neuen Termin noch einmal bei Ihnen');
    expect(msg.text).not.toContain('Samstag, 28. November');
  });
});

describe('brackets inside the template\'s own brackets', () => {
  it('a time typed with "(heure de Paris)" is not nested in the subject or the follow-up', () => {
    expect(innerClause('mardi 24 nov, 9h12–13h47 (heure de Paris)', 'fr')).toBe('mardi 24 nov, 9h12–13h47, heure de Paris');
    const incident = validateIncident({
      company: { name: 'Facturéo', from: 'Facturéo <support@factureo.example>' },
      signer: { name: 'Julien Marchand', title: 'directeur des opérations' },
      scenario: 'service-outage',
      severity: 'critical',
      audience: 'business',
      locale: 'fr',
      summary: "l'interruption de la facturation",
      when: 'mardi 24 nov, 9h12–13h47 (heure de Paris)',
      mistake: 'la plateforme était inaccessible',
      affected: 1840,
      rootCause: 'migration de base de données mal planifiée',
      commitment: 'les migrations se feront désormais la nuit',
      remedy: { kind: 'none' },
      followUp: { after: '1w' },
    } as IncidentInput);
    for (const stage of ['apology', 'followup'] as const) {
      const msg = createComposer(incident, new TemplateLibrary(), { now: new Date('2026-11-25T09:00:00Z'), stage })(recipientFromMailbox('a@example.fr', 'Élodie Lefèvre', {}));
      expect(`${msg.subject}\n${msg.text}`, stage).not.toMatch(/\([^()]*\(/u);
    }
  });
});

describe('quotation marks and titles as each country writes them', () => {
  it('straight quotes typed by the manager become „…“, « … », «…»', () => {
    expect(germanCapitals("eine neue torte mit 'Alles Gute, Lea!' steht bereit")).toBe('eine neue Torte mit „Alles Gute, Lea!“ steht bereit');
    expect(frenchTypography('restées en statut "En attente"')).toBe('restées en statut «\u202fEn attente\u202f»');
    expect(localQuotes('el estado "Pendiente", por favor', 'es')).toBe('el estado «Pendiente», por favor');
    expect(frenchTypography("l'envoi d'aujourd'hui")).toBe('l’envoi d’aujourd’hui');
    // the German closing “ keeps the space after it, a quotation that ends the text ends the sentence
    expect(sentence('eine Torte mit „Alles Gute, Lea!“ steht bereit', 'de')).toBe('Eine Torte mit „Alles Gute, Lea!“ steht bereit.');
    expect(sentence('auf der Torte stand „Alles Gute!“', 'de')).toBe('Auf der Torte stand „Alles Gute!“');
  });

  it('a reader with a salutation column is greeted by title and surname in a light letter too, never by first name beside Sie/vous/usted', () => {
    expect(localeGreetingLine({ first_name: 'Änne', last_name: 'Müller-Lüdenscheidt', salutation: 'Frau Dr.' }, 'de', false)).toBe('Sehr geehrte Frau Dr. Müller-Lüdenscheidt,');
    expect(localeGreetingLine({ first_name: 'Klaus', last_name: 'Weber', salutation: 'Herr Prof. Dr.' }, 'de', false)).toBe('Sehr geehrter Herr Prof. Dr. Weber,');
    expect(localeGreetingLine({ first_name: 'Jörg', last_name: 'Weiß', salutation: 'Herr' }, 'de', false)).toBe('Sehr geehrter Herr Weiß,');
    expect(localeGreetingLine({ first_name: 'Élodie', last_name: 'Lefèvre-Dubois', salutation: 'Mme' }, 'fr', false)).toBe('Madame,');
    expect(localeGreetingLine({ first_name: 'María José', last_name: 'García-López', salutation: 'Sra.' }, 'es', false)).toBe('Estimada Sra. García-López:');
    // no salutation: a given name that says the gender gives it; one that does not, the neutral form (never the first name beside Sie)
    expect(localeGreetingLine({ first_name: 'Jörg', last_name: 'Weiß' }, 'de', false)).toBe('Sehr geehrter Herr Weiß,');
    expect(localeGreetingLine({ first_name: 'Kim', last_name: 'Weiß' }, 'de', false)).toBe('Guten Tag Kim Weiß,');
  });
});

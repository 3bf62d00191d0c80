import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { localizeIncident } from '../../src/incident/localize.js';
import { germanNoun } from '../../src/text/nouns-de.js';
import { germanCapitals } from '../../src/text/typed.js';
import { i18nLetter, I18N_NOW } from '../helpers/i18n-letter.js';
import { DE, DE_KEPT, ES, ES_KEPT, FR, FR_KEPT, type NoteCase } from './notes-i18n-cases.js';

/**
 * German, French and Spanish notes ("techniker nicht gekommen", "cdes du 18 au 20/11", "pedido
 * enviado tarde x error almacén") become the letter's own sentences, told to the one reader, and
 * the mechanical rules hold for every shape: capitals, one final stop, French spacing, no doubled
 * word, the facts kept.
 */

const FIELD = { mistake: 'mistake', cause: 'rootCause', commitment: 'commitment', outcome: 'outcome', action: 'action', remedy: 'remedy.details' } as const;
const LANGS = { de: DE, fr: FR, es: ES } as const;
const KEPT = { de: DE_KEPT, fr: FR_KEPT, es: ES_KEPT } as const;
/** Shorthand no letter prints. */
const SHORTHAND: Record<string, RegExp> = {
  de: /\s\+\s|(?<![\p{L}])(?:fr-so|mo-fr|wg\.|bzgl\.|dispo|hats)(?![\p{L}])/iu,
  fr: /\s\+\s|(?<![\p{L}])(?:cdes|cde|cmd|PJ|rdv|tél|asap|réf|qqn|bcp|tjs|pb)(?![\p{L}])/u,
  es: /\s\+\s|(?<![\p{L}\d])(?:x|ref|pdte|tb|tmb|xq|pq)(?![\p{L}\d])/u,
};

function incidentWith(lang: string, role: NoteCase[0], typed: string, extra: Partial<IncidentInput> = {}): Partial<IncidentInput> & { locale: string } {
  const base: Record<string, unknown> = { locale: lang, mistake: FILLER[lang]!.mistake, rootCause: FILLER[lang]!.cause, commitment: FILLER[lang]!.commitment, remedy: { kind: 'refund' }, ...extra };
  const f = FIELD[role];
  if (f === 'remedy.details') base.remedy = { kind: 'refund', details: typed };
  else base[f] = typed;
  return base as Partial<IncidentInput> & { locale: string };
}
const FILLER: Record<string, { mistake: string; cause: string; commitment: string }> = {
  de: { mistake: 'Ihre Bestellung kam zu spät', cause: 'Unser Lager hat die Bestellung übersehen', commitment: 'Wir prüfen jetzt jeden Abend offene Bestellungen' },
  fr: { mistake: 'votre commande est arrivée en retard', cause: 'notre entrepôt a oublié la commande', commitment: 'nous vérifions chaque soir les commandes en attente' },
  es: { mistake: 'su pedido llegó tarde', cause: 'nuestro almacén olvidó el pedido', commitment: 'revisamos cada tarde los pedidos pendientes' },
};

function localized(lang: string, role: NoteCase[0], typed: string): string {
  const input = { company: { name: 'Radhaus Becker', phone: '030 555 123' }, signer: { name: 'Tom Becker', title: 'Inhaber' }, scenario: 'generic', severity: 'moderate', affected: 6, ...incidentWith(lang, role, typed) };
  const inc = localizeIncident(validateIncident(input as IncidentInput), lang, I18N_NOW);
  return role === 'remedy' ? inc.remedy.details! : (inc as unknown as Record<string, string>)[FIELD[role]]!;
}

/** The mechanical rules a letter's body keeps, whatever was typed: the problems found. */
function mechanical(text: string, lang: string): string[] {
  const body = text.split(/\n\n/u).slice(1, -1).join('\n\n');
  const out: string[] = [];
  // A sentence starts with a capital (or a number) after a full stop.
  for (const m of body.matchAll(/[.!?]\s+(\p{Ll})/gu)) {
    const before = body.slice(Math.max(0, m.index - 6), m.index + 1);
    if (!/(?:z\.\s?B|ca|Nr|bzw|usw|etc|inkl|vgl|\d)\.$/u.test(before)) out.push(`lower-case after a stop: …${body.slice(Math.max(0, m.index - 30), m.index + 12)}`);
  }
  if (/\.\s*\.(?!\.)|,\s*\.|\s\./u.test(body.replace(/\d\.\s?\d/gu, ''))) out.push('a doubled or stray stop');
  const short = SHORTHAND[lang]?.exec(body);
  if (short) out.push(`shorthand: ${short[0]}`);
  const doubled = /(?<![\p{L}\d])(\p{L}{2,})\s+\1(?![\p{L}])/iu.exec(body);
  if (doubled && !/^(?:nous|vous|que|die|der|das|le|la)$/iu.test(doubled[1]!)) out.push(`doubled word: ${doubled[0]}`);
  if (lang === 'fr') for (const m of body.matchAll(/(\S)([:?!;])(?=\s|$)/gu)) if (!/\d/u.test(m[1]!)) out.push(`no space before "${m[2]}": ${body.slice(Math.max(0, m.index - 20), m.index + 3)}`);
  return out;
}

/** Facts a note carries that a letter must keep: amounts, percentages, addresses, times. */
function facts(typed: string): string[] {
  return [...typed.matchAll(/\d+(?:[.,]\d+)?\s?(?:€|%)|[\w.+-]+@[\w.-]+\.\w+|\d{1,2}:\d{2}/gu)].map((m) => m[0].replace(/\s/gu, ''));
}
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]/gu, '');

for (const [lang, cases] of Object.entries(LANGS)) {
  describe(`${lang}: a note becomes the letter's sentence`, () => {
    it(`has 40 or more note shapes that change (${cases.length})`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(40);
    });
    it.each(cases.map((c) => [c[0], c[1], c[2]] as const))('%s: %s', (role, typed, said) => {
      expect(localized(lang, role, typed)).toBe(said);
    });
  });

  describe(`${lang}: the mechanical rules hold for every note shape, in the letter`, () => {
    it('capitals after a stop, one final stop, no doubled word, no shorthand, French spacing, the facts kept', () => {
      const found: string[] = [];
      for (const [role, typed] of [...cases, ...KEPT[lang as keyof typeof KEPT]]) {
        for (const scenario of ['generic', 'shipping-delay', 'billing-error', 'missed-appointment'] as const) {
          const l = i18nLetter({ ...incidentWith(lang, role, typed), scenario });
          for (const p of mechanical(l.text, lang)) found.push(`${scenario} ${role} "${typed}": ${p}`);
          for (const f of facts(typed)) if (!squash(l.text).includes(f)) found.push(`${scenario} ${role} "${typed}": lost ${f}`);
        }
      }
      expect(found).toEqual([]);
    }, 120_000);
  });
}

describe('German capitals: nouns from the word list, never a verb', () => {
  it('every listed noun in a note comes out with its capital, and no participle after "keiner" does', () => {
    const wrong: string[] = [];
    for (const [role, typed] of DE) {
      const said = localized('de', role, typed);
      for (const m of said.matchAll(/(?<![\p{L}@.\-/])(\p{Ll}[\p{L}-]+)(?![\p{L}@])/gu)) {
        const w = m[1]!;
        const before = said.slice(Math.max(0, m.index - 3), m.index);
        if (germanNoun(w) && !/zu\s$/u.test(before)) wrong.push(`${w} in "${said}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
  it.each([
    ['techniker nicht gekommen, dispo hat es nicht gemerkt', ['Techniker', 'Dispo']],
    ['der termin wurde verschoben aber hat keiner gemerkt', ['Termin', 'keiner gemerkt']],
    ['falls gäste auf ihrer karte eine doppelte buchung sehen', ['Gäste', 'ihrer Karte', 'Buchung']],
    ['die torte hat den falschen namen beschriftet bekommen', ['Torte', 'Namen beschriftet']],
    ['das paket liegt in der filiale bereit', ['Paket', 'Filiale bereit']],
    ['der schwellwert im zeitfenster war falsch', ['Schwellwert', 'Zeitfenster']],
  ] as const)('%s', (typed, expected) => {
    const said = germanCapitals(typed);
    for (const e of expected) expect(said).toContain(e);
  });
});

describe('notes typed by the same hurried hand, generated: each becomes one sentence with a verb', () => {
  const POOLS = {
    de: { nouns: ['paket', 'rechnung', 'termin', 'lieferung', 'bestellung', 'gutschein', 'kundenkonto', 'ware'], verbs: ['verschickt', 'storniert', 'vergessen', 'verschoben', 'abgebucht', 'gesperrt'], adverbs: ['', 'nicht', 'doppelt', 'zu spät', 'falsch'], aux: /(?:wurde|wurden|ist|sind|kam|Wir haben)\s/u },
    fr: { nouns: ['colis', 'facture', 'commande', 'livraison', 'rendez-vous', 'remboursement', 'abonnement'], verbs: ['envoyé', 'annulé', 'oublié', 'décalé', 'prélevé', 'bloqué'], adverbs: ['', 'pas', 'mal', 'jamais'], aux: /(?:a été|ont été|est|sont|n’a|n’est|ne sont|n’ont|[Nn]ous avons)\s/u },
    es: { nouns: ['pedido', 'factura', 'cita', 'paquete', 'reserva', 'cargo', 'envío'], verbs: ['enviado', 'cancelado', 'olvidado', 'cobrado', 'anulado', 'retrasado'], adverbs: ['', 'no'], aux: /(?:se|no se)\s\p{L}+(?:ó|aron)/u },
  } as const;
  for (const [lang, pool] of Object.entries(POOLS)) {
    it(`${lang}: "<noun> [adverb] <participle> [date]" keeps its words, gets a verb, ends with one stop`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...pool.nouns), fc.constantFrom(...pool.adverbs), fc.constantFrom(...pool.verbs), fc.constantFrom('', ' am 24.11.', ' le 24/11', ' el 24/11'), (noun, adv, verb, date) => {
          const when = lang === 'de' ? (date.includes('.') ? date : '') : lang === 'fr' ? (date.startsWith(' le') ? date : '') : date.startsWith(' el') ? date : '';
          // French and Spanish agree their participles with the noun as a native types them.
          const agreed = lang === 'fr' && /^(?:facture|commande|livraison)$/u.test(noun) ? `${verb}e` : lang === 'es' && /a$/u.test(noun) ? verb.replace(/o$/u, 'a') : verb;
          const typed = `${noun}${adv ? ` ${adv}` : ''} ${agreed}${when}`;
          const said = localized(lang, 'mistake', typed);
          expect(said).toMatch(pool.aux);
          expect(said).toMatch(/[^.]\.$/u);
          expect(said.toLowerCase()).toContain(noun);
          // i18n14: what we forgot is said with us as the agent ("Nous avons oublié votre commande"): no agreement after "avoir".
          if (lang !== 'es') expect(said).toContain(lang === 'fr' && /^nous avons/iu.test(said) ? verb : agreed);
          if (when.includes('24')) expect(said).toContain('24');
        }),
        { numRuns: 80 },
      );
    });
  }
});

describe('the named defects of the last reading', () => {
  it('German: a dispatcher\'s notes read as sentences, nouns capitalised, no "hat keiner Gemerkt", no "Wenn fr"', () => {
    const l = i18nLetter({
      locale: 'de', scenario: 'missed-appointment', mistake: 'Techniker krank, Termin nicht umgeplant', rootCause: 'techniker morgens krank gemeldet, dispo hat termine verschoben aber die sms ist nicht rausgegangen, hat keiner gemerkt',
      commitment: 'dispo ruft ab sofort bei jeder terminänderung selbst an', outcome: 'neuer Termin Mo 30.11. 8-10 Uhr', action: 'wenn mo nicht passt kurz anrufen',
    });
    expect(l.text).toContain('Unser Techniker war krank. Ihr Termin wurde nicht umgeplant.');
    expect(l.text).toContain('Ihr neuer Termin ist am Montag, 30. November, zwischen 8 und 10 Uhr.');
    expect(l.text).toContain('Unsere Disposition hat die Termine verschoben, aber die SMS ist nicht versandt worden.');
    expect(l.text).toContain('Das hat niemand bemerkt.');
    expect(l.text).toContain('Wenn Ihnen Montag nicht passt, rufen Sie uns bitte kurz an.');
    expect(l.text).not.toMatch(/techniker|dispo(?!sition)|Gemerkt|Wenn mo|Mo 30/u);
  });
  it('French: shorthand written out (cdes, en PJ, +, rdv, tél., asap), fragments made sentences', () => {
    const l = i18nLetter({
      locale: 'fr', scenario: 'wrong-item', mistake: 'housse envoyée en 200x200 au lieu de 260x240, cdes du 18 au 20/11', rootCause: 'mauvais fichier joint par nous, pas de relecture',
      commitment: 'étiquettes revérifiées + scan obligatoire à l\'emballage', outcome: 'nouveau rdv ven 27 nov à 9h', action: 'nous appeler au tél. asap si le créneau ne convient pas, facture en PJ',
      remedy: { kind: 'replacement', details: 'bonne housse envoyée + une taie offerte' },
    });
    expect(l.text).not.toMatch(/(?<![\p{L}])(?:cdes|PJ|rdv|tél\.|asap)(?![\p{L}])| \+ /u);
    expect(l.text).toMatch(/Votre housse a été envoyée en 200x200 au lieu de 260x240/u);
    expect(l.text).toMatch(/[Nn]ous avons joint le mauvais fichier\. Il n’y avait pas de relecture\./u);
    expect(l.text).toMatch(/Nous vous envoyons la bonne housse et vous offrons une taie\./u);
    expect(l.text).toContain('dès que possible');
  });
  it('Spanish: the letter is to this customer, not to "clientes"; "x error almacén" reads', () => {
    const l = i18nLetter({
      locale: 'es', scenario: 'shipping-delay', mistake: 'pedido enviado tarde x error almacén, lamentamos las molestias a nuestros clientes',
      rootCause: 'cambio de programa el 13/11', commitment: 'doble revisión de cada pedido antes de enviarlo', outcome: 'tela buena llega el 1/12, nueva entrega viernes 11 de diciembre',
    });
    expect(l.text).toMatch(/Su pedido se envió tarde por error del almacén/u);
    expect(l.text).toContain('las molestias que le hemos causado');
    expect(l.text).not.toMatch(/nuestros clientes|a clientes| x /u);
    expect(l.text).toContain('La tela correcta llega el 1 de diciembre. Su nueva entrega será el viernes 11 de diciembre.');
    const b = i18nLetter({ locale: 'es', scenario: 'billing-error', mistake: 'cobramos la caja (24,90 €) el 16/11 a clientes con la suscripción en pausa' });
    expect(b.text).toMatch(/Le cobramos la caja \(24,90 €\) el 16 de noviembre con su suscripción en pausa\./u);
    expect(b.text).not.toMatch(/a clientes/u);
    const c = i18nLetter({ locale: 'es', scenario: 'shipping-delay', mistake: 'sofás en bouclé crema se retrasan 2 semanas' });
    expect(c.text).toMatch(/Su sofá en bouclé crema se retrasa 2 semanas\./u);
  });
  it('a note already written as sentences is left as typed; the same facts typed as a note become one', () => {
    expect(localized('de', 'action', 'abgebrochene Bestellungen im Shop-Backend prüfen')).toBe('Prüfen Sie bitte die abgebrochenen Bestellungen im Shop-Backend.');
    expect(localized('fr', 'commitment', 'chaque envoi contrôlé par une deuxième personne')).toBe('chaque envoi est contrôlé par une deuxième personne.');
    expect(localized('es', 'outcome', 'instalación confirmada para el lunes 30 de noviembre')).toBe('su instalación está confirmada para el lunes 30 de noviembre.');
    for (const [lang, kept] of Object.entries(KEPT)) for (const [role, typed, said] of kept) expect(localized(lang, role, typed)).toBe(said);
    for (const [lang, text, role] of [
      ['de', 'Bestellungen, die im Zeitraum abgebrochen wurden, finden Sie im Shop-Backend, falls Sie Kunden anschreiben möchten.', 'action'],
      ['fr', 'chaque envoi est désormais contrôlé par une deuxième personne, et le logiciel bloque un fichier déjà transmis', 'commitment'],
      ['es', 'su instalación queda confirmada para el lunes 30 de noviembre, con técnico asignado', 'outcome'],
      ['es', 'cada mañana un coordinador revisa las citas del día, y si no, llamamos al cliente antes de las 9', 'commitment'],
    ] as const) {
      const said = localized(lang, role, text);
      expect(said.replace(/\.$/u, '').toLowerCase()).toBe(text.replace(/\.$/u, '').toLowerCase());
    }
  });
});

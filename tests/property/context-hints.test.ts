// Start-up: context.ts runs a unicode-aware rule only on a text holding its cheap ASCII hint, so a
// plain incident never compiles it. The gate must never change an answer: against random texts
// (the rules' own words, accents, ſ and the Kelvin sign K, which a case-insensitive unicode regex
// reads as s and k), the gated functions answer exactly what the rules alone answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/fc-seed.js';
import { VAGUE_PROMISES } from '../../src/incident/advice.js';
import { BY_SPAN, DELIVERY, HINTED, PICKUP, SPAN_LATE, isPickup, withoutRelativeDelay } from '../../src/compose/context.js';

const WORDS = [
  'pick up', 'picked-up', 'PICKUP', 'collect', 'collection', 'click & collect', 'click and collect', 'abholen', 'Abholung', 'bereit', 'bereitgelegt', 'retrait',
  'retirer', 'récupérer', 'RÉCUPÉRER', 'venir chercher', 'en magasin', 'en boutique', 'prête', 'prêts', 'recogida', 'listo para recoger', 'en tienda',
  'delivered', 'shipping', 'parcel', 'courier', 'livré', 'envío', 'your', 'order', 'is', 'running', 'late', 'later', 'behind', 'behind schedule', 'overdue',
  'delayed', 'by', 'of', 'about', 'up to', 'more than', 'two', '3', 'a few', 'several', 'day', 'days', 'working days', 'hours', 'weeks', 'months',
  'keep it', 'KEEP THEM', 'keeP the', 'behalten', 'gardez', 'Conserver', 'quedarse con', 'QUÉDESE CON', 'quedárselo', 'puede quedar', 'lundi', 'MIÉRCOLES',
  'Sábado', 'Mittwoch', 'domingo', 'le', "l'", 'l’', 'une', 'nuestras', 'esta', 'Receipts', 'invoice', 'Kontoauszug', 'justificatif', 'justificante', 'Factura',
  'ticket de caisse', 'Kosten', 'bank fees', 'bankcharges', 'Bankgebühr', 'überziehungszins', 'frais bancaires', 'comisión bancaria', 'gastos adicionales',
  'descubierto', 'send', 'upload', 'PHOTO', 'Fotos', 'schicken', 'Nachweise', 'envoyez', 'envíenos', 'enviarnos', 'comprobante', 'recibo', 'sin coste',
  'sin cargo', 'gratuite', 'à nos frais', 'sans frais', 'offerts', 'kostenlos', 'auf unsere Kosten', 'FREE', 'Kostenlos', 'ſend', 'Keep it', 'faKture',
  '(', ')', '(by two days)', ',', '.', 'ſ', 'K', 'weeK', 'daſ', 'picK up', 'ſhipping', 'Zoë', '£10', '  ', 'the', 'cake',
];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((ws) => ws.join(' '));

describe('the ASCII hints in front of the context rules', () => {
  it('isPickup answers what the pickup and delivery rules answer', () => {
    fc.assert(fc.property(text, (t) => {
      expect(isPickup(t)).toBe(PICKUP.test(t) && !DELIVERY.test(t));
    }), { numRuns: 4000 });
  });

  it('withoutRelativeDelay gives what the span rules give', () => {
    const reference = (t: string) => {
      const out = t.replace(BY_SPAN, '').replace(SPAN_LATE, '$1').replace(/\(\s*\)/g, '').replace(/\s{2,}/g, ' ').replace(/\s+([.,;:!?)])/g, '$1').trim();
      return out === '' ? t : out;
    };
    fc.assert(fc.property(text, (t) => {
      expect(withoutRelativeDelay(t)).toBe(reference(t));
    }), { numRuns: 4000 });
    // A span written with ſ or the Kelvin sign is still one.
    expect(withoutRelativeDelay('your order is late by two weeKs')).toBe('your order is late');
    expect(isPickup('ready to picK up')).toBe(true);
  });

  it('every hinted rule matches only a text that holds its hint', () => {
    for (const [name, [hint, rule]] of Object.entries(HINTED)) {
      fc.assert(fc.property(text, (t) => {
        if (rule.test(t)) expect(hint.test(t), `${name}: ${t}`).toBe(true);
      }), { numRuns: 3000 });
      expect(rule.test(''), name).toBe(false);
    }
  });

  it("a vague-promise phrase is only found in a text holding its word", () => {
    const promise = fc.array(fc.constantFrom('we', 'will', 'do', 'better', 'improve', 'improvements', "won't", 'not', 'happen', 'happens', 'again', 'make', 'sure', 'ensure', 'take', 'taking', 'taken',
      'steps', 'measures', 'action', 'look', 'into', 'review', 'learn', 'from', 'lessons', 'learnt', 'more', 'careful', 'try', 'harder', 'work', 'hard', 'strive', 'committed', 'this', 'seriously', 'going', 'forward',
      'in', 'the', 'future', 'appropriate', 'all', 'everything', 'our', 'power', 'can', 'best', 'it', 'label'), { maxLength: 12 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(promise, (t) => {
      for (const [hint, re] of VAGUE_PROMISES) if (new RegExp(re.source).test(t)) expect(t.includes(hint), `${hint}: ${t}`).toBe(true);
    }), { numRuns: 3000 });
  });
});

import { describe, expect, it } from 'vitest';
import { i18nLetter } from '../helpers/i18n-letter.js';
import { writtenOut } from '../../src/text/shorthand-i18n.js';

describe('a French imperative and its pronoun take a hyphen', () => {
  it.each([
    ['méfiez vous des mails qui demandent un paiement', 'méfiez-vous des mails qui demandent un paiement'],
    ['Méfiez vous des appels', 'Méfiez-vous des appels'],
    ['appelez nous au cabinet', 'appelez-nous au cabinet'],
    ['contactez nous par téléphone', 'contactez-nous par téléphone'],
    ['écrivez nous à cette adresse', 'écrivez-nous à cette adresse'],
    ['Renvoyez le par la poste', 'Renvoyez-le par la poste'],
    ['pour le reste, adressez vous à la mairie', 'pour le reste, adressez-vous à la mairie'],
    ['gardez les pour vous', 'gardez-les pour vous'],
    ['Prévenez nous.', 'Prévenez-nous.'],
    ['jetez le, si vous voulez', 'jetez-le, si vous voulez'],
    ['Vous savez vous servir du site', 'Vous savez vous servir du site'],
  ])('%s', (typed, said) => {
    expect(writtenOut(typed, 'fr')).toBe(said);
  });
});

const exposure = (locale: string, regulator: string, action?: string) =>
  i18nLetter({ locale, scenario: 'data-exposure', mistake: 'x', exposure: { data: ['email'], regulator }, ...(action ? { action } : {}) } as never);

describe('an authority typed without its article', () => {
  it.each([
    ['notification CNIL le 24/11/2026', /à la CNIL le 24 novembre/u],
    ['CNIL notifiée le mercredi 25/11', /à la CNIL le mercredi 25 novembre/u],
    ['déclaration ANSSI le 24/11', /à l’ANSSI le 24 novembre/u],
    ['notification à la CNIL le 24/11', /à la CNIL le 24 novembre/u],
    ['la CNIL a été notifiée le 24/11', /à la CNIL le 24 novembre/u],
  ])('%s', (regulator, said) => {
    const l = exposure('fr', regulator);
    expect(l.text).toMatch(said);
    expect(l.text).not.toMatch(/à CNIL|à ANSSI|contrôle : CNIL/u);
  });
});

describe('the phishing warning is said once', () => {
  it.each([
    ['fr', 'méfiez-vous des mails qui demandent un paiement, nous ne le faisons jamais', /jamais de confirmer vos données/u],
    ['de', 'Seien Sie vorsichtig bei Mails, die nach Zahlungen fragen; wir fragen nie danach', /niemals per E-Mail, Telefon oder SMS bitten/u],
    ['es', 'desconfíe de correos que pidan pagos, nunca lo hacemos', /Nunca le pediremos que confirme/u],
  ])('%s', (locale, action, template) => {
    const l = exposure(locale, 'x', action);
    expect(l.text).not.toMatch(template);
  });
});

describe('the signer offers their own help', () => {
  const to = ['Sabine Müller <s@example.de>', 'Jonas Weber <j@example.de>', 'Eva Klein <e@example.de>', 'Paul Roth <p@example.de>', 'Anna Berg <a@example.de>', 'Max Graf <m@example.de>'];
  it.each([
    ['de', 'generic', 'moderate'], ['de', 'data-exposure', 'moderate'], ['de', 'shipping-delay', 'major'],
    ['fr', 'generic', 'moderate'], ['fr', 'data-exposure', 'moderate'], ['fr', 'billing-error', 'major'], ['fr', 'generic', 'critical'],
    ['es', 'generic', 'moderate'], ['es', 'data-exposure', 'moderate'], ['es', 'wrong-item', 'major'], ['es', 'generic', 'critical'],
  ])('%s %s %s', (locale, scenario, severity) => {
    for (const r of to) {
      const l = i18nLetter({ locale, scenario: scenario as never, severity: severity as never, mistake: 'x', ...(scenario === 'data-exposure' ? { exposure: { data: ['email'] } } : {}) } as never, r);
      expect(l.text).not.toMatch(/jemand aus meinem Team|Person aus meinem Team|personne de mon équipe|persona de mi equipo|alguien de mi equipo/u);
    }
  });
});

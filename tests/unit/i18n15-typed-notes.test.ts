/**
 * i18n15: smaller classes found reading the nine new letters, each with phrasings beyond them: a plural
 * abbreviation keeps its plural ("mails" → "correos"), French elides before a vowel ("grâce à l’appel"),
 * and a Spanish change typed as "todas las citas en la agenda" is said with its verb.
 */
import { describe, expect, it } from 'vitest';
import { discoverySource } from '../../src/incident/localize.js';
import { commitmentI18n } from '../../src/text/commitments-i18n.js';
import { spanishNote } from '../../src/text/notes-es.js';

describe('Spanish "mails" stays plural', () => {
  it.each([
    ['mails no entregados', /^los correos no se entregaron/iu],
    ['mails enviados dos veces', /correos/u],
    ['mail enviado a otro cliente', /correo(?!s)/u],
  ])('"%s"', (typed, said) => expect(spanishNote(typed, 'mistake')).toMatch(said));
});

describe('French: "grâce à l’" before a vowel', () => {
  it.each([
    ['vendredi 27 novembre, appel d’un adhérent', /grâce à l’appel d’un adhérent/u],
    ['lundi, e-mail d’une cliente', /grâce à l’e-mail d’une cliente/u],
    ['mardi, message d’un client', /grâce au message d’un client/u],
    ['mardi, signalement d’un patient', /grâce au signalement d’un patient/u],
  ])('"%s"', (typed, said) => expect(discoverySource(typed, 'fr')).toMatch(said));
});

describe('Spanish: "todas las X en la agenda" is where we record them', () => {
  it.each([
    ['todas las citas en la agenda online', 'a partir de ahora, registramos todas las citas en la agenda online.'],
    ['todos los pedidos en el sistema', 'a partir de ahora, registramos todos los pedidos en el sistema.'],
    ['cada reserva en la agenda compartida', 'a partir de ahora, registramos cada reserva en la agenda compartida.'],
  ])('"%s"', (typed, said) => expect(commitmentI18n(typed, 'es')).toBe(said));
});

describe('Spanish: a weekday after a state takes "el"', () => {
  it.each([
    ['bici lista martes 1 de diciembre a las 18:00', /lista el martes 1 de diciembre/u],
    ['coche listo viernes 4 de diciembre', /listo el viernes 4/u],
    ['pedido disponible lunes 7 de diciembre', /disponible el lunes 7/u],
    ['bici lista el martes 1 de diciembre', /lista el martes 1/u],
  ])('"%s"', (typed, said) => expect(spanishNote(typed, 'outcome')).toMatch(said));
});

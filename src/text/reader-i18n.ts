/**
 * i18n12: the reader told about in the third person in a pasted note ("der Kunde stand umsonst im Laden", "le client
 * est venu pour son rdv", "nadie avisó al cliente") is the one the letter is written to: the formal second person
 * ("Sie standen umsonst im Laden", "vous êtes venu pour votre rdv", "nadie le avisó"). Only forms a rule turns
 * safely change; the rest stays as typed.
 */

const DE_PERSON = '(?:Kunde|Kundin|Käufer|Käuferin|Patient|Patientin|Mandant|Mandantin|Gast|Teilnehmer|Teilnehmerin|Besteller|Bestellerin)';
const DE_PLURAL: Readonly<Record<string, string>> = {
  ist: 'sind', war: 'waren', hat: 'haben', hatte: 'hatten', wird: 'werden', wurde: 'wurden', kann: 'können', konnte: 'konnten', muss: 'müssen', musste: 'mussten',
  will: 'wollen', wollte: 'wollten', soll: 'sollen', sollte: 'sollten', darf: 'dürfen', durfte: 'durften', mag: 'mögen', weiß: 'wissen', wusste: 'wussten',
  stand: 'standen', kam: 'kamen', ging: 'gingen', bekam: 'bekamen', sah: 'sahen', fand: 'fanden', saß: 'saßen', blieb: 'blieben', rief: 'riefen', schrieb: 'schrieben',
  fuhr: 'fuhren', gab: 'gaben', nahm: 'nahmen', erhielt: 'erhielten', hielt: 'hielten', lief: 'liefen', bat: 'baten', las: 'lasen', tat: 'taten', fiel: 'fielen',
  hält: 'halten', gibt: 'geben', nimmt: 'nehmen', sieht: 'sehen', läuft: 'laufen', fährt: 'fahren', erhält: 'erhalten', bekommt: 'bekommen', kommt: 'kommen',
  steht: 'stehen', geht: 'gehen', weiss: 'wissen', kriegt: 'kriegen', kriegte: 'kriegten', zahlt: 'zahlen', wartet: 'warten', bestellt: 'bestellen', ruft: 'rufen', bleibt: 'bleiben',
};
/** A German verb in the third person singular, in the form "Sie" takes; undefined when it is no verb a rule knows. */
function dePlural(w: string): string | undefined {
  if (Object.hasOwn(DE_PLURAL, w)) return DE_PLURAL[w];
  if (/^\p{Ll}{3,}te$/u.test(w)) return `${w}n`;
  return undefined;
}

const FR_PERSON = '(?:le client|la cliente|le patient|la patiente|l’acheteur|l’acheteuse|le destinataire)';
const FR_VOUS: Readonly<Record<string, string>> = {
  est: 'êtes', a: 'avez', était: 'étiez', avait: 'aviez', peut: 'pouvez', pouvait: 'pouviez', doit: 'devez', devait: 'deviez', va: 'allez', allait: 'alliez',
  vient: 'venez', venait: 'veniez', veut: 'voulez', voulait: 'vouliez', sait: 'savez', savait: 'saviez', fait: 'faites', faisait: 'faisiez', attend: 'attendez',
  attendait: 'attendiez', reçoit: 'recevez', recevait: 'receviez', sera: 'serez', aura: 'aurez', pourra: 'pourrez', devra: 'devrez', recevra: 'recevrez',
};
function frVous(w: string): string | undefined {
  if (Object.hasOwn(FR_VOUS, w)) return FR_VOUS[w];
  if (/^\p{Ll}{2,}ait$/u.test(w)) return w.replace(/ait$/u, 'iez');
  return undefined;
}

const ES_PERSON = '(?:el cliente|la clienta|la cliente|el paciente|la paciente|el alumno|la alumna|el socio|la socia|el huésped|la huésped)';
const ES_OBJECT = '(?:al cliente|a la clienta|a la cliente|al paciente|a la paciente|al alumno|a la alumna|al socio|a la socia)';
const ES_NOT_VERB = /^(?:a|de|en|con|por|para|sin|que|y|o|e|ni|se|le|lo|la|el|los|las|un|una|nadie|nada|no|ya|también|solo|sólo|todo|más)$/iu;

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** A note's third-person reader in the formal second person (Sie, vous, usted), for German, French and Spanish. */
export function readerAsYou(text: string, lang: string): string {
  if (lang === 'de') return germanReader(text);
  if (lang === 'fr') return frenchReader(text);
  if (lang === 'es') return spanishReader(text);
  return text;
}

function germanReader(text: string): string {
  let t = text;
  let told = false;
  // "der Kunde stand", "Der Kunde konnte": subject then verb.
  t = t.replace(new RegExp(`(?<![\\p{L}])([Dd]er|[Dd]ie)\\s+${DE_PERSON}\\s+(\\p{Ll}+)(?![\\p{L}])`, 'gu'), (m, _art: string, verb: string) => {
    const pl = dePlural(verb);
    if (!pl) return m;
    told = true;
    return `Sie ${pl}`;
  });
  // "hat keiner den Kunden angerufen", "kostet den Kunden", "dem Kunden", "der Kundin" (dative after a verb or a preposition).
  t = t.replace(new RegExp(`(?<![\\p{L}])den\\s+(?:Kunden|Patienten|Mandanten|Gast|Teilnehmer|Käufer|Besteller)(?![\\p{L}])`, 'gu'), () => ((told = true), 'Sie'));
  t = t.replace(new RegExp(`(?<![\\p{L}])dem\\s+(?:Kunden|Patienten|Mandanten|Gast|Teilnehmer|Käufer|Besteller)(?![\\p{L}])`, 'gu'), () => ((told = true), 'Ihnen'));
  t = t.replace(/(?<![\p{L}])(beim|zum|vom)\s+(?:Kunden|Patienten|Mandanten|Gast)(?![\p{L}])/gu, (_m, p: string) => ((told = true), `${p === 'beim' ? 'bei' : p === 'zum' ? 'zu' : 'von'} Ihnen`));
  if (told) {
    // The reader's own thing said with "sein": "sein Rad" → "Ihr Rad".
    t = t.replace(/(?<![\p{L}])sein(e|en|em|er|es)?(?![\p{L}])/gu, (_m, end: string | undefined) => `Ihr${end ?? ''}`);
  }
  return t.replace(/(^|[.!?]\s+)Sie\s/gu, '$1Sie ');
}

function frenchReader(text: string): string {
  let t = text;
  let told = false;
  // i18n13: "annulé la veille sans prévenir l’élève" → "sans vous prévenir" (the reader, whatever the people are called).
  t = t.replace(/(?<![\p{L}])sans (prévenir|avertir|informer|appeler|rappeler|consulter) (?:le client|la cliente|l’élève|l'élève|le patient|la patiente|l’adhérent|l’adhérente|le locataire|la locataire|le membre)(?![\p{L}])/gu, 'sans vous $1');
  // "le client est venu", "la cliente n’a pas pu": subject then verb.
  t = t.replace(new RegExp(`(?<![\\p{L}])${FR_PERSON}\\s+(n’|ne\\s+)?(\\p{Ll}+)(?![\\p{L}])`, 'giu'), (m, ne: string | undefined, verb: string) => {
    const v = frVous(verb);
    if (!v) return m;
    told = true;
    return `vous ${ne ? (/^[aeiouéêh]/u.test(v) ? 'n’' : 'ne ') : ''}${v}`;
  });
  // "personne n’a prévenu le client" → "personne ne vous a prévenu".
  t = t.replace(new RegExp(`(?<![\\p{L}])(?:n’|ne\\s+)?(a|avait|ont|avaient)\\s+(\\p{Ll}+(?:é|ée|i|ie|u|ue|is|it|ait))\\s+${FR_PERSON}(?![\\p{L}])`, 'giu'), (_m, aux: string, part: string) => {
    told = true;
    return `ne vous ${aux} ${part}`;
  });
  // "la commande du client" → "votre commande".
  t = t.replace(/(?<![\p{L}])(le|la|les|l’)\s*([\p{L}-]+)\s+(?:du client|de la cliente)(?![\p{L}])/giu, (_m, art: string, noun: string) => ((told = true), `${art.toLowerCase() === 'les' ? 'vos' : 'votre'} ${noun}`));
  if (told) {
    // "personne l’a prévenu" (the reader, the ne left out) → "personne ne vous a prévenu"; "son rdv" → "votre rdv".
    t = t.replace(/(?<![\p{L}])(personne|rien)\s+(?:ne\s+)?l[’'](a|avait)(?![\p{L}])/giu, (_m, who: string, aux: string) => `${who} ne vous ${aux}`);
    t = t.replace(/(?<![\p{L}])(son|sa)\s+(?=\p{L})/gu, 'votre ').replace(/(?<![\p{L}])ses\s+(?=\p{L})/gu, 'vos ');
    t = t.replace(/ne vous (a|avait) (\p{Ll}+)/gu, 'ne vous $1 $2');
  }
  return t.replace(/([.!?]\s+)(vous)/gu, (_m, a: string, v: string) => `${a}${cap(v)}`);
}

function spanishReader(text: string): string {
  let t = text;
  // "nadie avisó al cliente" → "nadie le avisó".
  // i18n14: "al cliente equivocado" is someone else, not the reader ("se le enviaron equivocado" was written).
  t = t.replace(new RegExp(`(?<![\\p{L}])(\\p{Ll}+)\\s+${ES_OBJECT}(?![\\p{L}])(?!\\s+(?:equivocad|incorrect|erróne|falso|falsa|otro|otra|ajen)\\p{L}*)`, 'giu'), (m, verb: string) => (ES_NOT_VERB.test(verb) ? m : `le ${verb}`));
  // "el pedido del cliente" → "su pedido".
  t = t.replace(/(?<![\p{L}])(el|la|los|las)\s+([\p{L}-]+)\s+(?:del cliente|de la clienta|de la cliente|del paciente|del alumno)(?![\p{L}])/giu, (_m, art: string, noun: string) => `${/s$/iu.test(art) ? 'sus' : 'su'} ${noun}`);
  // "el cliente vino": the third person singular is usted's own form.
  t = t.replace(new RegExp(`(?<![\\p{L}])${ES_PERSON}(?=\\s+(?:no\\s+)?\\p{Ll})`, 'giu'), 'usted');
  // "Se cobró dos veces la suscripción a usted" (the batch told to one): "Se le cobró dos veces la suscripción".
  t = t.replace(/(?<![\p{L}])([Ss]e) (\p{Ll}+(?:ó|aron|ió|ieron)) ([^.;]+?) a usted(?![\p{L}])/gu, '$1 le $2 $3');
  return t.replace(/([.!?]\s+)usted/gu, '$1Usted');
}

/**
 * i18n13: a French sentence that agrees with the reader ("vous êtes venu", "personne ne vous a prévenu") in the three
 * forms a letter may need: to a woman ("venue", "prévenue"), to a man, and to a reader whose gender the letter does
 * not know, in words that agree with no one ("vous avez fait le déplacement", "vous n’avez reçu aucun avertissement";
 * a participle with no such words keeps the form as typed). Never "venu(e)". undefined when nothing agrees with the reader.
 */
export function frenchReaderForms(text: string): { f: string; m: string; n: string } | undefined {
  if (!/vous/iu.test(text)) return undefined;
  let found = false;
  const form = (g: 'f' | 'm') => (stem: string) => (g === 'f' ? `${stem}e` : stem);
  // "vous êtes venu", "vous vous êtes déplacé", "vous n’étiez pas prévenue": être and its participle or adjective.
  const ETRE = /(?<![\p{L}])([Vv]ous\s+(?:vous\s+)?(?:ne\s+|n’)?(?:êtes|étiez|serez|seriez|avez été|aviez été)\s+(?:pas\s+|bien\s+|déjà\s+|encore\s+|tout\s+|jamais\s+)?)(\p{Ll}+?(?:é|i|u|is|it|ert|int|aint))(e?)(?=[\s,.;:!?)]|$)/gu;
  // "personne ne vous a prévenu": avoir's participle after the reader as its object.
  const AVOIR = /(?<![\p{L}])((?:ne\s+|n’)?[Vv]ous\s+(?:a|avait|ont|avaient|avons|avions|aura)\s+(?:pas\s+|jamais\s+)?)(prévenu|averti|informé|appelé|rappelé|contacté|accueilli|oublié|attendu|reçu|servi|installé|placé|reçu)(e?)(?=[\s,.;:!?)]|$)/gu;
  const agree = (g: 'f' | 'm') => text.replace(ETRE, (_m, head: string, stem: string) => ((found = true), head + form(g)(stem))).replace(AVOIR, (_m, head: string, stem: string) => ((found = true), head + form(g)(stem)));
  const f = agree('f');
  if (!found) return undefined;
  const m = agree('m');
  const n = m
    .replace(/(?<![\p{L}])vous\s+(?:vous\s+)?êtes\s+(?:venu|passé|déplacé)(?![\p{L}])/gu, 'vous avez fait le déplacement')
    .replace(/(?<![\p{L}])Vous\s+(?:vous\s+)?êtes\s+(?:venu|passé|déplacé)(?![\p{L}])/gu, 'Vous avez fait le déplacement')
    .replace(/(?<![\p{L}])personne\s+ne\s+vous\s+a\s+(?:prévenu|averti|informé)(?![\p{L}])/gu, 'vous n’avez reçu aucun avertissement')
    .replace(/(?<![\p{L}])personne\s+ne\s+vous\s+avait\s+(?:prévenu|averti|informé)(?![\p{L}])/gu, 'vous n’aviez reçu aucun avertissement');
  return { f, m, n };
}

/**
 * The manager's shorthand and familiar register in German, French and Spanish, written out as a
 * letter writes it, in every typed field (before text/typed.ts expandAbbreviations and formalRegister):
 *
 * - shorthand, a table per language: "finde" → "fin de semana", "el dom" → "el domingo", "x" → "por",
 *   "env." → "environ", "dispo" → "disponible" (German "Dispo" is the dispatcher: "Disposition"),
 *   "u." → "und", "re/li" → "rechts und links", "+" → "und"/"et"/"y", "vs" → "gegenüber"/"par rapport à"/"frente a",
 *   "ca." → "etwa"/"environ"/"aproximadamente", "tél" → "téléphone"…;
 * - the familiar register where a rule is sure: Spanish "tu cuenta" → "su cuenta", "te devolvemos" →
 *   "le devolvemos", "escríbenos" → "escríbanos", "para ti" → "para usted"; French "n’hésite pas" →
 *   "n’hésitez pas", "appelle-nous" → "appelez-nous", "toi" → "vous"; German "melde dich" → "melden Sie sich".
 *   What is left is told to the writer (familiarLeft).
 * Pure; a word no rule is sure of stays as typed.
 */

type Rule = readonly [RegExp, string | ((...m: string[]) => string)];

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const re = (s: string, flags = 'giu') => new RegExp(s, flags);

const SHORT: Readonly<Record<string, readonly Rule[]>> = {
  de: [
    [re(`${B}re\\s?/\\s?li${E}`), 'rechts und links'],
    [re(`${B}li\\s?/\\s?re${E}`), 'links und rechts'],
    [re(`${B}u\\.(?=\\s+(?!a\\.)\\S)`), 'und'],
    [re(`${B}vs\\.?(?=\\s)`), 'gegenüber'],
    [re(`${B}ca\\.(?=\\s)`), 'etwa'],
    [re(`${B}bzgl\\.(?=\\s)`), 'bezüglich'],
    [re(`${B}ggf\\.(?=\\s|$)`), 'gegebenenfalls'],
    [re(`${B}bzw\\.(?=\\s)`), 'beziehungsweise'],
    [re(`${B}ggü\\.(?=\\s)`), 'gegenüber'],
    [re(`${B}tägl\\.(?=\\s|$)`), 'täglich'],
    [re(`${B}mögl\\.(?=\\s|$)`), 'möglich'],
    [re(`(?<=\\d\\s?)std\\.?${E}`), 'Stunden'],
    [re(`(?<=\\d\\s?)min\\.?${E}`), 'Minuten'],
    [re(`${B}dispo${E}`), 'Disposition'],
    [re(`${B}DD${E}`, 'gu'), 'Lastschrift'],
  ],
  fr: [
    [re(`${B}env\\.(?=\\s|$|[,;)])`), 'environ'],
    [re(`${B}ca\\.(?=\\s)`), 'environ'],
    [re(`${B}dispos${E}`), 'disponibles'],
    [re(`${B}dispo${E}`), 'disponible'],
    [re(`${B}t[ée]l\\.?(?=\\s|$|[,;:)])`), 'téléphone'],
    [re(`${B}vs\\.?\\s+(?=\\p{Lu}{2,}${E})`, 'gu'), 'par rapport au '],
    [re(`${B}vs\\.?(?=\\s)`), 'par rapport à'],
    [re(`${B}pbs${E}`), 'problèmes'],
    [re(`${B}(?:pb|pbm|pblm)${E}`), 'problème'],
    [re(`${B}qd${E}`), 'quand'],
    [re(`${B}ds(?=\\s+(?:le|la|les|l[’']|un|une|des|nos|vos|notre|votre|\\d))`), 'dans'],
    [re(`${B}bcp${E}`), 'beaucoup'],
    [re(`${B}(?:cde|cmd)s${E}`), 'commandes'],
    [re(`${B}(?:cde|cmd)${E}`), 'commande'],
    [re(`${B}tjs${E}`), 'toujours'],
    [re(`${B}asap${E}`), 'dès que possible'],
    [re(`${B}w-e${E}`, 'gu'), 'week-end'],
    [re(`${B}WE${E}`, 'gu'), 'week-end'],
    [re(`(?<=\\d\\s?)mn${E}`), 'minutes'],
    [re(`${B}DD${E}`, 'gu'), 'prélèvement'],
    // i18n13: "résa", "6 pers", "anniv", "sam soir", "bascule auto" written out.
    [re(`(?<=\\d\\s?)pers\\.?(?=\\s|$|[,;)])`), 'personnes'],
    [re(`${B}annivs?${E}`), 'anniversaire'],
    [re(`${B}lun(?=\\s+(?:soir|matin|midi|après-midi)${E})`), 'lundi'],
    [re(`${B}mar(?=\\s+(?:soir|matin|midi|après-midi)${E})`), 'mardi'],
    [re(`${B}mer(?=\\s+(?:soir|matin|midi|après-midi)${E})`), 'mercredi'],
    [re(`${B}jeu(?=\\s+(?:soir|matin|midi|après-midi)${E})`), 'jeudi'],
    [re(`${B}ven(?=\\s+(?:soir|matin|midi|après-midi)${E})`), 'vendredi'],
    [re(`${B}sam(?=\\s+(?:soir|matin|midi|après-midi)${E})`), 'samedi'],
    [re(`${B}dim(?=\\s+(?:soir|matin|midi|après-midi)${E})`), 'dimanche'],
    [re(`(?<=(?:bascule|basculement|sauvegarde|relance|réponse|mise à jour|renouvellement|envoi|prélèvement)s?\\s)auto${E}`), 'automatique'],
    // i18n14: "plats végé", "l'appli", "maj", "vs BAT".
    [re(`(?<=\\p{L}s\\s)végés?${E}`), 'végétariens'],
    [re(`${B}végés?${E}`), 'végétarien'],
    [re(`${B}applis${E}`), 'applications'],
    [re(`${B}appli${E}`), 'application'],
    [re(`${B}maj${E}`), 'mise à jour'],
  ],
  es: [
    [re(`${B}findes${E}`), 'fines de semana'],
    [re(`${B}finde${E}`), 'fin de semana'],
    // A weekday shortened in prose ("desde el dom a las 14:30"); "mar" is the sea unless a dot says otherwise (typed.ts).
    [re(`${B}(el|del|al|este|hasta|desde)\\s+(lun\\.?|mi[ée]\\.?|jue\\.?|vie\\.?|s[áa]b\\.?|dom\\.?)(?![\\p{L}\\d])(?!\\.?\\s*\\d)`), (_m, a: string, d: string) => `${a} ${ES_DAYS[d.toLowerCase().replace('.', '')] ?? d}`],
    [re(`${B}(dom|s[áa]b)\\.?(?![\\p{L}\\d])(?!\\.?\\s*\\d)`), (_m, d: string) => ES_DAYS[d.toLowerCase()] ?? d],
    [re(`^x(?=\\s\\p{L})`, 'gu'), 'por'],
    [re(`(?<=\\p{L}\\s)x(?=\\s\\p{L})`, 'gu'), 'por'],
    [re(`${B}vs\\.?(?=\\s)`), 'frente a'],
    [re(`${B}ca\\.(?=\\s)`), 'aproximadamente'],
    [re(`${B}dispos${E}`), 'disponibles'],
    [re(`${B}dispo${E}`), 'disponible'],
    [re(`${B}msjs?${E}`), 'mensaje'],
    [re(`${B}cta\\.?(?=\\s)`), 'cuenta'],
    [re(`(?<=\\d\\s?)(?:hs|hrs)\\.?${E}`), 'horas'],
    [re(`(?<=\\d\\s?)min\\.?${E}`), 'minutos'],
    [re(`${B}dcha\\.?(?=\\s|$)`), 'derecha'],
    [re(`${B}(?:izq|izda)\\.?(?=\\s|$)`), 'izquierda'],
    [re(`${B}(?:mñn|mñna)${E}`), 'mañana'],
    [re(`${B}DD${E}`, 'gu'), 'domiciliación'],
  ],
};
const ES_DAYS: Readonly<Record<string, string>> = { lun: 'lunes', mar: 'martes', mié: 'miércoles', mie: 'miércoles', jue: 'jueves', vie: 'viernes', sáb: 'sábado', sab: 'sábado', dom: 'domingo' };

const keep = (typed: string, to: string) => (/^\p{Lu}/u.test(typed) ? to[0]!.toUpperCase() + to.slice(1) : to);

const PLUS: Readonly<Record<string, string>> = { de: 'und', fr: 'et', es: 'y' };
/**
 * "+" between two words typed for "and", in a field no note rule reads (the notes say a list themselves):
 * "Glas + Fassung" → "Glas und Fassung"; a phone number's "+49" is left alone.
 */
export function plusAsAnd(text: string, lang: string): string {
  const and = PLUS[lang];
  return and === undefined ? text : text.replace(/(?<=[\p{L}\d).])\s\+\s(?=[\p{L}(])/gu, ` ${and} `);
}

/** Spanish tú forms that are only tú, with usted's. */
const ES_TU_VERBS: Readonly<Record<string, string>> = {
  puedes: 'puede', tienes: 'tiene', quieres: 'quiere', necesitas: 'necesita', eres: 'es', estás: 'está', sabes: 'sabe', has: 'ha', vas: 'va', haces: 'hace',
  recibes: 'recibe', ves: 've', prefieres: 'prefiere', debes: 'debe', pediste: 'pidió', recibiste: 'recibió', hiciste: 'hizo', tuviste: 'tuvo', pudiste: 'pudo', viniste: 'vino', dijiste: 'dijo', estuviste: 'estuvo', fuiste: 'fue',
  dudes: 'dude', preocupes: 'preocupe', olvides: 'olvide',
  llámanos: 'llámenos', escríbenos: 'escríbanos', avísanos: 'avísenos', dinos: 'díganos', mándanos: 'mándenos', envíanos: 'envíenos', contáctanos: 'contáctenos', cuéntanos: 'cuéntenos', respóndenos: 'respóndanos', pregúntanos: 'pregúntenos',
  llámame: 'llámeme', escríbeme: 'escríbame', avísame: 'avíseme', dime: 'dígame', pregúntame: 'pregúnteme', cuéntame: 'cuénteme',
  contacta: 'contacte', revisa: 'revise', comprueba: 'compruebe', ignora: 'ignore', guarda: 'guarde', borra: 'borre', quédate: 'quédese', disculpa: 'disculpe', perdona: 'perdone',
};
/** tú imperatives that are also a third person: only at the start of a clause or after "por favor"/"no dudes en". */
const ES_TU_IMPERATIVE = new Set(['contacta', 'revisa', 'comprueba', 'ignora', 'guarda', 'borra', 'disculpa', 'perdona']);
const NOT_ARTE = /(?:(?:p|u|nd|c)arte|ierte)$/u;

function spanishUsted(text: string): string {
  return text
    .replace(re(`${B}(?:tú|tu)\\s+mism[oa]${E}`), (m) => keep(m, 'usted mismo'))
    .replace(re(`${B}contigo${E}`), (m) => keep(m, 'con usted'))
    .replace(re(`${B}(para|a|de|por|sin|sobre|según|entre)\\s+ti${E}`), (_m, p: string) => `${p} usted`)
    .replace(re(`${B}te\\s+(lo|la|los|las)${E}`), (m, p: string) => keep(m, `se ${p}`))
    .replace(re(`${B}te(?=\\s+\\p{L})`), (m) => keep(m, 'le'))
    .replace(re(`${B}(\\p{L}{3,}(?:ar|er|ir|ár|ér|ír|ando|ándo|iendo|iéndo))te(lo|la|los|las)?${E}`), (m, v: string, o?: string) => {
      if (!o && NOT_ARTE.test(m.toLowerCase())) return m;
      return o ? `${v}se${o}` : `${v}le`;
    })
    .replace(re(`${B}(tus|tu)(?=\\s+\\p{L})`), (m) => keep(m, m.toLowerCase() === 'tus' ? 'sus' : 'su'))
    .replace(re(`${B}tú\\s+(\\p{L}+)`), (m, v: string) => {
      const k = v.toLowerCase();
      return Object.hasOwn(ES_TU_VERBS, k) ? keep(m, `usted ${ES_TU_VERBS[k]}`) : m;
    })
    .replace(re(`(?<![\\p{L}])(\\p{L}+)(?![\\p{L}])`), (w: string, _g: string, at: number, whole: string) => {
      const k = w.toLowerCase();
      if (!Object.hasOwn(ES_TU_VERBS, k)) return w;
      if (ES_TU_IMPERATIVE.has(k)) {
        const before = whole.slice(0, at);
        if (!/(?:^|[.!?;:,¡]\s*|por favor,?\s+)$/iu.test(before)) return w;
      }
      // "no dudes en" → "no dude en", "no te preocupes" → "no se preocupe".
      if (/^(?:dudes|preocupes|olvides)$/u.test(k)) return w;
      return keep(w, ES_TU_VERBS[k]!);
    })
    .replace(re(`${B}(no)\\s+(le\\s+|se\\s+)?(dudes|preocupes|olvides)${E}`), (_m, no: string, cl: string | undefined, v: string) => `${no} ${cl ? 'se ' : ''}${ES_TU_VERBS[v.toLowerCase()]}`)
    .replace(re(`${B}(\\p{L}{3,})rás${E}`), (m, stem: string) => (/^(?:at|det)$/iu.test(stem) ? m : `${stem}rá`));
}

const FR_TU_IMPERATIVE: Readonly<Record<string, string>> = {
  appelle: 'appelez', écris: 'écrivez', dis: 'dites', contacte: 'contactez', préviens: 'prévenez', envoie: 'envoyez', réponds: 'répondez', rappelle: 'rappelez', fais: 'faites', signale: 'signalez', demande: 'demandez', indique: 'indiquez', excuse: 'excusez', méfie: 'méfiez',
};
function frenchVous(text: string): string {
  return text
    .replace(re(`${B}(n[’']|ne\\s+)(hésite|oublie|t[’']inquiète)\\s+pas${E}`), (_m, n: string, v: string) => `${n}${v.toLowerCase().startsWith('t') ? 'vous inquiétez' : `${v}z`} pas`)
    .replace(re(`${B}(\\p{L}+)-(nous|moi|toi|le|la|les)${E}`), (m, v: string, o: string) => {
      const k = v.toLowerCase();
      if (!Object.hasOwn(FR_TU_IMPERATIVE, k)) return m;
      return `${keep(v, FR_TU_IMPERATIVE[k]!)}-${o === 'toi' ? 'vous' : o === 'moi' ? 'moi' : o}`;
    })
    .replace(re(`${B}(chez|pour|avec|à|de|sans)\\s+toi${E}`), (_m, p: string) => `${p} vous`)
    // "méfiez vous des…", "appelez nous": an imperative and its pronoun take a hyphen.
    .replace(re(`(^|[.!?;:]\\s+|,\\s+)(\\p{L}{2,}ez)\\s+(vous|nous|moi|le|la|les|en|y)(?=\\s+(?:des?|du|d[’']|à|au|aux|que|qu[’']|si|par|sur|pour|le|la|les|un|une|votre|vos)(?![\\p{L}])|[.,;!]|$)`, 'gu'), (_m, b: string, v: string, o: string) => `${b}${v}-${o}`);
}

function germanSie(text: string): string {
  return text
    .replace(re(`${B}(meld(?:e)?)\\s+dich${E}`), (m) => keep(m, 'melden Sie sich'))
    .replace(re(`${B}(schreib(?:e)?)\\s+(uns|mir)${E}`), (m, _v: string, o: string) => keep(m, `schreiben Sie ${o}`))
    .replace(re(`${B}(frag(?:e)?)\\s+(uns|mich)${E}`), (m, _v: string, o: string) => keep(m, `fragen Sie ${o}`))
    .replace(re(`${B}(ruf(?:e)?)\\s+(uns|mich)\\s+an${E}`), (m, _v: string, o: string) => keep(m, `rufen Sie ${o} an`))
    .replace(re(`${B}(hab(?:e)?)\\s+keine\\s+sorge${E}`), (m) => keep(m, 'keine Sorge'));
}

/** The typed text's shorthand written out and its familiar register made the letter's (Sie, vous, usted) where a rule is sure. */
export function writtenOut(text: string, lang: string): string {
  const rules = SHORT[lang];
  if (!rules || text === '') return text;
  let out = text;
  for (const [r, to] of rules) out = typeof to === 'string' ? out.replace(r, to) : out.replace(r, to as (...m: string[]) => string);
  // i18n14: technical acronyms typed in lower case ("certificado ssl", "pdf joint") in capitals, as every letter writes them.
  out = out.replace(/(?<![\p{L}\d@./_-])(ssl|tls|pdf|iban|bic|url|dns|vpn|crm|erp|rgpd|dsgvo|aepd|cnil)(?![\p{L}\d@._/-])/gu, (w) => w.toUpperCase());
  if (lang === 'es') out = spanishUsted(out);
  else if (lang === 'fr') out = frenchVous(out);
  else if (lang === 'de') out = germanSie(out);
  return out;
}

/** Words of the familiar register no rule made formal (Spanish tú, French toi/ton, German du): the writer hears about them. */
const LEFT: Readonly<Record<string, RegExp>> = {
  es: /(?<![\p{L}])(?:tú|tu|tus|te|ti|contigo|\p{L}+aste|\p{L}+iste)(?![\p{L}])/giu,
  fr: /(?<![\p{L}])(?:tu|toi|te|ton|ta|tes|t[’'])(?![\p{L}])/giu,
  de: /(?<![\p{L}])(?:du|dich|dir|dein\p{L}*)(?![\p{L}])/giu,
};
const NOT_TU = /^(?:triste|existe|insiste|consiste|resiste|asiste|viste|chiste|alpiste|quiste|desiste)$/iu;
export function familiarLeft(text: string, lang: string): string[] {
  const r = LEFT[lang];
  if (!r) return [];
  return [...new Set((writtenOut(text, lang).match(r) ?? []).filter((w) => !NOT_TU.test(w)))];
}

/** The people a letter to one person would call "you", as a group ("Kunden", "les clients", "los clientes"). */
const DE_GROUP = '(?:(?:die|alle|viele|einige|betroffene|betroffenen|unsere)\\s+)*(?:Kundinnen und Kunden|Kunden|Kundinnen|Gäste|Patientinnen und Patienten|Patienten|Mitglieder|Teilnehmer|Teilnehmerinnen und Teilnehmer)';
const DE_GROUP_VERB = /^(?:mussten|müssen|konnten|können|haben|hatten|sind|waren|wurden|werden|standen|stehen|kamen|kommen|fuhren|warteten|warten|bekamen|bekommen|erhielten|erhalten|bekamen|sollten|durften|hätten|wären)$/u;
const FR_GROUP = '(?:(?:tous\\s+)?(?:les|nos)\\s+)(?:clients|clientes|patients|patientes|adhérents|membres|abonnés|élèves|usagers)(?:\\s+concernés)?';
const FR_GROUP_VERB: Readonly<Record<string, string>> = { ont: 'avez', avaient: 'aviez', auront: 'aurez', doivent: 'devez', devaient: 'deviez', peuvent: 'pouvez', pouvaient: 'pouviez', pourront: 'pourrez', recevront: 'recevrez', reçoivent: 'recevez', attendaient: 'attendiez' };

/**
 * A letter to one person does not tell the customers as a group ("Kunden mussten … heimfahren",
 * "les clients ont dû attendre"): the group as the subject of its verb is the reader, "Sie mussten …",
 * "vous avez dû attendre" (a French "sont"/"étaient" is left: its participle would agree with the reader).
 * Spanish is told in notes-es.ts.
 */
export function groupToReader(text: string, lang: string): string {
  if (lang === 'de') {
    return text
      // "die SMS an die Kunden": to the reader ("an alle Kunden" keeps that it went to everyone).
      .replace(new RegExp(`(?<![\\p{L}])an\\s+(?:die|unsere)\\s+(?:betroffenen\\s+)?(?:Kundinnen und Kunden|Kunden|Kundinnen|Gäste|Patientinnen und Patienten|Patienten|Mitglieder)(?![\\p{L}])`, 'giu'), 'an Sie')
      .replace(new RegExp(`(?<![\\p{L}])${DE_GROUP}\\s+(\\p{L}+)(?![\\p{L}])`, 'giu'), (m, v: string) => (DE_GROUP_VERB.test(v) ? `Sie ${v}` : m));
  }
  if (lang === 'fr') {
    return text.replace(new RegExp(`(?<![\\p{L}’'])${FR_GROUP}\\s+(n[’']|ne\\s+)?(\\p{L}+)(?![\\p{L}])`, 'giu'), (m, ne: string | undefined, v: string) => {
      const to = FR_GROUP_VERB[v.toLowerCase()];
      if (!to) return m;
      const start = /^\p{Lu}/u.test(m);
      const said = `${ne ? (/^n[’']/u.test(ne) ? 'n’' : 'ne ') : ''}${to}`;
      return `${start ? 'Vous' : 'vous'} ${said}`;
    });
  }
  return text;
}

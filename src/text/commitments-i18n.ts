/**
 * i18n14: a change typed as a manager's fragment ("Doppelprüfung + Erinnerung per SMS ab sofort",
 * "vérif. du bon de cde avec le client la veille + check-list à la préparation", "revisión manual de
 * remesas antes de enviarlas") said as what we do from now on, with a verb and its articles:
 * "Ab sofort prüfen wir alles doppelt und schicken eine Erinnerung per SMS.", "Désormais, nous
 * vérifions le bon de commande avec le client la veille et nous utilisons une check-list à la
 * préparation.", "A partir de ahora, revisamos a mano las remesas antes de enviarlas."
 *
 * Only when every item of the note is one a rule reads for sure: a noun made from a verb that a word
 * list knows ("Prüfung", "contrôle", "revisión"), an infinitive ("Lastschriftläufe vor Freigabe
 * manuell prüfen"), or a thing and its participle ("retour arrière testé avant"). A note with a verb of
 * its own, or with one item no rule knows, is left to the language's note layer as before.
 * A change not yet done (`commitmentStatus` in-progress or planned) is said in the future.
 */
import { germanNoun } from './nouns-de.js';

export type CommitmentStatus = 'done' | 'in-progress' | 'planned';

/* ------------------------------------------------------------------ German */

/** A noun made from a verb: [verb (1st person plural = infinitive), particle after the clause, what it does with no object]. */
const DE_NOUNS: ReadonlyArray<readonly [RegExp, (obj: string, rest: string) => string]> = [
  [/^(?:doppel|gegen)(?:prüfung|kontrolle|check)$/iu, (o, r) => `prüfen ${o || 'alles'} doppelt${r}`],
  [/^(?:vier-augen-|zweit)(?:prüfung|kontrolle)$/iu, (o, r) => `lassen ${o || 'alles'} von einer zweiten Person prüfen${r}`],
  [/^(?:über)?prüfung$/iu, (o, r) => `prüfen ${o || 'alles'}${r}`],
  [/^kontrolle$/iu, (o, r) => `kontrollieren ${o || 'alles'}${r}`],
  [/^(?:gegen)?check$/iu, (o, r) => `prüfen ${o || 'alles'}${r}`],
  [/^(?:sms-|e-mail-|mail-)?erinnerung$/iu, (o, r) => `schicken eine Erinnerung${o ? ` an ${o}` : ''}${r}`],
  [/^versand$/iu, (o, r) => `versenden ${o}${r}`.replace(/\s{2,}/gu, ' ')],
  [/^freigabe$/iu, (o, r) => `holen vor jedem Versand die Freigabe${o ? ` ${o}` : ''}${r} ein`],
  [/^(?:nach)?schulung$/iu, (o, r) => `schulen ${o || 'unser Team'}${r}`],
  [/^test$/iu, (o, r) => `testen ${o || 'alles'}${r}`],
  [/^abgleich$/iu, (o, r) => `gleichen ${o || 'die Daten'}${r} ab`],
  [/^überwachung$/iu, (o, r) => `überwachen ${o || 'alles'}${r}`],
  [/^(?:daten)?sicherung$|^backup$/iu, (o, r) => `sichern ${o || 'alle Daten'}${r}`],
];
const DE_SEPARABLE = /^(zurück|nach|gegen|ab|an|auf|aus|ein|mit|vor|weg|zu)(\p{Ll}{3,}(?:en|ern))$/u;
const DE_INSEPARABLE = /^(?:über|unter|wider|hinter|voll)/u;
const DE_NOT_INFINITIVE = /^(?:offen|eigen|unten|oben|morgen|gestern|trocken|vorhanden|einzelnen|anderen|neuen|alten|allen|jeden|beiden|\p{Ll}+(?:lichen|igen|ischen|baren))$/u;
const DE_DATIVE = new Set(['vor', 'nach', 'bei', 'mit', 'von', 'zu', 'aus', 'seit']);
const DE_ACCUSATIVE = new Set(['über', 'durch', 'für', 'ohne', 'gegen', 'um']);

/** A bare noun after a preposition gets its article ("vor Ausgabe" → "vor der Ausgabe", "durch zweite Person" → "durch eine zweite Person"). */
export function germanPrepositionArticles(text: string): string {
  return text.replace(/(?<![\p{L}])(vor|nach|bei|mit|von|zu|aus|über|durch|für|ohne|gegen)\s+(?:((?:zweit|dritt|weiter|zusätzlich|neu)(?:e|er|es|en))\s+)?(\p{L}[\p{L}-]*)(?=$|[\s,.;)])/gu, (m, prep: string, adj: string | undefined, noun: string) => {
    if (!/^\p{Lu}/u.test(noun) && !adj) return m;
    const n = germanNoun(noun);
    if (!n || n.plural) return m;
    const dat = DE_DATIVE.has(prep);
    if (!dat && !DE_ACCUSATIVE.has(prep)) return m;
    const cap = noun[0]!.toUpperCase() + noun.slice(1);
    if (adj) {
      const stem = adj.replace(/(?:e|er|es|en)$/u, '');
      const art = dat ? (n.gender === 'f' ? 'einer' : 'einem') : n.gender === 'f' ? 'eine' : n.gender === 'm' ? 'einen' : 'ein';
      const end = dat ? 'en' : n.gender === 'f' ? 'e' : n.gender === 'm' ? 'en' : 'es';
      return `${prep} ${art} ${stem}${end} ${cap}`;
    }
    const art = dat ? (n.gender === 'f' ? 'der' : 'dem') : n.gender === 'f' ? 'die' : n.gender === 'm' ? 'den' : 'das';
    const joined = `${prep} ${art}`.replace(/^bei dem$/u, 'beim').replace(/^von dem$/u, 'vom').replace(/^zu dem$/u, 'zum').replace(/^zu der$/u, 'zur');
    return `${joined} ${cap}`;
  });
}

function germanItem(item: string): string | undefined {
  const words = item.trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  // An infinitive last ("Lastschriftläufe vor Freigabe manuell prüfen") or first as a noun ("Nachmessen vor Ausgabe").
  const last = words[words.length - 1]!;
  const inf = (w: string) => /^\p{Ll}{3,}(?:en|ern)$/u.test(w) && !DE_NOT_INFINITIVE.test(w) && !germanNoun(w);
  let verb: string | undefined;
  let rest: string[] = [];
  if (words.length >= 2 && inf(last) && !DE_NOUNS.some(([re]) => re.test(last))) {
    verb = last;
    rest = words.slice(0, -1);
  } else if (/^(?:\p{Lu}|\p{Ll})\p{Ll}{3,}(?:en|ern)$/u.test(words[0]!) && DE_SEPARABLE.test(words[0]!.toLowerCase()) && !germanNoun(words[0]!)) {
    verb = words[0]!.toLowerCase();
    rest = words.slice(1);
  }
  if (verb !== undefined) {
    const sep = DE_INSEPARABLE.test(verb) ? null : DE_SEPARABLE.exec(verb);
    // A noun the word list knows opens the object with its capital ("lastschriftläufe" → "Lastschriftläufe").
    if (rest[0] !== undefined && /^\p{Ll}/u.test(rest[0]) && germanNoun(rest[0])) rest[0] = rest[0][0]!.toUpperCase() + rest[0].slice(1);
    const body = germanPrepositionArticles(rest.join(' '));
    return sep ? `${sep[2]}${body ? ` ${body}` : ''} ${sep[1]}` : `${verb}${body ? ` ${body}` : ''}`;
  }
  // A noun made from a verb, its genitive object ("der Werte") and the rest ("per SMS", "vor Ausgabe").
  const head = words[0]!;
  const entry = DE_NOUNS.find(([re]) => re.test(head));
  if (!entry) return undefined;
  let k = 1;
  let obj = '';
  if (/^(?:der|des)$/u.test(words[1] ?? '') && words[2] !== undefined) {
    // "der Werte" → "die Werte", "des Versands" → "den Versand" (only the plural is sure).
    const noun = words[2]!;
    // A genitive with "der" is feminine or plural: as an object, "die" either way.
    if (words[1] === 'der' && /^\p{Lu}/u.test(noun)) {
      obj = `die ${noun}`;
      k = 3;
    } else return undefined;
  } else if (/^durch$/u.test(words[1] ?? '') && /^freigabe$/iu.test(head)) {
    obj = '';
  }
  // "Abgleich Lager/Shop …" (a noun after the head with no preposition), "… ab Dezember" (from a later time): the note layer's.
  if (words[k] !== undefined && /^\p{Lu}/u.test(words[k]!)) return undefined;
  if (/(?:^|\s)ab\s+(?:\p{Lu}|\d)/u.test(words.slice(k).join(' '))) return undefined;
  const tail = germanPrepositionArticles(words.slice(k).join(' '));
  if (/\b(?:ist|sind|wird|werden|wurde|hat|haben)\b/u.test(tail)) return undefined;
  return entry[1](obj, tail ? ` ${tail}` : '');
}

export function germanCommitment(text: string, status: CommitmentStatus = 'done'): string | undefined {
  let t = text.trim().replace(/[.!]+$/u, '');
  if (t === '' || /[;:?]/u.test(t)) return undefined;
  let lead = status === 'done' ? 'Ab sofort' : 'Künftig';
  const when = /^(ab sofort|ab jetzt|ab heute|künftig|zukünftig|ab morgen)\s+|\s+(ab sofort|ab jetzt|ab heute|künftig|zukünftig|ab morgen)$/iu.exec(t);
  if (when) {
    const w = (when[1] ?? when[2])!.toLowerCase();
    if (status === 'done') lead = w === 'künftig' || w === 'zukünftig' ? 'Künftig' : w[0]!.toUpperCase() + w.slice(1);
    t = t.slice(0, when.index) + t.slice(when.index + when[0].length);
  }
  if (/(?<![\p{L}])(?:wir|ich|ist|sind|wird|werden|wurde|wurden|hat|haben|gibt|gilt)(?![\p{L}])/u.test(t)) return undefined;
  const items = t.split(/\s*\+\s*|,\s+|\s+und\s+/u);
  if (items.length > 3) return undefined;
  const said: string[] = [];
  for (const item of items) {
    const s = germanItem(item);
    if (s === undefined) return undefined;
    said.push(s);
  }
  // "Ab sofort prüfen wir die Werte doppelt und messen vor der Ausgabe nach."
  const [first, ...more] = said;
  const v = /^(\S+)\s?(.*)$/u.exec(first!)!;
  const clause = `${lead} ${v[1]} wir${v[2] ? ` ${v[2]}` : ''}`;
  return `${[clause, ...more].join(more.length > 1 ? ', ' : ' und ').replace(/, (?=[^,]*$)/u, ' und ')}.`;
}

/* ------------------------------------------------------------------ French */

/** A noun made from a verb: what we do, as [present, infinitive]. The object is the "de" complement made direct. */
const FR_NOUNS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^(?:double vérification|double vérif)$/iu, 'vérifions deux fois', 'vérifier deux fois'],
  [/^(?:double contrôle)$/iu, 'contrôlons deux fois', 'contrôler deux fois'],
  [/^(?:vérification|vérif|vérifs|vérifications)$/iu, 'vérifions', 'vérifier'],
  [/^(?:contrôle|contrôles)$/iu, 'contrôlons', 'contrôler'],
  [/^(?:test|tests)$/iu, 'testons', 'tester'],
  [/^(?:relecture|relectures)$/iu, 'relisons', 'relire'],
  [/^(?:formation)$/iu, 'formons', 'former'],
  [/^(?:validation)$/iu, 'validons', 'valider'],
  [/^(?:sauvegarde|sauvegardes)$/iu, 'sauvegardons', 'sauvegarder'],
  [/^(?:surveillance)$/iu, 'surveillons', 'surveiller'],
];
/** Things we now send or use: [present with its article, infinitive with its article]. */
const FR_THINGS: ReadonlyArray<readonly [RegExp, (noun: string) => readonly [string, string]]> = [
  [/^(?:rappel|relance|confirmation|alerte|notification)s?$/iu, (n) => [`envoyons ${/^(?:relance|confirmation|alerte|notification)/iu.test(n) ? 'une' : 'un'} ${n.toLowerCase()}`, `envoyer ${/^(?:relance|confirmation|alerte|notification)/iu.test(n) ? 'une' : 'un'} ${n.toLowerCase()}`]],
  [/^(?:check-list|checklist|liste de contrôle)$/iu, (n) => [`utilisons une ${n.toLowerCase()}`, `utiliser une ${n.toLowerCase()}`]],
  [/^(?:mises? à jour|maj)$/iu, () => ['faisons les mises à jour', 'faire les mises à jour']],
];
const FR_MANNER: Readonly<Record<string, string>> = { automatique: 'automatiquement', manuel: 'manuellement', manuelle: 'manuellement', systématique: 'systématiquement', quotidien: 'chaque jour', quotidienne: 'chaque jour', hebdomadaire: 'chaque semaine', mensuel: 'chaque mois', mensuelle: 'chaque mois', renforcé: 'de plus près', renforcée: 'de plus près' };
/** -er verbs and their present (the participle typed: "testé" → "testons"). */
function frPresent(participle: string): readonly [string, string] | undefined {
  const base = participle.replace(/(?:ée|és|ées)$/u, 'é');
  if (!/é$/u.test(base)) return undefined;
  const inf = `${base.slice(0, -1)}er`;
  const stem = base.slice(0, -1);
  const pres = /g$/u.test(stem) ? `${stem}eons` : /c$/u.test(stem) ? `${stem.slice(0, -1)}çons` : `${stem}ons`;
  return [pres, inf];
}
/** "du bon de commande" → "le bon de commande": the complement of a noun made from a verb, as its object. */
function frObject(rest: string): string {
  return rest
    .replace(/^du\s/u, 'le ')
    .replace(/^des\s/u, 'les ')
    .replace(/^de la\s/u, 'la ')
    .replace(/^de l’/u, 'l’')
    .replace(/^de (?=(?:toute|tout|tous|toutes|chaque|notre|nos|votre|vos|ces|cette|ce|leurs?)\s)/u, '')
    .replace(/^(?:de|d’)\s?(?=\p{L})/u, 'les ');
}
const FR_PLACES = /^(?:dans|sur)\s+(?:l’|le |la |notre |nos |les )(?:agenda|planning|logiciel|système|calendrier|base|outil|fichier|tableau|registre|CRM)/u;

function frenchItem(item: string): readonly [string, string] | undefined {
  const t = item.trim().replace(/\s+vs\.?\s+(?=\p{Lu}{2,})/u, ' par rapport au ').replace(/\s+(?:vs\.?|versus)\s+/u, ' par rapport à ').replace(/\spar rapport à le\s/u, ' par rapport au ');
  if (t === '') return undefined;
  // "tous les rendez-vous dans l’agenda en ligne": where we record them.
  const all = /^((?:tous les|toutes les|chaque)\s+\S+(?:\s+\S+)?)\s+((?:dans|sur)\s.+)$/u.exec(t);
  if (all && FR_PLACES.test(all[2]!)) return [`enregistrons ${all[1]} ${all[2]}`, `enregistrer ${all[1]} ${all[2]}`];
  // "retour arrière testé avant": the thing and its participle (a verb in -er), done by us from now on.
  const words = t.split(/\s+/u);
  const pi = words.findIndex((w, k) => k > 0 && /^\p{Ll}{3,}(?:é|ée|és|ées)$/u.test(w) && frPresent(w) !== undefined && !/^(?:entrée|durée|journée|année|soirée|idée|clé|côté|santé|qualité|sécurité)$/u.test(w));
  if (pi > 0 && pi <= 3) {
    const thing = words.slice(0, pi);
    const [pres, inf] = frPresent(words[pi]!)!;
    const noun = thing.join(' ');
    if (/^(?:le|la|les|l’|un|une|notre|nos|chaque|tous|toutes)\s/u.test(noun)) return undefined;
    const fem = /(?:tion|sion|té|ure|ette|ance|ence|ise|ée|ie|elle|esse|ude|aison|liste|facture|commande|sauvegarde|version|mise à jour)$/u.test(thing[0]!);
    const pl = /s$/u.test(thing[0]!);
    const art = pl ? 'les ' : /^[aeiouyéèêh]/iu.test(noun) ? 'l’' : fem ? 'la ' : 'le ';
    const after = words.slice(pi + 1).join(' ').replace(/^avant$/u, 'au préalable');
    return [`${pres} ${art}${noun}${after ? ` ${after}` : ''}`, `${inf} ${art}${noun}${after ? ` ${after}` : ''}`];
  }
  for (const [re, make] of FR_THINGS) {
    const m = new RegExp(`^(${re.source.slice(1, -1)})(?:\\s+(.*))?$`, 'iu').exec(t);
    if (m) {
      const [pres, inf] = make(m[1]!);
      const rest = (m[2] ?? '').replace(/^(SMS|e-mail|mail|courriel)(?![\p{L}-])/u, 'par $1');
      return [`${pres}${rest ? ` ${rest}` : ''}`, `${inf}${rest ? ` ${rest}` : ''}`];
    }
  }
  for (const [re, pres, inf] of FR_NOUNS) {
    const m = new RegExp(`^(${re.source.slice(1, -1)})(?:\\s+(automatique|automatiques|manuel|manuelle|manuels|manuelles|systématique|systématiques|quotidien|quotidienne|hebdomadaire|mensuel|mensuelle|renforcé|renforcée))?(?:\\s+(.*))?$`, 'iu').exec(t);
    if (!m) continue;
    const how = m[2] ? ` ${FR_MANNER[m[2].toLowerCase().replace(/s$/u, '')]}` : '';
    const rest = m[3] ?? '';
    if (how) {
      // "contrôle automatique des doublons" → "nous contrôlons automatiquement les doublons"; with no complement, no object.
      if (!/^(?:du|des|de la|de l’|de|d’)(?=\s|\p{L})/u.test(rest)) return undefined;
      return [`${pres}${how} ${frObject(rest)}`, `${inf}${how} ${frObject(rest)}`];
    }
    // A change still planned ("formation de toute l’équipe prévue en décembre") is said by the note layer.
    if (/(?:^|\s)(?:prévu|prévue|prévus|prévues|planifié|planifiée|programmé|programmée|en cours)(?:\s|$)/u.test(rest)) return undefined;
    // The complement is the object ("du bon de commande"); without one, "tout" ("double vérification avant envoi" → "vérifions tout deux fois avant envoi").
    if (/^(?:du|des|de la|de l’|de|d’)(?=\s|\p{L})/u.test(rest)) return [`${pres} ${frObject(rest)}`, `${inf} ${frObject(rest)}`];
    const put = (v: string) => (/ deux fois$/u.test(v) ? v.replace(/ deux fois$/u, ' tout deux fois') : `${v} tout`);
    return [`${put(pres)}${rest ? ` ${rest}` : ''}`, `${put(inf)}${rest ? ` ${rest}` : ''}`];
  }
  return undefined;
}

export function frenchCommitment(text: string, status: CommitmentStatus = 'done'): string | undefined {
  let t = text.trim().replace(/[.!]+$/u, '');
  if (t === '' || /[;?]/u.test(t) || /:\s/u.test(t)) return undefined;
  t = t.replace(/(?<![\p{L}])vérif\.?(?=\s)/giu, 'vérification').replace(/(?<![\p{L}])(?:cde|cmd)(?![\p{L}])/giu, 'commande').replace(/(?<![\p{L}])rdv(?![\p{L}])/giu, 'rendez-vous')
    .replace(/(?<![\p{L}])sms(?![\p{L}])/giu, 'SMS').replace(/(?<![\p{L}-])mail(?![\p{L}-])/giu, 'e-mail');
  const lead = /^(?:désormais|dorénavant|à partir de maintenant)\s*,?\s*/iu.exec(t);
  if (lead) t = t.slice(lead[0].length);
  t = t.replace(/,?\s+(?:désormais|dorénavant|à partir de maintenant|dès maintenant)$/iu, '');
  // A note with a verb of its own ("nous avons changé de transporteur") is a clause already.
  if (/(?<![\p{L}’-])(?:nous|vous|il|elle|on|ils|elles|je|est|sont|a|ont|avons|avait|était|sera|seront|va|vont)(?![\p{L}’-])/iu.test(t)) return undefined;
  const items = t.split(/\s*\+\s*|,\s+|\s+et\s+(?=(?:vérif|contrôle|test|rappel|relance|check|double|formation|validation|sauvegarde|tous|toutes|chaque))/u);
  if (items.length > 3) return undefined;
  const said: (readonly [string, string])[] = [];
  for (const item of items) {
    const s = frenchItem(item);
    if (s === undefined) return undefined;
    said.push(s);
  }
  // "Nous vérifions désormais le bon de commande … et nous utilisons une check-list …" (reads as well after "Pour que cela ne se reproduise pas,").
  if (status === 'done') return `Nous ${said.map(([p], k) => (k === 0 ? p.replace(/^(\S+)/u, '$1 désormais') : p)).join(' et nous ')}.`;
  return `À l’avenir, nous allons ${said.map(([, i]) => i).join(' et ')}.`;
}

/* ------------------------------------------------------------------ Spanish */

/** A noun made from a verb: [present 1st plural, infinitive]. */
const ES_NOUNS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^(?:doble revisión|doble comprobación|doble control|doble verificación)$/iu, 'revisamos dos veces', 'revisar dos veces'],
  [/^(?:revisión|revisiones)$/iu, 'revisamos', 'revisar'],
  [/^(?:comprobación|comprobaciones|verificación|verificaciones)$/iu, 'comprobamos', 'comprobar'],
  [/^(?:control|controles)$/iu, 'controlamos', 'controlar'],
  [/^(?:formación)$/iu, 'formamos', 'formar'],
  [/^(?:validación)$/iu, 'validamos', 'validar'],
  [/^(?:supervisión)$/iu, 'supervisamos', 'supervisar'],
];
/** Things we now send, make or set up: [present with its article, infinitive with its article]. */
const ES_THINGS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^(?:aviso|recordatorio)$/iu, 'enviamos un', 'enviar un'],
  [/^(?:notificación|confirmación)$/iu, 'enviamos una', 'enviar una'],
  [/^(?:alerta)$/iu, 'activamos una', 'activar una'],
  [/^(?:prueba)$/iu, 'hacemos una', 'hacer una'],
  [/^(?:revisión|comprobación|auditoría)$/iu, 'hacemos una', 'hacer una'],
  [/^(?:copia de seguridad)$/iu, 'hacemos una', 'hacer una'],
];
const ES_MANNER: Readonly<Record<string, string>> = { manual: 'a mano', automática: 'automáticamente', automático: 'automáticamente', diaria: 'a diario', diario: 'a diario', semanal: 'cada semana', mensual: 'cada mes', previa: 'antes', doble: 'dos veces' };

/** "de remesas" → "las remesas", "del pedido" → "el pedido", "de la base" → "la base". */
function esObject(rest: string): string {
  return rest
    .replace(/^del\s/u, 'el ')
    .replace(/^de (?=(?:la|las|los|el|su|sus|cada|todos|todas)\s)/u, '')
    .replace(/^de (\p{Ll}+)(?=\s|$)/u, (_m, n: string) => (/s$/u.test(n) ? `${/as$/u.test(n) || /(?:ión|iones|dad|dades)$/u.test(n) ? 'las' : 'los'} ${n}` : `${/a$/u.test(n) || /(?:ión|dad)$/u.test(n) ? 'la' : 'el'} ${n}`));
}

function spanishItem(item: string): readonly [string, string] | undefined {
  // One word says nothing of what changes ("revisión"): the note layer and the writer's warning deal with it.
  if (!/\s/u.test(item.trim())) return undefined;
  const t = item.trim().replace(/(?<![\p{L}])e-?mail(?![\p{L}])/giu, 'correo electrónico').replace(/(?<![\p{L}])si hay retraso(?![\p{L}])/u, 'si hay un retraso');
  if (t === '') return undefined;
  // i18n15: "todas las citas en la agenda online": where we record them (as French "tous les rendez-vous dans l’agenda").
  const all = /^((?:todas las|todos los|cada)\s+\S+(?:\s+\S+)?)\s+((?:en|dentro de)\s+(?:la|el|nuestra|nuestro)\s+(?:agenda|sistema|calendario|base|programa|registro|CRM|planificador|aplicación|app)(?![\p{L}]).*)$/u.exec(t);
  if (all) return [`registramos ${all[1]} ${all[2]}`, `registrar ${all[1]} ${all[2]}`];
  const words = t.split(/\s+/u);
  for (const [re, pres, inf] of ES_NOUNS) {
    // "revisión manual de remesas antes de enviarlas" → "revisamos a mano las remesas antes de enviarlas".
    const m = new RegExp(`^(${re.source.slice(1, -1)})(?:\\s+(manual|automática|automático|diaria|diario|semanal|mensual|previa))?(?:\\s+((?:de|del)\\s.*))$`, 'iu').exec(t);
    if (m) return [`${pres}${m[2] ? ` ${ES_MANNER[m[2].toLowerCase()]}` : ''} ${esObject(m[3]!)}`, `${inf}${m[2] ? ` ${ES_MANNER[m[2].toLowerCase()]}` : ''} ${esObject(m[3]!)}`];
  }
  for (const [re, pres, inf] of ES_THINGS) {
    const head = words[0]!;
    const two = words.slice(0, 3).join(' ');
    const noun = re.test(two) ? two : re.test(head) ? head : undefined;
    if (noun === undefined) continue;
    const rest = t.slice(noun.length).trim();
    return [`${pres} ${noun.toLowerCase()}${rest ? ` ${rest}` : ''}`, `${inf} ${noun.toLowerCase()}${rest ? ` ${rest}` : ''}`];
  }
  return undefined;
}

export function spanishCommitment(text: string, status: CommitmentStatus = 'done'): string | undefined {
  let t = text.trim().replace(/[.!]+$/u, '');
  if (t === '' || /[;:?¿]/u.test(t)) return undefined;
  const lead = /^(?:a partir de ahora|desde ahora|en adelante|de ahora en adelante)\s*,?\s*/iu.exec(t);
  if (lead) t = t.slice(lead[0].length);
  t = t.replace(/,?\s+(?:a partir de ahora|desde ahora|en adelante|de ahora en adelante)$/iu, '');
  if (/(?<![\p{L}])(?:se|es|son|está|están|hemos|ha|han|fue|era|será|vamos|va|van)(?![\p{L}])/iu.test(t)) return undefined;
  const items = t.split(/\s*\+\s*|,\s+|\s+y\s+(?=(?:revisión|comprobación|control|aviso|recordatorio|alerta|prueba|doble|formación|validación))/u);
  if (items.length > 3) return undefined;
  const said: (readonly [string, string])[] = [];
  for (const item of items) {
    const s = spanishItem(item);
    if (s === undefined) return undefined;
    said.push(s);
  }
  if (status === 'done') return `A partir de ahora, ${said.map(([p]) => p).join(' y ')}.`;
  return `Vamos a ${said.map(([, i]) => i).join(' y ')}.`;
}

/**
 * The change said as a sentence with its verb, in the letter's language, or undefined when no rule is sure. French and
 * Spanish open in lower case when the note was typed so (a template may put it after a colon or a comma, and sets the
 * capital where a sentence starts), as their note layers do.
 */
export function commitmentI18n(text: string, lang: string, status: CommitmentStatus = 'done'): string | undefined {
  const made = lang === 'de' ? germanCommitment(text, status) : lang === 'fr' ? frenchCommitment(text, status) : lang === 'es' ? spanishCommitment(text, status) : undefined;
  if (made === undefined || lang === 'de' || !/^\p{Ll}/u.test(text.trim())) return made;
  return made[0]!.toLowerCase() + made.slice(1);
}

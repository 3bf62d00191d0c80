/**
 * i18n12: a manager's emphasis and instructions keep their meaning in German, French and Spanish letters.
 *
 * - Capitals typed for emphasis ("KEINE Rücklastschrift", "bitte NICHT", "NE PAS", "NO devolver") are written in the
 *   letter's case ("keine", "nicht", "ne pas", "no"); abbreviations in capitals (SMS, BAT, IBAN, SSL) stay.
 * - An instruction stays an instruction: "keine Rücklastschrift" as the thing to do is "Bitte keine Rücklastschrift",
 *   never "Es gibt keine Rücklastschrift"; "ne pas faire opposition" → "Merci de ne pas faire opposition";
 *   "no devolver el recibo" → "No devuelva el recibo".
 * - Where a rewrite of a note would lose a negation or turn a request into a statement ("Il n’y a pas de rejet"),
 *   the note is kept as typed (only its case fixed) instead: `meaningKept`.
 */

const EMPHASIS: Readonly<Record<string, RegExp>> = {
  de: /^(?:KEINE|KEIN|KEINEN|KEINEM|KEINER|KEINES|NICHT|NICHTS|NIE|NIEMALS|NIEMAND|BITTE|AUF|FALL|UNBEDINGT|SOFORT|NUR|NOCH|IMMER|ALLE|GAR|AUCH|SELBST|KEINESFALLS|DRINGEND|WICHTIG|ACHTUNG)$/u,
  fr: /^(?:NE|N|PAS|PLUS|JAMAIS|RIEN|AUCUN|AUCUNE|PERSONNE|SURTOUT|SVP|MERCI|DE|TOUJOURS|URGENT|IMPORTANT|ATTENTION|SURTOUT|BIEN|TOUT|TOUS)$/u,
  es: /^(?:NO|NUNCA|NADA|NADIE|NI|NINGÚN|NINGUNA|NINGUNO|JAMÁS|POR|FAVOR|SIEMPRE|TOD[O]S?|URGENTE|IMPORTANTE|OJO|SOLO|SÓLO|YA|HACE|FALTA)$/u,
};

/** Emphasis typed in capitals written in the letter's case, when the rest of the note is not all capitals. */
export function quietEmphasis(text: string, lang: string): string {
  const re = EMPHASIS[lang];
  if (!re) return text;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters === letters.toUpperCase()) return text;
  return text.replace(/(?<![\p{L}’'])\p{Lu}{2,}(?![\p{L}])/gu, (w) => (re.test(w) ? w.toLowerCase() : w));
}

/** German verbs a negated request names as a plain infinitive (the Sie-imperative is the infinitive with "Sie"). */
const DE_PLAIN = /^(?:machen|veranlassen|einreichen|überweisen|zahlen|bezahlen|kommen|stornieren|kündigen|bestellen|löschen|öffnen|sperren|benutzen|verwenden|nutzen|buchen|fahren|kaufen|unterschreiben|beantworten|tun|reagieren|widersprechen|weiterleiten)$/u;
const ES_NEGATIVE: Readonly<Record<string, string>> = {
  devolver: 'devuelva', pagar: 'pague', cancelar: 'cancele', anular: 'anule', tirar: 'tire', usar: 'use', llamar: 'llame', enviar: 'envíe', mandar: 'mande', abrir: 'abra',
  borrar: 'borre', hacer: 'haga', venir: 'venga', pedir: 'pida', reservar: 'reserve', tocar: 'toque', comer: 'coma', reclamar: 'reclame', volver: 'vuelva', ir: 'vaya', comprar: 'compre',
  responder: 'responda', contestar: 'conteste', firmar: 'firme', rechazar: 'rechace', tramitar: 'tramite', bloquear: 'bloquee', consumir: 'consuma', utilizar: 'utilice',
};

/**
 * What the customer must not do, as the letter asks it; undefined when the note is no negated request
 * (or one no rule here reads: the note rules then take it, and `meaningKept` guards the result).
 */
export function negatedRequest(text: string, lang: string): string | undefined {
  const t = text.trim().replace(/[.!]+$/u, '');
  if (lang === 'de') {
    // "keine Rücklastschrift bei der Bank machen, das kostet nur Gebühren" → "Machen Sie bitte keine Rücklastschrift bei der Bank. Das kostet nur Gebühren."
    const m = /^(?:bitte\s+)?(nicht|kein|keine|keinen|auf keinen fall)\s+(?:bitte\s+)?(.*?)\s*(\p{Ll}+en)(?:\s*[,;–-]\s*(.+))?$/u.exec(t);
    if (m && DE_PLAIN.test(m[3]!)) {
      const rest = m[4] ? ` ${m[4][0]!.toUpperCase()}${m[4].slice(1)}` : '';
      return `${m[3]![0]!.toUpperCase()}${m[3]!.slice(1)} Sie bitte ${m[1]}${m[2] ? ` ${m[2]}` : ''}.${rest}`;
    }
    // "keine Rücklastschrift": no verb; what not to do, asked ("Bitte keine Rücklastschrift").
    const none = /^(?:bitte\s+)?(kein|keine|keinen)\s+([^,;]+?)(?:\s*[,;]\s*(.+))?$/u.exec(t);
    if (none && !/(?<![\p{L}])(?:ist|sind|war|waren|gibt|gab|wird|wurde|hat|haben|hatte|nötig|notwendig|erforderlich|mehr)(?![\p{L}])/u.test(none[2]!) && !/\p{Ll}+(?:en|t)$/u.test(none[2]!.split(/\s+/u).length > 1 ? none[2]! : '')) {
      const rest = none[3] ? ` ${none[3][0]!.toUpperCase()}${none[3].slice(1)}` : '';
      return `Bitte ${none[1]} ${none[2]}.${rest}`;
    }
    return undefined;
  }
  if (lang === 'fr') {
    // "ne pas faire opposition" → "Merci de ne pas faire opposition".
    const m = /^(?:(?:merci de|svp|s’il vous plaît|s'il vous plaît|surtout)\s*,?\s+)?(ne pas|ne jamais|ne plus|n’|n')\s*(.+)$/iu.exec(t);
    if (m && /^(?:ne pas|ne jamais|ne plus)$/iu.test(m[1]!) && /^\p{Ll}+(?:er|ir|re|oir)(?![\p{L}])/u.test(m[2]!)) return `Merci de ${m[1]!.toLowerCase()} ${m[2]}`;
    return undefined;
  }
  if (lang === 'es') {
    // "NO devolver el recibo" → "No devuelva el recibo".
    const m = /^(?:(por favor),?\s+)?no\s+(\p{Ll}+)(?![\p{L}])(.*)$/u.exec(t);
    if (m && Object.hasOwn(ES_NEGATIVE, m[2]!)) return `${m[1] ? 'Por favor, no' : 'No'} ${ES_NEGATIVE[m[2]!]}${m[3]}`;
    return undefined;
  }
  return undefined;
}

const NEGATION: Readonly<Record<string, RegExp>> = {
  de: /(?<![\p{L}])(?:nicht|nichts|kein\p{L}*|nie|niemals|niemand|keiner|weder)(?![\p{L}])/giu,
  fr: /(?<![\p{L}])(?:pas|jamais|rien|aucun\p{L}*|personne|ni|plus de|sans)(?![\p{L}])/giu,
  es: /(?<![\p{L}])(?:no|nunca|nada|nadie|ni|ningún|ninguna|ninguno|jamás|sin|tampoco)(?![\p{L}])/giu,
};
/** A statement that there is none: said of an instruction it turns "do not" into "there is no". */
const THERE_IS_NONE: Readonly<Record<string, RegExp>> = {
  de: /(?<![\p{L}])es (?:gibt|gab) (?:kein|keine|keinen)(?![\p{L}])|(?<![\p{L}])(?:ein|eine|einen|der|die|das|den)\s+(?:kein|keine|keinen)(?![\p{L}])/iu,
  fr: /(?<![\p{L}])il n[’']y (?:a|avait) (?:pas|plus|aucun)/iu,
  es: /(?<![\p{L}])no (?:hay|hubo|había)(?![\p{L}])/iu,
};

/** True when a rewritten note says what the typed one said: no negation lost, no request turned into "there is none". */
export function meaningKept(typed: string, made: string, lang: string, role: string): boolean {
  const neg = NEGATION[lang];
  if (!neg) return true;
  // "weder … noch" denies two things: it counts as the two negations it replaces ("keine Buchungen und kein Versand").
  const count = (s: string) => (s.match(neg) ?? []).length + (lang === 'de' ? (s.match(/(?<![\p{L}])weder(?![\p{L}])/giu) ?? []).length : 0);
  if (count(made) < count(typed)) return false;
  const none = THERE_IS_NONE[lang]!;
  if (none.test(made) && !none.test(typed) && role === 'action') return false;
  return true;
}

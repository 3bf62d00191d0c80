/**
 * i18n15: whether a German, French or Spanish `summary` reads as a noun phrase the letter can carry
 * (in the subject line, after "pour"/"por", in the follow-up's opening) or is a manager's note that
 * only the manager can read ("Lieferverzug Küchenfronten", "le rdv pneus oublié", "caída servidores
 * correo"). A note gives way to the template's own words; the summary is never rewritten by guess.
 *
 * A summary is a note when:
 * - it holds a figure, "+", "/", brackets or a colon (a date, a list: the letter says those once, elsewhere);
 * - German: two nouns side by side with nothing joining them ("Doppelabbuchung Mitgliedsbeitrag November",
 *   "Überbuchung Zimmer"); a genitive or a preposition joins them ("Ausfall der Lagerverwaltung");
 * - French or Spanish: it does not open with an article or a possessive ("intervention chaudière oubliée",
 *   "revisión bici olvidada"), or two nouns stand side by side ("le rendez-vous pneus oublié",
 *   "la mise à jour serveur"), where the language joins them with "de" or "pour".
 */

const ARTICLE_FR = /^(?:le|la|les|l[’']|un|une|des|du|votre|vos|notre|nos|ce|cette|ces|cet)$/iu;
const ARTICLE_ES = /^(?:el|la|los|las|un|una|unos|unas|su|sus|nuestro|nuestra|nuestros|nuestras|este|esta|estos|estas|ese|esa)$/iu;
const JOIN_FR = /^(?:de|du|des|d[’']|la|le|les|l[’']|à|au|aux|en|pour|par|sur|sous|avec|sans|et|ou|dans|chez|entre|un|une|votre|vos|notre|nos|ne|pas|non|trop|très|plus|mal|bien)$/iu;
const JOIN_ES = /^(?:de|del|la|el|los|las|a|al|en|por|para|con|sin|y|e|o|u|entre|un|una|su|sus|nuestro|nuestra|no|muy|más|mal|bien|tarde)$/iu;
/** Adjectives that stand before their noun ("la mauvaise date", "el doble cargo"). */
const BEFORE_FR = /^(?:mauvais|mauvaise|mauvaises|bon|bonne|bons|bonnes|double|doubles|faux|fausse|fausses|nouveau|nouvelle|nouveaux|nouvelles|premier|première|dernier|dernière|autre|autres|même|grand|grande|petit|petite|long|longue|seul|seule)$/iu;
const BEFORE_ES = /^(?:doble|nuevo|nueva|nuevos|nuevas|mal|mala|malo|buen|buena|otro|otra|otros|otras|primer|primera|último|última|gran|largo|larga|segundo|segunda)$/iu;
/** Words that read as an adjective or a participle after a noun. */
const AFTER_FR = /(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|ites|u|ue|ues|al|ale|ales|aux|el|elle|els|elles|if|ive|ifs|ives|eux|euse|euses|ique|iques|able|ables|ible|ibles|ant|ante|ants|antes|ent|ente|ents|entes|aire|aires|ais|aise|et|ette|ets|ettes|ier|ière|iers|ières|in|ine|ins|ines|ard|arde|ards|ardes|ien|ienne|iens|iennes)$/iu;
const AFTER_ES = /(?:ado|ada|ados|adas|ido|ida|idos|idas|ito|ita|to|ta|tos|tas|cho|cha|al|ales|ble|bles|ivo|iva|ivos|ivas|oso|osa|osos|osas|ente|entes|ante|antes|ico|ica|icos|icas|ario|aria|arios|arias|ar|ares|il|iles|ero|era|eros|eras|ón|ona|eo|ea|eos|eas|doble|dobles|mal)$/iu;
const MONTH_DE = /^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)$/u;
const FUNCTION_DE = /^(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|Ihr|Ihre|Ihrer|Ihres|Ihren|Ihrem|unser|unsere|unserer|unseres|unseren|unserem)$/u;

/** The summary as typed (trimmed, without a closing full stop) when it is a noun phrase the letter can carry; '' when it is a note. */
export function summaryPhrase(summary: string | undefined, lang: string): string {
  const t = (summary ?? '').trim().replace(/[.!;\s]+$/u, '');
  if (t === '' || lang === 'en') return t;
  if (/[\d+/()[\]:;=&]/u.test(t) || t.split(/\s+/u).length > 12) return '';
  const words = t.split(/\s+|(?<=[’'])/u).filter((w) => w !== '');
  if (lang === 'de') {
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!;
      const b = words[i + 1]!;
      if (/^\p{Lu}/u.test(a) && /^\p{Lu}/u.test(b) && !FUNCTION_DE.test(a) && !FUNCTION_DE.test(b) && !(i === 0 && /^\p{Lu}\p{Ll}+(?:e|er|es|en)$/u.test(a) && !/(?:ung|heit|keit|schaft|ion|ie|ei|ur)$/u.test(a))) return '';
      if (/^\p{Lu}/u.test(a) && MONTH_DE.test(b)) return '';
    }
    return t;
  }
  const fr = lang === 'fr';
  const article = fr ? ARTICLE_FR : ARTICLE_ES;
  const join = fr ? JOIN_FR : JOIN_ES;
  const before = fr ? BEFORE_FR : BEFORE_ES;
  const after = fr ? AFTER_FR : AFTER_ES;
  if (!article.test(words[0]!)) return '';
  for (let i = 1; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (join.test(a) || join.test(b) || before.test(a) || before.test(b) || /[’']$/u.test(a)) continue;
    if (after.test(b)) continue;
    return '';
  }
  return t;
}

/**
 * Articles a letter's own sentence needs around the manager's words: German "ein Gutschein" as the
 * object of "erhalten Sie" is "einen Gutschein"; French "chez Agence Numérique" is "chez l’Agence
 * Numérique" when the company's name begins with a common noun (Agence, Mutuelle, Garage…).
 */

/** Masculine nouns an offer is made of, alone or as a compound's end ("Rabattgutschein", "Preisnachlass"). */
const DE_MASCULINE = /(?:gutschein|rabatt|nachlass|bonus|monat|ersatz|betrag|code|zuschuss|rückruf|termin|kaffee|strauß|kuchen|wein|korb|besuch|versand|zugang|tag|einkauf|wertgutschein|scheck)$/iu;
/** Feminine and neuter nouns an offer is made of ("Gutschrift", "Erstattung"; "Guthaben", "Dessert"). */
const DE_FEMININE_OFFER = /(?:gutschrift|erstattung|entschädigung|flasche|torte|stunde|übernachtung|einladung|kiste|box|probe|lieferung|reparatur|wartung|behandlung|nacht|fahrt|reinigung|überraschung)$/iu;
const DE_NEUTER_OFFER = /(?:guthaben|geschenk|upgrade|abo|abonnement|getränk|dessert|menü|essen|paket|set|frühstück|training|jahr)$/iu;
/** An offer that opens with its noun, no article ("Gutschein über 10 €"): the noun, when no verb follows it. */
const DE_BARE_NOUN = /^(\p{Lu}\p{Ll}+)(?=$|\s+(?:über|von|für|im|in|auf|zu|zum|zur|mit|ab|\d))/u;
const DE_INDEFINITE = /^(k?ein)\s+((?:\p{L}+er\s+)*)(\p{L}+)/u;

/** German text that opens with "ein"/"kein" + a masculine noun, as an accusative object ("einen Gutschein über 20 €"). */
/** "10 € Gutschein für …" → "einen Gutschein über 10 € für …": an amount before its noun, as an object. */
const DE_AMOUNT_NOUN = /^(\d+(?:[.,]\d+)?\s?(?:€|EUR|Euro))\s+(Gutschein|Rabattgutschein|Einkaufsgutschein|Gutschrift|Guthaben)(?![\p{L}])/u;
const DE_AMOUNT_ARTICLE: Readonly<Record<string, string>> = { Gutschrift: 'eine', Guthaben: 'ein' };

export function accusative(text: string): string {
  const bare = DE_BARE_NOUN.exec(text);
  if (bare) {
    // i18n13: an offer typed as a bare noun ("Gutschein über 10 €", "Gutschrift 15% der Monatsgebühr") as the object of
    // "erhalten Sie von uns": "einen Gutschein über 10 €", "eine Gutschrift von 15 % der Monatsgebühr".
    const noun = bare[1]!;
    const article = DE_MASCULINE.test(noun) ? 'einen' : DE_FEMININE_OFFER.test(noun) ? 'eine' : DE_NEUTER_OFFER.test(noun) ? 'ein' : '';
    if (article !== '') return `${article} ${noun}${text.slice(noun.length).replace(/^\s+(?=\d+(?:[.,]\d+)?\s?%)/u, ' von ')}`;
  }
  const a = DE_AMOUNT_NOUN.exec(text);
  if (a) return `${DE_AMOUNT_ARTICLE[a[2]!] ?? 'einen'} ${a[2]} über ${a[1]}${text.slice(a[0].length)}`;
  const m = DE_INDEFINITE.exec(text);
  if (!m || !DE_MASCULINE.test(m[3]!)) return text;
  const adjectives = m[2]!.replace(/er(\s)/gu, 'en$1');
  return `${m[1]}en ${adjectives}${m[3]}${text.slice(m[0].length)}`;
}

const FR_FEMININE = new Set(['agence', 'mutuelle', 'banque', 'caisse', 'société', 'boulangerie', 'pharmacie', 'librairie', 'clinique', 'compagnie', 'fondation',
  'association', 'épicerie', 'boutique', 'maison', 'coopérative', 'fromagerie', 'boucherie', 'pâtisserie', 'brasserie', 'cave', 'ferme', 'école', 'imprimerie',
  'assurance', 'mairie', 'poste', 'régie', 'auberge', 'crèche', 'résidence', 'entreprise', 'menuiserie', 'cordonnerie', 'teinturerie', 'laverie', 'plateforme']);
const FR_MASCULINE = new Set(['cabinet', 'garage', 'groupe', 'laboratoire', 'restaurant', 'hôtel', 'crédit', 'comptoir', 'salon', 'atelier', 'studio', 'centre',
  'magasin', 'marché', 'bureau', 'domaine', 'service', 'institut', 'office', 'club', 'théâtre', 'musée', 'camping', 'cinéma', 'collège', 'lycée', 'syndicat']);

/** "Agence Numérique" → "l’Agence Numérique", "Garage Martin" → "le Garage Martin"; a brand ("Facturéo", "La Poste") as it is. */
export function frenchArticle(name: string): string {
  const first = /^\p{L}+/u.exec(name)?.[0];
  if (!first || !/^\p{Lu}/u.test(first)) return name;
  const k = first.toLowerCase();
  const feminine = FR_FEMININE.has(k);
  if (!feminine && !FR_MASCULINE.has(k)) return name;
  if (/^[aeiouyhàâéèêëîïôûù]/iu.test(k)) return `l’${name}`;
  return `${feminine ? 'la' : 'le'} ${name}`;
}

/** "chez l’Agence Numérique", "chez le Garage Martin", "chez Facturéo". */
export function chez(name: string): string {
  return `chez ${frenchArticle(name)}`;
}

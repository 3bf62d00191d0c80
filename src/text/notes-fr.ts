/**
 * A French manager's note as the letter's own sentences (after text/typed.ts: apostrophes, dates,
 * "on" → "nous"). Only shapes a rule reads for certain are changed; anything else stays as typed:
 *
 * - shorthand: "cdes" → "commandes", "en PJ" → "en pièce jointe", "+" → "et", "tél" → "téléphone",
 *   "asap" → "dès que possible", "réf" → "référence", "colissimo" → "Colissimo";
 * - a thing and its participle: "housse envoyée en 200x200" → "Votre housse a été envoyée en 200x200",
 *   "technicien pas venu" → "Notre technicien n’est pas venu", "mauvais fichier joint par nous" →
 *   "Nous avons joint le mauvais fichier";
 * - "pas de relecture" → "Il n’y avait pas de relecture"; "plus de pièces jointes" → "Il n’y a plus de pièces jointes";
 *   "pas besoin de renvoyer…" → "Vous n’avez pas besoin de renvoyer…"; "erreur d’étiquetage" → "Il s’agissait d’une erreur d’étiquetage";
 * - "livraison lundi ou mardi" → "La livraison est prévue lundi ou mardi";
 * - an offer: "bonne housse envoyée et une taie offerte" → "Nous vous envoyons la bonne housse et vous offrons une taie";
 * - a request as an infinitive: "nous appeler si…" → "Appelez-nous si…".
 */
import { commaPieces, figuresAsWords } from './note-pieces.js';
import type { NoteRoleI18n } from './notes-de.js';

const SHORT: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}])cdes(?![\p{L}])/giu, 'commandes'],
  [/(?<![\p{L}])(?:cde|cmd|cmde)(?![\p{L}])/giu, 'commande'],
  [/(?<![\p{L}])(?:cmds|cmdes)(?![\p{L}])/giu, 'commandes'],
  [/(?<![\p{L}])en PJ(?![\p{L}])/giu, 'en pièce jointe'],
  [/(?<![\p{L}])PJ(?![\p{L}])/gu, 'pièce jointe'],
  [/(?<![\p{L}])(?:tél|tel)(?![\p{L}.])/giu, 'téléphone'],
  [/(?<![\p{L}])asap(?![\p{L}])/giu, 'dès que possible'],
  [/(?<![\p{L}])qqn(?![\p{L}])/giu, 'quelqu’un'],
  [/(?<![\p{L}])bcp(?![\p{L}])/giu, 'beaucoup'],
  [/(?<![\p{L}])tjs(?![\p{L}])/giu, 'toujours'],
  [/(?<![\p{L}])pb(?:m)?s(?![\p{L}])/giu, 'problèmes'],
  [/(?<![\p{L}])pb(?:m)?(?![\p{L}])/giu, 'problème'],
  [/(?<![\p{L}])(?:réf|ref)\.?(?=\s)/giu, 'référence'],
  [/(?<![\p{L}])remb\.(?=\s)/giu, 'remboursement'],
  [/(?<![\p{L}])fact\.(?=\s)/giu, 'facture'],
  [/(?<![\p{L}])livr\.(?=\s)/giu, 'livraison'],
  [/(?<![\p{L}])dispo(?![\p{L}])/giu, 'disponible'],
  [/(?<![\p{L}])infos(?![\p{L}])/giu, 'informations'],
  [/(?<![\p{L}])info(?![\p{L}])/giu, 'information'],
  [/(?<![\p{L}-])mails(?![\p{L}-])/giu, 'e-mails'],
  [/(?<![\p{L}-])mail(?![\p{L}-])/giu, 'e-mail'],
  [/(?<![\p{L}])sms(?![\p{L}])/giu, 'SMS'],
  [/(?<![\p{L}])appli(?![\p{L}])/giu, 'application'],
  [/(?<![\p{L}])labo(?![\p{L}])/giu, 'laboratoire'],
  [/(?<![\p{L}])pr(?=\s)/giu, 'pour'],
  [/(?<![\p{L}])ds(?=\s)/giu, 'dans'],
  [/(?<![\p{L}])colissimo(?![\p{L}])/giu, 'Colissimo'],
  [/(?<![\p{L}])chronopost(?![\p{L}])/giu, 'Chronopost'],
  [/(?<![\p{L}])mondial relay(?![\p{L}])/giu, 'Mondial Relay'],
  [/(?<![\p{L}])excel(?![\p{L}])/giu, 'Excel'],
  [/(?<![\p{L}@.])(ups|dhl|dpd|gls|tnt)(?![\p{L}@])/gu, ''],
  [/(\d+)\s?[-–]\s?(\d+)\s+(jours|semaines|heures|minutes)/gu, '$1 à $2 $3'],
  [/(?<![\p{L}])HS(?![\p{L}])/gu, 'hors service'],
  // "annulé sans prévenir": we did not tell the reader.
  [/(?<![\p{L}])sans (?:prévenir|avertir|informer|nous prévenir)(?=\s*(?:$|[.,;!?()]))/gu, 'sans que nous vous prévenions'],
  // "sur la prochaine commande": the reader's next one.
  [/(?<![\p{L}])(sur|pour|avec|dès)\s+(?:la|le)\s+(prochaine|prochain)\s+(?=\p{L})/gu, '$1 votre $2 '],
  // i18n14: "rdv pneus": an appointment for the reader's things ("rendez-vous pour vos pneus").
  [/(?<=rendez-vous\s)(?=(?!(?:\p{L}*(?:és|ées|ies|ues)|perdus|reçus|venus|prévus|pris|mis|jamais|plus|très|toujours|moins|mais|alors|depuis|dans|sans|sous|après|parfois|puis|tous|toutes|les|des|nos|vos|mes|ses|ces|leurs|fois|pas|avis)(?![\p{L}]))\p{Ll}{3,}s(?![\p{L}]))/gu, 'pour vos '],
  // "gâteau choco": the flavour with its "au".
  [/(?<=\p{L}\s)(?:au\s+)?choco(?![\p{L}])/gu, 'au chocolat'],
  // "prévue mer.", "le jeu. 3": a weekday shortened after a word that names a day.
  [/(?<=(?:prévu|prévue|prévus|prévues|le|dès|jusqu’à|avant|arrive|arrivera|livré|livrée|livraison)\s)(?:lun|mar|mer|jeu|ven|sam|dim)(?:\.|(?=\s+\d))/gu, ''],
];
const DAYS_SHORT: Readonly<Record<string, string>> = { lun: 'lundi', mar: 'mardi', mer: 'mercredi', jeu: 'jeudi', ven: 'vendredi', sam: 'samedi', dim: 'dimanche' };

function shorthand(text: string): string {
  let out = text;
  for (const [re, to] of SHORT) out = to === '' ? out.replace(re, (m) => DAYS_SHORT[m.replace(/\.$/u, '')] ?? m.toUpperCase()) : out.replace(re, to);
  return out;
}

const VOWEL = /^[aeiouyéèêàâîïôûh]/iu;
const cap = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
const DET = /^(?:le|la|les|l’|un|une|des|du|notre|nos|votre|vos|mon|ma|mes|ce|cet|cette|ces|chaque|tout|toute|tous|toutes|aucun|aucune|\d+|deux|trois|quatre|cinq|plusieurs|certain|certaine|certains|certaines|quelques|quelque)$/iu;
/** Finite verbs a piece may have already (then it is a clause). */
const FINITE = /(?<![\p{L}])(?:est|sont|était|étaient|a|ont|avait|avaient|sera|seront|serait|va|vont|peut|peuvent|pouvait|doit|doivent|font|faisait|reste|restent|arrive|arrivent|arrivera|partira|manque|manquait|passe|passent|reçoit|reçoivent|recevrez|recevra|apparaîtra|apparaît|vient|viennent|suit|suivent|marche|fonctionne|fonctionnait|gardez|garde|garder)(?![\p{L}])|(?<![\p{L}-])(?:je|il|elle|on|nous|vous|ils|elles|ne|se)\s+\p{L}+|(?<![\p{L}])(?:j’|n’|s’)\p{L}+|(?<![\p{L}-])\p{L}{3,}(?:ons|ez|aient|ait|ont|era|eront|ira|iront)(?![\p{L}-])/iu;
/** Participles: "-é(e)(s)" and the common irregular ones. */
const PARTICIPLE = /^(?:\p{L}{2,}(?:é|ée|és|ées)|(?:\p{L}*)(?:fait|faite|faits|faites|mis|mise|mises|pris|prise|prises|dit|dite|écrit|écrite|joint|jointe|joints|jointes|offert|offerte|offerts|offertes|ouvert|ouverte|parti|partie|partis|parties|sorti|sortie|sortis|venu|venue|venus|reçu|reçue|reçus|reçues|perdu|perdue|perdus|perdues|rendu|rendue|vendu|vendue|prévu|prévue|prévus|prévues|remboursé|fini|finie|saisi|saisie|saisis|saisies|établi|établie|fourni|fournie|fournis|fournies|transmis|transmise|remis|remise|promis|inscrit|inscrite|produit|détruit|détruite|averti|avertie|choisi|choisie|rempli|remplie|suivi|suivie|interrompu|interrompue|déçu|survenu|intervenu|revenu|devenu))$/u;
/** Nouns in -é(e) that are no participles. */
const NOT_PARTICIPLE = /^(?:\p{L}*(?:ité|ités|auté|ieté)|journée|année|entrée|durée|idée|soirée|matinée|tournée|musée|lycée|côté|café|marché|clé|comité|été|santé|employé|employée|abonné|abonnée|salarié|salariée|délégué|liberté|pensée|denrée|chaussée|lavé|lavée|assorti|assortie|assortis|recyclé|personnalisé|personnalisée|imprimé)$/u;
/** Participles whose compound past takes "être". */
const ETRE = /^(?:parti|arrivé|venu|revenu|devenu|intervenu|survenu|tombé|resté|sorti|passé|retourné|rentré|allé|décédé|parvenu|reparti)(?:e|s|es)?$/u;
/** What follows a participle that is a verb: a preposition, an adverb, a number, or nothing. */
const AFTER_VERB = /^(?:et|alors|malgré|bien|pendant|lors|durant|sans|en|à|au|aux|par|pour|avec|sans|dans|sur|sous|chez|de|du|des|le|la|les|l’|ce|cette|hier|aujourd’hui|demain|ce|trop|mal|bien|deux|trop|tard|tôt|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|avant|après|depuis|entre|vers|dès|jusqu’au|jusqu’à|\d.*)$/iu;
/** Our own people and things ("notre technicien"), and the reader's ("votre commande"). */
const OURS = /^(?:relance|rappel|newsletter|envoi|technicien|technicienne|livreur|livreuse|équipe|site|serveur|logiciel|outil|système|entrepôt|transporteur|prestataire|fichier|caisse|application|standard|magasin|boutique|service|collaborateur|collaboratrice|stagiaire|atelier|laboratoire|imprimante|stock|plateforme|agence|cuisine|secrétariat|comptabilité|conseiller|conseillère)s?$/u;
const FEMININE = /(?:tion|sion|té|ure|ette|ance|ence|ise|ade|ée|ie|ine|elle|esse|ude|aison|housse|taie|taille|commande|facture|livraison|lettre|caisse|équipe|boutique|carte|table|chaise|pièce|place|adresse|semaine|heure|minute|couette|étiquette|personne|demande|réponse|erreur|panne|coupure|réservation|application|newsletter|plateforme|agence|cuisine|remise|offre|relecture|validation|vérification|bascule|sauvegarde|alerte|relance|astreinte|mise à jour|maj)s?$/u;

/** The gender of a noun phrase (from its head, the first word), and whether it is plural. */
function genderOf(head: string, participle?: string): { f: boolean; pl: boolean } {
  const p = participle ?? '';
  const pl = p !== '' ? /(?:s|x)$/u.test(p) : /(?:s|x)$/u.test(head) && !SINGULAR_S.test(head);
  const f = p !== '' && /(?:ée|ées|ie|ies|ue|ues|te|tes|se|ses)$/u.test(p) ? true : p !== '' ? false : FEMININE.test(head);
  return { f, pl };
}
/** Nouns that end in -s or -x in the singular. */
const SINGULAR_S = /^(?:colis|prix|choix|fois|mois|avis|cas|corps|repas|temps|tapis|accès|succès|processus|virus|bus|relais|devis|compris|français|paiements?x)$/u;

function article(kind: 'def' | 'our' | 'your' | 'indef', g: { f: boolean; pl: boolean }, next: string): string {
  if (kind === 'our') return g.pl ? 'nos ' : 'notre ';
  if (kind === 'your') return g.pl ? 'vos ' : 'votre ';
  if (kind === 'indef') return g.pl ? 'des ' : g.f ? 'une ' : 'un ';
  if (g.pl) return 'les ';
  return VOWEL.test(next) ? 'l’' : g.f ? 'la ' : 'le ';
}

/** The masculine singular of a participle ("envoyée" → "envoyé", "jointe" → "joint", "mises" → "mis"). */
/** Participles of what others did to us, or what happened by itself: never "Nous avons piraté …". */
const NOT_OURS_FR = /^(?:piraté|attaqué|endommagé|abîmé|cassé|volé|perdu|retardé|bloqué|saturé|surchargé|débordé|touché|affecté|concerné|infecté|annulé|refusé|rejeté|coupé|interrompu|perturbé|effacé|supprimé|écrasé|corrompu|dupliqué)$/u;
/** "Nous avons mal saisi le bon de commande", "Nous n’avons pas mis à jour le planning". */
function weDid(participle: string, object: string, adverbs: readonly string[], negative: boolean, after: string): string {
  const neg = adverbs.filter((a) => /^(?:pas|jamais|plus|non)$/iu.test(a)).map((a) => (/^non$/iu.test(a) ? 'pas' : a));
  const other = adverbs.filter((a) => !/^(?:pas|jamais|plus|non)$/iu.test(a));
  const aux = negative ? `n’avons ${neg.join(' ') || 'pas'}` : 'avons';
  return `Nous ${aux}${other.length ? ` ${other.join(' ')}` : ''} ${participle} ${object}${after ? ` ${after}` : ''}`;
}

function baseParticiple(p: string): string {
  // i18n16: "transmise" → "transmis", never "transmi" (mis, pris, acquis, assis keep their s).
  return p.replace(/ées?$/u, 'é').replace(/és$/u, 'é').replace(/(?<=[tsiu])es?$/u, '').replace(/(?<=[tu])s$|(?<!(?:m|pr|qu|ss)i)(?<=i)s$/u, '');
}

function pieces(sentence: string): string[] {
  return commaPieces(sentence, '(«', ')»');
}

const PAST: ReadonlySet<NoteRoleI18n> = new Set(['mistake', 'cause', 'commitment']);

/** The subject words with an article: "housse de couette" → "votre housse de couette", "mauvais fichier" → "le mauvais fichier". */
function subjectOf(words: string[], role: NoteRoleI18n, participle?: string, definite = false): { text: string; pl: boolean } | undefined {
  if (words.length === 0 || words.length > 8) return undefined;
  // "le logiciel bloque un fichier": a second article not after "de" means a verb stands between.
  if (words.some((w, k) => k > 0 && /^(?:le|la|les|un|une|l’\p{L}*)$/iu.test(w) && !/^(?:de|à|sur|par|pour|dans|avec|en|entre|sous|tout|toute|tous|toutes)$/iu.test(words[k - 1]!))) return undefined;
  const first = words[0]!;
  if (DET.test(first)) {
    // A determiner alone is no subject ("une mise à jour …" is a noun, not "une" and "mise").
    if (words.length === 1) return undefined;
    const pl = /^(?:les|des|nos|vos|mes|ces|tous|toutes|plusieurs|certains|certaines|quelques|deux|trois|quatre|cinq|\d+)$/iu.test(first) && !/^1$/u.test(first);
    return { text: words.join(' '), pl };
  }
  if (/^l’/iu.test(first)) return { text: words.join(' '), pl: false };
  // i18n14: "BAT validé": an acronym is a thing of its own, with its article.
  if (/^\p{Lu}{2,}$/u.test(first) && words.length <= 3) return { text: `${VOWEL.test(first) ? 'l’' : 'le '}${words.join(' ')}`, pl: false };
  if (!/^\p{Ll}/u.test(first) && !/^\p{Lu}\p{Ll}/u.test(first)) return undefined;
  // The head noun: the first word that is not an adjective before it ("mauvais fichier", "bonne housse").
  const head = (ADJ_BEFORE.test(first) ? words[1] : first) ?? first;
  const g = genderOf(head.toLowerCase(), participle);
  // The parcel's arrival or departure is no more the reader's than ours ("l’arrivée est prévue vendredi").
  const kind = definite || /^(?:arrivée|départ|arrivées|départs)$/u.test(head.toLowerCase()) || /^(?:mauvais|mauvaise|mauvaises)$/iu.test(first) ? 'def' : OURS.test(head.toLowerCase()) ? 'our' : role === 'mistake' || role === 'outcome' ? 'your' : 'def';
  const lowered = /^\p{Lu}\p{Ll}/u.test(first) ? first[0]!.toLowerCase() + first.slice(1) : first;
  // i18n14: "application et site": each noun its determiner, and the two are plural ("notre application et notre site").
  const and = words.indexOf('et');
  if (and > 0 && and === words.length - 2 && /^\p{Ll}{3,}$/u.test(words[and + 1]!) && !DET.test(words[and + 1]!) && !PARTICIPLE.test(words[and + 1]!)) {
    const second = words[and + 1]!;
    const g2 = genderOf(second.toLowerCase());
    return { text: `${article(kind, g, lowered)}${[lowered, ...words.slice(1, and)].join(' ')} et ${article(kind, g2, second)}${second}`, pl: true };
  }
  return { text: `${article(kind, g, lowered)}${[lowered, ...words.slice(1)].join(' ')}`, pl: g.pl };
}

/** Adjectives that stand before their noun ("mauvais fichier", "double vérification"). */
const ADJ_BEFORE = /^(?:mauvais|mauvaise|bon|bonne|nouveau|nouvel|nouvelle|ancien|ancienne|petit|petite|grand|grande|premier|première|dernier|dernière|second|seconde|double|deuxième|autre|vrai|vraie|seul|seule|même)s?$/iu;

/** The offer typed as things and what is done with them ("bonne housse envoyée et une taie offerte"). */
const OFFER: Readonly<Record<string, string>> = { envoyé: 'envoyons', offert: 'offrons', remboursé: 'remboursons', annulé: 'annulons', déduit: 'déduisons', échangé: 'échangeons', renvoyé: 'renvoyons', réexpédié: 'réexpédions', crédité: 'créditons', ajouté: 'ajoutons', livré: 'livrons', réparé: 'réparons', remplacé: 'remplaçons', prolongé: 'prolongeons' };

function offer(text: string): string | undefined {
  const items = text.split(/\s+(?:et|\+)\s+/u);
  const said: string[] = [];
  for (const item of items) {
    const t = item.trim();
    if (/^remboursement (?:intégral|complet|total)$/iu.test(t)) {
      said.push('vous remboursons intégralement');
      continue;
    }
    // i18n14: "remboursement des plats non livrés": we refund them.
    const refund = /^remboursement\s+((?:des|du|de la|de l’)\s*.+)$/iu.exec(t);
    if (refund) {
      said.push(`vous remboursons ${refund[1]!.replace(/^du\s/u, 'le ').replace(/^des\s/u, 'les ').replace(/^de la\s/u, 'la ').replace(/^de l’/u, 'l’')}`);
      continue;
    }
    const charge = /^(.+?)\s+pris(?:e|es)?\s+en charge(.*)$/iu.exec(t);
    if (charge) {
      const s = subjectOf(charge[1]!.split(/\s+/u), 'remedy', undefined, true);
      if (!s) return undefined;
      said.push(`prenons en charge ${s.text}${charge[2]}`);
      continue;
    }
    const words = t.split(/\s+/u);
    // "non livrés", "pas envoyés": a thing's state, not what we do with it.
    const i = words.findIndex((w, k) => k > 0 && PARTICIPLE.test(w) && Object.hasOwn(OFFER, baseParticiple(w)) && !/^(?:non|pas|jamais)$/iu.test(words[k - 1]!));
    // i18n14: "réimpression offerte + livraison express": a second thing offered shares the verb ("… la réimpression et la livraison express").
    if (i < 0 && said.length > 0 && /^vous offrons /u.test(said[said.length - 1]!) && /^\p{Ll}/u.test(t) && !DET.test(words[0]!) && words.length <= 4 && !FINITE.test(t)) {
      const s2 = subjectOf(words, 'remedy', undefined, true);
      if (s2) {
        said[said.length - 1] += ` et ${s2.text}`;
        continue;
      }
    }
    if (i < 0) return undefined;
    const verb = OFFER[baseParticiple(words[i]!)]!;
    const subject = subjectOf(words.slice(0, i), 'remedy', words[i]);
    if (!subject) return undefined;
    const tail = words.slice(i + 1).join(' ');
    said.push(`vous ${verb} ${subject.text}${tail ? ` ${tail}` : ''}`);
  }
  return said.length === 0 ? undefined : `Nous ${said.join(' et ')}`;
}

const IMPERATIVE: Readonly<Record<string, string>> = {
  'nous appeler': 'appelez-nous', appeler: 'appelez-nous', 'nous rappeler': 'rappelez-nous', rappeler: 'rappelez-nous', 'nous écrire': 'écrivez-nous', écrire: 'écrivez-nous',
  'nous contacter': 'contactez-nous', contacter: 'contactez-nous', 'nous envoyer': 'envoyez-nous', envoyer: 'envoyez', renvoyer: 'renvoyez', 'nous renvoyer': 'renvoyez-nous', garder: 'gardez',
  conserver: 'conservez', supprimer: 'supprimez', vérifier: 'vérifiez', surveiller: 'surveillez', ignorer: 'ignorez', signaler: 'signalez', 'nous signaler': 'signalez-nous',
  répondre: 'répondez', transmettre: 'transmettez', 'nous transmettre': 'transmettez-nous', jeter: 'jetez', consulter: 'consultez', changer: 'changez', modifier: 'modifiez', 'nous prévenir': 'prévenez-nous', prévenir: 'prévenez-nous',
  laisser: 'laissez', récupérer: 'récupérez', passer: 'passez', 'nous retourner': 'retournez-nous', retourner: 'retournez', compter: 'comptez',
  reprendre: 'reprenez', prendre: 'prenez', réserver: 'réservez', imprimer: 'imprimez', déposer: 'déposez', rapporter: 'rapportez', remplir: 'remplissez', choisir: 'choisissez', activer: 'activez', télécharger: 'téléchargez',
};

function request(piece: string): string | undefined {
  const m = /^(si\s+[^,]+,\s*|(?:pour toute question|en cas de (?:question|problème|doute)|au besoin|si besoin)\s*,?\s*)?((?:nous\s+)?\p{L}+er|(?:nous\s+)?(?:écrire|répondre|transmettre|prévenir|reprendre|prendre|remplir|choisir))(?![\p{L}])(.*)$/iu.exec(piece.trim());
  if (!m) return undefined;
  if (m[1] && !/,\s*$/u.test(m[1])) m[1] = `${m[1].trim()}, `;
  const key = m[2]!.toLowerCase();
  if (!Object.hasOwn(IMPERATIVE, key)) return undefined;
  // "garder le gâteau, pas besoin de le renvoyer": the piece after the comma is a note of its own.
  if (/,\s/u.test(m[3]!) && !m[1]) return undefined;
  // "vérifier votre relevé et nous appeler si besoin": the second infinitive asked too.
  if (key === 'envoyer' && !/\sà\s/u.test(m[3]!)) m[2] = 'nous envoyer';
  const tail = m[3]!.replace(/^\s+(le|la|les)\s+(?=(?:relevé|relevés|facture|factures|ticket|reçu|justificatif|justificatifs|contrat|bon de livraison)(?![\p{L}]))/u, (_x, a: string) => (a === 'les' ? ' vos ' : ' votre ')).replace(/(?<=\s(?:et|puis|ou)\s)((?:nous\s+)?\p{L}+er|(?:nous\s+)?(?:écrire|répondre|transmettre|prévenir|reprendre|prendre|remplir|choisir))(?![\p{L}])/iu, (v: string) => IMPERATIVE[v.toLowerCase()] ?? v);
  const verb = IMPERATIVE[m[2]!.toLowerCase()] ?? IMPERATIVE[key]!;
  return `${m[1] ? cap(m[1]) : ''}${m[1] ? verb : cap(verb)}${tail}`;
}

/** Words a piece of a change opens with that are no thing put in place. */
const ADVERB_START = /^(?:avant|après|chaque|déjà|maintenant|désormais|toujours|jamais|aussi|depuis|jusqu|tous|toutes|tout|toute|demain|aujourd|ensuite|ainsi|si|ne|non)(?![\p{L}])/iu;
/**
 * Whether the piece after piece k goes on with its clause ("Ihr Termin … am Mittwoch, 25. November" + "um 10:30 Uhr wurde … gestrichen"):
 * it opens with no subject of its own and has a verb that is not its first word. Then piece k is no note of its own.
 */
function continues(parts: string[], k: number): boolean {
  const next = parts[k + 1]?.trim();
  if (next === undefined || !/^(?!(?:nous|je|il|elle|on|ils|elles|le|la|les|un|une|notre|nos|ce|cette|chaque|vous|personne|rien|et|mais|ou|car|donc|puis)\s|l’)\p{Ll}/u.test(next)) return false;
  const verb = FINITE.exec(next);
  return verb !== null && verb.index > 0;
}

/** A piece that leans on the one before it (a conjunction, a relative pronoun, a preposition): never a note of its own. */
const LEANS = /^(?:et|ou|mais|donc|car|puis|qui|que|qu’|dont|où|avec|sans|pour|par|en|à|au|aux|dans|sur|chez|de|du|des|d’|comme|lorsque|quand|puisque|afin|sauf|soit|y compris|notamment)(?![\p{L}])/iu;

function pieceToClause(piece: string, role: NoteRoleI18n, whole: boolean, alone = false, sentence = piece): string | undefined {
  const t = piece.trim();
  if (t === '') return undefined;
  if (LEANS.test(t) && !(role === 'action' && /^si\s/iu.test(t))) return undefined;
  // "parce que notre logiciel a envoyé…": a reason typed as a subordinate clause is the letter's own sentence.
  const because = /^(?:parce que|parce qu’|car|puisque|vu que|comme)\s*(.+)$/iu.exec(t);
  if (because && (role === 'cause' || role === 'mistake') && FINITE.test(because[1]!)) return cap(because[1]!);
  // "taille M au lieu de L", "gâteau au chocolat au lieu de citron": what we sent instead of what was ordered.
  const swap = /^(\p{L}[\p{L}’-]*(?:\s+[\p{L}\d’-]+){0,3})\s+au lieu d(?:e\s+|’|u\s+|es\s+)(\S+(?:\s+\S+){0,3})$/u.exec(t);
  if (swap && role === 'mistake' && !FINITE.test(t) && !swap[1]!.split(/\s+/u).some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.test(w))) {
    const a = swap[1]!.split(/\s+/u);
    const b = swap[2]!.split(/\s+/u);
    // A single word after "au lieu de" names the same thing: "taille M au lieu de L" → "la taille L".
    const other = a.length >= 2 && b.length === 1 && !DET.test(a[0]!) ? [...a.slice(0, -1), b[0]!] : b;
    const sa = subjectOf(a, 'cause', undefined, true);
    const sb = DET.test(other[0]!) ? { text: other.join(' ') } : subjectOf(other, 'cause', undefined, true);
    if (sa && sb) {
      const de = sb.text.replace(/^le /u, 'du ').replace(/^les /u, 'des ').replace(/^(?=la |l’|un |une |votre |notre )/u, 'de ').replace(/^de un /u, 'd’un ').replace(/^de une /u, 'd’une ');
      return `Nous vous avons envoyé ${sa.text} au lieu ${/^(?:du|des|de|d’)\s?/u.test(de) ? de : `de ${de}`}`;
    }
  }
  // "prélèvement en double": there was one too many.
  const twice = /^(\p{Ll}[\p{L}-]*(?:\s+(?:de|d’)\s*\p{L}+)?)\s+(en double|deux fois|en trop)$/u.exec(t);
  if (twice && (role === 'mistake' || role === 'cause') && !DET.test(twice[1]!.split(/\s+/u)[0]!)) {
    const g = genderOf(twice[1]!.split(/\s+/u)[0]!.toLowerCase());
    if (!g.pl) return `Il y a eu ${g.f ? 'une' : 'un'} ${twice[1]} ${twice[2]}`;
  }
  // "remboursement en cours": under way now, whatever part it plays.
  const ongoing = /^(\p{Ll}[\p{L}-]*(?:\s+(?:de|d’)\s*\p{L}+)?)\s+(en cours|en préparation|en route|en chemin)(.*)$/u.exec(t);
  if (ongoing && !FINITE.test(t) && !DET.test(ongoing[1]!.split(/\s+/u)[0]!)) {
    const g = genderOf(ongoing[1]!.split(/\s+/u)[0]!.toLowerCase());
    const own = OURS.test(ongoing[1]!.split(/\s+/u)[0]!) ? 'our' : /^(?:colis|commande|livraison|paquet|article)s?$/u.test(ongoing[1]!.split(/\s+/u)[0]!) ? 'your' : 'def';
    return `${cap(article(own, g, ongoing[1]!))}${ongoing[1]} ${g.pl ? 'sont' : 'est'} ${ongoing[2]}${ongoing[3]}`;
  }
  // "livraison 3 jours en retard": how late it came.
  const late = /^(\p{Ll}[\p{L}-]*)\s+(\d+|deux|trois|quatre|cinq|six|sept|huit|dix)\s+(jours?|heures?|semaines?|minutes?)\s+en retard(.*)$/u.exec(t);
  if (late && !FINITE.test(t) && (PAST.has(role) || role === 'outcome')) {
    const g = genderOf(late[1]!.toLowerCase());
    const own = OURS.test(late[1]!) ? 'our' : 'your';
    return `${cap(article(own, g, late[1]!))}${late[1]} ${g.pl ? 'sont arrivé' : 'est arrivé'}${g.f ? 'e' : ''}${g.pl ? 's' : ''} avec ${late[2]} ${late[3]} de retard${late[4]}`;
  }
  // "changement de transporteur en janvier": we change it.
  const change = /^changement d(?:e\s+|’)(.+)$/iu.exec(t);
  if (change && role === 'commitment' && !FINITE.test(t)) return `Nous changeons ${/^[aeiouéèh]/iu.test(change[1]!) ? 'd’' : 'de '}${change[1]}`;
  // "retour gratuit", "étiquette jointe": an offer's things and how they come.
  const free = /^(\p{Ll}[\p{L}-]*(?:\s+(?:de|d’)\s*\p{L}+)?)\s+(gratuit|gratuite|gratuits|gratuites|joint|jointe|joints|jointes|ci-joint|ci-jointe|inclus|incluse|compris|comprise)(.*)$/u.exec(t);
  if (free && (role === 'remedy' || role === 'outcome' || role === 'action') && !FINITE.test(t) && !DET.test(free[1]!.split(/\s+/u)[0]!)) {
    const g = genderOf(free[1]!.split(/\s+/u)[0]!.toLowerCase());
    const how = free[2]!.replace(/^ci-/u, '');
    return `${cap(article('def', g, free[1]!))}${free[1]} ${g.pl ? 'sont' : 'est'} ${how}${/^gratuit/u.test(how) && !free[3] ? ' pour vous' : ''}${free[3]}`;
  }
  // A cause typed as one noun phrase the letter frames itself ("Le problème venait d’une migration … mal planifiée.").
  if (alone && role === 'cause' && /^(?:erreur|panne|coupure|migration|mise à jour|défaillance|confusion|inversion)(?![\p{L}])/iu.test(t)) return undefined;
  if (role === 'action') {
    const r = request(t);
    if (r) return r;

  }
  if (role === 'remedy' && whole) {
    const o = offer(t);
    if (o) return o;
  }
  // "bon d’achat de 10 € sur votre prochaine commande": an offer typed as a thing takes its article.
  const given = /^(bon|avoir|code|geste|remise|réduction|crédit|chèque|carte)(?=\s+(?:d’|de\s|cadeau|commercial|promo))/iu.exec(t);
  if (given && role === 'remedy' && !FINITE.test(t) && !t.split(/\s+/u).some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.test(w))) {
    const g = genderOf(given[1]!.toLowerCase());
    return `${article('indef', g, t)}${t}`;
  }
  const past = PAST.has(role);
  // "2 articles manquants dans le colis": there were some missing.
  const missing = /^(\d+|deux|trois|quatre|cinq|plusieurs)\s+(.+?)\s+manquant(?:e|s|es)?(?![\p{L}])(.*)$/iu.exec(t);
  if (missing && !FINITE.test(t)) return `Il ${past ? 'manquait' : 'manque'} ${missing[1]} ${missing[2]}${missing[3]}`;
  if (/^compter\s/iu.test(t)) return `Comptez ${t.slice('compter '.length)}`;
  // "fournisseur a envoyé…": a bare noun before its verb gets its article.
  const bare = /^(\p{Ll}[\p{L}-]+(?:\s+de\s+\p{L}+)?)\s+(a|ont|est|sont|avait|avaient|était|étaient|n’a|n’ont|n’est|n’était)(?![\p{L}])(.*)$/u.exec(t);
  if (bare && !DET.test(bare[1]!.split(/\s+/u)[0]!) && !/^(?:il|elle|on|nous|vous|ils|elles|ce|cela|ça|tout|rien|personne|chacun)$/iu.test(bare[1]!)) {
    const s = subjectOf(bare[1]!.split(/\s+/u), role, undefined, !OURS.test(bare[1]!.split(/\s+/u)[0]!));
    if (s) return `${s.text} ${bare[2]}${bare[3]}`;
  }
  if (/^pas besoin de\s/iu.test(t)) return `Vous n’avez pas besoin de ${t.slice('pas besoin de '.length)}`;
  if (/^(?:pas de|pas d’|aucun|aucune)\s*/iu.test(t) && !FINITE.test(t)) {
    const rest = t.replace(/^(?:pas de\s+|pas d’|aucun\s+|aucune\s+)/iu, '');
    const de = VOWEL.test(rest) ? 'd’' : 'de ';
    return `Il n’y ${past ? 'avait' : 'a'} pas ${de}${rest}`;
  }
  if (/^plus de\s/iu.test(t) && !FINITE.test(t)) return `Il n’y a plus de ${t.slice('plus de '.length)}`;
  if (/^(?:rien à faire|aucune action (?:nécessaire|requise)|rien de plus à faire)/iu.test(t)) return `Vous n’avez rien à faire${t.replace(/^(?:rien à faire|aucune action (?:nécessaire|requise)|rien de plus à faire)/iu, '')}`;
  // "lunettes pas prêtes à la date prévue", "site en panne samedi": a state.
  const state = /^(.+?)\s+(pas\s+|plus\s+|jamais\s+)?(prêt|prête|prêts|prêtes|disponible|disponibles|de nouveau en ligne|de nouveau accessible|en ligne|accessible|opérationnel|opérationnelle|en panne|en retard|hors service|en rupture|indisponible|indisponibles|inaccessible|incomplet|incomplète|incomplets|incomplètes|fermé|fermée|introuvable|introuvables|vide|vides|débordé|débordée|débordés|surchargé|surchargée|saturé|saturée|malade|malades|absent|absente|absents)(?![\p{L}])(.*)$/iu.exec(t);
  // i18n12: "agenda en ligne pas mis à jour", "BAT pas relu": a thing not done, said in the past ("L’agenda en ligne n’a pas été mis à jour").
  const notDone = /^(.+?)\s+pas\s+((?:mis|mise|mises) à jour)(?![\p{L}])(.*)$/u.exec(t);
  if (notDone && !FINITE.test(t) && past) {
    // i18n15: a cause of ours: "Nous n’avons pas mis à jour le planning".
    const object = role === 'cause' ? subjectOf(notDone[1]!.split(/\s+/u), 'cause', undefined, true) : undefined;
    if (object) return weDid('mis à jour', object.text, ['pas'], true, notDone[3]!.trim());
    const s = subjectOf(notDone[1]!.split(/\s+/u), role);
    if (s) return `${cap(s.text)} ${s.pl ? 'n’ont' : 'n’a'} pas été ${notDone[2]}${notDone[3]}`;
  }
  // "agenda en ligne pas mis à jour": "en ligne" is part of the noun, the state is what follows.
  // i18n14: "colis livrés en retard": a participle before the state is the note's verb ("vos colis ont été livrés en retard").
  if (state && !FINITE.test(t) && (past || role === 'outcome') && !/^\s*(?:pas|plus|jamais)\s/u.test(state[4] ?? '') && !/\s\p{L}{3,}(?:é|ée|és|ées)$/u.test(state[1]!)) {
    const s = subjectOf(state[1]!.split(/\s+/u), role);
    if (s) {
      const be = role === 'outcome' ? (s.pl ? 'sont' : 'est') : s.pl ? 'étaient' : 'était';
      return `${cap(s.text)} ${state[2] ? `${/^[aeiouéè]/u.test(be) ? 'n’' : 'ne '}${be} ${state[2].trim()}` : be} ${state[3]}${state[4]}`;
    }
  }
  const err = /^(erreur|panne|confusion|inversion|coupure|oubli|bug|problème|souci|retard|défaut|mélange|malentendu)(?![\p{L}])(.*)$/iu.exec(t);
  // A cause that is this noun alone is framed by the letter itself ("Le problème venait d’une erreur…").
  if (err && (role === 'cause' || role === 'mistake') && (!alone || !/^(?:erreur|panne|confusion|inversion|coupure)$/iu.test(err[1]!)) && !FINITE.test(t)) {
    const f = /^(?:erreur|panne|confusion|inversion|coupure)$/iu.test(err[1]!);
    return `Il s’agissait d’${f ? 'une' : 'un'} ${err[1]!.toLowerCase()}${err[2]}`;
  }
  // "…, impossible de commander": it was not possible.
  const could = /^(impossible|possible|difficile|inutile)\s+(de|d’)\s*(.+)$/iu.exec(t);
  if (could && !FINITE.test(t)) return `Il ${role === 'mistake' || role === 'cause' ? 'était' : 'est'} ${could[1]!.toLowerCase()} ${could[2]}${could[2] === 'de' ? ' ' : ''}${could[3]}`;
  // A verb inside "alors que …", "bien que …" belongs to that clause: "relance envoyée alors que la facture était payée" is still a note.
  if (FINITE.test(t.replace(/\s(?:sans que|alors que|alors qu’|bien que|bien qu’|même si|malgré)\s.*$/u, ''))) return undefined;
  const words = t.split(/\s+/u);
  // "livraison lundi ou mardi": when it comes.
  const ev = /^(livraison|arrivée|réception|remboursement|passage|intervention|installation|expédition|envoi|retour|rendez-vous|virement|nouveau rendez-vous|nouvelle livraison|nouvelle date)\s+((?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le|dès|d’ici|sous|entre|demain|aujourd’hui|cette|la semaine|avant|au plus tard|\d).*)$/iu.exec(t);
  if (ev && (role === 'outcome' || role === 'mistake' || role === 'remedy')) {
    const g = genderOf(ev[1]!.toLowerCase().replace(/^nouve(?:au|lle) /u, ''));
    const art = /^nouve/iu.test(ev[1]!) ? (g.f ? 'la ' : 'le ') : article('def', g, ev[1]!);
    return `${cap(art)}${ev[1]!.toLowerCase()} est prévu${g.f ? 'e' : ''} ${ev[2]}`;
  }
  // A thing and its participle: the participle that a preposition, an adverb, a number or nothing follows (an offer's things keep theirs: "édition illustrée").
  for (let i = 1; i < words.length && role !== 'remedy'; i++) {
    const w = words[i]!;
    if (!PARTICIPLE.test(w) || NOT_PARTICIPLE.test(w)) continue;
    const next = words[i + 1];
    if (next !== undefined && !AFTER_VERB.test(next)) continue;
    // "10 % de remise", "à la date prévue": a noun's complement or a phrase with a preposition, not the note's verb.
    // i18n14: "rendez-vous pour vos pneus oublié", "dossier égaré": what we forgot or lost, said with us as the agent.
    if (role === 'mistake' && i === words.length - 1 && /^(?:oublié|égaré|perdu|confondu|mélangé|inversé)$/u.test(baseParticiple(w)) && !/^(?:pas|non|jamais)$/iu.test(words[i - 1]!)) {
      const object = subjectOf(words.slice(0, i), 'mistake', w);
      if (object) return `Nous avons ${baseParticiple(w)} ${object.text}`;
    }
    const agrees = i === words.length - 1 && /s$/u.test(w) && /s$/u.test(words[0]!) && !/s$/u.test(words[i - 1]!);
    if (/^(?:de|du|des|d’)$/iu.test(words[i - 1]!) || (!agrees && words.slice(1, i).some((x, k) => /^(?:à|au|aux|en|pour|avec|sur|dans|sans|chez|pendant|par)$/iu.test(x) && !/^(?:mise|remise|prise)$/iu.test(words[k] ?? '')))) continue;
    let before = words.slice(0, i);
    // "pas", "jamais", "mal", "bien" between the thing and its participle go with the verb.
    const adverbs: string[] = [];
    while (before.length > 1 && /^(?:pas|non|jamais|mal|bien|toujours|encore|déjà|correctement|trop)$/iu.test(before[before.length - 1]!)) adverbs.unshift(before.pop()!);
    const negative = adverbs.some((a) => /^(?:pas|non|jamais)$/iu.test(a));
    for (let k = 0; k < adverbs.length; k++) if (/^non$/iu.test(adverbs[k]!)) adverbs[k] = 'pas';
    const after = words.slice(i + 1).join(' ');
    // "… joint par nous": we did it.
    if (/^par nous(?![\p{L}])/iu.test(after)) {
      const object = subjectOf(before, 'cause', w, true);
      if (!object) return undefined;
      const tail = after.replace(/^par nous\s*/iu, '');
      return `Nous ${negative ? 'n’avons' : 'avons'} ${adverbs.join(' ')}${adverbs.length ? ' ' : ''}${baseParticiple(w)} ${object.text}${tail ? ` ${tail}` : ''}`;
    }
    // i18n14: "rendez-vous oublié", "dossier égaré": what we forgot or lost, said with us as the agent.
    if (role === 'mistake' && /^(?:oublié|égaré|perdu|confondu|mélangé|inversé)$/u.test(baseParticiple(w)) && !negative && !/^par\s/iu.test(after)) {
      const object = subjectOf(before, 'mistake', w);
      if (object) return `Nous avons ${adverbs.join(' ')}${adverbs.length ? ' ' : ''}${baseParticiple(w)} ${object.text}${after ? ` ${after}` : ''}`;
    }
    // "mauvaise couleur envoyée": we sent the wrong one.
    if (role === 'mistake' && /^(?:mauvais|mauvaise|mauvaises)$/iu.test(before[0]!) && !ETRE.test(w) && !negative) {
      const object = subjectOf(before, 'cause', w, true);
      if (object) return `Nous vous avons ${baseParticiple(w)} ${object.text}${after ? ` ${after}` : ''}`;
    }
    // i18n15: a cause of ours typed as a participle is owned with "nous": "étiquettes colis inversées" → "Nous avons
    // inversé les étiquettes colis", "bon de commande mal saisi" → "Nous avons mal saisi le bon de commande" (never for
    // what others did to us: "serveur piraté", "colis endommagé").
    if (role === 'cause' && !ETRE.test(w) && !NOT_OURS_FR.test(baseParticiple(w)) && !/^par\s/iu.test(after)) {
      const object = subjectOf(before, 'cause', w, true);
      if (object) return weDid(baseParticiple(w), object.text, adverbs, negative, after);
    }
    const subject = subjectOf(before, role, w);
    if (!subject) return undefined;
    const etre = ETRE.test(w);
    // "livraison prévue jeudi": arranged, a state now; "colis livré demain": still to come.
    const arranged = /^(?:prévu|planifié|programmé|fixé|confirmé|réservé|reporté)(?:e|s|es)?$/u.test(w) && !past;
    // A delivery or a visit on a day named ("livré mercredi 2/12") is still to come; a refund "effectué lundi" is done.
    const future = !past && (/(?:^|\s)(?:demain|d’ici|sous \d|dans \d|la semaine prochaine|prochain|prochaine)(?![\p{L}])/iu.test(after)
      || (/^(?:livré|installé|posé|monté|remplacé|réparé|réinstallé|relivré)(?:e|s|es)?$/u.test(w) && /(?:^|\s)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\p{L}])/iu.test(after)));
    const planned = /^(?:prévu|planifié|programmé)(?:e|s|es)?$/u.test(w);
    // "chaque envoi contrôlé par…": a standing rule, in the present.
    const standing = role === 'commitment' && /^(?:chaque|tout|toute|tous|toutes|désormais)\s/iu.test(subject.text);
    const aux = etre ? (subject.pl ? 'sont' : 'est') : standing || planned || arranged ? (subject.pl ? 'sont' : 'est') : future ? (subject.pl ? 'seront' : 'sera') : past || role === 'outcome' ? (subject.pl ? 'ont été' : 'a été') : (subject.pl ? 'sont' : 'est');
    // "n’a pas été", "a été mal testée": the negation around the first word, other adverbs before the participle.
    // "pas encore": the whole negation before "été" ("n’a pas encore été formé").
    const neg = adverbs.filter((a, k) => /^(?:pas|jamais|plus)$/iu.test(a) || (/^encore$/iu.test(a) && /^pas$/iu.test(adverbs[k - 1] ?? '')));
    const other = adverbs.filter((a) => !neg.includes(a));
    const first = aux.split(' ')[0]!;
    const restAux = aux.slice(first.length).trim();
    const auxSaid = [negative ? `${/^[aeiouéè]/u.test(first) ? 'n’' : 'ne '}${first} ${neg.join(' ')}` : first, restAux, other.join(' ')].filter((x) => x !== '').join(' ').replace(/’ /gu, '’');
    return `${cap(subject.text)} ${auxSaid} ${w}${after ? ` ${after}` : ''}`;
  }
  // "scan code-barres obligatoire à l’emballage": a rule now in force.
  const rule = /^(.+?)\s+(obligatoire|interdit|interdite|bloqué|bloquée|désactivé|désactivée|activé|activée)(?![\p{L}])((?:\s+(?:à|au|aux|pour|dès|lors|avant|après|sur|dans)(?![\p{L}]).*)?)$/iu.exec(t);
  if (rule && role === 'commitment') {
    const s = subjectOf(rule[1]!.split(/\s+/u), 'cause');
    if (s) return `${cap(s.text)} ${s.pl ? 'sont' : 'est'} désormais ${rule[2]}${rule[3]}`;
  }
  // A change typed as a thing ("validation par 2 personnes avant chaque envoi"): we put it in place.
  if (role === 'commitment' && /^\p{Ll}{3,}/u.test(t) && words.length >= 2 && !DET.test(words[0]!) && words.length <= 12 && !FINITE.test(sentence) && !ADVERB_START.test(t)) {
    const g = genderOf((ADJ_BEFORE.test(words[0]!) ? words[1] ?? words[0]! : words[0]!).toLowerCase());
    return `Nous mettons en place ${article('indef', g, words[0]!)}${t}`;
  }
  return undefined;
}

/** A French note for the part it plays in a letter, as sentences; text no rule reads for sure stays as typed. */
export function frenchNote(text: string, role: NoteRoleI18n | 'when'): string {
  if (text.trim() === '') return text;
  let typed = shorthand(text);
  if (role === 'when') return typed;
  // "+" joins two notes: two pieces (an offer reads its own "+").
  if (role !== 'remedy') typed = typed.replace(/\s\+\s/gu, ', ');
  else if (!offer(typed.replace(/\s\+\s/gu, ' et '))) typed = typed.replace(/\s\+\s/gu, ', ');
  else typed = typed.replace(/\s\+\s/gu, ' et ');
  // "méfiance si appel, sms ou mail …" → "Méfiez-vous de tout appel, SMS ou e-mail …"; "si …, merci de …".
  typed = typed
    .replace(/(?<![\p{L}])méfiance si (?=appel|SMS|e-mail|message|courrier|lettre)/giu, 'Méfiez-vous de tout ')
    .replace(/(?<![\p{L}])méfiance(?:\s*:)?\s+/giu, 'Méfiez-vous de ')
    .replace(/((?:^|[.!?]\s+)si\s[^,.]+?)\s+(merci de|veuillez|nous vous|appelez|contactez|écrivez)(?![\p{L}])/giu, '$1, $2');
  const sentences = typed.split(/(?<=[^\d\s.]{2}[.!?])\s+(?=\p{L})/u);
  const out: string[] = [];
  for (const s of sentences) {
    const end = /[.!?]$/u.exec(s)?.[0] ?? '';
    const body = end ? s.slice(0, -1) : s;
    const asked = role === 'action' ? request(body) : undefined;
    if (asked) {
      out.push(`${cap(asked)}${end || '.'}`);
      continue;
    }
    // i18n14: "BAT validé mais mauvais fichier envoyé à l’impression": two notes joined by "mais", each a clause of its own.
    const but = /^([^,]+?)\s+mais\s+([^,]+)$/u.exec(body);
    if (but && (PAST.has(role) || role === 'outcome')) {
      const a = pieceToClause(but[1]!, role, true);
      const b = pieceToClause(but[2]!, role, true);
      if (a !== undefined && b !== undefined) {
        out.push(`${cap(a)}, mais ${/^\p{Lu}\p{Ll}/u.test(b) ? b[0]!.toLowerCase() + b.slice(1) : b}${end || '.'}`);
        continue;
      }
    }
    const parts = pieces(body);
    const said = parts.map((p, k) => (continues(parts, k) ? undefined : pieceToClause(p, role, parts.length === 1 || role === 'remedy', parts.length === 1, body)))
      .map((x, k) => (x !== undefined && x.replace(/\.$/u, '').toLowerCase() === parts[k]!.trim().replace(/\.$/u, '').toLowerCase() ? undefined : x));
    if (said.every((x) => x === undefined)) {
      out.push(cap(s));
      continue;
    }
    let sentence = '';
    for (let i = 0; i < parts.length; i++) {
      const made = said[i];
      const part = parts[i]!.trim();
      if (made !== undefined) sentence += i === 0 ? cap(made) : `. ${cap(made)}`;
      // "…, commandes du 18 au 20 novembre": which orders.
      else if (i > 0 && /^commandes? (?:passées? )?du \S+ au /iu.test(part)) sentence += `, pour ${role === 'mistake' ? 'les commandes passées' : 'les commandes passées'} ${part.replace(/^commandes? (?:passées? )?/iu, '')}`;
      // "…est parti ce matin" + "arrive jeudi": a verb with its subject left out goes on with "et".
      else if (i > 0 && said[i - 1] !== undefined && /^(?:arrive|arrivera|arrivent|arriveront|part|partira|sera|seront|reste|restera)(?![\p{L}])/u.test(part)) sentence += ` et ${part}`;
      // "…a été effectué" + "visible sous 3 jours": it will be.
      else if (i > 0 && said[i - 1] !== undefined && /^(?:visible|visibles|disponible|disponibles|valable|valables|actif|active|utilisable|utilisables)(?![\p{L}])/u.test(part)) {
        const head = /^(?:\p{Lu}\p{Ll}*|[Ll]’)\s?(?:(?:nouveau|nouvelle|bon|bonne|mauvais|mauvaise)\s+)?([\p{L}-]+)/u.exec(said[i - 1]!.replace(/^(?:Votre|Notre|Le|La|Les|Vos|Nos|Un|Une)\s/u, ''));
        const g = genderOf((head?.[1] ?? '').toLowerCase());
        sentence += `. ${g.pl ? (g.f ? 'Elles' : 'Ils') : g.f ? 'Elle' : 'Il'} ${g.pl ? 'seront' : 'sera'} ${part}`;
      }
      else sentence += i === 0 ? part : `, ${part}`;
    }
    out.push(`${cap(sentence)}${end || '.'}`);
  }
  // The field opens as typed (lower case after "Lo que pasó :" or "Ce qui s’est passé :"); the letter sets the capital where a sentence starts.
  // i18n13: "résa" written out once the note is read (the note rules know the short word).
  const said = startNumbers(out.join(' ')).replace(/(?<![\p{L}])résa(s?)(?![\p{L}])/gu, 'réservation$1');
  return /^\p{Ll}/u.test(text.trim()) ? said[0]!.toLowerCase() + said.slice(1) : said;
}

const SMALL = ['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'];
/** A sentence does not open with a figure: "2 tailles ont été…" → "Deux tailles ont été…" (two to twelve). */
function startNumbers(text: string): string {
  return figuresAsWords(text, SMALL);
}

/**
 * i18n16: nouns a manager pastes side by side ("planning technicien", "réservation navette", "actualización servidor",
 * "obra baño", "update server", "abrechnungssoftware umstellung") joined the way the language joins them, with the
 * preposition and article a native writes: "planning du technicien", "réservation de la navette", "actualización del
 * servidor", "obra del baño", "Update des Servers", "Umstellung der Abrechnungssoftware".
 *
 * Only where both words are nouns a word list knows (or end the way only nouns end: "-tion", "-ción", "-ung"), so an
 * adjective typed after its noun ("confirmation écrite", "cambio horario", "clase personal") is never taken for one.
 * A noun made from a verb, a plural or a kind of thing after its noun is linked bare ("erreur de saisie", "logiciel de
 * commande", "pedido de azulejos", "clase de spinning"); a particular thing with its article ("du compteur", "del baño").
 */
import { germanNoun } from './nouns-de.js';

/* ------------------------------------------------------------------ French */

const FR_M = new Set('aéroport planning technicien prestataire logiciel index compteur montant suivi contrôle client fichier serveur site système devis départ retour envoi paiement prélèvement remboursement dossier courrier magasin stock entrepôt chauffeur livreur panier compte abonnement taxi transfert bon appel rappel colis verre bordereau formulaire agenda rendez-vous créneau passage technicien véhicule camion entretien traitement virement relevé contrat tarif catalogue produit article modèle code lot'.split(' '));
const FR_F = new Set('réservation navette commande saisie confirmation livraison facture adresse étiquette fusion erreur vérification préparation agence équipe base liste application appli plateforme date fiche caisse boutique carte intervention chaudière demande relance mutuelle banque mise installation réparation pièce expédition annulation modification validation transmission mise-à-jour imprimante chambre table salle séance consultation prescription ordonnance'.split(' '));
/** Nouns made from a verb or naming a kind: linked bare ("erreur de saisie", "logiciel de commande"). */
const FR_KIND = /^(?:saisie|commande|fusion|livraison|paiement|facturation|réservation|confirmation|préparation|vérification|contrôle|suivi|transport|stockage|maintenance|sécurité|caisse|gestion|planning|expédition|annulation|validation|transmission|rappel|relance|paie|test)$/u;
/** Nouns made from a verb: a plural after them is "des" ("suivi des commandes"), a thing "du/de la". */
const FR_ACT = /^(?:\p{L}+(?:tion|sion|age|ment)|suivi|contrôle|saisie|commande|vérif|réservation|fusion|transfert|envoi|retour|traitement|appel|rappel|relance)$/u;
const FR_PLURAL = /^(?:\p{L}+[sx])$/u;

function frNoun(w: string): 'm' | 'f' | 'pl' | undefined {
  if (FR_M.has(w) && w !== 'colis' && w !== 'index' && w !== 'devis') return 'm';
  if (w === 'colis' || w === 'index' || w === 'devis' || w === 'rendez-vous') return 'm';
  if (FR_F.has(w)) return 'f';
  if (FR_PLURAL.test(w)) {
    const one = w.replace(/(?:s|x)$/u, '');
    if (FR_M.has(one) || FR_F.has(one) || w === 'lunettes' || w === 'données') return 'pl';
  }
  if (/^\p{Ll}{3,}(?:tion|sion)$/u.test(w)) return 'f';
  return undefined;
}

export function frenchNounLinks(text: string): string {
  const words = text.split(/(\s+)/u);
  const typed = [...words];
  let first = true;
  for (let i = 0; i + 2 < words.length; i += 2) {
    const a = typed[i]!;
    const b = typed[i + 2]!.replace(/[,.;:)]+$/u, '');
    let gb = frNoun(b);
    // "confirmation écrite prestataire": the adjective stays with its noun, the second noun is linked after it.
    if (frNoun(a) && !gb && /^\p{Ll}{3,}(?:elle|el|ale|al|aux|ique|iques|ive|if)$/u.test(b) && !/[,.;:)]$/u.test(typed[i + 2]!) && i + 4 < words.length && frNoun(typed[i + 4]!.replace(/[,.;:)]+$/u, '')) && frNoun(typed[i + 4]!.replace(/[,.;:)]+$/u, '')) !== 'pl') {
      const c = typed[i + 4]!;
      const cv = /^[aeiouyéèêàâîôûh]/iu.test(c);
      words[i + 4] = `${FR_KIND.test(c) ? (cv ? 'd’' : 'de ') : cv ? 'de l’' : frNoun(c.replace(/[,.;:)]+$/u, '')) === 'f' ? 'de la ' : 'du '}${c}`;
      i += 2;
      first = false;
      continue;
    }
    // "relation client", "service client", "espace client": a set phrase, as French writes it.
    if (!frNoun(a) || !gb || /[,.;:)]$/u.test(a) || a === b || /^clients?$/u.test(b)) {
      first = true;
      continue;
    }
    const vowel = /^[aeiouyéèêàâîôûh]/iu.test(b);
    const bare = vowel ? 'd’' : 'de ';
    const link = gb === 'pl' ? (first && FR_ACT.test(a) ? 'des ' : bare) : FR_KIND.test(b) ? bare : vowel ? 'de l’' : gb === 'f' ? 'de la ' : 'du ';
    words[i + 2] = `${link}${typed[i + 2]}`;
    first = false;
  }
  return words.join('');
}

/* ------------------------------------------------------------------ Spanish */

const ES_NOUNS = new Set('error obra baño clase pedido material fallo almacén aviso app aplicación email correo plantilla tienda servidor cliente datos cambio cita monitor reserva factura recibo cuota cobro envío entrega paquete taller bici bicicleta cocina web página portal sistema agenda ruta transportista proveedor técnico equipo oficina cuenta tarjeta mesa sofá habitación sala piscina gimnasio curso matrícula horario presupuesto azulejo azulejos reforma fontanero pintura puerta ventana mueble etiqueta etiquetas caja cajas línea teléfono llamada dirección contraseña base certificado copia seguridad'.split(' '));
/** Kinds, activities and mass nouns: linked bare ("clase de spinning", "pedido de material", "plantilla de email"). */
const ES_KIND = new Set('spinning yoga pilates zumba natación piano guitarra inglés baile material email correo seguridad recuperación datos trabajo obra pago'.split(' '));
const ES_NOT_AFTER = new Set(['web', 'horario', 'personal', 'gratis', 'nuevo', 'nueva', 'doble', 'online', 'urgente', 'manual', 'automático', 'automática', 'mensual', 'semanal', 'diario', 'diaria', 'total']);
const ES_FEM = /^(?:\p{L}*(?:ción|sión|dad|tad|tud|umbre|ie)|clase|llave|tarde|noche|gente|parte|calle|red|web|app|factura|mercancía|piel|pasarela|base|copia)$/u;

function esNoun(w: string): boolean {
  return ES_NOUNS.has(w) || ES_KIND.has(w) || /^\p{Ll}{3,}(?:ción|sión|miento)$/u.test(w) || (/s$/u.test(w) && (ES_NOUNS.has(w.slice(0, -1)) || ES_NOUNS.has(w.replace(/es$/u, ''))));
}

export function spanishNounLinks(text: string): string {
  const words = text.split(/(\s+)/u);
  const typed = [...words];
  for (let i = 0; i + 2 < words.length; i += 2) {
    const a = typed[i]!;
    const b = typed[i + 2]!;
    if (!esNoun(a) || /[,.;:)]$/u.test(a)) continue;
    // "datos otro cliente" → "datos de otro cliente".
    if (/^(?:otro|otra|otros|otras)$/u.test(b) && i + 4 < words.length && esNoun(typed[i + 4]!.replace(/[,.;:)]+$/u, ''))) {
      words[i + 2] = `de ${b}`;
      continue;
    }
    const bare = b.replace(/[,.;:)]+$/u, '');
    if (!esNoun(bare) || ES_NOT_AFTER.has(bare) || bare === a) continue;
    const plural = /(?:os|as|es)$/u.test(bare) && bare !== 'datos';
    let link: string;
    const fem = ES_FEM.test(bare) || (/a$/u.test(bare) && !/^(?:sistema|problema|programa|día|mapa|tema)$/u.test(bare));
    if (ES_KIND.has(bare) || plural || /(?:ción|sión|miento)$/u.test(bare)) link = 'de ';
    // "error plantilla" → "error en la plantilla": where the error was.
    else if (/^(?:error|errores)$/u.test(a) && /^(?:plantilla|factura|sistema|app|web|página|base|configuración|dirección|fichero|archivo)$/u.test(bare)) link = fem ? 'en la ' : 'en el ';
    else link = ES_FEM.test(bare) || (/a$/u.test(bare) && !/^(?:sistema|problema|programa|día|mapa|tema)$/u.test(bare)) ? 'de la ' : 'del ';
    words[i + 2] = `${link}${b}`;
  }
  return words.join('');
}

/* ------------------------------------------------------------------ German */

const DE_SKIP = /^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Uhr|Std|Stunden?|Tage?n?|Wochen?|Minuten?|Euro|EUR|Ihr|Ihre|Ihren|Ihrem|Ihrer|Sie)$/u;

function deGenitive(w: string): string {
  const n = germanNoun(w);
  if (!n) return w;
  if (n.plural || n.gender === 'f') return `der ${w}`;
  if (/(?:s|x|z|ß)$/u.test(w)) return `des ${w}es`;
  return `des ${w}s`;
}

/** The head of two German nouns typed side by side: a noun made from a verb ("Umstellung", "Abgleich") typed second is the head. */
const DE_ACT = /(?:ung|ion|prüfung|kontrolle|abgleich|check|start|ende)$/u;

export function germanNounLinks(text: string): string {
  // "Gutschrift 1 Monatsgebühr" → "Gutschrift über eine Monatsgebühr".
  text = text.replace(/(?<![\p{L}])(Gutschrift|Gutschein|Rabatt|Nachlass|Erstattung) (?:1|ein|eine) (\p{Lu}[\p{L}-]+)(?![\p{L}])/gu, (m, a: string, b: string) => {
    const n = germanNoun(b);
    return n && !n.plural ? `${a} über ${n.gender === 'f' ? 'eine' : 'einen'} ${b}` : m;
  });
  return text.replace(/(?<![\p{L}-])(\p{Lu}[\p{L}-]+) (\p{Lu}[\p{L}-]+)(?![\p{L}/+-])/gu, (m, a: string, b: string, at: number) => {
    if (DE_SKIP.test(a) || DE_SKIP.test(b)) return m;
    const na = germanNoun(a);
    const nb = germanNoun(b);
    // A plural after a noun starts a phrase of its own ("durch die Abbuchung Bankgebühren entstanden").
    if (!na || !nb || nb.plural) return m;
    // A name typed after its noun ("Hotel Seeblick", "Praxis Am Markt") is no second noun: both must be listed.
    const before = text.slice(0, at);
    if (/(?:über|von|vom|zum|zur|mit|bei|im|am)\s$/u.test(before)) return m;
    if (DE_ACT.test(b.toLowerCase()) && !DE_ACT.test(a.toLowerCase())) return `${b} ${deGenitive(a)}`;
    return `${a} ${deGenitive(b)}`;
  }).replace(/(?<=(?:des|der) \p{Lu}[\p{L}-]+) und (\p{Lu}[\p{L}-]+)(?![\p{L}-])/gu, (m, c: string) => (germanNoun(c) && !DE_SKIP.test(c) ? ` und ${deGenitive(c)}` : m));
}

export function nounLinks(text: string, lang: string): string {
  if (lang === 'fr') return frenchNounLinks(text);
  if (lang === 'es') return spanishNounLinks(text);
  if (lang === 'de') return germanNounLinks(text);
  return text;
}

/**
 * i18n16: a German mistake of ours said in the passive ("Ihre Bestellung wurde falsch verschickt.") said as our act
 * ("Wir haben Ihre Bestellung falsch verschickt."), for the acts a business does to a customer's thing; a thing that
 * happened on its own ("wurde beschädigt") stays as it is.
 */
const DE_OUR_ACTS = /^(?:verschickt|versandt|versendet|geliefert|berechnet|abgebucht|eingezogen|gestellt|eingepackt|verpackt|storniert|gelöscht|vergeben|verwechselt|vertauscht|vergessen|übersehen|verschoben|abgesagt|falsch\p{L}*)$/u;
export function germanWeDid(text: string): string {
  return text.replace(/(^|[.!?]\s+)(Ihre?|Der|Die|Das) (\p{Lu}[\p{L}-]*) (wurde|wurden) ((?:[\p{Ll}\d.]+ ){0,4}?)(\p{Ll}+)\./gu, (m, lead: string, det: string, noun: string, aux: string, mid: string, part: string) => {
    if (!DE_OUR_ACTS.test(part) || /(?:^|\s)(?:von|durch|nicht)\s/u.test(` ${mid}`)) return m;
    const n = germanNoun(noun);
    if (!n || (aux === 'wurden') !== n.plural) return m;
    const acc = det === 'Ihr' ? (n.gender === 'm' ? 'Ihren' : 'Ihr') : det === 'Ihre' ? 'Ihre' : det === 'Der' ? (n.gender === 'm' && !n.plural ? 'den' : 'die') : det.toLowerCase();
    return `${lead}Wir haben ${acc} ${noun} ${mid}${part}.`;
  });
}

/**
 * The support brief's own words in each built-in language (the brief is written in
 * the incident's `locale`: the support team reads the letter their customers got).
 * English is the reference; every language has every key.
 */
export interface BriefWords {
  title: (company: string, id: string) => string;
  scenario: string; severity: string; affected: (people: string) => string; signed: string; team: string;
  audience: string; business: string; consumer: string; language: string;
  happened: string; mistake: string; when: string; why: string; scale: string;
  dataExposed: string; notStated: string; found: string; contained: string; authority: string; reference: string;
  promised: string; change: string; status: string; standNow: string; mustDo: string; nothingAsked: string;
  remedy: string; realPerson: string; noOffer: string; person: (contact: string) => string; phone: string; email: string;
  followUp: string; followUpDue: (date: string, after: string) => string; noFollowUp: string;
  everyCustomer: string; mayOffer: string;
  discretion: Record<string, string>;
  ourWords: string; listen: string; callBack: string; neverAsk: string; whichData: (signer: string) => string; beyond: (signer: string) => string;
  humourTitle: string; humourLines: string; noHumour: (why: string) => string; exposureNever: string; businessNever: string; sensitiveNever: string; factsNever: string; severityWord: (s: string) => string;
  notified: string; counts: (sent: string, failed: string, doubt: string, path: string) => string; followUpsSent: (n: string, one: boolean) => string;
  edited: (fields: string) => string;
  done: string; inProgress: string; planned: string; due: (date: string) => string; noDate: string;
  sayUnderWay: (what: string) => string;
}

export const BRIEF_WORDS: Readonly<Record<string, BriefWords>> = {
  en: {
    title: (c, id) => `# Support brief: ${c}, incident ${id}`,
    scenario: 'Scenario', severity: 'Severity', affected: (p) => `${p} affected`, signed: 'Signed by', team: ' (a team: the letter says "we")',
    audience: 'Audience', business: 'business (plain and factual, no humour)', consumer: 'consumer', language: 'Language',
    happened: 'What happened', mistake: 'The mistake', when: 'When', why: 'Why', scale: 'Scale',
    dataExposed: 'Data exposed', notStated: 'not stated (add exposure.data)', found: 'Found', contained: 'Contained', authority: 'Authority told', reference: 'Reference customers may quote',
    promised: 'What we promised', change: 'The change', status: 'Its status', standNow: 'Where they stand now', mustDo: 'What they have to do', nothingAsked: 'nothing was asked of them',
    remedy: 'The remedy', realPerson: 'A real person', noOffer: 'no standard offer; "tell us and we will make it right"', person: (c) => `customers were told to reply${c ? ` or use ${c}` : ''}, and that a person will sort it out.`, phone: 'phone', email: 'email',
    followUp: 'Follow-up', followUpDue: (d, a) => `due ${d} (${a} after sending)`, noFollowUp: 'promised, with no date set (add followUp.after)',
    everyCustomer: 'Every customer got this message (their name and orders filled in):', mayOffer: 'What you may offer on your own',
    discretion: {
      refund: 'Refund the affected amount in full when a customer asks, with no proof needed and no argument about it.',
      credit: 'If the credit is missing from an account, apply it while the customer is with you. For someone hit harder than most, you may add the same amount again.',
      coupon: 'Resend the code if it is lost, and extend its expiry if it has run out.',
      replacement: 'Send the replacement by the fastest option at our cost, without waiting for the wrong item to come back.',
      upgrade: 'Apply the upgrade if it is missing, and backdate it to the day of the incident.',
      'waived-fee': 'Waive the fee, and any charge that followed from it (late fees, bank charges the customer tells you about).',
      none: 'There is no standard offer. For a customer who lost money or time, you may refund shipping or add a small credit; ask before offering more.',
    },
    ourWords: 'Use our words: it was our mistake. Never blame the courier, a supplier, the weather or the customer.',
    listen: 'Listen first, then say what we changed; do not argue about the cause.',
    callBack: 'If you cannot resolve it on the call, take a number and call back within one working day.',
    neverAsk: 'Never ask for a password or a full card number. Verify identity the usual way.',
    whichData: (s) => `Questions about exactly which data was exposed go to ${s}.`, beyond: (s) => `Anything beyond this: ask ${s}.`,
    humourTitle: 'The humour promise', humourLines: 'Every customer got this line. If they take us up on it, play along: it is part of the apology.',
    noHumour: (w) => `No humour was used (${w}). Keep the tone calm and factual.`, exposureNever: 'a data exposure never jokes', businessNever: 'a business letter never jokes', sensitiveNever: 'it touches health, grief or a once-in-a-lifetime day', factsNever: 'money, a loss, a special day or a named colleague is involved', severityWord: (s) => `severity ${s}`,
    notified: 'Customers notified', counts: (s, f, d, p) => `${s} sent, ${f} failed, ${d} in doubt (from ${p}).`, followUpsSent: (n, one) => `${n} follow-up${one ? '' : 's'} sent.`,
    edited: (f) => `The incident was edited since the journal last recorded it (${f}): earlier customers got the text before the edit.`,
    done: 'done: it is in place now, and you may say so', inProgress: 'in progress', planned: 'planned', due: (d) => `due ${d}`, noDate: 'no date given (add commitmentDue)',
    sayUnderWay: (w) => `say it is ${w === 'planned' ? 'planned' : 'under way'}, never that it is in place`,
  },
  de: {
    title: (c, id) => `# Briefing für den Kundenservice: ${c}, Vorfall ${id}`,
    scenario: 'Szenario', severity: 'Schwere', affected: (p) => `Betroffene ${p}`, signed: 'Unterschrieben von', team: ' (ein Team: der Brief sagt „wir“)',
    audience: 'Zielgruppe', business: 'Geschäftskunden (sachlich, ohne Humor)', consumer: 'Privatkunden', language: 'Sprache',
    happened: 'Was passiert ist', mistake: 'Der Fehler', when: 'Wann', why: 'Warum', scale: 'Umfang',
    dataExposed: 'Betroffene Daten', notStated: 'nicht angegeben (exposure.data ergänzen)', found: 'Entdeckt', contained: 'Eingedämmt', authority: 'Gemeldet an', reference: 'Referenz für Kundenanfragen',
    promised: 'Was wir versprochen haben', change: 'Die Änderung', status: 'Ihr Stand', standNow: 'Wo die Kundschaft jetzt steht', mustDo: 'Was die Kundschaft tun muss', nothingAsked: 'nichts',
    remedy: 'Die Wiedergutmachung', realPerson: 'Ein Mensch', noOffer: 'kein Standardangebot; „sagen Sie uns Bescheid, dann machen wir es wieder gut“', person: (c) => `Die Kundschaft kann auf die E-Mail antworten${c ? ` oder ${c} nutzen` : ''}; ein Mensch kümmert sich darum.`, phone: 'Telefon', email: 'E-Mail',
    followUp: 'Nachfassen', followUpDue: (d, a) => `fällig am ${d} (${a} nach dem Versand)`, noFollowUp: 'versprochen, ohne Datum (followUp.after ergänzen)',
    everyCustomer: 'Alle Betroffenen haben diese Nachricht erhalten (mit ihrem Namen und ihren Bestellungen):', mayOffer: 'Was Sie selbst anbieten dürfen',
    discretion: {
      refund: 'Erstatten Sie den betroffenen Betrag auf Nachfrage vollständig, ohne Nachweis und ohne Diskussion.',
      credit: 'Fehlt die Gutschrift auf einem Konto, buchen Sie sie noch während des Gesprächs. Wer stärker betroffen war als die meisten, darf denselben Betrag noch einmal erhalten.',
      coupon: 'Schicken Sie einen verlorenen Code erneut und verlängern Sie ihn, wenn er abgelaufen ist.',
      replacement: 'Schicken Sie den Ersatz auf dem schnellsten Weg auf unsere Kosten, ohne auf die Rücksendung des falschen Artikels zu warten.',
      upgrade: 'Fehlt das Upgrade, schalten Sie es frei, rückwirkend zum Tag des Vorfalls.',
      'waived-fee': 'Erlassen Sie die Gebühr und alle Folgekosten (Mahngebühren, Bankgebühren, von denen die Kundschaft berichtet).',
      none: 'Es gibt kein Standardangebot. Wer Geld oder Zeit verloren hat, dem dürfen Sie die Versandkosten erstatten oder eine kleine Gutschrift geben; fragen Sie, bevor Sie mehr anbieten.',
    },
    ourWords: 'Bleiben Sie bei unseren Worten: Es war unser Fehler. Geben Sie nie dem Paketdienst, einem Lieferanten, dem Wetter oder der Kundschaft die Schuld.',
    listen: 'Erst zuhören, dann sagen, was wir geändert haben; nicht über die Ursache streiten.',
    callBack: 'Wenn Sie es im Gespräch nicht lösen können, notieren Sie die Nummer und rufen Sie innerhalb eines Werktags zurück.',
    neverAsk: 'Fragen Sie nie nach einem Passwort oder einer vollständigen Kartennummer. Prüfen Sie die Identität wie üblich.',
    whichData: (s) => `Fragen dazu, welche Daten genau betroffen waren, gehen an ${s}.`, beyond: (s) => `Alles, was darüber hinausgeht: fragen Sie ${s}.`,
    humourTitle: 'Das Humor-Versprechen', humourLines: 'Jede Kundin und jeder Kunde hat diese Zeile bekommen. Wenn jemand darauf eingeht, spielen Sie mit: Das gehört zur Entschuldigung.',
    noHumour: (w) => `Kein Humor (${w}). Bleiben Sie ruhig und sachlich.`, exposureNever: 'bei einem Datenschutzvorfall wird nie gescherzt', businessNever: 'ein Geschäftsbrief scherzt nie', sensitiveNever: 'es geht um Gesundheit, Trauer oder einen einmaligen Tag', factsNever: 'es geht um Geld, einen Verlust, einen besonderen Tag oder einen Kollegen', severityWord: (s) => `Schwere ${s}`,
    notified: 'Benachrichtigte Kundschaft', counts: (s, f, d, p) => `${s} gesendet, ${f} fehlgeschlagen, ${d} ungewiss (laut ${p}).`, followUpsSent: (n, one) => `${n} ${one ? 'Nachfass-E-Mail' : 'Nachfass-E-Mails'} gesendet.`,
    edited: (f) => `Der Vorfall wurde geändert, seit das Journal ihn zuletzt erfasst hat (${f}): frühere Empfänger haben den Text vor der Änderung erhalten.`,
    done: 'erledigt: Die Änderung ist umgesetzt, und das dürfen Sie sagen', inProgress: 'in Arbeit', planned: 'geplant', due: (d) => `fällig am ${d}`, noDate: 'kein Datum angegeben (commitmentDue ergänzen)',
    sayUnderWay: (w) => `sagen Sie, dass sie ${w === 'planned' ? 'geplant' : 'in Arbeit'} ist, nie, dass sie schon umgesetzt ist`,
  },
  fr: {
    title: (c, id) => `# Note pour le service client : ${c}, incident ${id}`,
    scenario: 'Scénario', severity: 'Gravité', affected: (p) => `${p} concernés`, signed: 'Signé par', team: ' (une équipe : la lettre dit « nous »)',
    audience: 'Public', business: 'professionnels (sobre et factuel, sans humour)', consumer: 'particuliers', language: 'Langue',
    happened: 'Ce qui s’est passé', mistake: 'L’erreur', when: 'Quand', why: 'Pourquoi', scale: 'Ampleur',
    dataExposed: 'Données exposées', notStated: 'non précisé (ajoutez exposure.data)', found: 'Découvert', contained: 'Circonscrit', authority: 'Autorité informée', reference: 'Référence à citer par les clients',
    promised: 'Ce que nous avons promis', change: 'Le changement', status: 'Où il en est', standNow: 'La situation des clients', mustDo: 'Ce que les clients doivent faire', nothingAsked: 'rien',
    remedy: 'Le geste commercial', realPerson: 'Une vraie personne', noOffer: 'pas d’offre standard ; « dites-le-nous et nous arrangerons les choses »', person: (c) => `Les clients peuvent répondre à l’e-mail${c ? ` ou utiliser ${c}` : ''} ; une vraie personne s’en occupe.`, phone: 'téléphone', email: 'e-mail',
    followUp: 'Relance', followUpDue: (d, a) => `prévue le ${d} (${a} après l’envoi)`, noFollowUp: 'promise, sans date (ajoutez followUp.after)',
    everyCustomer: 'Chaque client a reçu ce message (avec son nom et ses commandes) :', mayOffer: 'Ce que vous pouvez proposer de vous-même',
    discretion: {
      refund: 'Remboursez intégralement le montant concerné si le client le demande, sans justificatif ni discussion.',
      credit: 'Si l’avoir manque sur un compte, ajoutez-le pendant l’échange. Pour un client plus touché que les autres, vous pouvez ajouter le même montant une seconde fois.',
      coupon: 'Renvoyez le code s’il est perdu, et prolongez-le s’il a expiré.',
      replacement: 'Envoyez le remplacement par le moyen le plus rapide, à nos frais, sans attendre le retour du mauvais article.',
      upgrade: 'Activez le surclassement s’il manque, avec effet au jour de l’incident.',
      'waived-fee': 'Annulez les frais, ainsi que tous ceux qui en ont découlé (pénalités, frais bancaires signalés par le client).',
      none: 'Il n’y a pas d’offre standard. Pour un client qui a perdu de l’argent ou du temps, vous pouvez rembourser la livraison ou accorder un petit avoir ; demandez avant d’offrir davantage.',
    },
    ourWords: 'Reprenez nos mots : c’était notre erreur. N’accusez jamais le transporteur, un fournisseur, la météo ou le client.',
    listen: 'Écoutez d’abord, puis expliquez ce que nous avons changé ; ne discutez pas de la cause.',
    callBack: 'Si vous ne pouvez pas régler le problème pendant l’appel, notez le numéro et rappelez dans un délai d’un jour ouvré.',
    neverAsk: 'Ne demandez jamais un mot de passe ni un numéro de carte complet. Vérifiez l’identité comme d’habitude.',
    whichData: (s) => `Les questions sur les données exactement concernées sont à adresser à ${s}.`, beyond: (s) => `Pour tout le reste : demandez à ${s}.`,
    humourTitle: 'La promesse d’humour', humourLines: 'Chaque client a reçu cette phrase. S’il vous prend au mot, jouez le jeu : cela fait partie des excuses.',
    noHumour: (w) => `Pas d’humour (${w}). Restez calme et factuel.`, exposureNever: 'on ne plaisante jamais sur une fuite de données', businessNever: 'une lettre professionnelle ne plaisante jamais', sensitiveNever: 'il s’agit de santé, de deuil ou d’un jour unique', factsNever: 'il s’agit d’argent, d’une perte, d’un jour particulier ou d’un collègue', severityWord: (s) => `gravité ${s}`,
    notified: 'Clients informés', counts: (s, f, d, p) => `${s} envoyés, ${f} en échec, ${d} incertains (d’après ${p}).`, followUpsSent: (n, one) => `${n} ${one ? 'relance envoyée' : 'relances envoyées'}.`,
    edited: (f) => `L’incident a été modifié depuis la dernière entrée du journal (${f}) : les premiers clients ont reçu le texte d’avant.`,
    done: 'fait : c’est en place, et vous pouvez le dire', inProgress: 'en cours', planned: 'prévu', due: (d) => `pour le ${d}`, noDate: 'aucune date (ajoutez commitmentDue)',
    sayUnderWay: (w) => `dites que c’est ${w === 'planned' ? 'prévu' : 'en cours'}, jamais que c’est en place`,
  },
  es: {
    title: (c, id) => `# Nota para el equipo de atención al cliente: ${c}, incidente ${id}`,
    scenario: 'Escenario', severity: 'Gravedad', affected: (p) => `${p} afectados`, signed: 'Firmado por', team: ' (un equipo: la carta habla en plural)',
    audience: 'Destinatarios', business: 'empresas (sobrio y factual, sin humor)', consumer: 'particulares', language: 'Idioma',
    happened: 'Qué pasó', mistake: 'El error', when: 'Cuándo', why: 'Por qué', scale: 'Alcance',
    dataExposed: 'Datos expuestos', notStated: 'no indicado (añada exposure.data)', found: 'Descubierto', contained: 'Contenido', authority: 'Autoridad notificada', reference: 'Referencia que pueden citar los clientes',
    promised: 'Qué prometimos', change: 'El cambio', status: 'Su estado', standNow: 'Situación actual de los clientes', mustDo: 'Qué tienen que hacer los clientes', nothingAsked: 'nada',
    remedy: 'La compensación', realPerson: 'Una persona', noOffer: 'sin oferta estándar; «díganoslo y lo arreglaremos»', person: (c) => `Los clientes pueden responder al correo${c ? ` o usar ${c}` : ''}; una persona se encarga.`, phone: 'teléfono', email: 'correo',
    followUp: 'Seguimiento', followUpDue: (d, a) => `previsto el ${d} (${a} después del envío)`, noFollowUp: 'prometido, sin fecha (añada followUp.after)',
    everyCustomer: 'Todos los clientes recibieron este mensaje (con su nombre y sus pedidos):', mayOffer: 'Qué puede ofrecer usted por su cuenta',
    discretion: {
      refund: 'Devuelva el importe afectado completo si el cliente lo pide, sin pedir pruebas ni discutir.',
      credit: 'Si falta el saldo a favor en una cuenta, añádalo mientras atiende al cliente. A quien se haya visto más afectado que la mayoría puede sumarle el mismo importe otra vez.',
      coupon: 'Reenvíe el código si se ha perdido, y amplíe su validez si ha caducado.',
      replacement: 'Envíe la sustitución por la vía más rápida, a nuestra cuenta, sin esperar a que se devuelva el artículo equivocado.',
      upgrade: 'Active la mejora si falta, con efecto desde el día del incidente.',
      'waived-fee': 'Anule el cargo y cualquier otro derivado de él (recargos, comisiones bancarias que le comunique el cliente).',
      none: 'No hay oferta estándar. A un cliente que haya perdido dinero o tiempo puede devolverle el envío o darle un pequeño saldo a favor; pregunte antes de ofrecer más.',
    },
    ourWords: 'Use nuestras palabras: fue un error nuestro. No culpe nunca a la empresa de transporte, a un proveedor, al tiempo ni al cliente.',
    listen: 'Escuche primero y luego explique qué hemos cambiado; no discuta sobre la causa.',
    callBack: 'Si no puede resolverlo durante la llamada, anote el número y devuelva la llamada en un día laborable.',
    neverAsk: 'No pida nunca una contraseña ni un número de tarjeta completo. Verifique la identidad como siempre.',
    whichData: (s) => `Las preguntas sobre qué datos exactamente se expusieron van a ${s}.`, beyond: (s) => `Para cualquier otra cosa: pregunte a ${s}.`,
    humourTitle: 'La promesa de humor', humourLines: 'Cada cliente recibió esta frase. Si alguien se lo toma al pie de la letra, sígale el juego: forma parte de la disculpa.',
    noHumour: (w) => `Sin humor (${w}). Mantenga un tono tranquilo y factual.`, exposureNever: 'con una exposición de datos nunca se bromea', businessNever: 'una carta a empresas nunca bromea', sensitiveNever: 'se trata de salud, de un duelo o de un día único', factsNever: 'se trata de dinero, de una pérdida, de un día especial o de un compañero', severityWord: (s) => `gravedad ${s}`,
    notified: 'Clientes notificados', counts: (s, f, d, p) => `${s} enviados, ${f} fallidos, ${d} dudosos (según ${p}).`, followUpsSent: (n, one) => `${n} ${one ? 'seguimiento enviado' : 'seguimientos enviados'}.`,
    edited: (f) => `El incidente se modificó después del último registro del diario (${f}): los primeros clientes recibieron el texto anterior.`,
    done: 'hecho: ya está aplicado, y puede decirlo', inProgress: 'en curso', planned: 'previsto', due: (d) => `para el ${d}`, noDate: 'sin fecha (añada commitmentDue)',
    sayUnderWay: (w) => `diga que está ${w === 'planned' ? 'previsto' : 'en curso'}, nunca que ya está aplicado`,
  },
};

/**
 * German nouns common in a business's notes, with their gender, so a note typed in lower case gets
 * its capitals where a reader is sure of them ("techniker", "dispo", "zeitfenster") and a bare noun
 * its article ("termin nicht umgeplant" → "Der Termin wurde nicht umgeplant"). A compound is read by
 * its last part, as German does ("anfahrtspauschale" → "pauschale", feminine). Words that are also
 * something else in lower case ("morgen", "essen", "recht", "laut") are not listed: they stay as typed.
 */

export type Gender = 'm' | 'f' | 'n';
export interface GermanNoun { gender: Gender; plural: boolean; /** one of ours: staff, a team, a system ("Unser Techniker") */ ours: boolean; /** the listed word it is, or ends in */ head?: string }

// gender: singular forms / plural forms. A "*" marks a noun that is one of ours (our staff, our team, our system).
const LIST: Readonly<Record<Gender, string>> = {
  m: 'beitrag techniker* mechaniker* monteur* fahrer* kurier* mitarbeiter* kollege* support* kundendienst* versand* außendienst* service* lieferant dienstleister server* drucker* scanner* termin auftrag kunde gast patient betrag preis fehler ausfall alarm schwellwert rollback zugang code gutschein rabatt ' +
    'rechnungsbetrag beleg kassenbon bon brief anruf rückruf hinweis status ablauf prozess schritt plan zeitraum zeitpunkt tag monat abend vormittag nachmittag versuch vorgang vorfall schaden wagen transporter lkw karton artikel ' +
    'kalender katalog einkauf verkauf warenkorb check-in checkout login link anhang absender empfänger newsletter verteiler datensatz speicher ordner backup export import test kurs unterricht besuch einsatz kontakt standort laden shop* onlineshop* online-shop* webshop* eingang wareneingang ' +
    'vertrag tarif zuschlag abschlag nachlass ersatz austausch umtausch einbau aufbau abbau transport rückversand versandweg dienst leitstand betrieb kassenabschluss abschluss liefertermin wartungstermin ' +
    'ansprechpartner* disponent* koordinator* chef* leiter* inhaber* händler hersteller paketdienst* zusteller* spediteur* partner mangel grund stoff bezug verlust name scan zahlungsanbieter anbieter nachbar farbton ton stift schlüssel zähler streik abgleich sync schein retourenschein auszug kontoauszug bescheid zustelltermin kurierdienst* platz lauf zettel auftragszettel therapeut* arzt* berater* verkäufer* empfänger',
  f: 'front annahme lackiererei schreinerei* dispo* disposition* zentrale* buchhaltung* werkstatt* abteilung* hotline* filiale* praxis* küche* kasse* kassen-app* app* software* plattform* website* webseite* seite schnittstelle* datenbank* druckerei* anlage* leitung* ' +
    'bestellung lieferung sendung rechnung gutschrift erstattung rückerstattung zahlung kartenzahlung barzahlung überweisung lastschrift abbuchung buchung reservierung anmeldung stornierung kündigung ' +
    'absage zusage nachricht mail e-mail sms info information benachrichtigung meldung kundenmeldung rückmeldung bestätigung mahnung erinnerung anfrage antwort beschwerde reklamation ' +
    'wartung reparatur installation montage lieferadresse adresse anschrift telefonnummer nummer kundennummer bestellnummer transaktions-id id iban karte kreditkarte kundenkarte ' +
    'ware größe farbe menge packung box kiste palette tüte flasche dose torte etikette lieferzeit zeit uhrzeit woche stunde minute frist verspätung verzögerung panne störung ' +
    'gebühr pauschale grundgebühr anfahrtspauschale versandkosten summe prämie strafe version fehlerquote quote tabelle liste datei vorlage unterlage dokumentation anleitung ' +
    'ursache lösung änderung umstellung kontrolle prüfung sicherung verbindung verschlüsselung freigabe sperre bestellbestätigung ersatzlieferung neulieferung lieferfirma firma ' +
    'charge serie ausgabe einheit person kollegin* mitarbeiterin* technikerin* leiterin* inhaberin* kundin patientin route tour fahrt ankunft abfahrt tür tasche jacke hose ' +
    'anfahrt frage grippewelle welle couch matratze lampe heizung therme pumpe kamera maschine ware uhr brille schuhe post rückbuchung vertretung urlaubsvertretung kassensoftware zeile stichprobe zielumgebung umgebung position therapeutin* ärztin* beraterin* verkäuferin* empfängerin',
  n: 'zimmer hotel team* lager* büro* system* planungsprogramm* programm* tool* backoffice* backend* gateway* zahlungs-gateway* terminal* gerät* netz* netzwerk* portal* callcenter* rechenzentrum* update* ' +
    'paket päckchen set produkt teil ersatzteil material zubehör angebot zeitfenster datum fenster konto kundenkonto passwort formular telefonat gespräch ticket etikett label ' +
    'prinzip problem versehen missverständnis ergebnis ereignis verfahren modul feld dokument foto bild video möbel sofa bett regal fahrrad rad auto fahrzeug ' +
    'geld guthaben entgelt porto versandetikett rücksendeetikett abo abonnement mitglied publikum wochenende limit budget monitoring* training probetraining skript storno glas brillenglas',
};

/** Plurals of the listed nouns that are not the singular with -e, -en, -n, -s or -er added. */
const PLURALS: Readonly<Record<string, string>> = {
  gäste: 'gast', fronten: 'front', zimmer: 'zimmer', pakete: 'paket', termine: 'termin', beträge: 'betrag', preise: 'preis', kunden: 'kunde', kundinnen: 'kundin', sets: 'set', boxen: 'box', geräte: 'gerät',
  kassen: 'kasse', gebühren: 'gebühr', versionen: 'version', daten: 'datum', konten: 'konto', schuhe: 'schuh', räder: 'rad', fahrräder: 'fahrrad', möbel: 'möbel', systeme: 'system',
  updates: 'update', aufträge: 'auftrag', mails: 'mail', etiketten: 'etikett', artikel: 'artikel', techniker: 'techniker', mechaniker: 'mechaniker', mitarbeiter: 'mitarbeiter', fahrer: 'fahrer', server: 'server', terminals: 'terminal',
  schwellwerte: 'schwellwert', alarme: 'alarm', fehler: 'fehler', belege: 'beleg', berichte: 'bericht', patienten: 'patient', nachbarn: 'nachbar', zahlungen: 'zahlung', bestellungen: 'bestellung', lieferungen: 'lieferung',
  eingänge: 'eingang', wareneingänge: 'wareneingang', ausgänge: 'ausgang', vorgänge: 'vorgang', vorfälle: 'vorfall', schäden: 'schaden', plätze: 'platz', lagerplätze: 'lagerplatz', zeilen: 'zeile', läufe: 'lauf', gläser: 'glas', brillengläser: 'brillenglas', therapeuten: 'therapeut', ärzte: 'arzt',
};

const INDEX = new Map<string, GermanNoun>();
for (const g of ['m', 'f', 'n'] as const) {
  for (const raw of LIST[g].split(/\s+/u)) {
    if (raw === '') continue;
    const ours = raw.endsWith('*');
    const w = ours ? raw.slice(0, -1) : raw;
    INDEX.set(w, { gender: g, plural: false, ours });
  }
}
for (const [pl, one] of Object.entries(PLURALS)) {
  const n = INDEX.get(one) ?? { gender: 'm' as Gender, plural: false, ours: false };
  // "Techniker", "Artikel": the same form for one and many; read as one (a note names the one who came).
  if (pl !== one) INDEX.set(pl, { ...n, plural: true });
}
/** Plural-looking forms that are verbs far more often ("termin absagen", "wir testen"), or adverbs ("nachmittags", "abends"). */
const VERB_LIKE = new Set('nachmittags vormittags abends tags monats plans absagen zusagen anfragen antworten sperren strafen summen listen pumpen enden stellen testen melden planen teilen touren'.split(' '));
// Regular plurals: feminine -en/-n, masculine and neuter -e/-s (and -n after -e: "Kunde" → "Kunden").
for (const [w, n] of [...INDEX]) {
  if (n.plural) continue;
  const forms = n.gender === 'f' ? [`${w}en`, `${w}n`, `${w}s`] : w.endsWith('e') ? [`${w}n`, `${w}s`] : [`${w}e`, `${w}s`];
  for (const pl of forms) if (!INDEX.has(pl) && !VERB_LIKE.has(pl)) INDEX.set(pl, { ...n, plural: true });
}
// "berichte", "bericht": words only in PLURALS' keys and values.
INDEX.set('bericht', INDEX.get('bericht') ?? { gender: 'm', plural: false, ours: false });
INDEX.set('berichte', { gender: 'm', plural: true, ours: false });

/** Lower-case words that look like a compound's last part but are not nouns there ("gemeldet" ends in "…"). */
// i18n12: a separable verb's infinitive is no compound noun ("runterladen", "hochladen" are not "…laden", a shop).
const NOT_COMPOUND = /^(?:ge|be|ver|er|ent|zer)\p{Ll}*(?:t|en)$|(?:lich|ig|isch|bar|los|sam|weise)$|^(?:runter|herunter|hoch|herauf|rauf|hinauf|raus|heraus|rein|herein|hinein|nach|weiter|zurück|wieder|ab|auf|aus|ein|mit|vor|zu|um|an|dazu|hin|her)(?:laden|setzen|stellen|legen|tragen|holen|bringen|nehmen|geben|schicken|senden|fahren|rufen|melden|buchen|ziehen|lassen|kommen|gehen|sehen)$/u;

/** The noun a lower-case word is, when sure: a listed noun, or a compound that ends in one ("anfahrtspauschale"). */
export function germanNoun(word: string): GermanNoun | undefined {
  const w = word.toLowerCase();
  const own = INDEX.get(w);
  if (own) return { ...own, head: w };

  if (w.length < 7 || NOT_COMPOUND.test(w)) return NOT_COMPOUND.test(w) ? undefined : feminineByEnding(w);
  // A compound: its last part, at least four letters, after at least three ("terminänderung" → "änderung").
  const hyphen = w.lastIndexOf('-');
  if (hyphen > 0) {
    const tail = INDEX.get(w.slice(hyphen + 1));
    return tail && { ...tail, head: w.slice(hyphen + 1) };
  }
  for (let i = 3; i <= w.length - 4; i++) {
    const head = INDEX.get(w.slice(i));
    if (head && w.length - i >= 4) return { ...head, ours: false, head: w.slice(i) };
  }
  return feminineByEnding(w);
}

/** German nouns in -ung, -heit, -keit, -schaft, -tion, -tät are feminine ("einarbeitung", "störungen"). */
function feminineByEnding(w: string): GermanNoun | undefined {
  const fem = /(?:ung|heit|keit|schaft|tion|tät)(en)?$/u.exec(w);
  if (!fem || w.length < 6 || /^(?:jung|genung)$/u.test(w)) return undefined;
  return { gender: 'f', plural: fem[1] !== undefined, ours: false, head: w };
}

/** The article of a noun in the nominative ("der", "die", "das"; "die" for a plural). */
export function germanArticle(n: GermanNoun): string {
  return n.plural ? 'die' : n.gender === 'm' ? 'der' : n.gender === 'f' ? 'die' : 'das';
}

/** "unser", "unsere" in the nominative. */
export function germanOur(n: GermanNoun): string {
  return n.plural || n.gender === 'f' ? 'unsere' : 'unser';
}

/** Things that are the reader's in a letter about their mistake ("Ihr Termin", "Ihre Lieferung"). */
const THEIRS = /^(?:termin|termine|bestellung|bestellungen|lieferung|lieferungen|paket|pakete|sendung|ware|rechnung|wartung|installation|reparatur|montage|buchung|reservierung|karte|konto|kundenkonto|gutschein|set|sets|box|auftrag|abo|abonnement|zahlung|abbuchung|lastschrift|erstattung|rückerstattung|gutschrift|vertrag|tarif|sofa|möbel|fahrrad|rad|torte|kiste|matratze|brille|glas|gläser|brillenglas|brillengläser|geld|betrag|rechnungsbetrag|besuch|kurs)$/u;
export function germanTheirs(n: GermanNoun): boolean {
  return n.head !== undefined && THEIRS.test(n.head);
}

/** "Ihr", "Ihre" in the nominative. */
export function germanYour(n: GermanNoun): string {
  return n.plural || n.gender === 'f' ? 'Ihre' : 'Ihr';
}

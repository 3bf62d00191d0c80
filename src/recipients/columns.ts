import { UsageError } from '../errors.js';
import { presetMap, refuseWithoutEmail, type Preset } from './presets.js';

/** Header names as templates see them: trimmed, lower-cased, spaces and dashes → `_`. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Header names of other exports, compared without accents (`prénom` as `prenom`):
 * English variants, and the names German, French, Spanish and Dutch shop, office
 * and accounting exports use (Excel sheets, WooCommerce and PrestaShop in those
 * languages, DATEV/Lexware-style customer lists).
 */
const ALIASES = new Map<string, string>([
  // email
  ...(['e_mail', 'email_address', 'customer_email', 'e_mail_address', 'billing_email', 'email_(billing)', 'buyer_email', 'purchase_email',
    'billing_email_address', 'email_address_(billing)', 'customer_email_address', 'customer_e_mail', 'contact_email',
    'e_mail_adresse', 'email_adresse', 'mailadresse', 'kunden_e_mail', 'e_mail_(rechnung)', 'e_mail_(facturering)',
    'courriel', 'adresse_e_mail', 'adresse_email', 'adresse_mail', 'adresse_electronique', 'adresse_courriel', 'e_mail_(facturation)',
    'correo', 'correo_electronico', 'email_(facturacion)', 'direccion_de_correo', 'direccion_de_correo_electronico',
    'e_mailadres', 'emailadres', 'e_mail_adres', 'mailadres'] as const).map((k) => [k, 'email'] as [string, string]),
  // name
  ...(['full_name', 'customer_name', 'buyer_name', 'billing_name', 'contact_name',
    'kunde', 'kundenname', 'vollstandiger_name', 'ansprechpartner',
    'nom_complet', 'client', 'nom_du_client', 'nom_client',
    'nombre_completo', 'cliente', 'nombre_del_cliente', 'nombre_y_apellidos',
    'klant', 'klantnaam', 'volledige_naam', 'naam_klant'] as const).map((k) => [k, 'name'] as [string, string]),
  // first_name
  ...(['firstname', 'given_name', 'forename', 'first_name_(billing)', 'vorname', 'prenom', 'nombre_de_pila', 'voornaam',
    'vorname_(rechnung)', 'prenom_(facturation)', 'nombre_(facturacion)', 'voornaam_(facturering)'] as const).map((k) => [k, 'first_name'] as [string, string]),
  // last_name
  ...(['lastname', 'surname', 'family_name', 'last_name_(billing)', 'nachname', 'familienname', 'nom_de_famille', 'apellido', 'apellidos', 'achternaam', 'familienaam',
    'nachname_(rechnung)', 'nom_(facturation)', 'apellidos_(facturacion)', 'achternaam_(facturering)'] as const).map((k) => [k, 'last_name'] as [string, string]),
  // order_id
  ...(['order', 'order_number', 'order_no', 'order_#', 'order_ref', 'order_reference',
    'bestellnummer', 'bestell_nr', 'bestell_nr.', 'bestellnr', 'bestellnr.', 'bestellung', 'auftragsnummer', 'auftrag', 'auftrags_nr.',
    'commande', 'numero_de_commande', 'n°_de_commande', 'no_de_commande', 'n°_commande', 'reference_de_commande', 'reference_commande',
    'pedido', 'numero_de_pedido', 'n°_de_pedido', 'nº_de_pedido', 'n.º_de_pedido', 'id_del_pedido', 'num_pedido',
    'bestelnummer', 'bestelling', 'ordernummer', 'bestelling_nr', 'bestelling_nr.'] as const).map((k) => [k, 'order_id'] as [string, string]),
  // product
  ...(['item', 'item_name', 'product_name', 'lineitem_name', 'title', 'product_title',
    'artikel', 'artikelname', 'artikelbezeichnung', 'artikelname_(position)', 'produktbezeichnung', 'produkt', 'produktname', 'bezeichnung',
    'produit', 'article', 'nom_du_produit', 'designation', 'libelle',
    'producto', 'articulo', 'nombre_del_producto',
    'productnaam', 'artikelnaam', 'artikelomschrijving', 'omschrijving'] as const).map((k) => [k, 'product'] as [string, string]),
  // quantity
  ...(['qty', 'quantity_purchased', 'quantity_ordered', 'lineitem_quantity', 'item_quantity', 'menge', 'anzahl', 'stuckzahl', 'quantite', 'qte', 'cantidad', 'aantal'] as const).map((k) => [k, 'quantity'] as [string, string]),
  // amount, currency
  ...(['total', 'total_amount', 'order_total', 'grand_total', 'total_price', 'order_amount', 'betrag', 'gesamtsumme', 'endbetrag', 'montant_total_ttc', 'total_ttc', 'importe_total_pedido', 'totaal', 'totaalprijs', 'gesamtbetrag', 'rechnungsbetrag', 'bruttobetrag', 'summe', 'montant', 'montant_total', 'montant_ttc', 'importe', 'importe_total', 'monto', 'bedrag', 'totaalbedrag'] as const).map((k) => [k, 'amount'] as [string, string]),
  ...(['currency_code', 'wahrung', 'devise', 'moneda', 'divisa', 'valuta'] as const).map((k) => [k, 'currency'] as [string, string]),
  // company, salutation, locale, new_date
  ...(['company_name', 'company_(billing)', 'organisation', 'organization', 'firma', 'firmenname', 'unternehmen', 'societe', 'entreprise', 'raison_sociale', 'empresa', 'compania', 'razon_social', 'bedrijf', 'bedrijfsnaam'] as const).map((k) => [k, 'company'] as [string, string]),
  ...(['anrede', 'civilite', 'titre', 'tratamiento', 'aanhef', 'titel_(anrede)'] as const).map((k) => [k, 'salutation'] as [string, string]),
  // The Dutch family-name prefix ("van der" in Sanne van der Berg), a column of its own in Dutch exports.
  ...(['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels'] as const).map((k) => [k, 'surname_prefix'] as [string, string]),
  ...(['language', 'lang', 'customer_locale', 'sprache', 'langue', 'idioma', 'taal'] as const).map((k) => [k, 'locale'] as [string, string]),
  ...(['new_delivery_date', 'neues_datum', 'neuer_liefertermin', 'nouvelle_date', 'nueva_fecha', 'nieuwe_datum'] as const).map((k) => [k, 'new_date'] as [string, string]),
]);

/**
 * Words that mean the family name beside a first-name column and the whole
 * name alone: German "Vorname;Name", French "Prénom;Nom", Spanish
 * "Nombre;Apellido" (there "Nombre" is the given name), Dutch "Voornaam;Naam".
 */
const NAME_OR_FAMILY = new Map<string, { withFirst: string; withLast: string; alone: string }>([
  ['nom', { withFirst: 'last_name', withLast: 'first_name', alone: 'name' }],
  ['naam', { withFirst: 'last_name', withLast: 'first_name', alone: 'name' }],
  ['nombre', { withFirst: 'last_name', withLast: 'first_name', alone: 'name' }],
]);

/** The header name without accents (`prénom` → `prenom`), as ALIASES are keyed. */
function plainLetters(norm: string): string {
  return /[^\x00-\x7f]/.test(norm) ? norm.normalize('NFD').replace(/\p{M}/gu, '') : norm;
}

/** The field an alias gives a normalised header name, or undefined. */
export function aliasOf(norm: string): string | undefined {
  return ALIASES.get(norm) ?? ALIASES.get(plainLetters(norm));
}

/** Names a column may not take: they would reach object prototypes. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', 'orders', 'items']);

export interface ColumnMap {
  /** Raw header cells, as in the file. */
  raw: string[];
  /** Field name for each column index. */
  fields: string[];
  /** Column index of each field. */
  index: Map<string, number>;
  /** The export's preset, when one is used. */
  preset?: Preset;
  /** Columns that give the name, in order, when the name column is empty (the preset's). */
  nameFrom: number[];
  /** Columns carried down an order's rows (the preset's order-level columns). */
  carry: number[];
  /**
   * Columns a newer alias renamed, under their own name too (`Kunde` is
   * `recipient.name` and still `recipient.kunde`): templates written for the
   * column keep working. Also in `index`.
   */
  also: [string, number][];
}

/** The aliases SPEC has always had: their columns are read by the alias only (as before). */
const FIRST_ALIASES = new Set(['e_mail', 'email_address', 'customer_email', 'full_name', 'customer_name', 'firstname', 'given_name', 'order', 'order_number', 'order_no']);

/**
 * Maps the header row to field names: --map first, then the preset's table (if
 * any), then aliases, then the normalised name. With a preset, a column its
 * table ignores is named `_<column>`, and so is a column whose name a mapped
 * column already took.
 */
export function mapColumns(header: string[], map: Map<string, string>, preset?: Preset): ColumnMap {
  const fields: string[] = [];
  const index = new Map<string, number>();
  const used = new Set<string>();
  const table = preset ? presetMap(preset) : undefined;
  const norms = header.map(normaliseHeader);
  const has = (f: string) => norms.some((n) => (table?.fields.get(n) ?? aliasOf(n)) === f);
  const hasFirst = has('first_name') || norms.includes('vorname');
  const hasLast = has('last_name');
  // --map's fields first: a name the preset or an alias gives (soft) makes way for them.
  const hard = new Set<string>();
  for (const n of norms) {
    const f = map.get(n);
    if (f !== undefined) hard.add(f);
  }
  const proposed = header.map((_raw, i) => {
    const norm = norms[i]!;
    const ambiguous = NAME_OR_FAMILY.get(plainLetters(norm)) ?? (norm === 'name' && norms.includes('vorname') ? { withFirst: 'last_name', withLast: 'name', alone: 'name' } : undefined);
    const given = map.get(norm);
    if (given !== undefined) return { field: given, soft: false };
    if (table?.ignore.has(norm)) return { field: `_${norm}`, soft: true };
    return { field: table?.fields.get(norm) ?? (ambiguous ? (hasFirst ? ambiguous.withFirst : hasLast ? ambiguous.withLast : ambiguous.alone) : undefined) ?? (table && table.preset.id !== 'plain' ? norm : aliasOf(norm) ?? norm), soft: true };
  });
  // A column named exactly as a field keeps it: an alias of another column gives way ("order_id" beside
  // "order_number" keeps its own name). Not for the email: two address columns must be told apart (--map).
  const exact = new Set(proposed.filter((p, i) => p.field === norms[i] && p.field !== 'email').map((p) => p.field));
  header.forEach((raw, i) => {
    const norm = norms[i]!;
    let { field } = proposed[i]!;
    const { soft } = proposed[i]!;
    if (field === '') field = `column_${i + 1}`;
    if (FORBIDDEN.has(field)) {
      throw new UsageError(`column "${raw}" cannot be used as "${field}" (a reserved name)`, `rename it, or --map "${raw}=other_name"`);
    }
    // Given way: to a --map field always; with a preset, to a column mapped before it too.
    if (soft && (hard.has(field) || (table && used.has(field)))) field = used.has(`_${norm}`) || hard.has(`_${norm}`) ? `column_${i + 1}` : `_${norm}`;
    else if (soft && field !== norm && exact.has(field) && !used.has(norm) && !exact.has(norm)) field = norm;
    if (used.has(field)) {
      const first = header[index.get(field)!]!;
      throw new UsageError(`columns "${first}" and "${raw}" both become "${field}"`, `rename one, or --map "${raw}=other_name"`);
    }
    used.add(field);
    index.set(field, i);
    fields.push(field);
  });
  for (const [col] of map) {
    if (!norms.includes(col)) {
      throw new UsageError(`--map names a column "${col}" that the CSV does not have`, `the columns are: ${header.join(', ')}`);
    }
  }
  if (preset) refuseWithoutEmail(preset);
  if (!index.has('email')) {
    throw new UsageError(
      `the CSV has no email column (columns: ${header.map((h) => `"${h}"`).join(', ')})`,
      'name one "email" (or e-mail, email_address, customer_email), or use --map "YourColumn=email"',
    );
  }
  const at = (cols: Iterable<string>) => [...cols].map((c) => norms.indexOf(c)).filter((i) => i !== -1);
  const also: [string, number][] = [];
  norms.forEach((n, i) => {
    const f = fields[i]!;
    if (n === '' || f === n || f.startsWith('_') || FIRST_ALIASES.has(n) || FORBIDDEN.has(n) || index.has(n) || n === 'email' || n === 'name' || n === 'first_name') return;
    if (also.some(([a]) => a === n)) return;
    also.push([n, i]);
    index.set(n, i);
  });
  return { raw: header, fields, index, preset, nameFrom: table ? at(table.nameFrom) : [], carry: table ? at(table.carry) : [], also };
}

/** Fields the pipeline itself reads by name (the address, the name, orders, money, dates, greeting, locale). */
const PIPELINE_FIELDS = new Set([
  ...ALIASES.values(),
  'email', 'name', 'first_name', 'last_name', 'surname_prefix', 'order_id', 'product', 'quantity', 'amount', 'currency', 'locale',
  'line_items', 'date', 'format', 'salutation', 'new_date', 'outcome', 'company', 'order_date', 'reply_to',
  // A payment's refund (orders.ts refundOf): Stripe's Amount Refunded, Status, Refunded.
  'amount_refunded', 'payment_status', 'refunded',
]);

/**
 * The columns a batch decodes: those the pipeline reads (its own fields, the
 * preset's name columns) and those the template reads (`template`;
 * undefined: it may read any). 1 for a column read; undefined when every
 * column is (nothing to leave out). A column left out reads as "" in a row's
 * fields, which nothing reads; a rejected row is written whole all the same.
 */
export function columnsRead(columns: ColumnMap, template: ReadonlySet<string> | undefined): Uint8Array | undefined {
  if (template === undefined) return undefined;
  const n = columns.fields.length;
  const want = new Uint8Array(n);
  // WebToffee's line_item_1, line_item_2…: the items (line-items.ts).
  const read = (f: string) => PIPELINE_FIELDS.has(f) || template.has(f) || /^line_item_\d+$/.test(f);
  columns.fields.forEach((f, i) => {
    if (read(f)) want[i] = 1;
  });
  for (const [f, i] of columns.also) if (read(f)) want[i] = 1;
  for (const [f, i] of columns.index) if (read(f)) want[i] = 1;
  for (const i of columns.nameFrom) want[i] = 1;
  // The preset's carried columns only when read: the others are carried when a row is written whole (carry.ts).
  return want.every((x) => x === 1) ? undefined : want;
}

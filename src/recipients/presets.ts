import { UsageError } from '../errors.js';

/**
 * Shop, payment and marketplace exports as they come (`--preset`). Each preset
 * is a small table: which of the export's columns hold the fields the letters
 * use, which order-level cells the export writes only on an order's first row
 * (carried down to its other rows), which columns must never be read as a
 * field, which columns give the name when the name column is empty, and a line
 * to print. Column names are the exports' own headers (normalised as
 * columns.ts does); a column the export does not have is skipped, so one table
 * covers an export's variants (a plugin's default layout and its older one).
 */
export interface Preset {
  id: PresetId;
  /** "a Shopify orders export": said on stderr when recognised. */
  label: string;
  /** Header columns that recognise the export: every column of one set present. */
  signatures: string[][];
  /** Export column → field. */
  columns: Record<string, string>;
  /** Columns that give the name, in order, when the name column is empty (a value with "@" or digits is skipped). */
  nameFrom?: string[];
  /** Order-level columns written only on an order's first row: carried down to the order's other rows. */
  carry?: string[];
  /** Columns never read as a field (kept as `recipient._<column>`): their names mislead. */
  ignore?: string[];
  /** One more line to print when the preset is used (a rule of the platform). */
  note?: string;
  /** The export has no customer emails: refused, with where the emails are. */
  noEmail?: string;
  /** The reason a row with an empty email cell is rejected, when the platform leaves it empty for a reason of its own. */
  emptyEmail?: string;
  /** Each row's amount is its line's own (never an order total written on every row): an order's amount is their sum. */
  amountPerLine?: boolean;
}

export const PRESET_IDS = ['shopify', 'woocommerce', 'stripe', 'amazon', 'square', 'etsy', 'plain'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Header names as columns.ts compares them (kept here so the tables can be written as the exports spell them). */
function norm(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const SHOPIFY: Preset = {
  id: 'shopify',
  label: 'a Shopify orders export',
  // Admin → Orders → Export: one row per line item; "Name" is the order number (#1042).
  signatures: [['Name', 'Email', 'Financial Status', 'Lineitem name']],
  columns: {
    Name: 'order_id',
    Email: 'email',
    'Billing Name': 'name',
    'Billing Company': 'company',
    'Lineitem name': 'product',
    'Lineitem quantity': 'quantity',
    'Lineitem price': 'price',
    'Lineitem sku': 'sku',
    Total: 'amount',
    Currency: 'currency',
    'Created at': 'order_date',
    // An order refunded since: paid → refunded / partially_refunded, and how much (orders.ts refundOf).
    'Financial Status': 'payment_status',
    'Refunded Amount': 'amount_refunded',
  },
  nameFrom: ['Shipping Name'],
  // Shopify writes the order's own columns on its first line only.
  carry: ['Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Billing Name', 'Billing Company', 'Shipping Name', 'Phone', 'Cancelled at', 'Refunded Amount', 'Payment Method'],
  ignore: ['Shipping Name'],
};

const SHOPIFY_CUSTOMERS: Preset = {
  id: 'shopify',
  label: 'a Shopify customers export',
  // Admin → Customers → Export: one row per customer, no orders.
  signatures: [['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing'], ['First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Total Orders']],
  columns: {
    Email: 'email',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    'Default Address Company': 'company',
    Company: 'company',
  },
  note: 'a customers export lists no orders: the letters name none (export Orders instead to list each customer\'s orders)',
};

const WOOCOMMERCE: Preset = {
  id: 'woocommerce',
  label: 'a WooCommerce orders export',
  signatures: [
    // Advanced Order Export For WooCommerce, its default fields.
    ['Order Number', 'Email (Billing)'],
    // WooCommerce Customer/Order/Coupon Export, "Default CSV format - one row per line item".
    ['order_number', 'billing_email', 'item_name'],
    // The same, "Default CSV format": one row per order, its items in the line_items cell.
    ['order_number', 'billing_email', 'line_items'],
    // WebToffee Order Export & Order Import: one row per order, line_item_1, line_item_2… (and customer_email beside billing_email).
    ['order_number', 'billing_email', 'line_item_1'],
    ['order_number', 'billing_email', 'customer_email', 'order_currency'],
  ],
  columns: {
    'Order Number': 'order_id',
    'Email (Billing)': 'email',
    'First Name (Billing)': 'first_name',
    'Last Name (Billing)': 'last_name',
    'Full Name (Billing)': 'name',
    'Company (Billing)': 'company',
    'Item Name': 'product',
    Quantity: 'quantity',
    'Quantity (- Refund)': 'quantity',
    'Item Cost': 'price',
    'Order Total Amount': 'amount',
    Currency: 'currency',
    'Order Date': 'order_date',
    // An order refunded since: its status ("refunded", "wc-refunded"), and how much (orders.ts refundOf: less than the total is partial).
    'Order Status': 'payment_status',
    'Order Refund Amount': 'amount_refunded',
    status: 'payment_status',
    refunded_total: 'amount_refunded',
    order_number: 'order_id',
    billing_email: 'email',
    billing_first_name: 'first_name',
    billing_last_name: 'last_name',
    billing_full_name: 'name',
    billing_company: 'company',
    item_name: 'product',
    item_quantity: 'quantity',
    order_total: 'amount',
    order_currency: 'currency',
    order_date: 'order_date',
    date: 'order_date',
  },
  // The plugin leaves an order's columns empty on its other products' rows unless "Fill order columns" is ticked.
  carry: ['Email (Billing)', 'First Name (Billing)', 'Last Name (Billing)', 'Full Name (Billing)', 'Company (Billing)', 'Order Total Amount', 'Currency', 'Order Date', 'Order Status', 'Order Refund Amount'],
  // order_id is the store's internal post number; the customer knows the order_number. customer_email is the
  // account's (empty for a guest checkout): the billing email is the order's.
  ignore: ['First Name (Shipping)', 'Last Name (Shipping)', 'Full Name (Shipping)', 'order_id', 'customer_email', 'shipping_first_name', 'shipping_last_name', 'shipping_full_name'],
};

const WOOCOMMERCE_ANALYTICS: Preset = {
  id: 'woocommerce',
  label: 'a WooCommerce Analytics orders download',
  signatures: [['Order #', 'Customer', 'Product(s)', 'Net Sales']],
  columns: {},
  noEmail: 'export the orders with an order export plugin instead (Advanced Order Export For WooCommerce: its default fields include "Email (Billing)")',
};

const STRIPE: Preset = {
  id: 'stripe',
  label: 'a Stripe payments export',
  // Payments → Export: one row per charge.
  signatures: [['id', 'Customer Email', 'Amount', 'Currency', 'Captured'], ['id', 'Customer Email', 'Amount Refunded']],
  columns: {
    id: 'charge_id',
    'Customer Email': 'email',
    'Customer Description': 'name',
    Description: 'product',
    Amount: 'amount',
    Currency: 'currency',
    // A charge refunded since (a double charge's duplicate): said so in the letters (orders.ts refundOf).
    'Amount Refunded': 'amount_refunded',
    Status: 'payment_status',
    Refunded: 'refunded',
    'Created (UTC)': 'order_date',
    'Created date (UTC)': 'order_date',
    Created: 'order_date',
  },
  // Customer Description is often "Customer for jo@example.com": then the cardholder's name, else the shipping name.
  nameFrom: ['Card Name', 'Shipping Name'],
};

const STRIPE_CUSTOMERS: Preset = {
  id: 'stripe',
  label: 'a Stripe customers export',
  // Customers → Export: one row per customer, no charges.
  signatures: [['id', 'Email', 'Name', 'Description', 'Delinquent'], ['id', 'Email', 'Name', 'Description', 'Created (UTC)']],
  columns: { Email: 'email', Name: 'name', 'Business Name': 'company' },
  // Older customers have their name in the description ("Customer for jo@example.com" is none).
  nameFrom: ['Description'],
  note: 'a customers export lists no payments: the letters name none (export Payments instead to list each customer\'s charges)',
};

const AMAZON: Preset = {
  id: 'amazon',
  label: 'an Amazon order report',
  // Seller Central → Reports → Order Reports (tab-separated); the FBA shipments report names the order amazon-order-id.
  signatures: [['order-id', 'buyer-email', 'product-name'], ['amazon-order-id', 'buyer-email', 'product-name']],
  columns: {
    'order-id': 'order_id',
    'amazon-order-id': 'order_id',
    'buyer-email': 'email',
    'buyer-name': 'name',
    'product-name': 'product',
    'quantity-purchased': 'quantity',
    // The FBA shipments report has only quantity-shipped; in the unshipped report quantity-purchased comes first and wins.
    'quantity-shipped': 'quantity',
    quantity: 'quantity',
    // The line's price (unit price × quantity), in its currency: an order's amount is its lines' sum.
    'item-price': 'amount',
    currency: 'currency',
    'purchase-date': 'order_date',
  },
  // The ship-to person may be someone else (a gift): never the addressee.
  ignore: ['recipient-name'],
  amountPerLine: true,
  note: "Amazon's buyer-email addresses are relays: Amazon allows messages about the order only (no marketing, no links to other shops)",
  emptyEmail: 'buyer-email is empty (Amazon leaves it out of reports for some orders and accounts): write to this buyer through Buyer-Seller Messaging, from the order page',
};

const AMAZON_ALL_ORDERS: Preset = {
  id: 'amazon',
  label: 'an Amazon All Orders report',
  // Reports → Fulfillment → All Orders (and the order reports' newer layouts): no buyer-email column.
  signatures: [['amazon-order-id', 'product-name', 'item-status'], ['order-id', 'product-name', 'quantity-purchased']],
  columns: {},
  noEmail: "use an order report with the buyer-email column (Orders → Order Reports: New Orders / Unshipped Orders; FBA: Amazon Fulfilled Shipments), or write through Buyer-Seller Messaging",
};

const SQUARE_TRANSACTIONS: Preset = {
  id: 'square',
  label: 'a Square transactions export',
  signatures: [['Gross Sales', 'Net Total', 'Transaction ID', 'Total Collected'], ['Gross Sales', 'Net Total', 'Transaction ID', 'Customer Name']],
  columns: {},
  noEmail: 'export the customer directory (Customers → Export customers: its "Email Address" column) and write to those customers',
};

const SQUARE_ITEMS: Preset = {
  id: 'square',
  label: 'a Square item sales export',
  signatures: [['Item', 'Qty', 'Gross Sales', 'Transaction ID']],
  columns: {},
  noEmail: 'export the customer directory (Customers → Export customers: its "Email Address" column) and write to those customers',
};

const SQUARE_CUSTOMERS: Preset = {
  id: 'square',
  label: 'a Square customers export',
  signatures: [['Email Address', 'Square Customer ID']],
  columns: {
    'Email Address': 'email',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    'Company Name': 'company',
  },
};

const ETSY: Preset = {
  id: 'etsy',
  label: 'an Etsy orders export',
  // Shop Manager → Settings → Options → Download Data: Sold Orders, Sold Order Items.
  signatures: [['Sale Date', 'Order ID', 'Full Name', 'Number of Items'], ['Sale Date', 'Item Name', 'Buyer', 'Transaction ID']],
  columns: {},
  noEmail: "Etsy's order downloads (Sold Orders, Sold Order Items) carry no buyer emails: write to Etsy buyers through Etsy Messages, from the order page",
};

const PLAIN: Preset = { id: 'plain', label: 'a plain CSV', signatures: [], columns: {} };

/** Most specific first: recognition takes the first whose signature matches. */
const TABLES: Preset[] = [SHOPIFY, SHOPIFY_CUSTOMERS, WOOCOMMERCE_ANALYTICS, WOOCOMMERCE, STRIPE, STRIPE_CUSTOMERS, AMAZON, AMAZON_ALL_ORDERS, SQUARE_ITEMS, SQUARE_TRANSACTIONS, SQUARE_CUSTOMERS, ETSY, PLAIN];

function matches(p: Preset, have: Set<string>): boolean {
  return p.signatures.some((sig) => sig.every((c) => have.has(norm(c))));
}

/** The preset an export's header is recognised as, or undefined (a plain CSV). */
export function recognisePreset(header: string[]): Preset | undefined {
  const have = new Set(header.map(norm));
  return TABLES.find((p) => p.signatures.length > 0 && matches(p, have));
}

/** `--preset NAME` for this header: the table of that platform that fits it (its first one otherwise). */
export function presetFor(id: string, header: string[]): Preset {
  if (!(PRESET_IDS as readonly string[]).includes(id)) {
    throw new UsageError(`unknown --preset "${id}"`, `use one of ${PRESET_IDS.join(', ')}`);
  }
  const have = new Set(header.map(norm));
  const ofPlatform = TABLES.filter((p) => p.id === id);
  return ofPlatform.find((p) => matches(p, have)) ?? ofPlatform.find((p) => !p.noEmail) ?? ofPlatform[0]!;
}

/** A preset's column table with normalised names. */
export interface PresetMap {
  preset: Preset;
  /** Normalised column → field. */
  fields: Map<string, string>;
  /** Normalised columns ignored (named `_<column>`). */
  ignore: Set<string>;
  /** Normalised columns to take the name from, in order. */
  nameFrom: string[];
  /** Normalised columns carried down an order's rows. */
  carry: Set<string>;
}

export function presetMap(preset: Preset): PresetMap {
  return {
    preset,
    fields: new Map(Object.entries(preset.columns).map(([c, f]) => [norm(c), f])),
    ignore: new Set((preset.ignore ?? []).map(norm)),
    nameFrom: (preset.nameFrom ?? []).map(norm),
    carry: new Set((preset.carry ?? []).map(norm)),
  };
}

/** Refuses an export that has no customer emails (exit 2, before anything is read further). */
export function refuseWithoutEmail(preset: Preset): void {
  if (preset.noEmail) throw new UsageError(`this is ${preset.label}, which has no customer emails`, preset.noEmail);
}

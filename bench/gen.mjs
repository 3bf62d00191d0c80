// Generates a benchmark CSV: 7 columns, non-ASCII names, quoted commas, and
// customers with 1–2 orders each (about 1.5 rows a customer), adjacent by
// default, `perCustomer` orders each, or scattered (`scattered: true`).
import { createWriteStream } from 'node:fs';

const FIRST = ['Zoë', 'Liam', 'José', 'Priya', 'Mia', 'Noah', 'Søren', 'Aoife', 'Chen', 'Fatima', 'Olivia', 'Łukasz', 'Amara', 'Björn', 'Ana'];
const LAST = ['Müller', "O'Brien", 'Álvarez', 'Natarajan', 'Smith', 'Nguyen', 'Kowalski', 'Dubois', 'Rossi', 'Yılmaz', 'García', 'Kim'];
const PRODUCTS = ['"Darjeeling, First Flush"', 'Earl Grey 100g', '"Chamomile, 10 x 500g"', 'Matcha 30g', 'Assam Breakfast', '"Rooibos, vanilla"'];
const CITIES = ['Zürich', 'Dublin', 'São Paulo', 'Chennai', 'Kraków', 'Reykjavík', 'Lyon', 'İstanbul'];

export function generateCsv(path, rows, { scattered = false, perCustomer = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write('Order No,Customer Name,Email,Product,Amount,Ship Date,City\n');
    let customer = 0;
    let written = 0;
    let chunk = [];
    const customers = Math.ceil(rows / 1.5);
    const line = (c, order) => {
      const first = FIRST[c % FIRST.length];
      const last = LAST[(c * 7) % LAST.length];
      return `A-${order},${first} ${last},customer${c}@example.com,${PRODUCTS[order % PRODUCTS.length]},${(order % 9000) / 100 + 5},2026-07-0${(order % 9) + 1},${CITIES[c % CITIES.length]}\n`;
    };
    function write() {
      while (written < rows) {
        let c;
        if (scattered) c = (written * 7919) % customers; // interleaves customers through the file
        else if (perCustomer > 0) c = Math.floor(written / perCustomer);
        else {
          c = customer;
          if (written % 3 !== 0) customer++; // 2 orders for every other customer
        }
        chunk.push(line(c, 100000 + written));
        written++;
        if (chunk.length >= 2000) {
          const ok = out.write(chunk.join(''));
          chunk = [];
          if (!ok) return out.once('drain', write);
        }
      }
      out.end(chunk.join(''), resolve);
    }
    write();
  });
}

/**
 * A Shopify orders export (its real header): one row per line item, 1–4 items
 * an order (two on average, as many orders as the 1–3 of before), the order's
 * own columns (Total, Currency, Billing Name…) on its first row only,
 * customers with 1–2 orders, adjacent.
 */
export const SHOPIFY_HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References';

/** Line items of successive orders: 1, 2, 3 or 4. */
const ITEMS_AN_ORDER = [1, 2, 1, 3, 1, 4, 2, 2];

export function generateShopifyCsv(path, rows) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write(`${SHOPIFY_HEADER}\n`);
    const blank = ',,,,,,,,,,';
    let written = 0;
    let order = 1000;
    let customer = 0;
    let chunk = [];
    function write() {
      while (written < rows) {
        const c = customer;
        const items = ITEMS_AN_ORDER[order % ITEMS_AN_ORDER.length];
        const name = `${FIRST[c % FIRST.length]} ${LAST[(c * 7) % LAST.length]}`;
        const email = `customer${c}@example.com`;
        const city = CITIES[c % CITIES.length];
        const total = `${(order % 9000) / 100 + 5}`;
        for (let i = 0; i < items && written < rows; i++, written++) {
          const product = PRODUCTS[(order + i) % PRODUCTS.length];
          const q = (i % 2) + 1;
          if (i === 0) {
            chunk.push(`#${order},${email},paid,2026-07-01 10:00:00 +0100,unfulfilled,,no,GBP,${total},0.00,0.00,${total},,0.00,Standard,2026-07-01 09:59:00 +0100,${q},${product},4.50,,SKU-${i},true,true,pending,${name},1 High St,1 High St,,,${city},N1 9GU,,GB,,${name},1 High St,1 High St,,,${city},N1 9GU,,GB,,,,,Shopify Payments,c${order}.1,0.00,Pemberton,0.00,,,,${5550000000 + order},,Low,web,0.00${blank},,,,,,c${order}.1,,,c${order}.1\n`);
          } else {
            chunk.push(`#${order},${email},,,,,,,,,,,,,,2026-07-01 09:59:00 +0100,${q},${product},4.50,,SKU-${i},true,true,pending${','.repeat(36)}0.00${','.repeat(19)}\n`);
          }
        }
        order++;
        if (order % 2 === 0) customer++; // 1–2 orders a customer
        if (chunk.length >= 2000) {
          const ok = out.write(chunk.join(''));
          chunk = [];
          if (!ok) return out.once('drain', write);
        }
      }
      out.end(chunk.join(''), resolve);
    }
    write();
  });
}

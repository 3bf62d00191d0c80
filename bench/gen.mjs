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

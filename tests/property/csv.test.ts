import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/recipients/csv.js';
import { CsvTokenizer, quotesClose, splitRecord, wholeCells } from '../../src/recipients/tokenizer.js';
import { PYTHON, ROOT } from '../helpers/run.js';

/**
 * Our tokenizer's records for `text`, fed in chunks of `size` bytes (splitting
 * UTF-8 sequences too), each chunk in the same reused buffer, as files are read.
 */
function ours(text: string, delimiter: string, size: number): [number, string[]][] {
  const out: [number, string[]][] = [];
  const t = new CsvTokenizer(delimiter, (cells, line) => out.push([line, cells]));
  feed(t, text, size);
  return out;
}

function feed(t: CsvTokenizer, text: string, size: number): void {
  const bytes = Buffer.from(text, 'utf8');
  const reused = Buffer.alloc(size);
  for (let i = 0; i < bytes.length; i += size) {
    const n = bytes.copy(reused, 0, i, i + size);
    t.push(reused.subarray(0, n));
    reused.fill(0x21); // whatever the tokenizer kept of it must have been copied
  }
  t.end();
}

function python(cases: { text: string; delimiter: string }[]): ([number, string[]][] | { error: string })[] {
  const r = spawnSync(PYTHON, [join(ROOT, 'tests/helpers/parse_csv.py')], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`parse_csv.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('CSV tokenizer agrees with Python\'s csv module', () => {
  it('on random text made of the characters that matter (quotes, delimiters, CR, LF, non-ASCII)', () => {
    const unit = fc.constantFrom('a', 'b', 'é', '東', '🙂', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', '"x,y"', ',"q\nr",');
    const cases = fc.sample(
      fc.record({ text: fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), delimiter: fc.constantFrom(',', ';') }),
      { numRuns: 400, seed: 20261122 },
    );
    const expected = python(cases);
    let compared = 0;
    cases.forEach((c, i) => {
      const want = expected[i]!;
      if (!Array.isArray(want)) return; // Python refuses an unclosed quote at the end; ours keeps it as a (ragged) record
      compared++;
      for (const size of [1, 2, 7, 1 << 16]) expect(ours(c.text, c.delimiter, size), `${JSON.stringify(c)} in chunks of ${size}`).toEqual(want);
    });
    expect(compared).toBeGreaterThan(250);
  });

  it('on real-export shapes: Excel CRLF with quoted line breaks, semicolons, trailing delimiters, blank lines', () => {
    const cases = [
      { text: 'email;name;note\r\na@x.com;"Smith; Jane";"two\r\nlines"\r\n\r\nb@x.com;Bob;\r\n', delimiter: ';' },
      { text: 'email,name\n"a@x.com","O""Brien"\n,,\nb@x.com,"say ""hi"", ok"', delimiter: ',' },
      { text: 'email\tname\ra@x.com\tZoë\rb@x.com\t"multi\rline"\r', delimiter: '\t' },
    ];
    const expected = python(cases);
    cases.forEach((c, i) => {
      for (const size of [1, 3, 1 << 16]) expect(ours(c.text, c.delimiter, size)).toEqual(expected[i]);
    });
  });

  it('reports the same cell when asked for one column only (the grouping pre-pass)', () => {
    const unit = fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r\n', '"x,y"', 'q@x.com');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 }), (units, col, size) => {
        const text = units.join('');
        const full = ours(text, ',', size).map(([line, cells]) => [line, cells[col]]);
        const one: [number, string | undefined][] = [];
        const t = new CsvTokenizer(',', (cells, line) => one.push([line, cells[col]]), col);
        feed(t, text, size);
        expect(one).toEqual(full);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('with some columns wanted: the wanted cells, "" for the others, the record\'s text, the same lines; every cell for a ragged or blank row', () => {
    // 4-byte characters (🙂 is two UTF-16 units), escaped quotes, text after a closing quote, quoted line breaks, CR, CRLF.
    const unit = fc.constantFrom('a', 'b', 'é', '東', '🙂', ' ', ',', '"', '""', '"x""y"z', '\n', '\r', '\r\n', '"x,y"', ',"q\nr",', '"🙂,é"');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), fc.uint8Array({ minLength: 1, maxLength: 5, max: 1 }), fc.integer({ min: 1, max: 9 }), (units, mask, size) => {
        const text = units.join('');
        const want = Uint8Array.from(mask);
        const full = ours(text, ',', size);
        const got: [number, string[], string | undefined][] = [];
        const t = new CsvTokenizer(',', (cells, line, raw) => got.push([line, cells, raw]));
        t.want = want;
        feed(t, text, size);
        // Reported in one array again and again (the parse worker's way): the same cells, copied as they come.
        const again: [number, string[], string | undefined][] = [];
        const r = new CsvTokenizer(',', (cells, line, raw) => again.push([line, [...cells], raw]));
        r.want = want;
        r.reuse = new Array<string>(want.length).fill('');
        feed(r, text, size);
        expect(again).toEqual(got);
        expect(got.map(([line]) => line)).toEqual(full.map(([line]) => line));
        got.forEach(([, cells, raw], r) => {
          const whole = full[r]![1];
          // The text splits into the record's cells, as a rejected row is written.
          if (raw !== undefined) expect(wholeCells(raw, ',')).toEqual(whole);
          const blank = whole.length === want.length && whole.every((c, i) => want[i] !== 1 || c.trim() === '');
          if (whole.length !== want.length || blank) expect(cells).toEqual(whole);
          else expect(cells).toEqual(whole.map((c, i) => (want[i] === 1 ? c : '')));
        });
      }),
      { numRuns: 1500, seed: 20261201 },
    );
  });

  it('readCsv with `want`: the header whole, the rows with the wanted cells and their text', async () => {
    const bytes = Buffer.from('email,note,name\na@x.com,"long, note",Ann\nb@x.com,x,"B ""b"" 🙂"\n', 'utf8');
    const parts: { header?: string[]; rows: { line: number; cells: string[]; text?: string }[] }[] = [];
    for await (const part of readCsv((async function* () { yield bytes; })(), { want: Uint8Array.from([1, 0, 1]) })) parts.push(part);
    expect(parts[0]!.header).toEqual(['email', 'note', 'name']);
    expect(parts.flatMap((p) => p.rows)).toEqual([
      { line: 2, cells: ['a@x.com', '', 'Ann'], text: 'a@x.com,"long, note",Ann' },
      { line: 3, cells: ['b@x.com', '', 'B "b" 🙂'], text: 'b@x.com,x,"B ""b"" 🙂"' },
    ]);
  });

  it('reports the same cell as bytes (onCell) as the full tokenizer does as text, quotes after it or not', () => {
    const unit = fc.constantFrom('a', 'é', ' ', ',', ',', '"', '""', '\n', '\r\n', '\r', '"x,y"', '"p\nq"', 'q@x.com', ',"z"');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 }), (units, col, size) => {
        const text = units.join('');
        const full = ours(text, ',', size).map(([line, cells]) => [line, cells[col]]);
        const got: [number, string | undefined][] = [];
        const t = new CsvTokenizer(',', (cells, line) => got.push([line, cells[col]]), col, (buf, a, b, line) => got.push([line, buf.toString('utf8', a, b)]));
        feed(t, text, size);
        expect(got).toEqual(full);
      }),
      { numRuns: 1500, seed: 31 },
    );
  });

  it('quotesClose (quote to quote) says what splitRecord (cell to cell) says of a line: whether its quoted fields close', () => {
    const unit = fc.constantFrom('a', 'é', ' ', ',', ';', '"', '""', '"x,y"', 'a"b', '"q"r', ',"z"', '",', ',,');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.constantFrom(',', ';'), (units, d) => {
        const s = units.join('');
        // Read from the bytes of a line in a bigger buffer (a quote may follow the line's end there).
        const bytes = Buffer.from(`x"${s}"\n"`);
        expect(quotesClose(bytes, 2, bytes.length - 3, d.charCodeAt(0))).toBe(splitRecord(s, d, null, false, false) >= 0);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('readCsv: a header alone, without a line break, is a header and no rows (not an empty file)', async () => {
    for (const text of ['email;name', 'email;name\n', 'email;name\r']) {
      const parts: { header?: string[]; rows: unknown[] }[] = [];
      for await (const p of readCsv((async function* () { yield Buffer.from(text); })())) parts.push(p);
      expect(parts.at(-1)!.header, JSON.stringify(text)).toEqual(['email', 'name']);
      expect(parts.flatMap((p) => p.rows)).toEqual([]);
    }
  });

  it('reports a record over many lines as soon as its bytes are in, wherever the chunk ends after it', () => {
    const record = `1,"${'x, y\n'.repeat(40)}",z\n`;
    for (let tail = 0; tail < 200; tail++) {
      const got: [number, string[]][] = [];
      const t = new CsvTokenizer(',', (cells, line) => got.push([line, cells]));
      t.push(Buffer.from(`a,b,c\n${record}${'2,q,r\n'.repeat(tail >> 3)}${'s'.repeat(tail & 7)}`));
      expect(got.map(([line]) => line), `tail ${tail}`).toEqual([1, 2, ...Array.from({ length: tail >> 3 }, (_, i) => 43 + i)]);
      expect(got[1]![1]).toEqual(['1', 'x, y\n'.repeat(40), 'z']);
    }
  });

  it('keeps an unclosed quote as data to the end (a ragged record with its line), never hangs', () => {
    expect(ours('a,b\n1,"open\n2,3\n', ',', 4)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'open\n2,3\n']],
    ]);
  });

  it('refuses a record past 1 MiB with the line it starts on', () => {
    const t = new CsvTokenizer(',', () => {});
    t.push(Buffer.from('a,b\n1,"'));
    expect(() => {
      for (let i = 0; i < 20; i++) t.push(Buffer.alloc(64 * 1024, 120));
    }).toThrow(/line 2: a record runs past 1 MiB/);
  });
});

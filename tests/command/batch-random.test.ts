// Random CSVs through batch, in-process (tests/helpers/cli.ts), with fast-check: the counts in
// the summary always add up, every rejected row is kept, nobody gets two messages.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli, ndjson, summaryLine } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

// Any Unicode, weighted towards the characters that break mail (as in tests/property/roundtrip.test.ts).
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, // any code point, control characters included
  { weight: 2, arbitrary: fc.constantFrom('"', "'", '&', '<', '>', ',', ';', '\\', '=?', '?=', '@', '(', ')', ' ', '  ', 'Zoë', 'Müller', '東京', '🙂', 'O\'Brien', '&amp;') },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(1200), 'é'.repeat(600), 'word '.repeat(250), 'y'.repeat(250), 'ü'.repeat(240)) },
);
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

describe('random CSVs through batch (fast-check)', () => {
  it('counts always add up, every rejected row is kept, nobody gets two messages', async () => {
    const dir = tempDir('apologize-prop-');
    const email = fc.oneof(
      fc.constantFrom('ana@example.com', 'ANA@example.com', 'bo@example.com', 'cy@example.com', 'dee@example.com'),
      fc.constantFrom('', 'not-an-address', 'a@x.com, b@y.com', 'bob@x.com\r\nBcc: eve@y.com', '-x@example.com', ' spaced@example.com '),
    );
    const row = fc.tuple(email, line, fc.string({ unit: 'binary', maxLength: 8 }));
    const samples = fc.sample(fc.array(row, { minLength: 1, maxLength: 25 }), { numRuns: 12, seed: 7 });
    for (const [n, rows] of samples.entries()) {
      const csvPath = join(dir, `rows-${n}.csv`);
      writeFileSync(csvPath, stringify([['email', 'name', 'note'], ...rows.map(([e, name, note]) => [e, name, note])]));
      const r = await cli(['batch', csvPath, '--incident', join(ROOT, 'examples/incident.yaml'), '--format', 'ndjson']);
      expect([0, 1]).toContain(r.code);
      const summary = summaryLine(r.stderr);
      const m = /^apologize: ([\d,]+) rows read, ([\d,]+) messages?(?: \(([\d,]+) rows, [\d,]+ grouped into them\))?, ([\d,]+) rejected(?: \(see (.+?)\))? → stdout$/.exec(summary);
      expect(m, summary).toBeTruthy();
      const [read, messages, rendered, rejected] = [m![1], m![2], m![3] ?? m![2], m![4]].map((x) => Number(x!.replace(/,/g, '')));
      const blank = rows.filter(([e, name, note]) => `${e}${name}${note}`.trim() === '').length;
      expect(read).toBe(rows.length - blank);
      expect(read).toBe(rendered! + rejected!);
      const out = r.stdout.trim() ? ndjson<{ key: string }>(r.stdout) : [];
      expect(out).toHaveLength(messages!);
      expect(new Set(out.map((o) => o.key)).size).toBe(out.length);
      const rejectsPath = join(dir, `rows-${n}.rejects.csv`);
      expect(m![5]).toBe(rejected! > 0 ? rejectsPath : undefined);
      const kept = existsSync(rejectsPath) ? (parse(readFileSync(rejectsPath), { relax_column_count: true }) as string[][]).length - 1 : 0;
      expect(kept).toBe(rejected);
      expect(r.code).toBe(rejected! > 0 ? 1 : 0);
    }
  });
});

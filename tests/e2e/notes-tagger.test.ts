// The built CLI (dist/app.cjs) reads a note with the part-of-speech tagger: the library loads
// from the bundle's place, and the letter says the note as sentences.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_NOW, runBin, testEnv } from '../helpers/run.js';

describe('a note only the tagger reads, in a real process', () => {
  it('draft prints it as sentences', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apologize-pos-'));
    writeFileSync(
      join(dir, 'incident.yaml'),
      [
        'company: { name: Harrow Packaging, from: "Harrow <orders@harrow.example>", phone: "01902 555 310" }',
        'signer: { name: Gwen Stokes, title: Operations Director }',
        'scenario: wrong-item',
        'severity: moderate',
        'affected: 40',
        'mistake: we delivered 500 single-wall cartons instead of the double-wall ones on your PO 4417',
        'rootCause: a product code mapped to the wrong carton after our catalogue update',
        'commitment: "status page updated every 30 min during incidents"',
        'outcome: "correct cartons coming on a dedicated truck, arriving fri 27 nov by 10:00"',
        'remedy: { kind: waived-fee, details: "no delivery charge on PO 4417" }',
        '',
      ].join('\n'),
    );
    const r = await runBin(['draft', '--no-input', '--no-check', '--format', 'text', '--to', 'Ann Lee <ann@example.com>', '--incident', 'incident.yaml'], { cwd: dir, env: testEnv({ APOLOGIZE_NOW: GOLDEN_NOW }) });
    expect(r.stderr).not.toMatch(/Error|Cannot find module/u);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/gu, ' ');
    expect(text).toMatch(/The correct cartons are coming on a dedicated truck/u);
    expect(text).toMatch(/the status page is updated every 30 minutes during incidents/iu);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli } from './cli.js';
import { ROOT, pythonParse, tempDir, type PyParsed } from './run.js';

/**
 * A letter's order lines: the "- Order …" list of several orders, or the sentence that names the one order or payment
 * (English weaves it into the first paragraph: "This is about your order #1043: Matcha 30g ×1, €12.00."; the other
 * languages give it a line: "Es geht um …").
 */
export function referenceLines(text: string): string[] {
  const out: string[] = [];
  for (const l of text.split('\n')) {
    if (/^- |^(?:Es geht um|Cela concerne|Se trata de)/.test(l)) out.push(l);
    else {
      const m = /(?:This concerns|This is about|For reference, it's) your (?:order|booking|account|repair|job|payment)\b.*$/.exec(l);
      if (m) out.push(m[0]);
    }
  }
  return out;
}

export const EXAMPLE_INCIDENT = join(ROOT, 'examples/incident.yaml');

/** A batch of `csv` (saved as `name`) to an mbox file, read back by Python: each letter's order lines by address. */
export async function orderLinesOf(csv: string, extra: string[] = [], incident = EXAMPLE_INCIDENT, name = 'orders.csv'): Promise<{ code: number; stderr: string; byTo: Map<string, string[]> }> {
  const dir = tempDir();
  writeFileSync(join(dir, name), csv);
  const out = join(dir, 'out.mbox');
  const r = await cli(['batch', name, '--incident', incident, '--out', out, ...extra], { cwd: dir });
  const byTo = new Map<string, string[]>();
  if (r.code === 0) {
    for (const m of pythonParse([out], true) as PyParsed[]) {
      expect(m.defects).toEqual([]);
      byTo.set(m.to![0]!.address, referenceLines(m.text!));
    }
  }
  return { code: r.code, stderr: r.stderr, byTo };
}

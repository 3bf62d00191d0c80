// Imports only go down (docs/pipeline.md): cli → brief → batch/check →
// compose → templates/recipients/incident → mail → message/text → errors.
// Type imports count too, and no two files import each other, directly or
// round a loop.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

const SRC = join(ROOT, 'src');

/** The floor of each folder (or top-level file): a file may import from a lower floor, or from its own folder. */
const FLOORS: Record<string, number> = {
  cli: 9,
  'index.ts': 9,
  brief: 8,
  batch: 7,
  check: 7, // the template lint renders templates through compose
  compose: 6,
  templates: 5,
  recipients: 5,
  incident: 5,
  mail: 4,
  'message.ts': 2,
  text: 2,
  'errors.ts': 1,
  'version.ts': 1,
  'code-cache.ts': 1, // loading scripts with V8's code cache (the CLI, the precompiled templates)
  types: 0,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Data files a source file may import (src/check/check-model.json): on their folder's floor, importing nothing. */
function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? dataFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
}

/** Relative imports of a file (static, type-only, re-exports and dynamic), as src-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
}

const part = (path: string) => path.split('/')[0]!;
const graph = new Map([...sourceFiles(SRC).map((f) => [relative(SRC, f), importsOf(f)] as const), ...dataFiles(SRC).map((f) => [relative(SRC, f), [] as string[]] as const)]);

describe('layers', () => {
  it('every file sits on a known floor', () => {
    for (const file of graph.keys()) expect(FLOORS[part(file)], file).toBeDefined();
  });

  it('imports only go down (or stay in their folder)', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) {
        expect(graph.has(target), `${file} imports ${target}, which does not exist`).toBe(true);
        const from = part(file);
        const to = part(target);
        if (from === to && file.includes('/')) continue;
        if (FLOORS[to]! >= FLOORS[from]!) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('mail/ and templates/ import nothing from compose, cli or batch', () => {
    for (const [file, imports] of graph) {
      if (!['mail', 'templates'].includes(part(file))) continue;
      expect(imports.filter((t) => ['compose', 'cli', 'batch'].includes(part(t))), file).toEqual([]);
    }
  });

  it('no file imports itself round a loop', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const t of graph.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('the import reader sees type imports and re-exports', () => {
    expect(importsOf(join(SRC, 'mail', 'mbox.ts'))).toContain('message.ts'); // import type { … }
    expect(importsOf(join(SRC, 'compose', 'compose.ts'))).toContain('compose/message-id.ts'); // export { … } from
  });
});

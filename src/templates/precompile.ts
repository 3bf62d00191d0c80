// Build time only (scripts/build.mjs): the built-in templates compiled ahead. Makes the module
// that replaces ./precompiled.ts in the bundle (an index from key to file) and one CommonJS file
// per template, per partials folder and per humour file (read synchronously, and only when one of
// its pieces is compiled: a run reads its own scenario's file, not every scenario's).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import Handlebars from 'handlebars';
import { cacheFile } from '../code-cache.js';
import { COMPILE_OPTIONS, sourceKey } from './engine.js';
import { readTemplateFile, templatePieces } from './library.js';

export interface TemplateSource {
  source: string;
  /**
   * The file it goes to: "templates.shipping-delay" for templates/shipping-delay.hbs and its
   * .followup, "templates-de.partials" for templates/de/partials/, "templates.humour.shipping-delay" for that scenario's lines of humour.json.
   */
  group: string;
}

/**
 * Every piece of source the library compiles from a templates folder and its subfolders
 * (partials/, locale folders such as de/ and their partials/): each partial whole, each
 * template's header values and body, each humour line. A file that does not split into
 * headers and body is left out: the library refuses it at run time with its own message.
 */
export function templateSources(dir: string): TemplateSource[] {
  const out: TemplateSource[] = [];
  const walk = (folder: string, group: string, inPartials: boolean) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    // A folder's own files, then its partials, then its locale folders: a piece the same in two
    // folders goes to the top one's file (an English run never reads a locale's).
    const rank = (e: (typeof entries)[number]) => (!e.isDirectory() ? 0 : e.name === 'partials' ? 1 : 2);
    for (const entry of entries.sort((a, b) => rank(a) - rank(b))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'partials') walk(path, `${group}.partials`, true);
        else if (/^[A-Za-z0-9_-]+$/.test(entry.name)) walk(path, `${group}-${entry.name}`, false);
        continue;
      }
      try {
        if (entry.name.endsWith('.hbs')) {
          const text = readTemplateFile(path);
          const file = inPartials ? group : `${group}.${entry.name.replace(/(\.followup)?\.hbs$/, '').replace(/[^A-Za-z0-9_-]/g, '_')}`;
          for (const source of inPartials ? [text] : templatePieces(text, path)) out.push({ source, group: file });
        } else if (entry.name === 'humour.json' && !inPartials) {
          const data = JSON.parse(readTemplateFile(path)) as Record<string, unknown>;
          for (const [scenario, lines] of Object.entries(data)) {
            const file = `${group}.humour.${scenario.replace(/[^A-Za-z0-9_-]/g, '_')}`;
            if (Array.isArray(lines)) for (const l of lines) if (typeof l === 'string') out.push({ source: l, group: file });
          }
        }
      } catch {
        // (refused at run time, with the file and line)
      }
    }
  };
  walk(dir, 'templates', false);
  return out;
}

/** How a table file is wrapped to run (as JavaScript source text): the same text when the build makes its code cache. */
const TABLE_HEAD = '(function (exports) {';
const TABLE_TAIL = '\n})';

/**
 * V8's code cache for a table file (`text`, as written: ASCII), in a cache file that names the
 * text it was made for (../code-cache.ts): what the index reads from <file>.cache. Made by the
 * build with the Node that builds the package; another Node rejects it and compiles.
 */
export function tableCodeCache(text: string, filename: string): Buffer {
  return cacheFile(Buffer.from(text, 'latin1'), new Script(TABLE_HEAD + text + TABLE_TAIL, { filename }).createCachedData());
}

export interface PrecompiledModules {
  /** The ES module that replaces ./precompiled.ts. */
  index: string;
  /** File name (in `folder`, next to the bundle) → its text: each table's CommonJS source (<group>.cjs) and its parsed trees (<group>.ast). */
  files: Map<string, string>;
}

/**
 * For each piece that compiles: its key, its Handlebars.precompile specification (with the
 * options every template has) and its parsed tree as JSON. A piece with a syntax error is left
 * out (the run-time compile reports it). `folder`: where the files go, relative to the bundle;
 * `codeCache`: how the index imports ../code-cache.ts (the bundle's path, or a test's).
 */
export function precompiledModules(dir: string, folder = 'precompiled', codeCache = '../code-cache.js'): PrecompiledModules {
  const where = new Map<string, string>();
  const files = new Map<string, string[]>();
  // Each table's parsed trees, in a file of their own beside it (<file>.ast): a run reads the trees of
  // the pieces it uses, not the whole table's (the trees are most of a table's text, and of its cache).
  const asts = new Map<string, string[]>();
  const astBytes = new Map<string, number>();
  for (const { source, group } of templateSources(dir)) {
    const key = sourceKey(source);
    if (where.has(key)) continue;
    let spec: string;
    let ast: string;
    try {
      spec = Handlebars.precompile(source, COMPILE_OPTIONS) as unknown as string;
      ast = JSON.stringify(Handlebars.parse(source));
    } catch {
      continue;
    }
    const file = `${group}.cjs`;
    where.set(key, file);
    if (!files.has(file)) {
      files.set(file, []);
      asts.set(file, []);
      astBytes.set(file, 0);
    }
    // ASCII, as JSON escapes it: an offset is a byte offset.
    const tree = ast.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    files.get(file)!.push(`exports[${JSON.stringify(key)}] = { spec: () => (${spec}), ast: [${astBytes.get(file)}, ${tree.length}] };`);
    asts.get(file)!.push(tree);
    astBytes.set(file, astBytes.get(file)! + tree.length);
  }
  const names = [...files.keys()];
  const index = `// Generated by scripts/build.mjs: do not edit.
import { openSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cachedDataFor } from ${JSON.stringify(codeCache)};
const FOLDER = new URL(${JSON.stringify(`./${folder}/`)}, import.meta.url);
const FILES = ${JSON.stringify(names)};
const INDEX = new Map([
${[...where].map(([key, file]) => `[${JSON.stringify(key)}, ${names.indexOf(file)}]`).join(',\n')}
]);
const tables = [];
const loaded = [];
export const HAS_PRECOMPILED = INDEX.size > 0;
// A table is run as CommonJS would run it, with V8's code cache for it when the build made one
// (<file>.cache: the scan of its ~1 MB skipped). A cache made for another text, damaged or cut
// is not given to V8 (which would run it, or crash), nor one V8 cannot use (another Node).
function loadTable(name) {
  const path = fileURLToPath(new URL(name, FOLDER));
  const bytes = readFileSync(path);
  const source = ${JSON.stringify(TABLE_HEAD)} + bytes.toString('latin1') + ${JSON.stringify(TABLE_TAIL)};
  let stored;
  try {
    stored = readFileSync(path.slice(0, -4) + '.cache');
  } catch {
    // (none: compiled from the text)
  }
  const cachedData = cachedDataFor(bytes, stored);
  // The trees' file, open while the process runs: each tree is read when its piece is first parsed.
  const trees = openSync(path.slice(0, -4) + '.ast', 'r');
  const exports = {};
  const script = new Script(source, { filename: path, cachedData });
  script.runInThisContext()(exports);
  loaded.push({ path, script });
  const entries = {};
  for (const [key, e] of Object.entries(exports)) {
    entries[key] = {
      spec: e.spec,
      get ast() {
        const [at, length] = e.ast;
        const buf = Buffer.allocUnsafe(length);
        let got = 0;
        while (got < length) {
          const n = readSync(trees, buf, got, length - got, at + got);
          if (n === 0) throw new Error(\`\${path.slice(0, -4)}.ast is cut short: reinstall the package\`);
          got += n;
        }
        return buf.toString('latin1');
      },
    };
  }
  return entries;
}
// For the build, which makes each table's cache again after rendering every built-in template.
export function loadedTables() {
  return loaded;
}
export function precompiledEntry(key) {
  const i = INDEX.get(key);
  if (i === undefined) return undefined;
  if (tables[i] === undefined) {
    try {
      tables[i] = loadTable(FILES[i]);
    } catch {
      tables[i] = null; // (missing: compiled at run time)
    }
  }
  return tables[i]?.[key];
}
`;
  const header = '// Generated by scripts/build.mjs: do not edit.\n';
  // ASCII only (every non-ASCII character is inside a string literal, where \uXXXX means the same):
  // Node then reads the file as a one-byte string, half the memory and quicker to scan.
  const ascii = (text: string) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return {
    index,
    files: new Map([
      ...[...files].map(([name, lines]): [string, string] => [name, ascii(`${header}${lines.join('\n')}\n`)]),
      ...[...asts].map(([name, trees]): [string, string] => [name.replace(/\.cjs$/, '.ast'), trees.join('')]),
    ]),
  };
}

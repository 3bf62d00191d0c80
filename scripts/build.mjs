// Builds the CLI (fast start-up: a small entry that answers --version, then one script for every
// command run through V8's code cache, trained per command here), the library entry
// (dependencies left external) and the type declarations.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// CommonJS dependencies inside an ESM bundle need a real `require`.
const banner = {
  js: "import { createRequire as __apologizeCreateRequire } from 'node:module'; const require = __apologizeCreateRequire(import.meta.url);",
};

// Handlebars loads `source-map` (140 KB) to build its compiled templates when it can, and has a
// small built-in stand-in when it cannot; apologize never asks for source maps of templates, so the
// CLI bundle gets the stand-in (a 20-row batch compiles its templates at start-up).
const noSourceMap = {
  name: 'no-source-map',
  setup(b) {
    b.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'no-source-map' }));
    b.onLoad({ filter: /.*/, namespace: 'no-source-map' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

// Commander requires node:child_process (and with it net, dgram, …) when it loads, for
// subcommands that are programs of their own, which apologize has none of: required when used.
const COMMANDER_CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(COMMANDER_CHILD_PROCESS)) throw new Error(`${args.path}: no "${COMMANDER_CHILD_PROCESS}" to make lazy (commander changed)`);
      return { contents: text.replace(COMMANDER_CHILD_PROCESS, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};

// The learned weights of `check` (src/check/check-model.json, 40-odd KB) as one string that JSON.parse reads
// when the module loads: cheaper to start than the object literal esbuild would write for it, in every
// command, `draft --help` included.
const jsonAsString = {
  name: 'json-as-string',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]check[\\/]check-model\.json$/ }, (args) => ({ contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`, loader: 'js' }));
  },
};

// The built-in templates compiled ahead (Handlebars.precompile), in place of the empty table
// src/templates/precompiled.ts: a run compiles only custom or edited templates. The generator is
// the package's own code (src/templates/precompile.ts), bundled for this step and thrown away;
// each template folder's compiled pieces go to dist/precompiled/<folder>.cjs, read when first used.
const generator = new URL('../dist/.precompile.mjs', import.meta.url);
mkdirSync(new URL('../dist', import.meta.url), { recursive: true });
const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: ['src/templates/precompile.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
writeFileSync(generator, outputFiles[0].contents);
const { precompiledModules, tableCodeCache } = await import(generator.href);
rmSync(generator);
const precompiledTemplates = precompiledModules(fileURLToPath(new URL('../templates', import.meta.url)), 'precompiled');
mkdirSync(new URL('../dist/precompiled', import.meta.url), { recursive: true });
// With each table, V8's code cache for it (read with it: a run skips scanning the ~1 MB of partials).
for (const [name, text] of precompiledTemplates.files) {
  const file = new URL(`../dist/precompiled/${name}`, import.meta.url);
  writeFileSync(file, text);
  // (a table's parsed trees, <group>.ast, are data read by offset: no cache)
  if (name.endsWith('.cjs')) writeFileSync(new URL(`../dist/precompiled/${name.replace(/\.cjs$/, '.cache')}`, import.meta.url), tableCodeCache(text, fileURLToPath(file)));
}
// spell16: the US and British dictionaries expanded once, here, by nspell (src/text/english-words.ts), one word a line:
// a run reads the file when a field's spelling is first checked, instead of spending half a second expanding them.
{
  const words = new URL('../dist/.english-words.mjs', import.meta.url);
  const out = await build({ absWorkingDir: root, entryPoints: ['src/text/english-words.ts'], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
  writeFileSync(words, out.outputFiles[0].contents);
  const { englishWordList } = await import(words.href);
  rmSync(words);
  writeFileSync(new URL('../dist/english-words.txt', import.meta.url), englishWordList(), 'latin1');
}
const precompiled = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]templates[\\/]precompiled\.ts$/ }, () => ({ contents: precompiledTemplates.index, loader: 'js' }));
  },
};

// The CLI. dist/cli.js is the bin's entry: it answers `--version` itself and otherwise runs
// dist/app.cjs, every command in one script, through V8's code cache for it (src/code-cache.ts):
// Node 20 caches no compiled code for ES modules, and compiling was most of a small run's time.
// The script is CommonJS wrapped in a function (its text is the file's bytes); modules a command
// reaches lazily are still evaluated lazily. Large libraries only some runs need (the .eml reader
// of `check`, SMTP, legacy encodings, the full YAML library, prompts) stay out of it, each a
// bundle of its own in dist/vendor/ that the app requires when it first needs it.
const VENDOR = ['mailparser', 'nodemailer', 'iconv-lite', 'yaml', 'chardet', 'cli-progress', '@inquirer/prompts', 'chalk'];
const vendorFile = (name) => `${name.replace(/^@/, '').replace('/', '+')}.cjs`;
/** Imports of a vendored library (the copy in the top node_modules, not a nested other version) as `<prefix><file>`. */
function vendored(prefix, self) {
  return {
    name: 'vendored',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(?:${VENDOR.map((v) => v.replace(/[/.-]/g, '\\$&')).join('|')})$`) }, async (args) => {
        if (args.pluginData === 'vendored' || args.kind === 'entry-point' || args.path === self) return undefined;
        const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'vendored' });
        if (r.errors.length > 0 || !r.path.startsWith(join(root, 'node_modules', args.path) + sep)) return undefined;
        return { path: prefix + vendorFile(args.path), external: true };
      });
    },
  };
}
// CommonJS output: `import.meta.url` is the script's own URL, passed in by its wrapper.
const scriptCommon = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
// Code only some runs reach, split from dist/app.cjs into a script of its own that the app requires
// when first used: the German, French and Spanish text rules (an English letter never runs them).
// `loader` is the module the rest of the app reaches the chunk through (from the sources it imports
// `entry` itself); in the app its text is replaced by a require of the chunk at the first call.
const CHUNKS = [{ name: 'text-i18n', entry: 'src/incident/i18n.ts', loader: 'src/incident/i18n-load.ts', exports: { textI18n: 'm' } }];
const chunkFile = (chunk) => `./chunks/${chunk.name}.cjs`;
// Each loader module whose functions require a file at their first call: the chunks, and chalk,
// which a run needs only when stderr is a terminal (src/cli/colour.ts).
const LAZY = [...CHUNKS.map((c) => ({ loader: c.loader, file: chunkFile(c), exports: c.exports })), { loader: 'src/cli/chalk-load.ts', file: './vendor/chalk.cjs', exports: { chalkClass: 'm.Chalk' } }];
const lazyLoaders = {
  name: 'lazy-loaders',
  setup(b) {
    b.onResolve({ filter: /^\.\/(?:chunks|vendor)\/[^/]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    for (const lazy of LAZY) {
      b.onLoad({ filter: new RegExp(`${lazy.loader.split('/').map((p) => p.replace(/[.]/g, '\\.')).join('[\\\\/]')}$`) }, () => ({
        loader: 'js',
        contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(lazy.file)}));\n${Object.entries(lazy.exports).map(([name, expr]) => `export function ${name}() { const m = load(); return ${expr}; }`).join('\n')}\n`,
      }));
    }
  },
};
// Strict, as the ES modules it is made of (and every vendored library too, as in the ES module build before).
const APP_HEAD = '(function (exports, require, module, __filename, __dirname, __apologizeUrl) {"use strict";';
const app = await build({
  ...scriptCommon,
  plugins: [noSourceMap, precompiled, vendored('./vendor/'), lazyChildProcess, jsonAsString, lazyLoaders],
  entryPoints: { app: 'src/cli/app.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  // import() becomes require(): a script run by vm.Script has no loader for import().
  supported: { 'dynamic-import': false },
  banner: { js: APP_HEAD },
  footer: { js: '})' },
  define: { __APOLOGIZE_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__apologizeUrl' },
  write: false,
  metafile: true,
});
// The script in ASCII: esbuild escapes strings and templates but leaves regular expression literals
// as written ('’', '€', 'ü'); the same characters as \\uXXXX mean the same in a regular expression.
// An ASCII file is read as a one-byte string (src/code-cache.ts), a copy instead of a UTF-8 decode
// of a million characters. Not done (the file stays UTF-8, read as such) when a non-ASCII character
// stands where an escape would change it: after a backslash, or in a String.raw template.
function asciiScript(text) {
  for (const m of text.matchAll(/String\.raw`/g)) if (/[^\x00-\x7f]/.test(text.slice(m.index, text.indexOf('`', m.index + 11)))) return text;
  if (/\\[^\x00-\x7f]/.test(text)) return text;
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const appText = Buffer.from(asciiScript(Buffer.from(app.outputFiles[0].contents).toString('utf8')), 'utf8');
if (/\bimport\(|\bimport\.meta\b/.test(Buffer.from(appText).toString('utf8'))) throw new Error('dist/app.cjs: import() or import.meta left in the script');
writeFileSync(new URL('../dist/app.cjs', import.meta.url), appText);
for (const lazy of LAZY) {
  if (!Buffer.from(appText).toString('utf8').includes(`require(${JSON.stringify(lazy.file)})`)) throw new Error(`dist/app.cjs: ${lazy.loader} was not replaced by a require of ${lazy.file}`);
}
for (const chunk of CHUNKS) {
  await build({
    ...scriptCommon,
    plugins: [noSourceMap, vendored('../vendor/')],
    entryPoints: [chunk.entry],
    outfile: `dist/chunks/${chunk.name}.cjs`,
    banner: { js: '"use strict";' },
  });
}
for (const chunk of CHUNKS) {
  // Nothing of a chunk's own modules may be in the app as well (two copies, the app's run at start-up).
  const own = (await build({ ...scriptCommon, entryPoints: [chunk.entry], write: false, metafile: true })).metafile.inputs;
  const twice = Object.keys(own).filter((input) => input.startsWith('src/') && input in app.metafile.inputs);
  if (twice.length > 0) throw new Error(`dist/app.cjs holds ${twice.join(', ')}, which ${chunkFile(chunk)} holds too: import them only through ${chunk.loader}`);
}
mkdirSync(new URL('../dist/vendor', import.meta.url), { recursive: true });
for (const name of VENDOR) {
  await build({
    ...scriptCommon,
    plugins: [vendored('./', name)],
    entryPoints: [name],
    outfile: `dist/vendor/${vendorFile(name)}`,
    banner: { js: "\"use strict\";const __apologizeUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__apologizeUrl' },
  });
}

await build({
  absWorkingDir: root,
  plugins: [
    {
      // main.ts's `import('./app.js')`: dist/app.cjs, run with the code cache trained for the command.
      name: 'app-script',
      setup(b) {
        b.onResolve({ filter: /^\.\/app\.js$/ }, (args) => (args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: 'app', namespace: 'app-script' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'app-script' }, () => ({
          resolveDir: join(root, 'src', 'cli'),
          loader: 'js',
          contents: `import { loadScript } from '../code-cache.ts';
import { cacheNameFor } from './code-cache.ts';
const { exports } = loadScript(new URL('./app.cjs', import.meta.url), new URL(\`./app.\${cacheNameFor(process.argv.slice(2))}.cache\`, import.meta.url));
export const run = exports.run;
export const processIO = exports.processIO;`,
        }));
      },
    },
  ],
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  define: { __APOLOGIZE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// The CSV pre-pass's worker thread (a large file's scattered customers): its own module.
await build({
  absWorkingDir: root,
  plugins: [noSourceMap],
  entryPoints: { 'prescan-worker': 'src/recipients/prescan-worker.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner,
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// A code cache per command: each command run once on a small example in a fresh process
// (so the cache holds what that command compiles), then V8's cache of the script saved; and
// the English template tables' caches made again after rendering every scenario and severity
// (the functions a letter runs compiled in them; the build's first caches hold only the tables' tops).
const trainer = new URL('../dist/.train.mjs', import.meta.url);
const trainerBuild = await build({
  absWorkingDir: root,
  stdin: {
    resolveDir: join(root, 'src', 'cli'),
    loader: 'js',
    contents: `import { readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { cacheFile, loadScript } from '../code-cache.ts';
const [appPath, cachePath, runs, cwd] = process.argv.slice(2);
const { exports: app, script } = loadScript(pathToFileURL(appPath));
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
for (const argv of JSON.parse(runs)) {
  const code = await app.run(argv, { ...app.processIO(), stdout: sink(), stderr: sink(), cwd, env: { PATH: process.env.PATH, CI: '1' } });
  if (code !== 0) throw new Error(\`training run \${argv.join(' ')} exited \${code}\`);
}
// The CLI's cache for this command; or (no path given) the tables' caches, after the runs that rendered them.
if (cachePath) writeFileSync(cachePath, cacheFile(readFileSync(appPath), script.createCachedData()));
else for (const t of app.loadedTables()) writeFileSync(t.path.slice(0, -4) + '.cache', cacheFile(readFileSync(t.path), t.script.createCachedData()));`,
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
writeFileSync(trainer, trainerBuild.outputFiles[0].contents);
const work = mkdtempSync(join(tmpdir(), 'apologize-build-'));
try {
  writeFileSync(join(work, 'incident.yaml'), readFileSync(new URL('../examples/incident.yaml', import.meta.url)));
  const rows = Array.from({ length: 20 }, (_, i) => `A-${100000 + i},Zoë Müller ${Math.floor(i / 1.5)},customer${Math.floor(i / 1.5)}@example.com,Assam Breakfast,${15 + i / 100},2026-07-0${(i % 9) + 1},Zürich`);
  writeFileSync(join(work, 'orders.csv'), `Order No,Customer Name,Email,Product,Amount,Ship Date,City\n${rows.join('\n')}\n`);
  writeFileSync(
    join(work, 'letter.txt'),
    'Subject: Your order is late\n\nDear Ana,\n\nWe got this wrong, and it is on us: your order will arrive two days later than we promised. A label printer update sent it to the wrong depot. Every label run is now checked by a second person. We have added a £10 credit to your account. If anything is still not right, just reply to this email and I will sort it out.\n\nMargot Pemberton\n',
  );
  const incident = ['--incident', 'incident.yaml'];
  const trainings = {
    help: [['--help'], ['draft', '--help'], ['batch', '--help'], ['check', '--help']],
    batch: [['batch', 'orders.csv', ...incident, '--out', 'out.mbox']],
    draft: [['draft', ...incident, '--no-input', '--to', 'Ana Ruiz <ana@example.com>']],
    check: [['check', 'letter.txt']],
    brief: [['brief', ...incident]],
    templates: [['templates', 'list']],
    // The English templates' tables (a run's scenario, the partials, the humour lines): every
    // scenario and severity, and each follow-up, rendered in one process.
    tables: [
      ...['generic', 'shipping-delay', 'wrong-item', 'billing-error', 'service-outage', 'data-exposure', 'missed-appointment'].flatMap((scenario) => [
        ...['minor', 'moderate', 'major', 'critical'].map((severity) => ['draft', ...incident, '--no-input', '--to', 'ana@example.com', '--scenario', scenario, '--severity', severity]),
        ['draft', ...incident, '--no-input', '--to', 'ana@example.com', '--scenario', scenario, '--stage', 'followup'],
      ]),
      ['batch', 'orders.csv', ...incident, '--out', 'out.mbox'],
    ],
  };
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // the cache is for a plain `node` (V8 rejects one made under other flags)
  for (const [name, runs] of Object.entries(trainings)) {
    execFileSync(process.execPath, [fileURLToPath(trainer), fileURLToPath(new URL('../dist/app.cjs', import.meta.url)), name === 'tables' ? '' : fileURLToPath(new URL(`../dist/app.${name}.cache`, import.meta.url)), JSON.stringify(runs), work], { cwd: work, env, stdio: 'inherit' });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(trainer);
}

await build({
  absWorkingDir: root,
  plugins: [precompiled, jsonAsString],
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { __APOLOGIZE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// Declarations for library users; type errors fail the build.
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

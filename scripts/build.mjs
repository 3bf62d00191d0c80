// Builds the CLI bundle (fast start-up: one file for commander and the command
// table, commands and heavy libraries in lazily imported chunks), the library
// entry (dependencies left external) and the type declarations.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  writeFileSync(new URL(`../dist/precompiled/${name.replace(/\.cjs$/, '.cache')}`, import.meta.url), tableCodeCache(text, fileURLToPath(file)));
}
const precompiled = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]templates[\\/]precompiled\.ts$/ }, () => ({ contents: precompiledTemplates.index, loader: 'js' }));
  },
};

await build({
  absWorkingDir: root,
  plugins: [noSourceMap, precompiled],
  entryPoints: { cli: 'src/cli/main.ts', 'prescan-worker': 'src/recipients/prescan-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  banner,
  legalComments: 'none',
  // Less text for V8 to scan at start-up (a small run's cost is mostly loading): names are kept.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { __APOLOGIZE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

await build({
  absWorkingDir: root,
  plugins: [precompiled],
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

// Builds the CLI bundle (fast start-up: one file for commander and the command
// table, commands and heavy libraries in lazily imported chunks), the library
// entry (dependencies left external) and the type declarations.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
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

await build({
  absWorkingDir: root,
  plugins: [noSourceMap],
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
  define: { __APOLOGIZE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

await build({
  absWorkingDir: root,
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

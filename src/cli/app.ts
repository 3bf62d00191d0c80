// What the bin runs after `--version`: the command runner and the process's streams. The build
// bundles this file and everything it reaches into one script, dist/app.cjs (see code-cache.ts).
export { run } from './run.js';
export { processIO } from './io.js';
// For the build's training runs: the precompiled template tables a run loaded.
export { loadedTables } from '../templates/precompiled.js';

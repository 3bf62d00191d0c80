import { readFileSync } from 'node:fs';

declare const __APOLOGIZE_VERSION__: string | undefined;

/** The package version: inlined by the build, read from package.json when run from source. */
export const VERSION: string =
  typeof __APOLOGIZE_VERSION__ === 'string'
    ? __APOLOGIZE_VERSION__
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

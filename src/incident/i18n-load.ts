// The German, French and Spanish text rules (./i18n.ts), for the code that needs them only for a
// letter or an incident in one of those languages. From the sources (tests, the library) this is
// a plain import; the built CLI's bundle gets a version of this module that requires
// dist/chunks/text-i18n.cjs the first time textI18n() is called (scripts/build.mjs, CHUNKS), so an
// English run never reads, compiles or runs that code.
import * as i18n from './i18n.js';

export type TextI18n = typeof i18n;

/** The de/fr/es text rules (loaded on the first call in the built CLI). */
export function textI18n(): TextI18n {
  return i18n;
}


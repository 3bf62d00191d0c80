import type { Script } from 'node:vm';

/**
 * The built-in templates, compiled when the package is built: scripts/build.mjs replaces this
 * module with the index made by `precompiledModules` (./precompile.ts), and writes the compiled
 * templates of each folder (templates/, templates/de/, …) to a file of their own, read when a
 * piece of that folder is first compiled. Keyed by `sourceKey`, a hash of the exact source a
 * piece has when it is compiled, so an edited or custom template never matches an entry and is
 * compiled at run time. When running from the sources there is no entry.
 */
export interface PrecompiledEntry {
  /** Handlebars.precompile's template specification, made when asked for. */
  spec(): TemplateSpecification;
  /** JSON of Handlebars.parse(source): the processed tree that parseTemplate returns. */
  ast: string;
}

/** The entry of the piece whose `sourceKey` is `key`, if the build made one. */
export function precompiledEntry(key: string): PrecompiledEntry | undefined {
  void key;
  return undefined;
}

/**
 * The table files loaded so far (path, the script run): the build renders every built-in
 * template, then makes each table's code cache from its script (functions it ran included).
 */
export function loadedTables(): { path: string; script: Script }[] {
  return [];
}

/** False when there is no entry at all (running from the sources): no key needs computing. */
export const HAS_PRECOMPILED: boolean = false;

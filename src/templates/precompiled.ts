/**
 * The built-in templates, compiled when the package is built (scripts/build.mjs replaces this
 * module with the output of `precompiledModule` in ./precompile.ts). Keyed by `sourceKey`, a
 * hash of the exact source a piece has when it is compiled, so an edited or custom template
 * never matches an entry and is compiled at run time. Empty when running from the sources.
 */
export interface PrecompiledEntry {
  /** Handlebars.precompile's template specification, made when asked for. */
  spec(): TemplateSpecification;
  /** JSON of Handlebars.parse(source): the processed tree that parseTemplate returns. */
  ast: string;
}

export const PRECOMPILED: ReadonlyMap<string, PrecompiledEntry> = new Map();

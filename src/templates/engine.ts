import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { HELPERS } from './helpers.js';
import { HAS_PRECOMPILED, precompiledEntry, type PrecompiledEntry } from './precompiled.js';

export type HandlebarsEnv = typeof Handlebars;
export type RenderFn = (context: object) => string;

/** The runtime options: no prototype access, ever. */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

/** A fresh, isolated Handlebars instance with our helpers and no others touched. */
export function createEngine(): HandlebarsEnv {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  // `log` writes to the console; a template has no business doing that.
  hb.unregisterHelper('log');
  return hb;
}

/** How every template, humour line and partial is compiled: plain text, strict lookups. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, preventIndent: false } as const;

/**
 * The key of a piece of template source in the table of templates compiled at build time
 * (./precompiled.ts): a hash of the exact text, so only that text ever gets that entry.
 */
export function sourceKey(source: string): string {
  return createHash('sha256').update(source).digest('base64url');
}

// Handlebars' parser is the slowest part of a small run's start-up, and a template's source is
// read by the syntax check, the field analysis, the shape plan and the compiler: each source is
// parsed once. The parsed tree (whitespace control applied) is shared read-only; the compiler,
// which applies whitespace control to what it is given, gets a copy of the unprocessed tree, so
// it compiles exactly what it would from the source.
const raw = new Map<string, hbs.AST.Program>();
const processed = new Map<string, hbs.AST.Program>();

// The Handlebars compiler is most of a small run's start-up: the built-in templates come
// compiled (and parsed) from the build; anything else is compiled here on first use.
const precompiled = new Map<string, PrecompiledEntry | undefined>();

function precompiledFor(source: string): PrecompiledEntry | undefined {
  if (!HAS_PRECOMPILED) return undefined;
  let hit = precompiled.get(source);
  if (hit === undefined && !precompiled.has(source)) {
    hit = precompiledEntry(sourceKey(source));
    precompiled.set(source, hit);
  }
  return hit;
}

function rawTree(source: string): hbs.AST.Program {
  let tree = raw.get(source);
  if (!tree) {
    tree = Handlebars.parseWithoutProcessing(source);
    raw.set(source, tree);
  }
  return tree;
}

/** `Handlebars.parse(source)`, parsed once per source: read it, never change it. */
export function parseTemplate(source: string): hbs.AST.Program {
  let tree = processed.get(source);
  if (!tree) {
    const built = precompiledFor(source);
    tree = built
      ? (JSON.parse(built.ast) as hbs.AST.Program)
      : Handlebars.parse(structuredClone(rawTree(source)) as unknown as string); // (a parsed Program is returned as it is, then processed)
    processed.set(source, tree);
  }
  return tree;
}

/** `hb.compile(source)` with apologize's options, from the parsed tree (compiled on first use). */
export function compileTemplate(hb: HandlebarsEnv, source: string): HandlebarsTemplateDelegate {
  const built = precompiledFor(source);
  if (built) return hb.template(built.spec());
  // (typed for source text; Handlebars takes a parsed Program as well)
  return hb.compile(structuredClone(rawTree(source)) as unknown as string, COMPILE_OPTIONS);
}

/** Parses now (so syntax errors surface at load time) and compiles for plain text. */
export function compileText(hb: HandlebarsEnv, source: string): RenderFn {
  parseTemplate(source);
  const template = compileTemplate(hb, source);
  return (context: object) => template(context, RUNTIME_OPTIONS);
}

/** Extracts "line N" from a Handlebars error, if any. */
export function handlebarsLine(err: unknown): number | undefined {
  const e = err as { lineNumber?: number; message?: string };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const m = /(?:on line |- )(\d+):?(\d+)?/.exec(e.message ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * The first line of a Handlebars error message, without its ASCII art. Given
 * the source, a strict-mode miss names the whole variable (`recipient.vip is
 * not defined`), not Handlebars' `"vip" not defined in [object Object]`.
 */
export function handlebarsMessage(err: unknown, source?: string): string {
  const msg = String((err as Error)?.message ?? err);
  const e = err as { lineNumber?: number; column?: number };
  const miss = /^"([^"]*)" not defined in /.exec(msg);
  if (miss) {
    const line = source !== undefined && typeof e.lineNumber === 'number' ? source.split('\n')[e.lineNumber - 1] : undefined;
    const path = line !== undefined && typeof e.column === 'number' ? /^[@\w./[\]-]+/.exec(line.slice(e.column))?.[0] : undefined;
    // (inside a partial, the position is the partial's: then only the name is known)
    return path !== undefined && path.replace(/[[\]]/g, '').split(/[./]/).pop() === miss[1] ? `${path} is not defined` : `"${miss[1]}" is not defined`;
  }
  const lines = msg.split('\n');
  const expecting = lines.find((l) => l.startsWith('Expecting'));
  return expecting ? `${lines[0]}: ${expecting}` : lines[0]!;
}

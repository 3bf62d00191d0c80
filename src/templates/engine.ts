import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { HELPERS } from './helpers.js';
import { HAS_PRECOMPILED, precompiledEntry, type PrecompiledEntry } from './precompiled.js';

type Handlebars = typeof import('handlebars');
export type HandlebarsEnv = Handlebars;

// The Handlebars runtime runs every template; its parser and compiler (four times the code) are
// loaded only for a piece of source the build did not compile ahead (a custom or edited template).
const Runtime = HandlebarsRuntime as unknown as Handlebars;
let full: Handlebars | undefined;
function compiler(): Handlebars {
  full ??= createRequire(import.meta.url)('handlebars') as Handlebars;
  return full;
}

/** What `hb.compile` does, with the parser and compiler loaded on demand, for the runtime instance `hb`. */
interface CompilerClasses {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: object, context: undefined, asObject: true): TemplateSpecification };
}
export type RenderFn = (context: object) => string;

/** The runtime options: no prototype access, ever. */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

/** A fresh, isolated Handlebars instance with our helpers and no others touched. */
export function createEngine(): HandlebarsEnv {
  const hb = Runtime.create();
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
    tree = compiler().parseWithoutProcessing(source);
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
      : compiler().parse(structuredClone(rawTree(source)) as unknown as string); // (a parsed Program is returned as it is, then processed)
    processed.set(source, tree);
  }
  return tree;
}

/** `hb.compile(source)` with apologize's options, from the parsed tree (compiled on first use). */
export function compileTemplate(hb: HandlebarsEnv, source: string): HandlebarsTemplateDelegate {
  const built = precompiledFor(source);
  if (built) return hb.template(built.spec());
  // As Handlebars.compile does (compiled on first use, `data` on), for this instance's helpers and partials.
  const tree = structuredClone(rawTree(source));
  const options = { ...COMPILE_OPTIONS, data: true };
  let compiled: HandlebarsTemplateDelegate | undefined;
  const build = (): HandlebarsTemplateDelegate & TemplateInternals => {
    if (!compiled) {
      const c = compiler();
      const classes = c as unknown as CompilerClasses;
      // (typed for source text; Handlebars takes a parsed Program as well)
      const environment = new classes.Compiler().compile(c.parse(tree as unknown as string, options as Parameters<Handlebars['parse']>[1]), options);
      compiled = hb.template(new classes.JavaScriptCompiler().compile(environment, options, undefined, true));
    }
    return compiled as HandlebarsTemplateDelegate & TemplateInternals;
  };
  const template = ((context: unknown, execOptions?: RuntimeOptions) => build()(context, execOptions)) as HandlebarsTemplateDelegate & TemplateInternals;
  template._setup = (o: unknown) => build()._setup(o);
  template._child = (...args: unknown[]) => build()._child(...args);
  return template;
}

/** What the runtime calls on a template it runs as a partial or a block (Handlebars' own compile defines them too). */
interface TemplateInternals {
  _setup(options: unknown): unknown;
  _child(...args: unknown[]): unknown;
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

import { createRequire } from 'node:module';
import Handlebars from 'handlebars';
import { HELPERS } from './helpers.js';

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

/** How every template and partial is compiled: plain text, strict about missing values. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, preventIndent: false } as const;

type TemplateSpec = Parameters<HandlebarsEnv['template']>[0] & { compilerOptions?: object };

/**
 * The built-in templates' pieces precompiled by the build (scripts/build.mjs
 * writes dist/templates.precompiled.cjs: source text → Handlebars.precompile
 * of it with COMPILE_OPTIONS), so a run does not compile them: Handlebars'
 * compiler took about 0.2 s of every batch's start. A piece whose text is not
 * there (a user's template, an edited built-in, or running from src/) is
 * compiled as before.
 */
let precompiled: ReadonlyMap<string, TemplateSpec> | null | undefined;
export function precompiledSpec(source: string): TemplateSpec | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = createRequire(import.meta.url)('./templates.precompiled.cjs') as ReadonlyMap<string, TemplateSpec>;
    } catch {
      precompiled = null;
    }
  }
  const spec = precompiled?.get(source);
  // What compile() hands a partial it compiles for this template (compile() keeps them on the spec; precompile() cannot).
  if (spec) spec.compilerOptions ??= { ...COMPILE_OPTIONS, data: true };
  return spec;
}

const parsed = new Map<string, hbs.AST.Program>();
/**
 * `Handlebars.parse(source)`, once per text: the checks and the analyses of
 * a run read the same templates and partials several times. The tree is
 * shared: callers must not change it (Handlebars' compiler does, so it is
 * never given one).
 */
export function parseTemplate(source: string): hbs.AST.Program {
  let program = parsed.get(source);
  if (!program) {
    program = Handlebars.parse(source);
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(source, program);
  }
  return program;
}

/** A template for a partial: its precompiled form when there is one, else its text (compiled when first used). */
export function partialTemplate(hb: HandlebarsEnv, source: string): string | Handlebars.TemplateDelegate {
  const spec = precompiledSpec(source);
  if (spec) return hb.template(spec);
  parseTemplate(source);
  return source;
}

/** Parses now (so syntax errors surface at load time) and compiles for plain text. */
export function compileText(hb: HandlebarsEnv, source: string): RenderFn {
  const spec = precompiledSpec(source);
  let template: Handlebars.TemplateDelegate;
  if (spec) template = hb.template(spec);
  else {
    parseTemplate(source);
    template = hb.compile(source, { ...COMPILE_OPTIONS });
  }
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

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { TemplateError, UsageError } from '../errors.js';
import type { Stage } from '../message.js';
import { printable } from '../text/printable.js';
import { nearest } from '../text/nearest.js';
import { hasHeaderBreaker } from '../mail/address.js';
import { compileTemplate, compileText, createEngine, parseTemplate, handlebarsLine, handlebarsMessage, type HandlebarsEnv, type RenderFn } from './engine.js';
import { analyseTemplate, unguardedRecipientFields, type TemplateAnalysis, type TemplatePiece } from './fields.js';
import { skeletonPlan, type SkeletonPlan } from './shape-plan.js';
import { builtinTemplatesDir } from './paths.js';
import { BUILTIN_LANGUAGES, canonicalTag, languageOf } from '../text/locale.js';

export const STAGES: readonly Stage[] = ['apology', 'followup'];

/** Headers apologize writes itself (a clearer message when a template tries). */
const RESERVED = new Set([
  'from', 'to', 'reply-to', 'date', 'message-id', 'mime-version', 'content-type',
  'content-transfer-encoding', 'in-reply-to', 'references',
]);

/**
 * The only headers a template may set (SPEC.md, "Messages"). Anything else —
 * Cc, Bcc, Resent-*, Sender, Return-Path, Received, Content-* — could add a
 * recipient (`sendmail -t`/`msmtp -t` deliver to Resent-To) or change how the
 * message is read, so it is a template error.
 */
const ALLOWED = new Set(['subject', 'auto-submitted', 'precedence', 'importance', 'organization', 'list-id', 'list-unsubscribe', 'list-unsubscribe-post']);
const ALLOWED_LIST = 'Subject, X-…, Auto-Submitted, Precedence, Importance, Organization, List-Id and List-Unsubscribe(-Post)';

/** A header a template may set: the allowlist, or an `X-` name. */
export function templateMaySet(name: string): boolean {
  const lower = name.toLowerCase();
  return ALLOWED.has(lower) || /^x-[a-z0-9]/.test(lower);
}

/** Templates and partials larger than this are refused before Handlebars sees them (it needs many times the size in heap). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** A template file's text: size-checked first, BOM dropped, line ends as LF. */
export function readTemplateFile(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_TEMPLATE_BYTES) {
    const shown = size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;
    throw new TemplateError(`${file}: the template is ${shown}; a template or partial may be at most 256 KB`, 'trim it, or move repeated parts into a partial');
  }
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const bad = CONTROL.exec(text);
  if (bad) {
    const line = text.slice(0, bad.index).split('\n').length;
    throw new TemplateError(`${file}:${line}: the template contains the control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`, 'remove it (only tabs and line breaks may appear in a template)');
  }
  return text;
}

// C0 and C1 controls and DEL, except tab and line feed (CR is already a line feed).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export interface CompiledHeader {
  name: string;
  render: RenderFn;
  source: string;
  /** Line of the header in the file (1-based). */
  line: number;
}

/** One scenario at one stage, compiled. */
export interface CompiledTemplate {
  scenario: string;
  stage: Stage;
  file: string;
  headers: CompiledHeader[];
  /** Line in the file where the body starts (1-based), for error messages. */
  bodyLine: number;
  body: RenderFn;
  bodySource: string;
  humour: RenderFn[];
  humourSources: string[];
  /** Raw source, for `templates show`. */
  source: string;
}

export interface TemplateInfo {
  name: string;
  stages: Stage[];
  origin: 'built-in' | 'custom';
  file: string;
}

export const fileFor = (scenario: string, stage: Stage) => `${scenario}${stage === 'followup' ? '.followup' : ''}.hbs`;

/**
 * The template library: built-ins, shadowed file by file by a user folder.
 * One isolated Handlebars instance; compiled templates are cached.
 */
export class TemplateLibrary {
  readonly builtinDir: string;
  readonly userDir: string | undefined;
  /** The letters' locale ("en", "de", "de-AT"): which folders are searched, and in which order (see `dirs`). */
  readonly locale: string;
  /**
   * Where files are looked up, first match wins: DIR/<tag>/, DIR/<language>/, DIR/, then the
   * built-in templates/<language>/ and templates/ (English). Humour lines never fall back to
   * the built-in English ones in another language (a joke does not translate word for word).
   */
  readonly dirs: readonly string[];
  private readonly humourDirs: readonly string[];
  private readonly siblings: Map<string, TemplateLibrary>;
  private readonly hb: HandlebarsEnv;
  private readonly cache = new Map<string, CompiledTemplate>();
  private humourData: Map<string, string[]> | undefined;
  /** Partial name → its file in the highest-priority folder: found when the library is made, read when a template first uses it. */
  private readonly partialPaths = new Map<string, string>();
  /** The partials read so far (checked, registered with Handlebars): a run reads only those its templates use. */
  private readonly partialFiles = new Map<string, { text: string; file: string }>();
  /** The partials as the analysis and the shape plan look them up (read on first lookup). */
  private readonly partialLookup = { get: (name: string) => this.partial(name) };
  private readonly partialSourceLookup = { get: (name: string) => this.partial(name)?.text };

  constructor(userDir?: string, locale = 'en', siblings?: Map<string, TemplateLibrary>) {
    this.builtinDir = builtinTemplatesDir();
    if (userDir !== undefined) {
      const dir = resolve(userDir);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new UsageError(`templates folder ${userDir} does not exist`, 'check --templates, or eject one with `apologize templates eject NAME`');
      }
      this.userDir = dir;
    }
    this.locale = locale;
    const lang = languageOf(locale);
    const user = this.userDir;
    const userDirs = user ? [...new Set([locale, lang])].map((t) => join(user, t)).filter((d) => isDir(d)) : [];
    const builtinLang = lang !== 'en' && isDir(join(this.builtinDir, lang)) ? [join(this.builtinDir, lang)] : [];
    this.dirs = [...userDirs, ...(user ? [user] : []), ...builtinLang, this.builtinDir];
    this.humourDirs = lang === 'en' || builtinLang.length === 0 ? this.dirs : this.dirs.filter((d) => d !== this.builtinDir);
    this.siblings = siblings ?? new Map([[locale, this]]);
    this.hb = createEngine();
    this.registerPartials();
  }

  /** The same library for letters in another locale ("de", "fr-CA"): its own partials, humour and compiled templates, made once. */
  forLocale(locale: string): TemplateLibrary {
    let lib = this.siblings.get(locale);
    if (!lib) {
      lib = new TemplateLibrary(this.userDir, locale, this.siblings);
      this.siblings.set(locale, lib);
    }
    return lib;
  }

  /**
   * The locales letters can be written in: the built-in languages, and each folder of the
   * user's templates named by a locale tag (DIR/nl/, DIR/de-CH/).
   */
  locales(): string[] {
    const out: string[] = [...BUILTIN_LANGUAGES];
    if (this.userDir) {
      for (const entry of readdirSync(this.userDir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === 'partials') continue;
        const tag = canonicalTag(entry.name);
        if (tag !== undefined && tag === entry.name && !out.includes(tag)) out.push(tag);
      }
    }
    return out;
  }

  /** Finds a file in the first folder of `dirs` that has it. */
  resolveFile(relative: string): string | undefined {
    for (const dir of this.dirs) {
      const file = join(dir, relative);
      if (existsSync(file)) return file;
    }
    return undefined;
  }

  list(): TemplateInfo[] {
    const byName = new Map<string, TemplateInfo>();
    // Lowest priority first (the built-ins), so a user's file wins; a language folder's files count too.
    const user = this.userDir;
    for (const dir of [...this.dirs].reverse()) {
      const origin = user !== undefined && (dir === user || dir.startsWith(`${user}/`)) ? 'custom' : 'built-in';
      for (const entry of readdirSync(dir)) {
        const m = /^([a-z0-9][a-z0-9-]*)(\.followup)?\.hbs$/.exec(entry);
        if (!m) continue;
        const name = m[1]!;
        const stage: Stage = m[2] ? 'followup' : 'apology';
        const info = byName.get(name) ?? { name, stages: [], origin, file: join(dir, entry) };
        if (!info.stages.includes(stage)) info.stages.push(stage);
        if (origin === 'custom') info.origin = 'custom';
        if (stage === 'apology') info.file = join(dir, entry);
        byName.set(name, info);
      }
    }
    const order = (st: Stage) => STAGES.indexOf(st);
    return [...byName.values()]
      .filter((t) => t.stages.includes('apology'))
      .map((t) => ({ ...t, stages: [...t.stages].sort((a, b) => order(a) - order(b)) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  has(scenario: string): boolean {
    return this.resolveFile(fileFor(scenario, 'apology')) !== undefined;
  }

  get(scenario: string, stage: Stage = 'apology'): CompiledTemplate {
    const key = `${scenario}\0${stage}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const file = this.resolveFile(fileFor(scenario, stage));
    if (!file) {
      const names = this.list().map((t) => t.name);
      const noFollowUp = stage === 'followup' && this.has(scenario);
      const guess = noFollowUp ? undefined : nearest(scenario, names);
      throw new UsageError(
        noFollowUp ? `scenario "${scenario}" has no follow-up template (${fileFor(scenario, stage)})` : `unknown scenario "${scenario}"`,
        guess !== undefined ? `did you mean "${guess}"? (choose one of: ${names.join(', ')})` : `choose one of: ${names.join(', ')}`,
      );
    }
    const compiled = this.compileFile(scenario, stage, file);
    this.cache.set(key, compiled);
    return compiled;
  }

  /** Recipient fields the template prints unguarded (an empty value there rejects the row). */
  requiredRecipientFields(template: CompiledTemplate): Set<string> {
    return unguardedRecipientFields(this.analyse(template));
  }

  /**
   * Every value, helper and partial the template names in any branch (its
   * headers, body and humour lines), for checks before the first message.
   */
  analyse(template: CompiledTemplate, only: 'all' | 'subject' = 'all'): TemplateAnalysis {
    const headers = only === 'subject' ? template.headers.filter((h) => h.name.toLowerCase() === 'subject') : template.headers;
    const pieces: TemplatePiece[] = headers.map((h) => ({ text: h.source, file: template.file, firstLine: h.line }));
    if (only === 'all') {
      pieces.push({ text: template.bodySource, file: template.file, firstLine: template.bodyLine });
      const humourFile = this.resolveFile('humour.json') ?? 'humour.json';
      for (const text of template.humourSources) pieces.push({ text, file: humourFile, firstLine: 1 });
    }
    return analyseTemplate(pieces, this.partialLookup);
  }

  private compileFile(scenario: string, stage: Stage, file: string): CompiledTemplate {
    const source = readTemplateFile(file);
    const { headerLines, bodySource, bodyLine } = splitTemplate(source, file);
    const headers: CompiledHeader[] = [];
    const seen = new Map<string, number>();
    headerLines.forEach(({ line, text }) => {
      const m = HEADER_LINE.exec(text);
      if (!m) throw new TemplateError(`${file}:${line}: "${printable(text)}" is not a header line like "Subject: …"`, 'put headers first, then a blank line, then the body');
      const name = m[1]!;
      if (hasHeaderBreaker(m[2]!)) {
        throw new TemplateError(`${file}:${line}: the ${name} header holds a line separator, control or bidi character`, `remove it from the ${name} line`);
      }
      const lower = name.toLowerCase();
      if (RESERVED.has(lower)) {
        throw new TemplateError(`${file}:${line}: the ${name} header is set by apologize, not by templates`, `remove the ${name} line`);
      }
      if (!templateMaySet(name)) {
        throw new TemplateError(`${file}:${line}: a template may not set the ${name} header`, `remove the ${name} line; a template may set only ${ALLOWED_LIST}`);
      }
      const first = seen.get(lower);
      if (first !== undefined && !lower.startsWith('x-')) {
        throw new TemplateError(`${file}:${line}: a second ${name} header (the first is on line ${first})`, `keep one ${name} line`);
      }
      seen.set(lower, line);
      headers.push({ name, render: this.compileAt(m[2]!, file, line), source: m[2]!, line });
    });
    if (!seen.has('subject')) {
      throw new TemplateError(`${file}:1: no Subject header`, 'start the template with a line like "Subject: …" and a blank line');
    }
    const body = this.compileAt(bodySource, file, bodyLine);
    const humour = this.humourFor(scenario);
    return { scenario, stage, file, headers, bodyLine, body, bodySource, humour: humour.map((h) => h.render), humourSources: humour.map((h) => h.source), source };
  }

  /**
   * Every text this library compiles: its partials, and the header values,
   * bodies and humour lines of the templates loaded so far. The build
   * precompiles the built-ins' (see src/templates/precompile.ts).
   */
  sources(): string[] {
    this.checkPartials();
    return [...new Set([...[...this.partialFiles.values()].map((p) => p.text), ...this.compiled])];
  }

  private readonly compiled = new Set<string>();

  /** Compiles a piece of a file; errors point at the file and line. */
  private compileAt(source: string, file: string, firstLine: number): RenderFn {
    this.compiled.add(source);
    let render: RenderFn;
    try {
      render = compileText(this.hb, source);
    } catch (err) {
      const line = (handlebarsLine(err) ?? 1) + firstLine - 1;
      throw new TemplateError(`${file}:${line}: ${handlebarsMessage(err)}`, 'fix the template syntax');
    }
    this.partialsOf(source);
    return (context: object) => {
      try {
        return render(context);
      } catch (err) {
        if (err instanceof TemplateError) throw err;
        const line = (handlebarsLine(err) ?? 1) + firstLine - 1;
        throw new TemplateError(`${file}:${line}: ${handlebarsMessage(err, source)}`, 'use a variable the template context has (see README, "Templates")');
      }
    };
  }

  /** Finds the partials of every folder (lowest priority first: a later folder's partial of the same name replaces it); reads none. */
  private registerPartials(): void {
    for (const dir of [...this.dirs].reverse()) {
      const partials = join(dir, 'partials');
      if (!existsSync(partials)) continue;
      for (const entry of readdirSync(partials)) {
        if (entry.endsWith('.hbs')) this.partialPaths.set(basename(entry, '.hbs'), join(partials, entry));
      }
    }
  }

  /**
   * A partial, read, checked and registered with Handlebars on first use (with the partials it
   * uses in turn); undefined when no folder has it.
   */
  private partial(name: string): { text: string; file: string } | undefined {
    const done = this.partialFiles.get(name);
    if (done) return done;
    const file = this.partialPaths.get(name);
    if (file === undefined) return undefined;
    const source = readTemplateFile(file);
    try {
      parseTemplate(source);
    } catch (err) {
      throw new TemplateError(`${file}:${handlebarsLine(err) ?? 1}: ${handlebarsMessage(err)}`, 'fix the partial syntax');
    }
    // Compiled (on first use, or precompiled by the build) with the options every template has.
    this.hb.registerPartial(name, compileTemplate(this.hb, source));
    const read = { text: source, file };
    this.partialFiles.set(name, read);
    this.partialsOf(source);
    return read;
  }

  /** Reads and registers the partials a piece of template names (all of them when it names one by an expression). */
  private partialsOf(source: string): void {
    const names = partialNames(parseTemplate(source));
    if (names === 'any') this.checkPartials();
    else for (const name of names) this.partial(name);
  }

  /** Reads and checks every partial (`templates` commands: a broken one is reported even when no template uses it). */
  checkPartials(): void {
    for (const name of this.partialPaths.keys()) this.partial(name);
  }

  /** True when batches may render this template by cached shapes (see compose/skeleton.ts). */
  skeletonPlan(sources: string[]): SkeletonPlan | null {
    return skeletonPlan(sources, this.partialSourceLookup);
  }

  private humourFor(scenario: string): { render: RenderFn; source: string }[] {
    if (!this.humourData) {
      const data = new Map<string, string[]>();
      for (const dir of [...this.humourDirs].reverse()) {
        const file = join(dir, 'humour.json');
        if (!existsSync(file)) continue;
        let parsed: unknown;
        const text = readTemplateFile(file);
        try {
          parsed = JSON.parse(text);
        } catch (err) {
          throw new TemplateError(`${file}: not valid JSON (${(err as Error).message})`, 'humour.json maps a scenario name to a list of lines');
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw new TemplateError(`${file}: expected an object of scenario names`, 'humour.json maps a scenario name to a list of lines');
        }
        for (const [name, lines] of Object.entries(parsed as Record<string, unknown>)) {
          if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string')) {
            throw new TemplateError(`${file}: "${name}" must be a list of lines`, 'e.g. { "generic": ["a line", "another"] }');
          }
          data.set(name, lines as string[]);
        }
      }
      this.humourData = data;
    }
    const lines = this.humourData.get(scenario) ?? this.humourData.get('generic') ?? [];
    const file = this.humourDirs.map((d) => join(d, 'humour.json')).find((f) => existsSync(f)) ?? 'humour.json';
    return lines.map((line) => ({ render: this.compileAt(line, file, 1), source: line }));
  }
}

/** The names of the partials a parsed template calls (`{{> name}}`, `{{#> name}}`); 'any' when one is named by an expression. */
function partialNames(tree: hbs.AST.Program): Set<string> | 'any' {
  const names = new Set<string>();
  // Partials are statements: only the statement lists of programs (and of blocks' programs) are walked.
  const visit = (program: hbs.AST.Program | undefined): boolean => {
    if (!program) return true;
    for (const node of program.body) {
      const n = node as hbs.AST.Statement & { name?: hbs.AST.PathExpression | hbs.AST.SubExpression; program?: hbs.AST.Program; inverse?: hbs.AST.Program };
      if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
        if (n.name?.type !== 'PathExpression') return false;
        names.add(n.name.original);
      }
      if (!visit(n.program) || !visit(n.inverse)) return false;
    }
    return true;
  };
  return visit(tree) ? names : 'any';
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// A name, then the colon right after it: "Bcc : x" or "\tBcc: x" is not a header line.
const HEADER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*)$/s;

/** The pieces of a template file compiled one by one: each header's value, then the body. */
export function templatePieces(source: string, file: string): string[] {
  const { headerLines, bodySource } = splitTemplate(source, file);
  const pieces = headerLines.flatMap(({ text }) => {
    const m = HEADER_LINE.exec(text);
    return m ? [m[2]!] : [];
  });
  pieces.push(bodySource);
  return pieces;
}

interface HeaderLine {
  line: number;
  text: string;
}

/** Splits "headers, blank line, body"; folded header lines are joined. */
export function splitTemplate(source: string, file: string): { headerLines: HeaderLine[]; bodySource: string; bodyLine: number } {
  const lines = source.split('\n');
  const blank = lines.findIndex((l) => l.trim() === '');
  if (blank <= 0) {
    throw new TemplateError(`${file}:1: a template starts with header lines (at least "Subject: …"), then a blank line, then the body`, 'add a Subject line and a blank line at the top');
  }
  const headerLines: HeaderLine[] = [];
  lines.slice(0, blank).forEach((text, i) => {
    if (/^[ \t]/.test(text) && headerLines.length > 0) headerLines[headerLines.length - 1]!.text += ` ${text.trim()}`;
    else headerLines.push({ line: i + 1, text });
  });
  return { headerLines, bodySource: lines.slice(blank + 1).join('\n'), bodyLine: blank + 2 };
}

import { parseTemplate } from './engine.js';
import { HELPERS } from './helpers.js';

type Node = hbs.AST.Node;

/** A piece of a template file: its text and where it starts, for line numbers. */
export interface TemplatePiece {
  text: string;
  file: string;
  /** 1-based line of the file where `text` starts. */
  firstLine: number;
}

/** One value a template names, in any branch. */
export interface FieldUse {
  /** From the context's root: `incident.vipOffer`, `recipient.orders.*.sku` (`*`: each order). */
  path: string[];
  /** Printed (`{{x}}`, no helper): strict rendering fails when it is missing. Tested or passed to a helper otherwise. */
  printed: boolean;
  /** An enclosing `{{#if}}`/`{{#with}}`/`{{#each}}` tests this very value, so it is never printed when missing. */
  guarded: boolean;
  file: string;
  line: number;
}

export interface TemplateProblem {
  file: string;
  line: number;
  message: string;
}

export interface TemplateAnalysis {
  uses: FieldUse[];
  /** Helpers and partials that do not exist. */
  problems: TemplateProblem[];
  /** Some value the template names could not be resolved to a path (a section's context, an `{{#each}}` index): it may read any column. */
  opaque?: boolean;
}

const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup']);
const isHelper = (name: string) => BUILTIN_HELPERS.has(name) || Object.hasOwn(HELPERS, name);

/** A context level: the path it stands for (null: cannot tell), and names a partial's hash adds. */
interface Scope {
  path: string[] | null;
  names?: Set<string>;
}

interface State {
  stack: Scope[];
  blockParams: Map<string, string[] | null>;
  guards: Set<string>;
  file: string;
  firstLine: number;
}

/**
 * Every value a template names in every branch (`{{#if}}`, `{{else}}`,
 * `{{#each}}`, `{{#with}}`, partials, sub-expressions), resolved to a path
 * from the context's root, and the helpers and partials it calls that do not
 * exist: what can be checked before the first message is rendered.
 */
export function analyseTemplate(pieces: TemplatePiece[], partials: { get(name: string): { text: string; file: string } | undefined }): TemplateAnalysis {
  const uses: FieldUse[] = [];
  const problems: TemplateProblem[] = [];
  let opaque = false;
  const parsed = new Map<string, hbs.AST.Program>();
  const inline = new Map<string, hbs.AST.Program>();
  const visited = new Set<string>();

  const lineOf = (node: Node, s: State) => (node.loc?.start.line ?? 1) + s.firstLine - 1;

  const resolve = (p: hbs.AST.PathExpression, s: State): string[] | null => {
    if (p.data) return p.parts[0] === 'root' ? p.parts.slice(1) : null;
    if (p.depth === 0 && p.parts.length > 0 && s.blockParams.has(p.parts[0]!)) {
      const base = s.blockParams.get(p.parts[0]!);
      return base ? [...base, ...p.parts.slice(1)] : null;
    }
    const scope = s.stack[s.stack.length - 1 - p.depth];
    if (!scope || scope.path === null) return null;
    if (p.parts.length > 0 && scope.names?.has(p.parts[0]!)) return null;
    return [...scope.path, ...p.parts];
  };

  const use = (p: hbs.AST.PathExpression, printed: boolean, s: State) => {
    const path = resolve(p, s);
    if (!path) opaque = true;
    if (!path || path.length === 0) return;
    uses.push({ path, printed, guarded: s.guards.has(path.join('.')), file: s.file, line: lineOf(p, s) });
  };

  const expr = (v: Node, s: State) => {
    if (v.type === 'PathExpression') use(v as hbs.AST.PathExpression, false, s);
    else if (v.type === 'SubExpression') call(v as hbs.AST.SubExpression, s);
  };

  /** A helper call: the helper must exist; its arguments are values the template names. */
  const call = (m: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, s: State) => {
    if (m.path.type === 'PathExpression') {
      const p = m.path as hbs.AST.PathExpression;
      if (p.parts.length === 1 && p.depth === 0 && !p.data && !isHelper(p.parts[0]!)) {
        problems.push({ file: s.file, line: lineOf(p, s), message: `there is no helper "${p.original}"` });
      }
    }
    // `lookup` reads a member named by a value: which column cannot be told.
    if (m.path.type === 'PathExpression' && (m.path as hbs.AST.PathExpression).original === 'lookup') opaque = true;
    for (const v of m.params) expr(v, s);
    for (const pair of m.hash?.pairs ?? []) expr(pair.value, s);
  };

  const simpleHelper = (p: hbs.AST.PathExpression) => p.parts.length === 1 && p.depth === 0 && !p.data && !/^(this|\.)/.test(p.original) && isHelper(p.parts[0]!);

  const guardKey = (v: Node | undefined, s: State): string | undefined => {
    if (!v || v.type !== 'PathExpression') return undefined;
    return resolve(v as hbs.AST.PathExpression, s)?.join('.');
  };

  const withGuard = (s: State, key: string | undefined): State => (key === undefined ? s : { ...s, guards: new Set([...s.guards, key]) });

  const collectInline = (program: hbs.AST.Program) => {
    for (const st of program.body) {
      if (st.type === 'DecoratorBlock') {
        const d = st as unknown as hbs.AST.BlockStatement;
        const name = d.params[0];
        if ((d.path as hbs.AST.PathExpression).original === 'inline' && name?.type === 'StringLiteral') inline.set((name as hbs.AST.StringLiteral).value, d.program);
      }
    }
  };

  const partial = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, s: State) => {
    if (node.name.type !== 'PathExpression') {
      // A partial chosen by a value: what it reads cannot be told.
      opaque = true;
      expr(node.name, s);
      return;
    }
    const name = (node.name as hbs.AST.PathExpression).original;
    if (name === '@partial-block') return;
    for (const v of node.params) expr(v, s);
    for (const pair of node.hash?.pairs ?? []) expr(pair.value, s);
    const local = inline.get(name);
    const source = partials.get(name);
    if (!local && !source) {
      problems.push({ file: s.file, line: lineOf(node, s), message: `there is no partial "${name}"` });
      return;
    }
    const param = node.params[0];
    const names = node.hash ? new Set(node.hash.pairs.map((p) => p.key)) : undefined;
    let stack = s.stack;
    if (param || names) {
      const path = param ? (param.type === 'PathExpression' ? resolve(param as hbs.AST.PathExpression, s) : null) : s.stack[s.stack.length - 1]!.path;
      stack = [...s.stack, { path, names }];
    }
    const key = `${name}|${stack.map((x) => `${x.path?.join('.') ?? '?'}:${[...(x.names ?? [])].join(',')}`).join('/')}|${[...s.guards].join(',')}`;
    if (visited.has(key)) return;
    visited.add(key);
    if (local) {
      walk(local, { ...s, stack });
      return;
    }
    let program = parsed.get(name);
    if (!program) {
      program = parseTemplate(source!.text);
      parsed.set(name, program);
      collectInline(program);
    }
    walk(program, { stack, blockParams: new Map(), guards: s.guards, file: source!.file, firstLine: 1 });
  };

  const walk = (node: Node | undefined, s: State): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const st of (node as hbs.AST.Program).body) walk(st, s);
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.path.type !== 'PathExpression') return;
        const p = m.path as hbs.AST.PathExpression;
        if (m.params.length > 0 || (m.hash && m.hash.pairs.length > 0)) call(m, s);
        else if (!simpleHelper(p)) use(p, true, s);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const p = b.path as hbs.AST.PathExpression;
        const helper = p.original;
        const hasArgs = b.params.length > 0 || (b.hash && b.hash.pairs.length > 0);
        if (!hasArgs && !simpleHelper(p)) {
          // {{#recipient.orders}}…{{/recipient.orders}}: a section over a value.
          use(p, true, s);
          walk(b.program, { ...s, stack: [...s.stack, { path: null }] });
          walk(b.inverse, s);
          return;
        }
        call(b, s);
        const key = guardKey(b.params[0], s);
        if (helper === 'if') {
          walk(b.program, withGuard(s, key));
          walk(b.inverse, s);
        } else if (helper === 'unless') {
          walk(b.program, s);
          walk(b.inverse, withGuard(s, key));
        } else if (helper === 'each' || helper === 'with') {
          const target = b.params[0]?.type === 'PathExpression' ? resolve(b.params[0] as hbs.AST.PathExpression, s) : null;
          const inner = helper === 'each' ? (target ? [...target, '*'] : null) : target;
          const blockParams = new Map(s.blockParams);
          const names = b.program.blockParams ?? [];
          if (names[0]) blockParams.set(names[0], inner);
          if (names[1]) blockParams.set(names[1], null);
          walk(b.program, { ...withGuard(s, key), stack: [...s.stack, { path: inner }], blockParams });
          walk(b.inverse, s);
        } else {
          walk(b.program, s);
          walk(b.inverse, s);
        }
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const ps = node as hbs.AST.PartialBlockStatement;
        if (ps.program) walk(ps.program, s);
        partial(ps, s);
        return;
      }
      default:
        return;
    }
  };

  for (const piece of pieces) {
    const program = parseTemplate(piece.text);
    collectInline(program);
    walk(program, { stack: [{ path: [] }], blockParams: new Map(), guards: new Set(), file: piece.file, firstLine: piece.firstLine });
  }
  return { uses, problems, opaque };
}

/**
 * The recipient fields the template prints with no test of that field around
 * them (`{{recipient.order_id}}` outside `{{#if recipient.order_id}}`): an
 * empty value there would leave a hole in the message, so such a row is rejected.
 */
export function unguardedRecipientFields(analysis: TemplateAnalysis): Set<string> {
  const out = new Set<string>();
  for (const u of analysis.uses) {
    if (u.printed && !u.guarded && u.path.length === 2 && u.path[0] === 'recipient' && u.path[1] !== 'orders') out.add(u.path[1]!);
  }
  return out;
}

/**
 * The recipient columns the template reads at all (printed, tested or passed to a helper, in any
 * branch, an order's and an item's too), or undefined when it may read any: a value it names that
 * cannot be resolved, or the recipient, an order or an item as a whole (`{{#each recipient}}`,
 * `{{this}}` in an order). A list of orders or items as such reads none (a helper given one sees
 * its length, or each entry as "[object Object]").
 */
export function readRecipientColumns(analysis: TemplateAnalysis): Set<string> | undefined {
  if (analysis.opaque) return undefined;
  const out = new Set<string>();
  for (const u of analysis.uses) {
    const p = u.path;
    if (p[0] !== 'recipient') continue;
    if (p.length < 2) return undefined;
    if (p[1] !== 'orders') {
      out.add(p[1]!);
      continue;
    }
    // The list itself (`{{#each recipient.orders}}`, `(length recipient.orders)`) reads no column; one order as a whole may read any.
    if (p.length === 2) continue;
    if (p.length === 3) return undefined;
    if (p[3] !== 'items') {
      out.add(p[3]!);
      continue;
    }
    if (p.length === 4) continue;
    if (p.length === 5) return undefined;
    out.add(p[5]!);
  }
  return out;
}

/** Recipient fields every row needs a column for: printed somewhere without a test of that same field around it. */
export function printedRecipientColumns(analysis: TemplateAnalysis): Set<string> {
  const out = new Set<string>();
  for (const u of analysis.uses) {
    if (!u.printed || u.guarded || u.path[0] !== 'recipient' || u.path.length < 2) continue;
    const field = u.path[1] === 'orders' ? (u.path.length === 4 ? u.path[3] : undefined) : u.path.length === 2 ? u.path[1] : undefined;
    if (field !== undefined && field !== 'email' && field !== 'name' && field !== 'first_name' && field !== 'orders') out.add(field);
  }
  return out;
}

/**
 * The first value the template names that the context does not have
 * (`incident.vipOffer`), checked against the context's values; recipient
 * values are checked against the CSV's columns instead.
 */
export function unknownField(analysis: TemplateAnalysis, context: Record<string, unknown>): FieldUse | undefined {
  for (const u of analysis.uses) {
    if (u.path[0] === 'recipient') continue;
    let cur: unknown = context;
    for (let i = 0; i < u.path.length; i++) {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) break;
      if (!Object.hasOwn(cur, u.path[i]!)) return { ...u, path: u.path.slice(0, i + 1) };
      cur = (cur as Record<string, unknown>)[u.path[i]!];
    }
  }
  return undefined;
}

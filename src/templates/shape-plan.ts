import { parseTemplate } from './engine.js';

type Node = hbs.AST.Node;

/**
 * Which recipient values a template reads, and whether it reads them only in
 * ways placeholders preserve: then a batch renders each shape of recipient
 * once (compose/skeleton.ts) instead of every message.
 */

const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

/** The recipient values the templates read: only these can change a message. */
export interface SkeletonPlan {
  /** `recipient.X` fields, in a fixed order. */
  recipient: string[];
  /** Fields of each order (inside `{{#each recipient.orders}}`, or `recipient.orders.[N].X`). */
  order: string[];
}

const INDEX = /^\d+$/;

/**
 * The plan when the templates use recipient values only in ways placeholders
 * preserve (printed or tested, never passed to a helper, never a property of a
 * value such as `recipient.name.length`), else null.
 */
export function skeletonPlan(sources: string[], partials: { get(name: string): string | undefined }): SkeletonPlan | null {
  const seen = new Set<string>();
  const recipient = new Set<string>();
  const order = new Set<string>();
  let safe = true;
  /** Inside a block helper that may transform what it wraps ({{#sentence}}…): a recipient value there cannot be a placeholder. */
  let transforming = 0;

  const isRecipientPath = (node: Node | undefined, inOrders: boolean): boolean => {
    if (!node || node.type !== 'PathExpression') return false;
    const p = node as hbs.AST.PathExpression;
    if (p.data) return false;
    if (p.parts[0] === 'recipient') return true;
    return inOrders && p.depth === 0;
  };

  /** Records which value a path reads. */
  const note = (node: Node | undefined, inOrders: boolean): void => {
    if (!node || node.type !== 'PathExpression') return;
    if (transforming > 0 && isRecipientPath(node, inOrders)) safe = false;
    const p = node as hbs.AST.PathExpression;
    if (p.data) {
      // @root.recipient.…: a recipient value by another road; only rendering each message reads it right.
      if (p.parts[0] === 'root' && (p.parts[1] === 'recipient' || p.parts.length === 1)) safe = false;
      return;
    }
    const parts = p.parts;
    if (parts[0] === 'recipient') {
      const field = parts[1];
      if (field === undefined) return;
      if (field === 'orders') {
        if (parts.length === 2 || (parts.length === 3 && (parts[2] === 'length' || INDEX.test(parts[2]!)))) return;
        if (parts.length === 4 && INDEX.test(parts[2]!)) order.add(parts[3]!);
        else safe = false;
        return;
      }
      if (parts.length > 2) safe = false;
      else recipient.add(field);
      return;
    }
    if (inOrders && p.depth === 0 && parts.length > 0) {
      if (parts.length > 1) safe = false;
      else order.add(parts[0]!);
    }
  };

  const checkParams = (helper: string, params: Node[], hash: hbs.AST.Hash | undefined, inOrders: boolean, isBlock: boolean) => {
    const values = [...params, ...(hash?.pairs.map((p) => p.value) ?? [])];
    for (const v of values) {
      if (v.type === 'SubExpression') visit(v, inOrders);
      note(v, inOrders);
      if (!isRecipientPath(v, inOrders)) continue;
      if (isBlock && BLOCK_HELPERS.has(helper)) continue;
      const path = v as hbs.AST.PathExpression;
      if (helper === 'length' && path.original === 'recipient.orders') continue;
      safe = false;
    }
  };

  const visit = (node: Node | undefined, inOrders: boolean): void => {
    if (!node || !safe) return;
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s, inOrders);
        return;
      case 'MustacheStatement':
      case 'SubExpression': {
        const m = node as hbs.AST.MustacheStatement;
        // With parameters the path is a helper's name ({{sentence x}}), not a value the message reads.
        const call = m.params.length > 0 || (m.hash !== undefined && m.hash.pairs.length > 0);
        if (!call) note(m.path, inOrders);
        else if (transforming > 0 && isRecipientPath(m.path, inOrders)) safe = false;
        if (call) {
          checkParams((m.path as hbs.AST.PathExpression).original, m.params, m.hash, inOrders, false);
        }
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = (b.path as hbs.AST.PathExpression).original;
        // {{#if x}}, {{#each x}}: a helper's name, not a value (noting it gave each order an always-missing slot "if").
        if (b.params.length === 0 && (b.hash === undefined || b.hash.pairs.length === 0)) note(b.path, inOrders);
        else if (transforming > 0 && isRecipientPath(b.path, inOrders)) safe = false;
        if (!BLOCK_HELPERS.has(helper)) {
          checkParams(helper, b.params, b.hash, inOrders, true);
          if (b.params.some((p) => isRecipientPath(p, inOrders))) safe = false;
        } else {
          for (const p of b.params) {
            if (p.type === 'SubExpression') visit(p, inOrders);
            note(p, inOrders);
          }
        }
        const overOrders = helper === 'each' && b.params[0]?.type === 'PathExpression' && (b.params[0] as hbs.AST.PathExpression).original === 'recipient.orders';
        if (helper === 'with' && b.params.some((p) => isRecipientPath(p, inOrders))) safe = false;
        if (helper === 'each' && !overOrders && b.params.some((p) => isRecipientPath(p, inOrders))) safe = false;
        const wraps = !BLOCK_HELPERS.has(helper);
        if (wraps) transforming++;
        visit(b.program, inOrders || overOrders);
        visit(b.inverse, inOrders);
        if (wraps) transforming--;
        return;
      }
      case 'PartialStatement': {
        const ps = node as hbs.AST.PartialStatement;
        if (ps.params.length > 0) safe = false;
        if (ps.hash) for (const pair of ps.hash.pairs) if (pair.value.type !== 'StringLiteral' && pair.value.type !== 'NumberLiteral' && pair.value.type !== 'BooleanLiteral') safe = false;
        const name = (ps.name as hbs.AST.PathExpression).original;
        const key = `${name}:${inOrders}:${transforming > 0}`;
        if (seen.has(key)) return;
        seen.add(key);
        const source = partials.get(name);
        if (source) visit(parseTemplate(source), inOrders);
        return;
      }
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        safe = false;
        return;
      default:
        return;
    }
  };
  for (const source of sources) visit(parseTemplate(source), false);
  return safe ? { recipient: [...recipient], order: [...order] } : null;
}


import Handlebars from 'handlebars';
import type { Recipient } from '../recipients/recipient.js';

type Node = hbs.AST.Node;

/**
 * Fast rendering for batches. A message depends on its recipient only through
 * the values it prints and the shape of the data (which fields are empty, how
 * many orders). So each shape is rendered once, with placeholders for the
 * values, and every later recipient of that shape is a join of the cached
 * pieces. Used only for templates where this is provably the same as rendering
 * (recipient values printed or tested, never passed to a helper).
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;
const EDGE_SPACE = /^\s|\s$/;
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

/** True when the templates use recipient values only in ways placeholders preserve. */
export function skeletonSafe(sources: string[], partials: Map<string, string>): boolean {
  const seen = new Set<string>();
  let safe = true;

  const isRecipientPath = (node: Node | undefined, inOrders: boolean): boolean => {
    if (!node || node.type !== 'PathExpression') return false;
    const p = node as hbs.AST.PathExpression;
    if (p.data) return false;
    if (p.parts[0] === 'recipient') return true;
    return inOrders && p.depth === 0;
  };

  const checkParams = (helper: string, params: Node[], hash: hbs.AST.Hash | undefined, inOrders: boolean, isBlock: boolean) => {
    const values = [...params, ...(hash?.pairs.map((p) => p.value) ?? [])];
    for (const v of values) {
      if (v.type === 'SubExpression') visit(v, inOrders);
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
        if (m.params.length > 0 || (m.hash && m.hash.pairs.length > 0)) {
          checkParams((m.path as hbs.AST.PathExpression).original, m.params, m.hash, inOrders, false);
        }
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = (b.path as hbs.AST.PathExpression).original;
        if (!BLOCK_HELPERS.has(helper)) {
          checkParams(helper, b.params, b.hash, inOrders, true);
          if (b.params.some((p) => isRecipientPath(p, inOrders))) safe = false;
        } else {
          for (const p of b.params) if (p.type === 'SubExpression') visit(p, inOrders);
        }
        const overOrders = helper === 'each' && b.params[0]?.type === 'PathExpression' && (b.params[0] as hbs.AST.PathExpression).original === 'recipient.orders';
        if (helper === 'with' && b.params.some((p) => isRecipientPath(p, inOrders))) safe = false;
        if (helper === 'each' && !overOrders && b.params.some((p) => isRecipientPath(p, inOrders))) safe = false;
        visit(b.program, inOrders || overOrders);
        visit(b.inverse, inOrders);
        return;
      }
      case 'PartialStatement': {
        const ps = node as hbs.AST.PartialStatement;
        if (ps.params.length > 0) safe = false;
        if (ps.hash) for (const pair of ps.hash.pairs) if (pair.value.type !== 'StringLiteral' && pair.value.type !== 'NumberLiteral' && pair.value.type !== 'BooleanLiteral') safe = false;
        const name = (ps.name as hbs.AST.PathExpression).original;
        const key = `${name}:${inOrders}`;
        if (seen.has(key)) return;
        seen.add(key);
        const source = partials.get(name);
        if (source) visit(Handlebars.parse(source), inOrders);
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
  for (const source of sources) visit(Handlebars.parse(source), false);
  return safe;
}

type Pieces = (string | number)[];

export interface RenderedParts {
  headers: string[];
  body: string;
  /** Facts about the body, known from the cached shape without scanning it. */
  facts?: BodyFacts;
}

/** What the mail writer would otherwise scan the whole body for. */
export interface BodyFacts {
  ascii: boolean;
  /** An upper bound on the longest line, in UTF-16 units. */
  maxLine: number;
  /** No line starts with "From " or ">From " (no mboxrd quoting needed). */
  fromSafe: boolean;
  /** No CR anywhere. */
  crFree: boolean;
}

interface StaticFacts {
  ascii: boolean;
  maxLine: number;
  fromSafe: boolean;
  crFree: boolean;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

function staticFacts(p: Pieces): StaticFacts {
  const text = p.map((x) => (typeof x === 'number' ? 'x' : x)).join('');
  let maxLine = 0;
  for (const line of text.split('\n')) maxLine = Math.max(maxLine, line.length);
  return { ascii: !NON_ASCII.test(text), maxLine, fromSafe: !/^>*From /m.test(text), crFree: !text.includes('\r') };
}

/** Splits a rendered string at its placeholders. */
function pieces(text: string): Pieces {
  const out: Pieces = [];
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    out.push(text.slice(last, m.index));
    out.push(Number(m[1]));
    last = m.index! + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

function join(p: Pieces, values: string[]): string {
  if (p.length === 1) return p[0] as string;
  let s = '';
  for (let i = 0; i < p.length; i++) {
    const x = p[i]!;
    s += typeof x === 'number' ? values[x]! : x;
  }
  return s;
}

/**
 * Caches rendered shapes. `render` is the real renderer, given a recipient
 * context object and the humour line index.
 */
export class SkeletonRenderer {
  private readonly cache = new Map<string, { headers: Pieces[]; body: Pieces; facts: StaticFacts }>();
  constructor(private readonly render: (recipientContext: Record<string, unknown>, humourIndex: number) => RenderedParts) {}

  renderFor(recipient: Recipient, recipientContext: Record<string, unknown>, humourIndex: number): RenderedParts {
    // The shape: which values are empty, how many orders, which humour line,
    // and the field names (given once per batch as recipient.shape).
    const values: string[] = [];
    let mask = '';
    let bits = 0;
    let nbits = 0;
    let renderDirectly = false;
    const collect = (obj: Record<string, unknown>) => {
      for (const k in obj) {
        if (k === 'orders') continue;
        const v = obj[k] as string;
        values.push(v);
        bits = bits * 2 + (v === '' ? 0 : 1);
        if (++nbits === 30) {
          mask += `${bits},`;
          bits = 0;
          nbits = 0;
        }
        // Placeholders give the same text as rendering only when tidying the
        // body (trailing spaces, blank-line runs, trim) cannot touch the value.
        if (v.includes(OPEN) || v.includes('\n') || v.includes('\r') || EDGE_SPACE.test(v)) renderDirectly = true;
      }
    };
    collect(recipientContext);
    const orders = recipient.orders;
    for (const o of orders) collect(o);
    const shape0 = recipient.shape ?? Object.keys(recipientContext).join(',');
    const key = `${humourIndex}|${orders.length}|${mask}${bits}/${nbits}|${shape0}`;
    if (renderDirectly) return this.render(recipientContext, humourIndex);

    let shape = this.cache.get(key);

    if (!shape) {
      let slot = 0;
      const mark = (obj: Record<string, unknown>) => {
        const out: Record<string, unknown> = {};
        for (const k in obj) {
          if (k === 'orders') continue;
          const v = obj[k] as string;
          out[k] = v === '' ? '' : `${OPEN}${slot}${CLOSE}`;
          slot++;
        }
        return out;
      };
      const ctx = mark(recipientContext);
      ctx.orders = orders.map((o) => mark(o));
      const rendered = this.render(ctx, humourIndex);
      const body = pieces(rendered.body);
      shape = { headers: rendered.headers.map(pieces), body, facts: staticFacts(body) };
      if (this.cache.size < 10_000) this.cache.set(key, shape);
    }
    // Facts for this message: the shape's, adjusted by its (short) values.
    let ascii = shape.facts.ascii;
    let extra = 0;
    let simple = true;
    for (const v of values) {
      extra += v.length;
      if (ascii && NON_ASCII.test(v)) ascii = false;
      const c = v.charCodeAt(0);
      if (c === 70 /* F */ || c === 62 /* > */ || v.includes('\n') || v.includes('\r')) simple = false;
    }
    const facts = simple ? { ascii, maxLine: shape.facts.maxLine + extra, fromSafe: shape.facts.fromSafe, crFree: shape.facts.crFree } : undefined;
    return { headers: shape.headers.map((h) => join(h, values)), body: join(shape.body, values), facts };
  }
}

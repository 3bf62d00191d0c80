import Handlebars from 'handlebars';

type Node = hbs.AST.Node;

/**
 * The recipient fields a template prints with no guard around them
 * (`{{recipient.order_id}}` outside `{{#if recipient.order_id}}`): an empty
 * value there would leave a hole in the message, so such a row is rejected.
 * Partials are followed by name.
 */
export function unguardedRecipientFields(sources: string[], partials: Map<string, string>): Set<string> {
  const needed = new Set<string>();
  const seenPartials = new Set<string>();

  const pathOf = (node: Node | undefined): string | undefined => {
    if (!node || node.type !== 'PathExpression') return undefined;
    const p = node as hbs.AST.PathExpression;
    return p.parts.length === 2 && p.parts[0] === 'recipient' && p.depth === 0 ? p.parts[1] : undefined;
  };

  const walk = (node: Node | undefined, guarded: Set<string>): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) walk(s, guarded);
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const field = m.params.length === 0 ? pathOf(m.path) : undefined;
        if (field && !guarded.has(field)) needed.add(field);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = (b.path as hbs.AST.PathExpression).original;
        const inner = new Set(guarded);
        if (helper === 'if' || helper === 'with' || helper === 'each') {
          for (const p of b.params) {
            const f = pathOf(p);
            if (f) inner.add(f);
          }
        }
        walk(b.program, inner);
        walk(b.inverse, helper === 'unless' ? inner : guarded);
        return;
      }
      case 'PartialStatement': {
        const name = ((node as hbs.AST.PartialStatement).name as hbs.AST.PathExpression).original;
        if (seenPartials.has(`${name}:${[...guarded].join(',')}`)) return;
        seenPartials.add(`${name}:${[...guarded].join(',')}`);
        const source = partials.get(name);
        if (source) walk(Handlebars.parse(source), guarded);
        return;
      }
      default:
        return;
    }
  };
  for (const source of sources) walk(Handlebars.parse(source), new Set());
  return needed;
}

import type { z } from 'zod';
import { InputError } from '../errors.js';
import { nearest } from '../text/nearest.js';
import { printable } from '../text/printable.js';

/**
 * The field names an incident may use, at every depth, read from the zod
 * schema itself: a field added to the schema is known here with no second list.
 */
export interface FieldTree {
  /** Named fields, each with its own tree when it may hold an object. */
  fields: Map<string, FieldTree | undefined>;
  /** A record (`fields.<locale>.*`): any key, each value shaped like this. */
  any?: FieldTree | undefined;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object structure a schema accepts, or undefined for a plain value (text, number, list…). */
export function fieldTree(schema: z.ZodType, depth = 0): FieldTree | undefined {
  if (depth > 32) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const fields = new Map<string, FieldTree | undefined>();
      for (const key of Object.keys(def.shape ?? {})) fields.set(key, fieldTree(def.shape![key]!, depth + 1));
      return { fields };
    }
    case 'record':
      return { fields: new Map(), any: def.valueType ? fieldTree(def.valueType, depth + 1) : undefined };
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return def.innerType ? fieldTree(def.innerType, depth + 1) : undefined;
    case 'lazy':
      return def.getter ? fieldTree(def.getter(), depth + 1) : undefined;
    case 'pipe':
      return mergeTrees([def.in && fieldTree(def.in, depth + 1), def.out && fieldTree(def.out, depth + 1)]);
    case 'union':
      return mergeTrees((def.options ?? []).map((o) => fieldTree(o, depth + 1)));
    default:
      return undefined;
  }
}

/** A value that may be one of several objects (a union) accepts the fields of each. */
function mergeTrees(trees: (FieldTree | undefined)[]): FieldTree | undefined {
  const present = trees.filter((t): t is FieldTree => t !== undefined);
  if (present.length <= 1) return present[0];
  const fields = new Map<string, FieldTree | undefined>();
  let any: FieldTree | undefined;
  for (const t of present) {
    for (const [k, sub] of t.fields) fields.set(k, mergeTrees([fields.get(k), sub]));
    if (t.any) any = mergeTrees([any, t.any]);
  }
  return { fields, any };
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Throws on the first field the tree does not know, at any depth, naming its
 * full path and the nearest known name. `extraAllowed` are top-level keys that
 * belong to the file but not to the incident (a config's `templates`).
 */
export function checkKnownFields(
  data: Record<string, unknown>,
  tree: FieldTree,
  source: string,
  extraAllowed: readonly string[] = [],
  prefix = '',
): void {
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (tree.fields.has(key)) {
      const sub = tree.fields.get(key);
      if (sub && isPlain(value)) checkKnownFields(value, sub, source, [], `${prefix}${key}.`);
      continue;
    }
    if (tree.any) {
      if (isPlain(value)) checkKnownFields(value, tree.any, source, [], `${prefix}${key}.`);
      continue;
    }
    if (prefix === '' && extraAllowed.includes(key)) continue;
    const known = [...tree.fields.keys()];
    const guess = nearest(key, known);
    throw new InputError(
      `${source}: unknown field "${printable(`${prefix}${key}`)}"`,
      guess !== undefined
        ? `did you mean "${prefix}${guess}"?`
        : `known fields${prefix ? ` in ${prefix.slice(0, -1)}` : ''}: ${known.join(', ')}`,
    );
  }
}

export { nearest };

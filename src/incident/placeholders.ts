import { getPath, setPath } from './fields.js';

/**
 * A field whose whole value is a placeholder ("n/a", "-", "keine", "k.A.", "néant", "Ninguna.") says nothing:
 * it counts as absent, so the letter leaves the part out or says it generically, and never prints "Ninguna.".
 * English, German, French and Spanish placeholders alike (a German manager types "k.A." into an English incident too).
 */
const PLACEHOLDER =
  /^(?:none|n\/?a|n\.a\.|tbd|tba|tbc|nil|null|nothing|no|keine?|keiner|keins|nichts|nix|nüscht|nix zu tun|nichts zu tun|k\.?\s?a\.?|entfällt|aucun|aucune|rien|néant|sans objet|ninguna|ninguno|nada|no aplica|[-–—―_.?/]+)$/iu;

/** True when a text, trimmed of quotes, brackets and closing marks, is only a placeholder. */
export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const bare = value.trim().replace(/^["'„“”«»()[\]\s]+|["'„“”«»()[\]\s]+$/gu, '');
  if (bare === '') return false;
  return PLACEHOLDER.test(bare) || PLACEHOLDER.test(bare.replace(/(?<=\S)[\s.!;:]+$/u, ''));
}

/** The text fields checked for placeholders, at the top of an incident and inside each `fields.<locale>`. */
const TEXT_PATHS = [
  'mistake',
  'rootCause',
  'commitment',
  'summary',
  'when',
  'outcome',
  'action',
  'remedy.details',
  'signer.title',
  'exposure.discovered',
  'exposure.contained',
  'exposure.regulator',
  'exposure.reference',
] as const;
const TOP_ONLY = ['company.phone', 'company.email'] as const;

/** What was dropped: the field's path and the value as typed. */
export interface DroppedPlaceholder {
  field: string;
  value: string;
}

/**
 * The input with every placeholder field removed (a copy; the input is untouched), and which were.
 * Required fields dropped here are then reported missing like any empty one.
 */
export function dropPlaceholders<T extends object>(input: T): { input: T; dropped: DroppedPlaceholder[] } {
  const dropped: DroppedPlaceholder[] = [];
  let out: T = input;
  const drop = (obj: Record<string, unknown>, path: string, label: string): void => {
    const v = getPath(obj, path);
    if (!isPlaceholder(v)) return;
    dropped.push({ field: label, value: String(v).trim() });
    setPath(obj, path, undefined);
  };
  const copy = structuredClone(input) as unknown as Record<string, unknown>;
  for (const p of [...TEXT_PATHS, ...TOP_ONLY]) drop(copy, p, p);
  const fields = copy['fields'];
  if (fields && typeof fields === 'object') {
    for (const [tag, local] of Object.entries(fields as Record<string, unknown>)) {
      if (local && typeof local === 'object') for (const p of TEXT_PATHS) drop(local as Record<string, unknown>, p, `fields.${tag}.${p}`);
    }
  }
  if (dropped.length > 0) out = copy as unknown as T;
  return { input: out, dropped };
}

/** The one stderr line per field, naming it. */
export function placeholderWarning(d: DroppedPlaceholder): string {
  return `${d.field} "${d.value}" is a placeholder, not a fact: the letter leaves it out (say what happens, or leave the field empty)`;
}

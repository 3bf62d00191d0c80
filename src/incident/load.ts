import { readFileSync, existsSync } from 'node:fs';
import { resolve, extname, basename } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { InputError, UsageError } from '../errors.js';
import { TOP_LEVEL_KEYS, isBlank } from './fields.js';
import type { IncidentInput } from './schema.js';

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a JSON or YAML file into a plain object; errors name the file and line. */
export function readStructuredFile(file: string): Plain {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${file}${code === 'ENOENT' ? ': no such file' : `: ${code ?? String(err)}`}`,
      'check the path',
    );
  }
  raw = raw.replace(/^\uFEFF/, '');
  const isJson = extname(file).toLowerCase() === '.json';
  let data: unknown;
  try {
    data = isJson ? JSON.parse(raw) : parseYaml(raw);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const line = err.linePos?.[0]?.line;
      throw new InputError(`${file}${line ? `:${line}` : ''}: not valid YAML (${err.message.split('\n')[0]})`, 'fix the syntax, e.g. `mistake: "your order shipped late"`');
    }
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`, 'fix the syntax, or use YAML');
  }
  if (data === null || data === undefined) return {};
  if (!isPlain(data)) throw new InputError(`${file}: expected an object of incident fields`, 'see examples/incident.yaml');
  return data;
}

/** Keeps the incident fields of an object; unknown fields are an error with a suggestion. */
export function pickIncident(data: Plain, source: string, extraAllowed: readonly string[] = []): IncidentInput {
  const out: Plain = {};
  const known = new Set<string>(TOP_LEVEL_KEYS);
  for (const [key, value] of Object.entries(data)) {
    if (known.has(key)) {
      out[key] = value;
      continue;
    }
    if (extraAllowed.includes(key)) continue;
    const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
    const guess = TOP_LEVEL_KEYS.find((k) => norm(k) === norm(key));
    throw new InputError(
      `${source}: unknown field "${key}"`,
      guess ? `did you mean "${guess}"?` : `known fields: ${TOP_LEVEL_KEYS.join(', ')}`,
    );
  }
  return out as IncidentInput;
}

/** Merges layers: later layers win, field by field (objects merge, blanks never override). */
export function mergeLayers(...layers: (IncidentInput | undefined)[]): IncidentInput {
  const merge = (a: Plain, b: Plain): Plain => {
    const out: Plain = { ...a };
    for (const [k, v] of Object.entries(b)) {
      if (isBlank(v)) continue;
      out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k] as Plain, v) : isPlain(v) ? merge({}, v) : v;
    }
    return out;
  };
  return layers.reduce<Plain>((acc, layer) => merge(acc, (layer ?? {}) as Plain), {}) as IncidentInput;
}

export interface Config {
  file?: string;
  incident: IncidentInput;
  templates?: string;
}

const CONFIG_NAMES = ['apologize.config.json', 'apologize.config.yaml', 'apologize.config.yml'];

/** Loads `--config FILE`, or the first apologize.config.* in `cwd`. */
export function loadConfig(cwd: string, explicit?: string): Config {
  let file: string | undefined;
  if (explicit) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`config file ${explicit} does not exist`, 'check the --config path');
  } else {
    file = CONFIG_NAMES.map((n) => resolve(cwd, n)).find((f) => existsSync(f));
  }
  if (!file) return { incident: {} };
  const data = readStructuredFile(file);
  const incident = pickIncident(data, basename(file), ['templates']);
  const templates = data.templates;
  if (templates !== undefined && typeof templates !== 'string') {
    throw new InputError(`${basename(file)}: templates must be a folder path`, 'e.g. templates: ./my-templates');
  }
  return { file, incident, templates: templates ? resolve(file, '..', templates) : undefined };
}

/** Loads `--incident FILE` (JSON or YAML). */
export function loadIncidentFile(cwd: string, file: string): IncidentInput {
  const path = resolve(cwd, file);
  return pickIncident(readStructuredFile(path), file);
}

import { readFileSync, existsSync } from 'node:fs';
import { resolve, extname, basename } from 'node:path';
import { createRequire } from 'node:module';
import { InputError, UsageError } from '../errors.js';
import { isBlank } from './fields.js';
import { checkKnownFields, fieldTree, type FieldTree } from './known.js';
import { Incident, type IncidentInput } from './schema.js';
import { parseSimpleYaml } from './simple-yaml.js';

// The YAML library is a tenth of a small run's code: it is loaded (from the package) only for a
// file that is not of the plainest kind (./simple-yaml.ts reads those the same way, faster).
let yamlLibrary: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLibrary;
}

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
  if (isJson) {
    try {
      data = JSON.parse(raw);
    } catch (err) {
      throw new InputError(`${file}: not valid JSON (${(err as Error).message})`, 'fix the syntax, or use YAML');
    }
  } else {
    data = parseYamlFile(raw, file);
  }
  if (data === null || data === undefined) return {};
  if (!isPlain(data)) throw new InputError(`${file}: expected an object of incident fields`, 'see examples/incident.yaml');
  return data;
}

/**
 * YAML with no surprises: syntax errors, unknown tags (`!!js/function`) and
 * aliases that expand too far are errors naming the line, never warnings on
 * stderr or a value read some other way.
 */
function parseYamlFile(raw: string, file: string): unknown {
  const simple = parseSimpleYaml(raw);
  if (simple !== undefined) return simple;
  const { parseDocument, YAMLError } = yaml();
  const fail = (what: string, line?: number): never => {
    throw new InputError(`${file}${line ? `:${line}` : ''}: not valid YAML (${what})`, 'fix the syntax, e.g. `mistake: "your order shipped late"`');
  };
  const doc = parseDocument(raw, { logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    const what = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    fail(problem.code === 'TAG_RESOLVE_FAILED' ? `${what}; tags like !!js/function are not read: write the value as plain text` : what, line);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const message = (err as Error).message;
    if (/alias count|resource exhaustion/i.test(message)) {
      return fail('its aliases (*name) expand to too many values, as in a "billion laughs" file; write the values out');
    }
    return fail(err instanceof YAMLError || err instanceof ReferenceError ? message.split('\n')[0]! : String(message));
  }
}

/** Every field an incident may have, at every depth, from the schema. */
const INCIDENT_FIELDS: FieldTree = fieldTree(Incident)!;

/** Keeps the incident fields of an object; an unknown field at any depth is an error with a suggestion. */
export function pickIncident(data: Plain, source: string, extraAllowed: readonly string[] = []): IncidentInput {
  checkKnownFields(data, INCIDENT_FIELDS, source, extraAllowed);
  const out: Plain = {};
  for (const key of Object.keys(data)) if (INCIDENT_FIELDS.fields.has(key)) setOwn(out, key, data[key]);
  return out as IncidentInput;
}

/** `obj[key] = value` as an own property, even for `__proto__`. */
function setOwn(obj: Plain, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Fields that are one value even when written as an object: a later layer replaces them whole. */
const WHOLE = new Set(['people']);

/** Merges layers: later layers win, field by field (objects merge, blanks never override). */
export function mergeLayers(...layers: (IncidentInput | undefined)[]): IncidentInput {
  const merge = (a: Plain, b: Plain, top = false): Plain => {
    const out: Plain = {};
    for (const k of Object.keys(a)) setOwn(out, k, a[k]);
    for (const k of Object.keys(b)) {
      const v = b[k];
      if (isBlank(v)) continue;
      const prev = Object.hasOwn(out, k) ? out[k] : undefined;
      const whole = top && WHOLE.has(k);
      setOwn(out, k, isPlain(v) && isPlain(prev) && !whole ? merge(prev, v) : isPlain(v) ? merge({}, v) : v);
    }
    return out;
  };
  return layers.reduce<Plain>((acc, layer) => merge(acc, (layer ?? {}) as Plain, true), {}) as IncidentInput;
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

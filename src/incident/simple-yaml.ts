/**
 * The plainest YAML, read without the YAML library: nested block mappings of `key: value` lines
 * with plain (or simply quoted) one-line values and whole-line comments, which is what an incident
 * file usually is. Anything else (a list, a flow collection, a block scalar, an anchor, a tag, a
 * value over several lines, a duplicate key, a tab…) is `undefined`, and the caller reads the text
 * with the library, which also words every error. What this returns is what the library's
 * `parseDocument(text).toJS()` returns for the same text (YAML 1.2 core schema): a start-up saving,
 * never a second dialect (tests/unit/simple-yaml.test.ts compares the two).
 */

type Plain = Record<string, unknown>;

const KEY_LINE = /^( *)([A-Za-z][A-Za-z0-9_-]*):(?:( +)(.*))?$/;
/** Key names the core schema reads as something other than text (a null or a boolean). */
const NOT_TEXT_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Characters that start something other than a plain value. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Anything but printable text and spaces on a line (tabs, controls, BOMs, line separators). */
const UNUSUAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DECIMAL = /^[0-9]+$/;
/** The other numbers of the core schema (signed, octal, hex, floats, .inf, .nan): left to the library. */
const OTHER_NUMBER =
  /^(?:[-+][0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const BAIL = Symbol('not simple');

/** One value as the core schema reads it, or BAIL. */
function scalar(text: string): unknown {
  const first = text[0]!;
  if (first === "'") {
    // 'text', with '' for a quote; nothing after the closing quote.
    const body = text.slice(1, -1);
    if (text.length < 2 || text[text.length - 1] !== "'" || body.replace(/''/g, '').includes("'")) return BAIL;
    return body.replace(/''/g, "'");
  }
  if (first === '"') {
    // "text" with no escapes and no quote inside.
    const body = text.slice(1, -1);
    if (text.length < 2 || text[text.length - 1] !== '"' || body.includes('"') || body.includes('\\')) return BAIL;
    return body;
  }
  if (INDICATOR.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #')) return BAIL;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return first === 't' || first === 'T';
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (OTHER_NUMBER.test(text)) return BAIL;
  return text;
}

/** The document as plain objects, or undefined when it is not of the plainest kind. */
export function parseSimpleYaml(raw: string): Plain | undefined {
  if (UNUSUAL.test(raw.replace(/\r?\n/g, ''))) return undefined;
  const lines = raw.split(/\r?\n/);
  const root: Plain = {};
  // The open mappings, innermost last, each with the indentation of its keys.
  const stack: { indent: number; map: Plain }[] = [{ indent: 0, map: root }];
  // A key with nothing after it: a mapping if the next line is indented further, else null.
  let pending: { indent: number; map: Plain; key: string } | undefined;
  let any = false;
  for (const line of lines) {
    // YAML's white space is the space (a tab is unusual above): a no-break space is text.
    const content = line.replace(/^ +/, '');
    if (content === '' || content[0] === '#') continue;
    const m = KEY_LINE.exec(line.replace(/ +$/, ''));
    if (!m) return undefined;
    const indent = m[1]!.length;
    const key = m[2]!;
    if (key.length > 1000 || NOT_TEXT_KEY.test(key)) return undefined;
    if (pending) {
      if (indent > pending.indent) {
        const map: Plain = {};
        pending.map[pending.key] = map;
        stack.push({ indent, map });
      } else {
        pending.map[pending.key] = null;
      }
      pending = undefined;
    }
    while (stack.length > 1 && indent < stack[stack.length - 1]!.indent) stack.pop();
    const top = stack[stack.length - 1]!;
    if (indent !== top.indent || Object.hasOwn(top.map, key)) return undefined;
    any = true;
    const text = m[4];
    if (text === undefined || text === '') {
      pending = { indent, map: top.map, key };
      continue;
    }
    const value = scalar(text);
    if (value === BAIL) return undefined;
    top.map[key] = value;
  }
  if (pending) pending.map[pending.key] = null;
  return any ? root : undefined;
}

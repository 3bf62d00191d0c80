// Every flag parser, and the table of output formats. A command file reads its flags through these
// and hands typed values to the core; nothing below src/cli parses a flag.
import { PRESET_IDS } from '../recipients/presets.js';
import { UsageError } from '../errors.js';
import { SEVERITIES, type Severity } from '../incident/enums.js';
import type { BatchFormat } from '../mail/formats.js';
import type { SmtpServer } from '../mail/smtp.js';
import type { Shard } from '../batch/run.js';
import { normaliseHeader } from '../recipients/columns.js';
import { checkEncoding } from '../recipients/decode.js';
import type { Stage } from '../message.js';

/**
 * The output formats, and which command writes each. commander's `--format` choices, the
 * defaults and the checks in draft and batch are all read from here.
 */
export const FORMATS = {
  mbox: { batch: true, draft: false },
  eml: { batch: true, draft: true },
  ndjson: { batch: true, draft: false },
  text: { batch: true, draft: true },
  json: { batch: false, draft: true },
  postmark: { batch: true, draft: false },
  resend: { batch: true, draft: false },
  ses: { batch: true, draft: false },
} as const;

type FormatCommand = 'batch' | 'draft';
type Writes<C extends FormatCommand> = { [F in keyof typeof FORMATS]: (typeof FORMATS)[F][C] extends true ? F : never }[keyof typeof FORMATS];
export type DraftFormat = Writes<'draft'>;

// The batch formats here are exactly the ones the sinks write (a compile error otherwise).
const sameBatchFormats: [Writes<'batch'>, BatchFormat] extends [BatchFormat, Writes<'batch'>] ? true : never = true;
void sameBatchFormats;

export const DEFAULT_FORMAT = { batch: 'mbox', draft: 'eml' } as const satisfies { batch: BatchFormat; draft: DraftFormat };

/** The formats a command writes, in table order. */
export function formatsOf(command: 'batch'): BatchFormat[];
export function formatsOf(command: 'draft'): DraftFormat[];
export function formatsOf(command: FormatCommand): string[];
export function formatsOf(command: FormatCommand): string[] {
  return Object.entries(FORMATS)
    .filter(([, f]) => f[command])
    .map(([name]) => name);
}

/** `--format` of a command: its default when not given; one of its formats, or a usage error. */
export function parseFormat(value: string | undefined, command: 'batch'): BatchFormat;
export function parseFormat(value: string | undefined, command: 'draft'): DraftFormat;
export function parseFormat(value: string | undefined, command: FormatCommand): string {
  const format = value ?? DEFAULT_FORMAT[command];
  const names = formatsOf(command);
  if (!names.includes(format)) throw new UsageError(`unknown format "${format}"`, `use --format ${names.join('|')}`);
  return format;
}

/** A count flag (`--limit`, `--preview`, `--concurrency`): a whole number ≥ 1. */
export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${flag} "${value}" must be a whole number of at least 1`, `e.g. ${flag} 10`);
  return Number(value);
}

/** `--shard K/N`. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard "${value}" is not K/N with 1 ≤ K ≤ N`, 'e.g. --shard 1/4 on the first of four machines');
  return { k: Number(m[1]), n: Number(m[2]) };
}

/** `--stage apology|followup` (follow-up too). */
export function parseStage(stage: string | undefined): Stage {
  if (stage === undefined || stage === 'apology') return 'apology';
  if (stage === 'followup' || stage === 'follow-up') return 'followup';
  throw new UsageError(`unknown stage "${stage}"`, 'use --stage apology or --stage followup');
}

/** `--rate 30/min`, `--rate 2/s`, `--rate 100` (per minute): messages a minute, 0 for no limit. */
export function parseRate(value: string | undefined): number {
  if (value === undefined) return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(min|m|minute|s|sec|second|h|hour))?$/i.exec(value.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`--rate "${value}" is not a rate`, 'use e.g. --rate 30/min or --rate 2/s');
  const n = Number(m[1]);
  const unit = (m[2] ?? 'min').toLowerCase();
  return unit.startsWith('s') ? n * 60 : unit.startsWith('h') ? n / 60 : n;
}

/** The longest --exec-timeout: Node's timers hold at most 2^31-1 ms (about 24 days); a longer one would fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** `30s`, `2m`, `1500ms`, `45` (seconds). */
export function parseDurationMs(value: string | undefined, fallbackMs: number, flag: string, maxMs = MAX_TIMEOUT_MS): number {
  if (value === undefined) return fallbackMs;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`${flag} "${value}" is not a duration`, `use e.g. ${flag} 30s, 2m or 1500ms`);
  const n = Number(m[1]);
  const ms = Math.ceil(m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : m[2] === 'h' ? n * 3_600_000 : n * 1000);
  if (ms > maxMs) throw new UsageError(`${flag} "${value}" is longer than the longest timeout (${Math.floor(maxMs / 86_400_000)} days)`, `use e.g. ${flag} 10m`);
  return ms;
}

/** `--delimiter`: one ASCII character (or tab, comma, semicolon, pipe by name); undefined to detect it. */
export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const named = new Map([['tab', '\t'], ['\\t', '\t'], ['comma', ','], ['semicolon', ';'], ['pipe', '|']]);
  const d = named.get(value.toLowerCase()) ?? value;
  if (d.length !== 1 || d.charCodeAt(0) > 127 || d === '"' || d === '\n' || d === '\r') throw new UsageError(`--delimiter "${value}" must be one ASCII character other than a quote or line break`, 'use , ; | or tab');
  return d;
}

/** `--map COLUMN=FIELD…`: normalised column name → field name. */
export function parseMapOptions(values: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1) throw new UsageError(`--map "${v}" is not COLUMN=FIELD`, 'e.g. --map "Kunden-Mail=email"');
    out.set(normaliseHeader(v.slice(0, eq)), normaliseHeader(v.slice(eq + 1)));
  }
  return out;
}

/** `--preset`: one of the known exports, checked before anything is read. */
export function parsePreset(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const id = value.trim().toLowerCase();
  if (!(PRESET_IDS as readonly string[]).includes(id)) throw new UsageError(`unknown --preset "${value}"`, `use one of ${PRESET_IDS.join(', ')}`);
  return id;
}

/** `--encoding`: a name iconv-lite knows, utf-8, or auto; checked before anything is read. */
export async function parseEncoding(value: string | undefined): Promise<string | undefined> {
  await checkEncoding(value);
  return value;
}

/** `check --min-score`: 0–100, default 70. */
export function parseMinScore(value: string | undefined): number {
  const minScore = value === undefined ? 70 : Number(value);
  if (!Number.isInteger(minScore) || minScore < 0 || minScore > 100) throw new UsageError(`--min-score "${value}" must be a whole number from 0 to 100`, 'e.g. --min-score 80');
  return minScore;
}

/** `check --severity`. */
export function parseSeverity(value: string | undefined): Severity | undefined {
  if (value !== undefined && !(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(`--severity "${value}" is not one of ${SEVERITIES.join(', ')}`, 'e.g. --severity major');
  }
  return value as Severity | undefined;
}

/** A count that may be 0 (`--max-failures 0`: never stop). */
export function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} "${value}" must be a whole number`, `e.g. ${flag} 10 (0: never)`);
  return Number(value);
}

/** `--smtp smtp://user@host:port` or `smtps://…`: the server; a password in the URL is refused (argv is not secret). */
export function parseSmtpUrl(value: string): SmtpServer {
  const hint = 'write it as smtp://user@host:587 or smtps://user@host:465 (the password in APOLOGIZE_SMTP_PASSWORD or --smtp-password-command)';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(`--smtp "${value.replace(/:[^:@/]*@/, ':***@')}" is not a URL`, hint);
  }
  if (url.password) throw new UsageError('--smtp has a password in it, where every process on this machine can read it', 'put the password in APOLOGIZE_SMTP_PASSWORD or use --smtp-password-command CMD');
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new UsageError(`--smtp "${value}" is not an smtp:// or smtps:// URL`, hint);
  if (!url.hostname || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) throw new UsageError(`--smtp "${value}" is not smtp://user@host:port`, hint);
  const secure = url.protocol === 'smtps:';
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { secure, host, port: url.port ? Number(url.port) : secure ? 465 : 587, ...(user ? { user } : {}) };
}

import { closeSync, constants, ftruncateSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { InputError, OutputError } from '../errors.js';

/** What happened to one hand-off: announced, delivered, refused, or unknown. */
export type SendEvent = 'sending' | 'sent' | 'failed' | 'in-doubt';
const SEND_EVENTS: readonly string[] = ['sending', 'sent', 'failed', 'in-doubt'];

export interface JournalRecord {
  event: SendEvent;
  stage: string;
  /** The recipient key: the lower-cased address, or `address#order` with --per-row. */
  key: string;
  to: string;
  messageId: string;
  at?: string;
  reason?: string;
}

/** The facts of the incident as a journal records them: one hash, and one per field (to name what changed). */
export interface FactsPrint {
  facts: string;
  fields: Record<string, string>;
}

/** The journal's first line: whose campaign this is. */
export interface CampaignLine extends Partial<FactsPrint> {
  incident: string;
  perRow?: boolean;
}

export interface JournalState {
  path: string;
  /** The file was there (a new journal is created on first write). */
  exists: boolean;
  campaign?: CampaignLine;
  /** The facts last recorded: the first line's, or a later `facts` line's. */
  facts?: FactsPrint;
  /** Last record per stage and recipient key (see recordKey). */
  last: Map<string, JournalRecord>;
  /** Last record per stage and lower-cased address (for --only-sent). */
  byAddress: Map<string, JournalRecord>;
  /** Bytes of whole lines: anything after them is a torn line, cut when the journal is opened for writing. */
  wholeBytes: number;
  /** Recipients whose "sending" line was torn: in doubt, recorded as such when the journal is repaired. */
  tornSending: JournalRecord[];
}

export const recordKey = (stage: string, key: string): string => `${stage}\n${key}`;

const notALine = (path: string, line: number, why: string) =>
  new InputError(`${path}:${line}: not a journal line (${why})`, 'pass the journal file this tool wrote, or a new path');

/** The stage, recipient and address of a torn "sending" line, when the cut left them whole. */
const TORN_SENDING = /^\{"event":"sending","stage":"(apology|followup)","key":("(?:[^"\\]|\\.)*"),"to":("(?:[^"\\]|\\.)*")(?:,"messageId":("(?:[^"\\]|\\.)*"))?/;

function tornRecord(fragment: string): JournalRecord | undefined {
  const m = TORN_SENDING.exec(fragment);
  if (!m) return undefined;
  try {
    return { event: 'in-doubt', stage: m[1]!, key: JSON.parse(m[2]!) as string, to: JSON.parse(m[3]!) as string, messageId: m[4] ? (JSON.parse(m[4]) as string) : '', reason: 'its "sending" line was torn (a crash mid-write)' };
  } catch {
    return undefined;
  }
}

/**
 * Reads a journal. `mustExist`: a missing file is an error (brief, --only-sent), not a new journal.
 * A torn last line (a crash mid-write) is left out and noted; lines an older version glued onto a
 * torn one are split again.
 */
export function readJournal(path: string, mustExist = false): JournalState {
  const state: JournalState = { path, exists: false, last: new Map(), byAddress: new Map(), wholeBytes: 0, tornSending: [] };
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`the journal ${path} is a folder`, 'give the journal file a batch run wrote (--journal FILE)');
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !mustExist) return state;
    if (code === 'ENOENT') throw new InputError(`no journal at ${path}`, 'give the --journal file of the batch run');
    throw new InputError(`cannot read the journal ${path}: ${code ?? String(err)}`, 'check the path and its permissions');
  }
  state.exists = true;
  const end = text.lastIndexOf('\n') + 1;
  state.wholeBytes = Buffer.byteLength(text.slice(0, end));
  const torn = text.slice(end);
  const lines = text.slice(0, end).split('\n');
  lines.pop();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // An older version appended after a torn line: the fragment, then a whole line.
      const at = line.lastIndexOf('{"event"');
      if (at <= 0) throw notALine(path, i + 1, 'not JSON');
      noteTorn(state, line.slice(0, at));
      try {
        value = JSON.parse(line.slice(at));
      } catch {
        throw notALine(path, i + 1, 'not JSON');
      }
    }
    apply(state, value, path, i + 1);
  });
  if (torn !== '') noteTorn(state, torn);
  return state;
}

function noteTorn(state: JournalState, fragment: string): void {
  const rec = tornRecord(fragment);
  if (!rec) return;
  const k = recordKey(rec.stage, rec.key);
  if (state.last.get(k)?.event === 'sent') return; // already delivered before: the torn line adds nothing
  state.tornSending.push(rec);
  remember(state, rec);
}

function remember(state: JournalState, rec: JournalRecord): void {
  state.last.set(recordKey(rec.stage, rec.key), rec);
  const addressKey = recordKey(rec.stage, rec.to.toLowerCase());
  const before = state.byAddress.get(addressKey);
  // Per address, "sent" wins (any order of theirs went out); otherwise the latest.
  if (!(before?.event === 'sent' && rec.event !== 'sent')) state.byAddress.set(addressKey, rec);
}

function apply(state: JournalState, value: unknown, path: string, line: number): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw notALine(path, line, 'not an object');
  const v = value as Record<string, unknown>;
  if (v.event === 'campaign' || v.event === 'facts') {
    if (v.event === 'campaign' && typeof v.incident !== 'string') throw notALine(path, line, 'a campaign line without an incident id');
    if (typeof v.facts === 'string' && v.fields && typeof v.fields === 'object') state.facts = { facts: v.facts, fields: v.fields as Record<string, string> };
    if (v.event === 'campaign' && !state.campaign) state.campaign = { incident: v.incident as string, perRow: v.perRow === true, ...state.facts };
    return;
  }
  if (typeof v.event !== 'string' || !SEND_EVENTS.includes(v.event) || typeof v.messageId !== 'string' || typeof v.to !== 'string') {
    throw notALine(path, line, 'no event, messageId or to');
  }
  let stage = v.stage;
  let key = v.key;
  if (stage === undefined && key === undefined) {
    // A journal from before campaigns: keyed by Message-ID `stage.incident.hash@domain`, grouped by address.
    const [s, incident] = v.messageId.split('.');
    stage = s;
    key = v.to.toLowerCase();
    state.campaign ??= { incident: incident ?? '' };
  }
  if (typeof stage !== 'string' || typeof key !== 'string') throw notALine(path, line, 'no stage or key');
  remember(state, { event: v.event as SendEvent, stage, key, to: v.to, messageId: v.messageId, at: typeof v.at === 'string' ? v.at : undefined, reason: typeof v.reason === 'string' ? v.reason : undefined });
}

/**
 * The journal open for appending: one JSON line per event, each written with
 * one write(2) and checked, so a crash leaves at most one torn line (cut on the
 * next open) and a full disk stops the run with every earlier line intact.
 */
export class Journal {
  private fd: number;
  private size: number;
  constructor(readonly path: string, state: JournalState) {
    try {
      this.fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW, 0o644);
    } catch (err) {
      throw new InputError(`cannot open the journal ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a writable --journal path (not a symlink)');
    }
    this.size = state.wholeBytes;
    // Repair: cut a torn last line, so the next line starts on a line of its own.
    if (statSync(path).size !== this.size) this.truncate();
    for (const rec of state.tornSending) this.record(rec);
    state.tornSending = [];
  }

  /** The campaign line (first line of a new journal) or a facts line (the incident changed). */
  header(event: 'campaign' | 'facts', data: Record<string, unknown>): void {
    this.write({ event, ...data, at: new Date().toISOString() });
  }

  record(rec: JournalRecord): void {
    this.write({ event: rec.event, stage: rec.stage, key: rec.key, to: rec.to, messageId: rec.messageId, at: new Date().toISOString(), ...(rec.reason ? { reason: rec.reason } : {}) });
  }

  append(event: SendEvent, stage: string, key: string, to: string, messageId: string, reason?: string): void {
    this.record({ event, stage, key, to, messageId, reason });
  }

  private write(entry: Record<string, unknown>): void {
    const buf = Buffer.from(`${JSON.stringify(entry)}\n`);
    let done = 0;
    try {
      while (done < buf.length) {
        const n = writeSync(this.fd, buf, done, buf.length - done);
        if (n <= 0) throw Object.assign(new Error('no progress'), { code: 'ENOSPC' });
        done += n;
      }
    } catch (err) {
      this.truncate();
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new OutputError(
        `cannot write the journal ${this.path} (${code}); the run stopped, every line before is intact${entry.event === 'sent' ? `, and ${String(entry.to)} is in doubt` : ''}`,
        'free space (or fix the path) and re-run with the same --journal',
      );
    }
    this.size += buf.length;
  }

  private truncate(): void {
    try {
      ftruncateSync(this.fd, this.size);
    } catch {
      /* the cut is best effort: a torn line is repaired on the next open anyway */
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

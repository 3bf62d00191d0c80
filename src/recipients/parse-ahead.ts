import type { MessagePort } from 'node:worker_threads';
import { garbageCollector } from '../text/gc.js';
import { ApologizeError, InputError, OutputError, UsageError } from '../errors.js';
import { carryDown } from './carry.js';
import type { ColumnMap } from './columns.js';
import { toUtf8 } from './decode.js';
import { readFileChunks } from './read.js';
import { isBlankRow, makeRowFinisher, makeRowValidator, type GoodRow } from './rows.js';
import { CsvTokenizer, wholeRow } from './tokenizer.js';

/**
 * A batch's main pass on two threads: a worker reads the CSV, tokenizes it,
 * carries a preset's order cells down and validates each row (rows.ts
 * makeRowValidator: the address, the key, the names); this thread takes the
 * results in file order and does the rest (grouping, the journal, composing,
 * writing) exactly as it does with rows it read itself. Nothing is decided
 * in the worker that depends on what the run did before: the rows come back
 * in order, a blank line as a blank line, a bad row with its reason, so the
 * counts, the rejects file, --limit and Ctrl-C land on the same row.
 *
 * One message per ~40k characters of rows: one string holding every piece
 * (the row's text; its cells as places in that text, or pieces of their own
 * when quoted or carried down; the address, key and names where they differ
 * from the cells) and an Int32Array of where each piece ends; this thread cuts
 * the pieces out with `slice` (no per-row message, no JSON for a good row).
 * The worker runs at most AHEAD messages before this thread, told through a
 * shared counter (a message back per message costs far more). When this
 * thread has taken all it was sent, the worker is the slower one and sends
 * the next message's rows unchecked (RAW): this thread checks them.
 *
 * It costs more CPU in all (packing, unpacking, a second heap) than it saves
 * the main thread: faster with a core free, slower on a saturated machine
 * (README, Performance). APOLOGIZE_THREADS=1 turns it off.
 */

/**
 * Messages the worker may be ahead of this thread (memory stays flat). Once
 * that far ahead it waits until this thread has taken half of them: waking a
 * thread (Atomics.notify) costs ~0.2 ms here, too much to do per message.
 */
const AHEAD = 16;

/**
 * The worker's young generation (MB): what it allocates dies within a message,
 * and V8's default (up to 48 MB under a high allocation rate) would be most of
 * the worker's share of the process's peak memory (2 MB: 12 MB less at the
 * peak of a Shopify export than 8, and no more time).
 */
const YOUNG_MB = 2;

/**
 * A message's string is cut at about this many characters: V8 makes the objects
 * of a message over 100 KB in the old generation (only a full collection frees
 * them), and a two-byte string of 40k characters is 80 KB.
 */
const MESSAGE_CHARS = 40_000;

/** What the worker needs: the same file, columns and checks as the pass. */
export interface ParseJob {
  fd: number;
  size: number;
  encoding?: string;
  delimiter: string;
  want?: Uint8Array;
  columns: ColumnMap;
  required: Set<string>;
  /** Which thread checks the rows: by default the worker, or the main thread while it waits for rows (tests fix one). */
  checks?: 'worker' | 'main';
}

/** A row the worker rejected: its cells as the rejects file writes them (every cell), and why. */
export class RejectedRow {
  constructor(
    readonly line: number,
    readonly cells: string[],
    readonly reason: string,
  ) {}
}

/** A blank line (or a row of empty cells): counted, nothing else. */
export const BLANK_ROW: unique symbol = Symbol('blank row');

export type ParsedRow = GoodRow | RejectedRow | typeof BLANK_ROW;

const BLANK = 0;
const GOOD = 1;
const REJECT = 2;
/** A row sent unchecked (its cells, text and places as a good row's): this thread checks it. */
const RAW = 3;
// A good row's flags: which pieces follow its cells.
const F_TEXT = 1;
const F_EMAIL = 2;
const F_KEY = 4;
const F_NAME = 8;
const F_FIRST = 16;
const F_DERIVED = 32;
/** Every cell follows (a cell not wanted was decoded all the same: the row was split whole). */
const F_ALL = 64;
/** Each sent cell is its place in the text (two ints), or -1 and a piece of its own. */
const F_AT = 128;

interface ChunkMessage {
  type: 'chunk';
  s: string;
  ints: Int32Array;
  count: number;
  bytes: number;
}
type WorkerMessage = ChunkMessage | { type: 'end' } | { type: 'error'; name: string; message: string; hint?: string; exitCode?: number };

/** The columns as a worker gets them: plain data (a preset's functions stay here; the checks read only emptyEmail). */
function sendable(columns: ColumnMap): ColumnMap {
  const preset = columns.preset ? ({ emptyEmail: columns.preset.emptyEmail } as ColumnMap['preset']) : undefined;
  return { raw: columns.raw, fields: columns.fields, index: columns.index, preset, nameFrom: columns.nameFrom, carry: columns.carry, also: columns.also };
}

/** Column indices whose cells a good row sends: the wanted ones (every one without `want`). */
function sentColumns(n: number, want: Uint8Array | undefined): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (want === undefined || want[i] === 1) out.push(i);
  return out;
}

/** A worker reading a pass's rows (startParseAhead): `rows` once, then `close`. */
export interface ParseAhead {
  rows(): AsyncGenerator<{ rows: ParsedRow[]; bytes: number }>;
  /** Stops the worker (when the pass ends, or stops early, or never ran). */
  close(): Promise<void>;
}

/**
 * Starts a worker (`script`: the bundled worker file) reading the pass's rows;
 * `rows()` gives them in file order, a chunk at a time with the bytes it read.
 * Started before the grouping pre-pass, the worker loads and reads its first
 * rows meanwhile. Errors the reading throws (a record past 1 MiB, a file that
 * shrank) are thrown by `rows()`, after the rows before them, as the reader on
 * this thread would have.
 */
export async function startParseAhead(script: string, job: ParseJob): Promise<ParseAhead> {
  const { Worker } = await import('node:worker_threads');
  // [messages sent, messages taken, 1 while the worker waits]
  const counters = new Int32Array(new SharedArrayBuffer(12));
  const worker = new Worker(script, { workerData: { kind: 'parse', counters, job: { ...job, columns: sendable(job.columns) } }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
  const queue: WorkerMessage[] = [];
  let failure: Error | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure ??= err;
    notify();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= new Error(`the CSV reader thread stopped (${code})`);
    notify();
  });
  const close = async () => {
    finished = true;
    await worker.terminate();
  };
  const decode = decoder(job);
  let head = 0;
  async function* rows(): AsyncGenerator<{ rows: ParsedRow[]; bytes: number }> {
    try {
      for (;;) {
        while (head === queue.length) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        const m = queue[head]!;
        queue[head++] = undefined as unknown as WorkerMessage;
        if (head > 64) {
          queue.splice(0, head);
          head = 0;
        }
        if (m.type === 'end') {
          finished = true;
          return;
        }
        if (m.type === 'error') {
          finished = true;
          throw revive(m);
        }
        // One taken: a waiting worker reads on once half of what it sent is.
        const taken = Atomics.add(counters, 1, 1) + 1;
        if (Atomics.load(counters, 2) === 1 && Atomics.load(counters, 0) - taken <= AHEAD / 2 && Atomics.exchange(counters, 2, 0) === 1) Atomics.notify(counters, 1);
        yield { rows: decode(m), bytes: m.bytes };
      }
    } finally {
      await close();
    }
  }
  return { rows, close };
}

/** Turns a message back into rows: a good row as makeRowChecker makes it, from the same cells and facts. */
function decoder(job: ParseJob): (m: ChunkMessage) => ParsedRow[] {
  const n = job.columns.fields.length;
  const sent = sentColumns(n, job.want);
  const emailIdx = job.columns.index.get('email')!;
  const nameIdx = job.columns.index.get('name');
  const firstIdx = job.columns.index.get('first_name');
  const finish = makeRowFinisher(job.columns, job.want);
  const validate = makeRowValidator(job.columns, job.required);
  const facts = validate.facts;
  const blank = new Array<string>(n).fill('');
  // The worker carried the order cells this run reads; those it does not read are linked here, as rows are written whole here too.
  const link = carryDown(job.columns, { want: job.want, delimiter: job.delimiter, fill: false });
  return ({ s, ints, count }) => {
    const rows: ParsedRow[] = [];
    let p = 0;
    let at = 0;
    while (p < count) {
      const kind = ints[p++]!;
      if (kind === BLANK) {
        rows.push(BLANK_ROW);
        continue;
      }
      const line = ints[p++]!;
      if (kind === REJECT) {
        const end = ints[p++]!;
        const [reason, cells] = JSON.parse(s.slice(at, end)) as [string, string[]];
        at = end;
        if (link) link(cells);
        rows.push(new RejectedRow(line, cells, reason));
        continue;
      }
      // Each piece is s[at, its end): `s.slice(at, (at = end))` takes it and moves on.
      const flags = ints[p++]!;
      let text: string | undefined;
      const t0 = at;
      if (flags & F_TEXT) text = s.slice(at, (at = ints[p++]!));
      const cells = blank.slice();
      if (flags & F_AT) {
        for (let j = 0; j < sent.length; j++) {
          const from = ints[p++]!;
          cells[sent[j]!] = from < 0 ? s.slice(at, (at = ints[p++]!)) : s.slice(t0 + from, t0 + ints[p++]!);
        }
      } else if (flags & F_ALL) for (let k = 0; k < n; k++) cells[k] = s.slice(at, (at = ints[p++]!));
      else for (let k = 0; k < sent.length; k++) cells[sent[k]!] = s.slice(at, (at = ints[p++]!));
      if (link) link(cells, text);
      if (kind === RAW) {
        // The worker was ahead: this thread checks the row (the same checks, on the same carried-down cells).
        const problem = validate(cells);
        if (problem === null) rows.push(finish(line, cells, text, facts.email, facts.key, facts.name, facts.first, facts.firstDerived));
        else rows.push(new RejectedRow(line, wholeRow(cells, text, job.delimiter, job.want), problem));
        continue;
      }
      const email = flags & F_EMAIL ? s.slice(at, (at = ints[p++]!)) : cells[emailIdx]!;
      const key = flags & F_KEY ? s.slice(at, (at = ints[p++]!)) : email;
      const name = flags & F_NAME ? s.slice(at, (at = ints[p++]!)) : cells[nameIdx!]!;
      const first = flags & F_FIRST ? s.slice(at, (at = ints[p++]!)) : cells[firstIdx!]!;
      rows.push(finish(line, cells, text, email, key, name, first, (flags & F_DERIVED) !== 0));
    }
    return rows;
  };
}

/** Whether text[from, to) starts with a visible ASCII character (so is no blank cell). */
function visibleFirst(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  const c = text.charCodeAt(from);
  return c > 32 && c < 0x7f;
}

function revive(m: { name: string; message: string; hint?: string; exitCode?: number }): Error {
  if (m.name === 'InputError') return new InputError(m.message, m.hint);
  if (m.name === 'UsageError') return new UsageError(m.message, m.hint);
  if (m.name === 'OutputError') return new OutputError(m.message, m.hint);
  if (m.exitCode !== undefined) return new ApologizeError(m.message, m.hint, m.exitCode);
  return new Error(m.message);
}

/** The worker's side (prescan-worker.ts starts it): reads, checks and sends the rows, AHEAD chunks at most before they are taken. */
export async function runParseWorker(job: ParseJob, port: MessagePort, counters: Int32Array): Promise<void> {
  let sentCount = 0;
  // This thread's heap, like the main thread's, is collected now and then (gc.ts): else it grows under the allocation rate.
  const collectGarbage = garbageCollector();
  try {
    const { columns, want, delimiter } = job;
    const n = columns.fields.length;
    const sent = sentColumns(n, want);
    const emailIdx = columns.index.get('email')!;
    const nameIdx = columns.index.get('name');
    const firstIdx = columns.index.get('first_name');
    const validate = makeRowValidator(columns, job.required);
    const facts = validate.facts;
    const carry = carryDown(columns, { want, delimiter });
    let parts: string[] = [];
    let length = 0;
    let ints = new Int32Array(1 << 14);
    let count = 0;
    const int = (v: number) => {
      if (count === ints.length) {
        const bigger = new Int32Array(ints.length * 2);
        bigger.set(ints);
        ints = bigger;
      }
      ints[count++] = v;
    };
    const str = (v: string) => {
      parts.push(v);
      length += v.length;
      int(length);
    };
    /** Sends what is packed; waits while the main thread is AHEAD messages behind. */
    let read = 0; // bytes read since the last message (for the progress display)
    let unchecked = job.checks === 'main'; // rows of this message are sent unchecked (RAW)
    const send = () => {
      const message: ChunkMessage = { type: 'chunk', s: parts.join(''), ints: ints.slice(0, count), count, bytes: read };
      read = 0;
      port.postMessage(message, [message.ints.buffer as ArrayBuffer]);
      parts = [];
      length = 0;
      count = 0;
      Atomics.store(counters, 0, ++sentCount);
      if ((sentCount & 15) === 0) collectGarbage();
      // The main thread has taken (nearly) all: this thread is the slower one, and leaves the checks of the next message to it.
      const ahead = sentCount - Atomics.load(counters, 1);
      unchecked = job.checks === undefined ? ahead <= 1 : job.checks === 'main';
      if (ahead < AHEAD) return;
      // Wait for the main thread to take half: it wakes this thread then (or the count moved already, and the wait returns at once).
      for (;;) {
        Atomics.store(counters, 2, 1);
        const taken = Atomics.load(counters, 1);
        if (sentCount - taken <= AHEAD / 2) break;
        Atomics.wait(counters, 1, taken, 50);
      }
      Atomics.store(counters, 2, 0);
    };
    // The reader of csv.ts (readCsv), with each record taken as the tokenizer reports it (its places in `at` hold then).
    const carried = new Uint8Array(n);
    for (const i of columns.carry) carried[i] = 1;
    const at = want !== undefined ? new Int32Array(2 * n) : undefined;
    let header = true;
    const tokenizer: CsvTokenizer = new CsvTokenizer(delimiter, (cells, line, text) => {
      if (header) {
        header = false;
        if (want && want.length === cells.length) {
          tokenizer.want = want;
          tokenizer.at = at;
          // This thread is done with a row's cells once it has sent them: one array for them all.
          tokenizer.reuse = new Array<string>(n).fill('');
        }
        return;
      }
      if (cells.length === 0 || isBlankRow(cells)) {
        int(BLANK);
        return;
      }
      if (carry) carry(cells, text);
      // Unchecked rows go as long as the header (a ragged one is refused here, its cells as they are).
      const raw = unchecked && cells.length === n;
      const problem = raw ? null : validate(cells);
      if (problem !== null) {
        int(REJECT);
        int(line);
        str(JSON.stringify([problem, wholeRow(cells, text, delimiter, want)]));
        if (length > MESSAGE_CHARS) send();
        return;
      }
      // A row split whole (its bytes were not UTF-8: U+FFFD in its text) has its other cells too.
      let all = false;
      if (want !== undefined && text !== undefined && text.indexOf('\uFFFD') !== -1) for (let k = 0; k < n && !all; k++) if (want[k] !== 1 && cells[k] !== '') all = true;
      let flags = all ? F_ALL : 0;
      if (text !== undefined) flags |= F_TEXT;
      // The cells as places in the text (else each its own piece): a quoted or carried-down cell is not one.
      const places = !all && text !== undefined && tokenizer.atValid;
      if (places) flags |= F_AT;
      if (!raw) {
        if (facts.email !== cells[emailIdx]) flags |= F_EMAIL;
        if (facts.key !== facts.email) flags |= F_KEY;
        if (nameIdx === undefined || facts.name !== cells[nameIdx]) flags |= F_NAME;
        if (firstIdx === undefined || facts.first !== cells[firstIdx]) flags |= F_FIRST;
        if (facts.firstDerived) flags |= F_DERIVED;
      }
      int(raw ? RAW : GOOD);
      int(line);
      int(flags);
      if (text !== undefined) str(text);
      if (places) {
        for (let j = 0; j < sent.length; j++) {
          const k = sent[j]!;
          const from = at![2 * k]!;
          // A carried column's cell is its place when it was not blank (carry.ts fills blank ones only): it starts with a visible ASCII character.
          if (from < 0 || (carried[k] === 1 && !visibleFirst(text!, from, at![2 * k + 1]!))) {
            int(-1);
            str(cells[k]!);
          } else {
            int(from);
            int(at![2 * k + 1]!);
          }
        }
      } else if (all) for (let k = 0; k < n; k++) str(cells[k]!);
      else for (let k = 0; k < sent.length; k++) str(cells[sent[k]!]!);
      if (flags & F_EMAIL) str(facts.email);
      if (flags & F_KEY) str(facts.key);
      if (flags & F_NAME) str(facts.name);
      if (flags & F_FIRST) str(facts.first);
      if (length > MESSAGE_CHARS) send();
    });
    for await (const chunk of toUtf8(readFileChunks(job.fd, 0, job.size), { encoding: job.encoding })) {
      tokenizer.push(chunk);
      read += chunk.length;
    }
    tokenizer.end();
    if (count > 0 || read > 0) send();
    port.postMessage({ type: 'end' });
  } catch (err) {
    const e = err as Error & { hint?: string; exitCode?: number };
    port.postMessage({ type: 'error', name: e instanceof ApologizeError ? e.name : 'Error', message: e.message ?? String(err), hint: e.hint, exitCode: e instanceof ApologizeError ? e.exitCode : undefined });
  }
}

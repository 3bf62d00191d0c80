import type { Composer } from '../compose/compose.js';
import type { Message } from '../message.js';
import { InputError, TemplateError } from '../errors.js';
import { recordKey, type JournalRecord, type JournalState } from '../mail/journal.js';
import type { Sink } from '../mail/sinks.js';
import { columnsRead, type ColumnMap } from '../recipients/columns.js';
import { readCsv } from '../recipients/csv.js';
import { wholeRow } from '../recipients/tokenizer.js';
import { BLANK_ROW, RejectedRow, startParseAhead, type ParseAhead, type ParsedRow } from '../recipients/parse-ahead.js';
import { workerScript } from '../recipients/prescan-file.js';
import { toUtf8 } from '../recipients/decode.js';
import { customer, Grouper, Spill, type CustomerRows } from '../recipients/group.js';
import { carryDown } from '../recipients/carry.js';
import { orderEntries } from '../recipients/orders.js';
import { lineItemsOf } from '../recipients/line-items.js';
import type { Recipient } from '../recipients/recipient.js';
import type { RejectsWriter } from '../recipients/rejects.js';
import { isBlankRow, makeRowChecker, type GoodRow } from '../recipients/rows.js';
import { fnv1a, FingerprintSet } from '../text/fingerprint.js';
import type { Stage } from '../message.js';
import type { InputFile } from './input.js';
import type { BatchCounts } from './summary.js';

export interface Shard {
  k: number;
  n: number;
}

/** The CSV of a pass: the input opened for the run, its delimiter and columns, the fields the template needs. */
export interface PassInput {
  file: InputFile;
  delimiter: string;
  columns: ColumnMap;
  required: Set<string>;
  /** The letters' locale: money is formatted for it (a row's own locale column wins). */
  locale?: string;
  /** A big file's rows may be read and checked on a second thread (parse-ahead.ts). */
  threads?: boolean;
  /** That thread, started already (startReading): the pass takes it over and stops it. */
  ahead?: ParseAhead;
}

/** From this size on, a pass reads its CSV on a second thread (a worker costs ~50 ms to start). */
export const PARSE_AHEAD_BYTES = 4 << 20;

/** Who gets a message, among the good rows. */
export interface Selection {
  /** One message per row instead of one per customer. */
  perRow: boolean;
  /** Customers whose rows are spread through the file (the pre-pass): held, sent last. */
  scattered?: FingerprintSet;
  shard?: Shard;
  /** Most messages to produce (--limit, --preview). */
  limit?: number;
}

/** What the campaign's journals say: skip whoever was sent (or is in doubt) at this stage. */
export interface CampaignState {
  stage: Stage;
  journal?: JournalState;
  resendInDoubt: boolean;
  /** Follow-ups only for customers whose apology this journal records as sent, threaded under it. */
  onlySent?: JournalState;
}

/** One pass: these rows, this selection, this composer, under this campaign (none: every row is new). */
export interface Pass {
  input: PassInput;
  select: Selection;
  composer: Composer;
  campaign?: CampaignState;
}

/** Where a pass's results go. */
export interface PassOutput {
  sink: Sink;
  rejects: RejectsWriter;
  counts: BatchCounts;
}

/** Asked and told as the pass goes. */
export interface PassControl {
  /** Checked between rows: Ctrl-C, or the reader of the output went away. */
  shouldStop(): boolean;
  onBytes?(n: number): void;
  /** Called every 4,096 rows and 2,000 messages to keep peak memory flat (see gc.ts). */
  collectGarbage?(): void;
}

/**
 * For a big file (PARSE_AHEAD_BYTES) when threads are allowed: a worker that
 * reads and checks the pass's rows (parse-ahead.ts), started now; else undefined.
 */
export async function startReading(input: PassInput, composer: Composer): Promise<ParseAhead | undefined> {
  const script = input.threads && input.file.size >= PARSE_AHEAD_BYTES ? workerScript() : undefined;
  if (!script) return undefined;
  const want = columnsRead(input.columns, composer.readColumns);
  return startParseAhead(script, { fd: input.file.fd, size: input.file.size, encoding: input.file.encoding, delimiter: input.delimiter, want, columns: input.columns, required: input.required });
}

/** The shard a customer belongs to: stable across machines and runs. */
export function inShard(key: string, shard: Shard): boolean {
  return fnv1a(key) % shard.n === shard.k - 1;
}

/** One pass over the CSV: rows → validated → grouped → composed → sink. Counts always add up. */
export async function runPass(pass: Pass, out: PassOutput, control: PassControl): Promise<void> {
  const { input, select, composer } = pass;
  const { sink, rejects, counts: c } = out;
  const journal = pass.campaign?.journal;
  const onlySent = pass.campaign?.onlySent;
  const limit = select.limit;
  const collectGarbage = control.collectGarbage;
  // Only the cells the pipeline and the template read are decoded (and made fields); a row is written whole where it is rejected or held.
  const want = columnsRead(input.columns, composer.readColumns);
  const check = makeRowChecker(input.columns, input.required, want);
  const whole = (row: { cells: string[]; text?: string }): string[] => wholeRow(row.cells, row.text, input.delimiter, want);
  const spill = new Spill(whole);
  const orderIdx = input.columns.index.get('order_id');
  const grouper = new Grouper(select.scattered, spill, orderIdx);
  const read = (i: number) => want === undefined || want[i] === 1;
  const names = [...input.columns.fields.filter((_, i) => read(i)), ...input.columns.also.filter(([, i]) => read(i)).map(([k]) => k), 'email', 'name', 'first_name'];
  const entries = orderEntries(input.locale ?? 'en', names, {
    // Excel writes ";" between cells where the decimal mark is a comma: "1.234" there is a thousand and more.
    decimalComma: input.delimiter === ';',
    amountPerLine: input.columns.preset?.amountPerLine,
    itemsOf: lineItemsOf(input.columns),
  });
  // A preset's order-level cells, written on an order's first row only (Shopify), carried down to its other rows.
  const carry = carryDown(input.columns, { want, delimiter: input.delimiter });
  let seq = 0;
  let stopped = false;
  const ready = sink.ready;
  const stage = pass.campaign?.stage ?? 'apology';
  // --per-row: a repeated row would give the same Message-ID again (grouping makes keys unique otherwise).
  const seen = select.perRow ? new FingerprintSet() : undefined;
  /** Skips a customer: `count` is all their rows, counted even when only the first ORDERS_LISTED were kept. */
  const skip = (count: number) => {
    c.rowsSkipped += count;
  };

  const reject = (line: number, row: { cells: string[]; text?: string }, reason: string) => {
    c.rowsRejected++;
    rejects.add(line, whole(row), reason);
  };

  /**
   * One customer's message; a promise only when the sink asks to wait (no
   * microtask per message otherwise). `rows`: the first ORDERS_LISTED of the
   * customer's `count` rows (group.ts); the rest were counted, not kept.
   */
  const emit = (group: CustomerRows): Promise<void> | void => {
    const { rows, count } = group;
    if (limit !== undefined && c.messages >= limit) {
      c.rowsSkipped += count;
      stopped = true;
      return;
    }
    const first = rows[0]!;
    const key = select.perRow ? `${first.key}#${orderIdx !== undefined && first.cells[orderIdx]!.trim() ? first.cells[orderIdx]!.trim() : `line${first.line}`}` : first.key;
    const recipient: Recipient = {
      email: first.email,
      name: first.name,
      first_name: first.first_name,
      firstDerived: first.firstDerived,
      fields: first.fields,
      orders: entries(group.orders ?? first),
      orderCount: group.orderCount,
      key,
      line: first.line,
      nameChecked: true,
    };
    if (seen && !seen.add(`${composer.incidentId}\0${key}`)) {
      c.repeated++;
      return skip(count);
    }
    let apology: JournalRecord | undefined;
    if (onlySent) {
      apology = onlySent.last.get(recordKey('apology', key)) ?? onlySent.byAddress.get(recordKey('apology', first.key));
      if (apology?.event === 'sending' || apology?.event === 'in-doubt') {
        c.apologyInDoubt.push(first.email);
        return skip(count);
      }
      if (apology?.event !== 'sent') {
        c.notSentBefore++;
        return skip(count);
      }
      // The follow-up knows the day the apology really went: "as promised" only on the day it promised.
      if (apology.at) recipient.apologySent = apology.at;
    }
    const state = journal?.last.get(recordKey(stage, key));
    if (state?.event === 'sent') {
      c.alreadySent++;
      return skip(count);
    }
    if ((state?.event === 'sending' || state?.event === 'in-doubt') && !pass.campaign?.resendInDoubt) {
      c.inDoubt.push(state.to || first.email);
      return skip(count);
    }
    if (ready) {
      // A delivery sink says when it can take another; the run may have been stopped meanwhile.
      return ready.call(sink).then(() => {
        if (control.shouldStop()) {
          stopped = true;
          return skip(count);
        }
        return produce(rows, count, group, recipient, apology);
      });
    }
    return produce(rows, count, group, recipient, apology);
  };

  const produce = (rows: CustomerRows['rows'], count: number, group: CustomerRows, recipient: Recipient, apology: JournalRecord | undefined): Promise<void> | void => {
    let msg: Message;
    try {
      // A follow-up threads under the Message-ID the apology actually went out with.
      msg = composer(recipient, apology?.messageId || undefined);
    } catch (err) {
      // A template error after messages went out rejects the row (exit 1 with the summary), never exit 2.
      if (!(err instanceof InputError) && !(err instanceof TemplateError && c.messages > 0)) throw err;
      const more = count - rows.length;
      rows.forEach((r, i) => {
        // Rows not kept (past the first ORDERS_LISTED) cannot be listed: the last kept one says which lines they are.
        const also = more > 0 && i === rows.length - 1 ? ` (so are this customer's ${more} other row(s), lines ${group.firstDropped}–${group.lastDropped})` : '';
        reject(r.line, r, err.message + also);
      });
      c.rowsRejected += more;
      return;
    }
    c.messages++;
    c.rowsRendered += count;
    if (collectGarbage && c.messages % 2_000 === 0) collectGarbage();
    seq++;
    return sink.write(msg, seq, count);
  };

  /** A good row: sharded out, sent alone (--per-row), or grouped with its customer's. */
  const take = (row: GoodRow): Promise<void> | void => {
    if (select.shard && !inShard(row.key, select.shard)) {
      c.rowsSkipped++;
      return;
    }
    if (select.perRow) return emit(customer(row));
    const group = grouper.push(row);
    if (group) return emit(group);
  };

  // A big file is read and its rows checked on a second thread, which hands them over in order (the same rows, verdicts and cells).
  const ahead = input.ahead ?? (await startReading(input, composer));
  try {
    if (ahead) {
      outer: for await (const { rows, bytes } of ahead.rows()) {
        control.onBytes?.(bytes);
        for (let i = 0; i < rows.length; i++) {
          if (stopped || control.shouldStop()) {
            stopped = true;
            break outer;
          }
          const r: ParsedRow = rows[i]!;
          if (r === BLANK_ROW) {
            c.blankLines++;
            continue;
          }
          c.rowsRead++;
          if (collectGarbage && (c.rowsRead & 4095) === 0) collectGarbage();
          if (r instanceof RejectedRow) {
            c.rowsRejected++;
            rejects.add(r.line, r.cells, r.reason);
            continue;
          }
          const pending = take(r);
          if (pending) await pending;
        }
      }
    } else {
      outer: for await (const { rows, bytes } of readCsv(toUtf8(input.file.chunks(), { encoding: input.file.encoding }), { delimiter: input.delimiter, want })) {
        control.onBytes?.(bytes);
        for (const r of rows) {
          if (stopped || control.shouldStop()) {
            stopped = true;
            break outer;
          }
          if (r.cells.length === 0 || isBlankRow(r.cells)) {
            c.blankLines++;
            continue;
          }
          c.rowsRead++;
          if (collectGarbage && (c.rowsRead & 4095) === 0) collectGarbage();
          if (carry) carry(r.cells, r.text);
          const row = check(r);
          if (typeof row === 'string') {
            reject(r.line, r, row);
            continue;
          }
          const pending = take(row);
          if (pending) await pending;
        }
      }
    }
    c.heldRows = spill.rows;
    if (!stopped && !control.shouldStop()) {
      const last = grouper.finish();
      if (last) await emit(last);
      const recheck = (line: number, cells: string[]) => {
        const v = check({ line, cells });
        return typeof v === 'string' ? undefined : v;
      };
      for (const g of spill.groups(recheck, orderIdx)) {
        if (stopped || control.shouldStop()) {
          c.rowsSkipped += g.count;
          stopped = true;
          continue;
        }
        await emit(g);
      }
    } else {
      stopped = true;
      c.rowsSkipped += grouper.pendingRows();
    }
  } finally {
    spill.dispose();
    await ahead?.close();
  }
}

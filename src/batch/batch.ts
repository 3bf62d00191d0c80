import type { Composer } from '../compose/compose.js';
import { UsageError } from '../errors.js';
import { DeliverySink } from '../mail/delivery.js';
import type { Journal } from '../mail/journal.js';
import type { Sink } from '../mail/sinks.js';
import { prescanFile } from '../recipients/prescan-file.js';
import { RejectsWriter } from '../recipients/rejects.js';
import { isOrderValue } from '../recipients/orders.js';
import type { Stage } from '../message.js';
import { changedLine, startJournal, type Campaign } from './campaign.js';
import type { FoundLocales } from '../compose/locales.js';
import { scanLocales } from './locales.js';
import { garbageCollector } from '../text/gc.js';
import { readHeader, type InputFile } from './input.js';
import { runPass, startReading, type PassInput, type Selection, type Shard } from './run.js';
import { emptyCounts, type BatchCounts } from './summary.js';

/** What one batch run does: decided from the flags (cli/batch.ts) before any row is read. */
export interface BatchPlan {
  /** The CSV, opened for the run; every pass reads its bytes as they were at the start. */
  input: InputFile;
  /** `--delimiter` (detected from the header when not given), `--map` and `--preset` (recognised from the header when not given). */
  csv: { delimiter?: string; map: Map<string, string>; preset?: string };
  composer: Composer;
  /**
   * When the CSV has a `locale` column: the composer for the locales found there (one per
   * language, chosen per customer) and its warnings. Called once, before anything is written.
   */
  localize?: { countCustomers: (raw: string) => boolean; build: (found: FoundLocales) => { composer: Composer; warnings: string[] } };
  /** Recipient fields the template prints unguarded: an empty cell there rejects the row. */
  required: Set<string>;
  /** Who gets a message: `limit` ends the run after that many; `preview` is a limit that writes nothing (and no journal). */
  select: { perRow: boolean; shard?: Shard; limit?: number; preview?: number };
  /** The campaign (opened, locked) and the stage sent in it. */
  campaign: Campaign;
  stage: Stage;
  resendInDoubt: boolean;
  /** `--strict`: a pass that checks every row first; nothing is written when any is bad. */
  strict: boolean;
  /** Where rejected rows go (none for a preview). */
  rejectsPath?: string;
}

/**
 * Opens where messages go; called once, after every check and the strict pass (nothing is written before).
 * `usesThread`: the sink it opens writes on a thread of its own (Sink.usesThread, a folder of .eml files),
 * known before it is opened: the main pass then reads its rows on this thread, and no reading thread is started.
 */
export type OpenSink = ((journal: Journal | undefined) => Sink) & { usesThread?: boolean };

/** What a run needs from the process (cli/batch.ts gives it). */
export interface BatchIO {
  /** One line for the person running it (stderr). */
  note(line: string): void;
  /** Registers a Ctrl-C handler for the main pass; returns its remover. */
  onInterrupt(fn: () => void): () => void;
  /** The reader of the output went away: stop quietly, keep what was written. */
  outputGone(): boolean;
  /** The pre-pass of a big file may use a second thread, and its main pass read its rows on one (parse-ahead.ts). */
  threads: boolean;
  /** A progress display for the main pass over `totalBytes`, counting the deliveries of a delivery sink (none when not wanted). */
  progress?(totalBytes: number, delivery?: DeliverySink): Promise<{ tick(n: number): void; stop(): void } | undefined>;
}

export interface BatchResult {
  counts: BatchCounts;
  /** Where the messages went, for the summary. */
  target: string;
  /** Stopped by Ctrl-C (the sink was aborted: nothing half-written kept). */
  interrupted: boolean;
  /** Why a delivery stopped taking messages (--max-failures), when it did. */
  stopped?: string;
}

/**
 * A batch: the header, the grouping pre-pass, the --strict pass, then the main
 * pass into the sink. Counts always add up (summary.ts); errors before the
 * main pass are thrown before anything is written.
 */
export async function runBatch(given: BatchPlan, openSink: OpenSink, io: BatchIO): Promise<BatchResult> {
  let plan = given;
  const header = await readHeader(plan.input, plan.csv.delimiter, plan.csv.map, { preset: plan.csv.preset, note: io.note });
  if (plan.localize && header.columns.index.has('locale')) {
    // Each customer in their language: every locale in the file resolved (and its text checked) before anything is written.
    const found = await scanLocales({ file: plan.input, delimiter: header.delimiter, columns: header.columns, required: plan.required }, plan.localize.countCustomers, garbageCollector());
    const { composer: localized, warnings } = plan.localize.build(found);
    for (const w of warnings) io.note(`apologize: ${w}`);
    plan = { ...plan, composer: localized, required: new Set([...plan.required, ...localized.requiredColumns]) };
  }
  const { composer } = plan;
  const input: PassInput = { ...readColumns(plan, header.delimiter, header.columns), threads: io.threads };
  // A big file's main pass reads its rows on a second thread: started now, it loads while the pre-pass runs
  // (not for a sink with a thread of its own: mainPass would stop it unused).
  const ahead = openSink.usesThread ? undefined : await startReading(input, composer);
  try {
    const { scattered, mostlyHeld } = await prePasses(plan, input, io);
    if (ahead && mostlyHeld) {
      // Most rows will be held (spilled) and grouped at the end: a second heap would only add to the peak memory.
      await ahead.close();
      return await mainPass(plan, { ...input, threads: false }, undefined, scattered, openSink, io);
    }
    return await mainPass(plan, input, ahead, scattered, openSink, io);
  } finally {
    await ahead?.close();
  }
}

/** The main pass into the sink (opened here, after every check). */
async function mainPass(plan: BatchPlan, given: PassInput, started: PassInput['ahead'], scattered: Selection['scattered'], openSink: OpenSink, io: BatchIO): Promise<BatchResult> {
  let input = given;
  let ahead = started;
  const { input: file, composer, select, campaign } = plan;
  const changed = changedLine(campaign);
  if (changed) io.note(changed);
  const journal = campaign.journal && select.preview === undefined ? startJournal(campaign, select.perRow) : undefined;
  const sink = openSink(journal);
  if (sink.usesThread) {
    // A sink with a thread of its own (eml files) and a reading thread would be three on two cores, and a heap more at the peak.
    await ahead?.close();
    ahead = undefined;
    input = { ...input, threads: false };
  }
  const counts = emptyCounts();
  const rejects = new RejectsWriter(plan.rejectsPath);
  let interrupted = false;
  const delivery = sink instanceof DeliverySink ? sink : undefined;
  const off = io.onInterrupt(() => {
    if (interrupted) delivery?.killAll();
    interrupted = true;
    delivery?.interrupt();
  });
  const progress = await io.progress?.(file.size, delivery);
  try {
    rejects.setHeader(input.columns.raw);
    await runPass(
      {
        input: { ...input, ahead },
        select: { perRow: select.perRow, scattered, shard: select.shard, limit: select.preview ?? select.limit },
        composer,
        campaign: { stage: plan.stage, journal: campaign.journal, onlySent: campaign.onlySent, resendInDoubt: plan.resendInDoubt },
      },
      { sink, rejects, counts },
      { shouldStop: () => interrupted || io.outputGone() || delivery?.stopped !== undefined, onBytes: progress?.tick, collectGarbage: garbageCollector() },
    );
    if (interrupted || delivery?.stopped) await sink.abort();
    else await sink.close();
  } catch (err) {
    await sink.abort();
    throw err;
  } finally {
    off();
    progress?.stop();
    rejects.close();
    journal?.close();
  }
  counts.written = sink.written;
  counts.failed = sink.failed;
  if (delivery) {
    // Composed ahead but never handed over (the run stopped first): skipped, not messages.
    counts.messages -= delivery.withdrawn;
    counts.rowsRendered -= delivery.withdrawnRows;
    counts.rowsSkipped += delivery.withdrawnRows;
    counts.inDoubtNow = delivery.inDoubt.length;
    counts.inDoubt.push(...delivery.inDoubt);
  }
  return { counts, target: sink.target, interrupted, stopped: delivery?.stopped };
}

/** The grouping pre-pass (which customers' rows are scattered) and --strict's pass; throws before anything is written. */
async function prePasses(plan: BatchPlan, input: PassInput, io: BatchIO): Promise<{ scattered: Selection['scattered']; mostlyHeld: boolean }> {
  const { input: file, select } = plan;
  // The first pass for grouping: which customers' rows are scattered.
  let scattered;
  let mostlyHeld = false;
  if (!select.perRow) {
    const emailIdx = input.columns.index.get('email')!;
    const scan = await prescanFile(file.fd, file.size, input.delimiter, emailIdx, { encoding: file.encoding, threads: io.threads, mustBeUtf8: file.mustBeUtf8, name: file.name });
    // A scattered customer has two rows or more: one for every ten records or more, and at least a fifth of the rows are held.
    mostlyHeld = scan.scatteredCount * 10 > scan.records;
    if (scan.scatteredCount > 0) {
      scattered = scan.scattered;
      io.note(`apologize: ${scan.scatteredCount.toLocaleString('en-US')} customer(s) have rows spread through the file; their messages come last`);
    }
  } else await file.checkUtf8();
  file.checkSettled();

  if (plan.strict) await strictPass(plan, { ...input, ahead: undefined, threads: input.threads && !mostlyHeld }, scattered);
  return { scattered, mostlyHeld };
}

/** The header: delimiter and columns; a column for every recipient field the template prints. */
function readColumns(plan: BatchPlan, delimiter: string, columns: PassInput['columns']): PassInput {
  for (const field of new Set([...plan.required, ...plan.composer.recipientColumns])) {
    if (!plan.composer.context.values.includes(field) && !isOrderValue(field) && !columns.index.has(field)) {
      throw new UsageError(`the template prints recipient.${field} but the CSV has no such column`, `add a "${field}" column, or --map "YourColumn=${field}"`);
    }
  }
  const locale = plan.composer.context.incident.incident.locale;
  return { file: plan.input, delimiter, columns, required: plan.required, locale: typeof locale === 'string' ? locale : 'en' };
}

/** --strict: every row checked (rendered to nowhere) first; a bad one is a usage error, nothing written. */
async function strictPass(plan: BatchPlan, input: PassInput, scattered: Selection['scattered']): Promise<void> {
  const counts = emptyCounts();
  const rejects = new RejectsWriter(plan.rejectsPath);
  rejects.setHeader(input.columns.raw);
  const nowhere: Sink = { written: 0, failed: 0, target: 'check', write: () => {}, close: async () => {}, abort: async () => {} };
  const { perRow, shard, limit } = plan.select;
  await runPass({ input, select: { perRow, scattered, shard, limit }, composer: plan.composer }, { sink: nowhere, rejects, counts }, { shouldStop: () => false });
  rejects.close();
  if (counts.rowsRejected > 0) {
    throw new UsageError(
      `--strict: ${counts.rowsRejected.toLocaleString('en-US')} of ${counts.rowsRead.toLocaleString('en-US')} rows are bad${plan.rejectsPath ? ` (reasons in ${plan.rejectsPath})` : ''}; nothing was written`,
      'fix those rows, or drop --strict to send the good ones and keep the rejects',
    );
  }
}

import { resolve } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { prescanFile } from '../recipients/prescan-file.js';
import { resolveNow } from '../compose/clock.js';
import { createComposer } from '../compose/compose.js';
import { UsageError } from '../errors.js';
import { gatherIncident } from '../incident/resolve.js';
import { validateIncident } from '../incident/validate.js';
import { ExecSink, parseDurationMs, parseRate } from '../mail/exec.js';
import { BATCH_FORMATS, type BatchFormat } from '../mail/formats.js';
import type { Journal } from '../mail/journal.js';
import { changedLine, openCampaign, startJournal, type Campaign } from '../batch/campaign.js';
import { FileSink, FolderSink, StreamSink, type Sink } from '../mail/sinks.js';
import { parseMapOptions } from '../recipients/columns.js';
import { parseDelimiter } from '../recipients/csv.js';
import { checkEncoding } from '../recipients/decode.js';
import { defaultRejectsPath, RejectsWriter } from '../recipients/rejects.js';
import { TemplateLibrary } from '../templates/library.js';
import { prepareInput, readHeader, type InputFile } from '../batch/input.js';
import { checkDistinctPaths } from '../batch/paths.js';
import { runPass, type Shard } from '../batch/run.js';
import { emptyCounts, summaryLine, type BatchCounts } from '../batch/summary.js';
import { parseStage } from './draft.js';
import type { IncidentFlags } from './incident-options.js';
import { incidentFromFlags } from './incident-options.js';
import { safeLine, say, streamsOf, type IO } from './io.js';
import { stderrColour } from './colour.js';
import { PreviewSink } from './preview.js';

export interface BatchOptions extends IncidentFlags {
  format?: string;
  out?: string;
  exec?: string;
  concurrency?: string;
  rate?: string;
  execTimeout?: string;
  journal?: string;
  resendInDoubt?: boolean;
  preview?: string;
  limit?: string;
  shard?: string;
  stage?: string;
  strict?: boolean;
  rejects?: string;
  perRow?: boolean;
  map?: string[];
  delimiter?: string;
  encoding?: string;
  force?: boolean;
  onlySent?: string;
  html?: boolean;
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${flag} "${value}" must be a whole number of at least 1`, `e.g. ${flag} 10`);
  return Number(value);
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard "${value}" is not K/N with 1 ≤ K ≤ N`, 'e.g. --shard 1/4 on the first of four machines');
  return { k: Number(m[1]), n: Number(m[2]) };
}

/** The call's options, checked before anything is read or written. */
function parseBatchOptions(opts: BatchOptions) {
  const format = (opts.format ?? 'mbox') as BatchFormat;
  if (!(BATCH_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"`, `use --format ${BATCH_FORMATS.join('|')}`);
  if (format === 'eml' && !opts.out && opts.preview === undefined && !opts.exec) throw new UsageError('--format eml writes one file per message and needs --out FOLDER', 'add --out ./messages (or use --format mbox for one stream)');
  if (opts.exec && opts.out) throw new UsageError('--exec and --out both say where messages go', 'use one of them');
  if (opts.journal && !opts.exec) throw new UsageError('--journal records hand-offs to --exec', 'add --exec "sendmail -t -i" (or drop --journal)');
  if (opts.resendInDoubt && !opts.journal) throw new UsageError('--resend-in-doubt needs the --journal of the earlier run', 'add --journal FILE');
  if (opts.onlySent && (opts.stage ?? 'apology') === 'apology') throw new UsageError('--only-sent picks follow-up recipients from the apology run\'s journal', 'add --stage followup');
  checkEncoding(opts.encoding);
  return {
    format,
    preview: positiveInt(opts.preview, '--preview'),
    limit: positiveInt(opts.limit, '--limit'),
    concurrency: positiveInt(opts.concurrency, '--concurrency') ?? 1,
    rate: parseRate(opts.rate),
    execTimeoutMs: parseDurationMs(opts.execTimeout, 60_000, '--exec-timeout'),
    shard: parseShard(opts.shard),
    stage: parseStage(opts.stage),
    map: parseMapOptions(opts.map),
    delimiter: parseDelimiter(opts.delimiter),
  };
}

/** `apologize batch <CSV|->`: one message per affected customer. */
export async function batchCommand(input: string, opts: BatchOptions, io: IO, signals: { onInterrupt: (fn: () => void) => () => void }): Promise<number> {
  const started = process.hrtime.bigint();
  const { format, preview, limit, concurrency, rate, execTimeoutMs, shard, stage, map, delimiter } = parseBatchOptions(opts);

  const gathered = gatherIncident({ cwd: io.cwd, flags: incidentFromFlags(opts), incidentFile: opts.incident, configFile: opts.config, templatesDir: opts.templates });
  const requireFrom = preview === undefined && format !== 'text';
  const incident = validateIncident(gathered.input, { source: gathered.source, requireFrom });
  const library = new TemplateLibrary(gathered.templatesDir);
  const colour = stderrColour(io);

  if (input === '-' && io.stdin.isTTY) throw new UsageError('batch - reads the CSV from stdin, but stdin is a terminal', 'pipe the CSV in (apologize batch - < orders.csv) or give its path');
  const inputPath = input === '-' ? '-' : resolve(io.cwd, input);
  const grouping = !opts.perRow;
  const rejectsPath = preview !== undefined ? undefined : opts.rejects ? resolve(io.cwd, opts.rejects) : defaultRejectsPath(inputPath);
  checkDistinctPaths([
    { flag: 'input', path: input === '-' ? undefined : inputPath },
    { flag: '--out', path: opts.out ? resolve(io.cwd, opts.out) : undefined },
    { flag: '--rejects', path: rejectsPath },
    { flag: '--journal', path: opts.journal ? resolve(io.cwd, opts.journal) : undefined },
  ]);
  const file: InputFile = await prepareInput(inputPath, io.stdin, { name: input, encoding: opts.encoding, note: (line) => say(io, line) });
  let campaign: Campaign | undefined;
  try {
    // One run at a time on a journal; the incident id its messages carry is the journal's.
    campaign = openCampaign(incident, { journal: opts.journal && resolve(io.cwd, opts.journal), onlySent: opts.onlySent && resolve(io.cwd, opts.onlySent), perRow: Boolean(opts.perRow) });
    const composer = createComposer(incident, library, { stage, now: resolveNow(io.env), html: Boolean(opts.html), campaignId: campaign.id });
    if (composer.humourWarning) say(io, colour.yellow(`warning: ${composer.humourWarning}`));
    const required = library.requiredRecipientFields(composer.template);
    const { delimiter: delim, columns } = await readHeader(file, delimiter, map);
    for (const field of new Set([...required, ...composer.recipientColumns])) {
      if (!['email', 'name', 'first_name', 'order_count', 'more_orders'].includes(field) && !columns.index.has(field)) {
        throw new UsageError(`the template prints recipient.${field} but the CSV has no such column`, `add a "${field}" column, or --map "YourColumn=${field}"`);
      }
    }
    const journalState = campaign.journal;
    const onlySent = campaign.onlySent;
    if (onlySent && onlySent.last.size === 0) throw new UsageError(`--only-sent ${opts.onlySent} has no journal entries`, 'give the --journal file of the apology run');

    // ---- the first pass for grouping: which customers' rows are scattered
    let scattered;
    if (grouping) {
      const emailIdx = columns.index.get('email')!;
      const scan = await prescanFile(file.fd, file.size, delim, emailIdx, { encoding: file.encoding, threads: io.env.APOLOGIZE_THREADS !== '1', mustBeUtf8: file.mustBeUtf8, name: file.name });
      if (scan.scatteredCount > 0) {
        scattered = scan.scattered;
        say(io, `apologize: ${scan.scatteredCount.toLocaleString('en-US')} customer(s) have rows spread through the file; their messages come last`);
      }
    } else await file.checkUtf8();
    file.checkSettled();

    const inputStream = () => file.chunks();

    // ---- --strict: check every row first; write nothing if any is bad
    if (opts.strict) {
      const counts = emptyCounts();
      const rejects = new RejectsWriter(rejectsPath);
      rejects.setHeader(columns.raw);
      const nullSink: Sink = { written: 0, failed: 0, target: 'check', write: () => {}, close: async () => {}, abort: async () => {} };
      await runPass({ input: inputStream(), encoding: file.encoding, delimiter: delim, columns: columns, required, composer, sink: nullSink, rejects, counts, perRow: Boolean(opts.perRow), scattered, shard, limit, shouldStop: () => false });
      rejects.close();
      if (counts.rowsRejected > 0) {
        throw new UsageError(
          `--strict: ${counts.rowsRejected.toLocaleString('en-US')} of ${counts.rowsRead.toLocaleString('en-US')} rows are bad${rejectsPath ? ` (reasons in ${rejectsPath})` : ''}; nothing was written`,
          'fix those rows, or drop --strict to send the good ones and keep the rejects',
        );
      }
    }

    // ---- the sink
    const streams = streamsOf(io); // a reader of stdout (or of the preview on stderr) that leaves ends the run quietly
    const changed = changedLine(campaign);
    if (changed) say(io, safeLine(changed));
    const journal: Journal | undefined = opts.journal && preview === undefined ? startJournal(campaign, Boolean(opts.perRow)) : undefined;
    let sink: Sink;
    if (preview !== undefined) sink = new PreviewSink(io);
    else if (opts.exec) {
      sink = new ExecSink({
        command: opts.exec, concurrency, ratePerMinute: rate, timeoutMs: execTimeoutMs, env: io.env, cwd: io.cwd, journal,
        onFailure: (to, reason) => say(io, `apologize: sending to ${safeLine(to)} failed: ${safeLine(reason)}`),
        onInDoubt: (to, reason) => say(io, `apologize: sending to ${safeLine(to)} is in doubt: ${safeLine(reason)} (it may have gone out; not resent without --resend-in-doubt)`),
      });
    } else if (format === 'eml') sink = new FolderSink(resolve(io.cwd, opts.out!), Boolean(opts.force));
    else if (opts.out) sink = new FileSink(resolve(io.cwd, opts.out), format);
    else sink = new StreamSink(io.stdout, format, 'stdout', () => streams.stdout.closed);

    const counts: BatchCounts = emptyCounts();
    const rejects = new RejectsWriter(rejectsPath);
    let interrupted = false;
    const off = signals.onInterrupt(() => {
      if (interrupted && sink instanceof ExecSink) sink.killAll();
      interrupted = true;
    });
    const progress = await startProgress(io, file.size, preview !== undefined);
    try {
      const cols = columns;
      rejects.setHeader(cols.raw);
      await runPass({
        input: inputStream(), encoding: file.encoding, delimiter: delim, columns: cols, required, composer, sink, rejects, counts,
        perRow: Boolean(opts.perRow), scattered, shard, limit: preview ?? limit, journal: journalState, stage, resendInDoubt: opts.resendInDoubt, onlySent,
        shouldStop: () => interrupted || streams.stdout.closed || (preview !== undefined && streams.stderr.closed), onBytes: progress?.tick, collectGarbage: garbageCollector(),
        fastMbox: format === 'mbox' && io.env.APOLOGIZE_SLOW_PATH !== '1',
      });
      if (interrupted) await sink.abort();
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
    if (sink instanceof ExecSink) {
      counts.inDoubtNow = sink.inDoubt.length;
      counts.inDoubt.push(...sink.inDoubt);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (counts.inDoubt.length > 0) {
      say(io, `apologize: ${counts.inDoubt.length} message(s) were being handed over when an earlier run stopped or timed out, and may or may not have gone out; not resent (add --resend-in-doubt to send them): ${safeLine(counts.inDoubt.join(', '))}`);
    }
    if (counts.apologyInDoubt.length > 0) {
      say(io, `apologize: ${counts.apologyInDoubt.length} customer(s) get no follow-up because their apology is in doubt in ${safeLine(opts.onlySent ?? '')} (resend it with --resend-in-doubt first): ${safeLine(counts.apologyInDoubt.join(', '))}`);
    }
    say(io, safeLine(summaryLine(counts, seconds, { target: sink.target, rejects: counts.rowsRejected > 0 ? rejectsPath : undefined, interrupted, preview: preview !== undefined })));
    if (interrupted) return 130;
    return counts.rowsRejected > 0 || counts.failed > 0 || counts.inDoubt.length > 0 || counts.apologyInDoubt.length > 0 ? 1 : 0;
  } finally {
    campaign?.release();
    file.dispose();
  }
}

/**
 * V8 lets the heap grow lazily under a high allocation rate, so a long batch
 * would peak far above what it holds live (about 15 MB). A full collection now
 * and then keeps peak memory flat whatever the row count (SPEC.md's budget).
 */
function garbageCollector(limitBytes = 32 * 1024 * 1024): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc !== 'function') return undefined;
    return () => {
      if (v8.getHeapStatistics().used_heap_size > limitBytes) (gc as () => void)();
    };
  } catch {
    return undefined;
  }
}

async function startProgress(io: IO, total: number | undefined, preview: boolean): Promise<{ tick: (n: number) => void; stop: () => void } | undefined> {
  if (!io.stderr.isTTY || preview || !total || io.env.CI) return undefined;
  const mod = (await import('cli-progress')) as typeof import('cli-progress') & { default?: typeof import('cli-progress') };
  const { SingleBar, Presets } = mod.default ?? mod; // a CommonJS package: its exports sit on `default` when bundled
  const bar = new SingleBar(
    { stream: io.stderr as unknown as NodeJS.WritableStream, format: 'apologize {bar} {percentage}% | {value}/{total} MB | {eta_formatted} left', hideCursor: true, clearOnComplete: true, etaBuffer: 50, fps: 5 },
    Presets.shades_classic,
  );
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  let done = 0;
  bar.start(mb(total), 0);
  return {
    tick: (n) => {
      done += n;
      bar.update(mb(Math.min(done, total)));
    },
    stop: () => bar.stop(),
  };
}

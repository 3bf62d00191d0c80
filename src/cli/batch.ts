import { resolve } from 'node:path';
import { runBatch, type OpenSink } from '../batch/batch.js';
import { openCampaign, type Campaign } from '../batch/campaign.js';
import { prepareInput, type InputFile } from '../batch/input.js';
import { checkDistinctPaths } from '../batch/paths.js';
import { summaryLine } from '../batch/summary.js';
import { resolveNow } from '../compose/clock.js';
import { createComposer } from '../compose/compose.js';
import { localeComposer, localeCounts } from '../compose/locales.js';
import { UsageError } from '../errors.js';
import { gatherIncident } from '../incident/resolve.js';
import { incidentWarnings, validateIncident } from '../incident/validate.js';
import { parseMailbox } from '../mail/address.js';
import type { DeliveryOptions, DeliverySink } from '../mail/delivery.js';
import { ExecSink } from '../mail/exec.js';
import { FileSink, FolderSink, StreamSink, type Sink } from '../mail/sinks.js';
import { sendingTestsTo } from '../mail/test-to.js';
import type { Mailbox } from '../message.js';
import { printable } from '../text/printable.js';
import { defaultRejectsPath } from '../recipients/rejects.js';
import { TemplateLibrary } from '../templates/library.js';
import { stderrColour } from './colour.js';
import { incidentFromFlags, type IncidentFlags } from './incident-options.js';
import { now, safeLine, say, streamsOf, type IO } from './io.js';
import { parseDelimiter, parseDurationMs, parseEncoding, parseFormat, parseMapOptions, parsePreset, parseRate, parseShard, parseStage, positiveInt, wholeNumber } from './options.js';
import { PreviewSink } from './preview.js';
import { prepareSmtp, type SmtpFlags } from './smtp.js';

export interface BatchOptions extends IncidentFlags, SmtpFlags {
  format?: string;
  out?: string;
  exec?: string;
  maxFailures?: string;
  testTo?: string;
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
  preset?: string;
  delimiter?: string;
  encoding?: string;
  force?: boolean;
  onlySent?: string;
  html?: boolean;
  /** `--fallback-locale [TAG]`: true (no value) for the incident's own language. */
  fallbackLocale?: string | boolean;
}

/** The call's flags, checked before anything is read or written. */
function parseBatchOptions(opts: BatchOptions) {
  const format = parseFormat(opts.format, 'batch');
  if (format === 'eml' && !opts.out && opts.preview === undefined && !opts.exec) throw new UsageError('--format eml writes one file per message and needs --out FOLDER', 'add --out ./messages (or use --format mbox for one stream)');
  const where = [opts.exec && '--exec', opts.smtp && '--smtp', opts.out && '--out'].filter(Boolean);
  if (where.length > 1) throw new UsageError(`${where.join(' and ')} ${where.length === 2 ? 'both' : 'all'} say where messages go`, 'use one of them');
  const delivers = Boolean(opts.exec || opts.smtp);
  if (opts.journal && !delivers) throw new UsageError('--journal records hand-offs to --exec or --smtp', 'add --smtp smtp://user@host:587 or --exec "sendmail -t -i" (or drop --journal)');
  if (opts.maxFailures !== undefined && !delivers) throw new UsageError('--max-failures is for delivery with --exec or --smtp', 'drop it, or add --smtp / --exec');
  if (opts.resendInDoubt && !opts.journal) throw new UsageError('--resend-in-doubt needs the --journal of the earlier run', 'add --journal FILE');
  if (opts.onlySent && (opts.stage ?? 'apology') === 'apology') throw new UsageError('--only-sent picks follow-up recipients from the apology run\'s journal', 'add --stage followup');
  return {
    format,
    preview: positiveInt(opts.preview, '--preview'),
    limit: positiveInt(opts.limit, '--limit') ?? (opts.testTo !== undefined ? 3 : undefined),
    maxFailures: wholeNumber(opts.maxFailures, '--max-failures') ?? 10,
    testTo: opts.testTo !== undefined ? testAddress(opts.testTo) : undefined,
    delivers,
    concurrency: positiveInt(opts.concurrency, '--concurrency') ?? 1,
    rate: parseRate(opts.rate),
    execTimeoutMs: parseDurationMs(opts.execTimeout, 60_000, '--exec-timeout'),
    shard: parseShard(opts.shard),
    stage: parseStage(opts.stage),
    map: parseMapOptions(opts.map),
    preset: parsePreset(opts.preset),
    delimiter: parseDelimiter(opts.delimiter),
  };
}

/** `apologize batch <CSV|->`: one message per affected customer. */
export async function batchCommand(input: string, opts: BatchOptions, io: IO, signals: { onInterrupt: (fn: () => void) => () => void }): Promise<number> {
  const started = now(io);
  const o = parseBatchOptions(opts);
  const encoding = await parseEncoding(opts.encoding);
  const path = (p: string | undefined) => (p ? resolve(io.cwd, p) : undefined);

  const gathered = gatherIncident({ cwd: io.cwd, flags: incidentFromFlags(opts), incidentFile: opts.incident, configFile: opts.config, templatesDir: opts.templates });
  const incident = validateIncident(gathered.input, { source: gathered.source, requireFrom: o.preview === undefined && (o.format !== 'text' || o.delivers) });
  const makeSmtpSink = await prepareSmtp(opts, io);
  const library = new TemplateLibrary(gathered.templatesDir);

  if (input === '-' && io.stdin.isTTY) throw new UsageError('batch - reads the CSV from stdin, but stdin is a terminal', 'pipe the CSV in (apologize batch - < orders.csv) or give its path');
  const inputPath = input === '-' ? '-' : resolve(io.cwd, input);
  const rejectsPath = o.preview !== undefined ? undefined : opts.rejects ? resolve(io.cwd, opts.rejects) : defaultRejectsPath(inputPath);
  checkDistinctPaths([
    { flag: 'input', path: input === '-' ? undefined : inputPath },
    { flag: '--out', path: path(opts.out) },
    { flag: '--rejects', path: rejectsPath },
    { flag: '--journal', path: path(opts.journal) },
  ]);
  const file: InputFile = await prepareInput(inputPath, io.stdin, { name: input, encoding, note: (line) => say(io, line) });
  let campaign: Campaign | undefined;
  try {
    // One run at a time on a journal; the incident id its messages carry is the journal's.
    // Test messages are never journaled: the campaign's journal is neither locked, read nor written.
    if (o.testTo && opts.journal) say(io, `apologize: --test-to: test messages are not journaled; ${safeLine(opts.journal)} was not read or written`);
    campaign = openCampaign(incident, { journal: o.testTo ? undefined : path(opts.journal), onlySent: path(opts.onlySent), perRow: Boolean(opts.perRow) });
    const composerOptions = { stage: o.stage, now: resolveNow(io.env), html: Boolean(opts.html), campaignId: campaign.id };
    const composer = createComposer(incident, library, composerOptions);
    const fallback = opts.fallbackLocale === undefined || opts.fallbackLocale === false ? undefined : opts.fallbackLocale === true ? true : opts.fallbackLocale;
    const colour = stderrColour(io);
    if (composer.humourWarning) say(io, colour.yellow(`warning: ${composer.humourWarning}`));
    for (const w of incidentWarnings(incident, resolveNow(io.env), o.stage ?? 'apology')) say(io, colour.yellow(`warning: ${safeLine(w)}`));
    if (campaign.onlySent && campaign.onlySent.last.size === 0) throw new UsageError(`--only-sent ${opts.onlySent} has no journal entries`, 'give the --journal file of the apology run');

    const streams = streamsOf(io); // a reader of stdout (or of the preview on stderr) that leaves ends the run quietly
    const delivery = (journal: DeliveryOptions['journal']): DeliveryOptions => ({
      concurrency: o.concurrency, ratePerMinute: o.rate, timeoutMs: o.execTimeoutMs, journal, maxFailures: o.maxFailures,
      onFailure: (to, reason) => say(io, `apologize: sending to ${safeLine(to)} failed: ${safeLine(reason)}`),
      onInDoubt: (to, reason) => say(io, `apologize: sending to ${safeLine(to)} is in doubt: ${safeLine(reason)} (it may have gone out; not resent without --resend-in-doubt)`),
    });
    // A folder of .eml files writes on a thread of its own (FolderSink.usesThread): runBatch starts no reading thread for it.
    const folder = o.preview === undefined && !makeSmtpSink && !opts.exec && o.format === 'eml';
    const makeSink = (journal: DeliveryOptions['journal']): Sink => {
      if (o.preview !== undefined) return new PreviewSink(io);
      if (makeSmtpSink) return makeSmtpSink(delivery(journal));
      if (opts.exec) return new ExecSink({ ...delivery(journal), command: opts.exec, env: io.env, cwd: io.cwd });
      if (folder) return new FolderSink(path(opts.out)!, Boolean(opts.force));
      if (opts.out) return new FileSink(path(opts.out)!, o.format);
      return new StreamSink(io.stdout, o.format, 'stdout', () => streams.stdout.closed);
    };
    const openSink: OpenSink = (journal) => (o.testTo ? sendingTestsTo(makeSink(undefined), o.testTo) : makeSink(journal));
    openSink.usesThread = folder;
    const { counts, target, interrupted, stopped } = await runBatch(
      {
        input: file,
        csv: { delimiter: o.delimiter, map: o.map, preset: o.preset },
        composer,
        localize: { countCustomers: localeCounts(incident, library, { fallback }), build: (found) => localeComposer(incident, library, composerOptions, found, { fallback, base: composer }) },
        required: composer.requiredColumns,
        select: { perRow: Boolean(opts.perRow), shard: o.shard, limit: o.limit, preview: o.preview },
        campaign,
        stage: o.stage,
        resendInDoubt: Boolean(opts.resendInDoubt),
        strict: Boolean(opts.strict),
        rejectsPath,
      },
      openSink,
      {
        note: (line) => say(io, safeLine(line)),
        onInterrupt: signals.onInterrupt,
        outputGone: () => streams.stdout.closed || (o.preview !== undefined && streams.stderr.closed),
        threads: io.env.APOLOGIZE_THREADS !== '1',
        progress: (total, delivery) => startProgress(io, total, o.preview !== undefined, delivery),
      },
    );

    const seconds = (now(io) - started) / 1000;
    if (counts.inDoubt.length > 0) {
      say(io, `apologize: ${counts.inDoubt.length} message(s) were being handed over when an earlier run stopped or timed out, and may or may not have gone out; not resent (add --resend-in-doubt to send them): ${safeLine(counts.inDoubt.join(', '))}`);
    }
    if (counts.apologyInDoubt.length > 0) {
      say(io, `apologize: ${counts.apologyInDoubt.length} customer(s) get no follow-up because their apology is in doubt in ${safeLine(opts.onlySent ?? '')} (resend it with --resend-in-doubt first): ${safeLine(counts.apologyInDoubt.join(', '))}`);
    }
    if (stopped) {
      say(io, `apologize: stopped: ${safeLine(stopped)} — check the relay (or the command), then re-run${opts.journal && !o.testTo ? ' with the same --journal: whoever was sent is skipped' : ''}; --max-failures N sets how many in a row stop a run`);
    }
    say(io, safeLine(summaryLine(counts, seconds, { target, rejects: counts.rowsRejected > 0 ? rejectsPath : undefined, interrupted, stopped: stopped !== undefined, preview: o.preview !== undefined })));
    if (interrupted) return 130;
    return stopped || counts.rowsRejected > 0 || counts.failed > 0 || counts.inDoubt.length > 0 || counts.apologyInDoubt.length > 0 ? 1 : 0;
  } finally {
    campaign?.release();
    file.dispose();
  }
}

/** `--test-to ADDR`: one valid address. */
function testAddress(value: string): Mailbox {
  const box = parseMailbox(value);
  if ('error' in box) throw new UsageError(`--test-to "${printable(value)}" is not one valid address: ${box.error}`, 'e.g. --test-to "you@example.com"');
  return { name: box.name ?? '', address: box.address };
}

async function startProgress(io: IO, total: number | undefined, preview: boolean, delivery?: DeliverySink): Promise<{ tick: (n: number) => void; stop: () => void } | undefined> {
  if (!io.stderr.isTTY || preview || !total || io.env.CI) return undefined;
  const mod = (await import('cli-progress')) as typeof import('cli-progress') & { default?: typeof import('cli-progress') };
  const { SingleBar, Presets } = mod.default ?? mod; // a CommonJS package: its exports sit on `default` when bundled
  if (delivery) {
    // Hand-offs lag the reading: the bar is the input read, the counts are the deliveries as they settle.
    const deliveries = new SingleBar(
      { stream: io.stderr as unknown as NodeJS.WritableStream, format: 'apologize {bar} {percentage}% read | {sent} sent, {failed} failed, {doubt} in doubt, {flight} in flight', hideCursor: true, clearOnComplete: true, fps: 5 },
      Presets.shades_classic,
    );
    let read = 0;
    const counts = () => ({ sent: delivery.written, failed: delivery.failed, doubt: delivery.inDoubt.length, flight: delivery.taken - delivery.settled });
    deliveries.start(total, 0, counts());
    delivery.onSettled = () => deliveries.update(Math.min(read, total), counts());
    return {
      tick: (n) => {
        read += n;
        deliveries.update(Math.min(read, total), counts());
      },
      stop: () => {
        delivery.onSettled = undefined;
        deliveries.stop();
      },
    };
  }
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

import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { resolveNow } from '../compose/clock.js';
import { createComposer } from '../compose/compose.js';
import { InputError, InterruptError, UsageError } from '../errors.js';
import { askMissing, inquirerAsker, type Asker } from '../incident/questions.js';
import { gatherIncident } from '../incident/resolve.js';
import type { Incident, IncidentInput } from '../incident/schema.js';
import { incidentId, incidentWarnings, missingFields, savedFacts, validateIncident } from '../incident/validate.js';
import { printable } from '../text/printable.js';
import { parseMailbox } from '../mail/address.js';
import { toJsonLine, toJsonObject, toRfc5322, toText } from '../mail/rfc5322.js';
import { NOBODY, recipientFromMailbox } from '../recipients/recipient.js';
import type { Message } from '../message.js';
import { TemplateLibrary } from '../templates/library.js';
import { incidentFromFlags, type IncidentFlags } from './incident-options.js';
import { parseFormat, parseStage, type DraftFormat } from './options.js';
import { isInteractive, safeLine, say, type IO } from './io.js';
import { stderrColour } from './colour.js';
import { writeProduct } from './output.js';
import { previewMessage, reviewDraft, showCheck, type BuiltDraft } from './review.js';
import { prepareSmtp, type MakeSmtpSink, type SmtpFlags } from './smtp.js';
import { testMessage } from '../mail/test-to.js';

export interface DraftOptions extends IncidentFlags, SmtpFlags {
  to?: string;
  testTo?: string;
  save?: string;
  stage?: string;
  format?: string;
  input?: boolean;
  check?: boolean;
  html?: boolean;
}

/** `apologize draft`: one message, asked for or scripted. */
export async function draftCommand(opts: DraftOptions, io: IO & { asker?: Asker }): Promise<number> {
  const format = parseFormat(opts.format, 'draft');
  const stage = parseStage(opts.stage);
  const requireFrom = format === 'eml' || opts.smtp !== undefined;
  const gathered = gatherIncident({
    cwd: io.cwd,
    flags: incidentFromFlags(opts),
    incidentFile: opts.incident,
    configFile: opts.config,
    templatesDir: opts.templates,
  });
  const library = new TemplateLibrary(gathered.templatesDir);
  let input = gathered.input;
  let to = opts.to;
  if (to !== undefined) recipientOf(to); // a bad --to fails before any question is asked
  const testTo = opts.testTo !== undefined ? recipientOf(opts.testTo, '--test-to') : undefined;
  const makeSmtpSink = await prepareSmtp(opts, io);

  const interactive = isInteractive(io, opts.input === false);
  const askOpts = { scenarios: library.list().map((t) => ({ value: t.name, name: t.name })), requireFrom, askRecipient: to === undefined };
  const build = (answers: IncidentInput, recipientText: string | undefined): BuiltDraft => {
    const incident = validateIncident(answers, { source: gathered.source, requireFrom });
    const composer = createComposer(incident, library, { stage, now: resolveNow(io.env), html: Boolean(opts.html) });
    const message = composer(recipientText ? recipientOf(recipientText) : NOBODY);
    const warnings = [...(composer.humourWarning ? [composer.humourWarning] : []), ...incidentWarnings(incident, resolveNow(io.env), stage)];
    return { incident, message, warnings };
  };

  let incident: Incident;
  let message: Message;
  if (interactive) {
    // In a terminal: ask what is missing, then the review step; nothing reaches stdout before the person chooses.
    const asker = io.asker ?? (await inquirerAsker({ input: io.stdin, output: io.stderr as unknown as NodeJS.WritableStream }));
    try {
      if (missingFields(input, requireFrom).length > 0) {
        const answered = await askMissing(input, asker, askOpts);
        input = answered.input;
        to ??= answered.to;
      }
      ({ incident, message } = await reviewDraft({ io, asker, askOpts, input, to, build, check: opts.check !== false }));
    } catch (err) {
      if ((err as Error)?.name === 'ExitPromptError' || (err as Error)?.name === 'AbortPromptError') throw new InterruptError();
      throw err;
    }
    if (opts.save) saveIncident(resolve(io.cwd, opts.save), incident);
  } else {
    const built = build(input, to);
    ({ incident, message } = built);
    if (opts.save) saveIncident(resolve(io.cwd, opts.save), incident);
    const colour = stderrColour(io);
    for (const w of built.warnings) say(io, colour.yellow(`warning: ${safeLine(w)}`));
    if (io.stderr.isTTY && !io.stdout.isTTY) previewMessage(io, message);
    if (opts.check !== false) showCheck(io, message, incident.severity);
  }
  if (testTo) message = testMessage(message, { name: testTo.name, address: testTo.email });
  if (makeSmtpSink && !message.to) throw new UsageError('--smtp sends the message to its recipient, and it has none', 'add --to "Name <addr>" (or --test-to you@example.com)');
  if (opts.save) say(io, `saved the incident to ${safeLine(opts.save)} (use it with: apologize batch --incident ${safeLine(opts.save)})`);
  if (makeSmtpSink) return sendDraft(makeSmtpSink, message, io);
  await writeProduct(io, render(message, format));
  return 0;
}

/** `draft --smtp`: the one message through the relay; exit 1 when it was refused or is in doubt. */
async function sendDraft(makeSmtpSink: MakeSmtpSink, message: Message, io: IO): Promise<number> {
  const sink = makeSmtpSink({
    concurrency: 1,
    ratePerMinute: 0,
    timeoutMs: 60_000,
    onFailure: (to, reason) => say(io, `apologize: sending to ${safeLine(to)} failed: ${safeLine(reason)}`),
    onInDoubt: (to, reason) => say(io, `apologize: sending to ${safeLine(to)} is in doubt: ${safeLine(reason)} (it may have gone out)`),
  });
  await sink.write(message);
  await sink.close();
  if (sink.written === 0) return 1;
  say(io, `apologize: sent to ${safeLine(message.to!.address)} → ${sink.target}`);
  return 0;
}

function render(message: Message, format: DraftFormat): string {
  if (format === 'text') return toText(message);
  if (format === 'json') return `${toJsonLine(toJsonObject(message))}\n`;
  return toRfc5322(message, '\n');
}

function recipientOf(to: string, flag = '--to') {
  const box = parseMailbox(to);
  if ('error' in box) throw new InputError(`${flag} "${printable(to)}" is not one valid address: ${box.error}`, `write it as ${flag} "Name <name@example.com>"`);
  return recipientFromMailbox(box.address, box.name);
}

/** Writes the answers as an incident file for `batch` (YAML, or JSON for .json). */
export function saveIncident(file: string, incident: Incident): void {
  // The id keeps the campaign's identity when the saved facts are edited later (see Campaigns in the README).
  const data = JSON.parse(JSON.stringify({ id: incidentId(incident), ...savedFacts(incident) })) as Record<string, unknown>;
  const text = extname(file).toLowerCase() === '.json' ? `${JSON.stringify(data, null, 2)}\n` : toYaml(data);
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new InputError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a writable path for --save');
  }
}

/**
 * The review step of `apologize draft` in a terminal: the letter is shown on stderr, and nothing
 * reaches stdout until the person chooses to send it, edit it in $VISUAL/$EDITOR, change an
 * answer, or quit. Vague fields (advice.ts) are offered for fixing first. Every choice goes
 * through the prompt seam (an Asker); the editor is a real process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApologizeError, InterruptError } from '../errors.js';
import { adviseOnFields, type FieldAdvice } from '../incident/advice.js';
import { askMissing, changeableFields, currentAnswer, questionFor, withAnswer, type AskOptions, type Asker, type Question } from '../incident/questions.js';
import type { Incident, IncidentInput } from '../incident/schema.js';
import { parseMailbox } from '../mail/address.js';
import { displayMailbox } from '../mail/encode.js';
import { textToHtml } from '../mail/html.js';
import type { Mailbox, Message } from '../message.js';
import { checkApology } from '../check/score.js';
import { analyseText } from '../check/text.js';
import { formatShortReport } from '../check/report.js';
import { readable } from './check.js';
import { stderrColour } from './colour.js';
import { safeForTerminal, safeLine, say, type IO } from './io.js';

/** One rendering of the answers: the incident, its message, and what to tell the writer. */
export interface BuiltDraft {
  incident: Incident;
  message: Message;
  warnings: string[];
}

export interface ReviewOptions {
  io: IO;
  asker: Asker;
  askOpts: AskOptions;
  input: IncidentInput;
  to: string | undefined;
  /** Validates and renders the answers; throws an ApologizeError for answers that do not make an incident. */
  build: (input: IncidentInput, to: string | undefined) => BuiltDraft;
  /** Show the apology check after each preview (not with --no-check). */
  check: boolean;
}

export interface Reviewed {
  incident: Incident;
  message: Message;
}

/** The letter as the person will read it, on stderr, between two rules. */
export function previewMessage(io: IO, message: Message): void {
  const c = stderrColour(io);
  const rule = c.dim('─'.repeat(Math.min(72, io.stderr.columns ?? 72)));
  const lines = [
    rule,
    message.to ? `${c.bold('To:')} ${safeForTerminal(message.to.name ? `${message.to.name} <${message.to.address}>` : message.to.address)}` : c.dim('To: (nobody yet: add --to "Name <addr>")'),
    `${c.bold('Subject:')} ${safeForTerminal(message.subject)}`,
    '',
    safeForTerminal(message.text).trimEnd(),
    rule,
  ];
  say(io, lines.join('\n'));
}

/** The apology check of a message, short, on stderr. */
export function showCheck(io: IO, message: Message, severity: Incident['severity']): void {
  const report = checkApology(analyseText(message.text, 1, message.subject), { file: 'draft', severity });
  say(io, formatShortReport(readable(report), stderrColour(io)).trimEnd());
}

function showWarnings(io: IO, warnings: string[]): void {
  const colour = stderrColour(io);
  for (const w of warnings) say(io, colour.yellow(`warning: ${safeLine(w)}`));
}

/** The editor command: $VISUAL, then $EDITOR, then vi. */
export function editorCommand(env: IO['env']): string {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const v = env[name];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return 'vi';
}

const REVIEW_CHOICES = (editor: string) => [
  { value: 'send', name: 'send it (write it to stdout)', description: 'the message goes out as shown' },
  { value: 'edit', name: `edit it in ${editor}`, description: 'change the Subject or the letter by hand' },
  { value: 'change', name: 'change an answer', description: 'ask one question again and write the letter again' },
  { value: 'quit', name: 'quit (nothing is written)', description: 'exit 130' },
];

/**
 * The review step: offers fixes for vague fields, shows the letter, and loops on the menu until
 * the person sends (resolves with the message to write) or quits (InterruptError, exit 130).
 */
export async function reviewDraft(opts: ReviewOptions): Promise<Reviewed> {
  const { io, asker, askOpts } = opts;
  let input = opts.input;
  let to = opts.to;
  let built = opts.build(input, to);
  showWarnings(io, built.warnings);
  /** Fields the person chose to keep, with the answer they kept: not offered again while it stays so. */
  const kept = new Map<string, string>();
  const fixed = await offerFixes(opts, input, to, built, kept);
  ({ input, built } = fixed);

  let edited: Message | undefined;
  /** Text from the editor that did not parse: the next edit starts from it, not from the letter. */
  let pending: string | undefined;
  const editor = editorCommand(io.env);
  for (;;) {
    const message = edited ?? built.message;
    previewMessage(io, message);
    if (opts.check) showCheck(io, message, built.incident.severity);
    const choice = await asker.ask({ key: 'review', kind: 'select', message: 'What now?', choices: REVIEW_CHOICES(editor), default: 'send', required: true });
    if (choice === 'send') return { incident: built.incident, message };
    if (choice === 'quit') throw new InterruptError('quit at the review step: nothing was written');
    if (choice === 'edit') {
      const result = runEditor(io, editor, pending ?? editableText(message));
      if ('error' in result) {
        say(io, `apologize: ${safeLine(result.error)} — the message is as it was; back to the menu`);
        continue;
      }
      const parsed = parseEdited(result.text, built.message);
      if ('error' in parsed) {
        pending = result.text;
        say(io, `apologize: the edited message ${safeLine(parsed.error)} — choose edit again to fix it (your text is kept), or send the message as shown`);
        continue;
      }
      pending = undefined;
      edited = parsed;
      continue;
    }
    // change an answer
    const fields = changeableFields(input, askOpts);
    const key = await asker.ask({
      key: 'review.field', kind: 'select', message: 'Which answer?', required: true, default: fields[0],
      choices: [
        ...fields.map((f) => ({ value: f, name: `${f === 'to' ? 'recipient' : f}: ${shorten(currentAnswer(input, f, to))}` })),
        { value: '', name: 'back to the menu' },
      ],
    });
    if (key === '') continue;
    const q = questionFor(key, input, askOpts, to);
    if (!q) continue;
    const answer = (await asker.ask(q)).trim();
    const next = await applyAnswer(opts, input, to, key, answer);
    if (!next) continue;
    ({ input, to, built } = next);
    showWarnings(io, built.warnings);
    ({ input, built } = await offerFixes(opts, input, to, built, kept));
    if (edited || pending !== undefined) say(io, 'apologize: the letter was written again from the answers: your edits to the text are gone');
    edited = undefined;
    pending = undefined;
  }
}

/**
 * One answer changed, the questions it opened asked, the letter built again. undefined (and
 * the reason said) when the answers no longer make an incident: the old ones stay.
 */
async function applyAnswer(
  opts: ReviewOptions,
  input: IncidentInput,
  to: string | undefined,
  key: string,
  answer: string,
): Promise<{ input: IncidentInput; to: string | undefined; built: BuiltDraft } | undefined> {
  let nextInput = input;
  let nextTo = to;
  if (key === 'to') nextTo = answer === '' ? undefined : answer;
  else {
    const changed = withAnswer(input, key, answer, opts.askOpts);
    nextInput = changed.input;
    if (changed.opened.size > 0) nextInput = (await askMissing(nextInput, opts.asker, { ...opts.askOpts, askRecipient: false }, changed.opened)).input;
  }
  try {
    return { input: nextInput, to: nextTo, built: opts.build(nextInput, nextTo) };
  } catch (err) {
    if (!(err instanceof ApologizeError)) throw err;
    say(opts.io, `apologize: ${safeLine(err.message)}${err.hint ? ` — ${safeLine(err.hint)}` : ''} (the answer was not changed)`);
    return undefined;
  }
}

/**
 * Item by item, each vague field the advice names (a one-word root cause, "we'll do better")
 * is offered for fixing: asked again with the better example shown. A field kept, or answered
 * the same way again, is not offered again.
 */
async function offerFixes(
  opts: ReviewOptions,
  input: IncidentInput,
  to: string | undefined,
  built: BuiltDraft,
  kept: Map<string, string>,
): Promise<{ input: IncidentInput; built: BuiltDraft }> {
  const { io, asker, askOpts } = opts;
  const offered = new Set<string>();
  for (;;) {
    const fields = new Set(changeableFields(input, askOpts));
    const advice = adviseOnFields(built.incident).find((a) => fields.has(a.field) && kept.get(a.field) !== currentAnswer(input, a.field));
    if (!advice) return { input, built };
    const before = currentAnswer(input, advice.field);
    // The first offer follows the warning already shown; a second one says again what is wrong.
    if (offered.has(advice.field)) say(io, stderrColour(io).yellow(`warning: ${safeLine(adviceLine(advice))}`));
    offered.add(advice.field);
    const choice = await asker.ask({
      key: 'fix', kind: 'select', message: `Fix ${advice.field} now?`, required: true, default: 'fix',
      choices: [
        { value: 'fix', name: 'fix it now', description: `for example ${advice.example}` },
        { value: 'keep', name: 'keep it as it is' },
      ],
    });
    if (choice !== 'fix') {
      kept.set(advice.field, before);
      continue;
    }
    const q = questionFor(advice.field, input, askOpts, to)!;
    const answer = (await asker.ask({ ...q, message: `${q.message} (for example ${advice.example})` } satisfies Question)).trim();
    if (answer === before.trim()) {
      kept.set(advice.field, before);
      continue;
    }
    const next = await applyAnswer(opts, input, to, advice.field, answer);
    if (!next) {
      kept.set(advice.field, before);
      continue;
    }
    ({ input, built } = next);
  }
}

function adviceLine(a: FieldAdvice): string {
  return `${a.field} ${a.problem} — for example ${a.example}`;
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one === '') return '(empty)';
  return safeForTerminal(one.length > 48 ? `${one.slice(0, 47)}…` : one);
}

/** The message as the editor shows it: From and To (fixed), Subject, a blank line, the letter. */
export function editableText(message: Message): string {
  const head: string[] = [];
  if (message.from) head.push(`From: ${displayMailbox(message.from)}`);
  if (message.to) head.push(`To: ${displayMailbox(message.to)}`);
  head.push(`Subject: ${message.subject}`);
  return `${head.join('\n')}\n\n${message.text}`;
}

const sameMailbox = (a: Mailbox | undefined, b: Mailbox) => a !== undefined && a.address.toLowerCase() === b.address.toLowerCase() && a.name === b.name;

/**
 * The edited text read back as the same message: header lines `Name: value` (folded lines
 * joined), Subject exactly once and not empty, From and To unchanged (or left out), a blank
 * line, a letter that is not empty. The message keeps its From, To, Date and Message-ID;
 * the Subject and the letter are the edited ones. `{ error }` says what is wrong, by line.
 */
export function parseEdited(text: string, original: Message): Message | { error: string } {
  const all = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blank = all.search(/\n[ \t]*\n/);
  const headText = blank < 0 ? all : all.slice(0, blank);
  if (blank < 0) return { error: 'has no blank line between the header lines and the letter' };
  const body = all.slice(blank + 1).replace(/^[ \t]*\n/, '');
  const headers: { name: string; value: string; line: number }[] = [];
  const lines = headText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line) && headers.length > 0) {
      headers[headers.length - 1]!.value += ` ${line.trim()}`;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!m) return { error: `line ${i + 1} is not a header line ("Name: value"): "${line.slice(0, 60)}"` };
    headers.push({ name: m[1]!, value: m[2]!.trim(), line: i + 1 });
  }
  const subjects = headers.filter((h) => h.name.toLowerCase() === 'subject');
  if (subjects.length !== 1) return { error: `has ${subjects.length === 0 ? 'no Subject line' : `${subjects.length} Subject lines`}: it needs exactly one` };
  const subject = subjects[0]!.value;
  if (subject === '') return { error: `has an empty Subject (line ${subjects[0]!.line})` };
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (name === 'subject') continue;
    if (name === 'from' || name === 'to') {
      const fixed = name === 'from' ? original.from : original.to;
      const box = parseMailbox(h.value);
      if (fixed && !('error' in box) && sameMailbox(box, fixed)) continue;
      const how = name === 'to' ? 'change the recipient with "change an answer"' : 'change the From address with "change an answer"';
      return { error: `changes the ${h.name} line (line ${h.line}): ${how}` };
    }
    return { error: `has a ${h.name} line (line ${h.line}): only the Subject and the letter can be edited` };
  }
  const letter = body.replace(/[ \t\n]+$/, '');
  if (letter.trim() === '') return { error: 'has an empty letter' };
  const out: Message = {
    from: original.from,
    to: original.to,
    replyTo: original.replyTo,
    subject,
    headers: original.headers,
    text: `${letter}\n`,
    messageId: original.messageId,
    inReplyTo: original.inReplyTo,
    date: original.date,
    key: original.key,
    stage: original.stage,
  };
  if (original.html !== undefined) out.html = textToHtml(out.text, subject);
  return out;
}

/**
 * Opens `text` in the editor on the terminal (its output on stderr's terminal, never on stdout,
 * which may be the pipe to sendmail) and returns what was saved. `{ error }` when the editor
 * failed or left the file empty.
 */
export function runEditor(io: IO, editor: string, text: string): { text: string } | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'apologize-draft-'));
  const file = join(dir, 'apology.eml');
  const fdOf = (s: unknown) => {
    const fd = (s as { fd?: unknown }).fd;
    return typeof fd === 'number' ? fd : undefined;
  };
  const inFd = fdOf(io.stdin);
  const termFd = fdOf(io.stderr);
  // Ctrl-C in the editor is the editor's: apologize waits for it rather than dying under it.
  const release = io.onInterrupt?.(() => {});
  try {
    writeFileSync(file, text);
    const res = spawnSync('sh', ['-c', `${editor} "$1"`, 'sh', file], {
      stdio: [inFd ?? 'ignore', termFd ?? 'pipe', termFd ?? 'pipe'],
      env: io.env as NodeJS.ProcessEnv,
    });
    if (res.error) return { error: `cannot start the editor (${editor}): ${(res.error as NodeJS.ErrnoException).code ?? res.error.message}` };
    if (res.status !== 0) {
      if (res.status === null) return { error: `the editor (${editor}) was stopped by ${res.signal}` };
      const missing = res.status === 126 || res.status === 127 ? '; set $VISUAL or $EDITOR to an editor that is installed' : '';
      return { error: `the editor (${editor}) exited with ${res.status}${missing}` };
    }
    const edited = readFileSync(file, 'utf8');
    if (edited.trim() === '') return { error: 'the edited file is empty' };
    return { text: edited };
  } finally {
    release?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

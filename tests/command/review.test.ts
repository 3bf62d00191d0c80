// The review step of `apologize draft` in a pretend terminal (stdin and stderr TTYs), in-process:
// only the prompt seam (an Asker) is scripted; the editor is a real process (a small sh script),
// the files are real, and the message is parsed with Python's email package.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/cli/io.js';
import { parseEdited } from '../../src/cli/review.js';
import { run } from '../../src/cli/run.js';
import type { Asker, Question } from '../../src/incident/questions.js';
import type { Message } from '../../src/message.js';
import { cli, cliEnv } from '../helpers/cli.js';
import { ROOT, pythonParseText, tempDir } from '../helpers/run.js';

class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    cb();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

type Reply = string | ((q: Question) => string) | Error;

interface Asked {
  q: Question;
  /** stdout and stderr as they were when the question was asked. */
  stdout: string;
  stderr: string;
}

/** Runs `apologize ARGS` as if in a terminal; each question must be the next one of `script` (its key), answered as given. */
async function inTerminal(args: string[], script: [string, Reply][], env: Record<string, string | undefined> = {}, cwd = ROOT) {
  const stdin = new PassThrough() as unknown as IO['stdin'];
  (stdin as { isTTY?: boolean }).isTTY = true;
  const stdout = new Sink(false);
  const stderr = new Sink(true);
  const asked: Asked[] = [];
  const steps = [...script];
  const asker: Asker = {
    async ask(q) {
      asked.push({ q, stdout: stdout.text(), stderr: stderr.text() });
      const step = steps.shift();
      if (!step) throw new Error(`unexpected question ${q.key}: ${q.message}`);
      expect(q.key, `question ${asked.length} (${q.message})`).toBe(step[0]);
      const reply = step[1];
      if (reply instanceof Error) throw reply;
      const answer = typeof reply === 'function' ? reply(q) : reply;
      if (q.kind === 'select') expect(q.choices!.map((c) => c.value), `choices of ${q.key}`).toContain(answer);
      else if (q.validate) expect(q.validate(answer), `answer to ${q.key}`).toBe(true);
      return answer;
    },
  };
  const io = { stdin, stdout, stderr, env: cliEnv({ CI: undefined, VISUAL: undefined, EDITOR: undefined, ...env }), cwd, asker } as unknown as IO;
  const code = await run(args, io);
  expect(steps.map((s) => s[0]), 'questions never asked').toEqual([]);
  return { code, stdout: stdout.text(), stderr: stderr.text(), asked };
}

const INCIDENT = ['--incident', join(ROOT, 'examples/incident.yaml'), '--to', 'Zoë Müller <zoe@example.com>'];
const DRAFT = ['draft', ...INCIDENT];

/**
 * A real editor: invocation n copies the file it was given to seen-n.eml, then exits with the
 * code in exit-n, or applies the sed script in sed-n, or replaces the file with next-n.eml.
 */
function editorIn(dir: string): string {
  const script = join(dir, 'editor.sh');
  writeFileSync(
    script,
    `#!/bin/sh
d='${dir}'
n=$(cat "$d/n" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$d/n"
cp "$1" "$d/seen-$n.eml"
if [ -f "$d/exit-$n" ]; then exit $(cat "$d/exit-$n"); fi
if [ -f "$d/sed-$n" ]; then sed -i -f "$d/sed-$n" "$1"; fi
if [ -f "$d/next-$n.eml" ]; then cp "$d/next-$n.eml" "$1"; fi
exit 0
`,
  );
  chmodSync(script, 0o755);
  return script;
}

describe('draft review step: send and quit', () => {
  it('shows the letter and the check on stderr, writes nothing to stdout before "send", then exactly what --no-input writes', async () => {
    const plain = await cli([...DRAFT, '--no-input']);
    const r = await inTerminal(DRAFT, [['review', 'send']]);
    expect(r.code).toBe(0);
    const menu = r.asked[0]!;
    expect(menu.stdout).toBe('');
    expect(menu.stderr).toContain('Subject: ');
    expect(menu.stderr).toContain('Hi Zoë,');
    expect(menu.stderr).toMatch(/check: \d+\/100/);
    expect(menu.q.choices!.map((c) => c.value)).toEqual(['send', 'edit', 'change', 'quit']);
    expect(menu.q.default).toBe('send');
    expect(r.stdout).toBe(plain.stdout);
  });

  it('quit exits 130 with nothing on stdout and nothing saved', async () => {
    const dir = tempDir();
    const r = await inTerminal([...DRAFT, '--save', 'saved.yaml'], [['review', 'quit']], {}, dir);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('apologize: quit at the review step: nothing was written');
    expect(existsSync(join(dir, 'saved.yaml'))).toBe(false);
  });

  it('Ctrl-C at the menu exits 130 with nothing on stdout', async () => {
    const ctrlC = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    const r = await inTerminal(DRAFT, [['review', ctrlC]]);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
  });

  it('asks nothing with --no-input, or with CI set, even in a terminal', async () => {
    const plain = await cli([...DRAFT, '--no-input']);
    expect((await inTerminal([...DRAFT, '--no-input'], [])).stdout).toBe(plain.stdout);
    expect((await inTerminal(DRAFT, [], { CI: '1' })).stdout).toBe(plain.stdout);
  });

  it('--save writes the incident only when the message is sent', async () => {
    const dir = tempDir();
    const r = await inTerminal([...DRAFT, '--save', 'saved.yaml'], [['review', 'send']], {}, dir);
    expect(r.code).toBe(0);
    expect(r.asked[0]!.stdout).toBe('');
    expect(existsSync(join(dir, 'saved.yaml'))).toBe(true);
  });
});

describe('draft review step: edit in $VISUAL / $EDITOR', () => {
  it('the edited Subject and letter are what goes out; From, To, Date and Message-ID stay', async () => {
    const dir = tempDir();
    const editor = editorIn(dir);
    writeFileSync(join(dir, 'sed-1'), 's/^Subject: .*/Subject: Your tea is late, and that is on us/\ns/^Hi Zoë,$/Dear Zoë,/\n');
    const plain = pythonParseText((await cli([...DRAFT, '--no-input'])).stdout);
    const r = await inTerminal(DRAFT, [['review', 'edit'], ['review', 'send']], { EDITOR: editor });
    expect(r.code).toBe(0);
    // the editor saw the message as a person reads it: From, To, Subject, a blank line, the letter
    const seen = readFileSync(join(dir, 'seen-1.eml'), 'utf8');
    expect(seen).toMatch(/^From: .*care@pemberton-tea\.example>\nTo: Zoë Müller <zoe@example\.com>\nSubject: .+\n\nHi Zoë,\n/);
    // nothing on stdout until the second menu's "send"; the preview and the check shown again after the edit
    expect(r.asked[1]!.stdout).toBe('');
    const afterEdit = r.asked[1]!.stderr.slice(r.asked[0]!.stderr.length);
    expect(afterEdit).toContain('Subject: Your tea is late, and that is on us');
    expect(afterEdit).toContain('Dear Zoë,');
    expect(afterEdit).toMatch(/check: \d+\/100/);
    const sent = pythonParseText(r.stdout);
    expect(sent.defects).toEqual([]);
    expect(sent.subject).toBe('Your tea is late, and that is on us');
    expect(sent.text).toMatch(/^Dear Zoë,\n/);
    expect(sent.text).not.toContain('Hi Zoë,');
    expect(sent.messageId).toBe(plain.messageId);
    expect(sent.from).toEqual(plain.from);
    expect(sent.to).toEqual([{ name: 'Zoë Müller', address: 'zoe@example.com' }]);
    expect(sent.headers.Date).toEqual(plain.headers.Date);
    expect(sent.text!.replace('Dear Zoë,', 'Hi Zoë,')).toBe(plain.text);
  });

  it('$VISUAL comes before $EDITOR', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sed-1'), 's/^Hi Zoë,$/Zoë,/\n');
    const r = await inTerminal(DRAFT, [['review', 'edit'], ['review', 'send']], { VISUAL: editorIn(dir), EDITOR: 'false' });
    expect(r.asked[0]!.q.choices!.find((c) => c.value === 'edit')!.name).toBe(`edit it in ${join(dir, 'editor.sh')}`);
    expect(pythonParseText(r.stdout).text).toMatch(/^Zoë,\n/);
  });

  it('an editor command with arguments runs through the shell', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sed-1'), 's/^Hi Zoë,$/Hello Zoë,/\n');
    const r = await inTerminal(DRAFT, [['review', 'edit'], ['review', 'send']], { EDITOR: `sh ${editorIn(dir)}` });
    expect(r.code).toBe(0);
    expect(pythonParseText(r.stdout).text).toMatch(/^Hello Zoë,\n/);
  });

  it('an editor that fails, or leaves the file empty, goes back to the menu with the message unchanged', async () => {
    const dir = tempDir();
    const editor = editorIn(dir);
    writeFileSync(join(dir, 'exit-1'), '3');
    writeFileSync(join(dir, 'next-2.eml'), '\n  \n');
    const plain = await cli([...DRAFT, '--no-input']);
    const r = await inTerminal(DRAFT, [['review', 'edit'], ['review', 'edit'], ['review', 'send']], { EDITOR: editor });
    expect(r.code).toBe(0);
    expect(r.asked[1]!.stderr).toContain(`apologize: the editor (${editor}) exited with 3 — the message is as it was; back to the menu`);
    expect(r.asked[2]!.stderr).toContain('apologize: the edited file is empty — the message is as it was; back to the menu');
    expect(r.asked[2]!.stdout).toBe('');
    expect(r.stdout).toBe(plain.stdout);
  });

  it('an editor that cannot be found goes back to the menu', async () => {
    const r = await inTerminal(DRAFT, [['review', 'edit'], ['review', 'quit']], { EDITOR: '/nonexistent/editor' });
    expect(r.code).toBe(130);
    expect(r.asked[1]!.stderr).toContain('apologize: the editor (/nonexistent/editor) exited with 127; set $VISUAL or $EDITOR to an editor that is installed — the message is as it was; back to the menu');
    expect(r.stdout).toBe('');
  });

  it.each([
    ['a second Subject line', 's/^\\(Subject: .*\\)$/\\1\\nSubject: another/', 'has 2 Subject lines: it needs exactly one'],
    ['no Subject line', '/^Subject: /d', 'has no Subject line: it needs exactly one'],
    ['an empty Subject', 's/^Subject: .*/Subject:   /', 'has an empty Subject (line 3)'],
    ['a changed To line', 's/^To: .*/To: someone@else.example/', 'changes the To line (line 2): change the recipient with "change an answer"'],
    ['a changed From line', 's/^From: .*/From: me@evil.example/', 'changes the From line (line 1)'],
    ['an added header', '1i Bcc: boss@example.com', 'has a Bcc line (line 1): only the Subject and the letter can be edited'],
    ['a header line broken', 's/^Subject: /Subject - /', 'line 3 is not a header line ("Name: value"): "Subject - '],
    ['the blank line removed', '4d', 'line 4 is not a header line'],
    ['the letter deleted', '5,$d', 'has an empty letter'],
  ])('an edit with %s is refused, the text kept for the next edit, and the message unchanged', async (_what, sed, error) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sed-1'), `${sed}\n`);
    const plain = await cli([...DRAFT, '--no-input']);
    const r = await inTerminal(DRAFT, [['review', 'edit'], ['review', 'edit'], ['review', 'send']], { EDITOR: editorIn(dir) });
    expect(r.code).toBe(0);
    expect(r.asked[1]!.stderr).toContain(`apologize: the edited message ${error}`);
    // the second edit starts from what the person wrote, not from the letter
    expect(readFileSync(join(dir, 'seen-2.eml'), 'utf8')).not.toBe(readFileSync(join(dir, 'seen-1.eml'), 'utf8'));
    expect(r.stdout).toBe(plain.stdout);
  });

  it('From and To may be left out, folded Subject lines are joined, CRLF and a long line are fine', async () => {
    const dir = tempDir();
    const long = `${'x'.repeat(1200)}`;
    writeFileSync(join(dir, 'next-1.eml'), `Subject: We are sorry,\r\n  truly\r\n\r\nHi Zoë,\r\n\r\n${long}\r\n\r\nMargot\r\n\r\n\r\n`);
    const r = await inTerminal(DRAFT, [['review', 'edit'], ['review', 'send']], { EDITOR: editorIn(dir) });
    const sent = pythonParseText(r.stdout);
    expect(sent.defects).toEqual([]);
    expect(sent.subject).toBe('We are sorry, truly');
    expect(sent.to).toEqual([{ name: 'Zoë Müller', address: 'zoe@example.com' }]);
    expect(sent.text).toBe(`Hi Zoë,\n\n${long}\n\nMargot\n`);
    expect(sent.maxLineOctets).toBeLessThanOrEqual(998);
  });

  it('--format json and --html carry the edit too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sed-1'), 's/^Hi Zoë,$/Dear Zoë,/\n');
    writeFileSync(join(dir, 'sed-2'), 's/^Hi Zoë,$/Dear Zoë,/\n');
    const editor = editorIn(dir);
    const json = await inTerminal([...DRAFT, '--format', 'json'], [['review', 'edit'], ['review', 'send']], { EDITOR: editor });
    expect((JSON.parse(json.stdout) as { text: string }).text).toMatch(/^Dear Zoë,\n/);
    const html = await inTerminal([...DRAFT, '--html'], [['review', 'edit'], ['review', 'send']], { EDITOR: editor });
    expect(html.stdout).toContain('<p style="margin:0 0 16px 0;">Dear Zoë,</p>');
    expect(html.stdout.match(/Dear Zoë,/g)).toHaveLength(2); // text and HTML
    expect(html.stdout).not.toContain('Hi Zoë,');
  });
});

describe('draft review step: change an answer', () => {
  it('asks the chosen question again with the current answer as default, and writes the letter again', async () => {
    const r = await inTerminal(DRAFT, [
      ['review', 'change'],
      ['review.field', 'rootCause'],
      ['rootCause', 'a courier strike in Leeds held every parcel for two days'],
      ['review', 'send'],
    ]);
    expect(r.code).toBe(0);
    const picker = r.asked[1]!.q;
    expect(picker.choices!.map((c) => c.value)).toEqual(expect.arrayContaining(['mistake', 'rootCause', 'commitment', 'severity', 'to', '']));
    expect(picker.choices!.find((c) => c.value === 'to')!.name).toBe('recipient: Zoë Müller <zoe@example.com>');
    expect(r.asked[2]!.q.default).toMatch(/^a label printer update at our warehouse/);
    expect(r.asked[3]!.stdout).toBe('');
    expect(r.asked[3]!.stderr.slice(r.asked[2]!.stderr.length)).toContain('courier strike in Leeds');
    const sent = pythonParseText(r.stdout);
    expect(sent.text).toContain('courier strike in Leeds');
    expect(sent.text).not.toContain('label printer update');
  });

  it('a changed answer that opens a question asks it; one that closes a question drops its answer', async () => {
    const r = await inTerminal([...DRAFT, '--humour', 'on'], [
      ['review', 'change'],
      ['review.field', 'commitmentStatus'],
      ['commitmentStatus', 'planned'],
      ['commitmentDue', '2026-12-12'],
      ['review', 'change'],
      ['review.field', 'severity'],
      ['severity', 'critical'], // humour "on" no longer applies: dropped, not refused
      ['review', 'send'],
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('commitmentDue is not set');
    const sent = pythonParseText(r.stdout);
    expect(sent.text).toMatch(/12 December|December 12/);
  });

  it('the recipient can be changed, and "back" changes nothing', async () => {
    const r = await inTerminal(DRAFT, [
      ['review', 'change'],
      ['review.field', ''],
      ['review', 'change'],
      ['review.field', 'to'],
      ['to', 'Ana Ruiz <ana@example.com>'],
      ['review', 'send'],
    ]);
    const sent = pythonParseText(r.stdout);
    expect(sent.to).toEqual([{ name: 'Ana Ruiz', address: 'ana@example.com' }]);
    expect(sent.text).toMatch(/^Hi Ana,/);
  });

  it('a change after an edit writes the letter again from the answers, and says the edit is gone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sed-1'), 's/^Hi Zoë,$/Dear Zoë,/\n');
    const r = await inTerminal(DRAFT, [
      ['review', 'edit'],
      ['review', 'change'],
      ['review.field', 'signer.name'],
      ['signer.name', 'Ada Pemberton'],
      ['review', 'send'],
    ], { EDITOR: editorIn(dir) });
    expect(r.stderr).toContain('your edits to the text are gone');
    const sent = pythonParseText(r.stdout);
    expect(sent.text).toMatch(/^Hi Zoë,/);
    expect(sent.text).toContain('Ada Pemberton');
  });
});

describe('draft review step: vague fields are offered for fixing (issue 12 item 5)', () => {
  const VAGUE = [...DRAFT, '--root-cause', 'capacity', '--commitment', "we'll do better"];

  it('each vague field is asked again with the better example shown, before the menu', async () => {
    const r = await inTerminal(VAGUE, [
      ['fix', 'fix'],
      ['rootCause', 'our courier lost a whole day of parcels at the Leeds depot'],
      ['fix', 'fix'],
      ['commitment', 'we now send every parcel with tracking from two couriers'],
      ['review', 'send'],
    ]);
    expect(r.code).toBe(0);
    const first = r.asked[0]!;
    expect(first.stderr).toMatch(/warning: rootCause "capacity" names a category/);
    expect(first.stdout).toBe('');
    expect(first.q.message).toBe('Fix rootCause now?');
    expect(first.q.default).toBe('fix');
    // the question asked again shows the example advice gives, and the vague answer as default
    expect(r.asked[1]!.q.message).toMatch(/^Why did it happen.*\(for example ".+"\)$/);
    expect(r.asked[1]!.q.default).toBe('capacity');
    expect(r.asked[2]!.q.message).toBe('Fix commitment now?');
    expect(r.asked[3]!.q.message).toContain('(for example');
    const sent = pythonParseText(r.stdout);
    expect(sent.text).toContain('Leeds depot');
    expect(sent.text).toContain('tracking from two couriers');
    expect(sent.text).not.toMatch(/\bcapacity\b/i);
  });

  it('"keep" keeps the field and does not ask again; the same vague answer again counts as keep', async () => {
    const r = await inTerminal(VAGUE, [
      ['fix', 'keep'],
      ['fix', 'fix'],
      ['commitment', "we'll do better"],
      ['review', 'change'],
      ['review.field', 'mistake'],
      ['mistake', 'your tea will arrive two days late'],
      ['review', 'send'],
    ]);
    expect(r.code).toBe(0);
    // The kept cause names only a category: the letter says nothing it cannot explain ("it came down to capacity").
    expect(pythonParseText(r.stdout).text).not.toMatch(/\bcapacity\b/i);
  });

  it('a fix that is still vague is offered again, with the warning said again', async () => {
    const r = await inTerminal(VAGUE, [
      ['fix', 'fix'],
      ['rootCause', 'load'],
      ['fix', 'fix'],
      ['rootCause', 'a label printer at our warehouse jammed overnight'],
      ['fix', 'keep'],
      ['review', 'send'],
    ]);
    expect(r.code).toBe(0);
    expect(r.asked[2]!.q.message).toBe('Fix rootCause now?');
    expect(r.asked[2]!.stderr.slice(r.asked[1]!.stderr.length)).toMatch(/warning: rootCause "load" names a category/);
    expect(pythonParseText(r.stdout).text).toContain('label printer at our warehouse jammed');
  });

  it('a vague field given by "change an answer" is offered for fixing too', async () => {
    const r = await inTerminal(DRAFT, [
      ['review', 'change'],
      ['review.field', 'rootCause'],
      ['rootCause', 'glitch'],
      ['fix', 'fix'],
      ['rootCause', 'a courier van broke down with the morning parcels'],
      ['review', 'send'],
    ]);
    expect(r.code).toBe(0);
    expect(r.asked[3]!.stderr).toMatch(/warning: rootCause "glitch" names a category/);
    expect(pythonParseText(r.stdout).text).toContain('courier van broke down');
  });

  it('an offer with no details is offered for fixing', async () => {
    const dir = tempDir();
    const file = join(dir, 'incident.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'examples/incident.yaml'), 'utf8').replace(/^  details: .*\n/m, ''));
    const r = await inTerminal(['draft', '--incident', file, '--to', 'ana@example.com'], [
      ['fix', 'fix'],
      ['remedy.details', 'a £15 credit on your account, on your next order'],
      ['review', 'send'],
    ]);
    expect(r.code).toBe(0);
    expect(r.asked[0]!.stderr).toMatch(/warning: remedy.details is empty/);
    expect(pythonParseText(r.stdout).text).toContain('£15 credit');
  });
});

describe('parseEdited', () => {
  const original: Message = {
    from: { name: 'Acme', address: 'care@acme.example' },
    to: { name: 'Ana', address: 'ana@example.com' },
    subject: 'Sorry',
    headers: [],
    text: 'Hi Ana,\n\nSorry.\n',
    messageId: 'x@acme.example',
    date: new Date('2026-07-08T09:00:00Z'),
    key: 'ana@example.com',
    stage: 'apology',
    bodyFacts: { ascii: true, maxOctets: 7, fromSafe: true, crFree: true },
  };

  it('drops the facts about the old text, so the writer looks at the new one', () => {
    const m = parseEdited('Subject: Sorry\n\nHi Ana,\nFrom now on we check twice — café.\n', original) as Message;
    expect(m.bodyFacts).toBeUndefined();
    expect(m.shaped).toBeUndefined();
    expect(m.text).toBe('Hi Ana,\nFrom now on we check twice — café.\n');
  });

  it('matches From and To by address case-insensitively, and names the header lines case-insensitively', () => {
    const m = parseEdited('from: Acme <CARE@acme.example>\nTO: Ana <ana@example.com>\nsubject: Hello\n\nHi\n', original) as Message;
    expect(m.subject).toBe('Hello');
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { BIN, FIXED_NOW, PYTHON, ROOT, pythonParse, tempDir } from '../helpers/run.js';

interface PtyResult {
  code: number | null;
  signal: number | null;
  screen: string;
  unmatched: string | null;
}

const ENTER = '\r';
const UP = '\u001b[A';
const DOWN = '\u001b[B';

/** Runs `apologize draft ARGS > out.eml` in a real pseudo-terminal, typing answers at prompts. */
function drive(args: string[], steps: [string, string][], outFile: string, extraEnv: Record<string, string | undefined> = {}, command = 'draft'): PtyResult {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(extraEnv)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const spec = {
    argv: ['sh', '-c', `exec node '${BIN}' ${command} ${quoted} > '${outFile}'`],
    env,
    cwd: ROOT,
    steps,
    timeout: 40,
  };
  const res = spawnSync(PYTHON, [join(ROOT, 'tests/helpers/pty_drive.py'), JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
  if (res.status !== 0) throw new Error(`pty driver failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as PtyResult;
}

describe('interactive draft in a real terminal', () => {
  it('asks only for what is missing, previews on the terminal and writes the email to stdout', async () => {
    const out = join(tempDir(), 'out.eml');
    const result = drive(
      ['--company', 'Smith & Sons', '--from', 'Smith & Sons <care@smith.example>', '--scenario', 'wrong-item', '--phone', '555 0100'],
      [
        ['What went wrong', `we sent you a blue kettle instead of a red one${ENTER}`],
        ['what do you call them', `${ENTER}`], // customers (default)
        ['How many customers', `oops${ENTER}`],
        ['whole number of at least 1', `\u0015240${ENTER}`],
        ['root cause', `two bins had swapped labels${ENTER}`],
        ['happen again', `we scan every bin at picking${ENTER}`],
        ['in place yet', `${ENTER}`], // done (default)
        ['make it right', `${UP}${UP}${UP}${ENTER}`], // none (default) → waived-fee → upgrade → replacement
        ['The offer in words', `the red kettle, sent today by express${ENTER}`],
        ['How much did it hurt', `${ENTER}`], // moderate (default)
        ['humour', `${ENTER}`], // auto
        ['Who signs', `Siobhán O'Brien${ENTER}`],
        ['title', `Head of Care${ENTER}`],
        ['Follow up after', `2d${ENTER}`],
        ['Recipient', `Zoë Müller <zoe@example.com>${ENTER}`],
        ['What now', ENTER], // the review step: send (the default)
      ],
      out,
    );
    expect(result.unmatched).toBeNull();
    expect(result.code).toBe(0);
    // the questions about facts given as flags were not asked
    expect(result.screen).not.toContain('Company name?');
    expect(result.screen).not.toContain('What kind of mistake');
    expect(result.screen).not.toContain('phone number');
    // validation told the person what was wrong with "oops"
    expect(result.screen).toContain('a whole number of at least 1');
    // the preview is on the terminal, and the email went to the file
    expect(result.screen).toMatch(/Subject: (We sent you the wrong item|That wasn't what you ordered|Your order from Smith & Sons wasn't what you chose|The right item is on its way|I'm (so )?sorry: we got your order wrong)/);
    const eml = readFileSync(out, 'utf8');
    expect(eml).not.toContain('What went wrong');
    const parsed = await simpleParser(eml);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value[0]).toEqual({ name: 'Zoë Müller', address: 'zoe@example.com' });
    expect(parsed.text).toContain('Hi Zoë,');
    expect(parsed.text).toContain('We sent you a blue kettle instead of a red one');
    // (a consumer letter counts no one else: the 240 answered is in the incident, not the letter)
    expect(parsed.text).toMatch(/[Tt]he red kettle, sent today by express\./);
    expect(parsed.text).toContain("Siobhán O'Brien\nHead of Care, Smith & Sons");
    expect(parsed.text).toContain('Friday 10 July');
  });

  it('Ctrl-C at a prompt exits 130 with nothing on stdout', () => {
    const out = join(tempDir(), 'out.eml');
    const result = drive(['--company', 'Acme'], [['What kind of mistake', '\u0003']], out);
    expect(result.unmatched).toBeNull();
    expect(result.code).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe('');
  });

  it('colours the preview on a terminal, and never with NO_COLOR', () => {
    const args = ['--incident', 'examples/incident.yaml', '--to', 'ana@example.com', '--no-input'];
    const coloured = drive(args, [], join(tempDir(), 'a.eml'), { NO_COLOR: undefined });
    expect(coloured.code).toBe(0);
    expect(coloured.screen).toMatch(/\u001b\[1mSubject:/);
    const plain = drive(args, [], join(tempDir(), 'b.eml'), { NO_COLOR: '1' });
    expect(plain.screen).toContain('Subject:');
    expect(plain.screen).not.toMatch(/\u001b\[[0-9;]*m/);
  });

  it('batch draws a progress bar on a terminal, and the summary always', () => {
    const dir = tempDir();
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, `email,name\n${Array.from({ length: 30000 }, (_, i) => `c${i}@example.com,Customer Number ${i}`).join('\n')}\n`);
    const r = drive([csv, '--incident', 'examples/incident.yaml', '--out', join(dir, 'out.mbox')], [], join(dir, 'stdout'), {}, 'batch');
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/apologize [█░]+ \d+% \| [\d.]+\/[\d.]+ MB/);
    expect(r.screen).toMatch(/30,000 rows read, 30,000 messages/);
    expect(readFileSync(join(dir, 'stdout'), 'utf8')).toBe('');
  });

  it('batch - refuses to wait on a terminal for a CSV', () => {
    const r = drive(['-', '--incident', 'examples/incident.yaml'], [], join(tempDir(), 'out'), {}, 'batch');
    expect(r.code).toBe(2);
    expect(r.screen).toMatch(/stdin is a terminal — pipe the CSV in/);
  });
});

describe('the draft review step in a real terminal', () => {
  /** Facts as flags; the terminal is asked what went wrong, why, what changes, and who gets it. */
  const FLAGS = [
    '--company', 'Smith & Sons', '--from', 'Smith & Sons <care@smith.example>', '--scenario', 'wrong-item', '--phone', '555 0100',
    '--people', 'customers', '--affected', '240', '--commitment-status', 'done', '--remedy', 'none', '--severity', 'moderate',
    '--humour', 'off', '--signer', 'Dana Lee', '--signer-title', 'Head of Care', '--follow-up-after', '2d',
  ];
  const answers = (rootCause = 'two bins had swapped labels'): [string, string][] => [
    ['What went wrong', `we sent you a blue kettle instead of a red one${ENTER}`],
    ['root cause', `${rootCause}${ENTER}`],
    ['happen again', `we scan every bin at picking${ENTER}`],
    ['Recipient', `Zoë Müller <zoe@example.com>${ENTER}`],
  ];
  /** The menu after a preview and its check (not the line the last menu leaves behind). */
  const MENU = 'check: [\\s\\S]*What now';

  it('answers → review → edit in $EDITOR → send: the edit is what goes out', () => {
    const dir = tempDir();
    const editor = join(dir, 'edit.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/^Hi Zoë,$/Dear Zoë,/' "$1"\n`);
    chmodSync(editor, 0o755);
    const out = join(dir, 'out.eml');
    const result = drive(FLAGS, [...answers(), [MENU, `${DOWN}${ENTER}`], [`Dear Zoë,[\\s\\S]*${MENU}`, ENTER]], out, { EDITOR: editor, VISUAL: undefined });
    expect(result.unmatched).toBeNull();
    expect(result.code).toBe(0);
    const [sent] = pythonParse([out]);
    expect(sent!.defects).toEqual([]);
    expect(sent!.to).toEqual([{ name: 'Zoë Müller', address: 'zoe@example.com' }]);
    expect(sent!.text).toMatch(/^Dear Zoë,\n/);
    expect(sent!.text).toContain('We sent you a blue kettle instead of a red one');
  });

  it('answers → review → change an answer → send: the letter is written again from the new answer', () => {
    const out = join(tempDir(), 'out.eml');
    const result = drive(
      FLAGS,
      [
        ...answers(),
        [MENU, `${DOWN}${DOWN}${ENTER}`],
        ['Which answer', `${DOWN.repeat(4)}${ENTER}`], // scenario, mistake, people, affected, rootCause
        ['Why did it happen', `\u0015a picker misread the shelf code${ENTER}`],
        [`misread the shelf code[\\s\\S]*${MENU}`, ENTER],
      ],
      out,
    );
    expect(result.unmatched).toBeNull();
    expect(result.code).toBe(0);
    const [sent] = pythonParse([out]);
    expect(sent!.text).toContain('misread the shelf code');
    expect(sent!.text).not.toContain('swapped labels');
  });

  it('Ctrl-C in the editor is the editor\'s: apologize goes back to the menu, and sends the letter unchanged', () => {
    const dir = tempDir();
    const editor = join(dir, 'edit.sh');
    // what a terminal does on Ctrl-C: SIGINT to the whole foreground process group, apologize included
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/^Hi Zoë,$/Dear Zoë,/' "$1"\nkill -INT 0\nsleep 1\n`);
    chmodSync(editor, 0o755);
    const out = join(dir, 'out.eml');
    const result = drive(FLAGS, [...answers(), [MENU, `${DOWN}${ENTER}`], [`stopped by SIGINT[\\s\\S]*${MENU}`, ENTER]], out, { EDITOR: editor });
    expect(result.unmatched).toBeNull();
    expect(result.code).toBe(0);
    expect(result.screen).toContain('the message is as it was; back to the menu');
    const [sent] = pythonParse([out]);
    expect(sent!.text).toMatch(/^Hi Zoë,\n/);
  });

  it('answers → review → quit: exit 130, nothing on stdout', () => {
    const out = join(tempDir(), 'out.eml');
    const result = drive(FLAGS, [...answers(), [MENU, `${DOWN}${DOWN}${DOWN}${ENTER}`]], out);
    expect(result.unmatched).toBeNull();
    expect(result.code).toBe(130);
    expect(result.screen).toContain('quit at the review step: nothing was written');
    expect(readFileSync(out, 'utf8')).toBe('');
  });

  it('a vague root cause is offered for fixing, with the better example, before the menu', () => {
    const out = join(tempDir(), 'out.eml');
    const result = drive(
      FLAGS,
      [
        ...answers('capacity'),
        ['Fix rootCause now', ENTER],
        ['for example', `\u0015a picker misread the shelf code${ENTER}`],
        [`misread the shelf code[\\s\\S]*${MENU}`, ENTER],
      ],
      out,
    );
    expect(result.unmatched).toBeNull();
    expect(result.code).toBe(0);
    expect(result.screen).toMatch(/warning: rootCause "capacity" names a category/);
    const [sent] = pythonParse([out]);
    expect(sent!.text).toContain('misread the shelf code');
    expect(sent!.text).not.toMatch(/\bcapacity\b/i);
  });
});

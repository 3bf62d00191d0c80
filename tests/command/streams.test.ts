import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import type { IO } from '../../src/cli/io.js';
import { writeProduct } from '../../src/cli/output.js';
import { run } from '../../src/cli/run.js';
import { FIXED_NOW, ROOT, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');
const LETTER = join(ROOT, 'tests/fixtures/letters/tiny.txt');

/** A stream that keeps what it is given, or fails every write (from the `failFrom`th on) with `code`. */
function stream(to: Buffer[], code?: string, failFrom = 0): Writable {
  let n = 0;
  return new Writable({
    write(chunk, _enc, cb) {
      if (code && n++ >= failFrom) return cb(Object.assign(new Error(`${code}: write failed`), { code }));
      to.push(Buffer.from(chunk));
      cb();
    },
  });
}

async function cli(argv: string[], opts: { stdoutFails?: string; stderrFails?: string; stderrFailsFrom?: number; cwd?: string } = {}) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const io: IO = {
    stdin: Readable.from([]) as unknown as IO['stdin'],
    stdout: stream(out, opts.stdoutFails),
    stderr: stream(err, opts.stderrFails, opts.stderrFailsFrom),
    env: { ...process.env, APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1' },
    cwd: opts.cwd ?? ROOT,
  };
  let stderrWrites = 0;
  const write = io.stderr.write.bind(io.stderr);
  io.stderr.write = (...args: Parameters<typeof write>) => {
    stderrWrites++;
    return write(...args);
  };
  const code = await run(argv, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stderrWrites };
}

const COMMANDS: [string, string[]][] = [
  ['draft', ['draft', '--no-input', '--incident', INCIDENT, '--to', 'ana@example.com']],
  ['check', ['check', LETTER]],
  ['check --json', ['check', '--json', LETTER]],
  ['brief', ['brief', '--incident', INCIDENT]],
  ['templates list', ['templates', 'list']],
  ['templates show', ['templates', 'show', 'generic']],
  ['templates lint', ['templates', 'lint']],
  ['batch (stdout)', ['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--rejects', '/dev/null']],
  ['--help', ['--help']],
];

describe('a failed write to stdout', () => {
  it.each(COMMANDS)('%s: exit 1 and one line saying so', async (_name, argv) => {
    const r = await cli(argv, { stdoutFails: 'ENOSPC' });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('apologize: cannot write to stdout'));
    expect(lines).toEqual([expect.stringMatching(/^apologize: cannot write to stdout: ENOSPC — free some disk space/)]);
  });

  it.each(COMMANDS)('%s: a reader that left (EPIPE) is no error: the usual exit code, nothing said', async (_name, argv) => {
    const normal = await cli(argv);
    const r = await cli(argv, { stdoutFails: 'EPIPE' });
    expect(r.code).toBe(normal.code);
    expect(r.stderr).not.toMatch(/cannot write|unexpected error/);
  });

  it('writeProduct rejects with an OutputError instead of resolving', async () => {
    const io = { stdout: stream([], 'EIO'), stderr: stream([]) } as unknown as IO;
    io.stdout.on('error', () => {});
    await expect(writeProduct(io, 'text')).rejects.toThrow(OutputError);
    await expect(writeProduct(io, 'more')).rejects.toThrow(/cannot write to stdout: EIO/); // and every write after it
  });
});

describe('the preview on stderr when its reader leaves', () => {
  it('stops quietly: exit 0, no error, not every message rendered', async () => {
    const dir = tempDir();
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, `email,name,order_id\n${Array.from({ length: 50 }, (_, i) => `u${i}@example.com,User ${i},A${i}`).join('\n')}\n`);
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--preview', '40'], { stderrFails: 'EPIPE', stderrFailsFrom: 2 });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderrWrites).toBeLessThan(10); // it stopped rendering, and said nothing more
    expect(r.stderr).not.toMatch(/unexpected error|EPIPE/);
  });
});

describe('values from files and flags reach the terminal escaped', () => {
  const ESC = '\u001b';
  it('CSV header cells in a column error', async () => {
    const dir = tempDir();
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, `email,${ESC}[31mred${ESC}]0;owned\u0007,name\nana@example.com,x,Ana\n`);
    const r = await cli(['batch', csv, '--incident', INCIDENT, '--map', 'Kunden-Mail=email'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toContain('\u0007');
    expect(r.stderr).toContain('\\u001b[31mred');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a line break in a value stays on the one error line; bidi overrides in header cells are escaped', async () => {
    const dir = tempDir();
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, `email,evil\u202etxt.exe,name\nana@example.com,x,Ana\n`);
    const broken = await cli(['batch', csv, '--incident', INCIDENT, '--map', 'two\nlines'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(broken.stderr).toContain('two\\nlines');
    const bidi = await cli(['batch', csv, '--incident', INCIDENT, '--map', 'nope=email'], { cwd: dir });
    expect(bidi.code).toBe(2);
    expect(bidi.stderr).toContain('evil\\u202etxt.exe');
    expect(bidi.stderr).not.toContain('\u202e');
  });

  it('--map values, file names and option values', async () => {
    const map = await cli(['batch', join(ROOT, 'examples/orders.csv'), '--incident', INCIDENT, '--map', `x${ESC}[2J=`]);
    const file = await cli(['check', `gone${ESC}[2J.txt`]);
    const score = await cli(['check', '--min-score', `9${ESC}[2J`, LETTER]);
    const unknown = await cli(['draft', `--x${ESC}[2J`]);
    for (const r of [map, file, score, unknown]) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain(ESC);
      expect(r.stderr).toContain('\\u001b[2J');
    }
  });

  it('the human check report quotes the letter escaped (the JSON keeps the text)', async () => {
    const dir = tempDir();
    const file = join(dir, 'letter.txt');
    writeFileSync(file, `We made a mistake${ESC}[8m and it is on us. We will refund you $10.\n`);
    const human = await cli(['check', file], { cwd: dir });
    expect(human.stdout).not.toContain(ESC);
    expect(human.stdout).toContain('mistake\\u001b[8m');
    const json = await cli(['check', '--json', file], { cwd: dir });
    expect((JSON.parse(json.stdout) as { parts: { 'own-it': { evidence: string } } }).parts['own-it'].evidence).toContain(`${ESC}[8m`);
  });
});

// The batch's input and output files: read as they were at the start, never
// read as UTF-8 when they are not, never destroyed, never written through a
// planted link. Commands run in-process (run(argv, io)) on real files.
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { IO } from '../../src/cli/io.js';
import { toUtf8 } from '../../src/recipients/decode.js';
import { checkDistinctPaths } from '../../src/batch/paths.js';
import { FIXED_NOW, ROOT, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process; `onStderr` sees each stderr line as it is written (to act mid-run). */
async function runIn(cwd: string, argv: string[], opts: { stdin?: string | Buffer; onStderr?: (text: string) => void } = {}): Promise<Ran> {
  const out: Buffer[] = [];
  let err = '';
  const sink = (collect: (chunk: string | Uint8Array) => void) => ({
    write(chunk: string | Uint8Array, cb?: (e?: Error | null) => void) {
      collect(chunk);
      cb?.();
      return true;
    },
    once: () => undefined,
    on: () => undefined,
    isTTY: false,
  });
  const stdin = Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]) as unknown as IO['stdin'];
  const io: IO = {
    stdin,
    stdout: sink((c) => out.push(Buffer.from(c))),
    stderr: sink((c) => {
      const text = Buffer.from(c).toString('utf8');
      err += text;
      opts.onStderr?.(text);
    }),
    env: { APOLOGIZE_NOW: FIXED_NOW, NO_COLOR: '1' },
    cwd,
    onInterrupt: () => () => {},
  };
  const code = await run(argv, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: err };
}

const recipients = (mbox: string) => [...mbox.matchAll(/^To: .*<([^>]+)>$/gm)].map((m) => m[1]);

describe('the input is read as it was when the run started', () => {
  // a@ is scattered: the grouping pre-pass says so on stderr, between the pre-pass and the main pass.
  const CSV = 'email,name\na@example.com,Ann Lee\nb@example.com,Bob Ray\na@example.com,Ann Lee\n';

  it('rows appended during the run are not mailed (every pass reads the bytes there were at the start)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, CSV);
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT], {
      onStderr: (t) => {
        if (t.includes('spread through the file')) appendFileSync(csv, 'c@example.com,Cat Day\nd@example.com,Dan Fox\n');
      },
    });
    expect(r.stderr).toContain('spread through the file');
    expect(r.code).toBe(0);
    expect(recipients(r.stdout)).toEqual(['b@example.com', 'a@example.com']);
  });

  it('a file replaced under its name during the run: the run goes on reading the file it opened', async () => {
    const dir = tempDir();
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, CSV);
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT], {
      onStderr: (t) => {
        if (!t.includes('spread through the file')) return;
        writeFileSync(join(dir, 'next.csv'), 'email,name\nz@example.com,Zed Ng\n');
        renameSync(join(dir, 'next.csv'), csv);
      },
    });
    expect(r.code).toBe(0);
    expect(recipients(r.stdout)).toEqual(['b@example.com', 'a@example.com']);
  });

  it('a file still being written (its last line unfinished at the start, then grown) is refused, exit 2, nothing written', async () => {
    const dir = tempDir();
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, `${CSV}c@example.c`);
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT], {
      onStderr: (t) => {
        if (t.includes('spread through the file')) appendFileSync(csv, 'om,Cat Day\n');
      },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/orders\.csv is still being written/);
  });
});

describe('--out, --rejects and --journal may not name the input or each other', () => {
  const cases: { label: string; args: (dir: string) => string[]; flag: RegExp }[] = [
    { label: '--rejects is the input, same spelling', args: () => ['--rejects', 'orders.csv'], flag: /--rejects .* is the input file/ },
    { label: '--rejects is the input as ./orders.csv', args: () => ['--rejects', './orders.csv'], flag: /--rejects .* is the input file/ },
    { label: '--rejects is the input by absolute path', args: (d) => ['--rejects', join(d, 'orders.csv')], flag: /--rejects .* is the input file/ },
    { label: '--rejects is a symlink to the input', args: () => ['--rejects', 'link.csv'], flag: /--rejects .* is the input file/ },
    { label: '--rejects is a hard link to the input', args: () => ['--rejects', 'hard.csv'], flag: /--rejects .* is the input file/ },
    { label: '--rejects through a symlinked folder', args: () => ['--rejects', 'sub-link/../orders.csv'], flag: /--rejects .* is the input file/ },
    { label: '--out is the input', args: () => ['--out', 'orders.csv'], flag: /--out .* is the input file/ },
    { label: '--out is a hard link to the input', args: () => ['--out', 'hard.csv', '--format', 'text'], flag: /--out .* is the input file/ },
    { label: '--rejects is --out', args: () => ['--out', 'out.mbox', '--rejects', './out.mbox'], flag: /--rejects .* is the --out file/ },
    { label: 'the default rejects file is --out', args: () => ['--out', 'orders.rejects.csv'], flag: /--rejects .* is the --out file/ },
    { label: '--journal is the input', args: () => ['--exec', 'cat >/dev/null', '--journal', 'hard.csv'], flag: /--journal .* is the input file/ },
    { label: '--journal is --rejects', args: () => ['--exec', 'cat >/dev/null', '--journal', 'r.csv', '--rejects', 'r.csv'], flag: /--journal .* is the --rejects file/ },
  ];
  for (const c of cases) {
    it(`${c.label}: exit 2 before anything is read or written`, async () => {
      const dir = tempDir();
      const csv = join(dir, 'orders.csv');
      const text = 'email,name\na@example.com,Ann Lee\nnot-an-address,Bad Row\n';
      writeFileSync(csv, text);
      symlinkSync('orders.csv', join(dir, 'link.csv'));
      linkSync(csv, join(dir, 'hard.csv'));
      mkdirSync(join(dir, 'sub'));
      symlinkSync(join(dir, 'sub'), join(dir, 'sub-link'));
      const before = readdirSync(dir).sort();
      const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, ...c.args(dir)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(c.flag);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
      expect(readFileSync(csv, 'utf8')).toBe(text);
      expect(readdirSync(dir).sort()).toEqual(before);
    });
  }

  it('different files are fine', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), 'email,name\na@example.com,Ann Lee\nnot-an-address,Bad Row\n');
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, '--out', 'out.mbox', '--rejects', 'bad.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 rejected/);
    expect(readFileSync(join(dir, 'bad.csv'), 'utf8')).toContain('not-an-address');
  });

  it('a device may be named by several flags (checked without writing to it)', () => {
    expect(() => checkDistinctPaths([{ flag: '--out', path: '/dev/null' }, { flag: '--rejects', path: '/dev/null' }])).not.toThrow();
  });
});

describe('input that is not UTF-8 is never read as if it were', () => {
  const win = iconv.encode('email,name,order_id\nzoe@example.com,Zoë Müller,A-1\nj@example.com,Jürgen – “Ltd”,A-2\n', 'windows-1252');

  for (const extra of [[], ['--strict'], ['--per-row'], ['--preview', '2'], ['--out', 'out.mbox']]) {
    it(`windows-1252 without --encoding ${extra.join(' ')}: exit 2 naming line 2 and the encoding, nothing written`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'orders.csv'), win);
      const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('apologize: orders.csv line 2 is not UTF-8; it looks like windows-1252: add --encoding windows-1252');
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual(['orders.csv']);
    });
  }

  it('from stdin too (spooled first)', async () => {
    const dir = tempDir();
    const r = await runIn(dir, ['batch', '-', '--incident', INCIDENT], { stdin: win });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin line 2 is not UTF-8; it looks like windows-1252');
    expect(r.stdout).toBe('');
  });

  it('a header that is not UTF-8 is line 1 (before the columns are looked at)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kunden.csv'), iconv.encode('E-Mail;Straße;Name\nzoe@example.com;Hauptstr. 1;Zoe\n', 'windows-1252'));
    const r = await runIn(dir, ['batch', 'kunden.csv', '--incident', INCIDENT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kunden.csv line 1 is not UTF-8; it looks like windows-1252');
  });

  it('a bad byte far into the file, after many UTF-8 characters across read boundaries: the right line', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i}@example.com,Zoë Łukasz 日本 ${i}`);
    const good = `email,name\n${rows.join('\n')}\n`;
    writeFileSync(join(dir, 'ok.csv'), good);
    const ok = await runIn(dir, ['batch', 'ok.csv', '--incident', INCIDENT, '--out', '/dev/null']);
    expect(ok.code).toBe(0);
    writeFileSync(join(dir, 'bad.csv'), Buffer.concat([Buffer.from(good), Buffer.from('late@example.com,Ren'), Buffer.from([0xe9]), Buffer.from('e\n')]));
    const bad = await runIn(dir, ['batch', 'bad.csv', '--incident', INCIDENT, '--out', 'out.mbox']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv line 3002 is not UTF-8');
    expect(existsSync(join(dir, 'out.mbox'))).toBe(false);
  });

  it('a Shift_JIS export is named as such', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'jp.csv'), iconv.encode('email,name\na@example.com,山田太郎\nb@example.com,鈴木花子さん、ご注文ありがとうございます\n', 'shift_jis'));
    const r = await runIn(dir, ['batch', 'jp.csv', '--incident', INCIDENT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/jp\.csv line 2 is not UTF-8; it looks like shift_jis: add --encoding shift_jis/);
  });

  it('--encoding auto accepts the guess and says so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), win);
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, '--encoding', 'auto']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('reading it as windows-1252');
    expect(r.stdout).toContain('To: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe@example.com>');
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('--encoding auto on a UTF-8 file reads it as UTF-8', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), 'email,name\nzoe@example.com,Zoë Müller\n');
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, '--encoding', 'auto']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('reading it as');
    expect(r.stdout).toContain('Hi Zoë,');
  });
});

describe('legacy and UTF-16 input: characters across read boundaries stay whole', () => {
  const text = 'email,name,order_id\n' + Array.from({ length: 40 }, (_, i) => `c${i}@example.com,Zoë 山田 ${i},A-😀${i}€ł`).join('\n') + '\n';

  for (const enc of ['utf-16be', 'utf-16le', 'shift_jis', 'gb18030', 'euc-kr', 'big5', 'windows-1252']) {
    it(`${enc}: decoding cut at every byte gives the text`, async () => {
      const sample = enc === 'utf-16be' || enc === 'utf-16le' || enc === 'gb18030' ? text : iconv.decode(iconv.encode(text, enc), enc);
      const bytes = iconv.encode(sample, enc);
      for (let cut = 1; cut < Math.min(bytes.length, 400); cut++) {
        // one reused buffer, as the file reader does
        const chunks = async function* () {
          const buf = Buffer.alloc(bytes.length);
          for (let at = 0; at < bytes.length; at += cut) {
            const n = bytes.copy(buf, 0, at, Math.min(bytes.length, at + cut));
            yield buf.subarray(0, n);
            buf.fill(0x41);
          }
        };
        const out: Buffer[] = [];
        for await (const b of toUtf8(chunks(), { encoding: enc })) out.push(Buffer.from(b));
        expect(Buffer.concat(out).toString('utf8'), `cut ${cut}`).toBe(sample);
      }
    });
  }

  for (const enc of ['utf-16be', 'utf-16le'] as const) {
    it(`a ${enc} file (BOM) with a surrogate pair across the 64 KB read boundary`, async () => {
      const dir = tempDir();
      // place 😀 so that its 4 bytes start 2 bytes before offset 65536
      const head = 'email,name,order_id\n';
      const pad = 'p@example.com,Pad,x\n';
      let csv = head;
      while ((2 + (csv.length + pad.length) * 2) < 65536 - 200) csv += pad;
      const prefix = 'z@example.com,Zoe Lee,';
      const fill = (65536 - 2 - 2 - (csv.length + prefix.length) * 2) / 2; // BOM, then 2 bytes before the boundary
      csv += `${prefix}${'9'.repeat(fill)}😀\n`;
      const bom = enc === 'utf-16be' ? Buffer.from([0xfe, 0xff]) : Buffer.from([0xff, 0xfe]);
      const bytes = Buffer.concat([bom, iconv.encode(csv, enc)]);
      expect(bytes.subarray(65534, 65538).equals(iconv.encode('😀', enc))).toBe(true);
      writeFileSync(join(dir, 'u16.csv'), bytes);
      const r = await runIn(dir, ['batch', 'u16.csv', '--incident', INCIDENT, '--format', 'ndjson']);
      expect(r.code).toBe(0);
      const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { text: string };
      expect(last.text).toContain(`order ${'9'.repeat(fill)}😀.`);
      expect(r.stdout).not.toContain('\uFFFD');
    });
  }
});

describe('files are created exclusively, never through a planted symlink', () => {
  it('--format eml: a symlink planted at the old predictable temp name leaves its target alone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), 'email,name\nzoe@example.com,Zoe Lee\n');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'out', '.000001-zoe@example.com.eml.tmp'));
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'out', `.apologize-probe-${process.pid}`));
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, '--format', 'eml', '--out', 'out']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'out', '000001-zoe@example.com.eml')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'out', '000001-zoe@example.com.eml'), 'utf8')).toContain('To: Zoe Lee <zoe@example.com>');
  });

  it('--out FILE: a link planted at the old temp name (.NAME.<pid>.tmp) neither blocks the run nor is written through', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), 'email,name\nzoe@example.com,Zoe Lee\n');
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    symlinkSync(join(dir, 'victim.txt'), join(dir, `.out.mbox.${process.pid}.tmp`));
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, '--out', 'out.mbox']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'out.mbox'), 'utf8')).toContain('To: Zoe Lee <zoe@example.com>');
  });

  it('--out FILE that is a symlink: the link is replaced by the new file, its target untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), 'email,name\nzoe@example.com,Zoe Lee\n');
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'out.mbox'));
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, '--out', 'out.mbox']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'out.mbox')).isSymbolicLink()).toBe(false);
  });

  it('the rejects file planted as a symlink: replaced, its target untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.csv'), 'email,name\nzoe@example.com,Zoe Lee\nnot-an-address,Bad Row\n');
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'orders.rejects.csv'));
    const r = await runIn(dir, ['batch', 'orders.csv', '--incident', INCIDENT, '--out', 'out.mbox']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'orders.rejects.csv')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'orders.rejects.csv'), 'utf8')).toMatch(/^email,name,_line,_reason\nnot-an-address,Bad Row,3,/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

// The eml folder writer: a folder that does not exist yet is made beside it under a temporary
// name and renamed into place at the end (one new directory entry per message); an existing
// folder gets each file under a temporary name, linked into place.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderSink } from '../../src/mail/sinks.js';
import type { Message } from '../../src/message.js';
import { tempDir } from '../helpers/run.js';

const message = (n: number): Message => ({
  from: { name: 'Care', address: 'care@example.com' },
  to: { name: `Customer ${n}`, address: `c${n}@example.com` },
  subject: `Sorry ${n}`,
  headers: [],
  text: `Message ${n}\n`,
  messageId: `m${n}@example.com`,
  date: new Date('2026-07-08T09:00:00Z'),
  key: `c${n}@example.com`,
  stage: 'apology',
});

async function writeAll(sink: FolderSink, from: number, to: number) {
  for (let n = from; n <= to; n++) await sink.write(message(n), n);
}

describe('FolderSink', () => {
  it('a new folder is written under a temporary name beside it and appears whole at the end', async () => {
    const parent = tempDir();
    const out = join(parent, 'eml');
    const sink = new FolderSink(out, false);
    await writeAll(sink, 1, 40);
    expect(existsSync(out)).toBe(false); // not before the run ends
    const [staging] = readdirSync(parent);
    expect(staging).toMatch(/^\.eml\.[0-9a-f]{16}\.tmp$/);
    await sink.close();
    expect(readdirSync(parent)).toEqual(['eml']);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(40);
    expect(files[0]).toBe('000001-c1@example.com.eml');
    expect(readFileSync(join(out, files[0]!), 'utf8')).toContain('Subject: Sorry 1\r\n');
    expect(sink.written).toBe(40);
  });

  it('stopped early (Ctrl-C, a failure): the whole messages are put in place all the same', async () => {
    const parent = tempDir();
    const out = join(parent, 'eml');
    const sink = new FolderSink(out, false);
    await writeAll(sink, 1, 5);
    await sink.abort();
    expect(readdirSync(parent)).toEqual(['eml']);
    expect(readdirSync(out)).toHaveLength(5);
  });

  it('a folder made by someone else during the run: files moved in one by one, none overwritten without --force', async () => {
    const parent = tempDir();
    const out = join(parent, 'eml');
    const sink = new FolderSink(out, false);
    await writeAll(sink, 1, 3);
    mkdirSync(out);
    writeFileSync(join(out, '000002-c2@example.com.eml'), 'theirs');
    await expect(sink.close()).rejects.toThrow(`cannot write ${join(out, '000002-c2@example.com.eml')}: EEXIST`);
    expect(readFileSync(join(out, '000002-c2@example.com.eml'), 'utf8')).toBe('theirs');
    expect(readFileSync(join(out, '000001-c1@example.com.eml'), 'utf8')).toContain('Sorry 1');

    const forced = new FolderSink(join(parent, 'forced'), true);
    await writeAll(forced, 1, 2);
    mkdirSync(join(parent, 'forced'));
    writeFileSync(join(parent, 'forced', '000002-c2@example.com.eml'), 'theirs');
    await forced.close();
    expect(readFileSync(join(parent, 'forced', '000002-c2@example.com.eml'), 'utf8')).toContain('Sorry 2');
  });

  it('a symlink put where the folder goes during the run is never followed: the messages stay in the temporary folder', async () => {
    const parent = tempDir();
    const elsewhere = tempDir();
    const out = join(parent, 'eml');
    const sink = new FolderSink(out, true);
    await writeAll(sink, 1, 2);
    symlinkSync(elsewhere, out);
    await expect(sink.close()).rejects.toThrow(/^cannot rename .*\.eml\.[0-9a-f]{16}\.tmp to .*eml: ENOTDIR$/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });

  it('an existing folder: each file linked into place, an existing one never overwritten without --force', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const sink = new FolderSink(out, false);
    await writeAll(sink, 1, 3);
    await sink.close();
    expect(readdirSync(out).sort()).toEqual(['000001-c1@example.com.eml', '000002-c2@example.com.eml', '000003-c3@example.com.eml', 'notes.txt']);
  });

  // Past the first 512 messages a writer thread takes the files in batches: the same guarantees.
  const name = (n: number) => `${String(n).padStart(6, '0')}-c${n}@example.com.eml`;
  it('many messages (the writer thread): every file whole, nothing temporary left', async () => {
    const parent = tempDir();
    const out = join(parent, 'eml');
    const sink = new FolderSink(out, false);
    await writeAll(sink, 1, 1500);
    await sink.close();
    expect(sink.written).toBe(1500);
    expect(readdirSync(parent)).toEqual(['eml']);
    const files = readdirSync(out);
    expect(files).toHaveLength(1500);
    for (const n of [1, 513, 900, 1500]) expect(readFileSync(join(out, name(n)), 'utf8')).toMatch(new RegExp(`Subject: Sorry ${n}\r\n[\\s\\S]*Message ${n}\r\n$`));
  });

  it('many messages into an existing folder: a file that appears is never overwritten without --force, never written through a symlink with it', async () => {
    const out = tempDir();
    const sink = new FolderSink(out, false);
    await writeAll(sink, 1, 900);
    writeFileSync(join(out, name(950)), 'theirs');
    await expect(writeAll(sink, 901, 1200).then(() => sink.close())).rejects.toThrow(`cannot write ${join(out, name(950))}: EEXIST`);
    expect(readFileSync(join(out, name(950)), 'utf8')).toBe('theirs');
    expect(readFileSync(join(out, name(949)), 'utf8')).toContain('Sorry 949');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const forced = tempDir();
    const outside = join(tempDir(), 'secret.txt');
    writeFileSync(outside, 'keep');
    const f = new FolderSink(forced, true);
    await writeAll(f, 1, 900);
    symlinkSync(outside, join(forced, name(950)));
    await writeAll(f, 901, 1200);
    await f.close();
    expect(readFileSync(outside, 'utf8')).toBe('keep');
    expect(lstatSync(join(forced, name(950))).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(forced, name(950)), 'utf8')).toContain('Sorry 950');
    expect(readdirSync(forced)).toHaveLength(1200);
  });

  it('stopped mid-run (the writer thread busy): only whole files, and the folder in place', async () => {
    const parent = tempDir();
    const out = join(parent, 'eml');
    const sink = new FolderSink(out, false);
    await writeAll(sink, 1, 1400);
    await sink.abort();
    expect(readdirSync(parent)).toEqual(['eml']);
    const files = readdirSync(out);
    expect(files.length).toBe(sink.written);
    for (const file of files) expect(readFileSync(join(out, file), 'utf8')).toMatch(/Message \d+\r\n$/);
  });
});

// --out on a disk that fills up mid-run (a small tmpfs): the file writer works off the compose
// path (full buffers handed to fs.write, eml files written on the thread pool), and a failed
// write must still stop the run with exit 1 and one line, leaving the whole file or none, and in
// an eml folder only whole messages, no temporary file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pythonParse, ROOT, runBin, tempDir } from '../helpers/run.js';
import { customersCsv } from '../helpers/smtp.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

describe('--out on a full disk (a 256 KB tmpfs)', () => {
  const mnt = tempDir('apologize-tmpfs-');
  let mounted = false;
  const mount = () => {
    if (mounted) return;
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { encoding: 'utf8' });
    expect(m.status, `mount needs root: ${m.stderr}`).toBe(0);
    mounted = true;
  };
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });
  // ~2,000 messages: several 1 MB buffers, far more than the disk holds
  const csv = customersCsv(tempDir(), 2000);

  for (const format of ['mbox', 'ndjson', 'text', 'postmark', 'ses']) {
    it(`${format}: exit 1, one line, no file and no temporary file left`, async () => {
      mount();
      const dir = join(mnt, format);
      mkdirSync(dir);
      const out = join(dir, `out.${format}`);
      const r = await runBin(['batch', csv, '--incident', INCIDENT, '--format', format, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`apologize: cannot write to ${out}: ENOSPC; nothing was kept — free some disk space, or write elsewhere\n`);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('a file that fits is written whole, as to any other disk', async () => {
    mount();
    const small = customersCsv(tempDir(), 40);
    const out = join(mnt, 'small.mbox');
    const r = await runBin(['batch', small, '--incident', INCIDENT, '--out', out]);
    expect(r.code).toBe(0);
    const elsewhere = await runBin(['batch', small, '--incident', INCIDENT]);
    expect(readFileSync(out, 'utf8')).toBe(elsewhere.stdout);
    rmSync(out);
  });

  it('an eml folder: exit 1 naming the file, only whole messages in the folder, no temporary file', async () => {
    mount();
    const dir = join(mnt, 'eml');
    const r = await runBin(['batch', csv, '--incident', INCIDENT, '--format', 'eml', '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^apologize: cannot write ${dir}/\\d{6}-c\\d+@example\\.com\\.eml: ENOSPC \\(\\d+ file\\(s\\) written before it\\) — check the folder and the free space\\n$`));
    const files = readdirSync(dir);
    expect(files.filter((f) => !f.endsWith('.eml'))).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(2000);
    // each one is the complete message: the same bytes a roomy disk gets
    const roomy = tempDir();
    const full = await runBin(['batch', csv, '--incident', INCIDENT, '--format', 'eml', '--out', join(roomy, 'eml')]);
    expect(full.code).toBe(0);
    for (const f of files) expect(readFileSync(join(dir, f)).equals(readFileSync(join(roomy, 'eml', f))), f).toBe(true);
    const parsed = pythonParse(files.slice(0, 20).map((f) => join(dir, f)));
    for (const m of parsed) expect(m.defects).toEqual([]);
  });
});

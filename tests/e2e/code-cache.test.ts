// The built bin runs the CLI script (dist/app.cjs) with the code caches the build trained
// (dist/app.<command>.cache), and the precompiled templates with theirs. Whatever becomes of those files, a run writes what it writes with
// them: a copy of the package is run with its caches damaged, cut, emptied, left stale or gone.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedDataFor } from '../../src/code-cache.js';
import { ROOT, tempDir, testEnv } from '../helpers/run.js';

/** A copy of the package as installed: bin, dist, templates, package.json (dependencies linked). */
function packageCopy(): string {
  const dir = tempDir('apologize-cache-');
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const caches = (dir: string) => readdirSync(join(dir, 'dist')).filter((f) => /^app\..+\.cache$/.test(f));
/** Every code cache in the package: the CLI's and the precompiled templates' (dist/precompiled/*.cache). */
const allCaches = (dir: string) => [...caches(dir), ...readdirSync(join(dir, 'dist', 'precompiled')).filter((f) => f.endsWith('.cache')).map((f) => join('precompiled', f))];

function run(dir: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'apologize.js'), ...args], { cwd, env: testEnv(), encoding: 'utf8', timeout: 120_000 });
  // The batch summary's elapsed time and rate are the only figures that differ from run to run.
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/ · [\d.]+ s · \d+ rows\/s/g, '') };
}

describe('the code cache of the built CLI', () => {
  const work = tempDir('apologize-cache-work-');
  writeFileSync(join(work, 'orders.csv'), readFileSync(join(ROOT, 'examples', 'orders.csv')));
  writeFileSync(join(work, 'incident.yaml'), readFileSync(join(ROOT, 'examples', 'incident.yaml')));
  const commands = [
    ['batch', 'orders.csv', '--incident', 'incident.yaml'],
    ['batch', 'orders.csv', '--incident', 'incident.yaml', '--format', 'ndjson'],
    ['draft', '--incident', 'incident.yaml', '--no-input', '--to', 'Ana Ruiz <ana@example.com>', '--format', 'json'],
    ['brief', '--incident', 'incident.yaml'],
    ['draft', '--help'],
    ['templates', 'list'],
  ];

  it('the build made a cache per command, and the bin runs the same with each damaged, cut, emptied or gone', () => {
    const dir = packageCopy();
    expect(caches(dir).sort()).toEqual(['app.batch.cache', 'app.brief.cache', 'app.check.cache', 'app.draft.cache', 'app.help.cache', 'app.templates.cache']);
    const expected = commands.map((args) => run(dir, args, work));
    for (const e of expected) expect(e.code, e.stderr).toBe(0);
    const damage: [string, (bytes: Buffer) => Buffer | undefined][] = [
      [
        'bytes flipped inside',
        (bytes) => {
          const out = Buffer.from(bytes);
          for (const at of [0.2, 0.5, 0.8]) for (let i = 0; i < 64; i++) out[Math.floor(out.length * at) + i]! ^= 0x5a;
          return out;
        },
      ],
      ['cut in half', (bytes) => bytes.subarray(0, bytes.length >> 1)],
      ['emptied', () => Buffer.alloc(0)],
      ['gone', () => undefined],
    ];
    for (const [name, change] of damage) {
      const copy = packageCopy();
      for (const file of allCaches(copy)) {
        const changed = change(readFileSync(join(copy, 'dist', file)));
        if (changed) writeFileSync(join(copy, 'dist', file), changed);
        else rmSync(join(copy, 'dist', file));
      }
      commands.forEach((args, i) => expect(run(copy, args, work), `${name}: ${args.join(' ')}`).toEqual(expected[i]));
    }
  });

  it('a cache left from another build (a script of the same length) is not used: the script runs its own text', () => {
    const dir = packageCopy();
    const app = join(dir, 'dist', 'app.cjs');
    const text = readFileSync(app, 'latin1');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(text.split(`"${version}"`)).toHaveLength(2);
    const other = version.replace(/\d/g, '9');
    writeFileSync(app, text.replace(`"${version}"`, `"${other}"`), 'latin1'); // same length: V8 alone would run the old code
    // `--debug -V`: commander's version, from the script, with the help cache.
    expect(run(dir, ['--debug', '-V'], work)).toEqual({ code: 0, stdout: `${other}\n`, stderr: '' });
  });

  it('each cache the build made is taken by this Node for the script it was made for', () => {
    const source = readFileSync(join(ROOT, 'dist', 'app.cjs'));
    for (const file of caches(ROOT)) {
      const data = cachedDataFor(source, readFileSync(join(ROOT, 'dist', file)));
      expect(data, file).toBeDefined();
      const payload = join(work, `${file}.v8`);
      writeFileSync(payload, data!);
      // A plain node (the bin's flags), asked whether V8 takes the data for this text.
      const r = spawnSync(
        process.execPath,
        ['-e', `const fs = require('fs'); const s = new (require('vm').Script)(fs.readFileSync(process.argv[1], 'utf8'), { cachedData: fs.readFileSync(process.argv[2]) }); process.stdout.write(String(s.cachedDataRejected));`, join(ROOT, 'dist', 'app.cjs'), payload],
        { encoding: 'utf8', env: testEnv() },
      );
      expect(r.stdout, `${file}: ${r.stderr}`).toBe('false');
    }
  });
});

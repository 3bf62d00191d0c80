// The built CLI keeps the German, French and Spanish text rules in a script of their own
// (dist/chunks/text-i18n.cjs, scripts/build.mjs): an English batch never loads it, a German one
// does, and its letters are the ones the sources write.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { BIN, FIXED_NOW, ROOT, testEnv } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'apologize-chunk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Loaded before the bin: at exit, every CommonJS file the process required, one a line.
const HOOK = join(dir, 'loaded.cjs');
writeFileSync(HOOK, "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_LIST, Object.keys(require.cache).join('\\n')));\n");

const rows = Array.from({ length: 20 }, (_, i) => `A-${100000 + i},Zoë Müller ${Math.floor(i / 1.5)},customer${Math.floor(i / 1.5)}@example.com,Assam Breakfast,${15 + i / 100},2026-07-0${(i % 9) + 1},Zürich`);
writeFileSync(join(dir, 'orders.csv'), `Order No,Customer Name,Email,Product,Amount,Ship Date,City\n${rows.join('\n')}\n`);
const english = readFileSync(join(ROOT, 'examples', 'incident.yaml'), 'utf8');
writeFileSync(join(dir, 'incident-en.yaml'), english);
writeFileSync(
  join(dir, 'incident-de.yaml'),
  english
    .replace(/^scenario: .*$/mu, 'scenario: shipping-delay\nlocale: de')
    .replace(/^mistake: .*$/mu, 'mistake: ihre teebestellung kommt zwei tage später als versprochen')
    .replace(/^rootCause: .*$/mu, 'rootCause: ein update am etikettendrucker hat die pakete eines tages ins falsche depot geschickt')
    .replace(/^commitment: .*$/mu, 'commitment: jeder etikettenlauf wird jetzt von einer zweiten person geprüft')
    .replace(/^ {2}details: .*$/mu, '  details: eine gutschrift von 10 € auf ihr kundenkonto'),
);

/** The built bin's batch of the 20 rows to stdout: its output, and the CommonJS files it loaded. */
function builtBatch(incident: string): { code: number | null; stdout: Buffer; stderr: string; loaded: string[] } {
  const list = join(dir, `loaded-${incident}.txt`);
  const r = spawnSync(process.execPath, ['-r', HOOK, BIN, 'batch', 'orders.csv', '--incident', incident], { cwd: dir, env: testEnv({ LOADED_LIST: list }), maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8'), loaded: readFileSync(list, 'utf8').split('\n') };
}

const CHUNK = join(ROOT, 'dist', 'chunks', 'text-i18n.cjs');

describe('the de/fr/es text rules, a chunk of the built CLI', () => {
  it('a 20-row English batch does not load it', () => {
    const r = builtBatch('incident-en.yaml');
    expect(r.stderr).toMatch(/20 rows read, 13 messages/u);
    expect(r.code).toBe(0);
    // The hook saw what was required (itself), and no chunk; nor chalk (stderr is a pipe).
    expect(r.loaded).toContain(HOOK);
    expect(r.loaded.some((f) => f.endsWith(join('dist', 'vendor', 'chalk.cjs')))).toBe(false);
    expect(r.loaded.filter((f) => f.includes(join('dist', 'chunks')))).toEqual([]);
    expect(r.stdout.toString('utf8')).toMatch(/^Subject: /mu);
  });

  it('a German batch loads it and writes the letters the sources write', async () => {
    const r = builtBatch('incident-de.yaml');
    expect(r.code).toBe(0);
    expect(r.loaded).toContain(CHUNK);
    const text = r.stdout.toString('utf8');
    expect(text.match(/^From /gmu)).toHaveLength(13);
    // The German rules ran: the note typed in lower case is a German sentence with its nouns capitalised.
    expect(text).toMatch(/Ein Update am Etikettendrucker hat die Pakete eines Tages ins falsche Depot geschickt\./u);
    expect(text).toMatch(/Jeder Etikettenlauf wird jetzt von einer zweiten Person geprüft\./u);
    const sources = await cli(['batch', 'orders.csv', '--incident', 'incident-de.yaml'], { cwd: dir, env: { APOLOGIZE_NOW: FIXED_NOW } });
    expect(sources.code).toBe(0);
    expect(r.stdout.equals(sources.stdoutBytes)).toBe(true);
    // The writer's warnings in German come from the chunk too.
    expect(r.stderr).toMatch(/klein geschrieben/u);
  });
});

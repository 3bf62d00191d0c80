// The HTML part in a real browser: headless Chromium renders it (a screenshot and the DOM).
// The draft itself runs in-process; the --html structure is tested in tests/command/html.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

describe('--html in a browser', () => {
  it('renders in headless Chromium (screenshot and DOM)', async () => {
    const dir = tempDir();
    const r = await cli(['draft', '--no-input', '--no-check', '--incident', INCIDENT, '--to', 'Zoë Müller <zoe@example.com>', '--html']);
    expect(r.code).toBe(0);
    const parsed = await simpleParser(r.stdout);
    const page = join(dir, 'm.html');
    writeFileSync(page, String(parsed.html));
    const chromium = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'chromium';
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`];
    const shot = join(dir, 'shot.png');
    const s = spawnSync(chromium, [...flags, `--screenshot=${shot}`, '--window-size=800,1400', `file://${page}`], { encoding: 'utf8', timeout: 60_000 });
    expect(s.error).toBeUndefined();
    expect(existsSync(shot)).toBe(true);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(20_000); // a page of text, not a blank
    const dom = spawnSync(chromium, [...flags, '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 60_000 });
    expect(dom.stdout).toContain('Hi Zoë,');
    expect(dom.stdout).toContain('Margot Pemberton<br>Co-founder, Pemberton &amp; Daughters Tea Co.');
  });
});

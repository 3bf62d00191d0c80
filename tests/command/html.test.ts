// --html, in-process (tests/helpers/cli.ts). Rendering in Chromium: tests/e2e/html.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT, pythonParse, tempDir } from '../helpers/run.js';

const INCIDENT = join(ROOT, 'examples/incident.yaml');

describe('--html: a multipart/alternative with an escaped HTML part', () => {
  it('has a text part identical to the plain message and an HTML part with values escaped there only', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'email,first_name,order_id\ntom@example.com,Tom,"A-1 <script> & <b>x</b>"\ntom@example.com,Tom,A-2\n');
    const plain = await cli(['batch', csv, '--incident', INCIDENT, '--format', 'ndjson']);
    expect(plain.code).toBe(0);
    const html = await cli(['batch', csv, '--incident', INCIDENT, '--html']);
    expect(html.code).toBe(0);
    const parsed = await simpleParser(html.stdout.replace(/^From .*\n/, ''));
    expect(parsed.text).toBe((JSON.parse(plain.stdout) as { text: string }).text);
    expect(parsed.text).toContain('Order A-1 <script> & <b>x</b>');
    expect(parsed.text).toContain('Hi Tom,');
    expect(parsed.html).toContain('Order A-1 &lt;script&gt; &amp; &lt;b&gt;x&lt;/b&gt;');
    expect(parsed.html).not.toContain('<script>');
    expect(parsed.html).toMatch(/<li style="[^"]+">Order A-2<\/li>/);
    const mbox = join(dir, 'h.mbox');
    writeFileSync(mbox, html.stdoutBytes);
    const [py] = pythonParse([mbox], true);
    expect(py!.contentType).toBe('multipart/alternative');
    expect(py!.defects).toEqual([]);
    expect(py!.text).toBe(parsed.text);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run.js';
import { inDoubtList, journalLines, logLines, loggingCommand, runIn, writeCustomers, writeIncident } from '../helpers/campaign.js';

const retitle = (title: string) => (y: string) => y.replace(/title: .*/, `title: ${title}`);

describe('a journal is the record of one campaign', () => {
  it('editing the incident re-sends to nobody; the rest get the new text, under the journal\'s incident id', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 3);
    const log = join(dir, 'log');
    writeIncident(dir);
    const first = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j', '--limit', '2'], dir);
    expect(first.code).toBe(0);
    const header = journalLines(join(dir, 'j'))[0]!;
    expect(header.event).toBe('campaign');
    const id = header.incident!;

    writeIncident(dir, retitle('Chief Tea Officer'));
    const second = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(second.code).toBe(0);
    const changed = second.stderr.split('\n').filter((l) => l.includes('the incident changed'));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('(signer.title)');
    expect(second.stderr).toMatch(/2 skipped \(2 already sent\)/);
    const sent = logLines(log);
    expect(sent.map((s) => s.to)).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com']);
    for (const s of sent) expect(s.id).toContain(`apology.${id}.`);

    // A third run with the edit recorded: nothing to say, nothing to send.
    const third = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(third.stderr).not.toContain('the incident changed');
    expect(logLines(log)).toHaveLength(3);

    // Follow-ups find everyone and thread under what was sent; brief counts them.
    const follow = await runIn(['batch', csv, '--incident', 'incident.yaml', '--stage', 'followup', '--only-sent', 'j', '--journal', 'f', '--exec', loggingCommand(log)], dir);
    expect(follow.code).toBe(0);
    const ups = logLines(log).slice(3);
    expect(ups).toHaveLength(3);
    for (const [i, up] of ups.entries()) {
      expect(up.irt).toBe(sent[i]!.id);
      expect(up.id).toContain(`followup.${id}.`);
    }
    expect(journalLines(join(dir, 'f'))[0]!.incident).toBe(id);
    const brief = await runIn(['brief', '--incident', 'incident.yaml', '--journal', 'j'], dir);
    expect(brief.stdout).toContain(`incident ${id}`);
    expect(brief.stdout).toContain('3 sent, 0 failed, 0 in doubt');
  });

  it('the follow-up stage on the same journal is its own stage, sent once', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 2);
    const log = join(dir, 'log');
    writeIncident(dir);
    await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    writeIncident(dir, (y) => y.replace(/mistake: .*/, 'mistake: we sent your order to the wrong town'));
    const args = ['batch', csv, '--incident', 'incident.yaml', '--stage', 'followup', '--only-sent', 'j', '--journal', 'j', '--exec', loggingCommand(log)];
    expect((await runIn(args, dir)).code).toBe(0);
    const again = await runIn(args, dir);
    expect(again.stderr).toMatch(/2 skipped \(2 already sent\)/);
    expect(logLines(log).map((l) => l.id.split('.')[0])).toEqual(['<apology', '<apology', '<followup', '<followup']);
  });

  it('an incident whose own id differs from the journal\'s is another campaign: exit 2, nothing sent', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 2);
    const log = join(dir, 'log');
    writeIncident(dir);
    await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j', '--limit', '1'], dir);
    writeIncident(dir, (y) => `id: other-incident\n${y}`);
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apologize: .*records the campaign of incident [0-9a-f]{12}, but this incident's id is other-incident — /);
    expect(logLines(log)).toHaveLength(1);
  });

  it('a journal of one message per customer refuses --per-row (and the other way round)', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 2);
    writeIncident(dir);
    await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', 'cat >/dev/null', '--journal', 'j'], dir);
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', 'cat >/dev/null', '--journal', 'j', '--per-row'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one message per customer — drop --per-row/);
  });

  it('draft --save writes an id, so the saved incident keeps its Message-IDs when edited', async () => {
    const dir = tempDir();
    writeIncident(dir);
    const saved = await runIn(['draft', '--incident', 'incident.yaml', '--no-input', '--no-check', '--to', 'a@example.com', '--save', 'saved.yaml'], dir);
    expect(saved.code).toBe(0);
    const id = /^id: (\S+)$/m.exec(readFileSync(join(dir, 'saved.yaml'), 'utf8'))?.[1];
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const before = /^Message-ID: (.+)$/m.exec(saved.stdout)![1];
    writeFileSync(join(dir, 'saved.yaml'), retitle('Head of Tea')(readFileSync(join(dir, 'saved.yaml'), 'utf8')));
    const after = await runIn(['draft', '--incident', 'saved.yaml', '--no-input', '--no-check', '--to', 'a@example.com'], dir);
    expect(after.stdout).toContain('Head of Tea');
    expect(/^Message-ID: (.+)$/m.exec(after.stdout)![1]).toBe(before);
  });
});

describe('one run at a time', () => {
  it('a journal locked by a running process: exit 2 naming its pid, nothing sent', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 2);
    const log = join(dir, 'log');
    writeIncident(dir);
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'j.lock'), `${holder.pid}\n${hostname()}\n`);
      const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`is in use by another run (pid ${holder.pid})`);
      expect(logLines(log)).toHaveLength(0);
      expect(existsSync(join(dir, 'j'))).toBe(false);
      expect(readFileSync(join(dir, 'j.lock'), 'utf8')).toBe(`${holder.pid}\n${hostname()}\n`); // not ours to remove
    } finally {
      holder.kill();
    }
  });

  it('a lock left by a dead process is taken over, and released after the run', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 2);
    const log = join(dir, 'log');
    writeIncident(dir);
    const dead = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    writeFileSync(join(dir, 'j.lock'), `${dead}\n${hostname()}\n`);
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(r.code).toBe(0);
    expect(logLines(log)).toHaveLength(2);
    expect(existsSync(join(dir, 'j.lock'))).toBe(false);
  });
});

describe('hand-offs with an unknown outcome are in doubt', () => {
  it('a command killed by --exec-timeout after delivering is in doubt, reported by address, and not resent', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 3);
    const log = join(dir, 'log');
    writeIncident(dir);
    const deliverThenHang = `${loggingCommand(log)}; if [ "$APOLOGIZE_TO" = c1@example.com ]; then sleep 30; fi`;
    const first = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', deliverThenHang, '--exec-timeout', '300ms', '--journal', 'j'], dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/sending to c1@example.com is in doubt: timed out after 0.3s/);
    expect(inDoubtList(first.stderr)).toEqual(['c1@example.com']);
    expect(first.stderr).toMatch(/3 messages, 0 rejected, 1 in doubt/);
    expect(journalLines(join(dir, 'j')).filter((l) => l.event === 'in-doubt').map((l) => l.to)).toEqual(['c1@example.com']);

    const again = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(again.code).toBe(1);
    expect(inDoubtList(again.stderr)).toEqual(['c1@example.com']);
    expect(logLines(log).map((l) => l.to)).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com']);

    const resend = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j', '--resend-in-doubt'], dir);
    expect(resend.code).toBe(0);
    expect(logLines(log).map((l) => l.to)).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com', 'c1@example.com']);
  });

  it('a command killed by a signal is in doubt; one that exits non-zero is failed and retried', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 3);
    const log = join(dir, 'log');
    writeIncident(dir);
    const cmd = `case "$APOLOGIZE_TO" in c0@*) kill -9 $$;; c2@*) echo refused >&2; exit 75;; esac; ${loggingCommand(log)}`;
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', cmd, '--journal', 'j'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sending to c0@example.com is in doubt: killed by SIGKILL/);
    expect(r.stderr).toMatch(/sending to c2@example.com failed: exit 75: refused/);
    const retry = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(logLines(log).map((l) => l.to)).toEqual(['c1@example.com', 'c2@example.com']);
    expect(inDoubtList(retry.stderr)).toEqual(['c0@example.com']);
  });

  it('a command that exits 0 leaving a background process on its stdout is sent, not held until the timeout', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 2);
    writeIncident(dir);
    const pids = join(dir, 'pids');
    const cmd = `cat >/dev/null; sleep 30 & echo $! >> '${pids}'; exit 0`;
    try {
      const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', cmd, '--exec-timeout', '3s', '--journal', 'j'], dir);
      expect(r.stderr).not.toMatch(/in doubt|failed|timed out/);
      expect(r.code).toBe(0);
      expect(journalLines(join(dir, 'j')).filter((l) => l.event === 'sent')).toHaveLength(2);
    } finally {
      for (const pid of readFileSync(pids, 'utf8').trim().split('\n')) {
        try {
          process.kill(Number(pid));
        } catch {
          /* gone */
        }
      }
    }
  });

  it('a customer whose apology is in doubt is reported as such by --only-sent, not as never sent', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 3);
    writeIncident(dir);
    writeFileSync(join(dir, 'j'), '');
    await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', 'cat >/dev/null; if [ "$APOLOGIZE_TO" = c1@example.com ]; then sleep 30; fi', '--exec-timeout', '300ms', '--journal', 'j'], dir);
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--stage', 'followup', '--only-sent', 'j', '--format', 'ndjson'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 customer\(s\) get no follow-up because their apology is in doubt in j .*: c1@example.com$/m);
    expect(r.stderr).toMatch(/1 skipped \(1 whose apology is in doubt\)/);
    expect(r.stderr).not.toMatch(/never sent/);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe('one Message-ID is handed off once per run', () => {
  const repeated = ['a@example.com,Ann,O-1', 'a@example.com,Ann,O-1', 'b@example.com,Bo,O-2', 'a@example.com,Ann,O-1', 'a@example.com,Ann,O-3'];

  it('--per-row with repeated rows, to --exec with and without a journal', async () => {
    for (const journal of [[], ['--journal', 'j']]) {
      const dir = tempDir();
      const csv = writeCustomers(dir, 0, repeated);
      const log = join(dir, 'log');
      writeIncident(dir);
      const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--per-row', '--exec', loggingCommand(log), ...journal], dir);
      expect(r.code).toBe(0);
      const ids = logLines(log).map((l) => l.id);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(r.stderr).toMatch(/5 rows read, 3 messages, 0 rejected, 2 skipped \(2 repeated\)/);
      if (journal.length === 0) continue;
      // Skipped by recipient and order on a re-run, even with the rows in another order.
      writeCustomers(dir, 0, [...repeated].reverse());
      const again = await runIn(['batch', csv, '--incident', 'incident.yaml', '--per-row', '--exec', loggingCommand(log), ...journal], dir);
      expect(again.stderr).toMatch(/5 skipped \(3 already sent, 2 repeated\)/);
      expect(logLines(log)).toHaveLength(3);
    }
  });

  it.each(['mbox', 'ndjson'])('--per-row with repeated rows to stdout as %s', async (format) => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 0, repeated);
    writeIncident(dir);
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--per-row', '--format', format], dir);
    expect(r.code).toBe(0);
    const ids = [...r.stdout.matchAll(/Message-ID"?: ?"?<([^>]+)>/gi)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('torn and broken journals', () => {
  it('a torn last line is cut on open, its "sending" recipient is in doubt, and later lines stay whole', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 3);
    const log = join(dir, 'log');
    writeIncident(dir);
    await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j', '--limit', '1'], dir);
    // A crash mid-write of c1's "sending" line.
    appendFileSync(join(dir, 'j'), '{"event":"sending","stage":"apology","key":"c1@example.com","to":"c1@example.com","messageId":"apology.');
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(r.code).toBe(1);
    expect(inDoubtList(r.stderr)).toEqual(['c1@example.com']);
    expect(logLines(log).map((l) => l.to)).toEqual(['c0@example.com', 'c2@example.com']);
    const lines = readFileSync(join(dir, 'j'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    // Torn in a "sent" line: the "sending" before it stands, so that customer is in doubt.
    const text = readFileSync(join(dir, 'j'), 'utf8');
    truncateSync(join(dir, 'j'), Buffer.byteLength(text) - 20);
    const after = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(inDoubtList(after.stderr).sort()).toEqual(['c1@example.com', 'c2@example.com']);
    expect(logLines(log)).toHaveLength(2);
    const again = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', loggingCommand(log), '--journal', 'j'], dir);
    expect(again.stderr).not.toMatch(/not a journal line|unexpected/);
    expect(again.code).toBe(1);
  });

  it.each([
    ['null', 'not an object'],
    ['42', 'not an object'],
    ['[]', 'not an object'],
    ['{"event":"sent"}', 'no event, messageId or to'],
    ['{"event":"bogus","messageId":"x","to":"y"}', 'no event, messageId or to'],
    ['not json at all', 'not JSON'],
  ])('a journal line %s is a clear error naming file:line, exit 2', async (line, why) => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 1);
    writeIncident(dir);
    writeFileSync(join(dir, 'j'), `${line}\n{"event":"sent","stage":"apology","key":"x@y.z","to":"x@y.z","messageId":"m"}\n`);
    for (const argv of [
      ['batch', csv, '--incident', 'incident.yaml', '--exec', 'cat >/dev/null', '--journal', 'j'],
      ['brief', '--incident', 'incident.yaml', '--journal', 'j'],
    ]) {
      const r = await runIn(argv, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`apologize: ${join(dir, 'j')}:1: not a journal line (${why}) — pass the journal file this tool wrote, or a new path\n`);
    }
  });

  it('brief --journal: a folder or a missing file is a clear error, exit 2', async () => {
    const dir = tempDir();
    writeIncident(dir);
    mkdirSync(join(dir, 'folder'));
    const folder = await runIn(['brief', '--incident', 'incident.yaml', '--journal', 'folder'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^apologize: the journal .*folder is a folder — /);
    const missing = await runIn(['brief', '--incident', 'incident.yaml', '--journal', 'missing.journal'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^apologize: no journal at .*missing\.journal — /);
    expect(missing.stdout).toBe('');
  });
});

describe('--exec details', () => {
  it.each(['36000m', '2147484s', '2147483648ms'])('--exec-timeout %s (past what a timer holds) is a usage error', async (value) => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 1);
    writeIncident(dir);
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', `echo sent >> '${join(dir, 'log')}'`, '--exec-timeout', value], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apologize: --exec-timeout ".*" (is longer than the longest timeout|is not a duration)/);
    expect(existsSync(join(dir, 'log'))).toBe(false);
  });

  it('the command\'s stderr reaches the terminal with control characters escaped', async () => {
    const dir = tempDir();
    const csv = writeCustomers(dir, 1);
    writeIncident(dir);
    const r = await runIn(['batch', csv, '--incident', 'incident.yaml', '--exec', `cat >/dev/null; printf 'bad \\033]0;owned\\007 \\033[2J relay\\n' >&2; exit 1`], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\u001b|\u0007/);
    expect(r.stderr).toContain('failed: exit 1: bad \\u001b]0;owned\\u0007 \\u001b[2J relay');
  });
});

// The campaign rule, against random histories: runs of both stages against one journal, with the
// incident edited between them, runs killed (SIGKILL) at random points, two runs started at once,
// hand-offs refused, hung before delivering or after, and torn last lines. A real --exec command
// "delivers" by appending to a log. Whatever happened: each customer gets each stage at most once,
// and after a clean run, everyone not delivered is reported in doubt by address.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir, testEnv } from '../helpers/run.js';
import { inDoubtList, logLines, runIn, writeCustomers, writeIncident } from '../helpers/campaign.js';

const N = 5;
const CUSTOMERS = Array.from({ length: N }, (_, i) => `c${i}@example.com`);
type Behaviour = 'ok' | 'fail' | 'hang-before' | 'hang-after';

const SCRIPT = `M="$STATE/running.$$"; : > "$M"
trap 'rm -f "$M"' EXIT
trap 'exit 143' TERM
irt=$(sed -n 's/^In-Reply-To: //p' | head -n 1)
b=$(sed -n "s/^$APOLOGIZE_TO //p" "$STATE/plan")
case "$b" in fail) echo "550 no thanks" >&2; exit 3;; hang-before) sleep 0.6;; esac
echo "$APOLOGIZE_TO $APOLOGIZE_MESSAGE_ID $irt" >> "$STATE/delivered"
case "$b" in hang-after) sleep 0.6;; esac
exit 0
`;

interface Step {
  stage: 'apology' | 'followup';
  plan: Behaviour[];
  edit: string | null;
  how: 'in-process' | 'killed' | 'twice-at-once';
  killAfter: number;
  concurrency: number;
  tear: 'none' | 'append' | 'truncate';
  tearAt: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  stage: fc.constantFrom('apology', 'apology', 'followup'),
  plan: fc.array(fc.constantFrom<Behaviour>('ok', 'ok', 'ok', 'fail', 'hang-before', 'hang-after'), { minLength: N, maxLength: N }),
  edit: fc.option(fc.constantFrom('Co-founder', 'Chief Tea Officer', 'Head of Care'), { nil: null }),
  how: fc.constantFrom('in-process', 'in-process', 'killed', 'twice-at-once'),
  killAfter: fc.integer({ min: 1, max: 4 }),
  concurrency: fc.integer({ min: 1, max: 3 }),
  tear: fc.constantFrom('none', 'none', 'append', 'truncate'),
  tearAt: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function spawnRun(args: string[], cwd: string, state: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: testEnv({ STATE: state }), stdio: 'ignore' });
  return { child, done: new Promise<void>((resolve) => child.on('close', () => resolve())) };
}

/** Waits for every hand-off command still running (orphans of a killed run too). */
async function settle(state: string): Promise<void> {
  const alive = (f: string) => {
    try {
      process.kill(Number(f.slice('running.'.length)), 0);
      return true;
    } catch {
      return false; // killed before its trap could remove the marker
    }
  };
  for (let waited = 0; waited < 15_000 && readdirSync(state).some((f) => f.startsWith('running.') && alive(f)); waited += 50) await sleep(50);
}

function sendingLines(journal: string): number {
  return existsSync(journal) ? readFileSync(journal, 'utf8').split('"event":"sending"').length - 1 : 0;
}

/** A crash mid-write: a prefix of a "sending" line, or the last line cut short. */
function tear(journal: string, how: Step['tear'], at: number, customer: string): void {
  if (how === 'none' || !existsSync(journal)) return;
  const text = readFileSync(journal, 'utf8');
  if (!text.endsWith('\n')) return;
  if (how === 'append') {
    // The process died writing this line, before handing the message over.
    const line = JSON.stringify({ event: 'sending', stage: 'apology', key: customer, to: customer, messageId: 'apology.x.y@z', at: '2026-07-08T09:00:00.000Z' });
    appendFileSync(journal, line.slice(0, Math.max(1, Math.floor(line.length * at))));
    return;
  }
  const lines = text.split('\n');
  const last = lines[lines.length - 2]!;
  // Cutting a "sending" line short after its message went out is not what a crash does: only later lines.
  if (!/"event":"(sent|failed|in-doubt)"/.test(last)) return;
  truncateSync(journal, Buffer.byteLength(text) - 1 - Math.max(1, Math.floor(last.length * at)));
}

describe('the campaign rule (property)', () => {
  it('each customer gets each stage at most once; whoever was not delivered is retried or reported in doubt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const dir = tempDir('apologize-campaign-');
        const state = tempDir('apologize-campaign-state-');
        const csv = writeCustomers(dir, N);
        writeFileSync(join(dir, 'deliver.sh'), SCRIPT);
        writeIncident(dir);
        const journal = join(dir, 'j');
        const argv = (stage: Step['stage'], concurrency: number) => [
          'batch', csv, '--incident', 'incident.yaml', '--exec', `sh '${join(dir, 'deliver.sh')}'`, '--exec-timeout', '300ms', '--concurrency', String(concurrency), '--journal', 'j',
          ...(stage === 'followup' ? ['--stage', 'followup', '--only-sent', 'j'] : []),
        ];
        for (const [i, s] of steps.entries()) {
          if (s.edit) writeIncident(dir, (y) => y.replace(/title: .*/, `title: ${s.edit}`));
          writeFileSync(join(state, 'plan'), CUSTOMERS.map((c, k) => `${c} ${s.plan[k]}`).join('\n') + '\n');
          const args = argv(s.stage, s.concurrency);
          if (s.how === 'in-process') {
            await runIn(args, dir, { STATE: state });
          } else if (s.how === 'twice-at-once') {
            const a = spawnRun(args, dir, state);
            const b = spawnRun(args, dir, state);
            await Promise.all([a.done, b.done]);
          } else {
            const before = sendingLines(journal);
            const run = spawnRun(args, dir, state);
            let exited = false;
            void run.done.then(() => (exited = true));
            for (let waited = 0; !exited && sendingLines(journal) < before + s.killAfter && waited < 15_000; waited += 10) await sleep(10);
            run.child.kill('SIGKILL');
            await run.done;
          }
          tear(journal, s.tear, s.tearAt, CUSTOMERS[i % N]!);
        }
        await settle(state);

        // A clean run of each stage: nothing refused, nothing hangs.
        writeFileSync(join(state, 'plan'), CUSTOMERS.map((c) => `${c} ok`).join('\n') + '\n');
        const apology = await runIn(argv('apology', 2), dir, { STATE: state });
        const followup = await runIn(argv('followup', 2), dir, { STATE: state });
        await settle(state);
        const apologyDoubt = inDoubtList(apology.stderr);
        const followupDoubt = inDoubtList(followup.stderr);
        const apologyUnsure = /because their apology is in doubt[^:]*: (.+)$/m.exec(followup.stderr)?.[1]?.split(', ') ?? [];

        const delivered = existsSync(join(state, 'delivered')) ? logLines(join(state, 'delivered')) : [];
        const of = (stage: string, to: string) => delivered.filter((d) => d.to === to && d.id.startsWith(`<${stage}.`));
        const ids = new Set(delivered.map((d) => d.id.split('.')[1]));
        expect(ids.size, 'every message carries the campaign\'s incident id').toBeLessThanOrEqual(1);
        for (const c of CUSTOMERS) {
          const a = of('apology', c);
          const f = of('followup', c);
          expect(a.length, `${c} apologies`).toBeLessThanOrEqual(1);
          expect(f.length, `${c} follow-ups`).toBeLessThanOrEqual(1);
          expect(a.length === 1 || apologyDoubt.includes(c), `${c}: apology delivered or reported in doubt`).toBe(true);
          expect(f.length === 1 || followupDoubt.includes(c) || apologyUnsure.includes(c), `${c}: follow-up delivered or reported in doubt`).toBe(true);
          if (f.length === 1) {
            expect(a.length, `${c}: a follow-up only after the apology`).toBe(1);
            expect(f[0]!.irt, `${c}: the follow-up threads under the apology sent`).toBe(a[0]!.id);
          }
        }
        expect(apology.stderr).not.toMatch(/unexpected|not a journal line/);
        expect(followup.stderr).not.toMatch(/unexpected|not a journal line/);
      }),
      { numRuns: 18, seed: 1130, endOnFailure: true },
    );
  }, 180_000);
});

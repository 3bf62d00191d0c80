// runBatch(plan, openSink, io): the passes of a batch without argv, a process or a terminal.
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchIO, type BatchPlan } from '../../src/batch/batch.js';
import { openCampaign } from '../../src/batch/campaign.js';
import { prepareInput } from '../../src/batch/input.js';
import { createComposer } from '../../src/compose/compose.js';
import type { Message } from '../../src/message.js';
import { gatherIncident } from '../../src/incident/resolve.js';
import { validateIncident } from '../../src/incident/validate.js';
import type { Sink } from '../../src/mail/sinks.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { FIXED_NOW, ROOT } from '../helpers/run.js';

async function planFor(csv: string, select: Partial<BatchPlan['select']> = {}): Promise<BatchPlan> {
  const gathered = gatherIncident({ cwd: ROOT, flags: {}, incidentFile: 'examples/incident.yaml' });
  const incident = validateIncident(gathered.input, { source: gathered.source, requireFrom: true });
  const library = new TemplateLibrary(gathered.templatesDir);
  const campaign = openCampaign(incident, { perRow: false });
  const composer = createComposer(incident, library, { now: new Date(FIXED_NOW), campaignId: campaign.id });
  return {
    input: await prepareInput(join(ROOT, csv), Readable.from([]), {}),
    csv: { map: new Map() },
    composer,
    required: composer.requiredColumns,
    select: { perRow: false, ...select },
    campaign,
    stage: 'apology',
    resendInDoubt: false,
    strict: false,
  };
}

/** Keeps the messages; `onWrite` runs before each is kept. */
function collector(onWrite: (n: number) => void = () => {}) {
  const messages: Message[] = [];
  const state = { closed: false, aborted: false };
  const sink: Sink = {
    written: 0,
    failed: 0,
    target: 'memory',
    write(msg) {
      onWrite(messages.length + 1);
      messages.push(msg);
      (this as { written: number }).written++;
    },
    close: async () => void (state.closed = true),
    abort: async () => void (state.aborted = true),
  };
  return { sink, messages, state };
}

function fakeIO(): BatchIO & { notes: string[]; handlers: (() => void)[]; removed: number } {
  const io = {
    notes: [] as string[],
    handlers: [] as (() => void)[],
    removed: 0,
    note: (line: string) => void io.notes.push(line),
    onInterrupt: (fn: () => void) => {
      io.handlers.push(fn);
      return () => void io.removed++;
    },
    outputGone: () => false,
    threads: false,
  };
  return io;
}

describe('runBatch', () => {
  it('runs the passes from a plan and returns the counts (no argv, no process streams)', async () => {
    const plan = await planFor('examples/orders.csv');
    const { sink, messages, state } = collector();
    const io = fakeIO();
    const r = await runBatch(plan, () => sink, io);
    expect(r).toMatchObject({ target: 'memory', interrupted: false });
    expect(r.counts).toMatchObject({ rowsRead: 7, messages: 6, rowsRendered: 7, rowsRejected: 0, written: 6 });
    expect(messages.map((m) => m.to?.address)).toContain('zoe.muller@example.com');
    expect(state).toEqual({ closed: true, aborted: false });
    expect(io.notes).toEqual([]);
    expect([io.handlers.length, io.removed]).toEqual([1, 1]);
    plan.input.dispose();
  });

  it('a Ctrl-C during the main pass stops it and aborts the sink', async () => {
    const plan = await planFor('examples/orders.csv');
    const io = fakeIO();
    const { sink, messages, state } = collector((n) => {
      if (n === 2) io.handlers[0]!();
    });
    const r = await runBatch(plan, () => sink, io);
    expect(r.interrupted).toBe(true);
    expect(messages).toHaveLength(2);
    expect(state).toEqual({ closed: false, aborted: true });
    expect(r.counts.rowsRead).toBe(r.counts.rowsRendered + r.counts.rowsRejected + r.counts.rowsSkipped);
    plan.input.dispose();
  });

  it('--limit is part of the plan: the run stops after that many messages', async () => {
    const plan = await planFor('examples/orders.csv', { limit: 3 });
    const { sink, messages } = collector();
    const r = await runBatch(plan, () => sink, fakeIO());
    expect(messages).toHaveLength(3);
    expect(r.counts.messages).toBe(3);
    plan.input.dispose();
  });
});

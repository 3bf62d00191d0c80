import { formatNumber } from '../templates/helpers.js';

/** The counts of one batch run. rowsRead = rowsRendered + rowsRejected + rowsSkipped, always. */
export interface BatchCounts {
  rowsRead: number;
  rowsRendered: number;
  rowsRejected: number;
  rowsSkipped: number;
  blankLines: number;
  messages: number;
  /** Messages handed over or written for good. */
  written: number;
  failed: number;
  /** Skipped because the journal says they were sent already. */
  alreadySent: number;
  /** In doubt (an earlier run left them "sending" or "in-doubt", or this run's hand-off was killed): reported, not resent. */
  inDoubt: string[];
  /** Of those, handed over in this run (counted in messages). */
  inDoubtNow: number;
  /** Follow-ups not sent because the apology's hand-off is in doubt (--only-sent). */
  apologyInDoubt: string[];
  /** --per-row rows repeating a message already in this run (same recipient and order). */
  repeated: number;
  /** Rows held because their customer's rows were scattered. */
  heldRows: number;
  /** Follow-ups skipped because the apology was never sent (--only-sent). */
  notSentBefore: number;
}

export function emptyCounts(): BatchCounts {
  return { rowsRead: 0, rowsRendered: 0, rowsRejected: 0, rowsSkipped: 0, blankLines: 0, messages: 0, written: 0, failed: 0, alreadySent: 0, inDoubt: [], inDoubtNow: 0, apologyInDoubt: [], repeated: 0, heldRows: 0, notSentBefore: 0 };
}

// (formatNumber: what toLocaleString('en-US') prints, without starting ICU for a one-line summary)
const n = (x: number) => formatNumber(x);

/** The one-line summary printed on stderr after every run. */
export function summaryLine(c: BatchCounts, seconds: number, extra: { target?: string; rejects?: string; interrupted?: boolean; stopped?: boolean; preview?: boolean }): string {
  const grouped = c.rowsRendered - c.messages;
  const parts = [
    `${n(c.rowsRead)} rows read`,
    `${n(c.messages)} ${extra.preview ? 'previewed' : c.messages === 1 ? 'message' : 'messages'}${grouped > 0 ? ` (${n(c.rowsRendered)} rows, ${n(grouped)} grouped into them)` : ''}`,
    `${n(c.rowsRejected)} rejected${c.rowsRejected > 0 && extra.rejects ? ` (see ${extra.rejects})` : ''}`,
  ];
  if (c.rowsSkipped > 0) {
    const why = [
      c.alreadySent > 0 ? `${n(c.alreadySent)} already sent` : '',
      c.inDoubt.length > c.inDoubtNow ? `${n(c.inDoubt.length - c.inDoubtNow)} in doubt` : '',
      c.notSentBefore > 0 ? `${n(c.notSentBefore)} never sent the apology` : '',
      c.apologyInDoubt.length > 0 ? `${n(c.apologyInDoubt.length)} whose apology is in doubt` : '',
      c.repeated > 0 ? `${n(c.repeated)} repeated` : '',
    ].filter(Boolean).join(', ');
    parts.push(`${n(c.rowsSkipped)} skipped${why ? ` (${why})` : ''}`);
  }
  if (c.failed > 0 || c.written + c.inDoubtNow !== c.messages) parts.push(`${n(c.failed)} failed`);
  if (c.inDoubt.length > 0) parts.push(`${n(c.inDoubt.length)} in doubt`);
  const rate = seconds > 0 ? Math.round(c.rowsRead / seconds) : 0;
  const where = extra.target && !extra.preview ? ` → ${extra.target}` : '';
  return `apologize: ${extra.interrupted ? 'interrupted: ' : extra.stopped ? 'stopped: ' : ''}${parts.join(', ')}${where} · ${seconds.toFixed(2)} s · ${n(rate)} rows/s`;
}

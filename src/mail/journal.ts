import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { InputError } from '../errors.js';

export type JournalEvent = 'sending' | 'sent' | 'failed';

export interface JournalEntry {
  event: JournalEvent;
  messageId: string;
  to: string;
  at: string;
  reason?: string;
}

export interface JournalState {
  /** Last event per Message-ID. */
  last: Map<string, JournalEntry>;
}

/** Reads a journal (missing file: empty). A torn last line from a crash is ignored. */
export function readJournal(path: string): JournalState {
  const last = new Map<string, JournalEntry>();
  if (!existsSync(path)) return { last };
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      if (i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === '')) return; // torn write
      throw new InputError(`${path}:${i + 1}: not a journal line`, 'pass the journal file this tool wrote, or a new path');
    }
    if (!entry.messageId || !['sending', 'sent', 'failed'].includes(entry.event)) {
      throw new InputError(`${path}:${i + 1}: not a journal line`, 'pass the journal file this tool wrote, or a new path');
    }
    last.set(entry.messageId, entry);
  });
  return { last };
}

/**
 * Append-only journal, one JSON line per event, written with a single write(2)
 * each (so a crash leaves at most one torn line): "sending" before a hand-off,
 * "sent" or "failed" after.
 */
export class Journal {
  private fd: number;
  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'a');
    } catch (err) {
      throw new InputError(`cannot open the journal ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a writable --journal path');
    }
  }

  append(event: JournalEvent, messageId: string, to: string, reason?: string): void {
    const entry: JournalEntry = { event, messageId, to, at: new Date().toISOString(), ...(reason ? { reason } : {}) };
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}

import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { UsageError } from '../errors.js';

interface Holder {
  pid: number;
  host: string;
}

function readHolder(file: string): Holder | undefined {
  try {
    const [pid, host] = readFileSync(file, 'utf8').split('\n');
    return { pid: Number(pid), host: host ?? '' };
  } catch {
    return undefined;
  }
}

/** The process is running (on this host). A pid we may not signal is running too. */
function alive(h: Holder): boolean {
  if (h.host !== hostname()) return true; // cannot tell from here: assume it runs
  if (!Number.isInteger(h.pid) || h.pid <= 0) return false;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(journal: string, lock: string, h: Holder): UsageError {
  const where = h.host === hostname() ? `pid ${h.pid}` : `pid ${h.pid} on ${h.host}`;
  return new UsageError(`the journal ${journal} is in use by another run (${where})`, `wait for it to finish; if no such run exists, delete ${lock}`);
}

/**
 * One run at a time on a journal: `JOURNAL.lock` holds the runner's pid and
 * host. It is created whole (written under a temporary name, then hard-linked
 * into place, which fails if it exists). A lock left by a dead process on this
 * host is taken over: renamed away first, so of two runs taking it over at
 * once only one gets it. Returns the release function.
 */
export function lockJournal(journal: string): () => void {
  const lock = `${journal}.lock`;
  const mine = `${process.pid}\n${hostname()}\n`;
  const temp = `${lock}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, mine, { flag: 'wx' });
  } catch (err) {
    throw new UsageError(`cannot lock the journal ${journal}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a --journal path in a writable folder');
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(temp, lock);
        return () => release(lock, mine);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`cannot lock the journal ${journal}: ${(err as NodeJS.ErrnoException).code}`, 'choose a --journal path in a writable folder');
      }
      const holder = readHolder(lock);
      if (holder && (holder.pid === process.pid || alive(holder))) throw inUse(journal, lock, holder);
      // Stale: move it aside, and check that what was moved is still the dead one.
      const aside = `${lock}.stale.${process.pid}`;
      try {
        renameSync(lock, aside);
      } catch {
        continue; // someone else moved it: try again
      }
      const moved = readHolder(aside);
      if (moved && (moved.pid === process.pid || alive(moved))) {
        // A live run's lock, taken in between: put it back and stand down.
        try {
          linkSync(aside, lock);
        } catch {
          /* a third run holds it now */
        }
        unlinkQuietly(aside);
        throw inUse(journal, lock, moved);
      }
      unlinkQuietly(aside);
    }
    throw new UsageError(`the journal ${journal} is being locked by other runs`, 'start one run at a time on a journal');
  } finally {
    unlinkQuietly(temp);
  }
}

function release(lock: string, mine: string): void {
  try {
    if (readFileSync(lock, 'utf8') === mine) unlinkSync(lock);
  } catch {
    /* gone already */
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* gone */
  }
}

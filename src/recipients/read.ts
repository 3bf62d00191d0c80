import { closeSync, openSync, readSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';

/**
 * Bytes [start, end) of a file in 64 KB chunks, all read into ONE buffer: each
 * chunk is only valid until the next is asked for (the CSV reader copies what
 * it keeps). A batch reads its input two or three times; a fresh buffer per
 * chunk (as a read stream makes) is garbage the collector frees late, and
 * with two threads scanning it added ~35 MB to the peak.
 *
 * `source` is a path, or a descriptor opened once for the whole run (left
 * open): every pass then reads the same file, whatever is renamed over its
 * path meanwhile. With a finite `end`, a file that became shorter than that
 * while it was read is an error: the passes would not see the same bytes.
 */
export async function* readFileChunks(source: string | number, start = 0, end = Infinity, size = 1 << 16): AsyncGenerator<Buffer> {
  let fd: number;
  if (typeof source === 'number') fd = source;
  else {
    try {
      fd = openSync(source, 'r');
    } catch (err) {
      throw new UsageError(`cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'check the CSV path and its permissions');
    }
  }
  try {
    const buf = Buffer.allocUnsafe(size);
    let at = start;
    while (at < end) {
      const n = readSync(fd, buf, 0, Math.min(size, end - at), at);
      if (n === 0) {
        if (end !== Infinity) throw new InputError(`the input became shorter while it was read (${at} of ${end} bytes)`, 'do not change the CSV during a run; run again on a finished export');
        return;
      }
      at += n;
      yield buf.subarray(0, n);
    }
  } finally {
    if (typeof source !== 'number') closeSync(fd);
  }
}

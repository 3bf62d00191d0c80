import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Files a run writes are created exclusively, never through a symlink (SPEC "Exit codes").

/**
 * A temporary name next to `path` that nobody can guess (a name like
 * `.x.<pid>.tmp` can be planted beforehand as a symlink to another file).
 */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Creates a new file for writing: fails if anything (a file, a symlink) is already there, never follows a link. */
export function createExclusive(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
}

/** Writes a whole new file, created exclusively. */
export function writeNewFile(path: string, data: string | Buffer): void {
  const fd = createExclusive(path);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off);
  } finally {
    closeSync(fd);
  }
}

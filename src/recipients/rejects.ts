import { closeSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { OutputError } from '../errors.js';
import { createExclusive, tempNameFor } from '../mail/create.js';

/** Cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Default rejects path: `orders.csv` → `orders.rejects.csv`, next to the input; none for stdin or a pipe (`<(…)`). */
export function defaultRejectsPath(input: string): string | undefined {
  if (input === '-') return undefined;
  if (statSync(input, { throwIfNoEntry: false })?.isFile() === false) return undefined;
  return input.replace(/(\.csv|\.tsv|\.txt)?$/i, '.rejects.csv');
}

/**
 * Writes rejected rows with their original columns plus `_line` and `_reason`
 * (a ragged row's extra cells follow them). The file is created on the first
 * reject, so a clean run leaves none: under an unguessable temporary name,
 * created exclusively, and renamed over the path on close (replacing an
 * earlier run's file, or a symlink planted there, never writing through it).
 */
export class RejectsWriter {
  count = 0;
  private fd: number | undefined;
  private tmp: string | undefined;
  private header: string[] = [];
  constructor(readonly path: string | undefined) {}

  setHeader(header: string[]): void {
    this.header = header;
  }

  add(line: number, cells: string[], reason: string): void {
    this.count++;
    if (!this.path) return;
    const n = this.header.length;
    const row = [...cells.slice(0, n), ...Array(Math.max(0, n - cells.length)).fill(''), String(line), reason, ...cells.slice(n)].map((c) => formulaSafe(String(c)));
    try {
      if (this.fd === undefined) {
        const st = statSync(this.path, { throwIfNoEntry: false });
        if (st?.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
        if (st && !st.isFile()) this.fd = openSync(this.path, 'w'); // /dev/null, a FIFO: written directly
        else {
          this.tmp = tempNameFor(this.path);
          this.fd = createExclusive(this.tmp);
        }
        writeSync(this.fd, stringify([[...this.header, '_line', '_reason'].map(formulaSafe)]));
      }
      writeSync(this.fd, stringify([row]));
    } catch (err) {
      throw new OutputError(`cannot write the rejects file ${this.path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a writable path with --rejects');
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    if (this.tmp === undefined) return;
    try {
      renameSync(this.tmp!, this.path!);
    } catch (err) {
      try {
        unlinkSync(this.tmp!);
      } catch {
        /* gone already */
      }
      throw new OutputError(`cannot write the rejects file ${this.path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a writable path with --rejects');
    }
  }
}

import { randomBytes } from 'node:crypto';
import { close as fsClose, closeSync, constants, existsSync, fdatasync as fsFdatasync, fsyncSync, link as fsLink, linkSync, lstatSync, mkdirSync, open as fsOpen, openSync, readdirSync, rename as fsRename, renameSync, rmdirSync, statSync, unlink as fsUnlink, unlinkSync, write as fsWrite } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ByteTarget, Message } from '../message.js';
import { OutputError, UsageError } from '../errors.js';
import { createExclusive, tempNameFor, writeNewFile } from './create.js';
import { formatEntry, writeEnd, writeEntry, type BatchFormat } from './formats.js';
import { writeEmlEntry } from './mbox.js';

/** Where messages go. `write` resolves when the message is accepted (backpressure). */
export interface Sink {
  /** `rows`: the rows the message was made of (a delivery sink that withdraws it counts them back as skipped). */
  write(msg: Message, seq: number, rows?: number): Promise<void> | void;
  /** When present, waited for before each message is composed (a free slot, the rate); the run may stop meanwhile. */
  ready?(): Promise<void>;
  /** Finishes: flushes, waits for what is in flight, makes files final. */
  close(): Promise<void>;
  /** Stops early: keeps nothing half-written. */
  abort(): Promise<void>;
  /** Messages handed over for good, and messages that failed. */
  readonly written: number;
  readonly failed: number;
  /** Where it went, for the summary. */
  readonly target: string;
  /** It writes on a thread of its own (a folder of .eml files): a batch then reads its rows on the main thread. */
  readonly usesThread?: boolean;
}

export interface WritableLike {
  write(chunk: string | Buffer, cb?: (err?: Error | null) => void): boolean;
  once(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
}

const FLUSH_AT = 1 << 18;

const BUFFER_SIZE = FLUSH_AT + (1 << 16);

/** Stream formats (mbox, ndjson, text) onto a writable: stdout or an open file. */
export class StreamSink implements Sink {
  written = 0;
  failed = 0;
  /** The output buffer; the writers write straight into it. */
  private readonly t: ByteTarget = { buf: Buffer.allocUnsafe(BUFFER_SIZE), used: 0, ensure: (n) => this.reserve(n) };
  /** Buffers the stream has finished writing, to fill again. */
  private readonly spare: Buffer[] = [];
  private error: Error | undefined;
  constructor(
    private readonly out: WritableLike,
    private readonly format: BatchFormat,
    readonly target: string,
    private readonly isClosed: () => boolean = () => false,
  ) {
    out.once('error', (err) => {
      this.error = err as Error;
    });
  }

  write(msg: Message): Promise<void> | void {
    writeEntry(this.t, msg, this.format, this.written);
    this.written++;
    if (this.t.used >= FLUSH_AT) return this.flush();
  }

  private reserve(n: number): void {
    if (this.t.used + n <= this.t.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(BUFFER_SIZE, this.t.used + n));
    this.t.buf.copy(bigger, 0, 0, this.t.used);
    this.t.buf = bigger;
  }

  private flush(): Promise<void> | void {
    if (this.t.used === 0) return;
    // The stream keeps the buffer until it is written: hand it over, go on in
    // a spare one, and take it back once written (no fresh memory per flush).
    const full = this.t.buf;
    const data = full.subarray(0, this.t.used);
    this.t.buf = this.spare.pop() ?? Buffer.allocUnsafe(BUFFER_SIZE);
    this.t.used = 0;
    if (this.error) throw this.outputError(this.error);
    if (this.isClosed()) return;
    const ok = this.out.write(data, (err) => {
      if (!err && full.length === BUFFER_SIZE && this.spare.length < 4) this.spare.push(full);
    });
    if (ok) return;
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => resolve();
      this.out.once('drain', onDrain);
      this.out.once('error', (err) => (this.isClosed() ? resolve() : reject(this.outputError(err as Error))));
      this.out.once('close', () => resolve());
    });
  }

  async close(): Promise<void> {
    writeEnd(this.t, this.format, this.written);
    await this.flush();
    if (this.isClosed()) return;
    await new Promise<void>((resolve, reject) => {
      this.out.write('', (err) => (err && !this.isClosed() ? reject(this.outputError(err)) : resolve()));
    });
    if (this.error && !this.isClosed()) throw this.outputError(this.error);
  }

  async abort(): Promise<void> {
    await this.close().catch(() => {});
  }

  private outputError(err: Error): OutputError {
    const code = (err as NodeJS.ErrnoException).code;
    return new OutputError(`cannot write to ${this.target}: ${code ?? err.message}`, code === 'ENOSPC' ? 'free some disk space, or write elsewhere with --out' : 'check the output target');
  }
}

/** Bytes a file sink fills before handing them to the writer. */
const FILE_BUFFER = 1 << 20;
/** Filled buffers that may wait for the disk before the run waits for it (memory stays flat). */
const MAX_QUEUED = 4;
/**
 * Bytes written between background `fdatasync`s of a file: the disk takes the file while the run
 * composes the rest, so the `fsync` at the end flushes only the last part (a 1 GB mbox spent
 * ~0.45 s in that one call).
 */
const SYNC_EVERY = 64 << 20;

/**
 * A file written through a temporary name and renamed when complete: never half a file.
 *
 * Writing is off the compose path: a full buffer is handed to `fs.write` (the write itself runs
 * on libuv's thread pool) and composing goes on in a spare buffer; buffers are written one at a
 * time, in order. Only when MAX_QUEUED full buffers are waiting does `write` return a promise
 * (the run waits for the disk). The first failed write (disk full) is reported by the next
 * `write` or by `close`, and the temporary file is removed: the path gets the whole file or nothing.
 */
export class FileSink implements Sink {
  written = 0;
  failed = 0;
  private readonly fd: number;
  private readonly tmp: string;
  private readonly direct: boolean;
  /** The output buffer; the writers write straight into it. */
  private readonly t: ByteTarget = {
    buf: Buffer.allocUnsafe(FILE_BUFFER),
    used: 0,
    ensure: (n) => {
      if (this.t.used + n <= this.t.buf.length) return;
      this.flush();
      if (n > this.t.buf.length) this.t.buf = Buffer.allocUnsafe(n);
    },
  };
  /** Filled buffers waiting for the disk, the first one being written. */
  private readonly queue: Buffer[] = [];
  /** Written buffers of the usual size, to fill again. */
  private readonly spare: Buffer[] = [];
  private writing = false;
  /** Bytes written since the last background sync began; whether one is running. */
  private unsynced = 0;
  private syncing = false;
  private error: NodeJS.ErrnoException | undefined;
  /** Waiting for the queue to shrink (backpressure) or to empty (close). */
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly format: BatchFormat,
  ) {
    this.direct = existsSync(path) && !statSync(path).isFile(); // /dev/null, /dev/full, a FIFO
    // A file is written under an unguessable temporary name, created exclusively, then renamed over
    // the path (which replaces a symlink there, never writes through it); a device or FIFO directly.
    this.tmp = this.direct ? path : tempNameFor(path);
    try {
      this.fd = this.direct ? openSync(this.tmp, 'w') : createExclusive(this.tmp);
    } catch (err) {
      throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'check that the folder exists and is writable');
    }
  }
  get target(): string {
    return this.path;
  }

  write(msg: Message): Promise<void> | void {
    if (this.error) throw this.failure();
    writeEntry(this.t, msg, this.format, this.written);
    this.written++;
    if (this.queue.length >= MAX_QUEUED) return this.until(() => this.queue.length < MAX_QUEUED);
  }

  /** Hands the filled part of the buffer to the writer and goes on in a spare one. */
  private flush(): void {
    if (this.t.used === 0) return;
    const full = this.t.buf;
    this.queue.push(full.subarray(0, this.t.used));
    this.t.buf = this.spare.pop() ?? Buffer.allocUnsafe(FILE_BUFFER);
    this.t.used = 0;
    if (!this.writing) this.next(0);
  }

  /** Writes the first queued buffer from `off`; then the next, in order. */
  private next(off: number): void {
    const data = this.queue[0];
    if (!data || this.error) {
      this.writing = false;
      this.wake();
      return;
    }
    this.writing = true;
    fsWrite(this.fd, data, off, data.length - off, null, (err, n) => {
      if (err) {
        this.error = err;
        this.queue.length = 0;
        this.writing = false;
        this.wake();
        return;
      }
      if (off + n < data.length) return this.next(off + n);
      this.queue.shift();
      if (data.buffer.byteLength === FILE_BUFFER && data.byteOffset === 0 && this.spare.length < 2) this.spare.push(Buffer.from(data.buffer, 0, FILE_BUFFER));
      this.unsynced += data.length;
      if (this.unsynced >= SYNC_EVERY && !this.syncing && !this.direct) this.syncInBackground();
      this.wake();
      this.next(0);
    });
  }

  /** Starts an `fdatasync` of what is written so far; writing goes on meanwhile. A failure is the file's failure. */
  private syncInBackground(): void {
    this.unsynced = 0;
    this.syncing = true;
    fsFdatasync(this.fd, (err) => {
      this.syncing = false;
      // A file system that cannot sync early (EINVAL, ENOTSUP) is left to the fsync at the end; any other error is the disk's.
      if (err && err.code !== 'EINVAL' && err.code !== 'ENOTSUP' && !this.error) {
        this.error = err;
        this.queue.length = 0;
      }
      this.wake();
    });
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.error) reject(this.failure());
        else if (done()) resolve();
        else this.waiters.push(check);
      };
      check();
    });
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    writeEnd(this.t, this.format, this.written);
    this.flush();
    await this.until(() => !this.writing && this.queue.length === 0 && !this.syncing);
    this.closed = true;
    try {
      if (!this.direct) fsyncSync(this.fd);
      closeSync(this.fd);
    } catch (err) {
      this.error = err as NodeJS.ErrnoException;
      throw this.failure();
    }
    if (!this.direct) renameSync(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.written = 0;
    // Let the write in progress end before the file goes (the queue is dropped).
    this.queue.splice(1);
    await this.until(() => !this.writing && !this.syncing).catch(() => {});
    this.cleanup();
  }

  /** The error of the failed write, reported once: the temporary file is gone, nothing was kept. */
  private failure(): OutputError {
    const code = this.error?.code;
    this.written = 0;
    this.cleanup();
    return new OutputError(`cannot write to ${this.path}: ${code ?? String(this.error)}; nothing was kept`, code === 'ENOSPC' ? 'free some disk space, or write elsewhere' : 'check the output target');
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    if (!this.direct && existsSync(this.tmp)) unlinkSync(this.tmp);
  }
}

/** Name of one .eml file: `<n>-<key>.eml`, the key made safe for any file system. */
export function emlName(seq: number, key: string): string {
  const safe = key.toLowerCase().replace(/[^a-z0-9@._+-]/g, '_').slice(0, 100);
  return `${String(seq).padStart(6, '0')}-${safe || 'message'}.eml`;
}

/** What `join(dir, name)` puts before a plain file name: `dir` normalized, and a slash when it needs one ("" for "."). */
function folderPrefix(dir: string): string {
  return join(dir, 'x').slice(0, -1);
}

/** .eml files a folder sink writes at once. */
const FILES_IN_FLIGHT = 16;
/** A new file, never an existing one or through a symlink (as createExclusive). */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** After this many messages, the rest go to a writer thread (a worker costs tens of ms to start: a small run never starts one). */
const WORKER_AFTER = 512;
/** Messages, and bytes, the writer thread is given at once; batches that may wait for it before the run waits. */
const BATCH_FILES = 256;
const BATCH_BYTES = 1 << 20;
const MAX_BATCHES = 3;

/**
 * The writer thread (plain JavaScript, run with `eval`: the same from the bundle and from the
 * sources). Per batch, for each file, in order: create it exclusively (O_EXCL|O_NOFOLLOW, never
 * an existing file or through a symlink), write it whole, close it; in `link` mode link it to its
 * final name and remove the temporary one, in `rename` mode (--force) rename it over the final
 * name. A failure removes what that file created and ends the batch; a stop asked by the run
 * (abort) ends it before the next file. Replies `{ done, code }`: files made whole, the error.
 */
const WRITER_THREAD = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const stop = new Int32Array(workerData.stop);
parentPort.on('message', (b) => {
  const data = Buffer.from(b.data);
  const tmp = b.tmp.split('\\0');
  const final = b.mode === 0 ? tmp : b.final.split('\\0');
  let done = 0;
  let code;
  for (let i = 0; i < tmp.length; i++) {
    if (Atomics.load(stop, 0) !== 0) break;
    let fd = -1;
    let created = false;
    try {
      fd = fs.openSync(tmp[i], workerData.flags, 0o666);
      created = true;
      const end = b.ends[i];
      let at = i === 0 ? 0 : b.ends[i - 1];
      while (at < end) at += fs.writeSync(fd, data, at, end - at);
      const f = fd;
      fd = -1;
      fs.closeSync(f);
      if (b.mode === 1) fs.renameSync(tmp[i], final[i]);
      else if (b.mode === 2) { fs.linkSync(tmp[i], final[i]); fs.unlinkSync(tmp[i]); }
      done++;
    } catch (err) {
      code = err.code || String(err);
      if (fd >= 0) try { fs.closeSync(fd); } catch {}
      if (created) try { fs.unlinkSync(tmp[i]); } catch {}
      break;
    }
  }
  parentPort.postMessage({ done, code });
});
`;

/** One batch on its way to the writer thread (the final names, to name the one that failed): a target the .eml writer writes into. */
class Batch implements ByteTarget {
  tmp: string[] = [];
  final: string[] = [];
  ends: number[] = [];
  /** Room for BATCH_BYTES and a message more: the batch is sent once it holds BATCH_BYTES. */
  buf = Buffer.allocUnsafeSlow(BATCH_BYTES + (BATCH_BYTES >> 2));
  used = 0;
  /** Grows (a message bigger than the room left): what is written is kept. */
  ensure(n: number): void {
    if (this.used + n <= this.buf.length) return;
    const buf = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.used + n));
    this.buf.copy(buf, 0, 0, this.used);
    this.buf = buf;
  }
}

/**
 * A folder of .eml files, each whole or absent; existing files are kept unless --force.
 *
 * A folder that does not exist yet is made under a temporary name beside it
 * (`.<name>.<salt>.tmp`, created by this run, unguessable): each message is created there
 * at its final name (O_EXCL|O_NOFOLLOW), written and closed, one new directory entry per
 * message, and the folder is renamed into place when the run ends (a failure or Ctrl-C
 * too: the whole messages are kept, the one that failed is removed). Into an existing
 * folder, each file is written to a temporary name and linked into place (renamed with
 * --force), so none is ever overwritten without --force or written through a symlink.
 */
export class FolderSink implements Sink {
  readonly usesThread = true;
  written = 0;
  failed = 0;
  /** Temporary names are `.<salt>-<n>.tmp`, created exclusively: unguessable, so none can be planted. */
  private readonly salt = randomBytes(8).toString('hex');
  /** The folder made for this run, renamed to `dir` at the end; undefined when `dir` already existed. */
  private readonly staging: string | undefined;
  constructor(
    private readonly dir: string,
    private readonly force: boolean,
  ) {
    let fresh = false;
    try {
      lstatSync(dir);
    } catch (err) {
      fresh = (err as NodeJS.ErrnoException).code === 'ENOENT';
    }
    try {
      // Not `recursive` on an existing parent: Node's recursive mkdir spins on some
      // special file systems (/proc) instead of failing.
      if (!existsSync(dirname(dir))) mkdirSync(dirname(dir), { recursive: true });
      if (fresh) {
        const staging = join(dirname(dir), `.${basename(dir)}.${this.salt}.tmp`);
        mkdirSync(staging);
        this.staging = staging;
        return;
      }
      if (!existsSync(dir)) mkdirSync(dir);
    } catch (err) {
      throw new UsageError(`cannot create the folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a writable --out folder');
    }
    if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is not a folder`, 'with --format eml, --out names a folder');
    if (!force) {
      const existing = readdirSync(dir).filter((f) => f.endsWith('.eml')).length;
      if (existing > 0) {
        throw new UsageError(`the folder ${dir} already has ${existing} .eml file(s)`, 'choose an empty folder, or add --force to overwrite');
      }
    }
    const probe = tempNameFor(join(dir, 'apologize-probe'));
    try {
      writeNewFile(probe, '');
      unlinkSync(probe);
    } catch (err) {
      throw new UsageError(`cannot write into ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'choose a writable --out folder');
    }
  }
  get target(): string {
    return this.dir;
  }

  /** `join(folder, name)` without `join`'s work per message: the folder's path as join gives it, then the name (emlName's: no slash, never "." or ".."). */
  private dirPrefix: string | undefined;
  private stagingPrefix: string | undefined;
  /** Files being written. */
  private inFlight = 0;
  /** Messages given to the thread pool, before the writer thread takes over. */
  private started = 0;
  /** The writer thread (after WORKER_AFTER messages), the batch being filled, the batches it has. */
  private thread: Worker | undefined;
  private stop: Int32Array | undefined;
  private batch: Batch | undefined;
  private readonly sent: Batch[] = [];

  /** Starts the writer thread; false when it cannot be (the thread pool goes on). */
  private startThread(): boolean {
    try {
      const { Worker } = process.getBuiltinModule('node:worker_threads');
      const stop = new SharedArrayBuffer(4);
      const mode = this.staging !== undefined ? 0 : this.force ? 1 : 2;
      this.mode = mode;
      const thread = new Worker(WRITER_THREAD, { eval: true, workerData: { stop, flags: EXCLUSIVE } });
      thread.unref();
      thread.on('message', (r: { done: number; code?: string }) => this.batchDone(r));
      thread.on('error', (err) => this.batchDone({ done: 0, code: (err as NodeJS.ErrnoException).code ?? err.message }, true));
      this.thread = thread;
      this.stop = new Int32Array(stop);
      return true;
    } catch {
      return false;
    }
  }
  private mode = 0;

  /**
   * Adds one file to the batch being filled, written by the .eml writer straight into the
   * batch's buffer; hands the batch over when full; waits when MAX_BATCHES wait.
   */
  private toThread(msg: Message, tmp: string, final: string): Promise<void> | void {
    let b = this.batch;
    if (!b) {
      b = new Batch();
      this.batch = b;
    }
    writeEmlEntry(msg, b);
    b.tmp.push(tmp);
    b.final.push(final);
    b.ends.push(b.used);
    if (b.tmp.length >= BATCH_FILES || b.used >= BATCH_BYTES) this.send();
    if (this.sent.length >= MAX_BATCHES) return this.until(() => this.sent.length < MAX_BATCHES);
  }

  private send(): void {
    const b = this.batch;
    this.batch = undefined;
    if (!b || b.tmp.length === 0 || !this.thread) return;
    this.sent.push(b);
    const data = b.buf.buffer as ArrayBuffer;
    // The names as one string each ("\0" is in no path): an array of 256 strings cost the run ~4 ms a batch to send.
    this.thread.postMessage({ tmp: b.tmp.join('\0'), final: this.mode === 0 ? '' : b.final.join('\0'), ends: b.ends, mode: this.mode, data }, [data]);
  }

  private batchDone(r: { done: number; code?: string }, dead = false): void {
    const b = dead ? undefined : this.sent.shift();
    this.written += r.done;
    if (r.code !== undefined && !this.error) {
      const final = b?.final[r.done] ?? this.dir;
      this.error = new OutputError(
        `cannot write ${final}: ${r.code} (${this.written} file(s) written before it)`,
        r.code === 'EEXIST' ? 'add --force to overwrite, or use an empty folder' : 'check the folder and the free space',
      );
      if (this.stop) Atomics.store(this.stop, 0, 1);
    }
    if (dead) this.sent.length = 0;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
  private error: OutputError | undefined;
  private waiters: (() => void)[] = [];

  /**
   * Writes one file off the compose path, on libuv's thread pool: into the run's own folder,
   * create the final name exclusively, write, close; into an existing folder, the same under a
   * temporary name, then link it to its final name (or rename over it with --force). Up to
   * FILES_IN_FLIGHT files at once; then the run waits. A failure is reported by the next
   * `write` or by `close`; files already whole are kept, the failed one leaves nothing.
   */
  write(msg: Message, seq: number): Promise<void> | void {
    if (this.error) throw this.error;
    const name = emlName(seq, msg.key);
    const inDir = (this.dirPrefix ??= folderPrefix(this.dir));
    const final = inDir + name;
    const tmp = this.staging !== undefined ? (this.stagingPrefix ??= folderPrefix(this.staging)) + name : `${inDir}.${this.salt}-${seq}.tmp`;
    if (this.thread !== undefined || (++this.started > WORKER_AFTER && this.startThread())) return this.toThread(msg, tmp, final);
    const data = Buffer.from(formatEntry(msg, 'eml', 0), 'utf8');
    this.inFlight++;
    const fail = (err: NodeJS.ErrnoException, created: boolean) => {
      const done = () => {
        this.error ??= new OutputError(
          `cannot write ${final}: ${err.code ?? String(err)} (${this.written} file(s) written before it)`,
          err.code === 'EEXIST' ? 'add --force to overwrite, or use an empty folder' : 'check the folder and the free space',
        );
        this.settle();
      };
      if (created) fsUnlink(tmp, done);
      else done();
    };
    const finish = (err: NodeJS.ErrnoException | null) => {
      if (err) return fail(err, true);
      this.written++;
      this.settle();
    };
    fsOpen(tmp, EXCLUSIVE, 0o666, (err, fd) => {
      if (err) return fail(err, false);
      const writeFrom = (off: number): void => {
        fsWrite(fd, data, off, data.length - off, null, (werr, n) => {
          if (werr) return fsClose(fd, () => fail(werr, true));
          if (off + n < data.length) return writeFrom(off + n);
          fsClose(fd, (cerr) => {
            if (cerr) return fail(cerr, true);
            if (this.staging !== undefined) finish(null);
            else if (this.force) fsRename(tmp, final, finish);
            else fsLink(tmp, final, (lerr) => (lerr ? finish(lerr) : fsUnlink(tmp, finish))); // link fails if the file exists: never overwrite
          });
        });
      };
      writeFrom(0);
    });
    if (this.inFlight >= FILES_IN_FLIGHT) return this.until(() => this.inFlight < FILES_IN_FLIGHT);
  }

  /**
   * The run's folder becomes `dir`. Should `dir` have appeared meanwhile, the files are moved
   * into it one by one, with the rules of an existing folder (never over a file without --force).
   */
  private publish(): void {
    const staging = this.staging!;
    try {
      renameSync(staging, this.dir);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Only into a real folder (never through a symlink put there meanwhile).
      let folder = false;
      try {
        folder = lstatSync(this.dir).isDirectory();
      } catch {
        /* gone again */
      }
      if ((code !== 'EEXIST' && code !== 'ENOTEMPTY') || !folder) {
        this.error ??= new OutputError(`cannot rename ${staging} to ${this.dir}: ${code ?? String(err)}`, `the messages are in ${staging}`);
        return;
      }
    }
    for (const name of readdirSync(staging)) {
      const from = join(staging, name);
      const to = join(this.dir, name);
      try {
        if (this.force) renameSync(from, to);
        else {
          linkSync(from, to);
          unlinkSync(from);
        }
      } catch (err) {
        this.error ??= new OutputError(`cannot write ${to}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, `${this.dir} appeared during the run; the messages not moved are in ${staging}`);
        return;
      }
    }
    rmdirSync(staging);
  }

  private settle(): void {
    this.inFlight--;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.error) reject(this.error);
        else if (done()) resolve();
        else this.waiters.push(check);
      };
      check();
    });
  }

  private published = false;

  /** Waits for every file in flight, puts the run's folder in place; the first failure, if any. */
  async close(): Promise<void> {
    if (!this.error) this.send();
    else this.batch = undefined;
    await new Promise<void>((resolve) => {
      const check = () => (this.inFlight === 0 && this.sent.length === 0 ? resolve() : this.waiters.push(check));
      check();
    });
    if (this.thread) {
      const thread = this.thread;
      this.thread = undefined;
      await thread.terminate();
    }
    if (this.staging !== undefined && !this.published) {
      this.published = true;
      this.publish();
    }
    if (this.error) throw this.error;
  }

  /** Files in flight are finished (each is whole), nothing more is started. */
  async abort(): Promise<void> {
    this.batch = undefined;
    if (this.stop) Atomics.store(this.stop, 0, 1);
    await this.close().catch(() => {});
  }
}

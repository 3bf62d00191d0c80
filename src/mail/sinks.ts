import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ByteTarget, Message } from '../message.js';
import { OutputError, UsageError } from '../errors.js';
import { createExclusive, tempNameFor, writeNewFile } from './create.js';
import { formatEntry, writeEntry, type BatchFormat } from './formats.js';

/** Where messages go. `write` resolves when the message is accepted (backpressure). */
export interface Sink {
  write(msg: Message, seq: number): Promise<void> | void;
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
    writeEntry(this.t, msg, this.format, this.written === 0);
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

/** A file written through a temporary name and renamed when complete: never half a file. */
export class FileSink implements Sink {
  written = 0;
  failed = 0;
  private fd: number;
  private readonly tmp: string;
  private readonly direct: boolean;
  /** The output buffer; the writers write straight into it. */
  private readonly t: ByteTarget = {
    buf: Buffer.allocUnsafe(1 << 20),
    used: 0,
    ensure: (n) => {
      if (this.t.used + n <= this.t.buf.length) return;
      this.flush();
      if (n > this.t.buf.length) this.t.buf = Buffer.allocUnsafe(n);
    },
  };
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

  write(msg: Message): void {
    writeEntry(this.t, msg, this.format, this.written === 0);
    this.written++;
  }

  private flush(): void {
    if (this.t.used === 0) return;
    const data = this.t.buf.subarray(0, this.t.used);
    this.t.used = 0;
    try {
      let off = 0;
      while (off < data.length) off += writeSync(this.fd, data, off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.written = 0;
      this.cleanup();
      throw new OutputError(`cannot write to ${this.path}: ${code ?? String(err)}; nothing was kept`, code === 'ENOSPC' ? 'free some disk space, or write elsewhere' : 'check the output target');
    }
  }

  async close(): Promise<void> {
    this.flush();
    if (!this.direct) fsyncSync(this.fd);
    closeSync(this.fd);
    if (!this.direct) renameSync(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.written = 0;
    this.cleanup();
  }

  private cleanup(): void {
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

/** A folder of .eml files, each written atomically; existing files are kept unless --force. */
export class FolderSink implements Sink {
  written = 0;
  failed = 0;
  /** Temporary names are `.<salt>-<n>.tmp`, created exclusively: unguessable, so none can be planted. */
  private readonly salt = randomBytes(8).toString('hex');
  constructor(
    private readonly dir: string,
    private readonly force: boolean,
  ) {
    try {
      // Not `recursive` on an existing parent: Node's recursive mkdir spins on some
      // special file systems (/proc) instead of failing.
      if (!existsSync(dir)) {
        if (!existsSync(dirname(dir))) mkdirSync(dirname(dir), { recursive: true });
        mkdirSync(dir);
      }
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

  write(msg: Message, seq: number): void {
    const final = join(this.dir, emlName(seq, msg.key));
    const tmp = join(this.dir, `.${this.salt}-${seq}.tmp`);
    try {
      writeNewFile(tmp, formatEntry(msg, 'eml', false));
      if (this.force) renameSync(tmp, final);
      else {
        linkSync(tmp, final); // fails if the file exists: never overwrite
        unlinkSync(tmp);
      }
    } catch (err) {
      if (existsSync(tmp)) unlinkSync(tmp);
      const code = (err as NodeJS.ErrnoException).code;
      throw new OutputError(
        `cannot write ${final}: ${code ?? String(err)} (${this.written} file(s) written before it)`,
        code === 'EEXIST' ? 'add --force to overwrite, or use an empty folder' : 'check the folder and the free space',
      );
    }
    this.written++;
  }

  async close(): Promise<void> {}
  async abort(): Promise<void> {}
}

export interface OutStream {
  write(chunk: string | Uint8Array, cb?: (err?: Error | null) => void): boolean;
  isTTY?: boolean;
  columns?: number;
  once(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  end?(cb?: () => void): unknown;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

/** What became of an output stream during a run: its reader left (a closed pipe), or a write failed. */
export interface StreamState {
  closed: boolean;
  failed?: Error;
}

/** Everything a command may touch of the process, passed in so tests can run commands in-process. */
export interface IO {
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Registers a Ctrl-C handler for the length of a run; returns its remover. */
  onInterrupt?: (fn: () => void) => () => void;
  /** A monotonic clock in milliseconds (the summary's elapsed seconds); performance.now() when not given. */
  clock?: () => number;
  /** Set by run() (watchStreams): what happened to stdout and stderr in this run. */
  streams?: { stdout: StreamState; stderr: StreamState };
}

/** The reader went away (`| head`): not a failure, a reason to stop writing. */
export function isClosedPipe(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/**
 * Listens for errors on stdout and stderr for this run and records them in `io.streams`
 * (never a crash: an unhandled 'error' would throw). A closed pipe marks the stream closed;
 * any other error (disk full) marks it failed, and run() then exits 1.
 */
export function watchStreams(io: IO): { stdout: StreamState; stderr: StreamState } {
  const streams = { stdout: { closed: false } as StreamState, stderr: { closed: false } as StreamState };
  io.streams = streams;
  const note = (state: StreamState) => (err: Error) => {
    if (isClosedPipe(err)) state.closed = true;
    else state.failed ??= err;
  };
  io.stdout.on('error', note(streams.stdout));
  if (io.stderr !== io.stdout) io.stderr.on('error', note(streams.stderr));
  else streams.stderr = streams.stdout;
  return streams;
}

/** This run's stream states (fresh ones when a command runs without run()). */
export function streamsOf(io: IO): { stdout: StreamState; stderr: StreamState } {
  return (io.streams ??= { stdout: { closed: false }, stderr: { closed: false } });
}

/** Milliseconds on the run's monotonic clock. */
export function now(io: IO): number {
  return io.clock ? io.clock() : performance.now();
}

export function processIO(): IO {
  return {
    clock: () => Number(process.hrtime.bigint()) / 1e6,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt: (fn) => {
      process.on('SIGINT', fn);
      process.on('SIGTERM', fn);
      return () => {
        process.off('SIGINT', fn);
        process.off('SIGTERM', fn);
      };
    },
  };
}

/** Prompts are allowed: a terminal on stdin and stderr, not CI, and not --no-input. */
export function isInteractive(io: IO, noInput: boolean): boolean {
  if (noInput) return false;
  if (io.env.CI && io.env.CI !== 'false' && io.env.CI !== '0') return false;
  return Boolean(io.stdin.isTTY && io.stderr.isTTY);
}

/**
 * A line for the person at the terminal (stderr); nothing once stderr's reader has gone.
 * Values from files, flags or the network in it go through safeForTerminal first (the line
 * itself may carry colour on purpose).
 */
export function say(io: IO, line: string): void {
  const state = io.streams?.stderr;
  if (state?.closed || state?.failed) return;
  io.stderr.write(`${line}\n`);
}

/** A one-line message (an error): safeForTerminal, and line breaks escaped too. */
export function safeLine(text: string): string {
  return safeForTerminal(text).replace(/\n/g, '\\n');
}

/** Escapes control and bidi characters so values cannot drive the terminal. */
export function safeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

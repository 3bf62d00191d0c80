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

/** Everything a command may touch of the process, passed in so tests can run commands in-process. */
export interface IO {
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Registers a Ctrl-C handler for the length of a run; returns its remover. */
  onInterrupt?: (fn: () => void) => () => void;
}

export function processIO(): IO {
  return {
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

/** A line for the person at the terminal (stderr). */
export function say(io: IO, line: string): void {
  io.stderr.write(`${line}\n`);
}

/** Escapes control and bidi characters so values cannot drive the terminal. */
export function safeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

import { OutputError } from '../errors.js';
import { isClosedPipe, streamsOf, type IO } from './io.js';

/** The error for a failed write to stdout (disk full, a closed file descriptor…): exit 1. */
export function stdoutError(err: Error): OutputError {
  const code = (err as NodeJS.ErrnoException).code;
  return new OutputError(`cannot write to stdout: ${code ?? err.message}`, code === 'ENOSPC' ? 'free some disk space, or write elsewhere' : 'check the output target');
}

/**
 * Writes product text to stdout and waits until it is handed to the OS. Resolves quietly when the
 * reader has gone (`| head`); rejects with an OutputError when the write fails (disk full).
 */
export function writeProduct(io: IO, text: string): Promise<void> {
  const state = streamsOf(io).stdout;
  if (state.closed) return Promise.resolve();
  if (state.failed) return Promise.reject(stdoutError(state.failed));
  return new Promise((resolve, reject) => {
    io.stdout.write(text, (err) => {
      if (!err) return resolve();
      if (isClosedPipe(err)) {
        state.closed = true;
        return resolve();
      }
      state.failed ??= err;
      reject(stdoutError(err));
    });
  });
}

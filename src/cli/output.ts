import type { IO } from './io.js';

/** Set once stdout's reader has gone away (`| head`): stop writing, end quietly. */
export const pipeState = { closed: false };

/** Writes product text to stdout and waits until it is handed to the OS (or the pipe closed). */
export function writeProduct(io: IO, text: string): Promise<void> {
  if (pipeState.closed) return Promise.resolve();
  return new Promise((resolve) => {
    io.stdout.write(text, () => resolve());
  });
}

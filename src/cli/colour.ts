import { Chalk, type ChalkInstance } from 'chalk';
import type { IO } from './io.js';

/** Colour for stderr: only on a terminal, never with NO_COLOR or in CI. */
export function stderrColour(io: IO): ChalkInstance {
  const off =
    !io.stderr.isTTY ||
    (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') ||
    (io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false') ||
    io.env.TERM === 'dumb' ||
    io.env.FORCE_COLOR === '0';
  return new Chalk({ level: off ? 0 : 1 });
}

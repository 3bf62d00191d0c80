import type { ChalkInstance } from 'chalk';
import { chalkClass } from './chalk-load.js';
import type { IO } from './io.js';

/** Every style of `c.bold.red(…)` as the text itself: what chalk at level 0 prints. */
const PLAIN: ChalkInstance = new Proxy(Object.assign((...text: unknown[]) => text.join(' '), { level: 0 }), {
  get: (target, key) => (key === 'level' ? 0 : key in target && key !== 'name' && key !== 'length' ? Reflect.get(target, key) : PLAIN),
  apply: (target, _this, args: unknown[]) => target(...args),
}) as unknown as ChalkInstance;

/**
 * Colour for stderr: only on a terminal, never with NO_COLOR or in CI. With no colour the styles
 * return the text as it is and chalk is not loaded (most runs: stderr is a file, a pipe or CI).
 */
export function stderrColour(io: IO): ChalkInstance {
  const off =
    !io.stderr.isTTY ||
    (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') ||
    (io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false') ||
    io.env.TERM === 'dumb' ||
    io.env.FORCE_COLOR === '0';
  if (off) return PLAIN;
  const Chalk = chalkClass();
  return new Chalk({ level: 1 });
}

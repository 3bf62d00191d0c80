// chalk for stderrColour (./colour.ts), which needs it only when stderr is a terminal. From the
// sources a plain import; the built CLI requires dist/vendor/chalk.cjs at the first call
// (scripts/build.mjs, LAZY), so a run whose stderr is a file or a pipe never loads it.
import { Chalk } from 'chalk';

/** chalk's Chalk class. */
export function chalkClass(): typeof Chalk {
  return Chalk;
}

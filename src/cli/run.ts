import { CommanderError } from 'commander';
import { ApologizeError } from '../errors.js';
import type { IO } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI with these arguments and streams; returns the exit code. The only catch. */
export async function run(argv: string[], io: IO): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  try {
    const program = buildProgram(io, (c) => {
      code = c;
    });
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    return report(err, io, debug);
  }
}

function report(err: unknown, io: IO, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Help and version are exit 0; commander has printed its own one-line error otherwise.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof ApologizeError) {
    io.stderr.write(`apologize: ${err.message}${err.hint ? ` — ${err.hint}` : ''}\n`);
    if (debug && err.stack) io.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  io.stderr.write(`apologize: unexpected error: ${e?.message ?? String(err)} — rerun with --debug and report it\n`);
  if (debug && e?.stack) io.stderr.write(`${e.stack}\n`);
  return 1;
}

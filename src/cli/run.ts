import { CommanderError } from 'commander';
import { ApologizeError, OutputError } from '../errors.js';
import { safeForTerminal, safeLine, watchStreams, type IO } from './io.js';
import { stdoutError } from './output.js';
import { buildProgram } from './program.js';

/** Runs the CLI with these arguments and streams; returns the exit code. The only catch. */
export async function run(argv: string[], io: IO): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  const streams = watchStreams(io);
  let reported = false;
  try {
    const program = buildProgram(io, (c) => {
      code = c;
    });
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    reported = err instanceof OutputError;
    code = report(err, io, debug);
  }
  // A write to stdout that failed (disk full) is exit 1 in every command, however it was written.
  await settled();
  if (streams.stdout.failed && !reported && code !== 130) {
    report(stdoutError(streams.stdout.failed), io, debug);
    if (code === 0) code = 1;
  }
  return code;
}

/**
 * Lets a failed write be seen before the exit code is: process.stdout writes files and pipes
 * synchronously on Linux, and reports the failure on the next tick.
 */
async function settled(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

function report(err: unknown, io: IO, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Help and version are exit 0; commander has printed its own one-line error otherwise.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return err.exitCode === 0 ? 0 : 2;
  }
  // Messages carry values from files and flags (a CSV header cell, a path): one plain line, escaped.
  if (err instanceof ApologizeError) {
    errorLine(io, `apologize: ${safeLine(err.message)}${err.hint ? ` — ${safeLine(err.hint)}` : ''}\n`);
    if (debug && err.stack) errorLine(io, `${safeForTerminal(err.stack)}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  errorLine(io, `apologize: unexpected error: ${safeLine(e?.message ?? String(err))} — rerun with --debug and report it\n`);
  if (debug && e?.stack) errorLine(io, `${safeForTerminal(e.stack)}\n`);
  return 1;
}

function errorLine(io: IO, text: string): void {
  const state = io.streams?.stderr;
  if (state?.closed || state?.failed) return;
  io.stderr.write(text);
}

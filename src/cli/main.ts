// The bin's entry. Keeps start-up light: `--version` answers before anything loads.
import { VERSION } from '../version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { pipeState } = await import('./output.js');
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      pipeState.closed = true; // the reader left (| head): end quietly
      return;
    }
    process.stderr.write(`apologize: cannot write to stdout: ${err.message} — check the output target\n`);
    process.exitCode = 1;
  });
  const { run } = await import('./run.js');
  const { processIO } = await import('./io.js');
  process.exitCode = await run(argv, processIO());
}

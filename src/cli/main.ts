// The bin's entry. Keeps start-up light: `--version` answers before anything loads.
import { VERSION } from '../version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.on('error', () => {}); // reported by the write's callback
  process.stdout.write(`${VERSION}\n`, (err) => {
    const code = (err as NodeJS.ErrnoException | null | undefined)?.code;
    if (!err || code === 'EPIPE') return;
    process.stderr.write(`apologize: cannot write to stdout: ${code ?? err.message} — check the output target\n`);
    process.exitCode = 1;
  });
} else {
  // Built: dist/app.cjs through V8's code cache (scripts/build.mjs, code-cache.ts).
  const { run, processIO } = await import('./app.js');
  // run() watches stdout and stderr (a closed pipe ends quietly, a failed write is exit 1) and
  // returns the exit code with that already in it.
  process.exitCode = await run(argv, processIO());
}

// Loaded with `node --import` by tests that check memory: reports the process's peak RSS (all
// threads: getrusage of the process) on fd 2 at exit. `--import` runs in worker threads too, so
// only the main thread reports: a worker's line, written when it ends, is not the process peak.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
  });
}

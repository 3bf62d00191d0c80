// Loaded with `node --import` by the benchmark: reports the process's peak RSS on fd 2 at exit.
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});

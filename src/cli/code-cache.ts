// Which of the code caches the build trained for dist/app.cjs a run loads it with (../code-cache.ts).

/** The trained cache that suits these arguments: a wrong guess only costs time. */
export function cacheNameFor(argv: readonly string[]): string {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return 'help';
  const command = argv.find((a) => !a.startsWith('-'));
  return command === 'batch' || command === 'draft' || command === 'check' || command === 'brief' || command === 'templates' ? command : 'help';
}

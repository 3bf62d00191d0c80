import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['tests/helpers/fc-seed.ts'],
    // At least two files at once: the spawned tests mostly wait (on hand-offs, signals, npm,
    // Chromium), so on a two-core machine the default of one worker leaves a core idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

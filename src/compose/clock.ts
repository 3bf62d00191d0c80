import { UsageError } from '../errors.js';

/** The clock: `APOLOGIZE_NOW` (an ISO date) fixes it for reproducible output. */
export function resolveNow(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Date {
  const fixed = env.APOLOGIZE_NOW;
  if (fixed === undefined || fixed === '') return new Date();
  const d = new Date(fixed);
  if (Number.isNaN(d.getTime())) {
    throw new UsageError(`APOLOGIZE_NOW="${fixed}" is not a date`, 'use an ISO date like 2025-07-08T09:00:00Z');
  }
  return d;
}

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Adds a duration like `2d` to a date. */
export function addDuration(d: Date, duration: string): Date {
  const m = /^(\d+)\s*([hdw])$/.exec(duration.trim());
  if (!m) return d;
  return new Date(d.getTime() + Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
}

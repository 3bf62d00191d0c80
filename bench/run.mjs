// `npm run bench`: prints figures and ratios against the budgets in SPEC.md.
// Never a pass/fail test: machines here are noisy.
import { benchStartup } from './startup.mjs';

const only = process.argv[2];
if (!only || only === 'startup') benchStartup();

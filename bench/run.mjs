// `npm run bench`: prints figures and ratios against the budgets in SPEC.md.
// Never a pass/fail test: machines here are noisy. `npm run bench -- startup`
// `-- batch`, `-- eml` (the .eml folder pairs alone), `-- check` or `-- smtp` runs one part.
import { benchBatch, benchEml } from './batch.mjs';
import { benchCheck } from './check.mjs';
import { benchSmtp } from './smtp.mjs';
import { benchStartup } from './startup.mjs';

const only = process.argv[2];
if (!only || only === 'startup') benchStartup();
if (!only || only === 'batch') await benchBatch();
if (only === 'eml') await benchEml();
if (!only || only === 'check') await benchCheck();
if (!only || only === 'smtp') await benchSmtp();

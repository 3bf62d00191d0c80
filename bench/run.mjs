// `npm run bench`: prints figures and ratios against the budgets in SPEC.md.
// Never a pass/fail test: machines here are noisy. `npm run bench -- startup`
// `-- batch`, `-- eml` (the .eml folder pairs alone), `-- eml-floor` (the file system's floor under
// the .eml folder: the same files made by bare Node and by split), `-- check` or `-- smtp` runs one part.
import { benchBatch, benchEml } from './batch.mjs';
import { benchCheck } from './check.mjs';
import { benchEmlFloor } from './eml-floor.mjs';
import { benchSmtp } from './smtp.mjs';
import { benchStartup } from './startup.mjs';

const only = process.argv[2];
if (!only || only === 'startup') benchStartup();
if (!only || only === 'batch') await benchBatch();
if (only === 'eml') await benchEml();
if (!only || only === 'eml-floor') await benchEmlFloor();
if (!only || only === 'check') await benchCheck();
if (!only || only === 'smtp') await benchSmtp();

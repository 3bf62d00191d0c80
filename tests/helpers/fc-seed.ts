import fc from 'fast-check';

/**
 * Property tests run the same examples on every machine (CI must not fail on a rare random draw);
 * `FC_SEED=random npm test` explores new ones, `FC_SEED=N` replays a reported seed.
 */
const given = process.env.FC_SEED;
if (given !== 'random') fc.configureGlobal({ seed: given !== undefined && given !== '' ? Number(given) : 20261201 });

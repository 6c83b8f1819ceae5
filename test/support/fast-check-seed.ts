import fc from "fast-check";

/**
 * Property tests run from a fixed seed, so `npm test` gives the same verdict on every run and a
 * failure can be replayed. FC_SEED=<n> (or FC_SEED=random) explores other inputs; fast-check
 * prints the seed of any failure it finds.
 */
const fromEnv = process.env.FC_SEED;
if (fromEnv !== "random") fc.configureGlobal({ seed: fromEnv ? Number(fromEnv) : 20_261_123 });

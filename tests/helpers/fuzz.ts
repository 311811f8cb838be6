/**
 * fast-check parameters for the fuzz tests: a fixed seed and a modest number of
 * runs in `npm test` (reproducible, fast); `LECTERN_FUZZ_RUNS=5000` and
 * `LECTERN_FUZZ_SEED=…` search further by hand.
 */
export function fuzzParameters(runs: number): { numRuns: number; seed: number } {
  return {
    numRuns: Number(process.env.LECTERN_FUZZ_RUNS) || runs,
    seed: Number(process.env.LECTERN_FUZZ_SEED) || 20241126,
  };
}

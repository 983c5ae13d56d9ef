// The grouping solver's randomness: the shared seeded PRNG (core/src/random).
export { mulberry32, shuffled } from '../random/index.ts';

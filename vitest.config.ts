import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds and browser sessions take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: more workers only make the builds fight for them.
    maxWorkers: 2,
    pool: 'forks',
  },
});

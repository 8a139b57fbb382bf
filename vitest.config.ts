import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test (`*.spec.ts`); e2e journeys live in tests/e2e (Playwright).
export default defineConfig({
  test: {
    include: ['shared/**/*.spec.ts', 'electron/**/*.spec.ts', 'renderer/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});

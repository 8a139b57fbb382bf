import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test (`*.spec.ts`); e2e journeys live in tests/e2e (Playwright).
export default defineConfig({
  test: {
    include: ['shared/**/*.spec.ts', 'electron/**/*.spec.ts', 'renderer/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
    // The real shapefiles in ../shared/data (or LANDPATROL_REAL_DATA): checked once, one clear message if absent.
    globalSetup: ['tests/real-data.global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});

import os from 'node:os';
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
    // Vitest's default is one worker less than the cores: a single worker on a 2-core machine, where two workers
    // took the unit stage from 264 s to 153 s (same load). Each spec file still runs alone in its own fork; the
    // files share nothing on disk: temporary folders are mkdtemp'd, and dist/ is only read (the packaging spec
    // rewrites dist/electron, which no other spec reads).
    maxWorkers: Math.max(1, Math.min(os.availableParallelism(), Math.max(2, os.availableParallelism() - 1))),
  },
});

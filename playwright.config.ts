import os from 'node:os';
import { defineConfig } from '@playwright/test';

// End-to-end journeys run the *built* renderer (vite preview over dist/renderer) in Debian's Chromium.
// Playwright never downloads a browser here: we point it at /usr/bin/chromium.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The preview server's port (vite.config.ts reads the same variable).
const port = Number(process.env.LANDPATROL_PREVIEW_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // One worker per two cores, at most two: each journey drives a Chromium whose swiftshader GPU process and renderer
  // take about a core between them. On a 2-core machine two workers were not faster (16 journeys: 514 s with one,
  // 467 s with two while the load rose from 10 to 13) and two long journeys ran out of their 120 s. Journeys share
  // no state: each has its own browser context (its own IndexedDB), downloads and files go to its own output folder,
  // the fake tile server listens on a free port. `--workers=N` overrides.
  workers: Math.max(1, Math.min(2, Math.floor(os.availableParallelism() / 2))),
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

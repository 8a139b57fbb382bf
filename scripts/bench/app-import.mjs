/* global window, document -- page.evaluate callbacks run in the browser */
/**
 * The app's whole import, measured in Debian's Chromium on the built renderer (vite preview):
 * choose the files → parsed, reprojected, areas computed, stored in IndexedDB and drawn on the map.
 * Also the longest UI-thread task during it (PerformanceObserver 'longtask') and the time to show the map
 * again after closing and reopening the browser profile with the layer stored.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const PORT = 4179;

async function startPreview(root) {
  const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/`);
      if (r.ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

const open = (profile) => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1400, height: 900 } });

/** Resolves when the map has drawn a layer named `name` and is idle (see renderer/map: data-map-state). */
async function waitShown(page, name, timeout) {
  await page.locator('[data-testid="layer-name"]', { hasText: name }).first().waitFor({ timeout });
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="map"]');
      return !!el && el.getAttribute('data-map-state') === 'idle' && (el.getAttribute('data-loaded-layers') ?? '').split('|').includes(n);
    },
    name,
    { timeout, polling: 50 },
  );
}

export async function benchAppImport({ root, files, layerName = 'farmland' }) {
  const server = await startPreview(root);
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-profile-'));
  try {
    let ctx = await open(profile);
    let page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('[data-testid="layer-item"]').first().waitFor({ timeout: 60_000 });
    // First start (sample township written and drawn) is measured on its own, not counted as import.
    await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state') === 'idle', null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const startupLongestTaskMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => resolve(Math.max(0, ...list.getEntries().map((e) => e.duration)))).observe({ type: 'longtask', buffered: true });
          setTimeout(() => resolve(0), 500);
        }),
    );
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.locator('[data-testid="import-files-input"]').setInputFiles(files);
    await waitShown(page, layerName, 300_000);
    const importSeconds = (Date.now() - t0) / 1000;
    const longestTaskMs = await page.evaluate(() => window.__longest);
    // Give the debounced writes (map view, tile cache) the moment a user's close would give them.
    await page.waitForTimeout(2000);
    await ctx.close();

    ctx = await open(profile);
    page = ctx.pages()[0] ?? (await ctx.newPage());
    const t1 = Date.now();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await waitShown(page, layerName, 120_000);
    const reopenSeconds = (Date.now() - t1) / 1000;
    await page.screenshot({ path: path.join(root, 'bench', 'out', 'reopen.png') });
    await ctx.close();
    return { importSeconds, longestTaskMs, reopenSeconds, startupLongestTaskMs };
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

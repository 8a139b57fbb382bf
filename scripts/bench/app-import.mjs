/* global window, document -- page.evaluate callbacks run in the browser */
/**
 * The app's whole import, measured in Debian's Chromium on the built renderer (vite preview):
 * choose the files → parsed, reprojected, areas computed, stored in IndexedDB and drawn on the map.
 * Also the longest UI-thread task during it (PerformanceObserver 'longtask') and the time to show the map
 * again after closing and reopening the browser profile with the layer stored.
 *
 * This machine has no GPU. SwiftShader (`--use-angle=swiftshader`) stands in for the laptop's: WebGL and the
 * compositor run on it, as on the e2e tests. The page's own content (panels, text, buttons) is rasterized on the
 * CPU (`--disable-gpu-rasterization`): Skia's GPU rasterizer on SwiftShader compiles each of its shaders to machine
 * code on every start and fills every pixel in software, ~1 s of the reopen that neither a real GPU (fast raster)
 * nor a machine without one (CPU raster) pays. The reopen is also measured with that GPU raster kept, and printed,
 * so the pessimistic figure stays visible. (Software compositing, Chromium's own no-GPU mode, reads the WebGL canvas
 * back on the UI thread every frame: 100–400 ms tasks during an import, so it is not the stand-in.)
 * Reopen is the median of three, next to a bare maplibre page (background only) opened the same way in the same
 * run: the floor this machine's Chromium and SwiftShader set, whatever the app does.
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
/** Where page content is rasterized: 'cpu' is the stand-in the targets are judged by, 'swiftshader' the pessimistic case. */
const RASTER = { cpu: ['--disable-gpu-rasterization'], swiftshader: [] };
const REOPENS = 3;
// LANDPATROL_BENCH_PORT: another port when several checkouts bench on one machine.
export const PORT = Number(process.env.LANDPATROL_BENCH_PORT) || 4179;

/** The built renderer served by `vite preview` on `port` (each bench section has its own, so two can run at once). */
export async function startPreview(root, port = PORT) {
  const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 150; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

export const open = (profile, raster = 'cpu') => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: [...ARGS, ...RASTER[raster]], headless: true, viewport: { width: 1400, height: 900 } });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Starts the browser on `profile`, times navigation to `url` → `shown(page)` resolving, then closes it. */
async function timedOpen(profile, url, shown, raster, screenshot = null) {
  const ctx = await open(profile, raster);
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const t = Date.now();
    await page.goto(url);
    await shown(page);
    const seconds = (Date.now() - t) / 1000;
    if (screenshot) await page.screenshot({ path: screenshot });
    // Nothing moved, so the view and caches stay as they were; give pending writes a moment before closing.
    await page.waitForTimeout(500);
    return seconds;
  } finally {
    await ctx.close();
  }
}

/** Resolves when the map is idle (see renderer/map: data-map-state). */
export const mapIdle = (page, timeout = 60_000) =>
  page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state') === 'idle', null, { timeout, polling: 50 });

/** The 12 drags across the map box and the wheel zooms, the same in the app and on the floor page; then idle. */
export async function dragAndZoom(page, box) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; i < 12; i++) {
    const dx = (i % 2 === 0 ? 1 : -1) * 300;
    const dy = (i % 3 === 0 ? 1 : -1) * 150;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 20 });
    await page.mouse.up();
    if (i % 4 === 3) {
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(300);
      await page.mouse.wheel(0, 600);
    }
  }
  await mapIdle(page);
}

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

/** Imports `files` through the file input and waits until `name` is drawn; closes the result dialog if shown. */
async function importLayer(page, files, name) {
  await page.locator('[data-testid="import-files-input"]').setInputFiles(files);
  await waitShown(page, name, 300_000);
  const ok = page.locator('[data-testid="import-result-ok"]');
  if (await ok.isVisible()) await ok.click();
}

/** Runs the overlay dialog for plot layer `plotName` over `overName`; resolves with the worker's timings. */
async function runOverlay(page, plotName, overName, onProgress = null) {
  const dialog = page.locator('[data-testid="overlay-dialog"]');
  await dialog.locator('[data-testid="overlay-plot-layer"]').selectOption({ label: plotName });
  const box = dialog.locator('label', { hasText: overName }).locator('[data-testid="overlay-layer"]');
  if (!(await box.isChecked())) await box.check();
  const t = Date.now();
  await dialog.locator('[data-testid="overlay-run"]').click();
  const timing = dialog.locator('[data-testid="overlay-timing"]');
  // A new run clears the previous result first, then the timing line comes back for this run.
  await page.waitForFunction(() => !document.querySelector('[data-testid="overlay-timing"]'), null, { timeout: 10_000, polling: 20 }).catch(() => {});
  let progressSeen = 0;
  while (!(await timing.isVisible())) {
    if (onProgress && (await dialog.getByText(/^正在分析/).count()) > 0) progressSeen++;
    await page.waitForTimeout(onProgress ? 200 : 20);
  }
  const text = await timing.textContent();
  const overlayMs = Number(await timing.getAttribute('data-overlay-ms'));
  return { wallSeconds: (Date.now() - t) / 1000, overlayMs, text, progressSeen };
}

/**
 * The on-site comparison in the app: one plot against the stored 50,000-polygon farmland, in the overlay worker.
 * Plot A warms the index (Flatbush and the layer's features read); plot B, elsewhere, is then measured: the
 * worker's own overlay time for it (its candidates are new to GEOS, only the index is warm). Then 3,000 patches
 * with the progress shown, timed, and a run cancelled half-way.
 */
async function benchComparison(page, { plotA, plotB, many, overName }) {
  await importLayer(page, plotA.files, plotA.name);
  await importLayer(page, plotB.files, plotB.name);
  await importLayer(page, many.files, many.name);
  await page.locator('[data-testid="overlay-button"]').click();
  const cold = await runOverlay(page, plotA.name, overName);
  const warm = await runOverlay(page, plotB.name, overName);
  const again = await runOverlay(page, plotA.name, overName);
  const big = await runOverlay(page, many.name, overName, true);
  // Cancel: start again and cancel once progress shows; the dialog is usable afterwards.
  const dialog = page.locator('[data-testid="overlay-dialog"]');
  await dialog.locator('[data-testid="overlay-plot-layer"]').selectOption({ label: plotB.name });
  await dialog.locator('[data-testid="overlay-plot-layer"]').selectOption({ label: many.name });
  await dialog.locator('[data-testid="overlay-run"]').click();
  await dialog.getByText(/^正在分析/).waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: '取消' }).click();
  const cancelled = (await dialog.locator('[data-testid="overlay-run"]').isEnabled()) && (await dialog.getByText(/^正在分析/).count()) === 0;
  await page.keyboard.press('Escape');
  return { coldMs: cold.overlayMs, coldText: cold.text, warmMs: warm.overlayMs, warmText: warm.text, againMs: again.overlayMs, manySeconds: big.wallSeconds, manyText: big.text, progressSeen: big.progressSeen, cancelled };
}

export async function benchAppImport({ root, files, layerName = 'farmland', comparison = null }) {
  const server = await startPreview(root);
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-profile-'));
  try {
    const ctx = await open(profile);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('[data-testid="layer-item"]').first().waitFor({ timeout: 60_000 });
    // First start (sample township written and drawn) is measured on its own, not counted as import.
    await mapIdle(page);
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

    const shown = (p) => waitShown(p, layerName, 120_000);
    const reopen = {};
    for (const raster of Object.keys(RASTER)) {
      const runs = [];
      for (let i = 0; i < REOPENS; i++) runs.push(await timedOpen(profile, `http://127.0.0.1:${PORT}/`, shown, raster, i === 0 ? path.join(root, 'bench', 'out', `reopen-${raster}.png`) : null));
      reopen[raster] = { seconds: median(runs), runs };
    }
    // The comparison last, in its own start: the layers it imports must not weigh on the reopens above.
    let compared = null;
    if (comparison) {
      const cctx = await open(profile);
      try {
        const cpage = cctx.pages()[0] ?? (await cctx.newPage());
        await cpage.goto(`http://127.0.0.1:${PORT}/`);
        await waitShown(cpage, layerName, 120_000);
        compared = await benchComparison(cpage, { ...comparison, overName: layerName });
      } finally {
        await cctx.close();
      }
    }
    return { importSeconds, longestTaskMs, reopen, startupLongestTaskMs, compared };
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

const MEDIA = { '.html': 'text/html', '.mjs': 'text/javascript', '.css': 'text/css' };

/** The floor: a bare maplibre page (scripts/bench/bare-map) opened the way the app is reopened; median of three per raster mode. */
export async function benchBareMap({ root }) {
  const files = {
    '/': path.join(root, 'scripts', 'bench', 'bare-map', 'index.html'),
    '/maplibre-gl.mjs': path.join(root, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl.mjs'),
    '/maplibre-gl-worker.mjs': path.join(root, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs'),
    '/maplibre-gl.css': path.join(root, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl.css'),
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': MEDIA[path.extname(file) || '.html'] }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-bare-'));
  const floor = {};
  try {
    for (const raster of Object.keys(RASTER)) {
      // One warm-up (the browser's code and shader caches fill as they do for the app's first start), then the runs.
      await timedOpen(profile, url, mapIdle, raster);
      const runs = [];
      for (let i = 0; i < REOPENS; i++) runs.push(await timedOpen(profile, url, mapIdle, raster));
      floor[raster] = { seconds: median(runs), runs };
    }
  } finally {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return floor;
}

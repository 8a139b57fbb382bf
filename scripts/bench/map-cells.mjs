/* global window, document, indexedDB -- page.evaluate callbacks run in the browser */
/**
 * The map with ~5,000 coloured cells (issue 10: "pans without a UI task over 50 ms"), in Debian's Chromium on the
 * built renderer, as an officer gets there: the sample township's villages promoted to a grid, each village filled
 * with 38 m cells (≈ 5,000), the township office's weekly rule ticked for every cell, the 考核 panel's map switch on
 * (every cell filled by its status). Then the map is dragged across the township 12 times and zoomed in and out by
 * the wheel, while a PerformanceObserver records every UI-thread task over 50 ms ('longtask').
 * SwiftShader stands in for the GPU, the page content is rasterized on the CPU (app-import.mjs, Decision 14).
 * What fills a long task: `node scripts/bench/pan-trace.mjs --cells` (a diagnostic over the same page).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dragAndZoom, mapIdle, open, PORT, startPreview } from './app-import.mjs';

const CELL_METRES = 38;

/**
 * The app's page with ~5,000 cells coloured by compliance, as an officer gets there (see above); resolves with the
 * cell count once the map is idle with the legend shown.
 */
export async function prepareCells(page) {
  page.setDefaultTimeout(300_000);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('[data-testid="layer-item"]').first().waitFor();
  await mapIdle(page);
  // 网格: the villages of the sample's boundary layer, then ~5,000 cells.
  await page.getByTestId('dock-tab-grid').click();
  const grid = page.getByTestId('grid-panel');
  await grid.getByTestId('grid-promote-open').click();
  await grid.getByTestId('grid-promote-township-name').fill('石桥镇');
  await grid.getByTestId('grid-promote-run').click();
  const rows = grid.getByTestId('grid-row');
  await rows.nth(3).waitFor();
  for (const name of ['青石村', '柳河村', '杏园村']) {
    await rows.filter({ hasText: name }).first().click();
    await grid.getByTestId('grid-generate-size').fill(String(CELL_METRES));
    await grid.getByTestId('grid-generate-run').click();
    await grid.getByTestId('grid-generate-preview').waitFor();
    await grid.getByTestId('grid-generate-save').click();
    await grid.getByTestId('grid-generate-preview').waitFor({ state: 'detached' });
  }
  const cells = await page.locator('[data-testid="grid-row"][data-level="cell"]').count();
  // 考核: the weekly rule for every cell under the township, and the map switch on.
  await rows.filter({ hasText: '石桥镇' }).first().click();
  await page.getByTestId('dock-tab-compliance').click();
  const panel = page.getByTestId('compliance-panel');
  const assign = panel.getByTestId('compliance-assign');
  await assign.getByTestId('compliance-assign-scope').getByText(/其下全部网格单元/).click();
  await assign.locator('[data-testid="compliance-assign-rule"][data-rule-id="default.township-weekly"] input').check();
  await assign.getByTestId('compliance-assign-save').click();
  await assign.getByTestId('compliance-assign-message').waitFor();
  await panel.getByTestId('compliance-show-map').check();
  await page.getByTestId('compliance-legend').waitFor();
  await mapIdle(page);
  await page.waitForTimeout(1500);
  return cells;
}

export async function benchMapCells({ root }) {
  const server = await startPreview(root);
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-cells-'));
  try {
    const ctx = await open(profile);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const cells = await prepareCells(page);
    await page.screenshot({ path: path.join(root, 'bench', 'out', 'map-cells.png') });
    const box = await page.getByTestId('map').boundingBox();
    // The floor's data, from this run: the cells as stored (lon/lat) and the view the drags start from.
    const floorInput = await page.evaluate(readCells);
    await observeLongTasks(page);
    const t0 = Date.now();
    await dragAndZoom(page, box);
    const seconds = (Date.now() - t0) / 1000;
    const tasks = await page.evaluate(() => window.__tasks);
    await ctx.close();
    const floor = await benchFloor(root, { ...floorInput, box });
    return { cells, seconds, longestTaskMs: Math.max(0, ...tasks), tasksOver50: tasks.length, floor };
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Records every UI-thread task over 50 ms from now on (window.__tasks). */
export const observeLongTasks = (page) =>
  page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });


/** In the app's page: the stored cells (raw IndexedDB, lon/lat GeoJSON) and the map's view now (its handle). */
async function readCells() {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('landpatrol');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const areas = await new Promise((resolve, reject) => {
    const r = db.transaction('gridAreas').objectStore('gridAreas').getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  db.close();
  const features = areas
    .filter((a) => a.level === 'cell' && a.geometry)
    .map((a, fid) => ({ type: 'Feature', id: fid, geometry: a.geometry, properties: { fid, status: 'open' } }));
  return { view: document.querySelector('[data-testid="map"]').mapHandle.view(), cells: { type: 'FeatureCollection', features } };
}

// The compliance map's paint (renderer/features/compliance: STATUS_STYLE, STATUS_FILL_BY, STATUS_LINE_BY, 1.5 px).
const STATUS = { done: ['rgba(46,158,68,0.6)', '#1e7a32'], open: ['rgba(127,156,184,0.6)', '#56728f'], dueSoon: ['rgba(242,165,22,0.65)', '#c27c00'], overdue: ['rgba(214,58,47,0.75)', '#a3231a'] };
const statusMatch = (i, fallback) => ['match', ['to-string', ['get', 'status']], ...Object.entries(STATUS).flatMap(([k, v]) => [k, v[i]]), fallback];

const MEDIA = { '.html': 'text/html', '.mjs': 'text/javascript', '.css': 'text/css' };

/**
 * The floor: scripts/bench/bare-map/cells.html, maplibre alone with the same cells and paint in the same box and view,
 * in the same browser and flags, dragged and zoomed the same way.
 */
async function benchFloor(root, { box, view, cells }) {
  const dist = path.join(root, 'node_modules', 'maplibre-gl', 'dist');
  const files = {
    '/': path.join(root, 'scripts', 'bench', 'bare-map', 'cells.html'),
    '/maplibre-gl.mjs': path.join(dist, 'maplibre-gl.mjs'),
    '/maplibre-gl-worker.mjs': path.join(dist, 'maplibre-gl-worker.mjs'),
    '/maplibre-gl.css': path.join(dist, 'maplibre-gl.css'),
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': MEDIA[path.extname(file) || '.html'] }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-cells-floor-'));
  try {
    const ctx = await open(profile);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(300_000);
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => typeof window.__start === 'function');
    await page.evaluate((input) => window.__start(input), { box, view, cells, fill: statusMatch(0, 'rgba(0,0,0,0)'), line: statusMatch(1, '#8a8f98') });
    await mapIdle(page, 300_000);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(root, 'bench', 'out', 'map-cells-floor.png') });
    await observeLongTasks(page);
    const t0 = Date.now();
    await dragAndZoom(page, box);
    const seconds = (Date.now() - t0) / 1000;
    const tasks = await page.evaluate(() => window.__tasks);
    await ctx.close();
    return { cells: cells.features.length, seconds, longestTaskMs: Math.max(0, ...tasks), tasksOver50: tasks.length };
  } finally {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

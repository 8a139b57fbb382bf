/* global window, document, HTMLSelectElement, HTMLInputElement, requestAnimationFrame -- page.evaluate callbacks run in the browser */
/**
 * The inspections section of `npm run bench` (issue 11 item 6: "10,000 stored inspections with 1,000 photos: open the
 * list and filter ≤ 300 ms"), in Debian's Chromium on the built renderer (vite preview), as scripts/bench/map-cells.mjs
 * does it: the app starts once (its database created and the sample stored), then scripts/bench/inspections-entry.ts
 * (bundled here) makes 10,000 records through the record module (createInspection, saves, submission, status moves,
 * every history entry hashed) with their plots and 1,000 photos' metadata, and writes them into the app's IndexedDB.
 * Then, each time in a freshly started page:
 *   - open cold: the 核查 tab clicked as soon as the app is up (the list worker spawned, every record's summary read
 *     from the summary store and checked against the records' keys, filtered, the first rows drawn);
 *   - open warm: the tab clicked after the app's idle warm-up (what an officer gets a few seconds after the start: the
 *     worker has read the summaries and answered the current filter, and the map's programs are compiled);
 *   - filter changes: a status ticked, a township chosen, a word typed: each until the table shows the new rows;
 *   - the longest UI-thread task over all of it (PerformanceObserver 'longtask').
 * Each is timed inside the page (performance.now from the click to the frame that shows the rows). The reference does
 * the same work and no more in the same page: IndexedDB getAll of the raw records and a plain loop filtering them
 * (no validation, no summaries, no worker): the floor of reading 10,000 records in this browser; and getAll of the
 * summary store alone (the floor of what the list reads since the summaries are stored).
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mapIdle, open, PORT, startPreview } from './app-import.mjs';

const N = 10_000;
const PHOTOS = 1_000;

/**
 * Does `act` ({ click } | { select, value } | { input, value }) in the page and resolves with the ms until a frame
 * shows the table settled (its answer is the current filter's) with a filtered count n for which `n op value` holds,
 * and its first row drawn. No eval in the page: the app's CSP forbids it.
 */
function timedInPage(page, act, op, value) {
  return page.evaluate(
    async ({ act, op, value }) => {
      const count = () => Number(document.querySelector('[data-testid="inspection-list-total"]')?.getAttribute('data-n') ?? NaN);
      const ready = () => {
        const t = document.querySelector('[data-testid="inspection-list-table"]');
        if (!t || t.getAttribute('data-pending') !== 'false') return false;
        const n = count();
        const ok = op === '<' ? n < value : op === '>' ? n > value : n === value;
        return ok && (n === 0 || !!document.querySelector('[data-testid="inspection-list-row"]'));
      };
      const t0 = performance.now();
      if (act.click) document.querySelector(act.click).click();
      else {
        const el = document.querySelector(act.select ?? act.input);
        const proto = act.select ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, act.value);
        el.dispatchEvent(new Event(act.select ? 'change' : 'input', { bubbles: true }));
      }
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if (ready()) return { ms: performance.now() - t0, n: count() };
        if (performance.now() - t0 > 120_000) throw new Error(`not shown after 120 s (${JSON.stringify(act)})`);
      }
    },
    { act, op, value },
  );
}

const TABLE = '[data-testid="inspection-list-table"]';
const TAB = '[data-testid="dock-tab-inspectionList"]';

async function startApp(ctx) {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(300_000);
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('[data-testid="dock-tab-inspectionList"]').waitFor();
  return page;
}

export async function benchInspections({ root }) {
  const bundle = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'scripts', 'bench', 'inspections-entry.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  const code = bundle.outputFiles[0].text;
  const server = await startPreview(root);
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-inspections-'));
  try {
    // The first start: the app creates its database and stores the sample; then the records go in.
    let ctx = await open(profile);
    let page = await startApp(ctx);
    await page.locator('[data-testid="layer-item"]').first().waitFor();
    await mapIdle(page);
    await page.evaluate(code);
    const seeded = await page.evaluate(([n, p]) => window.__lpBenchInspections.seed(n, p), [N, PHOTOS]);
    console.log(
      `  stored ${seeded.records.toLocaleString('en-US')} inspections (${Object.entries(seeded.statuses)
        .map(([s, k]) => `${s} ${k}`)
        .join(', ')}) and ${seeded.photos.toLocaleString('en-US')} photos' metadata: made in ${(seeded.makeMs / 1000).toFixed(1)} s, written in ${(seeded.writeMs / 1000).toFixed(1)} s`,
    );
    await ctx.close();

    // Cold: the tab clicked as soon as it exists (before the idle warm-up starts at 3 s).
    ctx = await open(profile);
    page = await startApp(ctx);
    const { ms: coldMs } = await timedInPage(page, { click: TAB }, '>', 0);
    const coldRead = Number(await page.locator(TABLE).getAttribute('data-read-ms'));
    const total = Number(await page.getByTestId('inspection-list-total').getAttribute('data-total'));
    const coldTasks = await page.evaluate(() => window.__tasks.splice(0));
    await ctx.close();

    // Warm: the app left idle for 8 s first (its warm-up reads the records in the list worker).
    ctx = await open(profile);
    page = await startApp(ctx);
    await page.locator('[data-testid="layer-item"]').first().waitFor();
    await mapIdle(page);
    await page.waitForTimeout(8000);
    await page.evaluate(() => window.__tasks.splice(0));
    const { ms: warmMs, n: before } = await timedInPage(page, { click: TAB }, '>', 0);
    // The map's 10,000 plots and pins by status (on by default), until the map is idle again.
    const tMap = Date.now();
    await page.getByTestId('inspection-list-legend-count').first().filter({ hasNotText: '…' }).waitFor();
    await mapIdle(page);
    const mapShownMs = Date.now() - tMap;
    const openTasks = await page.evaluate(() => window.__tasks.splice(0));
    const filtersWith = async (label) => {
      // Filter changes, each until the table shows the filtered rows.
      const { ms: statusMs, n: afterStatus } = await timedInPage(page, { click: '[data-testid="inspection-list-status"][data-status="stopped"]' }, '<', before);
      const { ms: townshipMs, n: afterTownship } = await timedInPage(page, { select: '[data-testid="inspection-list-township"]', value: '杏园镇' }, '<', afterStatus);
      const { ms: clearedMs } = await timedInPage(page, { click: '[data-testid="inspection-list-clear"]' }, '=', total);
      const { ms: searchMs, n: afterSearch } = await timedInPage(page, { input: '[data-testid="inspection-list-search"]', value: '王三' }, '<', total);
      const queryMs = Number(await page.locator(TABLE).getAttribute('data-query-ms'));
      await page.getByTestId('inspection-list-clear').click();
      await mapIdle(page);
      await page.waitForTimeout(1500);
      const tasks = await page.evaluate(() => window.__tasks.splice(0));
      return { label, statusMs, townshipMs, clearedMs, searchMs, counts: [before, afterStatus, afterTownship, afterSearch], queryMs, longestTaskMs: Math.max(0, ...tasks) };
    };
    const withMap = await filtersWith('map on');
    await page.getByTestId('inspection-list-show-map').uncheck();
    await mapIdle(page);
    await page.waitForTimeout(500);
    await page.evaluate(() => window.__tasks.splice(0));
    const withoutMap = await filtersWith('map off');
    await page.getByTestId('inspection-list-show-map').check();
    await page.getByTestId('inspection-list-legend').waitFor();
    await mapIdle(page);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(root, 'bench', 'out', 'inspections.png') });
    const warmTasks = await page.evaluate(() => window.__tasks.splice(0));
    // The reference in the same page: getAll of the raw records and a plain filter.
    await page.evaluate(code);
    const ref = await page.evaluate(() => window.__lpBenchInspections.reference('stopped', '杏园镇'));
    console.log(`  reference, same page: IndexedDB getAll of the summary store alone ${ref.summariesReadMs.toFixed(0)} ms (the list's read was ${coldRead.toFixed(0)} ms cold)`);
    await ctx.close();
    return {
      total,
      coldMs,
      coldReadMs: coldRead,
      warmMs,
      mapShownMs,
      openLongestTaskMs: Math.max(0, ...openTasks),
      coldLongestTaskMs: Math.max(0, ...coldTasks, ...warmTasks),
      withMap,
      withoutMap,
      ref,
    };
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

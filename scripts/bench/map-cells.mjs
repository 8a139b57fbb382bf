/* global window -- page.evaluate callbacks run in the browser */
/**
 * The map with ~5,000 coloured cells (issue 10: "pans without a UI task over 50 ms"), in Debian's Chromium on the
 * built renderer, as an officer gets there: the sample township's villages promoted to a grid, each village filled
 * with 38 m cells (≈ 5,000), the township office's weekly rule ticked for every cell, the 考核 panel's map switch on
 * (every cell filled by its status). Then the map is dragged across the township 12 times and zoomed in and out by
 * the wheel, while a PerformanceObserver records every UI-thread task over 50 ms ('longtask').
 * SwiftShader stands in for the GPU, the page content is rasterized on the CPU (app-import.mjs, Decision 14).
 * LP_PROFILE=1 also records a Chromium trace of the pans and prints each task over 50 ms on any thread with the
 * longest events inside it (the GPU process's frames show up there as 0.6–1.1 s tasks on this machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mapIdle, open, PORT, startPreview } from './app-import.mjs';

const CELL_METRES = 38;

export async function benchMapCells({ root }) {
  const server = await startPreview(root);
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-cells-'));
  try {
    const ctx = await open(profile);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
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
    let cells = 0;
    for (const name of ['青石村', '柳河村', '杏园村']) {
      await rows.filter({ hasText: name }).first().click();
      await grid.getByTestId('grid-generate-size').fill(String(CELL_METRES));
      await grid.getByTestId('grid-generate-run').click();
      await grid.getByTestId('grid-generate-preview').waitFor();
      await grid.getByTestId('grid-generate-save').click();
      await grid.getByTestId('grid-generate-preview').waitFor({ state: 'detached' });
    }
    cells = await page.locator('[data-testid="grid-row"][data-level="cell"]').count();
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
    await page.screenshot({ path: path.join(root, 'bench', 'out', 'map-cells.png') });

    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const cdp = process.env.LP_PROFILE ? await page.context().newCDPSession(page) : null;
    const traceEvents = [];
    if (cdp) {
      cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink,gpu,cc', transferMode: 'ReportEvents' });
    }
    const box = await page.getByTestId('map').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const t0 = Date.now();
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
    const seconds = (Date.now() - t0) / 1000;
    const tasks = await page.evaluate(() => window.__tasks);
    if (cdp) {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      // The long tasks of the page's main thread and what ran inside each (complete events nested in time).
      const main = traceEvents.filter((e) => e.ph === 'X' && e.dur);
      const longTasks = main.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 50_000);
      for (const t of longTasks.slice(0, 12)) {
        const inside = main
          .filter((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 5_000)
          .sort((a, b) => b.dur - a.dur)
          .slice(0, 6)
          .map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${(e.dur / 1000).toFixed(0)}`);
        console.log(`task ${(t.dur / 1000).toFixed(0)} ms tid ${t.tid}: ${inside.join(' | ')}`);
      }
    }
    await ctx.close();
    return { cells, seconds, longestTaskMs: Math.max(0, ...tasks), tasksOver50: tasks.length };
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

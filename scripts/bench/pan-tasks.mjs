/* global window -- page.evaluate callbacks run in the browser */
/**
 * Where the long UI tasks of a pan go: the built app with its sample township, dragged 12 times and zoomed 3 times
 * (as map-cells.mjs and geotiff.mjs's control do) under the V8 sampling profiler, while a PerformanceObserver records
 * every task over 50 ms. For each such task the samples inside it are summed by function (self time), so a long
 * task is named by what ran in it. A diagnostic, not a target: `node scripts/bench/pan-tasks.mjs` after a build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dragAndZoom, mapIdle, open, PORT, startPreview } from './app-import.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Self time by function of the samples between `fromUs` and `toUs` (the profile's own clock). */
function selfTimeIn(profile, fromUs, toUs) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromUs || t > toUs) return;
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

const server = await startPreview(root);
const dir = mkdtempSync(path.join(tmpdir(), 'lp-pan-tasks-'));
try {
  const ctx = await open(dir);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(300_000);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('[data-testid="layer-item"]').first().waitFor();
  await mapIdle(page);
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  await cdp.send('Profiler.start');
  const startedAt = await page.evaluate(() => performance.now());
  await dragAndZoom(page, await page.getByTestId('map').boundingBox());
  const { profile } = await cdp.send('Profiler.stop');
  const tasks = await page.evaluate(() => window.__tasks);
  console.log(`${tasks.length} tasks over 50 ms; longest ${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms`);
  // The profile's clock (µs) against the page's performance.now() (ms): its start is the moment the profiler started.
  const offsetUs = profile.startTime - startedAt * 1000;
  for (const task of tasks) {
    const from = offsetUs + task.start * 1000;
    const top = selfTimeIn(profile, from, from + task.duration * 1000).slice(0, 8);
    console.log(`task at ${(task.start - startedAt).toFixed(0)} ms, ${task.duration.toFixed(0)} ms:`);
    for (const [k, us] of top) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
  }
  await ctx.close();
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}

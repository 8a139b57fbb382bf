/* global window -- page.evaluate callbacks run in the browser */
/**
 * Where the long UI tasks of a pan go. A diagnostic, not a target: `node scripts/bench/pan-trace.mjs [--cells]` after
 * a build, `--at-start` to pan from the first idle on, or `--mbtiles FILE` over an opened tile package. The built app (its sample township, or with --cells the ~5,000 coloured cells of map-cells.mjs) is dragged
 * and zoomed as the benches do, under a Chromium trace with V8's sampling profiler inside it (one clock for both).
 * For every task over 50 ms on the page's main thread (CrRendererMain) it prints the trace events nested in it, in
 * order (name@offset+duration, ms), and the JS self time by function inside it, named through the bundle's source
 * maps (file:line of our code or maplibre's). LP_DIAG=1 also prints the page's console lines that start with DIAG
 * (a console.warn('DIAG …') put in for one run).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';
import { dragAndZoom, mapIdle, open, PORT, startPreview } from './app-import.mjs';
import { observeLongTasks, prepareCells } from './map-cells.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const assets = path.join(root, 'dist', 'renderer', 'assets');
const maps = new Map();

/** `fn file:line` through the asset's source map where there is one. */
function named(frame) {
  const file = frame.url.split('/').pop() ?? '';
  if (!file.endsWith('.js')) return `${frame.functionName || '(anonymous)'} ${file}`;
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMapConsumer(JSON.parse(readFileSync(path.join(assets, `${file}.map`), 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  const pos = maps.get(file)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!pos?.source) return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
  const src = pos.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
  return `${pos.name || frame.functionName || '(anonymous)'} ${src}:${pos.line}`;
}

/**
 * The trace's CPU samples of one thread: [{ ts (trace µs), frame }]. Its Profile event is on the thread; the
 * ProfileChunk events (on the sampler's thread) carry the same id.
 */
function samplesOf(events, pid, tid) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const nodes = new Map();
  const out = [];
  let ts = profile.args.data.startTime;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
    const p = e.args.data.cpuProfile ?? {};
    for (const n of p.nodes ?? []) nodes.set(n.id, n.callFrame);
    const deltas = e.args.data.timeDeltas ?? [];
    (p.samples ?? []).forEach((id, i) => {
      ts += deltas[i] ?? 0;
      out.push({ ts, frame: nodes.get(id) });
    });
  }
  return out;
}

const server = await startPreview(root);
const dir = mkdtempSync(path.join(tmpdir(), 'lp-pan-trace-'));
try {
  const ctx = await open(dir);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(300_000);
  if (process.env.LP_DIAG) page.on('console', (m) => m.text().startsWith('DIAG') && console.log(m.text()));
  const mbtiles = process.argv.indexOf('--mbtiles');
  if (process.argv.includes('--cells')) console.log(`${await prepareCells(page)} cells`);
  else if (mbtiles > 0) {
    // --mbtiles FILE: the package opened through 打开影像 (the file input), as imagery.mjs does, then the pans.
    await page.addInitScript(() => delete window.showOpenFilePicker);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('[data-testid="layer-item"]').first().waitFor();
    await mapIdle(page);
    await page.getByTestId('imagery-files-input').setInputFiles(process.argv[mbtiles + 1]);
    await page.getByText(/已打开影像/).waitFor();
    await mapIdle(page);
  } else {
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('[data-testid="layer-item"]').first().waitFor();
    await mapIdle(page);
    // --at-start: the pans begin at the first idle, as geotiff.mjs's control does (the start's idle work still to run).
    if (!process.argv.includes('--at-start')) await page.waitForTimeout(3000);
  }
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink,gpu,cc,v8,devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReportEvents',
  });
  await observeLongTasks(page);
  const t0 = Date.now();
  await dragAndZoom(page, await page.getByTestId('map').boundingBox());
  const seconds = (Date.now() - t0) / 1000;
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const tasks = await page.evaluate(() => window.__tasks);
  await ctx.close();
  if (process.env.LP_TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.LP_TRACE_OUT, JSON.stringify(events));
  console.log(`pans ${seconds.toFixed(1)} s; long tasks (PerformanceObserver): ${tasks.map((t) => t.toFixed(0)).join(' ') || 'none'}`);
  const mainThread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const { pid, tid } = mainThread;
  const onMain = events.filter((e) => e.ph === 'X' && e.dur && e.pid === pid && e.tid === tid);
  const samples = samplesOf(events, pid, tid);
  for (const t of onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 50_000)) {
    const inside = onMain
      .filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 3_000)
      .sort((a, b) => a.ts - b.ts)
      .map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}@${((e.ts - t.ts) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(0)}`);
    console.log(`\ntask ${(t.dur / 1000).toFixed(0)} ms: ${inside.join(' | ')}`);
    const self = new Map();
    const within = samples.filter((s) => s.ts >= t.ts && s.ts <= t.ts + t.dur);
    within.forEach((s, i) => {
      const next = within[i + 1]?.ts ?? t.ts + t.dur;
      const key = s.frame?.url ? named(s.frame) : (s.frame?.functionName ?? '(unknown)');
      self.set(key, (self.get(key) ?? 0) + (next - s.ts));
    });
    for (const [k, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${(us / 1000).toFixed(1).padStart(6)} ms  ${k}`);
  }
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}

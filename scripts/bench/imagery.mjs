/* global window -- page.evaluate callbacks run in the browser */
/**
 * Bench section `imagery` (issue 12): a 2 GB MBTiles written once into the temp folder by the sqlite3 CLI (70,000
 * z17 tiles: one real PNG of the sample padded with 30 KB of random bytes, as large as aerial JPEG tiles), then
 * opened by OUR reader (shared/formats/tiles/mbtiles.ts: wa-sqlite over byte ranges, the same code the tile worker
 * runs, here over fs.readSync instead of FileReaderSync) and 500 random tiles read; the reference is the sqlite3
 * CLI (the SQLite C library) opening the same file and reading the same tiles, in the same run.
 * Run: node scripts/bench/imagery.mjs   (or npm run bench -- --only imagery)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const COLS = 280;
const TILES = 70_000;
const X0 = 106_000;
const TMS0 = 79_000;
const lonOf = (x) => (x / 2 ** 17) * 360 - 180;
const latOf = (y) => (180 / Math.PI) * Math.atan(Math.sinh(Math.PI - (2 * Math.PI * y) / 2 ** 17));
/** The package's stated bounds: exactly its tiles (XYZ rows from the TMS ones). */
const BOUNDS = [lonOf(X0), latOf(2 ** 17 - TMS0), lonOf(X0 + COLS), latOf(2 ** 17 - 1 - (TMS0 + TILES / COLS - 1))];

export async function benchImagery(root) {
  const file = path.join(tmpdir(), 'landpatrol-bench-2gb.mbtiles');
  if (!existsSync(file) || statSync(file).size < 2e9 || !execFileSync('sqlite3', [file, "SELECT value FROM metadata WHERE name = 'bounds'"]).toString().startsWith(String(BOUNDS[0]))) {
    rmSync(file, { force: true });
    const png = path.join(tmpdir(), 'landpatrol-bench-tile.png');
    const sample = path.join(root, 'resources/sample/imagery/青石镇示例影像.mbtiles');
    execFileSync('sqlite3', [sample, `SELECT writefile('${png}', tile_data) FROM tiles WHERE zoom_level = 17 LIMIT 1`]);
    const t0 = performance.now();
    execFileSync('sqlite3', [
      file,
      `PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
       CREATE TABLE metadata (name TEXT, value TEXT);
       INSERT INTO metadata VALUES ('name', 'bench 2 GB'), ('format', 'png'), ('minzoom', '17'), ('maxzoom', '17'),
         ('bounds', '${BOUNDS.join(',')}');
       CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
       CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
       WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${TILES - 1})
       INSERT INTO tiles SELECT 17, ${X0} + i % ${COLS}, ${TMS0} + i / ${COLS}, CAST(readfile('${png}') || randomblob(30000) AS BLOB) FROM n;`,
    ]);
    console.log(`  wrote ${file} (${(statSync(file).size / 1e9).toFixed(2)} GB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const size = statSync(file).size;
  mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
  // Beside the repository's node_modules, so the wasm build resolves from the bundle.
  const entry = path.join(root, 'bench', 'out', 'imagery-reader.mjs');
  await build({
    stdin: {
      contents: `export { createSqliteRuntime, openMbtiles } from './shared/formats/tiles/mbtiles';\nexport { loadSqliteForNode } from './tests/support/wa-sqlite-node';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: entry,
    logLevel: 'warning',
    external: ['@journeyapps/wa-sqlite/dist/wa-sqlite.mjs'],
  });
  const { createSqliteRuntime, openMbtiles, loadSqliteForNode } = await import(entry);
  const rt = createSqliteRuntime(await loadSqliteForNode());
  const fd = openSync(file, 'r');
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const reader = await openMbtiles(rt, {
    size,
    read: (o, l) => {
      const b = new Uint8Array(l);
      readSync(fd, b, 0, l, o);
      return b;
    },
  });
  const openMs = performance.now() - t0;
  const bytesAtOpen = rt.vfs.bytesRead;
  // 500 tiles spread over the package (deterministic), XYZ rows.
  const picks = Array.from({ length: 500 }, (_, k) => (k * 7919) % TILES).map((i) => ({ x: X0 + (i % COLS), tms: TMS0 + Math.floor(i / COLS) }));
  const t1 = performance.now();
  let bytes = 0;
  for (const p of picks) bytes += (await reader.tile(17, p.x, 2 ** 17 - 1 - p.tms))?.byteLength ?? 0;
  const tileMs = (performance.now() - t1) / picks.length;
  const peakRssMb = (Math.max(process.memoryUsage().rss, rss0) / 1e6).toFixed(0);
  // The reference: the sqlite3 CLI, a fresh process opening the file and reading the same tiles.
  const sql = `.timer off\n${picks.map((p) => `SELECT length(tile_data) FROM tiles WHERE zoom_level = 17 AND tile_column = ${p.x} AND tile_row = ${p.tms};`).join('\n')}\n`;
  const sqlFile = path.join(tmpdir(), 'landpatrol-bench-tiles.sql');
  writeFileSync(sqlFile, sql);
  const t2 = performance.now();
  execFileSync('sqlite3', ['-readonly', file, 'SELECT count(*) FROM metadata']);
  const cliOpenMs = performance.now() - t2;
  const t3 = performance.now();
  const refBytes = execFileSync('sqlite3', ['-readonly', file, `.read ${sqlFile}`])
    .toString()
    .trim()
    .split('\n')
    .reduce((s, v) => s + Number(v), 0);
  const cliTileMs = (performance.now() - t3 - cliOpenMs) / picks.length;
  await reader.close();
  const app = process.argv.includes('--skip-app') ? null : await benchImageryApp(root, file);
  return { size, openMs, bytesAtOpen, tileMs, bytes, refBytes, cliOpenMs, cliTileMs, peakRssMb, app };
}

/**
 * The same file opened in the built app in Chromium through 打开影像包 (the file input): the time from the pick to
 * the layer's notice, then 12 drags and 3 wheel zooms over the package while a PerformanceObserver records every UI
 * task over 50 ms (as map-cells.mjs does); the page's JS heap after.
 */
async function benchImageryApp(root, file) {
  const { dragAndZoom, open, PORT, startPreview, mapIdle } = await import('./app-import.mjs');
  const server = await startPreview(root);
  const profile = mkdtempSync(path.join(tmpdir(), 'lp-bench-imagery-'));
  try {
    const ctx = await open(profile);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(300_000);
    await page.addInitScript(() => delete window.showOpenFilePicker);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('[data-testid="layer-item"]').first().waitFor();
    await mapIdle(page);
    const t0 = Date.now();
    await page.getByTestId('imagery-files-input').setInputFiles(file);
    await page.getByText('已打开影像“bench 2 GB”').waitFor();
    const openMs = Date.now() - t0;
    await mapIdle(page);
    const firstDrawMs = Date.now() - t0;
    await page.screenshot({ path: path.join(root, 'bench', 'out', 'imagery-2gb.png') });
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await dragAndZoom(page, await page.getByTestId('map').boundingBox());
    const tasks = await page.evaluate(() => window.__tasks);
    const heapMb = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null));
    await ctx.close();
    return { openMs, firstDrawMs, longestTaskMs: Math.max(0, ...tasks), tasksOver50: tasks.length, heapMb };
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchImagery(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'));
  console.log(JSON.stringify(r, null, 1));
}

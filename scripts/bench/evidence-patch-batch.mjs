/**
 * Issue 13 item 6, 批量导出证据 over a whole 卫片图斑 layer: "100 … in one batch, time printed" (no target). In Debian's
 * Chromium on the built renderer with the Electron stand-in of scripts/bench/evidence.mjs (printToPdf = Playwright's
 * page.pdf, Chromium's print pipeline as Electron's printToPDF; saveFile takes the zip):
 * - a 卫片图斑 layer of N patches (default 100: 80 × 60 m rectangles, 10 × 10 over the sample township, JCBH
 *   WPB2026001…) written here as a polygon shapefile in CGCS2000 3° GK zone 39 and imported through 导入图层;
 * - the layer's row › 批量导出证据… (source: the layer), 导出 → the zip saved: each patch compared now with the office's
 *   roles (the comparison worker), its map sheet and 面积表, the imagery for its frame at 300 dpi, the 300-dpi PNG,
 *   the PDF, the 报盘 file, the manifest; then one zip. Time from 导出 to the zip saved, its size, the dialog's line.
 * Run: node scripts/bench/evidence-patch-batch.mjs [N]   (after `npx vite build`)
 */

import path from 'node:path';
import { zipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { startPreview as startAppPreview } from './app-import.mjs';
import { installBenchBridge } from './evidence.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-rasterization'];
const PORT = Number(process.env.LANDPATROL_BENCH_PATCH_BATCH_PORT ?? 4188);
const PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

const startPreview = (root) => startAppPreview(root, PORT);

/** N rectangles (E, N with the zone prefix), clockwise as a shapefile's outer ring, closed. */
function patchRings(n) {
  const out = [];
  for (let k = 0; k < n; k++) {
    const c = k % 10;
    const r = Math.floor(k / 10) % 10;
    const e0 = 39_498_100 + c * 290 + Math.floor(k / 100) * 20;
    const n0 = 3_879_100 + r * 240 + Math.floor(k / 100) * 15;
    out.push([
      [e0, n0],
      [e0, n0 + 60],
      [e0 + 80, n0 + 60],
      [e0 + 80, n0],
      [e0, n0],
    ]);
  }
  return out;
}

/** A polygon shapefile (.shp, .shx) and its .dbf (JCBH C 20, ASCII) of these rings (one part each). */
function shapefile(rings, jcbh) {
  const recLen = (ring) => 4 + 32 + 4 + 4 + 4 + ring.length * 16; // content bytes
  const all = rings.flat();
  const bbox = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
  const shpLen = 100 + rings.reduce((s, r) => s + 8 + recLen(r), 0);
  const shp = Buffer.alloc(shpLen);
  const shx = Buffer.alloc(100 + rings.length * 8);
  const header = (b, len) => {
    b.writeInt32BE(9994, 0);
    b.writeInt32BE(len / 2, 24);
    b.writeInt32LE(1000, 28);
    b.writeInt32LE(5, 32);
    bbox.forEach((v, i) => b.writeDoubleLE(v, 36 + i * 8));
  };
  header(shp, shpLen);
  header(shx, shx.length);
  let o = 100;
  rings.forEach((ring, i) => {
    shx.writeInt32BE(o / 2, 100 + i * 8);
    shx.writeInt32BE(recLen(ring) / 2, 104 + i * 8);
    shp.writeInt32BE(i + 1, o);
    shp.writeInt32BE(recLen(ring) / 2, o + 4);
    let p = o + 8;
    shp.writeInt32LE(5, p);
    const xs = ring.map((q) => q[0]);
    const ys = ring.map((q) => q[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => shp.writeDoubleLE(v, p + 4 + k * 8));
    shp.writeInt32LE(1, p + 36);
    shp.writeInt32LE(ring.length, p + 40);
    shp.writeInt32LE(0, p + 44);
    p += 48;
    for (const [x, y] of ring) {
      shp.writeDoubleLE(x, p);
      shp.writeDoubleLE(y, p + 8);
      p += 16;
    }
    o = p;
  });
  const width = 20;
  const dbf = Buffer.alloc(32 + 32 + 1 + rings.length * (1 + width) + 1, 0x20);
  dbf.fill(0, 0, 65);
  dbf.writeUInt8(3, 0);
  dbf.writeUInt8(126, 1);
  dbf.writeUInt8(12, 2);
  dbf.writeUInt8(2, 3);
  dbf.writeUInt32LE(rings.length, 4);
  dbf.writeUInt16LE(65, 8);
  dbf.writeUInt16LE(1 + width, 10);
  dbf.write('JCBH', 32, 'ascii');
  dbf.write('C', 43, 'ascii');
  dbf.writeUInt8(width, 48);
  dbf.writeUInt8(0x0d, 64);
  jcbh.forEach((v, i) => dbf.write(v.padEnd(width, ' '), 65 + i * (1 + width) + 1, 'ascii'));
  dbf.writeUInt8(0x1a, dbf.length - 1);
  return { shp, shx, dbf };
}

/** The stand-in of scripts/bench/evidence.mjs: printToPdf → page.pdf, saveFile → the bench (name, size, time). */
export async function benchPatchBatch(root, { patches = 100 } = {}) {
  const server = await startPreview(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const state = { saved: [], pdfs: 0 };
    await installBenchBridge(page, { saved: state.saved, onPdf: () => state.pdfs++ });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByTestId('layer-item').first().waitFor({ timeout: 120_000 });
    const jcbh = Array.from({ length: patches }, (_, i) => `WPB2026${String(i + 1).padStart(3, '0')}`);
    const { shp, shx, dbf } = shapefile(patchRings(patches), jcbh);
    const zip = Buffer.from(zipSync({ 'WPTB100.shp': shp, 'WPTB100.shx': shx, 'WPTB100.dbf': dbf, 'WPTB100.prj': new TextEncoder().encode(PRJ) }));
    await page.getByTestId('import-files-input').setInputFiles({ name: 'WPTB100.zip', mimeType: 'application/zip', buffer: zip });
    await page.getByTestId('import-result-ok').click({ timeout: 180_000 });
    const row = page.locator('[data-testid="layer-item"][data-layer-name="WPTB100"]');
    await row.waitFor({ timeout: 60_000 });
    await row.click({ button: 'right' });
    await page.getByTestId('ctx-layer-evidence-batch').click();
    const dialog = page.getByTestId('evidence-batch-dialog');
    await dialog.getByTestId('evidence-batch-plan').filter({ hasText: '其中' }).waitFor({ timeout: 60_000 });
    const plan = await dialog.getByTestId('evidence-batch-plan').textContent();
    const t0 = performance.now();
    await dialog.getByTestId('evidence-batch-export').click();
    await dialog.getByTestId('evidence-batch-done').waitFor({ timeout: 3_600_000 });
    const saved = state.saved.at(-1);
    return { patches, plan, ms: saved.at - t0, zipBytes: saved.size, pdfs: state.pdfs, done: await dialog.getByTestId('evidence-batch-done').textContent() };
  } finally {
    await browser.close();
    server.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const r = await benchPatchBatch(root, { patches: Number(process.argv[2] ?? 100) });
  console.log(
    `patch-layer batch of ${r.patches} patches (${r.plan}): ${(r.ms / 1000).toFixed(1)} s, ${(r.ms / r.patches / 1000).toFixed(2)} s per patch, ` +
      `${r.pdfs} PDFs, zip ${(r.zipBytes / 1024 / 1024).toFixed(1)} MB — ${r.done}`,
  );
}

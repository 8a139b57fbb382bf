/**
 * The in-app overlay on real data, checked against an independent engine: plots drawn over the banzhucun
 * village (made with GDAL's ogr2ogr, not our code), overlaid with its land classes grouped by DLMC in the
 * app, exported as CSV, and compared with GEOS/PROJ through scripts/overlay-reference.py.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptImport, openApp, REAL_DATA, screenshot, watchConsole } from './helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VILLAGE = path.join(REAL_DATA, 'banzhucun');
// The village's lon/lat extent (GDAL: ogrinfo -al -so after ogr2ogr -t_srs EPSG:4490).
const [W, S, E, N] = [106.11197606, 29.58185958, 106.1627054, 29.61035275];

function plotsShapefile(dir: string): { geojson: string; parts: string[] } {
  const box = (id: string, fx0: number, fy0: number, fx1: number, fy1: number) => {
    const x0 = W + (E - W) * fx0,
      x1 = W + (E - W) * fx1,
      y0 = S + (N - S) * fy0,
      y1 = S + (N - S) * fy1;
    return {
      type: 'Feature',
      properties: { id, JCBH: id },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
            [x0, y0],
          ],
        ],
      },
    };
  };
  const fc = {
    type: 'FeatureCollection',
    features: [box('WP01', 0.42, 0.35, 0.47, 0.41), box('WP02', 0.6, 0.55, 0.62, 0.6), box('WP03', 0.96, 0.9, 1.04, 1.03)],
  };
  const geojson = path.join(dir, 'plots.geojson');
  fs.writeFileSync(geojson, JSON.stringify(fc));
  const shp = path.join(dir, 'plots.shp');
  const r = spawnSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-a_srs', 'EPSG:4490', '-lco', 'ENCODING=UTF-8', shp, geojson], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { geojson, parts: ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => path.join(dir, `plots.${e}`)) };
}

test('overlay in the app agrees with GEOS on real land classes (CSV export)', async ({ page }, info) => {
  test.setTimeout(240_000);
  const consoleWatch = watchConsole(page);
  // Playwright's own output folder for this test: emptied by the next run, never left in /tmp.
  const dir = info.outputPath('plots');
  fs.mkdirSync(dir, { recursive: true });
  const plots = plotsShapefile(dir);
  await openApp(page);

  await page.getByTestId('import-folder-input').setInputFiles(VILLAGE);
  await acceptImport(page);
  await page.getByTestId('import-files-input').setInputFiles(plots.parts);
  await acceptImport(page);

  await page.getByTestId('overlay-button').click();
  const dialog = page.getByTestId('overlay-dialog');
  await dialog.getByTestId('overlay-plot-layer').selectOption({ label: 'plots' });
  const village = dialog.locator('label', { hasText: '斑竹村10000' }).filter({ has: page.getByTestId('overlay-layer') });
  await village.getByTestId('overlay-layer').check();
  await village.locator('select[title="分组字段"]').selectOption('DLMC');
  await dialog.getByTestId('overlay-run').click();
  await expect(dialog.getByTestId('overlay-table')).toBeVisible({ timeout: 120_000 });
  await screenshot(page, info, '10-overlay-banzhucun');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('overlay-export').click()]);
  const csv = fs
    .readFileSync((await download.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  const [head, ...rows] = csv;

  const ref = spawnSync(
    '/usr/bin/python3',
    [path.join(ROOT, 'scripts/overlay-reference.py'), plots.geojson, `${path.join(VILLAGE, '斑竹村10000.shp')}:DLMC`],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  expect(ref.status, ref.stderr).toBe(0);
  type RefPlot = { id: string; planarM2: number; overlaps: { group: string; planarM2: number }[]; uncoveredPlanarM2: number };
  const refPlots = (JSON.parse(ref.stdout) as { plots: RefPlot[] }).plots;
  expect(rows.map((r) => r[0])).toEqual(refPlots.map((p) => p.id));

  const col = (label: string) => head!.findIndex((h) => h.startsWith(`${label}(`));
  for (const row of rows) {
    const p = refPlots.find((x) => x.id === row[0])!;
    // CSV figures are printed to 0.01 m²: the total is rounded (within 0.005), a block's parts are apportioned so
    // they add up to it (each within 0.01 of its exact figure, overlay-table.ts); plus 1e-6 of the plot.
    const tol = 0.006 + 1e-6 * p.planarM2;
    const partTol = 0.011 + 1e-6 * p.planarM2;
    expect(Math.abs(Number(row[1]) - p.planarM2)).toBeLessThan(tol);
    for (const o of p.overlaps) {
      const i = col(`斑竹村10000·${o.group}`);
      expect(i, `column for ${o.group}`).toBeGreaterThan(0);
      expect(Math.abs(Number(row[i]) - o.planarM2), `${p.id} ${o.group}`).toBeLessThan(partTol);
    }
    const u = head!.findIndex((h) => h.startsWith('斑竹村10000·') && h.includes('其他/未覆盖') && !h.includes('亩'));
    expect(Math.abs(Number(row[u]) - p.uncoveredPlanarM2)).toBeLessThan(partTol);
  }
  expect(refPlots.find((p) => p.id === 'WP03')!.uncoveredPlanarM2).toBeGreaterThan(0); // hangs over the edge

  // The command line on the same files prints the same figures: the same engine, the same rules. Totals are the
  // same to the cent; a block's parts are apportioned at each one's printed digits (CSV 0.01, JSON 0.001 m²).
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist/cli/landpatrol.mjs'), 'overlay', '--plots', plots.parts[0]!, '--with', `${path.join(VILLAGE, '斑竹村10000.shp')}:DLMC`],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  expect(cli.status, cli.stderr).toBe(0);
  type CliPlot = { id: string; area: { planarM2: number }; overlaps: { group: string; area: { planarM2: number } }[]; complete: boolean };
  const cliPlots = (JSON.parse(cli.stdout) as { plots: CliPlot[] }).plots;
  expect(cliPlots.map((p) => p.id)).toEqual(rows.map((r) => r[0]));
  for (const row of rows) {
    const p = cliPlots.find((x) => x.id === row[0])!;
    expect(p.complete).toBe(true);
    expect(p.area.planarM2.toFixed(2)).toBe(Number(row[1]).toFixed(2));
    for (const o of p.overlaps)
      expect(Math.abs(Number(row[col(`斑竹村10000·${o.group}`)]) - o.area.planarM2), `${p.id} ${o.group}`).toBeLessThanOrEqual(0.0105);
  }
  consoleWatch.assertClean();
});

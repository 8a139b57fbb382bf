/**
 * Drop to open (issue 12): tile packages and a GeoTIFF dropped on the map open as imagery in the one 影像 list, while a
 * shapefile dropped with them is imported as a vector layer, as before; a dropped package is kept like a picked one.
 */
import { expect, test, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acceptImport, layerItem, openApp, screenshot, waitForMapIdle, watchConsole, watchNetwork } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PMTILES = path.join(ROOT, 'tests/fixtures/imagery/sample.pmtiles');
const GEOTIFF_DIR = path.join(ROOT, 'tests/fixtures/geotiff');

/** Drops the files on the map as a user's drag from the file manager does (dragenter, dragover, drop with a DataTransfer). */
async function drop(page: Page, files: string[]) {
  const list = files.map((f) => ({ name: path.basename(f), b64: fs.readFileSync(f).toString('base64') }));
  await page.getByTestId('drop-zone').evaluate((zone, items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, list);
}

test('packages and a GeoTIFF dropped on the map open as imagery; the shapefile dropped with them is imported', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  const net = watchNetwork(page);
  await openApp(page);
  const items = page.getByTestId('imagery-item');
  await expect(items).toHaveCount(1, { timeout: 60_000 }); // the sample

  await drop(page, [
    PMTILES,
    path.join(GEOTIFF_DIR, 'gk39-rgb.tif'),
    ...['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => path.join(GEOTIFF_DIR, `gk39-field.${e}`)),
  ]);
  await acceptImport(page);
  await expect(layerItem(page, 'gk39-field')).toBeVisible();
  await expect(items).toHaveCount(3);
  const pm = items.filter({ hasText: 'PMTiles 影像包' });
  const tif = items.filter({ hasText: 'GeoTIFF 影像' });
  await expect(pm).toHaveCount(1);
  await expect(tif).toHaveCount(1);
  await expect(page.getByText('已打开影像“gk39-rgb”（CGCS2000 / 3-degree Gauss-Kruger zone 39）')).toBeVisible();
  // The shapefile's .prj went with the shapefile, not with the image (the image's placement is from its own tags).
  await tif.getByTestId('imagery-info').click();
  await expect(tif.getByTestId('geotiff-meta')).toContainText('地理参考来自 GeoTIFF 标签');
  await expect(tif.getByTestId('imagery-details')).not.toContainText('附带文件');
  await tif.getByTestId('imagery-zoom').click();
  await waitForMapIdle(page);
  await screenshot(page, info, 'imagery-drop-01');

  // Kept like a picked package: there after a reload.
  await page.reload();
  await expect(items).toHaveCount(3, { timeout: 60_000 });
  await pm.getByTestId('imagery-info').click();
  await expect(pm.getByTestId('imagery-kept')).toContainText('sample.pmtiles：已在本机数据库保存副本');
  await expect(page.getByTestId('imagery-status')).toHaveCount(0);
  consoleWatch.assertClean();
  net.assertOffline();
});

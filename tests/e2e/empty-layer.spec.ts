import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { layerItem, openApp, screenshot, waitForImportResult, waitForMapIdle, watchConsole } from './helpers';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/shp');

test('a shapefile with zero records imports as an empty layer with a note; nothing downstream breaks', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  // tests/fixtures/shp/empty.*: ogr2ogr -where 1=0 of a zone-39 layer (0 records, 3 fields, .prj, header bbox zeros)
  await page.getByTestId('import-files-input').setInputFiles(
    ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => ({
      name: `空图层.${ext}`,
      mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(path.join(FIXTURES, `empty.${ext}`)),
    })),
  );
  const dialog = await waitForImportResult(page);
  await expect(dialog.getByTestId('import-result-layer')).toHaveCount(1);
  await expect(dialog.getByTestId('import-result-layer')).toContainText('空图层');
  await expect(dialog.getByTestId('import-result-layer').locator('td.num')).toHaveText('0');
  await expect(dialog.getByTestId('issue-info')).toHaveText('空图层.shp：图层没有任何记录（0 个要素），按空图层读取');
  // Not mistaken for data at the false origin, and not refused.
  await expect(dialog.getByTestId('issue-warning')).toHaveCount(0);
  await expect(dialog.getByTestId('issue-error')).toHaveCount(0);
  await screenshot(page, info, '12a-empty-layer-result');
  await dialog.getByTestId('import-result-ok').click();

  const item = layerItem(page, '空图层');
  await expect(item.getByTestId('layer-count')).toHaveText('0 个要素');
  await expect(item.getByTestId('layer-zoom')).toBeDisabled(); // no extent to zoom to
  await waitForMapIdle(page);
  // Its attribute table opens, with no rows.
  await item.getByTestId('layer-table').click();
  const table = page.getByTestId('attribute-table');
  await expect(table.getByTestId('attr-count')).toHaveText('0 / 0 条');
  await expect(table.getByTestId('attr-row')).toHaveCount(0);
  await screenshot(page, info, '12b-empty-layer-table');

  // Overlaid on the sample patches it covers nothing: each patch is all 其他/未覆盖 for it, and still adds up.
  await page.getByTestId('overlay-button').click();
  const overlay = page.getByTestId('overlay-dialog');
  await overlay.locator('label', { hasText: '空图层' }).getByTestId('overlay-layer').check();
  await overlay.getByTestId('overlay-run').click();
  const result = overlay.getByTestId('overlay-table');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.locator('thead')).toContainText('空图层·其他/未覆盖');
  const rows = result.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    const [, totalM2, , uncoveredM2] = await row.locator('td').allTextContents(); // id, total m², 亩, 空图层·其他/未覆盖 m²
    expect(Number(totalM2!.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(uncoveredM2).toBe(totalM2);
  }
  await screenshot(page, info, '12c-empty-layer-overlay');
  await page.keyboard.press('Escape');

  // It survives a reload like any stored layer.
  await page.reload();
  await expect(layerItem(page, '空图层').getByTestId('layer-count')).toHaveText('0 个要素', { timeout: 60_000 });
  await waitForMapIdle(page);
  consoleWatch.assertClean();
});

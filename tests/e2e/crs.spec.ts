import { expect, test } from '@playwright/test';
import { layerItem, openApp, readReal, screenshot, waitForImportResult, watchConsole } from './helpers';

test('a shapefile without .prj asks for the CRS before importing, and imports with the chosen one', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  // The Road bundle without its .prj: projected coordinates the importer must not guess silently.
  await page.getByTestId('import-files-input').setInputFiles(
    ['shp', 'shx', 'dbf'].map((ext) => ({
      name: `无坐标系道路.${ext}`,
      mimeType: 'application/octet-stream',
      buffer: readReal(`ae102-demo/Road.${ext}`),
    })),
  );
  const result = await waitForImportResult(page);
  await expect(result).toContainText('需要指定坐标系');
  await result.getByTestId('import-result-ok').click();
  const dialog = page.getByTestId('crs-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('无坐标系道路');
  const choices = dialog.locator('.choice');
  expect(await choices.count()).toBeGreaterThan(0);
  await screenshot(page, info, '08-crs-dialog');
  await choices.first().click();
  await dialog.getByTestId('crs-apply').click();
  const second = await waitForImportResult(page);
  await expect(second.getByTestId('import-result-layer')).toContainText('无坐标系道路');
  await expect(second.getByTestId('import-result-layer')).toContainText('用户指定');
  await second.getByTestId('import-result-ok').click();
  await expect(layerItem(page, '无坐标系道路')).toBeVisible();
  consoleWatch.assertClean();
});

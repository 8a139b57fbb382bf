import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { openApp, readReal, watchConsole } from './helpers';

/** Six copies of the 10,653-polygon village in one (stored, uncompressed) zip: an import that takes a few seconds. */
function bigZip(): Buffer {
  const parts = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => [ext, new Uint8Array(readReal(`banzhucun/斑竹村10000.${ext}`))] as const);
  const entries: Record<string, Uint8Array> = {};
  for (let i = 1; i <= 6; i++) for (const [ext, bytes] of parts) entries[`copy${i}/斑竹村${i}.${ext}`] = bytes;
  return Buffer.from(zipSync(entries, { level: 0 }));
}

test('an import can be cancelled from the progress card; nothing is stored and the app stays usable', async ({ page }) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  const items = page.getByTestId('layer-item');
  await expect(items.first()).toBeVisible({ timeout: 60_000 });
  const before = await items.count();
  await page.getByTestId('import-files-input').setInputFiles({ name: '六个村.zip', mimeType: 'application/zip', buffer: bigZip() });
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('正在导入');
  await progress.getByTestId('import-cancel').click({ timeout: 5_000 });
  await expect(page.getByTestId('notice-info')).toHaveText(/导入已取消/);
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('import-result')).toBeHidden();
  await expect(items).toHaveCount(before);
  // Still as before after a reload: the terminated worker committed nothing.
  await page.reload();
  await expect(items.first()).toBeVisible({ timeout: 60_000 });
  await expect(items).toHaveCount(before);
  consoleWatch.assertClean();
});

import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import { openApp, screenshot, watchConsole } from './helpers';

test('overlay analysis of the sample patches against farmland and land classes, exported as CSV with BOM', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await page.getByTestId('overlay-button').click();
  const dialog = page.getByTestId('overlay-dialog');
  await expect(dialog).toBeVisible();
  // The change-patch layer is preselected as the plot layer.
  await expect(dialog.getByTestId('overlay-plot-layer').locator('option:checked')).toHaveText(/卫片图斑/);
  const farmland = dialog.locator('label', { hasText: '永久基本农田' }).getByTestId('overlay-layer');
  const landClass = dialog.locator('label', { hasText: '地类图斑' }).getByTestId('overlay-layer');
  await farmland.check();
  await landClass.check();
  await dialog.getByTestId('overlay-run').click();
  const table = dialog.getByTestId('overlay-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(table.locator('thead')).toContainText('图斑编号');
  await expect(table.locator('thead')).toContainText('占永久基本农田');
  await expect(table.locator('thead')).toContainText('其他/未覆盖');
  // Each layer's block adds up to the plot total (planar m², 2 decimals → allow 0.02 per column).
  const head = await table.locator('thead tr').first().locator('th').allTextContents();
  const cells = (await rows.first().locator('td').allTextContents()).map((s) => Number(s.replace(/,/g, '')));
  const total = cells[1]!;
  expect(total).toBeGreaterThan(0);
  let col = 3; // after id, total m², total 亩
  for (const layer of ['永久基本农田', '地类图斑']) {
    let sum = 0;
    let n = 0;
    for (const h of head.slice(2)) {
      if (h.includes(layer)) {
        sum += cells[col]!;
        n++;
      }
      col += 2;
    }
    col = 3;
    expect(n).toBeGreaterThan(0);
    expect(Math.abs(sum - total)).toBeLessThan(0.02 * n + 0.01);
  }
  await screenshot(page, info, '07-overlay');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('overlay-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^叠加分析-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('图斑编号');
  expect(text.trim().split('\r\n')).toHaveLength((await rows.count()) + 1);
  consoleWatch.assertClean();
});

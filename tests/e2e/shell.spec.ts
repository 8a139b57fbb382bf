import { expect, test } from '@playwright/test';
import { layerItem, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

test('the toolbar and shortcuts come from the command registry; Ctrl+O opens the file picker', async ({ page }) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  // Toolbar buttons are the registry's commands, in their groups' order.
  const commands = await page.locator('[data-command]').evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
  expect(commands.slice(0, 3)).toEqual(['import.files', 'import.folder', 'overlay.open']);
  expect(await page.getByTestId('import-button').getAttribute('title')).toBe('导入图层 (Ctrl+O)');
  // The keyboard shortcut runs the same command as the button: the browser's file picker opens.
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.maplibregl-canvas').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+o');
  expect((await chooser).isMultiple()).toBe(true);
  consoleWatch.assertClean();
});

test('图例 shows the visible layers in map order with their categories, and follows visibility and order', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  const names = await page.getByTestId('layer-name').allTextContents();
  await page.getByTestId('dock-tab-legend').click();
  await expect(page.getByTestId('legend-panel')).toBeVisible();
  await expect(page.getByTestId('layer-panel')).toHaveCount(0);
  const groups = page.getByTestId('legend-group');
  // Same order as the layer list (top of the map first), every visible layer.
  await expect(groups.locator('.legend-title')).toHaveText(names.map((n) => new RegExp(`^${n.replace(/[()]/g, '\\$&')}`)));
  // The land classes the layer holds, by DLBM with their DLMC names, in the map's colours (the class's: 01 耕地
  // yellow, 11 水域 blue), with their counts; farmland one yellow swatch with a red edge.
  const dltb = groups.filter({ hasText: '地类图斑DLTB' });
  await expect(dltb.getByTestId('legend-item').first()).toHaveText(/^0101\s*水田\s*\d+$/);
  await expect(dltb.getByTestId('legend-item').first().locator('rect')).toHaveAttribute('fill', '#FFFF64');
  await expect(dltb.getByTestId('legend-item').filter({ hasText: '1101' }).locator('rect')).toHaveAttribute('fill', '#73B2FF');
  // Only what it holds: the sample has no 05 商服用地.
  await expect(dltb.getByTestId('legend-item').filter({ hasText: /^05/ })).toHaveCount(0);
  const ghfq = groups.filter({ hasText: '国土空间规划分区GHFQ' });
  await expect(ghfq.getByTestId('legend-item').filter({ hasText: '农田保护区' })).toHaveCount(1);
  const farmland = groups.filter({ hasText: '永久基本农田' });
  await expect(farmland.locator('rect')).toHaveAttribute('fill', '#FFFF00');
  await expect(farmland.locator('rect')).toHaveAttribute('stroke', '#FF0000');
  await screenshot(page, info, '20a-legend');

  // Hide the farmland and move the land classes to the top: the legend follows.
  await page.getByTestId('dock-tab-layers').click();
  await layerItem(page, '永久基本农田YJJBNTTB').getByTestId('layer-visible').uncheck();
  const dltbItem = layerItem(page, '地类图斑DLTB');
  while ((await page.getByTestId('layer-name').first().textContent()) !== '地类图斑DLTB') await dltbItem.locator('button[title="上移"]').click();
  await page.getByTestId('dock-tab-legend').click();
  await expect(groups.filter({ hasText: '永久基本农田' })).toHaveCount(0);
  await expect(groups.first().locator('.legend-title')).toHaveText(/^地类图斑DLTB/);
  await expect(groups).toHaveCount(names.length - 1);
  await screenshot(page, info, '20b-legend-after');
  consoleWatch.assertClean();
});

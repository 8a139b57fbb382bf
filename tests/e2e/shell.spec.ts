import { expect, test } from '@playwright/test';
import { layerItem, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

test('the toolbar and shortcuts come from the command registry; Ctrl+O opens the file picker', async ({ page }) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  // Toolbar buttons are the registry's commands, in their groups' order.
  const commands = await page.locator('[data-command]').evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
  // The first group opens data (layers, then imagery: one 打开影像 for packages, GeoTIFFs and tile folders), the analysis group after it.
  expect(commands.slice(0, 3)).toEqual(['import.files', 'import.folder', 'imagery.open']);
  expect(commands).not.toContain('geotiff.open');
  expect(commands.indexOf('overlay.open')).toBeGreaterThan(commands.indexOf('imagery.open'));
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

test.describe('right-click menus', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the map menu copies coordinates as the status bar shows them and identifies the feature under the pointer; the layer row menu has the layer actions', async ({
    page,
  }, info) => {
    const consoleWatch = watchConsole(page);
    await openApp(page);
    await waitForMapIdle(page);
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const at = { x: box.width / 2, y: box.height / 2 };
    // The status bar under the same pointer position says what the copy must say.
    await canvas.hover({ position: at });
    const gkShown = (await page.getByTestId('status-gk').innerText()).replace(/\s+/g, ' ');
    await canvas.click({ button: 'right', position: at });
    const menu = page.getByTestId('map-context-menu');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem')).toHaveText(['查看此要素信息', '复制经纬度', '复制平面坐标（X, Y）']);
    await screenshot(page, info, '21a-map-context-menu');
    await menu.getByTestId('ctx-copy-gk').click();
    await expect(menu).toHaveCount(0);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^X=\d{7}\.\d{3}, Y=\d{8}\.\d{3}$/);
    const [, x, y] = /X=([\d.]+), Y=([\d.]+)/.exec(copied)!;
    expect(gkShown).toBe(`X ${x} Y ${y}`);
    await expect(page.getByTestId('notice-info')).toContainText(`已复制：${copied}`);

    await canvas.click({ button: 'right', position: at });
    await menu.getByTestId('ctx-copy-lnglat').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^1\d\d\.\d{7}, \d\d\.\d{7}$/);

    // 查看此要素信息 selects what is under the pointer: the inspector shows it.
    await canvas.click({ button: 'right', position: at });
    await menu.getByTestId('ctx-identify').click();
    await expect(page.getByTestId('identify-area')).toBeVisible();

    // Escape closes a menu without running anything.
    await canvas.click({ button: 'right', position: at });
    await expect(menu).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    // A layer row's menu holds the contributed 属性表 among the layer's own actions.
    await layerItem(page, '地类图斑DLTB').click({ button: 'right' });
    const rowMenu = page.getByTestId('layer-context-menu');
    await expect(rowMenu.getByRole('menuitem')).toHaveText(['缩放至图层', '重命名', '属性表', '属性', '删除']);
    await rowMenu.getByTestId('ctx-layer-table').click();
    await expect(page.getByTestId('attribute-table')).toContainText('地类图斑DLTB');
    consoleWatch.assertClean();
  });
});

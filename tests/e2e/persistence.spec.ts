import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { acceptImport, layerItem, openApp, readReal, screenshot, waitForMapIdle, watchConsole } from './helpers';

const names = (page: import('@playwright/test').Page) =>
  page.getByTestId('layer-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-name')));

test('after a reload the layers, their order, visibility, opacity and the view are still there', async ({ page }) => {
  const consoleWatch = watchConsole(page);
  // Tall enough for the whole layer list (the sample's 7 layers, Road, and the 影像图层 section under them): the drag
  // below goes from the last row to the first, both on screen, as an officer drags.
  await page.setViewportSize({ width: 1400, height: 1300 });
  await openApp(page);
  const zip = Buffer.from(
    zipSync(Object.fromEntries(['Road.shp', 'Road.shx', 'Road.dbf', 'Road.prj'].map((p) => [p, new Uint8Array(readReal(`ae102-demo/${p}`))]))),
  );
  await page.getByTestId('import-files-input').setInputFiles({ name: 'roads.zip', mimeType: 'application/zip', buffer: zip });
  await acceptImport(page);
  await expect(layerItem(page, 'Road')).toBeVisible();

  // Change things: move Road down one step, hide the second layer, set an opacity, rename one, zoom the map.
  await layerItem(page, 'Road').getByTitle('下移').click();
  const second = page.getByTestId('layer-item').nth(1);
  const hiddenName = (await second.getAttribute('data-layer-name'))!;
  await second.getByTestId('layer-visible').uncheck();
  await layerItem(page, 'Road').getByTestId('layer-opacity').fill('0.35');
  const third = page.getByTestId('layer-item').nth(2);
  await third.getByTitle('重命名').click();
  await third.getByTestId('layer-rename-input').fill('改名后的图层');
  await third.getByTestId('layer-rename-input').press('Enter');
  // Drag the bottom layer of the panel onto the top one: it becomes the top layer (map order follows).
  const bottomName = await page.getByTestId('layer-item').last().getAttribute('data-layer-name');
  await page
    .getByTestId('layer-item')
    .last()
    .dragTo(page.getByTestId('layer-item').first(), { sourcePosition: { x: 120, y: 12 }, targetPosition: { x: 120, y: 12 } });
  await expect(page.getByTestId('layer-item').first()).toHaveAttribute('data-layer-name', bottomName!);
  await layerItem(page, '改名后的图层').getByTestId('layer-zoom').click();
  await waitForMapIdle(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  // The wheel zoom eases over a few hundred ms: let it start and settle before reading the view.
  await page.waitForTimeout(1000);
  await waitForMapIdle(page);
  await page.mouse.move(box.x + 200, box.y + 150);
  const before = {
    names: await names(page),
    visible: await page.getByTestId('layer-visible').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked)),
    opacity: await page.getByTestId('layer-opacity').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    lnglat: await page.getByTestId('status-lnglat').textContent(),
    scale: await page.getByTestId('status-scale').textContent(),
  };
  expect(before.names[0]).not.toBe('Road');
  await expect(layerItem(page, hiddenName).getByTestId('layer-visible')).not.toBeChecked();
  expect(before.visible.filter((v) => !v)).toHaveLength(1);
  // The view is saved debounced, the opacity after the slider settles: give both time to land.
  await page.waitForTimeout(1200);

  const reloadStart = Date.now();
  await page.reload();
  await expect(page.getByTestId('layer-item').first()).toBeVisible({ timeout: 60_000 });
  await waitForMapIdle(page);
  console.log(`timing: reopen to map idle ${Date.now() - reloadStart} ms`);
  await page.mouse.move(box.x + 200, box.y + 150);
  expect(await names(page)).toEqual(before.names);
  expect(await page.getByTestId('layer-visible').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual(before.visible);
  expect(await page.getByTestId('layer-opacity').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(before.opacity);
  await expect(page.getByTestId('status-scale')).toHaveText(before.scale!);
  await expect(page.getByTestId('status-lnglat')).toHaveText(before.lnglat!);
  consoleWatch.assertClean();
});

test('changing a layer’s kind restyles it on the map, keeps its attributes, and survives a reload', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  const dltb = layerItem(page, '地类图斑DLTB');
  await expect(dltb).toBeVisible({ timeout: 60_000 });
  await waitForMapIdle(page);
  const swatch = dltb.locator('.swatch');
  const before = await swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
  // 地类图斑 → 永久基本农田: the display copy is rebuilt in the worker with the farmland style (yellow, red boundary).
  await dltb.getByTestId('layer-kind').selectOption({ label: '永久基本农田' });
  await expect(swatch).toHaveCSS('background-color', 'rgb(255, 255, 0)');
  expect(before).not.toBe('rgb(255, 255, 0)');
  await waitForMapIdle(page);
  await expect(page.getByTestId('map')).toHaveAttribute('data-loaded-layers', /(^|\|)地类图斑DLTB(\||$)/);
  await page.reload();
  await expect(dltb.getByTestId('layer-kind')).toHaveValue('permanentFarmland', { timeout: 60_000 });
  await expect(swatch).toHaveCSS('background-color', 'rgb(255, 255, 0)');
  await waitForMapIdle(page);
  await screenshot(page, info, '11-kind-changed');
  // The attribute store was kept as it was: the table still has the land classes.
  await dltb.getByTestId('layer-table').click();
  await expect(page.getByTestId('attr-count')).toHaveText('120 / 120 条');
  await expect(page.getByTestId('attr-row').first()).toBeVisible();
  consoleWatch.assertClean();
});

import { expect, test } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

test('网格: promote the sample 行政区XZQ villages under a new township, select one, reload and find the tree', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  await page.getByTestId('dock-tab-grid').click();
  const panel = page.getByTestId('grid-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('grid-row')).toHaveCount(0);

  // 从图层提取: the boundary layer and its name field are preselected (XZQ, XZQMC); the parent is a new township.
  await panel.getByTestId('grid-promote-open').click();
  const form = panel.getByTestId('grid-promote-form');
  await expect(form.getByTestId('grid-promote-layer').locator('option:checked')).toHaveText('行政区XZQ');
  await expect(form.getByTestId('grid-promote-name-field')).toHaveValue('XZQMC');
  await expect(form.getByTestId('grid-promote-run')).toBeDisabled();
  await form.getByTestId('grid-promote-township-name').fill('石桥镇');
  await form.getByTestId('grid-promote-run').click();
  await expect(form).toHaveCount(0);
  // The sample's XZQDM values have 10 digits: said, and the villages stored without a code.
  await expect(page.getByTestId('notice-info').first()).toContainText('已在“石桥镇”下提取 3 个区域；3 个“XZQDM”值不是该级的 12 位代码，代码留空');

  // The township and its three villages, in the tree with their levels and (no) cells yet.
  const rows = panel.getByTestId('grid-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.getByTestId('grid-name')).toHaveText(['石桥镇', ...(await villageOrder(page))]);
  await expect(rows.first()).toHaveAttribute('data-level', 'township');
  await expect(page.locator('[data-testid="grid-row"][data-level="village"]')).toHaveCount(3);
  await expect(rows.first().getByTestId('grid-cell-count')).toHaveText('0 个单元');

  // Each village's figures from its boundary: planar m² in zone 39 and 亩 = m² × 0.0015. The sample's inner lattice
  // points are jittered but its outline is not: the three villages tile 10 × 12 blocks of 250 m = 7,500,000 m².
  const details = panel.getByTestId('grid-details');
  let total = 0;
  for (const name of ['青石村', '柳河村', '杏园村']) {
    await rows.filter({ hasText: name }).click();
    await expect(details.getByTestId('grid-details-name')).toContainText(name);
    const text = (await details.getByTestId('grid-details-area').textContent()) ?? '';
    const m = /^([\d,]+) m²（([\d,.]+) 亩，3° 带 39）$/.exec(text);
    expect(m, text).not.toBeNull();
    const m2 = Number(m![1]!.replace(/,/g, ''));
    expect(Math.abs(Number(m![2]!.replace(/,/g, '')) - m2 * 0.0015)).toBeLessThan(0.01);
    total += m2;
  }
  expect(Math.abs(total - 7_500_000)).toBeLessThanOrEqual(2);
  await rows.filter({ hasText: '青石村' }).click();
  await expect(details.getByTestId('grid-details-people')).toHaveText('无');
  await waitForMapIdle(page);
  await screenshot(page, info, '40a-grid-promoted');

  await waitForMapIdle(page);
  await changedMapPixels(page); // the map as it is before any cell exists
  // 生成网格单元: 500 m squares in 青石村, previewed (Σ cells = the village, planar m²), then saved.
  const gen = details.getByTestId('grid-generate-form');
  await expect(gen.getByTestId('grid-generate-size')).toHaveValue('500');
  await gen.getByTestId('grid-generate-run').click();
  const previewNote = gen.getByTestId('grid-generate-preview');
  await expect(previewNote).toBeVisible();
  const p = /^预览：(\d+) 个单元，合计 ([\d,]+) m²（上级 ([\d,]+) m²）$/.exec((await previewNote.textContent()) ?? '');
  expect(p).not.toBeNull();
  const cellCount = Number(p![1]);
  // The sample is seeded (the same lattice on every machine): 500 m squares over 青石村's ~1.25 × 1.5 km, slivers
  // merged into neighbours, make 9 cells — pinned so a change in what the panel asks generate.ts for is seen.
  expect(cellCount).toBe(9);
  expect(Math.abs(Number(p![2]!.replace(/,/g, '')) - Number(p![3]!.replace(/,/g, '')))).toBeLessThanOrEqual(1);
  await waitForMapIdle(page);
  await screenshot(page, info, '40b-grid-preview');
  await gen.getByTestId('grid-generate-save').click();
  await expect(page.locator('[data-testid="grid-row"][data-level="cell"]')).toHaveCount(cellCount);
  await expect(rows.filter({ hasText: '青石村' }).getByTestId('grid-cell-count')).toHaveText(`${cellCount} 个单元`);
  await expect(rows.first().getByTestId('grid-cell-count')).toHaveText(`${cellCount} 个单元`);
  await expect(page.locator('[data-testid="grid-row"][data-level="cell"]').getByTestId('grid-name').first()).toHaveText('青石村-01');
  await waitForMapIdle(page);
  // The saved cells are drawn: their outlines (2 px, dashed) change thousands of the map's pixels against the map
  // before generating; drawing the same map again changes none.
  const changed = await changedMapPixels(page);
  expect(changed).toBeGreaterThan(2000);
  expect(await changedMapPixels(page)).toBe(0);
  await screenshot(page, info, '40c-grid-cells');

  // Rename a cell and add an officer; an empty name is refused with its message and nothing is stored.
  await page.locator('[data-testid="grid-row"][data-level="cell"]').filter({ hasText: '青石村-01' }).click();
  await details.getByTestId('grid-edit-open').click();
  const edit = details.getByTestId('grid-edit-form');
  await edit.getByTestId('grid-edit-name').fill('');
  await edit.getByTestId('grid-edit-save').click();
  await expect(edit.getByTestId('grid-error')).toHaveText('未保存：区域需要名称');
  await edit.getByTestId('grid-edit-name').fill('青石村北片');
  await edit.getByTestId('grid-person-add').click();
  const person = edit.getByTestId('grid-person');
  await person.getByTestId('grid-person-name').fill('王芳');
  await person.getByTestId('grid-person-role').selectOption('执法监察员');
  await person.getByTestId('grid-person-cert').fill('鲁370300123');
  await person.getByTestId('grid-person-phone').fill('13800000000');
  await screenshot(page, info, '40d-grid-edit');
  await edit.getByTestId('grid-edit-save').click();
  await expect(edit).toHaveCount(0);
  await expect(details.getByTestId('grid-details-name')).toContainText('青石村北片');
  await expect(details.getByTestId('grid-details-people')).toHaveText('王芳（执法监察员） 执法证号 鲁370300123 13800000000');

  // Stored: a reload reads the same tree.
  await page.reload();
  await openApp(page);
  await page.getByTestId('dock-tab-grid').click();
  await expect(page.getByTestId('grid-row')).toHaveCount(4 + cellCount);
  await expect(page.locator('[data-testid="grid-row"][data-level="village"]').getByTestId('grid-name')).toHaveText(await villageOrder(page));
  const renamed = page.locator('[data-testid="grid-row"][data-level="cell"]').filter({ hasText: '青石村北片' });
  await expect(renamed).toHaveCount(1);
  await renamed.click();
  await expect(page.getByTestId('grid-details-people')).toHaveText('王芳（执法监察员） 执法证号 鲁370300123 13800000000');
  await waitForMapIdle(page);
  await screenshot(page, info, '40e-grid-after-reload');
  consoleWatch.assertClean();
});

/** The villages as the tree orders siblings without a 12-digit code: by name in the zh-CN collator's order. */
const villageOrder = (page: import('@playwright/test').Page): Promise<string[]> =>
  page.evaluate(() => ['青石村', '柳河村', '杏园村'].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));

type MapEl = HTMLElement & { mapHandle?: import('../../renderer/map').MapHandle };

/** How many pixels of the map's own PNG differ from the last call's (which is kept for the next call). */
const changedMapPixels = (page: import('@playwright/test').Page): Promise<number> =>
  page.evaluate(async () => {
    const blob = await document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.screenshot();
    const bmp = await createImageBitmap(blob);
    const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const w = window as unknown as { __gridPixels?: Uint8ClampedArray };
    const prev = w.__gridPixels;
    w.__gridPixels = d;
    if (!prev || prev.length !== d.length) return -1;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== prev[i] || d[i + 1] !== prev[i + 1] || d[i + 2] !== prev[i + 2]) n++;
    return n;
  });

import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

type MapEl = HTMLElement & { mapHandle?: import('../../renderer/map').MapHandle };

/** Today in China (UTC+8) and last week's Monday–Sunday, as yyyy-MM-dd, and an instant on a China day at an hour. */
function lastWeek() {
  const DAY = 86_400_000;
  const chinaNow = new Date(Date.now() + 8 * 3_600_000);
  const weekday = ((chinaNow.getUTCDay() + 6) % 7) + 1; // 1 = Monday
  const today = Date.UTC(chinaNow.getUTCFullYear(), chinaNow.getUTCMonth(), chinaNow.getUTCDate());
  const monday = today - (weekday - 1 + 7) * DAY;
  const key = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    from: key(monday),
    to: key(monday + 6 * DAY),
    atChina: (dayOffset: number, hour: number) => monday + dayOffset * DAY + (hour - 8) * 3_600_000,
  };
}

/**
 * Puts a patrol in IndexedDB as the patrol repository's addPatrol would store it (createPatrol's record: version 1,
 * XC number, China day, a 'created' history entry), through the browser's own indexedDB: the patrol form is another
 * feature's, and the app exposes no test hooks.
 */
async function seedPatrol(
  page: Page,
  p: { id: string; number: string; startedAt: number; date: string; areaIds: string[]; officer: { name: string; certNo: string } },
) {
  await page.evaluate(
    (p) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('patrols', 'readwrite');
          tx.objectStore('patrols').put({
            v: 1,
            id: p.id,
            number: p.number,
            startedAt: p.startedAt,
            date: p.date,
            endedAt: p.startedAt + 3_600_000,
            officers: [p.officer],
            areaIds: p.areaIds,
            route: [],
            routeSource: null,
            findings: '未发现违法用地',
            measures: '',
            notes: '',
            nothingFound: true,
            attachments: [],
            history: [{ at: p.startedAt, by: p.officer.name, kind: 'created', change: [] }],
            createdAt: p.startedAt,
            updatedAt: p.startedAt,
            deletedAt: null,
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    p,
  );
}

/**
 * The map's own image against the one of the last call (kept for the next call): of the pixels that changed, how many
 * turned greener (done) and how many turned redder (overdue). The sample's land-class fills are green and yellow
 * themselves, so only what the compliance layers changed is counted.
 */
const colourChange = (page: Page): Promise<{ changed: number; greener: number; redder: number }> =>
  page.evaluate(async () => {
    const blob = await document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.screenshot();
    const bmp = await createImageBitmap(blob);
    const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const w = window as unknown as { __compliancePixels?: Uint8ClampedArray };
    const prev = w.__compliancePixels;
    w.__compliancePixels = d;
    let changed = 0;
    let greener = 0;
    let redder = 0;
    if (!prev || prev.length !== d.length) return { changed: -1, greener: 0, redder: 0 };
    for (let i = 0; i < d.length; i += 4) {
      const dr = d[i]! - prev[i]!;
      const dg = d[i + 1]! - prev[i + 1]!;
      const db = d[i + 2]! - prev[i + 2]!;
      if (dr === 0 && dg === 0 && db === 0) continue;
      changed++;
      // Over any ground a half-opaque green fill raises green against red, a red one raises red against green.
      if (dg - dr > 25) greener++;
      else if (dr - dg > 25) redder++;
    }
    return { changed, greener, redder };
  });

async function setLastWeek(page: Page, week: { from: string; to: string }) {
  const panel = page.getByTestId('compliance-panel');
  await panel.getByTestId('compliance-period').selectOption('custom');
  await panel.getByTestId('compliance-from').fill(week.from);
  await panel.getByTestId('compliance-to').fill(week.to);
  await expect(panel.getByTestId('compliance-period-text')).toContainText(`${week.from} 至 ${week.to}`);
}

test('巡查考核: assign people and the twice-a-week rule, mark a key area, patrol some cells, see them green and the others red', async ({
  page,
}, info) => {
  const consoleWatch = watchConsole(page);
  const week = lastWeek();
  await openApp(page);
  await waitForMapIdle(page);

  // A township with the sample's villages, and 9 cells in 青石村 (as the grid journey makes them).
  await page.getByTestId('dock-tab-grid').click();
  const grid = page.getByTestId('grid-panel');
  await grid.getByTestId('grid-promote-open').click();
  await grid.getByTestId('grid-promote-township-name').fill('石桥镇');
  await grid.getByTestId('grid-promote-run').click();
  const rows = grid.getByTestId('grid-row');
  await expect(rows).toHaveCount(4);
  await rows.filter({ hasText: '青石村' }).click();
  await grid.getByTestId('grid-generate-run').click();
  await expect(grid.getByTestId('grid-generate-preview')).toBeVisible();
  await grid.getByTestId('grid-generate-save').click();
  const cellRows = page.locator('[data-testid="grid-row"][data-level="cell"]');
  await expect(cellRows).toHaveCount(9);

  // Two officers of the township office (定人员), with their 执法证号.
  await rows.filter({ hasText: '石桥镇' }).click();
  await grid.getByTestId('grid-edit-open').click();
  const edit = grid.getByTestId('grid-edit-form');
  for (const [i, [name, cert]] of [
    ['王芳', '鲁370300123'],
    ['李强', '鲁370300124'],
  ].entries()) {
    await edit.getByTestId('grid-person-add').click();
    const person = edit.getByTestId('grid-person').nth(i);
    await person.getByTestId('grid-person-name').fill(name!);
    await person.getByTestId('grid-person-cert').fill(cert!);
  }
  await edit.getByTestId('grid-edit-save').click();
  await expect(grid.getByTestId('grid-details-people')).toContainText('王芳（网格员） 执法证号 鲁370300123');
  await expect(grid.getByTestId('grid-details-people')).toContainText('李强（网格员） 执法证号 鲁370300124');

  // 考核 → 规则分配: the township still selected; its 9 cells get "乡镇国土所 每周至少 2 次".
  await page.getByTestId('dock-tab-compliance').click();
  const panel = page.getByTestId('compliance-panel');
  const assign = panel.getByTestId('compliance-assign');
  await expect(assign.getByTestId('compliance-assign-area')).toHaveText('石桥镇');
  await assign.getByTestId('compliance-assign-scope').getByText('其下全部网格单元（9 个）').click();
  const twice = assign.locator('[data-testid="compliance-assign-rule"][data-rule-id="default.township-weekly"]');
  await expect(twice).toContainText('乡镇国土所 每周至少 2 次');
  await twice.locator('input').check();
  await assign.getByTestId('compliance-assign-save').click();
  await expect(assign.getByTestId('compliance-assign-message')).toHaveText('已保存 9 个区域');

  // The last cell is the industrial park: a key area (工业集中区) with its own rule, ticked with the mark.
  await page.getByTestId('dock-tab-grid').click();
  await expect(cellRows).toHaveCount(9);
  const cellIds = await cellRows.evaluateAll((els) => els.map((e) => [e.textContent ?? '', e.getAttribute('data-area-id')!] as const));
  const idOf = (n: string) => cellIds.find(([text]) => text.includes(`青石村-${n}`))![1];
  await cellRows.filter({ hasText: '青石村-09' }).click();
  await page.getByTestId('dock-tab-compliance').click();
  await expect(assign.getByTestId('compliance-assign-area')).toHaveText('青石村-09');
  await assign.getByTestId('compliance-assign-key').check();
  await expect(assign.getByTestId('compliance-assign-key-kind')).toHaveValue('工业集中区');
  await expect(assign.locator('[data-rule-id="default.key-area-weekly"] input')).toBeChecked();
  await assign.getByTestId('compliance-assign-save').click();
  await expect(assign.getByTestId('compliance-assign-message')).toHaveText('已保存 1 个区域');
  await page.getByTestId('dock-tab-grid').click();
  await expect(grid.getByTestId('grid-details')).toContainText('工业集中区');
  await expect(grid.getByTestId('grid-details')).toContainText('default.township-weekly、default.key-area-weekly');

  // Last week 王芳 patrolled cells 01–04 twice (Monday and Wednesday); then the app is reopened.
  const patrolled = ['01', '02', '03', '04'].map(idOf);
  for (const [i, day] of [0, 2].entries())
    await seedPatrol(page, {
      id: `Pe2e${i}`,
      number: `XC${new Date(week.atChina(day, 10) + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '')}00${i + 1}`,
      startedAt: week.atChina(day, 10),
      date: new Date(week.atChina(day, 10) + 8 * 3_600_000).toISOString().slice(0, 10),
      areaIds: patrolled,
      officer: { name: '王芳', certNo: '鲁370300123' },
    });
  await page.reload();
  await openApp(page);
  await page.getByTestId('dock-tab-compliance').click();
  await setLastWeek(page, week);

  // The table: 9 cells × their rules; sort by status (worst first, then best first) and by name.
  await panel.getByTestId('compliance-township').selectOption({ label: '石桥镇' });
  await panel.getByTestId('compliance-table-open').click();
  const table = page.getByTestId('compliance-table');
  const trows = table.getByTestId('compliance-row');
  await expect(table.getByTestId('compliance-table-count')).toHaveText('14 行'); // township + 3 villages + 9 cells + the park's 2nd rule
  await table.locator('[data-testid="compliance-th"][data-key="name"]').click();
  // Names as a Chinese reader orders them (柳 liǔ, 青 qīng, 石 shí, 杏 xìng), cell numbers by value.
  const byName = await trows.locator('[data-col="name"]').allTextContents();
  const cellNames = Array.from({ length: 9 }, (_, i) => `青石村-${String(i + 1).padStart(2, '0')}`);
  expect(byName).toEqual(['柳河村', '青石村', ...cellNames, '青石村-09', '石桥镇', '杏园村']); // the park has two rules: two rows
  await table.locator('[data-testid="compliance-th"][data-key="status"]').click();
  await expect(trows.first()).toHaveAttribute('data-status', 'overdue');
  const statuses = await trows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(statuses.filter((s) => s === 'overdue')).toHaveLength(6); // cells 05–09, and the park's key-area rule
  expect(statuses.filter((s) => s === 'done')).toHaveLength(4);
  expect(statuses.slice(0, 6).every((s) => s === 'overdue')).toBe(true);
  await table.locator('[data-testid="compliance-th"][data-key="status"]').click();
  await expect(trows.first()).toHaveAttribute('data-status', 'done');
  const done = trows.filter({ has: page.locator('[data-col="status"]', { hasText: '已完成' }) });
  await expect(done).toHaveCount(4);
  await expect(done.first()).toContainText('乡镇国土所 每周至少 2 次');
  // Its last patrol: Wednesday's.
  await expect(done.first()).toContainText(new Date(week.atChina(2, 10) + 8 * 3_600_000).toISOString().slice(0, 10));

  // The map: fitted to 青石村 from the table, then the compliance colours switched on: the patrolled cells turn
  // green and the others red (pixels of the map's own image, against the same view before).
  await trows.filter({ has: page.locator('[data-col="name"]', { hasText: /^青石村$/ }) }).click();
  await waitForMapIdle(page);
  await colourChange(page); // the map before the colours
  await panel.getByTestId('compliance-show-map').check();
  await waitForMapIdle(page);
  await screenshot(page, info, '50a-compliance-map');
  const change = await colourChange(page);
  // 4 cells done, 5 overdue (cells clipped to the village differ in size, so no ratio), 青石村 outlined red.
  expect(change.greener).toBeGreaterThan(3000);
  expect(change.redder).toBeGreaterThan(3000);
  const legend = page.getByTestId('compliance-legend');
  const count = (s: string) => legend.locator(`[data-testid="compliance-legend-item"][data-status="${s}"] [data-testid="compliance-legend-count"]`);
  await expect(count('done')).toHaveText('4');
  await expect(count('overdue')).toHaveText('5');
  await expect(count('none')).toHaveText('4');

  // The chart: 12 weeks of 石桥镇, last week's bar at 2 patrols, the required line at 2 a week.
  const chart = panel.getByTestId('compliance-chart');
  await expect(chart.getByTestId('compliance-chart-bar')).toHaveCount(12);
  await expect(chart.getByTestId('compliance-chart-bar').nth(11)).toHaveAttribute('data-count', '2');
  await expect(chart.getByTestId('compliance-chart-bar').nth(10)).toHaveAttribute('data-count', '0');
  await expect(chart.getByTestId('compliance-chart-required')).toHaveAttribute('data-required', '2');
  await panel.getByTestId('compliance-chart').scrollIntoViewIfNeeded();
  await screenshot(page, info, '50b-compliance-chart');

  // 巡查规则: the defaults as the office reads them; a rule refused with its message, then added; a rule in use warns.
  await panel.getByTestId('compliance-rules-open').click();
  const dialog = page.getByTestId('compliance-rules-dialog');
  await expect(dialog.getByTestId('compliance-rule-label').locator('strong')).toHaveText([
    '乡镇国土所 每周至少 2 次',
    '县执法大队 每月至少 2 次',
    '领导 每季度至少 1 次',
    '重点区域 每周至少 3 次',
    '停工通知现场 每 3 天跟进',
  ]);
  await dialog.getByTestId('compliance-rule-add').click();
  const form = dialog.getByTestId('compliance-rule-form');
  await form.getByTestId('compliance-rule-count').fill('0');
  await form.getByTestId('compliance-rule-save').click();
  await expect(form).toContainText('次数须为不小于 1 的整数');
  await form.getByTestId('compliance-rule-count').fill('1');
  await form.getByTestId('compliance-rule-by').selectOption('any');
  await form.getByTestId('compliance-rule-seasonal').check();
  await form.getByTestId('compliance-rule-save').click();
  await expect(form).toContainText('请至少选择一个月份');
  for (let m = 4; m <= 10; m++) await form.getByTestId(`compliance-rule-month-${m}`).check();
  await expect(form.getByTestId('compliance-rule-preview')).toHaveText('规则：4–10 月 每周至少 1 次');
  await form.getByTestId('compliance-rule-save').click();
  await expect(form).toHaveCount(0);
  await expect(dialog.getByTestId('compliance-rule-row')).toHaveCount(6);
  await expect(dialog.getByTestId('compliance-rule-row').last()).toContainText('4–10 月 每周至少 1 次');
  const used = dialog.locator('[data-testid="compliance-rule-row"][data-rule-id="default.township-weekly"]');
  await expect(used.getByTestId('compliance-rule-used')).toHaveText('9 个区域使用');
  await used.getByTestId('compliance-rule-delete').click();
  await expect(used.getByTestId('compliance-rule-delete-warning')).toContainText('有 9 个区域使用此规则');
  await screenshot(page, info, '50c-compliance-rules');
  await used.getByRole('button', { name: '取消' }).click();
  await expect(used.getByTestId('compliance-rule-delete-warning')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Reopened: the rules, the assignment, the key area and the patrols are stored; the same colours come back.
  await page.reload();
  await openApp(page);
  await page.getByTestId('dock-tab-compliance').click();
  await setLastWeek(page, week);
  await panel.getByTestId('compliance-show-map').check();
  await expect(count('done')).toHaveText('4');
  await expect(count('overdue')).toHaveText('5');
  await panel.getByTestId('compliance-rules-open').click();
  await expect(dialog.getByTestId('compliance-rule-row')).toHaveCount(6);
  await expect(dialog.getByTestId('compliance-rule-row').last()).toContainText('4–10 月 每周至少 1 次');
  await page.keyboard.press('Escape');
  await panel.getByTestId('compliance-table-open').click();
  await expect(table.getByTestId('compliance-table-count')).toHaveText('14 行');
  await waitForMapIdle(page);
  await screenshot(page, info, '50d-compliance-after-reload');
  consoleWatch.assertClean();
});

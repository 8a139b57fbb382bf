import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

type MapEl = HTMLElement & { mapHandle?: import('../../renderer/map').MapHandle };

/**
 * An office's records, made as an officer makes them (新建核查 → 输入坐标 or 举报线索, the 核查记录 form, 提交, the status
 * moves), then the 核查 list: counts per township by status with 立案率 / 结案率, filters by status, township and a
 * search word, a row opening its record and fitting the map to its plot, the plots coloured by status with the
 * legend, and a click on a plot opening its record.
 */

/** A square plot of `side` metres, south-west corner at (north, east) in the sample's zone 39 (zone-prefixed Y). */
const square = (north: number, east: number, side = 60) =>
  [
    [north, east],
    [north, east + side],
    [north + side, east + side],
    [north + side, east],
  ]
    .map(([x, y]) => `${x!.toFixed(2)},${y!.toFixed(2)}`)
    .join('\n');

/** Waits until the record panel shows a record other than `before` (the panel stays open from one record to the next). */
async function opened(page: Page, before: string | null) {
  await expect(page.getByTestId('inspection-panel')).toBeVisible();
  if (before) await expect(page.getByTestId('inspection-number')).not.toHaveText(before);
}

const shownNumber = async (page: Page) =>
  (await page.getByTestId('inspection-number').count()) > 0 ? await page.getByTestId('inspection-number').textContent() : null;

async function startTyped(page: Page, points: string) {
  const before = await shownNumber(page);
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-start-typed').click();
  await page.getByTestId('inspection-typed-points').fill(points);
  await page.getByTestId('inspection-typed-ok').click();
  await opened(page, before);
}

async function startTip(page: Page, content: string, place: string) {
  const before = await shownNumber(page);
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-start-tip').click();
  await page.getByTestId('inspection-tip-content').fill(content);
  await page.getByTestId('inspection-tip-place').fill(place);
  await page.getByTestId('inspection-tip-ok').click();
  await opened(page, before);
}

async function setLocation(page: Page, township: string, place: string) {
  await page.getByTestId('inspection-township').fill(township);
  await page.getByTestId('inspection-place').fill(place);
}

async function saveDraft(page: Page) {
  await page.getByTestId('inspection-save').click();
  await expect(page.getByTestId('inspection-dirty')).toHaveCount(0);
}

/** Fills what a submission needs (two officers, the time, construction, conclusion, description) and submits. */
async function submit(page: Page, conclusion: 'legal' | 'illegal') {
  await page.getByTestId('inspection-now').click();
  const add = page.getByTestId('inspection-inspector-add');
  while ((await page.getByTestId('inspection-inspector').count()) < 2) await add.click();
  const names = page.getByTestId('inspection-inspector-name');
  const certs = page.getByTestId('inspection-inspector-cert');
  await names.nth(0).fill('张三');
  await certs.nth(0).fill('鲁执0012');
  await names.nth(1).fill('李四');
  await certs.nth(1).fill('鲁执0031');
  await page.getByTestId('inspection-construction').getByRole('radio').nth(1).check();
  await page
    .getByTestId('inspection-conclusion')
    .getByRole('radio')
    .nth(conclusion === 'legal' ? 0 : 1)
    .check();
  if (conclusion === 'illegal') {
    await page.getByTestId('inspection-violation-未报即用').check();
    await page.getByTestId('inspection-party-name').fill('王五');
  }
  await page.getByTestId('inspection-description').fill('现场核查，情况属实。');
  await page.getByTestId('inspection-submit').click();
  await expect(page.getByTestId('inspection-status')).toHaveAttribute('data-status', 'checked');
}

async function move(page: Page, to: 'filed' | 'closed') {
  await page.getByTestId(`inspection-move-${to}`).click();
  const reason = page.getByTestId('inspection-reason-dialog');
  // A move may ask its reason (the history keeps it).
  await expect(
    page
      .getByTestId('inspection-status')
      .and(page.locator(`[data-status="${to}"]`))
      .or(reason),
  ).toBeVisible();
  if (await reason.isVisible()) {
    await reason.getByTestId('inspection-reason').fill('按程序办理');
    await reason.getByTestId('inspection-reason-ok').click();
  }
  await expect(page.getByTestId('inspection-status')).toHaveAttribute('data-status', to);
}

const countCell = (page: Page, township: string, col: string) =>
  page.locator(
    [
      `[data-testid="inspection-list-count-row"][data-township="${township}"] [data-status="${col}"]`,
      `[data-testid="inspection-list-count-row"][data-township="${township}"] [data-col="${col}"]`,
      `[data-testid="inspection-list-rate-row"][data-township="${township}"] [data-col="${col}"]`,
    ].join(', '),
  );

test('the 核查 list filters, counts and opens the records, and shows them on the map by status', async ({ page }, info) => {
  test.setTimeout(240_000);
  const console = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);

  // Four records: a draft, a legal plot closed at once, an illegal one filed as a case, and a tip without a plot.
  await startTyped(page, square(3_879_300, 39_498_300));
  await setLocation(page, '石桥镇', '青石村东侧');
  await saveDraft(page);
  await startTyped(page, square(3_879_500, 39_500_000));
  await setLocation(page, '石桥镇', '柳河村北');
  await submit(page, 'legal');
  await move(page, 'closed');
  await startTyped(page, square(3_880_100, 39_498_800));
  await setLocation(page, '杏园镇', '杏园村南');
  await submit(page, 'illegal');
  await move(page, 'filed');
  const filedNumber = (await page.getByTestId('inspection-number').textContent())!.trim();
  await startTip(page, '反映有人在河边建房', '杏园村河边');
  await setLocation(page, '杏园镇', '杏园村河边');
  await saveDraft(page);

  // 核查: the four records, the counts per township and the rates.
  await page.getByTestId('dock-tab-inspectionList').click();
  const total = page.getByTestId('inspection-list-total');
  await expect(total).toHaveAttribute('data-total', '4');
  await expect(total).toHaveAttribute('data-n', '4');
  await expect(page.getByTestId('inspection-list-row')).toHaveCount(4);
  await expect(countCell(page, '石桥镇', 'pending')).toHaveText('1');
  await expect(countCell(page, '石桥镇', 'closed')).toHaveText('1');
  await expect(countCell(page, '石桥镇', 'total')).toHaveText('2');
  await expect(countCell(page, '石桥镇', 'filingRate')).toHaveText('—');
  await expect(countCell(page, '杏园镇', 'filed')).toHaveText(['1', '1']);
  await expect(countCell(page, '杏园镇', 'illegal')).toHaveText('1');
  await expect(countCell(page, '杏园镇', 'filingRate')).toHaveText('100.0%');
  await expect(countCell(page, '杏园镇', 'closingRate')).toHaveText('0.0%');
  await expect(countCell(page, '*', 'total')).toHaveText('4');

  // The map: the three plots by status, the tip counted as not on the map.
  const legend = page.getByTestId('inspection-list-legend');
  await expect(legend).toBeVisible();
  await expect(legend.locator('[data-status="pending"] [data-testid="inspection-list-legend-count"]')).toHaveText('1');
  await expect(legend.locator('[data-status="closed"] [data-testid="inspection-list-legend-count"]')).toHaveText('1');
  await expect(legend.locator('[data-status="filed"] [data-testid="inspection-list-legend-count"]')).toHaveText('1');
  await expect(page.getByTestId('inspection-list-legend-unplaced')).toContainText('1');

  // Filters: a status, a township, a word; each narrows the table and the counts.
  await page.locator('[data-testid="inspection-list-status"][data-status="pending"]').check();
  await expect(total).toHaveAttribute('data-n', '2');
  await expect(page.getByTestId('inspection-list-row')).toHaveCount(2);
  await page.getByTestId('inspection-list-township').selectOption('杏园镇');
  await expect(total).toHaveAttribute('data-n', '1');
  await expect(page.locator('[data-testid="inspection-list-row"] [data-col="township"]')).toHaveText(['杏园镇']);
  await page.getByTestId('inspection-list-clear').click();
  await expect(total).toHaveAttribute('data-n', '4');
  await page.getByTestId('inspection-list-search').fill('王五');
  await expect(total).toHaveAttribute('data-n', '1');
  await expect(page.locator('[data-testid="inspection-list-row"] [data-col="status"]')).toHaveText(['已立案']);

  // The filtered list as .xlsx, read back by Python's zipfile + xml.etree (not by exceljs, which wrote it).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inspection-list-export').click()]);
  const file = info.outputPath('inspection-list.xlsx');
  await download.saveAs(file);
  const book = JSON.parse(execFileSync('/usr/bin/python3', ['scripts/read-xlsx.py', file], { encoding: 'utf8' })) as {
    sheets: { name: string; cells: Record<string, string | number> }[];
  };
  const [list, counts] = book.sheets;
  expect(list!.name).toBe('核查记录');
  expect(list!.cells.A2).toBe('筛选：搜索：王五');
  expect([list!.cells.A3, list!.cells.I3, list!.cells.A4, list!.cells.C4, list!.cells.I4, list!.cells.A5]).toEqual([
    '编号',
    '状态',
    filedNumber,
    '杏园镇',
    '已立案',
    undefined,
  ]);
  expect(counts!.name).toBe('各乡镇统计');
  expect([counts!.cells.A3, counts!.cells.H3, counts!.cells.I3, counts!.cells.J3]).toEqual(['杏园镇', 1, 1, 0]);
  await page.getByTestId('inspection-list-clear').click();

  // Sorting by 状态 puts the drafts first, then the filed case, then the closed one.
  await page.locator('[data-testid="inspection-list-th"][data-key="status"]').click();
  await expect(page.locator('[data-testid="inspection-list-row"] [data-col="status"]')).toHaveText(['待核查', '待核查', '已立案', '已结案']);

  // A row opens its record and fits the map to its plot.
  await page.locator('[data-testid="inspection-list-row"]', { hasText: filedNumber }).click();
  await expect(page.getByTestId('inspection-number')).toHaveText(filedNumber);
  await waitForMapIdle(page);
  await screenshot(page, info, 'inspection-list');

  // A click on a plot opens its record: closed first, then the plot at the map's centre (where the fit put it).
  await page.getByTestId('inspection-close').click();
  await expect(page.getByTestId('inspection-number')).toHaveCount(0);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('inspection-number')).toHaveText(filedNumber);

  // The county view: every plot's pin in its status colour.
  await page.evaluate(() => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.fit([116.97, 35.04, 117.02, 35.08], { animate: false }));
  await waitForMapIdle(page);
  await screenshot(page, info, 'inspection-list-map');
  console.assertClean();
});

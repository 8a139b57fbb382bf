/**
 * 核查记录 (issue 11 items 1, 5, 7) as an officer uses it: she clicks a 卫片图斑 of the sample township with identify,
 * starts an inspection (its JCBH carried over), tries to submit the empty form (what is missing is said next to each
 * field, the first focused), fills it — two inspectors with their 执法证号, the party with a valid 身份证号, 在建,
 * 违法违规 + 未报即用, a stop notice served today with its number, the description — and submits. After a reload the
 * record opens again with every field identical; she corrects it with a reason and sees the correction in its
 * history, the chain ✔. A second journey: a save that IndexedDB refuses (QuotaExceededError) says what was not
 * saved and keeps the form filled; once the disk has room the save goes through and survives a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeGkToLngLat } from '../../shared/domain/crs/transform';
import { PATCHES, villageAt } from '../../shared/sample/township-plan';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

type Handle = import('../../renderer/map').MapHandle;
type MapEl = HTMLElement & { mapHandle?: Handle };

/** A 身份证号 with its check character (GB 11643's own example: 11010519491231002X). */
const ID_CARD = '11010519491231002X';

/** The sample's patches as shared/sample/township.ts places them: 250 m cells from (39 498 000 E, 3 879 000 N), zone 39. */
const toLngLat = makeGkToLngLat({ width: 3, zone: 39, centralMeridian: 117 }, true);
const patchCorners = (i: number) => PATCHES[i]!.corners.map(([dc, dr]) => toLngLat(39_498_000 + dc * 250, 3_879_000 + dr * 250));
const patchVillage = (i: number) => villageAt(Math.floor(PATCHES[i]!.corners[0]![1]), Math.floor(PATCHES[i]!.corners[0]![0])).name;

/** Zooms to a patch and clicks its middle with identify (the map's click selects what is under it). */
async function clickPatch(page: Page, index: number): Promise<string> {
  const corners = patchCorners(index);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
  await page.evaluate(
    (b) =>
      document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.fit(b as [number, number, number, number], { animate: false, maxZoom: 17 }),
    bbox,
  );
  await waitForMapIdle(page);
  const centre: [number, number] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
  const [x, y] = await page.evaluate((c) => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.project(c), centre);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  return PATCHES[index]!.jcbh;
}

/** Every field of the form as the officer sees it (inputs, choices, ticks). */
const formValues = (page: Page) =>
  page.getByTestId('inspection-fields').evaluate((root) => {
    const out: Record<string, string | boolean> = {};
    root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select').forEach((el, i) => {
      const key = `${i}:${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.id}`;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) out[`${key}:${el.value}`] = el.checked;
      else out[key] = el.value;
    });
    return out;
  });

const today = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
};

test('核查: click a patch, start, see what is missing, fill, submit, reload identical, amend with a reason, chain ✔', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);

  // 1. The patch, identified; 开始核查 in the 属性 panel.
  const jcbh = await clickPatch(page, 0);
  const identify = page.getByTestId('identify-panel');
  await expect(identify.locator('.layer-label')).toHaveText('卫片图斑WPTB');
  await expect(identify.getByTestId('identify-attributes')).toContainText(jcbh);
  await identify.getByTestId('identify-start-inspection').click();

  const panel = page.getByTestId('inspection-panel');
  await expect(panel).toBeVisible();
  const year = today().slice(0, 4);
  await expect(panel.getByTestId('inspection-number')).toHaveText(`核〔${year}〕001号`);
  await expect(panel.getByTestId('inspection-status')).toHaveText('待核查');
  await expect(panel.getByTestId('inspection-source')).toContainText(`卫片图斑 ${jcbh}`);
  await expect(panel.getByTestId('inspection-task-no')).toHaveValue(jcbh);
  // The village from the sample's boundary layer (行政区XZQ) the plot's centre lies in.
  await expect(panel.getByTestId('inspection-village')).toHaveValue(patchVillage(0));
  await expect(panel.getByTestId('inspection-plot')).toContainText('3°/39');

  // 2. 提交 at once: each missing field says so next to it, the first (乡镇) has the focus.
  await panel.getByTestId('inspection-submit').click();
  await expect(panel.getByTestId('inspection-issues-summary')).toBeVisible();
  const errorOf = (slot: string) => panel.locator(`[data-field="${slot}"] .field-error`).first();
  await expect(errorOf('location.township')).toHaveText('必填');
  await expect(errorOf('inspectedAt')).toHaveText('必填');
  await expect(errorOf('inspectors')).toHaveText('至少需要两名核查人员');
  await expect(errorOf('construction')).toHaveText('必填');
  await expect(errorOf('conclusion')).toHaveText('必填');
  await expect(errorOf('description')).toHaveText('必填');
  await expect(panel.getByTestId('inspection-township')).toBeFocused();
  await expect(panel.getByTestId('inspection-status')).toHaveText('待核查');
  await screenshot(page, info, 'inspection-1-issues');

  // 3. She fills the form. A mistyped 身份证号 first: its check digit is caught next to the field.
  await panel.getByTestId('inspection-township').fill('石桥镇');
  await panel.getByTestId('inspection-place').fill('村东砖厂南侧');
  await panel.getByTestId('inspection-now').click();
  const names = panel.getByTestId('inspection-inspector-name');
  const certs = panel.getByTestId('inspection-inspector-cert');
  await names.nth(0).fill('王建国');
  await certs.nth(0).fill('鲁自然执字第37030001号');
  await names.nth(1).fill('李秀英');
  await certs.nth(1).fill('鲁自然执字第37030002号');
  await panel.getByTestId('inspection-party-name').fill('张大山');
  await panel.getByTestId('inspection-party-id').fill('110105194912310021');
  await panel.getByTestId('inspection-party-contact').fill('13805330001');
  await panel.getByTestId('inspection-land-use').fill('工业用地（厂房）');
  await panel.getByTestId('inspection-construction').getByText('在建').click();
  await panel.getByTestId('inspection-conclusion').getByText('违法违规').click();
  await panel.getByTestId('inspection-violation-未报即用').check();
  await panel.getByTestId('inspection-stop-issued').check();
  await expect(panel.getByTestId('inspection-stop-date')).toHaveValue(today());
  await panel.getByTestId('inspection-stop-number').fill(`石国土资停字〔${year}〕第7号`);
  await panel
    .getByTestId('inspection-description')
    .fill('现场新建钢结构厂房一处，已完成基础及立柱，未见用地审批手续，当场下达责令停止违法行为通知书。');
  await panel.getByTestId('inspection-submit').click();
  await expect(errorOf('party.idNo')).toHaveText(/^校验位不符/);
  await expect(panel.getByTestId('inspection-party-id')).toBeFocused();
  await panel.getByTestId('inspection-party-id').fill(ID_CARD);

  // 4. 提交: 已核查, read-only.
  await panel.getByTestId('inspection-submit').click();
  await expect(panel.getByTestId('inspection-status')).toHaveText('已核查');
  await expect(panel.getByTestId('inspection-readonly-note')).toContainText('记录只读');
  await expect(panel.getByTestId('inspection-description')).toBeDisabled();
  await expect(panel.locator('.field-error')).toHaveCount(0);
  const submitted = await formValues(page);
  expect(Object.values(submitted)).toContain(ID_CARD);
  await expect(panel.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  await screenshot(page, info, 'inspection-2-submitted');

  // 5. Back at the office: reload; the record opens again as she left it, every field identical.
  await page.reload();
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await page.getByTestId('dock-tab-inspection').click();
  await expect(panel.getByTestId('inspection-status')).toHaveText('已核查');
  await expect(panel.getByTestId('inspection-number')).toHaveText(`核〔${year}〕001号`);
  expect(await formValues(page)).toEqual(submitted);
  await expect(panel.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');

  // 6. A correction: 建成 instead of 在建, with its reason; the history shows it, the chain still holds.
  await panel.getByTestId('inspection-amend').click();
  await expect(panel.getByTestId('inspection-description')).toBeEnabled();
  await panel.getByTestId('inspection-construction').getByText('建成').click();
  await panel.getByTestId('inspection-amend-save').click();
  const ask = page.getByTestId('inspection-reason-dialog');
  await expect(ask).toBeVisible();
  await expect(ask.getByTestId('inspection-reason-lines')).toHaveText('建设情况：在建 → 建成');
  await expect(ask.getByTestId('inspection-reason-ok')).toBeDisabled();
  await ask.getByTestId('inspection-reason').fill('复核照片显示主体已封顶，更正建设情况');
  await ask.getByTestId('inspection-reason-ok').click();
  await expect(ask).toHaveCount(0);
  await expect(panel.getByTestId('inspection-description')).toBeDisabled();
  const history = panel.getByTestId('inspection-history');
  const newest = history.getByTestId('inspection-history-entry').first();
  await expect(newest).toHaveAttribute('data-kind', 'amended');
  await expect(newest.getByTestId('inspection-history-reason')).toHaveText('原因：复核照片显示主体已封顶，更正建设情况');
  await expect(newest.getByTestId('inspection-history-change')).toHaveText('建设情况：在建 → 建成');
  // created, saved (the submission stores the form first), submitted, amended.
  await expect(history.getByTestId('inspection-history-entry')).toHaveCount(4);
  await expect(panel.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  await expect(panel.getByTestId('inspection-chain')).toContainText('✔ 完整性校验通过（4 条记录');

  // 7. A status move: 已制止 (the stop notice is on the record).
  await panel.getByTestId('inspection-move-stopped').click();
  await page.getByTestId('inspection-reason-ok').click();
  await expect(panel.getByTestId('inspection-status')).toHaveText('已制止');
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, info, 'inspection-3-history');
  consoleWatch.assertClean();
});

test('核查: a save IndexedDB refuses (disk full) says what was not saved and keeps the form; the retry is stored', async ({ page }, info) => {
  const consoleWatch = watchConsole(page, [/QuotaExceededError|Failed to load resource/]);
  await openApp(page);
  await waitForMapIdle(page);

  // A tip from the 12336 hotline.
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-new-dialog').getByTestId('inspection-start-tip').click();
  const tip = page.getByTestId('inspection-tip-dialog');
  await tip.getByTestId('inspection-tip-reporter').fill('刘先生');
  await tip.getByTestId('inspection-tip-content').fill('青石村北河滩有人挖沙取土');
  await tip.getByTestId('inspection-tip-ok').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel.getByTestId('inspection-source')).toContainText('12336 热线举报（刘先生');
  const number = (await panel.getByTestId('inspection-number').innerText()).trim();

  const description = '河滩东侧取土坑约 300 平方米，深约 2 米，现场无人作业。';
  await panel.getByTestId('inspection-description').fill(description);
  await panel.getByTestId('inspection-township').fill('石桥镇');

  // The disk is full: every put of IndexedDB throws.
  await page.evaluate(() => {
    const w = window as unknown as { __put?: typeof IDBObjectStore.prototype.put };
    w.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await panel.getByTestId('inspection-save').click();
  const error = panel.getByTestId('inspection-error');
  await expect(error).toContainText(`核查记录 ${number} 未保存（草稿）：磁盘空间不足`);
  await expect(page.getByTestId('notice-error')).toContainText(`核查记录 ${number} 未保存`);
  await expect(panel.getByTestId('inspection-description')).toHaveValue(description);
  await expect(panel.getByTestId('inspection-township')).toHaveValue('石桥镇');
  await expect(panel.getByTestId('inspection-dirty')).toBeVisible();
  await screenshot(page, info, 'inspection-4-save-failed');

  // Room on the disk again: the same button saves.
  await page.evaluate(() => {
    const w = window as unknown as { __put?: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.put = w.__put!;
  });
  await panel.getByTestId('inspection-save').click();
  await expect(error).toHaveCount(0);
  await expect(panel.getByTestId('inspection-dirty')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await page.getByTestId('dock-tab-inspection').click();
  await expect(panel.getByTestId('inspection-number')).toHaveText(number);
  await expect(panel.getByTestId('inspection-description')).toHaveValue(description);
  await expect(panel.getByTestId('inspection-township')).toHaveValue('石桥镇');
  const entries = panel.getByTestId('inspection-history-entry');
  await expect(entries).toHaveCount(2); // created, saved: the refused save wrote nothing
  await expect(entries.first().getByTestId('inspection-history-change').filter({ hasText: '现场情况描述' })).toHaveCount(1);
  await expect(panel.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  consoleWatch.assertClean();
});

test('核查: a plot from typed coordinates, and 开始核查 from the map’s right-click menu on a patch', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);

  // The office's number pattern first (核查编号格式): one without a serial is refused, by name.
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-open-pattern').click();
  const pattern = page.getByTestId('inspection-pattern-dialog');
  await pattern.getByTestId('inspection-pattern').fill('石国土核〔{yyyy}〕号');
  await expect(pattern).toContainText('格式中须有序号 {seq} 或 {seq:N}');
  await expect(pattern.getByTestId('inspection-pattern-save')).toBeDisabled();
  await pattern.getByTestId('inspection-pattern').fill('石国土核〔{yyyy}〕{seq:4}号');
  const year = today().slice(0, 4);
  await expect(pattern.getByTestId('inspection-pattern-example')).toHaveText(`今天新建的第一条记录编号为：石国土核〔${year}〕0001号`);
  await pattern.getByTestId('inspection-pattern-save').click();
  await expect(pattern).toHaveCount(0);

  // 输入坐标: four boundary points, X north and Y east with the zone-39 prefix, the first repeated to close.
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-start-typed').click();
  const typed = page.getByTestId('inspection-typed-dialog');
  const points = typed.getByTestId('inspection-typed-points');
  await points.fill('J1,3879250.00,39498250.00\nJ2,3879250.00\n');
  await expect(typed).toContainText('第 2 行不是“X,Y”：J2,3879250.00');
  await expect(typed.getByTestId('inspection-typed-ok')).toBeDisabled();
  await points.fill(
    'J1,3879250.00,39498250.00\nJ2,3879250.00,39498500.00\nJ3,3879500.00,39498500.00\nJ4,3879500.00,39498250.00\nJ1,3879250.00,39498250.00',
  );
  await expect(typed.getByTestId('inspection-typed-ok-note')).toHaveText('4 个点，3°带 第 39 带');
  await screenshot(page, info, 'inspection-5-typed');
  await typed.getByTestId('inspection-typed-ok').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel.getByTestId('inspection-source')).toHaveText('来源：输入坐标');
  await expect(panel.getByTestId('inspection-village')).toHaveValue('青石村');
  await expect(panel.getByTestId('inspection-plot')).toContainText('3°/39');
  await expect(panel.getByTestId('inspection-number')).toHaveText(`石国土核〔${year}〕0001号`);
  const first = (await panel.getByTestId('inspection-number').innerText()).trim();

  // The right-click menu on a 卫片图斑 offers 开始核查: a second record, numbered after the first.
  await clickPatch(page, 1);
  await page.getByTestId('dock-tab-identify').click();
  await expect(page.getByTestId('identify-panel').locator('.layer-label')).toHaveText('卫片图斑WPTB');
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  const menu = page.getByTestId('map-context-menu');
  await screenshot(page, info, 'inspection-6-context-menu');
  await menu.getByTestId('ctx-start-inspection').click();
  await expect(panel.getByTestId('inspection-task-no')).toHaveValue(PATCHES[1]!.jcbh);
  const second = (await panel.getByTestId('inspection-number').innerText()).trim();
  expect(Number(/(\d+)号$/.exec(second)?.[1])).toBe(Number(/(\d+)号$/.exec(first)?.[1]) + 1);

  // 在地图上绘制地块: four clicks and Enter; the drawn plot is the record's, in its zone.
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-start-draw').click();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [
    [-250, -200],
    [-150, -200],
    [-150, -120],
    [-250, -120],
  ] as const)
    await page.mouse.click(cx + dx, cy + dy);
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('inspection-source')).toHaveText('来源：地图绘制');
  await expect(panel.getByTestId('inspection-plot')).toContainText('3°/39');
  const third = (await panel.getByTestId('inspection-number').innerText()).trim();
  expect(Number(/(\d+)号$/.exec(third)?.[1])).toBe(Number(/(\d+)号$/.exec(second)?.[1]) + 1);
  await waitForMapIdle(page);
  await screenshot(page, info, 'inspection-7-drawn');
  consoleWatch.assertClean();
});

/**
 * 现场勘测笔录 facts (issue 13 item 4) as an officer enters them: she clicks the sample township's first change patch,
 * starts an inspection and, in the record's 现场勘测笔录 section, enters when the survey began and ended, a witness,
 * the instrument and method, the 四至 and the party's refusal to sign with its reason. An end before the start is
 * refused by name; the save is one history entry of the record (field 现场勘测笔录), the chain ✔; after a reload the
 * section shows every value as entered.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeGkToLngLat } from '../../shared/domain/crs/transform';
import { PATCHES } from '../../shared/sample/township-plan';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

type Handle = import('../../renderer/map').MapHandle;
type MapEl = HTMLElement & { mapHandle?: Handle };

const toLngLat = makeGkToLngLat({ width: 3, zone: 39, centralMeridian: 117 }, true);

async function clickPatch(page: Page, index: number): Promise<void> {
  const corners = PATCHES[index]!.corners.map(([dc, dr]) => toLngLat(39_498_000 + dc * 250, 3_879_000 + dr * 250));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
  await page.evaluate(
    (b) =>
      document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.fit(b as [number, number, number, number], { animate: false, maxZoom: 17 }),
    bbox,
  );
  await waitForMapIdle(page);
  const [x, y] = await page.evaluate((c) => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.project(c), [
    (bbox[0] + bbox[2]) / 2,
    (bbox[1] + bbox[3]) / 2,
  ] as [number, number]);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
}

/** Today in Beijing as a datetime-local value at hh:mm. */
const todayAt = (hhmm: string) => `${new Date(Date.now() + 8 * 3600_000 - 6 * 3600_000).toISOString().slice(0, 10)}T${hhmm}`;

test('现场勘测笔录: enter times, a witness, instrument, 四至 and a refusal; refused end before start; one history entry; reload identical', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  await clickPatch(page, 0);
  await page.getByTestId('identify-panel').getByTestId('identify-start-inspection').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel).toBeVisible();
  const section = panel.getByTestId('inspection-section-site-record');
  await expect(section.locator('h3')).toHaveText('现场勘测笔录');
  await expect(section.getByTestId('site-record-save')).toBeDisabled();

  // Times: an end before the start is named and cannot be saved. (Six hours back keeps both in the past whenever the test runs.)
  const start = todayAt('00:10');
  await section.getByTestId('site-record-startedAt').fill(start);
  await section.getByTestId('site-record-endedAt').fill(todayAt('00:05'));
  await expect(section).toContainText('结束时间早于开始时间');
  await expect(section.getByTestId('site-record-save')).toBeDisabled();
  const end = todayAt('00:55');
  await section.getByTestId('site-record-endedAt').fill(end);
  await expect(section).not.toContainText('结束时间早于开始时间');

  await section.getByTestId('site-record-witness-add').click();
  await section.getByTestId('site-record-witness-name').fill('赵德明');
  await section.getByTestId('site-record-witness-id').fill('11010519491231002X');
  await section.getByTestId('site-record-witness-contact').fill('13905310000');
  await section.getByTestId('site-record-instrument').fill('GNSS RTK 接收机（中海达 V90）');
  await section.getByTestId('site-record-method').fill('RTK 逐点实测界址点，CGCS2000');
  await section.getByTestId('site-record-east').fill('村集体耕地');
  await section.getByTestId('site-record-south').fill('县道 X012');
  await section.getByTestId('site-record-west').fill('村级道路');
  await section.getByTestId('site-record-north').fill('灌溉沟渠');
  await section.getByTestId('site-record-refusal').fill('当事人称面积有异议，拒绝签字');
  await screenshot(page, info, 'evidence-papers-site-record');
  await section.getByTestId('site-record-save').click();
  await expect(page.getByText('已保存现场勘测笔录信息')).toBeVisible();

  // One history entry naming the field; the chain verifies.
  const last = panel.getByTestId('inspection-history-entry').first();
  await expect(last.getByTestId('inspection-history-change')).toHaveAttribute('data-field', 'siteRecord');
  await expect(last).toContainText('现场勘测笔录');
  await expect(last).toContainText('见证人 1 名');
  await expect(panel.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  await expect(section.getByTestId('site-record-save')).toBeDisabled();

  // After a reload the record opens again with the values as entered.
  await page.reload();
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await page.getByTestId('dock-tab-inspection').click();
  const again = page.getByTestId('inspection-panel').getByTestId('inspection-section-site-record');
  await expect(again.getByTestId('site-record-startedAt')).toHaveValue(start);
  await expect(again.getByTestId('site-record-endedAt')).toHaveValue(end);
  await expect(again.getByTestId('site-record-witness-name')).toHaveValue('赵德明');
  await expect(again.getByTestId('site-record-witness-id')).toHaveValue('11010519491231002X');
  await expect(again.getByTestId('site-record-instrument')).toHaveValue('GNSS RTK 接收机（中海达 V90）');
  await expect(again.getByTestId('site-record-north')).toHaveValue('灌溉沟渠');
  await expect(again.getByTestId('site-record-party-present')).toBeChecked();
  await expect(again.getByTestId('site-record-refusal')).toHaveValue('当事人称面积有异议，拒绝签字');
  await expect(page.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  await again.scrollIntoViewIfNeeded();
  await again.screenshot({ path: 'test-results/evidence-papers-site-record-section.png' });
  await screenshot(page, info, 'evidence-papers-site-record-reloaded');
  consoleWatch.assertClean();
});

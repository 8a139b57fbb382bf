import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(HERE, '../fixtures');
const GPX = path.join(FIXTURES, 'patrol/morning-qingshi.gpx');
const OVKML = path.join(FIXTURES, 'patrol/morning-qingshi.ovkml');
const TRUNCATED = path.join(FIXTURES, 'tracks/truncated.gpx');
/** Points inside 青石村 and what the map must show there while the form is open (scripts/make-patrol-fixtures.py). */
const PROBES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'patrol/probes.json'), 'utf8')) as {
  lngLat: [number, number];
  expect: 'covered' | 'open';
}[];

type MapEl = HTMLElement & { mapHandle?: import('../../renderer/map').MapHandle };

/** The map's own pixels (its PNG) at the probes: [r, g, b] each, averaged over a 5 × 5 px square. */
const probeColours = (page: Page): Promise<[number, number, number][]> =>
  page.evaluate(async (probes) => {
    const h = document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!;
    const blob = await h.screenshot();
    const bmp = await createImageBitmap(blob);
    const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    const ratio = bmp.width / canvas.clientWidth;
    return probes.map((p) => {
      const [x, y] = h.project(p.lngLat);
      const d = g.getImageData(Math.round(x * ratio) - 2, Math.round(y * ratio) - 2, 5, 5).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k]! += d[i + k]!;
      return sum.map((s) => s / 25) as [number, number, number];
    });
  }, PROBES);

/** 网格 as an office sets it up (tests/e2e/grid.spec.ts): the sample's villages promoted, 青石村 cut into 500 m cells. */
async function makeCells(page: Page): Promise<number> {
  await page.getByTestId('dock-tab-grid').click();
  const panel = page.getByTestId('grid-panel');
  await panel.getByTestId('grid-promote-open').click();
  const form = panel.getByTestId('grid-promote-form');
  await form.getByTestId('grid-promote-township-name').fill('石桥镇');
  await form.getByTestId('grid-promote-run').click();
  await expect(form).toHaveCount(0);
  await panel.getByTestId('grid-row').filter({ hasText: '青石村' }).click();
  const gen = panel.getByTestId('grid-generate-form');
  await gen.getByTestId('grid-generate-run').click();
  await expect(gen.getByTestId('grid-generate-preview')).toBeVisible();
  await gen.getByTestId('grid-generate-save').click();
  const cells = page.locator('[data-testid="grid-row"][data-level="cell"]');
  await expect(cells.first()).toBeVisible();
  // Deselect so the grid's highlight does not change under the probes later.
  await panel.locator('[data-testid="grid-row"][data-level="village"]').filter({ hasText: '青石村' }).click();
  await expect(panel.locator('[data-testid="grid-row"][aria-selected="true"]')).toHaveCount(0);
  return cells.count();
}

test('巡查: import a GPX patrol, covered cells green and the others red, nothing found, saved, reloaded, edited with history', async ({
  page,
}, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  const cellCount = await makeCells(page);
  expect(cellCount).toBe(9); // grid.spec.ts pins the same 9 cells

  await page.getByTestId('dock-tab-patrol').click();
  const panel = page.getByTestId('patrol-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('patrol-row')).toHaveCount(0);
  await waitForMapIdle(page);
  const before = await probeColours(page);

  // 导入轨迹: the GPX from her handheld. The form opens beside the map with the track's times (Beijing).
  await panel.getByTestId('patrol-import-input').setInputFiles(GPX);
  const form = page.getByTestId('patrol-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('dock-tab-patrol-form')).toHaveAttribute('aria-selected', 'true');
  const rows = form.getByTestId('patrol-coverage-row');
  await expect(rows.first()).toBeVisible();
  await expect(form.getByTestId('patrol-start')).toHaveValue('2026-04-20T08:30');
  await expect(form.getByTestId('patrol-end')).toHaveValue('2026-04-20T08:49');
  await expect(form.getByTestId('patrol-route-summary')).toContainText('轨迹文件 morning-qingshi.gpx（WGS84 / CGCS2000）');
  await expect(form.getByTestId('patrol-route-summary')).toContainText('1 段，116 个点');

  // The table: the cells the track entered, each with metres and minutes inside; covered from 200 m or 5 min.
  // The track never leaves 青石村's cells, so the metres inside add up to its length (1,170 m north + 260 m east in
  // the GK plane: 1,430 m; geodesic differs from the plane by the zone's scale, < 0.1 m here).
  const table = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      covered: tr.getAttribute('data-covered') === 'true',
      ticked: tr.getAttribute('data-ticked') === 'true',
      metres: Number(tr.querySelector('[data-testid="patrol-coverage-metres"]')!.textContent!.replace(/,/g, '')),
      minutes: Number(tr.querySelector('[data-testid="patrol-coverage-minutes"]')!.textContent),
    })),
  );
  const total = table.reduce((s, r) => s + r.metres, 0);
  expect(Math.abs(total - 1430)).toBeLessThanOrEqual(table.length); // each row printed to the metre
  expect(table.filter((r) => r.covered).length).toBeGreaterThanOrEqual(2);
  for (const r of table) {
    // The handheld walked at one pace (12.38–12.45 m per 10 s, the fixture's legs), so the time inside each cell is
    // its metres at that pace: within the printed rounding (1 m, 0.1 min) and the two legs' pace difference.
    expect(Math.abs(r.minutes * 60 - r.metres / 1.2447)).toBeLessThanOrEqual(8);
    expect(r.ticked).toBe(r.covered);
    expect(r.covered).toBe(r.metres >= 200 || r.minutes >= 5);
  }
  const coveredCount = table.filter((r) => r.covered).length;
  await expect(form.getByTestId('patrol-coverage-summary')).toHaveText(`已覆盖 ${coveredCount} 个区域（路线经过 ${table.length} 个）`);

  // The map: covered cells turn green, the others red (the same pixels before the form opened, as the base).
  await waitForMapIdle(page);
  const after = await probeColours(page);
  PROBES.forEach((p, i) => {
    const [r0, g0] = before[i]!;
    const [r1, g1] = after[i]!;
    const greener = g1 - g0 - (r1 - r0);
    if (p.expect === 'covered') expect(greener, `probe ${i} ${JSON.stringify({ before: before[i], after: after[i] })}`).toBeGreaterThan(15);
    else expect(-greener, `probe ${i} ${JSON.stringify({ before: before[i], after: after[i] })}`).toBeGreaterThan(15);
  });
  await expect(page.getByTestId('patrol-legend')).toContainText('已覆盖');

  // Raising the metres threshold past every cell's figure leaves only what time covers; back to 200 restores it.
  await form.getByTestId('patrol-min-metres').fill('5000');
  await form.getByTestId('patrol-min-minutes').fill('60');
  await expect(form.locator('[data-testid="patrol-coverage-row"][data-covered="true"]')).toHaveCount(0);
  await form.getByTestId('patrol-min-metres').fill('200');
  await form.getByTestId('patrol-min-minutes').fill('5');
  await expect(form.locator('[data-testid="patrol-coverage-row"][data-covered="true"]')).toHaveCount(coveredCount);

  // Who, what was found: nothing (it counts toward the zero report).
  await form.getByTestId('patrol-officer-add').click();
  await form.getByTestId('patrol-officer-name').fill('王芳');
  await form.getByTestId('patrol-officer-cert').fill('鲁370300123');
  await form.getByTestId('patrol-findings').fill('沿青石村西侧道路巡查，未发现新增违法占地。');
  await form.getByTestId('patrol-nothing-found').check();
  // A photo attached (any file: kept by its SHA-256, stored with the save).
  const photo = Buffer.from('JPEG stand-in: 青石村西侧道路现场照片');
  await form.getByTestId('patrol-attachment-input').setInputFiles({ name: '现场照片1.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(form.getByTestId('patrol-attachment-new')).toContainText('现场照片1.jpg');
  await expect(form.getByTestId('patrol-finding-action')).toBeDisabled();
  // 转为核查记录 (the inspection feature's action) waits for the saved record.
  await expect(form.getByTestId('patrol-finding-action')).toHaveText('转为核查记录');
  await expect(form.getByTestId('patrol-finding-action')).toHaveAttribute('title', '请先保存巡查记录');
  await waitForMapIdle(page);
  await screenshot(page, info, '50a-patrol-form');
  await form.getByTestId('patrol-save').click();
  await expect(page.getByTestId('notice-info').filter({ hasText: '已保存巡查记录 XC20260420001' })).toBeVisible();
  await expect(form.getByTestId('patrol-form-number')).toHaveText('XC20260420001');
  await expect(form.getByTestId('patrol-finding-action')).toBeEnabled();
  const sha = createHash('sha256').update(photo).digest('hex');
  await expect(form.getByTestId('patrol-attachment')).toHaveAttribute('data-sha256', sha);
  const row = panel.getByTestId('patrol-row').filter({ hasText: 'XC20260420001' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('patrol-zero')).toHaveText('零报告');
  await expect(row).toContainText(`王芳 · ${coveredCount} 个区域`);
  await expect(panel.getByTestId('patrol-month-figures')).toHaveText('1 次巡查，1 次计入零报告');

  // Reload: everything is found again (the ledger opens on the current month: go to April 2026).
  await page.reload();
  await openApp(page);
  await page.getByTestId('dock-tab-patrol').click();
  await page.getByTestId('patrol-month').fill('2026-04');
  const again = page.getByTestId('patrol-row').filter({ hasText: 'XC20260420001' });
  await expect(again).toBeVisible();
  await expect(again.getByTestId('patrol-zero')).toBeVisible();
  await expect(again).toContainText('2026-04-20 08:30–08:49');
  await again.click();
  await again.getByTestId('patrol-edit').click();
  const edit = page.getByTestId('patrol-form');
  await expect(edit.getByTestId('patrol-form-number')).toHaveText('XC20260420001');
  await expect(edit.getByTestId('patrol-nothing-found')).toBeChecked();
  await expect(edit.getByTestId('patrol-officer-cert')).toHaveValue('鲁370300123');
  await expect(edit.locator('[data-testid="patrol-coverage-row"][data-ticked="true"]')).toHaveCount(coveredCount);
  // The attachment's bytes come back from the store, as they went in.
  const download = page.waitForEvent('download');
  await edit.getByTestId('patrol-attachment-save').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('现场照片1.jpg');
  expect(fs.readFileSync((await saved.path())!)).toEqual(photo);

  // An edit keeps the history: who, when, the field before → after.
  await edit.getByTestId('patrol-notes').fill('午后补充：西侧沟渠已清理。');
  await edit.getByTestId('patrol-save').click();
  await expect(page.getByTestId('notice-info').filter({ hasText: '已保存对 XC20260420001 的修改' })).toBeVisible();
  const change = edit.locator('[data-testid="patrol-history-entry"][data-kind="amended"] [data-testid="patrol-history-change"][data-field="notes"]');
  await expect(change).toHaveText('备注：（空） → 午后补充：西侧沟渠已清理。');
  await expect(edit.locator('[data-testid="patrol-history-entry"][data-kind="amended"]')).toContainText('本机用户');
  await expect(edit.locator('[data-testid="patrol-history-entry"]')).toHaveCount(2);
  await waitForMapIdle(page);
  await screenshot(page, info, '50b-patrol-history');

  // A file that is not a track: a message naming it; the form's route is untouched.
  await edit.getByTestId('patrol-route-input').setInputFiles(TRUNCATED);
  await expect(edit.getByTestId('patrol-form-error')).toContainText('truncated.gpx：不是有效的 XML 文件');
  await expect(edit.getByTestId('patrol-route-summary')).toContainText('morning-qingshi.gpx');
  await edit.getByTestId('patrol-close').click();

  // 奥维's .ovkml: the datum is asked with GCJ-02 preselected and a warning; the route is kept unshifted, flagged.
  await page.getByTestId('patrol-new').click();
  const fresh = page.getByTestId('patrol-form');
  await fresh.getByTestId('patrol-route-input').setInputFiles(OVKML);
  const datum = page.getByTestId('patrol-datum-dialog');
  await expect(datum).toBeVisible();
  await expect(datum.getByTestId('patrol-datum-likely')).toContainText('GCJ-02');
  await expect(datum.getByRole('radio', { name: 'GCJ-02（火星坐标）' })).toBeChecked();
  await screenshot(page, info, '50c-patrol-datum');
  await datum.getByTestId('patrol-datum-ok').click();
  await expect(fresh.getByTestId('patrol-gcj02-warning')).toBeVisible();
  await expect(fresh.getByTestId('patrol-route-summary')).toContainText('无时间');
  await expect(fresh.getByTestId('patrol-track-notes')).toContainText('停留时长不可用');
  // Closing a form with unsaved changes asks first; keeping it changes nothing, discarding closes it.
  await fresh.getByTestId('patrol-close').click();
  const discard = page.getByTestId('patrol-discard-dialog');
  await expect(discard).toContainText('这条新的巡查记录还没有保存');
  await discard.getByRole('button', { name: '继续填写' }).click();
  await expect(fresh.getByTestId('patrol-gcj02-warning')).toBeVisible();
  await fresh.getByTestId('patrol-close').click();
  await discard.getByTestId('patrol-discard-confirm').click();
  await expect(page.getByTestId('patrol-form')).toHaveCount(0);

  // Delete asks, then keeps the patrol struck through with its history (the row is still the one selected).
  await expect(again).toHaveAttribute('aria-selected', 'true');
  await again.getByTestId('patrol-delete').click();
  await page.getByTestId('patrol-delete-confirm').click();
  await expect(again).toHaveAttribute('data-deleted', 'true');
  await again.getByTestId('patrol-history-toggle').click();
  await expect(again.locator('[data-testid="patrol-history-entry"]').first()).toHaveAttribute('data-kind', 'deleted');
  await expect(page.getByTestId('patrol-month-figures')).toHaveText('0 次巡查，0 次计入零报告');
  await screenshot(page, info, '50d-patrol-deleted');
  consoleWatch.assertClean();
});

/** Clicks the map at lon/lat points (the map handle's projection → page pixels). */
async function clickMapAt(page: Page, points: [number, number][]): Promise<void> {
  const box = (await page.getByTestId('map').boundingBox())!;
  for (const p of points) {
    const [x, y] = await page.evaluate((ll) => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.project(ll), p);
    await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    await page.mouse.click(box.x + x, box.y + y);
  }
}

test('巡查: a track dropped on the map opens the form; KML asks its datum; a route drawn on the map covers the villages', async ({ page }, info) => {
  test.setTimeout(240_000);
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  // Villages only, no cells: the villages are the patrol units.
  await page.getByTestId('dock-tab-grid').click();
  const grid = page.getByTestId('grid-panel');
  await grid.getByTestId('grid-promote-open').click();
  await grid.getByTestId('grid-promote-township-name').fill('石桥镇');
  await grid.getByTestId('grid-promote-run').click();
  await expect(grid.locator('[data-testid="grid-row"][data-level="village"]')).toHaveCount(3);

  const drop = (name: string) =>
    page.getByTestId('drop-zone').evaluate(
      (zone, f) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
        for (const type of ['dragenter', 'dragover', 'drop'])
          zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      { name: path.basename(name), b64: fs.readFileSync(name).toString('base64') },
    );

  // A GPX route without times, dropped on the map: 巡查 takes it (not the layer import); no datum question for GPX.
  await drop(path.join(FIXTURES, 'tracks/route.gpx'));
  const form = page.getByTestId('patrol-form');
  await expect(form.getByTestId('patrol-route-summary')).toContainText('轨迹文件 route.gpx（WGS84 / CGCS2000）');
  await expect(form.getByTestId('patrol-route-summary')).toContainText('无时间');
  await expect(form.getByTestId('patrol-track-notes')).toContainText('route.gpx：轨迹点没有时间');
  await expect(page.getByTestId('dock-tab-patrol')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('import-result')).toHaveCount(0);
  // The fixture lies elsewhere (tests/fixtures/tracks is laid out near 36.6°N): it enters no village, and says so.
  await expect(form.getByTestId('patrol-coverage')).toContainText('路线没有进入任何网格单元');

  // A plain KML: the datum is asked, nothing preselected; the answer is recorded, nothing is shifted.
  await drop(path.join(FIXTURES, 'tracks/diagonal.kml'));
  const datum = page.getByTestId('patrol-datum-dialog');
  await expect(datum).toBeVisible();
  await expect(datum.getByTestId('patrol-datum-likely')).toHaveCount(0);
  await expect(datum.getByTestId('patrol-datum-ok')).toBeDisabled();
  await datum.getByRole('radio', { name: 'WGS84 / CGCS2000' }).check();
  await datum.getByTestId('patrol-datum-ok').click();
  await expect(form.getByTestId('patrol-route-summary')).toContainText('轨迹文件 diagonal.kml（WGS84 / CGCS2000）');
  await expect(form.getByTestId('patrol-gcj02-warning')).toHaveCount(0);

  // Drawn on the map with the line tool: through 青石村 and 柳河村; both covered by metres (no times when drawn).
  await form.getByTestId('patrol-route-clear').click();
  await form.getByTestId('patrol-route-draw').click();
  await clickMapAt(page, JSON.parse(fs.readFileSync(path.join(FIXTURES, 'patrol/draw-points.json'), 'utf8')));
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('patrol-route-summary')).toContainText('在地图上绘制');
  const rows = form.getByTestId('patrol-coverage-row');
  await expect(rows).toHaveCount(2);
  const byName = async (name: string) => {
    const r = rows.filter({ hasText: name });
    return {
      metres: Number((await r.getByTestId('patrol-coverage-metres').textContent())!.replace(/,/g, '')),
      ticked: await r.getAttribute('data-ticked'),
    };
  };
  // pyproj.Geod (GRS80) figures of the line between the fixture's points: 1,200 m and 1,400 m; the clicks land on
  // whole pixels (about 4 m at this scale), the ends of the line move by up to a pixel or two.
  const qs = await byName('青石村');
  const lh = await byName('柳河村');
  expect(Math.abs(qs.metres - 1200)).toBeLessThanOrEqual(15);
  expect(Math.abs(lh.metres - 1400)).toBeLessThanOrEqual(15);
  expect([qs.ticked, lh.ticked]).toEqual(['true', 'true']);
  await expect(rows.first().getByTestId('patrol-coverage-minutes')).toHaveText('—');

  // The officer unticks 柳河村 (he only looked from the road): marked as adjusted, and the map turns it red.
  await rows.filter({ hasText: '柳河村' }).getByTestId('patrol-coverage-tick').uncheck();
  await expect(rows.filter({ hasText: '柳河村' })).toContainText('（人工调整）');
  await expect(form.getByTestId('patrol-coverage-summary')).toHaveText('已覆盖 1 个区域（路线经过 2 个）');
  await waitForMapIdle(page);
  await screenshot(page, info, '50e-patrol-drawn');
  consoleWatch.assertClean();
});

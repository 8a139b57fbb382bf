import { expect, test, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import { createPatrol, amendPatrol } from '../../shared/domain/patrol/patrol-record';
import { readPatrolMonth, writePatrolMonth } from '../../shared/formats/exchange/patrol-month';
import { unzipInputs } from '../../shared/formats/zip/unzip';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

// 交换 (issue 10 item 8): a township's office builds its grid, exports it as GeoJSON and as a shapefile, imports a
// month of patrols and exports it again; then a county office on a fresh profile (a new browser context: an empty
// database) loads the township's grid from each file and a second township beside it.

const rows = (page: Page) => page.getByTestId('grid-row');

async function buildTownshipGrid(page: Page) {
  await page.getByTestId('dock-tab-grid').click();
  const panel = page.getByTestId('grid-panel');
  await panel.getByTestId('grid-promote-open').click();
  const form = panel.getByTestId('grid-promote-form');
  await form.getByTestId('grid-promote-township-name').fill('石桥镇');
  await form.getByTestId('grid-promote-run').click();
  await expect(rows(page)).toHaveCount(4);
  await rows(page).filter({ hasText: '青石村' }).click();
  const details = panel.getByTestId('grid-details');
  await details.getByTestId('grid-generate-form').getByTestId('grid-generate-run').click();
  await details.getByTestId('grid-generate-form').getByTestId('grid-generate-save').click();
  await expect(page.locator('[data-testid="grid-row"][data-level="cell"]')).toHaveCount(10);
  // A responsible officer on one cell: what the county must find after the exchange.
  await page.locator('[data-testid="grid-row"][data-level="cell"]').filter({ hasText: '青石村-01' }).click();
  await details.getByTestId('grid-edit-open').click();
  const edit = details.getByTestId('grid-edit-form');
  await edit.getByTestId('grid-edit-name').fill('青石村北片');
  await edit.getByTestId('grid-person-add').click();
  const person = edit.getByTestId('grid-person');
  await person.getByTestId('grid-person-name').fill('王芳');
  await person.getByTestId('grid-person-role').selectOption('执法监察员');
  await person.getByTestId('grid-person-cert').fill('鲁370300123');
  await person.getByTestId('grid-person-phone').fill('13800000000');
  await edit.getByTestId('grid-edit-save').click();
  await expect(details.getByTestId('grid-details-people')).toHaveText('王芳（执法监察员） 执法证号 鲁370300123 13800000000');
}

async function exportGrid(page: Page, format: 'geojson' | 'shp-gbk' | 'shp-utf8', planar: boolean, dir: string): Promise<string> {
  await page.getByTestId('exchange-export-grid-command').click();
  const dialog = page.getByTestId('exchange-export-grid');
  await expect(dialog.getByTestId('exchange-scope').locator('option:checked')).toHaveText('石桥镇（14 个区域）');
  await expect(dialog.getByTestId('exchange-office')).toHaveValue('石桥镇国土所');
  await dialog.getByTestId('exchange-format').locator(`input[value="${format}"]`).check();
  if (planar) await dialog.getByTestId('exchange-planar').check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('exchange-export-run').click()]);
  const file = `${dir}/${download.suggestedFilename()}`;
  await download.saveAs(file);
  await expect(dialog).toHaveCount(0);
  return file;
}

/** A month of two patrols as a township's office writes it (numbers, an amendment in the history). */
async function patrolMonthText(): Promise<string> {
  const at = Date.parse('2026-11-03T01:00:00Z');
  const a = createPatrol(
    {
      id: 'Pshiqiao1',
      number: 'XC20261103001',
      startedAt: at,
      endedAt: at + 2 * 3600_000,
      officers: [{ name: '王芳', certNo: '鲁370300123' }],
      findings: '青石村北侧发现新建地基一处',
      measures: '现场制止',
    },
    '王芳',
    at,
  );
  const b = createPatrol(
    { id: 'Pshiqiao2', number: 'XC20261110001', startedAt: at + 7 * 86400_000, nothingFound: true, officers: [{ name: '李强', certNo: '' }] },
    '李强',
    at,
  );
  return writePatrolMonth(
    { office: '石桥镇国土所', month: '2026-11', patrols: [amendPatrol(a, { notes: '已拍照 6 张' }, '王芳', at + 3600_000), b] },
    at,
  );
}

/**
 * A second township's grid (柳河镇, east of 石桥镇) as another tool writes it — properties only, no landpatrol member
 * (QGIS drops foreign members): the columns our export writes are what is read.
 */
function secondTownship(): string {
  const box = (x: number, y: number, w: number, h: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + w, y],
        [x + w, y + h],
        [x, y + h],
        [x, y],
      ],
    ],
  });
  const f = (props: Record<string, string>, geometry: object) => ({ type: 'Feature', properties: props, geometry });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      f({ 区域ID: 'Aliuhe', 级别: '乡镇', 名称: '柳河镇' }, box(117.03, 35.04, 0.02, 0.02)),
      f({ 区域ID: 'Aliuhe-v', 级别: '村', 名称: '柳树村', 上级ID: 'Aliuhe' }, box(117.03, 35.04, 0.02, 0.02)),
      f(
        { 区域ID: 'Aliuhe-c1', 级别: '网格单元', 名称: '柳树村-01', 上级ID: 'Aliuhe-v', 负责人: '赵六(网格员,,13700000000)' },
        box(117.03, 35.04, 0.01, 0.02),
      ),
    ],
  });
}

async function importGridFile(page: Page, file: string) {
  await page.getByTestId('exchange-grid-input').setInputFiles(file);
  await expect(page.getByTestId('exchange-preview')).toBeVisible({ timeout: 60_000 });
}

test('交换: a township exports its grid (GeoJSON, shapefile) and patrols; a county loads them and a second township', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(240_000);
  const dir = info.outputPath('downloads');
  fs.mkdirSync(dir, { recursive: true });
  const watch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  await buildTownshipGrid(page);

  const geojson = await exportGrid(page, 'geojson', false, dir);
  expect(geojson).toMatch(/网格_石桥镇_\d{8}\.geojson$/);
  await expect(page.getByTestId('notice-info').last()).toContainText('已导出 14 个区域');
  const fc = JSON.parse(fs.readFileSync(geojson, 'utf8'));
  expect(fc.features).toHaveLength(14);
  expect(fc.features.find((f: { properties: Record<string, unknown> }) => f.properties['名称'] === '青石村北片').properties['负责人']).toBe(
    '王芳(执法监察员,鲁370300123,13800000000)',
  );
  const shp = await exportGrid(page, 'shp-gbk', true, dir);
  expect(shp).toMatch(/\.zip$/);
  const members = unzipInputs({ path: 'g.zip', bytes: new Uint8Array(fs.readFileSync(shp)) }).files;
  expect(members.map((m) => m.path.split('.').pop()).sort()).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx']);
  expect(new TextDecoder().decode(members.find((m) => m.path.endsWith('.prj'))!.bytes)).toContain('CGCS2000_3_Degree_GK_CM_117E');

  // A month of patrols into the township's store (previewed), the same file again (nothing new), a tampered copy refused.
  const month = `${dir}/巡查_石桥镇国土所_2026-11.json`;
  const monthText = await patrolMonthText();
  fs.writeFileSync(month, monthText);
  await page.getByTestId('exchange-patrol-input').setInputFiles(month);
  const preview = page.getByTestId('exchange-preview');
  await expect(preview.getByTestId('exchange-preview-summary')).toHaveText('2026-11：新增 2 条，相同 0 条，冲突 0 条');
  await expect(preview.getByTestId('exchange-preview-added').getByTestId('exchange-preview-row')).toHaveText([
    'XC20261103001  2026-11-03 — 王芳',
    'XC20261110001  2026-11-10 — 李强',
  ]);
  await screenshot(page, info, '80a-exchange-patrol-preview');
  await preview.getByTestId('exchange-import-run').click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('notice-info').last()).toContainText('已导入 2 条巡查记录');
  await page.getByTestId('exchange-patrol-input').setInputFiles(month);
  await expect(preview.getByTestId('exchange-preview-summary')).toHaveText('2026-11：新增 0 条，相同 2 条，冲突 0 条');
  await expect(preview.getByTestId('exchange-import-run')).toBeDisabled();
  await page.keyboard.press('Escape');
  const tampered = `${dir}/tampered.json`;
  fs.writeFileSync(tampered, monthText.replace('新建地基一处', '新建地基两处'));
  await page.getByTestId('exchange-patrol-input').setInputFiles(tampered);
  await expect(page.getByTestId('notice-error').last()).toHaveText(/无法导入“tampered\.json”：校验值（SHA-256）不符：文件在导出后被修改过/);

  // 导出本月巡查 of 2026-11: the same records come out, hash and history intact.
  await page.getByTestId('exchange-export-patrols-command').click();
  const pd = page.getByTestId('exchange-export-patrols');
  await pd.getByTestId('exchange-month').selectOption('2026-11');
  await expect(pd.getByTestId('exchange-patrol-count')).toHaveText('2026-11 共 2 条巡查记录（含已删除 0 条，连同修改历史）');
  const [dl] = await Promise.all([page.waitForEvent('download'), pd.getByTestId('exchange-export-run').click()]);
  expect(dl.suggestedFilename()).toBe('巡查_石桥镇国土所_2026-11.json');
  const again = await readPatrolMonth(fs.readFileSync((await dl.path())!, 'utf8'));
  const original = await readPatrolMonth(monthText);
  expect(again.ok && original.ok && again.value.patrols).toEqual(original.ok ? original.value.patrols : null);
  watch.assertClean();

  // The county: a fresh profile, an empty database.
  const county = await browser.newContext();
  const cp = await county.newPage();
  const cwatch = watchConsole(cp);
  await openApp(cp);
  await cp.getByTestId('dock-tab-grid').click();
  await expect(rows(cp)).toHaveCount(0);
  await importGridFile(cp, geojson);
  const gp = cp.getByTestId('exchange-preview');
  await expect(gp.getByTestId('exchange-preview-summary')).toHaveText('新增 14 个，相同 0 个，冲突 0 个');
  await expect(gp).toContainText('来自：石桥镇国土所');
  await expect(gp.getByTestId('exchange-preview-levels')).toHaveText('新增的区域：乡镇 1、村 3、网格单元 10');
  // The township was made at the top of its office's grid (no county there): nothing to re-place.
  await expect(gp.getByTestId('exchange-preview-note')).toHaveCount(0);
  await expect(gp.getByTestId('exchange-preview-added').getByTestId('exchange-preview-row').filter({ hasText: '青石村北片' })).toHaveText(
    '青石村北片（网格单元） — 王芳',
  );
  await screenshot(cp, info, '80b-exchange-grid-preview');
  await gp.getByTestId('exchange-import-run').click();
  await expect(gp).toHaveCount(0);
  await expect(rows(cp)).toHaveCount(14);
  await cp.locator('[data-testid="grid-row"][data-level="cell"]').filter({ hasText: '青石村北片' }).click();
  await expect(cp.getByTestId('grid-details-people')).toHaveText('王芳（执法监察员） 执法证号 鲁370300123 13800000000');

  await expect(gp).toHaveCount(0);

  // The county renames a cell; the township's file again: that cell is a conflict (named, with the field), never
  // overwritten; the other 13 are the same.
  await cp.locator('[data-testid="grid-row"][data-level="cell"]').filter({ hasText: '青石村-02' }).click();
  await cp.getByTestId('grid-edit-open').click();
  await cp.getByTestId('grid-edit-form').getByTestId('grid-edit-name').fill('青石村南片');
  await cp.getByTestId('grid-edit-form').getByTestId('grid-edit-save').click();
  await expect(cp.getByTestId('grid-details-name')).toContainText('青石村南片');
  await importGridFile(cp, geojson);
  await expect(gp.getByTestId('exchange-preview-summary')).toHaveText('新增 0 个，相同 13 个，冲突 1 个');
  await expect(gp.getByTestId('exchange-preview-conflicts').getByTestId('exchange-preview-row')).toHaveText(
    '青石村-02（网格单元） — 不同：名称；本机为“青石村南片”',
  );
  await expect(gp.getByTestId('exchange-import-run')).toBeDisabled();
  await screenshot(cp, info, '80c-exchange-conflict');
  await cp.keyboard.press('Escape');
  await expect(cp.locator('[data-testid="grid-row"][data-level="cell"]').filter({ hasText: '青石村南片' })).toHaveCount(1);

  // The shapefile (GBK, GK zone 39) of the same grid: the same areas found (its geometry back from the GK plane within
  // 0.1 mm), the renamed cell again the one conflict.
  await importGridFile(cp, shp);
  await expect(gp.getByTestId('exchange-preview-summary')).toHaveText('新增 0 个，相同 13 个，冲突 1 个');
  await cp.keyboard.press('Escape');

  // A second township beside the first (its ids are its own; no county here, so it is a top-level township too).
  const second = `${dir}/网格_柳河镇.geojson`;
  fs.writeFileSync(second, secondTownship());
  await importGridFile(cp, second);
  await expect(gp.getByTestId('exchange-preview-summary')).toHaveText('新增 3 个，相同 0 个，冲突 0 个');
  await gp.getByTestId('exchange-import-run').click();
  await expect(rows(cp)).toHaveCount(17);
  await expect(cp.locator('[data-testid="grid-row"][data-level="township"]').getByTestId('grid-name')).toHaveText(['柳河镇', '石桥镇']);
  await cp.getByTestId('exchange-patrol-input').setInputFiles(month);
  await cp.getByTestId('exchange-preview').getByTestId('exchange-import-run').click();
  await expect(cp.getByTestId('notice-info').last()).toContainText('已导入 2 条巡查记录');
  await waitForMapIdle(cp);
  await screenshot(cp, info, '80d-exchange-county');

  // Reload: stored.
  await cp.reload();
  await openApp(cp);
  await cp.getByTestId('dock-tab-grid').click();
  await expect(rows(cp)).toHaveCount(17);
  cwatch.assertClean();
  await county.close();
});

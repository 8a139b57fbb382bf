/**
 * 套合 as an officer does it on the sample township: click the patch WP2026003 on the map, 开始核查 (the record opens in
 * the 核查记录 panel), 套合 — one click — and read the blocks: total in 高斯平面 m² / 亩 / 椭球 m², 永久基本农田, 地类 with 其中
 * 耕地, 规划 with 符合/不符合规划, 报批 and 供地 with their document numbers, outside every layer. The figures are checked
 * against GEOS: the layers and the record's plot exactly as the app stored them (IndexedDB) are written out as GeoJSON
 * and overlaid by scripts/overlay-reference.py (shapely + pyproj). Then the 一览表 of the patch layer is downloaded and
 * read back with python's zipfile + xml (scripts/read-xlsx.py): a row per patch, the record's conclusion column.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { layerItem, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

type Handle = import('../../renderer/map').MapHandle;
type MapEl = HTMLElement & { mapHandle?: Handle };
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

interface StoredLayer {
  name: string;
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[];
}

/** Every stored layer's features with their attributes, as the app stored them (layerData: GeoJSON + attribute store). */
async function storedLayers(page: Page): Promise<StoredLayer[]> {
  return page.evaluate(
    () =>
      new Promise<StoredLayer[]>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['layers', 'layerData']);
          const all = tx.objectStore('layers').getAll();
          all.onsuccess = async () => {
            const out: StoredLayer[] = [];
            for (const rec of all.result as { id: string; name: string }[]) {
              const data = await new Promise<{ geojson: Blob; attributes: Blob } | undefined>((ok) => {
                const g = open.result.transaction('layerData').objectStore('layerData').get(rec.id);
                g.onsuccess = () => ok(g.result as never);
              });
              if (!data) continue;
              const fc = JSON.parse(await data.geojson.text()) as { features: { id: number; geometry: unknown }[] };
              const attrs = JSON.parse(await data.attributes.text()) as { fids: number[]; fields: string[]; rows: unknown[][] };
              const row = new Map(attrs.fids.map((fid, i) => [fid, attrs.rows[i] ?? []]));
              out.push({
                name: rec.name,
                features: fc.features.map((f) => ({
                  type: 'Feature',
                  geometry: f.geometry,
                  properties: Object.fromEntries(attrs.fields.map((n, j) => [n, row.get(f.id)?.[j] ?? null])),
                })),
              });
            }
            open.result.close();
            resolve(out);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** The open record's stored plot (the inspections table). */
async function storedPlot(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onsuccess = () => {
          const all = open.result.transaction('inspections').objectStore('inspections').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { geometry: unknown }[])[0]?.geometry);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** A figure as the section prints it ("1,234.56") → number. */
const num = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

test('套合: one click on a record started from a sample patch, figures against GEOS; the 一览表 as .xlsx', async ({ page }, info) => {
  test.setTimeout(180_000);
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  await page.waitForFunction(() => !!document.querySelector<MapEl>('[data-testid="map"]')?.mapHandle);

  // The patch WP2026003 (the third of the sample's patches) centred on the map, clicked, 开始核查.
  const layers = await storedLayers(page);
  const byName = (n: string) => layers.find((l) => l.name === n)!;
  const patch = byName('卫片图斑WPTB').features.find((f) => f.properties.JCBH === 'WP2026003')!;
  const ring = (patch.geometry as { coordinates: number[][][] }).coordinates[0]!.slice(0, -1);
  const centre = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length] as [number, number];
  await page.evaluate((c) => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.flyTo({ center: c, zoom: 16, animate: false }), centre);
  await waitForMapIdle(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('identify-panel').locator('.layer-label')).toHaveText('卫片图斑WPTB');
  await page.getByTestId('identify-start-inspection').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel).toBeVisible();

  // The roles, guessed from the layer kinds: all five have their layer.
  const section = panel.getByTestId('section-comparison');
  await expect(section.getByTestId('comparison-roles-line')).toHaveText(
    '套合图层（按图层类型推测，可修改）：永久基本农田：永久基本农田YJJBNTTB；三调地类：地类图斑DLTB；国土空间规划：国土空间规划分区GHFQ；报批：报批地块BPDK；供地：供地地块GDDK',
  );
  await section.getByTestId('comparison-run').click();
  await expect(section.getByTestId('comparison-block-total')).toBeVisible({ timeout: 60_000 });
  await expect(section.getByTestId('comparison-stale')).toHaveCount(0);

  // The reference: the same plot and layers through GEOS (shapely) and PROJ.
  const dir = info.outputPath('reference');
  fs.mkdirSync(dir, { recursive: true });
  const write = (file: string, features: unknown[]) =>
    fs.writeFileSync(path.join(dir, file), JSON.stringify({ type: 'FeatureCollection', features }));
  write('plot.geojson', [{ type: 'Feature', properties: { id: 'WP2026003' }, geometry: await storedPlot(page) }]);
  const files: [string, string, string | null][] = [
    ['永久基本农田YJJBNTTB', 'farmland.geojson', null],
    ['地类图斑DLTB', 'dltb.geojson', 'DLBM'],
    ['国土空间规划分区GHFQ', 'ghfq.geojson', 'GHFQMC'],
    ['报批地块BPDK', 'bpdk.geojson', 'PZWH'],
    ['供地地块GDDK', 'gddk.geojson', 'GDBH'],
  ];
  for (const [name, file] of files) write(file, byName(name).features);
  const ref = JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [
        path.join(ROOT, 'scripts', 'overlay-reference.py'),
        path.join(dir, 'plot.geojson'),
        ...files.map(([, f, g]) => path.join(dir, f) + (g ? `:${g}` : '')),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ),
  ) as {
    plots: {
      planarM2: number;
      ellipsoidalM2: number;
      uncoveredPlanarM2: number;
      overlaps: { layer: string; group: string | null; planarM2: number }[];
      byLayer: { coveredPlanarM2: number }[];
    }[];
  };
  const r = ref.plots[0]!;
  const layerOf = (file: string) => r.overlaps.filter((o) => o.layer.endsWith(file));
  const cell = (block: string, row: string, col: number) =>
    section.getByTestId(`comparison-block-${block}`).locator(`tr[data-row="${row}"] td`).nth(col);
  const close = async (block: string, row: string, want: number, col = 1) => {
    const got = num(await cell(block, row, col).textContent());
    expect(Math.abs(got - want), `${block}/${row}: ${got} vs GEOS ${want}`).toBeLessThanOrEqual(0.011);
  };
  await close('total', 'total', r.planarM2);
  await close('total', 'total', r.ellipsoidalM2, 3);
  // 亩 = planar m² × 0.0015, printed to 0.0001.
  expect(Math.abs(num(await cell('total', 'total', 2).textContent()) - r.planarM2 * 0.0015)).toBeLessThanOrEqual(0.00006);
  await close('farmland', 'in', r.byLayer[0]!.coveredPlanarM2);
  await close(
    'landClass',
    'l1:01',
    layerOf('dltb.geojson')
      .filter((o) => o.group!.startsWith('01'))
      .reduce((s, o) => s + o.planarM2, 0),
  );
  const approvals = layerOf('bpdk.geojson');
  expect(approvals.map((o) => o.group)).toEqual(['鲁政土字〔2025〕38号']);
  await expect(cell('approval', 'doc0', 0)).toHaveText('PZWH 鲁政土字〔2025〕38号');
  await close('approval', 'doc0', approvals[0]!.planarM2);
  await expect(cell('supply', 'doc0', 0)).toHaveText('GDBH GD3703002025008');
  await close('supply', 'doc0', layerOf('gddk.geojson')[0]!.planarM2);
  await close('outside', 'outside', Math.max(0, r.uncoveredPlanarM2));
  // 一般农业区 is a zone where building is forbidden: the plot does not fit the plan.
  await expect(section.getByTestId('comparison-fits')).toHaveText(/^不符合规划：禁止建设区 [\d.]+ 亩，有条件建设区 0\.0000 亩$/);
  await expect(section.getByTestId('comparison-meta')).toContainText('地类图斑DLTB（数据版本');
  await screenshot(page, info, 'comparison-section');
  await section.getByTestId('comparison-block-supply').scrollIntoViewIfNeeded();
  await screenshot(page, info, 'comparison-section-lower');

  // The office confirms the guessed roles once (stored in the settings); then the supply layer is rewritten (its kind
  // changed: restyled, a new data version): the stored result says so and offers to rerun, which clears it.
  await section.getByTestId('comparison-roles').click();
  const roles = page.getByTestId('comparison-roles-dialog');
  await expect(roles.getByTestId('comparison-role-supply')).toHaveValue(
    (await layerItem(page, '供地地块GDDK').getAttribute('data-layer-id')) as string,
  );
  await expect(roles.getByTestId('comparison-field-approval')).toHaveValue('PZWH');
  await roles.getByTestId('comparison-roles-save').click();
  await expect(roles).toBeHidden();
  await expect(section.getByTestId('comparison-roles-line')).toHaveText(/^套合图层：永久基本农田：/);
  await expect(section.getByTestId('comparison-stale')).toHaveCount(0);
  await layerItem(page, '供地地块GDDK').getByTestId('layer-kind').selectOption('other');
  await expect(section.getByTestId('comparison-stale')).toContainText('图层已更新（供地地块GDDK），请重新套合。', { timeout: 30_000 });
  await screenshot(page, info, 'comparison-stale');
  await section.getByTestId('comparison-stale-rerun').click();
  await expect(section.getByTestId('comparison-stale')).toHaveCount(0, { timeout: 30_000 });
  await expect(section.getByTestId('comparison-meta')).toContainText('供地地块GDDK（数据版本 2）');

  // The 一览表 of the patch layer: a row per patch, downloaded and read back independently.
  await page.getByTestId('comparison-table-command').click();
  const dialog = page.getByTestId('comparison-table-dialog');
  await expect(dialog.getByTestId('comparison-table-layer')).toHaveValue(/.+/);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('comparison-table-run').click()]);
  expect(download.suggestedFilename()).toMatch(/^卫片图斑核查一览表-卫片图斑WPTB-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(dialog.getByTestId('comparison-table-status')).toContainText('5 个图斑（0 个边界无效未套合）');
  const file = info.outputPath('table.xlsx');
  fs.copyFileSync((await download.path())!, file);
  const book = JSON.parse(execFileSync('/usr/bin/python3', [path.join(ROOT, 'scripts', 'read-xlsx.py'), file], { encoding: 'utf8' })) as {
    sheets: { name: string; cells: Record<string, string | number> }[];
  };
  const cells = book.sheets[0]!.cells;
  expect(book.sheets[0]!.name).toBe('核查一览表');
  expect(String(cells.A1)).toMatch(/卫片图斑核查一览表$/);
  // Row 3 is the header; rows 4–8 the five patches.
  const header = Object.entries(cells)
    .filter(([k]) => /^[A-Z]+3$/.test(k))
    .map(([, v]) => String(v));
  expect(header).toEqual(
    expect.arrayContaining([
      '图斑编号',
      '图斑面积（m²）',
      '图斑面积（亩）',
      '农用地（亩）',
      '其中耕地（亩）',
      '永久基本农田（亩）',
      '批准文号',
      '供地编号',
      '规划符合性',
      '现场核查结论',
    ]),
  );
  const colOf = (h: string) =>
    Object.entries(cells)
      .find(([k, v]) => /^[A-Z]+3$/.test(k) && v === h)![0]
      .replace(/\d+$/, '');
  expect([4, 5, 6, 7, 8].map((n) => cells[`${colOf('图斑编号')}${n}`])).toEqual(['WP2026001', 'WP2026002', 'WP2026003', 'WP2026004', 'WP2026005']);
  // WP2026003's row: the same total as the section, its documents, and the record just made (核查中: no conclusion yet).
  expect(Number(cells[`${colOf('图斑面积（m²）')}6`])).toBeCloseTo(num(await cell('total', 'total', 1).textContent()), 2);
  expect(cells[`${colOf('批准文号')}6`]).toBe('鲁政土字〔2025〕38号');
  expect(cells[`${colOf('供地编号')}6`]).toBe('GD3703002025008');
  expect(String(cells[`${colOf('核查记录编号')}6`])).toMatch(/.+/);
  expect(cells[`${colOf('现场核查结论')}6`]).toBe('核查中');
  expect(cells[`${colOf('规划符合性')}6`]).toBe('不符合规划');
  await screenshot(page, info, 'comparison-table-dialog');
  consoleWatch.assertClean();
});

/**
 * Imagery (issue 12 items 1 and 5): the sample imagery on first start; an MBTiles (GDAL's) and a PMTiles (written from
 * the spec, same tiles) opened through the UI; the colour of the image at the centre of a land-class parcel (taken
 * from the sample's own vector data) is that class's field colour; both layers are there again after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { openApp, screenshot, waitForMapIdle, watchConsole, watchNetwork } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MBTILES = path.join(ROOT, 'resources/sample/imagery/青石镇示例影像.mbtiles');
const PMTILES = path.join(ROOT, 'tests/fixtures/imagery/sample.pmtiles');

// The centre of a parcel of each class (the sample's own vector geometry) and its colour in the image, written by
// scripts/make-sample-imagery.sh (sample-imagery-fields.ts --points).
const points = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/oracles/imagery-sample-points.json'), 'utf8')) as Record<
  string,
  { lngLat: [number, number]; rgb: [number, number, number] }
>;
const RIVER = points['1101']!.lngLat;
const FOREST = points['0301']!.lngLat;

/** The map's own pixel at a lon/lat (its canvas captured by MapHandle.screenshot, read in the page). */
async function pixelAt(page: Page, lngLat: [number, number]): Promise<[number, number, number]> {
  return page.evaluate(async (p) => {
    const h = (
      document.querySelector('[data-testid="map"]') as HTMLElement & {
        mapHandle: { project(p: [number, number]): [number, number]; screenshot(): Promise<Blob> };
      }
    ).mapHandle;
    const [x, y] = h.project(p);
    const bmp = await createImageBitmap(await h.screenshot());
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const k = bmp.width / (document.querySelector('[data-testid="map"]') as HTMLElement).clientWidth;
    const d = g.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data;
    return [d[0]!, d[1]!, d[2]!] as [number, number, number];
  }, lngLat);
}

const near = (a: number[], b: number[], tol = 12) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

async function showOnlyImagery(page: Page, kindLabel: string | null) {
  const items = page.getByTestId('imagery-item');
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const want = kindLabel !== null && (await item.textContent())!.includes(kindLabel);
    const box = item.getByTestId('imagery-visible');
    if ((await box.isChecked()) !== want) await box.click();
  }
}

async function hideVectorLayers(page: Page) {
  const boxes = page.getByTestId('layer-visible');
  for (let i = 0; i < (await boxes.count()); i++) if (await boxes.nth(i).isChecked()) await boxes.nth(i).click();
}

async function viewAt(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(
    ([c, z]) =>
      (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle: { flyTo(o: object): void } }).mapHandle.flyTo({
        center: c,
        zoom: z,
        animate: false,
      }),
    [center, zoom] as const,
  );
  await waitForMapIdle(page);
}

test('tile packages: the sample on first start, an MBTiles and a PMTiles opened, lined up with the parcels, kept across a reload', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  const consoleWatch = watchConsole(page);
  const net = watchNetwork(page);
  // The file input path (Electron, Firefox); Chromium's File System Access picker cannot be driven by Playwright.
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await openApp(page);

  // First start: the sample imagery, under the vector layers, flagged 示例, stored as a copy.
  const sample = page.getByTestId('imagery-item');
  await expect(sample).toHaveCount(1, { timeout: 60_000 });
  await expect(sample.locator('.badge.sample')).toHaveText('示例');
  await expect(sample).toContainText('MBTiles 影像包');
  await expect(sample).toContainText('13–17 级');
  await waitForMapIdle(page);
  await screenshot(page, info, 'imagery-01-first-start');
  await sample.getByTestId('imagery-remove').click();
  await sample.getByTestId('imagery-confirm-delete').click();
  await expect(page.getByTestId('imagery-item')).toHaveCount(0);
  await expect(page.getByTestId('imagery-section')).toContainText('尚无本地影像');

  // A file that is not a package: a clear refusal naming it.
  await page.getByTestId('imagery-files-input').setInputFiles(path.join(ROOT, 'tests/fixtures/imagery/vector.mbtiles'));
  await expect(page.getByText('“vector.mbtiles”是矢量瓦片包')).toBeVisible();

  await page.getByTestId('imagery-files-input').setInputFiles(MBTILES);
  await expect(page.getByTestId('imagery-item')).toHaveCount(1);
  await page.getByTestId('imagery-files-input').setInputFiles(PMTILES);
  await expect(page.getByTestId('imagery-item')).toHaveCount(2);
  const pm = page.getByTestId('imagery-item').filter({ hasText: 'PMTiles 影像包' });
  await pm.getByTestId('imagery-info').click();
  await expect(pm.getByTestId('imagery-details')).toContainText('116.9753–117.0137°E, 35.0375–35.0645°N');
  await expect(pm.getByTestId('imagery-details')).toContainText('PNG');
  await expect(pm.getByTestId('imagery-kept')).toContainText('sample.pmtiles：已在本机数据库保存副本');

  await hideVectorLayers(page);
  for (const kind of ['MBTiles 影像包', 'PMTiles 影像包']) {
    await showOnlyImagery(page, kind);
    await viewAt(page, RIVER, 16);
    expect(near(await pixelAt(page, RIVER), points['1101']!.rgb), `${kind} river`).toBe(true);
    await viewAt(page, FOREST, 16);
    expect(near(await pixelAt(page, FOREST), points['0301']!.rgb), `${kind} forest`).toBe(true);
  }
  // With no imagery shown the same place is the paper background: the colour was the image's.
  await showOnlyImagery(page, null);
  await waitForMapIdle(page);
  expect(near(await pixelAt(page, FOREST), [0xf4, 0xf1, 0xe8], 4)).toBe(true);

  // The officer's view: the image at 60 % under the farmland and land-class layers.
  await showOnlyImagery(page, 'MBTiles 影像包');
  const mb = page.getByTestId('imagery-item').filter({ hasText: 'MBTiles 影像包' });
  await mb.getByTestId('imagery-opacity').fill('0.6');
  await expect(mb).toContainText('60%');
  // Only the farmland and the change patches over it: the fields of the image show around and under them.
  for (const name of ['永久基本农田YJJBNTTB', '卫片图斑WPTB'])
    await page.locator(`[data-testid="layer-item"][data-layer-name="${name}"]`).getByTestId('layer-visible').click();
  await viewAt(page, RIVER, 15);
  await screenshot(page, info, 'imagery-02-under-farmland');

  // Reload: both layers are there, in the same order, with their opacity, and drawn.
  await page.reload();
  await expect(page.getByTestId('imagery-item')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('imagery-item').first()).toContainText('PMTiles 影像包');
  await expect(page.getByTestId('imagery-item').filter({ hasText: 'MBTiles 影像包' })).toContainText('60%');
  await hideVectorLayers(page);
  await showOnlyImagery(page, 'PMTiles 影像包');
  await viewAt(page, RIVER, 16);
  expect(near(await pixelAt(page, RIVER), points['1101']!.rgb)).toBe(true);
  await screenshot(page, info, 'imagery-03-after-reload');
  consoleWatch.assertClean();
  net.assertOffline();
});

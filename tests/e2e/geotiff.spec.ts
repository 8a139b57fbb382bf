/**
 * A county's GK GeoTIFF opened through the UI lines up with the vector layer of the same field: the image's red field
 * (scripts/make-geotiff-fixtures.py: a GK zone-39 COG, 2 m pixels, 60 km east of the central meridian, so its grid is
 * turned 0.4° against the map's north) is red 6 m inside each of its edges and not red 6 m outside, at the lon/lat
 * GDAL's gdaltransform gives; the field's polygon (the same GK rectangle, a shapefile) draws its outline where the
 * image's red ends. Refusals are said in Chinese, naming the file.
 */
import { expect, test, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptImport, layerItem, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.resolve(HERE, '../fixtures/geotiff');
const ORACLE = JSON.parse(fs.readFileSync(path.resolve(HERE, '../oracles/geotiff.json'), 'utf8')) as {
  fieldProbes: { inside: [number, number][]; outside: [number, number][]; edges: [number, number][] };
  fieldRgb: [number, number, number];
};

type MapEl = HTMLElement & { mapHandle?: import('../../renderer/map').MapHandle };

/** The map's own pixels (its PNG) at lon/lat points, each the mean of a 3 × 3 px square; and the points' map pixels. */
const coloursAt = (page: Page, points: [number, number][]) =>
  page.evaluate(async (pts) => {
    const h = document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!;
    const bmp = await createImageBitmap(await h.screenshot());
    const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const ratio = bmp.width / document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.clientWidth;
    return pts.map((p) => {
      const [x, y] = h.project(p);
      const d = g.getImageData(Math.round(x * ratio) - 1, Math.round(y * ratio) - 1, 3, 3).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k]! += d[i + k]!;
      return { rgb: sum.map((s) => s / 9) as [number, number, number], xy: [x * ratio, y * ratio] as [number, number] };
    });
  }, points);

/** A row of map pixels (RGB) from x0 to x1 at y (device pixels). */
const rowOfPixels = (page: Page, y: number, x0: number, x1: number) =>
  page.evaluate(
    async ([yy, a, b]) => {
      const h = document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!;
      const bmp = await createImageBitmap(await h.screenshot());
      const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const d = g.getImageData(a, yy, b - a + 1, 1).data;
      const out: [number, number, number][] = [];
      for (let i = 0; i < d.length; i += 4) out.push([d[i]!, d[i + 1]!, d[i + 2]!]);
      return out;
    },
    [Math.round(y), Math.round(x0), Math.round(x1)] as const,
  );

const isRed = ([r, g, b]: [number, number, number]) => r > 180 && g < 80 && b < 80;
const diff = (a: [number, number, number], b: [number, number, number]) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);

test('a GK zone-39 GeoTIFF opened through the UI lines up with the vector layer of the same field', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  // The file input path (Electron, Firefox); Chromium's File System Access picker cannot be driven by Playwright.
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await openApp(page);

  // The field's polygon, imported as a layer (it is fitted into view).
  await page.getByTestId('import-files-input').setInputFiles(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => path.join(DIR, `gk39-field.${e}`)));
  await acceptImport(page);
  await expect(layerItem(page, 'gk39-field')).toBeVisible();

  // The image, through 打开影像: its dialog, 选择文件… (the file input: Playwright cannot drive Chromium's own picker).
  await page.getByTestId('imagery-open-button').click();
  await expect(page.getByTestId('imagery-open-dialog')).toContainText('GeoTIFF');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('imagery-pick-files').click();
  await (await chooser).setFiles(path.join(DIR, 'gk39-rgb.tif'));
  const item = page.getByTestId('imagery-item').filter({ hasText: 'GeoTIFF 影像' });
  await expect(item).toBeVisible();
  await item.getByTestId('imagery-info').click();
  await expect(item.getByTestId('geotiff-meta')).toContainText('CGCS2000 / 3-degree Gauss-Kruger zone 39');
  await expect(item.getByTestId('geotiff-meta')).toContainText('2026-06-15 10:30:00');
  await expect(item.getByTestId('geotiff-meta')).toContainText('金字塔 1 级');
  await waitForMapIdle(page);
  await screenshot(page, info, 'geotiff-01-opened');

  // The image alone (the polygon hidden): red inside the field, not red outside, at GDAL's lon/lat.
  await page.getByTestId('dock-tab-layers').click();
  await layerItem(page, 'gk39-field').getByTestId('layer-visible').uncheck();
  await waitForMapIdle(page);
  const inside = await coloursAt(page, ORACLE.fieldProbes.inside);
  const outside = await coloursAt(page, ORACLE.fieldProbes.outside);
  for (const p of inside) expect(isRed(p.rgb), `inside ${p.xy.join(',')}: ${p.rgb.join(',')}`).toBe(true);
  for (const p of outside) expect(isRed(p.rgb), `outside ${p.xy.join(',')}: ${p.rgb.join(',')}`).toBe(false);
  await screenshot(page, info, 'geotiff-02-image-only');

  // Where the image's red starts along a row through the field's middle (west edge) …
  const [west, east] = await coloursAt(page, ORACLE.fieldProbes.edges);
  const y = west!.xy[1];
  const span = 12;
  const imageRow = await rowOfPixels(page, y, west!.xy[0] - span, west!.xy[0] + span);
  const firstRed = imageRow.findIndex(isRed) - span;
  expect(Math.abs(firstRed)).toBeLessThanOrEqual(2);

  // … and where the polygon draws its outline along the same row, the image hidden: the same place.
  await layerItem(page, 'gk39-field').getByTestId('layer-visible').check();
  await item.getByTestId('imagery-visible').uncheck();
  await waitForMapIdle(page);
  const vectorRow = await rowOfPixels(page, y, west!.xy[0] - span, west!.xy[0] + span);
  const background = vectorRow[0]!;
  const outline = vectorRow.findIndex((c) => diff(c, background) > 60) - span;
  expect(Math.abs(outline), `outline at ${outline} px from the image's edge`).toBeLessThanOrEqual(2);
  expect(Math.abs(outline - firstRed)).toBeLessThanOrEqual(2);
  // The east edge too (the far side of the image's 0.4° turn).
  const eastRow = await rowOfPixels(page, east!.xy[1], east!.xy[0] - span, east!.xy[0] + span);
  // scanned from outside (the east end of the row) inwards: the first pixel unlike the outside is the outline
  const outsideEast = eastRow[eastRow.length - 1]!;
  let eastOutline = eastRow.length - 1;
  while (eastOutline > 0 && diff(eastRow[eastOutline]!, outsideEast) <= 60) eastOutline--;
  eastOutline -= span;
  expect(Math.abs(eastOutline)).toBeLessThanOrEqual(2);

  // Both, the image dimmed to 60 %, as an officer checks a patch.
  await item.getByTestId('imagery-visible').check();
  await item.getByTestId('imagery-opacity').fill('0.6');
  await waitForMapIdle(page);
  const dimmed = await coloursAt(page, [ORACLE.fieldProbes.inside[4]!]);
  expect(dimmed[0]!.rgb[0]).toBeLessThan(ORACLE.fieldRgb[0] - 10); // blended with what lies under it
  await screenshot(page, info, 'geotiff-03-under-the-field-60');

  // Kept: the image (a small file: a copy in the database) is there after a reload, at 60 %, and drawn where it was.
  await expect(item.getByTestId('imagery-kept')).toContainText('gk39-rgb.tif：已在本机数据库保存副本');
  await page.reload();
  const again = page.getByTestId('imagery-item').filter({ hasText: 'GeoTIFF 影像' });
  await expect(again).toHaveCount(1, { timeout: 60_000 });
  await expect(again).toContainText('60%');
  await again.getByTestId('imagery-opacity').fill('1');
  await layerItem(page, 'gk39-field').getByTestId('layer-visible').uncheck();
  await again.getByTestId('imagery-zoom').click();
  await waitForMapIdle(page);
  const insideAgain = await coloursAt(page, ORACLE.fieldProbes.inside);
  const outsideAgain = await coloursAt(page, ORACLE.fieldProbes.outside);
  for (const p of insideAgain) expect(isRed(p.rgb), `after reload, inside ${p.xy.join(',')}: ${p.rgb.join(',')}`).toBe(true);
  for (const p of outsideAgain) expect(isRed(p.rgb), `after reload, outside ${p.xy.join(',')}: ${p.rgb.join(',')}`).toBe(false);
  await again.getByTestId('imagery-info').click();
  await expect(again.getByTestId('geotiff-meta')).toContainText('CGCS2000 / 3-degree Gauss-Kruger zone 39');
  await screenshot(page, info, 'geotiff-05-after-reload');
  consoleWatch.assertClean();
});

test('an image it cannot place is refused in Chinese, naming the file and the reason', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await page.getByTestId('imagery-files-input').setInputFiles([path.join(DIR, 'rotated.tif'), path.join(DIR, 'nogeo.tif')]);
  await expect(page.getByText('“rotated.tif”的地理变换带旋转，暂不支持')).toBeVisible();
  await expect(page.getByText('“nogeo.tif”没有地理参考')).toBeVisible();
  await screenshot(page, info, 'geotiff-04-refused');
  const images = page.getByTestId('imagery-item').filter({ hasText: 'GeoTIFF 影像' });
  await expect(images).toHaveCount(0);
  // A world file + .prj dropped with their image: placed.
  const files = ['sidecar-tfw.tif', 'sidecar-tfw.tfw', 'sidecar-tfw.prj'].map((name) => ({
    name,
    b64: fs.readFileSync(path.join(DIR, name)).toString('base64'),
  }));
  await page.getByTestId('drop-zone').evaluate((zone, list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
  await expect(images).toHaveCount(1);
  await images.getByTestId('imagery-info').click();
  await expect(images.getByTestId('geotiff-meta')).toContainText('.tfw 文件');
  // Its sidecars are kept with it: after a reload it is placed from the same world file and .prj.
  await expect(images.getByTestId('imagery-details')).toContainText('sidecar-tfw.tfw、sidecar-tfw.prj');
  await page.reload();
  await expect(images).toHaveCount(1, { timeout: 60_000 });
  await expect(images.getByTestId('imagery-status')).toHaveCount(0);
  await images.getByTestId('imagery-info').click();
  await expect(images.getByTestId('geotiff-meta')).toContainText('.tfw 文件');
  consoleWatch.assertClean();
});

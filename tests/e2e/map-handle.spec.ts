import { expect, test } from '@playwright/test';
import { openApp, waitForMapIdle, watchConsole } from './helpers';

type Handle = import('../../renderer/map').MapHandle;
type MapEl = HTMLElement & { mapHandle?: Handle };

test('the map handle: a PNG screenshot of what is drawn, fit and flyTo with options, a tool set through it', async ({ page }) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  await page.waitForFunction(() => !!document.querySelector<MapEl>('[data-testid="map"]')?.mapHandle);

  // screenshot(): a PNG (its signature), as large as the canvas, showing more than one colour (the township, not a
  // blank drawing buffer).
  const shot = await page.evaluate(async () => {
    const h = document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!;
    const blob = await h.screenshot();
    const head = [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())];
    const bmp = await createImageBitmap(blob);
    const k = new OffscreenCanvas(bmp.width, bmp.height);
    const g = k.getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    return { type: blob.type, size: blob.size, head, width: bmp.width, canvasWidth: canvas.width, colours: colours.size };
  });
  expect(shot.type).toBe('image/png');
  expect(shot.head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(shot.width).toBe(shot.canvasWidth);
  expect(shot.size).toBeGreaterThan(10_000);
  expect(shot.colours).toBeGreaterThan(20);

  // flyTo without animation lands exactly; fit respects maxZoom and reports through view().
  const views = await page.evaluate(() => {
    const h = document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!;
    h.flyTo({ center: [117.01, 35.05], zoom: 15, animate: false });
    const flown = h.view();
    h.fit([117.0, 35.04, 117.0005, 35.0405], { maxZoom: 16, animate: false });
    const fitted = h.view();
    return { flown, fitted };
  });
  expect(views.flown.center[0]).toBeCloseTo(117.01, 6);
  expect(views.flown.center[1]).toBeCloseTo(35.05, 6);
  expect(views.flown.zoom).toBeCloseTo(15, 6);
  expect(views.fitted.zoom).toBeCloseTo(16, 6);
  expect(views.fitted.center[0]).toBeCloseTo(117.00025, 5);

  // A tool set through the handle is the active one; Escape ends it.
  await page.evaluate(() => {
    const h = document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!;
    h.setTool({ id: 'test.point', mode: 'point' });
  });
  expect(await page.evaluate(() => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.activeTool())).toBe('test.point');
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.activeTool())).toBeNull();
  consoleWatch.assertClean();
});

import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

/** The figure a card cell shows, as a number in metres or m² (its unit text dropped, km turned into m). */
/** terra-draw draws on the next frame and maplibre's GeoJSON source updates in its worker: let both land before a picture. */
async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await screenshot(page, info, name);
}

async function metresOf(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const m = /([\d,]+\.\d+)\s*(km|m)?/.exec(text);
  if (!m) throw new Error(`no figure in "${text}"`);
  const v = Number(m[1]!.replace(/,/g, ''));
  return m[2] === 'km' ? v * 1000 : v;
}

test('measure: live distance and area on the map, Escape cancels, clicks never identify while measuring', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  const identifyTitle = page.getByTestId('identify-panel').locator('.layer-label');

  // 测距 from the toolbar: the card opens and the button shows pressed.
  const lengthButton = page.getByTestId('measure-length-button');
  await lengthButton.click();
  const card = page.getByTestId('measure-card');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-mode', 'length');
  await expect(lengthButton).toHaveAttribute('aria-pressed', 'true');

  // Two vertices, then the pointer moves on: the length follows it (live), and no click identified a parcel.
  for (const [fx, fy] of [
    [0.35, 0.45],
    [0.55, 0.45],
  ] as const) {
    const p = at(fx, fy);
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await page.mouse.click(p.x, p.y);
  }
  await expect(card).toHaveAttribute('data-phase', 'drawing');
  const p3 = at(0.55, 0.6);
  await page.mouse.move(p3.x, p3.y, { steps: 6 });
  await expect.poll(() => page.getByTestId('measure-segments').textContent()).toMatch(/^2 段/);
  const live = await metresOf(page, 'measure-length');
  const p4 = at(0.65, 0.7);
  await page.mouse.move(p4.x, p4.y, { steps: 6 });
  await expect.poll(() => metresOf(page, 'measure-length')).toBeGreaterThan(live);
  await page.mouse.click(p4.x, p4.y);
  await shot(page, info, 'measure-01-length-drawing');
  await expect(identifyTitle).toHaveCount(0);

  // Enter finishes: three vertices (two segments), the figure stays.
  await page.keyboard.press('Enter');
  await expect(card).toHaveAttribute('data-phase', 'done');
  await expect(page.getByTestId('measure-segments')).toHaveText(/^2 段/);
  const total = await metresOf(page, 'measure-length');
  expect(total).toBeGreaterThan(live);
  await expect(page.getByTestId('measure-zone')).toHaveText(/CGCS2000 \d° 带第 \d+ 带高斯平面/);
  await shot(page, info, 'measure-02-length-done');

  // Escape ends the tool: the card closes and the button is released.
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(lengthButton).toHaveAttribute('aria-pressed', 'false');

  // 测面积 by its shortcut: a quadrilateral closed on its first vertex.
  await page.keyboard.press('Shift+M');
  await expect(card).toHaveAttribute('data-mode', 'area');
  const ring = [at(0.4, 0.35), at(0.6, 0.37), at(0.62, 0.6), at(0.38, 0.58)];
  for (const p of ring) {
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await page.mouse.click(p.x, p.y);
  }
  // Live area while the pointer is still out, before closing.
  await expect(page.getByTestId('measure-area')).toHaveText(/[\d,]+\.\d\d m²/);
  await shot(page, info, 'measure-03-area-drawing');
  await page.mouse.move(ring[0]!.x, ring[0]!.y, { steps: 4 });
  await page.mouse.click(ring[0]!.x, ring[0]!.y);
  await expect(card).toHaveAttribute('data-phase', 'done');
  const m2 = await metresOf(page, 'measure-area');
  const mu = await metresOf(page, 'measure-area-mu');
  const ellipsoidal = await metresOf(page, 'measure-area-ellipsoidal');
  expect(m2).toBeGreaterThan(0);
  // 亩 = planar m² × 0.0015 (to the 4 decimals shown); the ellipsoidal figure is within a few ‰ of the planar one.
  expect(Math.abs(mu - m2 * 0.0015)).toBeLessThan(0.0002);
  expect(Math.abs(ellipsoidal / m2 - 1)).toBeLessThan(0.005);
  await expect(identifyTitle).toHaveCount(0);
  await shot(page, info, 'measure-04-area-done');

  // Escape cancels; the map identifies again (some point of a grid over the township hits a feature).
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  let identified = false;
  // The first identify starts the attributes worker: give it time (seconds on a busy 2-core machine).
  for (const [fx, fy, wait] of [
    [0.5, 0.5, 15_000],
    [0.45, 0.45, 5_000],
    [0.55, 0.55, 5_000],
    [0.4, 0.6, 5_000],
    [0.6, 0.4, 5_000],
  ] as const) {
    const p = at(fx, fy);
    await page.mouse.click(p.x, p.y);
    identified = await identifyTitle
      .first()
      .waitFor({ timeout: wait })
      .then(
        () => true,
        () => false,
      );
    if (identified) break;
  }
  expect(identified).toBe(true);
  consoleWatch.assertClean();
});

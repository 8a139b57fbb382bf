import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY_META } from '../../electron/csp';
import { openApp, screenshot, waitForMapIdle, watchConsole, watchNetwork } from './helpers';

test('first start shows the sample township on the map, offline, with no console errors', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  const net = watchNetwork(page);
  await openApp(page);
  // The page carries the same CSP as Electron's header (both are enforced: a stricter meta silently wins).
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY_META);
  // The toolbar and panels are in Chinese by default.
  await expect(page.getByTestId('import-button')).toHaveText(/导入图层/);
  await expect(page.getByTestId('overlay-button')).toHaveText('叠加分析');
  const items = page.getByTestId('layer-item');
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(3);
  // Every sample layer is flagged as sample (removable) and has features.
  for (let i = 0; i < count; i++) {
    await expect(items.nth(i).locator('.badge.sample')).toHaveText('示例');
    await expect(items.nth(i).getByTestId('layer-count')).toHaveText(/^[1-9][\d,]* 个要素$/);
  }
  await waitForMapIdle(page);
  // The map canvas actually shows something other than the paper background.
  const painted = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    const img = new Image();
    img.src = c.toDataURL('image/png');
    return new Promise<number>((resolve) => {
      img.onload = () => {
        const k = document.createElement('canvas');
        k.width = 200;
        k.height = 200;
        const g = k.getContext('2d')!;
        g.drawImage(img, 0, 0, 200, 200);
        const d = g.getImageData(0, 0, 200, 200).data;
        let other = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - 0xf4) + Math.abs(d[i + 1]! - 0xf1) + Math.abs(d[i + 2]! - 0xe8) > 30) other++;
        resolve(other / (200 * 200));
      };
    });
  });
  expect(painted).toBeGreaterThan(0.2);
  // Status bar shows a scale; hovering the map shows lon/lat and X/Y.
  await expect(page.getByTestId('status-scale')).toHaveText(/比例尺 1:[\d,]+/);
  // The first start fits the view to the township (a township-level scale, not the whole country).
  const scaleN = Number((await page.getByTestId('status-scale').textContent())!.replace(/[^\d]/g, '').slice(1));
  expect(scaleN).toBeGreaterThan(1000);
  expect(scaleN).toBeLessThan(200_000);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('status-lnglat')).toHaveText(/经度 \d+\.\d{7} 纬度 \d+\.\d{7}/);
  await expect(page.getByTestId('status-gk')).toHaveText(/X \d+\.\d{3} Y \d{8}\.\d{3}/);
  await screenshot(page, info, '01-first-start');
  consoleWatch.assertClean();
  net.assertOffline();
});

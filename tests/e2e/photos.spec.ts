/**
 * 现场照片 (issue 11 item 4) as an officer uses it: she identifies the sample township's first change patch, starts an
 * inspection, and attaches six photos from the camera card (five with position and bearing or position only, one
 * screenshot without EXIF) and an iPhone HEIC. Each placed photo is a numbered point on the map with an arrow in the
 * direction it was taken; the one without a position is said to be unplaced and she places it by hand with a click
 * on the map. The facts read are the camera's (exiftool's, tests/oracles/exif.json); 导出原图 gives back the very
 * bytes picked (SHA-256 of the source file = the stored key = the download's); after a reload every photo is there,
 * hash-equal, with its hand placement.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp, REAL_DATA, screenshot, waitForMapIdle, watchConsole } from './helpers';

type Handle = import('../../renderer/map').MapHandle;
type MapEl = HTMLElement & { mapHandle?: Handle };

const FIXTURES = path.resolve('tests/fixtures/photos');
const CARD = [1, 2, 3, 4, 5].map((i) => path.join(FIXTURES, 'card', `DSC_010${i}.jpg`));
const NO_EXIF = path.join(FIXTURES, 'no-exif.jpg');
const HEIC = path.resolve(REAL_DATA, '..', 'photos', 'heic', 'IMG_5195.HEIC');
const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// The sample township's first change patch, WP2026001 (shared/sample/township.ts; its bbox as geometriesBbox gives it,
// written out because the sample's module pulls GeographicLib, which Playwright's loader cannot import). The card's
// photos were taken on it (scripts/make-photo-fixtures.sh).
const patchBbox: [number, number, number, number] = [116.98986062414794, 35.053245114311345, 116.99260085369474, 35.05572375569303];

const mapHandle = (page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(
    ([f, a]) => {
      const h = document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle! as unknown as Record<string, (...x: unknown[]) => unknown>;
      return h[f as string]!(...(a as unknown[]));
    },
    [fn, args] as const,
  );

/** Shows the patch (and the photos around it) and waits for the map to draw it. */
async function showPatch(page: Page): Promise<void> {
  const [w, s, e, n] = patchBbox;
  const pad = 0.0006;
  await mapHandle(page, 'fit', [w - pad, s - pad, e + pad, n + pad], { animate: false, maxZoom: 18 });
  await waitForMapIdle(page);
}

/** The page pixel of a lon/lat on the map. */
async function pixelOf(page: Page, lngLat: [number, number]): Promise<[number, number]> {
  const [x, y] = (await mapHandle(page, 'project', lngLat)) as [number, number];
  const box = (await page.getByTestId('map').boundingBox())!;
  return [box.x + x, box.y + y];
}

test('照片: attach the card and a HEIC, see points and arrows, export hash-equal, place by hand, reload identical', async ({ page }, info) => {
  // Seven photos read, stored, stamped and exported on a shared 2-core machine take about two minutes.
  test.setTimeout(300_000);
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);

  // 1. The patch, identified; 开始核查.
  await showPatch(page);
  const [cx, cy] = await pixelOf(page, [(patchBbox[0] + patchBbox[2]) / 2, (patchBbox[1] + patchBbox[3]) / 2]);
  await page.mouse.click(cx, cy);
  await page.getByTestId('identify-panel').getByTestId('identify-start-inspection').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel).toBeVisible();
  const number = (await panel.getByTestId('inspection-number').textContent())!;
  const section = panel.getByTestId('photos-section');
  await expect(section).toContainText('尚无照片');

  // 2. Six photos from the card, then the iPhone's HEIC.
  await section.getByTestId('photos-input').setInputFiles([...CARD, NO_EXIF]);
  const tiles = section.getByTestId('photo-tile');
  await expect(tiles).toHaveCount(6, { timeout: 60_000 });
  await section.getByTestId('photos-input').setInputFiles([HEIC]);
  await expect(tiles).toHaveCount(7, { timeout: 60_000 });
  const sources = [...CARD, NO_EXIF, HEIC];
  // Stored by the SHA-256 of the very bytes picked, in the order attached.
  expect(await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-sha256')))).toEqual(sources.map(sha256Of));
  await expect(section.getByTestId('photos-count')).toHaveText('共 7 张，地图上 6 张，未定位 1 张');
  await expect(section.getByTestId('photos-unplaced')).toContainText('6. no-exif.jpg');
  // The stamped copies are made (six JPEGs drawn); the HEIC stays a file tile: Chromium cannot decode it.
  await expect(section.locator('[data-testid="photo-tile"] img')).toHaveCount(6, { timeout: 60_000 });
  await expect(tiles.nth(6)).toContainText('HEIC');

  // 3. The facts of DSC_0101 as exiftool reads them (2026:04:20 09:30:12 +08:00, 35.0529 N, 116.9895 E, 62.3 m, 45 T).
  await tiles.nth(0).click();
  const details = section.getByTestId('photo-details');
  await expect(details.getByTestId('photo-time')).toContainText('2026-04-20 09:30:12 +08:00');
  await expect(details.getByTestId('photo-beijing')).toContainText('2026-04-20 09:30:12');
  await expect(details.getByTestId('photo-position')).toContainText('东经 116.989500°，北纬 35.052900°（相机记录）');
  await expect(details.getByTestId('photo-altitude')).toContainText('62.3 米');
  await expect(details.getByTestId('photo-bearing')).toContainText('45°（真北）');
  await expect(details.getByTestId('photo-stamped')).toBeVisible();
  // The upright 近景 (Orientation 6): its stamped copy is drawn upright, taller than wide (the original is 640 × 480).
  await tiles.nth(2).click();
  await expect(details.getByTestId('photo-bearing')).toContainText('10°（磁北）');
  // The stamped copy of the newly selected photo loads after the click: wait for its pixels.
  const stampedSize = () => details.getByTestId('photo-stamped').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  await expect.poll(async () => (await stampedSize())[0], { timeout: 30_000 }).toBe(720);
  const natural = await stampedSize();
  expect(natural[1]).toBeGreaterThan(960); // 720 × 640/480 of photo plus the band
  // The HEIC: its facts (exiftool: 2021:04:11 15:47:53 -05:00, 348.0553285 M) and what the browser cannot do, said.
  await tiles.nth(6).click();
  await expect(details.getByTestId('photo-undecodable')).toContainText('浏览器无法显示此格式（HEIC）');
  await expect(details.getByTestId('photo-time')).toContainText('2021-04-11 15:47:53 -05:00');
  await expect(details.getByTestId('photo-beijing')).toContainText('2021-04-12 04:47:53');
  await expect(details.getByTestId('photo-bearing')).toContainText('348.06°（磁北）');

  // 4. 导出原图: the download is the source file, byte for byte (SHA-256 of the file = the stored key = the download's).
  for (const [i, source] of [
    [6, HEIC],
    [0, CARD[0]!],
  ] as const) {
    await tiles.nth(i).click();
    const [download] = await Promise.all([page.waitForEvent('download'), details.getByTestId('photo-export').click()]);
    expect(download.suggestedFilename()).toBe(path.basename(source));
    const saved = await download.path();
    expect(sha256Of(saved)).toBe(sha256Of(source));
    await expect(details.getByTestId('photo-sha256')).toContainText(sha256Of(source));
  }

  // 5. On the map: a numbered point per placed photo, an arrow where a bearing was written; a click selects it.
  await showPatch(page);
  await screenshot(page, info, 'photos-map');
  const [x4, y4] = await pixelOf(page, [116.9915, 35.0556]); // DSC_0104's position
  await page.mouse.click(x4, y4);
  await expect(tiles.nth(3)).toHaveAttribute('aria-pressed', 'true');
  await expect(details).toHaveAttribute('data-sha256', sha256Of(CARD[3]!));

  // 6. The photo without a position: 定位, then a click on the map where it was taken.
  await tiles.nth(5).click();
  await expect(details.getByTestId('photo-position')).toContainText('未定位');
  await details.getByTestId('photo-place').click();
  const handAt: [number, number] = [116.9905, 35.0549];
  const [hx, hy] = await pixelOf(page, handAt);
  await page.mouse.click(hx, hy);
  await expect(tiles.nth(5)).toHaveAttribute('data-placement', 'hand');
  await expect(details.getByTestId('photo-position')).toContainText('（手动定位）');
  // Its stamped copy is made again with the new position in its band.
  await expect(details.getByTestId('photo-stamped')).toHaveAttribute('data-stamp', /位置 东经 116\.9905\d\d°，北纬 35\.0549\d\d°（手动定位）/);
  await expect(section.getByTestId('photos-count')).toHaveText('共 7 张，地图上 7 张，未定位 0 张');
  await details.getByTestId('photo-kind').selectOption('distant');
  await details.getByTestId('photo-description').fill('西侧远景，场地已平整');
  await details.getByTestId('photo-description').blur();
  await waitForMapIdle(page);
  await screenshot(page, info, 'photos-placed');

  // 7. Reload: the record reopens with every photo, hash-equal, in order, the hand placement and the text kept.
  const placedText = await details.getByTestId('photo-position').textContent();
  await page.reload();
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await page.getByTestId('dock-tab-inspection').click();
  await expect(page.getByTestId('inspection-panel')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('inspection-number')).toHaveText(number);
  await expect(tiles).toHaveCount(7);
  expect(await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-sha256')))).toEqual(sources.map(sha256Of));
  await tiles.nth(5).click();
  await expect(details.getByTestId('photo-position')).toHaveText(placedText!);
  await expect(details.getByTestId('photo-kind')).toHaveValue('distant');
  await expect(details.getByTestId('photo-description')).toHaveValue('西侧远景，场地已平整');
  // The stored bytes themselves, hashed again in the page: every key is the hash of its bytes and of its source file.
  const stored = await page.evaluate(async (keys) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('landpatrol');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const out: string[] = [];
    for (const k of keys) {
      const rec = await new Promise<{ data: Blob }>((ok, ko) => {
        const r = db.transaction('attachments').objectStore('attachments').get(k);
        r.onsuccess = () => ok(r.result as { data: Blob });
        r.onerror = () => ko(r.error);
      });
      const d = await crypto.subtle.digest('SHA-256', await rec.data.arrayBuffer());
      out.push(Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join(''));
    }
    db.close();
    return out;
  }, sources.map(sha256Of));
  expect(stored).toEqual(sources.map(sha256Of));
  // The record's history names the photos by hash (the save of 添加照片) and its chain still verifies.
  await expect(page.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  consoleWatch.assertClean();
});

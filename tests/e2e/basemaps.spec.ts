/**
 * Online basemaps (issue 12 item 3), as an officer uses them: a fresh start asks nothing of any host; she enters the
 * office's Tianditu key, switches 天地图影像 on (a fake Tianditu on 127.0.0.1 with the same WMTS URL scheme, PNG tiles
 * made here), downloads the view ahead for two zoom levels (estimate first), goes offline (the server stops), reloads:
 * the cached tiles are still drawn (pixel check), the app says 离线, and the console stays clean. A Gaode URL is
 * recognised as GCJ-02 and a source declared GCJ-02 shows its warning on the map.
 */
import { expect, test, type Page } from '@playwright/test';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

const KEY = 'e2e-secret-key-123';
const IMG = [180, 60, 200]; // 影像 tiles: a purple no map has
const XYZ = [40, 170, 90];

/** A 256 × 256 PNG of one colour (RGBA, 8 bits), written here: signature, IHDR, one IDAT, IEND. */
function solidPng(rgb: number[], alpha = 255): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + 256 * 4);
  for (let x = 0; x < 256; x++) row.set([rgb[0]!, rgb[1]!, rgb[2]!, alpha], 1 + x * 4);
  const raw = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Fake {
  port: number;
  requests: string[];
  /** A pause before each answer (a slow server: a download that can be caught running). */
  delayMs: number;
  close(): Promise<void>;
}

/** Tianditu's KVP WMTS: /<layer>_w/wmts?...&LAYER=<layer>&TILEMATRIX=z&TILEROW=y&TILECOL=x&tk=<key>; a wrong key: 403. */
async function fakeTianditu(): Promise<Fake> {
  const img = solidPng(IMG);
  const label = solidPng([0, 0, 0], 0);
  const xyz = solidPng(XYZ);
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
    requests.push(u.pathname + u.search);
    const cors = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'image/png' };
    if (u.pathname.startsWith('/xyz/')) return void res.writeHead(200, cors).end(xyz);
    const m = /^\/(vec|cva|img|cia)_w\/wmts$/.exec(u.pathname);
    const q = u.searchParams;
    if (!m || q.get('SERVICE') !== 'WMTS' || q.get('REQUEST') !== 'GetTile' || q.get('LAYER') !== m[1] || q.get('TILEMATRIXSET') !== 'w')
      return void res.writeHead(400).end();
    if (q.get('tk') !== KEY) return void res.writeHead(403, { 'Access-Control-Allow-Origin': '*' }).end();
    res.writeHead(200, cors).end(m[1] === 'img' || m[1] === 'vec' ? img : label);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const fake: Fake = {
    port: (server.address() as AddressInfo).port,
    requests,
    delayMs: 0,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return fake;
}

type MapEl = HTMLElement & { mapHandle?: { screenshot(): Promise<Blob> } };

/** The map canvas's colour at a fraction of its size (the map's own screenshot, read back in the page). */
async function mapPixel(page: Page, fx: number, fy: number): Promise<number[]> {
  return page.evaluate(
    async ([x, y]) => {
      const blob = await document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.screenshot();
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      return [...g.getImageData(Math.floor(bmp.width * x!), Math.floor(bmp.height * y!), 1, 1).data];
    },
    [fx, fy],
  );
}

/** Closes the 在线底图设置 dialog by its ×. */
async function closeSettings(page: Page) {
  await page.getByTestId('basemap-settings-dialog').getByRole('button', { name: 'close' }).click();
  await expect(page.getByTestId('basemap-settings-dialog')).toHaveCount(0);
}

/** Hides the sample township's layers and its sample image (both over the basemap) so the basemap's own colour can be read. */
async function hideVectorLayers(page: Page) {
  await page.getByTestId('dock-tab-layers').click();
  for (const id of ['layer-visible', 'imagery-visible'])
    for (const box of await page.getByTestId(id).all()) if (await box.isChecked()) await box.uncheck();
}

test('online basemaps: nothing by default, Tianditu with a key, download ahead, offline from the cache', async ({ page, context }) => {
  test.setTimeout(240_000);
  const fake = await fakeTianditu();
  const origin = `http://127.0.0.1:${fake.port}`;
  const all: string[] = [];
  context.on('request', (r) => all.push(r.url()));
  // The one console error allowed: the page's own CSP refusing the probe below (the page's connect-src stays 'self').
  const console_ = watchConsole(page, [/http:\/\/127\.0\.0\.1:\d+\/csp-probe/]);

  // A fresh start: every request of the page and of any worker stays on this machine; no service worker exists.
  await openApp(page);
  await waitForMapIdle(page);
  await page.waitForTimeout(1500);
  expect(all.filter((u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|blob:|data:)/.test(u))).toEqual([]);
  expect(all.filter((u) => u.startsWith(origin))).toEqual([]);
  expect(fake.requests).toEqual([]);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await expect(page.getByTestId('status-network')).toHaveText('离线地图 · 无网络请求');

  // The 影像 list's basemap rows: Tianditu cannot be switched on without a key; the settings open by themselves.
  await page.getByTestId('dock-tab-layers').click();
  const list = page.getByTestId('imagery-section');
  await list.getByTestId('basemap-toggle-tdt-img').click();
  await expect(page.getByText('请先填写天地图密钥再开启天地图。')).toBeVisible();
  await expect(list.getByTestId('basemap-toggle-tdt-img')).not.toBeChecked();
  const panel = page.getByTestId('basemaps-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('basemap-key').fill(KEY);
  await panel.locator('.basemaps-advanced summary').click();
  await panel.getByTestId('basemap-server').fill(`http://127.0.0.1:${fake.port}`);
  await panel.getByTestId('basemap-key-save').click();
  await expect(panel.getByTestId('basemap-key')).toHaveAttribute('type', 'password');
  await closeSettings(page);
  await list.getByTestId('basemap-toggle-tdt-img').click();
  await expect(list.getByTestId('basemap-toggle-tdt-img')).toBeChecked();
  // Its row says where its tiles are kept.
  const tdt = list.locator('[data-testid="basemap-source"][data-source-id="tdt-img"]');
  await tdt.getByTestId('basemap-info').click();
  await expect(tdt.getByTestId('basemap-kept')).toContainText('存入本机缓存');

  await hideVectorLayers(page);
  await expect(page.getByTestId('status-network')).toContainText('在线底图已开启');
  await expect.poll(() => fake.requests.filter((r) => r.startsWith('/img_w/')).length, { timeout: 30_000 }).toBeGreaterThan(3);
  await waitForMapIdle(page);
  await screenshot(page, test.info(), 'basemaps-online');
  await expect.poll(() => mapPixel(page, 0.5, 0.5), { timeout: 30_000 }).toEqual([...IMG, 255]);
  // The page itself still cannot reach the tile server (its CSP did not widen): only the service worker fetches.
  expect(
    await page.evaluate(
      (o) =>
        fetch(`${o}/csp-probe`).then(
          () => 'fetched',
          () => 'blocked',
        ),
      origin,
    ),
  ).toBe('blocked');
  expect(fake.requests.filter((r) => r.startsWith('/csp-probe'))).toEqual([]);
  // Both layers of the source were asked, with the key; the annotation too.
  expect(fake.requests.some((r) => r.startsWith('/cia_w/wmts?') && r.includes(`tk=${KEY}`))).toBe(true);

  // Download ahead: the current view, its zoom and the next; the estimate before the start.
  await page.getByTestId('basemaps-button').click();
  await panel.getByTestId('basemap-download-open').click();
  const dlg = page.getByTestId('basemap-download-dialog');
  const zoom = await page.evaluate(() =>
    Math.floor(
      (document.querySelector<MapEl>('[data-testid="map"]') as unknown as { mapHandle: { view(): { zoom: number } } }).mapHandle.view().zoom,
    ),
  );
  await dlg.getByTestId('basemap-zoom-from').fill(String(zoom));
  await dlg.getByTestId('basemap-zoom-to').fill(String(zoom + 1));
  const estimate = dlg.getByTestId('basemap-estimate');
  await expect(estimate).toContainText('个瓦片');
  const tiles = Number(await estimate.getAttribute('data-tiles'));
  expect(tiles).toBeGreaterThan(4);
  await screenshot(page, test.info(), 'basemaps-estimate');
  await dlg.getByTestId('basemap-download-start').click();
  const job = page.getByTestId('basemap-job');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(job.getByTestId('basemap-job-progress')).toContainText(`${tiles.toLocaleString('zh-CN')} / ${tiles.toLocaleString('zh-CN')}`);
  await screenshot(page, test.info(), 'basemaps-downloaded');
  // The key was asked of no one else, and never shown.
  expect(all.filter((u) => u.includes(KEY) && !u.startsWith(origin) && !u.includes('/__lp-basemap?'))).toEqual([]);
  await expect(page.getByText(KEY)).toHaveCount(0);

  // A restart during a download: the job is found cut short, said so, and 继续 finishes it from where it was.
  await job.getByTestId('basemap-job-cancel').click();
  await expect(job).toHaveCount(0);
  fake.delayMs = 40;
  await page.getByTestId('basemaps-button').click();
  await panel.getByTestId('basemap-download-open').click();
  await dlg.getByTestId('basemap-zoom-from').fill(String(zoom + 2));
  await dlg.getByTestId('basemap-zoom-to').fill(String(zoom + 3));
  const tiles2 = Number(await estimate.getAttribute('data-tiles'));
  expect(tiles2).toBeGreaterThan(64);
  await dlg.getByTestId('basemap-download-start').click();
  await expect
    .poll(async () => Number(/^(\d+)/.exec((await job.getByTestId('basemap-job-progress').textContent()) ?? '')?.[1] ?? 0))
    .toBeGreaterThan(0);
  await expect(job).toHaveAttribute('data-state', 'running');
  await page.reload();
  await expect(job).toHaveAttribute('data-state', 'paused');
  await expect(job).toContainText('应用关闭时中断，可继续');
  const doneBefore = Number(/^(\d+)/.exec((await job.getByTestId('basemap-job-progress').textContent()) ?? '')?.[1] ?? 0);
  expect(doneBefore).toBeGreaterThan(0);
  expect(doneBefore).toBeLessThan(tiles2);
  await screenshot(page, test.info(), 'basemaps-resume');
  fake.delayMs = 0;
  await job.getByTestId('basemap-job-resume').click();
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(job.getByTestId('basemap-job-progress')).toContainText(`${tiles2.toLocaleString('zh-CN')} / ${tiles2.toLocaleString('zh-CN')}`);

  // Offline: the server stops; after a reload the cached tiles are drawn, the app says 离线, no error piles up.
  await fake.close();
  await page.reload();
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await waitForMapIdle(page);
  await expect(page.getByTestId('basemap-offline')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('basemap-offline')).toContainText('离线');
  await expect.poll(() => mapPixel(page, 0.5, 0.5), { timeout: 30_000 }).toEqual([...IMG, 255]);
  await expect.poll(() => mapPixel(page, 0.2, 0.25), { timeout: 30_000 }).toEqual([...IMG, 255]);
  // Panning away from the cached area: tiles not cached are left blank, without a storm of errors.
  await page.mouse.move(900, 600);
  await page.mouse.down();
  await page.mouse.move(500, 350, { steps: 8 });
  await page.mouse.up();
  await waitForMapIdle(page);
  await screenshot(page, test.info(), 'basemaps-offline');
  console_.assertClean();

  // A Gaode URL is recognised as GCJ-02 (the list's badge); a source declared GCJ-02, once on, warns on the map.
  await page.getByTestId('basemaps-button').click();
  await page.getByTestId('basemap-add-xyz').click();
  let add = page.getByTestId('basemap-add-dialog');
  await add.getByTestId('basemap-add-template').fill('https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&style=8&x={x}&y={y}&z={z}');
  await add.getByTestId('basemap-add-subdomains').fill('1,2,3,4');
  await expect(add).toContainText('已识别为高德地图');
  await add.getByTestId('basemap-add-ok').click();
  await expect(panel.locator('[data-testid="basemap-source"]', { hasText: '高德地图' }).getByTestId('basemap-shift-badge')).toContainText('GCJ-02');
  await page.getByTestId('basemap-add-xyz').click();
  add = page.getByTestId('basemap-add-dialog');
  await add.getByTestId('basemap-add-name').fill('县局内网底图');
  await add.getByTestId('basemap-add-template').fill(`http://127.0.0.1:${fake.port}/xyz/{z}/{x}/{y}.png`);
  await add.getByTestId('basemap-add-datum').selectOption('gcj02');
  await add.getByTestId('basemap-add-ok').click();
  await closeSettings(page);
  const row = list.locator('[data-testid="basemap-source"]', { hasText: '县局内网底图' });
  await row.getByRole('checkbox').check();
  await expect(page.getByTestId('basemap-map-warning')).toContainText('GCJ-02');
  await expect(row.getByTestId('basemap-shift-warning')).toBeVisible();
  await screenshot(page, test.info(), 'basemaps-gcj02');
  // No request ever went to the Gaode hosts (added, never switched on).
  expect(all.filter((u) => u.includes('autonavi'))).toEqual([]);
});

/** Web-mercator tile numbers (the standard formula, written here: floor((λ+180)/360·2^z), floor((1 − asinh(tan φ)/π)/2·2^z)). */
function tilesOfBox([w, s, e, n]: [number, number, number, number], zooms: number[]): number {
  const tx = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const ty = (lat: number, z: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  return zooms.reduce((sum, z) => sum + (tx(e, z) - tx(w, z) + 1) * (ty(s, z) - ty(n, z) + 1), 0);
}

test('download ahead over a box drawn on the map: two corners, the estimate of that box, the job done', async ({ page }, info) => {
  test.setTimeout(180_000);
  const fake = await fakeTianditu();
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  // The key and the server, then 天地图影像 on from its row.
  await page.getByTestId('basemaps-button').click();
  const panel = page.getByTestId('basemaps-panel');
  await panel.getByTestId('basemap-key').fill(KEY);
  await panel.locator('.basemaps-advanced summary').click();
  await panel.getByTestId('basemap-server').fill(`http://127.0.0.1:${fake.port}`);
  await panel.getByTestId('basemap-key-save').click();
  await closeSettings(page);
  await page.getByTestId('dock-tab-layers').click();
  await page.getByTestId('imagery-section').getByTestId('basemap-toggle-tdt-img').check();
  await waitForMapIdle(page);

  // Two corners chosen in lon/lat inside the view (a fifth and two thirds of its width and height), clicked where the map draws them.
  type H = { bounds(): number[]; project(p: [number, number]): [number, number]; view(): { zoom: number } };
  const { corners, zoom } = await page.evaluate(() => {
    const h = (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle: H }).mapHandle;
    const [w, s, e, n] = h.bounds() as [number, number, number, number];
    const a: [number, number] = [w + (e - w) * 0.2, s + (n - s) * 0.3];
    const b: [number, number] = [w + (e - w) * 0.66, s + (n - s) * 0.7];
    return { corners: [a, b].map((p) => ({ lngLat: p, xy: h.project(p) })), zoom: Math.floor(h.view().zoom) };
  });
  await page.getByTestId('basemaps-button').click();
  await panel.getByTestId('basemap-download-open').click();
  const dlg = page.getByTestId('basemap-download-dialog');
  await dlg.getByTestId('basemap-download-area').getByText('在地图上画框').click();
  await expect(dlg.getByTestId('basemap-download-box')).toContainText('尚未画框');
  await expect(dlg.getByTestId('basemap-download-start')).toBeDisabled();
  await dlg.getByTestId('basemap-zoom-from').fill(String(zoom));
  await dlg.getByTestId('basemap-zoom-to').fill(String(zoom + 1));
  await dlg.getByTestId('basemap-download-draw').click();
  await expect(dlg).toHaveCount(0);
  await expect(page.getByTestId('basemap-draw-hint')).toContainText('点击框的一角');
  const map = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(map.x + corners[0]!.xy[0], map.y + corners[0]!.xy[1]);
  await page.mouse.move(map.x + (corners[0]!.xy[0] + corners[1]!.xy[0]) / 2, map.y + (corners[0]!.xy[1] + corners[1]!.xy[1]) / 2, { steps: 4 });
  await page.mouse.click(map.x + corners[1]!.xy[0], map.y + corners[1]!.xy[1]);
  await expect(page.getByTestId('basemap-box-overlay')).toBeVisible(); // the box itself, over every layer
  await screenshot(page, info, 'basemaps-box-drawing');
  await page.keyboard.press('Enter');

  // Back in the dialog with the box and its estimate: the tiles of that box at the two zooms, counted here.
  await expect(dlg).toBeVisible();
  await expect(page.getByTestId('basemap-draw-hint')).toHaveCount(0);
  const [a, b] = corners.map((c) => c.lngLat) as [[number, number], [number, number]];
  const expected = tilesOfBox([a[0], a[1], b[0], b[1]], [zoom, zoom + 1]);
  const estimate = dlg.getByTestId('basemap-estimate');
  await expect(estimate).toHaveAttribute('data-tiles', String(expected));
  await expect(dlg.getByTestId('basemap-zoom-from')).toHaveValue(String(zoom)); // what was chosen before drawing is kept
  await expect(dlg.getByTestId('basemap-download-box')).toContainText('°E');
  await screenshot(page, info, 'basemaps-box-estimate');
  await dlg.getByTestId('basemap-download-start').click();
  const job = page.getByTestId('basemap-job');
  await expect(job).toContainText('在地图上画框');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(job.getByTestId('basemap-job-progress')).toContainText(`${expected.toLocaleString('zh-CN')} / ${expected.toLocaleString('zh-CN')}`);

  // Escape while drawing gives up the box: the dialog is back, nothing drawn.
  await page.getByTestId('basemaps-button').click();
  await panel.getByTestId('basemap-download-open').click();
  await dlg.getByTestId('basemap-download-area').getByText('在地图上画框').click();
  await dlg.getByTestId('basemap-download-draw').click();
  await page.mouse.click(map.x + corners[0]!.xy[0], map.y + corners[0]!.xy[1]);
  await page.keyboard.press('Escape');
  await expect(dlg).toBeVisible();
  await expect(dlg.getByTestId('basemap-download-box')).toContainText('尚未画框');
  consoleWatch.assertClean();
  await fake.close();
});

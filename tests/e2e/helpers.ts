import { expect, type Page, type TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REAL_DATA } from '../fixtures/read-fixture';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export { REAL_DATA };

/** Collects console errors and page errors; `assertClean()` fails the test on any (terra-draw's rule). */
export function watchConsole(page: Page, allow: RegExp[] = []) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !allow.some((r) => r.test(m.text()))) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { errors, assertClean: () => expect(errors, errors.join('\n')).toEqual([]) };
}

/** Fails on any request leaving the machine (offline for real: no fonts, tiles, glyphs or telemetry). */
export function watchNetwork(page: Page) {
  const external: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!/^(https?:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/.test(u)) external.push(u);
  });
  return { external, assertOffline: () => expect(external).toEqual([]) };
}

/** Opens the app and waits for its layer list (on a first start, the sample township's layers). */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await expect(page.getByTestId('layer-item').first()).toBeVisible({ timeout: 60_000 });
}

/** Closes the import result dialog of the import just started (it names what was imported). */
export async function acceptImport(page: Page): Promise<void> {
  await (await waitForImportResult(page)).getByTestId('import-result-ok').click();
}

/** Waits until the map has rendered everything it was given (maplibre's `idle`). */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state') === 'idle', undefined, {
    timeout,
    polling: 50,
  });
}

export function layerItem(page: Page, name: string) {
  return page.locator(`[data-testid="layer-item"][data-layer-name="${name}"]`);
}

export async function screenshot(page: Page, info: TestInfo, name: string): Promise<string> {
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  fs.mkdirSync(path.resolve(HERE, '../../test-results/screens'), { recursive: true });
  fs.copyFileSync(file, path.resolve(HERE, `../../test-results/screens/${name}.png`));
  return file;
}

export const readReal = (rel: string): Buffer => fs.readFileSync(path.join(REAL_DATA, rel));

/** Record count of a shapefile from its .shx: (file length − 100-byte header) / 8 bytes per record. */
export const shxRecordCount = (shx: Buffer): number => (shx.length - 100) / 8;

/** Waits for the import to finish and returns the result dialog. */
export async function waitForImportResult(page: Page) {
  const dialog = page.getByTestId('import-result');
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  return dialog;
}

/** Clicks points of a grid over the map until the identify panel shows a feature of `layerName`. */
export async function identifyOn(page: Page, layerName: string): Promise<boolean> {
  const box = (await page.getByTestId('map').boundingBox())!;
  for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      const title = page.getByTestId('identify-panel').locator('.layer-label');
      try {
        await expect(title).toHaveText(layerName, { timeout: 2_000 });
        return true;
      } catch {
        // try the next point
      }
    }
  }
  return false;
}

/**
 * The Electron stand-in for printing journeys: `printToPdf` is Playwright's page.pdf (Chromium's print pipeline, the
 * one Electron's printToPDF uses) with the CSS page sizes preferred, `saveFile` hands the bytes to the test. Each
 * print request is pushed to `printed`, each saved file to `saved`.
 */
export async function installPrintStandIn(page: Page, saved: { name: string; bytes: Buffer }[], printed: unknown[]): Promise<void> {
  await page.exposeFunction('__standInPdf', async (req: unknown) => {
    printed.push(req);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
    return pdf.toString('base64');
  });
  await page.exposeFunction('__standInSave', (name: string, b64: string) => {
    saved.push({ name, bytes: Buffer.from(b64, 'base64') });
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & {
      __standInPdf(req: unknown): Promise<string>;
      __standInSave(name: string, b64: string): Promise<void>;
    };
    const toB64 = (u8: Uint8Array) => {
      let s = '';
      for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
      return btoa(s);
    };
    const fromB64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    w.landpatrol = {
      openFiles: async () => ({ canceled: true }),
      readChosenFile: async () => new Uint8Array(0),
      saveFile: async (req: { suggestedName: string; bytes: Uint8Array }) => {
        await w.__standInSave(req.suggestedName, toB64(req.bytes));
        return { canceled: false, path: `/tmp/${req.suggestedName}` };
      },
      printToPdf: async (req: unknown) => fromB64(await w.__standInPdf(req)),
      getAppInfo: async () => ({ version: 'test', platform: 'linux', electron: '' }),
      setOnlineOrigins: async () => undefined,
      setMenu: async () => undefined,
      onMenuCommand: (l: (id: string) => void) => {
        w.__menu = l;
        return () => (w.__menu = undefined);
      },
    };
  });
}

/** Moves the map to a lon/lat and zoom at once (the map's handle), then waits for it to draw. */
export async function jumpMap(page: Page, center: [number, number], zoom: number): Promise<void> {
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

import { expect, test, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { identifyOn, layerItem, openApp, waitForImportResult, waitForMapIdle, watchConsole } from './helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/shp');
const NAME = '自相交';
/** What Chromium says when a module worker's script comes back as a page (the one failed start below). */
const WORKER_LOAD_ERROR = [/MIME type of "text\/html"|Failed to load module script/];

/**
 * The attributes worker starts on first use (the first table or identify). Its first start fails here as it does
 * when its script cannot be had at that moment: dist/ rebuilt under an open page (the preview server then answers
 * the old hashed name with index.html), the server gone, or in the app the worker dying. The data is in
 * IndexedDB all along: before the fix, that one failed start left the table saying the layer's data was damaged
 * (attr-unreadable) and the identify panel saying the feature had no attributes, until they were opened again.
 */
async function failFirstWorkerStart(page: Page, times = 1): Promise<() => boolean> {
  let left = times;
  await page.context().route(/\/assets\/attributes\.worker-[^/]*\.js$/, (route) => {
    if (left === 0) return route.continue();
    left -= 1;
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>国土执法巡查工作站</title>' });
  });
  return () => left === 0;
}

/** Records, from the page's start, whether the table ever said unreadable/failed or identify said not found. */
async function watchMessages(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { __seen: Set<string> }).__seen = seen;
    const check = () => {
      for (const id of ['attr-unreadable', 'attr-failed']) if (document.querySelector(`[data-testid="${id}"]`)) seen.add(id);
      if (document.querySelector('[data-testid="identify-panel"]')?.textContent?.includes('没有找到该要素的属性')) seen.add('identify-notFound');
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { __seen: Set<string> }).__seen]);
}

async function importBowtie(page: Page): Promise<void> {
  // tests/fixtures/shp/bowtie.*: record 1 a square (TBBH B0), record 2 a bowtie (TBBH B1)
  await page.getByTestId('import-files-input').setInputFiles(
    ['shp', 'shx', 'dbf', 'prj'].map((ext) => ({
      name: `${NAME}.${ext}`,
      mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(path.join(FIXTURES, `bowtie.${ext}`)),
    })),
  );
  await (await waitForImportResult(page)).getByTestId('import-result-ok').click();
}

test('the attribute table opened right after an import shows its rows, also when the worker fails to start once', async ({ page }) => {
  const consoleWatch = watchConsole(page, WORKER_LOAD_ERROR);
  const seen = await watchMessages(page);
  const failedOnce = await failFirstWorkerStart(page);
  await openApp(page);
  await importBowtie(page);
  // At once: no waiting for the layer's count or the map.
  await layerItem(page, NAME).getByTestId('layer-table').click();
  const table = page.getByTestId('attribute-table');
  await expect(table.getByTestId('attr-count')).toHaveText('2 / 2 条');
  await expect(table.getByTestId('attr-row')).toHaveCount(2);
  // A row's identify, straight away.
  await table.getByTestId('attr-row').nth(1).click();
  const panel = page.getByTestId('identify-panel');
  await expect(panel.locator('.layer-label')).toHaveText(NAME);
  await expect(panel.getByTestId('identify-attributes')).toContainText('B1');
  expect(failedOnce()).toBe(true);
  expect(await seen()).toEqual([]);
  consoleWatch.assertClean();
});

test('identify on the map right after an import shows the feature, also when the worker fails to start once', async ({ page }) => {
  const consoleWatch = watchConsole(page, WORKER_LOAD_ERROR);
  const seen = await watchMessages(page);
  const failedOnce = await failFirstWorkerStart(page);
  await openApp(page);
  await importBowtie(page);
  // One can only click what the map has drawn; the first click that hits the layer is the worker's first use.
  await waitForMapIdle(page);
  expect(await identifyOn(page, NAME)).toBe(true);
  await expect(page.getByTestId('identify-panel').getByTestId('identify-attributes')).toContainText(/B[01]/);
  expect(failedOnce()).toBe(true);
  expect(await seen()).toEqual([]);
  consoleWatch.assertClean();
});

test('a table opened while a kind change rewrites the layer waits for the new version instead of saying unreadable', async ({ page }) => {
  const consoleWatch = watchConsole(page);
  const seen = await watchMessages(page);
  await openApp(page);
  await importBowtie(page);
  const item = layerItem(page, NAME);
  // The restyle bumps dataVersion; the list learns the new version only when the job is done.
  const kind = item.getByTestId('layer-kind');
  const other = (await kind.inputValue()) === 'changePatch' ? 'other' : 'changePatch';
  await kind.selectOption(other);
  await item.getByTestId('layer-table').click();
  const table = page.getByTestId('attribute-table');
  await expect(table.getByTestId('attr-count')).toHaveText('2 / 2 条');
  await table.getByTestId('attr-row').first().click();
  await expect(page.getByTestId('identify-panel').getByTestId('identify-attributes')).toContainText('B0');
  expect(await seen()).toEqual([]);
  consoleWatch.assertClean();
});

test('a worker that fails to start twice is said as such, not as damaged data, and 重试 reads the table', async ({ page }) => {
  const consoleWatch = watchConsole(page, WORKER_LOAD_ERROR);
  const failedTwice = await failFirstWorkerStart(page, 2);
  await openApp(page);
  await importBowtie(page);
  await layerItem(page, NAME).getByTestId('layer-table').click();
  const table = page.getByTestId('attribute-table');
  await expect(table.getByTestId('attr-failed')).toContainText('暂时无法读取属性表');
  await expect(table.getByTestId('attr-unreadable')).toHaveCount(0);
  expect(failedTwice()).toBe(true);
  await table.getByTestId('attr-retry').click();
  await expect(table.getByTestId('attr-count')).toHaveText('2 / 2 条');
  consoleWatch.assertClean();
});

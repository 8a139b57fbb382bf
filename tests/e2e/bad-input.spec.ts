import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { layerItem, openApp, readReal, screenshot, waitForImportResult, watchConsole } from './helpers';

test('bad input shows a clear Chinese message naming the file, and stored layers stay', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  const items = page.getByTestId('layer-item');
  const namesBefore = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-name')));

  const roadShp = readReal('ae102-demo/Road.shp');
  await page.getByTestId('import-files-input').setInputFiles([
    // a .shp (with .shx) but no .dbf
    { name: '缺少属性表.shp', mimeType: 'application/octet-stream', buffer: readReal('ae102-demo/DLTB.shp') },
    { name: '缺少属性表.shx', mimeType: 'application/octet-stream', buffer: readReal('ae102-demo/DLTB.shx') },
    // a truncated .shp: cut in the middle of the records
    { name: '截断.shp', mimeType: 'application/octet-stream', buffer: roadShp.subarray(0, 150) },
    { name: '截断.shx', mimeType: 'application/octet-stream', buffer: readReal('ae102-demo/Road.shx') },
    { name: '截断.dbf', mimeType: 'application/octet-stream', buffer: readReal('ae102-demo/Road.dbf') },
    { name: '截断.prj', mimeType: 'text/plain', buffer: readReal('ae102-demo/Road.prj') },
    // a corrupt zip
    { name: '损坏.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 this is not really a zip file at all') },
  ]);
  const dialog = await waitForImportResult(page);
  const errors = dialog.getByTestId('issue-error');
  await expect(errors.filter({ hasText: '缺少属性表' })).not.toHaveCount(0);
  await expect(dialog.locator('.msg').filter({ hasText: '截断' })).not.toHaveCount(0);
  await expect(errors.filter({ hasText: '损坏.zip' })).not.toHaveCount(0);
  // Messages are Chinese sentences, not codes.
  for (const text of await errors.allTextContents()) {
    expect(text).toMatch(/[\u4e00-\u9fa5]{4,}/);
    expect(text).not.toMatch(/\b(file|zip|shp)\.[a-zA-Z]+\b/);
  }
  await screenshot(page, info, '05-bad-input');
  await dialog.getByTestId('import-result-ok').click();
  // Nothing already stored was touched.
  const namesAfter = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-name')));
  for (const n of namesBefore) expect(namesAfter).toContain(n);
  await page.reload();
  await expect(items.first()).toBeVisible({ timeout: 60_000 });
  const namesReloaded = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-name')));
  for (const n of namesBefore) expect(namesReloaded).toContain(n);
  consoleWatch.assertClean();
});

test('a zip with a "../" member imports what is safe and says exactly what it skipped', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  const part = (ext: string) => new Uint8Array(readReal(`ae102-demo/DLTB.${ext}`));
  const zip = zipSync({
    '县局/地类/DLTB.shp': part('shp'),
    '县局/地类/DLTB.shx': part('shx'),
    '县局/地类/DLTB.dbf': part('dbf'),
    '县局/地类/DLTB.prj': part('prj'),
    '../evil.shp': part('shp'),
    '../evil.shx': part('shx'),
    '../evil.dbf': part('dbf'),
  });
  await page.getByTestId('import-files-input').setInputFiles({ name: '县局资料.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  const dialog = await waitForImportResult(page);
  await expect(dialog.getByTestId('import-result-layer')).toHaveCount(1);
  await expect(dialog.getByTestId('import-result-layer')).toContainText('DLTB');
  const unsafe = dialog.locator('.msg').filter({ hasText: '不安全' });
  await expect(unsafe).not.toHaveCount(0);
  await expect(unsafe.first()).toContainText('县局资料.zip');
  await expect(unsafe.first()).toContainText('../evil');
  await screenshot(page, info, '05b-unsafe-zip');
  await dialog.getByTestId('import-result-ok').click();
  await expect(layerItem(page, 'DLTB')).toHaveCount(1);
  await expect(layerItem(page, 'evil')).toHaveCount(0);
  consoleWatch.assertClean();
});

test('a layer whose stored attributes are damaged: the table says so, the app and the other layers carry on', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  const dltb = layerItem(page, '地类图斑DLTB');
  await expect(dltb).toBeVisible();
  const layerId = (await dltb.getAttribute('data-layer-id'))!;
  // Damage the stored attribute store in IndexedDB, as a disk error or a half-written file would.
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('layerData', 'readwrite');
          const store = tx.objectStore('layerData');
          const get = store.get(id);
          get.onsuccess = () => store.put({ ...get.result, attributes: new Blob(['{"fields": ["DLMC"], "fids": [0, 1, 2], "rows": [[']) });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    layerId,
  );
  await dltb.getByTestId('layer-table').click();
  const table = page.getByTestId('attribute-table');
  await expect(table.getByTestId('attr-unreadable')).toContainText('无法读取该图层的属性数据');
  await screenshot(page, info, '05c-damaged-attributes');
  // Another layer's table still reads, and the damaged layer is still listed.
  await page.getByTestId('layer-item').filter({ hasText: '卫片图斑WPTB' }).getByTestId('layer-table').click();
  await expect(table.getByTestId('attr-count')).toHaveText('5 / 5 条');
  await expect(table.getByTestId('attr-row')).toHaveCount(5);
  await expect(dltb).toBeVisible();
  consoleWatch.assertClean();
});

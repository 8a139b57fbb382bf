import { expect, test } from '@playwright/test';
import * as ExcelJSModule from 'exceljs';
import * as fs from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { openApp, screenshot, watchConsole } from './helpers';

// exceljs is CommonJS: Node's ESM loader puts its exports on `default`.
const ExcelJS = ((ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule) as typeof ExcelJSModule;

test('overlay analysis of the sample patches against farmland and land classes, exported as CSV with BOM and as .xlsx', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  // vite preview sends no CSP header, and a worker is governed by its own response's header, not the page's
  // <meta>: serve the .xlsx worker with the app's header (what app:// sends) so exceljs runs under it (checked:
  // with this header an eval() in that worker is refused; without it, allowed). Worker console errors reach
  // the page's console, so watchConsole fails the test on a CSP violation there too.
  const cspServed: string[] = [];
  await page.route(/\/assets\/xlsx\.worker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    cspServed.push(route.request().url());
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY } });
  });
  await openApp(page);
  await page.getByTestId('overlay-button').click();
  const dialog = page.getByTestId('overlay-dialog');
  await expect(dialog).toBeVisible();
  // The change-patch layer is preselected as the plot layer.
  await expect(dialog.getByTestId('overlay-plot-layer').locator('option:checked')).toHaveText(/卫片图斑/);
  const farmland = dialog.locator('label', { hasText: '永久基本农田' }).getByTestId('overlay-layer');
  const landClass = dialog.locator('label', { hasText: '地类图斑' }).getByTestId('overlay-layer');
  await farmland.check();
  await landClass.check();
  await dialog.getByTestId('overlay-run').click();
  const table = dialog.getByTestId('overlay-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(table.locator('thead')).toContainText('图斑编号');
  await expect(table.locator('thead')).toContainText('占永久基本农田');
  await expect(table.locator('thead')).toContainText('其他/未覆盖');
  // Each layer's block adds up to the plot total to the last printed digit (planar m², 2 decimals).
  const head = await table.locator('thead tr').first().locator('th').allTextContents();
  const cells = (await rows.first().locator('td').allTextContents()).map((s) => Number(s.replace(/,/g, '')));
  const total = cells[1]!;
  expect(total).toBeGreaterThan(0);
  let col = 3; // after id, total m², total 亩
  for (const layer of ['永久基本农田', '地类图斑']) {
    let sum = 0;
    let n = 0;
    for (const h of head.slice(2)) {
      if (h.includes(layer)) {
        sum += cells[col]!;
        n++;
      }
      col += 2;
    }
    col = 3;
    expect(n).toBeGreaterThan(0);
    expect(sum.toFixed(2)).toBe(total.toFixed(2));
  }
  // The first run reads and indexes the layers and says how long each part took.
  await expect(dialog.getByTestId('overlay-timing')).toContainText(`${await rows.count()} 个图斑，计算用时`);
  await screenshot(page, info, '07-overlay');
  // Running again over the same layers reuses the warm index (the worker lives while the dialog is open),
  // and gives the same table.
  const before = await table.locator('tbody').innerText();
  await dialog.getByTestId('overlay-run').click();
  await expect(dialog.getByTestId('overlay-timing')).toContainText('读取图层');
  await expect(dialog.getByTestId('overlay-timing')).toContainText('建立索引 0 毫秒');
  expect(await table.locator('tbody').innerText()).toBe(before);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('overlay-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^叠加分析-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('图斑编号');
  expect(text.trim().split('\r\n')).toHaveLength((await rows.count()) + 1);
  await expect(dialog.getByTestId('overlay-basis')).toContainText('高斯平面面积');

  // Excel: the saved Blob's type, the file name, and the cells read back with exceljs against the dialog.
  await page.evaluate(() => {
    const w = window as unknown as { __blobTypes: string[] };
    w.__blobTypes = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (o: Blob | MediaSource) => (w.__blobTypes.push(o instanceof Blob ? o.type : 'media'), create(o));
  });
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('overlay-export-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^叠加分析-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(await page.evaluate(() => (window as unknown as { __blobTypes: string[] }).__blobTypes)).toEqual([
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]);
  await expect(dialog.getByTestId('overlay-export-status')).toHaveText(`已导出：${xlsxDownload.suggestedFilename()}`);
  expect(cspServed).toHaveLength(1);
  await screenshot(page, info, '07-overlay-xlsx');
  await dialog.locator('.overlay-result').evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await screenshot(page, info, '07-overlay-xlsx-right');

  const wb = new ExcelJS.Workbook();
  const xlsx = fs.readFileSync((await xlsxDownload.path())!);
  await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['叠加分析']);
  const ws = wb.worksheets[0]!;
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
  expect(ws.rowCount).toBe((await rows.count()) + 1);
  const xlsxHead = (ws.getRow(1).values as unknown[]).slice(1);
  expect(xlsxHead.slice(0, 3)).toEqual(['图斑编号', '总面积(高斯平面 m²)', '总面积(亩)']);
  expect(xlsxHead).toEqual(
    text
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(','),
  );
  // Every cell of the dialog's first and last rows: figures are numbers with their formats, equal to what the
  // dialog prints (which groups thousands with commas); text cells equal the dialog's text.
  for (const r of [0, (await rows.count()) - 1]) {
    const shown = await rows
      .nth(r)
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => ({ text: td.textContent ?? '', num: td.classList.contains('num') })));
    const row = ws.getRow(r + 2);
    expect(shown.length).toBe(xlsxHead.length);
    shown.forEach(({ text: s, num }, c) => {
      const cell = row.getCell(c + 1);
      const h = String(xlsxHead[c]);
      const numFmt = /\(亩\)$/.test(h) ? '0.0000' : /m²\)$/.test(h) ? '0.00' : /°E\)$/.test(h) ? '0' : null;
      expect(num, h).toBe(numFmt !== null);
      if (numFmt === null) return expect(cell.value ?? '', h).toBe(s);
      expect(typeof cell.value, h).toBe('number');
      expect(cell.numFmt).toBe(numFmt);
      expect(cell.value).toBe(Number(s.replace(/,/g, '')));
    });
  }
  expect(ws.getRow(2).getCell(2).value).toBe(total); // the total the block sums above were checked against
  consoleWatch.assertClean();
});

import { expect, test } from '@playwright/test';
import { layerItem, openApp, readReal, screenshot, shxRecordCount, waitForImportResult, watchConsole } from './helpers';

test('a shapefile dropped on the map is imported', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  const files = ['Road.shp', 'Road.shx', 'Road.dbf', 'Road.prj'].map((name) => ({ name, b64: readReal(`ae102-demo/${name}`).toString('base64') }));
  // A synthetic drop: a DataTransfer built in the page from the bytes passed in.
  await page.getByTestId('drop-zone').evaluate((zone, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
  const dialog = await waitForImportResult(page);
  await expect(dialog.getByTestId('import-result-layer')).toContainText('Road');
  await screenshot(page, info, '04-drop-result');
  await dialog.getByTestId('import-result-ok').click();
  const count = shxRecordCount(readReal('ae102-demo/Road.shx'));
  await expect(layerItem(page, 'Road').getByTestId('layer-count')).toHaveText(`${count} 个要素`);
  consoleWatch.assertClean();
});

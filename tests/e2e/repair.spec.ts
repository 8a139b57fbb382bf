import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { layerItem, openApp, screenshot, waitForImportResult, waitForMapIdle, watchConsole } from './helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/shp');
// shapely make_valid of the same file (scripts/make-oracles.py → tests/oracles/repair.json)
const oracle = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/oracles/repair.json'), 'utf8')) as {
  bowtieFixture: { record: number; valid: boolean; area: number }[];
};

test('a bowtie parcel is repaired on import, the result and identify say so, and its area is both lobes', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  // tests/fixtures/shp/bowtie.*: record 1 a square, record 2 a bowtie ring (its shoelace area is 0)
  await page.getByTestId('import-files-input').setInputFiles(
    ['shp', 'shx', 'dbf', 'prj'].map((ext) => ({
      name: `自相交.${ext}`,
      mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(path.join(FIXTURES, `bowtie.${ext}`)),
    })),
  );
  const dialog = await waitForImportResult(page);
  const repaired = dialog.getByTestId('issue-warning').filter({ hasText: 'GEOS MakeValid' });
  await expect(repaired).toContainText('自相交.shp：1 个图斑的边界无效');
  await expect(repaired).toContainText('记录号：2');
  await screenshot(page, info, '13a-repaired-import-result');
  await dialog.getByTestId('import-result-ok').click();
  await expect(layerItem(page, '自相交').getByTestId('layer-count')).toHaveText('2 个要素');
  await waitForMapIdle(page);

  await layerItem(page, '自相交').getByTestId('layer-table').click();
  const table = page.getByTestId('attribute-table');
  await expect(table.getByTestId('attr-count')).toHaveText('2 / 2 条');
  for (const ref of oracle.bowtieFixture) {
    await table
      .getByTestId('attr-row')
      .nth(ref.record - 1)
      .click();
    const planar = page.getByTestId('identify-area').locator('tr[data-kind="planar"] td div').first();
    await expect(planar).toHaveText(`${ref.area.toLocaleString('en-US', { minimumFractionDigits: 2 })} m²`);
    await expect(page.getByTestId('identify-repaired')).toHaveCount(ref.valid ? 0 : 1);
  }
  await expect(page.getByTestId('identify-repaired')).toContainText('GEOS MakeValid');
  await screenshot(page, info, '13b-repaired-identify');
  consoleWatch.assertClean();
});

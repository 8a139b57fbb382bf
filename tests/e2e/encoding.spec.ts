import { expect, test } from '@playwright/test';
import * as path from 'node:path';
import { acceptImport, layerItem, openApp, REAL_DATA, screenshot, watchConsole } from './helpers';

test('the layer properties re-decode the stored original bytes with another encoding, with a preview', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await page.getByTestId('import-folder-input').setInputFiles(path.join(REAL_DATA, 'banzhucun'));
  await acceptImport(page);
  const layer = layerItem(page, '斑竹村10000');
  await layer.getByTestId('layer-props').click();
  const props = page.getByTestId('layer-properties');
  await expect(props).toContainText('utf-8 — .cpg 文件');

  const previewWith = async (encoding: string) => {
    await props.getByTestId('encoding-select').selectOption(encoding);
    await props.getByRole('button', { name: '预览' }).click();
    const table = props.getByTestId('encoding-preview');
    await expect(table).toBeVisible({ timeout: 60_000 });
    await expect(table).toHaveAttribute('data-encoding', encoding, { timeout: 60_000 });
    return (await table.locator('tbody').textContent()) ?? '';
  };
  const utf8 = await previewWith('utf-8');
  expect(utf8).toContain('旱地');
  const gbk = await previewWith('gbk');
  expect(gbk).not.toContain('旱地');
  expect(gbk).not.toEqual(utf8);
  await screenshot(page, info, '09-encoding-preview');

  // Apply GBK: the layer is re-decoded from the bytes kept in IndexedDB (no need to find the files again) …
  await props.getByRole('button', { name: '按此编码重新解码' }).click();
  await expect(props).toContainText('gbk — 用户指定', { timeout: 60_000 });
  // … and back to UTF-8.
  await props.getByTestId('encoding-select').selectOption('utf-8');
  await props.getByRole('button', { name: '按此编码重新解码' }).click();
  await expect(props).toContainText('utf-8 — 用户指定', { timeout: 60_000 });
  consoleWatch.assertClean();
});

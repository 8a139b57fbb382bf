import { expect, test } from '@playwright/test';
import { openApp, screenshot, watchConsole } from './helpers';

test('switching to English shows an English UI, and the choice survives a reload', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await expect(page.getByTestId('layer-item').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('layer-panel').locator('h2')).toHaveText('图层');
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByTestId('import-button')).toHaveText(/Import layers/);
  await expect(page.getByTestId('overlay-button')).toHaveText('Overlay analysis');
  await expect(page.getByTestId('layer-panel').locator('h2')).toHaveText('Layers');
  await expect(page.getByTestId('identify-panel')).toContainText('Click a feature on the map');
  await expect(page.getByTestId('layer-item').first().getByTestId('layer-count')).toHaveText(/^[\d,]+ features$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, info, '06-english');
  await page.reload();
  await expect(page.getByTestId('import-button')).toHaveText(/Import layers/);
  await page.getByTestId('lang-select').selectOption('zh-CN');
  await expect(page.getByTestId('import-button')).toHaveText(/导入图层/);
  consoleWatch.assertClean();
});

import { expect, test } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

test('switching to English shows an English UI, and the choice survives a reload', async ({ page }, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await expect(page.getByTestId('layer-panel').locator('h2').first()).toHaveText('图层');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-loaded-layers', /^([^|]+\|){6}[^|]+$/, { timeout: 60_000 }); // the sample's 7 layers
  await waitForMapIdle(page);
  const loadedBefore = await map.getAttribute('data-loaded-layers');
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByTestId('import-button')).toHaveText(/Import layers/);
  await expect(page.getByTestId('overlay-button')).toHaveText('Overlay analysis');
  await expect(page.getByTestId('layer-panel').locator('h2').first()).toHaveText('Layers');
  await expect(page.getByTestId('identify-panel')).toContainText('Click a feature on the map');
  await expect(page.getByTestId('layer-item').first().getByTestId('layer-count')).toHaveText(/^[\d,]+ features$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Switching language keeps the map and its layers (nothing is reloaded or dropped).
  await waitForMapIdle(page);
  await expect(map).toHaveAttribute('data-loaded-layers', loadedBefore!);
  await screenshot(page, info, '06-english');
  await page.reload();
  await expect(page.getByTestId('import-button')).toHaveText(/Import layers/);
  await page.getByTestId('lang-select').selectOption('zh-CN');
  await expect(page.getByTestId('import-button')).toHaveText(/导入图层/);
  consoleWatch.assertClean();
});

test('in Electron the menu follows the window language, and the menu can switch it back', async ({ page }) => {
  const consoleWatch = watchConsole(page);
  // A stand-in for what electron/preload.ts exposes (same method names); it records what the window asks of main.
  await page.addInitScript(() => {
    const calls: string[] = [];
    let menuListener: ((c: string) => void) | null = null;
    const w = window as unknown as Record<string, unknown>;
    w.__menuCalls = calls;
    w.__menus = [];
    w.__sendMenuCommand = (c: string) => menuListener?.(c);
    w.landpatrol = {
      openFiles: async () => ({ canceled: true }),
      readChosenFile: async () => new Uint8Array(0),
      saveFile: async () => ({ canceled: true }),
      printToPdf: async () => new Uint8Array(0),
      getAppInfo: async () => ({ version: 'test', platform: 'linux', electron: '' }),
      setOnlineOrigins: async () => undefined,
      // Records the language of each menu the window sends (a model built from its command registry).
      setMenu: async (model: {
        lang: string;
        menus: { label: string; items: { kind: string; label?: string; command?: string; accelerator?: string }[] }[];
      }) => {
        calls.push(model.lang);
        (w.__menus as unknown[]).push(model);
      },
      onMenuCommand: (l: (c: string) => void) => {
        menuListener = l;
        return () => (menuListener = null);
      },
    };
  });
  await openApp(page);
  const calls = () => page.evaluate(() => (window as unknown as { __menuCalls: string[] }).__menuCalls.slice());
  await expect.poll(calls).toEqual(['zh-CN']);
  // The menu main installs is the registry's: 文件 holds the import command with its accelerator, 视图 the switch.
  type SentMenu = { menus: { label: string; items: { kind: string; label?: string; command?: string; accelerator?: string }[] }[] };
  const lastMenu = () => page.evaluate(() => (window as unknown as { __menus: unknown[] }).__menus.at(-1)) as Promise<SentMenu>;
  const zhMenu = await lastMenu();
  expect(zhMenu.menus.map((m) => m.label)).toEqual(['文件(&F)', '视图(&V)', '工具(&T)', '帮助(&H)']);
  expect(zhMenu.menus[0]!.items[0]).toMatchObject({ kind: 'command', command: 'import.files', label: '导入图层…', accelerator: 'CmdOrCtrl+O' });
  expect(zhMenu.menus[1]!.items.at(-1)).toMatchObject({ kind: 'command', command: 'app.toggleLanguage', label: 'English' });
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByTestId('import-button')).toHaveText(/Import layers/);
  await expect.poll(calls).toEqual(['zh-CN', 'en']);
  expect((await lastMenu()).menus[0]!.items[0]).toMatchObject({ label: 'Import Layers…' });
  // 视图 → 中文 in the English menu sends its command id: the window switches and tells main again.
  await page.evaluate(() => (window as unknown as { __sendMenuCommand: (c: string) => void }).__sendMenuCommand('app.toggleLanguage'));
  await expect(page.getByTestId('import-button')).toHaveText(/导入图层/);
  await expect.poll(calls).toEqual(['zh-CN', 'en', 'zh-CN']);
  consoleWatch.assertClean();
});

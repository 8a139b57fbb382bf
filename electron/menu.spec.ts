import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuModel } from '../shared/ipc/contract';
import { buildMenuTemplate, STARTUP_MENU } from './menu';

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const click = (item: MenuItemConstructorOptions | undefined): void => {
  (item?.click as (() => void) | undefined)?.();
};

const MODEL: MenuModel = {
  lang: 'zh-CN',
  menus: [
    {
      label: '文件(&F)',
      items: [
        { kind: 'command', command: 'import.files', label: '导入图层…', accelerator: 'CmdOrCtrl+O', enabled: true },
        { kind: 'command', command: 'import.folder', label: '导入文件夹', enabled: false },
        { kind: 'separator' },
        { kind: 'role', role: 'quit', label: '退出' },
      ],
    },
    {
      label: '视图(&V)',
      items: [
        { kind: 'role', role: 'reload', label: '重新加载', accelerator: 'CmdOrCtrl+R', devOnly: true },
        { kind: 'role', role: 'toggleDevTools', label: '开发者工具', accelerator: 'F12', devOnly: true },
        { kind: 'separator' },
        { kind: 'role', role: 'togglefullscreen', label: '全屏', accelerator: 'F11' },
      ],
    },
    { label: '帮助(&H)', items: [{ kind: 'role', role: 'about', label: '关于 LandPatrol' }] },
  ],
};

function make(model: MenuModel, isDev: boolean) {
  const handlers = { sendCommand: vi.fn(), showAbout: vi.fn() };
  return { handlers, template: buildMenuTemplate(model, handlers, { isDev }) };
}

describe('buildMenuTemplate', () => {
  it("uses the window's labels and accelerators, adding none of its own", () => {
    const { template } = make(MODEL, false);
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '视图(&V)', '帮助(&H)']);
    const file = submenu(template[0]);
    expect(file.map((i) => [i.label ?? i.type, i.accelerator, i.enabled])).toEqual([
      ['导入图层…', 'CmdOrCtrl+O', true],
      ['导入文件夹', undefined, false],
      ['separator', undefined, undefined],
      ['退出', undefined, undefined],
    ]);
    expect(file[3]?.role).toBe('quit');
  });

  it('keeps the developer items only in development, without a leading separator', () => {
    const dev = submenu(make(MODEL, true).template[1]).map((i) => i.role ?? i.type);
    expect(dev).toEqual(['reload', 'toggleDevTools', 'separator', 'togglefullscreen']);
    const prod = submenu(make(MODEL, false).template[1]).map((i) => i.role ?? i.type);
    expect(prod).toEqual(['togglefullscreen']);
  });

  it('sends the command id to the renderer and shows About in main', () => {
    const { template, handlers } = make(MODEL, false);
    click(submenu(template[0])[0]);
    click(submenu(template[2])[0]);
    expect(handlers.sendCommand.mock.calls).toEqual([['import.files']]);
    expect(handlers.showAbout).toHaveBeenCalledTimes(1);
    // About is main's own dialog, not an Electron role (the about panel is macOS-only).
    expect(submenu(template[2])[0]?.role).toBeUndefined();
  });

  it('starts with a bilingual menu that can quit before the window has sent its own', () => {
    const file = submenu(make(STARTUP_MENU, false).template[0]);
    expect(file.map((i) => i.role)).toEqual(['quit']);
    expect(file[0]?.label).toBe('退出 Exit');
  });
});

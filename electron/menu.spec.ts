import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];
const labels = (items: MenuItemConstructorOptions[]): (string | undefined)[] => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const click = (item: MenuItemConstructorOptions | undefined): void => {
  (item?.click as (() => void) | undefined)?.();
};

function make(lang: 'zh-CN' | 'en', isDev: boolean) {
  const handlers = { sendCommand: vi.fn(), showAbout: vi.fn() };
  return { handlers, template: buildMenuTemplate(lang, handlers, { isDev }) };
}

describe('buildMenuTemplate', () => {
  it('has the Chinese menus with access keys', () => {
    const { template } = make('zh-CN', false);
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '视图(&V)', '帮助(&H)']);
    expect(labels(submenu(template[0]))).toEqual(['导入图层…', '退出']);
    expect(labels(submenu(template[1]))).toEqual(['实际大小', '放大', '缩小', '全屏', 'English']);
    expect(labels(submenu(template[2]))).toEqual(['关于 LandPatrol']);
  });

  it('adds 重新加载 and 开发者工具 only in development', () => {
    const view = submenu(make('zh-CN', true).template[1]);
    expect(labels(view).slice(0, 2)).toEqual(['重新加载', '开发者工具']);
    expect(view.find((i) => i.role === 'reload')).toBeDefined();
    const prodRoles = submenu(make('zh-CN', false).template[1]).map((i) => i.role);
    expect(prodRoles).not.toContain('reload');
    expect(prodRoles).not.toContain('toggleDevTools');
  });

  it('has the same shape in English', () => {
    const zh = make('zh-CN', true).template;
    const en = make('en', true).template;
    expect(en.map((m) => m.label)).toEqual(['&File', '&View', '&Help']);
    expect(en.map((m) => submenu(m).map((i) => [i.role, i.accelerator]))).toEqual(zh.map((m) => submenu(m).map((i) => [i.role, i.accelerator])));
  });

  it('sends typed commands to the renderer and shows About in main', () => {
    const { template, handlers } = make('zh-CN', false);
    const file = submenu(template[0]);
    expect(file[0]?.accelerator).toBe('CmdOrCtrl+O');
    click(file[0]);
    // File holds import, a separator and quit: no item without a handler behind it.
    expect(file.map((i) => i.role ?? i.type ?? 'command')).toEqual(['command', 'separator', 'quit']);
    click(submenu(template[1]).find((i) => i.label === 'English'));
    click(submenu(template[2])[0]);
    expect(handlers.sendCommand.mock.calls).toEqual([['importLayers'], ['toggleLanguage']]);
    expect(handlers.showAbout).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.logic';
import type { Command, FeatureContribution } from '../ui/contributions';
import { menuModel } from './menu.logic';
import { buildRegistry } from './registry.logic';

const cmd = (c: Partial<Command> & Pick<Command, 'id' | 'labelKey'>): Command => ({ perform: () => undefined, ...c });
const features: FeatureContribution[] = [
  {
    id: 'import',
    commands: [
      cmd({
        id: 'import.files',
        labelKey: 'toolbar.import',
        menuLabelKey: 'menu.importLayers',
        shortcut: 'CmdOrCtrl+O',
        menu: { menu: 'file', group: 0, order: 0 },
        when: (k) => k['import.running'] !== true,
      }),
      cmd({ id: 'import.folder', labelKey: 'toolbar.importFolder', platform: 'browser', menu: { menu: 'file', group: 0, order: 1 } }),
    ],
  },
  { id: 'shell', commands: [cmd({ id: 'app.toggleLanguage', labelKey: 'menu.toggleLanguage', menu: { menu: 'view', group: 9, order: 0 } })] },
];
const labels = (items: { kind: string; label?: string }[]) => items.map((i) => (i.kind === 'separator' ? '—' : i.label));

describe('menuModel', () => {
  const reg = buildRegistry(features, 'electron');

  it('is the Chinese menu with access keys, the commands from the registry and the standard roles', () => {
    const m = menuModel(reg, (k, p) => translate('zh-CN', k, p), 'zh-CN', {});
    expect(m.lang).toBe('zh-CN');
    expect(m.menus.map((x) => x.label)).toEqual(['文件(&F)', '视图(&V)', '帮助(&H)']);
    expect(labels(m.menus[0]!.items)).toEqual(['导入图层…', '—', '退出']);
    expect(m.menus[0]!.items[0]).toEqual({ kind: 'command', command: 'import.files', label: '导入图层…', accelerator: 'CmdOrCtrl+O', enabled: true });
    expect(labels(m.menus[1]!.items)).toEqual(['重新加载', '开发者工具', '—', '实际大小', '放大', '缩小', '—', '全屏', '—', 'English']);
    expect(m.menus[1]!.items.filter((i) => i.kind === 'role' && i.devOnly).map((i) => i.kind === 'role' && i.role)).toEqual([
      'reload',
      'toggleDevTools',
    ]);
    expect(labels(m.menus[2]!.items)).toEqual(['关于 LandPatrol']);
  });

  it('has the same shape in English, and follows the context keys', () => {
    const zh = menuModel(reg, (k, p) => translate('zh-CN', k, p), 'zh-CN', {});
    const en = menuModel(reg, (k, p) => translate('en', k, p), 'en', { 'import.running': true });
    expect(en.menus.map((x) => x.label)).toEqual(['&File', '&View', '&Help']);
    const shape = (m: typeof zh) => m.menus.map((x) => x.items.map((i) => (i.kind === 'command' ? i.command : i.kind === 'role' ? i.role : '—')));
    expect(shape(en)).toEqual(shape(zh));
    expect(en.menus[0]!.items[0]).toMatchObject({ label: 'Import Layers…', enabled: false });
  });

  it('adds a 工具 menu only when a feature puts a command there', () => {
    const withTool = buildRegistry(
      [
        ...features,
        { id: 'x', commands: [cmd({ id: 'x.measure', labelKey: 'toolbar.overlay', menu: { menu: 'tools', group: 0, order: 0 }, shortcut: 'M' })] },
      ],
      'electron',
    );
    const m = menuModel(withTool, (k, p) => translate('zh-CN', k, p), 'zh-CN', {});
    expect(m.menus.map((x) => x.label)).toEqual(['文件(&F)', '视图(&V)', '工具(&T)', '帮助(&H)']);
    expect(m.menus[2]!.items[0]).toMatchObject({ command: 'x.measure', accelerator: 'M' });
  });
});

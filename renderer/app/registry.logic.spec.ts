import { describe, expect, it } from 'vitest';
import type { Command, FeatureContribution } from '../ui/contributions';
import { buildRegistry, isEnabled, RegistryError } from './registry.logic';

const cmd = (id: string, extra: Partial<Command> = {}): Command => ({ id, labelKey: 'toolbar.import', perform: () => undefined, ...extra });
const Panel = () => null;

describe('buildRegistry', () => {
  const features: FeatureContribution[] = [
    {
      id: 'a',
      commands: [
        cmd('a.second', { toolbar: { group: 0, order: 2 }, menu: { menu: 'file', group: 1, order: 0 } }),
        cmd('a.first', { toolbar: { group: 0, order: 1 }, menu: { menu: 'file', group: 0, order: 0 }, shortcut: 'CmdOrCtrl+O' }),
        cmd('a.browserOnly', { platform: 'browser', toolbar: { group: 0, order: 3 } }),
      ],
      panels: [{ id: 'a.panel', titleKey: 'dock.layers', dock: 'left', order: 1, component: Panel }],
      layerActions: [{ id: 'a.action', labelKey: 'layers.attributes', icon: 'table', order: 2, perform: () => undefined }],
    },
    {
      id: 'b',
      commands: [cmd('b.tool', { toolbar: { group: 1, order: 0 }, menu: { menu: 'tools', group: 0, order: 0 }, shortcut: 'M' })],
      panels: [
        { id: 'b.panel', titleKey: 'dock.layers', dock: 'left', order: 0, component: Panel },
        { id: 'b.inspector', titleKey: 'identify.title', dock: 'right', order: 0, component: Panel },
      ],
      hosts: [{ slot: 'map', component: Panel }],
      layerActions: [{ id: 'b.action', labelKey: 'layers.attributes', icon: 'table', order: 1, perform: () => undefined }],
    },
  ];

  it('orders the toolbar, menus, panels and layer actions by group and order, whichever feature declares them', () => {
    const r = buildRegistry(features, 'browser');
    expect(r.toolbar.map((g) => g.map((c) => c.id))).toEqual([['a.first', 'a.second', 'a.browserOnly'], ['b.tool']]);
    expect(r.menus.file.map((g) => g.map((c) => c.id))).toEqual([['a.first'], ['a.second']]);
    expect(r.menus.tools.map((g) => g.map((c) => c.id))).toEqual([['b.tool']]);
    expect(r.menus.view).toEqual([]);
    expect(r.panels.left.map((p) => p.id)).toEqual(['b.panel', 'a.panel']);
    expect(r.panels.right.map((p) => p.id)).toEqual(['b.inspector']);
    expect(r.layerActions.map((a) => a.id)).toEqual(['b.action', 'a.action']);
    expect(r.hosts.map).toHaveLength(1);
    expect([...r.shortcuts]).toEqual([
      ['ctrl+o', 'a.first'],
      ['m', 'b.tool'],
    ]);
  });

  it('leaves out commands of the other platform', () => {
    const r = buildRegistry(features, 'electron');
    expect(r.commands.has('a.browserOnly')).toBe(false);
    expect(r.toolbar[0]!.map((c) => c.id)).toEqual(['a.first', 'a.second']);
  });

  it('maps CmdOrCtrl to Cmd on macOS', () => {
    expect(buildRegistry(features, 'browser', true).shortcuts.get('meta+o')).toBe('a.first');
  });

  it('refuses two commands with one id, one shortcut for two commands, a feature or a panel twice', () => {
    expect(() => buildRegistry([...features, { id: 'c', commands: [cmd('a.first')] }], 'browser')).toThrow(RegistryError);
    expect(() => buildRegistry([...features, { id: 'c', commands: [cmd('c.x', { shortcut: 'Ctrl+O' })] }], 'browser')).toThrow(
      /Ctrl\+O belongs to "a.first" and "c.x"/,
    );
    expect(() => buildRegistry([...features, { id: 'a' }], 'browser')).toThrow(/feature "a"/);
    expect(() =>
      buildRegistry(
        [...features, { id: 'c', panels: [{ id: 'a.panel', titleKey: 'dock.layers', dock: 'right', order: 0, component: Panel }] }],
        'browser',
      ),
    ).toThrow(/panel/);
    // The same shortcut on the two platforms' variants of one command is not a conflict.
    const twins = [
      { id: 'c', commands: [cmd('c.web', { platform: 'browser', shortcut: 'F2' }), cmd('c.native', { platform: 'electron', shortcut: 'F2' })] },
    ] as FeatureContribution[];
    expect(buildRegistry(twins, 'browser').shortcuts.get('f2')).toBe('c.web');
    expect(buildRegistry(twins, 'electron').shortcuts.get('f2')).toBe('c.native');
  });

  it("orders the map's right-click items across features and refuses one id twice", () => {
    const item = (id: string, order: number) => ({ id, labelKey: 'identify.here' as const, order, perform: () => undefined });
    const r = buildRegistry(
      [
        { id: 'x', mapContextMenu: [item('x.copy', 10)] },
        { id: 'y', mapContextMenu: [item('y.show', 0)] },
      ],
      'browser',
    );
    expect(r.mapContextMenu.map((a) => a.id)).toEqual(['y.show', 'x.copy']);
    expect(() =>
      buildRegistry(
        [
          { id: 'x', mapContextMenu: [item('x.copy', 1)] },
          { id: 'y', mapContextMenu: [item('x.copy', 2)] },
        ],
        'browser',
      ),
    ).toThrow(/context menu item "x.copy"/);
  });

  it('enables a command by its `when` over the context keys', () => {
    const c = cmd('x.y', { when: (k) => k['import.running'] !== true });
    expect(isEnabled(c, {})).toBe(true);
    expect(isEnabled(c, { 'import.running': true })).toBe(false);
    expect(isEnabled(cmd('x.z'), { 'import.running': true })).toBe(true);
  });
});

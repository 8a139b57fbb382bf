import { describe, expect, it } from 'vitest';
import type { MenuModel } from '../../shared/ipc/contract';
import { MENU_LIMITS, validateSetMenu } from './validate-menu';

const model = (): MenuModel => ({
  lang: 'zh-CN',
  menus: [
    {
      label: '文件(&F)',
      items: [
        { kind: 'command', command: 'import.files', label: '导入图层…', accelerator: 'CmdOrCtrl+O', enabled: true },
        { kind: 'separator' },
        { kind: 'role', role: 'quit', label: '退出' },
      ],
    },
    {
      label: '视图(&V)',
      items: [
        { kind: 'role', role: 'reload', label: '重新加载', accelerator: 'CmdOrCtrl+R', devOnly: true },
        { kind: 'role', role: 'togglefullscreen', label: '全屏', accelerator: 'F11' },
      ],
    },
  ],
});

describe('validateSetMenu', () => {
  it('takes the model the window builds', () => {
    expect(validateSetMenu(model())).toEqual({ ok: true, value: model() });
    expect(validateSetMenu({ ...model(), lang: 'en' }).ok).toBe(true);
  });

  it('rejects what main could not build or should not run', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as below
    const bad = (edit: (m: Record<string, any>) => void) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test breaks the model on purpose, at any depth
      const m = structuredClone(model()) as unknown as Record<string, any>;
      edit(m);
      return validateSetMenu(m);
    };
    for (const v of [null, 'menu', [], { lang: 'zh-CN' }, { ...model(), extra: 1 }]) expect(validateSetMenu(v).ok).toBe(false);
    expect(bad((m) => (m.lang = 'fr')).ok).toBe(false);
    expect(bad((m) => (m.menus = [])).ok).toBe(false);
    expect(bad((m) => (m.menus = Array.from({ length: MENU_LIMITS.menus + 1 }, () => ({ label: 'x', items: [] })))).ok).toBe(false);
    // A role main does not implement (Electron's 'delete' would edit the page), a command id that is not <feature>.<verb>.
    expect(bad((m) => (m.menus[0].items[2].role = 'delete')).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[0].command = 'rm -rf')).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[0].command = 'constructor')).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[0].enabled = 'yes')).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[0].click = 'x')).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[0].accelerator = 'Ctrl O; rm')).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[0].label = '导入\u0000')).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[0].label = 'x'.repeat(MENU_LIMITS.labelChars + 1))).ok).toBe(false);
    expect(bad((m) => (m.menus[0].items[1].kind = 'submenu')).ok).toBe(false);
    expect(bad((m) => (m.menus[1].items[0].devOnly = 1)).ok).toBe(false);
    const error = bad((m) => (m.menus[0].items[0].command = 'rm -rf'));
    expect(error).toMatchObject({
      ok: false,
      reason: 'badField',
      path: 'setMenu.menus[0].items[0].command',
      detail: 'setMenu.menus[0].items[0].command: not a command id',
    });
    expect(bad((m) => (m.menus[0].items[0].click = 'x'))).toMatchObject({ reason: 'unknownField', path: 'setMenu.menus[0].items[0].click' });
  });
});

/**
 * The Electron application menu built from the command registry: the frame (文件 / 视图 / 工具 / 帮助 with the
 * standard roles) is the shell's, the command items are the features'. Labels follow Chinese Windows convention
 * ("文件(&F)": the access key works whatever the input method); items that open a dialog end in "…".
 */
import type { MenuItemModel, MenuModel, UiLanguage } from '../../shared/ipc/contract';
import type { Translate } from '../i18n';
import type { Command, ContextKeys, MenuId } from '../ui/contributions';
import { isEnabled, type Registry } from './registry.logic';

const commandItem = (c: Command, t: Translate, keys: ContextKeys): MenuItemModel => ({
  kind: 'command',
  command: c.id,
  label: t(c.menuLabelKey ?? c.labelKey),
  ...(c.shortcut ? { accelerator: c.shortcut } : {}),
  enabled: isEnabled(c, keys),
});

/** The features' groups of one menu, a separator between groups. */
function contributed(reg: Registry, menu: MenuId, t: Translate, keys: ContextKeys): MenuItemModel[] {
  const out: MenuItemModel[] = [];
  for (const group of reg.menus[menu]) {
    if (out.length > 0) out.push({ kind: 'separator' });
    out.push(...group.map((c) => commandItem(c, t, keys)));
  }
  return out;
}

const SEP: MenuItemModel = { kind: 'separator' };
const withSep = (items: MenuItemModel[]): MenuItemModel[] => (items.length > 0 ? [...items, SEP] : []);
const sepThen = (items: MenuItemModel[]): MenuItemModel[] => (items.length > 0 ? [SEP, ...items] : []);

export function menuModel(reg: Registry, t: Translate, lang: UiLanguage, keys: ContextKeys): MenuModel {
  const tools = contributed(reg, 'tools', t, keys);
  return {
    lang,
    menus: [
      { label: t('menu.file'), items: [...withSep(contributed(reg, 'file', t, keys)), { kind: 'role', role: 'quit', label: t('menu.quit') }] },
      {
        label: t('menu.view'),
        items: [
          { kind: 'role', role: 'reload', label: t('menu.reload'), accelerator: 'CmdOrCtrl+R', devOnly: true },
          { kind: 'role', role: 'toggleDevTools', label: t('menu.devTools'), accelerator: 'F12', devOnly: true },
          { kind: 'separator' },
          { kind: 'role', role: 'resetZoom', label: t('menu.resetZoom'), accelerator: 'CmdOrCtrl+0' },
          { kind: 'role', role: 'zoomIn', label: t('menu.zoomIn'), accelerator: 'CmdOrCtrl+=' },
          { kind: 'role', role: 'zoomOut', label: t('menu.zoomOut'), accelerator: 'CmdOrCtrl+-' },
          { kind: 'separator' },
          { kind: 'role', role: 'togglefullscreen', label: t('menu.fullscreen'), accelerator: 'F11' },
          ...sepThen(contributed(reg, 'view', t, keys)),
        ],
      },
      ...(tools.length > 0 ? [{ label: t('menu.tools'), items: tools }] : []),
      { label: t('menu.help'), items: [...withSep(contributed(reg, 'help', t, keys)), { kind: 'role', role: 'about', label: t('menu.about') }] },
    ],
  };
}

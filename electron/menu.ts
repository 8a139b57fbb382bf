/**
 * The application menu: the model the window built from its command registry (shared/ipc/contract.ts
 * MenuModel, validated in electron/ipc/validate-menu.ts) turned into Electron's template. Pure (only
 * `import type` from electron) so the wiring is unit-tested; main.ts turns it into a Menu. Main adds no
 * labels of its own: the window's language is the menu's.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuItemModel, MenuModel, MenuRole } from '../shared/ipc/contract';

export interface MenuHandlers {
  /** Forward a command id to the renderer (MENU_COMMAND_CHANNEL). */
  sendCommand(commandId: string): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** Development builds keep the model's developer items (重新加载, 开发者工具). */
  isDev: boolean;
}

/** Electron's own roles; 'about' is main's dialog (Electron's about panel is macOS-only). */
const ELECTRON_ROLES: Record<Exclude<MenuRole, 'about'>, MenuItemConstructorOptions['role']> = {
  quit: 'quit',
  reload: 'reload',
  toggleDevTools: 'toggleDevTools',
  resetZoom: 'resetZoom',
  zoomIn: 'zoomIn',
  zoomOut: 'zoomOut',
  togglefullscreen: 'togglefullscreen',
};

function itemOf(item: MenuItemModel, handlers: MenuHandlers): MenuItemConstructorOptions {
  if (item.kind === 'separator') return { type: 'separator' };
  const accel = item.accelerator ? { accelerator: item.accelerator } : {};
  if (item.kind === 'command') return { label: item.label, ...accel, enabled: item.enabled, click: () => handlers.sendCommand(item.command) };
  if (item.role === 'about') return { label: item.label, click: () => handlers.showAbout() };
  return { label: item.label, role: ELECTRON_ROLES[item.role], ...accel };
}

/** Separators only between items: none first, last or twice in a row (after the developer items are dropped). */
function tidy(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  for (const i of items) {
    if (i.type === 'separator' && (out.length === 0 || out[out.length - 1]!.type === 'separator')) continue;
    out.push(i);
  }
  while (out.length > 0 && out[out.length - 1]!.type === 'separator') out.pop();
  return out;
}

export function buildMenuTemplate(model: MenuModel, handlers: MenuHandlers, options: MenuOptions): MenuItemConstructorOptions[] {
  return model.menus.map((m) => ({
    label: m.label,
    submenu: tidy(m.items.filter((i) => options.isDev || i.kind !== 'role' || !i.devOnly).map((i) => itemOf(i, handlers))),
  }));
}

/**
 * The menu before the window has sent its own (or if the page never loads): quit and, in development, the
 * developer tools to see why. Bilingual because the window's language is not known yet.
 */
export const STARTUP_MENU: MenuModel = {
  lang: 'zh-CN',
  menus: [
    {
      label: '文件 File(&F)',
      items: [
        { kind: 'role', role: 'reload', label: '重新加载 Reload', accelerator: 'CmdOrCtrl+R', devOnly: true },
        { kind: 'role', role: 'toggleDevTools', label: '开发者工具 Developer Tools', accelerator: 'F12', devOnly: true },
        { kind: 'separator' },
        { kind: 'role', role: 'quit', label: '退出 Exit' },
      ],
    },
  ],
};

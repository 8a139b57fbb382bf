/**
 * The application menu as data. Pure (only `import type` from electron) so labels and wiring are
 * unit-tested; main.ts turns it into a Menu. Labels follow Chinese Windows convention ("文件(&F)"):
 * the access key letter works whatever the input method.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, UiLanguage } from '../shared/ipc/contract';

export type MenuLanguage = UiLanguage;

export interface MenuHandlers {
  /** Forward a command to the renderer (MENU_COMMAND_CHANNEL). */
  sendCommand(command: MenuCommand): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** Development builds add 重新加载 and 开发者工具. */
  isDev: boolean;
}

const LABELS = {
  'zh-CN': {
    file: '文件(&F)',
    importLayers: '导入图层…',
    quit: '退出',
    view: '视图(&V)',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '全屏',
    toggleLanguage: 'English',
    help: '帮助(&H)',
    about: '关于 LandPatrol',
  },
  en: {
    file: '&File',
    importLayers: 'Import Layers…',
    quit: 'Exit',
    view: '&View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Full Screen',
    toggleLanguage: '中文',
    help: '&Help',
    about: 'About LandPatrol',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

export function buildMenuTemplate(lang: MenuLanguage, handlers: MenuHandlers, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[lang];
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [
        { label: t.reload, role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { label: t.devTools, role: 'toggleDevTools', accelerator: 'F12' },
        { type: 'separator' },
      ]
    : [];
  return [
    {
      label: t.file,
      submenu: [
        { label: t.importLayers, accelerator: 'CmdOrCtrl+O', click: () => handlers.sendCommand('importLayers') },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...devItems,
        { label: t.resetZoom, role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { label: t.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: t.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { type: 'separator' },
        { label: t.fullscreen, role: 'togglefullscreen', accelerator: 'F11' },
        { type: 'separator' },
        { label: t.toggleLanguage, click: () => handlers.sendCommand('toggleLanguage') },
      ],
    },
    {
      label: t.help,
      submenu: [{ label: t.about, click: () => handlers.showAbout() }],
    },
  ];
}

import { BrowserWindow } from 'electron';
import path from 'node:path';
import { APP_INDEX_URL } from './app-path';

export const WINDOW_TITLE = 'LandPatrol 国土执法巡查工作站';

/** Field laptops are often 1366×768 at 125 %: the minimum keeps map, layer panel and toolbar usable. */
const MIN_SIZE = { width: 1024, height: 640 } as const;

export function createMainWindow(electronDir: string, iconPath: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#f4f6f4',
    ...(iconPath !== undefined ? { icon: iconPath } : {}),
    webPreferences: {
      preload: path.join(electronDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  // Keep our title: the page's <title> may change with the language; the window stays recognisable.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    win.maximize();
    win.show();
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

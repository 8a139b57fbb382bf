/**
 * The Electron main process as one function, so a spec can run it against a fake `electron` module and check
 * what it registers (electron/main-wiring.spec.ts): the sandbox, the privileged app:// scheme, the guards on
 * every web contents, the hardened session, the app:// handler, the IPC handlers and the window.
 * main.ts only calls it.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MENU_COMMAND_CHANNEL, type MenuModel } from '../shared/ipc/contract';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { registerIpcHandlers } from './ipc/handlers';
import { buildMenuTemplate, STARTUP_MENU } from './menu';
import { hardenAllWebContents, hardenSession, setAllowedOrigins } from './security';
import { WINDOW_TITLE, createMainWindow } from './window';

export interface MainOptions {
  /** The folder of main.cjs (dist/electron): the preload is beside it, the renderer in ../renderer. */
  electronDir: string;
}

export function startMain({ electronDir }: MainOptions): void {
  const rendererDir = path.resolve(electronDir, '../renderer');
  const isDev = !app.isPackaged;

  // Before 'ready': every renderer sandboxed (also any the app did not create itself), app:// privileged,
  // and the web-contents guards in place before the first web contents exists.
  app.enableSandbox();
  registerAppSchemeAsPrivileged();
  hardenAllWebContents();

  let mainWindow: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

  const sendCommand = (commandId: string): void => {
    getWindow()?.webContents.send(MENU_COMMAND_CHANNEL, commandId);
  };

  const showAbout = (): void => {
    const win = getWindow();
    const options = {
      type: 'info' as const,
      title: '关于 LandPatrol',
      message: WINDOW_TITLE,
      detail: `版本 Version ${app.getVersion()}\nElectron ${process.versions.electron ?? ''} · Chromium ${process.versions.chrome ?? ''}\n离线优先：除非开启在线服务，数据不会离开本机。\nOffline first: nothing leaves this computer unless you enable an online service.`,
      buttons: ['确定'],
    };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };

  /** The window's menu model (validated by the IPC handler); before the window sends one, the startup menu. */
  const installMenu = (model: MenuModel): void => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(model, { sendCommand, showAbout }, { isDev })));
  };

  const openWindow = (): void => {
    // Packaged: extraResources copies it beside app.asar; dev: the repo's resources/ folder.
    const icon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.resolve(electronDir, '../../resources/icon.png');
    const win = createMainWindow(electronDir, existsSync(icon) ? icon : undefined);
    mainWindow = win;
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
  };

  if (!app.requestSingleInstanceLock()) {
    // A second launch (double-clicked shortcut) focuses the running window instead of opening a second
    // one on the same IndexedDB profile.
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  if (process.platform === 'win32') app.setAppUserModelId('cn.landpatrol.workstation');

  void app.whenReady().then(() => {
    hardenSession(undefined, { devTools: isDev });
    handleAppProtocol(rendererDir);
    registerIpcHandlers(getWindow, { installMenu, setOnlineOrigins: setAllowedOrigins });
    // Chinese until the window says otherwise (it sends its stored language as soon as it starts).
    installMenu(STARTUP_MENU);
    openWindow();
    app.on('activate', () => {
      if (getWindow() === null) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/**
 * Electron main process: thin. Registers the app:// scheme, hardens the session, opens one window,
 * installs the menu and the IPC handlers. Bundled by scripts/build-node.mjs to dist/electron/main.cjs,
 * so __dirname is dist/electron and the renderer is ../renderer.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MENU_COMMAND_CHANNEL, type MenuModel } from '../shared/ipc/contract';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { registerIpcHandlers } from './ipc/handlers';
import { buildMenuTemplate, STARTUP_MENU } from './menu';
import { hardenAllWebContents, hardenSession } from './security';
import { WINDOW_TITLE, createMainWindow } from './window';

const electronDir = __dirname;
const rendererDir = path.resolve(electronDir, '../renderer');
const isDev = !app.isPackaged;

app.enableSandbox();
registerAppSchemeAsPrivileged();
hardenAllWebContents();

let mainWindow: BrowserWindow | null = null;
const getWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

function sendCommand(commandId: string): void {
  getWindow()?.webContents.send(MENU_COMMAND_CHANNEL, commandId);
}

/** The window's menu model (validated by the IPC handler); before the window sends one, the menu is empty. */
function installMenu(model: MenuModel): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(model, { sendCommand, showAbout }, { isDev })));
}

function showAbout(): void {
  const win = getWindow();
  const options = {
    type: 'info' as const,
    title: '关于 LandPatrol',
    message: WINDOW_TITLE,
    detail: `版本 Version ${app.getVersion()}\nElectron ${process.versions.electron ?? ''} · Chromium ${process.versions.chrome ?? ''}\n离线优先：除非开启在线服务，数据不会离开本机。\nOffline first: nothing leaves this computer unless you enable an online service.`,
    buttons: ['确定'],
  };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

function openWindow(): void {
  // Packaged: extraResources copies it beside app.asar; dev: the repo's resources/ folder.
  const icon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.resolve(electronDir, '../../resources/icon.png');
  mainWindow = createMainWindow(electronDir, existsSync(icon) ? icon : undefined);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second launch (double-clicked shortcut) focuses the running window instead of opening a second
  // one on the same IndexedDB profile.
  app.quit();
} else {
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
    registerIpcHandlers(getWindow, { installMenu });
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

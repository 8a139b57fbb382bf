/**
 * One ipcMain.handle per MainApi method. Every call: check the sender, validate the argument, then run.
 * Failures reject the renderer's promise with a plain Error; nothing here can crash main.
 */
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { ipcChannel, MAIN_API_METHODS, type AppInfo, type MainApi, type MainApiMethod, type MenuModel } from '../../shared/ipc/contract';
import { isTrustedSender } from '../policy';
import { readChosenPaths, writeFileAtomic } from './files';
import { toPrintToPdfOptions } from './print';
import { VALIDATORS, type RequestOf } from './validate';

type Result<M extends MainApiMethod> = Awaited<ReturnType<MainApi[M]>>;
type Implementation = { [M in MainApiMethod]: (win: BrowserWindow, req: RequestOf<M>) => Promise<Result<M>> };

/** What main.ts provides that the handlers cannot build themselves. */
export interface MainHooks {
  /** Rebuild and install the application menu in this language. */
  installMenu(model: MenuModel): void;
}

const implementationWith = (hooks: MainHooks): Implementation => ({
  async openFiles(win, req) {
    const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = ['openFile', 'multiSelections'];
    // On Windows and Linux a dialog cannot pick files and folders at once: with openDirectory it is a
    // folder picker (Electron docs, dialog.showOpenDialog). The renderer decides which it wants.
    if (req.allowFolders) properties.push('openDirectory');
    const res = await dialog.showOpenDialog(win, { title: req.title, filters: req.filters, properties });
    if (res.canceled || res.filePaths.length === 0) return { canceled: true };
    const { files, skipped } = await readChosenPaths(res.filePaths);
    return { canceled: false, files, skipped };
  },
  async saveFile(win, req) {
    const res = await dialog.showSaveDialog(win, {
      defaultPath: path.join(app.getPath('documents'), req.suggestedName),
      filters: req.filters,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (res.canceled || !res.filePath) return { canceled: true };
    await writeFileAtomic(res.filePath, req.bytes);
    return { canceled: false, path: res.filePath };
  },
  async printToPdf(win, req) {
    const pdf = await win.webContents.printToPDF(toPrintToPdfOptions(req));
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  },
  async getAppInfo(): Promise<AppInfo> {
    return { version: app.getVersion(), platform: process.platform, electron: process.versions.electron ?? '' };
  },
  async setMenu(_win, model) {
    hooks.installMenu(model);
  },
});

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Register every channel. `getWindow` returns the one main window (null while it does not exist). */
export function registerIpcHandlers(getWindow: () => BrowserWindow | null, hooks: MainHooks): void {
  const implementation = implementationWith(hooks);
  for (const method of Object.keys(MAIN_API_METHODS) as MainApiMethod[]) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, arg: unknown) => {
      const win = getWindow();
      const frame = event.senderFrame;
      const isOurMainFrame = win !== null && !win.isDestroyed() && event.sender === win.webContents && frame !== null && frame === event.sender.mainFrame;
      if (!isTrustedSender(frame?.url, isOurMainFrame) || win === null) {
        throw new Error(`${method}: refused, the caller is not the LandPatrol window`);
      }
      const v = VALIDATORS[method](arg);
      if (!v.ok) throw new Error(v.detail);
      try {
        // The mapped types line up per method; TypeScript cannot correlate them through the loop variable.
        const run = implementation[method] as (w: BrowserWindow, r: unknown) => Promise<unknown>;
        return await run(win, v.value);
      } catch (err) {
        throw new Error(`${method} failed: ${describe(err)}`);
      }
    });
  }
}

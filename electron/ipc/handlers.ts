/**
 * One ipcMain.handle per MainApi method. Every call, in this order and before any work: check the sender
 * (the main frame of our window, from app://landpatrol), validate the argument (which bounds every size,
 * shared/ipc/limits.ts), refuse a second dialog of the same kind while one is open; then run.
 * Failures reject the renderer's promise with a coded message (shared/ipc/errors.ts) that never holds an
 * absolute path; the full error goes to main's console. Nothing here can crash main.
 */
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { ipcChannel, MAIN_API_METHODS, type AppInfo, type MainApi, type MainApiMethod, type MenuModel } from '../../shared/ipc/contract';
import { ipcErrorMessage, type IpcErrorCode } from '../../shared/ipc/errors';
import { isTrustedSender } from '../policy';
import { ChosenFiles } from './chosen-files';
import { listChosenPaths, writeFileAtomic } from './files';
import { toPrintToPdfOptions } from './print';
import { refusalCode, VALIDATORS, type RequestOf } from './validate';

type Result<M extends MainApiMethod> = Awaited<ReturnType<MainApi[M]>>;
type Implementation = { [M in MainApiMethod]: (win: BrowserWindow, req: RequestOf<M>) => Promise<Result<M>> };

/** What main.ts provides that the handlers cannot build themselves. */
export interface MainHooks {
  /** Rebuild and install the application menu in this language. */
  installMenu(model: MenuModel): void;
  /** The session's request filter lets exactly these origins through (security.ts setAllowedOrigins). */
  setOnlineOrigins(origins: readonly string[]): void;
}

/** Calls that open a native dialog: one of each kind at a time (a second would stack modal dialogs). */
export const DIALOG_METHODS: ReadonlySet<MainApiMethod> = new Set<MainApiMethod>(['openFiles', 'saveFile']);

/** A refusal or failure whose code and detail the renderer may see (the detail holds no path). */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'IpcFailure';
  }
}

const implementationWith = (hooks: MainHooks, chosen: ChosenFiles): Implementation => ({
  async openFiles(win, req) {
    // Ids from an earlier choice stop working as soon as a new dialog opens.
    chosen.clear();
    const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = ['openFile', 'multiSelections'];
    // On Windows and Linux a dialog cannot pick files and folders at once: with openDirectory it is a
    // folder picker (Electron docs, dialog.showOpenDialog). The renderer decides which it wants.
    if (req.allowFolders) properties.push('openDirectory');
    const res = await dialog.showOpenDialog(win, { title: req.title, filters: req.filters, properties });
    if (res.canceled || res.filePaths.length === 0) return { canceled: true };
    const { files, skipped } = await listChosenPaths(res.filePaths);
    return { canceled: false, files: chosen.replace(files), skipped };
  },
  async readChosenFile(_win, req) {
    const r = await chosen.read(req.id, req.offsetBytes, req.lengthBytes);
    if (r === 'unknownFile') throw new IpcFailure('unknownFile', 'no such file in the last choice');
    if (r === 'changed') throw new IpcFailure('fileChanged', 'the file changed since it was chosen');
    return r;
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
  async setOnlineOrigins(_win, origins) {
    hooks.setOnlineOrigins(origins);
  },
});

/** An absolute path (Windows drive or UNC, POSIX, file: URL) inside a message, for scrubbing. */
const ABSOLUTE_PATHS = /file:\/\/[^\s'"<>|)]*|[A-Za-z]:[\\/][^\s'"<>|]*|\\\\[^\s'"<>|]+|(?<=^|[\s'"(=,:])\/[^\s'"<>|)]*/gi;

/** A quoted absolute path, spaces included (Node quotes the paths in its messages: open 'C:\\Users\\Zhang San\\x'). */
const QUOTED_PATHS = /(['"])(?:file:\/\/|[A-Za-z]:[\\/]|\\\\|\/)(?:(?!\1).)*\1/gi;

/** A message with every absolute path replaced by <path> (user names and folder names stay in main). */
export function scrubPaths(text: string): string {
  return text.replace(QUOTED_PATHS, '$1<path>$1').replace(ABSOLUTE_PATHS, '<path>');
}

/** What the renderer may learn of a failure: a Node error code (ENOSPC, EACCES) or the scrubbed message. */
export function failureDetail(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return code;
  return scrubPaths(err instanceof Error ? err.message || err.name : String(err)).slice(0, 300);
}

/** Register every channel. `getWindow` returns the one main window (null while it does not exist). */
export function registerIpcHandlers(getWindow: () => BrowserWindow | null, hooks: MainHooks): void {
  const chosen = new ChosenFiles();
  const implementation = implementationWith(hooks, chosen);
  const open = new Set<MainApiMethod>();
  for (const method of Object.keys(MAIN_API_METHODS) as MainApiMethod[]) {
    const refuse = (code: IpcErrorCode, detail: string): Error => new Error(ipcErrorMessage(code, method, detail));
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, arg: unknown) => {
      const win = getWindow();
      const frame = event.senderFrame;
      const isOurMainFrame =
        win !== null && !win.isDestroyed() && event.sender === win.webContents && frame !== null && frame === event.sender.mainFrame;
      if (!isTrustedSender(frame?.url, isOurMainFrame) || win === null) {
        throw refuse('untrustedSender', 'refused, the caller is not the LandPatrol window');
      }
      const v = VALIDATORS[method](arg);
      if (!v.ok) throw refuse(refusalCode(v), v.detail);
      if (DIALOG_METHODS.has(method)) {
        if (open.has(method)) throw refuse('busy', 'a dialog of this kind is already open');
        open.add(method);
      }
      try {
        // The mapped types line up per method; TypeScript cannot correlate them through the loop variable.
        const run = implementation[method] as (w: BrowserWindow, r: unknown) => Promise<unknown>;
        return await run(win, v.value);
      } catch (err) {
        if (err instanceof IpcFailure) throw refuse(err.code, err.detail);
        console.error(`[ipc] ${method} failed:`, err);
        throw refuse('failed', failureDetail(err));
      } finally {
        if (DIALOG_METHODS.has(method)) open.delete(method);
      }
    });
  }
}

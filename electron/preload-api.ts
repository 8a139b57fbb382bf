/**
 * The object the preload exposes, built from two injected functions so it is testable without Electron.
 * One function per MainApi method, each a single invoke on its own channel; the raw ipcRenderer never
 * reaches the page. Typing it as ExposedApi makes the compiler check it is complete.
 *
 * The sending side checks too: each request goes through main's own validator (electron/ipc/validate.ts,
 * bundled into the preload) before it is sent, so an over-limit payload (a saveFile over 512 MiB, a chunk
 * over 16 MiB) or a malformed request is refused here with the same coded reason main would give, and is
 * never copied into an IPC message. Main validates again: it trusts no sender's checks.
 */
import { ipcChannel, isCommandId, type ExposedApi, type MainApi, type MainApiMethod } from '../shared/ipc/contract';
import { ipcErrorMessage } from '../shared/ipc/errors';
import { refusalCode, VALIDATORS } from './ipc/validate';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Subscribe to the menu channel; returns the unsubscribe function. */
export type SubscribeMenu = (listener: (payload: unknown) => void) => () => void;

export function createExposedApi(invoke: Invoke, subscribeMenu: SubscribeMenu): ExposedApi {
  const send = <M extends MainApiMethod>(method: M, ...args: Parameters<MainApi[M]>): ReturnType<MainApi[M]> => {
    const v = VALIDATORS[method](args[0]);
    if (!v.ok) return Promise.reject(new Error(ipcErrorMessage(refusalCode(v), method, v.detail))) as ReturnType<MainApi[M]>;
    return invoke(ipcChannel(method), ...args) as ReturnType<MainApi[M]>;
  };
  const api: MainApi = {
    openFiles: (req) => send('openFiles', req),
    readChosenFile: (req) => send('readChosenFile', req),
    saveFile: (req) => send('saveFile', req),
    printToPdf: (req) => send('printToPdf', req),
    getAppInfo: () => send('getAppInfo'),
    setMenu: (model) => send('setMenu', model),
    setOnlineOrigins: (origins) => send('setOnlineOrigins', origins),
  };
  return {
    ...api,
    onMenuCommand: (listener) =>
      subscribeMenu((payload) => {
        if (isCommandId(payload)) listener(payload);
      }),
  };
}

/**
 * The object the preload exposes, built from two injected functions so it is testable without Electron.
 * One function per MainApi method, each a single invoke on its own channel; the raw ipcRenderer never
 * reaches the page. Typing it as ExposedApi makes the compiler check it is complete.
 */
import { ipcChannel, isCommandId, type ExposedApi, type MainApi } from '../shared/ipc/contract';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Subscribe to the menu channel; returns the unsubscribe function. */
export type SubscribeMenu = (listener: (payload: unknown) => void) => () => void;

export function createExposedApi(invoke: Invoke, subscribeMenu: SubscribeMenu): ExposedApi {
  const api: MainApi = {
    openFiles: (req) => invoke(ipcChannel('openFiles'), req) as ReturnType<MainApi['openFiles']>,
    saveFile: (req) => invoke(ipcChannel('saveFile'), req) as ReturnType<MainApi['saveFile']>,
    printToPdf: (req) => invoke(ipcChannel('printToPdf'), req) as ReturnType<MainApi['printToPdf']>,
    getAppInfo: () => invoke(ipcChannel('getAppInfo')) as ReturnType<MainApi['getAppInfo']>,
    setMenu: (model) => invoke(ipcChannel('setMenu'), model) as ReturnType<MainApi['setMenu']>,
  };
  return {
    ...api,
    onMenuCommand: (listener) =>
      subscribeMenu((payload) => {
        if (isCommandId(payload)) listener(payload);
      }),
  };
}

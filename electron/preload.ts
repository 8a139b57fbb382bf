/**
 * Sandboxed preload: it may only require('electron'), so scripts/build-node.mjs bundles it (with
 * shared/ipc/contract.ts) into one CJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { MAIN_API_GLOBAL, MENU_COMMAND_CHANNEL } from '../shared/ipc/contract';
import { createExposedApi } from './preload-api';

const api = createExposedApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (listener) => {
    // Never hand the IpcRendererEvent to the page: it carries `sender` (the ipcRenderer itself).
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld(MAIN_API_GLOBAL, api);

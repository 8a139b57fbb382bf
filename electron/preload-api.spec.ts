import { describe, expect, it, vi } from 'vitest';
import {
  ipcChannel,
  MAIN_API_METHODS,
  RENDERER_EVENT_METHODS,
  type MainApiMethod,
  type ReadChosenFileRequest,
  type SaveFileRequest,
} from '../shared/ipc/contract';
import { ipcErrorCode } from '../shared/ipc/errors';
import { IPC_LIMITS } from '../shared/ipc/limits';
import { createExposedApi } from './preload-api';

function make() {
  const invoke = vi.fn((..._args: unknown[]) => Promise.resolve('result'));
  let menuListener: ((payload: unknown) => void) | undefined;
  const unsubscribe = vi.fn();
  const api = createExposedApi(invoke, (l) => {
    menuListener = l;
    return unsubscribe;
  });
  return { api, invoke, unsubscribe, emit: (p: unknown) => menuListener?.(p) };
}

describe('createExposedApi', () => {
  it('exposes exactly the MainApi methods plus the renderer events, all functions', () => {
    const { api } = make();
    expect(Object.keys(api).sort()).toEqual([...Object.keys(MAIN_API_METHODS), ...Object.keys(RENDERER_EVENT_METHODS)].sort());
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  /** A valid request of each method (getAppInfo takes none). */
  const REQUESTS: Record<MainApiMethod, unknown> = {
    openFiles: { title: '导入', filters: [{ name: 'Shapefile', extensions: ['shp'] }], allowFolders: true },
    readChosenFile: { id: '0b7c2a4e-1d2f-4a5b-8c9d-0e1f2a3b4c5d', offsetBytes: 0, lengthBytes: 1024 },
    saveFile: { suggestedName: '叠加分析.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], bytes: new Uint8Array([1, 2]) },
    printToPdf: { pageSize: { widthMm: 297, heightMm: 420 }, landscape: true, printBackground: true },
    getAppInfo: undefined,
    setMenu: { lang: 'zh-CN', menus: [{ label: '文件', items: [{ kind: 'role', role: 'quit', label: '退出' }] }] },
    setOnlineOrigins: ['https://t0.tianditu.gov.cn'],
  };

  it('each MainApi method is one invoke on its own channel with the request', async () => {
    const { api, invoke } = make();
    for (const m of Object.keys(MAIN_API_METHODS) as MainApiMethod[]) {
      invoke.mockClear();
      const call = api[m] as (r?: unknown) => Promise<unknown>;
      await expect(call(REQUESTS[m])).resolves.toBe('result');
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke.mock.calls[0]).toEqual(m === 'getAppInfo' ? [ipcChannel(m)] : [ipcChannel(m), REQUESTS[m]]);
    }
  });

  it('refuses an over-limit saveFile before sending it, with the coded reason main would give', async () => {
    const { api, invoke } = make();
    const huge = new Uint8Array(new ArrayBuffer(0));
    Object.defineProperty(huge, 'byteLength', { value: IPC_LIMITS.saveBytes + 1, configurable: true });
    const req = { ...(REQUESTS.saveFile as SaveFileRequest), bytes: huge };
    const err = await api.saveFile(req).catch((e: unknown) => e);
    expect(ipcErrorCode(err)).toBe('tooLarge');
    expect(String(err)).toContain('saveFile: bytes exceed 512 MiB');
    expect(invoke).not.toHaveBeenCalled();
    // At the limit it is sent.
    Object.defineProperty(huge, 'byteLength', { value: IPC_LIMITS.saveBytes });
    await expect(api.saveFile(req)).resolves.toBe('result');
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('refuses a chunk over 16 MiB and any malformed request before sending', async () => {
    const { api, invoke } = make();
    const tooLong = api.readChosenFile({ ...(REQUESTS.readChosenFile as ReadChosenFileRequest), lengthBytes: IPC_LIMITS.readChunkBytes + 1 });
    expect(ipcErrorCode(await tooLong.catch((e: unknown) => e))).toBe('tooLarge');
    const bad = (api.openFiles as (r: unknown) => Promise<unknown>)({ title: 'x', filters: [], allowFolders: true, defaultPath: 'C:\\' });
    expect(ipcErrorCode(await bad.catch((e: unknown) => e))).toBe('invalidRequest');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('passes only well-formed command ids to the listener and can unsubscribe', () => {
    const { api, emit, unsubscribe } = make();
    const seen: string[] = [];
    const off = api.onMenuCommand((c) => seen.push(c));
    emit('import.files');
    emit('rm -rf');
    emit({ command: 'import.files' });
    emit('toString');
    emit('constructor');
    emit(`a.${'b'.repeat(80)}`);
    emit('app.toggleLanguage');
    expect(seen).toEqual(['import.files', 'app.toggleLanguage']);
    off();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, MAIN_API_METHODS, RENDERER_EVENT_METHODS, type MainApiMethod } from '../shared/ipc/contract';
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

  it('each MainApi method is one invoke on its own channel with the request', async () => {
    const { api, invoke } = make();
    const req = { marker: 1 };
    for (const m of Object.keys(MAIN_API_METHODS) as MainApiMethod[]) {
      invoke.mockClear();
      const call = api[m] as (r?: unknown) => Promise<unknown>;
      await expect(call(m === 'getAppInfo' ? undefined : req)).resolves.toBe('result');
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke.mock.calls[0]).toEqual(m === 'getAppInfo' ? [ipcChannel(m)] : [ipcChannel(m), req]);
    }
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

/** Electron's preload exposes MainApi on window.landpatrol; in plain Chromium it is absent. */
import { MAIN_API_GLOBAL, MAIN_API_METHODS, type MainApi } from '../../shared/ipc/contract';
import { IPC_LIMITS, MIB } from '../../shared/ipc/limits';
import { CodedError } from './coded-error';

export function electronApi(): MainApi | null {
  const api = (window as unknown as Record<string, unknown>)[MAIN_API_GLOBAL];
  if (typeof api !== 'object' || api === null) return null;
  for (const m of Object.keys(MAIN_API_METHODS)) if (typeof (api as Record<string, unknown>)[m] !== 'function') return null;
  return api as MainApi;
}

/**
 * Saves bytes: Electron's save dialog, else a browser download. In Electron a payload over the IPC limit is
 * refused here, before it is copied into a message (CodedError tooLargeToSave); main refuses it too.
 */
export async function saveBytes(name: string, bytes: Uint8Array, mime: string, filterName: string, ext: string): Promise<boolean> {
  const api = electronApi();
  if (api) {
    if (bytes.byteLength > IPC_LIMITS.saveBytes) {
      throw new CodedError('tooLargeToSave', { detail: `${Math.ceil(bytes.byteLength / MIB)} MiB`, params: { file: name } });
    }
    const r = await api.saveFile({ suggestedName: name, filters: [{ name: filterName, extensions: [ext] }], bytes });
    return !r.canceled;
  }
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Puts text on the system clipboard (Electron's app:// and the local server are secure contexts). */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

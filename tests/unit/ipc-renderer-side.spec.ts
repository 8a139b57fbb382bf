/**
 * The renderer's side of the IPC limits (issue 9, item 4): saveBytes refuses an over-limit payload before it
 * is sent, and the import's Electron path reads the chosen files in chunks and takes a 'busy' refusal as
 * "the dialog is already open". window.landpatrol is a fake MainApi here (node has no window).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAIN_API_GLOBAL, type ChosenFile, type MainApi, type ReadChosenFileRequest } from '../../shared/ipc/contract';
import { ipcErrorMessage } from '../../shared/ipc/errors';
import { IPC_LIMITS, MIB } from '../../shared/ipc/limits';
import { translate } from '../../renderer/i18n/i18n.logic';
import { pickWithElectron } from '../../renderer/features/import/pick-electron';
import { CodedError } from '../../renderer/platform/coded-error';
import { saveBytes } from '../../renderer/platform/platform';

function installApi(overrides: Partial<MainApi>): MainApi {
  const refuse = () => Promise.reject(new Error('not in this test'));
  const api: MainApi = {
    openFiles: refuse,
    readChosenFile: refuse,
    saveFile: refuse,
    printToPdf: refuse,
    getAppInfo: refuse,
    setMenu: refuse,
    setOnlineOrigins: refuse,
    ...overrides,
  };
  (globalThis as Record<string, unknown>).window = { [MAIN_API_GLOBAL]: api };
  return api;
}
afterEach(() => {
  delete (globalThis as Record<string, unknown>).window;
});

describe('saveBytes in Electron', () => {
  it('refuses a payload over 512 MiB before sending it', async () => {
    const saveFile = vi.fn(async () => ({ canceled: true as const }));
    installApi({ saveFile });
    const huge = new Uint8Array(new ArrayBuffer(0));
    Object.defineProperty(huge, 'byteLength', { value: IPC_LIMITS.saveBytes + 1 });
    const err = await saveBytes('x.csv', huge, 'text/csv', 'CSV', 'csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodedError);
    expect(err).toMatchObject({ code: 'tooLargeToSave', detail: '513 MiB', params: { file: 'x.csv' } });
    expect(saveFile).not.toHaveBeenCalled();
    // The sentence names the limit the code enforces.
    expect(translate('zh-CN', 'error.tooLargeToSave', { file: 'x.csv' })).toBe(
      `“x.csv”太大，无法保存：一次最多保存 ${IPC_LIMITS.saveBytes / MIB} MiB`,
    );
    expect(translate('en', 'error.tooLargeToSave', { file: 'x.csv' })).toBe(
      `“x.csv” is too large to save: one save holds at most ${IPC_LIMITS.saveBytes / MIB} MiB`,
    );
  });
  it('sends a payload at the limit', async () => {
    const saveFile = vi.fn(async () => ({ canceled: false as const, path: 'x' }));
    installApi({ saveFile });
    const atLimit = new Uint8Array(new ArrayBuffer(0));
    Object.defineProperty(atLimit, 'byteLength', { value: IPC_LIMITS.saveBytes });
    await expect(saveBytes('x.csv', atLimit, 'text/csv', 'CSV', 'csv')).resolves.toBe(true);
    expect(saveFile).toHaveBeenCalledTimes(1);
  });
});

/** Bytes i mod 251, filled in a plain loop (Uint8Array.from with a callback is slow at 16 MiB). */
function pattern(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = i % 251;
  return b;
}
/** Byte equality without vitest's element-by-element diff (16 MiB of it exhausts the worker). */
const sameBytes = (a: unknown, b: Uint8Array): boolean =>
  a instanceof Uint8Array && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('pickWithElectron', () => {
  const contents: Record<string, Uint8Array> = {
    a: pattern(IPC_LIMITS.readChunkBytes + 10),
    b: new TextEncoder().encode('dbf'),
  };
  const files: ChosenFile[] = [
    { id: 'a', path: '村界.shp', sizeBytes: contents.a!.byteLength },
    { id: 'b', path: 'sub/村界.dbf', sizeBytes: 3 },
  ];

  it('reads each chosen file in chunks of at most 16 MiB', async () => {
    const reads: ReadChosenFileRequest[] = [];
    installApi({
      openFiles: async () => ({ canceled: false, files, skipped: [] }),
      readChosenFile: async (req) => {
        reads.push(req);
        return contents[req.id]!.slice(req.offsetBytes, req.offsetBytes + req.lengthBytes);
      },
    });
    const got = await pickWithElectron('导入');
    expect(got?.map((f) => [f.path, (f.data as Uint8Array).byteLength])).toEqual([
      ['村界.shp', IPC_LIMITS.readChunkBytes + 10],
      ['sub/村界.dbf', 3],
    ]);
    expect(sameBytes(got?.[0]?.data, contents.a!)).toBe(true);
    expect(reads.map((r) => [r.id, r.offsetBytes, r.lengthBytes])).toEqual([
      ['a', 0, IPC_LIMITS.readChunkBytes],
      ['a', IPC_LIMITS.readChunkBytes, 10],
      ['b', 0, 3],
    ]);
  });
  it('skips a file that changed since it was chosen', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    installApi({
      openFiles: async () => ({ canceled: false, files, skipped: [] }),
      readChosenFile: async (req) => {
        if (req.id === 'a') throw new Error(ipcErrorMessage('fileChanged', 'readChosenFile', 'the file changed since it was chosen'));
        return contents.b!;
      },
    });
    expect((await pickWithElectron('导入'))?.map((f) => f.path)).toEqual(['sub/村界.dbf']);
  });
  it('takes a busy refusal (the dialog is already open) as no choice, and passes other errors on', async () => {
    installApi({
      openFiles: async () =>
        Promise.reject(new Error(`Error invoking remote method 'landpatrol:openFiles': Error: ${ipcErrorMessage('busy', 'openFiles', 'x')}`)),
    });
    await expect(pickWithElectron('导入')).resolves.toBeNull();
    installApi({ openFiles: async () => Promise.reject(new Error(ipcErrorMessage('untrustedSender', 'openFiles', 'x'))) });
    await expect(pickWithElectron('导入')).rejects.toThrow(/untrustedSender/);
  });
  it('is null when cancelled', async () => {
    installApi({ openFiles: async () => ({ canceled: true }) });
    await expect(pickWithElectron('导入')).resolves.toBeNull();
  });
});

describe('the evidence export’s printToPdf request', () => {
  it('asks for the CSS page sizes (mixed A3/A4 pages), the first sheet’s paper as the fallback, backgrounds on', async () => {
    const { printRequestOf } = await import('../../renderer/features/evidence/print-pdf');
    const { paperOf } = await import('../../shared/domain/evidence/map-sheet');
    const a3 = { role: 'map' as const, paper: paperOf('A3', 'landscape'), frame: null, marks: [] };
    const a4 = { role: 'record' as const, paper: paperOf('A4', 'portrait'), frame: null, marks: [] };
    const req = printRequestOf([a3, a4]);
    expect(req).toEqual({ pageSize: { widthMm: 420, heightMm: 297 }, landscape: true, printBackground: true, cssPageSize: true });
    // What main accepts and turns into Electron's options: preferCSSPageSize on, A3 landscape as the fallback.
    const { validatePrintToPdf } = await import('../../electron/ipc/validate');
    const { toPrintToPdfOptions } = await import('../../electron/ipc/print');
    const v = validatePrintToPdf(req);
    expect(v.ok && toPrintToPdfOptions(v.value)).toMatchObject({
      preferCSSPageSize: true,
      landscape: true,
      pageSize: { width: 297 / 25.4, height: 420 / 25.4 },
    });
  });
});

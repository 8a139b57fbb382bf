/**
 * What main actually registers, run against a fake `electron` (electron/testing/fake-electron.ts): the
 * window's webPreferences, the sandbox, the privileged scheme, the guards on every web contents, the
 * session's permission handlers and request filter, the app:// handler, and every IPC handler called with a
 * fake sender from another frame, another origin, another web contents and a destroyed window. Each test
 * here was seen to fail with its protection removed (README, security section).
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, MAIN_API_METHODS, type ChosenFile, type MainApiMethod, type OpenFilesResult } from '../shared/ipc/contract';
import { ipcErrorCode } from '../shared/ipc/errors';
import { IPC_LIMITS } from '../shared/ipc/limits';
import { readInChunks } from '../shared/ipc/read-chunks';
import { APP_INDEX_URL } from './app-path';
import { CONTENT_SECURITY_POLICY, SERVICE_WORKER_CONTENT_SECURITY_POLICY } from './csp';
import { failureDetail, scrubPaths } from './ipc/handlers';
import { startMain } from './main-process';
import { FakeFrame, FakeWebContents, resetFakeElectron, state, type FakeBrowserWindow } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectronModule);

let base: string;
let electronDir: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'lp-main-'));
  electronDir = path.join(base, 'dist', 'electron');
  const renderer = path.join(base, 'dist', 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await mkdir(electronDir, { recursive: true });
  await mkdir(path.join(base, 'outside'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>LandPatrol</title>');
  await writeFile(path.join(renderer, 'assets', 'a.js'), 'export {}');
  await writeFile(path.join(renderer, 'basemap-sw.js'), '// sw');
  await writeFile(path.join(renderer, 'assets', 'basemap-sw.js'), '// not the sw');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  await writeFile(path.join(base, 'outside', 'x.js'), 'secret');
  await symlink(path.join(base, 'secret.txt'), path.join(renderer, 'assets', 'leak.js'));
  await symlink(path.join(base, 'outside'), path.join(renderer, 'linked'), 'junction');
  // A packaged app finds its icon beside app.asar.
  (process as { resourcesPath?: string }).resourcesPath = path.join(base, 'resources');
});
afterAll(() => rm(base, { recursive: true, force: true }));

vi.spyOn(console, 'warn').mockImplementation(() => {});
vi.spyOn(console, 'error').mockImplementation(() => {});

/** Run main against a fresh fake and wait for 'ready' to have been handled. */
async function boot({ isPackaged = true } = {}): Promise<FakeBrowserWindow> {
  const s = resetFakeElectron();
  s.isPackaged = isPackaged;
  startMain({ electronDir });
  await s.ready;
  await new Promise((r) => setImmediate(r));
  const win = s.windows[0];
  if (!win) throw new Error('main opened no window');
  return win;
}

describe('the window', () => {
  it('is sandboxed, context-isolated, without Node, webviews or insecure content', async () => {
    const win = await boot();
    const p = win.options.webPreferences ?? {};
    expect(p.sandbox).toBe(true);
    expect(p.contextIsolation).toBe(true);
    expect(p.nodeIntegration).toBe(false);
    expect(p.nodeIntegrationInWorker).toBe(false);
    expect(p.nodeIntegrationInSubFrames).toBe(false);
    expect(p.webSecurity).toBe(true);
    expect(p.allowRunningInsecureContent).toBe(false);
    expect(p.webviewTag).toBe(false);
    expect(p.preload).toBe(path.join(electronDir, 'preload.cjs'));
    // Nothing that loosens them: only these keys.
    expect(Object.keys(p).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
  it('every renderer is sandboxed (app.enableSandbox before ready) and the window loads app://landpatrol', async () => {
    const win = await boot();
    expect(state.sandboxEnabled).toBe(true);
    expect(win.loadedUrl).toBe(APP_INDEX_URL);
  });
  it('a destroyed window counts as none: activating the app opens a new one', async () => {
    const win = await boot();
    win.destroy();
    state.emitApp('activate');
    expect(state.windows).toHaveLength(2);
    expect(state.windows[1]?.options.webPreferences?.sandbox).toBe(true);
  });
  it("registers app:// as standard and secure, with service workers (the basemaps' one), and nothing more (no CSP bypass)", async () => {
    await boot();
    expect(state.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          stream: true,
          codeCache: true,
          allowServiceWorkers: true,
        },
      },
    ]);
  });
});

describe('every web contents', () => {
  /** The window's own web contents, and one the app did not create (as a popup or a devtools page would be). */
  async function contents(): Promise<FakeWebContents[]> {
    const win = await boot();
    const other = new FakeWebContents('app://landpatrol/index.html');
    state.emitApp('web-contents-created', {}, other);
    return [win.webContents, other];
  }

  it('denies window.open, whatever the URL', async () => {
    for (const wc of await contents()) {
      expect(wc.windowOpenHandler, `contents ${wc.id}`).not.toBeNull();
      for (const url of ['https://example.com/', 'app://landpatrol/index.html', 'about:blank', 'file:///C:/x']) {
        expect(wc.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      }
    }
  });
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: stays inside app://landpatrol', async (event) => {
    for (const wc of await contents()) {
      for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'file:///C:/Windows/', 'app://evil/index.html', 'javascript:alert(1)']) {
        expect(wc.emit(event, { url }), `${event} ${url}`).toBe(true);
      }
      expect(wc.emit(event, { url: 'app://landpatrol/index.html#/map' })).toBe(false);
    }
  });
  it('refuses to attach a webview', async () => {
    for (const wc of await contents()) expect(wc.emit('will-attach-webview', {})).toBe(true);
  });
});

describe('the session', () => {
  it('grants no web permission, by request or by check, and no device', async () => {
    await boot();
    const s = state.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'serial']) {
      const granted = await new Promise<boolean>((resolve) => s.permissionRequest?.({}, permission, resolve));
      expect(granted, permission).toBe(false);
      expect(s.permissionCheck?.({}, permission, 'app://landpatrol'), permission).toBe(false);
    }
    expect(s.devicePermission?.({ deviceType: 'usb' })).toBe(false);
    expect(s.permissionRequest).not.toBeNull();
  });
  it('refuses downloads', async () => {
    await boot();
    let prevented = false;
    for (const h of state.session.handlers.get('will-download') ?? []) (h as (e: unknown) => void)({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  const filter = (url: string): boolean => {
    let cancel: boolean | undefined;
    state.session.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
    if (cancel === undefined) throw new Error('no request filter');
    return !cancel;
  };
  it('the packaged request filter lets through exactly app://landpatrol, blob: and data:', async () => {
    await boot({ isPackaged: true });
    for (const url of ['app://landpatrol/assets/a.js', 'blob:app://landpatrol/0b7c', 'data:image/png;base64,AAAA'])
      expect(filter(url), url).toBe(true);
    for (const url of [
      'devtools://devtools/bundled/devtools_app.html',
      'https://t0.tianditu.gov.cn/x',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://evil/x.js',
      'chrome-extension://abc/x.js',
      'ws://localhost/',
    ]) {
      expect(filter(url), url).toBe(false);
    }
  });
  it('setOnlineOrigins opens exactly the origins sent, and an empty list closes them again', async () => {
    const win = await boot({ isPackaged: true });
    await call('setOnlineOrigins', trusted(win), ['https://t0.tianditu.gov.cn', 'http://127.0.0.1:9000']);
    expect(filter('https://t0.tianditu.gov.cn/img_w/wmts?tk=x')).toBe(true);
    expect(filter('http://127.0.0.1:9000/xyz/1/0/0.png')).toBe(true);
    expect(filter('https://t1.tianditu.gov.cn/img_w/wmts')).toBe(false);
    expect(filter('http://127.0.0.1:9001/')).toBe(false);
    await call('setOnlineOrigins', trusted(win), []);
    expect(filter('https://t0.tianditu.gov.cn/img_w/wmts?tk=x')).toBe(false);
  });
  it('a development build also lets DevTools load its UI', async () => {
    await boot({ isPackaged: false });
    expect(filter('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(filter('https://example.com/')).toBe(false);
  });
});

describe('app://', () => {
  const get = async (url: string, method = 'GET'): Promise<Response> => {
    const handler = state.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    return handler(new Request(url, { method }));
  };
  it('serves the renderer with the CSP', async () => {
    await boot();
    const res = await get(APP_INDEX_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>LandPatrol</title>');
    expect((await get('app://landpatrol/assets/a.js')).status).toBe(200);
  });
  it("serves the basemaps' service worker, at the root only, under its own policy", async () => {
    await boot();
    expect((await get('app://landpatrol/basemap-sw.js')).headers.get('content-security-policy')).toBe(SERVICE_WORKER_CONTENT_SECURITY_POLICY);
    expect((await get('app://landpatrol/assets/basemap-sw.js')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
  it('does not follow a file symlink or a directory symlink out of the renderer folder', async () => {
    await boot();
    for (const url of ['app://landpatrol/assets/leak.js', 'app://landpatrol/linked/x.js']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });
  it('refuses other methods, hosts and traversal', async () => {
    await boot();
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    expect((await get('app://evil/index.html')).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------------------
// IPC

type IpcEvent = { sender: FakeWebContents; senderFrame: FakeFrame | null };
const trusted = (win: FakeBrowserWindow): IpcEvent => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

async function call(method: MainApiMethod, event: IpcEvent, arg?: unknown): Promise<unknown> {
  const handler = state.ipcHandlers.get(ipcChannel(method));
  if (!handler) throw new Error(`no handler for ${method}`);
  return arguments.length > 2 ? handler(event, arg) : handler(event);
}
const codeOf = (p: Promise<unknown>): Promise<string | null> =>
  p.then(
    () => null,
    (e: unknown) => ipcErrorCode(e) ?? `uncoded: ${String(e)}`,
  );

const MENU = { lang: 'zh-CN', menus: [{ label: '文件', items: [{ kind: 'role', role: 'quit', label: '退出' }] }] };
const REQUESTS: Record<MainApiMethod, unknown> = {
  openFiles: { title: '导入', filters: [{ name: 'Shapefile', extensions: ['shp'] }], allowFolders: true },
  readChosenFile: { id: '0b7c2a4e-1d2f-4a5b-8c9d-0e1f2a3b4c5d', offsetBytes: 0, lengthBytes: 16 },
  saveFile: { suggestedName: '叠加分析.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], bytes: new Uint8Array([1, 2, 3]) },
  printToPdf: { pageSize: { widthMm: 297, heightMm: 420 }, landscape: true, printBackground: true },
  getAppInfo: undefined,
  setMenu: MENU,
  setOnlineOrigins: ['https://t0.tianditu.gov.cn'],
};
const METHODS = Object.keys(MAIN_API_METHODS) as MainApiMethod[];

describe('IPC: who may call', () => {
  let win: FakeBrowserWindow;
  let printed: unknown[];
  beforeEach(async () => {
    win = await boot();
    printed = [];
    win.webContents.printToPDF = async (o) => {
      printed.push(o);
      return Buffer.from('%PDF');
    };
  });

  it('main handles exactly the MainApi channels', () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual(METHODS.map(ipcChannel).sort());
  });

  const untrusted: [string, (w: FakeBrowserWindow) => IpcEvent][] = [
    ['an iframe of our page', (w) => ({ sender: w.webContents, senderFrame: new FakeFrame('app://landpatrol/index.html', w.webContents.mainFrame) })],
    [
      'a main frame of another origin',
      (w) => {
        w.webContents.mainFrame.url = 'https://evil.example/';
        return trusted(w);
      },
    ],
    [
      'a main frame of another app host',
      (w) => {
        w.webContents.mainFrame.url = 'app://evil/index.html';
        return trusted(w);
      },
    ],
    [
      'another web contents (a popup, a devtools page)',
      () => {
        const other = new FakeWebContents('app://landpatrol/index.html');
        return { sender: other, senderFrame: other.mainFrame };
      },
    ],
    [
      'a destroyed window',
      (w) => {
        w.destroy();
        return trusted(w);
      },
    ],
    ['no frame (it navigated away or was removed)', (w) => ({ sender: w.webContents, senderFrame: null })],
  ];
  describe.each(untrusted)('from %s', (_who, makeEvent) => {
    it.each(METHODS)('%s is refused before any work', async (method) => {
      const menusBefore = state.menus.length;
      expect(await codeOf(call(method, makeEvent(win), REQUESTS[method]))).toBe('untrustedSender');
      expect(state.dialogCalls).toEqual([]);
      expect(printed).toEqual([]);
      expect(state.menus.length).toBe(menusBefore);
    });
  });

  it('the handlers themselves refuse a destroyed window, even if handed one', async () => {
    // main-process's getWindow already returns null for a destroyed window; this is the handlers' own check.
    resetFakeElectron();
    const { registerIpcHandlers } = await import('./ipc/handlers');
    const { BrowserWindow } = await import('electron');
    const w = new BrowserWindow({}) as unknown as FakeBrowserWindow;
    await w.loadURL(APP_INDEX_URL);
    registerIpcHandlers(() => w as never, { installMenu: () => {}, setOnlineOrigins: () => {} });
    w.destroy();
    for (const method of METHODS) expect(await codeOf(call(method, trusted(w), REQUESTS[method])), method).toBe('untrustedSender');
  });

  it.each(METHODS)('%s is answered for the main frame of our window', async (method) => {
    const r = codeOf(call(method, trusted(win), REQUESTS[method]));
    // readChosenFile with an id from no dialog is refused for that reason, after the sender check.
    expect(await r).toBe(method === 'readChosenFile' ? 'unknownFile' : null);
  });
});

describe('IPC: limits before work, one dialog at a time, no paths in errors', () => {
  let win: FakeBrowserWindow;
  let dir: string;
  beforeEach(async () => {
    win = await boot();
    dir = await mkdtemp(path.join(base, 'files-'));
  });

  it('over-limit requests (saveFile bytes, a readChosenFile chunk, filters, menus) are refused before any work', async () => {
    const huge = new Uint8Array(new ArrayBuffer(0));
    Object.defineProperty(huge, 'byteLength', { value: IPC_LIMITS.saveBytes + 1 });
    expect(await codeOf(call('saveFile', trusted(win), { ...(REQUESTS.saveFile as object), bytes: huge }))).toBe('tooLarge');
    expect(
      await codeOf(call('readChosenFile', trusted(win), { ...(REQUESTS.readChosenFile as object), lengthBytes: IPC_LIMITS.readChunkBytes + 1 })),
    ).toBe('tooLarge');
    expect(
      await codeOf(
        call('openFiles', trusted(win), {
          ...(REQUESTS.openFiles as object),
          filters: Array.from({ length: 21 }, () => ({ name: 'a', extensions: ['a'] })),
        }),
      ),
    ).toBe('tooLarge');
    expect(await codeOf(call('setMenu', trusted(win), { ...MENU, menus: Array.from({ length: 9 }, () => MENU.menus[0]) }))).toBe('tooLarge');
    expect(state.dialogCalls).toEqual([]);
  });

  it('a malformed request is refused before any work', async () => {
    const printed: unknown[] = [];
    win.webContents.printToPDF = async (o) => (printed.push(o), Buffer.from(''));
    expect(await codeOf(call('openFiles', trusted(win), { ...(REQUESTS.openFiles as object), defaultPath: '/etc' }))).toBe('invalidRequest');
    expect(await codeOf(call('saveFile', trusted(win), { ...(REQUESTS.saveFile as object), suggestedName: '..\\evil.exe' }))).toBe('invalidRequest');
    expect(await codeOf(call('printToPdf', trusted(win), { pageSize: { widthMm: 10, heightMm: 420 }, landscape: true, printBackground: true }))).toBe(
      'invalidRequest',
    );
    expect(await codeOf(call('getAppInfo', trusted(win), {}))).toBe('invalidRequest');
    expect(state.dialogCalls).toEqual([]);
    expect(printed).toEqual([]);
  });

  it('printToPdf passes the validated options (paper portrait in inches, landscape deciding)', async () => {
    const printed: unknown[] = [];
    win.webContents.printToPDF = async (o) => (printed.push(o), Buffer.from('%PDF'));
    const pdf = await call('printToPdf', trusted(win), REQUESTS.printToPdf);
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(printed).toEqual([
      expect.objectContaining({ pageSize: { width: 297 / 25.4, height: 420 / 25.4 }, landscape: true, printBackground: true }),
    ]);
  });

  it.each(['openFiles', 'saveFile'] as const)('a second %s while its dialog is open is refused as busy', async (method) => {
    let close: (r: never) => void = () => {};
    const pending = new Promise<never>((resolve) => (close = resolve));
    state.dialogs.showOpenDialog = () => pending;
    state.dialogs.showSaveDialog = () => pending;
    const first = call(method, trusted(win), REQUESTS[method]);
    expect(await codeOf(call(method, trusted(win), REQUESTS[method]))).toBe('busy');
    expect(state.dialogCalls).toHaveLength(1);
    close({ canceled: true, filePaths: [] } as never);
    await expect(first).resolves.toEqual({ canceled: true });
    // Once it closed, the next one opens.
    state.dialogs.showOpenDialog = async () => ({ canceled: true, filePaths: [] });
    state.dialogs.showSaveDialog = async () => ({ canceled: true });
    await expect(call(method, trusted(win), REQUESTS[method])).resolves.toEqual({ canceled: true });
    expect(state.dialogCalls).toHaveLength(2);
  });

  it('the other dialog kind is not blocked by an open one', async () => {
    state.dialogs.showOpenDialog = () => new Promise(() => {});
    void call('openFiles', trusted(win), REQUESTS.openFiles);
    await expect(call('saveFile', trusted(win), REQUESTS.saveFile)).resolves.toEqual({ canceled: true });
  });

  it('openFiles replies with ids, relative names and sizes (no bytes, no absolute path); readChosenFile sends chunks', async () => {
    const big = path.join(dir, '村界.shp');
    const bytes = Uint8Array.from({ length: 40_000 }, (_, i) => i % 253);
    await writeFile(big, bytes);
    await mkdir(path.join(dir, 'folder', 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'folder', 'sub', 'a.dbf'), 'dbf');
    state.dialogs.showOpenDialog = async () => ({ canceled: false, filePaths: [big, path.join(dir, 'folder'), path.join(dir, 'gone.shp')] });
    const r = (await call('openFiles', trusted(win), REQUESTS.openFiles)) as OpenFilesResult;
    if (r.canceled) throw new Error('canceled');
    expect(r.files.map((f) => [f.path, f.sizeBytes])).toEqual([
      ['村界.shp', 40_000],
      ['sub/a.dbf', 3],
    ]);
    expect(r.skipped).toEqual([{ path: 'gone.shp', reason: 'unreadable' }]);
    expect(JSON.stringify(r)).not.toContain(dir);
    const [file] = r.files as [ChosenFile, ChosenFile];
    const replies: number[] = [];
    const read = async (offsetBytes: number, lengthBytes: number) => {
      const chunk = (await call('readChosenFile', trusted(win), { id: file.id, offsetBytes, lengthBytes })) as Uint8Array;
      replies.push(chunk.byteLength);
      return chunk;
    };
    expect(await readInChunks(read, file.sizeBytes, 16_384)).toEqual(bytes);
    expect(replies).toEqual([16_384, 16_384, 7_232]);

    // The file changed since it was chosen: refused, not mixed.
    await writeFile(big, bytes.subarray(0, 100));
    expect(await codeOf(call('readChosenFile', trusted(win), { id: file.id, offsetBytes: 0, lengthBytes: 10 }))).toBe('fileChanged');
    // A new dialog forgets the old ids.
    state.dialogs.showOpenDialog = async () => ({ canceled: true, filePaths: [] });
    await call('openFiles', trusted(win), REQUESTS.openFiles);
    expect(await codeOf(call('readChosenFile', trusted(win), { id: file.id, offsetBytes: 0, lengthBytes: 10 }))).toBe('unknownFile');
  });

  it('a failed save says its error code, never the folder it tried', async () => {
    const target = path.join(dir, '张三的文件夹', 'missing', '叠加分析.csv');
    state.dialogs.showSaveDialog = async () => ({ canceled: false, filePath: target });
    const err = await call('saveFile', trusted(win), REQUESTS.saveFile).catch((e: unknown) => e);
    expect(ipcErrorCode(err)).toBe('failed');
    expect(String(err)).toContain('ENOENT');
    expect(String(err)).not.toContain(dir);
    expect(String(err)).not.toContain('张三');
  });

  it('a failed print says what failed with every path scrubbed', async () => {
    win.webContents.printToPDF = async () => {
      throw new Error("Failed to write C:\\Users\\张三\\AppData\\x.pdf and '/home/zhang/.config/x' (file:///tmp/y)");
    };
    const err = await call('printToPdf', trusted(win), REQUESTS.printToPdf).catch((e: unknown) => e);
    expect(ipcErrorCode(err)).toBe('failed');
    expect(String(err)).toContain("[failed] printToPdf: Failed to write <path> and '<path>' (<path>)");
  });
});

describe('scrubPaths / failureDetail', () => {
  it.each([
    ["ENOENT: no such file or directory, open '/home/zhang/x.csv'", "ENOENT: no such file or directory, open '<path>'"],
    ['EACCES: permission denied, rename "C:\\Users\\张三\\x.tmp" -> "D:/证据/x.csv"', 'EACCES: permission denied, rename "<path>" -> "<path>"'],
    ['cannot read \\\\server\\share\\x.shp', 'cannot read <path>'],
    ["EPERM: operation not permitted, open 'C:\\Users\\Zhang San\\My Files\\x.csv'", "EPERM: operation not permitted, open '<path>'"],
    ['open "/home/zhang san/x y.csv" failed', 'open "<path>" failed'],
    ['see file:///C:/x.pdf', 'see <path>'],
    ['Printing failed', 'Printing failed'],
    ['a/b ratio 3/4', 'a/b ratio 3/4'],
  ])('%j → %j', (text, scrubbed) => {
    expect(scrubPaths(text)).toBe(scrubbed);
  });
  it('prefers the Node error code', () => {
    expect(failureDetail(Object.assign(new Error("ENOSPC: no space left on device, write '/x'"), { code: 'ENOSPC' }))).toBe('ENOSPC');
    expect(failureDetail('plain /etc/passwd')).toBe('plain <path>');
  });
});

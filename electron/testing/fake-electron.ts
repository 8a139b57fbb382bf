/**
 * A fake of the parts of the `electron` module main uses, for specs that run the real main-process code
 * (`vi.mock('electron', …)` returns `fakeElectronModule`). It does nothing on its own: it records what main
 * registers — the options of every BrowserWindow, the session's handlers, every web contents' event handlers
 * and window-open handler, the app:// protocol handler, every ipcMain.handle — so a spec can call those
 * handlers with fake events (another frame, another origin, a destroyed window) and see what main decides.
 * Like Electron, creating a BrowserWindow emits app 'web-contents-created' with its web contents.
 * Test code only: nothing imports it outside specs.
 */
type Handler = (...args: never[]) => unknown;

export class FakeFrame {
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly handlers = new Map<string, Handler[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: [string, ...unknown[]][] = [];
  readonly mainFrame: FakeFrame;
  destroyed = false;
  printToPDF = async (_options: unknown): Promise<Buffer> => Buffer.from('%PDF-1.7 fake');

  constructor(url = '') {
    this.mainFrame = new FakeFrame(url);
  }
  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emit an event to every handler main registered; returns whether one of them called preventDefault. */
  emit(event: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false;
    const e = { ...details, preventDefault: () => (prevented = true) };
    for (const h of this.handlers.get(event) ?? []) (h as (e: unknown, ...rest: unknown[]) => void)(e, details.url);
    return prevented;
  }
}

export class FakeBrowserWindow {
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  readonly webContents: FakeWebContents;
  readonly handlers = new Map<string, Handler[]>();
  loadedUrl: string | null = null;
  private destroyed = false;

  constructor(options: Record<string, unknown>) {
    this.options = options;
    this.webContents = new FakeWebContents();
    state.windows.push(this);
    state.emitApp('web-contents-created', {}, this.webContents);
  }
  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  once(event: string, handler: Handler): this {
    return this.on(event, handler);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
  maximize(): void {}
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

export interface FakeDialogs {
  showOpenDialog: (win: unknown, options: unknown) => Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog: (win: unknown, options: unknown) => Promise<{ canceled: boolean; filePath?: string }>;
}

/** Everything recorded, reset before each test by `resetFakeElectron`. */
class FakeState {
  isPackaged = true;
  documentsDir = '/home/officer/Documents';
  sandboxEnabled = false;
  singleInstance = true;
  quitCalled = false;
  readonly appHandlers = new Map<string, Handler[]>();
  readonly windows: FakeBrowserWindow[] = [];
  readonly ipcHandlers = new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>();
  readonly privilegedSchemes: unknown[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly session = {
    beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
    permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string, origin?: string, details?: unknown) => boolean),
    devicePermission: null as null | ((details: unknown) => boolean),
    handlers: new Map<string, Handler[]>(),
  };
  readonly dialogCalls: { kind: 'open' | 'save' | 'message'; options: unknown }[] = [];
  dialogs: FakeDialogs = {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  };
  readonly menus: unknown[] = [];
  ready: Promise<void> = Promise.resolve();

  emitApp(event: string, ...args: unknown[]): void {
    for (const h of this.appHandlers.get(event) ?? []) (h as (...a: unknown[]) => void)(...args);
  }
}

export let state = new FakeState();

export function resetFakeElectron(): FakeState {
  state = new FakeState();
  return state;
}

const app = {
  get isPackaged() {
    return state.isPackaged;
  },
  enableSandbox: () => {
    state.sandboxEnabled = true;
  },
  on: (event: string, handler: Handler) => {
    state.appHandlers.set(event, [...(state.appHandlers.get(event) ?? []), handler]);
    return app;
  },
  whenReady: () => state.ready,
  requestSingleInstanceLock: () => state.singleInstance,
  quit: () => {
    state.quitCalled = true;
  },
  setAppUserModelId: () => {},
  getVersion: () => '0.1.0',
  getPath: (name: string) => (name === 'documents' ? state.documentsDir : `/fake/${name}`),
};

const session = {
  get defaultSession() {
    const s = state.session;
    return {
      webRequest: { onBeforeRequest: (h: NonNullable<typeof s.beforeRequest>) => (s.beforeRequest = h) },
      setPermissionRequestHandler: (h: NonNullable<typeof s.permissionRequest>) => (s.permissionRequest = h),
      setPermissionCheckHandler: (h: NonNullable<typeof s.permissionCheck>) => (s.permissionCheck = h),
      setDevicePermissionHandler: (h: NonNullable<typeof s.devicePermission>) => (s.devicePermission = h),
      on: (event: string, handler: Handler) => {
        s.handlers.set(event, [...(s.handlers.get(event) ?? []), handler]);
      },
    };
  },
};

const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    state.privilegedSchemes.push(...schemes);
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
    state.protocolHandlers.set(scheme, handler);
  },
};

const ipcMain = {
  handle: (channel: string, handler: (event: unknown, arg?: unknown) => Promise<unknown>) => {
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipcHandlers.set(channel, handler);
  },
};

const dialog = {
  showOpenDialog: (win: unknown, options: unknown) => {
    state.dialogCalls.push({ kind: 'open', options });
    return state.dialogs.showOpenDialog(win, options);
  },
  showSaveDialog: (win: unknown, options: unknown) => {
    state.dialogCalls.push({ kind: 'save', options });
    return state.dialogs.showSaveDialog(win, options);
  },
  showMessageBox: async (...args: unknown[]) => {
    state.dialogCalls.push({ kind: 'message', options: args[args.length - 1] });
    return { response: 0 };
  },
};

const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => {
    state.menus.push(menu);
  },
};

/** What `vi.mock('electron', …)` returns. */
export const fakeElectronModule = { app, session, protocol, ipcMain, dialog, Menu, BrowserWindow: FakeBrowserWindow };

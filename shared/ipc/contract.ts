/**
 * The one IPC contract between the renderer and Electron's main process.
 * Both sides compile against MainApi; MAIN_API_METHODS makes the compiler check that the preload
 * exposes exactly these methods and main handles exactly these channels. Each method is one channel
 * (`landpatrol:<method>`), validated in main (see electron/ipc/validate.ts) and checked for its sender.
 * Sizes are bounded on both sides (shared/ipc/limits.ts); a refusal carries a code (shared/ipc/errors.ts).
 */
export interface OpenFilesRequest {
  /** Dialog title (already translated by the renderer). */
  title: string;
  /** e.g. [{ name: 'Shapefile', extensions: ['shp','shx','dbf','prj','cpg','zip'] }] */
  filters: FileFilter[];
  /** Allow choosing folders (their shapefile parts are read). */
  allowFolders: boolean;
}
export interface FileFilter {
  name: string;
  extensions: string[];
}
/**
 * A file the user chose in the open dialog. The reply carries no bytes: the renderer reads each file with
 * readChosenFile in chunks of at most IPC_LIMITS.readChunkBytes, so no reply is larger than one chunk
 * however big the choice (shared/ipc/read-chunks.ts assembles them).
 */
export interface ChosenFile {
  /** Opaque, valid until the next openFiles (main keeps the absolute path; the renderer never sees it). */
  id: string;
  /** Path relative to the chosen folder, or the bare file name. */
  path: string;
  sizeBytes: number;
}
export type OpenFilesResult =
  { canceled: true } | { canceled: false; files: ChosenFile[]; skipped: { path: string; reason: 'tooLarge' | 'unreadable' }[] };

/** Bytes [offsetBytes, offsetBytes + lengthBytes) of a chosen file; a reply is shorter only at the end of the file. */
export interface ReadChosenFileRequest {
  id: string;
  offsetBytes: number;
  lengthBytes: number;
}

export interface SaveFileRequest {
  /** Suggested file name, e.g. "叠加分析-2026-11-22.csv". Path separators are rejected. */
  suggestedName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}
export type SaveFileResult = { canceled: true } | { canceled: false; path: string };

export interface PrintToPdfRequest {
  /**
   * Paper size in millimetres (true scale depends on it). The order of the two sides does not matter:
   * `landscape` decides the orientation of the sheet (A3 + landscape → 420 mm wide × 297 mm high).
   */
  pageSize: { widthMm: number; heightMm: number };
  landscape: boolean;
  printBackground: boolean;
  /**
   * The page's own CSS `@page` sizes win over `pageSize` (Chromium's preferCSSPageSize): an evidence set prints an
   * A3 landscape map sheet and A4 portrait papers in one PDF through CSS named pages. Absent: false.
   */
  cssPageSize?: boolean;
}

export interface AppInfo {
  version: string;
  platform: string;
  electron: string;
}

/**
 * The application menu as the renderer builds it from its command registry (renderer/app/menu.logic.ts): the
 * labels are already translated, a command item carries the id main sends back when it is clicked, and the
 * standard items (quit, zoom, full screen, about) are Electron roles main implements itself. Main installs
 * only what validates (electron/ipc/validate-menu.ts); the developer items are dropped in a packaged app.
 */
export const MENU_ROLES = ['quit', 'reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'about'] as const;
export type MenuRole = (typeof MENU_ROLES)[number];
export type MenuItemModel =
  | { kind: 'command'; command: string; label: string; accelerator?: string; enabled: boolean }
  | { kind: 'role'; role: MenuRole; label: string; accelerator?: string; devOnly?: boolean }
  | { kind: 'separator' };
export interface MenuModel {
  lang: UiLanguage;
  menus: { label: string; items: MenuItemModel[] }[];
}
/** A command id: `<feature>.<verb>` ('import.files', 'app.toggleLanguage'). */
export const COMMAND_ID_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;
export const isCommandId = (v: unknown): v is string => typeof v === 'string' && v.length <= 64 && COMMAND_ID_PATTERN.test(v);

/** The UI languages; the menu follows the renderer's choice. */
export type UiLanguage = 'zh-CN' | 'en';
export const UI_LANGUAGES: readonly UiLanguage[] = ['zh-CN', 'en'];

export interface MainApi {
  /** Dialog-backed: one at a time (a second while the dialog is open is refused as 'busy'). */
  openFiles(req: OpenFilesRequest): Promise<OpenFilesResult>;
  readChosenFile(req: ReadChosenFileRequest): Promise<Uint8Array>;
  /** Dialog-backed: one at a time. */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  printToPdf(req: PrintToPdfRequest): Promise<Uint8Array>;
  getAppInfo(): Promise<AppInfo>;
  /** Installs the application menu the window built from its command registry (in the window's language). */
  setMenu(model: MenuModel): Promise<void>;
  /**
   * The origins of the online sources the user switched on (online basemaps: `https://t0.tianditu.gov.cn` …); the
   * session's request filter lets exactly these through. Empty (the default, and at every start until the window
   * sends its list): nothing leaves the machine.
   */
  setOnlineOrigins(origins: string[]): Promise<void>;
}

export type MainApiMethod = keyof MainApi;

/** Completeness is checked by the compiler: adding a method to MainApi without listing it here fails. */
export const MAIN_API_METHODS: Record<MainApiMethod, true> = {
  openFiles: true,
  readChosenFile: true,
  saveFile: true,
  printToPdf: true,
  getAppInfo: true,
  setMenu: true,
  setOnlineOrigins: true,
};

export const ipcChannel = (method: MainApiMethod): string => `landpatrol:${method}`;

/** The name under which the preload exposes the API on `window`. */
export const MAIN_API_GLOBAL = 'landpatrol';

/**
 * Main → renderer: the id of the menu command the user clicked (one channel; the id is one main received in the
 * last valid MenuModel). The preload exposes `onMenuCommand` beside the MainApi methods and passes on only
 * well-formed ids; it returns a function that removes the listener.
 */
export const MENU_COMMAND_CHANNEL = 'landpatrol:menuCommand';
export interface RendererEvents {
  onMenuCommand(listener: (commandId: string) => void): () => void;
}
export const RENDERER_EVENT_METHODS: Record<keyof RendererEvents, true> = { onMenuCommand: true };
/** Everything the preload exposes on `window[MAIN_API_GLOBAL]`. */
export type ExposedApi = MainApi & RendererEvents;

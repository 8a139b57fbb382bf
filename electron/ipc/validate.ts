/**
 * Hand-written validators for every IPC request (the renderer is trusted code, but main never assumes
 * the shape of anything that crosses a process boundary). Each returns data, never throws, and names
 * the field at fault so the rejected promise in the renderer says what was wrong.
 */
import { type FileFilter, type MainApi, type MainApiMethod, type OpenFilesRequest, type PrintToPdfRequest, type SaveFileRequest } from '../../shared/ipc/contract';
import { validateSetMenu } from './validate-menu';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

export const LIMITS = {
  titleChars: 200,
  fileNameChars: 200,
  filters: 20,
  filterNameChars: 100,
  extensionsPerFilter: 50,
  /** 512 MiB: larger exports should be streamed, not sent through IPC in one message. */
  saveBytes: 512 * 1024 * 1024,
  /** Paper edge in millimetres: smaller than A8 or larger than a 2 m plotter roll is a caller bug. */
  paperMinMm: 50,
  paperMaxMm: 2000,
} as const;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function unknownKey(obj: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(obj).find((k) => !allowed.includes(k));
}

/** Control characters (C0, DEL) never belong in a title, name or file name. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const EXTENSION = /^(\*|[A-Za-z0-9]{1,16})$/;

function checkFilters(v: unknown, field: string): Validation<FileFilter[]> {
  if (!Array.isArray(v)) return fail(`${field} must be an array`);
  if (v.length > LIMITS.filters) return fail(`${field} has more than ${LIMITS.filters} entries`);
  const out: FileFilter[] = [];
  for (const [i, f] of v.entries()) {
    const at = `${field}[${i}]`;
    if (!isPlainObject(f)) return fail(`${at} must be an object`);
    const extra = unknownKey(f, ['name', 'extensions']);
    if (extra !== undefined) return fail(`${at} has an unknown field "${extra}"`);
    const { name, extensions } = f;
    if (typeof name !== 'string' || name.length === 0 || name.length > LIMITS.filterNameChars || CONTROL_CHARS.test(name)) {
      return fail(`${at}.name must be a non-empty string of at most ${LIMITS.filterNameChars} characters`);
    }
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > LIMITS.extensionsPerFilter) {
      return fail(`${at}.extensions must be an array of 1–${LIMITS.extensionsPerFilter} extensions`);
    }
    for (const e of extensions) {
      if (typeof e !== 'string' || !EXTENSION.test(e)) {
        return fail(`${at}.extensions must hold bare extensions without a dot (e.g. "shp") or "*"`);
      }
    }
    out.push({ name, extensions: [...(extensions as string[])] });
  }
  return { ok: true, value: out };
}

function checkObject(v: unknown, method: string, keys: readonly string[]): Validation<Record<string, unknown>> {
  if (!isPlainObject(v)) return fail(`${method}: the request must be an object`);
  const extra = unknownKey(v, keys);
  if (extra !== undefined) return fail(`${method}: unknown field "${extra}"`);
  const missing = keys.find((k) => !(k in v));
  if (missing !== undefined) return fail(`${method}: missing field "${missing}"`);
  return { ok: true, value: v };
}

export function validateOpenFiles(v: unknown): Validation<OpenFilesRequest> {
  const o = checkObject(v, 'openFiles', ['title', 'filters', 'allowFolders']);
  if (!o.ok) return o;
  const { title, filters, allowFolders } = o.value;
  if (typeof title !== 'string' || title.length > LIMITS.titleChars || CONTROL_CHARS.test(title)) {
    return fail(`openFiles: title must be a string of at most ${LIMITS.titleChars} characters without control characters`);
  }
  const f = checkFilters(filters, 'openFiles: filters');
  if (!f.ok) return f;
  if (typeof allowFolders !== 'boolean') return fail('openFiles: allowFolders must be a boolean');
  return { ok: true, value: { title, filters: f.value, allowFolders } };
}

/** Characters Windows refuses in a file name, plus both separators. */
const NOT_IN_FILE_NAME = /[/\\:*?"<>|]/;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A plain file name: no directory part, nothing Windows would reject or reinterpret. */
export function isPlainFileName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= LIMITS.fileNameChars &&
    !NOT_IN_FILE_NAME.test(name) &&
    !CONTROL_CHARS.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !/[. ]$/.test(name) && // Windows strips trailing dots and spaces: the saved name would differ
    !/^\s/.test(name) &&
    !WINDOWS_DEVICE_NAME.test(name)
  );
}

export function validateSaveFile(v: unknown): Validation<SaveFileRequest> {
  const o = checkObject(v, 'saveFile', ['suggestedName', 'filters', 'bytes']);
  if (!o.ok) return o;
  const { suggestedName, filters, bytes } = o.value;
  if (!isPlainFileName(suggestedName)) {
    return fail(
      `saveFile: suggestedName must be a plain file name of 1–${LIMITS.fileNameChars} characters without / \\ : * ? " < > | or control characters`,
    );
  }
  const f = checkFilters(filters, 'saveFile: filters');
  if (!f.ok) return f;
  if (!(bytes instanceof Uint8Array)) return fail('saveFile: bytes must be a Uint8Array');
  if (bytes.byteLength > LIMITS.saveBytes) return fail(`saveFile: bytes exceed ${LIMITS.saveBytes / 1024 / 1024} MiB`);
  return { ok: true, value: { suggestedName, filters: f.value, bytes } };
}

function isPaperEdge(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= LIMITS.paperMinMm && n <= LIMITS.paperMaxMm;
}

export function validatePrintToPdf(v: unknown): Validation<PrintToPdfRequest> {
  const o = checkObject(v, 'printToPdf', ['pageSize', 'landscape', 'printBackground']);
  if (!o.ok) return o;
  const { pageSize, landscape, printBackground } = o.value;
  const ps = checkObject(pageSize, 'printToPdf: pageSize', ['widthMm', 'heightMm']);
  if (!ps.ok) return ps;
  const { widthMm, heightMm } = ps.value;
  if (!isPaperEdge(widthMm) || !isPaperEdge(heightMm)) {
    return fail(`printToPdf: pageSize.widthMm and heightMm must be numbers from ${LIMITS.paperMinMm} to ${LIMITS.paperMaxMm} mm`);
  }
  if (typeof landscape !== 'boolean') return fail('printToPdf: landscape must be a boolean');
  if (typeof printBackground !== 'boolean') return fail('printToPdf: printBackground must be a boolean');
  return { ok: true, value: { pageSize: { widthMm, heightMm }, landscape, printBackground } };
}

export function validateGetAppInfo(v: unknown): Validation<undefined> {
  return v === undefined ? { ok: true, value: undefined } : fail('getAppInfo takes no argument');
}


/** The validated argument type of each method (getAppInfo takes none). */
export type RequestOf<M extends MainApiMethod> = Parameters<MainApi[M]> extends [infer R] ? R : undefined;

/** One validator per method; the Record type makes the compiler insist on completeness. */
export const VALIDATORS: { [M in MainApiMethod]: (v: unknown) => Validation<RequestOf<M>> } = {
  openFiles: validateOpenFiles,
  saveFile: validateSaveFile,
  printToPdf: validatePrintToPdf,
  getAppInfo: validateGetAppInfo,
  setMenu: validateSetMenu,
};

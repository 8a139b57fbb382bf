/**
 * Hand-written validators for every IPC request (the renderer is trusted code, but main never assumes
 * the shape of anything that crosses a process boundary). Each returns data, never throws, and names
 * the field at fault so the rejected promise in the renderer says what was wrong.
 */
import {
  type FileFilter,
  type MainApi,
  type MainApiMethod,
  type OpenFilesRequest,
  type PrintToPdfRequest,
  type ReadChosenFileRequest,
  type SaveFileRequest,
} from '../../shared/ipc/contract';
import { firstUnknownKey, isBoolean, isFiniteNumber, isPlainObject, isString } from '../../shared/validation/guards';
import type { IpcErrorCode } from '../../shared/ipc/errors';
import { IPC_LIMITS, MIB } from '../../shared/ipc/limits';
import { FILE_NAME_MAX_CHARS, isSafeFileName, validateFileName } from '../../shared/validation/file-name';
import { ok, type Invalid, type Valid } from '../../shared/validation/validation';
import { validateSetMenu } from './validate-menu';
import { normaliseOrigin } from '../policy';

/** Why main refused a request, as a code; `path` names the field, `detail` says it in English. */
export type IpcReason = 'notObject' | 'unknownField' | 'missingField' | 'badField' | 'tooMany' | 'tooLarge' | 'unexpectedArgument';

/** The shared Invalid with its English sentence always there (handlers.ts rejects the call with it; logs show it). */
export type IpcInvalid = Invalid<IpcReason> & { readonly detail: string };

/** The shared Validation<T> with IPC's reasons. */
export type IpcValidation<T> = Valid<T> | IpcInvalid;

/** The error code a refusal is reported with (shared/ipc/errors.ts): a size over its limit, or a bad request. */
export const refusalCode = (v: IpcInvalid): IpcErrorCode => (v.reason === 'tooLarge' || v.reason === 'tooMany' ? 'tooLarge' : 'invalidRequest');

export const LIMITS = {
  titleChars: 200,
  fileNameChars: FILE_NAME_MAX_CHARS,
  filters: 20,
  filterNameChars: 100,
  extensionsPerFilter: 50,
  /** 512 MiB (shared/ipc/limits.ts, also checked before sending): larger exports should be streamed. */
  saveBytes: IPC_LIMITS.saveBytes,
  /** One readChosenFile reply; an offset beyond the largest file a choice may hold is a caller bug. */
  readChunkBytes: IPC_LIMITS.readChunkBytes,
  openFileBytes: IPC_LIMITS.openFileBytes,
  /** Paper edge in millimetres: smaller than A8 or larger than a 2 m plotter roll is a caller bug. */
  paperMinMm: 50,
  paperMaxMm: 2000,
} as const;

const fail = (reason: IpcReason, path: string | undefined, message: string): IpcInvalid => ({
  ok: false,
  reason,
  ...(path !== undefined ? { path } : {}),
  detail: message,
});

/** Control characters (C0, DEL) never belong in a title, name or file name. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const EXTENSION = /^(\*|[A-Za-z0-9]{1,16})$/;

/** `method` starts each message ("openFiles"); the field is always `filters`. */
function checkFilters(v: unknown, method: string): IpcValidation<FileFilter[]> {
  const field = `${method}: filters`;
  if (!Array.isArray(v)) return fail('badField', 'filters', `${field} must be an array`);
  if (v.length > LIMITS.filters) return fail('tooMany', 'filters', `${field} has more than ${LIMITS.filters} entries`);
  const out: FileFilter[] = [];
  for (const [i, f] of v.entries()) {
    const path = `filters[${i}]`;
    const at = `${method}: ${path}`;
    if (!isPlainObject(f)) return fail('notObject', path, `${at} must be an object`);
    const extra = firstUnknownKey(f, ['name', 'extensions']);
    if (extra !== undefined) return fail('unknownField', `${path}.${extra}`, `${at} has an unknown field "${extra}"`);
    const { name, extensions } = f;
    if (!isString(name) || name.length === 0 || name.length > LIMITS.filterNameChars || CONTROL_CHARS.test(name)) {
      return fail('badField', `${path}.name`, `${at}.name must be a non-empty string of at most ${LIMITS.filterNameChars} characters`);
    }
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > LIMITS.extensionsPerFilter) {
      return fail('badField', `${path}.extensions`, `${at}.extensions must be an array of 1–${LIMITS.extensionsPerFilter} extensions`);
    }
    for (const e of extensions) {
      if (!isString(e) || !EXTENSION.test(e)) {
        return fail('badField', `${path}.extensions`, `${at}.extensions must hold bare extensions without a dot (e.g. "shp") or "*"`);
      }
    }
    out.push({ name, extensions: [...(extensions as string[])] });
  }
  return ok(out);
}

/** `label` starts each message ("printToPdf: pageSize"); `path` is where the object sits in the request ('' for the request). */
function checkObject(v: unknown, label: string, keys: readonly string[], path = ''): IpcValidation<Record<string, unknown>> {
  const under = (k: string) => (path === '' ? k : `${path}.${k}`);
  if (!isPlainObject(v)) return fail('notObject', path === '' ? undefined : path, `${label}: the request must be an object`);
  const extra = firstUnknownKey(v, keys);
  if (extra !== undefined) return fail('unknownField', under(extra), `${label}: unknown field "${extra}"`);
  const missing = keys.find((k) => !(k in v));
  if (missing !== undefined) return fail('missingField', under(missing), `${label}: missing field "${missing}"`);
  return ok(v);
}

export function validateOpenFiles(v: unknown): IpcValidation<OpenFilesRequest> {
  const o = checkObject(v, 'openFiles', ['title', 'filters', 'allowFolders']);
  if (!o.ok) return o;
  const { title, filters, allowFolders } = o.value;
  if (!isString(title) || title.length > LIMITS.titleChars || CONTROL_CHARS.test(title)) {
    return fail('badField', 'title', `openFiles: title must be a string of at most ${LIMITS.titleChars} characters without control characters`);
  }
  const f = checkFilters(filters, 'openFiles');
  if (!f.ok) return f;
  if (!isBoolean(allowFolders)) return fail('badField', 'allowFolders', 'openFiles: allowFolders must be a boolean');
  return ok({ title, filters: f.value, allowFolders });
}

/** A plain file name: the one file-name rule (shared/validation/file-name.ts), also used for app:// paths. */
export function isPlainFileName(name: unknown): name is string {
  return isSafeFileName(name);
}

export function validateSaveFile(v: unknown): IpcValidation<SaveFileRequest> {
  const o = checkObject(v, 'saveFile', ['suggestedName', 'filters', 'bytes']);
  if (!o.ok) return o;
  const { suggestedName, filters, bytes } = o.value;
  const name = validateFileName(suggestedName);
  if (!name.ok) return fail('badField', 'suggestedName', `saveFile: suggestedName: ${name.detail ?? name.reason}`);
  const f = checkFilters(filters, 'saveFile');
  if (!f.ok) return f;
  if (!(bytes instanceof Uint8Array)) return fail('badField', 'bytes', 'saveFile: bytes must be a Uint8Array');
  if (bytes.byteLength > LIMITS.saveBytes) return fail('tooLarge', 'bytes', `saveFile: bytes exceed ${LIMITS.saveBytes / MIB} MiB`);
  return ok({ suggestedName: name.value, filters: f.value, bytes });
}

/** The ids ChosenFiles hands out (crypto.randomUUID). */
const CHOSEN_FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function validateReadChosenFile(v: unknown): IpcValidation<ReadChosenFileRequest> {
  const o = checkObject(v, 'readChosenFile', ['id', 'offsetBytes', 'lengthBytes']);
  if (!o.ok) return o;
  const { id, offsetBytes, lengthBytes } = o.value;
  if (!isString(id) || !CHOSEN_FILE_ID.test(id)) return fail('badField', 'id', 'readChosenFile: id must be an id from openFiles');
  if (!Number.isSafeInteger(offsetBytes) || (offsetBytes as number) < 0 || (offsetBytes as number) > LIMITS.openFileBytes) {
    return fail('badField', 'offsetBytes', `readChosenFile: offsetBytes must be an integer from 0 to ${LIMITS.openFileBytes}`);
  }
  if (!Number.isSafeInteger(lengthBytes) || (lengthBytes as number) < 1)
    return fail('badField', 'lengthBytes', 'readChosenFile: lengthBytes must be a positive integer');
  if ((lengthBytes as number) > LIMITS.readChunkBytes)
    return fail('tooLarge', 'lengthBytes', `readChosenFile: lengthBytes exceeds ${LIMITS.readChunkBytes / MIB} MiB`);
  return ok({ id, offsetBytes: offsetBytes as number, lengthBytes: lengthBytes as number });
}

function isPaperEdge(n: unknown): n is number {
  return isFiniteNumber(n) && n >= LIMITS.paperMinMm && n <= LIMITS.paperMaxMm;
}

export function validatePrintToPdf(v: unknown): IpcValidation<PrintToPdfRequest> {
  // cssPageSize is optional (callers from before it keep working): checked when present, kept as given.
  const given = isPlainObject(v) && 'cssPageSize' in v;
  const o = checkObject(given ? v : isPlainObject(v) ? { ...v, cssPageSize: false } : v, 'printToPdf', [
    'pageSize',
    'landscape',
    'printBackground',
    'cssPageSize',
  ]);
  if (!o.ok) return o;
  const { pageSize, landscape, printBackground, cssPageSize } = o.value;
  const ps = checkObject(pageSize, 'printToPdf: pageSize', ['widthMm', 'heightMm'], 'pageSize');
  if (!ps.ok) return ps;
  const { widthMm, heightMm } = ps.value;
  if (!isPaperEdge(widthMm) || !isPaperEdge(heightMm)) {
    return fail(
      'badField',
      isPaperEdge(widthMm) ? 'pageSize.heightMm' : 'pageSize.widthMm',
      `printToPdf: pageSize.widthMm and heightMm must be numbers from ${LIMITS.paperMinMm} to ${LIMITS.paperMaxMm} mm`,
    );
  }
  if (!isBoolean(landscape)) return fail('badField', 'landscape', 'printToPdf: landscape must be a boolean');
  if (!isBoolean(printBackground)) return fail('badField', 'printBackground', 'printToPdf: printBackground must be a boolean');
  if (!isBoolean(cssPageSize)) return fail('badField', 'cssPageSize', 'printToPdf: cssPageSize must be a boolean');
  return ok({ pageSize: { widthMm, heightMm }, landscape, printBackground, ...(given ? { cssPageSize } : {}) });
}

export function validateGetAppInfo(v: unknown): IpcValidation<undefined> {
  return v === undefined ? ok(undefined) : fail('unexpectedArgument', undefined, 'getAppInfo takes no argument');
}

/** At most this many origins (Tianditu's eight hosts and a few XYZ servers). */
export const MAX_ONLINE_ORIGINS = 64;

/** A list of http(s) origins, each already in its origin form ("https://t0.tianditu.gov.cn", no path, no credentials). */
export function validateSetOnlineOrigins(v: unknown): IpcValidation<string[]> {
  if (!Array.isArray(v)) return fail('notObject', undefined, 'setOnlineOrigins: expected an array of origins');
  if (v.length > MAX_ONLINE_ORIGINS) return fail('tooMany', undefined, `setOnlineOrigins: at most ${MAX_ONLINE_ORIGINS} origins`);
  for (let i = 0; i < v.length; i++) {
    const o: unknown = v[i];
    if (!isString(o) || o.length > 300 || normaliseOrigin(o) !== o) return fail('badField', `[${i}]`, 'setOnlineOrigins: not an http(s) origin');
  }
  return ok([...(v as string[])]);
}

/** The validated argument type of each method (getAppInfo takes none). */
export type RequestOf<M extends MainApiMethod> = Parameters<MainApi[M]> extends [infer R] ? R : undefined;

/** One validator per method; the Record type makes the compiler insist on completeness. */
export const VALIDATORS: { [M in MainApiMethod]: (v: unknown) => IpcValidation<RequestOf<M>> } = {
  openFiles: validateOpenFiles,
  readChosenFile: validateReadChosenFile,
  saveFile: validateSaveFile,
  printToPdf: validatePrintToPdf,
  getAppInfo: validateGetAppInfo,
  setMenu: validateSetMenu,
  setOnlineOrigins: validateSetOnlineOrigins,
};

/**
 * The one error type of the renderer and its workers: a code the UI says in Chinese or English (as import
 * issues are), never an English sentence shown as `{message}`, and never matched on its text. What crosses a
 * worker boundary is its plain JSON (postMessage keeps an Error's message but drops its class and fields).
 *
 * - cancelled: the user (or a closed dialog) stopped the work; nothing it had not committed is stored.
 * - workerFailed: the background worker could not run (its script not loadable, it died, a reply unreadable).
 * - invalidRequest: a message a worker or the tile protocol cannot read (a program error).
 * - layerNotFound: the layer, or its stored data, was removed meanwhile.
 * - noSourceFiles: the layer's original files are not stored (re-decoding needs them).
 * - stale: the layer was re-written after the UI read its record; the new version is on its way.
 * - attributesUnreadable: the layer's stored attribute store does not parse (damaged).
 * - fileUnreadable: a chosen file could not be read (moved or deleted since); params.file names it.
 * - engineUnavailable: the geometry engine (GEOS WebAssembly) could not load.
 * - xlsxFailed: the .xlsx writer failed.
 * - tooLargeToSave: an export over the size one IPC save may carry (512 MiB, shared/ipc/limits.ts), refused
 *   before it was sent; params.file names it.
 * - failed: anything else; `detail` is the only thing known, shown after a Chinese lead-in for a report.
 */
import type { MessageKey, Translate } from '../i18n/i18n.logic';

export type ErrorCode =
  | 'cancelled'
  | 'workerFailed'
  | 'invalidRequest'
  | 'layerNotFound'
  | 'noSourceFiles'
  | 'stale'
  | 'attributesUnreadable'
  | 'fileUnreadable'
  | 'engineUnavailable'
  | 'xlsxFailed'
  | 'tooLargeToSave'
  | 'failed';

/** Each code's sentence (i18n keys; placeholders are filled from the error's params). */
export const ERROR_MESSAGES: Record<ErrorCode, MessageKey> = {
  cancelled: 'error.cancelled',
  workerFailed: 'error.workerFailed',
  invalidRequest: 'error.invalidRequest',
  layerNotFound: 'job.layerNotFound',
  noSourceFiles: 'props.noSourceFiles',
  stale: 'error.stale',
  attributesUnreadable: 'error.attributesUnreadable',
  fileUnreadable: 'error.fileUnreadable',
  engineUnavailable: 'error.engineUnavailable',
  xlsxFailed: 'error.xlsxFailed',
  tooLargeToSave: 'error.tooLargeToSave',
  failed: 'error.failed',
};

export type ErrorParams = Record<string, string | number>;

/** What crosses postMessage. */
export interface CodedErrorJson {
  code: ErrorCode;
  detail?: string;
  params?: ErrorParams;
}

export class CodedError extends Error {
  readonly code: ErrorCode;
  /** What the code does not say (the underlying library's message): for the console and a report, not a sentence. */
  readonly detail: string | undefined;
  /** Placeholders of the code's sentence. */
  readonly params: ErrorParams | undefined;
  constructor(code: ErrorCode, o: { detail?: string; params?: ErrorParams; cause?: unknown } = {}) {
    super(o.detail ? `${code}: ${o.detail}` : code, o.cause === undefined ? undefined : { cause: o.cause });
    this.name = 'CodedError';
    this.code = code;
    this.detail = o.detail;
    this.params = o.params;
  }
  /** A caught failure given the code of what was being done: its message becomes the detail. */
  static of(code: ErrorCode, cause: unknown, params?: ErrorParams): CodedError {
    return new CodedError(code, {
      detail: cause instanceof Error ? cause.message || cause.name : String(cause),
      cause,
      ...(params ? { params } : {}),
    });
  }
  toJSON(): CodedErrorJson {
    return { code: this.code, ...(this.detail !== undefined ? { detail: this.detail } : {}), ...(this.params ? { params: this.params } : {}) };
  }
}

const CODES = new Set<string>(Object.keys(ERROR_MESSAGES));
const isCode = (v: unknown): v is ErrorCode => typeof v === 'string' && CODES.has(v);

/** Any thrown value as a CodedError: coded ones as they are, anything else `failed` with its message as detail. */
export function toCodedError(e: unknown): CodedError {
  if (e instanceof CodedError) return e;
  if (e instanceof Error) return new CodedError('failed', { detail: e.message || e.name, cause: e });
  return new CodedError('failed', { detail: String(e) });
}

/** Re-creates an error from its JSON (a worker's reply); an unknown code (an older or newer worker) is `failed`. */
export function fromCodedErrorJson(j: unknown): CodedError {
  const o = (typeof j === 'object' && j !== null ? j : {}) as Partial<CodedErrorJson>;
  const detail = typeof o.detail === 'string' ? o.detail : undefined;
  const params = typeof o.params === 'object' && o.params !== null ? o.params : undefined;
  return isCode(o.code) ? new CodedError(o.code, { detail, params }) : new CodedError('failed', { detail: detail ?? String(o.code) });
}

export const hasCode = (e: unknown, code: ErrorCode): boolean => e instanceof CodedError && e.code === code;
export const isCancelled = (e: unknown): boolean => hasCode(e, 'cancelled');

/**
 * An error as a sentence of its own (a notice, a line in a dialog). An uncoded failure says its detail after
 * the Chinese lead-in 出错了：, since the detail is all there is.
 */
export function errorText(e: unknown, t: Translate): string {
  const c = toCodedError(e);
  if (c.code === 'failed' && c.detail) return t('common.error', { message: c.detail });
  return t(ERROR_MESSAGES[c.code], c.params);
}

/**
 * An error as the reason in a sentence that already says what failed (导入失败：{message}): a code's sentence,
 * or an uncoded failure's detail alone.
 */
export function errorReason(e: unknown, t: Translate): string {
  const c = toCodedError(e);
  if (c.code === 'failed' && c.detail) return c.detail;
  return t(ERROR_MESSAGES[c.code], c.params);
}

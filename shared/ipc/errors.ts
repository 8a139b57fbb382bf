/**
 * Why main refused or failed an IPC call, as a code the renderer can act on and say in its language.
 * Electron passes only an Error's message through ipcRenderer.invoke (wrapped as "Error invoking remote
 * method 'landpatrol:openFiles': Error: …"), so the code travels in the message as `[code] method: detail`
 * and `ipcErrorCode` reads it back wherever the wrapping put it.
 *
 * - untrustedSender: the call did not come from the main frame of the app's own window.
 * - invalidRequest: the request failed validation (a program error; `detail` names the field).
 * - tooLarge: a payload over its limit (shared/ipc/limits.ts), refused before it was sent or before any work.
 * - busy: a dialog of this kind is already open (one dialog-backed call of each kind at a time).
 * - unknownFile: readChosenFile with an id that is not from the last openFiles.
 * - fileChanged: a chosen file's size changed since the dialog closed (read again from the start).
 * - failed: the work itself failed; `detail` is an error code such as ENOSPC, never a path.
 *
 * Details never hold absolute paths: main logs the full error on its own console.
 */
export const IPC_ERROR_CODES = ['untrustedSender', 'invalidRequest', 'tooLarge', 'busy', 'unknownFile', 'fileChanged', 'failed'] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** The message of an IPC error: `[code] method: detail`. */
export const ipcErrorMessage = (code: IpcErrorCode, method: string, detail: string): string => `[${code}] ${method}: ${detail}`;

const CODE_IN_MESSAGE = new RegExp(`\\[(${IPC_ERROR_CODES.join('|')})\\] `);

/** The code of an IPC error (from main or from the preload's own check), or null for any other error. */
export function ipcErrorCode(err: unknown): IpcErrorCode | null {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const m = CODE_IN_MESSAGE.exec(message);
  return m ? (m[1] as IpcErrorCode) : null;
}

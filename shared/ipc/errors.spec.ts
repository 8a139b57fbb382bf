import { describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES, ipcErrorCode, ipcErrorMessage } from './errors';

describe('IPC error codes', () => {
  it('reads the code back from the message, also as Electron wraps it for the renderer', () => {
    for (const code of IPC_ERROR_CODES) {
      const message = ipcErrorMessage(code, 'openFiles', 'x');
      expect(message).toBe(`[${code}] openFiles: x`);
      expect(ipcErrorCode(new Error(message))).toBe(code);
      expect(ipcErrorCode(new Error(`Error invoking remote method 'landpatrol:openFiles': Error: ${message}`))).toBe(code);
    }
  });
  it('is null for any other error', () => {
    for (const e of [new Error('busy'), new Error('[nope] x: y'), 'text', null, undefined, 42, { message: '[busy] openFiles: x' }]) {
      expect(ipcErrorCode(e)).toBeNull();
    }
    expect(ipcErrorCode('[busy] openFiles: x')).toBe('busy');
  });
});

/**
 * Size limits of IPC messages, shared by the sending side (the renderer's platform code and the preload) and
 * main's validators (electron/ipc/validate.ts), so an over-limit message is refused before it is sent and,
 * should one be sent anyway, before main starts any work. Every field of every request is bounded: strings by
 * characters, lists by entries, bytes by byteLength.
 */
export const IPC_LIMITS = {
  /**
   * 512 MiB in one saveFile: an export larger than that should be streamed to disk, not copied through
   * IPC (the page, the preload and main each hold a copy while it crosses).
   */
  saveBytes: 512 * 1024 * 1024,
  /** 16 MiB per readChosenFile reply: a 100 MB shapefile part is 7 replies, each a few milliseconds. */
  readChunkBytes: 16 * 1024 * 1024,
  /**
   * A chosen file the renderer can hold in one Uint8Array: 2^31 − 1 bytes (Node's readFile limit too,
   * so the CLI reads what the app reads). Bigger files are skipped as 'tooLarge' when the dialog closes.
   */
  openFileBytes: 2 ** 31 - 1,
} as const;

export const MIB = 1024 * 1024;

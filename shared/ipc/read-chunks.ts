/**
 * Assemble a chosen file from readChosenFile replies (contract.ts ChosenFile): one buffer of the size the
 * dialog reported, filled chunk by chunk, each reply no larger than IPC_LIMITS.readChunkBytes. A reply of
 * the wrong length means the file changed meanwhile: that is an error, never a silently mixed buffer.
 */
import { IPC_LIMITS } from './limits';

export type ReadChunk = (offsetBytes: number, lengthBytes: number) => Promise<Uint8Array>;

export class ChunkLengthError extends Error {
  constructor(
    readonly offsetBytes: number,
    readonly expectedBytes: number,
    readonly gotBytes: number,
  ) {
    super(`chunk at ${offsetBytes}: expected ${expectedBytes} bytes, got ${gotBytes}`);
    this.name = 'ChunkLengthError';
  }
}

export async function readInChunks(read: ReadChunk, sizeBytes: number, chunkBytes: number = IPC_LIMITS.readChunkBytes): Promise<Uint8Array> {
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0) throw new RangeError(`bad size ${sizeBytes}`);
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes <= 0 || chunkBytes > IPC_LIMITS.readChunkBytes)
    throw new RangeError(`bad chunk size ${chunkBytes}`);
  const out = new Uint8Array(sizeBytes);
  for (let offset = 0; offset < sizeBytes; offset += chunkBytes) {
    const want = Math.min(chunkBytes, sizeBytes - offset);
    const chunk = await read(offset, want);
    if (chunk.byteLength !== want) throw new ChunkLengthError(offset, want, chunk.byteLength);
    out.set(chunk, offset);
  }
  return out;
}

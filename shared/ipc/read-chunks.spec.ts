import { describe, expect, it } from 'vitest';
import { IPC_LIMITS } from './limits';
import { ChunkLengthError, readInChunks } from './read-chunks';

/** A file of `size` bytes (byte i = i mod 251) read through a fake readChosenFile that records each call. */
function fakeFile(size: number, tamper?: (offset: number, bytes: Uint8Array) => Uint8Array) {
  const calls: [number, number][] = [];
  const read = async (offset: number, length: number) => {
    calls.push([offset, length]);
    const end = Math.min(size, offset + length);
    const bytes = new Uint8Array(Math.max(0, end - offset));
    for (let i = 0; i < bytes.length; i++) bytes[i] = (offset + i) % 251;
    return tamper ? tamper(offset, bytes) : bytes;
  };
  return { read, calls };
}

describe('readInChunks', () => {
  it('assembles the whole file from chunks no larger than asked', async () => {
    const f = fakeFile(25);
    const bytes = await readInChunks(f.read, 25, 10);
    expect(f.calls).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    expect([...bytes]).toEqual(Array.from({ length: 25 }, (_, i) => i % 251));
  });
  it('reads nothing for an empty file', async () => {
    const f = fakeFile(0);
    expect((await readInChunks(f.read, 0)).byteLength).toBe(0);
    expect(f.calls).toEqual([]);
  });
  it('uses 16 MiB chunks by default and refuses larger ones', async () => {
    const f = fakeFile(IPC_LIMITS.readChunkBytes + 3);
    await readInChunks(f.read, IPC_LIMITS.readChunkBytes + 3);
    expect(f.calls).toEqual([
      [0, IPC_LIMITS.readChunkBytes],
      [IPC_LIMITS.readChunkBytes, 3],
    ]);
    await expect(readInChunks(f.read, 1, IPC_LIMITS.readChunkBytes + 1)).rejects.toThrow(RangeError);
  });
  it('fails, never mixing versions, when a reply has the wrong length', async () => {
    const short = fakeFile(25, (offset, b) => (offset === 10 ? b.subarray(0, 3) : b));
    await expect(readInChunks(short.read, 25, 10)).rejects.toThrow(ChunkLengthError);
    const long = fakeFile(30);
    await expect(readInChunks(long.read, 25, 10)).resolves.toHaveLength(25);
    const grown = fakeFile(30, (_o, b) => Uint8Array.from([...b, 0]));
    await expect(readInChunks(grown.read, 25, 10)).rejects.toThrow(ChunkLengthError);
  });
});

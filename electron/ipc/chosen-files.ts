/**
 * The files of the last open dialog, by opaque id: main keeps their absolute paths, the renderer gets ids,
 * relative names and sizes (contract.ts ChosenFile) and reads the bytes in chunks. A new dialog replaces the
 * list, so an id from an older choice (or a guessed one) reads nothing. Node only, no Electron.
 */
import { randomUUID } from 'node:crypto';
import type { ChosenFile } from '../../shared/ipc/contract';
import { readChunk, type ChosenPart } from './files';

export class ChosenFiles {
  private entries = new Map<string, ChosenPart>();

  /** Forget the previous choice and register this one. */
  replace(parts: readonly ChosenPart[]): ChosenFile[] {
    this.entries = new Map();
    return parts.map((p) => {
      const id = randomUUID();
      this.entries.set(id, p);
      return { id, path: p.relPath, sizeBytes: p.sizeBytes };
    });
  }

  clear(): void {
    this.entries = new Map();
  }

  /** 'unknownFile' for an id not in the last choice; 'changed' when the file's size differs from the dialog's. */
  async read(id: string, offsetBytes: number, lengthBytes: number): Promise<Uint8Array | 'unknownFile' | 'changed'> {
    const part = this.entries.get(id);
    if (part === undefined) return 'unknownFile';
    return readChunk(part.absPath, part.sizeBytes, offsetBytes, lengthBytes);
  }
}

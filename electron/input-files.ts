/**
 * Node-only reading of what a user points at on disk, shared by the app's open dialog (electron/ipc/files.ts)
 * and the `landpatrol` command (electron/cli): the folder walk for shapefile parts and the size-checked read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IMPORT_EXTENSIONS } from '../shared/formats/bundle';
import { IPC_LIMITS } from '../shared/ipc/limits';

/** Node's readFile refuses files of 2 GiB and more (2^31 − 1 is its limit); the app's open dialog has the same limit. */
export const MAX_OPEN_FILE_BYTES = IPC_LIMITS.openFileBytes;
/** The parts of a shapefile bundle (and zipped bundles) picked up when walking a chosen folder. */
export const FOLDER_EXTENSIONS: ReadonlySet<string> = new Set(IMPORT_EXTENSIONS.map((e) => `.${e}`));
/** Someone choosing C:\ by mistake should get an answer, not a frozen window. */
export const WALK_LIMITS = { maxDepth: 16, maxFiles: 5000 } as const;

export interface Candidate {
  absPath: string;
  /** Reported path: relative to the chosen folder with '/' separators, or the bare file name. */
  relPath: string;
}

/**
 * Walk a chosen folder for shapefile parts, case-insensitively. Symbolic links and junctions are never
 * followed (lstat), so the walk cannot leave the folder the user chose.
 */
export async function findShapefileParts(folder: string): Promise<{ found: Candidate[]; unreadable: string[] }> {
  const found: Candidate[] = [];
  const unreadable: string[] = [];
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    if (depth > WALK_LIMITS.maxDepth || found.length >= WALK_LIMITS.maxFiles) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      unreadable.push(rel === '' ? path.basename(dir) : rel);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (found.length >= WALK_LIMITS.maxFiles) return;
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      // Dirent types come from lstat semantics: a symlink is reported as a symlink, never as its target.
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) await walk(path.join(dir, e.name), childRel, depth + 1);
      else if (e.isFile() && FOLDER_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
        found.push({ absPath: path.join(dir, e.name), relPath: childRel });
      }
    }
  };
  await walk(folder, '', 0);
  return { found, unreadable };
}

/** A file's bytes, or 'tooLarge' when it is over `maxBytes` (checked before reading). Throws when unreadable. */
export async function readPart(absPath: string, maxBytes = MAX_OPEN_FILE_BYTES): Promise<Uint8Array | 'tooLarge'> {
  const st = await fs.stat(absPath);
  if (st.size > maxBytes) return 'tooLarge';
  const buf = await fs.readFile(absPath);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

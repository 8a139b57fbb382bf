/**
 * Node-only: turns the paths given on the command line (a .shp, a folder, a .zip) into the
 * InputFile bytes that shared/ works on. shared/ never sees a path on disk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { InputFile } from '../../shared/formats/types';
// The same folder walk (symlinks never followed, depth and count limits) and size limit as the app's open dialog.
import { findShapefileParts, FOLDER_EXTENSIONS, readPart } from '../input-files';

export class InputPathError extends Error {
  constructor(
    readonly code: 'notFound' | 'unsupported' | 'tooLarge' | 'unreadable',
    readonly inputPath: string,
  ) {
    super(`${code}: ${inputPath}`);
  }
}

async function readOne(abs: string, rel: string): Promise<InputFile> {
  const bytes = await readPart(abs);
  if (bytes === 'tooLarge') throw new InputPathError('tooLarge', abs);
  return { path: rel, bytes };
}

/** The parts of the bundle a .shp belongs to: every sibling with the same base name and a wanted extension. */
async function siblings(shpPath: string): Promise<InputFile[]> {
  const dir = path.dirname(shpPath);
  const base = path.basename(shpPath, path.extname(shpPath)).toLowerCase();
  const out: InputFile[] = [];
  for (const name of (await fs.readdir(dir)).sort()) {
    const ext = path.extname(name).toLowerCase();
    if (ext !== '.zip' && FOLDER_EXTENSIONS.has(ext) && path.basename(name, path.extname(name)).toLowerCase() === base) {
      out.push(await readOne(path.join(dir, name), name));
    }
  }
  return out;
}

/** Reads one command-line path: a folder (walked), a .zip, or any part of a shapefile bundle. */
export async function readInputPath(p: string): Promise<InputFile[]> {
  const abs = path.resolve(p);
  let st;
  try {
    st = await fs.stat(abs);
  } catch {
    throw new InputPathError('notFound', p);
  }
  if (st.isDirectory()) {
    const { found, unreadable } = await findShapefileParts(abs);
    // A folder the command cannot fully read is an error here (the app's dialog lists it as skipped instead).
    if (unreadable.length > 0) throw new InputPathError('unreadable', path.join(p, unreadable[0] as string));
    const prefix = path.basename(abs);
    const out: InputFile[] = [];
    for (const c of found) out.push(await readOne(c.absPath, `${prefix}/${c.relPath}`)); // one at a time: bounded memory
    return out;
  }
  const ext = path.extname(abs).toLowerCase();
  if (ext === '.zip') return [await readOne(abs, path.basename(abs))];
  if (FOLDER_EXTENSIONS.has(ext)) return siblings(abs);
  throw new InputPathError('unsupported', p);
}

/**
 * Node-only: turns the paths given on the command line (a .shp, a folder, a .zip) into the
 * InputFile bytes that shared/ works on. shared/ never sees a path on disk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { InputFile } from '../../shared/formats/types';

/** Extensions that belong to a shapefile bundle or may contain one (case-insensitive). */
const WANTED = new Set(['.shp', '.shx', '.dbf', '.prj', '.cpg', '.zip']);
/** Refuse single files above this size before reading them (a county layer is far below it). */
export const MAX_INPUT_FILE_BYTES = 2 * 1024 ** 3 - 1;

export class InputPathError extends Error {
  constructor(
    readonly code: 'notFound' | 'unsupported' | 'tooLarge' | 'unreadable',
    readonly inputPath: string,
  ) {
    super(`${code}: ${inputPath}`);
  }
}

async function readOne(abs: string, rel: string): Promise<InputFile> {
  const st = await fs.stat(abs);
  if (st.size > MAX_INPUT_FILE_BYTES) throw new InputPathError('tooLarge', abs);
  const buf = await fs.readFile(abs);
  return { path: rel, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}

async function walk(dir: string, root: string, out: InputFile[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    // Never follow symlinks: a folder must not lead the reader outside what the user named.
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) await walk(abs, root, out);
    else if (e.isFile() && WANTED.has(path.extname(e.name).toLowerCase())) {
      out.push(await readOne(abs, path.relative(root, abs).split(path.sep).join('/')));
    }
  }
}

/** The parts of the bundle a .shp belongs to: every sibling with the same base name and a wanted extension. */
async function siblings(shpPath: string): Promise<InputFile[]> {
  const dir = path.dirname(shpPath);
  const base = path.basename(shpPath, path.extname(shpPath)).toLowerCase();
  const out: InputFile[] = [];
  for (const name of (await fs.readdir(dir)).sort()) {
    const ext = path.extname(name).toLowerCase();
    if (ext !== '.zip' && WANTED.has(ext) && path.basename(name, path.extname(name)).toLowerCase() === base) {
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
    const out: InputFile[] = [];
    await walk(abs, abs, out);
    const prefix = path.basename(abs);
    return out.map((f) => ({ ...f, path: `${prefix}/${f.path}` }));
  }
  const ext = path.extname(abs).toLowerCase();
  if (ext === '.zip') return [await readOne(abs, path.basename(abs))];
  if (WANTED.has(ext)) return siblings(abs);
  throw new InputPathError('unsupported', p);
}

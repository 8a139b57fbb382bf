/**
 * File system work behind openFiles/saveFile. Node only (no Electron), so it is tested on temp folders.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IMPORT_EXTENSIONS } from '../../shared/formats/bundle';
import type { OpenedFile, OpenFilesResult } from '../../shared/ipc/contract';

/** Node's readFile refuses files of 2 GiB and more (2^31 − 1 is its limit); such a part needs a streaming reader. */
export const MAX_OPEN_FILE_BYTES = 2 ** 31 - 1;
/** The parts of a shapefile bundle (and zipped bundles) picked up when walking a chosen folder. */
export const FOLDER_EXTENSIONS: ReadonlySet<string> = new Set(IMPORT_EXTENSIONS.map((e) => `.${e}`));
/** Someone choosing C:\ by mistake should get an answer, not a frozen window. */
export const WALK_LIMITS = { maxDepth: 16, maxFiles: 5000 } as const;

type Skipped = Extract<OpenFilesResult, { canceled: false }>['skipped'][number];
export interface ReadResult {
  files: OpenedFile[];
  skipped: Skipped[];
}

interface Candidate {
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

/**
 * Read what the user chose in the open dialog: chosen files by their bare name, chosen folders walked
 * for shapefile parts. Files over MAX_OPEN_FILE_BYTES and files that cannot be read are reported in
 * `skipped` instead of failing the whole import.
 */
export async function readChosenPaths(chosen: readonly string[], maxBytes = MAX_OPEN_FILE_BYTES): Promise<ReadResult> {
  const candidates: Candidate[] = [];
  const skipped: Skipped[] = [];
  for (const p of chosen) {
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p); // the user picked this path in the dialog: following it is what they asked
    } catch {
      skipped.push({ path: path.basename(p), reason: 'unreadable' });
      continue;
    }
    if (st.isDirectory()) {
      const { found, unreadable } = await findShapefileParts(p);
      candidates.push(...found);
      for (const u of unreadable) skipped.push({ path: u, reason: 'unreadable' });
    } else {
      candidates.push({ absPath: p, relPath: path.basename(p) });
    }
  }
  const files: OpenedFile[] = [];
  for (const c of candidates) {
    try {
      const st = await fs.stat(c.absPath);
      if (st.size > maxBytes) {
        skipped.push({ path: c.relPath, reason: 'tooLarge' });
        continue;
      }
      const buf = await fs.readFile(c.absPath);
      files.push({ path: c.relPath, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
    } catch {
      skipped.push({ path: c.relPath, reason: 'unreadable' });
    }
  }
  return { files, skipped };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Write `bytes` to `target` so that a crash or full disk never leaves a half-written file under the
 * user's name: write and fsync a temp file in the same folder (same volume, so rename is atomic), then
 * rename over the target. Windows may briefly lock the target (antivirus, Explorer preview): retry.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const fh = await fs.open(tmp, 'wx');
  try {
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(tmp, target);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw err;
        await sleep(50 * 2 ** attempt);
      }
    }
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

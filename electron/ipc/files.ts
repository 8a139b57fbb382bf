/**
 * File system work behind openFiles/saveFile. Node only (no Electron), so it is tested on temp folders.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenedFile, OpenFilesResult } from '../../shared/ipc/contract';
import { findShapefileParts, MAX_OPEN_FILE_BYTES, readPart, type Candidate } from '../input-files';

type Skipped = Extract<OpenFilesResult, { canceled: false }>['skipped'][number];
export interface ReadResult {
  files: OpenedFile[];
  skipped: Skipped[];
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
      const bytes = await readPart(c.absPath, maxBytes);
      if (bytes === 'tooLarge') skipped.push({ path: c.relPath, reason: 'tooLarge' });
      else files.push({ path: c.relPath, bytes });
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

/**
 * File system work behind openFiles/saveFile. Node only (no Electron), so it is tested on temp folders.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenFilesResult } from '../../shared/ipc/contract';
import { findShapefileParts, MAX_OPEN_FILE_BYTES, type Candidate } from '../input-files';

type Skipped = Extract<OpenFilesResult, { canceled: false }>['skipped'][number];
export interface ChosenPart extends Candidate {
  sizeBytes: number;
}
export interface ListResult {
  files: ChosenPart[];
  skipped: Skipped[];
}

/**
 * What the user chose in the open dialog, not yet read: chosen files by their bare name, chosen folders
 * walked for shapefile parts, each with its size. Files over `maxBytes` and paths that cannot be read are
 * reported in `skipped` instead of failing the whole import. Reported paths are relative, never absolute.
 */
export async function listChosenPaths(chosen: readonly string[], maxBytes = MAX_OPEN_FILE_BYTES): Promise<ListResult> {
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
  const files: ChosenPart[] = [];
  for (const c of candidates) {
    try {
      const st = await fs.stat(c.absPath);
      if (!st.isFile()) skipped.push({ path: c.relPath, reason: 'unreadable' });
      else if (st.size > maxBytes) skipped.push({ path: c.relPath, reason: 'tooLarge' });
      else files.push({ ...c, sizeBytes: st.size });
    } catch {
      skipped.push({ path: c.relPath, reason: 'unreadable' });
    }
  }
  return { files, skipped };
}

/**
 * Bytes [offsetBytes, offsetBytes + lengthBytes) of a chosen file, or 'changed' when its size is no longer
 * what the dialog reported (the renderer would otherwise assemble parts of two versions). Throws when the
 * file cannot be opened or read.
 */
export async function readChunk(
  absPath: string,
  expectedSizeBytes: number,
  offsetBytes: number,
  lengthBytes: number,
): Promise<Uint8Array | 'changed'> {
  const fh = await fs.open(absPath, 'r');
  try {
    const st = await fh.stat();
    if (st.size !== expectedSizeBytes) return 'changed';
    const length = Math.max(0, Math.min(lengthBytes, st.size - offsetBytes));
    const buf = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await fh.read(buf, done, length - done, offsetBytes + done);
      if (bytesRead === 0) return 'changed'; // shorter than its size said: truncated meanwhile
      done += bytesRead;
    }
    return buf;
  } finally {
    await fh.close();
  }
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

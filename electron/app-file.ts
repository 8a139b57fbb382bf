/**
 * From an app:// request URL to a file that may be served, for the Electron protocol handler (protocol.ts) and
 * the browser-mode server of `npm start` (static-server.ts). Node only, no Electron import.
 *
 * resolveAppPath (pure) refuses every spelling of traversal; this adds what only the file system can say: a
 * file is served only when its real path (symbolic links, junctions and 8.3 short names resolved by
 * fs.realpath) lies inside the real path of the renderer folder. A link inside dist/renderer that points at
 * C:\Users\… or /etc is answered 404, like a missing file, so a probe learns nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveAppPath, type AppPathRejection } from './app-path';

export type AppFileRefusal = AppPathRejection | 'not-found' | 'not-a-file' | 'symlink-escape';

export type AppFileResult =
  | { ok: true; /** The resolved real path: what to open. */ realPath: string; sizeBytes: number; mimeType: string }
  | { ok: false; status: 400 | 404; reason: AppFileRefusal };

/** True when `child` is `parent` or lies below it (both absolute, already real paths). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  // Another drive on Windows gives an absolute `rel`; '..' or '../x' leaves the folder; '..x' is a name.
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

export async function resolveAppFile(rootDir: string, requestUrl: string): Promise<AppFileResult> {
  const r = resolveAppPath(rootDir, requestUrl);
  if (!r.ok) return { ok: false, status: r.reason === 'wrong-host' ? 404 : 400, reason: r.reason };
  let realRoot: string;
  let realPath: string;
  try {
    // Both sides real: the renderer folder may itself sit behind a link (a junction to the install folder).
    realRoot = await fs.realpath(rootDir);
    realPath = await fs.realpath(r.filePath);
  } catch {
    return { ok: false, status: 404, reason: 'not-found' };
  }
  if (realPath === realRoot || !isInside(realRoot, realPath)) return { ok: false, status: 404, reason: 'symlink-escape' };
  let st: import('node:fs').Stats;
  try {
    st = await fs.stat(realPath);
  } catch {
    return { ok: false, status: 404, reason: 'not-found' };
  }
  if (!st.isFile()) return { ok: false, status: 404, reason: 'not-a-file' };
  return { ok: true, realPath, sizeBytes: st.size, mimeType: r.mimeType };
}

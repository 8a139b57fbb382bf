import { IMPORT_EXTENSIONS } from '../../../shared/formats/bundle';
import { ipcErrorCode } from '../../../shared/ipc/errors';
import { readInChunks } from '../../../shared/ipc/read-chunks';
import { electronApi } from '../../platform/platform';
import type { CollectedFile } from './import.logic';

/**
 * Electron's native open dialog (files and folders); null when cancelled, when the dialog is already open
 * (main refuses a second one as 'busy') or not in Electron. The reply names the files; their bytes come in
 * chunks of at most 16 MiB (shared/ipc/read-chunks.ts), never as one giant reply. A file that cannot be read
 * any more (moved, or changed since it was chosen) is skipped like main skips unreadable ones.
 */
export async function pickWithElectron(title: string): Promise<CollectedFile[] | null> {
  const api = electronApi();
  if (!api) return null;
  let r: Awaited<ReturnType<typeof api.openFiles>>;
  try {
    r = await api.openFiles({ title, filters: [{ name: 'Shapefile / zip', extensions: [...IMPORT_EXTENSIONS] }], allowFolders: true });
  } catch (err) {
    if (ipcErrorCode(err) === 'busy') return null;
    throw err;
  }
  if (r.canceled) return null;
  const files: CollectedFile[] = [];
  for (const f of r.files) {
    try {
      files.push({
        path: f.path,
        data: await readInChunks((offsetBytes, lengthBytes) => api.readChosenFile({ id: f.id, offsetBytes, lengthBytes }), f.sizeBytes),
      });
    } catch (err) {
      console.warn(`[import] skipped ${f.path}:`, err);
    }
  }
  return files;
}

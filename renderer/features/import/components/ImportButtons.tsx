import { useRef } from 'react';
import { IMPORT_EXTENSIONS } from '../../../../shared/formats/bundle';
import { ipcErrorCode } from '../../../../shared/ipc/errors';
import { readInChunks } from '../../../../shared/ipc/read-chunks';
import { useI18n } from '../../../i18n';
import { electronApi } from '../../../platform/platform';
import { fromFileList } from '../collect-files';
import type { CollectedFile } from '../import.logic';


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
      files.push({ path: f.path, data: await readInChunks((offsetBytes, lengthBytes) => api.readChosenFile({ id: f.id, offsetBytes, lengthBytes }), f.sizeBytes) });
    } catch (err) {
      console.warn(`[import] skipped ${f.path}:`, err);
    }
  }
  return files;
}

const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** 导入图层: Electron's native dialog when present, else a hidden file input (plus one for folders). */
export function ImportButtons({ onFiles, disabled }: { onFiles: (files: CollectedFile[]) => void; disabled: boolean }) {
  const { t } = useI18n();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const openNative = async () => {
    if (!electronApi()) return filesInput.current?.click();
    const files = await pickWithElectron(t('import.dialogTitle'));
    if (files) onFiles(files);
  };

  const take = (input: HTMLInputElement) => {
    const files = fromFileList(input.files);
    input.value = '';
    onFiles(files);
  };

  return (
    <>
      <button className="btn primary" data-testid="import-button" disabled={disabled} onClick={() => void openNative()}>
        <span className="btn-icon">＋</span>
        {t('toolbar.import')}
      </button>
      {!electronApi() && (
        <button className="btn" data-testid="import-folder-button" disabled={disabled} onClick={() => folderInput.current?.click()}>
          {t('toolbar.importFolder')}
        </button>
      )}
      <input ref={filesInput} type="file" multiple hidden data-testid="import-files-input" accept={ACCEPT} onChange={(e) => take(e.currentTarget)} />
      <input
        ref={(el) => {
          folderInput.current = el;
          // webkitdirectory is not in React's typings as a boolean attribute: set it on the element.
          if (el) el.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        onChange={(e) => take(e.currentTarget)}
      />
    </>
  );
}

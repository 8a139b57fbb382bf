import { useRef } from 'react';
import { IMPORT_EXTENSIONS } from '../../../../shared/formats/bundle';
import { useI18n } from '../../../i18n';
import { electronApi } from '../../../platform/platform';
import { fromFileList } from '../collect-files';
import type { CollectedFile } from '../import.logic';


/** Electron's native open dialog (files and folders); null when cancelled or not in Electron. */
export async function pickWithElectron(title: string): Promise<CollectedFile[] | null> {
  const api = electronApi();
  if (!api) return null;
  const r = await api.openFiles({ title, filters: [{ name: 'Shapefile / zip', extensions: [...IMPORT_EXTENSIONS] }], allowFolders: true });
  return r.canceled ? null : r.files.map((f) => ({ path: f.path, data: f.bytes }));
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

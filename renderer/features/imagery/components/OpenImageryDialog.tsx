/**
 * 打开影像: one command for every kind of imagery. A browser's file chooser picks files or a folder, never both, so
 * the command opens this small dialog with the two choices, what each takes, and where the files will be kept.
 */
import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { createStore, useStore } from '../../../ui/store';
import { COPY_LIMIT_BYTES, formatBytes } from '../imagery.logic';
import { pickImageryFiles, pickImageryFolder } from '../pickers';

export const openDialog = createStore<boolean>(false);

export function OpenImageryDialogHost() {
  const { t } = useI18n();
  const open = useStore(openDialog);
  if (!open) return null;
  const close = () => openDialog.set(false);
  return (
    <Dialog
      title={t('imagery.openTitle')}
      onClose={close}
      testId="imagery-open-dialog"
      footer={
        <button type="button" className="btn" onClick={close}>
          {t('common.cancel')}
        </button>
      }
    >
      <div className="imagery-open-choices">
        <button
          type="button"
          className="btn primary"
          data-testid="imagery-pick-files"
          onClick={() => {
            close();
            void pickImageryFiles();
          }}
        >
          {t('imagery.pickFiles')}
        </button>
        <p className="muted">{t('imagery.pickFilesHint')}</p>
        <button
          type="button"
          className="btn"
          data-testid="imagery-pick-folder"
          onClick={() => {
            close();
            pickImageryFolder();
          }}
        >
          {t('imagery.pickFolder')}
        </button>
        <p className="muted">{t('imagery.pickFolderHint')}</p>
      </div>
      <p className="panel-note">{t('imagery.keptHint', { limit: formatBytes(COPY_LIMIT_BYTES) })}</p>
      <p className="panel-note">{t('imagery.dropHint')}</p>
    </Dialog>
  );
}

import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { useStore } from '../../../ui/store';
import { confirmDiscard, formState, keepEditing } from '../patrol-form-state';

/** Asked before the open form's unsaved changes would go (关闭, 新建巡查 or 编辑 of another patrol). */
export function DiscardDialog() {
  const { t } = useI18n();
  const form = useStore(formState);
  if (!form?.discard) return null;
  return (
    <Dialog
      title={t('patrol.discard.title')}
      onClose={keepEditing}
      testId="patrol-discard-dialog"
      footer={
        <>
          <button type="button" className="btn primary" onClick={keepEditing}>
            {t('patrol.discard.keep')}
          </button>
          <button type="button" className="btn danger" data-testid="patrol-discard-confirm" onClick={confirmDiscard}>
            {t('patrol.discard.confirm')}
          </button>
        </>
      }
    >
      <p>{form.stored ? t('patrol.discard.bodyEdit', { number: form.stored.number }) : t('patrol.discard.bodyNew')}</p>
    </Dialog>
  );
}

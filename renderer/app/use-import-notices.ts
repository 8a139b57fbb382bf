import { useEffect } from 'react';
import type { ImportState } from '../features/import';
import { useI18n } from '../i18n';
import type { Notice } from '../ui/use-notices';

/** Import outcomes that are not a result dialog (failed worker, cancelled, nothing chosen) become notices. */
export function useImportNotices(state: ImportState, push: (kind: Notice['kind'], text: string) => void, dismiss: () => void): void {
  const { t } = useI18n();
  useEffect(() => {
    if (state.kind === 'error') push('error', t('import.failed', { message: state.message }));
    else if (state.kind === 'cancelled') push('info', t('import.cancelled'));
    else if (state.kind === 'empty') push('warning', t('import.noFiles'));
    else return;
    dismiss();
  }, [state, push, dismiss, t]);
}

import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { Dialog } from '../../../ui/Dialog';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { exchangeState, openDialog, setBusy } from '../exchange-state';

/**
 * The frame both export dialogs share: title, 取消 / 导出 (busy while the worker writes), and `run` wrapped so a
 * failure becomes a notice naming the reason and the dialog closes once the file is saved (`run` resolves true).
 */
export function ExportFrame({
  title,
  testId,
  canRun,
  run,
  children,
}: {
  title: string;
  testId: string;
  canRun: boolean;
  run: () => Promise<boolean>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { busy } = useStore(exchangeState);
  const close = () => openDialog(null);
  const onRun = async () => {
    setBusy(true);
    try {
      if (await run()) close();
    } catch (e) {
      wb.notices.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={close}
      testId={testId}
      footer={
        <>
          <button className="btn" onClick={close}>
            {t('exchange.cancel')}
          </button>
          <button className="btn primary" data-testid="exchange-export-run" disabled={busy || !canRun} onClick={() => void onRun()}>
            {busy ? t('exchange.working') : t('exchange.export')}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}

/**
 * The two imports, as steps the host runs: read the chosen file in the worker into a preview (nothing stored), then,
 * when the officer confirms, store what is new in ONE transaction (putGridAreas / importPatrols) and read the
 * stores again. A bad file, or a refusal of the write, is a sentence naming the file.
 */
import type { Translate } from '../../i18n';
import { importPatrols, planPatrolImport, putGridAreas } from '../../db';
import { errorText } from '../../platform/coded-error';
import type { NoticeService } from '../../ui/use-notices';
import { gridState, reloadGrid } from '../grid';
import { reloadPatrols } from '../patrol';
import { describeProblem } from './exchange.logic';
import { EXCHANGE_USER, exchangeWorker, openDialog, setBusy, type ExchangeDialog } from './exchange-state';

type Notices = Pick<NoticeService, 'push' | 'error'>;

async function guarded(notices: Notices, t: Translate, work: () => Promise<void>): Promise<void> {
  setBusy(true);
  try {
    await work();
  } catch (e) {
    notices.error(errorText(e, t));
  } finally {
    setBusy(false);
  }
}

export const readGridFile = (file: File, notices: Notices, t: Translate) =>
  guarded(notices, t, async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await exchangeWorker.request(
      'readGrid',
      { fileName: file.name, bytes, stored: [...gridState.get().areas], by: EXCHANGE_USER, at: Date.now() },
      { transfer: [bytes.buffer] },
    );
    if (!r.ok) return notices.error(describeProblem(t, file.name, r.problem));
    openDialog({ kind: 'gridPreview', file: file.name, office: r.office, plan: r.plan });
  });

export const readPatrolFile = (file: File, notices: Notices, t: Translate) =>
  guarded(notices, t, async () => {
    const r = await exchangeWorker.request('readPatrols', { text: await file.text() });
    if (!r.ok) return notices.error(describeProblem(t, file.name, { ...r, why: r.recordReason ?? '' }));
    const plan = await planPatrolImport(r.value.patrols);
    openDialog({ kind: 'patrolPreview', file: file.name, office: r.value.office, month: r.value.month, records: r.value.patrols, plan });
  });

/** Stores the preview's new records; the dialog closes on success and says the refusal otherwise. */
export const confirmImport = (d: Extract<ExchangeDialog, { kind: 'gridPreview' | 'patrolPreview' }>, notices: Notices, t: Translate) =>
  guarded(notices, t, async () => {
    if (d.kind === 'gridPreview') {
      const r = await putGridAreas(d.plan.added, { at: Date.now(), by: EXCHANGE_USER, change: 'imported', note: d.file });
      if (!r.ok) {
        const name = d.plan.added.find((a) => a.id === r.id)?.name ?? r.id ?? '';
        return notices.error(
          t('exchange.import.refused', {
            reason: describeProblem(t, d.file, { reason: 'badArea', name, index: d.plan.added.findIndex((a) => a.id === r.id) + 1, why: r.reason }),
          }),
        );
      }
      await reloadGrid();
      notices.push('info', t('exchange.import.doneGrid', { count: d.plan.added.length, file: d.file }));
    } else {
      const r = await importPatrols(d.records);
      if (!r.ok)
        return notices.error(t('exchange.import.refused', { reason: describeProblem(t, d.file, { reason: r.reason, detail: r.detail ?? '' }) }));
      await reloadPatrols();
      notices.push('info', t('exchange.import.donePatrols', { count: r.value.added.length, file: d.file }));
    }
    openDialog(null);
  });

import { useState } from 'react';
import { formatNumber, useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import { historyView } from '../history.logic';
import type { LedgerRow } from '../patrol.logic';
import { formState, ledgerState, openPatrol, patrolById, setDeleted } from '../patrol-form-state';
import { HistoryList } from './HistoryList';

/** One patrol of the ledger: number, 零报告/GCJ-02/已删除 marks, when, who, areas; selected: edit, history, delete. */
export function LedgerItem({ row, selected }: { row: LedgerRow; selected: boolean }) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const ctx = { wb, t, lang };
  const [history, setHistory] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const editing = useStore(formState)?.patrolId === row.id;
  const { areas } = useStore(gridState);
  const patrol = patrolById(row.id);
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? id;
  return (
    <li
      className={`patrol-row${selected ? ' selected' : ''}${row.deleted ? ' deleted' : ''}`}
      data-testid="patrol-row"
      data-number={row.number}
      data-deleted={row.deleted}
      aria-selected={selected}
      onClick={() => ledgerState.set((s) => ({ ...s, selectedId: selected ? null : row.id }))}
    >
      <div className="patrol-row-head">
        <strong className="patrol-number" data-testid="patrol-number">
          {row.number}
        </strong>
        {row.zeroReport && (
          <span className="patrol-badge zero" data-testid="patrol-zero" title={t('patrol.zeroReport.hint')}>
            {t('patrol.zeroReport')}
          </span>
        )}
        {row.gcj02 && <span className="patrol-badge gcj02">{t('patrol.gcj02.badge')}</span>}
        {row.deleted && <span className="patrol-badge deleted">{t('patrol.deletedBadge')}</span>}
      </div>
      <div className="muted">{row.when}</div>
      <div className="muted">
        {row.officers || t('patrol.noOfficers')} · {t('patrol.areaCount', { count: formatNumber(lang, row.areaCount) })}
      </div>
      {selected && patrol && (
        <div className="patrol-row-actions" onClick={(e) => e.stopPropagation()}>
          {!row.deleted && (
            <button type="button" className="btn small" data-testid="patrol-edit" disabled={editing} onClick={() => openPatrol(patrol, ctx)}>
              {t('patrol.edit')}
            </button>
          )}
          <button
            type="button"
            className="btn small"
            data-testid="patrol-history-toggle"
            aria-pressed={history}
            onClick={() => setHistory((h) => !h)}
          >
            {t('patrol.history')}
          </button>
          {row.deleted ? (
            <button type="button" className="btn small" data-testid="patrol-restore" onClick={() => void setDeleted(row.id, false, ctx)}>
              {t('patrol.restore')}
            </button>
          ) : (
            <button type="button" className="btn small danger" data-testid="patrol-delete" onClick={() => setConfirm(true)}>
              {t('patrol.delete')}
            </button>
          )}
        </div>
      )}
      {selected && history && patrol && (
        <div onClick={(e) => e.stopPropagation()}>
          <HistoryList entries={historyView(patrol.history, t, areaName)} />
        </div>
      )}
      {confirm && (
        <div onClick={(e) => e.stopPropagation()}>
          <Dialog
            title={t('patrol.delete.title')}
            onClose={() => setConfirm(false)}
            testId="patrol-delete-dialog"
            footer={
              <>
                <button type="button" className="btn" onClick={() => setConfirm(false)}>
                  {t('patrol.cancel')}
                </button>
                <button
                  type="button"
                  className="btn danger"
                  data-testid="patrol-delete-confirm"
                  onClick={() => {
                    setConfirm(false);
                    void setDeleted(row.id, true, ctx);
                  }}
                >
                  {t('patrol.delete')}
                </button>
              </>
            }
          >
            <p>{t('patrol.delete.body', { number: row.number })}</p>
          </Dialog>
        </div>
      )}
    </li>
  );
}

import { useMemo, useRef, useState } from 'react';
import { formatNumber, useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import { TRACK_ACCEPT } from '../drop.logic';
import { historyView } from '../history.logic';
import { isMonthKey, ledgerRows, monthFigures, monthKeyOf, shiftMonth, type LedgerRow, type MonthKey } from '../patrol.logic';
import { formState, importTrack, ledgerState, openNewPatrol, openPatrol, patrolById, setDeleted } from '../patrol-form-state';
import { patrolState } from '../patrol-state';
import { HistoryList } from './HistoryList';

/** 巡查: the month's patrols (the ledger), 新建巡查, 导入轨迹; a row's route on the map, its history, edit and delete. */
export function PatrolPanel() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const ctx = { wb, t, lang };
  const { patrols } = useStore(patrolState);
  const ledger = useStore(ledgerState);
  const month = (ledger.month && isMonthKey(ledger.month) ? ledger.month : monthKeyOf(Date.now())) as MonthKey;
  const rows = useMemo(() => ledgerRows(patrols, month), [patrols, month]);
  const figures = monthFigures(rows);
  const fileInput = useRef<HTMLInputElement>(null);
  const setMonth = (m: MonthKey) => ledgerState.set((s) => ({ ...s, month: m }));
  return (
    <section className="panel patrol-panel" data-testid="patrol-panel">
      <header className="panel-header">
        <h2>{t('patrol.title')}</h2>
        <span style={{ marginLeft: 'auto', display: 'flex', gap: 4 }}>
          <button type="button" className="btn small primary" data-testid="patrol-new" onClick={() => openNewPatrol(ctx)}>
            {t('patrol.new')}
          </button>
          <button type="button" className="btn small" data-testid="patrol-import" onClick={() => fileInput.current?.click()}>
            {t('patrol.importTrack')}
          </button>
        </span>
        <input
          ref={fileInput}
          type="file"
          accept={TRACK_ACCEPT}
          hidden
          data-testid="patrol-import-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importTrack({ name: f.name, data: f }, ctx);
          }}
        />
      </header>
      <div className="patrol-month">
        <button type="button" className="btn small" aria-label={t('patrol.month.previous')} onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹
        </button>
        <input
          type="month"
          className="field-input"
          aria-label={t('patrol.month')}
          data-testid="patrol-month"
          value={month}
          onChange={(e) => isMonthKey(e.target.value) && setMonth(e.target.value)}
        />
        <button type="button" className="btn small" aria-label={t('patrol.month.next')} onClick={() => setMonth(shiftMonth(month, 1))}>
          ›
        </button>
        <span className="muted" data-testid="patrol-month-figures">
          {t('patrol.month.figures', { patrols: formatNumber(lang, figures.patrols), zero: formatNumber(lang, figures.zeroReport) })}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="empty-note">{t('patrol.month.empty')}</p>
      ) : (
        <ul className="patrol-list" data-testid="patrol-list">
          {rows.map((r) => (
            <LedgerItem key={r.id} row={r} selected={r.id === ledger.selectedId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LedgerItem({ row, selected }: { row: LedgerRow; selected: boolean }) {
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

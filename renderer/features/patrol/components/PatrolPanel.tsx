import { useMemo, useRef } from 'react';
import { formatNumber, useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { TRACK_ACCEPT } from '../drop.logic';
import { isMonthKey, ledgerRows, monthFigures, monthKeyOf, shiftMonth, type MonthKey } from '../patrol.logic';
import { importTrack, ledgerState, openNewPatrol } from '../patrol-form-state';
import { patrolState } from '../patrol-state';
import { LedgerItem } from './LedgerItem';

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

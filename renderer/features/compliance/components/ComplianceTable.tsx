import { useMemo } from 'react';
import { formatNumber, useI18n, type MessageKey } from '../../../i18n';
import { Icon } from '../../../ui/Icon';
import { useStore } from '../../../ui/store';
import { useVirtualWindow, VirtualTable } from '../../../ui/VirtualTable';
import { columnTemplate } from '../../../ui/virtual-table.logic';
import { gridState } from '../../grid';
import { patrolState } from '../../patrol';
import { filterRows, nextSort, sortRows, STATUS_STYLE, type ComplianceRow, type SortKey } from '../compliance.logic';
import { complianceUi, setUi, useCompliance } from '../compliance-state';
import { ruleLabel } from '../rule-form.logic';
import { useShowArea } from '../use-show-area';
import { KIND_KEY, STATUS_KEY } from './status-text';

const COLUMNS: { key: SortKey; labelKey: MessageKey; px: number; num?: boolean }[] = [
  { key: 'name', labelKey: 'compliance.col.name', px: 150 },
  { key: 'kind', labelKey: 'compliance.col.level', px: 72 },
  { key: 'parentName', labelKey: 'compliance.col.parent', px: 110 },
  { key: 'rule', labelKey: 'compliance.col.rule', px: 200 },
  { key: 'required', labelKey: 'compliance.col.required', px: 64, num: true },
  { key: 'done', labelKey: 'compliance.col.done', px: 64, num: true },
  { key: 'status', labelKey: 'compliance.col.status', px: 110 },
  { key: 'lastPatrol', labelKey: 'compliance.col.last', px: 100 },
  { key: 'daysSince', labelKey: 'compliance.col.days', px: 76, num: true },
];
const ROW_PX = 24;

/** 考核表: one row per area and rule, sortable by every column, filtered to the panel's township. */
export function ComplianceTableHost() {
  const { tableOpen } = useStore(complianceUi);
  return tableOpen ? <ComplianceTable /> : null;
}

function ComplianceTable() {
  const { t, lang } = useI18n();
  const view = useCompliance();
  const { sort, townshipId } = useStore(complianceUi);
  const { rules } = useStore(patrolState);
  const { selectedId } = useStore(gridState);
  const show = useShowArea();
  const labels = useMemo(() => {
    const byId = new Map(rules.map((r) => [r.id as string, ruleLabel(r, t)]));
    return (id: string | null) => (id === null ? '' : (byId.get(id) ?? t('compliance.unknownRule', { id })));
  }, [rules, t]);
  const rows = useMemo(() => sortRows(filterRows(view.rows, townshipId), sort, labels), [view.rows, townshipId, sort, labels]);
  const vw = useVirtualWindow({ rowCount: rows.length, rowPx: ROW_PX });
  const gridCols = columnTemplate(COLUMNS.map((c) => c.px));
  const ruleText = (r: ComplianceRow) => (r.ruleId === null ? t('compliance.noRule') : labels(r.ruleId));
  return (
    <section className="attr-drawer" data-testid="compliance-table">
      <header className="drawer-header">
        <h2>{t('compliance.table.title', { from: view.period?.from ?? '—', to: view.period?.to ?? '—' })}</h2>
        <span className="muted" data-testid="compliance-table-count">
          {t('compliance.table.count', { n: formatNumber(lang, rows.length) })}
        </span>
        <span className="spacer" />
        <button className="icon-btn" title={t('compliance.close')} onClick={() => setUi({ tableOpen: false })}>
          <Icon name="close" />
        </button>
      </header>
      <VirtualTable<ComplianceRow>
        view={vw}
        columns={gridCols}
        header={COLUMNS.map((c) => (
          <button
            key={c.key}
            className={`vt-cell th${sort.key === c.key ? ' sorted' : ''}`}
            data-testid="compliance-th"
            data-key={c.key}
            onClick={() => setUi({ sort: nextSort(sort, c.key) })}
          >
            {t(c.labelKey)}
            {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
          </button>
        ))}
        rowKey={(pos) => rows[pos]?.key ?? pos}
        rowAt={(pos) => rows[pos]}
        cells={(r) => (
          <>
            <div className="vt-cell" data-col="name">
              {r.name}
            </div>
            <div className="vt-cell muted">{t(KIND_KEY[r.kind])}</div>
            <div className="vt-cell muted">{r.parentName ?? '—'}</div>
            <div className="vt-cell" title={ruleText(r)}>
              {ruleText(r)}
            </div>
            <div className="vt-cell num">{r.required === null ? '—' : formatNumber(lang, r.required)}</div>
            <div className="vt-cell num">{r.done === null ? '—' : formatNumber(lang, r.done)}</div>
            <div
              className="vt-cell"
              data-col="status"
              style={{ color: r.status ? STATUS_STYLE[r.status].line : undefined, fontWeight: r.status === 'overdue' ? 600 : undefined }}
            >
              {t(STATUS_KEY[r.status ?? 'none'])}
              {r.windows > 1 && <span className="muted"> {t('compliance.windowsMet', { met: r.windowsMet, n: r.windows })}</span>}
            </div>
            <div className="vt-cell">{r.lastPatrol ?? t('compliance.never')}</div>
            <div className="vt-cell num">{r.daysSince === null ? '—' : formatNumber(lang, r.daysSince)}</div>
          </>
        )}
        isSelected={(r) => r.areaId === selectedId}
        onRowClick={(r) => show(r.areaId)}
        rowAttributes={(r) => ({ 'data-area-id': r.areaId, 'data-status': r.status ?? 'none' })}
        rowTestId="compliance-row"
        bodyTestId="compliance-body"
      />
    </section>
  );
}

import type { MessageKey } from '../../../i18n';
import { formatNumber, useI18n } from '../../../i18n';
import { Icon } from '../../../ui/Icon';
import { useStore } from '../../../ui/store';
import { useVirtualWindow, VirtualTable } from '../../../ui/VirtualTable';
import { columnTemplate } from '../../../ui/virtual-table.logic';
import { useWorkbench } from '../../../ui/workbench';
import { openInspection, openInspectionState } from '../../inspection';
import { nextSort, STATUS_STYLE, type ListRow, type SortKey } from '../inspection-list.logic';
import { LIST_PANEL_ID } from '../inspection-list-ids';
import { listUi, setListUi, useInspectionList, useRowAt } from '../inspection-list-state';
import { CONCLUSION_KEY, STATUS_KEY } from '../text-keys';

const COLUMNS: { key: SortKey; labelKey: MessageKey; px: number; num?: boolean }[] = [
  { key: 'number', labelKey: 'inspectionList.col.number', px: 130 },
  { key: 'taskNo', labelKey: 'inspectionList.col.taskNo', px: 100 },
  { key: 'township', labelKey: 'inspectionList.col.township', px: 80 },
  { key: 'village', labelKey: 'inspectionList.col.village', px: 80 },
  { key: 'day', labelKey: 'inspectionList.col.day', px: 90 },
  { key: 'conclusion', labelKey: 'inspectionList.col.conclusion', px: 72 },
  { key: 'status', labelKey: 'inspectionList.col.status', px: 64 },
  { key: 'photoCount', labelKey: 'inspectionList.col.photoCount', px: 64, num: true },
  { key: 'submitted', labelKey: 'inspectionList.col.submitted', px: 64 },
];
const ROW_PX = 24;

/** The list drawer under the map while the 核查 tab is open (and the list is on). */
export function InspectionListTableHost() {
  const wb = useWorkbench();
  const open = useStore(wb.dock).left === LIST_PANEL_ID;
  const { tableOpen } = useStore(listUi);
  return open && tableOpen ? <InspectionListTable /> : null;
}

/** 核查记录: the filtered records, sortable by every column; a row opens its record and fits the map to its plot. */
function InspectionListTable() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const view = useInspectionList();
  const { sort } = useStore(listUi);
  const openId = useStore(openInspectionState)?.id ?? null;
  const count = view.result?.count ?? 0;
  const vw = useVirtualWindow({ rowCount: count, rowPx: ROW_PX });
  const rowAt = useRowAt(view.result, vw.range.start, vw.range.end);
  const show = (r: ListRow) => {
    void openInspection(r.id);
    wb.showPanel('inspection');
    const bbox = r.bbox;
    if (bbox) wb.map.whenReady((m) => m.fit(bbox, { maxZoom: 17 }));
  };
  return (
    <section
      className="attr-drawer"
      data-testid="inspection-list-table"
      data-pending={view.pending ? 'true' : 'false'}
      data-read-ms={view.result ? view.result.readMs.toFixed(1) : ''}
      data-query-ms={view.result ? view.result.queryMs.toFixed(1) : ''}
    >
      <header className="drawer-header">
        <h2>{t('inspectionList.title')}</h2>
        <span className="muted" data-testid="inspection-list-table-count">
          {view.result
            ? t('inspectionList.total', { total: formatNumber(lang, view.result.total), n: formatNumber(lang, count) })
            : t('inspectionList.loading')}
        </span>
        <span className="spacer" />
        <button className="icon-btn" title={t('inspectionList.close')} onClick={() => setListUi({ tableOpen: false })}>
          <Icon name="close" />
        </button>
      </header>
      {view.result && count === 0 && (
        <p className="muted" style={{ padding: '8px 10px' }} data-testid="inspection-list-none">
          {view.result.total === 0 ? t('inspectionList.empty') : t('inspectionList.noMatch')}
        </p>
      )}
      <VirtualTable<ListRow>
        view={vw}
        columns={columnTemplate(COLUMNS.map((c) => c.px))}
        header={COLUMNS.map((c) => (
          <button
            key={c.key}
            className={`vt-cell th${sort?.key === c.key ? ' sorted' : ''}`}
            data-testid="inspection-list-th"
            data-key={c.key}
            onClick={() => setListUi({ sort: nextSort(sort, c.key) })}
          >
            {t(c.labelKey)}
            {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
          </button>
        ))}
        rowKey={(pos) => rowAt(pos)?.id ?? pos}
        rowAt={rowAt}
        cells={(r) => (
          <>
            <div className="vt-cell" data-col="number" title={r.number}>
              {r.number}
            </div>
            <div className="vt-cell" data-col="taskNo">
              {r.taskNo}
            </div>
            <div className="vt-cell" data-col="township">
              {r.township}
            </div>
            <div className="vt-cell" data-col="village">
              {r.village}
            </div>
            <div className="vt-cell" data-col="day">
              {r.day}
            </div>
            <div className="vt-cell" data-col="conclusion">
              {t(CONCLUSION_KEY[r.conclusion ?? 'none'])}
            </div>
            <div className="vt-cell" data-col="status" style={{ color: STATUS_STYLE[r.status].line, fontWeight: 600 }}>
              {t(STATUS_KEY[r.status])}
            </div>
            <div className="vt-cell num" data-col="photoCount">
              {formatNumber(lang, r.photoCount)}
            </div>
            <div className="vt-cell" data-col="submitted">
              {r.submitted ? t('inspectionList.yes') : t('inspectionList.no')}
            </div>
          </>
        )}
        isSelected={(r) => r.id === openId}
        onRowClick={show}
        rowAttributes={(r) => ({ 'data-id': r.id, 'data-status': r.status })}
        rowTestId="inspection-list-row"
        bodyTestId="inspection-list-body"
      />
    </section>
  );
}

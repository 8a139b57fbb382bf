import { Icon } from '../../../ui/Icon';
import { useVirtualWindow, VirtualTable } from '../../../ui/VirtualTable';
import { columnTemplate } from '../../../ui/virtual-table.logic';
import type { LayerRecord } from '../../../db';
import { formatNumber, useI18n, type MessageKey } from '../../../i18n';
import { cellText, nextSort, type ColumnKey, type RowData } from '../attributes.logic';
import { useAttributeRows, useAttributes } from '../use-attributes';
import type { Bbox } from '../../../../shared/domain/geometry/bbox';

/** Row height, the fid column and every other column, in px. */
const ROW_PX = 24;
const FID_PX = 64;
const CELL_PX = 128;
const AREA_LABEL: Record<'ellipsoidalM2' | 'planarM2' | 'mu', MessageKey> = {
  ellipsoidalM2: 'attr.ellipsoidalM2',
  planarM2: 'attr.planarM2',
  mu: 'attr.mu',
};

/**
 * Virtualised: only the rows in view (plus overscan) are in the DOM, so 50,000 rows scroll smoothly; the store,
 * its search and its sort stay in the attributes worker, which sends the row order and the cells in view.
 */
export function AttributeTable({
  layer,
  selectedFid,
  onSelect,
  onClose,
}: {
  layer: LayerRecord;
  selectedFid: number | null;
  onSelect: (fid: number, bbox: Bbox | null) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { loading, unreadable, failed, retry, attempt, storeKey, data, query, setQuery, sort, setSort } = useAttributes(layer);
  const order = data?.order ?? null;
  const total = order?.length ?? 0;
  // The rows in view (plus overscan); their cells are fetched from the worker with a margin around them.
  const view = useVirtualWindow({ rowCount: total, rowPx: ROW_PX });
  const { rowAt, failed: rowsFailed } = useAttributeRows(storeKey, order, view.range.start, view.range.end, attempt);
  const columns = data?.columns ?? [];
  const header = (c: ColumnKey) => (c.kind === 'field' ? (data?.fields[c.index] ?? '') : t(AREA_LABEL[c.which]));
  // Fixed widths: the header and the virtual rows are separate grids and must line up exactly.
  const gridCols = columnTemplate([FID_PX, ...columns.map(() => CELL_PX)]);
  const yesNo: [string, string] = [t('common.yes'), t('common.no')];
  const storeRow = (pos: number) => order?.[pos] ?? -1;

  return (
    <section className="attr-drawer" data-testid="attribute-table">
      <header className="drawer-header">
        <h2>{t('attr.title', { name: layer.name })}</h2>
        <input
          className="search"
          type="search"
          placeholder={t('attr.search')}
          value={query}
          data-testid="attr-search"
          onChange={(e) => setQuery(e.target.value)}
        />
        {data && (
          <span className="muted" data-testid="attr-count">
            {t('attr.count', { shown: formatNumber(lang, total), total: formatNumber(lang, data.size) })}
          </span>
        )}
        <span className="spacer" />
        <button className="icon-btn" title={t('attr.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {loading ? (
        <p className="empty-note">{t('attr.loading')}</p>
      ) : failed || rowsFailed === 'failed' ? (
        <p className="msg error" data-testid="attr-failed">
          {t('attr.failed')}{' '}
          <button className="btn small" data-testid="attr-retry" onClick={retry}>
            {t('attr.retry')}
          </button>
        </p>
      ) : unreadable || rowsFailed === 'unreadable' ? (
        <p className="msg error" data-testid="attr-unreadable">
          {t('attr.unreadable')}
        </p>
      ) : (
        <VirtualTable<RowData>
          view={view}
          columns={gridCols}
          header={
            <>
              <div className="vt-cell num">#</div>
              {columns.map((c, i) => (
                <button
                  key={i}
                  className={`vt-cell th${sort?.column === i ? ' sorted' : ''}`}
                  onClick={() => setSort(nextSort(sort, i))}
                  data-testid="attr-th"
                >
                  {header(c)}
                  {sort?.column === i ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ))}
            </>
          }
          rowKey={storeRow}
          rowAt={(pos) => rowAt(storeRow(pos))}
          cells={(d) => (
            <>
              <div className="vt-cell num muted">{d.fid}</div>
              {columns.map((c, i) => {
                const v = d.cells[i] ?? null;
                return (
                  <div key={i} className={`vt-cell${typeof v === 'number' ? ' num' : ''}`}>
                    {cellText(v, c, yesNo)}
                  </div>
                );
              })}
            </>
          )}
          isSelected={(d) => d.fid === selectedFid}
          onRowClick={(d) => onSelect(d.fid, d.bbox)}
          rowAttributes={(d) => ({ 'data-fid': d.fid })}
          rowTestId="attr-row"
          bodyTestId="attr-body"
        />
      )}
    </section>
  );
}

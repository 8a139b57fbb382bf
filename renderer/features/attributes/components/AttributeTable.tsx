import { useState } from 'react';
import { Icon } from '../../../ui/Icon';
import type { LayerRecord } from '../../../db';
import { formatNumber, useI18n, type MessageKey } from '../../../i18n';
import { cellText, nextSort, windowOf, type ColumnKey } from '../attributes.logic';
import { useAttributeRows, useAttributes } from '../use-attributes';
import type { Bbox } from '../../../../shared/domain/geometry/bbox';

const ROW_PX = 24;
const AREA_LABEL: Record<'ellipsoidalM2' | 'planarM2' | 'mu', MessageKey> = { ellipsoidalM2: 'attr.ellipsoidalM2', planarM2: 'attr.planarM2', mu: 'attr.mu' };

/**
 * Virtualised: only the rows in view (plus overscan) are in the DOM, so 50,000 rows scroll smoothly; the store,
 * its search and its sort stay in the attributes worker, which sends the row order and the cells in view.
 */
export function AttributeTable({ layer, selectedFid, onSelect, onClose }: { layer: LayerRecord; selectedFid: number | null; onSelect: (fid: number, bbox: Bbox | null) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { loading, unreadable, failed, retry, attempt, storeKey, data, query, setQuery, sort, setSort } = useAttributes(layer);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(240);
  const order = data?.order ?? null;
  const total = order?.length ?? 0;
  const { start, end } = windowOf(scrollTop, viewport, ROW_PX, total);
  const { rowAt, failed: rowsFailed } = useAttributeRows(storeKey, order, start, end, attempt);
  const columns = data?.columns ?? [];
  const header = (c: ColumnKey) => (c.kind === 'field' ? data?.fields[c.index] ?? '' : t(AREA_LABEL[c.which]));
  // Fixed widths: the header and the virtual rows are separate grids and must line up exactly.
  const gridCols = `64px repeat(${columns.length}, 128px)`;

  const yesNo: [string, string] = [t('common.yes'), t('common.no')];
  const rows = [];
  for (let pos = start; pos < end && order; pos++) {
    const r = order[pos]!;
    const d = rowAt(r);
    rows.push(
      d ? (
        <div key={r} className={`vt-row${d.fid === selectedFid ? ' selected' : ''}`} style={{ top: pos * ROW_PX }} data-testid="attr-row" data-fid={d.fid} onClick={() => onSelect(d.fid, d.bbox)}>
          <div className="vt-cell num muted">{d.fid}</div>
          {columns.map((c, i) => {
            const v = d.cells[i] ?? null;
            return <div key={i} className={`vt-cell${typeof v === 'number' ? ' num' : ''}`}>{cellText(v, c, yesNo)}</div>;
          })}
        </div>
      ) : (
        <div key={r} className="vt-row pending" style={{ top: pos * ROW_PX }} />
      ),
    );
  }

  return (
    <section className="attr-drawer" data-testid="attribute-table">
      <header className="drawer-header">
        <h2>{t('attr.title', { name: layer.name })}</h2>
        <input className="search" type="search" placeholder={t('attr.search')} value={query} data-testid="attr-search" onChange={(e) => setQuery(e.target.value)} />
        {data && <span className="muted" data-testid="attr-count">{t('attr.count', { shown: formatNumber(lang, total), total: formatNumber(lang, data.size) })}</span>}
        <span className="spacer" />
        <button className="icon-btn" title={t('attr.close')} onClick={onClose}><Icon name="close" /></button>
      </header>
      {loading ? (
        <p className="empty-note">{t('attr.loading')}</p>
      ) : failed || rowsFailed === 'failed' ? (
        <p className="msg error" data-testid="attr-failed">
          {t('attr.failed')} <button className="btn small" data-testid="attr-retry" onClick={retry}>{t('attr.retry')}</button>
        </p>
      ) : unreadable || rowsFailed === 'unreadable' ? (
        <p className="msg error" data-testid="attr-unreadable">{t('attr.unreadable')}</p>
      ) : (
        <div className="vt" style={{ ['--cols' as string]: gridCols }}>
          <div className="vt-head">
            <div className="vt-cell num">#</div>
            {columns.map((c, i) => (
              <button key={i} className={`vt-cell th${sort?.column === i ? ' sorted' : ''}`} onClick={() => setSort(nextSort(sort, i))} data-testid="attr-th">
                {header(c)}
                {sort?.column === i ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            ))}
          </div>
          <div
            className="vt-body"
            data-testid="attr-body"
            ref={(el) => {
              if (el && el.clientHeight !== viewport && el.clientHeight > 0) setViewport(el.clientHeight);
            }}
            onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          >
            <div style={{ height: total * ROW_PX, position: 'relative' }}>{rows}</div>
          </div>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import { Icon } from '../../../app/Icon';
import type { LayerRecord } from '../../../db';
import { formatNumber, useI18n, type MessageKey } from '../../../i18n';
import { cellText, cellValue, nextSort, windowOf, type ColumnKey } from '../attributes.logic';
import { useAttributes } from '../use-attributes';

const ROW_PX = 24;
const AREA_LABEL: Record<'ellipsoidalM2' | 'planarM2' | 'mu', MessageKey> = { ellipsoidalM2: 'attr.ellipsoidalM2', planarM2: 'attr.planarM2', mu: 'attr.mu' };

/** Virtualised: only the rows in view (plus overscan) are in the DOM, so 50,000 rows scroll smoothly. */
export function AttributeTable({ layer, selectedFid, onSelect, onClose }: { layer: LayerRecord; selectedFid: number | null; onSelect: (fid: number, bbox: [number, number, number, number] | null) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { loading, store, columns, rows, query, setQuery, sort, setSort } = useAttributes(layer);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(240);
  const { start, end } = windowOf(scrollTop, viewport, ROW_PX, rows.length);
  const header = (c: ColumnKey) => (c.kind === 'field' ? store?.fields[c.index] ?? '' : t(AREA_LABEL[c.which]));
  // Fixed widths: the header and the virtual rows are separate grids and must line up exactly.
  const gridCols = `64px repeat(${columns.length}, 128px)`;

  return (
    <section className="attr-drawer" data-testid="attribute-table">
      <header className="drawer-header">
        <h2>{t('attr.title', { name: layer.name })}</h2>
        <input className="search" type="search" placeholder={t('attr.search')} value={query} data-testid="attr-search" onChange={(e) => setQuery(e.target.value)} />
        <span className="muted" data-testid="attr-count">{t('attr.count', { shown: formatNumber(lang, rows.length), total: formatNumber(lang, store?.size ?? 0) })}</span>
        <span className="spacer" />
        <button className="icon-btn" title={t('attr.close')} onClick={onClose}><Icon name="close" /></button>
      </header>
      {loading ? (
        <p className="empty-note">{t('attr.loading')}</p>
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
            <div style={{ height: rows.length * ROW_PX, position: 'relative' }}>
              {store && rows.slice(start, end).map((r, k) => {
                const fid = store.fid(r);
                return (
                  <div key={r} className={`vt-row${fid === selectedFid ? ' selected' : ''}`} style={{ top: (start + k) * ROW_PX }} data-testid="attr-row" data-fid={fid} onClick={() => onSelect(fid, store.bbox(r))}>
                    <div className="vt-cell num muted">{fid}</div>
                    {columns.map((c, i) => {
                      const v = cellValue(store, r, c);
                      return <div key={i} className={`vt-cell${typeof v === 'number' ? ' num' : ''}`}>{cellText(v, c)}</div>;
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

import type { LegendGroup } from '../../../../shared/domain/layers/legend';
import { formatNumber, useI18n } from '../../../i18n';
import { LegendSwatch } from '../../../ui/LegendSwatch';

/** 图例: one block per visible layer, top of the map first, each category with its swatch, code and name. */
export function LegendPanel({ groups }: { groups: readonly LegendGroup[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel legend-panel" data-testid="legend-panel">
      <header className="panel-header">
        <h2>{t('legend.title')}</h2>
      </header>
      {groups.length === 0 ? (
        <p className="empty-note">{t('legend.empty')}</p>
      ) : (
        <div className="legend-body">
          {groups.map((g) => (
            <div key={g.layerId} className="legend-group" data-testid="legend-group" data-layer-id={g.layerId}>
              <h3 className="legend-title">
                {g.title}
                <span className="muted">{t(`kind.${g.kind}`)}</span>
              </h3>
              <ul className="legend-items">
                {g.items.map((it, i) => (
                  <li key={`${it.code ?? ''}|${it.label}|${i}`} className="legend-item" data-testid="legend-item">
                    <LegendSwatch symbol={it.symbol} />
                    {it.code !== undefined && <span className="legend-code">{it.code}</span>}
                    <span className="legend-label">{it.label}</span>
                    {it.count !== undefined && <span className="legend-count muted">{formatNumber(lang, it.count)}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

import type { LayerRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import { ImageryLayerSection } from '../../imagery';
import { sortTopToBottom } from '../layers.logic';
import { LayerItem, type LayerItemActions } from './LayerItem';

export function LayerPanel({ layers, actions, busy }: { layers: LayerRecord[]; actions: LayerItemActions; busy: string | null }) {
  const { t } = useI18n();
  const list = sortTopToBottom(layers);
  return (
    <section className="panel layer-panel" data-testid="layer-panel">
      <header className="panel-header">
        <h2>{t('layers.title')}</h2>
        <span className="muted">{list.length}</span>
      </header>
      {busy && <div className="panel-note">{busy}</div>}
      {list.length === 0 && !busy ? (
        <p className="empty-note">{t('layers.empty')}</p>
      ) : (
        <ul className="layer-list">
          {list.map((l, i) => (
            <LayerItem key={l.id} layer={l} isTop={i === 0} isBottom={i === list.length - 1} actions={actions} />
          ))}
        </ul>
      )}
      <ImageryLayerSection />
    </section>
  );
}

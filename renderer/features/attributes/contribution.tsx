/** The attribute table: a 属性表 action on each layer row, the table docked under the map. */
import type { FeatureContribution } from '../../ui/contributions';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { createStore, useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { useI18n } from '../../i18n';
import { useLayerList } from '../layers';
import { AttributeTable } from './components/AttributeTable';

/** The layer whose table is open. */
const tableOf = createStore<string | null>(null);

function AttributeTableHost() {
  const { lang } = useI18n();
  const wb = useWorkbench();
  const id = useStore(tableOf);
  const selection = useStore(wb.selection);
  const { layers } = useLayerList();
  // A removed layer's table closes (its id no longer resolves).
  const layer = layers.find((l) => l.id === id) ?? null;
  if (!layer) return null;
  return (
    <ErrorBoundary lang={lang}>
      <AttributeTable
        layer={layer}
        selectedFid={selection?.layerId === layer.id ? selection.fid : null}
        onSelect={(fid, bbox) => {
          wb.selection.set({ layerId: layer.id, fid });
          if (bbox) wb.map.current()?.fit(bbox, { maxZoom: 18 });
        }}
        onClose={() => tableOf.set(null)}
      />
    </ErrorBoundary>
  );
}

export const attributesFeature: FeatureContribution = {
  id: 'attributes',
  layerActions: [
    {
      id: 'attributes.openTable',
      labelKey: 'layers.attributes',
      icon: 'table',
      order: 0,
      testId: 'layer-table',
      perform: (_ctx, layerId) => tableOf.set(layerId),
    },
  ],
  hosts: [{ slot: 'map', component: AttributeTableHost }],
};

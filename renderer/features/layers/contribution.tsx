/** The layers feature's contribution: the layer list as a service, the 图层 panel, the properties dialog, the stored layers on the map. */
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import type { FeatureContribution } from '../../ui/contributions';
import { createStore, useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { LayerPanel } from './components/LayerPanel';
import { LayerPropertiesDialog } from './components/LayerPropertiesDialog';
import type { LayerItemActions } from './components/LayerItem';
import { bootLayers, fitLayersOn, LayersProvider, useLayerList, useStoredMapLayers } from './layers-context';
import { takeStartupLayers } from './use-layers';

/** The layer whose properties dialog is open. */
const propertiesOf = createStore<string | null>(null);

function LayersPanelHost() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const api = useLayerList();
  const actions: LayerItemActions = {
    ...api,
    zoomTo: (id) =>
      wb.map.whenReady((m) =>
        fitLayersOn(
          m,
          api.layers.filter((l) => l.id === id),
        ),
      ),
    openProperties: (id) => propertiesOf.set(id),
    contributed: wb.layerActions.map((a) => ({ ...a, run: (layerId: string) => wb.attempt(a.labelKey, () => a.perform(wb.context(), layerId)) })),
  };
  return <LayerPanel layers={api.layers} actions={actions} busy={api.sampleBusy ? t('layers.sampleLoading') : null} />;
}

function LayerPropertiesHost() {
  const id = useStore(propertiesOf);
  const { layers, reload } = useLayerList();
  const layer = layers.find((l) => l.id === id) ?? null;
  if (!layer) return null;
  return <LayerPropertiesDialog layer={layer} onClose={() => propertiesOf.set(null)} onChanged={() => void reload()} />;
}

/** No saved view (first start, or the setting was lost): show all layers once they are listed. */
function FitOnFirstStart() {
  const wb = useWorkbench();
  const { loaded, layers } = useLayerList();
  const done = useRef(false);
  useEffect(() => {
    if (wb.boot.savedView || done.current || !loaded || layers.length === 0) return;
    done.current = true;
    wb.map.whenReady((m) => fitLayersOn(m, layers, false));
  }, [wb, loaded, layers]);
  return null;
}

export const layersFeature: FeatureContribution = {
  id: 'layers',
  boot: () => bootLayers(takeStartupLayers),
  Provider: LayersProvider,
  panels: [{ id: 'layers', titleKey: 'dock.layers', dock: 'left', order: 0, component: LayersPanelHost }],
  hosts: [
    { slot: 'app', component: LayerPropertiesHost },
    { slot: 'app', component: FitOnFirstStart },
  ],
  useMapLayers: useStoredMapLayers,
};

/** 图例: a dock panel showing the visible layers' symbols, in the map's order, as the evidence map will print them. */
import { useMemo } from 'react';
import { legendOf } from '../../../shared/domain/layers/legend';
import { useI18n } from '../../i18n';
import type { FeatureContribution } from '../../ui/contributions';
import { sortTopToBottom, useLayerList } from '../layers';
import { LegendPanel } from './components/LegendPanel';
import { usePresentValues } from './use-present-values';

function LegendPanelHost() {
  const { t } = useI18n();
  const { layers } = useLayerList();
  const present = usePresentValues(layers);
  const groups = useMemo(
    () =>
      legendOf(
        sortTopToBottom(layers).map((l) => ({
          id: l.id,
          name: l.name,
          kind: l.kind,
          visible: l.visible,
          opacity: l.opacity,
          style: l.style,
          geometryKind: l.meta.geometryKind,
        })),
        { other: t('legend.other') },
        present,
      ),
    [layers, t, present],
  );
  return <LegendPanel groups={groups} />;
}

export const legendFeature: FeatureContribution = {
  id: 'legend',
  panels: [{ id: 'legend', titleKey: 'dock.legend', dock: 'left', order: 1, component: LegendPanelHost }],
};

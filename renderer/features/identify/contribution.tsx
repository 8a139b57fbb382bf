/** The identify feature's contribution: the 属性 inspector in the right dock, bound to the shell's selection. */
import { useEffect } from 'react';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { useLayerList } from '../layers';
import { IdentifyPanel } from './components/IdentifyPanel';
import { useIdentify } from './use-identify';

function IdentifyPanelHost() {
  const wb = useWorkbench();
  const selection = useStore(wb.selection);
  const { layers, loaded } = useLayerList();
  // A removed layer takes its selection with it (the highlight and the inspector clear).
  useEffect(() => {
    if (loaded && selection && !layers.some((l) => l.id === selection.layerId)) wb.selection.set(null);
  }, [wb, loaded, layers, selection]);
  const result = useIdentify(selection, layers);
  return <IdentifyPanel result={result} />;
}

export const identifyFeature: FeatureContribution = {
  id: 'identify',
  panels: [{ id: 'identify', titleKey: 'identify.title', dock: 'right', order: 0, component: IdentifyPanelHost }],
  mapContextMenu: [
    {
      id: 'identify.here',
      labelKey: 'identify.here',
      order: 0,
      testId: 'ctx-identify',
      when: ({ hit }) => hit !== null,
      perform: ({ workbench }, { hit }) => {
        workbench.selection.set(hit);
        workbench.showPanel('identify');
      },
    },
  ],
};

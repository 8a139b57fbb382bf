/** 叠加分析: a toolbar and 工具 menu command that opens the overlay dialog over the stored layers. */
import type { FeatureContribution } from '../../ui/contributions';
import { createStore, useStore } from '../../ui/store';
import { useLayerList } from '../layers';
import { OverlayDialog } from './components/OverlayDialog';

const open = createStore(false);

function OverlayHost() {
  const isOpen = useStore(open);
  const { layers } = useLayerList();
  return isOpen ? <OverlayDialog layers={layers} onClose={() => open.set(false)} /> : null;
}

export const overlayFeature: FeatureContribution = {
  id: 'overlay',
  commands: [
    {
      id: 'overlay.open',
      labelKey: 'toolbar.overlay',
      menuLabelKey: 'menu.overlay',
      icon: 'overlay',
      menu: { menu: 'tools', group: 0, order: 0 },
      toolbar: { group: 1, order: 0 },
      testId: 'overlay-button',
      perform: () => open.set(true),
    },
  ],
  hosts: [{ slot: 'app', component: OverlayHost }],
};

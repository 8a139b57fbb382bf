/**
 * 测量: two tool commands (测距 M, 测面积 Shift+M) in the toolbar and the 工具 menu, and the floating card with the live
 * figures. Each command toggles its tool; Escape ends it (the map's ToolHost); while measuring, map clicks place
 * vertices and never identify.
 */
import type { FeatureContribution } from '../../ui/contributions';
import { MeasureCard } from './components/MeasureCard';
import { MODE_KEY, toggleMeasure } from './measure-session';

export const measureFeature: FeatureContribution = {
  id: 'measure',
  commands: [
    {
      id: 'measure.length',
      labelKey: 'measure.length',
      shortcut: 'M',
      menu: { menu: 'tools', group: 1, order: 0 },
      toolbar: { group: 2, order: 0 },
      testId: 'measure-length-button',
      checked: (keys) => keys[MODE_KEY] === 'length',
      perform: ({ workbench }) => toggleMeasure('length', workbench),
    },
    {
      id: 'measure.area',
      labelKey: 'measure.area',
      shortcut: 'Shift+M',
      menu: { menu: 'tools', group: 1, order: 1 },
      toolbar: { group: 2, order: 1 },
      testId: 'measure-area-button',
      checked: (keys) => keys[MODE_KEY] === 'area',
      perform: ({ workbench }) => toggleMeasure('area', workbench),
    },
  ],
  hosts: [{ slot: 'map', component: MeasureCard }],
};

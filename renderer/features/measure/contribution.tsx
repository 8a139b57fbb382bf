/**
 * 测量: two tool commands (测距 M, 测面积 Shift+M) in the toolbar and the 工具 menu, and the floating card with the live
 * figures. Each command toggles its tool; Escape ends it (the map's ToolHost); while measuring, map clicks place
 * vertices and never identify.
 */
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { MeasureCard } from './components/MeasureCard';
import { MODE_KEY, toggleMeasure } from './measure-session';

/** A ruler (测距) and a polygon with its vertices (测面积), on the 16 × 16 icon grid. */
const RULER = defineIcon('M2 11 L11 2 L14 5 L5 14 Z M5 8 L6.5 9.5 M7 6 L9 8 M9 4 L10.5 5.5');
const POLYGON = defineIcon('M3 12 L4 4 L11 3 L13 10 Z M3 12 h0.01 M4 4 h0.01 M11 3 h0.01 M13 10 h0.01');

export const measureFeature: FeatureContribution = {
  id: 'measure',
  commands: [
    {
      id: 'measure.length',
      labelKey: 'measure.length',
      icon: RULER,
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
      icon: POLYGON,
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

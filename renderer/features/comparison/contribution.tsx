/**
 * 套合 (issue 11 item 2): the comparison section of the inspection record (order 10), the office's roles dialog, and
 * the 卫片图斑核查一览表 command in the 工具 menu.
 */
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { registerInspectionSection } from '../inspection';
import { useLayerList } from '../layers';
import { ComparisonSection } from './components/ComparisonSection';
import { RolesDialog } from './components/RolesDialog';
import { SummaryTableDialog } from './components/SummaryTableDialog';
import { rolesDialogOpen, summaryDialogOpen } from './comparison-state';
import './comparison.css';

registerInspectionSection({ id: 'comparison', order: 10, titleKey: 'comparison.title', component: ComparisonSection, testId: 'section-comparison' });

/** A ruled table with a check mark in its first column: the 核查一览表. */
const TABLE_ICON = defineIcon('M2.5 3 H13.5 V13 H2.5 Z M2.5 6 H13.5 M2.5 9.5 H13.5 M6 3 V13 M3.3 8 L4.1 8.8 L5.3 7.3');

function ComparisonHost() {
  const rolesOpen = useStore(rolesDialogOpen);
  const tableOpen = useStore(summaryDialogOpen);
  const { layers } = useLayerList();
  return (
    <>
      {tableOpen && <SummaryTableDialog layers={layers} onClose={() => summaryDialogOpen.set(false)} />}
      {rolesOpen && <RolesDialog layers={layers} onClose={() => rolesDialogOpen.set(false)} />}
    </>
  );
}

export const comparisonFeature: FeatureContribution = {
  id: 'comparison',
  commands: [
    {
      id: 'comparison.summaryTable',
      labelKey: 'comparison.table.command',
      menuLabelKey: 'comparison.table.menu',
      icon: TABLE_ICON,
      menu: { menu: 'tools', group: 0, order: 5 },
      toolbar: { group: 1, order: 1 },
      testId: 'comparison-table-command',
      perform: () => summaryDialogOpen.set(true),
    },
    {
      id: 'comparison.roles',
      labelKey: 'comparison.roles',
      menuLabelKey: 'comparison.rolesMenu',
      menu: { menu: 'tools', group: 0, order: 6 },
      testId: 'comparison-roles-command',
      perform: () => rolesDialogOpen.set(true),
    },
  ],
  hosts: [{ slot: 'app', component: ComparisonHost }],
};

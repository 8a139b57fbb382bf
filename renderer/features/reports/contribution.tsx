/**
 * 报表 (issue 10 item 7): the ledger (巡查台账), the monthly report (巡查月报) and the zero report (零报告) exported as
 * .xlsx (文件 menu and the toolbar); the office profile (工具 menu); the monthly report's reminder above the status bar.
 */
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { ExportDialog } from './components/ExportDialog';
import { ProfileDialog } from './components/ProfileDialog';
import { ReportReminder } from './components/ReportReminder';
import { loadProfile, openDialog, reportsState } from './reports-state';

/** A sheet with rows: a table document. */
const REPORT_ICON = defineIcon('M3.5 2.5 H10 L12.5 5 V13.5 H3.5 Z M10 2.5 V5 H12.5 M5.5 7.5 H10.5 M5.5 9.5 H10.5 M5.5 11.5 H8.5');

function ReportsDialogs() {
  const { dialog } = useStore(reportsState);
  if (dialog?.kind === 'export') return <ExportDialog initial={dialog.initial} onClose={() => openDialog(null)} />;
  if (dialog?.kind === 'profile') return <ProfileDialog onClose={() => openDialog(dialog.back ?? null)} />;
  return null;
}

export const reportsFeature: FeatureContribution = {
  id: 'reports',
  boot: loadProfile,
  commands: [
    {
      id: 'reports.export',
      labelKey: 'reports.export',
      menuLabelKey: 'reports.menu.export',
      icon: REPORT_ICON,
      menu: { menu: 'file', group: 5, order: 0 },
      toolbar: { group: 1, order: 5 },
      testId: 'reports-button',
      perform: () => openDialog({ kind: 'export', initial: {} }),
    },
    {
      id: 'reports.profile',
      labelKey: 'reports.menu.profile',
      menu: { menu: 'tools', group: 9, order: 0 },
      perform: () => openDialog({ kind: 'profile' }),
    },
  ],
  hosts: [
    { slot: 'app', component: ReportsDialogs },
    { slot: 'status', component: ReportReminder },
  ],
};

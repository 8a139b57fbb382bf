/**
 * 交换 (issue 10 item 8): 文件 › 导出网格… / 导入网格… / 导出本月巡查… / 导入巡查…, so a township sends its grid and its
 * month of patrols to the county office (the same four commands are toolbar buttons: a browser has no menu bar), and the county loads several townships side by side. Files are written
 * and read in the exchange worker (shared/formats/exchange); an import is previewed before one transaction stores it.
 */
import type { FeatureContribution } from '../../ui/contributions';
import { ExchangeHost } from './components/ExchangeHost';
import { openDialog, pickers } from './exchange-state';

/** The four exchange commands: in 文件 (Electron) and on the toolbar (the browser has no menu bar), in this order. */
const COMMANDS = [
  { name: 'exportGrid', testId: 'exchange-export-grid-command', perform: () => openDialog({ kind: 'exportGrid' }) },
  { name: 'importGrid', testId: 'exchange-import-grid-command', perform: () => pickers.grid?.() },
  { name: 'exportPatrols', testId: 'exchange-export-patrols-command', perform: () => openDialog({ kind: 'exportPatrols' }) },
  { name: 'importPatrols', testId: 'exchange-import-patrols-command', perform: () => pickers.patrols?.() },
] as const;

export const exchangeFeature: FeatureContribution = {
  id: 'exchange',
  commands: COMMANDS.map((c, order) => ({
    id: `exchange.${c.name}`,
    labelKey: `exchange.toolbar.${c.name}` as const,
    menuLabelKey: `exchange.menu.${c.name}` as const,
    menu: { menu: 'file' as const, group: 2, order },
    toolbar: { group: 3, order },
    testId: c.testId,
    perform: c.perform,
  })),
  hosts: [{ slot: 'app', component: ExchangeHost }],
};

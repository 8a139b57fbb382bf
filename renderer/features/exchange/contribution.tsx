/**
 * 交换 (issue 10 item 8): 文件 › 导出网格… / 导入网格… / 导出本月巡查… / 导入巡查…, so a township sends its grid and its
 * month of patrols to the county office (the same four commands are toolbar buttons: a browser has no menu bar), and the county loads several townships side by side. Files are written
 * and read in the exchange worker (shared/formats/exchange); an import is previewed before one transaction stores it.
 */
import type { FeatureContribution } from '../../ui/contributions';
import { ExchangeHost } from './components/ExchangeHost';
import { openDialog, pickers } from './exchange-state';

export const exchangeFeature: FeatureContribution = {
  id: 'exchange',
  commands: [
    {
      id: 'exchange.exportGrid',
      labelKey: 'exchange.toolbar.exportGrid',
      menuLabelKey: 'exchange.menu.exportGrid',
      menu: { menu: 'file', group: 2, order: 0 },
      toolbar: { group: 3, order: 0 },
      testId: 'exchange-export-grid-command',
      perform: () => openDialog({ kind: 'exportGrid' }),
    },
    {
      id: 'exchange.importGrid',
      labelKey: 'exchange.toolbar.importGrid',
      menuLabelKey: 'exchange.menu.importGrid',
      menu: { menu: 'file', group: 2, order: 1 },
      toolbar: { group: 3, order: 1 },
      testId: 'exchange-import-grid-command',
      perform: () => pickers.grid?.(),
    },
    {
      id: 'exchange.exportPatrols',
      labelKey: 'exchange.toolbar.exportPatrols',
      menuLabelKey: 'exchange.menu.exportPatrols',
      menu: { menu: 'file', group: 2, order: 2 },
      toolbar: { group: 3, order: 2 },
      testId: 'exchange-export-patrols-command',
      perform: () => openDialog({ kind: 'exportPatrols' }),
    },
    {
      id: 'exchange.importPatrols',
      labelKey: 'exchange.toolbar.importPatrols',
      menuLabelKey: 'exchange.menu.importPatrols',
      menu: { menu: 'file', group: 2, order: 3 },
      toolbar: { group: 3, order: 3 },
      testId: 'exchange-import-patrols-command',
      perform: () => pickers.patrols?.(),
    },
  ],
  hosts: [{ slot: 'app', component: ExchangeHost }],
};

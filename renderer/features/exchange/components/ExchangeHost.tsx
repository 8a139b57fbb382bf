import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { readGridFile, readPatrolFile } from '../exchange-import';
import { exchangeState, pickers } from '../exchange-state';
import { ExportGridDialog } from './ExportGridDialog';
import { ExportPatrolsDialog } from './ExportPatrolsDialog';
import { ImportPreviewDialog } from './ImportPreviewDialog';

/** The exchange dialogs and the two file inputs the import commands open (the same input works in Electron's window). */
export function ExchangeHost() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { dialog } = useStore(exchangeState);
  const grid = useRef<HTMLInputElement>(null);
  const patrols = useRef<HTMLInputElement>(null);
  useEffect(() => {
    pickers.grid = () => grid.current?.click();
    pickers.patrols = () => patrols.current?.click();
    return () => {
      delete pickers.grid;
      delete pickers.patrols;
    };
  }, []);
  const take = (read: typeof readGridFile) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = ''; // the same file may be chosen again
    if (f) void read(f, wb.notices, t);
  };
  return (
    <>
      <input ref={grid} type="file" hidden accept=".geojson,.json,.zip" data-testid="exchange-grid-input" onChange={take(readGridFile)} />
      <input ref={patrols} type="file" hidden accept=".json" data-testid="exchange-patrol-input" onChange={take(readPatrolFile)} />
      {dialog?.kind === 'exportGrid' && <ExportGridDialog />}
      {dialog?.kind === 'exportPatrols' && <ExportPatrolsDialog />}
      {(dialog?.kind === 'gridPreview' || dialog?.kind === 'patrolPreview') && <ImportPreviewDialog key={dialog.file} dialog={dialog} />}
    </>
  );
}

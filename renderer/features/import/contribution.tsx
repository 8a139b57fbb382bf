/**
 * The import feature's contribution: 导入图层 / 导入文件夹 (toolbar, 文件 menu, Ctrl+O), the drop target over the map,
 * the progress card, the result and CRS dialogs. Its state lives in one host; the commands reach it through
 * `controller`, the progress card through `importState`.
 */
import { useCallback, useEffect, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { electronApi } from '../../platform/platform';
import type { FeatureContribution } from '../../ui/contributions';
import { createStore, useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { fitLayersOn, useLayerList } from '../layers';
import { pickWithElectron } from './pick-electron';
import { CrsDialog } from './components/CrsDialog';
import { DropZone } from './components/DropZone';
import { FileInputs, type FileInputHandles } from './components/FileInputs';
import { ImportProgressCard } from './components/ImportProgressCard';
import { ImportResultDialog } from './components/ImportResultDialog';
import { routeClaimedFiles } from './file-claims';
import type { CollectedFile } from './import.logic';
import { useImport, type ImportApi } from './use-import';
import type { JobSummary } from './worker-protocol';

const RUNNING_KEY = 'import.running';

/** The running import flow, published by ImportHost for the commands, the drop zone and the progress card. */
const flow = createStore<ImportApi | null>(null);
let inputs: FileInputHandles | null = null;
const registerInputs = (h: FileInputHandles | null) => {
  inputs = h;
};
/** Files another feature claims (a track: 巡查) go to it; the rest are imported as layers. */
const start = (files: CollectedFile[]) => {
  const rest = routeClaimedFiles(files);
  if (rest.length > 0 || files.length === 0) flow.get()?.start(rest);
};

function ImportHost() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { reload } = useLayerList();
  const onImported = useCallback(
    (s: JobSummary) => {
      void reload().then((ls) => {
        const imported = ls.filter((l) => s.layers.some((x) => x.id === l.id));
        wb.map.whenReady((m) => fitLayersOn(m, imported));
      });
    },
    [reload, wb],
  );
  const imp = useImport(onImported);
  const { state, dismiss } = imp;
  useEffect(() => flow.set(imp), [imp]);
  useEffect(() => () => flow.set(null), []);
  const running = state.kind === 'running';
  useEffect(() => wb.setKey(RUNNING_KEY, running), [wb, running]);

  // Outcomes that are not a result dialog (failed worker, cancelled, nothing chosen) become notices.
  useEffect(() => {
    if (state.kind === 'error') wb.notices.push('error', t('import.failed', { message: state.message }));
    else if (state.kind === 'cancelled') wb.notices.push('info', t('import.cancelled'));
    else if (state.kind === 'empty') wb.notices.push('warning', t('import.noFiles'));
    else return;
    dismiss();
  }, [state, dismiss, wb, t]);

  return (
    <>
      <FileInputs onFiles={start} register={registerInputs} />
      {state.kind === 'result' && <ImportResultDialog summary={state.summary} onClose={dismiss} />}
      {/* The CRS questions come one by one, after the result dialog is closed and while no import runs. */}
      {state.kind !== 'result' && !running && imp.pending && (
        <CrsDialog key={imp.pending.source} bundle={imp.pending} onChoose={imp.resolvePending} />
      )}
    </>
  );
}

function ProgressHost() {
  const imp = useStore(flow);
  if (imp?.state.kind !== 'running') return null;
  return <ImportProgressCard progress={imp.state.progress} onCancel={imp.cancel} />;
}

function ImportDropZone({ children }: { children: ReactNode }) {
  const wb = useWorkbench();
  return (
    <DropZone onFiles={start} onError={wb.notices.error}>
      {children}
    </DropZone>
  );
}

const idle = (keys: Readonly<Record<string, unknown>>) => keys[RUNNING_KEY] !== true;

export const importFeature: FeatureContribution = {
  id: 'import',
  commands: [
    {
      id: 'import.files',
      labelKey: 'toolbar.import',
      menuLabelKey: 'menu.importLayers',
      icon: 'plus',
      shortcut: 'CmdOrCtrl+O',
      menu: { menu: 'file', group: 0, order: 0 },
      toolbar: { group: 0, order: 0, primary: true },
      testId: 'import-button',
      when: idle,
      perform: async ({ t }) => {
        if (!electronApi()) return inputs?.openFiles();
        const files = await pickWithElectron(t('import.dialogTitle'));
        if (files) start(files);
      },
    },
    {
      id: 'import.folder',
      labelKey: 'toolbar.importFolder',
      platform: 'browser',
      toolbar: { group: 0, order: 1 },
      testId: 'import-folder-button',
      when: idle,
      perform: () => inputs?.openFolder(),
    },
  ],
  hosts: [
    { slot: 'app', component: ImportHost },
    { slot: 'map', component: ProgressHost },
  ],
  MapWrapper: ImportDropZone,
};

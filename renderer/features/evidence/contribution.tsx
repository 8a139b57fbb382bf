/**
 * 导出证据 (issue 13): the evidence set of an inspection — the true-scale map sheet, its tables, the 现场勘测笔录, the
 * 责令停止违法行为通知书, the photo sheet, a 300-dpi PNG, the 报盘 file and a SHA-256 manifest, in one zip. The record
 * panel's 证据 section and 文件 › 导出证据… (enabled while a record is open) open the dialog; 文件 › 批量导出证据… exports
 * the 核查 list's filtered records or every patch of a 卫片图斑 layer (also from the layer's right-click menu). 文件 ›
 * 打印地图… (a toolbar button too, Ctrl+P) prints the map view as a true-scale sheet (PDF or 300-dpi PNG), no record needed.
 */
import { useEffect } from 'react';
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { openInspectionState, registerInspectionSection } from '../inspection';
import { filteredRecordIds } from '../inspection-list';
import { BatchDialog } from './components/BatchDialog';
import { EvidenceDialog } from './components/EvidenceDialog';
import { EvidenceSection } from './components/EvidenceSection';
import { MapPrintDialog } from './components/MapPrintDialog';
import { PrintRoot } from './components/PrintRoot';
import { registerSiteRecordSection } from './site-record';
import { dialogState } from './evidence-state';
import './evidence.css';

/** A sheet with a folded corner and a seal ring: the evidence set. */
/** A printer: 打印地图. */
const PRINT_ICON = defineIcon('M4.5 6 V2.5 H11.5 V6 M3 6 H13 V11 H11.5 M4.5 11 H3 V6 M4.5 9 H11.5 V13.5 H4.5 Z');

const EVIDENCE_ICON = defineIcon('M4 2.5 H10 L12.5 5 V13.5 H4 Z M10 2.5 V5 H12.5 M8.2 10.2 m-1.7 0 a1.7 1.7 0 1 0 3.4 0 a1.7 1.7 0 1 0 -3.4 0');

/** The context key 导出证据 reads: the id of the record open in the panel, or null. */
export const OPEN_RECORD_KEY = 'evidence.openRecord';

// The 现场勘测笔录 section of the inspection record panel (its facts are the record's siteRecord), registered at
// module load as the comparison, survey and photos sections are; then the 证据 section with the export.
registerSiteRecordSection();
registerInspectionSection({ id: 'evidence', order: 40, titleKey: 'evidence.title', component: EvidenceSection, testId: 'section-evidence' });

function EvidenceHost() {
  const wb = useWorkbench();
  const open = useStore(openInspectionState);
  const dialog = useStore(dialogState);
  const id = open?.record ? open.id : null;
  useEffect(() => wb.setKey(OPEN_RECORD_KEY, id), [wb, id]);
  return (
    <>
      {dialog?.kind === 'record' && <EvidenceDialog key={dialog.recordId} recordId={dialog.recordId} />}
      {dialog?.kind === 'batch' && <BatchDialog recordIds={dialog.recordIds} layerId={dialog.layerId ?? null} />}
      {dialog?.kind === 'view' && <MapPrintDialog view={dialog.view} />}
      <PrintRoot />
    </>
  );
}

export const evidenceFeature: FeatureContribution = {
  id: 'evidence',
  commands: [
    {
      id: 'evidence.export',
      labelKey: 'evidence.command.export',
      menuLabelKey: 'evidence.command.exportMenu',
      icon: EVIDENCE_ICON,
      menu: { menu: 'file', group: 4, order: 5 },
      testId: 'evidence-export-command',
      when: (keys) => typeof keys[OPEN_RECORD_KEY] === 'string',
      perform: (ctx) => {
        const id = ctx.workbench.keys.get()[OPEN_RECORD_KEY];
        if (typeof id === 'string') dialogState.set({ kind: 'record', recordId: id });
      },
    },
    {
      // Ctrl+P: the browser's own print of the app's screen is no map (Web Mercator, not true scale); while any dialog
      // is open the key does nothing (the dialog's own print would be of the dialog).
      id: 'evidence.printMap',
      labelKey: 'evidence.command.printMap',
      menuLabelKey: 'evidence.command.printMapMenu',
      icon: PRINT_ICON,
      shortcut: 'CmdOrCtrl+P',
      menu: { menu: 'file', group: 4, order: 4 },
      toolbar: { group: 3, order: 10 },
      testId: 'map-print-command',
      perform: (ctx) => {
        const map = ctx.workbench.map.current();
        if (!map || dialogState.get() !== null || document.querySelector('[role="dialog"]')) return;
        const v = map.view();
        dialogState.set({ kind: 'view', view: { centre: v.center, zoom: v.zoom, bounds: map.bounds() } });
      },
    },
    {
      id: 'evidence.batch',
      labelKey: 'evidence.command.batch',
      menuLabelKey: 'evidence.command.batchMenu',
      menu: { menu: 'file', group: 4, order: 6 },
      testId: 'evidence-batch-command',
      perform: async () => dialogState.set({ kind: 'batch', recordIds: await filteredRecordIds() }),
    },
  ],
  // 批量导出证据… on a 卫片图斑 layer's row (its right-click menu): every patch of the layer, one set each.
  layerActions: [
    {
      id: 'evidence.layerBatch',
      labelKey: 'evidence.command.layerBatch',
      icon: EVIDENCE_ICON,
      order: 20,
      testId: 'layer-evidence-batch',
      when: (layer) => layer.kind === 'changePatch',
      perform: async (_ctx, layerId) => dialogState.set({ kind: 'batch', recordIds: await filteredRecordIds(), layerId }),
    },
  ],
  hosts: [{ slot: 'app', component: EvidenceHost }],
};

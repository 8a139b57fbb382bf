/**
 * 核查 (issue 11): the inspection record. The 核查记录 panel in the right dock (the open record's form, submit,
 * amendments with a reason, status moves, the sections, the history and its chain check), the starts (新建核查:
 * a drawn plot, typed coordinates, a tip; 开始核查 on a 卫片图斑 in the identify panel and the map's right-click
 * menu; 转为核查记录 on a saved patrol), the office's number pattern, and the open record's plot on the map.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { registerIdentifyAction } from '../identify';
import { useLayerList } from '../layers';
import { registerPatrolFindingAction } from '../patrol';
import { reportsUserName } from '../reports';
import { InspectionDialogs, dialogState } from './components/InspectionDialogs';
import { InspectionPanel } from './components/InspectionPanel';
import { openInspectionState, setStartDeps } from './inspection-session';
import { readNumberPattern } from './number-pattern';
import { rememberOpenRecord } from './remember-open';
import { isPatchLayer, knownLayers, startFromFinding, startFromPatch } from './starts';
import './inspection.css';

const INSPECTION_ICON = defineIcon('M3 2.5 H10.5 L13 5 V13.5 H3 Z M5.5 8.5 L7.3 10.3 L10.8 6.8');

/** The open record's plot: a distinct magenta outline over every layer below. */
export const PLOT_COLOUR = '#c2255c';

function useInspectionMapLayers(): readonly MapLayerSpec[] {
  const open = useStore(openInspectionState);
  const geometry = open?.record?.geometry ?? null;
  return useMemo((): MapLayerSpec[] => {
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: geometry ? [{ type: 'Feature', id: 0, properties: { fid: 0 }, geometry }] : [],
    };
    return [
      {
        type: 'geojson',
        id: 'inspection-plot',
        data,
        paint: { fill: { color: PLOT_COLOUR, opacity: 0.12 }, line: { color: PLOT_COLOUR, widthPx: 3, dash: [2, 1] } },
        visible: geometry !== null,
      },
    ];
  }, [geometry]);
}

/** Keeps the layer list where the starts can read it synchronously (the context menu's `when`). */
function InspectionHost() {
  const { layers } = useLayerList();
  useEffect(() => knownLayers.set(layers), [layers]);
  // Whoever opens or starts a record (the list, a survey file, a patrol's finding), the panel comes to the front; the
  // record reopened at start-up does not take the dock from what the officer left open.
  const wb = useWorkbench();
  const openId = useStore(openInspectionState)?.id ?? null;
  const shownId = useRef(openId);
  useEffect(() => {
    if (openId !== null && openId !== shownId.current) wb.showPanel('inspection');
    shownId.current = openId;
  }, [openId, wb]);
  return <InspectionDialogs />;
}

async function boot(): Promise<void> {
  setStartDeps({ pattern: readNumberPattern, userName: reportsUserName });
  registerIdentifyAction({
    id: 'inspection.startFromPatch',
    labelKey: 'inspection.start.here',
    order: 10,
    testId: 'identify-start-inspection',
    when: (f) => f.layer.kind === 'changePatch',
    perform: async (f, ctx) => {
      await startFromPatch(f.layer.id, f.fid, { wb: ctx.workbench, t: ctx.t });
    },
  });
  registerPatrolFindingAction({
    id: 'inspection.fromPatrol',
    labelKey: 'inspection.fromPatrol',
    perform: async (finding, ctx) => {
      await startFromFinding(finding, { wb: ctx.workbench, t: ctx.t });
    },
  });
  await rememberOpenRecord();
}

export const inspectionFeature: FeatureContribution = {
  id: 'inspection',
  boot,
  panels: [{ id: 'inspection', titleKey: 'inspection.title', dock: 'right', order: 2, component: InspectionPanel }],
  commands: [
    {
      id: 'inspection.new',
      labelKey: 'inspection.new',
      menuLabelKey: 'inspection.menu.new',
      icon: INSPECTION_ICON,
      menu: { menu: 'file', group: 4, order: 0 },
      toolbar: { group: 1, order: 4 },
      testId: 'inspection-new',
      perform: () => dialogState.set('new'),
    },
    {
      id: 'inspection.numberPattern',
      labelKey: 'inspection.menu.pattern',
      menu: { menu: 'tools', group: 9, order: 1 },
      testId: 'inspection-pattern-command',
      perform: () => dialogState.set('pattern'),
    },
  ],
  hosts: [{ slot: 'app', component: InspectionHost }],
  mapContextMenu: [
    {
      id: 'inspection.startHere',
      labelKey: 'inspection.start.here',
      order: 5,
      testId: 'ctx-start-inspection',
      when: ({ hit }) => hit !== null && isPatchLayer(hit.layerId),
      perform: async ({ workbench, t }, { hit }) => {
        if (hit) await startFromPatch(hit.layerId, hit.fid, { wb: workbench, t });
      },
    },
  ],
  useMapLayers: useInspectionMapLayers,
};

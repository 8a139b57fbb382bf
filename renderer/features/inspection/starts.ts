/**
 * The ways a record starts (issue 11 item 1): a clicked patch of a change layer (its JCBH carried over), a patrol's
 * finding, a tip (12336 / 信访), a plot drawn on the map, typed coordinates. Each makes the source and what is
 * already known (the plot, its zone, the township and village it lies in) and stores a numbered draft through
 * startInspection (one transaction), which opens it in the 核查记录 panel.
 */
import type { Polygon } from 'geojson';
import type { LayerRecord } from '../../db';
import { gkZoneForLongitude } from '../../../shared/domain/crs/transform';
import { geometriesBbox } from '../../../shared/domain/geometry/bbox';
import type { InspectionLocation, InspectionPatch, InspectionSource, TipChannel } from '../../../shared/domain/inspection/inspection-record';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { MessageKey, Translate } from '../../i18n';
import type { MapTool } from '../../map';
import { createStore } from '../../ui/store';
import type { Workbench } from '../../ui/workbench';
import { gridState } from '../grid';
import type { PatrolFinding } from '../patrol';
import { boundaryAt, storedFeature } from './inspection-client';
import { failureText } from './inspection-form-state';
import { startInspection } from './inspection-session';
import { locationFromGrid, patchNoOf, plotCentre, type PlotGeometry } from './start.logic';

export interface StartCtx {
  wb: Workbench;
  t: Translate;
}

/** The layers as the layer list holds them (kept by the feature's host: the context menu's `when` is synchronous). */
export const knownLayers = createStore<readonly LayerRecord[]>([]);

export const isPatchLayer = (layerId: string): boolean => knownLayers.get().some((l) => l.id === layerId && l.kind === 'changePatch');

const EMPTY_LOCATION: InspectionLocation = { township: '', village: '', areaId: null, place: '' };

/** Where a plot lies: the grid's township and village, else a boundary layer's name as the village. */
export async function locate(g: PlotGeometry, fallbackVillage = ''): Promise<InspectionLocation> {
  const centre = plotCentre(g);
  const fromGrid = locationFromGrid(gridState.get().areas, centre);
  if (fromGrid) return fromGrid;
  const boundaries = knownLayers
    .get()
    .filter((l) => l.kind === 'adminBoundary')
    .sort((a, b) => b.order - a.order)
    .map((l) => l.id);
  const hit = await boundaryAt(boundaries, centre).catch(() => null);
  return { ...EMPTY_LOCATION, village: hit?.name ?? fallbackVillage };
}

/** The zone a plot's planar figures are in: the layer's, else the 3° zone of its centre. */
const zoneOf = (g: PlotGeometry, zone: GkZoneRef | null): GkZoneRef => zone ?? gkZoneForLongitude(plotCentre(g)[0]);

async function start(source: InspectionSource, content: InspectionPatch, ctx: StartCtx): Promise<boolean> {
  try {
    const r = await startInspection({ source, content });
    if (!r.ok) {
      ctx.wb.notices.error(ctx.t(`inspection.refusal.${r.reason}` as MessageKey, { detail: r.detail ?? '' }));
      return false;
    }
    ctx.wb.showPanel('inspection');
    ctx.wb.notices.push('info', ctx.t('inspection.started', { number: r.value.number }));
    const b = r.value.geometry ? geometriesBbox([r.value.geometry]) : null;
    if (b) ctx.wb.map.whenReady((m) => m.fit(b, { maxZoom: 18 }));
    return true;
  } catch (e) {
    ctx.wb.notices.error(failureText(e, ctx.t('inspection.newRecord'), ctx.t('inspection.what.start'), ctx.t));
    return false;
  }
}

const isPlot = (g: unknown): g is PlotGeometry =>
  typeof g === 'object' && g !== null && ((g as { type?: unknown }).type === 'Polygon' || (g as { type?: unknown }).type === 'MultiPolygon');

/** 开始核查 on a patch of a change layer: its JCBH as the task number, its plot, zone and place. */
export async function startFromPatch(layerId: string, fid: number, ctx: StartCtx): Promise<boolean> {
  const f = await storedFeature(layerId, fid);
  if (!f) {
    ctx.wb.notices.error(ctx.t('inspection.start.patchGone'));
    return false;
  }
  const patchNo = patchNoOf(f.properties);
  const geometry = isPlot(f.geometry) ? f.geometry : null;
  const xzqmc = typeof f.properties.XZQMC === 'string' ? f.properties.XZQMC : '';
  const location = geometry ? await locate(geometry, xzqmc) : { ...EMPTY_LOCATION, village: xzqmc };
  return start(
    { kind: 'patch', layerId, featureId: fid, patchNo },
    { taskNo: patchNo, geometry, zone: geometry ? zoneOf(geometry, f.zone) : null, location },
    ctx,
  );
}

/** 转为核查记录 from a saved patrol: its findings as the description, its officers, the place from its areas. */
export async function startFromFinding(finding: PatrolFinding, ctx: StartCtx): Promise<boolean> {
  const areas = gridState.get().areas;
  const byId = new Map(areas.map((a) => [a.id as string, a]));
  const first = finding.areaIds.map((id) => byId.get(id)).find((a) => a !== undefined);
  let township = '';
  let village = '';
  for (let a = first; a; a = a.parentId ? byId.get(a.parentId) : undefined) {
    if (a.level === 'village' && !village) village = a.name;
    if (a.level === 'township' && !township) township = a.name;
  }
  const description = [
    finding.findings.trim(),
    finding.measures.trim() ? ctx.t('inspection.fromPatrol.measures', { measures: finding.measures.trim() }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  return start(
    { kind: 'patrol', patrolId: finding.patrolId, patrolNumber: finding.number },
    {
      description,
      inspectors: finding.officers.map((o) => ({ name: o.name, certNo: o.certNo })),
      location: { township, village, areaId: first?.id ?? null, place: '' },
    },
    ctx,
  );
}

export interface TipInput {
  channel: TipChannel;
  reporter: string;
  reportedAt: number | null;
  content: string;
  place: string;
}

/** 举报线索: who reported, when, what; the record's description starts from what was reported. */
export function startFromTip(tip: TipInput, ctx: StartCtx): Promise<boolean> {
  return start(
    { kind: 'tip', channel: tip.channel, reporter: tip.reporter.trim(), reportedAt: tip.reportedAt, content: tip.content.trim() },
    { location: { ...EMPTY_LOCATION, place: tip.place.trim() } },
    ctx,
  );
}

export const DRAW_TOOL_ID = 'inspection.drawPlot';

/** 在地图上绘制: a polygon drawn with the drawing toolkit (Enter or a click on the first vertex finishes). */
export function startDrawn(ctx: StartCtx): void {
  ctx.wb.map.whenReady((map) => {
    const tool: MapTool<'polygon'> = {
      id: DRAW_TOOL_ID,
      mode: 'polygon',
      onFinish: (geometry) => {
        setTimeout(() => map.activeTool() === DRAW_TOOL_ID && map.setTool(null), 0);
        void startFromPlot(geometry, { kind: 'drawn' }, null, ctx);
      },
    };
    map.setTool(tool as MapTool);
    ctx.wb.notices.push('info', ctx.t('inspection.draw.hint'));
  });
}

/** A record for a plot (drawn or typed): its zone and where it lies. */
export async function startFromPlot(geometry: Polygon, source: InspectionSource, zone: GkZoneRef | null, ctx: StartCtx): Promise<boolean> {
  const location = await locate(geometry);
  return start(source, { geometry, zone: zoneOf(geometry, zone), location }, ctx);
}

/**
 * TEMPORARY (deleted when E-A's map-sheet.ts and E-B's papers land on main): a minimal map sheet so the export pipeline
 * can be built and tested end to end against the contract (shared/domain/evidence/inputs.ts, sheet-model.ts).
 */
import type { MapSheetContent, SheetSettings, StandardScale } from '../../../shared/domain/evidence/inputs';
import { STANDARD_SCALES } from '../../../shared/domain/evidence/inputs';
import { PAPER_SIZES, type FrameGround, type Mark, type Paper, type RectMm, type Sheet } from '../../../shared/domain/evidence/sheet-model';
import type { PlotGk } from '../../../shared/domain/evidence/inputs';
import { plotExtent } from './evidence.logic';

export interface TempPlan {
  paper: Paper;
  frame: RectMm;
  ground: FrameGround;
  imageryPx: { widthPx: number; heightPx: number };
}

export function tempPlan(settings: SheetSettings, plot: PlotGk): { ok: true; plan: TempPlan } | { ok: false; scale: number } {
  const size = PAPER_SIZES[settings.paper];
  const portrait = settings.orientation === 'portrait';
  const paper: Paper = {
    name: settings.paper,
    orientation: settings.orientation,
    widthMm: portrait ? size.shortMm : size.longMm,
    heightMm: portrait ? size.longMm : size.shortMm,
  };
  const frame: RectMm = { x: 20, y: 30, w: paper.widthMm - 40, h: portrait ? paper.heightMm * 0.55 : paper.heightMm - 60 };
  const [e0, n0, e1, n1] = plotExtent(plot);
  const needed = (s: number) => ((e1 - e0) * 1.2 * 1000) / s <= frame.w && ((n1 - n0) * 1.2 * 1000) / s <= frame.h;
  let scale: StandardScale | undefined;
  if (settings.scale === 'fit') scale = STANDARD_SCALES.find(needed);
  else scale = needed(settings.scale) ? settings.scale : undefined;
  if (!scale) return { ok: false, scale: settings.scale === 'fit' ? 10000 : settings.scale };
  const ce = (e0 + e1) / 2;
  const cn = (n0 + n1) / 2;
  const hw = (frame.w / 1000) * scale * 0.5;
  const hh = (frame.h / 1000) * scale * 0.5;
  return {
    ok: true,
    plan: {
      paper,
      frame,
      ground: { zone: plot.zone, zonePrefix: plot.zonePrefix, extent: [ce - hw, cn - hh, ce + hw, cn + hh], scale },
      imageryPx: { widthPx: Math.round((frame.w / 25.4) * 300), heightPx: Math.round((frame.h / 25.4) * 300) },
    },
  };
}

export function tempLayout(plan: TempPlan, content: MapSheetContent, title: string): Sheet[] {
  const { frame, ground } = plan;
  const [e0, , , n1] = ground.extent;
  const k = 1000 / ground.scale;
  const at = (e: number, n: number): [number, number] => [frame.x + (e - e0) * k, frame.y + (n1 - n) * k];
  const marks: Mark[] = [
    { kind: 'text', x: plan.paper.widthMm / 2, y: 15, text: title, sizePt: 18, bold: true, anchor: 'middle' },
    { kind: 'text', x: 20, y: 24, text: `编号：${content.record.number}  1:${ground.scale}`, sizePt: 9 },
  ];
  if (content.imagery) marks.push({ kind: 'image', rect: frame, ref: content.imagery.ref, clip: true });
  for (const l of content.layers)
    for (const f of l.features)
      if (f.kind !== 'point')
        marks.push({
          kind: 'path',
          rings: f.parts.map((p) => p.map(([e, n]) => at(e, n))),
          closed: f.kind === 'polygon',
          clip: true,
          fill: f.kind === 'polygon' ? (l.legend.items.find((i) => i.code === f.code)?.symbol.fill ?? l.legend.items[0]?.symbol.fill ?? null) : null,
          fillOpacity: 0.5,
          stroke: l.legend.items[0]?.symbol.stroke ?? '#000',
          strokeMm: 0.15,
        });
  for (const poly of content.plot.polygons)
    marks.push({
      kind: 'path',
      rings: poly.map((r) => r.map(([e, n]) => at(e, n))),
      closed: true,
      clip: true,
      fill: null,
      stroke: '#e00000',
      strokeMm: 0.3,
    });
  marks.push({
    kind: 'path',
    rings: [
      [
        [frame.x, frame.y],
        [frame.x + frame.w, frame.y],
        [frame.x + frame.w, frame.y + frame.h],
        [frame.x, frame.y + frame.h],
      ],
    ],
    closed: true,
    stroke: '#000',
    strokeMm: 0.3,
    fill: null,
  });
  marks.push({
    kind: 'table',
    x: 20,
    y: frame.y + frame.h + 6,
    columns: [
      { title: '点号', widthMm: 20, align: 'middle' },
      { title: 'X', widthMm: 40, align: 'end' },
      { title: 'Y', widthMm: 40, align: 'end' },
    ],
    rows: content.points.slice(0, 12).map((p) => [p.name, p.x.toFixed(3), p.y.toFixed(3)]),
    rowHeightMm: 5,
    headerHeightMm: 6,
    sizePt: 8,
  });
  marks.push({
    kind: 'table',
    x: 125,
    y: frame.y + frame.h + 6,
    columns: [
      { title: '项目', widthMm: 30, align: 'start' },
      { title: '面积(m²)', widthMm: 25, align: 'end' },
    ],
    rows: content.areas.map((a) => [a.label, a.planarM2.toFixed(2)]),
    rowHeightMm: 5,
    headerHeightMm: 6,
    sizePt: 8,
  });
  return [{ role: 'map', paper: plan.paper, frame, marks }];
}

/** TEMPORARY manifest (E-B's buildManifest replaces it). */
export function tempManifest(
  files: readonly { path: string; sha256: string; size: number; category: string }[],
  meta: { recordNumber: string; recordId: string; historyHead: string | null; appVersion: string; exportedAt: number },
): { text: string; json: string } {
  const json = JSON.stringify({ version: 1, ...meta, exportedAt: new Date(meta.exportedAt).toISOString(), algorithm: 'SHA-256', files }, null, 2);
  const text = [
    `证据清单 ${meta.recordNumber}`,
    `记录历史链末项哈希：${meta.historyHead ?? '—'}`,
    `软件版本：${meta.appVersion}`,
    `导出时间：${new Date(meta.exportedAt).toISOString()}`,
    ...files.map((f) => `${f.category}\t${f.path}\t${f.size}\tSHA-256 ${f.sha256}`),
  ].join('\r\n');
  return { text: text + '\r\n', json };
}

/** Pure layer-list logic: ordering, which zone the status bar uses (kind and style defaults: renderer/data/layer-defaults). */
export { fallbackStyle, safeDefaultStyle, safeGuessKind } from '../../data/layer-defaults';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { LayerRecord } from '../../db';
import type { Bbox } from '../../../shared/domain/geometry/bbox';

/** Bottom → top (drawing order). */
export const sortBottomToTop = (layers: readonly LayerRecord[]): LayerRecord[] => [...layers].sort((a, b) => a.order - b.order);
/** Top → bottom (how the panel lists them, like QGIS). */
export const sortTopToBottom = (layers: readonly LayerRecord[]): LayerRecord[] => sortBottomToTop(layers).reverse();

/** Moves a layer one step up (towards the top of the map) or down; returns ids bottom → top. */
export function moveLayer(layers: readonly LayerRecord[], id: string, direction: 'up' | 'down'): string[] {
  const ids = sortBottomToTop(layers).map((l) => l.id);
  const i = ids.indexOf(id);
  const j = direction === 'up' ? i + 1 : i - 1;
  if (i < 0 || j < 0 || j >= ids.length) return ids;
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  return ids;
}

/** Drag-and-drop in the panel: put `dragId` where `targetId` is (panel is top → bottom); returns ids bottom → top. */
export function dropLayerOn(layers: readonly LayerRecord[], dragId: string, targetId: string): string[] {
  const top = sortTopToBottom(layers).map((l) => l.id);
  const from = top.indexOf(dragId);
  const to = top.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return [...top].reverse();
  top.splice(from, 1);
  top.splice(to, 0, dragId);
  return top.reverse();
}

export const applyOrder = (layers: readonly LayerRecord[], idsBottomToTop: string[]): LayerRecord[] =>
  layers.map((l) => ({ ...l, order: idsBottomToTop.indexOf(l.id) + 1 })).sort((a, b) => a.order - b.order);

/** The GK zone of the topmost visible projected layer (the zone the status bar shows X/Y in), if any. */
export function topProjectedZone(layers: readonly LayerRecord[]): GkZoneRef | null {
  for (const l of sortTopToBottom(layers)) {
    const gk = l.meta.crs.gk;
    if (l.visible && l.meta.crs.kind === 'projected' && gk && gk.zone !== null)
      return { width: gk.width, zone: gk.zone, centralMeridian: gk.centralMeridian };
  }
  return null;
}

/** Union of the bboxes of the given layers (for "zoom to all" on first start). */
export function unionBbox(layers: readonly LayerRecord[]): Bbox | null {
  let out: Bbox | null = null;
  for (const l of layers) {
    const b = l.meta.bboxLngLat;
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  }
  return out;
}

export const clampOpacity = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1);

export const cleanLayerName = (name: string): string | null => {
  const n = name.trim().replace(/\s+/g, ' ');
  return n === '' ? null : n.slice(0, 120);
};

/**
 * ParsedLayer → the records we store (runs in the worker: the UI thread never holds the vertices).
 * Produces the display GeoJSON text (lon/lat, `id` = fid, properties only {fid, _k}), the attribute store
 * and label points.
 */
import type { Geometry, Position } from 'geojson';
import { geometriesBbox } from '../../shared/domain/geometry/bbox';
import type { LayerKind, LayerStyle } from '../../shared/domain/layers/kind';
import type { LayerFeature, ParsedLayer } from '../../shared/formats/types';
import type { LayerRecord } from '../db';
import { styleKeyFor } from '../map/style-expressions';
import { packArea, type AttributeStoreJson, type Bbox } from './attribute-store';
import { safeDefaultStyle, safeGuessKind } from './layer-defaults';

/** 1e-7° ≈ 1 cm: enough for bboxes and label points. The stored geometry keeps full precision: the overlay
 *  analysis reads it, and its figures go on evidence. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function geometryBbox(g: Geometry | null): Bbox | null {
  const b = geometriesBbox([g]);
  return b ? [round7(b[0]), round7(b[1]), round7(b[2]), round7(b[3])] : null;
}

/** A label anchor: centre of the bbox of the largest outer ring (good enough for a map label). */
export function labelPoint(g: Geometry | null): [number, number] | null {
  if (!g) return null;
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  const rings: Position[][] = g.type === 'Polygon' ? [g.coordinates[0] ?? []] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0] ?? []) : [];
  let best: Bbox | null = null;
  let bestSize = -1;
  for (const r of rings) {
    const b = geometryBbox({ type: 'LineString', coordinates: r });
    if (b && (b[2] - b[0]) * (b[3] - b[1]) > bestSize) {
      best = b;
      bestSize = (b[2] - b[0]) * (b[3] - b[1]);
    }
  }
  const b = best ?? geometryBbox(g);
  return b ? [round7((b[0] + b[2]) / 2), round7((b[1] + b[3]) / 2)] : null;
}

export interface BuiltLayerData {
  geojsonText: string;
  attributesText: string;
  labelsText: string | null;
}

/** Builds the stored data for a layer with a given style (re-run by re-decode). */
export function buildLayerData(layer: ParsedLayer, style: LayerStyle): BuiltLayerData {
  const fields = layer.fields.map((f) => f.name);
  const store: AttributeStoreJson = { v: 1, fields, fids: [], rows: [], areas: [], bboxes: [] };
  for (const f of layer.features) {
    store.fids.push(f.fid);
    store.rows.push(fields.map((name) => f.properties[name] ?? null));
    store.areas.push(packArea(f.area));
    store.bboxes.push(geometryBbox(f.geometry));
  }
  return { ...buildDisplayData(layer.features, style), attributesText: JSON.stringify(store) };
}

/** The display copy alone (map GeoJSON with per-feature style keys, label points): all a restyle rewrites. */
export function buildDisplayData(features: readonly LayerFeature[], style: LayerStyle): Omit<BuiltLayerData, 'attributesText'> {
  const parts: string[] = [];
  const labels: string[] = [];
  for (const f of features) {
    if (!f.geometry) continue;
    const k = styleKeyFor(style.fill, f.properties);
    parts.push(JSON.stringify({ type: 'Feature', id: f.fid, properties: { fid: f.fid, _k: k }, geometry: f.geometry }));
    if (style.labelField) {
      const v = f.properties[style.labelField];
      const p = v === null || v === undefined || String(v).trim() === '' ? null : labelPoint(f.geometry);
      if (p) labels.push(JSON.stringify({ type: 'Feature', properties: { t: String(v).trim() }, geometry: { type: 'Point', coordinates: p } }));
    }
  }
  return {
    geojsonText: `{"type":"FeatureCollection","features":[${parts.join(',')}]}`,
    labelsText: style.labelField ? `{"type":"FeatureCollection","features":[${labels.join(',')}]}` : null,
  };
}

export function newLayerId(): string {
  return `L${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The metadata record of a freshly imported (or sample) layer, with its guessed kind and default style. */
export function buildLayerRecord(
  layer: ParsedLayer,
  opts: { id: string; sample: boolean; now: number; kind?: LayerKind; style?: LayerStyle },
): LayerRecord {
  const kind = opts.kind ?? safeGuessKind(layer.name, layer.fields);
  const style = opts.style ?? safeDefaultStyle(kind, layer.fields, layer.geometryKind);
  return {
    id: opts.id,
    name: layer.name,
    kind,
    order: 0,
    visible: true,
    opacity: 1,
    style,
    sample: opts.sample,
    createdAt: opts.now,
    dataVersion: 1,
    meta: {
      source: layer.source,
      geometryKind: layer.geometryKind,
      shapeType: layer.shapeType,
      fields: layer.fields,
      encoding: layer.encoding,
      crs: layer.crs,
      bboxLngLat: layer.bboxLngLat,
      featureCount: layer.features.length,
      issues: layer.issues,
    },
  };
}

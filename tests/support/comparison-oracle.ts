/**
 * The comparison oracle's role layers (tests/oracles/comparison.json, scripts/make-comparison-oracle.py: shapely/GEOS)
 * as the comparison takes them, and their overlay index: the specs that compare the oracle's plots by our engine
 * (the comparison itself, the 面积表, the patch sets) start from the same layers.
 */
import type { Polygon } from 'geojson';
import type { GeometryEngine } from '../../shared/domain/geometry/engine/engine';
import { OverlayIndex } from '../../shared/domain/geometry/overlay';
import type { ComparisonRole } from '../../shared/domain/inspection/comparison';
import { overlayLayersOf, type RoleLayer } from '../../shared/domain/inspection/comparison-run';

export interface OracleLayer {
  role: ComparisonRole;
  groupField: string | null;
  features: { geometry: Polygon['coordinates']; group: string | null }[];
}

/** Layer k as 图层k (id Lk, data version 1); each feature's fid is its index. */
export function oracleComparison(engine: GeometryEngine, layers: readonly OracleLayer[]): { roleLayers: RoleLayer[]; index: OverlayIndex } {
  const roleLayers: RoleLayer[] = layers.map((l, k) => ({
    assignment: { role: l.role, layerId: `L${k}`, layerName: `图层${k}`, groupField: l.groupField },
    dataVersion: 1,
    features: l.features.map((f, i) => ({ geometryLngLat: { type: 'Polygon', coordinates: f.geometry }, group: f.group, fid: i })),
  }));
  return { roleLayers, index: new OverlayIndex(engine, overlayLayersOf(roleLayers)) };
}

// Shape type codes, ESRI Shapefile Technical Description (July 1998), table 1.
import type { GeometryKind } from '../types';

export const SHAPE_TYPE_NAMES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};

/** The 2D base type: Z (+10) and M (+20) variants share the XY layout of their base. */
export function baseShapeType(type: number): number {
  if (type === 31) return 31;
  if (type >= 20) return type - 20;
  if (type >= 10) return type - 10;
  return type;
}

export function hasZOrM(type: number): boolean {
  return type >= 11 && type <= 28;
}

export function geometryKindOf(type: number): GeometryKind {
  switch (baseShapeType(type)) {
    case 1:
    case 8:
      return 'point';
    case 3:
      return 'line';
    case 5:
      return 'polygon';
    default:
      return 'unknown';
  }
}

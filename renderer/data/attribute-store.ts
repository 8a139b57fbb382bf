/**
 * The per-layer attribute store: one JSON Blob per layer (few big records, README Decision 7), read lazily
 * for identify and the attribute table. Rows are arrays in field order; areas keep both labelled figures.
 */
import type { AreaFigures, GkZoneRef } from '../../shared/domain/units/area';
import { squareMetres, toMu } from '../../shared/domain/units/area';
import type { AttributeValue } from '../../shared/formats/types';

/** [ellipsoidal m², planar m², zone width, zone, central meridian] and, for the figures of a boundary GEOS
 *  repaired, a sixth element 1 (stores written before repairs existed have five: read as not repaired). */
export type PackedArea = [number, number, 3 | 6, number, number] | [number, number, 3 | 6, number, number, 1];
export type { Bbox } from '../../shared/domain/geometry/bbox';
import type { Bbox } from '../../shared/domain/geometry/bbox';

export interface AttributeStoreJson {
  v: 1;
  fields: string[];
  fids: number[];
  rows: AttributeValue[][];
  areas: (PackedArea | null)[];
  bboxes: (Bbox | null)[];
}

export function packArea(a: AreaFigures | undefined): PackedArea | null {
  if (!a || !Number.isFinite(a.ellipsoidalM2) || !Number.isFinite(a.planarM2)) return null;
  const base: [number, number, 3 | 6, number, number] = [a.ellipsoidalM2, a.planarM2, a.zone.width, a.zone.zone, a.zone.centralMeridian];
  return a.boundary === 'repaired' ? [...base, 1] : base;
}

export function unpackArea(p: PackedArea | null | undefined): AreaFigures | null {
  if (!p) return null;
  const planar = squareMetres(p[1]);
  const zone: GkZoneRef = { width: p[2], zone: p[3], centralMeridian: p[4] };
  const figures: AreaFigures = { ellipsoidalM2: squareMetres(p[0]), planarM2: planar, mu: toMu(planar), zone };
  if (p[5] === 1) figures.boundary = 'repaired';
  return figures;
}

/** A loaded store with an fid → row index. */
export class AttributeStore {
  private readonly index = new Map<number, number>();
  constructor(readonly json: AttributeStoreJson) {
    json.fids.forEach((fid, i) => this.index.set(fid, i));
  }
  get size(): number {
    return this.json.fids.length;
  }
  get fields(): string[] {
    return this.json.fields;
  }
  rowIndexOf(fid: number): number | undefined {
    return this.index.get(fid);
  }
  row(i: number): AttributeValue[] {
    return this.json.rows[i] ?? [];
  }
  area(i: number): AreaFigures | null {
    return unpackArea(this.json.areas[i]);
  }
  bbox(i: number): Bbox | null {
    return this.json.bboxes[i] ?? null;
  }
  fid(i: number): number {
    return this.json.fids[i]!;
  }
}

/** Validates the parsed JSON (it comes from IndexedDB: never trust it blindly). */
export function restoreAttributeStore(raw: unknown): AttributeStore | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const j = raw as Partial<AttributeStoreJson>;
  if (!Array.isArray(j.fields) || !Array.isArray(j.fids) || !Array.isArray(j.rows) || j.rows.length !== j.fids.length) return null;
  const n = j.fids.length;
  const areas = Array.isArray(j.areas) && j.areas.length === n ? j.areas : new Array<null>(n).fill(null);
  const bboxes = Array.isArray(j.bboxes) && j.bboxes.length === n ? j.bboxes : new Array<null>(n).fill(null);
  return new AttributeStore({ v: 1, fields: j.fields.map(String), fids: j.fids, rows: j.rows, areas, bboxes });
}

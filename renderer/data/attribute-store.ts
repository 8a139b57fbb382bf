/**
 * The per-layer attribute store: one JSON Blob per layer (few big records, README Decision 7), read lazily
 * for identify and the attribute table. Rows are arrays in field order; areas keep both labelled figures.
 */
import type { AreaFigures, GkZoneRef } from '../../shared/domain/units/area';
import { squareMetres, toMu } from '../../shared/domain/units/area';
import type { AttributeValue } from '../../shared/formats/types';
import { isObject } from '../../shared/validation/guards';
import { fail, ok, type Repair, type Validation } from '../../shared/validation/validation';

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
export type AttributeStoreReason = 'notObject' | 'badShape';

/**
 * A stored attribute store read back (the one validator idiom, shared/validation): the rows must match the fids,
 * or nothing can be said of any feature; missing or misaligned areas and boxes are dropped (reported) and the
 * figures then say 无面积 rather than belong to the wrong feature.
 */
export function validateAttributeStore(raw: unknown): Validation<AttributeStore, AttributeStoreReason> {
  if (!isObject(raw)) return fail('notObject');
  const j = raw as Partial<AttributeStoreJson>;
  if (!Array.isArray(j.fields)) return fail('badShape', 'fields');
  if (!Array.isArray(j.fids) || !Array.isArray(j.rows) || j.rows.length !== j.fids.length)
    return fail('badShape', 'rows', 'rows and fids differ in length');
  const n = j.fids.length;
  const repaired: Repair[] = [];
  const aligned = <T>(v: T[] | undefined, path: string): (T | null)[] => {
    if (Array.isArray(v) && v.length === n) return v;
    repaired.push({ path, code: 'defaulted' });
    return new Array<null>(n).fill(null);
  };
  const areas = aligned(j.areas, 'areas');
  const bboxes = aligned(j.bboxes, 'bboxes');
  return ok(new AttributeStore({ v: 1, fields: j.fields.map(String), fids: j.fids, rows: j.rows, areas, bboxes }), repaired);
}

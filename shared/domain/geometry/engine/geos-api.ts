/**
 * The part of GEOS's C API (libgeos, geos_c.h, reentrant `_r` forms) that the engine calls, as exported by
 * the `geos-wasm` build (GEOS 3.13 compiled to WebAssembly with Emscripten). Pointers are numbers into the
 * module's heap. Declared here rather than taken from geos-wasm's own typings, which pull in DOM types that
 * shared/ must not see; `load.ts` checks at start-up that every function named here exists.
 */
export type Ptr = number;

export interface GeosHeap {
  _malloc(bytes: number): Ptr;
  _free(ptr: Ptr): void;
  getValue(ptr: Ptr, type: 'i32' | 'double' | '*'): number;
  setValue(ptr: Ptr, value: number, type: 'i32' | 'double' | '*'): void;
  readonly HEAPF64: Float64Array;
}

export interface GeosApi {
  readonly Module: GeosHeap;
  _ctx: Ptr | null;
  GEOSCoordSeq_copyFromBuffer_r(ctx: Ptr, buf: Ptr, size: number, hasZ: number, hasM: number): Ptr;
  GEOSCoordSeq_copyToBuffer_r(ctx: Ptr, seq: Ptr, buf: Ptr, hasZ: number, hasM: number): number;
  GEOSCoordSeq_getSize_r(ctx: Ptr, seq: Ptr, sizeOut: Ptr): number;
  GEOSGeom_createLinearRing_r(ctx: Ptr, seq: Ptr): Ptr;
  GEOSGeom_createPolygon_r(ctx: Ptr, shell: Ptr, holes: Ptr, nholes: number): Ptr;
  GEOSGeom_createCollection_r(ctx: Ptr, type: number, geoms: Ptr, ngeoms: number): Ptr;
  GEOSGeom_createEmptyPolygon_r(ctx: Ptr): Ptr;
  GEOSGeom_destroy_r(ctx: Ptr, g: Ptr): void;
  GEOSGeom_clone_r(ctx: Ptr, g: Ptr): Ptr;
  GEOSGeom_getCoordSeq_r(ctx: Ptr, g: Ptr): Ptr;
  GEOSGeomTypeId_r(ctx: Ptr, g: Ptr): number;
  GEOSGetNumGeometries_r(ctx: Ptr, g: Ptr): number;
  GEOSGetGeometryN_r(ctx: Ptr, g: Ptr, n: number): Ptr;
  GEOSGetExteriorRing_r(ctx: Ptr, g: Ptr): Ptr;
  GEOSGetNumInteriorRings_r(ctx: Ptr, g: Ptr): number;
  GEOSGetInteriorRingN_r(ctx: Ptr, g: Ptr, n: number): Ptr;
  GEOSisEmpty_r(ctx: Ptr, g: Ptr): number;
  GEOSisValid_r(ctx: Ptr, g: Ptr): number;
  GEOSMakeValid_r(ctx: Ptr, g: Ptr): Ptr;
  GEOSArea_r(ctx: Ptr, g: Ptr, out: Ptr): number;
  GEOSIntersection_r(ctx: Ptr, a: Ptr, b: Ptr): Ptr;
  GEOSDifference_r(ctx: Ptr, a: Ptr, b: Ptr): Ptr;
  GEOSUnaryUnion_r(ctx: Ptr, g: Ptr): Ptr;
  GEOSClipByRect_r(ctx: Ptr, g: Ptr, xmin: number, ymin: number, xmax: number, ymax: number): Ptr;
  GEOSGeom_createLineString_r(ctx: Ptr, seq: Ptr): Ptr;
  GEOSBoundary_r(ctx: Ptr, g: Ptr): Ptr;
  GEOSUnion_r(ctx: Ptr, a: Ptr, b: Ptr): Ptr;
  /** A GeometryCollection of the polygons the noded linework `geoms` (an array of Ptr) encloses. */
  GEOSPolygonize_r(ctx: Ptr, geoms: Ptr, ngeoms: number): Ptr;
  GEOSPointOnSurface_r(ctx: Ptr, g: Ptr): Ptr;
  /** 1 true, 0 false, 2 exception. */
  GEOSContains_r(ctx: Ptr, a: Ptr, b: Ptr): number;
  /** The buffer of `g` at distance `width`: quadsegs segments per quarter circle, end caps and joins by GEOSBufCapStyles / GEOSBufJoinStyles. */
  GEOSBufferWithStyle_r(ctx: Ptr, g: Ptr, width: number, quadsegs: number, endCapStyle: number, joinStyle: number, mitreLimit: number): Ptr;
  GEOSGeom_createPointFromXY_r(ctx: Ptr, x: number, y: number): Ptr;
}

/** Every function of GeosApi, for the start-up check. */
export const GEOS_FUNCTIONS = [
  'GEOSCoordSeq_copyFromBuffer_r',
  'GEOSCoordSeq_copyToBuffer_r',
  'GEOSCoordSeq_getSize_r',
  'GEOSGeom_createLinearRing_r',
  'GEOSGeom_createPolygon_r',
  'GEOSGeom_createCollection_r',
  'GEOSGeom_createEmptyPolygon_r',
  'GEOSGeom_destroy_r',
  'GEOSGeom_clone_r',
  'GEOSGeom_getCoordSeq_r',
  'GEOSGeomTypeId_r',
  'GEOSGetNumGeometries_r',
  'GEOSGetGeometryN_r',
  'GEOSGetExteriorRing_r',
  'GEOSGetNumInteriorRings_r',
  'GEOSGetInteriorRingN_r',
  'GEOSisEmpty_r',
  'GEOSisValid_r',
  'GEOSMakeValid_r',
  'GEOSArea_r',
  'GEOSIntersection_r',
  'GEOSDifference_r',
  'GEOSUnaryUnion_r',
  'GEOSClipByRect_r',
  'GEOSGeom_createLineString_r',
  'GEOSBoundary_r',
  'GEOSUnion_r',
  'GEOSPolygonize_r',
  'GEOSPointOnSurface_r',
  'GEOSContains_r',
  'GEOSBufferWithStyle_r',
  'GEOSGeom_createPointFromXY_r',
] as const satisfies readonly (keyof GeosApi)[];

/** geos_c.h GEOSGeomTypes. */
export const GEOS_POLYGON = 3;
export const GEOS_MULTIPOLYGON = 6;
export const GEOS_GEOMETRYCOLLECTION = 7;

/** geos_c.h GEOSBufCapStyles and GEOSBufJoinStyles (shapely's cap_style / join_style use the same numbers). */
export const GEOS_CAP_ROUND = 1;
export const GEOS_CAP_FLAT = 2;
export const GEOS_JOIN_ROUND = 1;

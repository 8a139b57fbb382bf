/**
 * The geometry engine: GEOS (the library behind QGIS, PostGIS and shapely) compiled to WebAssembly, behind
 * a small typed surface. Every area the app prints comes from geometry this engine built or repaired, so the
 * same plot has the same figure in identify, tables, overlay and evidence (README, Decision 15).
 *
 * Why GEOS and not a JavaScript clipper (measured, README Decision 15): it is the reference our figures are
 * tested against, so "GEOS-equal" holds by construction; its MakeValid is the repair QGIS "Fix geometries"
 * and PostGIS ST_MakeValid apply; its OverlayNG falls back to snap-rounding instead of failing.
 *
 * Memory: geometries live on the WebAssembly heap and are NOT garbage collected. Every Ptr returned here is
 * owned by the caller and must be given to `destroy` (or to a call documented as taking ownership).
 * Coordinates are planar (GK metres, or degrees where only topology matters). Errors from GEOS are thrown
 * as EngineError with GEOS's own message; the heap stays usable.
 */
import type { Position } from 'geojson';
import {
  GEOS_CAP_FLAT,
  GEOS_CAP_ROUND,
  GEOS_GEOMETRYCOLLECTION,
  GEOS_JOIN_ROUND,
  GEOS_MULTIPOLYGON,
  GEOS_POLYGON,
  type GeosApi,
  type Ptr,
} from './geos-api';

/** Polygons as GeoJSON-style nested arrays: polygon → rings → positions. */
export type Polygons = Position[][][];

export class EngineError extends Error {
  constructor(
    readonly op: string,
    readonly geosMessage: string,
  ) {
    super(`GEOS ${op}: ${geosMessage}`);
    this.name = 'EngineError';
  }
}

/** Where GEOS's error callback leaves its message (set by load.ts). */
export interface GeosMessages {
  lastError: string | null;
}

export class GeometryEngine {
  private readonly ctx: Ptr;
  private buf: Ptr = 0;
  private bufDoubles = 0;

  constructor(
    private readonly geos: GeosApi,
    private readonly messages: GeosMessages,
  ) {
    if (geos._ctx === null) throw new Error('GEOS context not initialised');
    this.ctx = geos._ctx;
  }

  /** A scratch buffer of at least n doubles on the heap (grown, never shrunk). */
  private scratch(n: number): Ptr {
    if (n > this.bufDoubles) {
      if (this.buf) this.geos.Module._free(this.buf);
      this.bufDoubles = Math.max(n, this.bufDoubles * 2, 1024);
      this.buf = this.geos.Module._malloc(this.bufDoubles * 8);
    }
    return this.buf;
  }

  private check(op: string, g: Ptr): Ptr {
    if (!g) {
      const msg = this.messages.lastError ?? 'failed';
      this.messages.lastError = null;
      throw new EngineError(op, msg);
    }
    return g;
  }

  private ring(coords: readonly Position[], dx: number, dy: number): Ptr {
    return this.check('ring', this.geos.GEOSGeom_createLinearRing_r(this.ctx, this.sequence(coords, dx, dy)));
  }

  /** A coordinate sequence of `coords` shifted by (−dx, −dy); owned by the geometry it is given to. */
  private sequence(coords: readonly Position[], dx: number, dy: number): Ptr {
    const n = coords.length;
    const buf = this.scratch(n * 2);
    const heap = this.geos.Module.HEAPF64; // after scratch(): the heap may have grown
    let at = buf / 8;
    for (let i = 0; i < n; i++) {
      const p = coords[i] as Position;
      heap[at++] = (p[0] as number) - dx;
      heap[at++] = (p[1] as number) - dy;
    }
    return this.check('coordinates', this.geos.GEOSCoordSeq_copyFromBuffer_r(this.ctx, buf, n, 0, 0));
  }

  private ptrArray(ptrs: readonly Ptr[]): Ptr {
    const M = this.geos.Module;
    const arr = M._malloc(Math.max(1, ptrs.length) * 4);
    for (let i = 0; i < ptrs.length; i++) M.setValue(arr + i * 4, ptrs[i] as Ptr, 'i32');
    return arr;
  }

  /** A polygon, or null when its outer ring has fewer than 4 positions (a degenerate shell is not replaced
   *  by one of its holes: that would turn a hole into area). Holes of < 4 positions are dropped. */
  private polygon(rings: readonly Position[][], dx: number, dy: number): Ptr | null {
    const shellCoords = rings[0];
    if (!shellCoords || shellCoords.length < 4) return null;
    const built: Ptr[] = [];
    try {
      built.push(this.ring(shellCoords, dx, dy));
      for (const r of rings.slice(1)) if (r.length >= 4) built.push(this.ring(r, dx, dy));
    } catch (err) {
      for (const r of built) this.destroy(r); // rings not yet owned by a polygon
      throw err;
    }
    const holes = built.slice(1);
    const arr = this.ptrArray(holes);
    const g = this.geos.GEOSGeom_createPolygon_r(this.ctx, built[0] as Ptr, arr, holes.length);
    this.geos.Module._free(arr);
    return this.check('polygon', g);
  }

  /** A (multi)polygon from nested coordinates, shifted by (−dx, −dy). Parts whose outer ring has < 4 positions
   *  are dropped; nothing at all gives an empty polygon. */
  fromPolygons(polys: Polygons, dx = 0, dy = 0): Ptr {
    const parts: Ptr[] = [];
    try {
      for (const rings of polys) {
        const p = this.polygon(rings, dx, dy);
        if (p) parts.push(p);
      }
    } catch (err) {
      for (const p of parts) this.destroy(p);
      throw err;
    }
    if (parts.length === 1) return parts[0] as Ptr;
    if (parts.length === 0) return this.check('empty', this.geos.GEOSGeom_createEmptyPolygon_r(this.ctx));
    return this.collection(GEOS_MULTIPOLYGON, parts);
  }

  /** A LineString through `coords` (≥ 2 positions), shifted by (−dx, −dy). */
  fromLineString(coords: readonly Position[], dx = 0, dy = 0): Ptr {
    return this.check('lineString', this.geos.GEOSGeom_createLineString_r(this.ctx, this.sequence(coords, dx, dy)));
  }

  /**
   * `polygon` cut along `line`, as shapely.ops.split does it: the polygon's boundary and the line are noded
   * together (their union), the linework is polygonized, and the faces whose interior point lies inside the
   * polygon are kept. A line that does not cross the polygon from edge to edge leaves one face, the polygon
   * itself. Faces come as one Polygon or a MultiPolygon (a new geometry; the inputs are untouched).
   */
  split(polygon: Ptr, line: Ptr): Ptr {
    const boundary = this.check('boundary', this.geos.GEOSBoundary_r(this.ctx, polygon));
    let noded: Ptr = 0;
    let faces: Ptr = 0;
    const inside: Ptr[] = [];
    try {
      noded = this.check('union', this.geos.GEOSUnion_r(this.ctx, boundary, line));
      const arr = this.ptrArray([noded]);
      faces = this.geos.GEOSPolygonize_r(this.ctx, arr, 1);
      this.geos.Module._free(arr);
      this.check('polygonize', faces);
      const found: Ptr[] = [];
      this.collectPolygons(faces, found);
      for (const face of found) {
        const point = this.check('pointOnSurface', this.geos.GEOSPointOnSurface_r(this.ctx, face));
        const contains = this.geos.GEOSContains_r(this.ctx, polygon, point);
        this.destroy(point);
        if (contains === 2) throw new EngineError('contains', this.messages.lastError ?? 'failed');
        if (contains === 1) inside.push(this.clone(face));
      }
    } catch (err) {
      for (const p of inside) this.destroy(p);
      throw err;
    } finally {
      this.destroy(faces);
      this.destroy(noded);
      this.destroy(boundary);
    }
    if (inside.length === 0) return this.check('empty', this.geos.GEOSGeom_createEmptyPolygon_r(this.ctx));
    if (inside.length === 1) return inside[0] as Ptr;
    return this.collection(GEOS_MULTIPOLYGON, inside);
  }

  /** A Point at (x − dx, y − dy). */
  fromPoint(x: number, y: number, dx = 0, dy = 0): Ptr {
    return this.check('point', this.geos.GEOSGeom_createPointFromXY_r(this.ctx, x - dx, y - dy));
  }

  /**
   * The polygon within `distance` of `g` (GEOS Buffer, as shapely's `buffer`): round joins, `quadSegments` segments per
   * quarter circle (shapely's default 8), end caps of a line flat (the area stops where the line does) or round. Planar:
   * give it plane coordinates (GK metres). A new geometry; `g` is untouched.
   */
  buffer(g: Ptr, distance: number, opts: { cap?: 'flat' | 'round'; quadSegments?: number } = {}): Ptr {
    const cap = opts.cap === 'flat' ? GEOS_CAP_FLAT : GEOS_CAP_ROUND;
    return this.polygonal(
      this.check('buffer', this.geos.GEOSBufferWithStyle_r(this.ctx, g, distance, opts.quadSegments ?? 8, cap, GEOS_JOIN_ROUND, 5)),
    );
  }

  /** A collection of the given type; takes ownership of `parts`. */
  private collection(type: number, parts: Ptr[]): Ptr {
    const arr = this.ptrArray(parts);
    const g = this.geos.GEOSGeom_createCollection_r(this.ctx, type, arr, parts.length);
    this.geos.Module._free(arr);
    return this.check('collection', g);
  }

  /** A copy the caller owns. */
  clone(g: Ptr): Ptr {
    return this.check('clone', this.geos.GEOSGeom_clone_r(this.ctx, g));
  }

  destroy(g: Ptr): void {
    if (g) this.geos.GEOSGeom_destroy_r(this.ctx, g);
  }

  isValid(g: Ptr): boolean {
    const v = this.geos.GEOSisValid_r(this.ctx, g);
    this.messages.lastError = null;
    return v === 1;
  }

  isEmpty(g: Ptr): boolean {
    return this.geos.GEOSisEmpty_r(this.ctx, g) === 1;
  }

  /** Planar area (GEOS: shoelace about the first vertex of each ring). */
  area(g: Ptr): number {
    const M = this.geos.Module;
    const out = this.scratch(1);
    if (!this.geos.GEOSArea_r(this.ctx, g, out)) throw new EngineError('area', this.messages.lastError ?? 'failed');
    return M.getValue(out, 'double');
  }

  /**
   * The polygonal part of GEOS MakeValid (the "linework" method, as ST_MakeValid, QGIS "Fix geometries" and
   * shapely.make_valid): a bowtie becomes its two lobes, a ring inside another becomes its hole whatever its
   * winding, collapsed spikes and lines are dropped (they have no area). A new geometry; `g` is untouched.
   */
  makeValid(g: Ptr): Ptr {
    return this.polygonal(this.check('makeValid', this.geos.GEOSMakeValid_r(this.ctx, g)));
  }

  /** `g` if valid, else its repaired copy, and which it was: one validity check. Takes ownership of `g`
   *  (destroyed when replaced, or when the repair throws). */
  validated(g: Ptr): { geom: Ptr; repaired: boolean } {
    if (this.isValid(g)) return { geom: g, repaired: false };
    try {
      return { geom: this.makeValid(g), repaired: true };
    } finally {
      this.destroy(g);
    }
  }

  intersection(a: Ptr, b: Ptr): Ptr {
    return this.polygonal(this.check('intersection', this.geos.GEOSIntersection_r(this.ctx, a, b)));
  }

  difference(a: Ptr, b: Ptr): Ptr {
    return this.polygonal(this.check('difference', this.geos.GEOSDifference_r(this.ctx, a, b)));
  }

  /** Rectangle clip (GEOS ClipByRect: linear time, exact on the rectangle). Used before an exact overlay to
   *  cut a zone of thousands of vertices down to the plot's neighbourhood. */
  clipByRect(g: Ptr, xmin: number, ymin: number, xmax: number, ymax: number): Ptr {
    return this.polygonal(this.check('clipByRect', this.geos.GEOSClipByRect_r(this.ctx, g, xmin, ymin, xmax, ymax)));
  }

  /** Union of all `parts` (GEOS UnaryUnion, cascaded). Takes ownership of `parts`, also when it throws. */
  unionAll(parts: Ptr[]): Ptr {
    if (parts.length === 0) return this.check('empty', this.geos.GEOSGeom_createEmptyPolygon_r(this.ctx));
    let coll: Ptr;
    try {
      coll = this.collection(GEOS_GEOMETRYCOLLECTION, parts);
    } catch (err) {
      for (const p of parts) this.destroy(p);
      throw err;
    }
    try {
      return this.polygonal(this.check('union', this.geos.GEOSUnaryUnion_r(this.ctx, coll)));
    } finally {
      this.destroy(coll);
    }
  }

  /**
   * Only the polygons of `g` (a collection may also hold lines and points from collapsed parts), as one
   * Polygon or MultiPolygon; takes ownership of `g`.
   */
  private polygonal(g: Ptr): Ptr {
    const type = this.geos.GEOSGeomTypeId_r(this.ctx, g);
    if (type === GEOS_POLYGON || type === GEOS_MULTIPOLYGON) return g;
    const found: Ptr[] = [];
    this.collectPolygons(g, found);
    const clones = found.map((p) => this.check('clone', this.geos.GEOSGeom_clone_r(this.ctx, p)));
    this.destroy(g);
    if (clones.length === 1) return clones[0] as Ptr;
    if (clones.length === 0) return this.check('empty', this.geos.GEOSGeom_createEmptyPolygon_r(this.ctx));
    return this.collection(GEOS_MULTIPOLYGON, clones);
  }

  private collectPolygons(g: Ptr, out: Ptr[]): void {
    const type = this.geos.GEOSGeomTypeId_r(this.ctx, g);
    if (type === GEOS_POLYGON) {
      if (!this.isEmpty(g)) out.push(g);
    } else if (type === GEOS_MULTIPOLYGON || type === GEOS_GEOMETRYCOLLECTION) {
      const n = this.geos.GEOSGetNumGeometries_r(this.ctx, g);
      for (let i = 0; i < n; i++) this.collectPolygons(this.geos.GEOSGetGeometryN_r(this.ctx, g, i), out);
    }
  }

  private readRing(ring: Ptr, dx: number, dy: number): Position[] {
    const seq = this.geos.GEOSGeom_getCoordSeq_r(this.ctx, ring);
    const sizeOut = this.scratch(1);
    this.geos.GEOSCoordSeq_getSize_r(this.ctx, seq, sizeOut);
    const n = this.geos.Module.getValue(sizeOut, 'i32');
    const buf = this.scratch(n * 2);
    this.geos.GEOSCoordSeq_copyToBuffer_r(this.ctx, seq, buf, 0, 0);
    const heap = this.geos.Module.HEAPF64;
    const out: Position[] = new Array(n);
    for (let i = 0, at = buf / 8; i < n; i++, at += 2) out[i] = [(heap[at] as number) + dx, (heap[at + 1] as number) + dy];
    return out;
  }

  /** The polygons of `g` as nested coordinates, shifted by (+dx, +dy). GEOS keeps ring orientation as built;
   *  callers that need RFC 7946 winding use `orientRfc7946`. */
  toPolygons(g: Ptr, dx = 0, dy = 0): Polygons {
    const found: Ptr[] = [];
    this.collectPolygons(g, found);
    return found.map((p) => {
      const rings = [this.readRing(this.geos.GEOSGetExteriorRing_r(this.ctx, p), dx, dy)];
      const nh = this.geos.GEOSGetNumInteriorRings_r(this.ctx, p);
      for (let i = 0; i < nh; i++) rings.push(this.readRing(this.geos.GEOSGetInteriorRingN_r(this.ctx, p, i), dx, dy));
      return rings;
    });
  }
}

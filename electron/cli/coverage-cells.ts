/**
 * The cells `landpatrol coverage` measures tracks against: the polygons of an imported layer, or of a GeoJSON
 * file (RFC 7946: lon/lat, taken as CGCS2000 as the app draws it, README Domain rule 4). Pure, so it is tested
 * without the disk. Each cell's id is the --id-field value, else a grid-code field, else the GeoJSON feature id,
 * else its record number (1-based, as GIS software counts); its name the --name-field value, else a name field,
 * else its id.
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { CoverageCell } from '../../shared/domain/patrol/coverage';
import type { ParsedLayer } from '../../shared/formats/types';
import type { CliMessageKey } from '../../shared/i18n/cli';

/** 网格编码 / 标识码 …: fields that name a cell's code, in the order they are looked for. */
export const ID_FIELDS = ['WGBM', 'BSM', 'ID', 'CODE', 'DM'];
/** 网格名称 / 名称 / 村名 …: fields that name a cell. */
export const NAME_FIELDS = ['WGMC', 'NAME', 'MC', 'CJQMC', 'XZQMC', 'ZLDWMC'];

export interface CellOptions {
  nameField?: string;
  idField?: string;
}

export type CellsResult = { ok: true; cells: CoverageCell[] } | { ok: false; key: CliMessageKey; params: Record<string, string> };

interface RawCell {
  record: number;
  featureId?: string | number;
  properties: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
}

const isAreal = (g: Geometry | null | undefined): g is Polygon | MultiPolygon => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');

const keyOf = (fields: readonly string[], wanted: string): string | undefined => fields.find((f) => f.toUpperCase() === wanted.toUpperCase());

const text = (v: unknown): string | null => (v === undefined || v === null || String(v).trim() === '' ? null : String(v));

function cellsOf(file: string, raw: RawCell[], fields: readonly string[], opts: CellOptions): CellsResult {
  if (raw.length === 0) return { ok: false, key: 'cellsNotPolygons', params: { file } };
  for (const f of [opts.idField, opts.nameField])
    if (f !== undefined && !keyOf(fields, f)) return { ok: false, key: 'idFieldMissing', params: { file, field: f } };
  const idKey = opts.idField ? keyOf(fields, opts.idField) : ID_FIELDS.map((f) => keyOf(fields, f)).find((k) => k !== undefined);
  const nameKey = opts.nameField ? keyOf(fields, opts.nameField) : NAME_FIELDS.map((f) => keyOf(fields, f)).find((k) => k !== undefined);
  return {
    ok: true,
    cells: raw.map((c) => {
      const id = (idKey ? text(c.properties[idKey]) : null) ?? (c.featureId !== undefined ? String(c.featureId) : null) ?? String(c.record);
      return { id, name: (nameKey ? text(c.properties[nameKey]) : null) ?? id, geometryLngLat: c.geometry };
    }),
  };
}

/** The polygon features of imported layers (a folder may hold several). */
export function cellsFromLayers(layers: readonly ParsedLayer[], opts: CellOptions): CellsResult {
  const polygonal = layers.filter((l) => l.geometryKind === 'polygon');
  const file = (layers[0]?.source ?? '?') as string;
  if (polygonal.length === 0) return { ok: false, key: 'cellsNotPolygons', params: { file } };
  const fields = [...new Set(polygonal.flatMap((l) => l.fields.map((f) => f.name)))];
  const raw = polygonal.flatMap((l) =>
    l.features
      .filter((f) => isAreal(f.geometry))
      .map((f) => ({ record: f.fid + 1, properties: f.properties, geometry: f.geometry as Polygon | MultiPolygon })),
  );
  return cellsOf(polygonal[0]!.source, raw, fields, opts);
}

const inLngLat = (g: Polygon | MultiPolygon): boolean =>
  (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).every((ring) =>
    ring.every((p) => Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90),
  );

/** The polygons of a GeoJSON FeatureCollection, Feature or bare geometry, which must be in lon/lat. */
export function cellsFromGeoJson(file: string, json: string, opts: CellOptions): CellsResult {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, key: 'badGeoJson', params: { file } };
  }
  const d = doc as { type?: unknown; features?: unknown };
  const features: Feature[] =
    d && d.type === 'FeatureCollection' && Array.isArray(d.features)
      ? (d.features as Feature[])
      : d && d.type === 'Feature'
        ? [doc as Feature]
        : d && typeof d.type === 'string'
          ? [{ type: 'Feature', properties: {}, geometry: doc as Geometry }]
          : [];
  if (features.length === 0 && !(d && d.type === 'FeatureCollection')) return { ok: false, key: 'badGeoJson', params: { file } };
  const raw: RawCell[] = [];
  const fields = new Set<string>();
  features.forEach((f, i) => {
    if (!f || typeof f !== 'object' || !isAreal(f.geometry)) return;
    const properties = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
    for (const k of Object.keys(properties)) fields.add(k);
    raw.push({ record: i + 1, ...(f.id !== undefined ? { featureId: f.id } : {}), properties, geometry: f.geometry });
  });
  // GK metres in a GeoJSON (some tools write them with a "crs" member) would be read as degrees: refuse them.
  if (!raw.every((c) => inLngLat(c.geometry))) return { ok: false, key: 'cellsNotLngLat', params: { file } };
  return cellsOf(file, raw, [...fields], opts);
}

/**
 * The import pipeline: everything the user dropped (loose parts, folders, zips) → layers in lon/lat with
 * labelled areas, plus what could not be decided alone (pending: the CRS) and what failed (with issues that
 * name the file). Pure: bytes in, data out; the app runs it in a worker, the CLI in Node.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { detectCrsFromCoordinates } from '../domain/crs/detect';
import { checkPlausibility } from '../domain/crs/plausibility';
import { parsePrj } from '../domain/crs/prj';
import { gkZoneForLongitude, makeToLngLat } from '../domain/crs/transform';
import type { CrsGuess, CrsInfo } from '../domain/crs/types';
import { crsFromEpsg } from '../domain/crs/zones';
import { featureAreas, planarAreaM2 } from '../domain/geometry/area';
import { EngineError, type GeometryEngine } from '../domain/geometry/engine/engine';
import { loadGeometryEngine } from '../domain/geometry/engine/load';
import { repairPolygonal } from '../domain/geometry/repair';
import { emptyBbox, extendBbox, forEachPosition, geometriesBbox, type Bbox } from '../domain/geometry/bbox';
import type { GkZoneRef } from '../domain/units/area';
import { groupBundles, type ShapefileBundle } from './bundle';
import { detectEncoding } from './encoding/detect';
import { encodingPreview } from './encoding/preview';
import { getTextDecoder } from './encoding/text-decoder';
import { readDbf } from './shapefile/dbf';
import { pairRecords } from './shapefile/pair';
import { listParams, readShp, type ShpRecord } from './shapefile/shp';
import type {
  AttributeValue,
  BundleDescription,
  EncodingInfo,
  ImportOptions,
  ImportResult,
  InputFile,
  Issue,
  LayerFeature,
  ParsedLayer,
  PendingBundle,
} from './types';

type BundleOutcome = { kind: 'layer'; layer: ParsedLayer } | { kind: 'pending'; pending: PendingBundle } | { kind: 'failed'; issues: Issue[] };

const PROGRESS_EVERY = 2000;
/** Rows a pending bundle's description carries (inspect prints the first three, as for a layer). */
const DESCRIBED_ROWS = 3;

class Cancelled extends Error {}

const hasError = (issues: Issue[]): boolean => issues.some((i) => i.severity === 'error');

function decodeSmallText(bytes: Uint8Array): string {
  // .prj and .cpg are ASCII in practice; UTF-8 decoding keeps any BOM visible for the parsers to strip.
  return (getTextDecoder('utf-8') ?? { decode: () => '' }).decode(bytes);
}

/** The CRS of a bundle: the user's choice, else the .prj, else the coordinates themselves. */
function decideCrs(
  bundle: ShapefileBundle,
  bboxSource: Bbox | null,
  override: number | undefined,
): CrsGuess | { kind: 'bad-override'; epsg: number } {
  if (override !== undefined) {
    const crs = crsFromEpsg(override, 'user');
    return crs ? { kind: 'known', crs, warnings: [] } : { kind: 'bad-override', epsg: override };
  }
  if (bundle.prj) {
    const guess = parsePrj(decodeSmallText(bundle.prj.bytes));
    if (guess.kind === 'known' || !bboxSource) return guess;
    // An unreadable .prj: the coordinates may still settle it (an 8-digit zone-prefixed easting).
    const fromCoords = detectCrsFromCoordinates(bboxSource);
    return fromCoords.kind === 'known' ? fromCoords : guess;
  }
  if (!bboxSource) return { kind: 'ask-user', reason: 'no-prj-unrecognised', candidates: [], warnings: [] };
  return detectCrsFromCoordinates(bboxSource);
}

/** The GK zone planar areas are given in: the data's own zone when it is GK, else the 3° zone of the feature. */
function zoneOfData(crs: CrsInfo): GkZoneRef | null {
  const gk = crs.gk;
  if (!gk) return null;
  const zone = gk.zone ?? gkZoneForLongitude(gk.centralMeridian, gk.width).zone;
  return { width: gk.width, zone, centralMeridian: gk.centralMeridian };
}

/**
 * Repairs, in source coordinates, the records the reader flagged (a ring touching or crossing itself, several
 * rings): GEOS decides which are invalid, and those take their MakeValid boundary (shared/domain/geometry/
 * repair.ts). Returns the 0-based indexes of the repaired records; the issues name them (1-based, as GIS
 * software numbers records).
 */
export async function repairRecords(
  records: ShpRecord[],
  engine: () => Promise<GeometryEngine>,
  file: string,
  issues: Issue[],
): Promise<Set<number>> {
  const repaired = new Set<number>();
  const collapsed: number[] = [];
  const unrepairable: number[] = [];
  const flagged = records.filter((r) => r.check && (r.geometry?.type === 'Polygon' || r.geometry?.type === 'MultiPolygon'));
  if (flagged.length === 0) return repaired; // the engine is loaded only when a record needs it
  const geos = await engine();
  for (const rec of flagged) {
    try {
      const out = repairPolygonal(geos, rec.geometry as Polygon | MultiPolygon);
      if (!out.repaired) continue;
      rec.geometry = out.geometry;
      if (out.geometry) repaired.add(rec.index);
      else collapsed.push(rec.index + 1);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      // GEOS can neither validate nor repair it (NaN corners, say): no figure from it is right, so it comes in
      // without geometry and is named, and the other records import.
      rec.geometry = null;
      unrepairable.push(rec.index + 1);
    }
  }
  if (repaired.size > 0) issues.push({ code: 'geometry.repaired', severity: 'warning', file, params: listParams([...repaired].map((i) => i + 1)) });
  if (collapsed.length > 0) issues.push({ code: 'geometry.collapsed', severity: 'warning', file, params: listParams(collapsed) });
  if (unrepairable.length > 0) issues.push({ code: 'geometry.unrepairable', severity: 'warning', file, params: listParams(unrepairable) });
  return repaired;
}

async function readBundle(bundle: ShapefileBundle, opts: ImportOptions, engine: () => Promise<GeometryEngine>): Promise<BundleOutcome> {
  const { shp, dbf } = bundle;
  if (!shp || !dbf || hasError(bundle.issues)) return { kind: 'failed', issues: bundle.issues };
  const issues: Issue[] = [...bundle.issues];
  const report = (phase: 'parse' | 'reproject' | 'area', done: number, total: number): void => {
    opts.onProgress?.({ phase, source: bundle.source, done, total });
    if (opts.isCancelled?.()) throw new Cancelled();
  };
  report('parse', 0, 1);

  const shpResult = readShp(shp.bytes, shp.path, bundle.shx ? { shxBytes: bundle.shx.bytes, shxPath: bundle.shx.path } : {});
  issues.push(...shpResult.issues);
  if (hasError(shpResult.issues)) return { kind: 'failed', issues };
  const repaired = await repairRecords(shpResult.records, engine, shp.path, issues);

  // Encoding: the user's choice, else .cpg → LDID → content (shared/formats/encoding/detect.ts).
  let encoding: EncodingInfo;
  const override = opts.encodingOverride?.[bundle.source];
  if (override) {
    encoding = { encoding: override, source: 'user' };
  } else {
    const det = detectEncoding({
      ...(bundle.cpg ? { cpgText: decodeSmallText(bundle.cpg.bytes), cpgPath: bundle.cpg.path } : {}),
      dbfBytes: dbf.bytes,
      dbfPath: dbf.path,
    });
    encoding = det.info;
    issues.push(...det.issues);
  }
  const dbfResult = readDbf(dbf.bytes, dbf.path, encoding.encoding);
  issues.push(...dbfResult.issues);
  if (hasError(dbfResult.issues)) return { kind: 'failed', issues };
  report('parse', 1, 1);

  const pairing = pairRecords(shpResult.recordCount, dbfResult.rows.length, shp.path);
  issues.push(...pairing.issues);

  // A whole file with no records (not one cut short) has no extent: its header box is all zeros, which would
  // read as "at the false origin".
  const emptyFile =
    shpResult.recordCount === 0 && dbfResult.rows.length === 0 && !issues.some((i) => i.code === 'shp.truncated' || i.code === 'dbf.truncated');
  const bboxSource = emptyFile ? null : (geometriesBbox(shpResult.records.map((r) => r.geometry)) ?? shpResult.bboxSource);
  const guess = decideCrs(bundle, bboxSource, opts.crsOverride?.[bundle.source]);
  if (guess.kind === 'bad-override') {
    return { kind: 'failed', issues: [...issues, { code: 'crs.needsUser', severity: 'error', file: shp.path, params: { epsg: guess.epsg } }] };
  }
  if (guess.kind === 'ask-user') {
    // Everything but the CRS is known: the CLI's inspect describes it from this (the app asks for the CRS).
    const usable = shpResult.records.filter((r) => r.index < pairing.paired && dbfResult.rows[r.index]);
    const crsFile = bundle.prj?.path ?? shp.path;
    const description: BundleDescription = {
      geometryKind: shpResult.geometryKind,
      shapeType: shpResult.shapeTypeName,
      fields: dbfResult.fields,
      encoding,
      featureCount: usable.length,
      firstRows: usable.slice(0, DESCRIBED_ROWS).map((r) => dbfResult.rows[r.index] as Record<string, AttributeValue>),
      bboxNative: bboxSource,
      issues: [...issues, ...guess.warnings.map((w): Issue => ({ code: w.code, severity: 'warning', file: crsFile, params: w.params ?? {} }))],
    };
    return {
      kind: 'pending',
      pending: { source: bundle.source, name: bundle.name, crsGuess: guess, description, encodingPreview: encodingPreview(dbf.bytes) },
    };
  }
  const crs = guess.crs;
  const crsFile = bundle.prj?.path ?? shp.path;
  for (const w of [...guess.warnings, ...(bboxSource ? checkPlausibility(crs, bboxSource) : [])]) {
    if (!issues.some((i) => i.code === w.code)) issues.push({ code: w.code, severity: 'warning', file: crsFile, params: w.params ?? {} });
  }

  const toLngLat = makeToLngLat(crs);
  const dataZone = zoneOfData(crs);
  const features: LayerFeature[] = [];
  const bboxLngLat = emptyBbox();
  const total = shpResult.records.length;
  for (let i = 0; i < total; i++) {
    if (i % PROGRESS_EVERY === 0) report('reproject', i, total);
    const rec = shpResult.records[i] as ShpRecord;
    if (rec.index >= pairing.paired) continue;
    const row = dbfResult.rows[rec.index];
    // A record deleted in the DBF ('*') is not imported; readDbf reports how many there were.
    if (row === null || row === undefined) continue;
    const feature: LayerFeature = { fid: rec.index, geometry: null, properties: row };
    const geometry = rec.geometry;
    if (geometry) {
      const areal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
      // Planar area from the source GK coordinates (exact, what ArcGIS's Shape_Area holds), before reprojecting.
      const withAreas = areal && opts.featureAreas !== false;
      const planarM2 = withAreas && dataZone ? planarAreaM2(geometry) : undefined;
      // Reprojected in place, bbox in the same pass: the reader's arrays are ours, and a county has millions of vertices.
      const featureBbox = emptyBbox();
      forEachPosition(geometry, (p) => {
        const [lng, lat] = toLngLat(p[0] as number, p[1] as number);
        p[0] = lng;
        p[1] = lat;
        p.length = 2;
        extendBbox(featureBbox, lng, lat);
      });
      feature.geometry = geometry;
      extendBbox(bboxLngLat, featureBbox[0], featureBbox[1]);
      extendBbox(bboxLngLat, featureBbox[2], featureBbox[3]);
      if (withAreas) {
        const zone = dataZone ?? gkZoneForLongitude((featureBbox[0] + featureBbox[2]) / 2, 3);
        feature.area = featureAreas(geometry, planarM2 !== undefined ? { zone, planarM2 } : { zone });
        if (repaired.has(rec.index)) feature.area.boundary = 'repaired';
      }
    }
    features.push(feature);
  }
  report('area', total, total);
  if (features.length === 0) {
    // Records that all failed is a broken layer; a file with none (an empty template, a query that matched
    // nothing) is a valid empty layer, as GDAL reads it.
    if (!emptyFile) return { kind: 'failed', issues: [...issues, { code: 'layer.noFeatures', severity: 'error', file: shp.path }] };
    issues.push({ code: 'layer.empty', severity: 'info', file: shp.path });
  }
  return {
    kind: 'layer',
    layer: {
      source: bundle.source,
      name: bundle.name,
      geometryKind: shpResult.geometryKind,
      shapeType: shpResult.shapeTypeName,
      fields: dbfResult.fields,
      encoding,
      crs,
      features,
      bboxLngLat: Number.isFinite(bboxLngLat[0]) ? bboxLngLat : null,
      issues,
    },
  };
}

/** Reads everything the user dropped (loose parts, folders, zips) into layers, in lon/lat, with areas. */
export async function importFiles(files: InputFile[], opts: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { layers: [], pending: [], failed: [], issues: [] };
  opts.onProgress?.({ phase: 'unzip', source: files[0]?.path ?? '', done: 0, total: files.length });
  const grouped = groupBundles(files, opts.maxUncompressedBytes !== undefined ? { maxUncompressedBytes: opts.maxUncompressedBytes } : {});
  result.issues.push(...grouped.issues);
  let cancelled = false;
  for (const bundle of grouped.bundles) {
    if (cancelled || opts.isCancelled?.()) {
      cancelled = true;
      result.failed.push({ source: bundle.source, issues: [{ code: 'import.cancelled', severity: 'error', file: bundle.source }] });
      continue;
    }
    try {
      const outcome = await readBundle(bundle, opts, loadGeometryEngine);
      if (outcome.kind === 'layer') result.layers.push(outcome.layer);
      else if (outcome.kind === 'pending') result.pending.push(outcome.pending);
      else result.failed.push({ source: bundle.source, issues: outcome.issues });
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
      cancelled = true;
      result.failed.push({ source: bundle.source, issues: [{ code: 'import.cancelled', severity: 'error', file: bundle.source }] });
    }
    // Let a worker's message loop (progress, cancel) breathe between bundles.
    await Promise.resolve();
  }
  opts.onProgress?.({ phase: 'done', source: '', done: files.length, total: files.length });
  return result;
}

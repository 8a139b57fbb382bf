import type { Geometry } from 'geojson';
import type { CrsInfo, CrsGuess } from '../domain/crs/types';
import type { AreaFigures } from '../domain/units/area';
import type { Bbox } from '../domain/geometry/bbox';

/** A file handed to the importer: its path relative to what the user dropped (folders kept), and its bytes. */
export interface InputFile {
  /** e.g. "永久基本农田.shp", "county/planning/GHFQ.dbf", "farmland.zip" */
  path: string;
  bytes: Uint8Array;
}

export type FieldType = 'C' | 'N' | 'F' | 'D' | 'L' | 'M' | 'I' | 'O' | '@' | '+' | 'B' | 'G' | 'T' | 'Y' | '0';

export interface FieldDef {
  name: string;
  /** dBASE type letter (C text, N/F numbers, D date, L logical …) */
  type: FieldType;
  length: number;
  decimals: number;
}

export type AttributeValue = string | number | boolean | null;

export type GeometryKind = 'point' | 'line' | 'polygon' | 'unknown';

export type EncodingSource = 'cpg' | 'ldid' | 'content' | 'user' | 'default';

export interface EncodingInfo {
  /** WHATWG label, lower case: 'utf-8' | 'gbk' | 'gb18030' | 'big5' | 'windows-1252' … */
  encoding: string;
  source: EncodingSource;
  /** What the .cpg said, verbatim (trimmed), when there was one. */
  cpgDeclared?: string;
  /** The LDID byte (DBF header byte 29) as a number. */
  ldid?: number;
}

/**
 * Warning and error codes. Each has a message in shared/i18n (zh-CN and en) with {param} placeholders.
 * They are data, not thrown strings, so the UI and the CLI can both say them in Chinese and English.
 */
export type IssueCode =
  // bundle / file level (errors: the layer cannot be used)
  | 'file.missingShp'
  | 'file.missingShx'
  | 'file.missingDbf'
  | 'file.unsupported'
  | 'file.empty'
  | 'shp.badHeader'
  | 'shp.truncated'
  | 'shp.unsupportedShapeType'
  | 'dbf.badHeader'
  | 'dbf.truncated'
  | 'zip.corrupt'
  | 'zip.tooLarge' // zip bomb: declared or actual uncompressed size over the limit
  | 'zip.unsafePath' // ../ or absolute member path: skipped
  | 'zip.nested' // a zip inside a zip: opened one level deep only
  | 'layer.noFeatures' // records existed, none could be used
  | 'import.cancelled'
  | 'crs.needsUser'
  // warnings (the layer is usable; something was skipped or noticed)
  | 'shp.recordCountMismatch'
  | 'shp.nullShapes'
  | 'shp.badRecords' // records whose geometry could not be read: skipped
  | 'shp.zmDropped'
  | 'shp.unclosedRing' // closed automatically
  | 'geometry.repaired' // boundaries GEOS found invalid (self-crossing, self-touching, crossing rings): repaired
  | 'geometry.collapsed' // boundaries that have no area once repaired: imported without geometry
  | 'geometry.unrepairable' // boundaries GEOS can neither validate nor repair: imported without geometry
  | 'shx.mismatch'
  | 'dbf.truncatedText' // a string cut mid-character
  | 'dbf.deletedRecords' // records flagged '*' in the DBF: skipped with their geometry
  | 'encoding.cpgConflict' // .cpg says one thing, the bytes another
  | 'encoding.assumed'
  | 'crs.localDatum'
  | 'crs.nearFalseOrigin'
  | 'crs.swappedXY'
  | 'crs.outsideChina'
  | 'crs.zoneMismatch'
  | 'crs.assumedFromCoordinates'
  | 'crs.noPrjGeographic'
  // notes (nothing is wrong; worth saying)
  | 'layer.empty'; // a valid shapefile with zero records: read as a layer of 0 features

export interface Issue {
  code: IssueCode;
  /** error: the bundle cannot be used; warning: usable, something was skipped or looks wrong; info: a note. */
  severity: 'error' | 'warning' | 'info';
  /** The file the issue is about (path as the user gave it, e.g. "county.zip/JBNT.dbf"). */
  file: string;
  params?: Record<string, string | number>;
}

export interface LayerFeature {
  /** 0-based record number in the source file (stable id). */
  fid: number;
  /** Geometry in lon/lat (CGCS2000 geographic, shown on the web map as WGS84), null for null shapes. */
  geometry: Geometry | null;
  properties: Record<string, AttributeValue>;
  /** Areas of polygon features: ellipsoidal and GK planar (in the zone of the data), labelled. */
  area?: AreaFigures;
}

/** One layer read from one shapefile bundle, in lon/lat, ready to show and store. */
export interface ParsedLayer {
  /** Where it came from, e.g. "county.zip/永久基本农田.shp" */
  source: string;
  /** Display name: the bundle's base name, e.g. "永久基本农田" */
  name: string;
  geometryKind: GeometryKind;
  /** Shapefile shape type name as read: 'Polygon', 'PolygonZ', 'PolyLine', 'Point', 'MultiPoint'… */
  shapeType: string;
  fields: FieldDef[];
  encoding: EncodingInfo;
  crs: CrsInfo;
  features: LayerFeature[];
  /** [west, south, east, north] in degrees; null when there is no geometry. */
  bboxLngLat: Bbox | null;
  issues: Issue[];
}

/**
 * What a bundle holds, read before its CRS is decided: fields, rows, encoding and extent in the file's own
 * units, which need no CRS (what `landpatrol inspect` prints for such a layer, as ogrinfo does).
 */
export interface BundleDescription {
  geometryKind: GeometryKind;
  shapeType: string;
  fields: FieldDef[];
  encoding: EncodingInfo;
  /** Records that become features once the CRS is known: paired with a DBF row and not deleted. */
  featureCount: number;
  /** The attributes of the first few of them. */
  firstRows: Record<string, AttributeValue>[];
  /** [minX, minY, maxX, maxY] of the geometry in source coordinates (unit unknown); null without geometry. */
  bboxNative: Bbox | null;
  /** What reading found so far (encoding, records); CRS and area checks need the CRS and are not in it. */
  issues: Issue[];
}

/** A bundle whose CRS or encoding the importer could not decide alone: the UI asks, the CLI's inspect describes it, overlay refuses it. */
export interface PendingBundle {
  source: string;
  name: string;
  crsGuess?: Extract<CrsGuess, { kind: 'ask-user' }>;
  /** What could be read without the CRS. */
  description?: BundleDescription;
  /** Decoded samples of text fields under candidate encodings, for the override preview. */
  encodingPreview?: { encoding: string; samples: string[] }[];
}

export interface ImportOptions {
  /** Per-bundle overrides keyed by bundle source (ParsedLayer.source). */
  encodingOverride?: Record<string, string>;
  crsOverride?: Record<string, number>;
  /** Limits: zip member total uncompressed bytes (zip bomb guard). */
  maxUncompressedBytes?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Checked between records; returning true aborts with 'import.cancelled'. */
  isCancelled?: () => boolean;
  /** false: leave LayerFeature.area out (a layer read only to overlay plots with needs no per-feature
   *  figures; the overlay computes its own). Default true. */
  featureAreas?: boolean;
}

export interface ImportProgress {
  phase: 'unzip' | 'parse' | 'reproject' | 'area' | 'done';
  /** Bundle being worked on */
  source: string;
  done: number;
  total: number;
}

export interface ImportResult {
  layers: ParsedLayer[];
  pending: PendingBundle[];
  /** Errors for bundles that could not be imported at all (each names its file). */
  failed: { source: string; issues: Issue[] }[];
  /** Issues not tied to one bundle (unsafe zip members skipped, stray files …). */
  issues: Issue[];
}

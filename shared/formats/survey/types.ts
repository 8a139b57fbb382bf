/**
 * Survey points as surveyors' files carry them (issue 11 item 3; README, Domain rule "Survey files"): boundary points
 * J1…Jn with X = north and Y = east in metres of a CGCS2000 Gauss-Krüger zone (Y with or without its zone prefix, as
 * the file has it), grouped into plots and rings. Readers never move a coordinate: what the file says is kept, and
 * every decision they take (which column is north, which encoding) is said as an issue with a code and params.
 */

/** How the points were measured (the inspection form records it; files rarely say). */
export type SurveyMethod = 'rtk' | 'gnss' | 'totalStation' | 'tape' | 'map';
export const SURVEY_METHODS: readonly SurveyMethod[] = ['rtk', 'gnss', 'totalStation', 'tape', 'map'];

export interface SurveyPoint {
  /** 点名 / 点号 as the file gives it (J1, 界址点1, 12). */
  name: string;
  /** X: northing in metres (Chinese survey convention). */
  x: number;
  /** Y: easting in metres, with the zone prefix when the file has it (39 512 345.678) or without (512 345.678). */
  y: number;
  /** Height (CASS H, CSV 高程) when the file has one. */
  h?: number;
  /** CASS 编码 (feature code), kept as written; '' when the file left it empty. */
  code?: string;
  /** 1-based line of the file the point came from (for messages). */
  line?: number;
  /** GPX/KML points: the file's own [longitude, latitude] (degrees, the file's datum), before projection. */
  lngLat?: [number, number];
}

export interface SurveyRing {
  /** 报盘 圈号: 1 for the first (outer) ring; CASS/CSV/GPX files give one ring. */
  ringNo: number;
  /** The ring's points in file order, without the closing repetition of the first point. */
  points: SurveyPoint[];
  /** The file closed the ring (its last point repeated the first: same name or same coordinates). */
  closed: boolean;
  /** When the file closed the ring on a point named as the first but placed elsewhere: that point (the gap is a
   *  closing error, reported). */
  closingPoint?: SurveyPoint;
}

/** A plot as read: a name and its rings (ring 1 outer; further rings are holes or parts, decided by containment). */
export interface SurveyPlotInput {
  name: string;
  rings: SurveyRing[];
  /** How the points were measured, when the file or the user says (files rarely do; the form asks). */
  method?: SurveyMethod;
  /** 报盘 per-plot header: its declared area in hectares (公顷), number and use, when given. */
  declared?: { areaHectares?: number; number?: string; pointCount?: number; use?: string };
}

export type SurveyFormat = 'cass' | 'baopan' | 'csv' | 'gpx' | 'kml' | 'kmz';

/** The zone a file names (报盘 header `几度分带`, `带号`), when it does. */
export interface DeclaredZone {
  width: 3 | 6;
  zone: number;
}

export type SurveyIssueCode =
  // errors: the file gives no point
  | 'survey.empty'
  | 'survey.noPoints'
  | 'survey.unsupportedType'
  | 'survey.badXml'
  | 'survey.kmzNoKml'
  | 'survey.baopanNoPlots'
  // warnings and notes: the points are usable
  | 'survey.badLines'
  | 'survey.columnsYX'
  | 'survey.columnsXY'
  | 'survey.columnsUndecided'
  | 'survey.columnsMixed'
  | 'survey.headerSkipped'
  | 'survey.encodingGbk'
  | 'survey.baopanNotCgcs2000'
  | 'survey.baopanCountMismatch'
  | 'survey.baopanBadHeader'
  | 'survey.severalRings'
  | 'survey.closingPointMoved'
  | 'survey.lngLatPoints'
  | 'survey.gcj02Likely'
  | 'survey.encodingAssumed'
  | 'survey.otherFeaturesIgnored'
  | 'survey.csvNoCoordinates'
  // the plot's own (shared/domain/survey): its zone, its figures, its boundary
  | 'survey.zoneUnknown'
  | 'survey.zoneMismatch'
  | 'survey.notSimple'
  | 'survey.notClosed'
  | 'survey.counterClockwise'
  | 'survey.areaMismatch';

export interface SurveyIssue {
  code: SurveyIssueCode;
  severity: 'error' | 'warning' | 'info';
  /** The file as the user gave it. */
  file: string;
  params?: Record<string, string | number>;
}

/** What one file gave. Lon/lat files (GPX, KML) carry `lngLat` points: they become GK once a zone is chosen. */
export interface SurveyFile {
  file: string;
  format: SurveyFormat | null;
  /** WHATWG name of the encoding the text was read in ('utf-8', 'gbk', 'gb18030'). */
  encoding: string;
  plots: SurveyPlotInput[];
  /** GPX/KML: the lon/lat points were projected into this CGCS2000 zone (with the zone prefix), chosen by the
   *  caller or taken from the points' mean longitude. */
  projectedInto?: DeclaredZone & { source: 'option' | 'longitude' };
  /** 报盘 header zone, when declared. */
  declaredZone?: DeclaredZone;
  issues: SurveyIssue[];
}

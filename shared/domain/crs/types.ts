/** Coordinate reference systems the app understands (README, Domain rule 4). */
export type Datum = 'CGCS2000' | 'WGS84' | 'Xian1980' | 'Beijing1954' | 'unknown';

export interface CrsInfo {
  /** EPSG code when one fits (4490, 4326, 4491–4554, 2327–2442 Xian80, 2401–… Beijing54), else null. */
  epsg: number | null;
  /** Where we learnt it: the .prj, the coordinates themselves, the user, or nothing (assumed). */
  source: 'prj' | 'coordinates' | 'user' | 'none';
  datum: Datum;
  kind: 'geographic' | 'projected';
  /** For Gauss-Krüger: zone width, zone number, central meridian and whether the easting carries the zone. */
  gk?: { width: 3 | 6; zone: number | null; centralMeridian: number; zonePrefix: boolean; falseEasting: number };
  /** A proj4 definition string for this CRS (always set when the CRS is usable). */
  proj4: string;
  /** Human label, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 39" */
  label: string;
}

/** Result of looking at a .prj and/or coordinates. Failures are data, with named reasons. */
export type CrsGuess =
  | { kind: 'known'; crs: CrsInfo; warnings: CrsWarning[] }
  | {
      kind: 'ask-user';
      reason: 'no-prj-6-digit-easting' | 'no-prj-unrecognised' | 'prj-unrecognised';
      candidates: CrsInfo[];
      warnings: CrsWarning[];
    };

export type CrsWarningCode =
  | 'crs.localDatum' // Xian 1980 / Beijing 1954: a local datum shift is needed; not applied.
  | 'crs.nearFalseOrigin' // northing ≈ 0 or easting ≈ false easting only: implausible for China
  | 'crs.swappedXY' // X/Y look swapped
  | 'crs.outsideChina' // coordinates fall outside China's extent
  | 'crs.zoneMismatch' // zone prefix in coordinates disagrees with the .prj
  | 'crs.assumedFromCoordinates'; // no .prj; CRS taken from coordinates

export interface CrsWarning {
  code: CrsWarningCode;
  params?: Record<string, string | number>;
}

// The .prj text of what we write, in ESRI WKT1 (what ArcGIS writes and reads; GDAL and our parsePrj read it too):
// CGCS2000 geographic (EPSG:4490) for lon/lat, or a CGCS2000 Gauss-Krüger zone without the zone prefix in the
// easting (3°: EPSG:4534–4554 "CGCS2000 / 3-degree Gauss-Kruger CM 117E"; 6°: 4502–4512), false easting 500 000.
import type { GkZoneRef } from '../../domain/units/area';

const GEOGCS_2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** EPSG:4490, CGCS2000 geographic (degrees). */
export const prjCgcs2000Geographic = (): string => GEOGCS_2000;

/** A CGCS2000 GK zone, no zone prefix (false easting 500 000 m), metres, X = north as Y of the file. */
export function prjCgcs2000Gk(zone: GkZoneRef): string {
  const name = `CGCS2000_${zone.width}_Degree_GK_CM_${zone.centralMeridian}E`;
  return (
    `PROJCS["${name}",${GEOGCS_2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],` +
    `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${zone.centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}

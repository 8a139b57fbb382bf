/**
 * The grid as a zipped shapefile: <name>.shp/.shx (polygons, rings in the shapefile's order), .dbf (the Chinese
 * columns of grid-properties.ts, GBK with LDID 0x4D or UTF-8 with LDID 0), .cpg ('GBK' / 'UTF-8') and .prj —
 * CGCS2000 geographic (EPSG:4490, the stored lon/lat as they are) or, planar, the CGCS2000 GK zone of the grid's
 * top area without the zone prefix (what survey tools in the township's zone expect). Our own writers: shp-write
 * destroys Chinese (STACK-NOTES).
 */
import { zipSync } from 'fflate';
import type { GridArea } from '../../domain/grid/area-record';
import { projectToZone } from '../../domain/geometry/area';
import type { GkZoneRef } from '../../domain/units/area';
import { encodeText, type WriteEncoding } from '../encoding/text-encode';
import { cpgText, writeDbf, type DbfWriteResult } from '../shapefile/dbf-write';
import { prjCgcs2000Geographic, prjCgcs2000Gk } from '../shapefile/prj-write';
import { writePolygonShapefile } from '../shapefile/shp-write';
import { GRID_COLUMNS, gridProperties } from './grid-properties';

export interface GridShapefileOptions {
  /** The member files' base name (Chinese is fine: written as UTF-8 names, flagged so). */
  baseName: string;
  encoding: WriteEncoding;
  /** null: lon/lat (EPSG:4490); a zone: GK metres in it. */
  planarZone: GkZoneRef | null;
  /** The export's day, for the DBF header. */
  date: { year: number; month: number; day: number };
}

export interface GridShapefile {
  zip: Uint8Array;
  /** What the DBF had to cut or could not encode (the dialog says it). */
  dbf: Pick<DbfWriteResult, 'cut' | 'unmappable' | 'fields'>;
  members: string[];
}

/** `areas` as the parts of one shapefile, zipped. `all` names the parents outside the selection. */
export function gridToShapefile(areas: readonly GridArea[], all: readonly GridArea[], o: GridShapefileOptions): GridShapefile {
  const byId = new Map([...all, ...areas].map((a) => [a.id, a]));
  const { shp, shx } = writePolygonShapefile(
    areas.map((a) => (a.geometry ? (o.planarZone ? projectToZone(a.geometry, o.planarZone) : a.geometry) : null)),
  );
  const rows = areas.map((a) => {
    const p = gridProperties(a, byId);
    return GRID_COLUMNS.map((c) => p[c.key] ?? null);
  });
  const specs = GRID_COLUMNS.map((c) => ({
    name: o.encoding === 'gbk' ? c.gbk : c.utf8,
    type: c.type,
    ...('decimals' in c ? { decimals: c.decimals } : {}),
  }));
  const dbf = writeDbf(specs, rows, o.encoding, o.date);
  const prj = o.planarZone ? prjCgcs2000Gk(o.planarZone) : prjCgcs2000Geographic();
  const files: Record<string, Uint8Array> = {
    [`${o.baseName}.shp`]: shp,
    [`${o.baseName}.shx`]: shx,
    [`${o.baseName}.dbf`]: dbf.bytes,
    [`${o.baseName}.cpg`]: encodeText(cpgText(o.encoding), 'utf-8').bytes,
    [`${o.baseName}.prj`]: encodeText(prj, 'utf-8').bytes,
  };
  return { zip: zipSync(files, { level: 6 }), dbf: { cut: dbf.cut, unmappable: dbf.unmappable, fields: dbf.fields }, members: Object.keys(files) };
}

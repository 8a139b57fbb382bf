/**
 * What GDAL/OGR (and shapely over the geometry GDAL read) say of a shapefile: the independent reference for our
 * writers. Test-only: spawns /usr/bin/python3 with scripts/read-with-gdal.py on a folder written to a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GdalRead {
  fields: { name: string; type: string; width: number; precision: number }[];
  features: {
    properties: Record<string, string | number | null>;
    geometryType: string | null;
    area: number | null;
    valid: boolean | null;
    parts: number;
    holes: number;
  }[];
  srsName: string | null;
  epsg: string | null;
  encoding: string | null;
}

const SCRIPT = fileURLToPath(new URL('../../scripts/read-with-gdal.py', import.meta.url));

/** Writes `files` (name → bytes) to a new temp folder and reads `<base>.shp` there with GDAL. */
export function readWithGdal(files: Record<string, Uint8Array>, shpName: string): GdalRead {
  const dir = mkdtempSync(join(tmpdir(), 'lp-gdal-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const r = spawnSync('/usr/bin/python3', [SCRIPT, join(dir, shpName)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`read-with-gdal failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as GdalRead;
}

/**
 * What GDAL says about a shapefile, as the independent reference for our reader: `ogrinfo -ro -al -so` (GDAL
 * 3.6 has no -json), parsed from its text. Test-only (spawns the Debian gdal-bin program).
 */
import { spawnSync } from 'node:child_process';

export interface OgrinfoSummary {
  geometry: string;
  featureCount: number;
  /** [minX, minY, maxX, maxY] as ogrinfo prints it (6 decimals), in the file's own coordinates. */
  extent: [number, number, number, number] | null;
  /** "(unknown)" when the layer has no CRS (no .prj). */
  srsUnknown: boolean;
  fields: { name: string; type: string; width: number; precision: number }[];
}

export function ogrinfoSummary(shpPath: string): OgrinfoSummary {
  const r = spawnSync('ogrinfo', ['-ro', '-al', '-so', shpPath], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ogrinfo failed on ${shpPath}: ${r.stderr}`);
  const out = r.stdout;
  const num = '(-?[\\d.]+)';
  const ext = new RegExp(`^Extent: \\(${num}, ${num}\\) - \\(${num}, ${num}\\)$`, 'm').exec(out);
  return {
    geometry: /^Geometry: (.+)$/m.exec(out)?.[1] ?? '',
    featureCount: Number(/^Feature Count: (\d+)$/m.exec(out)?.[1] ?? NaN),
    extent: ext ? [Number(ext[1]), Number(ext[2]), Number(ext[3]), Number(ext[4])] : null,
    srsUnknown: /^Layer SRS WKT:\n\(unknown\)$/m.test(out),
    // Field lines are the unindented "NAME: Type (width.precision)" lines at the end.
    fields: [...out.matchAll(/^(\w+): (\w+) \((\d+)\.(\d+)\)$/gm)].map((m) => ({
      name: m[1] as string,
      type: m[2] as string,
      width: Number(m[3]),
      precision: Number(m[4]),
    })),
  };
}

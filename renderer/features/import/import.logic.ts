/** Pure helpers of the import flow (main thread side). */
import type { ImportProgress, PendingBundle } from '../../../shared/formats/types';

/** A file as the UI collected it: relative path (folders kept) + its bytes or a Blob read later in the worker. */
export interface CollectedFile {
  path: string;
  data: Blob | Uint8Array;
}

const ext = (p: string) => {
  const m = /\.([^./\\]+)$/.exec(p);
  return m ? m[1]!.toLowerCase() : '';
};
const stem = (p: string) => p.replace(/\.[^./\\]+$/, '').toLowerCase();

/**
 * The input files a bundle (ParsedLayer.source, e.g. "county.zip/JBNT.shp" or "dir/斑竹村.shp") came from:
 * the zip that contains it, or the loose parts sharing its base path. Kept with the layer for re-decoding.
 */
export function matchBundleFiles<T extends { path: string }>(source: string, files: readonly T[]): T[] {
  const s = source.replace(/\\/g, '/');
  const inZip = files.filter((f) => ext(f.path) === 'zip' && s.toLowerCase().startsWith(f.path.replace(/\\/g, '/').toLowerCase() + '/'));
  if (inZip.length > 0) return inZip;
  const base = stem(s);
  const loose = files.filter((f) => stem(f.path.replace(/\\/g, '/')) === base);
  if (loose.length > 0) return loose;
  // A source we cannot map back (e.g. a bare name for a file in a folder): match on the file name alone.
  const name = base.split('/').pop() ?? base;
  return files.filter((f) => (stem(f.path.replace(/\\/g, '/')).split('/').pop() ?? '') === name);
}

/** Files we pass to the importer; everything else (photos, .sbn/.sbx indexes…) stays out of the worker. */
const IMPORTABLE = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'zip', 'qix', 'xml', 'kml', 'kmz', 'gpx', 'csv', 'dat', 'geojson', 'json']);
export const isImportable = (path: string): boolean => IMPORTABLE.has(ext(path));

/** Drops duplicates (same relative path) and files nobody reads. */
export function normaliseCollected(files: readonly CollectedFile[]): CollectedFile[] {
  const seen = new Set<string>();
  const out: CollectedFile[] = [];
  for (const f of files) {
    const path = f.path.replace(/\\/g, '/').replace(/^\/+/, '');
    if (!isImportable(path) || seen.has(path)) continue;
    seen.add(path);
    out.push({ path, data: f.data });
  }
  return out;
}

/** 0–1 for the progress bar; unknown totals give null (indeterminate). */
export function progressFraction(p: Pick<ImportProgress, 'done' | 'total'> | null): number | null {
  if (!p || !(p.total > 0)) return null;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** A bundle's display file name from its source path ("a.zip/b/JBNT.shp" → "JBNT.shp"). */
export const fileNameOf = (source: string): string => source.replace(/\\/g, '/').split('/').pop() ?? source;

/**
 * Candidates for the CRS dialog, the importer's first. When it has none (coordinates it cannot place), every
 * CGCS2000 choice a township's data can be in: geographic, 3° zones without the zone prefix (EPSG:4534–4554),
 * then with it (EPSG:4513–4533). The user decides; we never guess silently (README, Domain rule 4).
 */
export function crsChoices(p: PendingBundle, labelOf: (epsg: number) => string | null = () => null): { epsg: number; label: string }[] {
  const own = (p.crsGuess?.candidates ?? []).filter((c) => c.epsg !== null).map((c) => ({ epsg: c.epsg as number, label: c.label }));
  if (own.length > 0) return own;
  const all = [4490, ...Array.from({ length: 21 }, (_, i) => 4534 + i), ...Array.from({ length: 21 }, (_, i) => 4513 + i)];
  return all.map((epsg) => ({ epsg, label: labelOf(epsg) ?? `EPSG:${epsg}` }));
}

// Groups what the user dropped into shapefile bundles: same folder + same base name, extensions matched
// case-insensitively (ArcGIS on Windows writes ".SHP" next to ".dbf"). Zips are opened first (zip/unzip.ts).
import type { InputFile, Issue } from './types';
import { unzipInputs, type ZipLimits } from './zip/unzip';

export interface ShapefileBundle {
  /** Path of the .shp as the user gave it, e.g. "county.zip/永久基本农田.shp" — the layer's source. */
  source: string;
  /** Base name, e.g. "永久基本农田". */
  name: string;
  shp?: InputFile;
  shx?: InputFile;
  dbf?: InputFile;
  prj?: InputFile;
  cpg?: InputFile;
  /** Problems with this bundle's parts (missing .shx/.dbf are errors: the bundle cannot be read as is). */
  issues: Issue[];
}

export interface GroupResult {
  bundles: ShapefileBundle[];
  /** Issues not tied to a readable bundle: zip problems, orphan parts, unsupported files. */
  issues: Issue[];
}

type Part = 'shp' | 'shx' | 'dbf' | 'prj' | 'cpg';
const PARTS: readonly Part[] = ['shp', 'shx', 'dbf', 'prj', 'cpg'];
/** What the importer takes (lower case, no dot): a bundle's parts, and zips of them. File pickers use this list. */
export const IMPORT_EXTENSIONS: readonly string[] = [...PARTS, 'zip'];

/** Sidecars ArcGIS/QGIS leave beside a shapefile (spatial indexes, metadata): not needed, not worth a warning. */
const SILENT = new Set(['sbn', 'sbx', 'xml', 'qix', 'fix', 'atx', 'ain', 'aih', 'ixs', 'mxs', 'qmd', 'qpj', 'cst', 'lock']);

function splitPath(path: string): { dir: string; base: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash + 1) : '';
  const fileName = path.slice(slash + 1);
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return { dir, base: fileName, ext: '' };
  return { dir, base: fileName.slice(0, dot), ext: fileName.slice(dot + 1).toLowerCase() };
}

export function groupBundles(files: InputFile[], limits: ZipLimits = {}): GroupResult {
  const issues: Issue[] = [];
  const loose: InputFile[] = [];
  for (const f of files) {
    const path = f.path.replace(/\\/g, '/');
    if (splitPath(path).ext === 'zip') {
      if (f.bytes.length === 0) {
        issues.push({ code: 'file.empty', severity: 'error', file: path });
        continue;
      }
      const z = unzipInputs({ path, bytes: f.bytes }, limits);
      issues.push(...z.issues);
      loose.push(...z.files);
    } else loose.push({ path, bytes: f.bytes });
  }

  const groups = new Map<string, { dir: string; base: string; parts: Partial<Record<Part, InputFile>>; issues: Issue[] }>();
  for (const f of loose) {
    const { dir, base, ext } = splitPath(f.path);
    if (!(PARTS as readonly string[]).includes(ext)) {
      if (!SILENT.has(ext)) issues.push({ code: 'file.unsupported', severity: 'warning', file: f.path, params: { ext: ext || '-' } });
      continue;
    }
    // Windows file systems are case-insensitive: DLTB.shp and dltb.DBF are one bundle.
    const key = `${dir}${base}`.toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { dir, base, parts: {}, issues: [] };
      groups.set(key, g);
    }
    if (f.bytes.length === 0) {
      g.issues.push({ code: 'file.empty', severity: ext === 'prj' || ext === 'cpg' ? 'warning' : 'error', file: f.path });
      continue;
    }
    g.parts[ext as Part] ??= f;
  }

  const bundles: ShapefileBundle[] = [];
  for (const g of groups.values()) {
    const { shp, shx, dbf, prj, cpg } = g.parts;
    if (!shp) {
      const hadShp = g.issues.some((i) => /\.shp$/i.test(i.file));
      issues.push(...g.issues);
      if (!hadShp) {
        for (const part of [shx, dbf, prj, cpg]) {
          if (part) issues.push({ code: 'file.missingShp', severity: 'error', file: part.path, params: { expected: `${g.dir}${g.base}.shp` } });
        }
      }
      continue;
    }
    const b: ShapefileBundle = { source: shp.path, name: g.base, shp, issues: g.issues };
    if (shx) b.shx = shx;
    else b.issues.push({ code: 'file.missingShx', severity: 'error', file: shp.path, params: { expected: `${g.dir}${g.base}.shx` } });
    if (dbf) b.dbf = dbf;
    else b.issues.push({ code: 'file.missingDbf', severity: 'error', file: shp.path, params: { expected: `${g.dir}${g.base}.dbf` } });
    if (prj) b.prj = prj;
    if (cpg) b.cpg = cpg;
    bundles.push(b);
  }
  return { bundles, issues };
}

// Opens a dropped .zip into InputFiles named "archive.zip/folder/name.shp". Guards: zip bomb (declared AND
// actual uncompressed bytes are capped), zip slip (../, absolute, drive-letter paths refused), corrupt data
// (CRC-32 checked), nesting (a zip inside the zip is opened, one level only).
import { Inflate } from 'fflate';
import type { InputFile, Issue } from '../types';
import { dataStart, readCentralDirectory, type ZipEntry } from './central-directory';
import { crc32 } from './crc32';
import { classifyMemberPath, decodeMemberName } from './member-name';

export interface ZipLimits {
  /** Total uncompressed bytes over all members, nested zips included. Default 2 GiB. */
  maxUncompressedBytes?: number;
  /**
   * Largest believable uncompressed/compressed ratio. DEFLATE cannot exceed ~1032:1 (a 258-byte match per
   * 2 bits), so a member declaring more is lying about its size. Default 1100.
   */
  maxRatio?: number;
  /** Which members to keep, by path (default: the parts of a shapefile and zips). A KMZ reader keeps its .kml. */
  members?: RegExp;
}

export interface UnzipResult {
  files: InputFile[];
  issues: Issue[];
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 2 * 1024 ** 3;
const DEFAULT_MAX_RATIO = 1100;
/** Compressed bytes pushed to the inflater at a time: at DEFLATE's ≤ 1032:1 this bounds the overshoot past a cap to ~4 MiB. */
const INFLATE_CHUNK_BYTES = 4 * 1024;
/** Members we keep: the parts of a shapefile, and zips (opened one level deep). */
const KEEP = /\.(shp|shx|dbf|prj|cpg|zip)$/i;

interface Budget {
  remaining: number;
  limit: number;
  maxRatio: number;
  keep: RegExp;
}

export function unzipInputs(zip: InputFile, limits: ZipLimits = {}): UnzipResult {
  const limit = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const budget: Budget = { remaining: limit, limit, maxRatio: limits.maxRatio ?? DEFAULT_MAX_RATIO, keep: limits.members ?? KEEP };
  const out: UnzipResult = { files: [], issues: [] };
  expand(zip, 0, budget, out);
  return out;
}

function expand(zip: InputFile, depth: number, budget: Budget, out: UnzipResult): void {
  const cd = readCentralDirectory(zip.bytes);
  if (!cd.ok) {
    out.issues.push({ code: 'zip.corrupt', severity: 'error', file: zip.path, params: { reason: cd.reason } });
    return;
  }
  const wanted: { entry: ZipEntry; path: string }[] = [];
  let declared = 0;
  for (const entry of cd.entries) {
    const name = decodeMemberName(entry);
    const kind = classifyMemberPath(name);
    if (kind.kind === 'unsafe') {
      out.issues.push({ code: 'zip.unsafePath', severity: 'warning', file: `${zip.path}/${name}`, params: { member: name } });
      continue;
    }
    if (kind.kind === 'skip' || !budget.keep.test(kind.path)) continue;
    wanted.push({ entry, path: kind.path });
    declared += entry.uncompressedSize;
  }
  if (declared > budget.remaining) {
    out.issues.push({ code: 'zip.tooLarge', severity: 'error', file: zip.path, params: { declared, limit: budget.limit } });
    return;
  }
  for (const { entry, path } of wanted) {
    const memberPath = `${zip.path}/${path}`;
    if (/\.zip$/i.test(path) && depth >= 1) {
      out.issues.push({ code: 'zip.nested', severity: 'warning', file: memberPath });
      continue;
    }
    const bytes = extract(zip.bytes, entry, memberPath, budget, out);
    if (!bytes) continue;
    if (/\.zip$/i.test(path)) expand({ path: memberPath, bytes }, depth + 1, budget, out);
    else out.files.push({ path: memberPath, bytes });
  }
}

function extract(zip: Uint8Array, e: ZipEntry, file: string, budget: Budget, out: UnzipResult): Uint8Array | null {
  const corrupt = (reason: string): null => {
    out.issues.push({ code: 'zip.corrupt', severity: 'error', file, params: { reason } });
    return null;
  };
  const tooLarge = (actual: number): null => {
    out.issues.push({ code: 'zip.tooLarge', severity: 'error', file, params: { declared: e.uncompressedSize, actual, limit: budget.limit } });
    return null;
  };
  if (e.encrypted) return corrupt('encrypted');
  const start = dataStart(zip, e);
  if (start < 0) return corrupt('localHeader');
  if (e.uncompressedSize > 0 && e.uncompressedSize / Math.max(1, e.compressedSize) > budget.maxRatio) return tooLarge(0);
  const compressed = zip.subarray(start, start + e.compressedSize);
  let data: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) return corrupt('size');
    data = compressed.slice();
  } else if (e.method === 8) {
    // The real output may not exceed what the header declared (declared sizes were checked against the
    // budget), nor the budget itself: stop inflating as soon as either is passed.
    const cap = Math.min(e.uncompressedSize, budget.remaining);
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      produced += chunk.length;
      if (produced <= cap) chunks.push(chunk);
      if (final) done = true;
    });
    try {
      for (let p = 0; p < compressed.length && produced <= cap && !done; p += INFLATE_CHUNK_BYTES) {
        const end = Math.min(compressed.length, p + INFLATE_CHUNK_BYTES);
        inflater.push(compressed.subarray(p, end), end === compressed.length);
      }
    } catch {
      return corrupt('deflate');
    }
    if (produced > cap) return tooLarge(produced);
    if (produced !== e.uncompressedSize) return corrupt('size');
    data = new Uint8Array(produced);
    let at = 0;
    for (const c of chunks) {
      data.set(c, at);
      at += c.length;
    }
  } else {
    return corrupt(`method${e.method}`);
  }
  if (crc32(data) !== e.crc32) return corrupt('crc');
  budget.remaining -= data.length;
  return data;
}

// Samples for the encoding override dialog: the same text fields decoded under each candidate, so the
// officer can pick the one that reads as Chinese instead of 乱码.
import { completeRecordCount, readDbfHeader } from '../shapefile/dbf-header';
import { readDbf } from '../shapefile/dbf';
import type { InputFile } from '../types';
import { getTextDecoder } from './text-decoder';
import { hasNonAscii } from './validate';

export const DEFAULT_PREVIEW_ENCODINGS = ['gbk', 'utf-8', 'big5', 'windows-1252'] as const;

export interface EncodingPreview {
  encoding: string;
  samples: string[];
}

/**
 * Decodes up to `maxSamples` distinct non-empty text values (non-ASCII ones first, they are the telling
 * ones) under every candidate encoding. Unknown labels yield no samples rather than an error.
 */
export function encodingPreview(dbfBytes: Uint8Array, encodings: readonly string[] = DEFAULT_PREVIEW_ENCODINGS, maxSamples = 8): EncodingPreview[] {
  const parsed = readDbfHeader(dbfBytes);
  if (!parsed.ok) return encodings.map((encoding) => ({ encoding, samples: [] }));
  const { header } = parsed;
  const picked: Uint8Array[] = [];
  const asciiPicked: Uint8Array[] = [];
  const seen = new Set<string>();
  const n = completeRecordCount(dbfBytes, header);
  const textFields = header.fields.filter((f) => f.type === 'C');
  for (const f of header.fields) {
    if (hasNonAscii(f.nameBytes, 0, f.nameBytes.length)) picked.push(f.nameBytes);
  }
  for (let r = 0; r < n && picked.length < maxSamples; r++) {
    const base = header.headerLength + r * header.recordLength;
    for (const f of textFields) {
      const start = base + f.offset;
      let end = start + f.length;
      while (end > start && (dbfBytes[end - 1] === 0x20 || dbfBytes[end - 1] === 0)) end--;
      if (end === start) continue;
      const slice = dbfBytes.subarray(start, end);
      const key = Array.from(slice).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      if (hasNonAscii(slice, 0, slice.length)) picked.push(slice);
      else if (asciiPicked.length < maxSamples) asciiPicked.push(slice);
      if (picked.length >= maxSamples) break;
    }
  }
  const chosen = picked.concat(asciiPicked).slice(0, maxSamples);
  return encodings.map((encoding) => {
    const d = getTextDecoder(encoding);
    return { encoding, samples: d ? chosen.map((b) => d.decode(b)) : [] };
  });
}

/**
 * A layer's text fields as one encoding reads them: the first `maxRows` records of the .dbf (deleted ones
 * skipped), for the layer-properties preview. Reads the .dbf alone: no geometry, reprojection or areas.
 */
export function decodedTextPreview(dbf: InputFile, encoding: string, maxRows = 8): { fields: string[]; rows: string[][] } {
  const read = readDbf(dbf.bytes, dbf.path, encoding);
  const fields = read.fields.filter((f) => f.type === 'C').map((f) => f.name);
  const rows: string[][] = [];
  for (const r of read.rows) {
    if (rows.length >= maxRows) break;
    if (r) rows.push(fields.map((n) => String(r[n] ?? '')));
  }
  return { fields, rows };
}

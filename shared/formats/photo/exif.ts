/**
 * What a photo says about itself (issue 11 item 4; DOMAIN "Inspections": 举证 photos carry time, position and
 * bearing): read with exifr from the original bytes, which are never changed.
 *
 * - Time: DateTimeOriginal as written ('2026:04:20 09:41:07') with OffsetTimeOriginal when the camera wrote one.
 *   exifr's `reviveValues: false` keeps the text: a revived Date is read in the machine's own time zone and would
 *   shift every photo of a laptop set to another zone. The instant is known only with an offset; without one the
 *   local clock time is kept and said to be local.
 * - Position: GPSLatitude/Longitude (degrees, minutes, seconds) signed by their Ref; altitude signed by
 *   GPSAltitudeRef (1 = below sea level).
 * - Bearing (方位角): GPSImgDirection, 0° = north, clockwise, with GPSImgDirectionRef T (true) or M (magnetic);
 *   an empty or missing Ref is 'unknown', never assumed true.
 * - Orientation (1–8), make and model.
 * A photo whose EXIF cannot be read still imports: its figures are null and an issue says why.
 */
import exifr from 'exifr';

export type PhotoFormat = 'jpeg' | 'heic' | 'png' | 'other';

export interface PhotoTime {
  /** 'yyyy-MM-ddTHH:mm:ss' as the camera's clock showed it. */
  local: string;
  /** '+08:00', or null when the camera wrote no offset. */
  offset: string | null;
  /** The instant (epoch ms) when the offset is known, else null. */
  epochMs: number | null;
}

export interface PhotoMeta {
  format: PhotoFormat;
  time: PhotoTime | null;
  position: { lat: number; lon: number } | null;
  altitudeM: number | null;
  bearing: { degrees: number; ref: 'true' | 'magnetic' | 'unknown' } | null;
  orientation: number | null;
  make: string | null;
  model: string | null;
  issues: PhotoIssue[];
}

export type PhotoIssueCode = 'photo.noExif' | 'photo.badExif' | 'photo.noTime' | 'photo.noPosition' | 'photo.badPosition';

export interface PhotoIssue {
  code: PhotoIssueCode;
  /** exifr's own words, for a report. */
  detail?: string;
}

/** The format from the bytes (magic numbers), not the name: a card may hold a HEIC named .jpg. */
export function photoFormatOf(b: Uint8Array): PhotoFormat {
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  // ISO BMFF: 'ftyp' at 4 and a HEIF brand.
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) {
    const brand = String.fromCharCode(b[8] ?? 0, b[9] ?? 0, b[10] ?? 0, b[11] ?? 0);
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  return 'other';
}

const TAGS = [
  'DateTimeOriginal',
  'OffsetTimeOriginal',
  'GPSLatitude',
  'GPSLatitudeRef',
  'GPSLongitude',
  'GPSLongitudeRef',
  'GPSAltitude',
  'GPSAltitudeRef',
  'GPSImgDirection',
  'GPSImgDirectionRef',
  'Orientation',
  'Make',
  'Model',
];

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** [deg, min, sec] (or one number) → decimal degrees; null when it is not one. */
function degrees(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const [d, m = 0, s = 0] = v as number[];
  return (d as number) + m / 60 + s / 3600;
}

/** A byte tag as exifr hands it without revival (a number, or a one-byte array-like). */
function byteOf(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 0 in v) return num((v as Record<number, unknown>)[0]);
  return null;
}

const TIME = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

export function photoTimeOf(dateTimeOriginal: unknown, offsetTimeOriginal: unknown): PhotoTime | null {
  const m = TIME.exec(text(dateTimeOriginal) ?? '');
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const off = OFFSET.exec(text(offsetTimeOriginal) ?? '');
  if (!off) return { local, offset: null, epochMs: null };
  const minutes = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3]));
  return { local, offset: `${off[1]}${off[2]}:${off[3]}`, epochMs: Date.UTC(y, mo - 1, d, h, mi, s) - minutes * 60_000 };
}

/** Reads a photo's EXIF. Never throws: unreadable EXIF gives null figures and an issue. */
export async function readPhotoMeta(bytes: Uint8Array): Promise<PhotoMeta> {
  const format = photoFormatOf(bytes);
  const empty: PhotoMeta = {
    format,
    time: null,
    position: null,
    altitudeM: null,
    bearing: null,
    orientation: null,
    make: null,
    model: null,
    issues: [],
  };
  let raw: Record<string, unknown> | undefined;
  try {
    raw = (await exifr.parse(bytes, { tiff: true, exif: true, gps: true, reviveValues: false, translateValues: false, pick: TAGS })) as
      Record<string, unknown> | undefined;
  } catch (e) {
    return { ...empty, issues: [{ code: 'photo.badExif', detail: e instanceof Error ? e.message : String(e) }] };
  }
  if (!raw) return { ...empty, issues: [{ code: 'photo.noExif' }] };
  const issues: PhotoIssue[] = [];
  const time = photoTimeOf(raw.DateTimeOriginal, raw.OffsetTimeOriginal);
  if (!time) issues.push({ code: 'photo.noTime' });
  let position: PhotoMeta['position'] = null;
  const lat = degrees(raw.GPSLatitude);
  const lon = degrees(raw.GPSLongitude);
  if (lat !== null && lon !== null) {
    const sLat = text(raw.GPSLatitudeRef)?.toUpperCase() === 'S' ? -lat : lat;
    const sLon = text(raw.GPSLongitudeRef)?.toUpperCase() === 'W' ? -lon : lon;
    // 0,0 is what a phone writes before its first fix: no position, said so.
    if (Math.abs(sLat) <= 90 && Math.abs(sLon) <= 180 && !(sLat === 0 && sLon === 0)) position = { lat: sLat, lon: sLon };
    else issues.push({ code: 'photo.badPosition' });
  } else issues.push({ code: 'photo.noPosition' });
  const alt = num(raw.GPSAltitude);
  const altitudeM = alt === null ? null : byteOf(raw.GPSAltitudeRef) === 1 ? -alt : alt;
  const dir = num(raw.GPSImgDirection);
  const ref = text(raw.GPSImgDirectionRef)?.toUpperCase();
  const bearing =
    dir === null || dir < 0 || dir > 360
      ? null
      : { degrees: dir % 360, ref: ref === 'T' ? ('true' as const) : ref === 'M' ? ('magnetic' as const) : ('unknown' as const) };
  const orientation = num(raw.Orientation);
  return {
    format,
    time,
    position,
    altitudeM,
    bearing,
    orientation: orientation !== null && orientation >= 1 && orientation <= 8 ? orientation : null,
    make: text(raw.Make),
    model: text(raw.Model),
    issues,
  };
}

/**
 * The photos feature's pure rules: how a photo's facts are worded (the camera's clock with its offset and Beijing
 * time; lon/lat to 6 decimals; the bearing with its T/M reference), the stamped copy's band, the map's points with
 * their arrows, and which files are photos. No DOM, no database: the section and the worker call these.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { PhotoFormat, PhotoTime } from '../../../shared/formats/photo/exif';
import type { PhotoExif, PhotoPlacement, PhotoRecord } from '../../db';
import { translate, type Lang, type MessageKey } from '../../i18n/i18n.logic';

/** Beijing time is UTC+8 all year (China keeps no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** 'yyyy-MM-dd HH:mm:ss' of an instant in Beijing time. */
export function beijingTimeText(epochMs: number): string {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * The time as the camera wrote it ('2026-04-20 09:41:07 +08:00') and, when its offset is known, the same instant in
 * Beijing time; without an offset the clock text is all there is (it is said to be the camera's clock, zone unknown).
 */
export function photoTimeText(time: PhotoTime | null, lang: Lang): { camera: string; beijing: string | null; note: string | null } | null {
  if (!time) return null;
  const camera = `${time.local.replace('T', ' ')}${time.offset ? ` ${time.offset}` : ''}`;
  if (time.epochMs === null) return { camera, beijing: null, note: translate(lang, 'photos.time.noOffset') };
  return { camera, beijing: beijingTimeText(time.epochMs), note: null };
}

/** Up to `digits` decimals, trailing zeros dropped (a bearing of 123.45° prints 123.45°, 7.5° prints 7.5°). */
const trimmed = (v: number, digits: number) => String(Number(v.toFixed(digits)));

/** '东经 117.654321°，北纬 35.123456°' (west and south named as such): 6 decimals, about 0.1 m. */
export function lngLatText(lngLat: readonly [number, number], lang: Lang): string {
  const [lon, lat] = lngLat;
  return translate(lang, 'photos.position.lngLat', {
    ew: translate(lang, lon < 0 ? 'photos.position.west' : 'photos.position.east'),
    lon: Math.abs(lon).toFixed(6),
    ns: translate(lang, lat < 0 ? 'photos.position.south' : 'photos.position.north'),
    lat: Math.abs(lat).toFixed(6),
  });
}

const REF_KEYS: Record<NonNullable<PhotoExif['bearing']>['ref'], MessageKey> = {
  true: 'photos.bearing.true',
  magnetic: 'photos.bearing.magnetic',
  unknown: 'photos.bearing.unknownRef',
};

/** '123.45°（真北）': GPSImgDirection, 0° = north, clockwise, with the reference the camera wrote. */
export function bearingText(bearing: PhotoExif['bearing'], lang: Lang): string | null {
  if (!bearing) return null;
  return translate(lang, 'photos.bearing.value', { deg: trimmed(bearing.degrees, 2), ref: translate(lang, REF_KEYS[bearing.ref]) });
}

const PLACEMENT_KEYS: Record<PhotoPlacement['source'], MessageKey> = {
  exif: 'photos.placement.exif',
  hand: 'photos.placement.hand',
  none: 'photos.placement.none',
};
export const placementKey = (p: PhotoPlacement): MessageKey => PLACEMENT_KEYS[p.source];

/**
 * The stamped copy's band: time, position, bearing, the record number and the first 8 hex digits of the original's
 * SHA-256 — always in Chinese, as the evidence is filed (the reports say so too: README Decision 40).
 */
export function stampLines(photo: Pick<PhotoRecord, 'exif' | 'placement' | 'sha256'>, recordNumber: string): string[] {
  const zh: Lang = 'zh-CN';
  const time = photoTimeText(photo.exif.time, zh);
  const timeLine = !time
    ? translate(zh, 'photos.stamp.noTime')
    : time.beijing
      ? translate(zh, 'photos.stamp.time', { camera: time.camera, beijing: time.beijing })
      : translate(zh, 'photos.stamp.timeLocal', { camera: time.camera });
  const p = photo.placement;
  const altitude = photo.exif.altitudeM;
  const positionLine =
    p.source === 'none'
      ? translate(zh, 'photos.stamp.noPosition')
      : translate(zh, 'photos.stamp.position', {
          position: lngLatText(p.lngLat, zh),
          source: translate(zh, PLACEMENT_KEYS[p.source]),
          altitude: altitude !== null && p.source === 'exif' ? translate(zh, 'photos.stamp.altitude', { m: trimmed(altitude, 1) }) : '',
        });
  const bearing = bearingText(photo.exif.bearing, zh);
  return [
    timeLine,
    positionLine,
    bearing ? translate(zh, 'photos.stamp.bearing', { bearing }) : translate(zh, 'photos.stamp.noBearing'),
    translate(zh, 'photos.stamp.record', { number: recordNumber || '—', hash: photo.sha256.slice(0, 8) }),
  ];
}

/** Whether the stamped copy must be made (again): none yet, or its band no longer says what the record says. */
export function needsStamp(photo: Pick<PhotoRecord, 'stamp' | 'undecodable'>, lines: readonly string[]): boolean {
  if (photo.undecodable) return false;
  return photo.stamp === null || photo.stamp.params.lines.join('\n') !== lines.join('\n');
}

/** The record's photos after adding some: each hash once, in the order first added. */
export function mergeHashes(existing: readonly string[], added: readonly string[]): string[] {
  const out = [...existing];
  for (const h of added) if (!out.includes(h)) out.push(h);
  return out;
}

/**
 * The open record's placed photos as points: `fid` is the photo's index in `photos` (what a map click names), and
 * `bearing` is there only when the camera wrote one (the arrow; a point without it is a plain dot).
 */
export function photoPoints(photos: readonly PhotoRecord[], selected: string | null): FeatureCollection<Point> {
  const features: FeatureCollection<Point>['features'] = [];
  photos.forEach((p, fid) => {
    if (p.placement.source === 'none') return;
    const properties: Record<string, unknown> = { fid, n: fid + 1, selected: p.sha256 === selected };
    if (p.exif.bearing) properties.bearing = p.exif.bearing.degrees;
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [p.placement.lngLat[0], p.placement.lngLat[1]] } });
  });
  return { type: 'FeatureCollection', features };
}

/** The photos the map cannot show (未定位), in the record's order. */
export const unplacedPhotos = (photos: readonly PhotoRecord[]): PhotoRecord[] => photos.filter((p) => p.placement.source === 'none');

/** The photo files the section takes (by extension or type; the format itself is read from the bytes). */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.jpg,.jpeg,.png,.heic,.heif';
export function isPhotoFile(name: string, type: string): boolean {
  return /\.(jpe?g|png|hei[cf])$/i.test(name) || /^image\/(jpeg|png|hei[cf])$/i.test(type);
}

/** The type stored with the bytes: what the browser said, else what the bytes are (a HEIC usually comes with none). */
export function mimeOf(format: PhotoFormat, type: string): string {
  if (type) return type;
  return { jpeg: 'image/jpeg', heic: 'image/heic', png: 'image/png', other: 'application/octet-stream' }[format];
}

/** The extension an exported original is saved with (its own, else from its format). */
export function extensionOf(name: string, format: PhotoFormat): string {
  return /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1] ?? { jpeg: 'jpg', heic: 'heic', png: 'png', other: 'bin' }[format];
}

/**
 * The stamped copy's layout (the worker draws it): the photo scaled to at most `maxSidePx` on its long side, and at
 * least `minWidthPx` wide (a band narrower than its text says nothing; the copy is for display, the original is kept),
 * and below it a band of the lines, its font a 40th of the width (at least 14 px), 1.5 lines each. The photo itself
 * is never covered.
 */
export function stampLayout(
  photoWidth: number,
  photoHeight: number,
  lineCount: number,
  maxSidePx = 2048,
  minWidthPx = 720,
): { width: number; height: number; photoHeight: number; fontPx: number; lineHeightPx: number; paddingPx: number } {
  const long = Math.max(photoWidth, photoHeight);
  const scale = Math.min(Math.max(1, minWidthPx / photoWidth), maxSidePx / long);
  const width = Math.max(1, Math.round(photoWidth * scale));
  const ph = Math.max(1, Math.round(photoHeight * scale));
  const fontPx = Math.max(14, Math.round(width / 40));
  const lineHeightPx = Math.round(fontPx * 1.5);
  const paddingPx = Math.round(fontPx * 0.6);
  return { width, height: ph + lineCount * lineHeightPx + 2 * paddingPx, photoHeight: ph, fontPx, lineHeightPx, paddingPx };
}

/** Each EXIF issue's sentence. */
export const ISSUE_KEYS: Record<PhotoExif['issues'][number], MessageKey> = {
  'photo.noExif': 'photos.issue.noExif',
  'photo.badExif': 'photos.issue.badExif',
  'photo.noTime': 'photos.issue.noTime',
  'photo.noPosition': 'photos.issue.noPosition',
  'photo.badPosition': 'photos.issue.badPosition',
};

/**
 * A site photo's record (现场照片, issue 11 item 4): what the camera wrote (EXIF, read once at import from the
 * original bytes), where the photo stands on the map (the camera's position, a hand placement, or none — said so),
 * what the officer adds (远景/近景/内景, a description, the photographer), and the stamped copy made for display
 * and print. Keyed by the SHA-256 of the original bytes, which live in `attachments` (attachment-record.ts) and are
 * never changed: this record holds no original, so 10,000 inspections with 1,000 photos stay small to list.
 *
 * Lives in renderer/db, not shared/domain: the stamped copy is a Blob (a DOM type), as layer-data-record.ts says.
 * Record module shape all the same: version, validator every read goes through, factory, migrations.
 */
import type { PhotoFormat, PhotoIssueCode, PhotoMeta, PhotoTime } from '../../shared/formats/photo/exif';
import { isFiniteNumber, isObject, isString } from '../../shared/validation/guards';
import { fieldReaders } from '../../shared/validation/field-readers';
import { migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../shared/validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../shared/validation/validation';
import { SHA256_HEX } from './attachment-record';

/** 1: the first stored shape (schema 6). */
export const PHOTO_RECORD_VERSION = 1;

/** 举证 photo practice (DOMAIN "Inspections"): 远景 distant, 近景 close, 内景 inside, 其他 other. */
export const PHOTO_KINDS = ['distant', 'close', 'inside', 'other'] as const;
export type PhotoKind = (typeof PHOTO_KINDS)[number];

export const PHOTO_FORMATS: readonly PhotoFormat[] = ['jpeg', 'heic', 'png', 'other'];
export const PHOTO_ISSUE_CODES: readonly PhotoIssueCode[] = [
  'photo.noExif',
  'photo.badExif',
  'photo.noTime',
  'photo.noPosition',
  'photo.badPosition',
];

/** The EXIF facts as read at import (shared/formats/photo/exif.ts): never edited afterwards. */
export interface PhotoExif {
  /** The camera's clock text with its offset (null offset: the camera wrote none). */
  time: PhotoTime | null;
  position: { lat: number; lon: number } | null;
  altitudeM: number | null;
  /** GPSImgDirection: 0° = north, clockwise; its reference T / M as written ('unknown' when none). */
  bearing: { degrees: number; ref: 'true' | 'magnetic' | 'unknown' } | null;
  orientation: number | null;
  make: string | null;
  model: string | null;
  issues: PhotoIssueCode[];
}

/**
 * Where the photo is drawn: the camera's own position ('exif'), a click on the map ('hand'), or nowhere ('none': the
 * photo is listed as 未定位). Lon/lat as the camera wrote it (WGS84 ≈ CGCS2000 at the cm level): never shifted.
 */
export type PhotoPlacement = { source: 'exif' | 'hand'; lngLat: [number, number] } | { source: 'none'; lngLat: null };

/** What a stamped copy was made from: a photo whose facts changed since is stamped again. */
export interface StampParams {
  /** The band's lines, as drawn. */
  lines: string[];
}

/** The copy for display and print: the photo decoded (EXIF orientation applied), a band of facts below, JPEG. */
export interface PhotoStamp {
  image: Blob;
  /** A small JPEG for the strip. */
  thumb: Blob;
  width: number;
  height: number;
  params: StampParams;
  madeAt: number;
}

export interface PhotoRecord {
  v: typeof PHOTO_RECORD_VERSION;
  /** Lower-case hex SHA-256 of the original bytes (the key here and in attachments). */
  sha256: string;
  /** The file name it was first imported under. */
  name: string;
  mime: string;
  size: number;
  /** From the bytes, not the name. */
  format: PhotoFormat;
  exif: PhotoExif;
  placement: PhotoPlacement;
  kind: PhotoKind;
  description: string;
  photographer: string;
  /** null: not made yet, or the browser cannot decode the photo (`undecodable`, a HEIC in Chromium). */
  stamp: PhotoStamp | null;
  /** The browser could not draw it (the original is kept all the same; it is shown as a file tile with its facts). */
  undecodable: boolean;
  storedAt: number;
  updatedAt: number;
}

export type PhotoReason = MigrationReason | 'badSha256';

export const PHOTO_MIGRATIONS: readonly Migration[] = [];

const isLngLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && isFiniteNumber(v[0]) && isFiniteNumber(v[1]) && Math.abs(v[0]) <= 180 && Math.abs(v[1]) <= 90;

const nullableNumber = (v: unknown): number | null => (isFiniteNumber(v) ? v : null);
const nullableText = (v: unknown): string | null => (isString(v) ? v : null);

function readTime(v: unknown): PhotoTime | null {
  if (!isObject(v) || !isString(v.local)) return null;
  return { local: v.local, offset: isString(v.offset) ? v.offset : null, epochMs: isFiniteNumber(v.epochMs) ? v.epochMs : null };
}

/** The EXIF facts, each kept when it has its shape (null otherwise: a fact that cannot be read is no fact). */
function readExif(v: unknown): PhotoExif {
  const o = isObject(v) ? v : {};
  const pos =
    isObject(o.position) && isLngLat([o.position.lon, o.position.lat]) ? { lat: o.position.lat as number, lon: o.position.lon as number } : null;
  const b = isObject(o.bearing) && isFiniteNumber(o.bearing.degrees) ? o.bearing : null;
  const ref = b && (b.ref === 'true' || b.ref === 'magnetic') ? b.ref : 'unknown';
  return {
    time: readTime(o.time),
    position: pos,
    altitudeM: nullableNumber(o.altitudeM),
    bearing: b ? { degrees: b.degrees as number, ref } : null,
    orientation: nullableNumber(o.orientation),
    make: nullableText(o.make),
    model: nullableText(o.model),
    // The reader's issues ({ code, detail }) are kept by their codes.
    issues: Array.isArray(o.issues)
      ? o.issues.map((c: unknown) => (isObject(c) ? c.code : c)).filter((c): c is PhotoIssueCode => PHOTO_ISSUE_CODES.includes(c as PhotoIssueCode))
      : [],
  };
}

function readStamp(v: unknown): PhotoStamp | null {
  if (!isObject(v) || !(v.image instanceof Blob) || !(v.thumb instanceof Blob)) return null;
  if (!isFiniteNumber(v.width) || !isFiniteNumber(v.height) || !isObject(v.params) || !Array.isArray(v.params.lines)) return null;
  return {
    image: v.image,
    thumb: v.thumb,
    width: v.width,
    height: v.height,
    params: { lines: v.params.lines.filter(isString) },
    madeAt: isFiniteNumber(v.madeAt) ? v.madeAt : 0,
  };
}

/**
 * Without its hash a photo record is nothing: rejected. Everything else is repaired to what a new record would have
 * (named in `repaired`): a stamp that cannot be used is made again, a placement that cannot be read is 'none'.
 */
export function validatePhoto(raw: unknown): Validation<PhotoRecord, PhotoReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== PHOTO_RECORD_VERSION) return fail('badVersion', 'v', `expected record version ${PHOTO_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isString(raw.sha256) || !SHA256_HEX.test(raw.sha256)) return fail('badSha256', 'sha256');
  const repaired: Repair[] = [];
  const f = fieldReaders(raw, repaired);
  const defaulted = <T>(path: string, value: T): T => (repaired.push({ path, code: 'defaulted' }), value);
  const p = raw.placement;
  const placement: PhotoPlacement =
    isObject(p) && (p.source === 'exif' || p.source === 'hand') && isLngLat(p.lngLat)
      ? { source: p.source, lngLat: [p.lngLat[0], p.lngLat[1]] }
      : isObject(p) && p.source === 'none'
        ? { source: 'none', lngLat: null }
        : defaulted('placement', { source: 'none', lngLat: null });
  const stamp = raw.stamp === null ? null : (readStamp(raw.stamp) ?? defaulted('stamp', null));
  return ok(
    {
      v: PHOTO_RECORD_VERSION,
      sha256: raw.sha256,
      name: f.text('name'),
      mime: f.text('mime'),
      size: isFiniteNumber(raw.size) ? raw.size : defaulted('size', 0),
      format: PHOTO_FORMATS.includes(raw.format as PhotoFormat) ? (raw.format as PhotoFormat) : defaulted('format', 'other'),
      exif: isObject(raw.exif) ? readExif(raw.exif) : defaulted('exif', readExif(null)),
      placement,
      kind: PHOTO_KINDS.includes(raw.kind as PhotoKind) ? (raw.kind as PhotoKind) : defaulted('kind', 'other'),
      description: f.text('description'),
      photographer: f.text('photographer'),
      stamp,
      undecodable: typeof raw.undecodable === 'boolean' ? raw.undecodable : defaulted('undecodable', false),
      storedAt: f.time('storedAt', 0),
      updatedAt: f.time('updatedAt', 0),
    },
    repaired,
  );
}

export function restorePhoto(raw: unknown): Validation<PhotoRecord, PhotoReason> {
  const migrated = migrateRecord(raw, storedVersionOf(raw), PHOTO_RECORD_VERSION, PHOTO_MIGRATIONS);
  return migrated.ok ? validatePhoto(migrated.value) : migrated;
}

/** What a new photo record is made from: the file and its EXIF as read. */
export interface NewPhoto {
  sha256: string;
  name: string;
  mime: string;
  size: number;
  meta: PhotoMeta;
  photographer?: string;
}

/** A new record: placed where the camera says, else unplaced (未定位); kind 其他 until the officer says. */
export function createPhoto(init: NewPhoto, at: number): PhotoRecord {
  const exif = readExif(init.meta);
  const record: PhotoRecord = {
    v: PHOTO_RECORD_VERSION,
    sha256: init.sha256,
    name: init.name,
    mime: init.mime,
    size: init.size,
    format: init.meta.format,
    exif,
    placement: exif.position ? { source: 'exif', lngLat: [exif.position.lon, exif.position.lat] } : { source: 'none', lngLat: null },
    kind: 'other',
    description: '',
    photographer: init.photographer ?? '',
    stamp: null,
    undecodable: false,
    storedAt: at,
    updatedAt: at,
  };
  const checked = validatePhoto(record);
  if (!checked.ok || checked.repaired) throw new RangeError(`createPhoto: ${checked.ok ? 'fields of the wrong shape' : checked.reason}`);
  return record;
}

/** What the officer may change: the kind, the description and the photographer (the EXIF facts never). */
export interface PhotoEdit {
  kind?: PhotoKind;
  description?: string;
  photographer?: string;
}

export type PhotoEditRefusal = 'badKind' | 'badLngLat';

export function editPhoto(r: PhotoRecord, edit: PhotoEdit, at: number): Validation<PhotoRecord, PhotoEditRefusal> {
  if (edit.kind !== undefined && !PHOTO_KINDS.includes(edit.kind)) return fail('badKind', 'kind');
  return ok({ ...r, ...edit, updatedAt: at });
}

/**
 * Placed by hand (a click on the map), or back to the camera's own position (`null` when the camera wrote one),
 * or unplaced. The stamped copy keeps the lines it was made with: the photos feature makes it again when they differ.
 */
export function placePhoto(r: PhotoRecord, lngLat: [number, number] | null, at: number): Validation<PhotoRecord, PhotoEditRefusal> {
  if (lngLat !== null && !isLngLat(lngLat)) return fail('badLngLat', 'lngLat');
  const placement: PhotoPlacement =
    lngLat !== null
      ? { source: 'hand', lngLat: [lngLat[0], lngLat[1]] }
      : r.exif.position
        ? { source: 'exif', lngLat: [r.exif.position.lon, r.exif.position.lat] }
        : { source: 'none', lngLat: null };
  return ok({ ...r, placement, updatedAt: at });
}

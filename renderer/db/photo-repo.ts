/**
 * Site photos (photo-record.ts): every read through the record's restore (an unreadable record is skipped with a
 * console warning), every user action ONE strict-durability transaction (README Decision 7).
 *
 * - Storing photos writes the original bytes into `attachments` and the records into `photos` in one transaction:
 *   a photo is never stored without its bytes, nor bytes without a record. The hashes are computed here, from the
 *   bytes stored (before the transaction: an await on anything but IndexedDB would end it); a caller's hash is never
 *   taken. A photo already stored keeps its record (its placement, kind and description): the same bytes are the
 *   same photo.
 * - The original is never rewritten: the stamped copy is a separate Blob on the record, made again when its facts
 *   change. Exporting the original reads the stored bytes and checks their SHA-256 again before handing them out.
 */
import type { PhotoMeta } from '../../shared/formats/photo/exif';
import { fail, ok, type Validation } from '../../shared/validation/validation';
import { getAttachment, putHashedAttachment, sha256Hex } from './attachments-repo';
import { getDb, type LandPatrolDb } from './db';
import {
  createPhoto,
  editPhoto,
  placePhoto,
  restorePhoto,
  type PhotoEdit,
  type PhotoEditRefusal,
  type PhotoRecord,
  type PhotoStamp,
} from './photo-record';
import { readRecord } from './read';

export interface NewStoredPhoto {
  name: string;
  mime: string;
  /** The file's bytes exactly as picked: stored untouched. */
  data: Blob;
  /** Its EXIF as read (the photos worker). */
  meta: PhotoMeta;
  photographer?: string;
}

export interface StoredPhoto {
  record: PhotoRecord;
  /** false: these bytes were stored before (the earlier record is kept). */
  isNew: boolean;
}

export type PhotoWriteReason = 'notFound' | PhotoEditRefusal;
export type PhotoWriteResult = Validation<PhotoRecord, PhotoWriteReason>;

const restore = (raw: unknown): PhotoRecord | null => readRecord('photo', raw, restorePhoto);

/** Stores the photos (bytes and records) in ONE transaction; returns each one's record, in order. */
export async function storePhotos(files: readonly NewStoredPhoto[], at: number, db: LandPatrolDb = getDb()): Promise<StoredPhoto[]> {
  const hashed = await Promise.all(files.map(async (f) => ({ ...f, sha256: await sha256Hex(f.data) })));
  return db.transaction('rw', db.attachments, db.photos, async () => {
    const out: StoredPhoto[] = [];
    const made = new Map<string, PhotoRecord>();
    for (const f of hashed) {
      await putHashedAttachment(f, at, db);
      const existing = made.get(f.sha256) ?? restore(await db.photos.get(f.sha256));
      if (existing) {
        out.push({ record: existing, isNew: false });
        continue;
      }
      const record = createPhoto({ sha256: f.sha256, name: f.name, mime: f.mime, size: f.data.size, meta: f.meta, photographer: f.photographer }, at);
      await db.photos.put(record as never);
      made.set(f.sha256, record);
      out.push({ record, isNew: true });
    }
    return out;
  });
}

export async function getPhoto(sha256: string, db: LandPatrolDb = getDb()): Promise<PhotoRecord | null> {
  return restore(await db.photos.get(sha256));
}

/** The records of these hashes, in order (null where none is stored or it is unreadable). */
export async function getPhotos(hashes: readonly string[], db: LandPatrolDb = getDb()): Promise<(PhotoRecord | null)[]> {
  if (hashes.length === 0) return [];
  return (await db.photos.bulkGet([...hashes])).map((raw) => restore(raw));
}

async function change(
  sha256: string,
  fn: (r: PhotoRecord) => Validation<PhotoRecord, PhotoEditRefusal>,
  db: LandPatrolDb,
): Promise<PhotoWriteResult> {
  return db.transaction('rw', db.photos, async () => {
    const current = restore(await db.photos.get(sha256));
    if (!current) return fail('notFound', 'sha256', sha256);
    const r = fn(current);
    if (!r.ok) return r;
    await db.photos.put(r.value as never);
    return ok(r.value);
  });
}

/** 定位: placed by hand at lon/lat; null: back to the camera's position (or unplaced when it wrote none). */
export const placeStoredPhoto = (sha256: string, lngLat: [number, number] | null, at: number, db: LandPatrolDb = getDb()) =>
  change(sha256, (r) => placePhoto(r, lngLat, at), db);

/** The kind (远景/近景/内景/其他), description and photographer. */
export const editStoredPhoto = (sha256: string, edit: PhotoEdit, at: number, db: LandPatrolDb = getDb()) =>
  change(sha256, (r) => editPhoto(r, edit, at), db);

/** The stamped copy made for display and print (null with `undecodable`: the browser cannot draw the photo). */
export const setPhotoStamp = (sha256: string, stamp: PhotoStamp | null, undecodable: boolean, at: number, db: LandPatrolDb = getDb()) =>
  change(sha256, (r) => ok({ ...r, stamp, undecodable, updatedAt: at }), db);

export type OriginalReason = 'notFound' | 'hashMismatch';

/**
 * The original bytes as stored, for 导出原图: their SHA-256 is computed again and must be the key (a store that
 * changed under us — a disk fault, a hand-edited profile — is refused, never exported as if it were the photo).
 */
export async function getPhotoOriginal(
  sha256: string,
  db: LandPatrolDb = getDb(),
): Promise<Validation<{ name: string; mime: string; bytes: Uint8Array; sha256: string }, OriginalReason>> {
  const [att, photo] = await Promise.all([getAttachment(sha256, db), getPhoto(sha256, db)]);
  if (!att) return fail('notFound', 'sha256', sha256);
  const bytes = new Uint8Array(await att.data.arrayBuffer());
  if ((await sha256Hex(new Blob([bytes]))) !== sha256) return fail('hashMismatch', 'sha256', sha256);
  return ok({ name: photo?.name || att.name, mime: photo?.mime || att.mime, bytes, sha256 });
}

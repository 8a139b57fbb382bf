/**
 * The open record's photos: read from the photos store by the record's photoHashes, in its order; the photo selected
 * in the strip (and on the map); the work in progress (reading, stamping); the photo being placed by hand. One store
 * for the section, the map layer and the map picker; nothing here writes the inspection itself (the section does,
 * through its `save`).
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import { getAttachment, getPhotos, setPhotoStamp, storePhotos, type NewStoredPhoto, type PhotoRecord, type StoredPhoto } from '../../db';
import { createStore } from '../../ui/store';
import { readPhotoInWorker, stampInWorker } from './photos-client';
import { isPhotoFile, mimeOf, needsStamp, stampLines } from './photos.logic';

export interface PhotosView {
  /** The record whose photos these are (null: no record open). */
  recordId: string | null;
  recordNumber: string;
  /** The record's photoHashes as last read. */
  hashes: readonly string[];
  /** The records of those hashes that could be read, in the record's order. */
  photos: readonly PhotoRecord[];
  selected: string | null;
  busy: { phase: 'read' | 'stamp'; done: number; total: number } | null;
  /** The photo waiting for a click on the map (定位). */
  placing: string | null;
}

const EMPTY: PhotosView = { recordId: null, recordNumber: '', hashes: [], photos: [], selected: null, busy: null, placing: null };
export const photosState = createStore<PhotosView>(EMPTY);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Follows the open record: reads its photos when its hashes (or the record) change, then makes missing stamps. */
export async function followRecord(record: Inspection | null): Promise<void> {
  const s = photosState.get();
  if (!record) {
    if (s.recordId !== null) photosState.set(EMPTY);
    return;
  }
  if (s.recordId === record.id && sameList(s.hashes, record.photoHashes) && s.recordNumber === record.number) return;
  const hashes = [...record.photoHashes];
  const read = (await getPhotos(hashes)).filter((p): p is PhotoRecord => p !== null);
  photosState.set((prev) => ({
    ...(prev.recordId === record.id ? prev : EMPTY),
    recordId: record.id,
    recordNumber: record.number,
    hashes,
    photos: read,
    selected: prev.recordId === record.id && prev.selected && hashes.includes(prev.selected) ? prev.selected : (read[0]?.sha256 ?? null),
  }));
  await ensureStamps();
}

/** Puts a changed photo record in place (a stamp, a placement, an edit). */
export function showPhoto(photo: PhotoRecord): void {
  photosState.set((s) => ({ ...s, photos: s.photos.map((p) => (p.sha256 === photo.sha256 ? photo : p)) }));
}

export const selectPhoto = (sha256: string | null): void => photosState.set((s) => ({ ...s, selected: sha256 }));
export const setPlacing = (sha256: string | null): void => photosState.set((s) => ({ ...s, placing: sha256 }));

let stamping: Promise<void> | null = null;

/**
 * Makes the stamped copies the open record's photos lack (or whose band changed), one at a time in the worker. A
 * photo the browser cannot decode is marked so (its tile says it); the original is read, never written.
 */
export function ensureStamps(): Promise<void> {
  if (stamping) return stamping;
  const run = async (): Promise<void> => {
    try {
      for (;;) {
        const s = photosState.get();
        const todo = s.photos.filter((p) => needsStamp(p, stampLines(p, s.recordNumber)));
        if (todo.length === 0) return;
        const total = todo.length;
        for (const [i, p] of todo.entries()) {
          photosState.set((v) => ({ ...v, busy: { phase: 'stamp', done: i, total } }));
          const original = await getAttachment(p.sha256);
          if (!original) continue;
          const lines = stampLines(p, photosState.get().recordNumber);
          const r = await stampInWorker(original.data, lines);
          const at = Date.now();
          const saved = r.ok
            ? await setPhotoStamp(
                p.sha256,
                { image: r.image, thumb: r.thumb, width: r.width, height: r.height, params: { lines }, madeAt: at },
                false,
                at,
              )
            : await setPhotoStamp(p.sha256, null, true, at);
          if (saved.ok) showPhoto(saved.value);
        }
      }
    } finally {
      photosState.set((v) => ({ ...v, busy: null }));
    }
  };
  // Cleared when the run has settled (a `finally` inside `run` could clear it before it was even assigned).
  const started = run().finally(() => {
    if (stamping === started) stamping = null;
  });
  stamping = started;
  return started;
}

export interface ReadOutcome {
  stored: StoredPhoto[];
  /** Files that are not photos (by name and type), not stored. */
  skipped: string[];
}

/** Reads each photo's EXIF in the worker and stores originals and records in one transaction. */
export async function readAndStore(files: readonly File[], photographer: string): Promise<ReadOutcome> {
  const photos = files.filter((f) => isPhotoFile(f.name, f.type));
  const skipped = files.filter((f) => !photos.includes(f)).map((f) => f.name);
  const items: NewStoredPhoto[] = [];
  try {
    for (const [i, f] of photos.entries()) {
      photosState.set((v) => ({ ...v, busy: { phase: 'read', done: i, total: photos.length } }));
      const meta = await readPhotoInWorker(f.name, new Uint8Array(await f.arrayBuffer()));
      // The File itself is stored: its bytes exactly as picked (the worker had a copy).
      items.push({ name: f.name, mime: mimeOf(meta.format, f.type), data: f, meta, photographer });
    }
  } finally {
    photosState.set((v) => ({ ...v, busy: null }));
  }
  return { stored: items.length ? await storePhotos(items, Date.now()) : [], skipped };
}

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import type { PhotoRecord } from '../../db';

// The worker and the database are the boundaries here: the store's own sequencing is what is tested.
const stamps: string[][] = [];
const stored = new Map<string, PhotoRecord>();
vi.mock('./photos-client', () => ({
  readPhotoInWorker: vi.fn(),
  stampInWorker: vi.fn(async (_blob: Blob, lines: string[]) => {
    stamps.push(lines);
    return { ok: true, image: new Blob(['i']), thumb: new Blob(['t']), width: 720, height: 600 };
  }),
}));
vi.mock('../../db', () => ({
  getPhotos: vi.fn(async (hashes: string[]) => hashes.map((h) => stored.get(h) ?? null)),
  getAttachment: vi.fn(async (sha256: string) => ({ sha256, data: new Blob(['original']) })),
  setPhotoStamp: vi.fn(async (sha256: string, stamp: PhotoRecord['stamp'], undecodable: boolean) => {
    const r = { ...stored.get(sha256)!, stamp, undecodable };
    stored.set(sha256, r);
    return { ok: true, value: r };
  }),
  storePhotos: vi.fn(),
}));

const { ensureStamps, followRecord, photosState } = await import('./photos-state');

const sha = (c: string) => c.repeat(64);
const photo = (h: string): PhotoRecord =>
  ({
    v: 1,
    sha256: h,
    name: `${h.slice(0, 4)}.jpg`,
    mime: 'image/jpeg',
    size: 1,
    format: 'jpeg',
    exif: { time: null, position: null, altitudeM: null, bearing: null, orientation: null, make: null, model: null, issues: [] },
    placement: { source: 'none', lngLat: null },
    kind: 'other',
    description: '',
    photographer: '',
    stamp: null,
    undecodable: false,
    storedAt: 0,
    updatedAt: 0,
  }) as PhotoRecord;
const record = (hashes: string[]) => ({ id: 'I1', number: '核〔2026〕001号', photoHashes: hashes }) as unknown as Inspection;

beforeEach(() => {
  stamps.length = 0;
  stored.clear();
});

describe('the open record’s photos', () => {
  it('stamps photos added after a run that had nothing to do (a settled run never blocks the next)', async () => {
    await followRecord(record([]));
    expect(stamps).toEqual([]);
    stored.set(sha('a'), photo(sha('a')));
    await followRecord(record([sha('a')]));
    expect(stamps).toHaveLength(1);
    expect(stamps[0]![3]).toBe('核〔2026〕001号  原图 SHA-256 aaaaaaaa');
    expect(photosState.get().photos[0]!.stamp).toMatchObject({ width: 720, params: { lines: stamps[0] } });
    // Nothing left to stamp: a further run makes none.
    await ensureStamps();
    expect(stamps).toHaveLength(1);
    expect(photosState.get().busy).toBeNull();
  });

  it('follows the record order and drops what is no longer in it; closes with the record', async () => {
    for (const c of ['a', 'b']) stored.set(sha(c), photo(sha(c)));
    await followRecord(record([sha('b'), sha('a')]));
    expect(photosState.get().photos.map((p) => p.sha256)).toEqual([sha('b'), sha('a')]);
    await followRecord(record([sha('a')]));
    expect(photosState.get()).toMatchObject({ hashes: [sha('a')], selected: sha('a') });
    await followRecord(null);
    expect(photosState.get()).toMatchObject({ recordId: null, photos: [] });
  });
});

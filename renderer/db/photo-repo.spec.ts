import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPhotoMeta } from '../../shared/formats/photo/exif';
import { fixtureBytes } from '../../tests/fixtures/read-fixture';
import { getAttachment } from './attachments-repo';
import { LandPatrolDb } from './db';
import { PHOTO_RECORD_VERSION, createPhoto, restorePhoto, type PhotoStamp } from './photo-record';
import { editStoredPhoto, getPhoto, getPhotoOriginal, getPhotos, placeStoredPhoto, setPhotoStamp, storePhotos } from './photo-repo';

afterEach(() => {
  vi.restoreAllMocks();
});

const fresh = (indexedDB = new IDBFactory()) => new LandPatrolDb('photos', { indexedDB, IDBKeyRange });
const fixture = (name: string) => fixtureBytes(`photos/${name}`);
// Reference hashes from Python's hashlib (`hashlib.sha256(open(f, 'rb').read()).hexdigest()`), not the code under test.
const SITE_SHA = 'd171b4fab3c317a5a58bec099c076fb901e73166e2866ead8cd9ed1febb17d25';
const NO_EXIF_SHA = '02592b668594bd3fdc083b9695df86c53b2d3efb50fa48f29e563eeb66c7e800';

async function photo(name: string) {
  const bytes = fixture(name);
  return { name, mime: 'image/jpeg', data: new Blob([bytes as BlobPart], { type: 'image/jpeg' }), meta: await readPhotoMeta(bytes) };
}

describe('storePhotos', () => {
  it('stores the original bytes in attachments and the EXIF facts in photos, keyed by the SHA-256, across a reopen', async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    const stored = await storePhotos([await photo('site-true-bearing.jpg'), await photo('no-exif.jpg')], 1000, db);
    expect(stored.map((s) => [s.record.sha256, s.isNew])).toEqual([
      [SITE_SHA, true],
      [NO_EXIF_SHA, true],
    ]);
    db.close();
    const again = fresh(idb);
    const site = await getPhoto(SITE_SHA, again);
    // The figures exiftool reads (tests/oracles/exif.json: fixture:site-true-bearing.jpg).
    expect(site).toMatchObject({
      v: PHOTO_RECORD_VERSION,
      name: 'site-true-bearing.jpg',
      format: 'jpeg',
      size: fixture('site-true-bearing.jpg').length,
      exif: {
        time: { local: '2026-04-20T09:41:07', offset: '+08:00', epochMs: Date.UTC(2026, 3, 20, 1, 41, 7) },
        altitudeM: 81.5,
        bearing: { degrees: 123.45, ref: 'true' },
        orientation: 6,
        make: 'Xiaomi',
      },
      placement: { source: 'exif', lngLat: [expect.closeTo(117.654321, 9), expect.closeTo(35.123456, 9)] },
      kind: 'other',
      stamp: null,
    });
    const none = await getPhoto(NO_EXIF_SHA, again);
    expect(none).toMatchObject({ placement: { source: 'none', lngLat: null }, exif: { time: null, position: null, issues: ['photo.noExif'] } });
    // The original bytes, byte for byte, in attachments; the photo record holds no copy of them.
    const att = await getAttachment(SITE_SHA, again);
    expect(new Uint8Array(await att!.data.arrayBuffer())).toEqual(fixture('site-true-bearing.jpg'));
    expect(Object.values(site!).some((v) => v instanceof Blob)).toBe(false);
    again.close();
  });

  it('keeps the first record of bytes stored twice (its placement and description), once in the batch too', async () => {
    const db = fresh();
    await storePhotos([await photo('no-exif.jpg')], 1, db);
    await placeStoredPhoto(NO_EXIF_SHA, [117.01, 35.02], 2, db);
    const twice = await storePhotos([{ ...(await photo('no-exif.jpg')), name: 'copy.jpg' }, await photo('no-exif.jpg')], 3, db);
    expect(twice.map((s) => s.isNew)).toEqual([false, false]);
    expect(twice[0]!.record).toMatchObject({ name: 'no-exif.jpg', placement: { source: 'hand', lngLat: [117.01, 35.02] } });
    expect(await db.photos.count()).toBe(1);
    expect(await db.attachments.count()).toBe(1);
    const batch = await storePhotos([await photo('site-true-bearing.jpg'), await photo('site-true-bearing.jpg')], 4, fresh());
    expect(batch.map((s) => s.isNew)).toEqual([true, false]);
    db.close();
  });

  it('writes nothing when the transaction fails: no bytes without a record', async () => {
    const db = fresh();
    vi.spyOn(db.photos, 'put').mockRejectedValue(new Error('disk full'));
    await expect(storePhotos([await photo('site-true-bearing.jpg')], 1, db)).rejects.toThrow();
    expect(await db.attachments.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
    db.close();
  });
});

describe('placing, editing and stamping', () => {
  it('places by hand, goes back to the camera position, refuses a position off the globe', async () => {
    const db = fresh();
    await storePhotos([await photo('site-true-bearing.jpg')], 1, db);
    expect(await placeStoredPhoto(SITE_SHA, [117.5, 35.5], 2, db)).toMatchObject({
      ok: true,
      value: { placement: { source: 'hand', lngLat: [117.5, 35.5] } },
    });
    expect(await placeStoredPhoto(SITE_SHA, null, 3, db)).toMatchObject({
      ok: true,
      value: { placement: { source: 'exif', lngLat: [expect.closeTo(117.654321, 9), expect.closeTo(35.123456, 9)] } },
    });
    expect(await placeStoredPhoto(SITE_SHA, [200, 35], 4, db)).toMatchObject({ ok: false, reason: 'badLngLat' });
    expect(await placeStoredPhoto('0'.repeat(64), [117, 35], 4, db)).toMatchObject({ ok: false, reason: 'notFound' });
    expect((await getPhoto(SITE_SHA, db))!.updatedAt).toBe(3);
    db.close();
  });

  it('edits kind, description and photographer, never the EXIF', async () => {
    const db = fresh();
    await storePhotos([await photo('site-true-bearing.jpg')], 1, db);
    const r = await editStoredPhoto(SITE_SHA, { kind: 'distant', description: '东侧远景，在建厂房', photographer: '王五' }, 5, db);
    expect(r).toMatchObject({
      ok: true,
      value: { kind: 'distant', description: '东侧远景，在建厂房', photographer: '王五', exif: { bearing: { degrees: 123.45 } } },
    });
    expect(await editStoredPhoto(SITE_SHA, { kind: 'aerial' as never }, 6, db)).toMatchObject({ ok: false, reason: 'badKind' });
    expect(await getPhoto(SITE_SHA, db)).toMatchObject({ kind: 'distant', updatedAt: 5 });
    db.close();
  });

  it('keeps the stamped copy beside the original, never over it', async () => {
    const db = fresh();
    await storePhotos([await photo('site-true-bearing.jpg')], 1, db);
    const stamp: PhotoStamp = {
      image: new Blob([new Uint8Array([0xff, 0xd8, 1, 2])], { type: 'image/jpeg' }),
      thumb: new Blob([new Uint8Array([0xff, 0xd8, 3])], { type: 'image/jpeg' }),
      width: 64,
      height: 140,
      params: { lines: ['核〔2026〕001号'] },
      madeAt: 9,
    };
    await setPhotoStamp(SITE_SHA, stamp, false, 9, db);
    const r = await getPhoto(SITE_SHA, db);
    expect(r!.stamp).toMatchObject({ width: 64, height: 140, params: { lines: ['核〔2026〕001号'] } });
    const original = await getPhotoOriginal(SITE_SHA, db);
    expect(original).toMatchObject({ ok: true, value: { name: 'site-true-bearing.jpg', sha256: SITE_SHA } });
    expect(original.ok && original.value.bytes).toEqual(fixture('site-true-bearing.jpg'));
    expect(await getPhotos([SITE_SHA, NO_EXIF_SHA], db)).toMatchObject([{ sha256: SITE_SHA }, null]);
    db.close();
  });

  it('refuses to export bytes whose hash is no longer their key', async () => {
    const db = fresh();
    await storePhotos([await photo('site-true-bearing.jpg')], 1, db);
    const att = await db.attachments.get(SITE_SHA);
    await db.attachments.put({ ...att!, data: new Blob([new Uint8Array([1, 2, 3])]), size: 3 });
    expect(await getPhotoOriginal(SITE_SHA, db)).toMatchObject({ ok: false, reason: 'hashMismatch' });
    expect(await getPhotoOriginal(NO_EXIF_SHA, db)).toMatchObject({ ok: false, reason: 'notFound' });
    db.close();
  });
});

describe('restorePhoto', () => {
  it('rejects a record without its hash, repairs the rest and names it', async () => {
    const good = createPhoto(
      { sha256: SITE_SHA, name: 'a.jpg', mime: 'image/jpeg', size: 3, meta: await readPhotoMeta(fixture('site-true-bearing.jpg')) },
      7,
    );
    expect(restorePhoto(good)).toEqual({ ok: true, value: good });
    expect(restorePhoto({ ...good, sha256: 'ABC' })).toMatchObject({ ok: false, reason: 'badSha256' });
    expect(restorePhoto({ ...good, v: 2 })).toMatchObject({ ok: false, reason: 'badVersion' });
    const r = restorePhoto({ ...good, placement: { source: 'hand', lngLat: [500, 1] }, kind: 'aerial', stamp: { image: 'x' } });
    expect(r.ok && r.value).toMatchObject({ placement: { source: 'none', lngLat: null }, kind: 'other', stamp: null });
    expect(r.ok && r.repaired?.map((x) => x.path)).toEqual(['placement', 'stamp', 'kind']);
  });
});

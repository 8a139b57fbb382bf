import { describe, expect, it } from 'vitest';
import { readPhotoMeta } from '../../../shared/formats/photo/exif';
import { fixtureBytes, realBytes } from '../../../tests/fixtures/read-fixture';
import { createPhoto, placePhoto, type PhotoRecord } from '../../db/photo-record';
import {
  bearingText,
  beijingTimeText,
  extensionOf,
  isPhotoFile,
  lngLatText,
  mergeHashes,
  mimeOf,
  needsStamp,
  photoPoints,
  photoTimeText,
  stampLayout,
  stampLines,
  unplacedPhotos,
} from './photos.logic';

const sha = (c: string) => c.repeat(64);
async function record(bytes: Uint8Array, name: string, hash: string): Promise<PhotoRecord> {
  return createPhoto({ sha256: hash, name, mime: 'image/jpeg', size: bytes.length, meta: await readPhotoMeta(bytes) }, 1);
}
const heicBytes = () => realBytes('../photos/heic/IMG_5195.HEIC');

describe('times', () => {
  it('gives the camera clock with its offset and the same instant in Beijing time', async () => {
    // exiftool: DateTimeOriginal 2021:04:11 15:47:53, OffsetTimeOriginal -05:00 (tests/oracles/exif.json) → 20:47:53Z.
    const heic = await readPhotoMeta(heicBytes());
    expect(photoTimeText(heic.time, 'zh-CN')).toEqual({ camera: '2021-04-11 15:47:53 -05:00', beijing: '2021-04-12 04:47:53', note: null });
    const site = await readPhotoMeta(fixtureBytes('photos/site-true-bearing.jpg'));
    expect(photoTimeText(site.time, 'zh-CN')).toMatchObject({ camera: '2026-04-20 09:41:07 +08:00', beijing: '2026-04-20 09:41:07' });
  });
  it('says a time without an offset is the camera clock and gives no Beijing time', async () => {
    const pit = await readPhotoMeta(fixtureBytes('photos/pit-magnetic.jpg'));
    expect(photoTimeText(pit.time, 'zh-CN')).toEqual({
      camera: '2026-04-21 15:02:59',
      beijing: null,
      note: '相机时钟，未记录时区，无法换算北京时间',
    });
    expect(photoTimeText(null, 'zh-CN')).toBeNull();
  });
  it('counts Beijing time as UTC+8 across the day and year boundary', () => {
    expect(beijingTimeText(Date.UTC(2025, 11, 31, 16, 0, 0))).toBe('2026-01-01 00:00:00');
    expect(beijingTimeText(Date.UTC(2026, 6, 1, 3, 4, 5))).toBe('2026-07-01 11:04:05');
  });
});

describe('position and bearing', () => {
  it('print lon/lat to 6 decimals with their hemispheres', () => {
    expect(lngLatText([117.654321, 35.123456], 'zh-CN')).toBe('东经 117.654321°，北纬 35.123456°');
    expect(lngLatText([-45.25, -12.5], 'zh-CN')).toBe('西经 45.250000°，南纬 12.500000°');
    expect(lngLatText([117.1, 35.2], 'en')).toBe('117.100000° E, 35.200000° N');
  });
  it('print the bearing with the reference the camera wrote', () => {
    expect(bearingText({ degrees: 123.45, ref: 'true' }, 'zh-CN')).toBe('123.45°（真北）');
    expect(bearingText({ degrees: 7.5, ref: 'magnetic' }, 'zh-CN')).toBe('7.5°（磁北）');
    expect(bearingText({ degrees: 348.0553285, ref: 'unknown' }, 'en')).toBe('348.06° (north reference not given)');
    expect(bearingText(null, 'zh-CN')).toBeNull();
  });
});

describe('the stamped copy', () => {
  it('bands time, position, bearing, the record number and the first 8 hex digits of the SHA-256, in Chinese', async () => {
    const site = await record(fixtureBytes('photos/site-true-bearing.jpg'), 'a.jpg', 'd171b4fa' + '0'.repeat(56));
    expect(stampLines(site, '核〔2026〕001号')).toEqual([
      '时间 2026-04-20 09:41:07 +08:00（北京时间 2026-04-20 09:41:07）',
      '位置 东经 117.654321°，北纬 35.123456°（相机记录） 海拔 81.5 米',
      '方位 123.45°（真北）',
      '核〔2026〕001号  原图 SHA-256 d171b4fa',
    ]);
    const none = await record(fixtureBytes('photos/no-exif.jpg'), 'b.jpg', sha('b'));
    expect(stampLines(none, '')).toEqual(['时间 未记录', '位置 未定位', '方位 未记录', '—  原图 SHA-256 bbbbbbbb']);
    const placed = placePhoto(none, [117.1, 35.05], 2);
    expect(placed.ok && stampLines(placed.value, 'X')[1]).toBe('位置 东经 117.100000°，北纬 35.050000°（手动定位）');
  });
  it('is made again when its band would change, never for a photo the browser cannot decode', async () => {
    const site = await record(fixtureBytes('photos/site-true-bearing.jpg'), 'a.jpg', sha('a'));
    const lines = stampLines(site, 'N1');
    expect(needsStamp(site, lines)).toBe(true);
    const stamped = { ...site, stamp: { image: new Blob([]), thumb: new Blob([]), width: 1, height: 1, params: { lines }, madeAt: 1 } };
    expect(needsStamp(stamped, lines)).toBe(false);
    expect(needsStamp(stamped, stampLines(site, 'N2'))).toBe(true);
    expect(needsStamp({ ...site, undecodable: true }, lines)).toBe(false);
  });
  it('lays the band below the photo, scaled down to 2048 px and up to 720 px wide', () => {
    expect(stampLayout(4000, 3000, 4)).toEqual({
      width: 2048,
      height: 1536 + 4 * 77 + 2 * 31,
      photoHeight: 1536,
      fontPx: 51,
      lineHeightPx: 77,
      paddingPx: 31,
    });
    expect(stampLayout(64, 96, 4)).toMatchObject({ width: 720, photoHeight: 1080, fontPx: 18 });
    expect(stampLayout(1000, 800, 4)).toMatchObject({ width: 1000, photoHeight: 800 });
  });
});

describe('the map and the list', () => {
  it('draws the placed photos as points, with a bearing only where the camera wrote one, fid = index', async () => {
    const site = await record(fixtureBytes('photos/site-true-bearing.jpg'), 'a.jpg', sha('a'));
    const none = await record(fixtureBytes('photos/no-exif.jpg'), 'b.jpg', sha('b'));
    const nikon = await record(realBytes('../photos/jpg/gps/DSCN0010.jpg'), 'c.jpg', sha('c'));
    const fc = photoPoints([site, none, nikon], sha('c'));
    expect(fc.features.map((f) => f.properties)).toEqual([
      { fid: 0, n: 1, selected: false, bearing: 123.45 },
      { fid: 2, n: 3, selected: true },
    ]);
    expect(fc.features[0]!.geometry.coordinates[0]).toBeCloseTo(117.654321, 9);
    expect(unplacedPhotos([site, none, nikon]).map((p) => p.name)).toEqual(['b.jpg']);
  });
  it('adds hashes once, in order', () => {
    expect(mergeHashes([sha('a'), sha('b')], [sha('b'), sha('c'), sha('c')])).toEqual([sha('a'), sha('b'), sha('c')]);
  });
  it('takes JPEG, PNG and HEIC files and names their type', () => {
    expect(isPhotoFile('IMG_5195.HEIC', '')).toBe(true);
    expect(isPhotoFile('DSCN0010.jpg', 'image/jpeg')).toBe(true);
    expect(isPhotoFile('notice.pdf', 'application/pdf')).toBe(false);
    expect(mimeOf('heic', '')).toBe('image/heic');
    expect(mimeOf('jpeg', 'image/jpeg')).toBe('image/jpeg');
    expect(extensionOf('IMG_5195.HEIC', 'heic')).toBe('HEIC');
    expect(extensionOf('photo', 'jpeg')).toBe('jpg');
  });
});

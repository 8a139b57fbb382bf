import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_DATA } from '../../../tests/fixtures/read-fixture';
import { photoFormatOf, photoTimeOf, readPhotoMeta } from './exif';

// exiftool's own readings (scripts/make-exif-oracle.py) of the real camera files in ../shared/data/photos (read in
// place) and of the synthetic fixtures (scripts/make-photo-fixtures.sh).
const oracle = JSON.parse(readFileSync('tests/oracles/exif.json', 'utf8')) as { photos: Record<string, Record<string, unknown>> };
// The team's photos sit beside the real data (../shared/data/photos).
const PHOTOS = path.resolve(REAL_DATA, '..', 'photos');
const bytesOf = (key: string) =>
  new Uint8Array(readFileSync(key.startsWith('real:') ? path.join(PHOTOS, key.slice(5)) : path.join('tests/fixtures/photos', key.slice(8))));

describe('readPhotoMeta against exiftool', () => {
  for (const [key, ref] of Object.entries(oracle.photos)) {
    it(`reads ${key} as exiftool does`, async () => {
      const m = await readPhotoMeta(bytesOf(key));
      const dto = ref.DateTimeOriginal as string | undefined;
      expect(m.time?.local ?? null).toBe(dto ? dto.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T') : null);
      expect(m.time?.offset ?? null).toBe((ref.OffsetTimeOriginal as string | undefined) ?? null);
      if (ref.GPSLatitude === undefined) expect(m.position).toBeNull();
      else {
        expect(m.position!.lat).toBeCloseTo(ref.GPSLatitude as number, 9);
        expect(m.position!.lon).toBeCloseTo(ref.GPSLongitude as number, 9);
      }
      if (ref.GPSAltitude === undefined) expect(m.altitudeM).toBeNull();
      else expect(m.altitudeM!).toBeCloseTo(ref.GPSAltitude as number, 6);
      if (ref.GPSImgDirection === undefined) expect(m.bearing).toBeNull();
      else {
        expect(m.bearing!.degrees).toBeCloseTo(ref.GPSImgDirection as number, 6);
        expect(m.bearing!.ref).toBe({ T: 'true', M: 'magnetic' }[ref.GPSImgDirectionRef as string] ?? 'unknown');
      }
      expect(m.orientation).toBe((ref.Orientation as number | undefined) ?? null);
      expect(m.make).toBe((ref.Make as string | undefined) ?? null);
    });
  }

  it('gives the instant only when the camera wrote its offset', async () => {
    const site = await readPhotoMeta(bytesOf('fixture:site-true-bearing.jpg'));
    expect(site.time).toEqual({ local: '2026-04-20T09:41:07', offset: '+08:00', epochMs: Date.UTC(2026, 3, 20, 1, 41, 7) });
    const heic = await readPhotoMeta(bytesOf('real:heic/IMG_5195.HEIC'));
    expect(heic.format).toBe('heic');
    expect(heic.time?.epochMs).toBe(Date.UTC(2021, 3, 11, 20, 47, 53));
    const nikon = await readPhotoMeta(bytesOf('real:jpg/gps/DSCN0010.jpg'));
    expect(nikon.time).toEqual({ local: '2008-10-22T16:28:39', offset: null, epochMs: null });
  });

  it('imports a photo without EXIF or with damaged EXIF, saying so, never throwing', async () => {
    const none = await readPhotoMeta(bytesOf('fixture:no-exif.jpg'));
    expect(none).toMatchObject({ format: 'jpeg', time: null, position: null, issues: [{ code: 'photo.noExif' }] });
    const corrupted = await readPhotoMeta(new Uint8Array(readFileSync(path.join(PHOTOS, 'jpg/corrupted.jpg'))));
    expect(corrupted.format).toBe('jpeg');
    expect(corrupted.issues.map((i) => i.code)).toContain('photo.noPosition');
    const notAPhoto = await readPhotoMeta(new TextEncoder().encode('not a photo'));
    expect(notAPhoto.format).toBe('other');
    expect(notAPhoto.issues.length).toBeGreaterThan(0);
  });
});

describe('photo formats and times', () => {
  it('tells JPEG, PNG and HEIC from their bytes', () => {
    expect(photoFormatOf(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('jpeg');
    expect(photoFormatOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('png');
    expect(photoFormatOf(new Uint8Array(readFileSync(path.join(PHOTOS, 'heic/IMG_5195.HEIC'))))).toBe('heic');
  });
  it('refuses impossible clock readings', () => {
    expect(photoTimeOf('0000:00:00 00:00:00', null)).toBeNull();
    expect(photoTimeOf('2026:04:20 25:00:00', '+08:00')).toBeNull();
    expect(photoTimeOf('2026:04:20 09:00:00', '-0530')).toEqual({
      local: '2026-04-20T09:00:00',
      offset: '-05:30',
      epochMs: Date.UTC(2026, 3, 20, 14, 30),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { makeLngLatToGkEN } from '../../../shared/domain/crs/transform';
import { claimsGeoTiffFile, groupGeoTiffFiles, sheetFrame, tilesCovering, zoomRange } from './geotiff.logic';

describe('files', () => {
  const paths = ['img.TIF', 'img.tfw', 'img.prj', 'img.TIF.aux.xml', 'parcels.shp', 'parcels.prj', 'parcels.dbf', 'other.tiff'];
  it('claims an image, its world file, its .aux.xml and its .prj — not a shapefile’s .prj', () => {
    expect(paths.filter((p) => claimsGeoTiffFile(p, paths))).toEqual(['img.TIF', 'img.tfw', 'img.prj', 'img.TIF.aux.xml', 'other.tiff']);
  });
  it('groups the sidecars with their image', () => {
    const g = groupGeoTiffFiles(paths.map((path) => ({ path })));
    expect(g.map((x) => [x.image.path, x.tfw?.path, x.prj?.path, x.auxXml?.path])).toEqual([
      ['img.TIF', 'img.tfw', 'img.prj', 'img.TIF.aux.xml'],
      ['other.tiff', undefined, undefined, undefined],
    ]);
  });
});

describe('zoom range', () => {
  it('a 2 m image at 36.7°N: drawn from tiles up to z 16 (1.9 m tile pixels), down to where its one 2× overview gives tiles ≤ 4× its pixels', () => {
    // z 16: 156543 / 65536 × cos 36.7° = 1.92 m per tile pixel ≤ 2 m
    expect(zoomRange(2, 36.7, 2)).toEqual({ minzoom: 12, maxzoom: 16 });
    expect(zoomRange(2, 36.7, 64).minzoom).toBe(7);
  });
});

describe('print frame', () => {
  it('A4 map frame 180 × 250 mm at 1:2,000 → 360 × 500 m of ground, 2126 × 2953 px at 300 dpi, in the 3° zone of the centre', () => {
    const f = sheetFrame({
      centre: [117.68, 36.67],
      scale: 2000,
      widthMm: 180,
      heightMm: 250,
      toGk: makeLngLatToGkEN({ width: 3, zone: 39, centralMeridian: 117 }, false),
    });
    expect(f.widthPx).toBe(2126);
    expect(f.heightPx).toBe(2953);
    expect(f.frame.zone.zone).toBe(39);
    expect(f.frame.extent[2] - f.frame.extent[0]).toBeCloseTo(360, 9);
    expect(f.frame.extent[3] - f.frame.extent[1]).toBeCloseTo(500, 9);
  });
  it('the tiles covering a box (corner tiles as Python computes them: 54176/25576 … 54180/25579 at z 16)', () => {
    expect(tilesCovering([117.67, 36.67, 117.68, 36.68], 14)).toEqual([{ x: 13547, y: 6395 }]);
    const t = tilesCovering([117.6, 36.69, 117.62, 36.7], 16);
    expect(t.length).toBe(5 * 4);
    expect(t[0]).toEqual({ x: 54176, y: 25576 });
    expect(t[t.length - 1]).toEqual({ x: 54180, y: 25579 });
  });
});

/**
 * GeoTIFF placement and warping against GDAL (tests/oracles/geotiff.json, scripts/make-geotiff-fixtures.py):
 * pixel ↔ lon/lat by `gdaltransform`, tile pixels → image pixels by `gdaltransform -i`, whole tiles by `gdalwarp -r near`.
 */
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
import { buildWarpMap } from '../../../shared/formats/geotiff/warp';
import { OpenedGeoTiff, tiffDateText, type OpenRefusal } from './geotiff-image';

const decoder = new TextDecoder();
const oracle = JSON.parse(decoder.decode(fixtureBytes('../oracles/geotiff.json'))) as {
  placements: Record<string, { pixel: [number, number]; lonLat: [number, number] }[]>;
  warps: Record<string, { z: number; x: number; y: number; tilePixel: [number, number]; imagePixel: [number, number] }[]>;
  tiles: { file: string; z: number; x: number; y: number; bands: number; rgbaZlibBase64: string }[];
  stretch: { p2: number; p98: number };
  field: { colMin: number; colMax: number; rowMin: number; rowMax: number };
};

function tileOf(lng: number, lat: number, z: number): [number, number] {
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * 2 ** z), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)];
}

const blob = (name: string) => new Blob([fixtureBytes(`geotiff/${name}`) as Uint8Array<ArrayBuffer>]);
const text = (name: string) => decoder.decode(fixtureBytes(`geotiff/${name}`));

async function open(name: string, sidecars = {}): Promise<OpenedGeoTiff> {
  const r = await OpenedGeoTiff.open(blob(name), name, sidecars, Date.UTC(2026, 0, 2, 3, 4, 5));
  if (!r.ok) throw new Error(`${name}: ${r.reason} ${r.detail ?? ''}`);
  return r.value;
}

async function refusal(name: string): Promise<OpenRefusal> {
  const r = await OpenedGeoTiff.open(blob(name), name);
  if (r.ok) throw new Error(`${name} opened`);
  return r.reason;
}

const sidecarsOf: Record<string, Record<string, string>> = {
  'sidecar-aux.tif': { auxXml: text('sidecar-aux.tif.aux.xml') },
};

describe('placement: lon/lat → pixel as gdaltransform -i gives it', () => {
  for (const [name, points] of Object.entries(oracle.placements)) {
    it(name, async () => {
      const img = await open(name, sidecarsOf[name]);
      for (const p of points) {
        const [c, r] = img.lngLatToPixel(p.lonLat[0], p.lonLat[1]);
        // gdaltransform prints 15 significant digits: ~1e-9° ≈ 0.1 mm; far inside half a pixel.
        expect(Math.abs(c - p.pixel[0])).toBeLessThan(1e-3);
        expect(Math.abs(r - p.pixel[1])).toBeLessThan(1e-3);
      }
    });
  }
});

describe('warping: web-mercator tile pixels → image pixels', () => {
  for (const [name, points] of Object.entries(oracle.warps)) {
    it(`${name}: exact and interpolated within the tolerance of gdaltransform -i`, async () => {
      const img = await open(name, sidecarsOf[name]);
      for (const p of points) {
        const exact = img.tileMapper(p.z, p.x, p.y)(p.tilePixel[0] + 0.5, p.tilePixel[1] + 0.5)!;
        expect(Math.abs(exact[0] - p.imagePixel[0])).toBeLessThan(1e-3);
        expect(Math.abs(exact[1] - p.imagePixel[1])).toBeLessThan(1e-3);
        const map = buildWarpMap(256, 256, img.tileMapper(p.z, p.x, p.y));
        const k = p.tilePixel[1] * 256 + p.tilePixel[0];
        expect(Math.abs(map.cols[k]! - p.imagePixel[0])).toBeLessThan(0.125);
        expect(Math.abs(map.rows[k]! - p.imagePixel[1])).toBeLessThan(0.125);
      }
    });
  }

  it('the interpolated grid stays within 0.125 px of the exact transform over every pixel of a tile, 60 km off the central meridian', async () => {
    const img = await open('gk39-rgb.tif');
    for (const z of [12, 16, 19]) {
      const centre = oracle.placements['gk39-rgb.tif']![4]!.lonLat;
      const [x, y] = tileOf(centre[0], centre[1], z);
      const exact = img.tileMapper(z, x, y);
      const map = buildWarpMap(256, 256, exact);
      let worst = 0;
      for (let j = 0; j < 256; j++)
        for (let i = 0; i < 256; i++) {
          const e = exact(i + 0.5, j + 0.5)!;
          worst = Math.max(worst, Math.abs(map.cols[j * 256 + i]! - e[0]), Math.abs(map.rows[j * 256 + i]! - e[1]));
        }
      expect(worst).toBeLessThan(0.125);
      expect(map.step).toBeGreaterThan(1); // not exact per pixel: the grid did the work
    }
  });

  for (const t of oracle.tiles) {
    it(`${t.file}: tile ${t.z}/${t.x}/${t.y} drawn as gdalwarp -r near draws it`, async () => {
      const img = await open(t.file);
      const ours = await img.renderTile(t.z, t.x, t.y);
      expect(ours).not.toBeNull();
      const ref = unzlibSync(Uint8Array.from(atob(t.rgbaZlibBase64), (c) => c.charCodeAt(0)));
      const rgba = ours!.rgba;
      const jpeg = t.file.includes('jpeg');
      if (jpeg) {
        // JPEG (YCbCr, 4:2:0): the same compressed data, two decoders. geotiff.js's and libjpeg's differ at colour edges,
        // where libjpeg's "fancy" chroma upsampling blends a chroma sample into its neighbours: 96 % of samples equal,
        // 0.7 % more than 32 levels apart (up to ~80) when this was written; the placement is what is checked here.
        let exact = 0;
        let near = 0;
        for (let k = 0; k < 256 * 256; k++)
          for (let b = 0; b < 3; b++) {
            const d = Math.abs(rgba[k * 4 + b]! - ref[k * 4 + b]!);
            if (d === 0) exact++;
            if (d <= 32) near++;
          }
        expect(exact / (3 * 65536)).toBeGreaterThan(0.95);
        expect(near / (3 * 65536)).toBeGreaterThan(0.99);
        return;
      }
      const tol = 0;
      let differ = 0;
      let covered = 0;
      for (let k = 0; k < 256 * 256; k++) {
        const refAlpha = ref[k * 4 + 3]!;
        if (refAlpha > 0) covered++;
        const same =
          (refAlpha === 0 && rgba[k * 4 + 3] === 0) ||
          (refAlpha > 0 && rgba[k * 4 + 3] === 255 && [0, 1, 2].every((b) => Math.abs(rgba[k * 4 + b]! - ref[k * 4 + b]!) <= tol));
        if (!same) differ++;
      }
      expect(covered).toBeGreaterThan(1000);
      // Nearest neighbour on the same pixel centres: only a pixel whose centre falls within the interpolation error of a
      // source pixel edge may pick the neighbour (none did when this was written).
      expect(differ / (256 * 256)).toBeLessThan(0.001); // 0 of 65,536 when measured
    });
  }
});

describe('what is read', () => {
  it('a COG: its overviews listed, the coarse one read at a small scale, the full one at 1:1', async () => {
    const img = await open('gk39-rgb.tif');
    expect(img.info.overviews).toEqual([{ width: 256, height: 192 }]);
    const p = oracle.warps['gk39-rgb.tif']!.find((w) => w.z === 14)!;
    expect((await img.renderTile(14, p.x, p.y))!.level).toBe(1);
    const q = oracle.warps['gk39-rgb.tif']!.find((w) => w.z === 16)!;
    expect((await img.renderTile(16, q.x, q.y))!.level).toBe(0);
    expect(await img.renderTile(16, q.x + 40, q.y)).toBeNull(); // far east of the image: nothing read, nothing drawn
  });

  it('CRS, date and bounds of a GK zone-39 image', async () => {
    const img = await open('gk39-rgb.tif');
    expect(img.info.epsg).toBe(4527);
    expect(img.info.crsLabel).toContain('zone 39');
    expect(img.info.date).toEqual({ text: '2026-06-15 10:30:00', from: 'tiff' });
    const [w, s, e, n] = img.info.boundsLngLat;
    const pl = oracle.placements['gk39-rgb.tif']!;
    for (const p of pl) {
      expect(p.lonLat[0]).toBeGreaterThanOrEqual(w - 1e-9);
      expect(p.lonLat[0]).toBeLessThanOrEqual(e + 1e-9);
      expect(p.lonLat[1]).toBeGreaterThanOrEqual(s - 1e-9);
      expect(p.lonLat[1]).toBeLessThanOrEqual(n + 1e-9);
    }
  });

  it('a 6° zone with prefix and a geographic image', async () => {
    expect((await open('gk6-zone20.tif')).info.epsg).toBe(4498);
    const geo = await open('geo-rgba.tif');
    expect(geo.info.epsg).toBe(4490);
    expect(geo.info.layout).toBe('rgba');
    expect(geo.info.date?.from).toBe('file');
  });

  it('16-bit with nodata: the 2–98 % stretch of the smallest overview as numpy computes it, nodata transparent', async () => {
    const img = await open('u16-nodata.tif');
    expect(img.info.bitsPerSample).toBe(16);
    expect(img.info.stretch).toEqual({ lo: [oracle.stretch.p2], hi: [oracle.stretch.p98] });
    expect(img.info.nodata).toBe(0);
    // A tile over the upper-left corner (the nodata triangle) at full resolution.
    const ul = oracle.placements['u16-nodata.tif']![0]!.lonLat;
    const z = 17;
    const [x, y] = tileOf(ul[0] + 0.0005, ul[1] - 0.0005, z);
    const t = (await img.renderTile(z, x, y))!;
    const mapper = img.tileMapper(z, x, y);
    let transparentNodata = 0;
    let drawnData = 0;
    for (let j = 0; j < 256; j += 7)
      for (let i = 0; i < 256; i += 7) {
        const [c, r] = mapper(i + 0.5, j + 0.5)!;
        if (c < 1 || r < 1 || c > 255 || r > 255) continue;
        const inTriangle = Math.floor(c) + Math.floor(r) < 64;
        const a = t.rgba[(j * 256 + i) * 4 + 3]!;
        if (Math.abs(Math.floor(c) + Math.floor(r) - 64) <= 1) continue; // the edge, within interpolation error
        if (inTriangle) {
          expect(a).toBe(0);
          transparentNodata++;
        } else {
          expect(a).toBe(255);
          drawnData++;
        }
      }
    expect(transparentNodata).toBeGreaterThan(5);
    expect(drawnData).toBeGreaterThan(5);
  });

  it('sidecars: a world file + .prj, and GDAL’s .aux.xml, place a baseline TIFF where its tags would', async () => {
    const tfw = await open('sidecar-tfw.tif', { tfw: text('sidecar-tfw.tfw'), prj: text('sidecar-tfw.prj') });
    expect(tfw.info.transformFrom).toBe('tfw');
    expect(tfw.info.crsFrom).toBe('prj');
    expect(tfw.info.epsg).toBe(4527);
    const aux = await open('sidecar-aux.tif', sidecarsOf['sidecar-aux.tif']);
    expect(aux.info.transformFrom).toBe('aux.xml');
    const gk = await open('gk39-rgb.tif');
    const ll = oracle.placements['gk39-rgb.tif']![0]!.lonLat; // the same upper-left corner in all three
    for (const img of [tfw, aux, gk]) {
      const [c, r] = img.lngLatToPixel(ll[0], ll[1]);
      expect(Math.abs(c)).toBeLessThan(1e-3);
      expect(Math.abs(r)).toBeLessThan(1e-3);
    }
  });

  it('refuses what it cannot place, by name', async () => {
    expect(await refusal('nogeo.tif')).toBe('noGeoreferencing');
    expect(await refusal('rotated.tif')).toBe('rotated');
    expect(await refusal('utm50.tif')).toBe('unknownCrs');
    expect(await refusal('sidecar-tfw.tif')).toBe('noGeoreferencing'); // without its sidecars
    const notTiff = await OpenedGeoTiff.open(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])]), 'x.tif');
    expect(notTiff.ok || notTiff.reason).toBe('notTiff');
  });

  it('TIFF DateTime text', () => {
    expect(tiffDateText('2026:06:15 10:30:00')).toBe('2026-06-15 10:30:00');
    expect(tiffDateText('garbage')).toBeNull();
  });
});

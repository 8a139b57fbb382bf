/**
 * One opened GeoTIFF / COG, read by geotiff.js over Blob.slice ranges: the header and the image directories at open
 * (a COG puts them first), then only the tiles or strips a request needs — never the whole file. Runs in the geotiff
 * worker (and in Node for the specs: Blob.slice + arrayBuffer, no FileReader).
 *
 * What is drawn where is decided by the pure modules in shared/formats/geotiff (georef, warp, pixels); this file is
 * the glue to geotiff.js and the byte cache.
 */
import { GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { makeFromLngLat, makeToLngLat } from '../../../shared/domain/crs/transform';
import type { CrsWarning } from '../../../shared/domain/crs/types';
import { decideGeoref, pixelToCrs, type GeoTiffSidecars, type Georef, type GeorefRefusal } from '../../../shared/formats/geotiff/georef';
import {
  layoutOf,
  neededWindow,
  paletteFromColorMap,
  percentileStretch,
  renderWarped,
  type PixelStyle,
} from '../../../shared/formats/geotiff/pixels';
import {
  buildWarpMap,
  chooseLevel,
  sourcePixelsPerOutputPixel,
  tilePixelToLngLat,
  tileToImageMapper,
  warpMapBounds,
  type PixelMapper,
  type WarpMap,
} from '../../../shared/formats/geotiff/warp';
import type { Bbox } from '../../../shared/domain/geometry/bbox';
import { fail, ok, type Validation } from '../../../shared/validation/validation';
import { gkExtentMapper, type GkExtent } from './print-extent';

export type OpenRefusal = GeorefRefusal | 'notTiff' | 'unsupportedSamples' | 'unreadable';

export interface GeoTiffInfo {
  name: string;
  sizeBytes: number;
  width: number;
  height: number;
  samplesPerPixel: number;
  bitsPerSample: number;
  /** 1 unsigned int, 2 signed int, 3 float (TIFF SampleFormat). */
  sampleFormat: number;
  tiled: boolean;
  /** Overview sizes, largest first (the full image not included). */
  overviews: { width: number; height: number }[];
  crsLabel: string;
  crsKind: 'geographic' | 'projected';
  epsg: number | null;
  /** Pixel size in the CRS's units (metres, or degrees for a geographic image). */
  pixelSize: [number, number];
  /** lon/lat bounds of the image outline (sampled along its edges: a GK image's outline is not a lon/lat box). */
  boundsLngLat: Bbox;
  /** The image's four corners in lon/lat (upper-left, upper-right, lower-right, lower-left). */
  cornersLngLat: [number, number][];
  /** The TIFF DateTime tag ("2026-06-15 10:30:00") or the file's modification date, and which. */
  date: { text: string; from: 'tiff' | 'file' } | null;
  transformFrom: Georef['transformFrom'];
  crsFrom: Georef['crsFrom'];
  warnings: CrsWarning[];
  layout: PixelStyle['layout'];
  stretch: PixelStyle['stretch'];
  nodata: number | null;
}

/** A byte-range cache over the Blob: adjacent map tiles read the same image tiles; bounded, least recently used out. */
class BlobRanges {
  private cache = new Map<string, ArrayBuffer>();
  private bytes = 0;
  bytesRead = 0;
  reads = 0;
  constructor(
    private blob: Blob,
    private limitBytes = 48 * 1024 * 1024,
  ) {}
  get fileSize(): number {
    return this.blob.size;
  }
  async fetch(slices: { offset: number; length: number }[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    return Promise.all(slices.map((s) => this.slice(s.offset, s.length, signal)));
  }
  private async slice(offset: number, length: number, signal?: AbortSignal): Promise<ArrayBuffer> {
    const key = `${offset}:${length}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const end = Math.min(this.blob.size, offset + length);
    const data = await this.blob.slice(offset, end).arrayBuffer();
    this.reads++;
    this.bytesRead += data.byteLength;
    this.cache.set(key, data);
    this.bytes += data.byteLength;
    for (const [k, v] of this.cache) {
      if (this.bytes <= this.limitBytes) break;
      this.cache.delete(k);
      this.bytes -= v.byteLength;
    }
    return data;
  }
  close(): void {
    this.cache.clear();
  }
}

const NEW_SUBFILE_REDUCED = 1;
const NEW_SUBFILE_MASK = 4;

/** TIFF DateTime "YYYY:MM:DD HH:MM:SS" → "YYYY-MM-DD HH:MM:SS" (a local clock time: TIFF says nothing of the zone). */
export function tiffDateText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(v.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : null;
}

export class OpenedGeoTiff {
  private constructor(
    readonly info: GeoTiffInfo,
    private readonly levels: GeoTIFFImage[],
    private readonly georef: Georef,
    private readonly style: PixelStyle,
    private readonly ranges: BlobRanges,
  ) {}

  /** Opens and decides; a refusal names why (the UI says it with the file's name). */
  static async open(
    file: Blob,
    name: string,
    sidecars: GeoTiffSidecars = {},
    fileDate: number | null = null,
  ): Promise<Validation<OpenedGeoTiff, OpenRefusal>> {
    const ranges = new BlobRanges(file);
    let tiff: GeoTIFF;
    let images: GeoTIFFImage[];
    try {
      tiff = await GeoTIFF.fromSource(ranges as never);
      const count = await tiff.getImageCount();
      images = [];
      for (let i = 0; i < count; i++) images.push(await tiff.getImage(i));
    } catch (err) {
      return fail('notTiff', undefined, String(err));
    }
    const main = images[0];
    if (!main) return fail('notTiff');
    const dir = main.fileDirectory;
    const georef = decideGeoref(
      {
        modelPixelScale: dir.getValue('ModelPixelScale') as number[] | undefined,
        modelTiepoint: dir.getValue('ModelTiepoint') as number[] | undefined,
        modelTransformation: dir.getValue('ModelTransformation') as number[] | undefined,
        geoKeys: main.getGeoKeys() as Record<string, unknown> | null,
      },
      sidecars,
    );
    if (!georef.ok) return georef;
    const overviews = images.slice(1).filter((im) => {
      const t = Number(im.fileDirectory.getValue('NewSubfileType') ?? 0);
      return (t & NEW_SUBFILE_REDUCED) !== 0 && (t & NEW_SUBFILE_MASK) === 0 && im.getSamplesPerPixel() === main.getSamplesPerPixel();
    });
    overviews.sort((a, b) => b.getWidth() - a.getWidth());
    const levels = [main, ...overviews];

    const spp = main.getSamplesPerPixel();
    const bits = main.getBitsPerSample(0);
    const sampleFormat = main.getSampleFormat(0);
    const photometric = Number(dir.getValue('PhotometricInterpretation') ?? 1);
    const extra = (dir.getValue('ExtraSamples') as number[] | undefined) ?? [];
    if (![8, 16, 32, 64].includes(bits)) return fail('unsupportedSamples', 'BitsPerSample', String(bits));
    const { layout, bands } = layoutOf(photometric, spp, Array.from(extra));
    const nodata = main.getGDALNoData();
    let palette: Uint8Array | undefined;
    if (layout === 'palette') {
      const cm = (await dir.loadValue('ColorMap')) as ArrayLike<number> | undefined;
      if (!cm) return fail('unsupportedSamples', 'ColorMap');
      palette = paletteFromColorMap(cm);
    }
    const eightBit = bits === 8 && sampleFormat === 1;
    let stretch: PixelStyle['stretch'] = null;
    if (!eightBit && layout !== 'palette') {
      // The stretch from the smallest overview (a few hundred pixels a side at most in a COG): one small read.
      const smallest = levels[levels.length - 1]!;
      let data: ArrayLike<number>;
      try {
        data = (await smallest.readRasters({ interleave: true })) as unknown as ArrayLike<number>;
      } catch (err) {
        return fail('unreadable', undefined, String(err));
      }
      const colour = layout === 'rgb' || layout === 'rgba' ? bands.slice(0, 3) : bands.slice(0, 1);
      const per = colour.map((b) => percentileStretch(data, spp, b, nodata) ?? { lo: 0, hi: 1 });
      stretch = { lo: per.map((p) => p.lo), hi: per.map((p) => p.hi) };
    }
    const style: PixelStyle = {
      layout,
      bands,
      stretch,
      nodata,
      ...(palette ? { palette } : {}),
      ...(photometric === 6 && eightBit ? { ycbcr: true } : {}),
    };

    const gt = georef.value.transform;
    const toLngLat = makeToLngLat(georef.value.crs);
    const w = main.getWidth();
    const h = main.getHeight();
    const outline: [number, number][] = [];
    const N = 16;
    for (let i = 0; i <= N; i++) {
      for (const [c, r] of [
        [(w * i) / N, 0],
        [w, (h * i) / N],
        [(w * i) / N, h],
        [0, (h * i) / N],
      ] as const)
        outline.push(toLngLat(...pixelToCrs(gt, c, r)));
    }
    const lngs = outline.map((p) => p[0]);
    const lats = outline.map((p) => p[1]);
    const corners = (
      [
        [0, 0],
        [w, 0],
        [w, h],
        [0, h],
      ] as const
    ).map(([c, r]) => toLngLat(...pixelToCrs(gt, c, r)));
    const tiffDate = tiffDateText(await dir.loadValue('DateTime').catch(() => undefined));
    const date = tiffDate
      ? { text: tiffDate, from: 'tiff' as const }
      : fileDate !== null
        ? { text: fileDateText(fileDate), from: 'file' as const }
        : null;
    const info: GeoTiffInfo = {
      name,
      sizeBytes: file.size,
      width: w,
      height: h,
      samplesPerPixel: spp,
      bitsPerSample: bits,
      sampleFormat,
      tiled: main.isTiled,
      overviews: overviews.map((o) => ({ width: o.getWidth(), height: o.getHeight() })),
      crsLabel: georef.value.crs.label,
      crsKind: georef.value.crs.kind,
      epsg: georef.value.crs.epsg,
      pixelSize: [Math.abs(gt[1]), Math.abs(gt[5])],
      boundsLngLat: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
      cornersLngLat: corners,
      date,
      transformFrom: georef.value.transformFrom,
      crsFrom: georef.value.crsFrom,
      warnings: georef.value.warnings,
      layout,
      stretch,
      nodata,
    };
    return ok(new OpenedGeoTiff(info, levels, georef.value, style, ranges));
  }

  /** Bytes read from the file so far, and in how many reads (the specs check a tile never reads the whole file). */
  get readStats(): { bytesRead: number; reads: number } {
    return { bytesRead: this.ranges.bytesRead, reads: this.ranges.reads };
  }

  /** Full-resolution pixel of a lon/lat (continuous, corner convention). */
  lngLatToPixel(lng: number, lat: number): [number, number] {
    const [e, n] = makeFromLngLat(this.georef.crs)(lng, lat);
    const gt = this.georef.transform;
    return [(e - gt[0]) / gt[1], (n - gt[3]) / gt[5]];
  }

  /** The mapper from web-mercator tile pixels to the image's full-resolution pixels. */
  tileMapper(z: number, x: number, y: number, size = 256): PixelMapper {
    return tileToImageMapper(z, x, y, size, makeFromLngLat(this.georef.crs), this.georef.transform);
  }

  /** One web-mercator map tile as RGBA, or null when the tile misses the image. */
  async renderTile(
    z: number,
    x: number,
    y: number,
    size = 256,
    signal?: AbortSignal,
  ): Promise<{ rgba: Uint8ClampedArray; level: number; map: WarpMap } | null> {
    const [w, s, e, n] = this.info.boundsLngLat;
    const [tw, tn] = tilePixelToLngLat(z, x, y, 0, 0, size);
    const [te, ts] = tilePixelToLngLat(z, x, y, size, size, size);
    if (te < w || tw > e || tn < s || ts > n) return null;
    return this.renderMapped(size, size, this.tileMapper(z, x, y, size), signal);
  }

  /**
   * The image warped into a Gauss-Krüger extent (a print sheet's map frame), `widthPx × heightPx`, rendered in strips
   * so a 300 dpi A3 frame never holds more than a strip's window of the image at once.
   */
  async renderGk(extent: GkExtent, widthPx: number, heightPx: number, signal?: AbortSignal): Promise<Uint8ClampedArray> {
    const out = new Uint8ClampedArray(widthPx * heightPx * 4);
    const STRIP = 256;
    const mapper = gkExtentMapper(extent, widthPx, heightPx, makeFromLngLat(this.georef.crs), this.georef.transform);
    for (let y0 = 0; y0 < heightPx; y0 += STRIP) {
      const h = Math.min(STRIP, heightPx - y0);
      const strip = await this.renderMapped(widthPx, h, (u, v) => mapper(u, v + y0), signal);
      if (strip) out.set(strip.rgba, y0 * widthPx * 4);
    }
    return out;
  }

  private async renderMapped(
    width: number,
    height: number,
    exact: PixelMapper,
    signal?: AbortSignal,
  ): Promise<{ rgba: Uint8ClampedArray; level: number; map: WarpMap } | null> {
    const level = chooseLevel(
      this.levels.map((l) => ({ width: l.getWidth(), height: l.getHeight() })),
      sourcePixelsPerOutputPixel(width, height, exact),
    );
    const image = this.levels[level]!;
    const scale = { fx: this.info.width / image.getWidth(), fy: this.info.height / image.getHeight() };
    const map = buildWarpMap(width, height, exact, 0.125 * Math.min(scale.fx, scale.fy));
    const win = neededWindow(warpMapBounds(map), scale, image.getWidth(), image.getHeight());
    if (!win) return null;
    const data = (await image.readRasters({
      window: [win[0], win[1], win[0] + win[2], win[1] + win[3]],
      interleave: true,
      signal,
    })) as unknown as ArrayLike<number>;
    const rgba = new Uint8ClampedArray(width * height * 4);
    const drawn = renderWarped(
      rgba,
      map,
      scale,
      { x0: win[0], y0: win[1], width: win[2], height: win[3], samplesPerPixel: this.info.samplesPerPixel, data },
      this.style,
    );
    return drawn > 0 ? { rgba, level, map } : null;
  }

  close(): void {
    this.ranges.close();
  }
}

function fileDateText(ms: number): string {
  // The file's date in China's time (UTC+8), where the image is used.
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

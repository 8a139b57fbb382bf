import { describe, expect, it } from 'vitest';
import {
  countTiles,
  datumOf,
  DEFAULT_BASEMAP_SETTINGS,
  enabledOrigins,
  estimateDownload,
  isUrlAllowed,
  knownProviderOf,
  latToTileY,
  lonToTileX,
  planEviction,
  redactUrl,
  restoreBasemapSettings,
  moveSource,
  boxOfCorners,
  formatBox,
  tileAt,
  tileLayersOf,
  tileRangeOf,
  tileRangesOf,
  tiandituTileUrl,
  validateXyzTemplate,
  xyzTileUrl,
  type BasemapSettings,
  type XyzSource,
} from './basemaps.logic';

const xyz = (template: string, over: Partial<XyzSource> = {}): XyzSource => ({
  kind: 'xyz',
  id: 'x1',
  name: 'x',
  template,
  subdomains: [],
  datum: 'cgcs2000',
  maxzoom: 18,
  enabled: true,
  opacity: 1,
  ...over,
});

describe('tile URLs', () => {
  it("Tianditu's WMTS KVP GetTile, matrix set w, row = y, col = x, host t0–t7 by (x + y) mod 8", () => {
    const url = tiandituTileUrl('https://t{s}.tianditu.gov.cn', 'img', 10, 843, 388, 'abc123');
    expect(url).toBe(
      'https://t7.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=10&TILEROW=388&TILECOL=843&tk=abc123',
    );
    expect(tiandituTileUrl('http://127.0.0.1:9000/', 'cva', 3, 1, 2, 'k')).toMatch(/^http:\/\/127\.0\.0\.1:9000\/cva_w\/wmts\?/);
  });

  it('a Tianditu source is its base and its annotation, cached under tile sets without key or host', () => {
    const layers = tileLayersOf(
      { kind: 'tianditu', id: 'tdt-vec', enabled: true, opacity: 1 },
      { tiandituKey: 'K', tiandituServer: 'https://t{s}.tianditu.gov.cn' },
    );
    expect(layers.map((l) => l.tileSet)).toEqual(['tdt:vec', 'tdt:cva']);
    expect(layers[1]!.url(5, 1, 1)).toContain('/cva_w/wmts?');
    expect(layers[1]!.url(5, 1, 1)).toContain('tk=K');
  });

  it('XYZ templates: {s} from the subdomains, {-y} as the TMS row', () => {
    expect(xyzTileUrl('https://{s}.tile.example.org/{z}/{x}/{y}.png', ['a', 'b', 'c'], 3, 1, 2)).toBe('https://a.tile.example.org/3/1/2.png');
    expect(xyzTileUrl('https://e.org/{z}/{x}/{-y}.png', [], 3, 1, 2)).toBe('https://e.org/3/1/5.png');
  });

  it('a key never shows in a redacted URL', () => {
    expect(redactUrl('https://t0.tianditu.gov.cn/img_w/wmts?LAYER=img&tk=secret123')).toBe('https://t0.tianditu.gov.cn/img_w/wmts?LAYER=img&tk=***');
    expect(redactUrl('https://x.org/1/2/3.png?key=s&ak=t&v=1')).toBe('https://x.org/1/2/3.png?key=***&ak=***&v=1');
  });
});

describe('host allow-list', () => {
  it('nothing is allowed by default', () => {
    expect(enabledOrigins(DEFAULT_BASEMAP_SETTINGS)).toEqual([]);
  });

  it('Tianditu enabled: exactly its eight hosts; an XYZ source: its own origin(s)', () => {
    const s: BasemapSettings = {
      ...DEFAULT_BASEMAP_SETTINGS,
      sources: [
        { kind: 'tianditu', id: 'tdt-img', enabled: true, opacity: 1 },
        xyz('http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png'),
        xyz('https://{s}.e.org/{z}/{x}/{y}.png', { id: 'x2', subdomains: ['a', 'b'] }),
        xyz('https://off.example.com/{z}/{x}/{y}.png', { id: 'x3', enabled: false }),
      ],
    };
    expect(enabledOrigins(s)).toEqual([
      'http://10.1.2.3:8080',
      'https://a.e.org',
      'https://b.e.org',
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `https://t${i}.tianditu.gov.cn`),
    ]);
    expect(isUrlAllowed('https://t3.tianditu.gov.cn/img_w/wmts?x', enabledOrigins(s))).toBe(true);
    expect(isUrlAllowed('https://t8.tianditu.gov.cn/img_w/wmts?x', enabledOrigins(s))).toBe(false);
    expect(isUrlAllowed('https://off.example.com/1/1/1.png', enabledOrigins(s))).toBe(false);
    expect(isUrlAllowed('https://user:pw@a.e.org/1/1/1.png', enabledOrigins(s))).toBe(false);
    expect(isUrlAllowed('http://a.e.org/1/1/1.png', enabledOrigins(s))).toBe(false); // another scheme is another origin
  });
});

describe('datum', () => {
  it('known providers are recognised from the URL; a known one overrides what was declared', () => {
    expect(knownProviderOf('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8')).toEqual({ name: 'gaode', datum: 'gcj02' });
    expect(knownProviderOf('https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}')).toEqual({ name: 'tencent', datum: 'gcj02' });
    expect(knownProviderOf('https://maponline{s}.bdimg.com/tile/?qt=vtile&x={x}&y={y}&z={z}')).toEqual({ name: 'baidu', datum: 'bd09' });
    expect(knownProviderOf('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBeNull();
    expect(knownProviderOf('https://notautonavi.com.evil.org/{z}/{x}/{y}')).toBeNull();
    expect(datumOf(xyz('https://wprd0{s}.is.autonavi.com/{z}/{x}/{y}', { subdomains: ['1'], datum: 'cgcs2000' }))).toBe('gcj02');
    expect(datumOf(xyz('https://my.server/{z}/{x}/{y}', { datum: 'bd09' }))).toBe('bd09');
    expect(datumOf({ kind: 'tianditu', id: 'tdt-vec', enabled: true, opacity: 1 })).toBe('cgcs2000');
  });

  it('templates are checked before they are stored', () => {
    expect(validateXyzTemplate('', [])).toBe('empty');
    expect(validateXyzTemplate('ftp://x/{z}/{x}/{y}', [])).toBe('notHttp');
    expect(validateXyzTemplate('https://x/{z}/{x}', [])).toBe('missingPlaceholders');
    expect(validateXyzTemplate('https://{s}.x/{z}/{x}/{y}', [])).toBe('missingSubdomains');
    expect(validateXyzTemplate('https://u:p@x.org/{z}/{x}/{y}', [])).toBe('credentials');
    expect(validateXyzTemplate('https://x.org/{z}/{x}/{-y}.png', [])).toBeNull();
  });

  it('stored settings are repaired, never trusted', () => {
    const r = restoreBasemapSettings({
      tiandituKey: 7,
      cacheLimitMiB: -3,
      sources: [
        { id: 'tdt-img', enabled: true },
        { kind: 'xyz', id: 'a', template: 'nope' },
      ],
    });
    expect(r.tiandituKey).toBe('');
    expect(r.cacheLimitMiB).toBe(16);
    expect(r.sources.map((s) => [s.id, s.enabled])).toEqual([
      ['tdt-vec', false],
      ['tdt-img', true],
    ]);
    expect(restoreBasemapSettings(null)).toEqual(DEFAULT_BASEMAP_SETTINGS);
  });

  it('keeps the order the user gave the sources (bottom → top), and moves one a place up or down', () => {
    const xyz = {
      kind: 'xyz',
      id: 'a',
      name: 'A',
      template: 'https://x.org/{z}/{x}/{y}.png',
      subdomains: [],
      datum: 'cgcs2000',
      maxzoom: 18,
      enabled: true,
      opacity: 1,
    };
    const r = restoreBasemapSettings({
      sources: [xyz, { kind: 'tianditu', id: 'tdt-vec', enabled: true, opacity: 1 }, { kind: 'tianditu', id: 'tdt-img' }],
    });
    expect(r.sources.map((s) => s.id)).toEqual(['a', 'tdt-vec', 'tdt-img']);
    expect(moveSource(r.sources, 'a', 'up').map((s) => s.id)).toEqual(['tdt-vec', 'a', 'tdt-img']);
    expect(moveSource(r.sources, 'tdt-img', 'down').map((s) => s.id)).toEqual(['a', 'tdt-img', 'tdt-vec']);
    expect(moveSource(r.sources, 'tdt-img', 'up').map((s) => s.id)).toEqual(['a', 'tdt-vec', 'tdt-img']);
    expect(moveSource(r.sources, 'a', 'down').map((s) => s.id)).toEqual(['a', 'tdt-vec', 'tdt-img']);
    // The default: the imagery under the vector map.
    expect(DEFAULT_BASEMAP_SETTINGS.sources.map((s) => s.id)).toEqual(['tdt-img', 'tdt-vec']);
  });
});

describe('a box drawn on the map', () => {
  it('is the extent of the corners clicked, whichever two opposite corners and in whatever order', () => {
    expect(
      boxOfCorners([
        [117.02, 35.03],
        [116.98, 35.06],
      ]),
    ).toEqual([116.98, 35.03, 117.02, 35.06]);
    expect(
      boxOfCorners([
        [116.98, 35.06],
        [117.0, 35.0],
        [117.02, 35.03],
      ]),
    ).toEqual([116.98, 35.0, 117.02, 35.06]);
    expect(boxOfCorners([[117, 35]])).toBeNull();
    expect(
      boxOfCorners([
        [117, 35],
        [117, 35.1],
      ]),
    ).toBeNull(); // no width
    expect(formatBox([116.97531, 35.0375, 117.01372, 35.06449])).toBe('116.9753–117.0137°E, 35.0375–35.0645°N');
  });
});

describe('tiles of an area', () => {
  // Reference: pyproj EPSG:4326 → EPSG:3857, then floor((X + R) / 2R · 2^z), floor((R − Y) / 2R · 2^z).
  it('tile numbers agree with pyproj', () => {
    expect([lonToTileX(116.391, 10), latToTileY(39.907, 10)]).toEqual([843, 388]);
    expect([lonToTileX(113.2644, 18), latToTileY(23.1291, 18)]).toEqual([213548, 113752]);
    expect([lonToTileX(180, 3), latToTileY(-85.06, 3)]).toEqual([7, 7]); // clamped into the grid
  });

  it('ranges per zoom, the count and the i-th tile', () => {
    const box: [number, number, number, number] = [113.25, 23.1, 113.3, 23.15];
    const r10 = tileRangeOf(box, 10);
    expect(r10).toEqual({ z: 10, minX: 834, maxX: 834, minY: 444, maxY: 444 }); // pyproj: both corners in 834/444
    const ranges = tileRangesOf(box, [12, 10, 12, 11]);
    expect(ranges.map((r) => r.z)).toEqual([10, 11, 12]);
    const n = countTiles(ranges);
    const all = Array.from({ length: n }, (_, i) => tileAt(ranges, i));
    expect(new Set(all.map((t) => `${t!.z}/${t!.x}/${t!.y}`)).size).toBe(n);
    for (const t of all) {
      const r = ranges.find((q) => q.z === t!.z)!;
      expect(t!.x >= r.minX && t!.x <= r.maxX && t!.y >= r.minY && t!.y <= r.maxY).toBe(true);
    }
    expect(tileAt(ranges, n)).toBeNull();
  });

  it('the estimate uses the cache mean where it has one, else the typical size', () => {
    const box: [number, number, number, number] = [113.25, 23.1, 113.3, 23.15];
    const e = estimateDownload(box, [10, 11, 12], ['tdt:img', 'tdt:cia'], { 'tdt:img': 40_000 });
    expect(e.tiles).toBe(countTiles(tileRangesOf(box, [10, 11, 12])));
    expect(e.requests).toBe(e.tiles * 2);
    expect(e.bytes).toBe(e.tiles * (40_000 + 6_000));
  });
});

describe('LRU eviction', () => {
  it('drops the least recently used until the cache is within its limit', () => {
    const entries = [
      { id: 'a', size: 100, lastUsed: 5 },
      { id: 'b', size: 100, lastUsed: 1 },
      { id: 'c', size: 100, lastUsed: 3 },
      { id: 'd', size: 100, lastUsed: 3 },
    ];
    expect(planEviction(entries, 400)).toEqual([]);
    expect(planEviction(entries, 250)).toEqual(['b', 'c']);
    expect(planEviction(entries, 0)).toEqual(['b', 'c', 'd', 'a']);
  });
});

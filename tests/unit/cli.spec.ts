/**
 * The built `landpatrol` command (dist/cli/landpatrol.mjs, made by `npm run build`) on the real files in
 * ../shared/data. Expected figures come from outside our code: GDAL 3.6 (feature counts, first rows, the
 * sum of ArcGIS's Shape_Area), and GEOS/PROJ via scripts/overlay-reference.py (overlay areas).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { REAL_DATA } from '../fixtures/read-fixture';
// GEOS (shapely) and GeographicLib (pyproj.Geod) over the track fixtures: scripts/make-coverage-oracle.py.
import coverageOracle from '../oracles/coverage.json';
import { ogrinfoSummary } from '../oracles/ogrinfo';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/landpatrol.mjs');
const data = REAL_DATA;
const banzhucun = path.join(data, 'banzhucun/斑竹村10000.shp');

function landpatrol(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('landpatrol (built)', () => {
  it('exists: run `npm run build` first', () => {
    expect(existsSync(cli)).toBe(true);
  });

  it('inspects the banzhucun village layer (UTF-8 via .cpg, EPSG:4523, ESRI WKT)', () => {
    const r = landpatrol('inspect', banzhucun);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [layer] = JSON.parse(r.stdout).layers;
    expect(layer.featureCount).toBe(10653);
    expect(layer.geometryType).toBe('Polygon');
    expect(layer.encoding).toBe('utf-8');
    expect(layer.crs).toMatchObject({ epsg: 4523, source: 'prj' });
    expect(layer.fields.map((f: { name: string }) => f.name)).toEqual(['GRID_ID', 'DLMC', 'Slope', 'Shape_Leng', 'Shape_Area']);
    expect(layer.firstRows[0]).toMatchObject({ GRID_ID: 'CS-120', DLMC: '旱地' });
    // GDAL: Σ Shape_Area = 7,102,035.487 m² (planar, zone 35) = 10,653.053 亩
    expect(layer.area.planarM2).toBeCloseTo(7102035.487, 2);
    expect(layer.area.mu).toBeCloseTo(10653.053, 2);
    // Ellipsoidal and planar differ by the GK scale distortion near the CM (well under 0.1 %).
    expect(Math.abs(layer.area.ellipsoidalM2 / layer.area.planarM2 - 1)).toBeLessThan(1e-3);
    const [w, s, e, n] = layer.bboxLngLat;
    expect(w).toBeGreaterThan(103.5);
    expect(e).toBeLessThan(106.5);
    expect(s).toBeGreaterThan(20);
    expect(n).toBeLessThan(40);
  });

  it('inspects a whole folder: every bundle in it, sources relative to the folder', () => {
    const r = landpatrol('inspect', path.join(data, 'ae102-demo'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const layers = JSON.parse(r.stdout).layers as { source: string; featureCount: number; crs: unknown }[];
    // DLTB and Road placed; Polygon has no .prj and cannot be placed, so it is described without a CRS.
    expect(layers.map((l) => [l.source, l.featureCount, l.crs === null]).sort()).toEqual([
      ['ae102-demo/DLTB.shp', 8, false],
      ['ae102-demo/Polygon.shp', 5, true],
      ['ae102-demo/Road.shp', 11, false],
    ]);
  });

  it('reads the ae102 GBK layer flagged only by its LDID and warns about Xian 1980', () => {
    const r = landpatrol('inspect', path.join(data, 'ae102-demo/DLTB.shp'));
    expect(r.code).toBe(0);
    const [layer] = JSON.parse(r.stdout).layers;
    expect(layer.featureCount).toBe(8);
    expect(layer.encoding).toBe('gbk');
    expect(layer.encodingSource).toBe('ldid');
    const codes = layer.warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('crs.localDatum');
    expect(codes).toContain('crs.nearFalseOrigin');
    for (const w of layer.warnings) expect(w.message).toMatch(/DLTB/);
  });

  it('describes a layer whose CRS cannot be decided (no .prj) as GDAL does: fields, rows, native extent, crs null, a warning', () => {
    const shp = path.join(data, 'ae102-demo/Polygon.shp');
    const gdal = ogrinfoSummary(shp); // 5 polygons, (499205.304430, -749.934517) - (500969.925417, 477.844435), SRS (unknown)
    expect(gdal.srsUnknown).toBe(true);
    const r = landpatrol('inspect', shp);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { layers, errors } = JSON.parse(r.stdout);
    expect(errors).toEqual([]);
    const [layer] = layers;
    expect(layer).toMatchObject({
      source: 'Polygon.shp',
      featureCount: gdal.featureCount,
      geometryType: gdal.geometry,
      crs: null,
      bboxLngLat: null,
      area: null,
      planarZone: null,
    });
    expect(layer.bboxNative).toEqual(gdal.extent);
    expect(
      layer.fields.map((f: { name: string; type: string; length: number; decimals: number }) => ({
        name: f.name,
        type: f.type,
        width: f.length,
        precision: f.decimals,
      })),
    ).toEqual(gdal.fields);
    expect(layer.encoding).toBe('gbk');
    expect(layer.firstRows[0]).toEqual({ Id: 0, Width: 15, YSDM: '1' });
    const [w] = layer.warnings;
    expect(layer.warnings).toHaveLength(1);
    expect(w).toMatchObject({ code: 'crs.unknown', severity: 'warning', file: 'Polygon.shp' });
    expect(w.message).toMatch(/^Polygon\.shp：坐标系未知.*--crs EPSG:/);
    expect(w.messageEn).toMatch(/^Polygon\.shp: the coordinate system is unknown.*--crs EPSG:/);
  });

  it('names the likely CRS of 6-digit eastings without .prj, and --crs then places the layer', () => {
    const shp = path.join(root, 'tests/fixtures/shp/no_prj_6digit.shp');
    const described = landpatrol('inspect', shp);
    expect(described.code).toBe(0);
    const [layer] = JSON.parse(described.stdout).layers;
    expect(layer).toMatchObject({ crs: null, featureCount: 3, bboxNative: ogrinfoSummary(shp).extent });
    // CGCS2000 3° zones without the zone prefix, CM 75–135°E
    expect(layer.crsCandidates).toEqual(Array.from({ length: 21 }, (_, i) => 4534 + i));
    expect(layer.warnings[0].message).toContain('EPSG:4534–4554');
    // The plots are 50², 40² and 30² m squares at CM 117°E: EPSG:4548.
    const placed = landpatrol('inspect', shp, '--crs', 'EPSG:4548');
    expect(placed.code).toBe(0);
    const [p] = JSON.parse(placed.stdout).layers;
    expect(p.crs).toMatchObject({ epsg: 4548, source: 'user' });
    expect(p.area.planarM2).toBeCloseTo(2500 + 1600 + 900, 3);
    expect(p.warnings.map((x: { code: string }) => x.code)).not.toContain('crs.unknown');
  });

  it('overlay refuses a layer whose CRS cannot be decided, naming it in Chinese and English (exit 2)', () => {
    for (const args of [
      ['--plots', banzhucun, '--with', path.join(data, 'ae102-demo/Polygon.shp')],
      ['--plots', banzhucun, '--with', path.join(data, 'ae102-demo')], // its other layers are usable: still refused
      ['--plots', path.join(data, 'ae102-demo/Polygon.shp'), '--with', banzhucun],
    ]) {
      const r = landpatrol('overlay', ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Polygon\.shp：无法确定坐标系.*--crs/);
      expect(r.stderr).toMatch(/Polygon\.shp: the coordinate system cannot be determined.*--crs/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('reads a shapefile with zero records as an empty layer with a note, agreeing with GDAL', () => {
    const shp = path.join(root, 'tests/fixtures/shp/empty.shp');
    const gdal = ogrinfoSummary(shp); // Feature Count 0, Extent (0, 0) - (0, 0)
    const r = landpatrol('inspect', shp);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [layer] = JSON.parse(r.stdout).layers;
    expect(layer.featureCount).toBe(gdal.featureCount);
    expect(
      layer.fields.map((f: { name: string; type: string; length: number; decimals: number }) => ({
        name: f.name,
        type: f.type,
        width: f.length,
        precision: f.decimals,
      })),
    ).toEqual(gdal.fields);
    expect(layer).toMatchObject({
      geometryType: 'Polygon',
      crs: { epsg: 4527, source: 'prj' },
      bboxLngLat: null,
      firstRows: [],
      area: { planarM2: 0, mu: 0 },
    });
    expect(layer.warnings).toEqual([
      {
        code: 'layer.empty',
        severity: 'info',
        file: 'empty.shp',
        message: 'empty.shp：图层没有任何记录（0 个要素），按空图层读取',
        messageEn: 'empty.shp: the layer has no records (0 features); read as an empty layer',
      },
    ]);
  });

  it('exits 2 for missing paths and bad arguments, without a stack trace', () => {
    for (const args of [['inspect', '/nonexistent/x.shp'], ['inspect'], ['overlay', '--plots', banzhucun], ['bogus']]) {
      const r = landpatrol(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(10);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('groups each --with layer by its own field (PATH:FIELD), and refuses a field the layer lacks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-overlay-field-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const [w, s, e, n] = JSON.parse(landpatrol('inspect', banzhucun).stdout).layers[0].bboxLngLat as number[];
    const x0 = w! + (e! - w!) * 0.4,
      x1 = w! + (e! - w!) * 0.46,
      y0 = s! + (n! - s!) * 0.4,
      y1 = s! + (n! - s!) * 0.47;
    const gj = path.join(dir, 'plot.geojson');
    writeFileSync(
      gj,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { JCBH: 'P1' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [x0, y0],
                  [x1, y0],
                  [x1, y1],
                  [x0, y1],
                  [x0, y0],
                ],
              ],
            },
          },
        ],
      }),
    );
    const shp = path.join(dir, 'plot.shp');
    expect(
      spawnSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-a_srs', 'EPSG:4490', '-lco', 'ENCODING=UTF-8', shp, gj], { encoding: 'utf8' }).status,
    ).toBe(0);

    // A second copy of the village under another name, so the two layers are told apart by name.
    const copy = path.join(dir, 'village2.shp');
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) copyFileSync(banzhucun.replace(/shp$/, ext), copy.replace(/shp$/, ext));

    type Out = {
      plots: { overlaps: { layer: string; group: string | null; area: { planarM2: number } }[]; byLayer: { covered: { planarM2: number } }[] }[];
    };
    const grouped = landpatrol('overlay', '--plots', shp, '--with', banzhucun, '--group-by', 'DLMC');
    // The village grouped by its own field DLMC (overriding --group-by), and its copy with --group-by alone, which
    // names a field it lacks: one null group, as before.
    const perLayer = landpatrol('overlay', '--plots', shp, '--with', `${banzhucun}:DLMC`, '--with', copy, '--group-by', 'NOSUCH');
    expect(perLayer.stderr).toBe('');
    expect(perLayer.code).toBe(0);
    const [g] = (JSON.parse(grouped.stdout) as Out).plots;
    const [p] = (JSON.parse(perLayer.stdout) as Out).plots;
    const groups = g!.overlaps.map((o) => o.group);
    expect(groups.length).toBeGreaterThan(1);
    expect(p!.overlaps.slice(0, groups.length)).toEqual(g!.overlaps);
    expect(p!.overlaps.slice(groups.length).map((o) => [o.layer, o.group])).toEqual([['village2', null]]);
    expect(p!.byLayer[1]!.covered.planarM2).toBeCloseTo(p!.byLayer[0]!.covered.planarM2, 3);

    const missing = landpatrol('overlay', '--plots', shp, '--with', `${banzhucun}:GHFQMC`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/没有分组字段“GHFQMC”/);
    expect(missing.stderr).toMatch(/there is no field "GHFQMC" to group by/);
  });

  it('overlays plots on the village grouped by DLMC, adding up, and agrees with GEOS', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-overlay-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // Three plots over the village, in lon/lat: built from its bbox, not from our output.
    const info = JSON.parse(landpatrol('inspect', banzhucun).stdout).layers[0];
    const [w, s, e, n] = info.bboxLngLat as number[];
    const box = (fx0: number, fy0: number, fx1: number, fy1: number) => {
      const x0 = w! + (e! - w!) * fx0,
        x1 = w! + (e! - w!) * fx1,
        y0 = s! + (n! - s!) * fy0,
        y1 = s! + (n! - s!) * fy1;
      return [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ];
    };
    const plots = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'P1', JCBH: 'P1' }, geometry: { type: 'Polygon', coordinates: box(0.3, 0.3, 0.4, 0.38) } },
        { type: 'Feature', properties: { id: 'P2', JCBH: 'P2' }, geometry: { type: 'Polygon', coordinates: box(0.5, 0.5, 0.53, 0.56) } },
        { type: 'Feature', properties: { id: 'P3', JCBH: 'P3' }, geometry: { type: 'Polygon', coordinates: box(0.95, 0.95, 1.05, 1.02) } },
      ],
    };
    const gj = path.join(dir, 'plots.geojson');
    writeFileSync(gj, JSON.stringify(plots));
    const shp = path.join(dir, 'plots.shp');
    const ogr = spawnSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-a_srs', 'EPSG:4490', '-lco', 'ENCODING=UTF-8', shp, gj], { encoding: 'utf8' });
    expect(ogr.status, ogr.stderr).toBe(0);

    const r = landpatrol('overlay', '--plots', shp, '--with', banzhucun, '--group-by', 'DLMC', '--id-field', 'JCBH');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ours = JSON.parse(r.stdout).plots as {
      id: string;
      area: Record<string, number>;
      overlaps: { group: string; area: Record<string, number> }[];
      uncovered: Record<string, number>;
    }[];
    expect(ours.map((p) => p.id)).toEqual(['P1', 'P2', 'P3']);
    for (const p of ours) {
      const sum = p.overlaps.reduce((t, o) => t + o.area.planarM2!, 0) + p.uncovered.planarM2!;
      expect(Math.abs(sum - p.area.planarM2!)).toBeLessThan(0.01); // printed to 0.001 m² each
      expect(p.area.mu).toBeCloseTo(p.area.planarM2! * 0.0015, 5);
    }
    expect(ours[2]!.uncovered.planarM2).toBeGreaterThan(0); // P3 hangs over the village edge

    const ref = spawnSync('/usr/bin/python3', [path.join(root, 'scripts/overlay-reference.py'), gj, `${banzhucun}:DLMC`], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(ref.status, ref.stderr).toBe(0);
    type RefArea = { planarM2: number; ellipsoidalM2: number };
    const refPlots = JSON.parse(ref.stdout).plots as (RefArea & {
      id: string;
      overlaps: (RefArea & { group: string })[];
      uncoveredPlanarM2: number;
    })[];
    for (const p of ours) {
      const q = refPlots.find((x) => x.id === p.id)!;
      expect(p.area.planarM2).toBeCloseTo(q.planarM2, 2);
      expect(p.area.ellipsoidalM2).toBeCloseTo(q.ellipsoidalM2, 2);
      expect(p.uncovered.planarM2).toBeCloseTo(q.uncoveredPlanarM2, 2);
      expect(p.overlaps.map((o) => o.group).sort()).toEqual(q.overlaps.map((o) => o.group).sort());
      for (const o of p.overlaps) {
        const m = q.overlaps.find((x) => x.group === o.group)!;
        expect(Math.abs(o.area.planarM2! - m.planarM2)).toBeLessThan(1e-6 * p.area.planarM2! + 0.002);
        expect(Math.abs(o.area.ellipsoidalM2! - m.ellipsoidalM2)).toBeLessThan(1e-6 * p.area.planarM2! + 0.002);
      }
    }
  });
});

describe('landpatrol coverage (built)', () => {
  const tracks = path.join(root, 'tests/fixtures/tracks');
  const cellsGeoJson = path.join(tracks, 'cells.geojson');
  const t = (name: string) => path.join(tracks, name);
  type Out = {
    tracks: {
      source: string;
      points: number;
      lengthMetres: number;
      start: string | null;
      end: string | null;
      cells: { id: string; name: string; insideMetres: number; insideSeconds: number | null; covered: boolean }[];
    }[];
  };
  /** Oracle tracks as the command names them: the file, with #n when it holds several. */
  const expected = coverageOracle.tracks.map((r) => {
    const several = coverageOracle.tracks.filter((x) => x.file === r.file).length > 1;
    const n = coverageOracle.tracks.filter((x) => x.file === r.file).indexOf(r) + 1;
    return { ...r, source: several ? `${r.file}#${n}` : r.file };
  });
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));

  function expectOracle(out: Out) {
    expect(out.tracks.map((x) => x.source)).toEqual(expected.map((r) => r.source));
    out.tracks.forEach((ours, i) => {
      const ref = expected[i]!;
      expect(Object.keys(ours)).toEqual(['source', 'points', 'lengthMetres', 'start', 'end', 'cells']);
      expect([ours.points, ours.start, ours.end]).toEqual([ref.points, iso(ref.startMs), iso(ref.endMs)]);
      expect(Math.abs(ours.lengthMetres - ref.lengthMetres)).toBeLessThan(1e-6 * ref.lengthMetres);
      expect(ours.cells.map((c) => [c.id, c.name, c.covered])).toEqual(ref.cells.map((c) => [c.id, c.name, c.covered]));
      ours.cells.forEach((c, k) => {
        const r = ref.cells[k]!;
        expect(Object.keys(c)).toEqual(['id', 'name', 'insideMetres', 'insideSeconds', 'covered']);
        expect(Math.abs(c.insideMetres - r.insideMetres)).toBeLessThan(1e-6 * r.insideMetres);
        if (r.insideSeconds === null) expect(c.insideSeconds).toBeNull();
        else expect(Math.abs(c.insideSeconds! - r.insideSeconds)).toBeLessThan(1e-6 * r.insideSeconds + 5e-4); // printed to the ms
      });
    });
  }

  it('measures GPX and KML tracks over GeoJSON cells as GEOS and GeographicLib do', () => {
    const r = landpatrol(
      'coverage',
      '--cells',
      cellsGeoJson,
      '--track',
      t('morning.gpx'),
      t('route.gpx'),
      '--track',
      t('afternoon.kml'),
      t('diagonal.kml'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectOracle(JSON.parse(r.stdout) as Out);
  });

  it("reads the cells from a shapefile in a zone-prefixed GK CRS with the app's reader, to the same figures", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-coverage-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const shp = path.join(dir, 'cells.shp');
    const ogr = spawnSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4527', '-lco', 'ENCODING=UTF-8', shp, cellsGeoJson], {
      encoding: 'utf8',
    });
    expect(ogr.status, ogr.stderr).toBe(0);
    const r = landpatrol('coverage', '--cells', shp, '--track', t('morning.gpx'), t('route.gpx'), t('afternoon.kml'), t('diagonal.kml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectOracle(JSON.parse(r.stdout) as Out);
  });

  it('takes the thresholds and the name field it is given', () => {
    const base = ['coverage', '--cells', cellsGeoJson, '--track', t('morning.gpx')];
    const covered = (args: string[]) =>
      (JSON.parse(landpatrol(...base, ...args).stdout) as Out).tracks.map((x) => x.cells.filter((c) => c.covered).map((c) => c.id));
    expect(covered([])).toEqual([['WG-01', 'WG-02', 'WG-03', 'WG-07'], ['WG-06']]);
    // WG-01 and WG-02 have 400 m and 333 s inside: over 410 m they are still covered by time (≥ 300 s), not over 400 s.
    expect(covered(['--min-metres', '410'])).toEqual([['WG-01', 'WG-02', 'WG-03', 'WG-07'], ['WG-06']]);
    expect(covered(['--min-metres', '410', '--min-seconds', '400'])).toEqual([['WG-03', 'WG-07'], ['WG-06']]);
    expect(covered(['--min-metres', '50', '--min-seconds', '3600'])).toEqual([['WG-01', 'WG-02', 'WG-03', 'WG-06', 'WG-07'], ['WG-06']]);
    const named = JSON.parse(landpatrol(...base, '--name-field', 'WGBM').stdout) as Out;
    expect(named.tracks[0]!.cells[0]).toMatchObject({ id: 'WG-01', name: 'WG-01' });
  });

  it('says on stderr what it could not use or should warn about, and measures the rest (exit 0)', () => {
    const r = landpatrol(
      'coverage',
      '--cells',
      cellsGeoJson,
      '--track',
      t('truncated.gpx'),
      t('diagonal.ovkml'),
      t('afternoon.kmz'),
      t('waypoints-only.gpx'),
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Out).tracks.map((x) => x.source)).toEqual(['diagonal.ovkml', 'afternoon.kmz']);
    expect(r.stderr).toMatch(/truncated\.gpx：不是有效的 XML 文件/);
    expect(r.stderr).toMatch(/truncated\.gpx: not a valid XML file/);
    expect(r.stderr).toMatch(/diagonal\.ovkml：可能是奥维互动地图导出的 GCJ-02/);
    expect(r.stderr).toMatch(/waypoints-only\.gpx: the file holds no track line/);
    expect(r.stderr).not.toMatch(/afternoon/); // its Point placemark is only a note
    // The 奥维 file is measured as it is: the same figures as the plain KML.
    const plain = JSON.parse(landpatrol('coverage', '--cells', cellsGeoJson, '--track', t('diagonal.kml')).stdout) as Out;
    expect((JSON.parse(r.stdout) as Out).tracks[0]!.cells).toEqual(plain.tracks[0]!.cells);
  });

  it('reads a folder of tracks', () => {
    const r = landpatrol('coverage', '--cells', cellsGeoJson, '--track', tracks);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Out).tracks.map((x) => x.source)).toEqual([
      'tracks/afternoon.kml',
      'tracks/afternoon.kmz',
      'tracks/diagonal.kml',
      'tracks/diagonal.ovkml',
      'tracks/gb2312.gpx',
      'tracks/morning.gpx#1',
      'tracks/morning.gpx#2',
      'tracks/route.gpx',
    ]);
  });

  it('exits 2 when nothing can be measured or the input cannot be used, without a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-coverage-bad-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const gk = path.join(dir, 'gk.geojson');
    writeFileSync(
      gk,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [39500000, 4000000],
                  [39500100, 4000000],
                  [39500100, 4000100],
                  [39500000, 4000000],
                ],
              ],
            },
          },
        ],
      }),
    );
    const cases: [string[], RegExp][] = [
      [['--cells', cellsGeoJson, '--track', t('truncated.gpx')], /没有可用的轨迹.*\nNo usable track in/],
      [['--cells', cellsGeoJson, '--track', path.join(dir, 'none.gpx')], /none\.gpx：文件或文件夹不存在/],
      [['--cells', path.join(dir, 'none.geojson'), '--track', t('morning.gpx')], /none\.geojson: no such file or folder/],
      [['--cells', gk, '--track', t('morning.gpx')], /gk\.geojson：GeoJSON 的坐标不是经纬度/],
      [['--cells', cellsGeoJson, '--track', t('morning.gpx'), '--name-field', 'NOSUCH'], /没有字段“NOSUCH”/],
      [['--cells', cellsGeoJson, '--track', t('morning.gpx'), '--min-metres', 'lots'], /--min-metres: "lots" is not a valid number/],
      [['--cells', cellsGeoJson], /缺少参数 --track/],
    ];
    for (const [args, message] of cases) {
      const r = landpatrol('coverage', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

/**
 * The built `landpatrol` command (dist/cli/landpatrol.mjs, made by `npm run build`) on the real files in
 * ../shared/data. Expected figures come from outside our code: GDAL 3.6 (feature counts, first rows, the
 * sum of ArcGIS's Shape_Area), and GEOS/PROJ via scripts/overlay-reference.py (overlay areas).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { REAL_DATA } from '../fixtures/read-fixture';

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
    const layers = JSON.parse(r.stdout).layers as { source: string; featureCount: number }[];
    // DLTB and Road read; Polygon has no .prj and cannot be placed, so stderr names it instead.
    expect(layers.map((l) => [l.source, l.featureCount]).sort()).toEqual([['ae102-demo/DLTB.shp', 8], ['ae102-demo/Road.shp', 11]]);
    expect(r.stderr).toMatch(/ae102-demo\/Polygon\.shp/);
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

  it('exits 2 with a Chinese and English message when the CRS cannot be decided (no .prj)', () => {
    const r = landpatrol('inspect', path.join(data, 'ae102-demo/Polygon.shp'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Polygon\.shp/);
    expect(r.stderr).toMatch(/坐标系/);
    expect(r.stderr).toMatch(/coordinate system/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 for missing paths and bad arguments, without a stack trace', () => {
    for (const args of [['inspect', '/nonexistent/x.shp'], ['inspect'], ['overlay', '--plots', banzhucun], ['bogus']]) {
      const r = landpatrol(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(10);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('overlays plots on the village grouped by DLMC, adding up, and agrees with GEOS', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-overlay-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // Three plots over the village, in lon/lat: built from its bbox, not from our output.
    const info = JSON.parse(landpatrol('inspect', banzhucun).stdout).layers[0];
    const [w, s, e, n] = info.bboxLngLat as number[];
    const box = (fx0: number, fy0: number, fx1: number, fy1: number) => {
      const x0 = w! + (e! - w!) * fx0, x1 = w! + (e! - w!) * fx1, y0 = s! + (n! - s!) * fy0, y1 = s! + (n! - s!) * fy1;
      return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
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
    const ours = JSON.parse(r.stdout).plots as { id: string; area: Record<string, number>; overlaps: { group: string; area: Record<string, number> }[]; uncovered: Record<string, number> }[];
    expect(ours.map((p) => p.id)).toEqual(['P1', 'P2', 'P3']);
    for (const p of ours) {
      const sum = p.overlaps.reduce((t, o) => t + o.area.planarM2!, 0) + p.uncovered.planarM2!;
      expect(Math.abs(sum - p.area.planarM2!)).toBeLessThan(0.01); // printed to 0.001 m² each
      expect(p.area.mu).toBeCloseTo(p.area.planarM2! * 0.0015, 5);
    }
    expect(ours[2]!.uncovered.planarM2).toBeGreaterThan(0); // P3 hangs over the village edge

    const ref = spawnSync('/usr/bin/python3', [path.join(root, 'scripts/overlay-reference.py'), gj, `${banzhucun}:DLMC`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(ref.status, ref.stderr).toBe(0);
    type RefArea = { planarM2: number; ellipsoidalM2: number };
    const refPlots = JSON.parse(ref.stdout).plots as (RefArea & { id: string; overlaps: (RefArea & { group: string })[]; uncoveredPlanarM2: number })[];
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

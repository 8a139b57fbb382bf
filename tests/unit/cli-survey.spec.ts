/**
 * The built `landpatrol survey` (dist/cli/landpatrol.mjs, made by `npm run build` or `node scripts/build-node.mjs`) on
 * the survey fixtures. Expected figures come from outside our code: PROJ, GEOS (shapely) and GeographicLib
 * (pyproj.Geod) in scripts/make-survey-fixtures.py; converted files are read back by GDAL's ogrinfo where GDAL reads
 * the format (GeoJSON) and by our readers otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import oracle from '../oracles/survey.json';
import { readBaopan } from '../../shared/formats/survey/baopan';
import { readCass } from '../../shared/formats/survey/cass';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/landpatrol.mjs');
const fixture = (name: string): string => path.join(root, 'tests/fixtures/survey', name);

function landpatrol(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, text: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const tmp = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'survey-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

interface PlotJson {
  file: string;
  name: string;
  crs: { epsg: number } | null;
  points: { name: string; x: number; y: number }[];
  sides: number[];
  sidesGeodesic: number[] | null;
  closureMetres: number;
  area: { planarM2: number; ellipsoidalM2: number | null; mu: number } | null;
  simple: boolean;
  warnings: { code: string; message: string; messageEn: string }[];
}

const plotsOf = (r: ReturnType<typeof landpatrol>): PlotJson[] => JSON.parse(r.text).plots;

function expectOracle(p: PlotJson, o: (typeof oracle)['hexagon']) {
  expect(p.crs?.epsg).toBe(o.epsg);
  expect(p.points.map((q) => q.name)).toEqual(o.points.map((q) => q.name));
  p.sides.forEach((s, i) => expect(Math.abs(s - (o.sides[i] as number))).toBeLessThan(0.001));
  p.sidesGeodesic?.forEach((s, i) => expect(Math.abs(s - (o.sidesGeodesic[i] as number))).toBeLessThan(0.001));
  expect(Math.abs(p.closureMetres - o.closureMetres)).toBeLessThan(0.001);
  // JSON keeps m² to 0.001: well inside 1e-6 of these plots' areas.
  expect(Math.abs((p.area?.planarM2 as number) / o.planarM2 - 1)).toBeLessThan(1e-6);
  expect(Math.abs((p.area?.ellipsoidalM2 as number) / o.ellipsoidalM2 - 1)).toBeLessThan(1e-6);
  expect(Math.abs((p.area?.mu as number) / o.mu - 1)).toBeLessThan(1e-6);
}

describe('landpatrol survey (built)', () => {
  it('exists: run `node scripts/build-node.mjs` first', () => {
    expect(existsSync(cli)).toBe(true);
  });

  it('prints each plot of CASS (GBK and UTF-8), 报盘 and GPX files with the figures of PROJ, GEOS and GeographicLib', () => {
    const r = landpatrol('survey', fixture('hexagon-gbk.dat'), fixture('hexagon-utf8.dat'), fixture('baopan-gbk.txt'), fixture('waypoints-gbk.gpx'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plots = plotsOf(r);
    expect(plots.map((p) => [p.file, p.name])).toEqual([
      ['hexagon-gbk.dat', 'hexagon-gbk'],
      ['hexagon-utf8.dat', 'hexagon-utf8'],
      ['baopan-gbk.txt', '地块一'],
      ['baopan-gbk.txt', '地块二'],
      ['waypoints-gbk.gpx', 'waypoints-gbk'],
    ]);
    expectOracle(plots[0]!, oracle.hexagon);
    expectOracle(plots[1]!, oracle.hexagon);
    expectOracle(plots[2]!, oracle.baopan[0]!);
    expectOracle(plots[3]!, oracle.baopan[1]!);
    expectOracle(plots[4]!, oracle.waypoints);
    // The column decision is said (a note, in the JSON, in both languages).
    expect(plots[0]?.warnings.find((w) => w.code === 'survey.columnsYX')?.message).toContain('Y（东）在前');
  });

  it('needs --zone for Y without its prefix: says so on stderr (exit 0), and measures with it', () => {
    const without = landpatrol('survey', fixture('xfirst-blank.dat'));
    expect(without.code).toBe(0);
    expect(without.stderr).toContain('xfirst-blank.dat：地块“xfirst-blank”无法确定投影带');
    expect(without.stderr).toContain('X（北）在前');
    expect(without.stderr).toContain('第 5 行');
    const [p] = plotsOf(without);
    expect(p?.crs).toBeNull();
    expect(p?.area?.ellipsoidalM2).toBeNull();
    const withZone = landpatrol('survey', fixture('xfirst-blank.dat'), '--zone', '39');
    expectOracle(plotsOf(withZone)[0]!, oracle.xfirst);
  });

  it('refuses a bowtie by name (stderr, simple: false, no area) and measures the other files', () => {
    const r = landpatrol('survey', fixture('bowtie.dat'), fixture('plot.kml'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('bowtie.dat：地块“bowtie”第 1 圈的界址线不是简单多边形，不计算面积：边 J2–J3 与边 J4–J1 相交');
    const [bowtie, kml] = plotsOf(r);
    expect(bowtie).toMatchObject({ simple: false, area: null });
    expectOracle(kml!, oracle.kml);
  });

  it('converts to CASS, 报盘 and GeoJSON, each read back to the same points and areas', () => {
    const dir = tmp();
    const cass = landpatrol('survey', fixture('points-gbk.csv'), '--to', 'cass');
    expect(cass.code).toBe(0);
    const back = readCass('back.dat', new Uint8Array(cass.stdout));
    expect(back.encoding).toBe('gbk');
    expect(back.plots[0]?.rings[0]?.points.map((q) => ({ name: q.name, x: q.x, y: q.y }))).toEqual(oracle.hexagon.points);

    const out = path.join(dir, '报盘.txt');
    const bp = landpatrol('survey', fixture('xfirst-blank.dat'), '--zone', '39', '--to', 'baopan', '--out', out);
    expect(bp.code).toBe(0);
    expect(bp.text).toBe('');
    const plan = readBaopan('报盘.txt', new Uint8Array(readFileSync(out)));
    expect(plan.declaredZone).toEqual({ width: 3, zone: 39 });
    // Y gains its zone prefix; 公顷 is the planar area to 4 decimals; the ring is closed on J1.
    expect(plan.plots[0]?.rings[0]?.points.map((q) => q.y)).toEqual(oracle.xfirst.points.map((q) => Number((q.y + 39_000_000).toFixed(3))));
    expect(plan.plots[0]?.declared?.areaHectares).toBe(Number((oracle.xfirst.planarM2 / 10_000).toFixed(4)));
    expect(plan.plots[0]?.rings[0]?.closed).toBe(true);

    const gj = path.join(dir, 'plots.geojson');
    expect(landpatrol('survey', fixture('baopan-utf8.txt'), '--to', 'geojson', '--out', gj).code).toBe(0);
    // GDAL reads it: 2 plots and their 8 + 5 boundary points; GeographicLib (pyproj.Geod) on its polygons gives the
    // oracle's ellipsoidal areas back (the exported lon/lat are the boundary itself, holes included).
    const info = spawnSync('ogrinfo', ['-ro', '-al', '-so', gj], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Feature Count: 15/);
    const py = [
      'import json,sys',
      'from pyproj import Geod',
      'g=Geod(ellps="GRS80")',
      'fc=json.load(open(sys.argv[1],encoding="utf-8"))',
      'out=[]',
      'for f in fc["features"]:',
      '  if f["geometry"]["type"]!="Polygon": continue',
      '  rings=f["geometry"]["coordinates"]',
      '  a=[abs(g.polygon_area_perimeter([p[0] for p in r],[p[1] for p in r])[0]) for r in rings]',
      '  out.append([f["properties"]["name"], a[0]-sum(a[1:]), f["properties"]["ellipsoidalM2"]])',
      'print(json.dumps(out,ensure_ascii=False))',
    ].join('\n');
    const areas = JSON.parse(spawnSync('/usr/bin/python3', ['-c', py, gj], { encoding: 'utf8' }).stdout) as [string, number, number][];
    expect(areas.map((a) => a[0])).toEqual(['地块一', '地块二']);
    areas.forEach(([, geod, ours], i) => {
      const o = oracle.baopan[i]!;
      // The file's lon/lat are printed to 1e-8° (JSON_DIGITS.degrees, ≤ 1.1 mm): the area of the printed boundary
      // may move by at most its perimeter × 1.1 mm; the figure in its properties is the unrounded one.
      const perimeter = o.sides.reduce((a, b) => a + b, 0);
      expect(Math.abs(geod - o.ellipsoidalM2)).toBeLessThan(perimeter * 0.0011);
      expect(Math.abs(ours / o.ellipsoidalM2 - 1)).toBeLessThan(1e-6);
    });
  });

  it('exits 2 for a missing file, a file with no point, and a conversion it cannot make — naming why', () => {
    const dir = tmp();
    const none = path.join(dir, 'none.dat');
    writeFileSync(none, 'hello\n');
    expect(landpatrol('survey', path.join(dir, 'missing.dat'))).toMatchObject({ code: 2 });
    const r = landpatrol('survey', none);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有可用的界址点');
    const two = landpatrol('survey', fixture('baopan-gbk.txt'), '--to', 'cass');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('CASS .dat 文件只能容纳一个地块');
    const zone = landpatrol('survey', fixture('xfirst-blank.dat'), '--to', 'geojson');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('投影带未知，无法转换为 geojson');
    expect(zone.stderr).not.toMatch(/at .*\.m?js:\d+/); // no stack trace
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
// GEOS (shapely) planar areas, GeographicLib (pyproj.Geod, GRS80) ellipsoidal areas and geodesic sides, PROJ for the
// lon/lat: scripts/make-survey-fixtures.py, independent of this code.
import oracle from '../../../tests/oracles/survey.json';
import { loadGeometryEngine } from '../geometry/engine/load';
import { readSurveyFile } from '../../formats/survey/read';
import type { SurveyPoint } from '../../formats/survey/types';
import { formatDms, gridBearingDegrees, toDms } from './bearing';
import { buildSurveyPlot, type SurveyPlot } from './plot';
import { ringRefusal } from './simple';
import { boundaryTable } from './table';

type Oracle = (typeof oracle)['hexagon'];
const MM = 0.001;

function expectFigures(p: SurveyPlot, o: Oracle, closureMetres = o.closureMetres) {
  expect(p.refusal).toBeNull();
  const sides = p.rings.flatMap((r) => r.sidesMetres);
  const geodesic = p.rings.flatMap((r) => r.sidesGeodesicMetres ?? []);
  expect(sides).toHaveLength(o.sides.length);
  sides.forEach((s, i) => expect(Math.abs(s - (o.sides[i] as number))).toBeLessThan(MM));
  geodesic.forEach((s, i) => expect(Math.abs(s - (o.sidesGeodesic[i] as number))).toBeLessThan(MM));
  expect(Math.abs(p.closureMetres - closureMetres)).toBeLessThan(MM);
  expect(Math.abs((p.area?.planarM2 as number) / o.planarM2 - 1)).toBeLessThan(1e-6);
  expect(Math.abs((p.area?.ellipsoidalM2 as number) / o.ellipsoidalM2 - 1)).toBeLessThan(1e-6);
  expect(Math.abs((p.area?.mu as number) / o.mu - 1)).toBeLessThan(1e-6);
  expect(p.zone.kind === 'known' && p.zone.epsg).toBe(o.epsg);
}

const read = (name: string, zone?: number) => {
  const f = readSurveyFile(name, fixtureBytes(`survey/${name}`), zone ? { zone: { width: 3, zone } } : {});
  return {
    f,
    plots: f.plots.map((plot) =>
      buildSurveyPlot(plot, {
        file: name,
        ...(zone ? { zone: { width: 3 as const, zone } } : {}),
        ...(f.declaredZone ? { declaredZone: f.declaredZone } : {}),
      }),
    ),
  };
};

describe('survey plot figures against PROJ, GEOS and GeographicLib', () => {
  it.each(['hexagon-utf8.dat', 'hexagon-gbk.dat', 'points-utf8.csv', 'points-gbk.csv'])(
    '%s: sides, closure, planar and ellipsoidal area in EPSG:4527',
    (name) => {
      const { plots } = read(name);
      // The CSVs list the six corners without closing on the first: their closing error is the side J6–J1.
      expectFigures(plots[0] as SurveyPlot, oracle.hexagon, name.endsWith('.csv') ? (oracle.hexagon.sides[5] as number) : 0);
      expect(plots[0]?.zone).toMatchObject({ kind: 'known', source: 'prefix', prefix: true });
    },
  );

  it('the X-first file without the prefix needs the zone: unknown without it, EPSG:4548 with --zone 39', () => {
    const without = read('xfirst-blank.dat').plots[0] as SurveyPlot;
    expect(without.zone).toEqual({ kind: 'unknown', reason: 'noPrefix' });
    expect(without.area?.ellipsoidalM2).toBeNull();
    expect(Math.abs((without.area?.planarM2 as number) / oracle.xfirst.planarM2 - 1)).toBeLessThan(1e-6);
    expect(without.issues.map((i) => i.code)).toContain('survey.zoneUnknown');
    const withZone = read('xfirst-blank.dat', 39).plots[0] as SurveyPlot;
    expectFigures(withZone, oracle.xfirst);
    // Not closed by the file: the closing error is the way back from J6 to J1.
    expect(withZone.issues.find((i) => i.code === 'survey.notClosed')?.params).toMatchObject({
      ring: 1,
      metres: oracle.xfirst.closureMetres.toFixed(3),
    });
  });

  it('报盘: the hole is a hole (area less it), the zone comes from the prefix and agrees with the header', () => {
    const { plots } = read('baopan-gbk.txt');
    plots.forEach((p, i) => expectFigures(p, oracle.baopan[i] as Oracle));
    expect(plots[0]?.rings.map((r) => [r.role, r.of])).toEqual([
      ['outer', undefined],
      ['hole', 1],
    ]);
    expect(plots.flatMap((p) => p.issues).filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('GPX waypoints and a KML polygon, taken into zone 39', () => {
    expectFigures(read('waypoints-utf8.gpx').plots[0] as SurveyPlot, oracle.waypoints);
    expectFigures(read('plot.kml', 39).plots[0] as SurveyPlot, oracle.kml);
  });

  it('refuses a bowtie, naming the sides that cross, and GEOS agrees the boundary is invalid', async () => {
    const { plots } = read('bowtie.dat');
    const p = plots[0] as SurveyPlot;
    expect(p.area).toBeNull();
    expect(p.refusal).toEqual({ reason: 'selfIntersection', sideA: 'J2–J3', sideB: 'J4–J1', ringNo: 1 });
    expect(p.issues.find((i) => i.code === 'survey.notSimple')).toMatchObject({
      severity: 'error',
      params: { reason: 'selfIntersection', sideA: 'J2–J3' },
    });
    const engine = await loadGeometryEngine();
    const g = engine.fromPolygons([[[...p.rings[0]!.points, p.rings[0]!.points[0]!].map((q) => [q.y - 39512000, q.x - 3820000])]]);
    expect(engine.isValid(g)).toBe(false);
    engine.destroy(g);
  });

  it('refuses a repeated point, too few points, and (through GEOS) a hole that crosses its outer ring', async () => {
    const pt = (name: string, x: number, y: number): SurveyPoint => ({ name, x, y });
    const square = [pt('J1', 100, 0), pt('J2', 100, 100), pt('J3', 0, 100), pt('J4', 0, 0)].map((p) => ({
      ...p,
      x: p.x + 3820000,
      y: p.y + 39512000,
    }));
    const repeated = buildSurveyPlot(
      { name: 'r', rings: [{ ringNo: 1, closed: true, points: [...square.slice(0, 2), { ...square[0]!, name: 'J5' }, ...square.slice(2)] }] },
      { file: 'r' },
    );
    expect(repeated.refusal).toMatchObject({ reason: 'repeatedPoint', first: 'J1', second: 'J5' });
    expect(buildSurveyPlot({ name: 't', rings: [{ ringNo: 1, closed: false, points: square.slice(0, 2) }] }, { file: 't' }).refusal).toMatchObject({
      reason: 'tooFewPoints',
      points: 2,
    });
    const engine = await loadGeometryEngine();
    const hole = [pt('K1', 50, 50), pt('K2', 50, 150), pt('K3', 20, 150), pt('K4', 20, 50)].map((p) => ({
      ...p,
      x: p.x + 3820000,
      y: p.y + 39512000,
    }));
    const crossing = buildSurveyPlot(
      {
        name: 'c',
        rings: [
          { ringNo: 1, closed: true, points: square },
          { ringNo: 2, closed: true, points: hole },
        ],
      },
      { file: 'c', engine },
    );
    expect(crossing.refusal).toMatchObject({ reason: 'ringsInvalid', ringNo: 2 });
    expect(crossing.area).toBeNull();
  });

  it('refuses a ring that touches itself (a point on a side that is not its own)', () => {
    const pts = [
      ['J1', 100, 0],
      ['J2', 100, 100],
      ['J3', 0, 100],
      ['J4', 100, 50], // on side J1–J2
      ['J5', 0, 0],
    ].map(([name, x, y]) => ({ name: name as string, x: 3820000 + (x as number), y: 39512000 + (y as number) }));
    const p = buildSurveyPlot({ name: 't', rings: [{ ringNo: 1, closed: true, points: pts }] }, { file: 't' });
    expect(p.refusal).toMatchObject({ reason: 'selfIntersection', sideA: 'J1–J2' });
  });

  it('checks 100 000 points without hanging: a circle is simple, the same circle with two points swapped is not', () => {
    const n = 100_000;
    const circle = Array.from({ length: n }, (_, i) => ({
      name: `J${i + 1}`,
      x: 3820000 + 1000 * Math.cos((-2 * Math.PI * i) / n),
      y: 39512000 + 1000 * Math.sin((-2 * Math.PI * i) / n),
    }));
    // CPU time, not wall time: the machine's load must not decide the test.
    const started = process.cpuUsage();
    expect(ringRefusal(circle)).toBeNull();
    const swapped = [...circle];
    [swapped[500], swapped[501]] = [swapped[501]!, swapped[500]!];
    expect(ringRefusal(swapped)).toMatchObject({ reason: 'selfIntersection', sideA: 'J500–J502', sideB: 'J501–J503' });
    const spent = process.cpuUsage(started);
    expect((spent.user + spent.system) / 1000).toBeLessThan(10_000); // n² pairs would be 5e9 checks: minutes
  });

  it('a ring outside the outer ring is a further part, and counts', () => {
    const sq = (dx: number, names: string) =>
      [
        [100, 0],
        [100, 100],
        [0, 100],
        [0, 0],
      ].map(([x, y], i) => ({ name: `${names}${i + 1}`, x: 3820000 + (x as number), y: 39512000 + dx + (y as number) }));
    const p = buildSurveyPlot(
      {
        name: 'm',
        rings: [
          { ringNo: 1, closed: true, points: sq(0, 'J') },
          { ringNo: 2, closed: true, points: sq(500, 'K') },
        ],
      },
      { file: 'm' },
    );
    expect(p.rings.map((r) => r.role)).toEqual(['outer', 'outer']);
    expect(p.area?.planarM2).toBeCloseTo(20000, 6);
    expect(p.geometryLngLat?.type).toBe('MultiPolygon');
  });

  it('grid bearings (坐标方位角) as atan2 gives them, printed in °′″', () => {
    const pts = oracle.hexagon.points;
    pts.forEach((a, i) =>
      expect(Math.abs(gridBearingDegrees(a, pts[(i + 1) % pts.length]!) - (oracle.hexagon.bearings[i] as number))).toBeLessThan(1e-9),
    );
    expect(formatDms(82.39313911606511)).toBe('82°23′35.3″');
    expect(formatDms(359.99999)).toBe('0°00′00.0″');
    expect(toDms(45.5)).toEqual({ degrees: 45, minutes: 30, seconds: 0 });
    expect(gridBearingDegrees({ x: 0, y: 0 }, { x: 0, y: 10 })).toBe(90);
    expect(gridBearingDegrees({ x: 0, y: 0 }, { x: -10, y: 0 })).toBe(180);
  });

  it('prints the boundary-point table: X, Y to 1 mm, 边长 to 1 cm, 方位角 in °′″, each ring closed on its first point', () => {
    const p = read('baopan-utf8.txt').plots[0] as SurveyPlot;
    const rows = boundaryTable(p);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ ring: 1, name: 'J1', x: '3821200.000', y: '39513000.000', sideMetres: '150.50', bearing: '90°00′00.0″' });
    expect(rows[1]).toMatchObject({ name: 'J2', sideMetres: '149.75', bearing: '180°00′00.0″' });
    expect(rows[4]).toEqual({ ring: 1, name: 'J1', x: '3821200.000', y: '39513000.000', sideMetres: '', bearing: '' });
    expect(rows[5]).toMatchObject({ ring: 2, name: 'J5', sideMetres: '50.00', bearing: '90°00′00.0″' });
    expect(rows.filter((r) => r.sideMetres !== '').map((r) => Number(r.sideMetres))).toEqual(
      oracle.baopan[0]!.sides.map((s) => Number(s.toFixed(2))),
    );
  });
});

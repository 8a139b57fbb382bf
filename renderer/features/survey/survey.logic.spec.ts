import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
// PROJ / GEOS / GeographicLib figures for the fixtures: /usr/bin/python3 scripts/make-survey-fixtures.py.
import oracle from '../../../tests/oracles/survey.json';
import { readSurveyFile } from '../../../shared/formats/survey/read';
import { readBaopan, writeBaopan } from '../../../shared/formats/survey/baopan';
import { readCass, writeCass } from '../../../shared/formats/survey/cass';
import type { InspectionSurveyPoint } from '../../../shared/domain/inspection/inspection-record';
import {
  boundaryOf,
  displayY,
  editPoints,
  exportFileName,
  exportPlotOf,
  importNotices,
  mappingProblem,
  needsZone,
  nextPointName,
  plotInputOf,
  pointsOfPlot,
  recordPlot,
  storedY,
  surveyMapFeatures,
  zoneOfInput,
} from './survey.logic';

const zone39 = { width: 3 as const, zone: 39, centralMeridian: 117 };
const hexagonPoints = (file = 'hexagon-utf8.dat'): InspectionSurveyPoint[] => {
  const f = readSurveyFile(file, fixtureBytes(`survey/${file}`));
  return pointsOfPlot(f.plots[0]!, 'rtk');
};
/** Metres between two lon/lat points (local plane: fine at the millimetre over a few hundred metres). */
const metresApart = (a: number[], b: number[]) =>
  Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);

describe('the record’s 界址点 ↔ the survey plot', () => {
  it.each(['hexagon-utf8.dat', 'hexagon-gbk.dat'])('rebuilds %s’s boundary from its points in order, with the oracle’s figures', (file) => {
    const points = hexagonPoints(file);
    // The file's closing 界址点1 is the same place: one point, not stored twice.
    expect(points.map((p) => ({ name: p.name, x: p.x, y: p.y }))).toEqual(oracle.hexagon.points);
    expect(points.every((p) => p.method === 'rtk' && p.ring === 1)).toBe(true);
    const out = boundaryOf(points, null);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.patch.zone).toEqual(zone39);
    expect(out.plot.area!.planarM2).toBeCloseTo(oracle.hexagon.planarM2, 6);
    expect(out.plot.area!.ellipsoidalM2!).toBeCloseTo(oracle.hexagon.ellipsoidalM2, 3);
    expect(out.plot.rings[0]!.sidesMetres.map((s) => s.toFixed(6))).toEqual(oracle.hexagon.sides.map((s) => s.toFixed(6)));
    expect(out.plot.closureMetres).toBe(0);
    // The boundary's vertices are the file's points through the zone (the waypoint oracle's lon/lat from PROJ).
    const ring = (out.patch.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const ll = oracle.waypoints.lngLat as [number, number][];
    for (const c of ll) expect(Math.min(...ring.map((v) => metresApart(v, c)))).toBeLessThan(0.001);
  });

  it('keeps a closing point that moved as the ring’s last row, so the 闭合差 stays what the file said', () => {
    const text = 'J1,,39512000.000,3820000.000,\nJ2,,39512100.000,3820000.000,\nJ3,,39512100.000,3819900.000,\nJ1,,39512000.030,3820000.040,\n';
    const f = readCass('moved.dat', new TextEncoder().encode(text));
    const points = pointsOfPlot(f.plots[0]!, null);
    expect(points.map((p) => p.name)).toEqual(['J1', 'J2', 'J3', 'J1']);
    const plot = recordPlot(points, null)!;
    expect(plot.closureMetres).toBeCloseTo(0.05, 6);
    expect(plot.rings[0]!.points).toHaveLength(3);
    // Written back as CASS, the closing row is the file's own.
    const back = readCass('back.dat', writeCass(exportPlotOf(points, 'x')).bytes);
    expect(back.plots[0]!.rings[0]!.closingPoint).toMatchObject({ name: 'J1', x: 3820000.04, y: 39512000.03 });
  });

  it('refuses a bowtie with the crossing sides named, and points without a zone until one is given', () => {
    const bow = pointsOfPlot(readSurveyFile('bowtie.dat', fixtureBytes('survey/bowtie.dat')).plots[0]!, null);
    const out = boundaryOf(bow, null);
    expect(out).toMatchObject({ ok: false, reason: 'notSimple', issue: { code: 'survey.notSimple', params: { reason: 'selfIntersection' } } });
    const xf = readSurveyFile('xfirst-blank.dat', fixtureBytes('survey/xfirst-blank.dat'));
    expect(needsZone(xf, 0)).toBe(true);
    const pts = pointsOfPlot(xf.plots[0]!, null);
    expect(boundaryOf(pts, null)).toMatchObject({ ok: false, reason: 'zoneUnknown' });
    const given = boundaryOf(pts, zoneOfInput(39));
    expect(given.ok && given.plot.area!.planarM2).toBeCloseTo(oracle.xfirst.planarM2, 6);
    expect(given.ok && given.plot.area!.ellipsoidalM2!).toBeCloseTo(oracle.xfirst.ellipsoidalM2, 3);
    expect(needsZone(readSurveyFile('hexagon-utf8.dat', fixtureBytes('survey/hexagon-utf8.dat')), 0)).toBe(false);
  });

  it('keeps 报盘 rings (a hole) through the record and writes them back as the same file', () => {
    const f = readBaopan('baopan-utf8.txt', fixtureBytes('survey/baopan-utf8.txt'));
    const points = pointsOfPlot(f.plots[0]!, 'totalStation');
    expect(points.filter((p) => p.ring === 2).map((p) => p.name)).toEqual(['J5', 'J6', 'J7', 'J8']);
    const out = boundaryOf(points, null);
    expect(out.ok && out.plot.area!.planarM2).toBeCloseTo(oracle.baopan[0]!.planarM2, 6);
    const written = writeBaopan([{ plot: exportPlotOf(points, '地块一'), planarM2: out.ok ? out.plot.area!.planarM2 : 0 }], {
      zone: { width: 3, zone: 39 },
    });
    const back = readBaopan('back.txt', written.bytes);
    expect(back.encoding).toBe('gbk');
    expect(pointsOfPlot(back.plots[0]!, 'totalStation')).toEqual(points);
    expect(back.declaredZone).toEqual({ width: 3, zone: 39 });
  });

  it('groups points by ring in 圈号 order and closes each ring', () => {
    const input = plotInputOf(
      [
        { name: 'K1', x: 1, y: 1, h: null, ring: 2, method: null },
        { name: 'J1', x: 0, y: 0, h: 3, ring: 1, method: null },
      ],
      'p',
    );
    expect(input.rings.map((r) => [r.ringNo, r.closed, r.points[0]!.name])).toEqual([
      [1, true, 'J1'],
      [2, true, 'K1'],
    ]);
    expect(input.rings[0]!.points[0]!.h).toBe(3);
  });
});

describe('the table', () => {
  const pts = hexagonPoints();

  it('shows Y with or without the zone prefix and stores a typed Y in the points’ own form', () => {
    expect(displayY(39512000.456, false, 39)).toBeCloseTo(512000.456, 6);
    expect(displayY(512000.456, true, 39)).toBeCloseTo(39512000.456, 6);
    expect(displayY(512000.456, true, null)).toBe(512000.456);
    expect(storedY(512001, true, 39)).toBe(39512001);
    expect(storedY(39512001, false, 39)).toBe(512001);
    expect(storedY(39512001, true, 39)).toBe(39512001);
  });

  it('edits a cell, inserts at the side’s middle, removes, moves within a ring, sets every method', () => {
    const set = editPoints(pts, { kind: 'set', index: 1, field: 'x', value: 3820111 });
    expect(set[1]!.x).toBe(3820111);
    expect(pts[1]!.x).toBe(3820110.789); // the old list is not changed
    const ins = editPoints(pts, { kind: 'insertAfter', index: 5 });
    expect(ins).toHaveLength(7);
    // After the last point: the middle of the closing side J6–J1.
    expect(ins[6]).toMatchObject({ name: 'J1', ring: 1, method: 'rtk' });
    expect(nextPointName(pts)).toBe('J1');
    expect(ins[6]!.x).toBeCloseTo((pts[5]!.x + pts[0]!.x) / 2, 3);
    expect(editPoints(pts, { kind: 'remove', index: 0 }).map((p) => p.name)[0]).toBe('界址点2');
    expect(
      editPoints(pts, { kind: 'move', index: 0, by: 1 })
        .map((p) => p.name)
        .slice(0, 2),
    ).toEqual(['界址点2', '界址点1']);
    expect(editPoints(pts, { kind: 'move', index: 0, by: -1 })).toEqual(pts);
    expect(editPoints(pts, { kind: 'methodAll', method: 'tape' }).every((p) => p.method === 'tape')).toBe(true);
    // A move that makes a bowtie is refused when saved, with its reason.
    const swapped = editPoints(pts, { kind: 'move', index: 1, by: 1 });
    expect(boundaryOf(swapped, null)).toMatchObject({ ok: false, reason: 'notSimple' });
  });

  it('names the next J point after the highest one', () => {
    expect(
      nextPointName([
        { name: 'J3', x: 0, y: 0, h: null, ring: 1, method: null },
        { name: 'j9', x: 0, y: 0, h: null, ring: 1, method: null },
      ]),
    ).toBe('J10');
  });
});

describe('import decisions, the mapping rule, the zone, names and the map', () => {
  it('takes a zone number for its width and refuses one outside China’s zones', () => {
    expect(zoneOfInput(39)).toEqual(zone39);
    expect(zoneOfInput(20)).toEqual({ width: 6, zone: 20, centralMeridian: 117 });
    expect(zoneOfInput(24)).toBeNull();
    expect(zoneOfInput(39.5)).toBeNull();
  });

  it('refuses a mapping that uses a column twice or one that does not exist', () => {
    expect(mappingProblem({ kind: 'gk', name: 0, x: 1, y: 2, h: 3 }, 4)).toBeNull();
    expect(mappingProblem({ kind: 'gk', name: 0, x: 1, y: 1 }, 4)).toBe('sameColumn');
    expect(mappingProblem({ kind: 'gk', name: null, x: 1, y: 4 }, 4)).toBe('outOfRange');
  });

  it('says what the readers decided, without the CLI’s --zone advice', () => {
    const f = readSurveyFile('hexagon-gbk.dat', fixtureBytes('survey/hexagon-gbk.dat'));
    const plot = recordPlot(pointsOfPlot(f.plots[0]!, null), null)!;
    const codes = importNotices(f, plot).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['survey.columnsYX', 'survey.encodingGbk']));
    const xf = readSurveyFile('xfirst-blank.dat', fixtureBytes('survey/xfirst-blank.dat'));
    const xplot = recordPlot(pointsOfPlot(xf.plots[0]!, null), null)!;
    expect(importNotices(xf, xplot).map((i) => i.code)).not.toContain('survey.zoneUnknown');
  });

  it('names the exports after the record number, safely', () => {
    expect(exportFileName('某所核〔2026〕012号', '界址点', 'dat')).toBe('某所核〔2026〕012号-界址点.dat');
    expect(exportFileName('', '报盘坐标', 'txt')).toBe('报盘坐标.txt');
    expect(exportFileName('核/2026:1', '界址点', 'dat')).not.toMatch(/[/:]/);
  });

  it('puts the points (labelled) and the closed boundary on the map, nothing without a zone', () => {
    const pts = hexagonPoints();
    const f = surveyMapFeatures(recordPlot(pts, null));
    expect(f.points.features.map((p) => p.properties?.name)).toEqual(oracle.hexagon.points.map((p) => p.name));
    const line = f.boundary.features[0]!.geometry as { coordinates: number[][] };
    expect(line.coordinates).toHaveLength(7);
    expect(line.coordinates[0]).toEqual(line.coordinates[6]);
    const xf = readSurveyFile('xfirst-blank.dat', fixtureBytes('survey/xfirst-blank.dat'));
    expect(surveyMapFeatures(recordPlot(pointsOfPlot(xf.plots[0]!, null), null)).points.features).toHaveLength(0);
    expect(surveyMapFeatures(null).boundary.features).toHaveLength(0);
  });
});

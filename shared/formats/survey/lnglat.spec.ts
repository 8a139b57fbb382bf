import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
// PROJ figures for the fixtures (EPSG:4490 → EPSG:4527): scripts/make-survey-fixtures.py.
import oracle from '../../../tests/oracles/survey.json';
import { readSurveyFile } from './read';
import { readLngLatFile } from './lnglat';

const MM = 0.001;

describe('GPX/KML/KMZ points', () => {
  it.each(['waypoints-utf8.gpx', 'waypoints-gbk.gpx'])(
    'reads the waypoints of %s with their Chinese names and projects them as PROJ does',
    (name) => {
      const f = readSurveyFile(name, fixtureBytes(`survey/${name}`));
      expect(f.format).toBe('gpx');
      expect(f.encoding).toBe(name.includes('gbk') ? 'gbk' : 'utf-8');
      expect(f.projectedInto).toEqual({ width: 3, zone: 39, source: 'longitude' });
      expect(f.issues.find((i) => i.code === 'survey.lngLatPoints')?.params).toEqual({ zone: 39, width: 3, source: 'longitude' });
      const pts = f.plots[0]?.rings[0]?.points ?? [];
      expect(pts.map((p) => p.name)).toEqual(oracle.waypoints.points.map((p) => p.name));
      pts.forEach((p, i) => {
        expect(Math.abs(p.x - (oracle.waypoints.points[i]?.x as number))).toBeLessThan(MM);
        expect(Math.abs(p.y - (oracle.waypoints.points[i]?.y as number))).toBeLessThan(MM);
      });
      expect(f.plots[0]?.rings[0]?.closed).toBe(false);
    },
  );

  it.each(['plot.kml', 'plot.kmz'])('reads the polygon of %s as a closed ring, projected into the zone asked for', (name) => {
    const f = readSurveyFile(name, fixtureBytes(`survey/${name}`), { zone: { width: 3, zone: 39 } });
    expect(f.format).toBe(name.endsWith('kmz') ? 'kmz' : 'kml');
    expect(f.projectedInto?.source).toBe('option');
    expect(f.plots.map((p) => p.name)).toEqual(['地块二']);
    const ring = f.plots[0]?.rings[0];
    expect(ring?.closed).toBe(true);
    expect(ring?.points).toHaveLength(5);
    ring?.points.forEach((p, i) =>
      expect(Math.hypot(p.x - (oracle.kml.points[i]?.x as number), p.y - (oracle.kml.points[i]?.y as number))).toBeLessThan(MM),
    );
  });

  it('warns about a likely GCJ-02 file and refuses a file that is not XML', () => {
    const ov = readLngLatFile('a.ovkml', fixtureBytes('survey/plot.kml'));
    expect(ov.issues.map((i) => i.code)).toContain('survey.gcj02Likely');
    const bad = readLngLatFile('b.gpx', new TextEncoder().encode('<gpx><wpt lat="1"'));
    expect(bad.issues[0]).toMatchObject({ code: 'survey.badXml', severity: 'error' });
  });
});

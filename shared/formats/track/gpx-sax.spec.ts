import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readGpxText, rootElementName } from './gpx-sax';
import { xmlText } from './xml-text';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/tracks');
const fixtureText = (name: string) => xmlText(new Uint8Array(readFileSync(path.join(FIXTURES, name)))).text;

/** What each reader says a feature is: its geometry and its per-point times (togeojson lists timed points only). */
const shape = (f: Feature<Geometry | null>) => ({
  geometry: f.geometry,
  name: (f.properties as { name?: string }).name ?? null,
  times: ((f.properties as { coordinateProperties?: { times?: unknown } }).coordinateProperties?.times ?? null) as unknown,
});

describe('readGpxText against togeojson over xmldom (an independent reader of the same files)', () => {
  for (const name of ['morning.gpx', 'route.gpx', 'gb2312.gpx', 'waypoints-only.gpx']) {
    it(`reads ${name} as togeojson does`, () => {
      const text = fixtureText(name);
      const ours = readGpxText(text);
      expect(ours.ok).toBe(true);
      if (!ours.ok) return;
      const theirs = gpx(new DOMParser().parseFromString(text, 'text/xml') as never);
      expect(ours.fc.features.map(shape)).toEqual(theirs.features.map(shape));
      expect(ours.fc.features.length).toBeGreaterThan(0);
    });
  }
});

describe('readGpxText', () => {
  it('reads GPX 1.0 and prefixed documents by local names, elevation as the third coordinate', () => {
    const r = readGpxText(
      `<?xml version="1.0"?><!-- handheld --><g:gpx xmlns:g="http://www.topografix.com/GPX/1/0"><g:trk><g:name><![CDATA[杏园村]]></g:name><g:trkseg>` +
        `<g:trkpt lat="36.1" lon="117.2"><g:ele>81.5</g:ele><g:time>2026-04-20T01:00:00Z</g:time><g:name>not the track's</g:name></g:trkpt>` +
        `<g:trkpt lat="36.2" lon="117.3"/></g:trkseg></g:trk></g:gpx>`,
    );
    expect(r).toEqual({
      ok: true,
      fc: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: '杏园村', coordinateProperties: { times: ['2026-04-20T01:00:00Z', null] } },
            geometry: {
              type: 'LineString',
              coordinates: [
                [117.2, 36.1, 81.5],
                [117.3, 36.2],
              ],
            },
          },
        ],
      },
    });
  });

  it('gives a segment each a line, drops empty tracks, and fails on malformed XML with the parser’s reason', () => {
    const two = readGpxText(
      '<gpx><trk><trkseg><trkpt lat="1" lon="2"/></trkseg><trkseg><trkpt lat="3" lon="4"/></trkseg></trk><trk><trkseg/></trk></gpx>',
    );
    expect(two.ok && two.fc.features.map((f) => f.geometry)).toEqual([
      {
        type: 'MultiLineString',
        coordinates: [[[2, 1]], [[4, 3]]],
      },
    ]);
    const bad = readGpxText('<gpx><trk><trkseg><trkpt lat="1" lon="2"></trkseg></trk></gpx>');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/trkpt|tag/i);
  });

  it('finds the root element after the prolog', () => {
    expect(rootElementName('\ufeff<?xml version="1.0"?>\n<!-- x --><!DOCTYPE gpx><gpx version="1.1">')).toBe('gpx');
    expect(rootElementName('<kml:kml xmlns:kml="x">')).toBe('kml');
    expect(rootElementName('not xml')).toBe(null);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatTrackIssue } from '../../i18n/track';
import { trackDatum } from './datum';
import { readTrackFile } from './read-track';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/tracks');
const fixture = (name: string) => ({ path: name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) });
const text = (name: string, s: string) => ({ path: name, bytes: new TextEncoder().encode(s) });
const codes = (r: ReturnType<typeof readTrackFile>) => r.issues.map((i) => [i.code, i.severity]);

describe('readTrackFile on the fixtures', () => {
  it('reads a handheld GPX: one track per segment, times on every point, the waypoint noted', () => {
    const r = readTrackFile(fixture('morning.gpx'));
    expect(r).toMatchObject({ file: 'morning.gpx', format: 'gpx', datum: 'unknown' });
    expect(r.tracks.map((t) => [t.name, t.points.length])).toEqual([
      ['晨巡 杏园村 (1/2)', 140],
      ['晨巡 杏园村 (2/2)', 37],
    ]);
    expect(r.tracks.every((t) => t.points.every((p) => p[2] !== null))).toBe(true);
    expect(r.tracks[0]!.points[0]).toEqual([116.88714558, 36.58263185, Date.UTC(2026, 3, 20, 0, 30)]);
    expect(codes(r)).toEqual([['track.othersIgnored', 'info']]);
  });

  it('reads a GPX route (no times) as a track', () => {
    const r = readTrackFile(fixture('route.gpx'));
    expect(r.tracks.map((t) => [t.name, t.points.length, t.points[0]![2]])).toEqual([['计划路线', 33, null]]);
  });

  it('reads a KML gx:Track with its times, and the same track from a KMZ', () => {
    const kml = readTrackFile(fixture('afternoon.kml'));
    expect(kml).toMatchObject({ format: 'kml', datum: 'unknown' });
    expect(kml.tracks.map((t) => [t.name, t.points.length])).toEqual([['午后巡查', 48]]);
    expect(kml.tracks[0]!.points[1]![2]).toBe(Date.UTC(2026, 3, 20, 8, 30, 20));
    const kmz = readTrackFile(fixture('afternoon.kmz'));
    expect(kmz).toMatchObject({ file: 'afternoon.kmz', format: 'kmz' });
    expect(kmz.tracks).toEqual(kml.tracks);
    expect(kmz.issues).toEqual([{ code: 'track.othersIgnored', severity: 'info', file: 'afternoon.kmz/doc.kml', params: { count: 1 } }]);
  });

  it('reads a KML LineString, and flags the same file as 奥维 .ovkml as likely GCJ-02 without shifting it', () => {
    const kml = readTrackFile(fixture('diagonal.kml'));
    const ov = readTrackFile(fixture('diagonal.ovkml'));
    expect(kml.datum).toBe('unknown');
    expect(ov.datum).toBe('gcj02-likely');
    expect(ov.tracks).toEqual(kml.tracks); // the very same coordinates
    expect(codes(ov)).toEqual([['track.gcj02Likely', 'warning']]);
  });

  it('reads a GB2312 GPX as its declaration says', () => {
    const r = readTrackFile(fixture('gb2312.gpx'));
    expect(r.tracks.map((t) => [t.name, t.points.length])).toEqual([['杏园村巡查', 4]]);
    expect(r.issues).toEqual([]);
  });

  it('says why a bad file gives no track, naming it, and never throws', () => {
    const truncated = readTrackFile(fixture('truncated.gpx'));
    expect(truncated).toMatchObject({ tracks: [], issues: [{ code: 'track.badXml', severity: 'error', file: 'truncated.gpx' }] });
    expect(formatTrackIssue(truncated.issues[0]!, 'zh-CN')).toMatch(/^truncated\.gpx：不是有效的 XML 文件/);
    expect(readTrackFile(fixture('waypoints-only.gpx'))).toMatchObject({
      format: 'gpx',
      tracks: [],
      issues: [{ code: 'track.noTracks', params: { others: 1 } }],
    });
  });
});

describe('readTrackFile on what else arrives', () => {
  it.each([
    ['an empty file', { path: 'a.gpx', bytes: new Uint8Array() }, 'track.empty'],
    ['a shapefile part', text('a.dbf', 'x'), 'track.unsupportedType'],
    ['plain text', text('a.gpx', 'not xml at all'), 'track.badXml'],
    ['HTML', text('a.kml', '<html><body>login</body></html>'), 'track.notTrackFile'],
    ['a zip without KML', { path: 'a.kmz', bytes: zipSync({ 'img/a.png': new Uint8Array([1, 2, 3]) }) }, 'track.kmzNoKml'],
    ['a damaged zip', { path: 'a.kmz', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) }, 'zip.corrupt'],
  ])('%s', (_what, file, code) => {
    const r = readTrackFile(file);
    expect(r.tracks).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code, severity: 'error' });
    for (const lang of ['zh-CN', 'en'] as const) expect(formatTrackIssue(r.issues[0]!, lang)).toMatch(/^a\.(gpx|dbf|kml|kmz)/);
  });

  it('takes doc.kml from a KMZ with several KMLs', () => {
    const kml = (name: string) =>
      new TextEncoder().encode(
        `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>${name}</name><LineString><coordinates>117,36 117.1,36.1</coordinates></LineString></Placemark></kml>`,
      );
    const r = readTrackFile({ path: 'b.kmz', bytes: zipSync({ 'a.kml': kml('other'), 'doc.kml': kml('main') }) });
    expect(r.tracks.map((t) => t.name)).toEqual(['main']);
  });

  it('reads a gx:MultiTrack and warns about points and times it could not use', () => {
    const r = readTrackFile(
      text(
        'c.kml',
        `<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Placemark><name>多段</name><gx:MultiTrack>
          <gx:Track><when>2026-04-20T01:00:00Z</when><when>2026-04-20T01:00:10Z</when><gx:coord>117 36 0</gx:coord><gx:coord>117.001 36 0</gx:coord></gx:Track>
          <gx:Track><when>2026-04-20T02:00:00</when><when>2026-04-20T02:00:10</when><gx:coord>117.01 36 0</gx:coord><gx:coord>117.011 36 0</gx:coord></gx:Track>
        </gx:MultiTrack></Placemark>
        <Placemark><name>坏点</name><LineString><coordinates>117,36 190,36 117.1,36.1</coordinates></LineString></Placemark></kml>`,
      ),
    );
    expect(r.tracks.map((t) => [t.name, t.points.length])).toEqual([
      ['多段 (1/2)', 2],
      ['多段 (2/2)', 2],
      ['坏点', 2],
    ]);
    expect(r.tracks[1]!.points[0]![2]).toBe(Date.UTC(2026, 3, 20, 2));
    expect(codes(r)).toEqual([
      ['track.badPoints', 'warning'],
      ['track.timesWithoutZone', 'info'],
    ]);
  });

  it('keeps the times of a GPX segment on their points when the handheld dropped one (no warning: nothing is guessed)', () => {
    const r = readTrackFile(
      text(
        'd.gpx',
        `<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><name>半程</name><trkseg><trkpt lat="36" lon="117"><time>2026-04-20T01:00:00Z</time></trkpt><trkpt lat="36.001" lon="117"/><trkpt lat="36.002" lon="117"><time>2026-04-20T01:00:20Z</time></trkpt></trkseg></trk></gpx>`,
      ),
    );
    expect(r.tracks[0]!.points.map((p) => p[2])).toEqual([Date.UTC(2026, 3, 20, 1, 0, 0), null, Date.UTC(2026, 3, 20, 1, 0, 20)]);
    expect(r.issues).toEqual([]);
    // The warning stays for KML, whose times togeojson lists apart from the coordinates.
    expect(formatTrackIssue({ code: 'track.timesMismatch', severity: 'warning', file: 'd.kml', params: { tracks: '半程' } }, 'en')).toBe(
      'd.kml: the times of track "半程" cannot be matched to its points one to one; read without times (no time inside is counted)',
    );
  });
});

describe('trackDatum', () => {
  it('says "likely GCJ-02" for 奥维 files by extension or by their own mark, else unknown', () => {
    expect(trackDatum('x.ovkml', null)).toBe('gcj02-likely');
    expect(trackDatum('x.OVKMZ', null)).toBe('gcj02-likely');
    expect(trackDatum('x.kml', '<?xml?><!-- 奥维互动地图 --><kml/>')).toBe('gcj02-likely');
    expect(trackDatum('x.gpx', '<gpx creator="Ovital Map"/>')).toBe('gcj02-likely');
    expect(trackDatum('x.kml', '<kml/>')).toBe('unknown');
    expect(trackDatum('x.kml', `<kml>${' '.repeat(5000)}<name>奥维</name></kml>`)).toBe('unknown'); // a track's name is not evidence
  });
});

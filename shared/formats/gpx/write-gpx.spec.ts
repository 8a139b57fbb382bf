import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrackFile } from '../track/read-track';
import { writeGpx, xmlEscape, type GpxDocument } from './write-gpx';

const DOC: GpxDocument = {
  name: '巡查任务 2026-12-01 <东片>',
  timeMs: Date.UTC(2026, 11, 1, 0, 30),
  waypoints: [
    { name: 'P1 卫片图斑 JCBH 3701122026001', lngLat: [117.0512345, 36.6823456], description: '核查 "砖厂" 东侧 & 北侧' },
    { name: 'P2 杏园村北', lngLat: [117.0634567, 36.6701234] },
    { name: 'P3', lngLat: [-0.5, -12.25] },
  ],
  route: {
    name: '计划路线',
    points: [
      [117.045, 36.685],
      [117.0512345, 36.6823456],
      [117.0634567, 36.6701234],
    ],
  },
};

/** `ogrinfo` (GDAL's GPX driver) on the bytes: each layer's feature count and the text of its features. */
function ogr(bytes: Uint8Array, layer: string): { count: number; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lp-gpx-'));
  const file = join(dir, 'task.gpx');
  writeFileSync(file, bytes);
  const summary = spawnSync('ogrinfo', ['-ro', '-so', file, layer], { encoding: 'utf8' });
  if (summary.status !== 0) throw new Error(summary.stderr);
  const full = spawnSync('ogrinfo', ['-ro', file, layer], { encoding: 'utf8' });
  return { count: Number(/^Feature Count: (\d+)$/m.exec(summary.stdout)?.[1] ?? NaN), text: full.stdout };
}

describe('writeGpx', () => {
  const bytes = writeGpx(DOC);

  it('our own track reader reads the route back, point for point', () => {
    const r = readTrackFile({ path: 'task.gpx', bytes });
    expect(r.format).toBe('gpx');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.tracks).toHaveLength(1); // the <rte> (waypoints are not tracks)
    expect(r.tracks[0]!.name).toBe('计划路线');
    expect(r.tracks[0]!.points).toEqual(DOC.route!.points.map(([lng, lat]) => [lng, lat, null]));
  });

  it('GDAL reads three waypoints with their Chinese names and one route of three points', () => {
    const wpt = ogr(bytes, 'waypoints');
    expect(wpt.count).toBe(3);
    expect(wpt.text).toContain('name (String) = P1 卫片图斑 JCBH 3701122026001');
    expect(wpt.text).toContain('desc (String) = 核查 "砖厂" 东侧 & 北侧');
    expect(wpt.text).toContain('POINT (117.0512345 36.6823456)');
    expect(wpt.text).toContain('POINT (-0.5 -12.25)');
    expect(ogr(bytes, 'routes').count).toBe(1);
    expect(ogr(bytes, 'routes').text).toContain('LINESTRING (117.045 36.685,117.0512345 36.6823456,117.0634567 36.6701234)');
    expect(ogr(bytes, 'route_points').count).toBe(3);
  });

  it('writes no <rte> without a route of two points, and the waypoints still read', () => {
    const noRoute = writeGpx({ ...DOC, route: { name: 'x', points: [[117, 36]] } });
    expect(new TextDecoder().decode(noRoute)).not.toContain('<rte>');
    expect(ogr(noRoute, 'waypoints').count).toBe(3);
    expect(ogr(noRoute, 'routes').count).toBe(0);
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(xmlEscape('a<b>&"c"\u0001\u0007d')).toBe('a&lt;b&gt;&amp;&quot;c&quot;d');
    expect(new TextDecoder().decode(bytes)).toContain('<name>巡查任务 2026-12-01 &lt;东片&gt;</name><time>2026-12-01T00:30:00Z</time>');
  });
});

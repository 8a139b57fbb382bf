import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
// PROJ/GEOS/GeographicLib figures for the fixtures: scripts/make-survey-fixtures.py.
import oracle from '../../../tests/oracles/survey.json';
import { looksLikeBaopan, readBaopan, writeBaopan } from './baopan';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const pointsOf = (f: ReturnType<typeof readBaopan>, i: number) =>
  f.plots[i]?.rings.flatMap((r) => r.points.map((q) => ({ name: q.name, x: q.x, y: q.y })));

describe('建设用地报盘 coordinate file', () => {
  it.each(['baopan-gbk.txt', 'baopan-utf8.txt'])('reads %s: header zone, two plots, 圈号 2 as a second ring, rings closed on J1', (name) => {
    const f = readBaopan(name, fixtureBytes(`survey/${name}`));
    expect(f.encoding).toBe(name.includes('gbk') ? 'gbk' : 'utf-8');
    expect(f.declaredZone).toEqual({ width: 3, zone: 39 });
    expect(f.plots.map((p) => p.name)).toEqual(['地块一', '地块二']);
    expect(pointsOf(f, 0)).toEqual(oracle.baopan[0]?.points);
    expect(pointsOf(f, 1)).toEqual(oracle.baopan[1]?.points);
    expect(f.plots[0]?.rings.map((r) => [r.ringNo, r.points.length, r.closed])).toEqual([
      [1, 4, true],
      [2, 4, true],
    ]);
    expect(f.plots[0]?.declared).toEqual({ pointCount: 10, areaHectares: 2.0037, number: 'DK001', use: '建设用地' });
    expect(f.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('says a count that disagrees, a datum that is not CGCS2000, bad rows and rows without a plot line', () => {
    const text = [
      '坐标系=80西安坐标系',
      '带号=39',
      '几度分带=3',
      '5,1.0,1,甲,面,,,,@',
      'J1,1,3821200,39513000',
      'J2,1,3821200,39513100',
      'J3,1,bad,39513100',
      'J3,1,3821100,39513100',
      'J1,1,3821200,39513000',
    ].join('\r\n');
    const f = readBaopan('a.txt', enc(text));
    const codes = f.issues.map((i) => [i.code, i.params]);
    expect(codes).toContainEqual(['survey.baopanNotCgcs2000', { declared: '80西安坐标系' }]);
    expect(codes).toContainEqual(['survey.baopanCountMismatch', { plot: '甲', declared: 5, rows: 4 }]);
    expect(codes).toContainEqual(['survey.badLines', { count: 1, lines: '7' }]);
    const orphan = readBaopan('b.txt', enc('J1,1,3821200,39513000\nJ2,1,3821200,39513100\nJ3,1,3821100,39513100\n'));
    expect(orphan.plots).toHaveLength(1);
    expect(orphan.issues[0]).toMatchObject({ code: 'survey.baopanBadHeader', params: { line: 1 } });
    expect(readBaopan('c.txt', enc('[属性描述]\n带号=39\n')).issues.map((i) => i.code)).toEqual(['survey.baopanNoPlots']);
  });

  it('is told from CASS and CSV by its keys or its plot lines', () => {
    expect(looksLikeBaopan('[地块坐标]\n')).toBe(true);
    expect(looksLikeBaopan('4,0.1,1,a,面,,,,@\nJ1,1,1,2\n')).toBe(true);
    expect(looksLikeBaopan('1,,512000.000,3820000.000,1\n')).toBe(false);
  });

  it.each(['gbk', 'utf-8'] as const)('round-trips through the writer (%s): same plots, points, rings; Y prefixed; 公顷 to 4 decimals', (encoding) => {
    const first = readBaopan('baopan-gbk.txt', fixtureBytes('survey/baopan-gbk.txt'));
    const written = writeBaopan(
      first.plots.map((plot, i) => ({ plot, planarM2: oracle.baopan[i]?.planarM2 as number })),
      { zone: { width: 3, zone: 39 }, encoding, date: '2026-4-20' },
    );
    const again = readBaopan('again.txt', written.bytes);
    expect(again.encoding).toBe(encoding === 'gbk' ? 'gbk' : 'utf-8');
    expect(again.declaredZone).toEqual({ width: 3, zone: 39 });
    expect(again.plots.map((p) => [p.name, p.declared?.areaHectares, p.declared?.pointCount])).toEqual([
      ['地块一', 2.0037, 10],
      ['地块二', 1.6201, 6],
    ]);
    for (const i of [0, 1]) expect(pointsOf(again, i)).toEqual(pointsOf(first, i));
    expect(again.issues.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('adds the zone prefix to a Y written without it', () => {
    const plot = {
      name: '甲',
      rings: [
        {
          ringNo: 1,
          closed: true,
          points: [
            { name: 'J1', x: 3821200, y: 513000 },
            { name: 'J2', x: 3821200, y: 513100 },
            { name: 'J3', x: 3821100, y: 513100 },
          ],
        },
      ],
    };
    const text = new TextDecoder().decode(writeBaopan([{ plot, planarM2: 5000 }], { zone: { width: 3, zone: 39 }, encoding: 'utf-8' }).bytes);
    expect(text).toContain('4,0.5000,1,甲,面,,,,@\r\nJ1,1,3821200.000,39513000.000\r\n');
    expect(text.trimEnd().split('\r\n').pop()).toBe('J1,1,3821200.000,39513000.000');
  });
});

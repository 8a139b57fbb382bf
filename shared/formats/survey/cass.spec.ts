import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
// PROJ/GEOS/GeographicLib figures for the fixtures: scripts/make-survey-fixtures.py.
import oracle from '../../../tests/oracles/survey.json';
import { readCass, writeCass } from './cass';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const pointsOf = (f: ReturnType<typeof readCass>) =>
  f.plots.flatMap((p) => p.rings.flatMap((r) => r.points.map((q) => ({ name: q.name, x: q.x, y: q.y }))));

describe('CASS .dat', () => {
  it.each(['hexagon-utf8.dat', 'hexagon-gbk.dat'])('reads %s: Chinese names, Y before X decided and said, empty 编码 kept, ring closed', (name) => {
    const f = readCass(name, fixtureBytes(`survey/${name}`));
    expect(f.format).toBe('cass');
    expect(f.encoding).toBe(name.includes('gbk') ? 'gbk' : 'utf-8');
    expect(pointsOf(f)).toEqual(oracle.hexagon.points);
    const ring = f.plots[0]?.rings[0];
    expect(ring?.closed).toBe(true);
    expect(ring?.points[0]?.code).toBe('');
    expect(ring?.points[0]?.h).toBe(45.12);
    const codes = f.issues.map((i) => i.code);
    expect(codes).toContain('survey.columnsYX');
    expect(codes.includes('survey.encodingGbk')).toBe(name.includes('gbk'));
    expect(f.issues.find((i) => i.code === 'survey.columnsYX')?.params).toEqual({ points: 7 });
  });

  it('reads the blank-separated X-first variant, says the order, skips the comment and names the bad line', () => {
    const f = readCass('xfirst-blank.dat', fixtureBytes('survey/xfirst-blank.dat'));
    expect(pointsOf(f)).toEqual(oracle.xfirst.points);
    expect(f.plots[0]?.rings[0]?.closed).toBe(false);
    expect(f.issues.find((i) => i.code === 'survey.columnsXY')).toMatchObject({ severity: 'warning', params: { points: 6 } });
    expect(f.issues.find((i) => i.code === 'survey.badLines')).toMatchObject({ params: { count: 1, lines: '5' } });
  });

  it('decides each line by its magnitudes and falls back to the CASS order when they cannot tell', () => {
    const local = readCass('local.dat', enc('1,,100.000,200.000,1\n2,,150.000,200.000,1\n3,,150.000,260.000,1\n'));
    expect(local.issues.map((i) => i.code)).toContain('survey.columnsUndecided');
    expect(pointsOf(local)[0]).toEqual({ name: '1', x: 200, y: 100 });
    const mixed = readCass('mixed.dat', enc('1,,512000.000,3820000.000,\n2,,3820000.000,512100.000,\n3,,512100.000,3819900.000,\n'));
    expect(mixed.issues.find((i) => i.code === 'survey.columnsMixed')?.params).toEqual({ yx: 2, xy: 1 });
    expect(pointsOf(mixed).map((p) => [p.x, p.y])).toEqual([
      [3820000, 512000],
      [3820000, 512100],
      [3819900, 512100],
    ]);
  });

  it('reads the DOMAIN example line and a filled 编码 as CASS writes them', () => {
    const f = readCass(
      'd.dat',
      enc('1,,365760.368,2936912.007,1118.852\r\n2,JZD,365800.000,2936912.007,1118.9\r\n3,JZD,365800.000,2936950.000,1119\r\n'),
    );
    expect(f.plots[0]?.rings[0]?.points[0]).toEqual({ name: '1', code: '', x: 2936912.007, y: 365760.368, h: 1118.852, line: 1 });
    expect(f.plots[0]?.rings[0]?.points[1]).toMatchObject({ name: '2', code: 'JZD', x: 2936912.007, y: 365800 });
  });

  it('skips a header line, names it, and refuses a file with no point', () => {
    const f = readCass('h.dat', enc('点名,编码,东坐标,北坐标,高程\n1,,512000,3820000,1\n2,,512100,3820000,1\n3,,512100,3819900,1\n'));
    expect(f.issues[0]).toMatchObject({ code: 'survey.headerSkipped', params: { line: 1 } });
    expect(pointsOf(f)).toHaveLength(3);
    const none = readCass('none.dat', enc('hello\nworld\n'));
    expect(none.plots).toEqual([]);
    expect(none.issues.map((i) => [i.code, i.severity])).toContainEqual(['survey.noPoints', 'error']);
    expect(readCass('empty.dat', new Uint8Array()).issues[0]?.code).toBe('survey.empty');
  });

  it('splits a run that returns to its first point into rings', () => {
    const text = [
      'A1,,100000,1000000',
      'A2,,100100,1000000',
      'A3,,100100,1000100',
      'A1,,100000,1000000',
      'B1,,100020,1000020',
      'B2,,100050,1000020',
      'B3,,100050,1000050',
      'B1,,100020,1000020',
    ]
      .map((l) => l + ',')
      .join('\n');
    const f = readCass('rings.dat', enc(text));
    expect(f.plots[0]?.rings.map((r) => [r.ringNo, r.points.length, r.closed])).toEqual([
      [1, 3, true],
      [2, 3, true],
    ]);
    expect(f.issues.map((i) => i.code)).toContain('survey.severalRings');
  });

  it.each(['gbk', 'utf-8'] as const)('round-trips through the writer (%s): the same points, names and rings', (encoding) => {
    for (const name of ['hexagon-gbk.dat', 'xfirst-blank.dat']) {
      const first = readCass(name, fixtureBytes(`survey/${name}`));
      const written = writeCass(first.plots[0]!, { encoding });
      expect(written.unencodable).toBe(0);
      const again = readCass('again.dat', written.bytes);
      // ASCII names read the same in both: only Chinese names tell GBK from UTF-8.
      expect(again.encoding).toBe(encoding === 'gbk' && name.includes('gbk') ? 'gbk' : 'utf-8');
      expect(pointsOf(again)).toEqual(pointsOf(first));
      expect(again.plots[0]?.rings.map((r) => r.closed)).toEqual(first.plots[0]?.rings.map((r) => r.closed));
      expect(again.issues.map((i) => i.code)).toContain('survey.columnsYX'); // written in the CASS order, whatever was read
    }
  });

  it('writes GBK the runtime decodes back to the same names, and counts what GBK cannot hold', () => {
    const plot = { name: 'p', rings: [{ ringNo: 1, closed: false, points: [{ name: '界址点𠀀', x: 3820000, y: 39512000 }] }] };
    const w = writeCass(plot);
    expect(new TextDecoder('gbk').decode(w.bytes)).toBe('界址点?,,39512000.000,3820000.000,\r\n');
    expect(w.unencodable).toBe(1);
    expect([...w.bytes.slice(0, 2)]).toEqual([0xbd, 0xe7]); // GB2312 界 = 0xBDE7
  });
});

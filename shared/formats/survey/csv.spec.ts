import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
// PROJ/GEOS/GeographicLib figures for the fixtures: scripts/make-survey-fixtures.py.
import oracle from '../../../tests/oracles/survey.json';
import { applyMapping, parseDelimited, readCsv, suggestMapping } from './csv';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('CSV/TXT points', () => {
  it.each(['points-utf8.csv', 'points-gbk.csv'])('lists the columns of %s with samples and suggests name, X (north), Y (east), H', (name) => {
    const parsed = parseDelimited(fixtureBytes(`survey/${name}`));
    expect(parsed.encoding).toBe(name.includes('gbk') ? 'gbk' : 'utf-8');
    expect(parsed.hasHeader).toBe(true);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.columns.map((c) => c.header)).toEqual(['点号', 'X坐标', 'Y坐标', '高程']);
    expect(parsed.columns[0]?.samples.slice(0, 2)).toEqual(['界址点1', '界址点2']);
    const s = suggestMapping(parsed.columns);
    expect(s).toEqual({ ok: true, by: 'magnitude', mapping: { kind: 'gk', name: 0, x: 1, y: 2, h: 3 } });
    const f = readCsv(name, fixtureBytes(`survey/${name}`)).file;
    expect(f.plots[0]?.rings[0]?.points.map((p) => ({ name: p.name, x: p.x, y: p.y }))).toEqual(oracle.hexagon.points);
  });

  it('decides X and Y by magnitude even when the header says x/y the GIS way round', () => {
    const parsed = parseDelimited(enc('name;x;y\nA;512000.1;3820000.2\nB;512100.1;3820000.2\nC;512100.1;3819900.2\n'));
    expect(parsed.delimiter).toBe(';');
    const s = suggestMapping(parsed.columns);
    expect(s.ok && s.mapping).toEqual({ kind: 'gk', name: 0, x: 2, y: 1 });
  });

  it('reads headerless tab-separated rows, and lon/lat columns as a lon/lat mapping', () => {
    const parsed = parseDelimited(enc('1\t3820000.0\t39512000.0\n2\t3820000.0\t39512100.0\n3\t3819900.0\t39512100.0\n'));
    expect(parsed.hasHeader).toBe(false);
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.columns.map((c) => c.header)).toEqual([null, null, null]);
    const s = suggestMapping(parsed.columns);
    expect(s.ok && s.mapping).toEqual({ kind: 'gk', name: 0, x: 1, y: 2 });
    const ll = parseDelimited(enc('点名,经度,纬度\nA,117.1,34.5\nB,117.101,34.5\nC,117.101,34.501\n'));
    const m = suggestMapping(ll.columns);
    expect(m.ok && m.mapping).toEqual({ kind: 'lnglat', name: 0, x: 2, y: 1 });
    const f = applyMapping('ll.csv', ll, (m as { mapping: Parameters<typeof applyMapping>[2] }).mapping);
    expect(f.plots[0]?.rings[0]?.points[1]?.lngLat).toEqual([117.101, 34.5]);
  });

  it('applies a mapping the user chose, naming bad rows by line, and says when no two columns are coordinates', () => {
    const parsed = parseDelimited(enc('点号,北,东\nJ1,3820000,512000\nJ2,,512100\nJ3,3819900,512100\nJ4,3819900,512000\n'));
    const f = applyMapping('a.csv', parsed, { kind: 'gk', name: 0, x: 1, y: 2 });
    expect(f.plots[0]?.rings[0]?.points.map((p) => p.name)).toEqual(['J1', 'J3', 'J4']);
    expect(f.issues).toContainEqual({ code: 'survey.badLines', severity: 'warning', file: 'a.csv', params: { count: 1, lines: '3' } });
    const none = readCsv('n.csv', enc('a,b\nfoo,1\nbar,2\n'));
    expect(none.mapping).toBeNull();
    expect(none.file.issues[0]).toMatchObject({ code: 'survey.csvNoCoordinates', severity: 'error' });
  });

  it('keeps quoted fields with commas whole', () => {
    const parsed = parseDelimited(enc('点号,X,Y\n"J1, 北角",3820000,512000\nJ2,3820000,512100\nJ3,3819900,512100\n'));
    expect(parsed.columns[0]?.samples[0]).toBe('J1, 北角');
  });
});

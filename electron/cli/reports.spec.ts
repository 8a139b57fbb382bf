import { describe, expect, it } from 'vitest';
import { coverageTrackJson } from './reports';

describe('coverageTrackJson', () => {
  it('rounds metres to JSON_DIGITS and seconds to the millisecond, and writes UTC times', () => {
    const json = coverageTrackJson('a.gpx#2', {
      points: 3,
      lengthMetres: 1234.56789012,
      startMs: Date.UTC(2026, 3, 20, 0, 30),
      endMs: null,
      cells: [
        { id: 'WG-01', name: '杏园村-01', insideMetres: 399.9994960853, insideSeconds: 333.33325442, covered: true },
        { id: 'x', name: 'x', insideMetres: 1, insideSeconds: null, covered: false },
      ],
    });
    expect(json).toEqual({
      source: 'a.gpx#2',
      points: 3,
      lengthMetres: 1234.56789,
      start: '2026-04-20T00:30:00Z',
      end: null,
      cells: [
        { id: 'WG-01', name: '杏园村-01', insideMetres: 399.999496, insideSeconds: 333.333, covered: true },
        { id: 'x', name: 'x', insideMetres: 1, insideSeconds: null, covered: false },
      ],
    });
    expect(Object.keys(json)).toEqual(['source', 'points', 'lengthMetres', 'start', 'end', 'cells']);
  });
});

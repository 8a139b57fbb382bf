import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { geodesicLengthMetres, planarDistanceMetres, planarLengthMetres } from './length';

// Oracle: pyproj.Geod(ellps='GRS80').line_length (GeographicLib C), scripts/make-oracles.py.
const syn = JSON.parse(readFileSync('tests/oracles/area-synthetic.json', 'utf8')) as { lines: { coordinates: number[][]; geodesicM: number }[] };

it('geodesic lengths equal GeographicLib to 1 µm', () => {
  for (const l of syn.lines) expect(Math.abs(geodesicLengthMetres(l.coordinates) - l.geodesicM)).toBeLessThan(1e-6);
});
it('planar lengths', () => {
  expect(planarDistanceMetres([35500000, 3000000], [35500003, 3000004])).toBe(5);
  expect(
    planarLengthMetres([
      [0, 0],
      [3, 4],
      [3, 10],
    ]),
  ).toBe(11);
});

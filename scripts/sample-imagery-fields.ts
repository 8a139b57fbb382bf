/**
 * Prints the sample township's land-class parcels (shared/sample/township.ts) as lon/lat GeoJSON with each parcel's
 * colour in the synthetic image (R, G, B): make-sample-imagery.sh rasterizes them with GDAL.
 *
 * Run through make-sample-imagery.sh (esbuild bundles this file for node).
 */
import { writeFileSync } from 'node:fs';
import { makeSampleTownship } from '../shared/sample/township';

/** What a field of each 三调 class looks like from above, roughly (a few shades per class: fields differ). */
const COLOURS: Record<string, [number, number, number][]> = {
  '0101': [
    [86, 160, 92],
    [96, 170, 100],
  ], // 水田: green rice
  '0102': [
    [150, 190, 80],
    [140, 180, 70],
  ], // 水浇地: light green
  '0103': [
    [196, 170, 110],
    [186, 160, 100],
  ], // 旱地: bare soil / wheat stubble
  '0201': [[70, 120, 60]],
  '0301': [[34, 90, 40]],
  '0601': [[150, 160, 175]],
  '0702': [[180, 120, 100]],
  '1003': [[200, 200, 195]],
  '1101': [[60, 110, 190]],
  '1104': [[70, 140, 160]],
  '1202': [[235, 235, 230]],
};

const dltb = makeSampleTownship().find((l) => l.name.includes('DLTB'));
if (!dltb) throw new Error('the sample has no DLTB layer');
const features = dltb.features.map((f, i) => {
  const code = String(f.properties.DLBM);
  const shades = COLOURS[code] ?? [[128, 128, 128]];
  const [R, G, B] = shades[i % shades.length]!;
  return { type: 'Feature', properties: { DLBM: code, R, G, B }, geometry: f.geometry };
});
process.stdout.write(JSON.stringify({ type: 'FeatureCollection', features }));

/**
 * With `--points FILE`: also the centre (mean of the ring's corners, lon/lat) and image colour of one parcel of each
 * class, for the e2e check that the image lines up with the vector parcels (tests/e2e/imagery.spec.ts).
 */
const at = process.argv.indexOf('--points');
if (at > 0) {
  const points: Record<string, { lngLat: [number, number]; rgb: [number, number, number] }> = {};
  for (const f of features) {
    const code = f.properties.DLBM;
    if (points[code] || dltb.features[features.indexOf(f)]!.fid < 12) continue;
    const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0]!.slice(0, -1);
    points[code] = {
      lngLat: [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length],
      rgb: [f.properties.R, f.properties.G, f.properties.B],
    };
  }
  writeFileSync(process.argv[at + 1]!, `${JSON.stringify(points, null, 1)}\n`);
}

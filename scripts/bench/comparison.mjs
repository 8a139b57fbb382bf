/**
 * The comparison section of `npm run bench` (issue 11 item 2): one plot against five role layers — 50,000 permanent-
 * farmland polygons, 10,000 land-class cells, 64 planning zones, 400 approval and 200 supply plots — by our engine in
 * Node (scripts/bench/comparison-entry.ts: the code the app's comparison worker runs, bundled here with esbuild) and by
 * shapely 1.8.5 with STRtree doing the same intersections (scripts/bench/comparison-reference.py). Each of 20 plots is
 * compared once, on an index built once (its cost printed apart, as the worker pays it once per set of layers): the
 * median per plot is held to ≤ 100 ms, the ratio to the reference printed, and the figures of both must agree (1e-6).
 * Data: scripts/bench/make-comparison-data.py (PROJ) into bench/out/comparison once.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchComparison(root) {
  const dir = path.join(root, 'bench', 'out', 'comparison');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path.join(dir, 'plots.geojson'))) {
    console.log('Generating the comparison benchmark data with PROJ (50,000 farmland polygons, four more role layers, 20 plots) …');
    console.log(execFileSync('/usr/bin/python3', [path.join(root, 'scripts', 'bench', 'make-comparison-data.py'), dir], { encoding: 'utf8' }).trim());
  }
  const bundle = path.join(dir, 'comparison-bench.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'scripts', 'bench', 'comparison-entry.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  const ours = await (await import(pathToFileURL(bundle).href)).run(dir);
  const ref = JSON.parse(
    execFileSync('/usr/bin/python3', [path.join(root, 'scripts', 'bench', 'comparison-reference.py'), dir], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  );
  const keys = ['total', 'farmland', 'cultivated', 'planningForbidden', 'approval', 'supply', 'outsideAll'];
  const byId = new Map(ref.plots.map((p) => [p.id, p]));
  const disagree = ours.plots.filter((o) => {
    const r = byId.get(o.id);
    return !r || keys.some((k) => Math.abs(o[k] - r[k]) > 1e-6 * Math.max(1, r.total));
  });
  const oursMs = median(ours.plots.map((p) => p.ms));
  const warmMs = median(ours.plots.map((p) => p.warmMs));
  const refMs = median(ref.plots.map((p) => p.ms));
  const agree = disagree.length === 0 && ours.plots.length === ref.plots.length;
  console.log(
    `  ${ours.features.toLocaleString('en-US')} features in five layers; index built once: ours ${ours.indexMs.toFixed(0)} ms (read ${ours.readMs.toFixed(0)} ms), shapely STRtree ${ref.indexMs.toFixed(0)} ms (read ${ref.readMs.toFixed(0)} ms)`,
  );
  console.log(
    `  one plot against the five layers, each of ${ours.plots.length} plots once: ours median ${oursMs.toFixed(1)} ms (max ${Math.max(...ours.plots.map((p) => p.ms)).toFixed(1)}; the same plot again ${warmMs.toFixed(1)} ms) vs shapely ${refMs.toFixed(1)} ms → ${(oursMs / refMs).toFixed(2)} × — ` +
      `${agree ? 'the same figures as the reference (1e-6 of the plot)' : `DISAGREES with the reference on ${disagree.map((p) => p.id).join(', ')}`}`,
  );
  return [
    { name: 'comparison of one plot against five layers (ms, median of 20)', ours: oursMs, ref: refMs, refName: 'shapely', target: 100, absolute: true, pass: oursMs <= 100 && agree },
  ];
}

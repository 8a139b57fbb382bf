#!/usr/bin/env node
/**
 * Compliance for a year over 5,000 cells (issue 10 item 6's bench: ≤ 100 ms), split as the 巡查考核 view splits it:
 * in the compliance worker (renderer/features/compliance/compliance.worker.ts) the adapter, computeCompliance and the
 * summaries; on the UI thread (compliance-state.ts) the reply's copy, the adapter for names and boundaries, the
 * table's rows and the map's layers. Bundled by esbuild from the TypeScript sources and run in Node's V8 (the engine
 * Chromium and Electron use). scripts/bench/patrol.mjs (the lead's) times computeCompliance on a lighter year (811
 * patrols); this one is a busy county's.
 *
 * The county it judges (seeded, the same on every run): 10 townships × 10 villages × 50 cells = 5,000 cells, each
 * with the township-weekly, county-monthly and leader-quarterly defaults, one cell in ten a key area with the
 * key-area rule, and 50 stop-notice sites as patrol areas. A year of patrols (2026, judged as of 1 December): each
 * village's office patrols twice a week over half its cells (some weeks once), the brigade twice a month over a
 * township's cells, a leader once a quarter; deleted patrols mixed in. About 14,000 patrols and 200,000 patrol–cell
 * links — a busy county's year.
 *
 *   node scripts/bench/compliance.mjs [--runs N]   prints JSON; exits 1 when a median misses 100 ms
 *   import { benchCompliance } from './bench/compliance.mjs'  (for scripts/bench.mjs: returns the same object)
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const COMPLIANCE_TARGET_MS = 100;

const ENTRY = `
export { computeCompliance } from './shared/domain/patrol/compliance';
export { DEFAULT_RULES } from './shared/domain/patrol/rule';
export { createGridArea } from './shared/domain/grid/area-record';
export { complianceAreasOf, complianceRows, complianceMapData, lastPatrolDays, officerRolesOf, statusCounts, summarizeCompliance } from './renderer/features/compliance/compliance.logic';
`;

async function load() {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'compliance-bench-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** A small seeded generator (mulberry32): the same county on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const square = (x, y, s) => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

export function makeCounty(m, { townships = 10, villages = 10, cells = 50 } = {}) {
  const rand = rng(20261201);
  const edit = { at: Date.UTC(2026, 0, 1), by: 'bench' };
  const mk = (init) => {
    const r = m.createGridArea(init, edit);
    if (!r.ok) throw new Error(`${init.id}: ${r.reason}`);
    return r.value;
  };
  const [weekly, monthly, quarterly, keyRule, stopRule] = m.DEFAULT_RULES.map((r) => r.id);
  const grid = [mk({ id: 'K', level: 'county', name: '县', people: [{ name: '局长', role: '负责人', lawEnforcementCertNo: 'L1', phone: '' }, { name: '队员', role: '执法监察员', lawEnforcementCertNo: 'C1', phone: '' }] })];
  const cellIds = [];
  const byVillage = [];
  const byTownship = [];
  for (let t = 0; t < townships; t++) {
    const tid = `T${t}`;
    grid.push(mk({ id: tid, level: 'township', name: `镇${t}`, parentId: 'K', people: [{ name: `所员${t}`, role: '网格员', lawEnforcementCertNo: `T${t}`, phone: '' }] }));
    const townCells = [];
    for (let v = 0; v < villages; v++) {
      const vid = `${tid}V${v}`;
      grid.push(mk({ id: vid, level: 'village', name: `村${t}-${v}`, parentId: tid }));
      const vc = [];
      for (let c = 0; c < cells; c++) {
        const id = `${vid}C${c}`;
        const key = rand() < 0.1;
        const x = 117 + (t * villages + v) * 0.02 + (c % 10) * 0.002;
        const y = 34 + Math.floor(c / 10) * 0.002;
        grid.push(mk({ id, level: 'cell', name: `村${t}-${v}-${c}`, parentId: vid, geometry: square(x, y, 0.002), ruleIds: key ? [weekly, monthly, quarterly, keyRule] : [weekly, monthly, quarterly], keyArea: key ? { kind: '工业集中区' } : null }));
        vc.push(id);
        cellIds.push(id);
      }
      byVillage.push({ t, cells: vc });
      townCells.push(...vc);
    }
    byTownship.push(townCells);
  }
  const patrolAreas = [];
  for (let i = 0; i < 50; i++) {
    const month = 1 + Math.floor(rand() * 11);
    patrolAreas.push({ id: `S${i}`, name: `停工现场${i}`, kind: 'stopNoticeSite', parentId: byVillage[i % byVillage.length].cells[0].replace(/C\d+$/, ''), ruleIds: [stopRule], stopNotice: { noticeDate: `2026-${String(month).padStart(2, '0')}-10`, closedDate: rand() < 0.4 ? `2026-${String(month + 1).padStart(2, '0')}-20` : null } });
  }
  const patrols = [];
  const DAY = 86_400_000;
  const jan1 = Date.UTC(2026, 0, 1) - 8 * 3_600_000; // 00:00 China time
  const pick = (list, n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(list[Math.floor(rand() * list.length)]);
    return out;
  };
  for (let day = 0; day < 335; day++) {
    const at = jan1 + day * DAY + 9 * 3_600_000;
    for (const v of byVillage)
      if (rand() < 0.27) patrols.push({ startedAt: at + rand() * 8 * 3_600_000, areaIds: [...new Set(pick(v.cells, 25))], officers: [{ name: `所员${v.t}`, certNo: `T${v.t}` }], deletedAt: rand() < 0.02 ? at : null });
    byTownship.forEach((cellsOfTown, t) => {
      if (rand() < 0.08) patrols.push({ startedAt: at, areaIds: [...new Set(pick(cellsOfTown, 60)), `S${t}`], officers: [{ name: '队员', certNo: 'C1' }], deletedAt: null });
      if (rand() < 0.012) patrols.push({ startedAt: at, areaIds: pick(cellsOfTown, 30), officers: [{ name: '局长', certNo: 'L1' }], deletedAt: null });
    });
    for (let s = 0; s < 50; s++) if (rand() < 0.3) patrols.push({ startedAt: at, areaIds: [`S${s}`], officers: [{ name: '所员0', certNo: '' }], deletedAt: null });
  }
  return { grid, patrolAreas, patrols, cells: cellIds.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCompliance({ runs = 9 } = {}) {
  const m = await load();
  const county = makeCounty(m);
  const input = () => {
    const source = m.complianceAreasOf(county.grid, county.patrolAreas);
    return { input: { from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-01', areas: source.areas, rules: m.DEFAULT_RULES, patrols: county.patrols, roleOf: m.officerRolesOf(county.grid) } };
  };
  const compute = [];
  const worker = [];
  const ui = [];
  let last = null;
  for (let i = 0; i < runs + 2; i++) {
    // In the worker: the adapter, computeCompliance, the summaries.
    const t0 = performance.now();
    const { input: inp } = input();
    const t1 = performance.now();
    // As the compliance worker calls it: the rules' sums and statuses, no per-window lists.
    const results = m.computeCompliance({ ...inp, windows: false });
    const t2 = performance.now();
    const summaries = m.summarizeCompliance(results);
    const t3 = performance.now();
    // The reply's copy (structuredClone does both halves, the worker's and the UI's: an upper bound for the UI),
    // then on the UI thread: the adapter for names and boundaries, the table's rows, the map's layers.
    const copy = structuredClone(summaries);
    const source = m.complianceAreasOf(county.grid, county.patrolAreas);
    m.complianceRows(copy, source.meta, m.lastPatrolDays(county.patrols, '2026-12-01'), '2026-12-01');
    m.complianceMapData(copy, source.meta);
    const t4 = performance.now();
    if (i >= 2) {
      compute.push(t2 - t1);
      worker.push(t3 - t0);
      ui.push(t4 - t3);
    }
    last = results;
  }
  const links = county.patrols.reduce((n, p) => n + p.areaIds.length, 0);
  return {
    cells: county.cells,
    areas: last.length,
    patrols: county.patrols.length,
    patrolAreaLinks: links,
    runs,
    computeComplianceMs: { median: +median(compute).toFixed(1), min: +Math.min(...compute).toFixed(1), max: +Math.max(...compute).toFixed(1) },
    workerMs: { median: +median(worker).toFixed(1), min: +Math.min(...worker).toFixed(1) },
    uiThreadMs: { median: +median(ui).toFixed(1), min: +Math.min(...ui).toFixed(1), max: +Math.max(...ui).toFixed(1) },
    statusCounts: m.statusCounts(last),
    targetMs: COMPLIANCE_TARGET_MS,
    // The target is the computation's (issue 10); it runs in the compliance worker, and what the UI thread does per
    // change (uiThreadMs) is checked against the same 100 ms.
    ok: median(compute) <= COMPLIANCE_TARGET_MS && median(ui) <= COMPLIANCE_TARGET_MS,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--runs');
  const r = await benchCompliance({ runs: at >= 0 ? Math.max(1, Number(process.argv[at + 1]) || 9) : 9 });
  console.log(JSON.stringify(r, null, 2));
  process.exit(r.ok ? 0 : 1);
}

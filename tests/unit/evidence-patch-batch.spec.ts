/**
 * The layer batch's pure part: the source choice, which patches get a record's set and which a patch set, folder
 * names, skipping; and a patch set's content checked against independent references: the comparison oracle's plots
 * (tests/oracles/comparison.json, GEOS via shapely) taken as 卫片图斑 without a record, compared here by the same engine
 * the comparison worker runs, laid out as the patch set's map sheet; its 界址点 against PROJ's GK coordinates ordered
 * by the DOMAIN rule (tests/oracles/patch-batch.json, scripts/make-patch-batch-oracle.py), its 面积表 against GEOS's
 * figures.
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { oracleComparison } from '../support/comparison-oracle';
import { loadGeometryEngine } from '../../shared/domain/geometry/engine/load';
import { DEFAULT_PLANNING_VERDICTS, type ComparisonRole } from '../../shared/domain/inspection/comparison';
import { compareWithIndex } from '../../shared/domain/inspection/comparison-run';
import { DEFAULT_SHEET_SETTINGS } from '../../shared/domain/evidence/template';
import { buildManifest, manifestLabelsOf, manifestText } from '../../shared/domain/evidence/manifest';
import { paperLabelsFrom } from '../../shared/domain/evidence/paper-labels';
import type { Sheet } from '../../shared/domain/evidence/sheet-model';
import type { MapSheetContent } from '../../shared/domain/evidence/inputs';
import type { GkZoneRef } from '../../shared/domain/units/area';
import { evidencePapersZhCN } from '../../renderer/i18n/evidence-papers.zh-CN';
import { patchNoOf } from '../../renderer/features/inspection/start.logic';
import { mapSheets, planSheet, recordAreaRows } from '../../renderer/features/evidence/layout';
import {
  initialSource,
  outputChoices,
  patchLabel,
  patchLayerChoices,
  patchManifestMeta,
  patchPlot,
  patchPoints,
  patchSheetRecord,
  planCounts,
  planPatchBatch,
  recordOfPatch,
  sourceOfValue,
  sourceValue,
  splitEntryPath,
  withUninspectedNote,
  writeFolder,
  type FolderLike,
  type PatchInput,
} from '../../renderer/features/evidence/patch-batch.logic';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [117, 35],
      [117.001, 35],
      [117.001, 35.001],
      [117, 35.001],
      [117, 35],
    ],
  ],
};
const patch = (fid: number, jcbh: string | null, geometry: Polygon | null = square): PatchInput => ({
  fid,
  geometry,
  zone: null,
  properties: jcbh === null ? { XZQMC: '东村' } : { JCBH: jcbh, XZQMC: '东村' },
});
const rec = (id: string, taskNo: string, submittedAt: number | null, updatedAt: number) => ({ id, taskNo, submittedAt, updatedAt });

describe('the source', () => {
  const layers = [
    { id: 'a', name: '卫片图斑2026', kind: 'changePatch' as const, meta: { geometryKind: 'polygon', featureCount: 300 } },
    { id: 'b', name: '地类图斑', kind: 'landClass' as const, meta: { geometryKind: 'polygon', featureCount: 9 } },
    { id: 'c', name: '卫片点位', kind: 'changePatch' as const, meta: { geometryKind: 'point', featureCount: 4 } },
    { id: 'd', name: '卫片图斑2025', kind: 'changePatch' as const, meta: { geometryKind: 'polygon', featureCount: 12 } },
  ];
  it('offers every 卫片图斑 polygon layer, in the list’s order, with its count', () => {
    expect(patchLayerChoices(layers)).toEqual([
      { id: 'a', name: '卫片图斑2026', count: 300 },
      { id: 'd', name: '卫片图斑2025', count: 12 },
    ]);
  });
  it('starts on the layer it was opened for, else the records when there are any, else the first layer', () => {
    const choices = patchLayerChoices(layers);
    expect(initialSource('d', choices, 5)).toEqual({ kind: 'layer', layerId: 'd' });
    expect(initialSource('gone', choices, 5)).toEqual({ kind: 'records' });
    expect(initialSource(null, choices, 0)).toEqual({ kind: 'layer', layerId: 'a' });
    expect(initialSource(null, [], 0)).toEqual({ kind: 'records' });
  });
  it('round-trips through the radio group’s value', () => {
    for (const s of [{ kind: 'records' as const }, { kind: 'layer' as const, layerId: 'layer:with:colons' }])
      expect(sourceOfValue(sourceValue(s))).toEqual(s);
  });
  it('offers a folder only with a folder picker', () => {
    expect(outputChoices(true)).toEqual(['zip', 'folder']);
    expect(outputChoices(false)).toEqual(['zip']);
  });
});

describe('the plan', () => {
  it('gives a patch whose JCBH is a record’s 任务编号 that record; the submitted one, then the one changed last', () => {
    const byTask = new Map([['WP1', [rec('r1', 'WP1', null, 50), rec('r2', 'WP1', 10, 20), rec('r3', 'WP1', 11, 30)]]]);
    expect(recordOfPatch('WP1', byTask)?.id).toBe('r3');
    expect(recordOfPatch('WP2', byTask)).toBeNull();
    expect(recordOfPatch('', new Map([['', [rec('x', '', null, 1)]]]))).toBeNull();
  });

  it('names folders by JCBH, unique and safe; a patch without one by its feature id; skips a patch without a boundary', () => {
    const patches = [
      patch(0, 'WP2026001'),
      patch(1, 'WP2026002'),
      patch(2, 'WP2026001'),
      patch(3, null),
      patch(4, 'WP/9:*'),
      patch(5, 'WP2026005', null),
    ];
    const records = [rec('r1', ' WP2026002 ', 5, 5), rec('r9', 'WP-other', 5, 5)];
    const items = planPatchBatch(patches, records, patchNoOf);
    expect(items.map((i) => i.kind)).toEqual(['patch', 'record', 'patch', 'patch', 'patch', 'skip']);
    expect(items.map((i) => i.label)).toEqual(['WP2026001', 'WP2026002', 'WP2026001', '#3', 'WP/9:*', 'WP2026005']);
    const folders = items.map((i) => (i.kind === 'skip' ? null : i.folder));
    expect(folders.slice(0, 4)).toEqual(['WP2026001', 'WP2026002', 'WP2026001 (2)', '图斑-3']);
    expect(folders[4]).not.toMatch(/[/\\:*?"<>|]/);
    expect(folders[5]).toBeNull();
    const r = items[1]!;
    expect(r.kind === 'record' && r.record.id).toBe('r1');
    expect(items[5]!.kind === 'skip' && items[5]!.reason).toBe('noGeometry');
    expect(planCounts(items)).toEqual({ total: 6, records: 1, patches: 4, skipped: 1 });
  });

  it('labels a patch as the 一览表 does', () => {
    expect(patchLabel('WP7', 3)).toBe('WP7');
    expect(patchLabel('', 3)).toBe('#3');
  });

  it('splits an entry path into its folders, never leaving the chosen folder', () => {
    expect(splitEntryPath('WP001/照片原件/a.jpg')).toEqual([['WP001', '照片原件'], 'a.jpg']);
    expect(splitEntryPath('跳过.txt')).toEqual([[], '跳过.txt']);
    expect(splitEntryPath('../x/./b.txt')).toEqual([['x'], 'b.txt']);
  });
});

// ── a patch set against GEOS and PROJ ──────────────────────────────────────────────────────────────────────────────

type Fig = { planarM2: number; ellipsoidalM2: number; mu: number };
interface ComparisonOracle {
  zone: GkZoneRef;
  layers: { role: ComparisonRole; groupField: string | null; features: { geometry: Polygon['coordinates']; group: string | null }[] }[];
  plots: { id: string; type: 'Polygon' | 'MultiPolygon'; geometry: unknown; blocks: { total: Fig; farmland: { inside: Fig } } }[];
  bowtie: Polygon['coordinates'];
}
interface PointsOracle {
  plots: { id: string; points: { name: string; ring: number; x: string; y: string; side: string }[] }[];
}
const oracle = JSON.parse(readFileSync(new URL('../oracles/comparison.json', import.meta.url), 'utf8')) as ComparisonOracle;
const pointsOracle = JSON.parse(readFileSync(new URL('../oracles/patch-batch.json', import.meta.url), 'utf8')) as PointsOracle;
const engine = await loadGeometryEngine();
const { roleLayers, index } = oracleComparison(engine, oracle.layers);
const NOTE = '未核查（无核查记录）：本图据卫片图斑生成。';

/** Every string a sheet prints: its text marks and its tables' titles and cells. */
const textsOf = (sheets: readonly Sheet[]): string[] =>
  sheets.flatMap((s) =>
    s.marks.flatMap((m) => (m.kind === 'text' ? [m.text] : m.kind === 'table' ? [...m.columns.map((c) => c.title), ...m.rows.flat()] : [])),
  );
const tableRows = (sheets: readonly Sheet[]): string[][] =>
  sheets.flatMap((s) => s.marks.flatMap((m) => (m.kind === 'table' ? m.rows.map((r) => [...r]) : [])));
const grouped = (v: number, digits: number) => {
  const [i, f] = v.toFixed(digits).split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
};

describe.each(oracle.plots.map((p, k) => [p.id, p, k] as const))('the patch set of plot “%s”', (id, p, k) => {
  const geometry = { type: p.type, coordinates: p.geometry } as Polygon | MultiPolygon;
  const items = planPatchBatch([{ fid: k, geometry, zone: oracle.zone, properties: { JCBH: `WP-${id}`, XZQMC: '试验村' } }], [], patchNoOf);
  const item = items[0]!;
  const plot = patchPlot(item.patch)!;
  const points = patchPoints(plot);
  const out = compareWithIndex(index, engine, { geometry, zone: oracle.zone, layers: roleLayers, verdicts: DEFAULT_PLANNING_VERDICTS, ranAt: 1 });
  if (!out.ok) throw new Error(`refused: ${out.refusal.reason}`);
  const planned = planSheet({ ...DEFAULT_SHEET_SETTINGS, scale: 'fit', title: '卫片图斑示意图' }, plot);
  if (!planned.ok) throw new Error(`no plan: ${planned.reason}`);
  const content: MapSheetContent = {
    record: patchSheetRecord(item.label, item.patch.properties),
    titleBlock: { office: '某镇自然资源所', mapper: '', checker: '', date: '2026-12-02' },
    plot,
    points,
    areas: recordAreaRows(out.stored),
    layers: [],
    imagery: null,
    convergenceDeg: 0,
  };
  const sheets = withUninspectedNote(mapSheets(planned.plan, content), NOTE);
  const texts = textsOf(sheets);
  const rows = tableRows(sheets);

  it('is a patch set: its JCBH as 任务编号, no record number, the village from the patch, no 笔录 or 通知书', () => {
    expect(item.kind).toBe('patch');
    expect(texts).toContain('卫片图斑示意图');
    expect(texts.some((t) => t.includes(`任务编号：WP-${id}`))).toBe(true);
    expect(texts.some((t) => t.startsWith('编号：'))).toBe(false);
    expect(texts.some((t) => t.includes('试验村'))).toBe(true);
    expect(sheets.every((s) => s.role === 'map' || s.role === 'table')).toBe(true);
  });

  it('says on every page that it is not inspected', () => {
    for (const s of sheets) expect(s.marks.some((m) => m.kind === 'text' && m.text === NOTE && m.color === '#c00000')).toBe(true);
  });

  it('numbers its points J1… clockwise from the north-west vertex, X/Y to 0.001 m and 边长 to 0.01 m as PROJ puts them', () => {
    const want = pointsOracle.plots.find((o) => o.id === id)!.points;
    expect(points.map((q) => [q.name, q.ring, q.x.toFixed(3), q.y.toFixed(3), q.sideMetres.toFixed(2)])).toEqual(
      want.map((w) => [w.name, w.ring, w.x, w.y, w.side]),
    );
    for (const w of want) expect(rows.some((r) => r[0] === w.name && r[1] === w.x && r[2] === w.y)).toBe(true);
  });

  it('prints the total and 其中永久基本农田 as GEOS’s figures, to the printed digits', () => {
    const b = p.blocks;
    const total = rows.find((r) => r[1] === '高斯平面面积')!;
    expect(total[2]).toBe(grouped(b.total.planarM2, 2));
    expect(total[3]).toBe(grouped(b.total.planarM2 * 0.0015, 4));
    const ell = rows.find((r) => r[1] === '椭球面积（CGCS2000）')!;
    expect(ell[2]).toBe(grouped(b.total.ellipsoidalM2, 2));
    const farm = rows.find((r) => r[1]?.trim() === '其中永久基本农田');
    if (b.farmland.inside.planarM2 >= 0.005)
      expect(Math.abs(Number(farm![2]!.replace(/,/g, '')) - b.farmland.inside.planarM2)).toBeLessThanOrEqual(0.01 + 1e-9);
  });
});

describe('a patch that cannot be exported', () => {
  it('the comparison refuses a self-crossing boundary by name (its 跳过.txt reason)', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: oracle.bowtie };
    const out = compareWithIndex(index, engine, {
      geometry: bowtie,
      zone: oracle.zone,
      layers: roleLayers,
      verdicts: DEFAULT_PLANNING_VERDICTS,
      ranAt: 1,
    });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.refusal.reason).toBe('selfIntersection');
  });
  it('a patch too large for 1:10,000 on A4 is refused by the plan', () => {
    // 3 km × 3 km: 300 mm at 1:10,000, wider than an A4 frame.
    const big: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [117, 35],
          [117.033, 35],
          [117.033, 35.027],
          [117, 35.027],
          [117, 35],
        ],
      ],
    };
    const plot = patchPlot({ geometry: big, zone: null })!;
    expect(planSheet({ ...DEFAULT_SHEET_SETTINGS, scale: 'fit' }, plot)).toEqual({ ok: false, reason: 'doesNotFit', scale: 10000 });
  });
  it('no boundary: patchPlot has none', () => {
    expect(patchPlot({ geometry: null, zone: null })).toBeNull();
  });
});

describe('the patch set’s manifest', () => {
  const files = [{ path: 'WP1-示意图.png', category: '证据图（PNG）' as const, format: 'PNG' as const, bytes: new Uint8Array([1, 2, 3]) }];
  const meta = patchManifestMeta('WP1', { id: 'L9', name: '卫片图斑2026' }, 4);
  it('has no chain head and says what the set is', () => {
    const built = buildManifest({
      files,
      record: { id: meta.recordId, number: meta.recordNumber, chainHead: '' },
      subject: meta.subject,
      appVersion: '1',
      createdAt: 0,
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.manifest.subject).toEqual({ kind: 'patch', patchNo: 'WP1', layerName: '卫片图斑2026', fid: 4 });
    expect(built.manifest.record).toEqual({ id: 'patch:L9:4', number: '', chainHead: '' });
    const text = manifestText(built.manifest, manifestLabelsOf(paperLabelsFrom(evidencePapersZhCN)));
    expect(text).toContain('证据集：卫片图斑 WP1（图层“卫片图斑2026”，要素 4）—— 未核查（无核查记录）');
    expect(text).toContain('记录历史链末项哈希：无（该图斑没有核查记录）');
    expect(text).not.toContain('核查记录编号：');
  });
  it('a record’s set still needs its chain head', () => {
    expect(buildManifest({ files, record: { id: 'r', number: 'N', chainHead: '' }, appVersion: '1', createdAt: 0 })).toEqual({
      ok: false,
      reason: 'badChainHead',
    });
  });
});

/** An in-memory folder (the File System Access API's shape writeFolder uses): path → bytes. */
function memoryFolder(files: Map<string, Uint8Array>, at = '', failOn?: string): FolderLike {
  return {
    getDirectoryHandle: async (name) => memoryFolder(files, `${at}${name}/`, failOn),
    getFileHandle: async (name) => ({
      createWritable: async () => ({
        write: async (b) => {
          if (`${at}${name}` === failOn) throw new Error('disk full');
          files.set(`${at}${name}`, new Uint8Array(b));
        },
        close: async () => undefined,
      }),
    }),
    removeEntry: async (name) => {
      for (const k of [...files.keys()]) if (k.startsWith(`${at}${name}/`)) files.delete(k);
    },
  };
}

describe('writing the batch into a chosen folder', () => {
  const entries = [
    { path: 'WP1/WP1-示意图.png', bytes: new Uint8Array([1]) },
    { path: 'WP1/照片原件/a.jpg', bytes: new Uint8Array([2]) },
    { path: '跳过.txt', bytes: new Uint8Array([3]) },
  ];
  it('writes every entry under the batch’s sub-folder', async () => {
    const files = new Map<string, Uint8Array>();
    await writeFolder(memoryFolder(files), '证据-图层', entries, () => undefined);
    expect([...files.keys()]).toEqual(['证据-图层/WP1/WP1-示意图.png', '证据-图层/WP1/照片原件/a.jpg', '证据-图层/跳过.txt']);
  });
  it('a failure or a cancel half-way leaves the chosen folder as it was', async () => {
    const files = new Map<string, Uint8Array>([['mine.txt', new Uint8Array([9])]]);
    await expect(writeFolder(memoryFolder(files, '', '证据-图层/跳过.txt'), '证据-图层', entries, () => undefined)).rejects.toThrow('disk full');
    expect([...files.keys()]).toEqual(['mine.txt']);
    let n = 0;
    const cancelOnSecond = () => {
      if (++n === 2) throw new Error('cancelled');
    };
    await expect(writeFolder(memoryFolder(files), '证据-图层', entries, cancelOnSecond)).rejects.toThrow('cancelled');
    expect([...files.keys()]).toEqual(['mine.txt']);
  });
});

describe('where a patch set says the patch lies', () => {
  it('prints the township and village a record started from the patch would get, else the patch’s own XZQMC', () => {
    const props = { JCBH: 'WP2026003', XZQMC: '柳河村 ' };
    expect(patchSheetRecord('WP2026003', props, { township: '石桥镇', village: '柳河村' })).toEqual({
      number: '',
      taskNo: 'WP2026003',
      caseNo: '',
      township: '石桥镇',
      village: '柳河村',
      place: '',
    });
    // Nothing located (no grid, no boundary layer under it): the patch's own name, and no township is invented.
    expect(patchSheetRecord('WP2026003', props, { township: '', village: '' })).toMatchObject({ township: '', village: '柳河村' });
    expect(patchSheetRecord('WP2026003', { ZLDWMC: '杏园村' })).toMatchObject({ township: '', village: '杏园村' });
    // A located village wins over the attribute (the grid is the office's own word for where the plot is).
    expect(patchSheetRecord('WP2026003', props, { township: '石桥镇', village: '柳河村二组' })).toMatchObject({ village: '柳河村二组' });
  });
});

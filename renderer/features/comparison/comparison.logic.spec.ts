/**
 * The printed 套合 blocks and the 一览表 on the sample township (its five role layers guessed from their kinds): every
 * block's printed figures add up to the printed total to the last digit in each column; 其中 rows add up within their
 * class; the 一览表's 三大类 columns with 三调图层外 add up to each patch's 亩; refusals and staleness said in words.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { OverlayIndex, groupValueOf } from '../../../shared/domain/geometry/overlay';
import { guessComparisonRoles } from '../../../shared/domain/inspection/comparison-roles';
import { compareWithIndex, overlayLayersOf, type RoleLayer, type StoredComparison } from '../../../shared/domain/inspection/comparison-run';
import { guessLayerKind } from '../../../shared/domain/layers/kind';
import { makeSampleTownship } from '../../../shared/sample/township';
import { translate } from '../../i18n/i18n.logic';
import { comparisonBlocks, refusalText, stalenessText } from './comparison.logic';
import { inspectionsByTask, summaryWorkbook } from './summary-table.logic';

const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
const engine = await loadGeometryEngine();
const sample = makeSampleTownship();
const roles = guessComparisonRoles(
  sample.map((l) => ({ id: l.name, name: l.name, kind: guessLayerKind(l.name, l.fields), fieldNames: l.fields.map((f) => f.name) })),
);
const layers: RoleLayer[] = roles.roles.map((a) => ({
  assignment: a,
  dataVersion: 1,
  features: sample
    .find((l) => l.name === a.layerId)!
    .features.map((f) => ({
      geometryLngLat: f.geometry as Polygon | MultiPolygon,
      group: a.groupField ? groupValueOf(f.properties[a.groupField]) : null,
      fid: f.fid,
    })),
}));
const index = new OverlayIndex(engine, overlayLayersOf(layers));
const patches = sample.find((l) => l.name === '卫片图斑WPTB')!.features;
const outcomes = patches.map((f) =>
  compareWithIndex(
    index,
    engine,
    { geometry: f.geometry as Polygon, zone: f.area!.zone, layers, verdicts: roles.verdicts, ranAt: 0 },
    String(f.properties.JCBH),
  ),
);
const units = (v: number, d: number) => Math.round(v * 10 ** d);

describe('the sample township’s roles, guessed from its layers', () => {
  it('every role has its layer: 报批 and 供地 by their document numbers', () => {
    expect(roles.roles.map((r) => [r.role, r.layerId, r.groupField])).toEqual([
      ['farmland', '永久基本农田YJJBNTTB', null],
      ['landClass', '地类图斑DLTB', 'DLBM'],
      ['planning', '国土空间规划分区GHFQ', 'GHFQMC'],
      ['approval', '报批地块BPDK', 'PZWH'],
      ['supply', '供地地块GDDK', 'GDBH'],
    ]);
  });
});

describe.each(outcomes.map((o, i) => [String(patches[i]!.properties.JCBH), o] as const))('printed blocks of %s', (_no, o) => {
  const stored = (o as { stored: StoredComparison }).stored;
  const blocks = comparisonBlocks(stored, t);
  const total = blocks.find((b) => b.id === 'total')!.rows[0]!.figures;

  it('every block adds up to the printed total in m², 亩 and ellipsoidal m²', () => {
    expect(o.ok).toBe(true);
    expect(blocks.map((b) => b.id)).toEqual(['total', 'farmland', 'landClass', 'three', 'planning', 'approval', 'supply', 'outside']);
    for (const b of blocks) {
      const top = b.rows.filter((r) => !r.sub);
      expect(
        top.reduce((s, r) => s + units(r.figures.planarM2, 2), 0),
        `${b.id} m²`,
      ).toBe(units(total.planarM2, 2));
      expect(
        top.reduce((s, r) => s + units(r.figures.mu, 4), 0),
        `${b.id} 亩`,
      ).toBe(units(total.mu, 4));
      expect(
        top.reduce((s, r) => s + units(r.figures.ellipsoidalM2, 2), 0),
        `${b.id} ellipsoidal`,
      ).toBe(units(total.ellipsoidalM2, 2));
      for (const r of b.rows) expect(r.figures.planarM2).toBeGreaterThanOrEqual(0);
    }
  });

  it('其中 rows add up within their class (耕地 = 水田 + 水浇地 + 旱地)', () => {
    const lc = blocks.find((b) => b.id === 'landClass')!;
    const i = lc.rows.findIndex((r) => r.key === 'l1:01');
    if (i < 0) return expect(stored.summary.landClass!.cultivated.planarM2).toBe(0);
    const subs = [];
    for (let k = i + 1; k < lc.rows.length && lc.rows[k]!.sub; k++) subs.push(lc.rows[k]!);
    expect(subs.map((r) => r.key).every((k) => /^d:010[123]$/.test(k))).toBe(true);
    expect(subs.reduce((s, r) => s + units(r.figures.mu, 4), 0)).toBe(units(lc.rows[i]!.figures.mu, 4));
  });
});

describe('what the sample shows', () => {
  const by = (no: string) => (outcomes[patches.findIndex((f) => f.properties.JCBH === no)] as { stored: StoredComparison }).stored;
  it('WP2026003 lies in an approval batch and a supply plot, named by their numbers', () => {
    const s = by('WP2026003');
    expect(s.documents.approval.map((d) => d.doc)).toEqual(['鲁政土字〔2025〕38号']);
    expect(s.documents.supply.map((d) => d.doc)).toEqual(['GD3703002025008']);
    expect(s.summary.supply!.inside.planarM2).toBeGreaterThan(0);
    expect(s.summary.supply!.inside.planarM2).toBeLessThan(s.summary.approval!.inside.planarM2);
  });
  it('WP2026001 lies over an orchard and cultivated land: 其中耕地 is only part of 农用地, printed and in the 一览表', () => {
    const s = by('WP2026001');
    const lc = s.summary.landClass!;
    expect(lc.level1.map((l) => l.code)).toEqual(['01', '02', '10']);
    expect(lc.cultivated.planarM2).toBeLessThan(lc.three.agricultural.planarM2 - 1000);
    const three = comparisonBlocks(s, t).find((b) => b.id === 'three')!;
    const agri = three.rows.find((r) => r.key === 'agricultural')!.figures;
    const cult = three.rows.find((r) => r.key === 'cultivated')!.figures;
    expect(Math.abs(cult.planarM2 - lc.cultivated.planarM2)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(agri.planarM2 - cult.planarM2 - (lc.three.agricultural.planarM2 - lc.cultivated.planarM2))).toBeLessThanOrEqual(0.011);
    const book = summaryWorkbook(
      [{ patchNo: 'WP2026001', outcome: outcomes[0]!, inspection: null }],
      { layerName: '', office: '', created: new Date(0) },
      t,
    );
    const head = book.sheets[0]!.columns.map((c) => c.header);
    const row = book.sheets[0]!.rows[0]!;
    expect(Math.abs((row[head.indexOf('其中耕地（亩）')] as number) - lc.cultivated.mu)).toBeLessThanOrEqual(0.0001);
  });

  it('WP2026001 lies partly in permanent farmland, and does not fit the plan (农田保护区)', () => {
    const s = by('WP2026001');
    expect(s.summary.planning!.fits).toBe(false);
    const line = comparisonBlocks(s, t).find((b) => b.id === 'planning')!.verdictLine!;
    expect(line.tone).toBe('error');
    expect(line.text).toMatch(/^不符合规划：禁止建设区 [\d.]+ 亩/);
  });
});

describe('the 一览表', () => {
  const rows = outcomes.map((outcome, i) => ({ patchNo: String(patches[i]!.properties.JCBH), outcome, inspection: null }));
  rows[0]!.inspection = { number: '核〔2026〕001号', status: 'checked', conclusion: 'illegal', updatedAt: 1 } as never;
  const book = summaryWorkbook(rows, { layerName: '卫片图斑WPTB', office: '青石镇国土所', created: new Date(0) }, t);
  const sheet = book.sheets[0]!;
  const col = (h: string) => sheet.columns.findIndex((c) => c.header === h);

  it('has the issue’s columns and a row per patch', () => {
    expect(sheet.columns.map((c) => c.header)).toEqual(
      expect.arrayContaining([
        '图斑编号',
        '图斑面积（亩）',
        '农用地（亩）',
        '其中耕地（亩）',
        '建设用地（亩）',
        '未利用地（亩）',
        '永久基本农田（亩）',
        '批准文号',
        '供地编号',
        '规划符合性',
        '现场核查结论',
      ]),
    );
    expect(sheet.rows.map((r) => r[col('图斑编号')])).toEqual(patches.map((f) => f.properties.JCBH));
    expect(sheet.rows[0]![col('现场核查结论')]).toBe('违法违规');
    expect(sheet.titleRows![0]!.text).toBe('青石镇国土所卫片图斑核查一览表');
  });

  it('农用地 + 建设用地 + 未利用地 + 三调图层外 = the patch’s 亩, each row; 耕地 within 农用地', () => {
    for (const r of sheet.rows) {
      const parts = ['农用地（亩）', '建设用地（亩）', '未利用地（亩）', '三调图层外（亩）'].map((h) => units(r[col(h)] as number, 4));
      expect(parts.reduce((a, b) => a + b, 0)).toBe(units(r[col('图斑面积（亩）')] as number, 4));
      expect(r[col('其中耕地（亩）')] as number).toBeLessThanOrEqual(r[col('农用地（亩）')] as number);
    }
  });

  it('the latest inspection of a task speaks', () => {
    const m = inspectionsByTask([
      { taskNo: 'WP1', number: 'A', status: 'pending', conclusion: null, updatedAt: 1 },
      { taskNo: 'WP1 ', number: 'B', status: 'checked', conclusion: 'legal', updatedAt: 2 },
      { taskNo: '', number: 'C', status: 'pending', conclusion: null, updatedAt: 3 },
    ]);
    expect([...m.entries()].map(([k, v]) => [k, v.number])).toEqual([['WP1', 'B']]);
  });
});

describe('words', () => {
  it('a bowtie is refused naming the sides that cross', () => {
    expect(refusalText({ reason: 'selfIntersection', part: 1, ring: 1, sideA: '1–2', sideB: '3–4' }, t)).toBe(
      '无法套合：第 1 块的外边界自相交（第 1–2 边与第 3–4 边相交，“8”字形）。系统不会自动修复，请重新勾绘或修改边界后再套合。',
    );
    expect(refusalText({ reason: 'selfIntersection', part: 1, ring: 1, sideA: '1–2', sideB: '3–4' }, (k, p) => translate('en', k, p))).toMatch(
      /^Cannot compare: the outer boundary of part 1 crosses itself/,
    );
  });
  it('a result out of date says what changed', () => {
    expect(stalenessText({ geometryChanged: true, layersChanged: ['地类图斑DLTB'], layersRemoved: [], rolesChanged: false }, t)).toBe(
      '图层已更新（地类图斑DLTB）；边界已修改，请重新套合。',
    );
    expect(stalenessText({ geometryChanged: false, layersChanged: [], layersRemoved: [], rolesChanged: false }, t)).toBeNull();
  });
});

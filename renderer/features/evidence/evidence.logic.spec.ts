import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import type { Polygon } from 'geojson';
import { createInspection } from '../../../shared/domain/inspection/inspection-record';
import { geometryHashOf } from '../../../shared/domain/inspection/comparison-run';
import { paperOf } from '../../../shared/domain/evidence/map-sheet';
import type { Sheet } from '../../../shared/domain/evidence/sheet-model';
import {
  batchFolders,
  checkRecord,
  evidenceNames,
  pageNameOf,
  photoEntryNames,
  plotExtent,
  printPageCss,
  sheetRoleOf,
  skippedText,
  storedUncompressed,
  withDraftMark,
} from './evidence.logic';

const zone = { width: 3 as const, zone: 39, centralMeridian: 117 };
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [117.01, 35.01],
      [117.012, 35.01],
      [117.012, 35.012],
      [117.01, 35.012],
      [117.01, 35.01],
    ],
  ],
};

/** A stored comparison as comparison-run writes it (only what checkRecord reads). */
const stored = (geometryHash: string, layers: { id: string; dataVersion: number }[]) => ({
  v: 1,
  ranAt: 1,
  geometryHash,
  layers: layers.map((l) => ({ role: 'farmland', id: l.id, name: `L${l.id}`, dataVersion: l.dataVersion, groupField: null })),
  summary: { total: { planarM2: 100 }, outsideAll: {} },
  documents: { approval: [], supply: [] },
});

describe('checkRecord', () => {
  const base = createInspection({ id: 'I1', source: { kind: 'drawn' } }, '张三', 0);
  it('refuses a record without a plot, then one without a comparison', () => {
    expect(checkRecord(base, [], null)).toEqual({ ok: false, refusal: { reason: 'noGeometry' } });
    expect(checkRecord({ ...base, geometry: square, zone }, [], null)).toEqual({ ok: false, refusal: { reason: 'noComparison' } });
  });
  it('refuses a result it cannot read', () => {
    const r = checkRecord({ ...base, geometry: square, zone, comparison: { v: 9 } }, [], null);
    expect(r).toEqual({ ok: false, refusal: { reason: 'comparisonUnreadable' } });
  });
  it('refuses a stale result: another boundary, a layer rewritten or removed', () => {
    const rec = { ...base, geometry: square, zone, comparison: stored('other', [{ id: 'a', dataVersion: 1 }]) };
    const r = checkRecord(rec, [{ id: 'a', dataVersion: 1 }], null);
    expect(r.ok || r.refusal.reason).toBe('staleComparison');
    const same = { ...rec, comparison: stored(geometryHashOf(square, zone), [{ id: 'a', dataVersion: 1 }]) };
    expect(checkRecord(same, [{ id: 'a', dataVersion: 1 }], null).ok).toBe(true);
    const moved = checkRecord(same, [{ id: 'a', dataVersion: 2 }], null);
    expect(!moved.ok && moved.refusal.reason === 'staleComparison' && moved.refusal.staleness.layersChanged).toEqual(['La']);
    const gone = checkRecord(same, [], null);
    expect(!gone.ok && gone.refusal.reason === 'staleComparison' && gone.refusal.staleness.layersRemoved).toEqual(['La']);
  });
});

describe('the sheet', () => {
  it('gives each layer its role: the comparison’s own choice first, then the layer’s kind', () => {
    const used = [{ role: 'planning', id: 'x' }];
    expect(sheetRoleOf({ id: 'x', kind: 'other', name: '规划' }, used)).toBe('planning');
    expect(sheetRoleOf({ id: 'y', kind: 'permanentFarmland', name: 'YJJBNTTB' }, used)).toBe('farmland');
    expect(sheetRoleOf({ id: 'y', kind: 'approvalSupply', name: '供地地块GDDK' }, [])).toBe('supply');
    expect(sheetRoleOf({ id: 'y', kind: 'approvalSupply', name: '报批地块BPDK' }, [])).toBe('approval');
    expect(sheetRoleOf({ id: 'y', kind: 'adminBoundary', name: 'XZQ' }, [])).toBe('boundary');
    expect(sheetRoleOf({ id: 'y', kind: 'changePatch', name: 'WPTB' }, [])).toBe('other');
  });
  it('takes the plot’s extent over every ring', () => {
    expect(
      plotExtent({
        zone,
        zonePrefix: false,
        polygons: [
          [
            [
              [10, 20],
              [30, 25],
              [15, 40],
            ],
          ],
          [
            [
              [-5, 0],
              [0, 1],
              [1, 0],
            ],
          ],
        ],
      }),
    ).toEqual([-5, 0, 30, 40]);
  });
  it('names one CSS page per paper used, zero margins, each sheet on its page', () => {
    const a3 = paperOf('A3', 'landscape');
    const a4 = paperOf('A4', 'portrait');
    expect([pageNameOf(a3), pageNameOf(a4)]).toEqual(['a3l', 'a4p']);
    const sheets: Sheet[] = [
      { role: 'map', paper: a3, frame: null, marks: [] },
      { role: 'record', paper: a4, frame: null, marks: [] },
      { role: 'notice', paper: a4, frame: null, marks: [] },
    ];
    const css = printPageCss(sheets, 'root');
    expect(css).toContain('@page a3l { size: 420mm 297mm; margin: 0; }');
    expect(css).toContain('@page a4p { size: 210mm 297mm; margin: 0; }');
    expect(css).toContain('.root .sheet-a3l { page: a3l; width: 420mm; height: 297mm; }');
    expect(css.match(/@page/g)).toHaveLength(2);
  });
  it('marks every page of a draft, under its marks, with a note at the foot', () => {
    const s: Sheet = { role: 'map', paper: paperOf('A4', 'portrait'), frame: null, marks: [{ kind: 'circle', cx: 1, cy: 1, rMm: 1 }] };
    const [d] = withDraftMark([s], '草稿', '草稿：未提交');
    expect(d!.marks[0]).toMatchObject({ kind: 'text', text: '草稿', anchor: 'middle', rotateDeg: -30 });
    expect(d!.marks[1]).toEqual(s.marks[0]);
    expect(d!.marks.at(-1)).toMatchObject({ kind: 'text', text: '草稿：未提交' });
    expect(s.marks).toHaveLength(1);
  });
});

describe('the evidence zip', () => {
  it('names the files after the record’s number, made safe for Windows', () => {
    expect(evidenceNames('核〔2026〕001号', 'I1')).toEqual({
      zip: '证据-核〔2026〕001号.zip',
      pdf: '核〔2026〕001号-证据.pdf',
      png: '核〔2026〕001号-示意图.png',
      baopan: '核〔2026〕001号-报盘坐标.txt',
      manifestTxt: '清单.txt',
      manifestJson: '清单.json',
      photoDir: '照片原件',
    });
    expect(evidenceNames('A/B:C', 'I1').pdf).toBe('A_B_C-证据.pdf');
    expect(evidenceNames('', 'I7').zip).toBe('证据-I7.zip');
  });
  it('numbers photo names taken twice (case-insensitively) and folders of the same number', () => {
    expect(photoEntryNames(['IMG_0001.JPG', 'img_0001.jpg', 'a?.jpg', 'IMG_0001.JPG'])).toEqual([
      'IMG_0001.JPG',
      'img_0001 (2).jpg',
      'a_.jpg',
      'IMG_0001 (3).JPG',
    ]);
    expect(batchFolders(['核1', '核1', ''], (i) => `record-${i + 1}`)).toEqual(['核1', '核1 (2)', 'record-3']);
  });
  it('stores images and PDFs, deflates text; 跳过.txt has a line per record', () => {
    expect(['a.jpg', 'b.JPEG', 'c.png', 'd.pdf', 'e.heic'].every(storedUncompressed)).toBe(true);
    expect(['清单.txt', '清单.json', 'x-报盘坐标.txt'].some(storedUncompressed)).toBe(false);
    expect(skippedText('跳过的记录', [{ number: '核1', reason: '没有边界' }])).toBe('跳过的记录\r\n核1\t没有边界\r\n');
    // fflate keeps a path with a folder as given.
    const z = unzipSync(zipSync({ '照片原件/a.jpg': [new Uint8Array([1, 2]), { level: 0 }] }));
    expect(Object.keys(z)).toEqual(['照片原件/a.jpg']);
  });
});

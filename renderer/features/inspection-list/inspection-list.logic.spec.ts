import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import {
  createInspection,
  moveInspectionStatus,
  saveInspectionDraft,
  submitInspection,
  type Inspection,
} from '../../../shared/domain/inspection/inspection-record';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { filterInspections } from '../../../shared/domain/inspection/list';
import { translate } from '../../i18n';
import {
  choicesOf,
  EMPTY_UI,
  filterOf,
  listRowOf,
  mapDataOf,
  STATUS_COLORS,
  withAlpha,
  nextSort,
  rateText,
  sortRows,
  toggleStatus,
  villagesOf,
  type ListRow,
} from './inspection-list.logic';
import { filterText, listWorkbook } from './inspection-list-export.logic';

const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.001, y],
      [x + 0.001, y + 0.001],
      [x, y + 0.001],
      [x, y],
    ],
  ],
});

const at = Date.UTC(2026, 3, 20, 2);
const must = (r: { ok: boolean; record?: Inspection }): Inspection => {
  if (!r.ok || !r.record) throw new Error('refused');
  return r.record;
};
const make = (id: string, over: Parameters<typeof createInspection>[0] extends infer I ? Partial<I> : never, t = at): Inspection =>
  createInspection({ id, source: { kind: 'drawn' }, ...over }, '张三', t);

const a = make('a', {
  number: '核〔2026〕002号',
  taskNo: 'WP-2',
  location: { township: '杏园镇', village: '杏园村', areaId: null, place: '东侧' },
  geometry: square(117, 35),
});
const b = must(
  submitInspection(
    must(
      saveInspectionDraft(
        make('b', { number: '核〔2026〕010号', location: { township: '石桥镇', village: '青石村', areaId: null, place: '' } }),
        { conclusion: 'illegal', inspectedAt: at + 86_400_000 },
        '张三',
        at + 1,
      ),
    ),
    '张三',
    at + 2,
  ),
);
const bFiled = must(moveInspectionStatus(b, 'filed', '张三', at + 3));
const c = make(
  'c',
  { number: '核〔2026〕001号', location: { township: '石桥镇', village: '柳河村', areaId: null, place: '' }, geometry: square(117.1, 35.1) },
  at - 86_400_000,
);
const rows: ListRow[] = [a, bFiled, c].map(listRowOf);
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);

describe('the 核查 list logic', () => {
  it('makes a row per record with its plot extent (none without a plot)', () => {
    expect(rows[0]).toMatchObject({ id: 'a', township: '杏园镇', status: 'pending', bbox: [117, 35, 117.001, 35.001] });
    expect(rows[1]).toMatchObject({ id: 'b', status: 'filed', filed: true, submitted: true, conclusion: 'illegal', day: '2026-04-21', bbox: null });
  });

  it('turns the controls into the domain filter (empty controls filter nothing; "未下结论" is null)', () => {
    expect(filterOf(EMPTY_UI)).toEqual({});
    expect(filterOf({ ...EMPTY_UI, text: ' 杏园 ', statuses: ['filed'], conclusion: 'none', source: 'tip', from: '2026-04-01' as DateKey })).toEqual({
      text: '杏园',
      statuses: ['filed'],
      conclusions: [null],
      sources: ['tip'],
      from: '2026-04-01',
    });
    expect(filterInspections(rows, filterOf({ ...EMPTY_UI, conclusion: 'none' })).map((r) => r.id)).toEqual(['a', 'c']);
    expect(toggleStatus(['closed'], 'pending')).toEqual(['pending', 'closed']);
    expect(toggleStatus(['pending', 'closed'], 'pending')).toEqual(['closed']);
  });

  it('sorts by a column both ways, ties newest first as given, empty text last', () => {
    const newest = filterInspections(rows, {});
    expect(newest.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(newest, { key: 'number', dir: 'asc' }).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(sortRows(newest, { key: 'number', dir: 'desc' }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(newest, { key: 'taskNo', dir: 'desc' }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(sortRows(newest, { key: 'township', dir: 'asc' }).map((r) => r.township)).toEqual(['石桥镇', '石桥镇', '杏园镇']);
    expect(sortRows(newest, { key: 'status', dir: 'asc' }).map((r) => r.status)).toEqual(['pending', 'pending', 'filed']);
    expect(sortRows(newest, null)).toEqual(newest);
    expect(nextSort(null, 'day')).toEqual({ key: 'day', dir: 'desc' });
    expect(nextSort({ key: 'day', dir: 'desc' }, 'day')).toEqual({ key: 'day', dir: 'asc' });
    expect(nextSort({ key: 'day', dir: 'desc' }, 'number')).toEqual({ key: 'number', dir: 'asc' });
  });

  it("offers the townships and a township's villages the records name", () => {
    const ch = choicesOf(rows);
    expect(ch.townships).toEqual(['石桥镇', '杏园镇']);
    expect(villagesOf(ch, '石桥镇')).toEqual(['柳河村', '青石村']);
    expect(villagesOf(ch, '')).toEqual(['柳河村', '青石村', '杏园村']);
  });

  it('puts each plot (its summary outline) and its pin in one collection text with its status, fid the index of its id; records without a plot are counted', () => {
    const m = mapDataOf(rows);
    expect(m.ids).toEqual(['a', 'c']);
    expect(m.unplaced).toBe(1);
    expect(m.plots).toBe(true);
    expect(m.counts).toEqual({ pending: 2, checked: 0, stopped: 0, filed: 0, closed: 0 });
    const fc = JSON.parse(m.text) as FeatureCollection;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => [f.geometry.type, f.properties?.fid, f.properties?.status])).toEqual([
      ['Polygon', 0, 'pending'],
      ['Point', 0, 'pending'],
      ['Polygon', 1, 'pending'],
      ['Point', 1, 'pending'],
    ]);
    expect(fc.features[0]!.geometry).toEqual(a.geometry);
    expect(fc.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [117.0005, 35.0005] });
    // A MultiPolygon plot stays one (its parts in order).
    const multi = listRowOf({
      ...c,
      geometry: { type: 'MultiPolygon', coordinates: [(c.geometry as Polygon).coordinates, (a.geometry as Polygon).coordinates] },
    });
    expect((JSON.parse(mapDataOf([multi]).text) as FeatureCollection).features[0]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [(c.geometry as Polygon).coordinates, (a.geometry as Polygon).coordinates],
    });
    // Over the limit only the pins are drawn, from the rows' centres.
    const pins = mapDataOf(rows, 1);
    expect((JSON.parse(pins.text) as FeatureCollection).features.map((f) => f.geometry.type)).toEqual(['Point', 'Point']);
    expect(pins).toMatchObject({ plots: false, ids: ['a', 'c'], unplaced: 1 });
  });

  it("gives each status's colour with its opacity for the one layer", () => {
    expect(withAlpha('#e67e22', 0.55)).toBe('rgba(230,126,34,0.55)');
    expect(STATUS_COLORS.fill.stopped).toBe('rgba(214,58,47,0.7)');
    expect(STATUS_COLORS.line.closed).toBe('#1e7a32');
    expect(STATUS_COLORS.pin.filed).toBe('#8e44ad');
  });

  it('prints rates to one decimal and "—" without a denominator', () => {
    expect(rateText(2 / 3, 'zh-CN')).toBe('66.7%');
    expect(rateText(1, 'en')).toBe('100.0%');
    expect(rateText(null, 'zh-CN')).toBe('—');
  });

  it('exports the rows in order with their text, and the counts with rates as fractions', () => {
    const book = listWorkbook(
      rows,
      [
        {
          township: '*',
          counts: { pending: 2, checked: 0, stopped: 0, filed: 1, closed: 0, total: 3 },
          cases: { illegal: 1, filed: 1, closedCases: 0, filingRate: 1, closingRate: 0 },
        },
      ],
      {
        t,
        created: new Date(at),
        filterText: filterText({ ...EMPTY_UI, statuses: ['pending', 'filed'], township: '石桥镇' }, t),
        creator: 'test',
      },
    );
    const [list, counts] = book.sheets;
    expect(list!.rows[1]).toEqual(['核〔2026〕010号', '', '石桥镇', '青石村', '', '', '2026-04-21', '违法违规', '已立案', 0, '是', '地图上绘制']);
    expect(list!.titleRows![1]!.text).toBe('筛选：状态：待核查、已立案；乡镇：石桥镇');
    expect(counts!.rows[0]).toEqual(['全部乡镇', 2, 0, 0, 1, 0, 3, 1, 1, 0]);
    expect(counts!.columns.at(-1)!.numFmt).toBe('0.0%');
    expect(filterText(EMPTY_UI, t)).toBeNull();
  });
});

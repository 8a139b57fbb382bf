import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea } from '../../../shared/domain/grid/area-record';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { createPatrolArea, deletePatrolArea, type PatrolArea } from '../../../shared/domain/patrol/patrol-area-record';
import {
  areaChoices,
  areaDraftProblem,
  areaGroups,
  areaMapData,
  patrolComplianceAreas,
  draftOfArea,
  emptyAreaDraft,
  emptyTaskDraft,
  featureLabel,
  labelPointOf,
  newAreaOf,
  officerCandidates,
  sheetOf,
  taskBbox,
  taskPatchOf,
  visitPointOf,
} from './tasks.logic';

const ring = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const SQUARE: Polygon = { type: 'Polygon', coordinates: [ring(117.0, 36.6, 117.01, 36.61)] };
const d = (s: string) => s as DateKey;

const area = (init: Parameters<typeof createPatrolArea>[0]): PatrolArea => {
  const r = createPatrolArea(init, '李晓燕', 1);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const park = area({
  id: 'R1',
  kind: 'keyArea',
  keyAreaKind: '工业集中区',
  name: '杏园工业园',
  geometry: SQUARE,
  people: [{ name: '王强', role: '负责人', lawEnforcementCertNo: '鲁执 001', phone: '' }],
});
const site = area({
  id: 'R2',
  kind: 'stopNoticeSite',
  name: '砖厂',
  geometry: SQUARE,
  ruleIds: ['default.stop-notice-follow-up'],
  stopNotice: { noticeNo: '〔2026〕018号', noticeDate: d('2026-11-20'), closedDate: null },
});
const gone = deletePatrolArea(area({ id: 'R3', kind: 'other', name: '河滩', geometry: SQUARE }), 'x', 2);
const grid = (init: Parameters<typeof createGridArea>[0]): GridArea => {
  const r = createGridArea(init, { at: 1, by: 'x' });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const county = grid({ id: 'A0', level: 'county', name: '历城区' });
const cell = grid({
  id: 'A1',
  level: 'cell',
  name: '杏园村-01',
  geometry: SQUARE,
  people: [
    { name: '王强', role: '网格员', lawEnforcementCertNo: '鲁执 001', phone: '' },
    { name: '赵敏', role: '信息员', lawEnforcementCertNo: '', phone: '' },
  ],
});

describe('area drafts', () => {
  it('say what each kind still needs, in order', () => {
    const corridor = emptyAreaDraft('corridor');
    expect(areaDraftProblem(corridor)).toBe('name');
    expect(areaDraftProblem({ ...corridor, name: '小清河' })).toBe('line');
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [117, 36.6],
        [117.01, 36.6],
      ],
    };
    expect(areaDraftProblem({ ...corridor, name: '小清河', centreLine: line, widthMetres: 0 })).toBe('width');
    expect(areaDraftProblem({ ...corridor, name: '小清河', centreLine: line })).toBe('geometry'); // not buffered yet
    expect(areaDraftProblem({ ...corridor, name: '小清河', centreLine: line, geometry: SQUARE })).toBeNull();
    const s = { ...emptyAreaDraft('stopNoticeSite'), name: '砖厂', geometry: SQUARE };
    expect(areaDraftProblem(s)).toBe('noticeDate');
    expect(areaDraftProblem({ ...s, noticeDate: '2026-11-20', closedDate: '2026-11-19' })).toBe('closedDate');
    expect(areaDraftProblem({ ...s, noticeDate: '2026-11-20', siteMode: 'circle' })).toBe('centre');
    expect(areaDraftProblem({ ...s, noticeDate: '2026-11-20', siteMode: 'circle', siteCentre: [117, 36.6], radiusMetres: null })).toBe('radius');
    expect(areaDraftProblem({ ...s, noticeDate: '2026-11-20' })).toBeNull();
  });

  it('make the record the form showed, and an edit form shows the record again', () => {
    const draft = {
      ...draftOfArea(site),
      people: [
        { name: ' 李晓燕 ', certNo: '鲁执 002', phone: '' },
        { name: '', certNo: 'x', phone: '' },
      ],
    };
    const made = area(newAreaOf(draft, 'R9', SQUARE));
    expect(made.people).toEqual([{ name: '李晓燕', role: '负责人', lawEnforcementCertNo: '鲁执 002', phone: '' }]);
    expect(made.stopNotice).toEqual(site.stopNotice);
    expect(made.ruleIds).toEqual(site.ruleIds);
    expect(draftOfArea(area(newAreaOf(draftOfArea(park), 'R8', SQUARE)))).toEqual({ ...draftOfArea(park), id: 'R8' });
  });

  it('group the live areas by kind, deleted ones left out', () => {
    const groups = areaGroups([site, park, gone]);
    expect(groups.map((g) => [g.kind, g.areas.map((a) => a.id)])).toEqual([
      ['keyArea', ['R1']],
      ['corridor', []],
      ['stopNoticeSite', ['R2']],
      ['other', []],
    ]);
  });
});

describe('what compliance reads', () => {
  it('is the live areas with their rules and notice days', () => {
    expect(patrolComplianceAreas([park, site, gone])).toEqual([
      { id: 'R1', ruleIds: [] },
      { id: 'R2', ruleIds: ['default.stop-notice-follow-up'], stopNotice: { noticeDate: '2026-11-20', closedDate: null } },
    ]);
  });
});

describe('the map', () => {
  it('labels an area at its centroid, and draws each kind on its own layer', () => {
    const [x, y] = labelPointOf(SQUARE);
    expect(x).toBeCloseTo(117.005, 12);
    expect(y).toBeCloseTo(36.605, 12);
    const data = areaMapData([park, site, gone]);
    expect(data.byKind.keyArea.features).toHaveLength(1);
    expect(data.byKind.stopNoticeSite.features).toHaveLength(1);
    expect(data.byKind.other.features).toHaveLength(0);
    expect(data.labels.features.map((f) => f.properties!.name)).toEqual(['杏园工业园', '砖厂']);
  });
});

describe('points from a layer', () => {
  it('are labelled by the monitoring number first, any case, then the first text', () => {
    expect(featureLabel({ TBLX: '新增建设用地', jcbh: 'WP2026001' }, 3)).toBe('WP2026001');
    expect(featureLabel({ DLMC: '旱地', TBBH: '' }, 3)).toBe('旱地');
    expect(featureLabel({ AREA: 12 }, 3)).toBe('#3');
  });
  it('sit at a polygon’s centroid, a line’s middle vertex, the point itself', () => {
    expect(visitPointOf({ type: 'Point', coordinates: [117, 36] })).toEqual([117, 36]);
    expect(
      visitPointOf({
        type: 'LineString',
        coordinates: [
          [1, 1],
          [2, 2],
          [3, 3],
        ],
      }),
    ).toEqual([2, 2]);
    expect(visitPointOf(SQUARE)![0]).toBeCloseTo(117.005, 12);
    expect(visitPointOf(null)).toBeNull();
  });
});

describe('task drafts', () => {
  it('offer the grid’s and the areas’ people once each, and the areas below the county', () => {
    expect(officerCandidates([county, cell], [park, gone])).toEqual([
      { name: '王强', certNo: '鲁执 001' },
      { name: '赵敏', certNo: '' },
    ]);
    expect(areaChoices([county, cell], [park, gone]).map((c) => [c.id, c.source, c.kind])).toEqual([
      ['R1', 'patrol', 'keyArea'],
      ['A1', 'grid', 'cell'],
    ]);
  });

  it('give the sheet its areas in the task’s order, a missing one said, and the task’s box', () => {
    const draft = {
      ...emptyTaskDraft(d('2026-12-01')),
      officers: [
        { name: ' 李晓燕 ', certNo: '' },
        { name: ' ', certNo: '' },
      ],
      areaIds: ['A1', 'R404', 'R1', 'R1'],
      points: [{ id: 'P1', name: '东门', lngLat: [117.02, 36.62] as [number, number], note: '', source: null }],
    };
    expect(taskPatchOf(draft).officers).toEqual([{ name: '李晓燕', certNo: '' }]);
    expect(taskPatchOf(draft).areaIds).toEqual(['A1', 'R404', 'R1']);
    const choices = areaChoices([cell], [park]);
    const sheet = sheetOf(draft, choices, (c) => c.kind);
    expect(sheet.areas.map((a) => [a.name, a.missing])).toEqual([
      ['杏园村-01', false],
      ['R404', true],
      ['杏园工业园', false],
    ]);
    expect(sheet.totalPlanarM2).toBeCloseTo(sheet.areas[0]!.planarM2! * 2, 6);
    expect(taskBbox(draft, choices)).toEqual([117, 36.6, 117.02, 36.62]);
  });
});

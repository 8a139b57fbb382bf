import { describe, expect, it } from 'vitest';
import { createPatrol, type Patrol } from '../../../shared/domain/patrol/patrol-record';
import {
  beijingInputText,
  datumQuestion,
  draftFromPatrol,
  draftProblems,
  emptyDraft,
  ledgerRows,
  monthDays,
  monthFigures,
  parseBeijingInput,
  patchFromDraft,
  routeTimes,
  shiftMonth,
  type MonthKey,
  type PatrolDraft,
} from './patrol.logic';

const at = (iso: string) => Date.parse(iso);
const patrol = (id: string, number: string, startIso: string, extra: Partial<Patrol> = {}): Patrol => ({
  ...createPatrol({ id, number, startedAt: at(startIso), officers: [{ name: '王芳', certNo: '' }] }, '本机用户', at(startIso)),
  ...extra,
});

describe('Beijing time in the form', () => {
  it('reads and writes the fields in UTC+8 whatever the machine', () => {
    expect(beijingInputText(at('2026-04-20T00:30:00Z'))).toBe('2026-04-20T08:30');
    expect(beijingInputText(at('2026-04-20T16:30:00Z'))).toBe('2026-04-21T00:30'); // the next day in Beijing
    expect(parseBeijingInput('2026-04-21T00:30')).toBe(at('2026-04-20T16:30:00Z'));
    expect(parseBeijingInput('2026-04-20T08:30:15')).toBe(at('2026-04-20T00:30:15Z'));
  });
  it('refuses what is not a time', () => {
    for (const bad of ['', '2026-02-30T08:00', '2026-13-01T08:00', '2026-04-20 08:30', '2026-04-20T24:00']) expect(parseBeijingInput(bad)).toBeNull();
  });
});

describe('months', () => {
  it('gives the first and last day, across years and leap Februaries', () => {
    expect(monthDays('2024-02' as MonthKey)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(shiftMonth('2026-01' as MonthKey, -1)).toBe('2025-12');
    expect(shiftMonth('2026-12' as MonthKey, 1)).toBe('2027-01');
  });
});

describe('ledgerRows', () => {
  it("lists the month's patrols by start, deleted ones kept and marked, and counts the zero reports", () => {
    const ps = [
      patrol('b', 'XC20260420002', '2026-04-20T06:00:00Z', { nothingFound: true }),
      patrol('a', 'XC20260420001', '2026-04-20T00:30:00Z', { endedAt: at('2026-04-20T01:10:00Z'), areaIds: ['c1', 'c2'] }),
      patrol('c', 'XC20260421001', '2026-04-20T16:30:00Z', { deletedAt: 5, nothingFound: true }),
      patrol('d', 'XC20260501001', '2026-05-01T01:00:00Z'),
      patrol('e', 'XC20260331001', '2026-03-31T15:59:00Z', {
        routeSource: { kind: 'import', file: 'a.ovkml', format: 'kml', datum: 'gcj02' },
      }),
    ];
    const rows = ledgerRows(ps, '2026-04' as MonthKey);
    expect(rows.map((r) => r.number)).toEqual(['XC20260420001', 'XC20260420002', 'XC20260421001']);
    expect(rows[0]).toMatchObject({ when: '2026-04-20 08:30–09:10', officers: '王芳', areaCount: 2, zeroReport: false, deleted: false });
    expect(rows[2]).toMatchObject({ when: '2026-04-21 00:30', deleted: true, zeroReport: true });
    expect(monthFigures(rows)).toEqual({ patrols: 2, zeroReport: 1, deleted: 1 });
    // 23:59 on 31 March in Beijing: March's, flagged GCJ-02.
    expect(ledgerRows(ps, '2026-03' as MonthKey)).toMatchObject([{ number: 'XC20260331001', gcj02: true }]);
  });
});

describe('the draft and its patch', () => {
  const base = (): PatrolDraft => ({ ...emptyDraft(at('2026-04-20T00:30:00Z')), officers: [{ name: ' 王芳 ', certNo: ' 鲁370300123 ' }] });

  it('a new draft starts now and needs an officer', () => {
    const d = emptyDraft(at('2026-04-20T00:30:40Z'));
    expect(d.startText).toBe('2026-04-20T08:30');
    expect(draftProblems(d)).toEqual(['noOfficer']);
    expect(patchFromDraft(d)).toBeNull();
  });

  it('names each problem', () => {
    expect(draftProblems({ ...base(), startText: '' })).toEqual(['noStart']);
    expect(draftProblems({ ...base(), endText: 'x' })).toEqual(['badEnd']);
    expect(draftProblems({ ...base(), endText: '2026-04-20T08:00' })).toEqual(['endBeforeStart']);
    expect(draftProblems({ ...base(), officers: [{ name: '', certNo: '鲁1' }] })).toEqual(['officerNoName']);
    expect(draftProblems({ ...base(), nothingFound: true, measures: '当场制止' })).toEqual(['nothingFoundButMeasures']);
    // An empty officer row is ignored, not a problem.
    expect(draftProblems({ ...base(), officers: [...base().officers, { name: '', certNo: '' }] })).toEqual([]);
  });

  it('trims and converts into the record fields', () => {
    const p = patchFromDraft({
      ...base(),
      endText: '2026-04-20T09:10',
      officers: [...base().officers, { name: '', certNo: '' }],
      areaIds: ['c1', 'c1', 'c2'],
      findings: ' 未发现新增占地 ',
      nothingFound: true,
    });
    expect(p).toMatchObject({
      startedAt: at('2026-04-20T00:30:00Z'),
      endedAt: at('2026-04-20T01:10:00Z'),
      officers: [{ name: '王芳', certNo: '鲁370300123' }],
      areaIds: ['c1', 'c2'],
      findings: '未发现新增占地',
      nothingFound: true,
      route: [],
      routeSource: null,
    });
    expect(patchFromDraft({ ...base(), endText: '' })?.endedAt).toBeNull();
  });

  it('a stored patrol opens as the draft that saves it back unchanged', () => {
    const stored = createPatrol(
      {
        id: 'P1',
        number: 'XC20260420001',
        startedAt: at('2026-04-20T00:30:00Z'),
        endedAt: at('2026-04-20T01:10:00Z'),
        officers: [{ name: '王芳', certNo: '鲁370300123' }],
        areaIds: ['c1'],
        route: [[[117, 35, at('2026-04-20T00:30:00Z')]]],
        routeSource: { kind: 'import', file: 'a.gpx', format: 'gpx', datum: 'wgs84' },
        findings: '无',
        nothingFound: true,
      },
      'x',
      1,
    );
    const patch = patchFromDraft(draftFromPatrol(stored))!;
    for (const [k, v] of Object.entries(patch)) expect(v, k).toEqual(stored[k as keyof Patrol]);
  });
});

describe('routeTimes', () => {
  it('spans the timed points of every line; null without times', () => {
    expect(
      routeTimes([
        [
          [117, 35, 20],
          [117, 35, null],
        ],
        [
          [117, 35, 5],
          [117, 35, 40],
        ],
      ]),
    ).toEqual({ startMs: 5, endMs: 40 });
    expect(routeTimes([[[117, 35, null]]])).toBeNull();
  });
});

describe('datumQuestion', () => {
  it('takes a GPX as WGS84, asks about every KML/KMZ, preselects GCJ-02 for 奥维', () => {
    expect(datumQuestion('gpx', 'a.gpx', 'unknown')).toEqual({ ask: false, preselected: 'wgs84', likelyGcj02: false });
    expect(datumQuestion('kml', 'a.kml', 'unknown')).toEqual({ ask: true, preselected: null, likelyGcj02: false });
    expect(datumQuestion('kmz', 'a.kmz', 'unknown')).toEqual({ ask: true, preselected: null, likelyGcj02: false });
    expect(datumQuestion('kml', '巡查.OVKML', 'unknown')).toEqual({ ask: true, preselected: 'gcj02', likelyGcj02: true });
    expect(datumQuestion('kmz', 'b.ovkmz', 'gcj02-likely')).toEqual({ ask: true, preselected: 'gcj02', likelyGcj02: true });
    // A GPX that names 奥维 is asked about too.
    expect(datumQuestion('gpx', 'a.gpx', 'gcj02-likely')).toEqual({ ask: true, preselected: 'gcj02', likelyGcj02: true });
  });
});

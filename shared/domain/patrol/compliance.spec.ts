import { describe, expect, it } from 'vitest';
import type { DateKey } from './calendar';
import { computeCompliance, stopNoticeList, worseStatus, type ComplianceInput, type CompliancePatrol, type OfficerRole } from './compliance';
import type { PatrolOfficer } from './patrol-record';
import { createPatrolRule, DEFAULT_RULES, monthRange } from './rule';

const d = (s: string) => s as DateKey;
/** 09:00 in Beijing (01:00 UTC) on a day. */
const at9 = (day: string) => Date.parse(`${day}T01:00:00Z`);

const WANG: PatrolOfficer = { name: '王芳', certNo: 'T-1' }; // township office
const LI: PatrolOfficer = { name: '李强', certNo: 'T-2' }; // township office
const ZHAO: PatrolOfficer = { name: '赵队', certNo: 'C-1' }; // county brigade
const ZHANG: PatrolOfficer = { name: '张局', certNo: 'L-1' }; // a leader
const ROLES: Record<string, OfficerRole> = { 'T-1': 'township', 'T-2': 'township', 'C-1': 'county', 'L-1': 'leader' };
const roleOf = (o: PatrolOfficer): OfficerRole | null => ROLES[o.certNo] ?? null;

const patrol = (day: string, officers: PatrolOfficer[], areaIds = ['cell-01'], deletedAt: number | null = null): CompliancePatrol => ({
  startedAt: at9(day),
  officers,
  areaIds,
  deletedAt,
});

const [TOWNSHIP, COUNTY, LEADER, KEY, STOP] = DEFAULT_RULES as [
  (typeof DEFAULT_RULES)[number],
  (typeof DEFAULT_RULES)[number],
  (typeof DEFAULT_RULES)[number],
  (typeof DEFAULT_RULES)[number],
  (typeof DEFAULT_RULES)[number],
];

function input(over: Partial<ComplianceInput>): ComplianceInput {
  return { from: d('2026-04-01'), to: d('2026-04-30'), asOf: d('2026-04-22'), areas: [], rules: DEFAULT_RULES, patrols: [], roleOf, ...over };
}

describe('weekly rules (township office, at least twice a week)', () => {
  const patrols = [
    patrol('2026-03-31', [WANG]),
    patrol('2026-04-03', [LI]), // week of 30 Mar: 2 → done
    patrol('2026-04-07', [WANG]),
    patrol('2026-04-09', [ZHAO]), // the brigade's patrol does not count for the township's rule → 1: overdue
    patrol('2026-04-13', [WANG]),
    patrol('2026-04-15', [WANG, LI]),
    patrol('2026-04-19', [LI]), // 3 → done
    patrol('2026-04-20', [WANG], ['cell-02']), // another cell
  ];
  const areas = [{ id: 'cell-01', ruleIds: [TOWNSHIP.id] }];

  it('judges every week begun by today, whole, and says how each stands', () => {
    const [a] = computeCompliance(input({ areas, patrols }));
    const [r] = a!.rules;
    expect(r!.windows.map((w) => [w.start, w.end, w.done, w.status])).toEqual([
      ['2026-03-30', '2026-04-05', 2, 'done'], // judged whole, though the period starts on the 1st
      ['2026-04-06', '2026-04-12', 1, 'overdue'],
      ['2026-04-13', '2026-04-19', 3, 'done'],
      ['2026-04-20', '2026-04-26', 0, 'open'], // Wednesday: four days left
      // the week of 27 April has not begun
    ]);
    expect(r).toMatchObject({ ruleId: TOWNSHIP.id, windowCount: 4, required: 8, done: 6, windowsMet: 2, status: 'overdue' });
    expect(a!.status).toBe('overdue');
  });

  it('gives the same sums and statuses without the per-window lists when asked for sums only', () => {
    const full = computeCompliance(input({ areas, patrols }));
    const sums = computeCompliance(input({ areas, patrols, windows: false }));
    expect(sums[0]!.rules[0]!.windows).toEqual([]);
    expect(sums).toEqual(full.map((x) => ({ ...x, rules: x.rules.map((r) => ({ ...r, windows: [] })) })));
  });

  it('calls the current week due soon from three days before its end (today counted)', () => {
    const now = (asOf: string) => computeCompliance(input({ asOf: d(asOf), from: d('2026-04-20'), areas, patrols }))[0]!.rules[0]!.windows[0]!.status;
    expect(now('2026-04-22')).toBe('open');
    expect(now('2026-04-23')).toBe('dueSoon');
    expect(now('2026-04-26')).toBe('dueSoon');
    expect(
      computeCompliance(input({ asOf: d('2026-04-23'), from: d('2026-04-20'), dueSoonDays: 1, areas, patrols }))[0]!.rules[0]!.windows[0]!.status,
    ).toBe('open');
    // Two patrols in the week: done, whatever the day.
    const twice = [...patrols, patrol('2026-04-21', [WANG]), patrol('2026-04-22', [LI])];
    expect(computeCompliance(input({ asOf: d('2026-04-22'), from: d('2026-04-20'), areas, patrols: twice }))[0]!.status).toBe('done');
  });

  it('counts a patrol on its local day in Beijing, not the UTC day', () => {
    // 01:00 on Monday 20 April in Beijing is 17:00 on Sunday 19 April in UTC.
    const early = { startedAt: Date.parse('2026-04-19T17:00:00Z'), officers: [WANG], areaIds: ['cell-01'], deletedAt: null };
    const week = (offset?: number) =>
      computeCompliance(
        input({
          from: d('2026-04-13'),
          to: d('2026-04-26'),
          asOf: d('2026-04-26'),
          areas,
          patrols: [early],
          ...(offset !== undefined ? { utcOffsetMinutes: offset } : {}),
        }),
      )[0]!.rules[0]!.windows.map((w) => w.done);
    expect(week()).toEqual([0, 1]);
    expect(week(0)).toEqual([1, 0]);
  });

  it('leaves deleted patrols out', () => {
    const gone = [patrol('2026-04-21', [WANG]), patrol('2026-04-22', [WANG], ['cell-01'], Date.now())];
    expect(computeCompliance(input({ from: d('2026-04-20'), areas, patrols: gone }))[0]!.rules[0]!.windows[0]!.done).toBe(1);
  });
});

describe('patrols as the store gives them', () => {
  it('counts patrols in any order, an area named twice by one patrol once, and areas no rule judges not at all', () => {
    const patrols = [
      patrol('2026-04-15', [WANG], ['cell-01', 'cell-01', 'elsewhere']),
      patrol('2026-04-07', [LI], ['cell-02', 'cell-01']),
      patrol('2026-04-13', [WANG], ['cell-02']),
      patrol('2026-04-08', [WANG], ['cell-01']),
    ];
    // cell-01 listed twice (a grid cell that is also a patrol area): both entries get the same figures.
    const areas = [
      { id: 'cell-01', ruleIds: [TOWNSHIP.id] },
      { id: 'cell-02', ruleIds: [TOWNSHIP.id] },
      { id: 'cell-01', ruleIds: [TOWNSHIP.id] },
      { id: 'never-patrolled', ruleIds: [TOWNSHIP.id] },
    ];
    const r = computeCompliance(input({ from: d('2026-04-06'), asOf: d('2026-04-19'), areas, patrols }));
    const weeks = (i: number) => r[i]!.rules[0]!.windows.map((w) => w.done);
    expect(weeks(0)).toEqual([2, 1]);
    expect(weeks(1)).toEqual([1, 1]);
    expect(weeks(2)).toEqual(weeks(0));
    expect(weeks(3)).toEqual([0, 0]);
    // The week of the 13th ends today: short of its count it is due soon; the week before is over.
    expect(r.map((a) => a.status)).toEqual(['dueSoon', 'overdue', 'dueSoon', 'overdue']);
    const sorted = computeCompliance(
      input({ from: d('2026-04-06'), asOf: d('2026-04-19'), areas, patrols: [...patrols].sort((a, b) => a.startedAt - b.startedAt) }),
    );
    expect(sorted).toEqual(r);
  });
});

describe('rules by whom', () => {
  it('counts a patrol for each role among its officers, and anyone for "any"', () => {
    const patrols = [patrol('2026-04-08', [ZHAO]), patrol('2026-04-16', [WANG, ZHANG]), patrol('2026-04-17', [{ name: '村信息员', certNo: '' }])];
    const areas = [{ id: 'cell-01', ruleIds: [TOWNSHIP.id, COUNTY.id, LEADER.id, KEY.id] }];
    const [a] = computeCompliance(input({ asOf: d('2026-04-30'), areas, patrols }));
    const byRule = Object.fromEntries(a!.rules.map((r) => [r.ruleId, r.done]));
    expect(byRule).toEqual({ [TOWNSHIP.id]: 1, [COUNTY.id]: 1, [LEADER.id]: 1, [KEY.id]: 3 });
    expect(a!.rules.find((r) => r.ruleId === COUNTY.id)).toMatchObject({ required: 2, status: 'dueSoon' }); // 30 April: its last day
    expect(a!.rules.find((r) => r.ruleId === LEADER.id)).toMatchObject({
      required: 1,
      status: 'done',
      windows: [{ start: '2026-04-01', end: '2026-06-30' }],
    });
  });
});

describe('seasons (one district: April–October weekly, November–March twice a month)', () => {
  const summer = createPatrolRule({
    id: 'summer',
    name: '4—10 月每周至少 1 次',
    minCount: 1,
    per: 'week',
    by: 'township',
    months: monthRange(4, 10),
    appliesTo: 'area',
  });
  const winter = createPatrolRule({
    id: 'winter',
    name: '11—3 月每月至少 2 次',
    minCount: 2,
    per: 'month',
    by: 'township',
    months: monthRange(11, 3),
    appliesTo: 'area',
  });
  const areas = [{ id: 'cell-01', ruleIds: ['summer', 'winter'] }];

  it('judges each rule only in its own months', () => {
    const patrols = [patrol('2026-03-05', [WANG]), patrol('2026-03-20', [WANG]), patrol('2026-04-01', [WANG]), patrol('2026-04-08', [WANG])];
    const [a] = computeCompliance(
      input({ rules: [summer, winter], from: d('2026-03-01'), to: d('2026-04-19'), asOf: d('2026-04-20'), areas, patrols }),
    );
    const [s, w] = a!.rules;
    // Weeks whose Thursday is in April: from Monday 30 March.
    expect(s!.windows.map((x) => [x.start, x.done, x.status])).toEqual([
      ['2026-03-30', 1, 'done'],
      ['2026-04-06', 1, 'done'],
      ['2026-04-13', 0, 'overdue'],
    ]);
    expect(w!.windows.map((x) => [x.start, x.done, x.status])).toEqual([['2026-03-01', 2, 'done']]); // April is not winter
    expect(a!.status).toBe('overdue');
  });

  it('has nothing to judge out of season', () => {
    const [a] = computeCompliance(
      input({ rules: [winter], from: d('2026-06-01'), to: d('2026-06-30'), asOf: d('2026-06-30'), areas: [{ id: 'cell-01', ruleIds: ['winter'] }] }),
    );
    expect(a!.rules[0]).toMatchObject({ windows: [], required: 0, status: null });
    expect(a!.status).toBeNull();
  });
});

describe('stop-notice sites (followed up every 3 days until closed)', () => {
  const patrols = [
    patrol('2026-04-09', [WANG], ['site-1']),
    patrol('2026-04-12', [WANG], ['site-1']),
    patrol('2026-04-15', [ZHAO], ['site-1']),
    patrol('2026-04-16', [LI], ['site-1']),
  ];

  it('gives the last follow-up, the days since, the longest gap and whether it is late', () => {
    const areas = [{ id: 'site-1', ruleIds: [STOP.id], stopNotice: { noticeDate: d('2026-04-10') } }];
    const [a] = computeCompliance(input({ areas, patrols }));
    // The patrol of the 9th came before the notice; then 12, 15, 16; today the 22nd.
    expect(a!.stopNotice).toEqual({
      areaId: 'site-1',
      ruleId: STOP.id,
      everyDays: 3,
      noticeDate: '2026-04-10',
      closedDate: null,
      closed: false,
      lastFollowUp: '2026-04-16',
      daysSince: 6,
      dueInDays: -3,
      longestGapDays: 6,
      overdue: true,
      status: 'overdue',
    });
    expect(a!.rules).toEqual([]); // the follow-up rule is judged by its interval, not by windows
    expect(a!.status).toBe('overdue');
  });

  it('is due soon before it is late, and counts from the notice when nobody went', () => {
    const areas = [{ id: 'site-1', ruleIds: [STOP.id], stopNotice: { noticeDate: d('2026-04-20') } }];
    expect(computeCompliance(input({ areas, patrols }))[0]!.stopNotice).toMatchObject({
      lastFollowUp: null,
      daysSince: 2,
      dueInDays: 1,
      overdue: false,
      status: 'dueSoon',
    });
    expect(computeCompliance(input({ areas, patrols, asOf: d('2026-04-24') }))[0]!.stopNotice).toMatchObject({ daysSince: 4, overdue: true });
  });

  it('stops counting once closed', () => {
    const areas = [{ id: 'site-1', ruleIds: [STOP.id], stopNotice: { noticeDate: d('2026-04-10'), closedDate: d('2026-04-18') } }];
    expect(computeCompliance(input({ areas, patrols }))[0]!.stopNotice).toMatchObject({
      closed: true,
      daysSince: 2,
      longestGapDays: 3,
      overdue: false,
      status: 'done',
    });
    // A closing day still ahead: not closed yet.
    const later = [{ id: 'site-1', ruleIds: [STOP.id], stopNotice: { noticeDate: d('2026-04-10'), closedDate: d('2026-04-30') } }];
    expect(computeCompliance(input({ areas: later, patrols }))[0]!.stopNotice).toMatchObject({ closed: false, overdue: true });
  });

  it('follows the rule\'s "by" and falls back to the default interval without a rule', () => {
    const brigadeOnly = createPatrolRule({ ...STOP, id: 'stop-county', by: 'county', followUpEveryDays: 7 });
    const areas = [{ id: 'site-1', ruleIds: ['stop-county'], stopNotice: { noticeDate: d('2026-04-10') } }];
    expect(computeCompliance(input({ rules: [brigadeOnly], areas, patrols }))[0]!.stopNotice).toMatchObject({
      lastFollowUp: '2026-04-15',
      daysSince: 7,
      overdue: false,
      status: 'dueSoon',
    });
    const bare = [{ id: 'site-1', ruleIds: [], stopNotice: { noticeDate: d('2026-04-10') } }];
    expect(computeCompliance(input({ areas: bare, patrols }))[0]!.stopNotice).toMatchObject({ ruleId: null, everyDays: 3, overdue: true });
  });

  it('lists the sites most overdue first, closed ones last', () => {
    const areas = [
      { id: 'a', ruleIds: [STOP.id], stopNotice: { noticeDate: d('2026-04-21') } },
      { id: 'b', ruleIds: [STOP.id], stopNotice: { noticeDate: d('2026-04-01') } },
      { id: 'c', ruleIds: [STOP.id], stopNotice: { noticeDate: d('2026-04-01'), closedDate: d('2026-04-02') } },
      { id: 'd', ruleIds: [STOP.id] },
    ];
    expect(stopNoticeList(computeCompliance(input({ areas }))).map((s) => s.areaId)).toEqual(['b', 'a', 'c']);
  });
});

describe('what cannot be judged', () => {
  it('names rules the area refers to that are gone, and has no status without rules', () => {
    const [a, b] = computeCompliance(
      input({
        areas: [
          { id: 'x', ruleIds: ['deleted-rule', TOWNSHIP.id] },
          { id: 'y', ruleIds: [] },
        ],
      }),
    );
    expect(a!.unknownRuleIds).toEqual(['deleted-rule']);
    expect(a!.rules.map((r) => r.ruleId)).toEqual([TOWNSHIP.id]);
    expect(b).toEqual({ areaId: 'y', rules: [], stopNotice: null, unknownRuleIds: [], status: null });
  });

  it('orders statuses done < open < dueSoon < overdue', () => {
    expect(worseStatus('done', 'open')).toBe('open');
    expect(worseStatus('overdue', 'dueSoon')).toBe('overdue');
    expect(worseStatus(null, 'done')).toBe('done');
    expect(worseStatus(null, null)).toBeNull();
  });
});

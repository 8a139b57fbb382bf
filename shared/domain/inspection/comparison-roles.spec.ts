import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANNING_VERDICTS } from './comparison';
import {
  COMPARISON_ROLES_VERSION,
  createComparisonRoles,
  documentFieldOf,
  guessComparisonRoles,
  missingRoleLayers,
  restoreComparisonRoles,
} from './comparison-roles';

const layers = [
  { id: 'G', name: '国土空间规划分区GHFQ', kind: 'planningZone' as const, fieldNames: ['GHFQDM', 'GHFQMC'] },
  { id: 'D', name: '地类图斑DLTB', kind: 'landClass' as const, fieldNames: ['BSM', 'DLBM', 'DLMC'] },
  { id: 'F', name: '永久基本农田', kind: 'permanentFarmland' as const, fieldNames: ['YJJBNTTBBH'] },
  { id: 'S', name: '供地地块GDDK', kind: 'approvalSupply' as const, fieldNames: ['GDBH', 'PZWH'] },
  { id: 'A', name: '报批地块BPDK', kind: 'approvalSupply' as const, fieldNames: ['PCMC', 'PZWH'] },
];

describe('the office’s comparison roles', () => {
  it('are guessed from the layer kinds, in role order; 报批/供地 grouped by their document numbers', () => {
    const g = guessComparisonRoles(layers);
    expect(g.roles.map((r) => [r.role, r.layerId, r.groupField])).toEqual([
      ['farmland', 'F', null],
      ['landClass', 'D', 'DLBM'],
      ['planning', 'G', 'GHFQMC'],
      ['approval', 'A', 'PZWH'],
      ['supply', 'S', 'GDBH'],
    ]);
    expect(g.verdicts).toEqual(DEFAULT_PLANNING_VERDICTS);
    expect(documentFieldOf('approval', ['XMMC', 'pcmc'])).toBe('pcmc');
    expect(documentFieldOf('supply', ['ID'])).toBeNull();
  });

  it('a setting never written reads as null (the caller guesses); one written round-trips', () => {
    expect(restoreComparisonRoles(undefined)).toBeNull();
    const made = createComparisonRoles({
      roles: guessComparisonRoles(layers).roles,
      verdicts: { 允许建设区: 'allowed', ' 禁止建设区 ': 'forbidden' },
    });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.value.verdicts).toEqual({ 允许建设区: 'allowed', 禁止建设区: 'forbidden' });
    expect(restoreComparisonRoles(JSON.parse(JSON.stringify(made.value)))).toMatchObject({ ok: true, value: made.value });
  });

  it('refuses a role twice, an unknown role, a verdict that is none of the three; drops a role without a layer', () => {
    const f = { role: 'farmland', layerId: 'F', layerName: 'F', groupField: null };
    expect(createComparisonRoles({ roles: [f, f] as never, verdicts: {} })).toMatchObject({ ok: false, reason: 'repeatedRole' });
    expect(createComparisonRoles({ roles: [{ ...f, role: 'forest' }] as never, verdicts: {} })).toMatchObject({ ok: false, reason: 'badRole' });
    expect(createComparisonRoles({ roles: [], verdicts: { 农田保护区: 'maybe' } as never })).toMatchObject({ ok: false, reason: 'badVerdict' });
    const r = restoreComparisonRoles({
      v: COMPARISON_ROLES_VERSION,
      roles: [
        { ...f, layerId: '' },
        { ...f, role: 'landClass', layerId: 'D' },
      ],
    });
    expect(r).toMatchObject({ ok: true, value: { roles: [{ role: 'landClass', layerId: 'D' }], verdicts: DEFAULT_PLANNING_VERDICTS } });
    expect(restoreComparisonRoles({ v: 9, roles: [] })).toMatchObject({ ok: false });
  });

  it('names the roles whose layer was removed', () => {
    const g = guessComparisonRoles(layers);
    expect(missingRoleLayers(g, new Set(['F', 'D', 'G'])).map((r) => r.role)).toEqual(['approval', 'supply']);
  });
});

import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { getInspection } from '../../db';
import { translate } from '../../i18n';
import type { Workbench } from '../../ui/workbench';
import { gridState } from '../grid';
import { openInspectionState, setStartDeps } from './inspection-session';
import { startFromFinding, startFromTip } from './starts';

const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
const shown: string[] = [];
const wb = {
  notices: { push: () => undefined, error: (text: string) => shown.push(text) },
  showPanel: (id: string) => shown.push(`panel:${id}`),
  map: { whenReady: () => undefined },
} as unknown as Workbench;

const area = (id: string, level: GridArea['level'], name: string, parentId: string | null) =>
  ({
    id,
    level,
    name,
    parentId,
    geometry: null,
    v: 1,
    code: null,
    zone: null,
    people: [],
    duties: '',
    ruleIds: [],
    keyArea: null,
    createdAt: 0,
    updatedAt: 0,
    history: [],
  }) as unknown as GridArea;

beforeAll(() => setStartDeps({ pattern: async () => '石国土核〔{yyyy}〕{seq:3}号', userName: () => '王建国', now: () => Date.UTC(2026, 3, 20, 2) }));

describe('starting a record', () => {
  it('from a patrol’s finding: its findings and measures, its officers, the township and village of its first area', async () => {
    gridState.set((s) => ({
      ...s,
      areas: [area('T', 'township', '石桥镇', null), area('V', 'village', '青石村', 'T'), area('C', 'cell', '青石村-03', 'V')],
    }));
    const ok = await startFromFinding(
      {
        patrolId: 'P1',
        number: 'XC20260420001',
        startedAt: 0,
        officers: [
          { name: '王建国', certNo: '鲁001' },
          { name: '李秀英', certNo: '鲁002' },
        ],
        areaIds: ['C'],
        findings: '青石村东发现新开挖地基一处',
        measures: '口头制止',
        route: [],
      },
      { wb, t },
    );
    expect(ok).toBe(true);
    const r = await getInspection(openInspectionState.get()!.id);
    expect(r).toMatchObject({
      number: '石国土核〔2026〕001号',
      source: { kind: 'patrol', patrolId: 'P1', patrolNumber: 'XC20260420001' },
      description: '青石村东发现新开挖地基一处\n巡查时已采取：口头制止',
      inspectors: [
        { name: '王建国', certNo: '鲁001' },
        { name: '李秀英', certNo: '鲁002' },
      ],
      location: { township: '石桥镇', village: '青石村', areaId: 'C', place: '' },
      status: 'pending',
    });
    expect(shown).toContain('panel:inspection');
  });

  it('from a tip: who reported, when and what, kept as the source; numbered after the first', async () => {
    const at = Date.UTC(2026, 3, 19, 1);
    expect(await startFromTip({ channel: 'letters', reporter: ' 刘先生 ', reportedAt: at, content: '河滩挖沙', place: '北河滩' }, { wb, t })).toBe(
      true,
    );
    const r = await getInspection(openInspectionState.get()!.id);
    expect(r?.number).toBe('石国土核〔2026〕002号');
    expect(r?.source).toEqual({ kind: 'tip', channel: 'letters', reporter: '刘先生', reportedAt: at, content: '河滩挖沙' });
    expect(r?.location.place).toBe('北河滩');
    expect(r?.history[0]?.by).toBe('王建国');
  });
});

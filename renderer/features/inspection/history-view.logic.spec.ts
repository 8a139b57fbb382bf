import { describe, expect, it } from 'vitest';
import {
  amendInspection,
  createInspection,
  saveInspectionDraft,
  submitInspection,
  type Inspection,
} from '../../../shared/domain/inspection/inspection-record';
import { translate } from '../../i18n';
import { chainLine, changesText, describeValue, historyView, sourceText } from './history-view.logic';

const T0 = Date.UTC(2026, 3, 20, 2, 0); // 10:00 Beijing
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
const unwrap = (r: ReturnType<typeof saveInspectionDraft>): Inspection => {
  if (!r.ok) throw new Error(r.reason);
  return r.record;
};

function amended(): Inspection {
  let r = createInspection(
    { id: 'I1', source: { kind: 'patch', layerId: 'L', featureId: 3, patchNo: '370300202604001' }, number: '核〔2026〕003号' },
    '张三',
    T0,
  );
  r = unwrap(saveInspectionDraft(r, { construction: 'building', inspectors: [{ name: '王五', certNo: '鲁001' }] }, '张三', T0 + 60_000));
  r = unwrap(submitInspection(r, '张三', T0 + 120_000));
  return unwrap(amendInspection(r, { construction: 'built' }, '复核发现已封顶', '李四', T0 + 180_000));
}

describe('the history as the panel says it', () => {
  it('lists the entries newest first with who, when, kind, reason and before → after in words', () => {
    const v = historyView(amended().history, t);
    expect(v.map((e) => e.kindLabel)).toEqual(['更正', '提交', '保存草稿', '新建']);
    expect(v[0]).toMatchObject({ seq: 4, at: '2026-04-20 10:03', by: '李四', reason: '复核发现已封顶' });
    expect(v[0]?.changes).toEqual([{ field: 'construction', label: '建设情况', before: '在建', after: '建成' }]);
    expect(v[1]?.changes.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual([
      '提交时间：（空） → 2026-04-20 10:02',
      '状态：待核查 → 已核查',
    ]);
    expect(v[2]?.changes.find((c) => c.field === 'inspectors')?.after).toBe('王五（鲁001）');
  });

  it('says the chain verifies, and names the first entry that does not once the stored record is altered', () => {
    const r = amended();
    const ok = chainLine(r, t);
    expect(ok.ok).toBe(true);
    expect(ok.text).toBe(`✔ 完整性校验通过（4 条记录，末条校验值 ${r.history[3]?.hash}）`);
    // Someone edits the stored content without an entry: the last entry no longer matches.
    expect(chainLine({ ...r, construction: 'levelled' }, t)).toEqual({ ok: false, text: '✘ 完整性校验未通过：第 4 条记录之后记录内容被改动' });
    // Someone rewrites the reason of entry 4 in place.
    const history = r.history.map((e) => (e.seq === 4 ? { ...e, reason: '无' } : e));
    expect(chainLine({ ...r, history }, t).text).toBe('✘ 完整性校验未通过：第 4 条记录内容被改动');
    // Someone removes entry 2.
    expect(chainLine({ ...r, history: r.history.filter((e) => e.seq !== 2) }, t).text).toMatch(/第 2 条记录序号不连续/);
  });

  it('says values in words: a source, a stop notice, a plot, a party', () => {
    expect(sourceText({ kind: 'tip', channel: '12336', reporter: '', reportedAt: T0, content: '' }, t)).toBe(
      '12336 热线举报（匿名，2026-04-20 10:00）',
    );
    expect(describeValue('stopNotice', { number: '停〔2026〕7号', date: '2026-04-20' }, t)).toBe('停〔2026〕7号（2026-04-20）');
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(describeValue('geometry', square, t)).toBe('图形（4 个顶点）');
    expect(describeValue('party', { kind: 'unit', name: '某建材公司', idNo: '', contact: '138', address: '' }, t)).toBe('单位 某建材公司 138');
    expect(describeValue('surveyPoints', [{}, {}, {}], t)).toBe('3 个界址点');
    expect(describeValue('violationTypes', ['未报即用', '未供先用'], t)).toBe('未报即用、未供先用');
    expect(changesText([{ field: 'conclusion', before: 'legal', after: 'illegal' }], t)).toEqual(['核查结论（用地情况）：合法 → 违法违规']);
  });
});

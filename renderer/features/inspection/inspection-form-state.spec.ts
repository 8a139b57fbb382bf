import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getInspection } from '../../db';
import { translate } from '../../i18n';
import type { Workbench } from '../../ui/workbench';
import { formOf, formsState, reasonAsk, saveDraft, sectionSave, setDraft, submit, saveAmendment, startAmending } from './inspection-form-state';
import { openInspectionState, setStartDeps, startInspection } from './inspection-session';

const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
const notices: { kind: string; text: string }[] = [];
const wb = {
  notices: { push: (kind: string, text: string) => notices.push({ kind, text }), error: (text: string) => notices.push({ kind: 'error', text }) },
} as unknown as Workbench;
const ctx = { wb, t };

beforeAll(() => setStartDeps({ pattern: async () => '核〔{yyyy}〕{seq:3}号', userName: () => '王建国' }));
afterEach(() => {
  vi.restoreAllMocks();
  notices.length = 0;
});

async function started() {
  const r = await startInspection({
    source: { kind: 'drawn' },
    content: { location: { township: '石桥镇', village: '青石村', areaId: null, place: '' } },
  });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** A form as an officer fills it: everything a submission needs. */
function fill(id: string) {
  const r = openInspectionState.get()!.record!;
  expect(r.id).toBe(id);
  setDraft(r, {
    inspectedAtText: '2026-04-20T09:30',
    inspectors: [
      { name: '王建国', certNo: '鲁001' },
      { name: '李秀英', certNo: '鲁002' },
    ],
    construction: 'building',
    conclusion: 'falseChange',
    description: '现场为临时堆放，非新增建设',
    location: { township: '石桥镇', village: '青石村', areaId: null, place: '村东' },
  });
}

describe('the record panel’s writes', () => {
  it('a refused write (QuotaExceededError) says what was not saved, keeps the form, and the retry stores it', async () => {
    const r = await started();
    setDraft(r, { description: '河滩取土坑一处' });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(await saveDraft(r, ctx)).toBeNull();
    expect(formOf(r).error).toBe(`核查记录 ${r.number} 未保存（草稿）：磁盘空间不足，浏览器拒绝写入。表单内容仍保留，可稍后重试。`);
    expect(notices.at(-1)).toEqual({ kind: 'error', text: formOf(r).error });
    expect(formOf(r).draft.description).toBe('河滩取土坑一处');
    expect((await getInspection(r.id))?.history).toHaveLength(1); // nothing written
    put.mockRestore();
    const saved = await saveDraft(r, ctx);
    expect(saved?.description).toBe('河滩取土坑一处');
    expect(formOf(r).error).toBeNull();
    expect((await getInspection(r.id))?.history.map((e) => e.kind)).toEqual(['created', 'saved']);
  });

  it('提交 with fields missing shows the issues and writes nothing; filled, it submits', async () => {
    const r = await started();
    expect(await submit(r, ctx)).toBeNull();
    expect(formOf(r).issues.map((i) => i.field)).toEqual(['inspectedAt', 'inspectors', 'construction', 'conclusion', 'description']);
    expect(formOf(r).focusTick).toBe(1);
    expect((await getInspection(r.id))?.submittedAt).toBeNull();
    fill(r.id);
    const done = await submit(openInspectionState.get()!.record!, ctx);
    expect(done?.status).toBe('checked');
    expect(done?.history.map((e) => e.kind)).toEqual(['created', 'saved', 'submitted']);
    expect(done?.history.at(-1)?.by).toBe('王建国');
  });

  it('a section’s save is a draft save, or on a submitted record an amendment with the reason asked naming it', async () => {
    const r = await started();
    const geometry = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [117, 35],
          [117.001, 35],
          [117.001, 35.001],
          [117, 35],
        ],
      ],
    };
    expect((await sectionSave(r.id, { geometry }, '导入界址点', ctx))?.history.at(-1)?.kind).toBe('saved');
    fill(r.id);
    const sub = await submit(openInspectionState.get()!.record!, ctx);
    expect(sub?.submittedAt).not.toBeNull();
    // Cancelled: nothing written.
    const cancelled = sectionSave(r.id, { photoHashes: ['a'.repeat(64)] }, '添加照片', ctx);
    expect(reasonAsk.get()?.title).toBe(`更正核查记录 ${r.number}：添加照片`);
    reasonAsk.get()!.resolve(null);
    expect(await cancelled).toBeNull();
    const amended = sectionSave(r.id, { photoHashes: ['a'.repeat(64)] }, '添加照片', ctx);
    reasonAsk.get()!.resolve('补拍现场照片');
    const a = await amended;
    expect(a?.history.at(-1)).toMatchObject({ kind: 'amended', reason: '补拍现场照片' });
    expect((await getInspection(r.id))?.photoHashes).toEqual(['a'.repeat(64)]);
  });

  it('an amendment of the form asks its reason listing before → after, and keeps the form read-only after', async () => {
    const r = await started();
    fill(r.id);
    const sub = (await submit(openInspectionState.get()!.record!, ctx))!;
    startAmending(sub);
    setDraft(sub, { construction: 'built' });
    const pending = saveAmendment(sub, ctx);
    await vi.waitFor(() => expect(reasonAsk.get()).not.toBeNull());
    expect(reasonAsk.get()?.lines).toEqual(['建设情况：在建 → 建成']);
    reasonAsk.get()!.resolve('复核更正');
    const a = await pending;
    expect(a?.construction).toBe('built');
    expect(formsState.get()[r.id]?.amending).toBe(false);
  });
});

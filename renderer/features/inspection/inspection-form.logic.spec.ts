import { describe, expect, it } from 'vitest';
import { checkForSubmit } from '../../../shared/domain/inspection/form';
import { createInspection, saveInspectionDraft } from '../../../shared/domain/inspection/inspection-record';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { translate } from '../../i18n';
import {
  beijingInputText,
  draftChanges,
  draftIssues,
  draftOf,
  firstIssueSlot,
  isDraftDirty,
  issueMessages,
  parseBeijingInput,
  patchOf,
} from './inspection-form.logic';

const T0 = Date.UTC(2026, 3, 20, 2, 0); // 2026-04-20 10:00 Beijing
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
const en = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p);
const fresh = () => createInspection({ id: 'I1', source: { kind: 'drawn' }, number: '核〔2026〕003号' }, '张三', T0);

describe('the inspection form', () => {
  it('reads and writes Beijing time (UTC+8) in the datetime inputs', () => {
    expect(beijingInputText(T0)).toBe('2026-04-20T10:00');
    expect(parseBeijingInput('2026-04-20T10:00')).toBe(T0);
    expect(parseBeijingInput('2026-02-30T10:00')).toBeNull();
    expect(parseBeijingInput('明天')).toBeNull();
  });

  it('opens a new record with two empty inspector rows and stores none of them', () => {
    const r = fresh();
    const d = draftOf(r);
    expect(d.inspectors).toEqual([
      { name: '', certNo: '' },
      { name: '', certNo: '' },
    ]);
    expect(patchOf(d).inspectors).toEqual([]);
    expect(patchOf(d).party).toBeNull();
    expect(isDraftDirty(r, d)).toBe(false);
  });

  it('writes a filled form as the record holds it and reads it back unchanged', () => {
    const r = fresh();
    const d = {
      ...draftOf(r),
      inspectedAtText: '2026-04-20T09:30',
      inspectors: [
        { name: ' 王五 ', certNo: '鲁自然执 003' },
        { name: '赵六', certNo: '鲁自然执 004' },
      ],
      party: { kind: 'person' as const, name: '孙七', idNo: '11010519491231002x', contact: '13800000000', address: '' },
      construction: 'building' as const,
      conclusion: 'illegal' as const,
      violationTypes: ['未报即用' as const],
      stopIssued: true,
      stopNumber: '石国土停〔2026〕7号',
      stopDate: '2026-04-20' as DateKey,
      description: '村东新建厂房一处，已完成基础',
    };
    const patch = patchOf(d);
    expect(patch.inspectors?.[0]).toEqual({ name: '王五', certNo: '鲁自然执 003' });
    expect(patch.party?.idNo).toBe('11010519491231002X'); // upper case: the check character X
    expect(patch.stopNotice).toEqual({ number: '石国土停〔2026〕7号', date: '2026-04-20' });
    expect(patch.inspectedAt).toBe(T0 - 30 * 60_000);
    const saved = saveInspectionDraft(r, patch, '张三', T0 + 1000);
    if (!saved.ok) throw new Error(saved.reason);
    const back = draftOf(saved.record);
    expect(isDraftDirty(saved.record, back)).toBe(false);
    expect(back.party.idNo).toBe('11010519491231002X');
    expect(back.stopNumber).toBe('石国土停〔2026〕7号');
  });

  it('drops the violation types unless the conclusion is 违法违规', () => {
    const d = { ...draftOf(fresh()), conclusion: 'legal' as const, violationTypes: ['未报即用' as const] };
    expect(patchOf(d).violationTypes).toEqual([]);
  });

  it('names what an amendment changes, field by field', () => {
    const r = fresh();
    const d = { ...draftOf(r), construction: 'built' as const, description: '已建成' };
    expect(draftChanges(r, d).map((c) => c.field)).toEqual(['construction', 'description']);
  });

  it('refuses a stop notice without its date before the record sees it', () => {
    const d = { ...draftOf(fresh()), stopIssued: true, stopNumber: '7号', stopDate: null };
    expect(draftIssues(d)).toEqual([{ field: 'stopNotice.date', code: 'required', severity: 'error' }]);
  });

  it('says each issue next to its field, in Chinese and in English', () => {
    const r = fresh();
    const d = {
      ...draftOf(r),
      inspectors: [
        { name: '王五', certNo: '' },
        { name: '王五', certNo: '' },
      ],
      party: { kind: 'person' as const, name: '孙七', idNo: '110105194912310021', contact: '', address: '' },
      conclusion: 'illegal' as const,
    };
    const issues = checkForSubmit({ ...r, ...patchOf(d) }, T0);
    const zh = issueMessages(issues, t);
    expect(zh.get('inspectedAt')).toBe('必填');
    expect(zh.get('inspectors.0')).toBe('缺少执法证号');
    expect(zh.get('inspectors.1')).toBe('缺少执法证号；与前面的核查人员重复（同一执法证号或同名）');
    // Two rows with one person count as two names: the repeat is what is said, not "too few".
    expect(zh.get('inspectors')).toBeUndefined();
    const one = checkForSubmit({ ...r, ...patchOf({ ...d, inspectors: [{ name: '王五', certNo: '鲁001' }] }) }, T0);
    expect(issueMessages(one, t).get('inspectors')).toBe('至少需要两名核查人员');
    expect(zh.get('party.idNo')).toMatch(/^校验位不符/);
    expect(zh.get('violationTypes')).toBe('违法违规须选择至少一种类型');
    expect(issueMessages(issues, en).get('construction')).toBe('Required');
    // The first field the officer meets: the township (location) comes before the time and the people.
    expect(firstIssueSlot(issues)).toBe('location.township');
    expect(firstIssueSlot(issues.filter((i) => i.field.startsWith('inspectors')))).toBe('inspectors.0');
    expect(firstIssueSlot(one.filter((i) => i.field.startsWith('inspectors') || i.field === 'description'))).toBe('inspectors');
  });
});

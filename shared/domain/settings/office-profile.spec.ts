import { describe, expect, it } from 'vitest';
import {
  createOfficeProfile,
  DEFAULT_OFFICE_PROFILE,
  editorNameOf,
  markSubmitted,
  OFFICE_PROFILE_VERSION,
  restoreOfficeProfile,
  validateOfficeProfile,
} from './office-profile';

const good = { officeName: ' 青石镇国土所 ', userName: '张三', dueDay: 25, remindDaysBefore: 5, submittedMonths: ['2026-03'] };

describe('office profile', () => {
  it('reads a profile never written as the defaults (due on the 25th, reminded 5 days before)', () => {
    expect(restoreOfficeProfile(undefined)).toEqual({ ok: true, value: DEFAULT_OFFICE_PROFILE });
    expect(DEFAULT_OFFICE_PROFILE).toMatchObject({ dueDay: 25, remindDaysBefore: 5, officeName: '', userName: '' });
  });
  it('creates a profile, trimming the names', () => {
    const r = createOfficeProfile(good);
    expect(r).toEqual({ ok: true, value: { v: OFFICE_PROFILE_VERSION, ...good, officeName: '青石镇国土所' } });
  });
  it('refuses a due day outside 1–28, a reminder outside 0–27 days, a name over 40 characters', () => {
    for (const dueDay of [0, 29, 31, 2.5, NaN]) expect(createOfficeProfile({ ...good, dueDay })).toMatchObject({ ok: false, reason: 'badDueDay' });
    for (const remindDaysBefore of [-1, 28, 1.5])
      expect(createOfficeProfile({ ...good, remindDaysBefore })).toMatchObject({ ok: false, reason: 'badRemindDays' });
    expect(createOfficeProfile({ ...good, officeName: '所'.repeat(41) })).toMatchObject({ ok: false, reason: 'nameTooLong', path: 'officeName' });
    expect(createOfficeProfile({ ...good, userName: '人'.repeat(41) })).toMatchObject({ ok: false, reason: 'nameTooLong', path: 'userName' });
  });
  it('repairs a stored profile as far as it is good and says what it repaired', () => {
    const r = validateOfficeProfile({ v: 1, officeName: 7, submittedMonths: ['2026-04', 'x', '2026-13', '2026-04', '2026-01'] });
    expect(r).toEqual({
      ok: true,
      value: { v: 1, officeName: '', userName: '', dueDay: 25, remindDaysBefore: 5, submittedMonths: ['2026-01', '2026-04'] },
      repaired: [
        { path: 'officeName', code: 'defaulted' },
        { path: 'userName', code: 'defaulted' },
        { path: 'dueDay', code: 'defaulted' },
        { path: 'remindDaysBefore', code: 'defaulted' },
        { path: 'submittedMonths', code: 'filtered' },
      ],
    });
    expect(restoreOfficeProfile({ v: 2 })).toMatchObject({ ok: false, reason: 'badVersion' });
    expect(restoreOfficeProfile('x')).toMatchObject({ ok: false, reason: 'notObject' });
  });
  it('marks a month submitted and back, and names the editor', () => {
    const p = markSubmitted(DEFAULT_OFFICE_PROFILE, '2026-04', true);
    expect(p.submittedMonths).toEqual(['2026-04']);
    expect(markSubmitted(p, '2026-04', false).submittedMonths).toEqual([]);
    expect(editorNameOf(DEFAULT_OFFICE_PROFILE)).toBe('本机用户');
    expect(editorNameOf({ ...DEFAULT_OFFICE_PROFILE, userName: '张三' })).toBe('张三');
  });
});

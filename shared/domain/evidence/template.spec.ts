import { describe, expect, it } from 'vitest';
import {
  createEvidenceTemplate,
  defaultEvidenceTemplate,
  formatNoticeNumber,
  nextNoticeNumber,
  restoreEvidenceTemplate,
  unknownPlaceholders,
  DEFAULT_NOTICE_WORDING,
} from './template';

const day = '2026-12-01' as never;

describe('the office’s evidence template', () => {
  it('reads as the defaults with the office’s name when none is stored', () => {
    const r = restoreEvidenceTemplate(undefined, '杏园镇国土所');
    expect(r.ok && r.value).toMatchObject({
      mapUnit: '杏园镇国土所',
      organ: '杏园镇国土所',
      sealText: '（印章）',
      sheet: {
        paper: 'A4',
        orientation: 'portrait',
        scale: 1000,
        title: '违法用地示意图',
        legendPosition: 'right',
        gridSpacingMm: 100,
        imagery: true,
      },
    });
    // The default wording fills only placeholders the notice knows.
    expect(unknownPlaceholders(DEFAULT_NOTICE_WORDING)).toEqual([]);
  });

  it('numbers notices in its pattern, the serial per year after the ones given', () => {
    const t = { ...defaultEvidenceTemplate(), county: '杏' };
    expect(formatNoticeNumber(t, day, 3)).toBe('杏自然资停字〔2026〕003号');
    expect(nextNoticeNumber(t, day, ['杏自然资停字〔2026〕003号', '杏自然资停字〔2026〕011号', '杏自然资停字〔2025〕040号', '别的'])).toBe(
      '杏自然资停字〔2026〕012号',
    );
    expect(nextNoticeNumber(t, day, [])).toBe('杏自然资停字〔2026〕001号');
    expect(nextNoticeNumber({ county: '', noticeNumberPattern: '停〔{yy}〕第{seq:4}号' }, day, ['停〔26〕第0007号'])).toBe('停〔26〕第0008号');
  });

  it('round-trips through storage and refuses what the dialog must not store', () => {
    const t = defaultEvidenceTemplate('某所');
    const made = createEvidenceTemplate({ ...t, county: '杏', organ: '某某县自然资源局' });
    expect(made.ok).toBe(true);
    const back = restoreEvidenceTemplate(JSON.parse(JSON.stringify(made.ok && made.value)));
    expect(back.ok && back.value).toEqual(made.ok && made.value);
    expect(back.ok && back.repaired).toBeUndefined();
    expect(createEvidenceTemplate({ ...t, noticeNumberPattern: '停字〔{yyyy}〕号' })).toMatchObject({ ok: false, reason: 'badNumberPattern' });
    expect(createEvidenceTemplate({ ...t, noticeNumberPattern: '{nnn}{seq:2}' })).toMatchObject({ ok: false, reason: 'badNumberPattern' });
    expect(createEvidenceTemplate({ ...t, wording: { ...t.wording, facts: '{partyName}占地' } })).toMatchObject({
      ok: false,
      reason: 'unknownPlaceholder',
      path: 'wording.facts',
      detail: '{partyName}',
    });
    expect(createEvidenceTemplate({ ...t, organ: '局'.repeat(61) })).toMatchObject({ ok: false, reason: 'textTooLong', path: 'organ' });
    expect(restoreEvidenceTemplate({ ...t, v: 2 })).toMatchObject({ ok: false, reason: 'badVersion' });
  });

  it('repairs a stored template’s missing or unusable parts to their defaults, naming each', () => {
    const t = defaultEvidenceTemplate('某所');
    const raw = {
      ...JSON.parse(JSON.stringify(t)),
      wording: { facts: '经查{party}…' },
      sheet: { ...t.sheet, scale: 750, gridSpacingMm: 5, paper: 'A0' },
    };
    delete raw.sealText;
    const r = restoreEvidenceTemplate(raw);
    expect(r.ok && r.value.wording).toEqual({ ...DEFAULT_NOTICE_WORDING, facts: '经查{party}…' });
    expect(r.ok && r.value.sheet).toMatchObject({ scale: 1000, gridSpacingMm: 20, paper: 'A4' });
    expect(r.ok && r.value.sealText).toBe('（印章）');
    expect(r.ok && r.repaired?.map((x) => x.path)).toEqual([
      'sealText',
      'wording.provisions',
      'wording.basis',
      'wording.order',
      'wording.remedy',
      'wording.contact',
      'sheet.gridSpacingMm',
      'sheet.paper',
      'sheet.scale',
    ]);
  });
});

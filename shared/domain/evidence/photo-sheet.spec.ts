import { describe, expect, it } from 'vitest';
import { evidencePapersZhCN } from '../../../renderer/i18n/evidence-papers.zh-CN';
import { paperLabelsFrom } from './paper-labels';
import { fitRect, layoutPhotoSheets, photoNumbers, photoBearingText, photoPositionText, photoTimeText, type PhotoSheetItem } from './photo-sheet';
import type { Mark } from './sheet-model';

const l = paperLabelsFrom(evidencePapersZhCN);
const item = (i: number, o: Partial<PhotoSheetItem> = {}): PhotoSheetItem => ({
  no: `ZP-0${i}`,
  kind: 'distant',
  ref: `p${i}`,
  widthPx: 4000,
  heightPx: 3000,
  time: { local: '2026-04-20T09:41:07', offset: '+08:00' },
  position: { lngLat: [117.1334567, 34.5012345], source: 'exif' },
  gk: { x: 3820031.2544, y: 39512040.5121 },
  bearing: { degrees: 135, ref: 'true' },
  photographer: '李晓燕',
  description: '图斑全貌',
  sha256: 'e4823064f22f1d75' + '0'.repeat(48),
  ...o,
});

describe('the photo sheet', () => {
  it('puts two photos on a page, each fitted with its aspect kept, captioned with number, time, position, bearing, photographer and short hash', () => {
    const sheets = layoutPhotoSheets(
      [1, 2, 3].map((i) => item(i)),
      '杏国土核〔2026〕012号',
      l,
    );
    expect(sheets.map((s) => s.role)).toEqual(['photos', 'photos']);
    const images = sheets.map((s) => s.marks.filter((m): m is Extract<Mark, { kind: 'image' }> => m.kind === 'image'));
    expect(images.map((i) => i.map((m) => m.ref))).toEqual([['p1', 'p2'], ['p3']]);
    for (const m of images.flat()) {
      expect(m.rect.w / m.rect.h).toBeCloseTo(4 / 3, 6);
      expect(m.rect.x).toBeGreaterThanOrEqual(25 - 1e-9);
      expect(m.rect.x + m.rect.w).toBeLessThanOrEqual(190 + 1e-9);
    }
    // The two photos of a page do not overlap, nor their captions.
    const [a, b] = images[0]!;
    expect(a!.rect.y + a!.rect.h).toBeLessThan(b!.rect.y);
    const texts = sheets[0]!.marks.flatMap((m) => (m.kind === 'text' ? [m.text] : []));
    for (const s of [
      '现场照片',
      '核查记录：杏国土核〔2026〕012号',
      'ZP-01',
      '远景',
      '2026-04-20 09:41:07（UTC+08:00）',
      '135.0°（真北）',
      '李晓燕',
      'e4823064f22f1d75（前 16 位，完整值见电子数据提取清单）',
      '第 1 页 共 2 页',
    ])
      expect(texts.join('\n')).toContain(s);
    expect(texts.join('\n')).toContain('X 3820031.254 m，Y 39512040.512 m');
  });

  it('says what the camera did not record, a hand placement, and a photo it cannot draw', () => {
    expect(photoTimeText({ local: '2026-04-20T09:52:10', offset: null }, l)).toBe('2026-04-20 09:52:10（相机未记录时区）');
    expect(photoTimeText(null, l)).toBe('相机未记录');
    expect(photoBearingText({ degrees: 272.44, ref: 'magnetic' }, l)).toBe('272.4°（磁北）');
    expect(photoBearingText({ degrees: 10, ref: 'unknown' }, l)).toBe('10.0°（基准未注明）');
    expect(photoPositionText(item(1, { position: null }), l)).toBe('未定位');
    expect(photoPositionText(item(1, { position: { lngLat: [117.1, 34.5], source: 'hand' }, gk: null }), l)).toBe(
      '经度 117.1000000°，纬度 34.5000000°（人工定位）',
    );
    const heic = layoutPhotoSheets([item(1, { ref: null })], 'N', l);
    expect(heic[0]!.marks.some((m) => m.kind === 'image')).toBe(false);
    expect(heic[0]!.marks.some((m) => m.kind === 'text' && m.text.includes('此格式无法在本页显示'))).toBe(true);
    expect(layoutPhotoSheets([], 'N', l)).toEqual([]);
    expect(fitRect({ x: 0, y: 0, w: 100, h: 50 }, 1000, 1000)).toEqual({ x: 25, y: 0, w: 50, h: 50 });
  });
});

describe('照片编号', () => {
  it('numbers a record’s photos in its order, padded so they sort', () => {
    expect(photoNumbers(3)).toEqual(['ZP-01', 'ZP-02', 'ZP-03']);
    expect(photoNumbers(120)[119]).toBe('ZP-120');
    expect(photoNumbers(120)[0]).toBe('ZP-001');
    expect(photoNumbers(0)).toEqual([]);
  });
});

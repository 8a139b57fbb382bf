import { describe, expect, it } from 'vitest';
import { formatTrackIssue, TRACK_MESSAGES } from './track';

const placeholders = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('track messages', () => {
  it('exist in both languages with the same placeholders, each naming the file first', () => {
    expect(Object.keys(TRACK_MESSAGES.en).sort()).toEqual(Object.keys(TRACK_MESSAGES['zh-CN']).sort());
    for (const [code, zh] of Object.entries(TRACK_MESSAGES['zh-CN'])) {
      const en = TRACK_MESSAGES.en[code as keyof typeof TRACK_MESSAGES.en];
      expect(placeholders(en)).toEqual(placeholders(zh));
      expect(zh.startsWith('{file}：')).toBe(true);
      expect(en.startsWith('{file}: ')).toBe(true);
    }
  });

  it('fill parameters, print a missing one as "?", and say a KMZ\'s zip problems in the zip reader\'s words', () => {
    expect(formatTrackIssue({ code: 'track.badPoints', severity: 'warning', file: '0420.gpx', params: { count: 3 } }, 'zh-CN')).toBe(
      '0420.gpx：3 个轨迹点的坐标无效（超出经纬度范围），已跳过',
    );
    expect(formatTrackIssue({ code: 'track.badPoints', severity: 'warning', file: '0420.gpx' }, 'en')).toBe(
      '0420.gpx: ? track points have invalid coordinates (outside longitude/latitude ranges); skipped',
    );
    expect(formatTrackIssue({ code: 'zip.corrupt', severity: 'error', file: 'a.kmz', params: { reason: 'crc' } }, 'zh-CN')).toBe(
      'a.kmz：压缩包损坏或无法解压（校验码不符，数据已损坏）',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createInspection } from './inspection-record';
import { summaryOf } from './list';
import { INSPECTION_SUMMARY_VERSION, restoreInspectionSummary, summaryRecordOf } from './summary-record';

const at = Date.UTC(2026, 3, 20, 2);
const plotted = createInspection(
  {
    id: 'I1',
    number: '核〔2026〕001号',
    source: { kind: 'drawn' },
    location: { township: '石桥镇', village: '青石村', areaId: null, place: '东侧' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [117, 35],
          [117.004, 35],
          [117.004, 35.002],
          [117, 35],
        ],
      ],
    },
  },
  '张三',
  at,
);
const unplotted = createInspection({ id: 'I2', number: '核〔2026〕002号', source: { kind: 'typed' } }, '张三', at);

describe('an inspection summary record', () => {
  it("is the list's summary of the record with its plot's box and the box's centre, and restores as written", () => {
    const s = summaryRecordOf(plotted);
    expect(s).toEqual({ v: INSPECTION_SUMMARY_VERSION, ...summaryOf(plotted), bbox: [117, 35, 117.004, 35.002], centre: s.centre });
    expect(s.centre![0]).toBeCloseTo(117.002, 12);
    expect(s.centre![1]).toBeCloseTo(35.001, 12);
    expect(restoreInspectionSummary(structuredClone(s))).toMatchObject({ ok: true, value: s });
    const none = summaryRecordOf(unplotted);
    expect([none.bbox, none.centre, none.source, none.day]).toEqual([null, null, 'typed', '2026-04-20']);
    expect(restoreInspectionSummary(none).ok).toBe(true);
  });

  it('is rejected (to be rebuilt from its record) when a field is missing or wrong, never repaired', () => {
    const s = summaryRecordOf(plotted);
    const bad: [Record<string, unknown>, string | undefined][] = [
      [{ ...s, v: 2 }, 'v'],
      [{ ...s, id: '' }, 'id'],
      [{ ...s, status: 'done' }, 'status'],
      [{ ...s, conclusion: 'maybe' }, 'conclusion'],
      [{ ...s, source: 'fax' }, 'source'],
      [{ ...s, day: '2026-02-30' }, 'day'],
      [{ ...s, township: undefined }, 'township'],
      [{ ...s, updatedAt: '1' }, 'updatedAt'],
      [{ ...s, photoCount: -1 }, 'photoCount'],
      [{ ...s, filed: 'no' }, 'filed'],
      [{ ...s, bbox: [117, 95, 118, 96] }, 'bbox'],
      [{ ...s, centre: null }, 'centre'],
      [{ ...s, bbox: null }, 'centre'],
    ];
    for (const [raw, path] of bad) expect(restoreInspectionSummary(raw), path).toMatchObject({ ok: false, path });
    expect(restoreInspectionSummary(null)).toMatchObject({ ok: false, reason: 'notObject' });
  });
});

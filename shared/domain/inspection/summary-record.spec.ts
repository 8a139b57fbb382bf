import { describe, expect, it } from 'vitest';
import { createInspection } from './inspection-record';
import { summaryOf } from './list';
import { INSPECTION_SUMMARY_VERSION, outlineCoordinates, outlineOf, restoreInspectionSummary, summaryRecordOf } from './summary-record';

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
    expect(s).toEqual({
      v: INSPECTION_SUMMARY_VERSION,
      ...summaryOf(plotted),
      bbox: [117, 35, 117.004, 35.002],
      centre: s.centre,
      outline: s.outline,
    });
    expect(outlineCoordinates(s.outline!)).toEqual([plotted.geometry!.coordinates]);
    expect(s.centre![0]).toBeCloseTo(117.002, 12);
    expect(s.centre![1]).toBeCloseTo(35.001, 12);
    expect(restoreInspectionSummary(structuredClone(s))).toMatchObject({ ok: true, value: s });
    const none = summaryRecordOf(unplotted);
    expect([none.bbox, none.centre, none.outline, none.source, none.day]).toEqual([null, null, null, 'typed', '2026-04-20']);
    expect(restoreInspectionSummary(none).ok).toBe(true);
  });

  it('is rejected (to be rebuilt from its record) when a field is missing or wrong, never repaired', () => {
    const s = summaryRecordOf(plotted);
    const bad: [Record<string, unknown>, string | undefined][] = [
      // Version 1 had no outline: it is made again from its record, not migrated.
      [{ ...s, v: 1 }, 'v'],
      [{ ...s, v: 3 }, 'v'],
      [{ ...s, outline: null }, 'outline'],
      [{ ...s, outline: { ...s.outline, xy: [...s.outline!.xy] } }, 'outline'],
      [{ ...s, outline: { ...s.outline, xy: s.outline!.xy.slice(0, 6) } }, 'outline'],
      [{ ...s, outline: { ...s.outline, ringEnds: new Uint32Array([3]) } }, 'outline'],
      [{ ...s, outline: { ...s.outline, polygonEnds: new Uint32Array([2]) } }, 'outline'],
      [{ ...s, outline: { ...s.outline, xy: s.outline!.xy.map((v, i) => (i === 0 ? NaN : v)) } }, 'outline'],
      [{ ...summaryRecordOf(unplotted), outline: s.outline }, 'outline'],
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

  it("keeps a plot's outline within OUTLINE_TOLERANCE_M of the plot, its holes and parts, and small rings whole", () => {
    // A 100 m × 60 m field whose long sides carry 200 vertices each wobbling ±3 cm (a traced boundary), with a hole.
    const m = 1 / 111_320;
    const kx = 1 / Math.cos((35 * Math.PI) / 180);
    const at = (x: number, y: number): [number, number] => [117 + x * m * kx, 35 + y * m];
    const outer: [number, number][] = [];
    for (let i = 0; i <= 200; i++) outer.push(at(i / 2, i % 2 ? 0.03 : -0.03));
    for (let i = 200; i >= 0; i--) outer.push(at(i / 2, 60 + (i % 2 ? 0.03 : -0.03)));
    outer.push(outer[0]!);
    const hole: [number, number][] = [at(40, 20), at(40, 30), at(50, 30), at(50, 20), at(40, 20)];
    const tiny: [number, number][] = [at(200, 0), at(201, 0), at(201, 1), at(200, 0)];
    const o = outlineOf({ type: 'MultiPolygon', coordinates: [[outer, hole], [tiny]] })!;
    const [[ring, h], [t]] = outlineCoordinates(o) as [[number, number][][], [number, number][][]];
    // The wobble (6 cm) is below the tolerance: the long sides become straight, the corners stay.
    expect(ring!.length).toBeLessThan(12);
    expect(ring![0]).toEqual(outer[0]);
    expect(ring!.at(-1)).toEqual(outer[0]);
    for (const p of outer) {
      // Every vertex of the plot is within the tolerance of the outline's boundary.
      let best = Infinity;
      for (let i = 0; i + 1 < ring!.length; i++) {
        const [ax, ay] = [(ring![i]![0] - 117) / (m * kx), (ring![i]![1] - 35) / m];
        const [bx, by] = [(ring![i + 1]![0] - 117) / (m * kx), (ring![i + 1]![1] - 35) / m];
        const [px, py] = [(p[0] - 117) / (m * kx), (p[1] - 35) / m];
        const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
        const u = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2)) : 0;
        best = Math.min(best, Math.hypot(px - ax - u * (bx - ax), py - ay - u * (by - ay)));
      }
      expect(best).toBeLessThanOrEqual(0.1 + 1e-6);
    }
    expect(h).toEqual(hole);
    expect(t).toEqual(tiny);
    expect(restoreInspectionSummary(structuredClone({ ...summaryRecordOf(plotted), outline: o })).ok).toBe(true);
  });
});

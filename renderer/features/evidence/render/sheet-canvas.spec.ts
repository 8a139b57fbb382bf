/** The canvas renderer against a recording 2D context: the marks in order, even-odd fills, the frame clip, fonts in mm. */
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../../../shared/domain/evidence/sheet-model';
import { canvasSizeOf, drawSheet, withPngDpi, type Ctx2D } from './sheet-canvas';

function recorder() {
  const calls: string[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(
    {},
    {
      get: (_t, k: string) =>
        k in state
          ? state[k]
          : (...args: unknown[]) => calls.push(`${k}(${args.map((a) => (typeof a === 'number' ? +a.toFixed(4) : String(a))).join(',')})`),
      set: (_t, k: string, v) => {
        state[k] = v;
        calls.push(`${k}=${typeof v === 'number' ? +v.toFixed(4) : String(v)}`);
        return true;
      },
    },
  ) as Ctx2D;
  return { ctx, calls };
}

const sheet: Sheet = {
  role: 'map',
  paper: { name: 'A4', orientation: 'portrait', widthMm: 210, heightMm: 297 },
  frame: { x: 20, y: 36, w: 170, h: 130 },
  marks: [
    {
      kind: 'path',
      rings: [
        [
          [30, 40],
          [90, 40],
          [90, 100],
        ],
      ],
      closed: true,
      clip: true,
      fill: '#ffff00',
      fillOpacity: 0.3,
      stroke: '#ff0000',
      strokeMm: 0.5,
    },
    { kind: 'text', x: 105, y: 15, text: '违法用地示意图', sizePt: 18, bold: true, anchor: 'middle' },
  ],
};

describe('sheet-canvas', () => {
  it('sizes A4 and A3 at 300 dpi within the canvas caps', () => {
    expect(canvasSizeOf(sheet, 300)).toEqual({ widthPx: 2480, heightPx: 3508 });
    expect(canvasSizeOf({ paper: { name: 'A3', orientation: 'landscape', widthMm: 420, heightMm: 297 } }, 300)).toEqual({
      widthPx: 4961,
      heightPx: 3508,
    });
  });

  it('draws in mm (scaled once), clips frame marks, fills even-odd, sets fonts in mm', () => {
    const { ctx, calls } = recorder();
    drawSheet(ctx, sheet, new Map(), 300 / 25.4);
    expect(calls[1]).toBe(`scale(${+(300 / 25.4).toFixed(4)},${+(300 / 25.4).toFixed(4)})`);
    const clipAt = calls.indexOf('rect(20,36,170,130)');
    expect(clipAt).toBeGreaterThan(0);
    expect(calls[clipAt + 1]).toBe('clip()');
    expect(calls).toContain('fill(evenodd)');
    expect(calls).toContain('globalAlpha=0.3');
    expect(calls).toContain('lineWidth=0.5');
    const font = calls.find((c) => c.startsWith('font=700 6.35'));
    expect(font).toContain('"Noto Sans CJK SC"');
    expect(calls).toContain('textAlign=center');
    expect(calls.some((c) => c.startsWith('fillText(违法用地示意图'))).toBe(true);
    // the text (not clipped) comes after the clip was restored
    expect(
      calls.lastIndexOf(
        'restore()',
        calls.findIndex((c) => c.startsWith('fillText')),
      ),
    ).toBeGreaterThan(clipAt);
  });

  it('states the resolution in a pHYs chunk right after IHDR', () => {
    // a 1×1 PNG (IHDR, IDAT, IEND)
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
      c.charCodeAt(0),
    );
    const out = withPngDpi(png, 300);
    const dv = new DataView(out.buffer);
    expect(String.fromCharCode(...out.subarray(37, 41))).toBe('pHYs');
    expect([dv.getUint32(41), dv.getUint32(45), out[49]]).toEqual([11811, 11811, 1]);
    // Python's zlib.crc32(b'pHYs' + struct.pack('>IIB', 11811, 11811, 1)).
    expect(dv.getUint32(50)).toBe(0x78a53f76);
    expect(out.length).toBe(png.length + 21);
    // again: replaced, not doubled
    expect(withPngDpi(out, 150).length).toBe(out.length);
    expect(withPngDpi(new Uint8Array([1, 2, 3]), 300)).toEqual(new Uint8Array([1, 2, 3]));
  });
});

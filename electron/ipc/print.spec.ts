import { describe, expect, it } from 'vitest';
import { toPrintToPdfOptions } from './print';

describe('toPrintToPdfOptions', () => {
  it('passes the paper portrait in inches and lets `landscape` decide the orientation', () => {
    for (const pageSize of [
      { widthMm: 297, heightMm: 420 },
      { widthMm: 420, heightMm: 297 },
    ]) {
      const o = toPrintToPdfOptions({ pageSize, landscape: true, printBackground: true });
      expect(o.pageSize).toEqual({ width: 297 / 25.4, height: 420 / 25.4 });
      expect(o.landscape).toBe(true);
    }
  });
  it('has zero margins, scale 1 and no header/footer', () => {
    const o = toPrintToPdfOptions({ pageSize: { widthMm: 210, heightMm: 297 }, landscape: false, printBackground: false });
    expect(o).toMatchObject({
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      scale: 1,
      displayHeaderFooter: false,
      printBackground: false,
      landscape: false,
    });
  });
  it('prefers the CSS page sizes only when asked (mixed A3/A4 pages of one evidence PDF)', () => {
    const base = { pageSize: { widthMm: 210, heightMm: 297 }, landscape: false, printBackground: true };
    expect(toPrintToPdfOptions(base).preferCSSPageSize).toBe(false);
    expect(toPrintToPdfOptions({ ...base, cssPageSize: false }).preferCSSPageSize).toBe(false);
    expect(toPrintToPdfOptions({ ...base, cssPageSize: true }).preferCSSPageSize).toBe(true);
  });
});

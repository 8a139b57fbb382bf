/**
 * The evidence map sheet through Chromium's print pipeline (the one Electron's printToPDF uses), for two realistic
 * cases (tests/support/evidence-cases.ts): the sheets as SVG (SheetSvg) in a print root (print-css.ts) →
 * page.pdf({ preferCSSPageSize, printBackground }) from /usr/bin/chromium → poppler's tools, independent of us:
 * - pdfinfo: each page's size is its paper's (A4 portrait 595 × 842 pt; A3 landscape 1191 × 842 pt);
 * - pdftoppm -r 300: the grid's ticks outside the frame are at their mm positions, and 100 mm of grid spacing is
 *   1181.1 px (±0.5 %) on both axes — true scale: 100 mm on paper is 100 m (1:1,000) / 200 m (1:2,000);
 * - pdffonts: the CJK font is embedded; pdftotext: the title, the record number and every J point's X and Y as
 *   printed (3 decimals).
 * The same sheets drawn by the canvas renderer (sheet-canvas.ts, bundled into the page) to a 300-dpi PNG: its size,
 * its stated resolution (pHYs), and the grid ticks at their mm positions on the decoded image.
 * The PDFs and 300-dpi PNGs stay in test-results/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinateGrid } from '../../shared/domain/evidence/grid';
import { formatMetres } from '../../shared/domain/units/format';
import { printCss, sheetClassName } from '../../renderer/features/evidence/render/print-css';
import { SheetSvg } from '../../renderer/features/evidence/render/SheetSvg';
import { holeCase, stripsCase, type EvidenceCase } from '../support/evidence-cases';
import { PX_PER_MM, darkRuns, measureFrame, readPgm } from '../support/print-measure';

const OUT = new URL('../../test-results/', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
}, 60_000);
afterAll(async () => browser?.close());

/** sheet-canvas.ts as a script for the page (window.sheetCanvas). */
const canvasScript = build({
  entryPoints: [new URL('../../renderer/features/evidence/render/sheet-canvas.ts', import.meta.url).pathname],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'sheetCanvas',
  target: 'es2022',
}).then((r) => r.outputFiles[0]!.text);

function printRoot(c: EvidenceCase): string {
  const urls = Object.fromEntries(Object.entries(c.images).map(([k, v]) => [k, `data:image/png;base64,${Buffer.from(v).toString('base64')}`]));
  const body = c.sheets
    .map((s) => `<div class="${sheetClassName(s.paper)}">${renderToStaticMarkup(createElement(SheetSvg, { sheet: s, images: urls }))}</div>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${printCss(c.sheets.map((s) => s.paper))}</style></head><body>${body}</body></html>`;
}

async function printCase(c: EvidenceCase): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(printRoot(c), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = `${OUT}evidence-${c.name}.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.close();
  execFileSync('pdftoppm', ['-r', '300', '-png', pdf, `${OUT}evidence-${c.name}`]);
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-f', '1', '-l', '1', pdf, `${OUT}evidence-${c.name}-gray`]);
  return pdf;
}

describe.each([
  ['hole', holeCase],
  ['strips', stripsCase],
] as const)('evidence sheet “%s” printed by Chromium', (name, make) => {
  let c: EvidenceCase;
  let pdf: string;
  beforeAll(async () => {
    c = await make();
    pdf = await printCase(c);
  }, 120_000);

  it('has one page per sheet, each at its paper size', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(c.sheets.length), pdf]).toString();
    expect(info).toMatch(new RegExp(`Pages:\\s+${c.sheets.length}\\n`));
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes.length).toBe(c.sheets.length);
    sizes.forEach(([w, h], i) => {
      const p = c.sheets[i]!.paper;
      expect(Math.abs(w! - (p.widthMm * 72) / 25.4)).toBeLessThan(1);
      expect(Math.abs(h! - (p.heightMm * 72) / 25.4)).toBeLessThan(1);
    });
  });

  it('prints the grid at true scale: ticks at their mm positions, 100 mm = 1181 px ±0.5 % on both axes', () => {
    const { w, h, px } = readPgm(`${OUT}evidence-${name}-gray-${c.sheets.length >= 10 ? '01' : '1'}.pgm`);
    const f = c.plan.zones.frame;
    // Chromium's page box is within 1 pt of the paper (594.96 pt for 210 mm) and pdftoppm rounds it to pixels
    expect(Math.abs(w - c.plan.paper.widthMm * PX_PER_MM)).toBeLessThanOrEqual(5);
    expect(Math.abs(h - c.plan.paper.heightMm * PX_PER_MM)).toBeLessThanOrEqual(5);
    const grid = coordinateGrid(c.plan.ground, f, c.plan.settings.gridSpacingMm);
    // ticks above the frame (vertical lines) on the row 0.75 mm above it; left of it (horizontal lines)
    const row = Math.round((f.y - 0.75) * PX_PER_MM);
    const xs = darkRuns(Array.from({ length: w }, (_, x) => px[row * w + x]!));
    const col = Math.round((f.x - 0.75) * PX_PER_MM);
    const ys = darkRuns(Array.from({ length: h }, (_, y) => px[y * w + col]!));
    expect(xs.length).toBe(grid.eastings.length);
    expect(ys.length).toBe(grid.northings.length);
    grid.eastings.forEach((l, i) => expect(Math.abs(xs[i]! - l.mm * PX_PER_MM)).toBeLessThan(2));
    grid.northings.forEach((l, i) => expect(Math.abs(ys[i]! - l.mm * PX_PER_MM)).toBeLessThan(2));
    // The frame's border (0.3 mm), found from outside on a row and a column clear of grid lines and their labels
    const { frameW, frameH } = measureFrame(
      { w, h, px },
      f,
      grid.eastings.map((l) => l.mm),
      grid.northings.map((l) => l.mm),
    );
    expect(Math.abs(frameW - f.w * PX_PER_MM) / (f.w * PX_PER_MM)).toBeLessThan(0.005);
    expect(Math.abs(frameH - f.h * PX_PER_MM) / (f.h * PX_PER_MM)).toBeLessThan(0.005);
    const groundW = c.plan.ground.extent[2] - c.plan.ground.extent[0];
    const groundH = c.plan.ground.extent[3] - c.plan.ground.extent[1];
    console.log(
      `[evidence ${name}] frame ${f.w} × ${f.h} mm (${groundW} × ${groundH} m at 1:${c.plan.scale}) = ${(f.w * PX_PER_MM).toFixed(1)} × ${(f.h * PX_PER_MM).toFixed(1)} px expected; measured ${frameW.toFixed(1)} × ${frameH.toFixed(1)} px (${(((frameW - f.w * PX_PER_MM) / (f.w * PX_PER_MM)) * 100).toFixed(3)} %, ${(((frameH - f.h * PX_PER_MM) / (f.h * PX_PER_MM)) * 100).toFixed(3)} %)`,
    );
    const spacing = c.plan.settings.gridSpacingMm * PX_PER_MM;
    const report: string[] = [];
    for (const [axis, list] of [
      ['x', xs],
      ['y', ys],
    ] as const) {
      for (let i = 1; i < list.length; i++) {
        const d = list[i]! - list[i - 1]!;
        report.push(`${axis}: ${d.toFixed(2)} px (${(((d - spacing) / spacing) * 100).toFixed(3)} %)`);
        expect(Math.abs(d - spacing) / spacing).toBeLessThan(0.005);
      }
    }
    // the strips case (A3 at 1:2,000) has two lines or more on both axes: the spacing is measured on both there
    if (name === 'strips') expect(report.filter((r) => r.startsWith('x')).length * report.filter((r) => r.startsWith('y')).length).toBeGreaterThan(0);
    console.log(
      `[evidence ${name}] grid spacing ${c.plan.settings.gridSpacingMm} mm = ${spacing.toFixed(1)} px expected; measured ${report.join('; ')}`,
    );
  });

  it('draws the same sheet on a canvas at 300 dpi: its size, its pHYs, the grid ticks at their mm positions', async () => {
    const sheet = c.sheets[0]!;
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: await canvasScript });
    const f = sheet.frame!;
    const grid = coordinateGrid(c.plan.ground, f, c.plan.settings.gridSpacingMm);
    const out = await page.evaluate(
      async ({ sheet, images, rowMm, colMm }) => {
        const api = (window as unknown as { sheetCanvas: typeof import('../../renderer/features/evidence/render/sheet-canvas') }).sheetCanvas;
        await document.fonts.load('10px "Noto Sans CJK SC"');
        const bytes = Object.fromEntries(Object.entries(images).map(([k, v]) => [k, Uint8Array.from(atob(v), (ch) => ch.charCodeAt(0))]));
        const r = await api.renderSheetPng(sheet, bytes, 300);
        if (!r.ok) return { error: r.reason };
        const bmp = await createImageBitmap(new Blob([r.png as Uint8Array<ArrayBuffer>]));
        const cv = new OffscreenCanvas(bmp.width, bmp.height);
        const g = cv.getContext('2d')!;
        g.drawImage(bmp, 0, 0);
        const k = r.widthPx / sheet.paper.widthMm;
        const lum = (d: ImageData) =>
          Array.from({ length: d.width * d.height }, (_, i) => Math.round((d.data[i * 4]! + d.data[i * 4 + 1]! + d.data[i * 4 + 2]!) / 3));
        const row = lum(g.getImageData(0, Math.round(rowMm * k), r.widthPx, 1));
        const col = lum(g.getImageData(Math.round(colMm * k), 0, 1, r.heightPx));
        let bin = '';
        for (const b of r.png) bin += String.fromCharCode(b);
        return { width: r.widthPx, height: r.heightPx, row, col, png: btoa(bin) };
      },
      {
        sheet,
        images: Object.fromEntries(Object.entries(c.images).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
        rowMm: f.y - 0.75,
        colMm: f.x - 0.75,
      },
    );
    await page.close();
    if ('error' in out) throw new Error(String(out.error));
    expect(out.width).toBe(Math.round((sheet.paper.widthMm / 25.4) * 300));
    expect(out.height).toBe(Math.round((sheet.paper.heightMm / 25.4) * 300));
    const png = Buffer.from(out.png, 'base64');
    writeFileSync(`${OUT}evidence-${name}-canvas.png`, png);
    // pHYs: 11811 px/m (300 dpi) on both axes, unit metre
    const at = png.indexOf('pHYs');
    expect(at).toBeGreaterThan(0);
    expect([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8), png[at + 12]]).toEqual([11811, 11811, 1]);
    const k = out.width / sheet.paper.widthMm;
    const xs = darkRuns(out.row);
    const ys = darkRuns(out.col);
    expect(xs.length).toBe(grid.eastings.length);
    expect(ys.length).toBe(grid.northings.length);
    grid.eastings.forEach((l, i) => expect(Math.abs(xs[i]! - l.mm * k)).toBeLessThan(1.5));
    grid.northings.forEach((l, i) => expect(Math.abs(ys[i]! - l.mm * k)).toBeLessThan(1.5));
  }, 60_000);

  it('embeds the CJK font and prints the title, the record number and every J point’s X/Y as text', () => {
    // Chromium embeds Noto CJK (fonts-noto-cjk) as Type 3 fonts with a ToUnicode map: no name, emb yes, uni yes
    const fonts = execFileSync('pdffonts', [pdf]).toString().split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const l of fonts) expect(l).toMatch(/Type 3\s+Custom\s+yes\s+no\s+yes\s+\d+\s+\d+\s*$/);
    expect(execFileSync('fc-match', ['sans-serif:lang=zh-cn']).toString()).toMatch(/Noto Sans CJK/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain(c.plan.settings.title);
    expect(text).toContain(c.content.record.number);
    for (const p of c.content.points) {
      expect(text).toContain(formatMetres(p.x));
      expect(text).toContain(formatMetres(p.y));
    }
    expect(text).toContain('2000国家大地坐标系');
    expect(text).toContain('界址点坐标成果表');
  });
});

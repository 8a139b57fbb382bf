/**
 * 打印地图 as an officer does it on the sample township (EPSG:4527, zone 39): she moves the map to the point
 * 39 500 500 E / 3 879 500 N (117.005480°E 35.044231°N by pyproj) at zoom 17, presses 打印地图 on the toolbar, picks
 * A4 landscape at 1:2,000, and exports the PDF, then the PNG. The Electron stand-in's printToPdf is Playwright's
 * page.pdf (Chromium's print pipeline, the one Electron's printToPDF uses); its saveFile hands the files to the test.
 * Checked with poppler: pdftotext finds the title, the CRS note and the grid labels of the frame's ground; pdffonts
 * shows the CJK font embedded; on pdftoppm -r 300 the frame is its 199 × 146 mm (2350.4 × 1724.4 px) within 0.5 %
 * on both axes and the grid ticks are 100 mm (1181.1 px) apart; the PNG is A4 landscape at 300 dpi (pHYs).
 * Then, in the same journey: a view with no layer in the frame (a grid-only sheet, said so) and a view outside China
 * (refused by name, no export).
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PX_PER_MM, darkRuns, measureFrame, readPgm } from '../support/print-measure';
import { installPrintStandIn, jumpMap, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

/** 39 500 500 E, 3 879 500 N in EPSG:4527 (pyproj: Transformer EPSG:4527 → EPSG:4490). */
const CENTRE: [number, number] = [117.00548011154258, 35.044231488678435];

test('打印地图: A4 landscape 1:2,000 of the view, PDF at true scale and PNG at 300 dpi; a grid-only view; a view outside China', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const consoleWatch = watchConsole(page);
  const saved: { name: string; bytes: Buffer }[] = [];
  const printed: unknown[] = [];
  await installPrintStandIn(page, saved, printed);
  await openApp(page);
  await waitForMapIdle(page);
  await jumpMap(page, CENTRE, 17);

  await page.getByTestId('map-print-command').click();
  const dialog = page.getByTestId('map-print-dialog');
  await expect(dialog).toBeVisible();
  // the layers share EPSG:4527: the sheet is drawn in their zone 39
  await expect(dialog.getByTestId('map-print-zone')).toHaveAttribute('data-rule', 'layers');
  await expect(dialog.getByTestId('map-print-zone')).toHaveAttribute('data-zone', '39');
  await expect(dialog.getByTestId('evidence-title')).toHaveValue('示意图');
  await dialog.getByTestId('evidence-paper').getByText('A4').click();
  await dialog.getByTestId('evidence-orientation').getByText('横向').click();
  await dialog.getByTestId('evidence-legend').selectOption('right');
  // until she picks a scale, the scale follows the frame: the default for A4 landscape (nearest the screen's, on screen)
  const followed = await dialog.getByTestId('map-print-zone').getAttribute('data-default-scale');
  expect(['500', '1000', '2000', '5000', '10000']).toContain(followed);
  await expect(dialog.getByTestId('evidence-scale')).toHaveValue(followed!);
  await dialog.getByTestId('evidence-scale').selectOption('2000');
  await expect(dialog.getByTestId('evidence-preview-map')).toHaveAttribute('data-scale', '2000', { timeout: 30_000 });
  await expect(dialog.getByTestId('evidence-preview-map')).toContainText('2000国家大地坐标系');
  await screenshot(page, info, 'map-print-1-dialog');

  await dialog.getByTestId('map-print-pdf').click();
  await expect(dialog.getByTestId('map-print-done')).toBeVisible({ timeout: 60_000 });
  expect(printed).toEqual([{ pageSize: { widthMm: 297, heightMm: 210 }, landscape: true, printBackground: true, cssPageSize: true }]);
  expect(saved).toHaveLength(1);
  expect(saved[0]!.name).toMatch(/^示意图_1比2000_\d{8}-\d{4}\.pdf$/);
  const dir = info.outputPath('out');
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, 'map.pdf');
  fs.writeFileSync(pdf, saved[0]!.bytes);
  fs.copyFileSync(pdf, path.resolve('test-results/map-print.pdf'));

  // the text: title, CRS note (zone 39, CM 117°E), scale, the grid labels of 398 × 292 m around the centre
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('示意图');
  expect(text).toMatch(/2000国家大地坐标系\s+高斯-克吕格投影\s+3°分带 第39带\s+中央经线 117°E/);
  expect(text).toContain('1:2 000');
  for (const label of ['39500400', '39500600']) expect(text, label).toContain(label);
  // the X labels are turned 90° along the frame's sides: pdftotext reads their glyphs in page order, i.e. reversed
  for (const label of ['3879400', '3879600']) expect(text, label).toContain([...label].reverse().join(''));
  expect(text).not.toContain('当事人');
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const l of fonts) expect(l, 'emb yes, uni yes').toMatch(/\syes\s+(yes|no)\s+yes\s+\d+\s+\d+$/);

  // true scale at 300 dpi: the frame (A4 landscape, legend at the right: 199 × 146 mm) and the 100 mm grid ticks
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-f', '1', '-l', '1', pdf, path.join(dir, 'gray')]);
  const pgm = readPgm(
    path.join(
      dir,
      fs.readdirSync(dir).find((f) => f.startsWith('gray') && f.endsWith('.pgm'))!,
    ),
  );
  // the frame on A4 landscape with the legend at the right (map-sheet.ts sheetZones; its spec asserts the same):
  // 20 mm from the left, its top at 36 mm, 297 − 20 − 4 − 64 − 10 = 199 mm wide, 210 − 36 − 28 = 146 mm high
  const f = { x: 20, y: 36, w: 199, h: 146 };
  const row = Math.round((f.y - 0.75) * PX_PER_MM);
  const col = Math.round((f.x - 0.75) * PX_PER_MM);
  const xs = darkRuns(Array.from({ length: pgm.w }, (_, x) => pgm.px[row * pgm.w + x]!));
  const ys = darkRuns(Array.from({ length: pgm.h }, (_, y) => pgm.px[y * pgm.w + col]!));
  expect(xs.length, `ticks above ${xs.join(', ')}`).toBe(2);
  expect(ys.length, `ticks left ${ys.join(', ')}`).toBe(2);
  // the ticks of 39500400 / 39500600 and 3879600 / 3879400: 100 mm (200 m at 1:2,000) apart on both axes, where the
  // centre puts them (39500400 is 100 m west of the centre: 50 mm left of the frame's middle)
  const spacing = 100 * PX_PER_MM;
  expect(Math.abs((xs[1]! - xs[0]!) / spacing - 1), `E–W ${xs[1]! - xs[0]!} px`).toBeLessThan(0.005);
  expect(Math.abs((ys[1]! - ys[0]!) / spacing - 1), `N–S ${ys[1]! - ys[0]!} px`).toBeLessThan(0.005);
  expect(Math.abs(xs[0]! - (f.x + f.w / 2 - 50) * PX_PER_MM)).toBeLessThan(3);
  expect(Math.abs(ys[0]! - (f.y + f.h / 2 - 50) * PX_PER_MM)).toBeLessThan(3);
  const { frameW, frameH } = measureFrame(
    pgm,
    f,
    xs.map((x) => x / PX_PER_MM),
    ys.map((y) => y / PX_PER_MM),
  );
  expect(Math.abs(frameW / (f.w * PX_PER_MM) - 1), `frame W ${frameW} px vs ${f.w * PX_PER_MM}`).toBeLessThan(0.005);
  expect(Math.abs(frameH / (f.h * PX_PER_MM) - 1), `frame H ${frameH} px vs ${f.h * PX_PER_MM}`).toBeLessThan(0.005);
  console.log(
    `map-print at 300 dpi: frame ${frameW.toFixed(1)} × ${frameH.toFixed(1)} px vs ${(f.w * PX_PER_MM).toFixed(1)} × ${(f.h * PX_PER_MM).toFixed(1)}; grid ${(xs[1]! - xs[0]!).toFixed(1)} / ${(ys[1]! - ys[0]!).toFixed(1)} px vs ${spacing.toFixed(1)}`,
  );

  // the PNG: A4 landscape at 300 dpi, stated in its pHYs (11811 px/m on both axes, unit metre)
  await dialog.getByTestId('map-print-png').click();
  await expect(dialog.getByTestId('map-print-done')).toContainText('.png', { timeout: 60_000 });
  expect(saved).toHaveLength(2);
  const png = saved[1]!.bytes;
  expect(saved[1]!.name).toMatch(/^示意图_1比2000_\d{8}-\d{4}\.png$/);
  fs.writeFileSync(path.resolve('test-results/map-print.png'), png);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3508, 2480]);
  const at = png.indexOf('pHYs');
  expect(at).toBeGreaterThan(0);
  expect([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8), png[at + 12]]).toEqual([11811, 11811, 1]);
  await screenshot(page, info, 'map-print-2-done');
  await dialog.getByTestId('map-print-close').click();

  // Then two views that cannot give a usual sheet (one journey: the app is opened once).
  // 100°E 30°N (Sichuan): none of the township's layers reach the frame; the centre's own 3° zone 33
  await jumpMap(page, [100, 30], 16);
  // this time through the menu, as Electron's 文件 › 打印地图… sends it (Ctrl+P is that item's accelerator)
  await page.evaluate(() => (window as unknown as { __menu(id: string): void }).__menu('evidence.printMap'));
  await expect(dialog.getByTestId('map-print-zone')).toHaveAttribute('data-rule', 'centre');
  await expect(dialog.getByTestId('map-print-zone')).toHaveAttribute('data-zone', '33');
  // the township's imagery does not reach here either (its own note), and nothing else is drawn: a grid-only sheet
  await expect(dialog.getByTestId('evidence-note').filter({ hasText: '只有坐标格网' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('map-print-pdf')).toBeEnabled();
  await screenshot(page, info, 'map-print-3-empty');
  await dialog.getByTestId('map-print-close').click();

  // Paris: no CGCS2000 zone
  await jumpMap(page, [2.35, 48.85], 15);
  await page.getByTestId('map-print-command').click();
  await expect(dialog.getByTestId('evidence-refusal')).toHaveAttribute('data-reason', 'outsideChina');
  await expect(dialog.getByTestId('evidence-refusal')).toContainText('不在我国范围内');
  await expect(dialog.getByTestId('map-print-pdf')).toBeDisabled();
  await expect(dialog.getByTestId('map-print-png')).toBeDisabled();
  await screenshot(page, info, 'map-print-4-outside');
  consoleWatch.assertClean();
});

/**
 * The .xlsx export of a real overlay (the sample township's change patches over its permanent farmland and its
 * land classes grouped by DLMC, run through the GEOS engine as the worker runs it), read back with exceljs and
 * compared, cell by cell, with the CSV of the same table.
 */
import { describe, expect, it } from 'vitest';
import * as ExcelJS from 'exceljs';
import type { MultiPolygon, Polygon } from 'geojson';
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { overlayPlots } from '../../../shared/domain/geometry/overlay';
import { writeXlsx } from '../../../shared/formats/xlsx/write';
import { makeSampleTownship } from '../../../shared/sample/township';
import { translate } from '../../i18n/i18n.logic';
import {
  buildOverlayTable,
  overlayCsv,
  overlayLayerOf,
  overlayPlotsOf,
  overlaySheet,
  overlaySheetLabels,
  overlayTableLabels,
  overlayWorkbook,
  type OverlayInputFeature,
  type OverlayLayerChoice,
} from './overlay.logic';

/** RFC 4180 fields of one line (the CSV quotes a field holding , " or a line break). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

describe('overlay .xlsx export of the sample township (read back with exceljs)', async () => {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
  const sample = makeSampleTownship();
  const feats = (name: string): OverlayInputFeature[] =>
    sample
      .find((l) => l.name === name)!
      .features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
      .map((f) => ({ fid: f.fid, geometry: f.geometry as Polygon | MultiPolygon, props: f.properties }));
  const choices: OverlayLayerChoice[] = [
    { layerId: 'farmland', name: '永久基本农田YJJBNTTB', groupField: null },
    { layerId: 'dltb', name: '地类图斑DLTB', groupField: 'DLMC' },
  ];
  const plots = overlayPlotsOf(feats('卫片图斑WPTB'), 'JCBH');
  const layers = choices.map((c) => overlayLayerOf(c, feats(c.name)));
  const result = overlayPlots(await loadGeometryEngine(), plots, layers);
  const table = buildOverlayTable(result, choices, overlayTableLabels(t));
  const sheet = overlaySheet(table, overlaySheetLabels(t));
  const [csvHead, ...csvRows] = new TextDecoder()
    .decode(overlayCsv(sheet))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map(csvFields);
  const bytes = await writeXlsx(overlayWorkbook(sheet, t('overlay.sheetName'), new Date('2026-11-22T08:00:00Z')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  const ws = wb.worksheets[0]!;

  it('is a real, grouped overlay (several plots, several land classes, farmland occupied)', () => {
    expect(result.plots.length).toBeGreaterThanOrEqual(3);
    expect(table.columns.filter((c) => c.layer === '地类图斑DLTB').length).toBeGreaterThanOrEqual(3);
    expect(table.rows.some((r) => r.cells[1]![0] > 0)).toBe(true);
  });

  it('has one sheet with a Chinese name, its header row frozen with the plot id column, filtered', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['叠加分析']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(ws.autoFilter).toMatch(/^A1:[A-Z]+1$/);
  });

  it('has the CSV header: areas labelled 高斯平面 / 椭球面积, then 投影分带 and 中央经线', () => {
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(csvHead);
    expect(head).toContain('总面积(高斯平面 m²)');
    expect(head).toContain('总面积(亩)');
    expect(head.slice(-4)).toEqual(['总面积(椭球面积 m²)', '投影分带', '中央经线(°E)', '备注']);
    expect(ws.getRow(1).height).toBeGreaterThan(15); // long labels wrap
  });

  it('holds every figure as a number with 0.00 (m²) / 0.0000 (亩) / 0 (°), equal to the CSV figure of the same row', () => {
    expect(ws.rowCount).toBe(csvRows.length + 1);
    let figures = 0;
    csvRows.forEach((csv, ri) => {
      const row = ws.getRow(ri + 2);
      sheet.header.forEach((h, ci) => {
        const cell = row.getCell(ci + 1);
        const text = csv[ci]!;
        if (h.kind === 'text') {
          expect(cell.value ?? '', `${h.label} row ${ri}`).toBe(text);
          return;
        }
        expect(typeof cell.value, `${h.label} row ${ri}`).toBe('number');
        const numFmt = { m2: '0.00', mu: '0.0000', degrees: '0' }[h.kind];
        expect(cell.numFmt).toBe(numFmt);
        // The number is the CSV's text read back, and Excel's format prints that text again.
        expect(cell.value).toBe(Number(text));
        const decimals = numFmt.length > 1 ? numFmt.length - 2 : 0;
        expect((cell.value as number).toFixed(decimals)).toBe(text);
        figures++;
      });
    });
    expect(figures).toBeGreaterThan(30);
  });

  it('keeps each layer block adding up to the plot total in the sheet, to the last printed digit', () => {
    const head = sheet.header.map((h) => h.label);
    for (let r = 2; r <= ws.rowCount; r++) {
      const total = ws.getRow(r).getCell(2).value as number;
      for (const layer of ['永久基本农田YJJBNTTB', '地类图斑DLTB']) {
        const cols = head.flatMap((l, i) => (l.includes(layer) && l.endsWith('(高斯平面 m²)') ? [i + 1] : []));
        expect(cols.length).toBeGreaterThanOrEqual(2);
        const sum = cols.reduce((s, c) => s + (ws.getRow(r).getCell(c).value as number), 0);
        expect(sum.toFixed(2)).toBe(total.toFixed(2));
      }
    }
  });

  it('sizes the columns: the id column fits its ids, figure columns their numbers', () => {
    const idWidth = ws.getColumn(1).width!;
    for (const r of csvRows) expect(idWidth).toBeGreaterThanOrEqual(r[0]!.length);
    sheet.header.forEach((h, i) => {
      if (h.kind === 'm2' || h.kind === 'mu') expect(ws.getColumn(i + 1).width!).toBeGreaterThanOrEqual(8);
    });
  });

  it('names the zone of each plot (sample township: CGCS2000 3° zone 39, CM 117°E)', () => {
    const zoneCol = sheet.header.length - 2;
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(ws.getRow(r).getCell(zoneCol).value).toBe('CGCS2000 3° 带 第 39 带');
      expect(ws.getRow(r).getCell(zoneCol + 1).value).toBe(117);
    }
  });
});

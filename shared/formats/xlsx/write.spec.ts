import { describe, expect, it } from 'vitest';
import * as ExcelJS from 'exceljs';
import { columnLetter, writeXlsx } from './write';
import { columnWidth, displayWidth, headerLines, sheetNames, wrappedLines, type XlsxWorkbook } from './workbook';

const read = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
};

describe('sheet names', () => {
  it('keeps Chinese names and makes the rest valid and distinct for Excel', () => {
    expect(sheetNames(['叠加分析'])).toEqual(['叠加分析']);
    expect(sheetNames(['a/b:c?', "'x'", '', 'Sheet'])).toEqual(['a_b_c_', 'x', 'Sheet', 'Sheet (2)']);
    expect(sheetNames(['地类', '地类'])).toEqual(['地类', '地类 (2)']);
    const long = '永'.repeat(40);
    const [a, b] = sheetNames([long, long]);
    expect([...a!]).toHaveLength(31);
    expect([...b!]).toHaveLength(31);
    expect(b!.endsWith(' (2)')).toBe(true);
  });
});

describe('column sizing', () => {
  it('counts CJK as two characters', () => {
    expect(displayWidth('图斑编号')).toBe(8);
    expect(displayWidth('WP-1 m²')).toBe(7);
  });
  it('sizes by the widest printed cell, the header up to its wrap width', () => {
    expect(columnWidth({ header: 'id' }, ['WP-000001'])).toBe(11);
    expect(columnWidth({ header: '地类图斑·其他/未覆盖(高斯平面 m²)', numFmt: '0.00' }, [1234.5], (v) => v.toFixed(2))).toBe(18);
    expect(columnWidth({ header: 'x', width: 30 }, [])).toBe(30);
    expect(headerLines(['地类图斑·其他/未覆盖(高斯平面 m²)'], [18])).toBe(2);
  });
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('writeXlsx (read back with exceljs)', () => {
  const book: XlsxWorkbook = {
    creator: 'LandPatrol',
    created: new Date('2026-11-22T00:00:00Z'),
    sheets: [
      {
        name: '叠加分析',
        frozenColumns: 1,
        columns: [{ header: '图斑编号' }, { header: '面积(m²)', numFmt: '0.00' }, { header: '面积(亩)', numFmt: '0.0000' }, { header: '备注' }],
        rows: [
          ['WP-1', 1000.25, 1.5004, null],
          ['WP-2', 0, 0, '说明'],
        ],
      },
      { name: '叠加分析', frozenColumns: 0, columns: [{ header: 'a' }], rows: [] },
    ],
  };
  it('writes numbers as numbers with their formats, a frozen and filtered header, widths and sheet names', async () => {
    const wb = await read(await writeXlsx(book));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['叠加分析', '叠加分析 (2)']);
    expect(wb.creator).toBe('LandPatrol');
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:D1');
    expect(ws.getRow(1).values).toEqual([undefined, '图斑编号', '面积(m²)', '面积(亩)', '备注']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe(1000.25);
    expect(ws.getCell('B2').numFmt).toBe('0.00');
    expect(ws.getCell('C2').value).toBe(1.5004);
    expect(ws.getCell('C2').numFmt).toBe('0.0000');
    expect(ws.getCell('D2').value).toBeNull();
    expect(ws.getCell('D3').value).toBe('说明');
    expect(ws.rowCount).toBe(3);
    for (const c of [1, 2, 3, 4]) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(6);
    expect(wb.worksheets[1]!.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 1 });
  });
  it('returns a plain Uint8Array that is a zip (PK)', async () => {
    const bytes = await writeXlsx(book);
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });
});

describe('writeXlsx: a printed form (title and footer lines, wrapped cells, borders, A4)', () => {
  const form: XlsxWorkbook = {
    creator: '青石镇国土所',
    created: new Date('2026-04-20T02:00:00Z'),
    sheets: [
      {
        name: '4月',
        frozenColumns: 1,
        columns: [
          { header: '编号', width: 10 },
          { header: '记录', width: 11, wrap: true },
          { header: '次数', numFmt: '0' },
        ],
        rows: [
          ['XC1', '一二三四五六七八九十', 2],
          ['XC2', '短\n两行', 0],
        ],
        titleRows: [{ text: '青石镇国土所 2026年巡查台账', bold: true, fontSize: 16, align: 'center' }, { text: '2026年4月' }],
        footerRows: [{ text: '填报人（签字）：', heightPt: 36 }],
        borders: true,
        autoFilter: false,
        print: { landscape: true, pageFooter: '第 &P 页，共 &N 页' },
      },
    ],
  };
  it('merges the lines across the columns, puts the header below them and freezes there', async () => {
    const ws = (await read(await writeXlsx(form))).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('青石镇国土所 2026年巡查台账');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('A3').value).toBe('编号');
    expect(ws.getCell('A4').value).toBe('XC1');
    expect(ws.getCell('C4').value).toBe(2);
    expect(ws.getCell('A6').value).toBe('填报人（签字）：');
    expect(ws.getCell('C6').isMerged).toBe(true);
    expect(ws.getRow(6).height).toBe(36);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(ws.autoFilter).toBeUndefined();
  });
  it('wraps long text and gives each row the lines it needs (a CJK character is two units, a column keeps one free)', async () => {
    const ws = (await read(await writeXlsx(form))).worksheets[0]!;
    expect(ws.getCell('B4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // 10 characters = 20 units in a column of 11 (10 of room): 2 lines; '短\n两行': 2 lines.
    expect(wrappedLines('一二三四五六七八九十', 11)).toBe(2);
    expect(ws.getRow(4).height).toBe(34);
    expect(ws.getRow(5).height).toBe(34);
    expect(ws.getCell('A4').border).toMatchObject({
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'thin' },
      right: { style: 'thin' },
    });
  });
  it('prints on A4 landscape, one page wide, the title and header on every page, with a page footer', async () => {
    const ws = (await read(await writeXlsx(form))).worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });
});

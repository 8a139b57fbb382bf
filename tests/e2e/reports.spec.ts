/**
 * Journey (issue 10 item 7): "On the 20th the app reminds her that the monthly report is due on the 25th; she
 * exports it as Excel, and the ledger for the year, and sends them to the county."
 *
 * The patrols and the grid are put into IndexedDB as the app stores them (records made by createPatrol and
 * createGridArea; no test hook in the page), the clock is fixed on 20 April 2026 10:00 in Beijing. She sets the
 * office's name, sees the reminder, exports the monthly report and the year's ledger, and the cells of the
 * downloaded files are read back (exceljs here; the unit specs read them with an independent reader). On the 10th
 * there is no reminder; once marked 已报送 it is gone; after the 25th it is red.
 */
import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import * as ExcelJSModule from 'exceljs';
import * as fs from 'node:fs';
import type { GridArea } from '../../shared/domain/grid/area-record';
import { createPatrol, deletePatrol, type NewPatrol, type Patrol } from '../../shared/domain/patrol/patrol-record';
import { openApp, screenshot, waitForMapIdle, watchConsole, watchNetwork } from './helpers';

// exceljs is CommonJS: Node's ESM loader puts its exports on `default`.
const ExcelJS = ((ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule) as typeof ExcelJSModule;

/** Epoch ms of a Beijing wall clock (UTC+8). */
const cst = (mo: number, d: number, h: number, mi = 0) => Date.UTC(2026, mo - 1, d, h - 8, mi);

const ZHANG = { name: '张三', certNo: '鲁执 3701001' };
const square = (lng: number, lat: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

/**
 * A grid area as createGridArea makes it (area-record.ts pulls GeographicLib, which Playwright's loader cannot
 * import): version 1, a 'created' history entry. The app reads it through restoreGridArea, so a wrong shape fails here.
 */
function area(a: Pick<GridArea, 'id' | 'level' | 'name'> & Partial<GridArea>): GridArea {
  const at = cst(1, 5, 9);
  return {
    v: 1,
    parentId: null,
    code: null,
    geometry: null,
    zone: a.geometry ? { width: 3, zone: 39, centralMeridian: 117 } : null,
    people: [],
    duties: '',
    ruleIds: [],
    keyArea: null,
    createdAt: at,
    updatedAt: at,
    history: [{ at, by: '张三', change: 'created', fields: [] }],
    ...a,
  } as GridArea;
}

const AREAS: GridArea[] = [
  area({ id: 'T1' as GridArea['id'], level: 'township', name: '青石镇' }),
  area({ id: 'V1' as GridArea['id'], level: 'village', parentId: 'T1' as GridArea['id'], name: '青石村' }),
  ...['C1', 'C2'].map((id, i) =>
    area({
      id: id as GridArea['id'],
      level: 'cell',
      parentId: 'V1' as GridArea['id'],
      name: `青石村网格${i + 1}`,
      geometry: square(117 + i * 0.01, 35, 0.01),
      people: [{ name: ZHANG.name, role: '网格员', lawEnforcementCertNo: ZHANG.certNo, phone: '13800000000' }],
      // The township office's "at least twice a week" (the default rule seeded on first start).
      ruleIds: ['default.township-weekly' as GridArea['ruleIds'][number]],
    }),
  ),
];

const patrol = (n: number, init: Omit<NewPatrol, 'id' | 'number'>): Patrol => {
  const d = new Date(init.startedAt + 8 * 3600_000);
  const day = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return createPatrol({ id: `P${n}`, number: `XC${day}${String(n).padStart(3, '0')}`, officers: [ZHANG], ...init }, ZHANG.name, init.startedAt);
};

/** 117°E 35°N → 35.01°N (1109.407 m) → 117.01°E (912.771 m): pyproj's GRS80 Geod, 2.02 km. */
const ROUTE: Patrol['route'] = [
  [
    [117, 35, cst(4, 14, 9)],
    [117, 35.01, cst(4, 14, 10)],
    [117.01, 35.01, cst(4, 14, 11)],
  ],
];

const PATROLS: Patrol[] = [
  patrol(1, { startedAt: cst(3, 10, 9), endedAt: cst(3, 10, 10), areaIds: ['C1'], nothingFound: true }),
  patrol(2, {
    startedAt: cst(4, 14, 9),
    endedAt: cst(4, 14, 11, 30),
    areaIds: ['C1'],
    route: ROUTE,
    routeSource: { kind: 'drawn' },
    nothingFound: true,
  }),
  patrol(3, {
    startedAt: cst(4, 16, 14),
    endedAt: cst(4, 16, 16),
    areaIds: ['C1', 'C2'],
    findings: '青石村3组王某未经批准建房，占地约 150 m²，已打地基',
    measures: '当场制止，下达《责令停止违法行为通知书》',
  }),
  deletePatrol(patrol(4, { startedAt: cst(4, 15, 9), areaIds: ['C2'], nothingFound: true }), ZHANG.name, cst(4, 15, 12)),
  patrol(5, { startedAt: cst(4, 20, 8, 30), endedAt: cst(4, 20, 9, 30), areaIds: ['C2'], nothingFound: true }),
];

/** Puts the records into the app's database as its repositories store them, in one transaction. */
async function seed(page: Page): Promise<void> {
  await page.evaluate(
    ({ areas, patrols }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['gridAreas', 'patrols'], 'readwrite');
          for (const a of areas) tx.objectStore('gridAreas').put(a);
          for (const p of patrols) tx.objectStore('patrols').put(p);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { areas: AREAS, patrols: PATROLS },
  );
}

async function readXlsx(path: string): Promise<ExcelJSModule.Workbook> {
  const bytes = fs.readFileSync(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/**
 * The sheet as a spreadsheet lays it out — column widths (1 unit ≈ 7 px, Excel's default font), written row heights
 * (pt → px), merged title rows, borders, wrapped text — drawn as an HTML table in a page of its own, so the ledger can
 * be looked at in a screenshot (no LibreOffice here). An approximation of Excel's rendering, not Excel's.
 */
async function renderSheet(context: BrowserContext, ws: ExcelJSModule.Worksheet, info: TestInfo): Promise<void> {
  const cols = ws.columns.map((c) => Math.round((c.width ?? 8) * 7));
  const esc = (v: unknown) => (v === null || v === undefined ? '' : String(v)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');
  let html = '<table>' + `<colgroup>${cols.map((w) => `<col style="width:${w}px">`).join('')}</colgroup>`;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const h = row.height ? `height:${Math.round(row.height * 1.33)}px` : '';
    const merged = row.getCell(1).isMerged && row.getCell(2).isMerged;
    if (merged) {
      const c = row.getCell(1);
      html += `<tr style="${h}"><td colspan="${cols.length}" class="m" style="font-size:${(c.font?.size ?? 11) * 1.33}px;font-weight:${c.font?.bold ? 700 : 400};text-align:${c.alignment?.horizontal ?? 'left'}">${esc(c.value)}</td></tr>`;
      continue;
    }
    html += `<tr style="${h}">` + cols.map((_, i) => `<td class="${r === 3 ? 'h' : ''}">${esc(row.getCell(i + 1).value)}</td>`).join('') + '</tr>';
  }
  html += '</table>';
  const page = await context.newPage();
  await page.setViewportSize({ width: cols.reduce((a, b) => a + b, 0) + 40, height: 700 });
  await page.setContent(
    `<style>body{margin:20px;font:14.7px "Noto Sans CJK SC",sans-serif}table{border-collapse:collapse;table-layout:fixed}` +
      `td{border:1px solid #000;vertical-align:top;padding:1px 3px;overflow:hidden}td.m{border:none;vertical-align:middle}` +
      `td.h{background:#f2f2f2;font-weight:700;text-align:center;vertical-align:middle}</style>${html}`,
  );
  await screenshot(page, info, 'reports-05-ledger-sheet');
  await page.close();
}

const rowValues = (ws: ExcelJSModule.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, i) => ws.getRow(r).getCell(i + 1).value);

test('on the 20th: the reminder, the monthly report and the year’s ledger as Excel', async ({ page }, info) => {
  const console_ = watchConsole(page);
  const net = watchNetwork(page);
  await page.clock.setFixedTime(new Date(cst(4, 20, 10)));
  await openApp(page);
  await seed(page);
  await page.reload();
  await openApp(page);

  // The reminder, from 5 days before the 25th.
  const reminder = page.getByTestId('reports-reminder');
  await expect(reminder).toBeVisible();
  await expect(page.getByTestId('reports-reminder-text')).toHaveText('本月巡查月报应于 25 日前报送（还剩 5 天）');
  await expect(reminder).toHaveAttribute('data-tone', 'remind');
  await screenshot(page, info, 'reports-01-reminder');

  // 导出月报 opens the export on this month's monthly report; first the office's name.
  await page.getByTestId('reports-reminder-export').click();
  const dialog = page.getByTestId('reports-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('reports-file-name')).toHaveText('文件名：巡查月报-2026-04.xlsx');
  await expect(dialog.getByTestId('reports-office')).toContainText('尚未设置单位名称');
  await dialog.getByTestId('reports-set-office').click();
  const profile = page.getByTestId('reports-profile-dialog');
  await profile.getByTestId('reports-due-day').fill('31');
  await profile.getByTestId('reports-office-name').fill('青石镇国土所');
  await profile.getByTestId('reports-user-name').fill('张三');
  await expect(profile).toContainText('不能大于 28');
  await profile.getByTestId('reports-due-day').fill('25');
  await profile.getByTestId('reports-profile-save').click();
  await expect(profile).toBeHidden();
  await expect(dialog.getByTestId('reports-office')).toHaveText(/单位：青石镇国土所/);

  const [monthly] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('reports-export').click()]);
  expect(monthly.suggestedFilename()).toBe('巡查月报-2026-04.xlsx');
  await expect(dialog.getByTestId('reports-status')).toHaveText('已导出：巡查月报-2026-04.xlsx（3 次巡查）');
  await screenshot(page, info, 'reports-02-export-dialog');
  const mb = await readXlsx((await monthly.path())!);
  expect(mb.worksheets.map((w) => w.name)).toEqual(['汇总', '区域', '停工跟进']);
  const sum = mb.getWorksheet('汇总')!;
  expect(sum.getCell('A1').value).toBe('青石镇国土所 2026年4月巡查月报');
  expect(sum.getCell('A2').value).toBe('各乡镇巡查情况\u3000统计期间 2026-04-01 至 2026-04-30（截至 2026-04-20）');
  expect(rowValues(sum, 3, 9)).toEqual([
    '乡镇',
    '巡查次数',
    '巡查覆盖区域数',
    '区域总数',
    '应巡查次数',
    '已巡查次数',
    '逾期区域数',
    '有发现次数',
    '零报告次数（未发现问题）',
  ]);
  // Weeks begun by 20 April: Mar 30, Apr 6, 13, 20 — 2 patrols each, 8 per cell. C1: P2 + P3 (week of the 13th);
  // C2: P3, P5 (P4 is deleted). Both cells missed the first two weeks: overdue.
  expect(rowValues(sum, 4, 9)).toEqual(['青石镇', 3, 2, 4, 16, 4, 2, 1, 2]);
  expect(rowValues(sum, 5, 9)).toEqual(['合计', 3, 2, 4, 16, 4, 2, 1, 2]);
  const areas = mb.getWorksheet('区域')!;
  expect(rowValues(areas, 4, 8)).toEqual(['青石镇', '青石镇 › 青石村 › 青石村网格1', '网格单元', '国土所每周巡查不少于 2 次', 8, 2, '1/4', '逾期']);
  expect(mb.getWorksheet('停工跟进')!.getCell('A4').value).toBe('本月无停工跟进地块。');

  // The year's ledger: twelve month sheets, the form's columns, the patrols of April in time order.
  await dialog.getByTestId('reports-kind').getByText('巡查台账', { exact: true }).click();
  await dialog.getByTestId('reports-month').selectOption('year');
  await expect(dialog.getByTestId('reports-file-name')).toHaveText('文件名：巡查台账-2026.xlsx');
  const [ledger] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('reports-export').click()]);
  expect(ledger.suggestedFilename()).toBe('巡查台账-2026.xlsx');
  await expect(dialog.getByTestId('reports-status')).toHaveText('已导出：巡查台账-2026.xlsx（4 次巡查）');
  await screenshot(page, info, 'reports-03-ledger-export');
  const lb = await readXlsx((await ledger.path())!);
  expect(lb.worksheets.map((w) => w.name)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
  const apr = lb.getWorksheet('4月')!;
  expect(apr.getCell('A1').value).toBe('青石镇国土所 2026年巡查台账');
  expect(apr.getCell('A2').value).toBe('2026年4月\u3000共 3 次巡查');
  expect(rowValues(apr, 3, 11)).toEqual([
    '巡查编号',
    '巡查时间',
    '巡查人员（执法证号）',
    '巡查区域及路线',
    '巡查基本情况记录（地点、项目、主体、面积、用途、现状、进度、审批情况）',
    '涉嫌违法行为初步核查（当事人、联系方式）',
    '巡查意见',
    '制止措施及效果',
    '审核意见',
    '后续处理情况',
    '备注',
  ]);
  expect(rowValues(apr, 4, 5)).toEqual([
    'XC20260414002',
    '2026-04-14 09:00–11:30',
    '张三（鲁执 3701001）',
    '青石镇 › 青石村 › 青石村网格1\n路线：2.02 km',
    '未发现违法用地行为',
  ]);
  expect(apr.getCell('A5').value).toBe('XC20260416003');
  expect(apr.getCell('D5').value).toBe('青石镇 › 青石村 › 青石村网格1\n青石镇 › 青石村 › 青石村网格2\n路线：无轨迹');
  expect(apr.getCell('E5').value).toBe('青石村3组王某未经批准建房，占地约 150 m²，已打地基');
  expect(apr.getCell('H5').value).toBe('当场制止，下达《责令停止违法行为通知书》');
  expect(apr.getCell('A6').value).toBe('XC20260420005');
  expect(apr.getCell('A7').value).toBeNull();
  expect(lb.getWorksheet('3月')!.getCell('A4').value).toBe('XC20260310001');
  expect(lb.getWorksheet('1月')!.getCell('A4').value).toBe('本月无巡查记录。');
  expect(apr.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 });

  await renderSheet(page.context(), apr, info);

  // The zero report: April had a patrol with findings, so the dialog warns and the sheet says so, not the statement.
  await dialog.getByTestId('reports-kind').getByText('零报告', { exact: true }).click();
  await expect(dialog.getByTestId('reports-month')).toHaveValue('4');
  await expect(dialog.getByTestId('reports-zero-warning')).toHaveText('该月有 1 次巡查记录了发现，不符合零报告条件；导出的表格会注明这一点。');
  const [zero] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('reports-export').click()]);
  expect(zero.suggestedFilename()).toBe('零报告-2026-04.xlsx');
  const zs = (await readXlsx((await zero.path())!)).getWorksheet('零报告')!;
  expect(zs.getCell('A1').value).toBe('青石镇国土所 2026年4月动态巡查零报告');
  expect(zs.getCell('A3').value).toBe('注意：本月有 1 次巡查记录了发现，不符合零报告条件；下表仅列出未发现问题的 2 次巡查。');
  expect([zs.getCell('A5').value, zs.getCell('A6').value]).toEqual(['XC20260414002', 'XC20260420005']);
  expect(String(zs.getCell('A8').value)).toMatch(/^填报人（签字）：\s+审核人（签字）：\s+负责人（签字）：$/);

  // 已报送: the reminder goes, and stays gone after a reload (the profile is stored).
  await dialog.getByTestId('reports-cancel').click();
  await page.getByTestId('reports-reminder-submitted').click();
  await expect(reminder).toBeHidden();
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('reports-reminder')).toBeHidden();
  await page.getByTestId('reports-button').click();
  await expect(page.getByTestId('reports-dialog').getByTestId('reports-office')).toHaveText(/单位：青石镇国土所/);
  console_.assertClean();
  net.assertOffline();
});

test('no reminder on the 10th; in red after the 25th', async ({ page }, info) => {
  await page.clock.setFixedTime(new Date(cst(4, 10, 10)));
  await openApp(page);
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await expect(page.getByTestId('reports-reminder')).toHaveCount(0);
  await page.clock.setFixedTime(new Date(cst(4, 27, 10)));
  await page.reload();
  await openApp(page);
  const reminder = page.getByTestId('reports-reminder');
  await expect(reminder).toHaveAttribute('data-tone', 'overdue');
  await expect(page.getByTestId('reports-reminder-text')).toHaveText('本月巡查月报已逾期 2 天（应于 25 日前报送）');
  await waitForMapIdle(page);
  await screenshot(page, info, 'reports-04-overdue');
});

/**
 * 导出证据 (issue 13) as a case handler does it on the sample township: she starts an inspection from a surveyor's
 * 报盘 file, enters the 现场勘测笔录 facts (times, a witness, instrument, 四至, a refusal to sign; an end before the
 * start refused; one history entry; a reload shows them as entered), attaches two photos from the camera card, runs
 * the comparison, fills and submits the form, presses 导出证据, chooses A4 portrait at 1:1,000, changes the title and
 * exports. The Electron stand-in's printToPdf is Playwright's page.pdf (Chromium's print pipeline, the one Electron's
 * printToPDF uses) with the CSS page sizes preferred; its saveFile hands the zip to the test. The zip is unpacked here
 * (fflate) and checked with poppler: pdftotext finds the title, the record number, every boundary point's X and Y to 3
 * decimals as PROJ (pyproj) puts the record's stored plot in its zone, and the comparison's total; pdffonts shows the
 * CJK font embedded; pdftoppm -r 300 of the map page measures the plot's extent on both axes at 1:1,000 within 0.5 %;
 * every hash of 清单.json is computed again; the PNG is the A4 sheet at 300 dpi; the photo sheet carries each photo's
 * 照片编号, time with offset and short hash, the originals are byte-identical, and the 笔录 lists the photo numbers.
 * A second journey: the browser build's print path (window.print recorded; the PDF made by page.pdf and given to the
 * dialog's file input). A third: a long thin two-part plot, refused on A4 at 1:2,000, set to A3 landscape and saved
 * as the office's template, then 批量导出证据 with it: the record's A3 set (pages, PNG, text) and the skipped record.
 * One exported set per journey, each checked by every assertion that concerns it (the suite's time budget).
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { installPrintStandIn as installElectronStandIn, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

const ID_CARD = '11010519491231002X';

const CARD = ['DSC_0101.jpg', 'DSC_0102.jpg'].map((n) => path.resolve('tests/fixtures/photos/card', n));
const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** exiftool's reading of the card (scripts/make-exif-oracle.py). */
const EXIF = JSON.parse(fs.readFileSync('tests/oracles/exif.json', 'utf8')) as {
  photos: Record<string, { DateTimeOriginal: string; OffsetTimeOriginal?: string }>;
};
/** The photo sheet's time: the camera's clock and its offset (photo-sheet.ts photoTimeText). */
const timeOf = (file: string) => {
  const e = EXIF.photos[`fixture:card/${path.basename(file)}`]!;
  const [d, t] = e.DateTimeOriginal.split(' ');
  return `${d!.replace(/:/g, '-')} ${t}（UTC${e.OffsetTimeOriginal}）`;
};

/** Today in Beijing as a datetime-local value at hh:mm. */
const todayAt = (hhmm: string) => `${new Date(Date.now() + 8 * 3600_000 - 6 * 3600_000).toISOString().slice(0, 10)}T${hhmm}`;

/**
 * The main case: an 85 × 78 m plot across the border of 水浇地 (永久基本农田) and 农村宅基地 cells of the sample township
 * (shared/sample/township-plan.ts: 250 m cells from 39 498 000 E, 3 879 000 N; the border at E 39 500 500), points
 * clockwise from the north-west one, with millimetres as a surveyor's RTK gives them.
 */
const MAIN_PLOT: [string, number, number][] = [
  ['J1', 3879411.318, 39500461.274],
  ['J2', 3879414.905, 39500543.613],
  ['J3', 3879341.552, 39500546.19],
  ['J4', 3879337.046, 39500463.833],
];

/** A 报盘 coordinate file (zone 39, X north, Y east with the prefix): rings as [圈号, [name, X, Y][]], each closed on its first point. */
function baopan(name: string, rings: [number, [string, number, number][]][]): string {
  const rows = rings.flatMap(([ring, pts]) => [...pts, pts[0]!].map(([n, x, y]) => `${n},${ring},${x.toFixed(3)},${y.toFixed(3)}`));
  // The declared area (公顷): outer rings' shoelace less the holes' (a 报盘 file states it; the reader compares).
  const shoelace = (pts: [string, number, number][]) =>
    Math.abs(pts.reduce((s, [, x, y], i) => s + x * pts[(i + 1) % pts.length]![2] - pts[(i + 1) % pts.length]![1] * y, 0) / 2);
  const hectares = rings.reduce((s, [ring, pts]) => s + (ring === 1 ? 1 : -1) * shoelace(pts), 0) / 10_000;
  return [
    '[属性描述]',
    '格式版本号=1.01版本',
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    '带号=39',
    '精度=0.001',
    '[地块坐标]',
    `${rows.length},${hectares.toFixed(4)},DK001,${name},面,,建设用地,,@`,
    ...rows,
    '',
  ].join('\r\n');
}

/** Starts an inspection from a surveyor's 报盘 file (从界址点文件新建核查: the record holds the points as measured). */
async function recordFromFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('survey-new-input').setInputFiles(file);
  const confirm = page.getByTestId('survey-confirm-dialog');
  await expect(confirm).toBeVisible();
  await confirm.getByTestId('survey-confirm-method').selectOption('rtk');
  await confirm.getByTestId('survey-confirm-ok').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('inspection-panel')).toBeVisible();
}

/** Runs the open record's comparison, fills the form and submits it. */
async function compareAndSubmit(page: Page): Promise<{ number: string; total: string[]; farmlandIn: string }> {
  const panel = page.getByTestId('inspection-panel');
  await expect(panel).toBeVisible();
  const section = panel.getByTestId('section-comparison');
  await section.getByTestId('comparison-run').click();
  await expect(section.getByTestId('comparison-block-total')).toBeVisible({ timeout: 60_000 });
  // The comparison's figures as its section prints them: the total (平面 m², 亩, 椭球 m²) and the farmland inside.
  const total = (await section.getByTestId('comparison-block-total').locator('tr[data-row="total"] td').allTextContents())
    .slice(1)
    .map((x) => x.trim());
  const farmlandIn = (await section.getByTestId('comparison-block-farmland').locator('tr[data-row="in"] td').nth(1).textContent())!.trim();
  await panel.getByTestId('inspection-township').fill('石桥镇');
  await panel.getByTestId('inspection-place').fill('村东砖厂南侧');
  await panel.getByTestId('inspection-now').click();
  await panel.getByTestId('inspection-inspector-name').nth(0).fill('王建国');
  await panel.getByTestId('inspection-inspector-cert').nth(0).fill('鲁自然执字第37030001号');
  await panel.getByTestId('inspection-inspector-name').nth(1).fill('李秀英');
  await panel.getByTestId('inspection-inspector-cert').nth(1).fill('鲁自然执字第37030002号');
  await panel.getByTestId('inspection-party-name').fill('张大山');
  await panel.getByTestId('inspection-party-id').fill(ID_CARD);
  await panel.getByTestId('inspection-land-use').fill('工业用地（厂房）');
  await panel.getByTestId('inspection-construction').getByText('在建').click();
  await panel.getByTestId('inspection-conclusion').getByText('违法违规').click();
  await panel.getByTestId('inspection-violation-未报即用').check();
  await panel.getByTestId('inspection-stop-issued').check();
  await panel.getByTestId('inspection-stop-number').fill('石国土资停字〔2026〕第7号');
  await panel.getByTestId('inspection-description').fill('现场新建钢结构厂房一处，已完成基础及立柱，未见用地审批手续。');
  await panel.getByTestId('inspection-submit').click();
  await expect(panel.getByTestId('inspection-status')).toHaveText('已核查');
  return { number: (await panel.getByTestId('inspection-number').textContent())!.trim(), total, farmlandIn };
}

/** recordFromFile, then compareAndSubmit. */
async function submittedRecordFromFile(page: Page, file: string): Promise<{ number: string; total: string[]; farmlandIn: string }> {
  await recordFromFile(page, file);
  return compareAndSubmit(page);
}

/**
 * 现场勘测笔录 facts (issue 13 item 4) as an officer enters them in the record's 现场勘测笔录 section: when the survey
 * began and ended, a witness, the instrument and method, the 四至 and the party's refusal to sign with its reason. An
 * end before the start is refused by name; the save is one history entry of the record (field 现场勘测笔录), the chain ✔;
 * after a reload the section shows every value as entered.
 */
async function siteRecordFacts(page: Page, info: TestInfo): Promise<void> {
  const panel = page.getByTestId('inspection-panel');
  await expect(panel).toBeVisible();
  const section = panel.getByTestId('inspection-section-site-record');
  await expect(section.locator('h3')).toHaveText('现场勘测笔录');
  await expect(section.getByTestId('site-record-save')).toBeDisabled();

  // Times: an end before the start is named and cannot be saved. (Six hours back keeps both in the past whenever the test runs.)
  const start = todayAt('00:10');
  await section.getByTestId('site-record-startedAt').fill(start);
  await section.getByTestId('site-record-endedAt').fill(todayAt('00:05'));
  await expect(section).toContainText('结束时间早于开始时间');
  await expect(section.getByTestId('site-record-save')).toBeDisabled();
  const end = todayAt('00:55');
  await section.getByTestId('site-record-endedAt').fill(end);
  await expect(section).not.toContainText('结束时间早于开始时间');

  await section.getByTestId('site-record-witness-add').click();
  await section.getByTestId('site-record-witness-name').fill('赵德明');
  await section.getByTestId('site-record-witness-id').fill('11010519491231002X');
  await section.getByTestId('site-record-witness-contact').fill('13905310000');
  await section.getByTestId('site-record-instrument').fill('GNSS RTK 接收机（中海达 V90）');
  await section.getByTestId('site-record-method').fill('RTK 逐点实测界址点，CGCS2000');
  await section.getByTestId('site-record-east').fill('村集体耕地');
  await section.getByTestId('site-record-south').fill('县道 X012');
  await section.getByTestId('site-record-west').fill('村级道路');
  await section.getByTestId('site-record-north').fill('灌溉沟渠');
  await section.getByTestId('site-record-refusal').fill('当事人称面积有异议，拒绝签字');
  await screenshot(page, info, 'evidence-papers-site-record');
  await section.getByTestId('site-record-save').click();
  await expect(page.getByText('已保存现场勘测笔录信息')).toBeVisible();

  // One history entry naming the field; the chain verifies.
  const last = panel.getByTestId('inspection-history-entry').first();
  await expect(last.getByTestId('inspection-history-change')).toHaveAttribute('data-field', 'siteRecord');
  await expect(last).toContainText('现场勘测笔录');
  await expect(last).toContainText('见证人 1 名');
  await expect(panel.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  await expect(section.getByTestId('site-record-save')).toBeDisabled();

  // After a reload the record opens again with the values as entered.
  await page.reload();
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await page.getByTestId('dock-tab-inspection').click();
  const again = page.getByTestId('inspection-panel').getByTestId('inspection-section-site-record');
  await expect(again.getByTestId('site-record-startedAt')).toHaveValue(start);
  await expect(again.getByTestId('site-record-endedAt')).toHaveValue(end);
  await expect(again.getByTestId('site-record-witness-name')).toHaveValue('赵德明');
  await expect(again.getByTestId('site-record-witness-id')).toHaveValue('11010519491231002X');
  await expect(again.getByTestId('site-record-instrument')).toHaveValue('GNSS RTK 接收机（中海达 V90）');
  await expect(again.getByTestId('site-record-north')).toHaveValue('灌溉沟渠');
  await expect(again.getByTestId('site-record-party-present')).toBeChecked();
  await expect(again.getByTestId('site-record-refusal')).toHaveValue('当事人称面积有异议，拒绝签字');
  await expect(page.getByTestId('inspection-chain')).toHaveAttribute('data-ok', 'true');
  await again.scrollIntoViewIfNeeded();
  await again.screenshot({ path: 'test-results/evidence-papers-site-record-section.png' });
  await screenshot(page, info, 'evidence-papers-site-record-reloaded');
}

/** Two photos from the camera card attached to the open record; their stamped copies made. */
async function attachPhotos(page: Page): Promise<void> {
  const record = page.getByTestId('inspection-panel');
  const photos = record.getByTestId('photos-section');
  await photos.getByTestId('photos-input').setInputFiles(CARD);
  await expect(photos.getByTestId('photo-tile')).toHaveCount(2, { timeout: 60_000 });
  await expect(photos.locator('[data-testid="photo-tile"] img')).toHaveCount(2, { timeout: 60_000 }); // the stamped copies
}

/**
 * The photo sheet end to end (issue 13 item 5), in an exported set: the originals in 照片原件/ byte-identical to the files
 * picked (and listed in 清单.json with their SHA-256, computed here with node:crypto from the files on disk); in the PDF
 * (pdftotext): a photo page with each photo's 照片编号 (ZP-01, ZP-02), its time with the offset as exiftool reads it
 * (tests/oracles/exif.json) and the first 16 hex digits of the original's SHA-256; the 笔录 lists the same numbers.
 */
function checkPhotoSheet(entries: Record<string, Uint8Array>, dir: string, pdfPath: string): void {
  // The originals, byte for byte, and the manifest's hashes of them = node:crypto's of the files on disk.
  const manifest = JSON.parse(Buffer.from(entries['清单.json']!).toString('utf8')) as { entries: { path: string; sha256: string }[] };
  for (const file of CARD) {
    const entry = `照片原件/${path.basename(file)}`;
    expect(Buffer.from(entries[entry]!).equals(fs.readFileSync(file)), entry).toBe(true);
    expect(manifest.entries.find((e) => e.path === entry)?.sha256, entry).toBe(sha256Of(file));
  }

  // The PDF, page by page: the photo page(s) with each photo's number, time and short hash; the 笔录 with the numbers.
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
  const pages = Array.from({ length: pageCount }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdfPath, '-'], { encoding: 'utf8' }),
  );
  const photoPages = pages
    .map((t, i) => [t, i + 1] as const)
    .filter(([t]) => t.includes(sha256Of(CARD[0]!).slice(0, 16)) || t.includes(sha256Of(CARD[1]!).slice(0, 16)));
  expect(photoPages.length, 'photo pages').toBeGreaterThanOrEqual(1);
  const photoText = photoPages.map(([t]) => t).join('\n');
  const at = (s: string) => photoText.indexOf(s);
  CARD.forEach((file, i) => {
    const no = `ZP-0${i + 1}`;
    expect(photoText, no).toContain(no);
    expect(photoText, `${no} time`).toContain(timeOf(file));
    expect(photoText, `${no} hash`).toContain(sha256Of(file).slice(0, 16));
  });
  // each caption in its photo's order: ZP-01's time and hash before ZP-02's
  expect(at('ZP-01')).toBeLessThan(at('ZP-02'));
  expect(at(sha256Of(CARD[0]!).slice(0, 16))).toBeLessThan(at(sha256Of(CARD[1]!).slice(0, 16)));
  expect(at(timeOf(CARD[0]!))).toBeLessThan(at(timeOf(CARD[1]!)));
  // the 笔录 (its pages: 现场勘测笔录, 现场勘测笔录（续）) with the 四至 as entered and the photos' numbers
  const siteRecord = pages.filter((t) => t.includes('现场勘测笔录')).join('\n');
  expect(siteRecord, '笔录 pages').toContain('灌溉沟渠');
  expect(siteRecord.replace(/\s+/g, '')).toContain('照片编号ZP-01、ZP-02');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(photoPages[0]![1]), '-l', String(photoPages[0]![1]), pdfPath, path.join(dir, 'photos')]);
  fs.mkdirSync(path.resolve('test-results/screens'), { recursive: true });
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('photos') && n.endsWith('.png')))
    fs.copyFileSync(path.join(dir, f), path.resolve('test-results/screens', `evidence-${f}`));
}

/** The stored record (the inspections table): its plot as the app keeps it. */
const storedRecord = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ surveyPoints: { name: string; x: number; y: number }[]; history: { hash: string }[]; id: string }>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onsuccess = () => {
          const all = open.result.transaction('inspections').objectStore('inspections').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as never[])[0]!);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );

/** A PPM (pdftoppm's output) as width, height and an RGB getter. */
function readPpm(ppm: Buffer) {
  const header = ppm.subarray(0, 64).toString('latin1').split(/\s+/);
  const w = Number(header[1]);
  const h = Number(header[2]);
  const start = ppm.length - w * h * 3;
  const at = (x: number, y: number) => start + (y * w + x) * 3;
  const dark = (x: number, y: number) => ppm[at(x, y)]! < 90 && ppm[at(x, y) + 1]! < 90 && ppm[at(x, y) + 2]! < 90;
  const red = (x: number, y: number) => ppm[at(x, y)]! > 200 && ppm[at(x, y) + 1]! < 90 && ppm[at(x, y) + 2]! < 90;
  return { w, h, dark, red };
}

/** Centres of the runs of consecutive indices. */
function runCentres(idx: number[]): number[] {
  const out: number[] = [];
  let from = idx[0]!;
  for (let i = 1; i <= idx.length; i++)
    if (i === idx.length || idx[i]! !== idx[i - 1]! + 1) {
      out.push((from + idx[i - 1]!) / 2);
      from = idx[i]!;
    }
  return out;
}

/** The lines drawn across the map frame (the frame's sides and the coordinate grid): rows / columns with a dark run
 *  longer than `minRun` px, their centres. */
function longDarkLines(img: ReturnType<typeof readPpm>, axis: 'rows' | 'cols', minRun: number): number[] {
  const hits: number[] = [];
  const [outer, inner] = axis === 'rows' ? [img.h, img.w] : [img.w, img.h];
  for (let i = 0; i < outer; i++) {
    let run = 0;
    let best = 0;
    for (let j = 0; j < inner; j++) {
      run = (axis === 'rows' ? img.dark(j, i) : img.dark(i, j)) ? run + 1 : 0;
      if (run > best) best = run;
    }
    if (best >= minRun) hits.push(i);
  }
  return runCentres(hits);
}

/** Centres of the red runs along a row (or a column) between two positions. */
function redCentres(img: ReturnType<typeof readPpm>, axis: 'row' | 'col', at: number, from: number, to: number): number[] {
  const hits: number[] = [];
  for (let j = Math.ceil(from); j < to; j++) if (axis === 'row' ? img.red(j, at) : img.red(at, j)) hits.push(j);
  return hits.length ? runCentres(hits) : [];
}

/** Where the segment p→q (X north, Y east) crosses northing n (its easting), or easting e (its northing). */
const eastingAt = (p: { x: number; y: number }, q: { x: number; y: number }, n: number) => p.y + ((n - p.x) / (q.x - p.x)) * (q.y - p.y);
const northingAt = (p: { x: number; y: number }, q: { x: number; y: number }, e: number) => p.x + ((e - p.y) / (q.y - p.y)) * (q.x - p.x);

test('导出证据: a surveyed record, its 笔录 facts and two photos; A4 portrait 1:1,000, a new title; the zip, the PDF read by poppler, true scale, the hashes, the photo sheet', async ({
  page,
}, info) => {
  test.setTimeout(360_000);
  const consoleWatch = watchConsole(page);
  const saved: { name: string; bytes: Buffer }[] = [];
  const printed: unknown[] = [];
  await installElectronStandIn(page, saved, printed);
  await openApp(page);
  await waitForMapIdle(page);
  const file = info.outputPath('main.txt');
  fs.writeFileSync(file, baopan('主图斑', [[1, MAIN_PLOT]]));
  await recordFromFile(page, file);
  await siteRecordFacts(page, info);
  await attachPhotos(page);
  const { number, total, farmlandIn } = await compareAndSubmit(page);

  // 导出证据 from the record's 证据 section.
  await page.getByTestId('section-evidence').getByTestId('evidence-open').click();
  const dialog = page.getByTestId('evidence-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('evidence-preview')).toBeVisible({ timeout: 60_000 });
  await dialog.getByTestId('evidence-paper').getByText('A4').click();
  await dialog.getByTestId('evidence-orientation').getByText('纵向').click();
  await dialog.getByTestId('evidence-scale').selectOption('1000');
  const title = '石桥镇违法用地示意图';
  await dialog.getByTestId('evidence-title').fill(title);
  // The farmland's red boundary and the patch layer's red outline off this sheet, so the plot's red sides can be
  // measured on their own (below).
  await dialog.locator('label', { hasText: '永久基本农田YJJBNTTB' }).locator('input').uncheck();
  await dialog.locator('label', { hasText: '卫片图斑WPTB' }).locator('input').uncheck();
  await expect(dialog.getByTestId('evidence-preview-map')).toHaveAttribute('data-scale', '1000', { timeout: 30_000 });
  await expect(dialog.getByTestId('evidence-preview-map')).toContainText(title);
  await screenshot(page, info, 'evidence-1-dialog');
  await dialog.getByTestId('evidence-export').click();
  await expect(dialog.getByTestId('evidence-done')).toBeVisible({ timeout: 120_000 });
  await screenshot(page, info, 'evidence-2-done');
  expect(printed).toEqual([{ pageSize: { widthMm: 210, heightMm: 297 }, landscape: false, printBackground: true, cssPageSize: true }]);

  // The zip: 证据-<编号>.zip with the PDF, the PNG, the 报盘 file and the manifest.
  expect(saved.map((s) => s.name)).toEqual([`证据-${number}.zip`]);
  const entries = unzipSync(new Uint8Array(saved[0]!.bytes));
  const names = Object.keys(entries).sort();
  const photoEntries = CARD.map((f) => `照片原件/${path.basename(f)}`);
  expect(names).toEqual([`${number}-报盘坐标.txt`, `${number}-示意图.png`, `${number}-证据.pdf`, '清单.json', '清单.txt', ...photoEntries].sort());
  const dir = info.outputPath('set');
  fs.mkdirSync(dir, { recursive: true });
  for (const [n, b] of Object.entries(entries)) fs.writeFileSync(path.join(dir, n.replace(/\//g, '_')), b);
  const pdfPath = path.join(dir, `${number}-证据.pdf`);

  // pdftotext: the title, the record number, every point's X/Y as PROJ gives them to 3 decimals, the comparison's total.
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(title);
  expect(text).toContain(number);
  const record = await storedRecord(page);
  expect(record.surveyPoints.map((p) => [p.name, p.x, p.y])).toEqual(MAIN_PLOT);
  for (const p of record.surveyPoints) {
    expect(text, `${p.name} X`).toContain(p.x.toFixed(3));
    expect(text, `${p.name} Y`).toContain(p.y.toFixed(3));
  }
  // The area table's total row and 其中永久基本农田 carry the comparison's printed figures.
  expect(text).toMatch(new RegExp(`高斯平面面积\\s+${total[0]!}\\s+${total[1]!}`));
  expect(text).toMatch(new RegExp(`椭球面积（CGCS2000）\\s+${total[2]!}`));
  expect(text).toMatch(new RegExp(`其中永久基本农田\\s+${farmlandIn}`));

  // pdffonts: every font embedded with its ToUnicode map (Chromium embeds Noto CJK from the .ttc as Type 3 fonts,
  // unnamed: STACK-NOTES "Printing and PDF"), and the Chinese is read back as Chinese.
  const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  expect(fonts.length).toBeGreaterThan(0);
  for (const l of fonts) expect(l, 'emb yes, uni yes').toMatch(/\syes\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
  expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
  const pdfinfo = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  // A4 = 595.28 × 841.89 pt; Chromium's page box is within half a point of it (594.96 × 841.92 measured).
  const [, pw, ph] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfinfo)!;
  expect(Math.abs(Number(pw) - 595.28)).toBeLessThan(0.5);
  expect(Math.abs(Number(ph) - 841.89)).toBeLessThan(0.5);

  // True scale: page 1 at 300 dpi. N–S: the grid lines 3879400 and 3879300 are 100 m apart on the ground, 100 mm at
  // 1:1,000. E–W: along the row just above the 3879400 line the plot's two red sides are as far apart as the
  // surveyed points put them at that northing (a ground distance of ~82 m).
  execFileSync('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', pdfPath, path.join(dir, 'map')]);
  const img = readPpm(
    fs.readFileSync(
      path.join(
        dir,
        fs.readdirSync(dir).find((f) => f.startsWith('map') && f.endsWith('.ppm'))!,
      ),
    ),
  );
  const pxPerMetre = 300 / 25.4; // 1:1,000 → 1 m on the ground is 1 mm on paper
  const rows = longDarkLines(img, 'rows', 1000); // [frame top, 3879400, 3879300, frame bottom]
  const cols = longDarkLines(img, 'cols', 2000); // [frame left, 39500500, frame right]
  expect(rows.length, `rows ${rows.join(', ')}`).toBe(4);
  expect(cols.length, `cols ${cols.join(', ')}`).toBe(3);
  expect(text).toContain('39500500');
  const spacingN = rows[2]! - rows[1]!;
  expect(Math.abs(spacingN / (100 * pxPerMetre) - 1), `N–S grid ${spacingN} px vs ${100 * pxPerMetre}`).toBeLessThan(0.005);
  const [j1, j2, j3, j4] = record.surveyPoints as [
    (typeof record.surveyPoints)[0],
    (typeof record.surveyPoints)[0],
    (typeof record.surveyPoints)[0],
    (typeof record.surveyPoints)[0],
  ];
  const rowY = Math.round(rows[1]! - 8);
  const northing = 3879400 + (rows[1]! - rowY) / pxPerMetre;
  const sides = redCentres(img, 'row', rowY, cols[0]! + 5, cols[2]! - 5);
  expect(sides.length, `red on row ${rowY}: ${sides.join(', ')}`).toBe(2);
  const groundE = eastingAt(j2, j3, northing) - eastingAt(j4, j1, northing);
  expect(Math.abs((sides[1]! - sides[0]!) / (groundE * pxPerMetre) - 1), `E–W ${sides[1]! - sides[0]!} px vs ${groundE * pxPerMetre}`).toBeLessThan(
    0.005,
  );
  // And N–S once more on the plot itself: along the column just east of the 39500500 line, its north and south sides.
  const colX = Math.round(cols[1]! + 8);
  const easting = 39500500 + (colX - cols[1]!) / pxPerMetre;
  const ns = redCentres(img, 'col', colX, rows[0]! + 5, rows[3]! - 5);
  expect(ns.length, `red on column ${colX}: ${ns.join(', ')}`).toBe(2);
  const groundN = northingAt(j1, j2, easting) - northingAt(j4, j3, easting);
  expect(Math.abs((ns[1]! - ns[0]!) / (groundN * pxPerMetre) - 1), `N–S ${ns[1]! - ns[0]!} px vs ${groundN * pxPerMetre}`).toBeLessThan(0.005);

  console.log(
    `true scale at 300 dpi: N–S grid ${spacingN.toFixed(1)} px / ${(100 * pxPerMetre).toFixed(1)}; E–W sides ${(sides[1]! - sides[0]!).toFixed(1)} px / ${(groundE * pxPerMetre).toFixed(1)}; N–S sides ${(ns[1]! - ns[0]!).toFixed(1)} px / ${(groundN * pxPerMetre).toFixed(1)}`,
  );

  // Every hash of the manifest, computed again; the history head is the record's last entry's.
  const manifest = JSON.parse(Buffer.from(entries['清单.json']!).toString('utf8')) as {
    record: { number: string; chainHead: string };
    entries: { path: string; sha256: string; sizeBytes: number }[];
  };
  expect(manifest.record).toMatchObject({ number, chainHead: record.history.at(-1)!.hash });
  expect(manifest.entries.map((f) => f.path).sort()).toEqual(names.filter((n) => !n.startsWith('清单')).sort());
  for (const f of manifest.entries) {
    expect(createHash('sha256').update(entries[f.path]!).digest('hex'), f.path).toBe(f.sha256);
    expect(entries[f.path]!.byteLength).toBe(f.sizeBytes);
  }
  const manifestTxt = Buffer.from(entries['清单.txt']!).toString('utf8');
  for (const f of manifest.entries) expect(manifestTxt).toContain(f.sha256);

  // The PNG: the A4 sheet at 300 dpi.
  const png = Buffer.from(entries[`${number}-示意图.png`]!);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2480, 3508]);

  // Every page looked at (pdftoppm -r 100).
  execFileSync('pdftoppm', ['-r', '100', '-png', pdfPath, path.join(dir, 'page')]);
  fs.mkdirSync(path.resolve('test-results/screens'), { recursive: true });
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('page')))
    fs.copyFileSync(path.join(dir, f), path.resolve('test-results/screens', `evidence-pdf-${f}`));
  fs.copyFileSync(path.join(dir, `${number}-示意图.png`), path.resolve('test-results/screens/evidence-sheet-300dpi.png'));

  // The same set's photo sheet and 笔录.
  checkPhotoSheet(entries, dir, pdfPath);
  consoleWatch.assertClean();
});

/** A plot with a hole (圈号 2 inside 圈号 1) across the 水浇地 (永久基本农田) / 农村宅基地 border at E 39 500 500. */
const HOLED_PLOT: [number, [string, number, number][]][] = [
  [
    1,
    [
      ['J1', 3879432.151, 39500431.602],
      ['J2', 3879436.774, 39500569.318],
      ['J3', 3879322.405, 39500572.941],
      ['J4', 3879318.226, 39500428.017],
    ],
  ],
  [
    2,
    [
      ['J5', 3879395.113, 39500480.254],
      ['J6', 3879396.087, 39500515.736],
      ['J7', 3879365.642, 39500516.508],
      ['J8', 3879364.918, 39500481.377],
    ],
  ],
];

test('浏览器版: 导出 prints through the print dialog, then the PDF the user saved is picked; a plot with a hole across farmland and two land classes', async ({
  page,
}, info) => {
  test.setTimeout(300_000);
  const consoleWatch = watchConsole(page);
  // No Electron: window.print is recorded and the print root kept, as the browser would print it.
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: string[]; print: () => void };
    w.__prints = [];
    w.print = () => {
      const root = document.querySelector('[data-testid="evidence-print-root"]');
      w.__prints.push(root ? root.outerHTML : '');
    };
  });
  await openApp(page);
  await waitForMapIdle(page);
  const file = info.outputPath('holed.txt');
  fs.writeFileSync(file, baopan('带洞图斑', HOLED_PLOT));
  const { number, total } = await submittedRecordFromFile(page, file);
  await page.getByTestId('section-evidence').getByTestId('evidence-open').click();
  const dialog = page.getByTestId('evidence-dialog');
  await expect(dialog.getByTestId('evidence-browser-note')).toContainText('另存为 PDF');
  await expect(dialog.getByTestId('evidence-preview')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, info, 'evidence-3-browser-dialog');
  const download = page.waitForEvent('download', { timeout: 180_000 });
  await dialog.getByTestId('evidence-export').click();
  await expect(dialog.getByTestId('evidence-pdf-picker')).toBeVisible({ timeout: 120_000 });
  const prints = await page.evaluate(() => (window as unknown as { __prints: string[] }).__prints);
  expect(prints).toHaveLength(1);
  expect(prints[0]).toContain('evidence-page');
  // What the user does in the print dialog: 另存为 PDF. The same root printed by Chromium (page.pdf), then picked.
  await page.evaluate(
    (html) => document.body.insertAdjacentHTML('beforeend', html.replace('data-testid="evidence-print-root"', 'data-testid="replayed-root"')),
    prints[0]!,
  );
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
  await page.evaluate(() => document.querySelector('[data-testid="replayed-root"]')?.remove());
  await dialog.getByTestId('evidence-pdf-input').setInputFiles({ name: `${number}-证据.pdf`, mimeType: 'application/pdf', buffer: pdf });
  const zip = await download;
  expect(zip.suggestedFilename()).toBe(`证据-${number}.zip`);
  await expect(dialog.getByTestId('evidence-done')).toBeVisible();
  const entries = unzipSync(new Uint8Array(fs.readFileSync(await zip.path())));
  expect(Buffer.from(entries[`${number}-证据.pdf`]!)).toEqual(pdf);
  const manifest = JSON.parse(Buffer.from(entries['清单.json']!).toString('utf8')) as { entries: { path: string; sha256: string }[] };
  expect(manifest.entries.map((f) => f.path)).toContain(`${number}-证据.pdf`);
  for (const f of manifest.entries) expect(createHash('sha256').update(entries[f.path]!).digest('hex'), f.path).toBe(f.sha256);

  // The hole's points and the comparison's total in the PDF; the 报盘 file has both rings, each closed.
  const dir = info.outputPath('set');
  fs.mkdirSync(dir, { recursive: true });
  const pdfPath = path.join(dir, 'holed.pdf');
  fs.writeFileSync(pdfPath, pdf);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const [, pts] of HOLED_PLOT)
    for (const [, x, y] of pts) {
      expect(text).toContain(x.toFixed(3));
      expect(text).toContain(y.toFixed(3));
    }
  expect(text).toMatch(new RegExp(`高斯平面面积\\s+${total[0]!}\\s+${total[1]!}`));
  const bp = new TextDecoder('gbk').decode(entries[`${number}-报盘坐标.txt`]!);
  expect(bp).toContain('J5,2,3879395.113,39500480.254');
  expect(bp.split('\r\n').filter((l) => l.startsWith('J1,1,'))).toHaveLength(2);
  expect(bp.split('\r\n').filter((l) => l.startsWith('J5,2,'))).toHaveLength(2);
  execFileSync('pdftoppm', ['-r', '100', '-png', pdfPath, path.join(dir, 'holed')]);
  fs.mkdirSync(path.resolve('test-results/screens'), { recursive: true });
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('holed') && n.endsWith('.png')))
    fs.copyFileSync(path.join(dir, f), path.resolve('test-results/screens', `evidence-${f}`));

  consoleWatch.assertClean();
});

/** A long thin plot in two parts (圈号 1 and 2, side by side): a drainage ditch and its spoil bank along the fields. */
const STRIPS: [number, [string, number, number][]][] = [
  [
    1,
    [
      ['J1', 3879641.207, 39499030.518],
      ['J2', 3879644.832, 39499588.104],
      ['J3', 3879612.466, 39499589.377],
      ['J4', 3879609.935, 39499031.742],
    ],
  ],
  [
    2,
    [
      ['J5', 3879722.613, 39499052.285],
      ['J6', 3879724.098, 39499598.731],
      ['J7', 3879701.254, 39499599.452],
      ['J8', 3879700.371, 39499053.064],
    ],
  ],
];

test('导出证据: a long thin plot in two parts at 1:2,000 on A3 landscape', async ({ page }, info) => {
  test.setTimeout(300_000);
  const consoleWatch = watchConsole(page);
  const saved: { name: string; bytes: Buffer }[] = [];
  const printed: unknown[] = [];
  await installElectronStandIn(page, saved, printed);
  await openApp(page);
  await waitForMapIdle(page);
  const file = info.outputPath('strips.txt');
  fs.writeFileSync(file, baopan('沟渠两段', STRIPS));
  const { number } = await submittedRecordFromFile(page, file);
  await page.getByTestId('section-evidence').getByTestId('evidence-open').click();
  const dialog = page.getByTestId('evidence-dialog');
  await expect(dialog.getByTestId('evidence-preview')).toBeVisible({ timeout: 60_000 });
  // A4 portrait cannot hold 570 m at 1:2,000: refused by name, with what to do.
  await dialog.getByTestId('evidence-scale').selectOption('2000');
  await expect(dialog.getByTestId('evidence-refusal')).toHaveText(/放不进所选纸张的图框。请选择 A3 纸张/);
  await dialog.getByTestId('evidence-paper').getByText('A3').click();
  await dialog.getByTestId('evidence-orientation').getByText('横向').click();
  await expect(dialog.getByTestId('evidence-preview-map')).toHaveAttribute('data-scale', '2000', { timeout: 30_000 });
  await screenshot(page, info, 'evidence-4-a3-dialog');
  // Saved as the office's template: the batch below exports with it, and its A3 set is the one checked here (one
  // export of this record, not two).
  await dialog.getByTestId('evidence-template-save').click();
  await expect(dialog.getByTestId('evidence-note-line')).toContainText('已保存为本所模板');

  // 批量导出证据 of the list: this record, and a second one never compared (skipped, its reason in 跳过.txt).
  await dialog.getByTestId('evidence-close').click();
  const other = info.outputPath('uncompared.txt');
  fs.writeFileSync(other, baopan('未套合图斑', HOLED_PLOT));
  await page.getByTestId('survey-new-input').setInputFiles(other);
  await page.getByTestId('survey-confirm-dialog').getByTestId('survey-confirm-ok').click();
  await expect(page.getByTestId('inspection-number')).not.toHaveText(number);
  const second = (await page.getByTestId('inspection-number').textContent())!.trim();
  await page.evaluate(() => (window as unknown as { __menu(id: string): void }).__menu('evidence.batch'));
  const batch = page.getByTestId('evidence-batch-dialog');
  await expect(batch.getByTestId('evidence-batch-count')).toContainText('2 条记录');
  await batch.getByTestId('evidence-batch-export').click();
  await expect(batch.getByTestId('evidence-batch-done')).toHaveText(/已导出 1 条记录到 证据-批量-.*\.zip，跳过 1 条。/, { timeout: 120_000 });
  await screenshot(page, info, 'evidence-5-batch');
  expect(saved).toHaveLength(1);
  const zipped = unzipSync(new Uint8Array(saved[0]!.bytes));
  const paths = Object.keys(zipped);
  expect(paths).toContain(`${number}/${number}-证据.pdf`);
  expect(paths).toContain(`${number}/清单.json`);
  expect(paths.some((p) => p.startsWith(`${second}/`))).toBe(false);
  const skipped = Buffer.from(zipped['跳过.txt']!).toString('utf8');
  expect(skipped).toContain(`${second}\t无法导出：记录还没有套合结果`);

  // The record's set, as the template made it: A3 landscape at 1:2,000 — the one print request, the pages, the PNG.
  expect(printed).toEqual([{ pageSize: { widthMm: 420, heightMm: 297 }, landscape: true, printBackground: true, cssPageSize: true }]);
  const entries = Object.fromEntries(
    Object.entries(zipped)
      .filter(([p]) => p.startsWith(`${number}/`))
      .map(([p, b]) => [p.slice(number.length + 1), b]),
  );
  const dir = info.outputPath('set');
  fs.mkdirSync(dir, { recursive: true });
  const pdfPath = path.join(dir, 'strips.pdf');
  fs.writeFileSync(pdfPath, entries[`${number}-证据.pdf`]!);
  const pdfinfo = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdfPath], { encoding: 'utf8' });
  const [, pw, ph] = /Page\s+1 size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfinfo)!;
  // One PDF, pages of two sizes: the A3 landscape map sheet, then the A4 portrait papers (CSS named pages).
  const sizes = [...pdfinfo.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) =>
    Number(m[1]) > 1000 ? 'A3L' : Number(m[1]) < 600 ? 'A4P' : '?',
  );
  expect(sizes[0]).toBe('A3L');
  expect(
    sizes
      .slice(1)
      .filter((x) => x !== 'A3L')
      .every((x) => x === 'A4P'),
  ).toBe(true);
  expect(sizes).toContain('A4P');
  // A3 landscape = 1190.55 × 841.89 pt; Chromium's page box within a point of it (whole CSS pixels).
  expect(Math.abs(Number(pw) - 1190.55)).toBeLessThan(1);
  expect(Math.abs(Number(ph) - 841.89)).toBeLessThan(1);
  const png = Buffer.from(entries[`${number}-示意图.png`]!);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([4961, 3508]);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('1:2 000');
  for (const [, pts] of STRIPS)
    for (const [, x, y] of pts) {
      expect(text).toContain(x.toFixed(3));
      expect(text).toContain(y.toFixed(3));
    }
  execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, path.join(dir, 'strips')]);
  fs.mkdirSync(path.resolve('test-results/screens'), { recursive: true });
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('strips') && n.endsWith('.png')))
    fs.copyFileSync(path.join(dir, f), path.resolve('test-results/screens', `evidence-${f}`));

  consoleWatch.assertClean();
});

import { expect, test, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';
import { readCass } from '../../shared/formats/survey/cass';
import { readBaopan } from '../../shared/formats/survey/baopan';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.resolve(HERE, '../fixtures/survey', name);
// PROJ / GEOS / GeographicLib figures for the fixtures: /usr/bin/python3 scripts/make-survey-fixtures.py.
const oracle = JSON.parse(fs.readFileSync(path.resolve(HERE, '../oracles/survey.json'), 'utf8')) as {
  hexagon: { points: { name: string; x: number; y: number }[]; sides: number[]; planarM2: number; ellipsoidalM2: number };
  waypoints: { lngLat: [number, number][]; planarM2: number };
};

interface StoredRecord {
  number: string;
  surveyPoints: { name: string; x: number; y: number; h: number | null; ring: number; method: string | null }[];
  geometry: { type: string; coordinates: number[][][] } | null;
  zone: { width: number; zone: number } | null;
  history: { kind: string }[];
}

/** The stored inspection records, as IndexedDB holds them (what the app saved, not what it shows). */
async function storedRecords(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const req = indexedDB.open('landpatrol');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('inspections', 'readonly');
          const all = tx.objectStore('inspections').getAll();
          all.onsuccess = () => {
            resolve(all.result as StoredRecord[]);
            req.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Metres between two lon/lat points (local plane: exact enough at the millimetre over a few hundred metres). */
const metresApart = (a: number[], b: number[]) =>
  Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);

/** Every vertex of the oracle's hexagon (PROJ's lon/lat of the file's GK points) is a vertex of the boundary, to 1 mm. */
function expectHexagon(r: StoredRecord) {
  expect(r.geometry?.type).toBe('Polygon');
  const ring = r.geometry!.coordinates[0]!;
  expect(ring).toHaveLength(7);
  for (const c of oracle.waypoints.lngLat as [number, number][]) expect(Math.min(...ring.map((v) => metresApart(v, c)))).toBeLessThan(0.001);
  expect(r.zone).toMatchObject({ width: 3, zone: 39 });
  expect(r.surveyPoints.map((p) => ({ name: p.name, x: p.x, y: p.y }))).toEqual(oracle.hexagon.points);
}

async function confirmImport(page: Page) {
  const dialog = page.getByTestId('survey-confirm-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('survey-confirm-ok').click();
  await expect(dialog).toHaveCount(0);
}

test('survey points: a record from a CASS file, GBK and UTF-8, the CSV mapping, a bowtie refused, export and read back, a bearing', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);

  // 从界址点文件新建核查…: the surveyor's RTK points as CASS .dat, GBK (Chinese Windows).
  await page.getByTestId('survey-new-input').setInputFiles(fixture('hexagon-gbk.dat'));
  const confirm = page.getByTestId('survey-confirm-dialog');
  await expect(confirm).toBeVisible();
  // What the reader decided is said: Y (east) first from the magnitudes, GBK names, the zone from the prefix.
  await expect(confirm.getByTestId('survey-confirm-notes')).toContainText('Y（东）在前');
  await expect(confirm.getByTestId('survey-confirm-notes')).toContainText('GBK');
  await expect(confirm.getByTestId('survey-confirm-figures-zone')).toContainText('3° 带第 39 带');
  await confirm.getByTestId('survey-confirm-method').selectOption('rtk');
  const planarShown = Number(await confirm.getByTestId('survey-confirm-figures-planar').getAttribute('data-m2'));
  expect(planarShown).toBeCloseTo(oracle.hexagon.planarM2, 3);
  await screenshot(page, info, 'survey-01-confirm-new');
  await confirmImport(page);

  const section = page.getByTestId('survey-section');
  await expect(section).toBeVisible();
  await expect(section.getByTestId('survey-row')).toHaveCount(6);
  await expect(section.getByTestId('survey-row').first()).toHaveAttribute('data-name', '界址点1');
  // 边长 to 0.01 m, the areas labelled, the closure 0 (the file closed on 界址点1).
  await expect(section.getByTestId('survey-cell-side-0')).toHaveText(oracle.hexagon.sides[0]!.toFixed(2));
  expect(Number(await section.getByTestId('survey-figures-planar').getAttribute('data-m2'))).toBeCloseTo(oracle.hexagon.planarM2, 3);
  expect(Number(await section.getByTestId('survey-figures-ellipsoidal').getAttribute('data-m2'))).toBeCloseTo(oracle.hexagon.ellipsoidalM2, 2);
  await expect(section.getByTestId('survey-figures-planar')).toContainText('亩');
  await expect(section.getByTestId('survey-figures-closure')).toHaveAttribute('data-metres', '0.0000');
  let records = await storedRecords(page);
  expect(records).toHaveLength(1);
  expectHexagon(records[0]!);
  expect(records[0]!.surveyPoints.every((p) => p.method === 'rtk')).toBe(true);
  await waitForMapIdle(page);
  await page.waitForTimeout(600); // the fit's ease
  await screenshot(page, info, 'survey-02-record-map');

  // The Y column with or without the zone prefix.
  await expect(section.getByTestId('survey-cell-y-0')).toHaveValue('39512000.456');
  await section.getByTestId('survey-prefix-toggle').uncheck();
  await expect(section.getByTestId('survey-cell-y-0')).toHaveValue('512000.456');
  await section.getByTestId('survey-prefix-toggle').check();

  // The same plot from the UTF-8 file into the open record: the same boundary.
  await page.getByTestId('survey-import-input').setInputFiles(fixture('hexagon-utf8.dat'));
  await expect(confirm.getByTestId('survey-confirm-notes')).not.toContainText('GBK');
  await confirm.getByTestId('survey-confirm-method').selectOption('totalStation');
  await confirmImport(page);
  await expect.poll(async () => (await storedRecords(page))[0]!.surveyPoints[0]!.method).toBe('totalStation');
  records = await storedRecords(page);
  expectHexagon(records[0]!);

  // GPX waypoints from a handheld: the datum is asked (the patrol import's question); WGS-84 is projected into the
  // zone of their longitude, never shifted; GCJ-02 is refused (nothing saved).
  await page.getByTestId('survey-import-input').setInputFiles(fixture('waypoints-gbk.gpx'));
  const datum = page.getByTestId('survey-datum-dialog');
  await expect(datum).toBeVisible();
  await datum.getByText('GCJ-02（火星坐标').click();
  await expect(datum.getByTestId('survey-datum-gcj02')).toBeVisible();
  await datum.getByTestId('survey-datum-ok').click();
  await expect(page.getByTestId('notice-error').filter({ hasText: '未导入' })).toBeVisible();
  expect((await storedRecords(page))[0]!.history.length).toBe(records[0]!.history.length);
  await page.getByTestId('survey-import-input').setInputFiles(fixture('waypoints-utf8.gpx'));
  await screenshot(page, info, 'survey-03a-datum');
  await datum.getByTestId('survey-datum-ok').click();
  await expect(confirm.getByTestId('survey-confirm-notes')).toContainText('39');
  await expect(confirm.getByTestId('survey-confirm-figures-open')).toBeVisible();
  await confirmImport(page);
  await expect.poll(async () => (await storedRecords(page))[0]!.history.length).toBe(records[0]!.history.length + 1);
  const gpx = (await storedRecords(page))[0]!;
  const gpxRing = gpx.geometry!.coordinates[0]!;
  for (const c of oracle.waypoints.lngLat) expect(Math.min(...gpxRing.map((v) => metresApart(v, c)))).toBeLessThan(0.001);
  expect(Number(await section.getByTestId('survey-figures-planar').getAttribute('data-m2'))).toBeCloseTo(oracle.waypoints.planarM2, 3);

  // A CSV: the column mapping dialog, its columns with samples, the suggestion preselected (X坐标 is north).
  await page.getByTestId('survey-import-input').setInputFiles(fixture('points-utf8.csv'));
  const mapping = page.getByTestId('survey-mapping-dialog');
  await expect(mapping).toBeVisible();
  await expect(mapping.getByTestId('survey-mapping-name')).toHaveValue('0');
  await expect(mapping.getByTestId('survey-mapping-x')).toHaveValue('1');
  await expect(mapping.getByTestId('survey-mapping-y')).toHaveValue('2');
  await expect(mapping.getByTestId('survey-mapping-h')).toHaveValue('3');
  await expect(mapping.getByTestId('survey-mapping-samples')).toContainText('3820100.123');
  // Choosing one column twice is refused in the dialog.
  await mapping.getByTestId('survey-mapping-y').selectOption('1');
  await expect(mapping.getByTestId('survey-mapping-problem')).toBeVisible();
  await expect(mapping.getByTestId('survey-mapping-ok')).toBeDisabled();
  await mapping.getByTestId('survey-mapping-y').selectOption('2');
  await screenshot(page, info, 'survey-03-mapping');
  await mapping.getByTestId('survey-mapping-ok').click();
  await confirmImport(page);
  await expect.poll(async () => (await storedRecords(page))[0]!.history.length).toBeGreaterThanOrEqual(3);
  records = await storedRecords(page);
  expectHexagon(records[0]!);
  expect(records[0]!.surveyPoints[0]!.h).toBe(45.12);

  // A bowtie: refused with the crossing sides named; nothing saved.
  const before = (await storedRecords(page))[0]!.history.length;
  await page.getByTestId('survey-import-input').setInputFiles(fixture('bowtie.dat'));
  await expect(confirm.getByTestId('survey-confirm-figures-refusal')).toContainText('相交');
  await expect(confirm.getByTestId('survey-confirm-ok')).toBeDisabled();
  await screenshot(page, info, 'survey-04-bowtie');
  await confirm.getByRole('button', { name: '取消' }).click();
  expect((await storedRecords(page))[0]!.history.length).toBe(before);
  await expect(section.getByTestId('survey-row')).toHaveCount(6);

  // Export as CASS .dat and as 报盘, named with the record number, read back equal (GBK files).
  const number = records[0]!.number;
  const [dat] = await Promise.all([page.waitForEvent('download'), section.getByTestId('survey-export-dat').click()]);
  expect(dat.suggestedFilename()).toBe(`${number}-界址点.dat`);
  const datBack = readCass('back.dat', new Uint8Array(fs.readFileSync((await dat.path())!)));
  expect(datBack.encoding).toBe('gbk');
  expect(datBack.plots[0]!.rings[0]!.points.map((p) => ({ name: p.name, x: p.x, y: p.y }))).toEqual(oracle.hexagon.points);
  const [bp] = await Promise.all([page.waitForEvent('download'), section.getByTestId('survey-export-baopan').click()]);
  expect(bp.suggestedFilename()).toBe(`${number}-报盘坐标.txt`);
  const bpBack = readBaopan('back.txt', new Uint8Array(fs.readFileSync((await bp.path())!)));
  expect(bpBack.declaredZone).toEqual({ width: 3, zone: 39 });
  expect(bpBack.plots[0]!.rings[0]!.points.map((p) => ({ name: p.name, x: p.x, y: p.y }))).toEqual(oracle.hexagon.points);
  expect(bpBack.plots[0]!.declared?.areaHectares).toBeCloseTo(oracle.hexagon.planarM2 / 10_000, 4);

  // An edit that makes a bowtie (two points swapped) is refused when saved, with its reason; the draft is discarded.
  await section.getByRole('button', { name: '下移' }).nth(1).click();
  await expect(section.getByTestId('survey-figures-refusal')).toBeVisible();
  await section.getByTestId('survey-apply').click();
  await expect(page.getByTestId('notice-error').filter({ hasText: '相交' })).toBeVisible();
  expect((await storedRecords(page))[0]!.history.length).toBe(before);
  await section.getByTestId('survey-revert').click();
  await expect(section.getByTestId('survey-figures-refusal')).toHaveCount(0);

  // 测距 with two points: the 坐标方位角 (grid north) and the geodesic azimuth, in °′″.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.getByTestId('measure-length-button').click();
  for (const [fx, fy] of [
    [0.3, 0.6],
    [0.45, 0.4],
  ] as const) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 4 });
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  }
  await page.keyboard.press('Enter');
  const grid = page.getByTestId('measure-bearing-grid');
  await expect(grid).toHaveText(/^\d{1,3}°\d{2}′\d{2}\.\d″$/);
  const gridDeg = Number(await grid.getAttribute('data-degrees'));
  const trueDeg = Number(await page.getByTestId('measure-bearing-true').getAttribute('data-degrees'));
  // Up and to the right on a north-up map: north-east; grid and true north differ by the convergence (< 3° in China).
  expect(gridDeg).toBeGreaterThan(0);
  expect(gridDeg).toBeLessThan(90);
  expect(Math.abs(trueDeg - gridDeg)).toBeLessThan(3);
  await screenshot(page, info, 'survey-05-bearing');
  consoleWatch.assertClean();
});

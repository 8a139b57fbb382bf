/**
 * 巡查区域与当日任务 as an office plans a day: draw a key area (the industrial park) with its rule, a corridor along a road
 * (centre line + width), a stop-notice site (a point and a radius, notice number and date, then 结案), plan the day's task
 * with an officer, the three areas, two points (one clicked on the map, one from the 卫片图斑 layer's list) and a planned
 * route; print the task sheet (print view, page.pdf rendered with pdftoppm), export the .xlsx and the GPX (downloads read
 * back), reload, and find everything as stored. Figures are checked against independent computations in the test.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { LineString, Polygon, Position } from 'geojson';
import { openApp, screenshot, waitForMapIdle, watchConsole, watchNetwork } from './helpers';
import { makeLngLatToGk, makeLngLatToGkEN } from '../../shared/domain/crs/transform';
import { readTrackFile } from '../../shared/formats/track/read-track';

const ZONE39 = { width: 3 as const, zone: 39, centralMeridian: 117 };

interface StoredArea {
  id: string;
  kind: string;
  name: string;
  keyAreaKind: string | null;
  geometry: Polygon;
  corridor: { centreLine: LineString; widthMetres: number } | null;
  site: { centre: [number, number]; radiusMetres: number } | null;
  stopNotice: { noticeNo: string; noticeDate: string; closedDate: string | null } | null;
  ruleIds: string[];
  history: { kind: string }[];
}
interface StoredTask {
  id: string;
  date: string;
  officers: { name: string; certNo: string }[];
  areaIds: string[];
  points: { id: string; name: string; lngLat: [number, number]; source: { layerId: string; featureId: number } | null }[];
  plannedRoute: LineString | null;
}

/** A store's records, raw from IndexedDB (what is on disk). */
const readStore = <T>(page: Page, store: string): Promise<T[]> =>
  page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as T[]);
          };
        };
      }),
    store,
  );

/** An .xlsx read with python's zipfile + xml.etree (not our writer's library): sheet names and each sheet's rows of cell values. */
function readXlsx(file: string): { sheets: string[]; rows: Record<string, (string | number | null)[][]> } {
  const script = `
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)] if 'xl/sharedStrings.xml' in z.namelist() else []
rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
out = {'sheets': [], 'rows': {}}
for sh in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', ns):
    name = sh.get('name'); target = rels[sh.get('{%s}id' % ns['r'])].lstrip('/')
    target = target if target.startswith('xl/') else 'xl/' + target
    rows = []
    for row in ET.fromstring(z.read(target)).iter('{%s}row' % ns['m']):
        cells = []
        for c in row.findall('m:c', ns):
            col = re.match(r'[A-Z]+', c.get('r')).group(0); i = 0
            for ch in col: i = i * 26 + ord(ch) - 64
            while len(cells) < i - 1: cells.append(None)
            v = c.find('m:v', ns); t = c.get('t')
            if t == 's': cells.append(shared[int(v.text)])
            elif t == 'inlineStr': cells.append(''.join(x.text or '' for x in c.iter('{%s}t' % ns['m'])))
            elif v is None: cells.append(None)
            else: cells.append(float(v.text))
        rows.append(cells)
    out['sheets'].append(name); out['rows'][name] = rows
print(json.dumps(out, ensure_ascii=False))
`;
  const r = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** The route's length on GRS80 by GeographicLib through pyproj (an engine that is not ours). */
function geodesicMetres(coords: Position[]): number {
  const script =
    'import json,sys\nfrom pyproj import Geod\nc=json.load(sys.stdin)\nprint(repr(Geod(ellps="GRS80").line_length([p[0] for p in c],[p[1] for p in c])))';
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(coords), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}

function planarM2(ring: Position[]): number {
  const gk = ring.map((p) => makeLngLatToGkEN(ZONE39, false)(p[0]!, p[1]!));
  let s = 0;
  for (let i = 0; i + 1 < gk.length; i++) s += gk[i]![0] * gk[i + 1]![1] - gk[i + 1]![0] * gk[i]![1];
  return Math.abs(s) / 2;
}

test('patrol areas and the day’s task: draw, plan, print, export, reload', async ({ page }, info) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  const consoleWatch = watchConsole(page);
  const net = watchNetwork(page);
  await openApp(page);
  await waitForMapIdle(page);
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });

  await page.getByTestId('dock-tab-tasks').click();
  const panel = page.getByTestId('tasks-panel');
  await expect(panel).toBeVisible();

  // 1. A key area: the industrial park, 工业集中区, with the key-area rule.
  await panel.getByTestId('tasks-new-keyArea').click();
  const form = panel.getByTestId('tasks-area-form');
  await form.getByTestId('tasks-area-name-input').fill('杏园工业园');
  await form.getByTestId('tasks-key-kind').selectOption('工业集中区');
  await form.getByTestId('tasks-rule-default.key-area-weekly').check();
  await form.getByTestId('tasks-draw').click();
  for (const [fx, fy] of [
    [0.25, 0.25],
    [0.45, 0.25],
    [0.45, 0.45],
    [0.25, 0.45],
  ] as const)
    await page.mouse.click(at(fx, fy).x, at(fx, fy).y);
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('tasks-draft-mu')).toContainText('亩');
  await form.getByTestId('tasks-area-save').click();
  await expect(panel.locator('[data-testid="tasks-area-row"][data-kind="keyArea"]')).toHaveCount(1);

  // 2. A corridor: a road's centre line, 60 m wide (buffered on GEOS in the zone's plane).
  await panel.getByTestId('tasks-new-corridor').click();
  await form.getByTestId('tasks-area-name-input').fill('S102 省道');
  await form.getByTestId('tasks-width').fill('60');
  await form.getByTestId('tasks-draw').click();
  await page.mouse.click(at(0.55, 0.2).x, at(0.55, 0.2).y);
  await page.mouse.click(at(0.8, 0.7).x, at(0.8, 0.7).y);
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('tasks-draft-mu')).toContainText('亩');
  await form.getByTestId('tasks-area-save').click();
  await expect(panel.locator('[data-testid="tasks-area-row"][data-kind="corridor"]')).toHaveCount(1);

  // 3. A stop-notice site: a point and an 80 m radius, its notice; then 结案.
  await panel.getByTestId('tasks-new-stopNoticeSite').click();
  await form.getByTestId('tasks-area-name-input').fill('砖厂违建');
  await form.getByTestId('tasks-notice-no').fill('历城自然资〔2026〕018号');
  await form.getByTestId('tasks-notice-date').fill('2026-11-20');
  await form.getByText('点位加半径').click();
  await form.getByTestId('tasks-radius').fill('80');
  await form.getByTestId('tasks-rule-default.stop-notice-follow-up').check();
  await form.getByTestId('tasks-draw').click();
  await page.mouse.click(at(0.35, 0.7).x, at(0.35, 0.7).y);
  await expect(form.getByTestId('tasks-draft-mu')).toContainText('亩');
  await form.getByTestId('tasks-area-save').click();
  const siteRow = panel.locator('[data-testid="tasks-area-row"][data-kind="stopNoticeSite"]');
  await expect(siteRow).toHaveCount(1);
  await expect(siteRow.getByTestId('tasks-site-state')).toHaveText('跟踪中');
  await waitForMapIdle(page);
  await screenshot(page, info, 'tasks-areas');

  // Saving selected the site: its details are open.
  await expect(siteRow).toHaveAttribute('aria-selected', 'true');
  await panel.getByTestId('tasks-site-close').click();
  await panel.getByTestId('tasks-close-date').fill('2026-12-01');
  await panel.getByTestId('tasks-close-confirm').click();
  await expect(siteRow.getByTestId('tasks-site-state')).toHaveText('2026-12-01 结案');

  const areas = await readStore<StoredArea>(page, 'patrolAreas');
  expect(areas.map((a) => a.kind).sort()).toEqual(['corridor', 'keyArea', 'stopNoticeSite']);
  const park = areas.find((a) => a.kind === 'keyArea')!;
  expect(park).toMatchObject({ name: '杏园工业园', keyAreaKind: '工业集中区', ruleIds: ['default.key-area-weekly'] });
  const road = areas.find((a) => a.kind === 'corridor')!;
  expect(road.corridor!.widthMetres).toBe(60);
  // A straight two-vertex corridor with flat ends is a rectangle: width × the line's GK length (independent: proj4 + shoelace).
  const [p0, p1] = road.corridor!.centreLine.coordinates.map((p) => makeLngLatToGkEN(ZONE39, false)(p[0]!, p[1]!));
  const lineM = Math.hypot(p1![0] - p0![0], p1![1] - p0![1]);
  expect(Math.abs(planarM2(road.geometry.coordinates[0]!) - 60 * lineM) / (60 * lineM)).toBeLessThan(1e-6);
  const site = areas.find((a) => a.kind === 'stopNoticeSite')!;
  expect(site.stopNotice).toEqual({ noticeNo: '历城自然资〔2026〕018号', noticeDate: '2026-11-20', closedDate: '2026-12-01' });
  expect(site.site!.radiusMetres).toBe(80);
  expect(planarM2(site.geometry.coordinates[0]!) / (Math.PI * 80 ** 2)).toBeCloseTo(0.9936, 3); // a 32-gon
  expect(site.history.map((h) => h.kind)).toEqual(['created', 'closed']);

  // 4. The day's task: an officer, the three areas, a point clicked on the map, a 卫片图斑 from the list, a route.
  await panel.getByTestId('tasks-tab-task').click();
  await panel.getByTestId('tasks-task-new').click();
  const task = panel.getByTestId('tasks-task-form');
  await task.getByTestId('tasks-officer-add').click();
  await task.getByTestId('tasks-officer-name').fill('李晓燕');
  await task.getByTestId('tasks-officer-cert').fill('鲁执 37010001');
  for (const name of ['杏园工业园', 'S102 省道', '砖厂违建'])
    await task
      .getByTestId('tasks-areas')
      .getByRole('checkbox', { name: new RegExp(`^${name}（`) })
      .check();
  await task.getByTestId('tasks-points-pick').click();
  await page.mouse.click(at(0.4, 0.35).x, at(0.4, 0.35).y);
  await task.getByTestId('tasks-points-stop').click();
  await expect(task.getByTestId('tasks-point')).toHaveCount(1);
  await task.getByTestId('tasks-point-name').first().fill('园区东门新建厂房');
  await task.getByTestId('tasks-patch-layer').selectOption({ label: '卫片图斑WPTB' });
  await task.getByTestId('tasks-patch-load').click();
  await expect(task.getByTestId('tasks-patch-row').first()).toBeVisible();
  const patchLabel = (await task.getByTestId('tasks-patch-row').first().locator('span').textContent())!;
  await task.getByTestId('tasks-patch-add').first().click();
  await expect(task.getByTestId('tasks-point')).toHaveCount(2);
  // The map's right-click menu adds the point under the pointer (with the feature there as its source); × removes it.
  await page.mouse.click(at(0.62, 0.6).x, at(0.62, 0.6).y, { button: 'right' });
  await page.getByTestId('map-context-menu').getByTestId('tasks-menu-add-point').click();
  await expect(task.getByTestId('tasks-point')).toHaveCount(3);
  await task.locator('[data-testid="tasks-point"][data-point-id="P3"]').getByRole('button', { name: '移除点位 P3' }).click();
  await expect(task.getByTestId('tasks-point')).toHaveCount(2);
  await task.getByTestId('tasks-route-draw').click();
  for (const [fx, fy] of [
    [0.2, 0.5],
    [0.4, 0.35],
    [0.6, 0.45],
  ] as const)
    await page.mouse.click(at(fx, fy).x, at(fx, fy).y);
  await page.keyboard.press('Enter');
  await expect(task.getByTestId('tasks-route-km')).toContainText('km');
  await task.getByTestId('tasks-task-notes').fill('带无人机，重点看园区东扩');
  await task.getByTestId('tasks-task-save').click();
  await expect(task.getByTestId('tasks-task-status')).toHaveText('任务已保存');
  await waitForMapIdle(page);
  await screenshot(page, info, 'tasks-day-task');

  const [stored] = await readStore<StoredTask>(page, 'patrolTasks');
  expect(stored!.officers).toEqual([{ name: '李晓燕', certNo: '鲁执 37010001' }]);
  expect(stored!.areaIds.sort()).toEqual(areas.map((a) => a.id).sort());
  expect(stored!.points.map((p) => [p.id, p.name, p.source === null])).toEqual([
    ['P1', '园区东门新建厂房', true],
    ['P2', patchLabel, false],
  ]);
  const routeM = geodesicMetres(stored!.plannedRoute!.coordinates);
  const shownM = Number(await task.getByTestId('tasks-route-km').getAttribute('data-metres'));
  expect(Math.abs(shownM - routeM)).toBeLessThan(0.002); // to the printed mm

  // 5. The task sheet: the print view, and the PDF the print pipeline makes of it.
  await task.getByTestId('tasks-sheet-open').click();
  const sheet = page.getByTestId('task-sheet');
  await expect(sheet.getByTestId('task-sheet-map')).toBeVisible({ timeout: 20_000 });
  await expect(sheet.getByTestId('task-sheet-point')).toHaveCount(2);
  const toGk = makeLngLatToGk(ZONE39, true);
  for (const [i, p] of stored!.points.entries()) {
    const gk = toGk(p.lngLat[0], p.lngLat[1]);
    const cells = sheet.getByTestId('task-sheet-point').nth(i).locator('td');
    await expect(cells.nth(4)).toHaveText(gk.x.toFixed(3));
    await expect(cells.nth(5)).toHaveText(gk.y.toFixed(3));
  }
  await expect(sheet.getByTestId('task-sheet-route')).toHaveText(`${(shownM / 1000).toFixed(3)} km`);
  await screenshot(page, info, 'tasks-sheet');
  await page.emulateMedia({ media: 'print' });
  const pdfPath = info.outputPath('task-sheet.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdfText = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).stdout;
  expect(pdfText).toContain('巡查任务单');
  expect(pdfText).toContain('李晓燕（鲁执 37010001）');
  expect(pdfText).toContain(toGk(stored!.points[0]!.lngLat[0], stored!.points[0]!.lngLat[1]).x.toFixed(3));
  expect(pdfText).not.toContain('图层'); // the app beside the sheet is not printed
  const pages = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).stdout;
  expect(pages).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  expect(pages).toMatch(/Pages:\s+1\n/); // one sheet
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, info.outputPath('task-sheet-pdf')]);
  fs.mkdirSync('test-results/screens', { recursive: true });
  for (const f of fs.readdirSync(info.outputPath('.')).filter((n) => n.startsWith('task-sheet-pdf')))
    fs.copyFileSync(info.outputPath(f), `test-results/screens/${f}`);
  await sheet.getByTestId('task-sheet-close').click();
  await expect(sheet).toHaveCount(0);

  // 6. The .xlsx and the GPX, downloaded and read back.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), task.getByTestId('tasks-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe(`巡查任务单-${stored!.date}.xlsx`);
  const book = readXlsx((await xlsx.path())!);
  expect(book.sheets).toEqual(['任务', '巡查区域', '巡查点位']);
  const pts = book.rows['巡查点位']!;
  expect(pts[0]).toEqual(['序号', '点号', '名称', '经度（°）', '纬度（°）', 'X（北，m）', 'Y（东，含带号，m）', '说明']);
  for (const [i, p] of stored!.points.entries()) {
    const gk = toGk(p.lngLat[0], p.lngLat[1]);
    expect(pts[i + 1]![1]).toBe(p.id);
    expect(Math.abs((pts[i + 1]![5] as number) - gk.x)).toBeLessThanOrEqual(0.0005 + 1e-9);
    expect(Math.abs((pts[i + 1]![6] as number) - gk.y)).toBeLessThanOrEqual(0.0005 + 1e-9);
  }
  expect(book.rows['巡查区域']).toHaveLength(1 + 3 + 1); // header, three areas, the total
  const [gpx] = await Promise.all([page.waitForEvent('download'), task.getByTestId('tasks-export-gpx').click()]);
  expect(gpx.suggestedFilename()).toBe(`巡查任务单-${stored!.date}.gpx`);
  const gpxBytes = new Uint8Array(fs.readFileSync((await gpx.path())!));
  const read = readTrackFile({ path: 'task.gpx', bytes: gpxBytes });
  expect(read.tracks).toHaveLength(1);
  expect(read.tracks[0]!.points.map(([lng, lat]) => [lng.toFixed(7), lat.toFixed(7)])).toEqual(
    stored!.plannedRoute!.coordinates.map((c) => [c[0]!.toFixed(7), c[1]!.toFixed(7)]),
  );
  const gpxFile = info.outputPath('task.gpx');
  fs.writeFileSync(gpxFile, gpxBytes);
  const ogr = spawnSync('ogrinfo', ['-ro', '-so', gpxFile, 'waypoints'], { encoding: 'utf8' }).stdout;
  expect(ogr).toMatch(/Feature Count: 2/);

  // 7. Reload: everything is as stored.
  await page.reload();
  await expect(page.getByTestId('toolbar')).toBeVisible();
  await page.getByTestId('dock-tab-tasks').click();
  await expect(panel.getByTestId('tasks-area-row')).toHaveCount(3);
  await expect(panel.locator('[data-testid="tasks-area-row"][data-kind="stopNoticeSite"]').getByTestId('tasks-site-state')).toHaveText(
    '2026-12-01 结案',
  );
  await panel.getByTestId('tasks-tab-task').click();
  await panel.getByTestId('tasks-day').fill(stored!.date);
  await expect(panel.getByTestId('tasks-task-row')).toHaveCount(1);
  await panel.getByTestId('tasks-task-open').click();
  await expect(task.getByTestId('tasks-point')).toHaveCount(2);
  await expect(task.getByTestId('tasks-route-km')).toHaveAttribute('data-metres', shownM.toFixed(3));
  await expect(task.getByTestId('tasks-total-mu')).toContainText('3 个区域');

  net.assertOffline();
  consoleWatch.assertClean();
});

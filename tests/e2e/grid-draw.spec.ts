import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { Polygon, Position } from 'geojson';
import { layerItem, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';
import { makeLngLatToGkEN } from '../../shared/domain/crs/transform';

type Handle = import('../../renderer/map').MapHandle;
type EditView = import('../../renderer/map').EditView;
type LngLat = [number, number];
interface StoredArea {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  geometry: Polygon | null;
  duties: string;
  keyArea: { kind: string } | null;
  people: { name: string }[];
  history: { change: string; fields: string[] }[];
}

const ZONE39 = { width: 3 as const, zone: 39, centralMeridian: 117 };
const gkOf = (p: Position): [number, number] => makeLngLatToGkEN(ZONE39, false)(p[0]!, p[1]!);

/** Planar area in zone 39 (shoelace of PROJ-equal proj4 coordinates): an independent check of the app's figures. */
function planarM2(ring: Position[]): number {
  const gk = ring.map(gkOf);
  let s = 0;
  for (let i = 0; i < gk.length; i++) {
    const a = gk[i]!;
    const b = gk[(i + 1) % gk.length]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s) / 2;
}

type MapEl = HTMLElement & { mapHandle?: Handle };
const editView = (page: Page): Promise<EditView | null> =>
  page.evaluate(() => (document.querySelector('[data-testid="map"]') as MapEl).mapHandle!.editor()?.view() ?? null);
const projectOn = (page: Page, p: LngLat): Promise<[number, number]> =>
  page.evaluate((q) => (document.querySelector('[data-testid="map"]') as MapEl).mapHandle!.project(q), p);
const fitOn = (page: Page, b: [number, number, number, number], padding: number): Promise<void> =>
  page.evaluate(({ b, padding }) => (document.querySelector('[data-testid="map"]') as MapEl).mapHandle!.fit(b, { animate: false, padding }), {
    b,
    padding,
  });
const centreOf = (ring: Position[]): LngLat => {
  const r = ring.slice(0, -1);
  return [r.reduce((t, p) => t + p[0]!, 0) / r.length, r.reduce((t, p) => t + p[1]!, 0) / r.length];
};

/** A store of the app's IndexedDB, as stored (full precision). */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
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
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

const areasStored = (page: Page) => readStore<StoredArea>(page, 'gridAreas');
const areaNamed = async (page: Page, name: string) => (await areasStored(page)).find((a) => a.name === name)!;

/** The sample township's village boundaries (行政区XZQ) as stored. */
async function villageRings(page: Page): Promise<Position[][]> {
  const layerId = (await layerItem(page, '行政区XZQ').getAttribute('data-layer-id'))!;
  return page.evaluate(
    (id) =>
      new Promise<Position[][]>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onsuccess = () => {
          const get = open.result.transaction('layerData').objectStore('layerData').get(id);
          get.onsuccess = async () => {
            const fc = JSON.parse(await (get.result.geojson as Blob).text()) as { features: { geometry: Polygon }[] };
            open.result.close();
            resolve(fc.features.map((f) => f.geometry.coordinates[0]!));
          };
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
    layerId,
  );
}

/** The four corners of the villages' outline: the extreme vertices in the GK plane (the outline is a rectangle). */
function outlineCorners(rings: Position[][]): LngLat[] {
  const all = rings.flat().map((p) => ({ p: [p[0]!, p[1]!] as LngLat, g: gkOf(p) }));
  const pick = (score: (e: number, n: number) => number) => all.reduce((b, x) => (score(x.g[0], x.g[1]) > score(b.g[0], b.g[1]) ? x : b)).p;
  return [pick((e, n) => -e - n), pick((e, n) => e - n), pick((e, n) => e + n), pick((e, n) => -e + n)];
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await waitForMapIdle(page);
  await page.waitForTimeout(300);
  await screenshot(page, info, name);
}

const row = (page: Page, name: string) =>
  page.getByTestId('grid-row').filter({ has: page.getByTestId('grid-name').getByText(name, { exact: true }) });
/** Selects a row (a click on the selected row would deselect it). */
async function select(page: Page, name: string): Promise<void> {
  const r = row(page, name);
  if ((await r.getAttribute('aria-selected')) !== 'true') await r.click();
  await expect(r).toHaveAttribute('aria-selected', 'true');
}

test('网格 on the map: draw a township with snapping, promote villages, generate, split, undo/redo, merge, fix a gap, duties and key area, reload', async ({
  page,
}, info) => {
  test.setTimeout(300_000);
  page.setDefaultTimeout(30_000);
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  const rings = await villageRings(page);
  const corners = outlineCorners(rings);
  const outline = planarM2(corners);
  await page.getByTestId('dock-tab-grid').click();
  const panel = page.getByTestId('grid-panel');
  const box = (await page.getByTestId('map').boundingBox())!;
  const px = async (p: LngLat) => {
    const [x, y] = await projectOn(page, p);
    return { x: box.x + x, y: box.y + y };
  };
  // The editing card sits top left over the map: the box is widened westwards so what is drawn lies right of it.
  const fitTo = async (ring: Position[], widen = 0.8) => {
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    const w = Math.max(...xs) - Math.min(...xs);
    await fitOn(page, [Math.min(...xs) - widen * w, Math.min(...ys), Math.max(...xs), Math.max(...ys)], 40);
    await waitForMapIdle(page);
  };
  await fitTo([...corners, corners[0]!]);

  // ── 绘制乡镇: four clicks, each snapped to a corner of the village boundary layer (the marker shows it). ──
  await panel.getByTestId('grid-draw-top').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'drawing');
  await expect.poll(async () => (await editView(page))?.snap.layers ?? 0).toBeGreaterThan(0);
  for (const [i, c] of corners.entries()) {
    const p = await px(c);
    await page.mouse.move(p.x + 4, p.y - 3, { steps: 4 });
    await expect(page.getByTestId('edit-snap')).toHaveAttribute('data-snap', 'vertex');
    if (i === 2) await shot(page, info, '50a-grid-draw-snap');
    await page.mouse.click(p.x + 4, p.y - 3);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'editing');
  // Live figures while drawing are the engine's: the outline's planar area in zone 39.
  await expect(page.getByTestId('edit-area')).toHaveAttribute('data-m2', /\d/);
  expect(Math.abs(Number(await page.getByTestId('edit-area').getAttribute('data-m2')) - outline)).toBeLessThan(0.01);
  await page.getByTestId('edit-finish').click();
  const pendingForm = panel.getByTestId('grid-pending-form');
  await expect(pendingForm).toHaveAttribute('data-kind', 'draw');
  await pendingForm.getByTestId('grid-pending-name').fill('石桥镇');
  await pendingForm.getByTestId('grid-pending-save').click();
  await expect(pendingForm).toHaveCount(0);
  await expect(row(page, '石桥镇')).toHaveAttribute('data-level', 'township');
  const township = await areaNamed(page, '石桥镇');
  // Snapped: the township's corners are the layer's own vertices, bit for bit.
  expect(
    township
      .geometry!.coordinates[0]!.slice(0, -1)
      .map((p) => `${p[0]},${p[1]}`)
      .sort(),
  ).toEqual(corners.map((c) => `${c[0]},${c[1]}`).sort());
  expect(township.history.map((h) => h.change)).toEqual(['created']);

  // ── The villages promoted under it, then its topology: they tile it. ──
  await panel.getByTestId('grid-promote-open').click();
  const promote = panel.getByTestId('grid-promote-form');
  await promote.getByTestId('grid-promote-parent').selectOption({ label: '石桥镇（乡镇）' });
  await promote.getByTestId('grid-promote-run').click();
  await expect(promote).toHaveCount(0);
  await expect(page.locator('[data-testid="grid-row"][data-level="village"]')).toHaveCount(3);
  await select(page, '石桥镇');
  await panel.getByTestId('grid-topology').click();
  await expect(panel.getByTestId('grid-topology-result')).toHaveAttribute('data-clean', 'true');

  // ── 青石村: 500 m cells generated and saved. ──
  await select(page, '青石村');
  const details = panel.getByTestId('grid-details');
  await details.getByTestId('grid-generate-run').click();
  await expect(details.getByTestId('grid-generate-preview')).toBeVisible();
  await details.getByTestId('grid-generate-save').click();
  const cells = page.locator('[data-testid="grid-row"][data-level="cell"]');
  await expect(cells).toHaveCount(9);
  const village = await areaNamed(page, '青石村');
  await details.getByTestId('grid-zoom').click();
  await waitForMapIdle(page);
  await fitTo(village.geometry!.coordinates[0]!);

  // ── 分割 青石村-01 along a line; undo and redo the split (Ctrl+Z / Ctrl+Shift+Z); name the pieces. ──
  const c01 = await areaNamed(page, '青石村-01');
  const c01Ring = c01.geometry!.coordinates[0]!;
  const c01M2 = planarM2(c01Ring.slice(0, -1));
  await select(page, '青石村-01');
  await details.getByTestId('grid-split').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'drawing');
  const pts = await Promise.all(c01Ring.map((p) => px(p as LngLat)));
  const cy = pts.reduce((t, p) => t + p.y, 0) / pts.length;
  const minX = Math.min(...pts.map((p) => p.x));
  const maxX = Math.max(...pts.map((p) => p.x));
  await page.keyboard.down('Alt');
  for (const x of [minX - 15, maxX + 15]) {
    await page.mouse.move(x, cy, { steps: 4 });
    await page.mouse.click(x, cy);
  }
  await page.keyboard.up('Alt');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editView(page))?.features.length).toBe(2);
  await shot(page, info, '50b-grid-split');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await editView(page))?.features.length).toBe(1);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await editView(page))?.features.length).toBe(2);
  await page.getByTestId('edit-finish').click();
  await expect(pendingForm).toHaveAttribute('data-kind', 'split');
  const names = pendingForm.getByTestId('grid-pending-name');
  await expect(names).toHaveCount(2);
  await expect(names.nth(0)).toHaveValue('青石村-01');
  await expect(names.nth(1)).toHaveValue('青石村-01-2');
  await names.nth(0).fill('青石村北片');
  await names.nth(1).fill('青石村南片');
  await pendingForm.getByTestId('grid-pending-save').click();
  await expect(pendingForm).toHaveCount(0);
  await expect(cells).toHaveCount(10);
  const north = await areaNamed(page, '青石村北片');
  const south = await areaNamed(page, '青石村南片');
  // The pieces add up to the cell (planar, zone 39, proj4 = PROJ); the original record continues as the first piece.
  expect(
    Math.abs(planarM2(north.geometry!.coordinates[0]!.slice(0, -1)) + planarM2(south.geometry!.coordinates[0]!.slice(0, -1)) - c01M2),
  ).toBeLessThan(1e-3);
  expect(north.id).toBe(c01.id);
  expect(north.history.at(-1)).toMatchObject({ change: 'edited', fields: ['name', 'geometry'] });
  expect(south.history.map((h) => h.change)).toEqual(['created']);

  // ── 合并 青石村-02 with 青石村-03 (a click on it in the session). ──
  const c02 = await areaNamed(page, '青石村-02');
  const c03 = await areaNamed(page, '青石村-03');
  const merged = planarM2(c02.geometry!.coordinates[0]!.slice(0, -1)) + planarM2(c03.geometry!.coordinates[0]!.slice(0, -1));
  await select(page, '青石村-02');
  await details.getByTestId('grid-merge').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'picking');
  const before = (await editView(page))!.features.length;
  const in03 = await px(centreOf(c03.geometry!.coordinates[0]!));
  await page.mouse.click(in03.x, in03.y);
  await expect.poll(async () => (await editView(page))?.features.length).toBe(before - 1);
  await shot(page, info, '50c-grid-merged');
  await page.getByTestId('edit-finish').click();
  await expect(cells).toHaveCount(9);
  await expect(row(page, '青石村-03')).toHaveCount(0);
  const m = await areaNamed(page, '青石村-02');
  expect(Math.abs(planarM2(m.geometry!.coordinates[0]!.slice(0, -1)) - merged)).toBeLessThan(1e-3);

  // ── 编辑边界 of 青石村-05: a vertex typed 60 m inside its longest edge (X/Y with the zone prefix) leaves a gap. ──
  const c05 = await areaNamed(page, '青石村-05');
  const ring05 = c05.geometry!.coordinates[0]!;
  const edgeLength = (i: number) => Math.hypot(...gkDiff(ring05[i + 1]!, ring05[i]!));
  let longest = 0;
  for (let i = 1; i + 1 < ring05.length; i++) if (edgeLength(i) > edgeLength(longest)) longest = i;
  const A = gkOf(ring05[longest]!);
  const B = gkOf(ring05[longest + 1]!);
  const len = Math.hypot(B[0] - A[0], B[1] - A[1]);
  // Counter-clockwise ring (RFC 7946): the interior is to the left of A → B.
  const P: [number, number] = [(A[0] + B[0]) / 2 - (60 * (B[1] - A[1])) / len, (A[1] + B[1]) / 2 + (60 * (B[0] - A[0])) / len];
  const typed = `X=${P[1].toFixed(3)}，Y=${(39_000_000 + P[0]).toFixed(3)}`;
  const Pt: [number, number] = [Number((39_000_000 + P[0]).toFixed(3)) - 39_000_000, Number(P[1].toFixed(3))];
  const notchM2 = Math.abs((B[0] - A[0]) * (Pt[1] - A[1]) - (Pt[0] - A[0]) * (B[1] - A[1])) / 2;
  await select(page, '青石村-05');
  await details.getByTestId('grid-edit-boundary').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'editing');
  await page.getByTestId('edit-vertex-input').fill(typed);
  await page.getByTestId('edit-vertex-add').click();
  await expect
    .poll(async () => ((await editView(page))?.features[0]?.geometry as Polygon | undefined)?.coordinates[0]?.length)
    .toBe(ring05.length + 1);
  await page.getByTestId('edit-finish').click();
  await expect(details.getByTestId('grid-map-message')).toHaveText('已保存，并记入区域的修改记录');
  expect((await areaNamed(page, '青石村-05')).history.at(-1)).toMatchObject({ change: 'edited', fields: ['geometry'] });

  // ── 检查拓扑 on 青石村: the gap, with its area (m², 亩), on the map; 修复 gives it to a neighbour; checked again. ──
  await select(page, '青石村');
  await details.getByTestId('grid-topology').click();
  const result = details.getByTestId('grid-topology-result');
  await expect(result).toHaveAttribute('data-clean', 'false');
  const gap = result.getByTestId('grid-topology-gap');
  await expect(gap).toHaveCount(1);
  const gapM2 = Number(await gap.getByTestId('grid-topology-figures').getAttribute('data-m2'));
  expect(Math.abs(gapM2 - notchM2)).toBeLessThan(0.01);
  await expect(gap.getByTestId('grid-topology-figures')).toHaveText(/^[\d,]+\.\d\d m²（[\d,]+\.\d{4} 亩）$/);
  await expect(result.getByTestId('grid-topology-overlap')).toHaveCount(0);
  await shot(page, info, '50d-grid-topology-gap');
  await gap.getByTestId('grid-fix-gap-target').selectOption({ label: '青石村-05' });
  await gap.getByTestId('grid-fix-gap').click();
  await expect(result).toHaveAttribute('data-clean', 'true');
  expect(
    Math.abs(planarM2((await areaNamed(page, '青石村-05')).geometry!.coordinates[0]!.slice(0, -1)) - planarM2(ring05.slice(0, -1))),
  ).toBeLessThan(0.01);

  // ── 编辑边界 of 青石村-05 60 m out into a neighbour: stored, the overlap said; 检查拓扑 shows it (red, hatched) with its
  // area; 从…中去除 takes it out of 青石村-05 again. ──
  const now05 = await areaNamed(page, '青石村-05');
  const ring5 = now05.geometry!.coordinates[0]!;
  const others = (await areasStored(page)).filter((a) => a.parentId === now05.parentId && a.id !== now05.id && a.geometry);
  const insideGk = (ring: Position[], [x, y]: [number, number]) => {
    const g = ring.map(gkOf);
    let inside = false;
    for (let i = 0, j = g.length - 1; i < g.length; j = i++)
      if (g[i]![1] > y !== g[j]![1] > y && x < ((g[j]![0] - g[i]![0]) * (y - g[i]![1])) / (g[j]![1] - g[i]![1]) + g[i]![0]) inside = !inside;
    return inside;
  };
  let out: { A: [number, number]; B: [number, number]; Q: [number, number]; other: string; len: number } | null = null;
  for (let i = 0; i + 1 < ring5.length; i++) {
    const a = gkOf(ring5[i]!);
    const b = gkOf(ring5[i + 1]!);
    const l = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (l < 150) continue;
    // Outward: to the right of A → B (the ring is counter-clockwise).
    const at = (f: number, depth: number): [number, number] => [
      a[0] + f * (b[0] - a[0]) + (depth * (b[1] - a[1])) / l,
      a[1] + f * (b[1] - a[1]) - (depth * (b[0] - a[0])) / l,
    ];
    const q = at(0.5, 60);
    const holder = others.find((o) => [q, at(0.2, 10), at(0.8, 10)].every((p) => insideGk(o.geometry!.coordinates[0]!, p)));
    if (holder && (!out || l > out.len)) out = { A: a, B: b, Q: q, other: holder.name, len: l };
  }
  expect(out, 'an edge of 青石村-05 shared with one neighbour').not.toBeNull();
  const Qt: [number, number] = [Number((39_000_000 + out!.Q[0]).toFixed(3)) - 39_000_000, Number(out!.Q[1].toFixed(3))];
  const bulgeM2 = Math.abs((out!.B[0] - out!.A[0]) * (Qt[1] - out!.A[1]) - (Qt[0] - out!.A[0]) * (out!.B[1] - out!.A[1])) / 2;
  const m2Before = planarM2(ring5.slice(0, -1));
  await select(page, '青石村-05');
  await details.getByTestId('grid-edit-boundary').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'editing');
  await page.getByTestId('edit-vertex-input').fill(`${out!.Q[1].toFixed(3)}, ${(39_000_000 + out!.Q[0]).toFixed(3)}`);
  await page.getByTestId('edit-vertex-add').click();
  await expect
    .poll(async () => ((await editView(page))?.features[0]?.geometry as Polygon | undefined)?.coordinates[0]?.length)
    .toBe(ring5.length + 1);
  await page.getByTestId('edit-finish').click();
  await expect(details.getByTestId('grid-map-message')).toHaveText(
    new RegExp(`^已保存；“青石村-05”现与“${out!.other}”重叠 [\\d,.]+ m²，可在上级区域“检查拓扑”中修复$`),
  );
  await select(page, '青石村');
  await details.getByTestId('grid-topology').click();
  await expect(result).toHaveAttribute('data-clean', 'false');
  const overlap = result.getByTestId('grid-topology-overlap');
  await expect(overlap).toHaveCount(1);
  expect(Math.abs(Number(await overlap.getByTestId('grid-topology-figures').getAttribute('data-m2')) - bulgeM2)).toBeLessThan(0.01);
  await shot(page, info, '50d2-grid-topology-overlap');
  await overlap.getByRole('button', { name: '从“青石村-05”中去除' }).click();
  await expect(result).toHaveAttribute('data-clean', 'true');
  expect(Math.abs(planarM2((await areaNamed(page, '青石村-05')).geometry!.coordinates[0]!.slice(0, -1)) - m2Before)).toBeLessThan(0.01);

  // ── A cell drawn over its siblings is refused with the overlap named, nothing stored. ──
  await details.getByTestId('grid-draw-child').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'drawing');
  const ctr = await px(centreOf(north.geometry!.coordinates[0]!));
  await page.keyboard.down('Alt');
  for (const [dx, dy] of [
    [-20, -10],
    [20, -10],
    [0, 20],
  ] as const) {
    await page.mouse.move(ctr.x + dx, ctr.y + dy, { steps: 3 });
    await page.mouse.click(ctr.x + dx, ctr.y + dy);
  }
  await page.keyboard.up('Alt');
  await page.keyboard.press('Enter');
  await page.getByTestId('edit-finish').click();
  await pendingForm.getByTestId('grid-pending-save').click();
  await expect(pendingForm.getByTestId('grid-pending-error')).toHaveText(
    /^未保存：“青石村-\d+”与“青石村北片”重叠 [\d,.]+ m²（容差 1 m²）；请吸附到其边界重画$/,
  );
  await pendingForm.getByTestId('grid-pending-discard').click();
  await expect(cells).toHaveCount(9);

  // ── Pick 青石村南片 on the map (the 网格 tab is open), set its duties, two officers and the key-area mark. ──
  const sp = await px(centreOf(south.geometry!.coordinates[0]!));
  await page.mouse.click(sp.x, sp.y);
  await expect(row(page, '青石村南片')).toHaveAttribute('aria-selected', 'true');
  await details.getByTestId('grid-edit-open').click();
  const form = details.getByTestId('grid-edit-form');
  await form.getByTestId('grid-edit-duties').fill('巡查耕地和永久基本农田\n发现违法占地当日上报');
  await form.getByTestId('grid-edit-key').check();
  await form.getByTestId('grid-edit-key-kind').selectOption('工业集中区');
  for (const [i, name] of ['王芳', '李强'].entries()) {
    if (i > 0 || (await form.getByTestId('grid-person').count()) === 0) await form.getByTestId('grid-person-add').click();
    await form.getByTestId('grid-person').nth(i).getByTestId('grid-person-name').fill(name);
  }
  await form.getByTestId('grid-edit-save').click();
  await expect(form).toHaveCount(0);
  await expect(details.getByTestId('grid-details-duties')).toHaveText('巡查耕地和永久基本农田\n发现违法占地当日上报');
  await expect(details.getByTestId('grid-details-key')).toHaveText('工业集中区');
  await expect(row(page, '青石村南片').getByTestId('grid-key-badge')).toBeVisible();
  await fitTo(village.geometry!.coordinates[0]!, 0);
  await shot(page, info, '50e-grid-labels');

  // ── Reload: everything is where it was. ──
  await page.reload();
  await openApp(page);
  await page.getByTestId('dock-tab-grid').click();
  await expect(row(page, '石桥镇')).toHaveCount(1);
  await expect(page.locator('[data-testid="grid-row"][data-level="village"]')).toHaveCount(3);
  await expect(cells).toHaveCount(9);
  await expect(row(page, '青石村北片')).toHaveCount(1);
  await select(page, '青石村南片');
  await expect(details.getByTestId('grid-details-duties')).toHaveText('巡查耕地和永久基本农田\n发现违法占地当日上报');
  await expect(details.getByTestId('grid-details-key')).toHaveText('工业集中区');
  await expect(details.getByTestId('grid-details-people')).toContainText('王芳');
  await expect(details.getByTestId('grid-details-people')).toContainText('李强');
  await select(page, '青石村');
  await details.getByTestId('grid-topology').click();
  await expect(details.getByTestId('grid-topology-result')).toHaveAttribute('data-clean', 'true');
  await details.getByTestId('grid-zoom').click();
  await shot(page, info, '50f-grid-after-reload');
  consoleWatch.assertClean();
});

function gkDiff(a: Position, b: Position): [number, number] {
  const p = gkOf(a);
  const q = gkOf(b);
  return [p[0] - q[0], p[1] - q[1]];
}

import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { Polygon, Position } from 'geojson';
import { layerItem, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';
import { makeLngLatToGk, makeLngLatToGkEN } from '../../shared/domain/crs/transform';
import { parseVertexInput } from '../../renderer/map/tools/vertex-input.logic';

type Handle = import('../../renderer/map').MapHandle;
type EditView = import('../../renderer/map').EditView;
type EditedFeature = import('../../renderer/map').EditedFeature;
type LngLat = [number, number];
/** What the page's tool callbacks record (the journey reads them back). */
interface Calls {
  finished: EditedFeature[][];
  cancelled: number;
  changes: number;
  refused: string[];
}
type Win = Window & { __edit?: Calls };

const ZONE39 = { width: 3 as const, zone: 39, centralMeridian: 117 };

/** The sample township's village boundaries (行政区XZQ) as the app stored them (IndexedDB, full precision). */
async function storedVillageRings(page: Page): Promise<Position[][]> {
  const layerId = (await layerItem(page, '行政区XZQ').getAttribute('data-layer-id'))!;
  return page.evaluate(
    (id) =>
      new Promise<Position[][]>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('layerData').objectStore('layerData').get(id);
          get.onsuccess = async () => {
            const fc = JSON.parse(await (get.result.geojson as Blob).text()) as { features: { geometry: Polygon }[] };
            open.result.close();
            resolve(fc.features.map((f) => f.geometry.coordinates[0]!));
          };
          get.onerror = () => reject(get.error);
        };
      }),
    layerId,
  );
}

/** The corner all three villages meet at. */
function sharedCorner(rings: Position[][]): LngLat {
  const sets = rings.map((r) => new Set(r.map((p) => `${p[0]},${p[1]}`)));
  const key = [...sets[0]!].find((k) => sets.every((s) => s.has(k)))!;
  const [x, y] = key.split(',').map(Number);
  return [x!, y!];
}

/** Planar area in zone 39 (shoelace of PROJ-equal proj4 coordinates): an independent check of the card's figure. */
function planarM2(ring: Position[]): number {
  const gk = ring.map((p) => makeLngLatToGkEN(ZONE39, false)(p[0]!, p[1]!));
  let s = 0;
  for (let i = 0; i < gk.length; i++) {
    const a = gk[i]!;
    const b = gk[(i + 1) % gk.length]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s) / 2;
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await screenshot(page, info, name);
}

const view = (page: Page): Promise<EditView | null> =>
  page.evaluate(() => (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle?: Handle }).mapHandle!.editor()?.view() ?? null);

async function editView(page: Page): Promise<EditView> {
  const v = await view(page);
  if (!v) throw new Error('no editing session');
  return v;
}

const ringOf = (f: EditedFeature): Position[] => ((f.geometry as Polygon).coordinates[0] ?? []).slice(0, -1);

async function startEdit(page: Page, features: { id: string; geometry: Polygon }[]): Promise<void> {
  await page.evaluate(
    ({ features, zone }) => {
      const w = window as Win;
      w.__edit = { finished: [], cancelled: 0, changes: 0, refused: [] };
      const calls = w.__edit;
      (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle?: Handle }).mapHandle!.setTool({
        kind: 'edit',
        id: 'test.edit',
        features,
        zone,
        onChange: () => void calls.changes++,
        onFinish: (f) => void calls.finished.push(f as EditedFeature[]),
        onCancel: () => void calls.cancelled++,
        onRefuse: (r) => void calls.refused.push(r),
      });
    },
    { features, zone: ZONE39 },
  );
}

const calls = (page: Page): Promise<Calls> => page.evaluate(() => (window as Win).__edit!);

test('draw and edit: snap to a layer vertex, move, insert and delete vertices, undo and redo, type a vertex, refuse a bowtie, split and merge', async ({
  page,
}, info) => {
  const consoleWatch = watchConsole(page);
  await openApp(page);
  await waitForMapIdle(page);
  const corner = sharedCorner(await storedVillageRings(page));
  const box = (await page.getByTestId('map').boundingBox())!;
  const px = async (p: LngLat): Promise<{ x: number; y: number }> => {
    const [x, y] = await page.evaluate(
      (q) => (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle?: Handle }).mapHandle!.project(q),
      p,
    );
    return { x: box.x + x, y: box.y + y };
  };
  await page.evaluate(
    (center) =>
      (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle?: Handle }).mapHandle!.flyTo({ center, zoom: 17, animate: false }),
    corner,
  );
  await waitForMapIdle(page);

  // An empty session starts by drawing a polygon; it snaps to the visible layers once their edges in view are indexed.
  await startEdit(page, []);
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'drawing');
  await expect.poll(async () => (await editView(page)).snap.layers).toBeGreaterThan(0);

  const c = await px(corner);
  // Clear of the card (top left of the map): the corner is at the map's centre.
  const ring = [
    { x: c.x - 140, y: c.y + 100 },
    { x: c.x + 4, y: c.y - 3 }, // 5 px from the villages' corner: snaps to it
    { x: c.x + 170, y: c.y - 60 },
    { x: c.x + 60, y: c.y + 200 },
  ];
  for (const [i, p] of ring.entries()) {
    // Alt held: the other corners land where clicked, on no edge of the land-class parcels around them.
    if (i !== 1) await page.keyboard.down('Alt');
    await page.mouse.move(p.x, p.y, { steps: 4 });
    if (i === 1) await expect(page.getByTestId('edit-snap')).toHaveAttribute('data-snap', 'vertex');
    else await expect(page.getByTestId('edit-snap')).toHaveAttribute('data-suspended', 'true');
    await page.mouse.click(p.x, p.y);
    if (i !== 1) await page.keyboard.up('Alt');
  }
  await expect(page.getByTestId('edit-area')).toHaveText(/[\d,]+\.\d\d m²/);
  await shot(page, info, 'draw-edit-01-drawing-snapped');
  await page.keyboard.down('Alt');
  await page.mouse.click(ring[0]!.x, ring[0]!.y);
  await page.keyboard.up('Alt');
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'editing');
  let v = await editView(page);
  expect(v.features).toHaveLength(1);
  // The snapped vertex is the layer's own vertex, bit for bit.
  expect(ringOf(v.features[0]!).some((p) => p[0] === corner[0] && p[1] === corner[1])).toBe(true);
  await shot(page, info, 'draw-edit-02-drawn');
  const drawn = ringOf(v.features[0]!);
  expect(drawn).toHaveLength(4);
  const id = v.features[0]!.id;
  const ringNow = async () => ringOf((await editView(page)).features.find((f) => f.id === id)!);

  // Move a vertex: drag it 40 px right and 30 px down (Alt: no snapping on the way).
  const far = drawn.findIndex((p) => p[0] !== corner[0] || p[1] !== corner[1]);
  const from = await px(drawn[far] as LngLat);
  await page.keyboard.down('Alt');
  await page.mouse.move(from.x, from.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 30, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Alt');
  await expect.poll(async () => (await ringNow())[far]).not.toEqual(drawn[far]);
  const moved = await ringNow();
  const to = await px(moved[far] as LngLat);
  expect(Math.hypot(to.x - from.x - 40, to.y - from.y - 30)).toBeLessThan(1.5);
  expect(moved.filter((_, i) => i !== far)).toEqual(drawn.filter((_, i) => i !== far));

  // Insert a vertex: click the midpoint handle of the first edge.
  const a = await px(moved[0] as LngLat);
  const b = await px(moved[1] as LngLat);
  await page.keyboard.down('Alt');
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 3 });
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
  await page.keyboard.up('Alt');
  await expect.poll(async () => (await ringNow()).length).toBe(5);
  const inserted = await ringNow();
  await shot(page, info, 'draw-edit-03-moved-and-inserted');

  // Delete it again with a right-click on it, and another vertex with the Delete key under the pointer.
  const mid = await px(inserted[1] as LngLat);
  await page.mouse.click(mid.x, mid.y, { button: 'right' });
  await expect.poll(async () => (await ringNow()).length).toBe(4);
  expect(await ringNow()).toEqual(moved);
  const last = await px(moved[3] as LngLat);
  await page.mouse.move(last.x, last.y, { steps: 3 });
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await ringNow()).length).toBe(3);
  const triangle = await ringNow();

  // Undo and redo across the session: each step back and forth, by every shortcut.
  await page.keyboard.press('Control+z');
  await expect.poll(ringNow).toEqual(moved);
  await page.keyboard.press('Control+z');
  await expect.poll(ringNow).toEqual(inserted);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(ringNow).toEqual(moved);
  await page.keyboard.press('Control+y');
  await expect.poll(ringNow).toEqual(triangle);
  await page.keyboard.press('Control+z');
  await expect.poll(ringNow).toEqual(moved);
  await expect(page.getByTestId('edit-redo')).toBeEnabled();
  expect((await calls(page)).changes).toBeGreaterThanOrEqual(9);

  // Type a vertex as a survey table gives it — X (north), Y (east, with the zone prefix), a Chinese comma — just
  // outside the second edge: it goes into that edge, where PROJ-equal proj4 puts it.
  const centre: LngLat = [moved.reduce((t, p) => t + p[0]!, 0) / 4, moved.reduce((t, p) => t + p[1]!, 0) / 4];
  const edgeMid: LngLat = [(moved[1]![0]! + moved[2]![0]!) / 2, (moved[1]![1]! + moved[2]![1]!) / 2];
  const outside: LngLat = [centre[0] + 1.15 * (edgeMid[0] - centre[0]), centre[1] + 1.15 * (edgeMid[1] - centre[1])];
  const gk = makeLngLatToGk(ZONE39, true)(outside[0], outside[1]);
  const typed = `X=${gk.x.toFixed(3)}，Y=${gk.y.toFixed(3)}`;
  const expected = parseVertexInput(typed, ZONE39);
  if (!expected.ok) throw new Error(`the journey's own vertex is unreadable: ${expected.reason}`);
  await page.getByTestId('edit-vertex-input').fill(typed);
  await page.getByTestId('edit-vertex-add').click();
  await expect.poll(async () => (await ringNow()).length).toBe(5);
  const withTyped = await ringNow();
  expect(withTyped[2]![0]).toBeCloseTo(expected.lngLat[0], 12);
  expect(withTyped[2]![1]).toBeCloseTo(expected.lngLat[1], 12);
  // Rounded to the millimetre it was typed at: within 1e-8° of where it was meant.
  expect(Math.abs(withTyped[2]![0]! - outside[0])).toBeLessThan(1e-8);
  await expect(page.getByTestId('edit-vertex-input')).toHaveValue('');
  // A Y without its zone prefix is read in the tool's zone; nonsense is refused with its reason.
  await page.getByTestId('edit-vertex-input').fill('3880000');
  await page.getByTestId('edit-vertex-add').click();
  await expect(page.getByTestId('edit-refusal')).toHaveAttribute('data-code', 'unreadable');
  await expect(page.getByTestId('edit-refusal')).toHaveText('无法识别：请输入 X, Y（先北后东）或 经度 纬度');
  await shot(page, info, 'draw-edit-04-typed-vertex');
  await page.getByTestId('edit-vertex-input').fill('');
  await page.getByTestId('map').hover({ position: { x: 10, y: box.height - 10 } });

  // A bowtie is refused: dragging a vertex across the opposite edges stops where the boundary was still simple.
  const cTyped: LngLat = [withTyped.reduce((t, p) => t + p[0]!, 0) / 5, withTyped.reduce((t, p) => t + p[1]!, 0) / 5];
  const grab = await px(withTyped[0] as LngLat);
  const across = await px([cTyped[0] + 1.6 * (cTyped[0] - withTyped[0]![0]!), cTyped[1] + 1.6 * (cTyped[1] - withTyped[0]![1]!)]);
  await page.keyboard.down('Alt');
  await page.mouse.move(grab.x, grab.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(across.x, across.y, { steps: 25 });
  await expect(page.getByTestId('edit-refusal')).toHaveAttribute('data-code', 'selfIntersecting');
  await shot(page, info, 'draw-edit-05-bowtie-refused');
  await page.mouse.up();
  await page.keyboard.up('Alt');
  const stopped = await ringNow();
  expect(stopped).toHaveLength(5);
  const stoppedAt = await px(stopped[0] as LngLat);
  expect(Math.hypot(stoppedAt.x - across.x, stoppedAt.y - across.y)).toBeGreaterThan(20);
  // Undo puts the vertex back where it was before the drag.
  await page.keyboard.press('Control+z');
  await expect.poll(ringNow).toEqual(withTyped);

  // Drawing a bowtie is refused at the click that would cross, and Escape abandons the shape.
  await page.getByTestId('edit-draw').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'drawing');
  const o = { x: box.x + box.width * 0.75, y: box.y + box.height * 0.7 };
  await page.keyboard.down('Alt');
  for (const [dx, dy] of [
    [0, 0],
    [80, 80],
    [80, 0],
    [0, 80],
  ] as const) {
    await page.mouse.move(o.x + dx, o.y + dy, { steps: 3 });
    await page.mouse.click(o.x + dx, o.y + dy);
  }
  await page.keyboard.up('Alt');
  await expect(page.getByTestId('edit-refusal')).toHaveAttribute('data-code', 'selfIntersecting');
  expect((await calls(page)).refused).toContain('selfIntersecting');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', /editing|idle/);
  expect((await editView(page)).features).toHaveLength(1);
  await page.evaluate(
    (fid) => (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle?: Handle }).mapHandle!.editor()!.select(fid),
    id,
  );

  // Split along a drawn line: two pieces whose planar areas add up to the polygon's.
  const whole = planarM2(withTyped);
  await page.getByTestId('edit-split').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'drawing');
  const pts = await Promise.all(withTyped.map((p) => px(p as LngLat)));
  const cy = pts.reduce((t, p) => t + p.y, 0) / pts.length;
  const minX = Math.min(...pts.map((p) => p.x));
  const maxX = Math.max(...pts.map((p) => p.x));
  await page.keyboard.down('Alt');
  for (const x of [minX - 40, maxX + 40]) {
    await page.mouse.move(x, cy, { steps: 4 });
    await page.mouse.click(x, cy);
  }
  await page.keyboard.up('Alt');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editView(page)).features.length).toBe(2);
  v = await editView(page);
  const pieces = v.features.map(ringOf);
  expect(Math.abs(planarM2(pieces[0]!) + planarM2(pieces[1]!) - whole)).toBeLessThan(1e-3);
  // The larger piece keeps the polygon's id; both come from what it came from (drawn here: nothing given).
  expect(v.features[0]!.id).toBe(id);
  expect(v.features.map((f) => f.from)).toEqual([[], []]);
  await shot(page, info, 'draw-edit-06-split');

  // Merge them again: 合并, then a click on the neighbour; one polygon with the whole area.
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-selected', id);
  await page.getByTestId('edit-merge').click();
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'picking');
  const other = pieces[1]!;
  const inOther = await px([other.reduce((t, p) => t + p[0]!, 0) / other.length, other.reduce((t, p) => t + p[1]!, 0) / other.length]);
  await page.mouse.click(inOther.x, inOther.y);
  await expect.poll(async () => (await editView(page)).features.length).toBe(1);
  const merged = ringOf((await editView(page)).features[0]!);
  expect(Math.abs(planarM2(merged) - whole)).toBeLessThan(1e-3);
  await shot(page, info, 'draw-edit-07-merged');
  // The merge and the split are each one step back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await editView(page)).features.length).toBe(2);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await editView(page)).features.length).toBe(1);
  await expect.poll(ringNow).toEqual(withTyped);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await editView(page)).features.length).toBe(1);
  expect(Math.abs(planarM2(ringOf((await editView(page)).features[0]!)) - whole)).toBeLessThan(1e-3);

  // The session's own shapes are snapped to as well: a new shape's first vertex near one of this polygon's.
  await page.getByTestId('edit-draw').click();
  const near = await px(withTyped[3] as LngLat);
  await page.mouse.move(near.x + 4, near.y + 3, { steps: 4 });
  await expect.poll(async () => (await editView(page)).snap.hit?.sourceId).toBe(`edit:${id}`);
  expect((await editView(page)).snap.hit?.lngLat).toEqual(withTyped[3]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'editing');

  // Enter finishes: the tool hands back the geometry and ends.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-card')).toBeHidden();
  const done = await calls(page);
  expect(done.finished).toHaveLength(1);
  expect(done.finished[0]).toHaveLength(1);
  expect(
    await page.evaluate(() => (document.querySelector('[data-testid="map"]') as HTMLElement & { mapHandle?: Handle }).mapHandle!.activeTool()),
  ).toBeNull();

  // A stored boundary that crosses itself is never handed back: Enter is refused with the reason, Escape cancels.
  const [w0, s0] = corner;
  const bowtie: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [w0, s0],
        [w0 + 0.001, s0 + 0.001],
        [w0 + 0.001, s0],
        [w0, s0 + 0.001],
        [w0, s0],
      ],
    ],
  };
  await startEdit(page, [{ id: 'plot-1', geometry: bowtie }]);
  await expect(page.getByTestId('edit-card')).toHaveAttribute('data-phase', 'editing');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-refusal')).toHaveAttribute('data-code', 'selfIntersecting');
  await expect(page.getByTestId('edit-refusal')).toHaveText('边界不能自相交：此操作未执行');
  await expect(page.getByTestId('edit-area')).toHaveCount(0); // a crossing boundary has no area to show
  await shot(page, info, 'draw-edit-08-bowtie-not-finished');
  expect((await calls(page)).finished).toHaveLength(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edit-card')).toBeHidden();
  expect(await calls(page)).toMatchObject({ finished: [], cancelled: 1 });

  consoleWatch.assertClean();
});

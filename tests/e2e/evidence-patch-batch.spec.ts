/**
 * 批量导出证据 over a whole 卫片图斑 layer (issue 13 item 6, the annual 卫片 check) as a case handler does it on the sample
 * township's 卫片图斑WPTB (5 patches): WP2026001 has been inspected (its record started from the patch, compared),
 * WP2026002 has a record never compared, the other three have none. She right-clicks the layer in the layer list,
 * picks 批量导出证据…, sees the source (the layer's every patch) and what each gets, exports, cancels mid-way (nothing
 * saved, the dialog usable), exports again. The zip (Electron stand-in: printToPdf = Chromium's page.pdf, saveFile →
 * the test) is unpacked here: one folder per exported patch named by its JCBH; WP2026001's is the record's full set
 * with its 笔录; a patch set has the PNG (A4 at 300 dpi), the 报盘 file and a PDF that says 未核查 and prints the patch's
 * corners as the sample places them; WP2026002 is in 跳过.txt with the reason; every manifest hash recomputes; no
 * record was made or changed.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { makeGkToLngLat } from '../../shared/domain/crs/transform';
import { PATCHES } from '../../shared/sample/township-plan';
import { installPrintStandIn, layerItem, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

type Handle = import('../../renderer/map').MapHandle;
type MapEl = HTMLElement & { mapHandle?: Handle };

/** The sample's patches as shared/sample/township.ts places them: 250 m cells from (39 498 000 E, 3 879 000 N), zone 39. */
const CELL = 250;
const toLngLat = makeGkToLngLat({ width: 3, zone: 39, centralMeridian: 117 }, true);
const cornersGk = (i: number) => PATCHES[i]!.corners.map(([dc, dr]) => [39_498_000 + dc * CELL, 3_879_000 + dr * CELL] as const);

/** Zooms to a patch, clicks its middle (identify), starts an inspection from it (开始核查 in the 属性 panel). */
async function startFromPatch(page: Page, index: number): Promise<string> {
  const ll = cornersGk(index).map(([e, n]) => toLngLat(e, n));
  const b = [Math.min(...ll.map((c) => c[0])), Math.min(...ll.map((c) => c[1])), Math.max(...ll.map((c) => c[0])), Math.max(...ll.map((c) => c[1]))];
  await page.evaluate(
    (bb) =>
      document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.fit(bb as [number, number, number, number], { animate: false, maxZoom: 17 }),
    b,
  );
  await waitForMapIdle(page);
  const [x, y] = await page.evaluate((c) => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.project(c), [
    (b[0]! + b[2]!) / 2,
    (b[1]! + b[3]!) / 2,
  ] as [number, number]);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  await page.getByTestId('dock-tab-identify').click();
  const identify = page.getByTestId('identify-panel');
  await expect(identify.getByTestId('identify-attributes')).toContainText(PATCHES[index]!.jcbh);
  await identify.getByTestId('identify-start-inspection').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel.getByTestId('inspection-task-no')).toHaveValue(PATCHES[index]!.jcbh);
  return (await panel.getByTestId('inspection-number').innerText()).trim();
}

/** The inspections table as stored (id → its last history hash): nothing the batch may change. */
const storedRecords = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('landpatrol');
        open.onsuccess = () => {
          const all = open.result.transaction('inspections').objectStore('inspections').getAll();
          all.onsuccess = () => {
            open.result.close();
            const rows = all.result as { id: string; history: { hash: string }[] }[];
            resolve(Object.fromEntries(rows.map((r) => [r.id, r.history.at(-1)!.hash])));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );

test('批量导出证据 of a 卫片图斑 layer: a record’s full set, patch sets, 跳过.txt, hashes; cancel saves nothing', async ({ page }, info) => {
  test.setTimeout(180_000);
  const consoleWatch = watchConsole(page);
  const saved: { name: string; bytes: Buffer }[] = [];
  await installPrintStandIn(page, saved, []);
  await openApp(page);
  await waitForMapIdle(page);

  // WP2026001 inspected and compared; WP2026002 started, never compared.
  const inspected = await startFromPatch(page, 0);
  const section = page.getByTestId('inspection-panel').getByTestId('section-comparison');
  await section.getByTestId('comparison-run').click();
  await expect(section.getByTestId('comparison-block-total')).toBeVisible({ timeout: 60_000 });
  const uncompared = await startFromPatch(page, 1);
  await expect(page.getByTestId('inspection-number')).toHaveText(uncompared);
  const before = await storedRecords(page);
  const t0 = Date.now();
  expect(Object.keys(before)).toHaveLength(2);

  // The layer's right-click menu: 批量导出证据….
  await page.getByTestId('dock-tab-layers').click();
  await layerItem(page, '卫片图斑WPTB').click({ button: 'right' });
  await page.getByTestId('ctx-layer-evidence-batch').click();
  const dialog = page.getByTestId('evidence-batch-dialog');
  await expect(dialog.getByTestId('evidence-batch-source').locator('input:checked')).toHaveValue(/^layer:/);
  await expect(dialog.getByTestId('evidence-batch-source')).toContainText('图层：卫片图斑WPTB 的全部图斑（5 个）');
  await expect(dialog.getByTestId('evidence-batch-plan')).toHaveText('其中 2 个已有核查记录，3 个没有记录，0 个没有边界。');
  await expect(dialog.getByTestId('evidence-batch-output')).toContainText('选择的文件夹');
  await screenshot(page, info, 'patch-batch-1-dialog');

  // Cancel mid-way: nothing saved, the dialog back to where it was.
  await dialog.getByTestId('evidence-batch-export').click();
  const progress = dialog.getByTestId('evidence-batch-progress');
  await expect(progress).toContainText(/第 1\/5 个图斑：WP2026001/, { timeout: 60_000 });
  await screenshot(page, info, 'patch-batch-2-progress');
  await dialog.getByTestId('evidence-batch-cancel').click();
  await expect(progress).toHaveCount(0);
  await expect(dialog.getByTestId('evidence-batch-export')).toBeEnabled();
  expect(saved).toHaveLength(0);

  // Again, to the end.
  await dialog.getByTestId('evidence-batch-export').click();
  await expect(dialog.getByTestId('evidence-batch-done')).toHaveText(
    /^已导出 1 个有记录的图斑和 3 个无记录图斑的证据到 证据-卫片图斑WPTB-\d{4}-\d{2}-\d{2}\.zip，跳过 1 个。$/,
    { timeout: 120_000 },
  );
  await screenshot(page, info, 'patch-batch-3-done');
  console.log(`setup done → export done: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(saved).toHaveLength(1);
  expect(await storedRecords(page)).toEqual(before);

  const zipped = unzipSync(new Uint8Array(saved[0]!.bytes));
  const paths = Object.keys(zipped);
  const folders = [...new Set(paths.filter((p) => p.includes('/')).map((p) => p.split('/')[0]!))].sort();
  expect(folders).toEqual(['WP2026001', 'WP2026003', 'WP2026004', 'WP2026005']);
  const skipped = Buffer.from(zipped['跳过.txt']!).toString('utf8');
  expect(skipped).toContain(`WP2026002\t无法导出：记录还没有套合结果`);
  expect(skipped).toContain(`（核查记录 ${uncompared}）`);

  const dir = info.outputPath('sets');
  const pdftext = (folder: string, file: string) => {
    const p = path.join(dir, folder, file);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, zipped[`${folder}/${file}`]!);
    return execFileSync('pdftotext', ['-layout', p, '-'], { encoding: 'utf8' });
  };

  // The inspected patch: the record's full set, its 笔录 in its PDF, its chain head in the manifest.
  const recordText = pdftext('WP2026001', `${inspected}-证据.pdf`);
  expect(recordText).toContain('现场勘测笔录');
  expect(recordText).toContain(inspected);
  const recordManifest = JSON.parse(Buffer.from(zipped['WP2026001/清单.json']!).toString('utf8')) as {
    record: { chainHead: string };
    subject?: unknown;
  };
  expect(recordManifest.record.chainHead).toMatch(/^[0-9a-f]{64}$/);
  expect(recordManifest.subject).toBeUndefined();

  // A patch set: PNG, 报盘, a PDF saying 未核查 with the patch's corners (X north, Y east without the zone prefix).
  for (const [k, jcbh] of [
    [2, 'WP2026003'],
    [3, 'WP2026004'],
    [4, 'WP2026005'],
  ] as const) {
    const names = paths.filter((p) => p.startsWith(`${jcbh}/`)).map((p) => p.slice(jcbh.length + 1));
    expect(names.sort()).toEqual([`${jcbh}-报盘坐标.txt`, `${jcbh}-示意图.png`, `${jcbh}-证据.pdf`, '清单.json', '清单.txt'].sort());
    const png = Buffer.from(zipped[`${jcbh}/${jcbh}-示意图.png`]!);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2480, 3508]);
    const text = pdftext(jcbh, `${jcbh}-证据.pdf`);
    expect(text).toContain('卫片图斑示意图');
    expect(text).toContain(`任务编号：${jcbh}`);
    expect(text).toContain('未核查（无核查记录）');
    expect(text).not.toContain('现场勘测笔录');
    for (const [e, n] of cornersGk(k)) {
      expect(text).toContain(n.toFixed(3));
      expect(text).toContain((e - 39_000_000).toFixed(3));
    }
    const baopan = Buffer.from(zipped[`${jcbh}/${jcbh}-报盘坐标.txt`]!).toString('latin1');
    expect(baopan).toContain(cornersGk(k)[0]![1].toFixed(3));
    const m = JSON.parse(Buffer.from(zipped[`${jcbh}/清单.json`]!).toString('utf8')) as {
      record: { chainHead: string; number: string };
      subject: { kind: string; patchNo: string; layerName: string };
    };
    expect(m.record.chainHead).toBe('');
    expect(m.subject).toMatchObject({ kind: 'patch', patchNo: jcbh, layerName: '卫片图斑WPTB' });
    expect(Buffer.from(zipped[`${jcbh}/清单.txt`]!).toString('utf8')).toContain(`证据集：卫片图斑 ${jcbh}`);
  }
  // Look at one patch set's pages.
  execFileSync('pdftoppm', ['-r', '60', '-png', path.join(dir, 'WP2026003', 'WP2026003-证据.pdf'), path.join(dir, 'wp3')]);
  fs.mkdirSync(path.resolve('test-results/screens'), { recursive: true });
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('wp3') && n.endsWith('.png')))
    fs.copyFileSync(path.join(dir, f), path.resolve('test-results/screens', `patch-batch-${f}`));

  // Every manifest's hashes recompute.
  for (const folder of folders) {
    const m = JSON.parse(Buffer.from(zipped[`${folder}/清单.json`]!).toString('utf8')) as {
      entries: { path: string; sha256: string; sizeBytes: number }[];
    };
    expect(m.entries.length).toBeGreaterThanOrEqual(3);
    for (const e of m.entries) {
      const bytes = zipped[`${folder}/${e.path}`]!;
      expect(bytes.byteLength, `${folder}/${e.path}`).toBe(e.sizeBytes);
      expect(createHash('sha256').update(bytes).digest('hex'), `${folder}/${e.path}`).toBe(e.sha256);
    }
  }
  consoleWatch.assertClean();
});

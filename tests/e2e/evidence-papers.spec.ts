/**
 * 现场勘测笔录 facts (issue 13 item 4) as an officer enters them: she clicks the sample township's first change patch,
 * starts an inspection and, in the record's 现场勘测笔录 section, enters when the survey began and ended, a witness,
 * the instrument and method, the 四至 and the party's refusal to sign with its reason. An end before the start is
 * refused by name; the save is one history entry of the record (field 现场勘测笔录), the chain ✔; after a reload the
 * section shows every value as entered.
 * Then the photo sheet end to end (issue 13 item 5): she attaches two photos from the camera card (taken on this
 * patch), runs the comparison and exports the evidence. In the zip: the originals byte-identical to the files picked
 * (and listed in 清单.json with their SHA-256, computed here with node:crypto from the files on disk); in the PDF
 * (pdftotext): a photo page with each photo's 照片编号 (ZP-01, ZP-02), its time with the offset as exiftool reads it
 * (tests/oracles/exif.json) and the first 16 hex digits of the original's SHA-256; the 笔录 lists the same numbers.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { makeGkToLngLat } from '../../shared/domain/crs/transform';
import { PATCHES } from '../../shared/sample/township-plan';
import { installEvidenceStandIn, openApp, screenshot, waitForMapIdle, watchConsole } from './helpers';

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

type Handle = import('../../renderer/map').MapHandle;
type MapEl = HTMLElement & { mapHandle?: Handle };

const toLngLat = makeGkToLngLat({ width: 3, zone: 39, centralMeridian: 117 }, true);

async function clickPatch(page: Page, index: number): Promise<void> {
  const corners = PATCHES[index]!.corners.map(([dc, dr]) => toLngLat(39_498_000 + dc * 250, 3_879_000 + dr * 250));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
  await page.evaluate(
    (b) =>
      document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.fit(b as [number, number, number, number], { animate: false, maxZoom: 17 }),
    bbox,
  );
  await waitForMapIdle(page);
  const [x, y] = await page.evaluate((c) => document.querySelector<MapEl>('[data-testid="map"]')!.mapHandle!.project(c), [
    (bbox[0] + bbox[2]) / 2,
    (bbox[1] + bbox[3]) / 2,
  ] as [number, number]);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
}

/** Today in Beijing as a datetime-local value at hh:mm. */
const todayAt = (hhmm: string) => `${new Date(Date.now() + 8 * 3600_000 - 6 * 3600_000).toISOString().slice(0, 10)}T${hhmm}`;

test('现场勘测笔录: enter times, a witness, instrument, 四至 and a refusal; refused end before start; one history entry; reload identical', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  const consoleWatch = watchConsole(page);
  const saved: { name: string; bytes: Buffer }[] = [];
  await installEvidenceStandIn(page, saved, []);
  await openApp(page);
  await waitForMapIdle(page);
  await clickPatch(page, 0);
  await page.getByTestId('identify-panel').getByTestId('identify-start-inspection').click();
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

  // The photo sheet end to end: two photos from the card, the comparison, 导出证据.
  const record = page.getByTestId('inspection-panel');
  const number = (await record.getByTestId('inspection-number').textContent())!.trim();
  const photos = record.getByTestId('photos-section');
  await photos.getByTestId('photos-input').setInputFiles(CARD);
  await expect(photos.getByTestId('photo-tile')).toHaveCount(2, { timeout: 60_000 });
  await expect(photos.locator('[data-testid="photo-tile"] img')).toHaveCount(2, { timeout: 60_000 }); // the stamped copies
  const comparison = record.getByTestId('section-comparison');
  await comparison.getByTestId('comparison-run').click();
  await expect(comparison.getByTestId('comparison-block-total')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('section-evidence').getByTestId('evidence-open').click();
  const dialog = page.getByTestId('evidence-dialog');
  await expect(dialog.getByTestId('evidence-preview')).toBeVisible({ timeout: 60_000 });
  await dialog.getByTestId('evidence-export').click();
  await expect(dialog.getByTestId('evidence-done')).toBeVisible({ timeout: 120_000 });
  expect(saved.map((s) => s.name)).toEqual([`证据-${number}.zip`]);
  const entries = unzipSync(new Uint8Array(saved[0]!.bytes));

  // The originals, byte for byte, and the manifest's hashes of them = node:crypto's of the files on disk.
  const manifest = JSON.parse(Buffer.from(entries['清单.json']!).toString('utf8')) as { entries: { path: string; sha256: string }[] };
  for (const file of CARD) {
    const entry = `照片原件/${path.basename(file)}`;
    expect(Buffer.from(entries[entry]!).equals(fs.readFileSync(file)), entry).toBe(true);
    expect(manifest.entries.find((e) => e.path === entry)?.sha256, entry).toBe(sha256Of(file));
  }

  // The PDF, page by page: the photo page(s) with each photo's number, time and short hash; the 笔录 with the numbers.
  const dir = info.outputPath('set');
  fs.mkdirSync(dir, { recursive: true });
  const pdfPath = path.join(dir, `${number}-证据.pdf`);
  fs.writeFileSync(pdfPath, entries[`${number}-证据.pdf`]!);
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
    fs.copyFileSync(path.join(dir, f), path.resolve('test-results/screens', `evidence-papers-${f}`));
  consoleWatch.assertClean();
});

/**
 * Proof render of the papers (现场勘测笔录, 通知书, 照片页) of the sample case, to look at page by page and to check with
 * pdftotext / pdffonts: HTML of inline SVG → Chromium's print (the pipeline Electron's printToPDF uses) → PDF.
 *
 * Run: npx esbuild scripts/evidence-papers/proof.ts --bundle --platform=node --format=esm --packages=external \
 *        --outfile=test-results/papers-proof.mjs && node test-results/papers-proof.mjs [outDir]
 * then: pdftoppm -r 100 -png <outDir>/papers.pdf <outDir>/page
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { evidencePapersZhCN } from '../../renderer/i18n/evidence-papers.zh-CN';
import { paperLabelsFrom } from '../../shared/domain/evidence/paper-labels';
import { layoutSiteRecord, layoutStopNotice } from '../../shared/domain/evidence/papers';
import { layoutPhotoSheets, type PhotoSheetItem } from '../../shared/domain/evidence/photo-sheet';
import { defaultEvidenceTemplate } from '../../shared/domain/evidence/template';
import { sampleAreas, samplePhotoNumbers, samplePlot, samplePoints, sampleRecord } from '../../tests/fixtures/evidence-papers/sample-case';
import { sheetsHtml } from './sheet-svg-string';
import { createHash } from 'node:crypto';

const out = process.argv[2] ?? path.join(process.cwd(), 'test-results', 'evidence-papers');
mkdirSync(out, { recursive: true });
const l = paperLabelsFrom(evidencePapersZhCN);
const template = { ...defaultEvidenceTemplate('杏园镇国土资源所'), organ: '某某县自然资源局', county: '杏' };

/** A JPEG's pixel size from its SOF marker. */
function jpegSize(b: Buffer): [number, number] {
  let i = 2;
  while (i < b.length) {
    const marker = b[i + 1] as number;
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return [b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
    i += 2 + len;
  }
  return [0, 0];
}

const photoDir = path.join(process.cwd(), 'tests', 'fixtures', 'photos');
const files = ['card/DSC_0101.jpg', 'site-true-bearing.jpg', 'pit-magnetic.jpg', 'card/DSC_0102.jpg'];
const images: Record<string, string> = {};
const items: PhotoSheetItem[] = files.map((f, i) => {
  const bytes = readFileSync(path.join(photoDir, f));
  const [w, h] = jpegSize(bytes);
  images[`photo-${i}`] = `data:image/jpeg;base64,${bytes.toString('base64')}`;
  return {
    no: samplePhotoNumbers[i] as string,
    kind: (['distant', 'close', 'close', 'inside'] as const)[i] as PhotoSheetItem['kind'],
    ref: i === 3 ? null : `photo-${i}`,
    widthPx: w,
    heightPx: h,
    time: i === 2 ? { local: '2026-04-20T09:52:10', offset: null } : { local: `2026-04-20T09:4${i}:07`, offset: '+08:00' },
    position: i === 2 ? null : { lngLat: [117.1334567 + i * 1e-4, 34.5012345], source: i === 1 ? 'hand' : 'exif' },
    gk: i === 2 ? null : { x: 3820031.254 + i, y: 39512040.512 },
    bearing: i === 0 ? { degrees: 135, ref: 'true' } : i === 1 ? { degrees: 272.4, ref: 'magnetic' } : null,
    photographer: '李晓燕',
    description: i === 0 ? '自县道 X012 向东北拍摄，图斑全貌，可见钢结构厂房及硬化场地。' : '厂房立柱及屋架近景。',
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
});

const sheets = [
  ...layoutSiteRecord(
    { record: sampleRecord, areas: sampleAreas, points: samplePoints, plot: samplePlot, photoNumbers: samplePhotoNumbers },
    template,
    l,
  ),
  ...layoutStopNotice(
    {
      record: sampleRecord,
      number: '杏自然资停字〔2026〕003号',
      date: '2026-04-20' as never,
      area: { planarM2: 3296.36, mu: 4.9445, farmlandM2: 2101.5, farmlandMu: 3.1523 },
    },
    template,
    l,
  ),
  ...layoutPhotoSheets(items, sampleRecord.number, l),
];
const html = sheetsHtml(sheets, images);
writeFileSync(path.join(out, 'papers.html'), html);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
await page.setContent(html, { waitUntil: 'load' });
await page.pdf({ path: path.join(out, 'papers.pdf'), preferCSSPageSize: true, printBackground: true });
await browser.close();
console.log(`${sheets.length} sheets → ${path.join(out, 'papers.pdf')}`);

/**
 * Proof render of the papers (现场勘测笔录, 通知书, 照片页) of the sample case, to look at page by page: each sheet through
 * SheetSvg (the print root's renderer) → Chromium's print (the pipeline Electron's printToPDF uses) → PDF.
 *
 * Run: npx esbuild scripts/evidence-papers/proof.ts --bundle --platform=node --format=esm --external:playwright-core \
 *        --external:react --external:react-dom --jsx=automatic --outfile=test-results/papers-proof.mjs \
 *        && node test-results/papers-proof.mjs [outDir]
 * then: pdftoppm -r 100 -png <outDir>/papers.pdf <outDir>/page
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { samplePapers, sheetsHtml } from '../../tests/fixtures/evidence-papers/papers-html';

const out = process.argv[2] ?? path.join(process.cwd(), 'test-results', 'evidence-papers');
mkdirSync(out, { recursive: true });
const { sheets, images } = samplePapers();
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

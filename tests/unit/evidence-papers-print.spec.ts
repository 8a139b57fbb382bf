/**
 * The papers printed as the export prints them (issue 13 items 4–5): the sample case's 笔录, 通知书 and 照片页 drawn by
 * SheetSvg and printed by Chromium (page.pdf, the pipeline of Electron's printToPDF). Checked with poppler as a
 * reader of the file would: A4 pages, the CJK font embedded with a ToUnicode map (pdffonts), and pdftotext finds the
 * party, the notice number, the officers with their 执法证号, every 界址点's X/Y as the record holds it, the areas and
 * each photo's short hash.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { samplePapers, sampleNoticeNumber, sheetsHtml } from '../fixtures/evidence-papers/papers-html';
import { samplePoints, sampleRecord } from '../fixtures/evidence-papers/sample-case';

describe('the papers through Chromium’s print', () => {
  it('are A4 pages of real, searchable Chinese text with the record’s figures as held', async () => {
    const { sheets, images, items } = samplePapers();
    const dir = mkdtempSync(path.join(tmpdir(), 'papers-'));
    const pdf = path.join(dir, 'papers.pdf');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(sheetsHtml(sheets, images), { waitUntil: 'load' });
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await browser.close();
    }
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(new RegExp(`Pages:\\s+${sheets.length}\\b`));
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    // Type 3 fonts from the Noto CJK .ttc, embedded, with a ToUnicode map (STACK-NOTES "Printing and PDF").
    const fonts = execFileSync('pdffonts', [pdf]).toString().split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\byes\s+(yes|no)\s+yes\b/);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString();
    const pages = text.split('\f');
    for (const s of [
      '现场勘测笔录',
      `编号：${sampleRecord.number}`,
      '济南某某建材有限公司',
      '张建国（执法证号：鲁自然执字第370100123号）',
      '2026年4月20日9时30分至10时45分',
      '当事人拒绝签字的，注明原因：',
      '责令停止违法行为通知书',
      sampleNoticeNumber,
      '3296.36',
      '4.9445',
      '送达回证',
      '现场照片',
    ])
      expect(text).toContain(s);
    for (const p of samplePoints) {
      expect(text).toContain(p.x.toFixed(3));
      expect(text).toContain(p.y.toFixed(3));
    }
    for (const it of items) expect(text).toContain(it.sha256.slice(0, 16));
    // Every page numbered within its paper: the 笔录's two pages, the notice's one, the photo sheet's two.
    const numbers = pages.map((p) => /第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/.exec(p)?.slice(1).join('/')).filter(Boolean);
    expect(numbers).toEqual(['1/2', '2/2', '1/1', '1/2', '2/2']);
  });
});

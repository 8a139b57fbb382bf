/* global window, document, indexedDB, FileReader -- page.evaluate callbacks run in the browser */
/**
 * Issue 13: "one evidence PDF ≤ 5 s; 100 records in one batch, time printed". In Debian's Chromium on the built
 * renderer, with the Electron stand-in (printToPdf = Playwright's page.pdf, Chromium's print pipeline as Electron's
 * printToPDF; saveFile takes the zip):
 * - one record's evidence: a record made from a surveyor's 报盘 file on the sample township, compared and submitted;
 *   导出 pressed in the dialog (A4 portrait, fitted) → the zip saved: data, imagery for the frame at 300 dpi, the
 *   300-dpi PNG, the PDF, the manifest, the zip — median of 3;
 * - the reference of the same run: Chromium printing the same sheets as a static HTML page (the print root's markup
 *   with its images inlined, set as a new page's content, then page.pdf) — median of 3; ours / reference printed;
 * - a batch of 100 records (the record copied 99 times in IndexedDB under new ids: its content and hash chain
 *   unchanged) through 文件 › 批量导出证据…: from 导出 to the zip saved.
 * SwiftShader stands in for the GPU (app-import.mjs, Decision 14).
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startPreview as startAppPreview } from './app-import.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-rasterization'];
const PORT = Number(process.env.LANDPATROL_BENCH_EVIDENCE_PORT ?? 4187);

const startPreview = (root) => startAppPreview(root, PORT);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The 报盘 file of the record: an 85 × 78 m plot across the 水浇地 / 农村宅基地 border of the sample township. */
function baopan() {
  const pts = [
    ['J1', 3879411.318, 39500461.274],
    ['J2', 3879414.905, 39500543.613],
    ['J3', 3879341.552, 39500546.19],
    ['J4', 3879337.046, 39500463.833],
  ];
  const rows = [...pts, pts[0]].map(([n, x, y]) => `${n},1,${x.toFixed(3)},${y.toFixed(3)}`);
  return ['[属性描述]', '坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格', '计量单位=米', '带号=39', '[地块坐标]', `${rows.length},0.6089,DK001,基准图斑,面,,建设用地,,@`, ...rows, ''].join('\r\n');
}

/**
 * The Electron bridge stood in for in the page (window.landpatrol): printToPdf is Chromium's page.pdf of the page as
 * printed (`beforePdf` runs first), saveFile records each file's name, size and time in `saved`, and window.__menu(id)
 * sends a menu command. Shared by the evidence benches.
 */
export async function installBenchBridge(page, { saved, beforePdf = async () => {}, onPdf = () => {} }) {
  await page.exposeFunction('__benchPdf', async () => {
    await beforePdf();
    const t0 = performance.now();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
    onPdf(performance.now() - t0);
    return pdf.toString('base64');
  });
  await page.exposeFunction('__benchSave', (name, size) => {
    saved.push({ name, size, at: performance.now() });
  });
  await page.addInitScript(() => {
    const fromB64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    let menu = null;
    window.__menu = (id) => menu?.(id);
    window.landpatrol = {
      openFiles: async () => ({ canceled: true }),
      readChosenFile: async () => new Uint8Array(0),
      saveFile: async (req) => {
        await window.__benchSave(req.suggestedName, req.bytes.byteLength);
        return { canceled: false, path: `/tmp/${req.suggestedName}` };
      },
      printToPdf: async () => fromB64(await window.__benchPdf()),
      getAppInfo: async () => ({ version: 'bench', platform: 'linux', electron: '' }),
      setOnlineOrigins: async () => undefined,
      setMenu: async () => undefined,
      onMenuCommand: (l) => {
        menu = l;
        return () => (menu = null);
      },
    };
  });
}

/** The bridge, and the reference's input kept: the very sheets being printed, their images inlined (a new page cannot load blob: URLs). */
const standIn = (page, state) =>
  installBenchBridge(page, {
    saved: state.saved,
    onPdf: (ms) => state.pdfMs.push(ms),
    beforePdf: async () => {
      state.markup = await page.evaluate(async () => {
        const root = document.querySelector('[data-testid="evidence-print-root"]').cloneNode(true);
        for (const img of root.querySelectorAll('image')) {
          const href = img.getAttribute('href');
          if (!href?.startsWith('blob:')) continue;
          const blob = await (await fetch(href)).blob();
          img.setAttribute('href', await new Promise((ok) => {
            const r = new FileReader();
            r.onload = () => ok(String(r.result));
            r.readAsDataURL(blob);
          }));
        }
        return root.outerHTML;
      });
    },
  });

async function makeRecord(page, dir) {
  const file = path.join(dir, 'plot.txt');
  writeFileSync(file, baopan());
  await page.getByTestId('survey-new-input').setInputFiles(file);
  await page.getByTestId('survey-confirm-ok').click();
  const panel = page.getByTestId('inspection-panel');
  await panel.getByTestId('section-comparison').getByTestId('comparison-run').click();
  await panel.getByTestId('comparison-block-total').waitFor({ timeout: 120_000 });
  await panel.getByTestId('inspection-township').fill('石桥镇');
  await panel.getByTestId('inspection-place').fill('村东砖厂南侧');
  await panel.getByTestId('inspection-now').click();
  const names = panel.getByTestId('inspection-inspector-name');
  const certs = panel.getByTestId('inspection-inspector-cert');
  await names.nth(0).fill('王建国');
  await certs.nth(0).fill('鲁自然执字第37030001号');
  await names.nth(1).fill('李秀英');
  await certs.nth(1).fill('鲁自然执字第37030002号');
  await panel.getByTestId('inspection-party-name').fill('张大山');
  await panel.getByTestId('inspection-party-id').fill('11010519491231002X');
  await panel.getByTestId('inspection-land-use').fill('工业用地（厂房）');
  await panel.getByTestId('inspection-construction').getByText('在建').click();
  await panel.getByTestId('inspection-conclusion').getByText('违法违规').click();
  await panel.getByTestId('inspection-violation-未报即用').check();
  await panel.getByTestId('inspection-stop-issued').check();
  await panel.getByTestId('inspection-stop-number').fill('石国土资停字〔2026〕第7号');
  await panel.getByTestId('inspection-description').fill('现场新建钢结构厂房一处，未见用地审批手续。');
  await panel.getByTestId('inspection-submit').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="inspection-status"]')?.textContent === '已核查', undefined, { timeout: 60_000 }).catch(async (e) => {
    await page.screenshot({ path: '/tmp/bench-evidence-fail.png' });
    throw e;
  });
}

export async function benchEvidence(root, { batch = 100, runs = 3 } = {}) {
  const server = await startPreview(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'landpatrol-bench-evidence-'));
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const state = { saved: [], pdfMs: [], markup: '' };
    await standIn(page, state);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByTestId('layer-item').first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state') === 'idle', undefined, { timeout: 120_000 });
    await makeRecord(page, dir);

    // One record's evidence, 导出 → the zip saved.
    const ours = [];
    const steps = [];
    for (let i = 0; i < runs; i++) {
      await page.getByTestId('section-evidence').getByTestId('evidence-open').click();
      const dialog = page.getByTestId('evidence-dialog');
      await dialog.getByTestId('evidence-preview').waitFor({ timeout: 120_000 });
      const before = state.saved.length;
      const t0 = performance.now();
      await dialog.getByTestId('evidence-export').click();
      await dialog.getByTestId('evidence-done').waitFor({ timeout: 120_000 });
      ours.push(state.saved[before].at - t0);
      steps.push(JSON.parse(await dialog.getByTestId('evidence-done').getAttribute('data-steps-ms')));
      await dialog.getByTestId('evidence-close').click();
    }

    // The reference: the same sheets as a static page, printed by Chromium.
    const ref = [];
    const refPage = await context.newPage();
    await refPage.setContent(`<!doctype html><html><body style="margin:0">${state.markup}</body></html>`);
    await refPage.evaluate(() => document.fonts.ready);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await refPage.pdf({ preferCSSPageSize: true, printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
      ref.push(performance.now() - t0);
    }
    await refPage.close();

    // A batch: the record copied under new ids (content and chain unchanged), then 批量导出证据 of the list.
    const copies = batch - 1;
    await page.evaluate(
      (n) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('landpatrol');
          open.onsuccess = () => {
            const tx = open.result.transaction('inspections', 'readwrite');
            const store = tx.objectStore('inspections');
            const all = store.getAll();
            all.onsuccess = () => {
              const r = all.result[0];
              for (let i = 1; i <= n; i++) store.put({ ...r, id: `${r.id}-b${String(i).padStart(3, '0')}` });
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      copies,
    );
    await page.reload();
    await page.getByTestId('layer-item').first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => window.__menu('evidence.batch'));
    const dialog = page.getByTestId('evidence-batch-dialog');
    await dialog.getByTestId('evidence-batch-count').waitFor();
    const countText = await dialog.getByTestId('evidence-batch-count').textContent();
    const before = state.saved.length;
    const t0 = performance.now();
    await dialog.getByTestId('evidence-batch-export').click();
    await dialog.getByTestId('evidence-batch-done').waitFor({ timeout: 3_600_000 });
    const batchMs = state.saved[before].at - t0;
    return {
      oursMs: median(ours),
      oursRuns: ours,
      steps,
      referenceMs: median(ref),
      referenceRuns: ref,
      pdfStepMs: median(state.pdfMs.slice(0, runs)),
      batch: { records: batch, ms: batchMs, zipBytes: state.saved[before].size, listed: countText, done: await dialog.getByTestId('evidence-batch-done').textContent() },
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const batch = Number(process.argv[2] ?? 100);
  const r = await benchEvidence(root, { batch });
  console.log(
    `one evidence set, record → zip: ${(r.oursMs / 1000).toFixed(2)} s (runs ${r.oursRuns.map((x) => (x / 1000).toFixed(2)).join(' / ')}; its PDF step ${(r.pdfStepMs / 1000).toFixed(2)} s); ` +
      `reference, the same sheets printed as a static page: ${(r.referenceMs / 1000).toFixed(2)} s; ratio ${(r.oursMs / r.referenceMs).toFixed(2)} (target ≤ 5 s)`,
  );
  console.log(`steps (ms) of each run: ${r.steps.map((x) => JSON.stringify(x)).join(' ')}`);
  console.log(`batch of ${r.batch.records} records: ${(r.batch.ms / 1000).toFixed(1)} s, zip ${(r.batch.zipBytes / 1024 / 1024).toFixed(1)} MB — ${r.batch.done}`);
}

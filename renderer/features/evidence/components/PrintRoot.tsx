/**
 * The print root: the sheets of the evidence set being exported, one page each, portalled beside the app. On screen it
 * sits outside the viewport (it is laid out, so its images decode and its fonts load); in print (Electron's printToPDF,
 * Playwright's page.pdf, the browser's print) the app is hidden and each sheet is one CSS named page of its paper, so
 * an A3 landscape map sheet and the A4 portrait papers print into one PDF at their own sizes.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '../../../ui/store';
import { pageNameOf, printPageCss } from '../evidence.logic';
import { printJob } from '../evidence-state';
import { SheetView } from './SheetView';

const ROOT = 'evidence-print-root';

const BASE_CSS = `
@media screen { .${ROOT} { position: fixed; left: -20000px; top: 0; pointer-events: none; } }
.${ROOT} .evidence-page { overflow: hidden; break-after: page; break-inside: avoid; background: #fff; }
.${ROOT} .evidence-page:last-child { break-after: auto; }
.${ROOT} .evidence-page > svg { display: block; }
@media print {
  html, body { background: #fff !important; height: auto !important; overflow: visible !important; margin: 0 !important; }
  body > *:not(.${ROOT}) { display: none !important; }
  .${ROOT} { position: static; }
}
`;

export function PrintRoot() {
  const job = useStore(printJob);
  if (!job) return null;
  return createPortal(<PrintSheets key={job.sheets.length} />, document.body);
}

function PrintSheets() {
  const job = useStore(printJob)!;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    const images = [...(ref.current?.querySelectorAll('image') ?? [])];
    // Every raster decoded before the page is printed (an <image> not yet decoded prints blank).
    void Promise.all(
      images.map(
        (el) =>
          new Promise<void>((ok) => {
            const href = el.getAttribute('href');
            if (!href) return ok();
            const img = new Image();
            img.onload = img.onerror = () => ok();
            img.src = href;
          }),
      ),
    )
      .then(() => document.fonts.ready)
      .then(() => live && job.ready?.());
    return () => {
      live = false;
    };
  }, [job]);
  return (
    <div className={ROOT} ref={ref} data-testid="evidence-print-root">
      <style>{BASE_CSS + printPageCss(job.sheets, ROOT)}</style>
      {job.sheets.map((s, i) => (
        <div key={i} className={`evidence-page sheet-${pageNameOf(s.paper)}`} data-role={s.role}>
          <SheetView sheet={s} images={job.images} />
        </div>
      ))}
    </div>
  );
}

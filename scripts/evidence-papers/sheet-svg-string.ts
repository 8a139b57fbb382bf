/**
 * A plain SVG string of a Sheet, for the papers' proof renders only (scripts/evidence-papers/proof.ts) until E-A's
 * renderer (renderer/features/evidence/render/SheetSvg.tsx) is on main: the same mapping of marks (mm user units,
 * text in points converted to mm, even-odd fills, tables as ruled cells). Not product code.
 */
import { MM_PER_PT, type Mark, type Sheet } from '../../shared/domain/evidence/sheet-model';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FONT = "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif";

function paint(m: { fill?: string | null; fillOpacity?: number; stroke?: string | null; strokeMm?: number; dashMm?: readonly number[] }): string {
  return [
    `fill="${m.fill ?? 'none'}"`,
    m.fillOpacity !== undefined ? `fill-opacity="${m.fillOpacity}"` : '',
    `stroke="${m.stroke ?? 'none'}"`,
    m.strokeMm !== undefined ? `stroke-width="${m.strokeMm}"` : '',
    m.dashMm ? `stroke-dasharray="${m.dashMm.join(' ')}"` : '',
  ].join(' ');
}

function textEl(
  x: number,
  y: number,
  t: string,
  sizePt: number,
  o: { anchor?: string; baseline?: string; bold?: boolean; color?: string; rotateDeg?: number },
): string {
  const base = o.baseline === 'top' ? 'text-before-edge' : o.baseline === 'alphabetic' ? 'alphabetic' : 'central';
  const rot = o.rotateDeg ? ` transform="rotate(${o.rotateDeg} ${x} ${y})"` : '';
  return `<text x="${x}" y="${y}" font-size="${sizePt * MM_PER_PT}" font-family="${FONT}" text-anchor="${o.anchor ?? 'start'}" dominant-baseline="${base}"${o.bold ? ' font-weight="bold"' : ''} fill="${o.color ?? '#000'}"${rot}>${esc(t)}</text>`;
}

function markSvg(m: Mark, images: Record<string, string>): string {
  switch (m.kind) {
    case 'path': {
      const d = m.rings.map((r) => r.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join(' ') + (m.closed ? ' Z' : '')).join(' ');
      return `<path d="${d}" fill-rule="evenodd" ${paint(m)}/>`;
    }
    case 'circle':
      return `<circle cx="${m.cx}" cy="${m.cy}" r="${m.rMm}" ${paint(m)}/>`;
    case 'text':
      return textEl(m.x, m.y, m.text, m.sizePt, m);
    case 'image':
      return `<image x="${m.rect.x}" y="${m.rect.y}" width="${m.rect.w}" height="${m.rect.h}" href="${images[m.ref] ?? ''}" preserveAspectRatio="none"/>`;
    case 'table': {
      const out: string[] = [];
      const total = m.columns.reduce((s, c) => s + c.widthMm, 0);
      const h = m.headerHeightMm + m.rows.length * m.rowHeightMm;
      out.push(`<rect x="${m.x}" y="${m.y}" width="${total}" height="${h}" fill="none" stroke="#000" stroke-width="0.25"/>`);
      let x = m.x;
      const cellText = (c: (typeof m.columns)[number], cx: number, cy: number, t: string, bold: boolean) => {
        const tx = c.align === 'start' ? cx + 1.2 : c.align === 'end' ? cx + c.widthMm - 1.2 : cx + c.widthMm / 2;
        return textEl(tx, cy, t, m.sizePt, { anchor: c.align, bold });
      };
      m.columns.forEach((c, i) => {
        if (i > 0) out.push(`<line x1="${x}" y1="${m.y}" x2="${x}" y2="${m.y + h}" stroke="#000" stroke-width="0.2"/>`);
        out.push(cellText({ ...c, align: 'middle' }, x, m.y + m.headerHeightMm / 2, c.title, true));
        m.rows.forEach((r, j) =>
          out.push(cellText(c, x, m.y + m.headerHeightMm + (j + 0.5) * m.rowHeightMm, r[i] ?? '', m.boldRows?.includes(j) ?? false)),
        );
        x += c.widthMm;
      });
      for (let j = 0; j <= m.rows.length; j++) {
        const y = m.y + m.headerHeightMm + j * m.rowHeightMm;
        out.push(`<line x1="${m.x}" y1="${y}" x2="${m.x + total}" y2="${y}" stroke="#000" stroke-width="0.2"/>`);
      }
      return out.join('');
    }
  }
}

export function sheetSvg(s: Sheet, images: Record<string, string> = {}): string {
  const { widthMm: w, heightMm: h } = s.paper;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}">${s.marks.map((m) => markSvg(m, images)).join('')}</svg>`;
}

/** One HTML document of the sheets, one per printed page (A4 portrait here). */
export function sheetsHtml(sheets: readonly Sheet[], images: Record<string, string> = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: 210mm 297mm; margin: 0 } html, body { margin: 0 } .s { width: 210mm; height: 297mm; break-after: page; overflow: hidden } .s:last-child { break-after: auto } svg { display: block }</style></head><body>${sheets
    .map((s) => `<div class="s">${sheetSvg(s, images)}</div>`)
    .join('')}</body></html>`;
}

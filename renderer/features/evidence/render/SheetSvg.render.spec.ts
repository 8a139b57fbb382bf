/** The SVG renderer draws the display list as it is: mm sizes, a viewBox in mm, the frame's clipPath, text as text. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../../../shared/domain/evidence/sheet-model';
import { pathData, SheetSvg } from './SheetSvg';

const sheet: Sheet = {
  role: 'map',
  paper: { name: 'A4', orientation: 'portrait', widthMm: 210, heightMm: 297 },
  frame: { x: 20, y: 36, w: 170, h: 142 },
  marks: [
    { kind: 'image', rect: { x: 20, y: 36, w: 170, h: 142 }, ref: 'imagery', clip: true },
    {
      kind: 'path',
      rings: [
        [
          [30, 40],
          [90, 40],
          [90, 100],
        ],
        [
          [40, 50],
          [50, 50],
          [50, 60],
        ],
      ],
      closed: true,
      clip: true,
      fill: null,
      stroke: '#ff0000',
      strokeMm: 0.3,
    },
    { kind: 'circle', cx: 30, cy: 40, rMm: 0.4, fill: '#ffffff', stroke: '#ff0000', strokeMm: 0.15, clip: true },
    { kind: 'text', x: 105, y: 15, text: '违法用地示意图', sizePt: 18, bold: true, anchor: 'middle' },
    { kind: 'text', x: 18, y: 80, text: '4057700', sizePt: 6.5, rotateDeg: -90, anchor: 'middle', baseline: 'alphabetic' },
    {
      kind: 'table',
      x: 20,
      y: 200,
      columns: [
        { title: '点号', widthMm: 10, align: 'middle' },
        { title: 'X（m）', widthMm: 20, align: 'end' },
      ],
      rows: [['J1', '4057720.000']],
      rowHeightMm: 4.4,
      headerHeightMm: 5.4,
      sizePt: 7,
    },
  ],
};

describe('SheetSvg', () => {
  const html = renderToStaticMarkup(createElement(SheetSvg, { sheet, images: { imagery: 'data:image/png;base64,AAAA' } }));

  it('is sized in mm with a viewBox in mm', () => {
    expect(html).toMatch(/^<svg[^>]* width="210mm" height="297mm" viewBox="0 0 210 297"/);
    expect(html).toContain(
      'font-family="&quot;Noto Sans CJK SC&quot;, &quot;Noto Sans SC&quot;, &quot;Microsoft YaHei&quot;, &quot;SimSun&quot;, sans-serif"',
    );
  });

  it('clips the frame’s marks to the frame and leaves the rest unclipped', () => {
    const id = /<clipPath id="([^"]+)" clipPathUnits="userSpaceOnUse"><rect x="20" y="36" width="170" height="142"><\/rect><\/clipPath>/.exec(
      html,
    )?.[1];
    expect(id).toBeTruthy();
    const clipped = html.indexOf(`clip-path="url(#${id})"`);
    expect(clipped).toBeGreaterThan(0);
    expect(html.indexOf('<image')).toBeGreaterThan(clipped);
    // the title comes after the clipped run has closed
    expect(html.indexOf('违法用地示意图')).toBeGreaterThan(html.indexOf('</g>', clipped));
  });

  it('draws paths even-odd, circles, text in mm (pt × 25.4/72) and rotated labels', () => {
    expect(html).toContain(`d="${pathData(sheet.marks[1]!.kind === 'path' ? sheet.marks[1]!.rings : [], true)}"`);
    expect(html).toContain('d="M30 40L90 40L90 100ZM40 50L50 50L50 60Z"');
    expect(html).toContain('fill-rule="evenodd"');
    expect(html).toContain('stroke-width="0.3"');
    expect(html).toContain('<circle cx="30" cy="40" r="0.4"');
    expect(html).toMatch(
      /<text x="105" y="15" font-size="6.35" fill="#000000" text-anchor="middle" dominant-baseline="central" font-weight="700">违法用地示意图<\/text>/,
    );
    expect(html).toContain('transform="rotate(-90 18 80)"');
    expect(html).toContain('href="data:image/png;base64,AAAA"');
  });

  it('draws a table as ruled cells with its header', () => {
    expect(html).toContain('>点号</text>');
    expect(html).toContain('>4057720.000</text>');
    // the X cell is right-aligned 1.2 mm inside its column's right edge (20 + 10 + 20 − 1.2)
    expect(html).toMatch(/<text x="48.8" y="207.6" text-anchor="end">4057720.000<\/text>/);
    expect(html).toContain('M20 200V209.8');
  });

  it('draws nothing for an image whose bytes it was not given', () => {
    const bare = renderToStaticMarkup(createElement(SheetSvg, { sheet }));
    expect(bare).not.toContain('<image');
  });
});

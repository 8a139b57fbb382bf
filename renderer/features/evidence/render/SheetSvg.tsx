/**
 * One evidence sheet as SVG (issue 13): the dialog's preview and the print root. Thin: it draws the display list
 * (shared/domain/evidence/sheet-model.ts) as it is — no layout decisions here. The <svg> is sized in mm with a
 * viewBox in mm, so Chromium's print pipeline puts 1 mm of the list on 1 mm of paper; text stays text (searchable
 * in the PDF), paths stay vectors. Marks flagged `clip` are clipped to the sheet's map frame.
 */
import { useId, type ReactElement } from 'react';
import { MM_PER_PT, type Mark, type Sheet } from '../../../../shared/domain/evidence/sheet-model';

/** The sheets' fonts: Noto CJK from fonts-noto-cjk (embedded by Chromium's print), then what Windows offices have. */
export const SHEET_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "SimSun", sans-serif';

export interface SheetSvgProps {
  sheet: Sheet;
  /** Image marks' refs → a URL the <image> can load (blob: or data:). A ref without one draws nothing. */
  images?: Readonly<Record<string, string>>;
  className?: string;
  /** Display size override (CSS), e.g. for a preview fitted to a dialog; the viewBox stays in mm. */
  style?: React.CSSProperties;
}

const n = (v: number) => Math.round(v * 1000) / 1000;

/** A path's `d` from rings in mm (each closed when the mark is). */
export function pathData(rings: readonly (readonly (readonly [number, number])[])[], closed: boolean): string {
  let d = '';
  for (const r of rings) {
    r.forEach((p, i) => {
      d += `${i === 0 ? 'M' : 'L'}${n(p[0])} ${n(p[1])}`;
    });
    if (closed && r.length > 0) d += 'Z';
  }
  return d;
}

const fontSizeMm = (pt: number) => n(pt * MM_PER_PT);

/** A halo's stroke width: 0.22 of the font size (the halo reaches 0.11 em beyond each glyph's edge). */
export const haloMm = (pt: number): number => pt * MM_PER_PT * 0.22;

const BASELINE = { middle: 'central', top: 'hanging', alphabetic: 'alphabetic' } as const;

function paintProps(m: { fill?: string | null; fillOpacity?: number; stroke?: string | null; strokeMm?: number; dashMm?: readonly number[] }) {
  return {
    fill: m.fill ?? 'none',
    ...(m.fillOpacity !== undefined && m.fill ? { fillOpacity: m.fillOpacity } : {}),
    stroke: m.stroke ?? 'none',
    ...(m.stroke ? { strokeWidth: n(m.strokeMm ?? 0.1) } : {}),
    ...(m.dashMm && m.stroke ? { strokeDasharray: m.dashMm.map(n).join(' ') } : {}),
  };
}

function textElement(m: Extract<Mark, { kind: 'text' }>, key: number | string): ReactElement {
  return (
    <text
      key={key}
      x={n(m.x)}
      y={n(m.y)}
      fontSize={fontSizeMm(m.sizePt)}
      fill={m.color ?? '#000000'}
      textAnchor={m.anchor ?? 'start'}
      dominantBaseline={BASELINE[m.baseline ?? 'middle']}
      {...(m.bold ? { fontWeight: 700 } : {})}
      {...(m.halo ? { stroke: m.halo, strokeWidth: n(haloMm(m.sizePt)), strokeLinejoin: 'round' as const, paintOrder: 'stroke' } : {})}
      {...(m.rotateDeg ? { transform: `rotate(${m.rotateDeg} ${n(m.x)} ${n(m.y)})` } : {})}
    >
      {m.text}
    </text>
  );
}

function tableElement(m: Extract<Mark, { kind: 'table' }>, key: number): ReactElement {
  const width = m.columns.reduce((s, c) => s + c.widthMm, 0);
  const height = m.headerHeightMm + m.rows.length * m.rowHeightMm;
  const xs: number[] = [m.x];
  for (const c of m.columns) xs.push((xs[xs.length - 1] as number) + c.widthMm);
  const lines: string[] = [];
  for (const x of xs) lines.push(`M${n(x)} ${n(m.y)}V${n(m.y + height)}`);
  const ys = [
    m.y,
    ...(m.headerHeightMm > 0 ? [m.y + m.headerHeightMm] : []),
    ...m.rows.map((_, i) => m.y + m.headerHeightMm + (i + 1) * m.rowHeightMm),
  ];
  for (const y of ys) lines.push(`M${n(m.x)} ${n(y)}H${n(m.x + width)}`);
  const pad = 1.2;
  const cellX = (i: number, align: 'start' | 'middle' | 'end') =>
    align === 'start' ? (xs[i] as number) + pad : align === 'end' ? (xs[i + 1] as number) - pad : ((xs[i] as number) + (xs[i + 1] as number)) / 2;
  const bold = new Set(m.boldRows ?? []);
  return (
    <g key={key} fontSize={fontSizeMm(m.sizePt)} dominantBaseline="central">
      {m.headerHeightMm > 0 && <rect x={n(m.x)} y={n(m.y)} width={n(width)} height={n(m.headerHeightMm)} fill="#f0f0f0" />}
      <path d={lines.join('')} fill="none" stroke="#000000" strokeWidth={0.15} />
      {m.headerHeightMm > 0 &&
        m.columns.map((c, i) => (
          <text key={`h${i}`} x={n(cellX(i, 'middle'))} y={n(m.y + m.headerHeightMm / 2)} textAnchor="middle" fontWeight={700}>
            {c.title}
          </text>
        ))}
      {m.rows.map((row, r) =>
        row.map((cell, i) => {
          const col = m.columns[i];
          if (!col || cell === '') return null;
          return (
            <text
              key={`${r}:${i}`}
              x={n(cellX(i, col.align))}
              y={n(m.y + m.headerHeightMm + (r + 0.5) * m.rowHeightMm)}
              textAnchor={col.align}
              {...(bold.has(r) ? { fontWeight: 700 } : {})}
            >
              {cell}
            </text>
          );
        }),
      )}
    </g>
  );
}

function markElement(m: Mark, key: number, images: Readonly<Record<string, string>>): ReactElement | null {
  switch (m.kind) {
    case 'path':
      return <path key={key} d={pathData(m.rings, m.closed)} fillRule="evenodd" strokeLinejoin="round" strokeLinecap="round" {...paintProps(m)} />;
    case 'circle':
      return <circle key={key} cx={n(m.cx)} cy={n(m.cy)} r={n(m.rMm)} {...paintProps(m)} />;
    case 'text':
      return textElement(m, key);
    case 'image': {
      const href = images[m.ref];
      if (!href) return null;
      return (
        <image
          key={key}
          x={n(m.rect.x)}
          y={n(m.rect.y)}
          width={n(m.rect.w)}
          height={n(m.rect.h)}
          href={href}
          preserveAspectRatio="none"
          {...(m.opacity !== undefined ? { opacity: m.opacity } : {})}
        />
      );
    }
    case 'table':
      return tableElement(m, key);
  }
}

/** Consecutive marks grouped by whether they are clipped, so each clipped run is one <g clip-path>. */
function runs(marks: readonly Mark[]): { clip: boolean; marks: { m: Mark; i: number }[] }[] {
  const out: { clip: boolean; marks: { m: Mark; i: number }[] }[] = [];
  marks.forEach((m, i) => {
    const clip = m.kind !== 'table' && m.clip === true;
    const last = out[out.length - 1];
    if (last && last.clip === clip) last.marks.push({ m, i });
    else out.push({ clip, marks: [{ m, i }] });
  });
  return out;
}

export function SheetSvg({ sheet, images = {}, className, style }: SheetSvgProps): ReactElement {
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const clipId = `sheet-frame-${uid}`;
  const { widthMm: w, heightMm: h } = sheet.paper;
  const f = sheet.frame;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={`${w}mm`}
      height={`${h}mm`}
      viewBox={`0 0 ${w} ${h}`}
      className={className}
      style={style}
      fontFamily={SHEET_FONT_FAMILY}
      data-sheet-role={sheet.role}
    >
      {f && (
        <defs>
          <clipPath id={clipId} clipPathUnits="userSpaceOnUse">
            <rect x={n(f.x)} y={n(f.y)} width={n(f.w)} height={n(f.h)} />
          </clipPath>
        </defs>
      )}
      <rect x={0} y={0} width={w} height={h} fill="#ffffff" />
      {runs(sheet.marks).map((run, k) => {
        const children = run.marks.map(({ m, i }) => markElement(m, i, images));
        return run.clip && f ? (
          <g key={`r${k}`} clipPath={`url(#${clipId})`}>
            {children}
          </g>
        ) : (
          <g key={`r${k}`}>{children}</g>
        );
      })}
    </svg>
  );
}

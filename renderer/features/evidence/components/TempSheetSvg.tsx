/** TEMPORARY (replaced by E-A's render/SheetSvg.tsx when it lands on main): draws a Sheet's marks as SVG, 1 user unit = 1 mm. */
import { useId } from 'react';
import type { Mark, Sheet } from '../../../../shared/domain/evidence/sheet-model';
import { MM_PER_PT } from '../../../../shared/domain/evidence/sheet-model';

export function TempSheetSvg({ sheet, images, className }: { sheet: Sheet; images: Readonly<Record<string, string>>; className?: string }) {
  const clipId = useId().replace(/:/g, '');
  const { widthMm: w, heightMm: h } = sheet.paper;
  const f = sheet.frame;
  return (
    <svg className={className} xmlns="http://www.w3.org/2000/svg" width={`${w}mm`} height={`${h}mm`} viewBox={`0 0 ${w} ${h}`}>
      <rect x={0} y={0} width={w} height={h} fill="#fff" />
      {f && (
        <clipPath id={clipId}>
          <rect x={f.x} y={f.y} width={f.w} height={f.h} />
        </clipPath>
      )}
      {sheet.marks.map((m, i) => (
        <MarkSvg key={i} mark={m} images={images} clip={f && 'clip' in m && m.clip ? `url(#${clipId})` : undefined} />
      ))}
    </svg>
  );
}

function MarkSvg({ mark: m, images, clip }: { mark: Mark; images: Readonly<Record<string, string>>; clip: string | undefined }) {
  switch (m.kind) {
    case 'path': {
      const d = m.rings.map((r) => r.map(([x, y], k) => `${k ? 'L' : 'M'}${x.toFixed(3)} ${y.toFixed(3)}`).join('') + (m.closed ? 'Z' : '')).join('');
      return (
        <path
          d={d}
          clipPath={clip}
          fillRule="evenodd"
          fill={m.fill ?? 'none'}
          fillOpacity={m.fillOpacity}
          stroke={m.stroke ?? 'none'}
          strokeWidth={m.strokeMm}
          strokeDasharray={m.dashMm?.join(' ')}
        />
      );
    }
    case 'circle':
      return <circle cx={m.cx} cy={m.cy} r={m.rMm} clipPath={clip} fill={m.fill ?? 'none'} stroke={m.stroke ?? 'none'} strokeWidth={m.strokeMm} />;
    case 'text':
      return (
        <text
          x={m.x}
          y={m.y}
          clipPath={clip}
          fontSize={m.sizePt * MM_PER_PT}
          fill={m.color ?? '#000'}
          fontWeight={m.bold ? 'bold' : undefined}
          textAnchor={m.anchor ?? 'start'}
          dominantBaseline={m.baseline === 'top' ? 'hanging' : m.baseline === 'alphabetic' ? 'alphabetic' : 'central'}
          transform={m.rotateDeg ? `rotate(${m.rotateDeg} ${m.x} ${m.y})` : undefined}
          fontFamily="'Noto Sans CJK SC', 'Noto Sans SC', sans-serif"
        >
          {m.text}
        </text>
      );
    case 'image': {
      const href = images[m.ref];
      if (!href) return null;
      return (
        <image
          href={href}
          x={m.rect.x}
          y={m.rect.y}
          width={m.rect.w}
          height={m.rect.h}
          preserveAspectRatio="none"
          opacity={m.opacity}
          clipPath={clip}
        />
      );
    }
    case 'table': {
      const out = [];
      const total = m.columns.reduce((s, c) => s + c.widthMm, 0);
      const rows = [m.columns.map((c) => c.title), ...m.rows];
      let y = m.y;
      for (const [ri, row] of rows.entries()) {
        const rh = ri === 0 ? m.headerHeightMm : m.rowHeightMm;
        let x = m.x;
        for (const [ci, c] of m.columns.entries()) {
          const tx = c.align === 'start' ? x + 1 : c.align === 'end' ? x + c.widthMm - 1 : x + c.widthMm / 2;
          out.push(
            <text
              key={`${ri}-${ci}`}
              x={tx}
              y={y + rh / 2}
              fontSize={m.sizePt * MM_PER_PT}
              textAnchor={c.align}
              dominantBaseline="central"
              fontWeight={ri === 0 || m.boldRows?.includes(ri - 1) ? 'bold' : undefined}
              fontFamily="'Noto Sans CJK SC', sans-serif"
            >
              {row[ci] ?? ''}
            </text>,
          );
          x += c.widthMm;
        }
        out.push(<line key={`h${ri}`} x1={m.x} x2={m.x + total} y1={y} y2={y} stroke="#000" strokeWidth={0.15} />);
        y += rh;
      }
      out.push(<line key="hend" x1={m.x} x2={m.x + total} y1={y} y2={y} stroke="#000" strokeWidth={0.15} />);
      let x = m.x;
      for (const [ci, c] of [...m.columns, null].entries()) {
        out.push(<line key={`v${ci}`} x1={x} x2={x} y1={m.y} y2={y} stroke="#000" strokeWidth={0.15} />);
        if (c) x += c.widthMm;
      }
      return <g>{out}</g>;
    }
  }
}

import type { LegendSymbol } from '../../shared/domain/layers/legend';

/** A legend symbol as a small SVG: a filled box with its outline, a line (dashed as on the map), or a dot. */
export function LegendSwatch({ symbol, size = 18 }: { symbol: LegendSymbol; size?: number }) {
  const w = Math.min(3, Math.max(0.75, symbol.strokeWidthPx));
  const dash = symbol.dash ? symbol.dash.map((d) => d * w).join(' ') : undefined;
  return (
    <svg width={size} height={size} viewBox="0 0 18 18" aria-hidden="true" className="legend-swatch">
      {symbol.shape === 'fill' && (
        <rect
          x={1.5}
          y={3.5}
          width={15}
          height={11}
          fill={symbol.fill ?? 'none'}
          fillOpacity={symbol.fillOpacity}
          stroke={symbol.stroke}
          strokeWidth={w}
          strokeDasharray={dash}
        />
      )}
      {symbol.shape === 'line' && <line x1={1} y1={9} x2={17} y2={9} stroke={symbol.stroke} strokeWidth={Math.max(1.5, w)} strokeDasharray={dash} />}
      {symbol.shape === 'point' && (
        <circle cx={9} cy={9} r={5} fill={symbol.fill ?? symbol.stroke} fillOpacity={symbol.fillOpacity} stroke={symbol.stroke} strokeWidth={1} />
      )}
    </svg>
  );
}

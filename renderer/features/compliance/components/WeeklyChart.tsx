import { useI18n } from '../../../i18n';
import type { WeekBin } from '../compliance-chart.logic';

const W = 276;
const H = 150;
const PAD = { left: 24, right: 6, top: 14, bottom: 22 };

/**
 * Patrols per ISO week as SVG bars (no chart library: a dozen to 53 bars and one line), the weekly requirement as a
 * dashed line; a week below it is drawn amber. Every bar carries its week and count for a screen reader.
 */
export function WeeklyChart({ bins, required }: { bins: readonly WeekBin[]; required: number | null }) {
  const { t } = useI18n();
  const max = Math.max(1, required ?? 0, ...bins.map((b) => b.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, bins.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(bins.length / 6);
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  return (
    <svg
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('compliance.chart.aria')}
      data-testid="compliance-chart"
      style={{ display: 'block' }}
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e3e6ea" />
          <text x={PAD.left - 4} y={y(v) + 3} fontSize={9} textAnchor="end" fill="#666">
            {v}
          </text>
        </g>
      ))}
      {bins.map((b, i) => {
        const short = required !== null && b.count < required;
        const h = (b.count / max) * plotH;
        return (
          <g
            key={b.start}
            data-testid="compliance-chart-bar"
            data-week={`${b.iso.year}-W${String(b.iso.week).padStart(2, '0')}`}
            data-count={b.count}
          >
            <title>{t('compliance.chart.bar', { week: b.iso.week, start: b.start, n: b.count })}</title>
            <rect
              x={PAD.left + i * step + step * 0.15}
              y={PAD.top + plotH - h}
              width={step * 0.7}
              height={Math.max(h, b.count > 0 ? 1 : 0)}
              fill={short ? '#f2a516' : '#2e9e44'}
            />
            {i % labelEvery === 0 && (
              <text x={PAD.left + i * step + step / 2} y={H - 8} fontSize={9} textAnchor="middle" fill="#444">
                {t('compliance.chart.week', { n: b.iso.week })}
              </text>
            )}
          </g>
        );
      })}
      {required !== null && (
        <g data-testid="compliance-chart-required" data-required={required}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(required)} y2={y(required)} stroke="#d63a2f" strokeDasharray="4 3" strokeWidth={1.5} />
          <text x={PAD.left + 3} y={y(required) - 3} fontSize={9} textAnchor="start" fill="#a3231a">
            {t('compliance.chart.required', { n: required })}
          </text>
        </g>
      )}
      <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#999" />
    </svg>
  );
}

import { formatNumber, useI18n } from '../i18n';
import { ariaPercent, barWidth, fractionOf, hasCounts, type ProgressCounts } from './progress.logic';

export interface ProgressCardProps {
  /** What is running ("正在导入"). */
  title: string;
  /** The step it is at ("坐标转换"), shown beside the title in the accent colour. */
  phase?: string;
  /** The file being worked on, cut with an ellipsis when long (the full name in its tooltip). */
  fileName?: string;
  /** Work done of the total; printed as "done / total" once a total is known. */
  counts?: ProgressCounts | null;
  /** The bar: a fraction in [0, 1], or null for an indeterminate bar; when omitted, from `counts`. */
  fraction?: number | null;
  /** Cancel button; none when omitted (a job that cannot be stopped). */
  onCancel?: () => void;
  cancelLabel?: string;
  cancelTestId?: string;
  testId?: string;
  /** `floating` over the map (top centre, with a shadow); `inline` in the flow of a dialog or panel. */
  placement?: 'floating' | 'inline';
}

/** A running job: title, phase, file, done / total, a bar (determinate or not) and a cancel button. */
export function ProgressCard({
  title,
  phase,
  fileName,
  counts,
  fraction,
  onCancel,
  cancelLabel,
  cancelTestId,
  testId,
  placement = 'floating',
}: ProgressCardProps) {
  const { t, lang } = useI18n();
  const frac = fraction !== undefined ? fraction : fractionOf(counts);
  const label = [title, phase, fileName].filter((s) => !!s).join(' · ');
  return (
    <div className={`progress-card${placement === 'inline' ? ' inline' : ''}`} role="status" data-testid={testId}>
      <div className="progress-head">
        <strong>{title}</strong>
        {phase && <span className="phase">{phase}</span>}
        {fileName && (
          <span className="file" title={fileName}>
            {fileName}
          </span>
        )}
        <span className="spacer" />
        {hasCounts(counts) && (
          <span className="muted">
            {formatNumber(lang, counts.done)} / {formatNumber(lang, counts.total)}
          </span>
        )}
      </div>
      <div
        className={`bar${frac === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={ariaPercent(frac)}
      >
        <div style={{ width: barWidth(frac) }} />
      </div>
      {onCancel && (
        <div className="progress-foot">
          <button className="btn small" data-testid={cancelTestId} onClick={onCancel}>
            {cancelLabel ?? t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}

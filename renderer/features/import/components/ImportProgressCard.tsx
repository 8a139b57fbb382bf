import { formatNumber, useI18n } from '../../../i18n';
import { fileNameOf, progressFraction } from '../import.logic';
import type { JobProgress } from '../import.protocol';

/** Phase, file name, done/total, and 取消 (terminates the worker). */
export function ImportProgressCard({ progress, onCancel }: { progress: JobProgress | null; onCancel: () => void }) {
  const { t, lang } = useI18n();
  let label = t('import.reading');
  let file = '';
  let counts: { done: number; total: number } | null = null;
  if (progress?.stage === 'importing') {
    label = t(`import.phase.${progress.progress.phase}`);
    file = fileNameOf(progress.progress.source);
    counts = progress.progress;
  } else if (progress?.stage === 'saving') {
    label = t('import.saving');
    counts = progress;
  } else if (progress) counts = progress;
  const frac = progressFraction(counts);
  return (
    <div className="progress-card" role="status" data-testid="import-progress">
      <div className="progress-head">
        <strong>{t('import.running')}</strong>
        <span className="phase">{label}</span>
        {file && <span className="file" title={file}>{file}</span>}
        <span className="spacer" />
        {counts && counts.total > 0 && <span className="muted">{formatNumber(lang, counts.done)} / {formatNumber(lang, counts.total)}</span>}
      </div>
      <div className={`bar${frac === null ? ' indeterminate' : ''}`}>
        <div style={{ width: frac === null ? '30%' : `${(frac * 100).toFixed(1)}%` }} />
      </div>
      <div className="progress-foot">
        <button className="btn small" data-testid="import-cancel" onClick={onCancel}>{t('import.cancel')}</button>
      </div>
    </div>
  );
}

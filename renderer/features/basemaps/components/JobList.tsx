/** 下载任务: each job's progress, with 暂停 / 继续 / 取消 (a finished one: 移除). */
import { formatNumber, useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { cancelJob, jobsState, pauseJob, resumeJob } from '../basemap-download';
import { formatSize } from '../basemaps.logic';

export function JobList() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const jobs = useStore(jobsState);
  if (jobs.length === 0) return null;
  return (
    <>
      <h3>{t('basemaps.jobs')}</h3>
      <ul className="basemap-jobs">
        {jobs.map((j) => {
          const frac = j.total === 0 ? 1 : j.nextIndex / j.total;
          return (
            <li key={j.id} className="basemap-job" data-testid="basemap-job" data-state={j.state}>
              <div className="basemap-job-head">
                <strong>{j.label}</strong>
                <span className="muted">
                  z{Math.min(...j.zooms)}–{Math.max(...j.zooms)}
                </span>
                <span className={`job-state ${j.state}`}>{t(`basemaps.job.${j.state === 'cancelled' ? 'paused' : j.state}`)}</span>
              </div>
              <div
                className="bar"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(frac * 100)}
                aria-label={j.label}
              >
                <div className="fill" style={{ width: `${(frac * 100).toFixed(1)}%` }} />
              </div>
              <div className="muted" data-testid="basemap-job-progress">
                {t('basemaps.job.progress', { done: formatNumber(lang, j.nextIndex), total: formatNumber(lang, j.total), size: formatSize(j.bytes) })}
                {j.failed > 0 && ` · ${t('basemaps.job.failed', { failed: formatNumber(lang, j.failed) })}`}
                {j.note && ` · ${t(`basemaps.job.note.${j.note}`)}`}
              </div>
              <div className="basemaps-actions">
                {j.state === 'running' && (
                  <button
                    type="button"
                    className="btn small"
                    data-testid="basemap-job-pause"
                    onClick={() => wb.attempt('basemaps.job.pause', () => pauseJob(j.id))}
                  >
                    {t('basemaps.job.pause')}
                  </button>
                )}
                {j.state === 'paused' && (
                  <button
                    type="button"
                    className="btn small primary"
                    data-testid="basemap-job-resume"
                    onClick={() => wb.attempt('basemaps.job.resume', () => resumeJob(j.id))}
                  >
                    {t('basemaps.job.resume')}
                  </button>
                )}
                <button
                  type="button"
                  className="btn small"
                  data-testid="basemap-job-cancel"
                  onClick={() => wb.attempt('basemaps.job.cancel', () => cancelJob(j.id))}
                >
                  {j.state === 'done' ? t('basemaps.job.remove') : t('basemaps.job.cancel')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

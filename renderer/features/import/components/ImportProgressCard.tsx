import { useI18n } from '../../../i18n';
import { ProgressCard } from '../../../ui/ProgressCard';
import { fileNameOf, progressFraction } from '../import.logic';
import type { JobProgress } from '../import.protocol';

/** Phase, file name, done/total, and 取消 (terminates the worker): the import job's progress on the ProgressCard. */
export function ImportProgressCard({ progress, onCancel }: { progress: JobProgress | null; onCancel: () => void }) {
  const { t } = useI18n();
  let phase = t('import.reading');
  let file = '';
  let counts: { done: number; total: number } | null = null;
  if (progress?.stage === 'importing') {
    phase = t(`import.phase.${progress.progress.phase}`);
    file = fileNameOf(progress.progress.source);
    counts = progress.progress;
  } else if (progress?.stage === 'saving') {
    phase = t('import.saving');
    counts = progress;
  } else if (progress) counts = progress;
  return (
    <ProgressCard
      title={t('import.running')}
      phase={phase}
      fileName={file}
      counts={counts}
      fraction={progressFraction(counts)}
      onCancel={onCancel}
      cancelLabel={t('import.cancel')}
      testId="import-progress"
      cancelTestId="import-cancel"
    />
  );
}

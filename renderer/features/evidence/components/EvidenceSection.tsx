/** The record panel's 证据 section: what the set holds and the 导出证据 button (the dialog); registers the record's save. */
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import type { InspectionSectionProps } from '../../inspection';
import { dialogState } from '../evidence-state';
import { recordSave } from '../evidence-session';

export function EvidenceSection({ record, save }: InspectionSectionProps) {
  const { t } = useI18n();
  useEffect(() => {
    recordSave.set({ recordId: record.id, save });
    return () => {
      if (recordSave.get()?.recordId === record.id) recordSave.set(null);
    };
  }, [record.id, save]);
  return (
    <div className="evidence-section">
      <p className="muted small">{t('evidence.section.hint')}</p>
      <button
        type="button"
        className="btn primary"
        data-testid="evidence-open"
        onClick={() => dialogState.set({ kind: 'record', recordId: record.id })}
      >
        {t('evidence.command.export')}
      </button>
    </div>
  );
}

import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n';
import { saveBytes } from '../../../platform/platform';
import { SelectField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import { patrolState } from '../../patrol';
import { monthChoices, patrolsOfMonth, safeFilePart } from '../exchange.logic';
import { exchangeWorker } from '../exchange-state';
import { ExportFrame } from './ExportFrame';

/** 导出本月巡查: a month's patrols (with their history and deletions) as one hashed JSON file for the county. */
export function ExportPatrolsDialog() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { patrols } = useStore(patrolState);
  const { areas } = useStore(gridState);
  const months = useMemo(() => monthChoices(patrols, Date.now()), [patrols]);
  const [month, setMonth] = useState(months[0] as string);
  const townships = areas.filter((a) => a.level === 'township');
  const [office, setOffice] = useState(townships.length === 1 ? `${townships[0]!.name}国土所` : '');
  const chosen = useMemo(() => patrolsOfMonth(patrols, month), [patrols, month]);

  const run = async (): Promise<boolean> => {
    const file = await exchangeWorker.request('writePatrols', { office: safeFilePart(office.trim()), month, patrols: chosen, at: Date.now() });
    const saved = await saveBytes(file.fileName, file.bytes, file.mime, 'JSON', file.ext);
    if (saved) wb.notices.push('info', t('exchange.exportPatrols.done', { month, count: chosen.length, file: file.fileName }));
    return saved;
  };

  return (
    <ExportFrame title={t('exchange.exportPatrols.title')} testId="exchange-export-patrols" canRun={office.trim() !== ''} run={run}>
      <div className="fields">
        <SelectField
          label={t('exchange.month')}
          testId="exchange-month"
          value={month}
          onChange={setMonth}
          options={months.map((m) => ({ value: m, label: m }))}
        />
        <TextField label={t('exchange.office')} testId="exchange-office" value={office} onChange={setOffice} required />
        <p className="muted" data-testid="exchange-patrol-count">
          {t('exchange.exportPatrols.count', { month, count: chosen.length, deleted: chosen.filter((p) => p.deletedAt !== null).length })}
        </p>
      </div>
    </ExportFrame>
  );
}

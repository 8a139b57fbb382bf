import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { SURVEY_EXTENSIONS } from '../../../../shared/formats/survey/read';
import { importState, importSurveyFile, pickers, type ImportTarget } from '../survey-session';
import { ConfirmDialog } from './ConfirmDialog';
import { DatumDialog } from './DatumDialog';
import { MappingDialog } from './MappingDialog';

const ACCEPT = SURVEY_EXTENSIONS.map((e) => `.${e}`).join(',');

/** The survey import's two file inputs (into the open record; a new record) and its dialogs. */
export function SurveyImportHost() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const step = useStore(importState);
  const open = useRef<HTMLInputElement>(null);
  const fresh = useRef<HTMLInputElement>(null);
  useEffect(() => {
    pickers.open = () => open.current?.click();
    pickers.new = () => fresh.current?.click();
    return () => {
      delete pickers.open;
      delete pickers.new;
    };
  }, []);
  const take = (target: ImportTarget) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = ''; // the same file may be chosen again
    if (f) void f.arrayBuffer().then((b) => importSurveyFile(target, f.name, new Uint8Array(b), { notices: wb.notices, t, lang }));
  };
  return (
    <>
      <input ref={open} type="file" hidden accept={ACCEPT} data-testid="survey-import-input" onChange={take('open')} />
      <input ref={fresh} type="file" hidden accept={ACCEPT} data-testid="survey-new-input" onChange={take('new')} />
      {step?.kind === 'reading' && (
        <div className="map-card survey-reading" role="status" data-testid="survey-reading">
          {t('survey.import.reading', { file: step.file })}
        </div>
      )}
      {step?.kind === 'mapping' && <MappingDialog key={step.file} step={step} />}
      {step?.kind === 'datum' && <DatumDialog key={step.file.file} step={step} />}
      {step?.kind === 'confirm' && <ConfirmDialog key={step.file.file} step={step} />}
    </>
  );
}

import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { NumberField, SelectField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { buildSurveyPlot } from '../../../../shared/domain/survey/plot';
import type { Bbox } from '../../../../shared/domain/geometry/bbox';
import type { SurveyMethod } from '../../../../shared/formats/survey/types';
import { formatSurveyIssue } from '../../../../shared/i18n/survey';
import { cancelImport, finishImport, openSection, type ImportStep } from '../survey-session';
import { boundaryOf, importNotices, needsZone, pointsOfPlot, zoneOfInput } from '../survey.logic';
import { MethodSelect } from './MethodSelect';
import { PlotFigures } from './PlotFigures';

type Step = Extract<ImportStep, { kind: 'confirm' }>;

/**
 * Before anything is saved: the plot (a 报盘 file may hold several), the zone when the file does not say it, how the
 * points were measured, what the readers decided (which column is north, the encoding, the zone), the figures, and
 * a refusal for a boundary that is not simple (nothing saved).
 */
export function ConfirmDialog({ step }: { step: Step }) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const section = useStore(openSection);
  const file = step.file;
  const [plotIndex, setPlotIndex] = useState(0);
  const [zoneNo, setZoneNo] = useState<number | null>(step.target === 'open' ? (section?.record.zone?.zone ?? null) : null);
  const [method, setMethod] = useState<SurveyMethod | null>(null);
  const [busy, setBusy] = useState(false);
  const input = file.plots[plotIndex] ?? file.plots[0];
  const askZone = needsZone(file, plotIndex);
  const typedZone = askZone && zoneNo !== null ? zoneOfInput(zoneNo) : null;
  const view = useMemo(() => {
    if (!input) return null;
    const opts = {
      file: file.file,
      ...(typedZone ? { zone: { width: typedZone.width as 3 | 6, zone: typedZone.zone } } : {}),
      ...(file.declaredZone ? { declaredZone: file.declaredZone } : {}),
    };
    const filePlot = buildSurveyPlot(input, opts);
    const zone = filePlot.zone.kind === 'known' ? filePlot.zone.zone : typedZone;
    const points = pointsOfPlot(input, method);
    return { filePlot, outcome: boundaryOf(points, zone, input.name, file.file), notes: importNotices(file, filePlot) };
  }, [input, file, typedZone, method]);
  if (!input || !view) return null;
  const { outcome, notes } = view;
  const plot = outcome.plot ?? view.filePlot;
  const ok = outcome.ok;
  const submit = async () => {
    if (!outcome.ok) return;
    setBusy(true);
    const texts = notes.flatMap((n) => (n.severity === 'error' ? [] : [{ kind: n.severity, text: formatSurveyIssue(n, lang) }]));
    if (step.datumUnknown) texts.push({ kind: 'warning', text: t('survey.datum.unknownNote', { file: file.file }) });
    const fit = (b: Bbox) => wb.map.whenReady((m) => m.fit(b));
    const done = await finishImport(step, outcome.patch, texts, { notices: wb.notices, t, lang, fit });
    if (!done) setBusy(false);
  };
  return (
    <Dialog
      title={t(step.target === 'new' ? 'survey.confirm.titleNew' : 'survey.confirm.title', { file: file.file })}
      onClose={cancelImport}
      wide
      testId="survey-confirm-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={cancelImport}>
            {t('survey.cancel')}
          </button>
          <button type="button" className="btn primary" data-testid="survey-confirm-ok" disabled={!ok || busy} onClick={() => void submit()}>
            {t(step.target === 'new' ? 'survey.confirm.okNew' : 'survey.confirm.ok')}
          </button>
        </>
      }
    >
      {file.plots.length > 1 && (
        <SelectField<string>
          label={t('survey.confirm.plot', { count: file.plots.length })}
          testId="survey-confirm-plot"
          value={String(plotIndex)}
          onChange={(v) => setPlotIndex(Number(v))}
          options={file.plots.map((p, i) => ({
            value: String(i),
            label: t('survey.confirm.plotOption', { name: p.name, points: p.rings.reduce((s, r) => s + r.points.length, 0), rings: p.rings.length }),
          }))}
        />
      )}
      <p data-testid="survey-confirm-summary">
        {t('survey.confirm.summary', {
          points: input.rings.reduce((s, r) => s + r.points.length, 0),
          rings: input.rings.length,
          encoding: file.encoding.toUpperCase(),
        })}
      </p>
      {askZone && (
        <NumberField
          label={t('survey.confirm.zone')}
          hint={t('survey.confirm.zoneHint')}
          integer
          value={zoneNo}
          onChange={setZoneNo}
          error={zoneNo !== null && !typedZone ? t('survey.confirm.zoneBad') : null}
          testId="survey-confirm-zone"
        />
      )}
      <MethodSelect value={method} onChange={setMethod} testId="survey-confirm-method" label={t('survey.method.label')} />
      {notes.length > 0 && (
        <ul className="survey-notes" data-testid="survey-confirm-notes">
          {notes
            .filter((n) => n.code !== 'survey.notSimple')
            .map((n, i) => (
              <li key={i} className={`msg ${n.severity === 'info' ? 'info' : n.severity}`}>
                {formatSurveyIssue(n, lang)}
              </li>
            ))}
        </ul>
      )}
      <PlotFigures plot={plot} testId="survey-confirm-figures" openRings={input.rings.filter((r) => !r.closed).map((r) => r.ringNo)} />
      {!ok && outcome.reason === 'zoneUnknown' && (
        <p className="msg warning" data-testid="survey-confirm-needs-zone">
          {t('survey.confirm.needsZone')}
        </p>
      )}
      {step.target === 'open' && section?.readOnly && <p className="field-hint">{t('survey.confirm.amendment')}</p>}
    </Dialog>
  );
}

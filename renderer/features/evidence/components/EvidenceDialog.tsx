/**
 * 导出证据: the settings beside a live preview of the map sheet and thumbnails of every page; 保存为本所模板; 导出 with
 * its steps (data, imagery, PNG, PDF, manifest) and cancel. In the browser build the dialog then asks for the PDF the
 * user saved from the print dialog, so the set and its manifest include it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SheetSettings } from '../../../../shared/domain/evidence/inputs';
import type { EvidenceTemplate } from '../../../../shared/domain/evidence/template';
import type { Inspection } from '../../../../shared/domain/inspection/inspection-record';
import { getInspection } from '../../../db';
import { useI18n } from '../../../i18n';
import { electronApi } from '../../../platform/platform';
import { Dialog } from '../../../ui/Dialog';
import { ProgressCard } from '../../../ui/ProgressCard';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { comparisonRolesNow, loadComparisonRoles, runComparisonFor } from '../../comparison';
import { inspectionsChanged, showStoredInspection } from '../../inspection';
import { sortTopToBottom, useLayerList } from '../../layers';
import { exportRecordEvidence } from '../export-actions';
import { EXPORT_STEPS, type ImageryChoice } from '../export-pipeline';
import { dialogState, stopEvidenceWorker } from '../evidence-state';
import { imageryChoices, loadTemplate, recordSave, saveTemplateSheet } from '../evidence-session';
import { usePreview } from '../use-preview';
import { PdfPicker } from './PdfPicker';
import { PreviewPane } from './PreviewPane';
import { SettingsForm } from './SettingsForm';
import { rerunComparison, runExport, saveAsTemplate, type DialogPhase } from './evidence-dialog.logic';

type Phase = DialogPhase;

export function EvidenceDialog({ recordId }: { recordId: string }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { layers: all } = useLayerList();
  const changed = useStore(inspectionsChanged);
  const saver = useStore(recordSave);
  const [record, setRecord] = useState<Inspection | null>(null);
  const [settings, setSettings] = useState<SheetSettings | null>(null);
  const [template, setTemplate] = useState<EvidenceTemplate | null>(null);
  const [imagery] = useState<ImageryChoice[]>(imageryChoices);
  const [imageryId, setImageryId] = useState<string | null>(imagery[0]?.id ?? null);
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const [rerunning, setRerunning] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [roles, setRoles] = useState(comparisonRolesNow);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    void getInspection(recordId).then(setRecord);
  }, [recordId, changed]);
  useEffect(() => {
    void loadTemplate().then((tpl) => {
      setTemplate(tpl);
      setSettings(tpl.sheet);
    });
  }, []);
  useEffect(() => {
    if (roles === null) void loadComparisonRoles(all).then((r) => setRoles(r.roles.roles));
  }, [roles, all]);

  const layers = useMemo(() => sortTopToBottom(all).filter((l) => l.visible && l.meta.geometryKind !== 'unknown'), [all]);
  const chosen = imagery.find((i) => i.id === imageryId) ?? null;
  const inputs = { settings: settings!, template: template!, layers, roles, imagery: chosen, t };
  const busy = phase.kind === 'exporting' || phase.kind === 'askPdf';
  const preview = usePreview(settings && template ? record : null, inputs, busy);
  const close = () => {
    abort.current?.abort();
    dialogState.set(null);
  };

  if (!record || !settings || !template) return null;
  const patch = (p: Partial<SheetSettings>) => setSettings({ ...settings, ...p });
  const canRerun = saver?.recordId === record.id ? saver.save : null;

  const rerun = () =>
    rerunComparison(
      canRerun ? () => runComparisonFor(record, all, canRerun, t) : null,
      {
        setRerunning,
        setNote,
        rerunDone: (r) => {
          showStoredInspection(r);
          setRoles(comparisonRolesNow());
          setRecord(r);
        },
        showPanel: () => wb.showPanel('inspection'),
      },
      t,
    );
  const saveTemplate = () => saveAsTemplate(() => saveTemplateSheet(template, settings), { setTemplate, setNote }, t);
  const run = () => runExport((cb) => exportRecordEvidence(record, inputs, cb), { setPhase, setNote, setAbort: (ac) => (abort.current = ac) }, t);
  const cancel = () => {
    abort.current?.abort();
    stopEvidenceWorker();
    setPhase({ kind: 'edit' });
  };

  const ready = preview.state === 'ready';
  const stepIndex = phase.kind === 'exporting' ? EXPORT_STEPS.indexOf(phase.step) : 0;
  return (
    <Dialog
      title={t('evidence.dialog.title', { number: record.number })}
      onClose={busy ? undefined : close}
      wide
      testId="evidence-dialog"
      footer={
        <>
          <button type="button" className="btn" data-testid="evidence-template-save" disabled={busy} onClick={() => void saveTemplate()}>
            {t('evidence.template.save')}
          </button>
          <span className="spacer" />
          <button type="button" className="btn" data-testid="evidence-close" disabled={busy} onClick={close}>
            {t('evidence.close')}
          </button>
          <button type="button" className="btn primary" data-testid="evidence-export" disabled={busy || !ready} onClick={() => void run()}>
            {t('evidence.export')}
          </button>
        </>
      }
    >
      <div className="evidence-dialog-body">
        <SettingsForm
          settings={settings}
          onChange={patch}
          layers={layers}
          imagery={imagery}
          imageryId={imageryId}
          onImagery={setImageryId}
          disabled={busy}
        />
        <div className="evidence-dialog-side">
          {record.submittedAt === null && <p className="msg warning small">{t('evidence.draft.warning')}</p>}
          {!electronApi() && (
            <p className="muted small" data-testid="evidence-browser-note">
              {t('evidence.browser.note')}
            </p>
          )}
          <PreviewPane preview={preview} onRerun={() => void rerun()} rerunning={rerunning} />
        </div>
      </div>
      {note && (
        <p className="msg info" data-testid="evidence-note-line">
          {note}
        </p>
      )}
      {phase.kind === 'exporting' && (
        <ProgressCard
          placement="inline"
          title={t('evidence.progress')}
          phase={t(`evidence.step.${phase.step}`)}
          fraction={(stepIndex + 0.5) / EXPORT_STEPS.length}
          onCancel={cancel}
          cancelLabel={t('common.cancel')}
          cancelTestId="evidence-cancel"
          testId="evidence-progress"
        />
      )}
      {phase.kind === 'askPdf' && (
        <PdfPicker
          onPicked={(bytes) => {
            phase.resolve(bytes);
            setPhase({ kind: 'exporting', step: 'manifest' });
          }}
          onSkip={() => {
            phase.resolve(null);
            setPhase({ kind: 'edit' });
          }}
        />
      )}
      {phase.kind === 'done' && (
        <p className="msg ok" data-testid="evidence-done" data-steps-ms={phase.stepsMs}>
          {phase.text}
        </p>
      )}
      {phase.kind === 'error' && (
        <p className="msg error" data-testid="evidence-error">
          {phase.text}
        </p>
      )}
    </Dialog>
  );
}

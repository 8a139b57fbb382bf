import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Inspection, InspectionPatch } from '../../../../shared/domain/inspection/inspection-record';
import { nextStatuses } from '../../../../shared/domain/inspection/status';
import { useI18n } from '../../../i18n';
import { editGeometryTool } from '../../../map';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { chainLine, historyView, sourceText, statusKey } from '../history-view.logic';
import { firstIssueSlot, isDraftDirty } from '../inspection-form.logic';
import {
  discardDraft,
  formOf,
  formsState,
  moveStatus,
  saveAmendment,
  saveDraft,
  sectionSave,
  startAmending,
  submit,
  type FormCtx,
} from '../inspection-form-state';
import { closeInspection, openInspectionState } from '../inspection-session';
import { inspectionSections } from '../sections';
import { InspectionFields } from './InspectionFields';

/** 核查记录: the open record (right dock) — header, form, submit / amend / status, the sections, the history. */
export function InspectionPanel() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const open = useStore(openInspectionState);
  useStore(formsState);
  const record = open?.record ?? null;
  if (!open) {
    return (
      <section className="panel inspection-panel" data-testid="inspection-empty">
        <header className="panel-header">
          <h2>{t('inspection.title')}</h2>
        </header>
        <p className="empty-note">{t('inspection.none')}</p>
        <div style={{ padding: '0 14px' }}>
          <button type="button" className="btn primary" data-testid="inspection-empty-new" onClick={() => wb.run('inspection.new')}>
            {t('inspection.new')}
          </button>
        </div>
      </section>
    );
  }
  if (!record) return <p className="empty-note">{t('inspection.loading')}</p>;
  return <RecordView record={record} ctx={{ wb, t }} />;
}

function RecordView({ record, ctx }: { record: Inspection; ctx: FormCtx }) {
  const { t } = useI18n();
  const form = formOf(record);
  const submitted = record.submittedAt !== null;
  const readOnly = submitted && !form.amending;
  const dirty = isDraftDirty(record, form.draft);
  const body = useRef<HTMLDivElement>(null);
  const sections = useStore(inspectionSections);
  const chain = useMemo(() => chainLine(record, t), [record, t]);
  const history = useMemo(() => historyView(record.history, t), [record.history, t]);

  // 提交 with issues: the first one's field gets the focus (and is scrolled to).
  useEffect(() => {
    if (form.focusTick === 0) return;
    const slot = firstIssueSlot(form.issues);
    const box = slot ? body.current?.querySelector(`[data-field="${slot}"]`) : null;
    const control = box?.querySelector<HTMLElement>('input, select, textarea') ?? null;
    control?.focus();
    box?.scrollIntoView({ block: 'center' });
  }, [form.focusTick, form.issues]);

  const save = useCallback((patch: InspectionPatch, what: string) => sectionSave(record.id, patch, what, ctx), [record.id, ctx]);
  const busy = form.busy !== null;
  const canEditPlot = record.geometry?.type === 'Polygon' && !readOnly;
  const editPlot = () =>
    ctx.wb.map.whenReady((map) => {
      if (record.geometry?.type !== 'Polygon') return;
      map.setTool(
        editGeometryTool({
          id: 'inspection.editPlot',
          geometry: record.geometry,
          ...(record.zone ? { zone: record.zone } : {}),
          title: t('inspection.plot.editTitle', { number: record.number }),
          onFinish: (g) => {
            if (g.type === 'Polygon') void save({ geometry: g }, t('inspection.plot.what'));
          },
        }),
      );
    });

  return (
    <section className="panel inspection-panel" data-testid="inspection-panel" aria-label={t('inspection.title')}>
      <header className="panel-header inspection-header">
        <h2>{t('inspection.title')}</h2>
        <span className="inspection-number" data-testid="inspection-number">
          {record.number}
        </span>
        <span className={`inspection-status status-${record.status}`} data-testid="inspection-status" data-status={record.status}>
          {t(statusKey(record.status))}
        </span>
        <button type="button" className="icon-btn" aria-label={t('inspection.close')} data-testid="inspection-close" onClick={closeInspection}>
          ×
        </button>
      </header>
      <div className="inspection-body" ref={body}>
        <p className="inspection-source" data-testid="inspection-source">
          {t('inspection.field.source')}：{sourceText(record.source, t)}
          {record.source.kind === 'tip' && record.source.content && <span className="muted"> — {record.source.content}</span>}
        </p>
        {submitted && (
          <p className="msg info" data-testid="inspection-readonly-note">
            {form.amending ? t('inspection.amend.note') : t('inspection.readOnly', { at: history.find((h) => h.kind === 'submitted')?.at ?? '' })}
          </p>
        )}
        <InspectionFields record={record} draft={form.draft} issues={form.issues} readOnly={readOnly} />
        <div className="inspection-plot-line">
          <span className="muted" data-testid="inspection-plot">
            {record.geometry
              ? t('inspection.plot.has', { zone: record.zone ? `${record.zone.width}°/${record.zone.zone}` : '—' })
              : t('inspection.plot.none')}
          </span>
          {canEditPlot && (
            <button type="button" className="btn small" data-testid="inspection-edit-plot" onClick={editPlot}>
              {t('inspection.plot.edit')}
            </button>
          )}
        </div>
        {form.error && (
          <p className="msg error" role="alert" data-testid="inspection-error">
            {form.error}
          </p>
        )}
        {form.issues.length > 0 && form.issues.some((i) => i.severity === 'error') && (
          <p className="msg warning" data-testid="inspection-issues-summary">
            {t('inspection.issues.summary', { count: form.issues.filter((i) => i.severity === 'error').length })}
          </p>
        )}
        <div className="inspection-buttons main">
          {!submitted && (
            <>
              <button type="button" className="btn" data-testid="inspection-save" disabled={busy} onClick={() => void saveDraft(record, ctx)}>
                {t('inspection.saveDraft')}
              </button>
              <button type="button" className="btn primary" data-testid="inspection-submit" disabled={busy} onClick={() => void submit(record, ctx)}>
                {t('inspection.submit')}
              </button>
            </>
          )}
          {submitted && !form.amending && (
            <button type="button" className="btn" data-testid="inspection-amend" onClick={() => startAmending(record)}>
              {t('inspection.amend')}
            </button>
          )}
          {submitted && form.amending && (
            <>
              <button
                type="button"
                className="btn primary"
                data-testid="inspection-amend-save"
                disabled={busy || !dirty}
                onClick={() => void saveAmendment(record, ctx)}
              >
                {t('inspection.amend.save')}
              </button>
              <button type="button" className="btn" data-testid="inspection-amend-cancel" disabled={busy} onClick={() => discardDraft(record)}>
                {t('inspection.amend.cancel')}
              </button>
            </>
          )}
          {dirty && !readOnly && (
            <span className="muted" data-testid="inspection-dirty">
              {t('inspection.unsaved')}
            </span>
          )}
        </div>
        {submitted && nextStatuses(record.status).length > 0 && (
          <div className="inspection-buttons" data-testid="inspection-status-moves">
            <span className="muted">{t('inspection.status.moveTo')}</span>
            {nextStatuses(record.status).map((to) => (
              <button
                key={to}
                type="button"
                className="btn small"
                data-testid={`inspection-move-${to}`}
                disabled={busy || form.amending}
                onClick={() => void moveStatus(record, to, ctx)}
              >
                {t(statusKey(to))}
              </button>
            ))}
          </div>
        )}
        {sections.map((s) => (
          <section key={s.id} className="inspection-section" data-testid={s.testId ?? `inspection-section-${s.id}`}>
            <h3>{t(s.titleKey)}</h3>
            <s.component record={record} readOnly={submitted} save={save} />
          </section>
        ))}
        <section className="inspection-section" data-testid="inspection-history">
          <h3>{t('inspection.history')}</h3>
          <p className={`msg ${chain.ok ? 'ok' : 'error'} inspection-chain`} data-testid="inspection-chain" data-ok={chain.ok}>
            {chain.text}
          </p>
          <ol className="inspection-history">
            {history.map((h) => (
              <li key={h.seq} data-testid="inspection-history-entry" data-kind={h.kind}>
                <div>
                  <span className="muted">#{h.seq}</span> <span className="muted">{h.at}</span> <strong>{h.by}</strong> {h.kindLabel}
                </div>
                {h.reason && (
                  <div className="inspection-reason" data-testid="inspection-history-reason">
                    {t('inspection.history.reason', { reason: h.reason })}
                  </div>
                )}
                {h.changes.length > 0 && (
                  <ul>
                    {h.changes.map((c) => (
                      <li key={c.field} data-testid="inspection-history-change" data-field={c.field}>
                        {c.label}：<del>{c.before}</del> → <ins>{c.after}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </section>
  );
}

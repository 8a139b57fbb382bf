import { useEffect, useState } from 'react';
import { TIP_CHANNELS, type TipChannel } from '../../../../shared/domain/inspection/inspection-record';
import { checkNumberPattern, DEFAULT_NUMBER_PATTERN, formatRecordNumber } from '../../../../shared/domain/inspection/numbering';
import { localDateOf } from '../../../../shared/domain/patrol/calendar';
import { useI18n, type MessageKey } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { Field, NumberField, RadioGroup, TextField } from '../../../ui/fields';
import { createStore, useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { parseBeijingInput } from '../inspection-form.logic';
import { reasonAsk } from '../inspection-form-state';
import { readNumberPattern, writeNumberPattern } from '../number-pattern';
import { startDrawn, startFromPlot, startFromTip } from '../starts';
import { typedPlot, type TypedRefusal } from '../start.logic';

export type InspectionDialog = 'new' | 'tip' | 'typed' | 'pattern' | null;
export const dialogState = createStore<InspectionDialog>(null);
const close = () => dialogState.set(null);

/** The amendment's or status move's reason (修改原因). */
function ReasonDialog() {
  const { t } = useI18n();
  const ask = useStore(reasonAsk);
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [ask]);
  if (!ask) return null;
  const missing = ask.required && reason.trim() === '';
  return (
    <Dialog
      title={ask.title}
      onClose={() => ask.resolve(null)}
      testId="inspection-reason-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => ask.resolve(null)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn primary"
            data-testid="inspection-reason-ok"
            disabled={missing}
            onClick={() => ask.resolve(reason.trim())}
          >
            {t('common.ok')}
          </button>
        </>
      }
    >
      {ask.lines.length > 0 && (
        <ul className="inspection-reason-lines" data-testid="inspection-reason-lines">
          {ask.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      <Field
        label={t('inspection.reason.label')}
        required={ask.required}
        hint={ask.required ? t('inspection.reason.hint') : t('inspection.reason.optional')}
      >
        {(c) => (
          <textarea
            {...c}
            autoFocus
            className="field-input inspection-textarea"
            rows={3}
            value={reason}
            data-testid="inspection-reason"
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
    </Dialog>
  );
}

/** 新建核查: the ways a record starts. */
function NewDialog() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const ctx = { wb, t };
  const choice = (testId: string, label: MessageKey, hint: MessageKey, run?: () => void) => (
    <li className="inspection-start-choice">
      {run ? (
        <button type="button" className="btn" data-testid={testId} onClick={run}>
          {t(label)}
        </button>
      ) : (
        <strong>{t(label)}</strong>
      )}
      <span className="muted">{t(hint)}</span>
    </li>
  );
  return (
    <Dialog
      title={t('inspection.new')}
      onClose={close}
      testId="inspection-new-dialog"
      footer={
        <button type="button" className="btn" data-testid="inspection-open-pattern" onClick={() => dialogState.set('pattern')}>
          {t('inspection.menu.pattern')}
        </button>
      }
    >
      <ul className="inspection-start-list">
        {choice('inspection-start-draw', 'inspection.start.draw', 'inspection.start.drawHint', () => {
          close();
          startDrawn(ctx);
        })}
        {choice('inspection-start-typed', 'inspection.start.typed', 'inspection.start.typedHint', () => dialogState.set('typed'))}
        {choice('inspection-start-tip', 'inspection.start.tip', 'inspection.start.tipHint', () => dialogState.set('tip'))}
        {choice('inspection-start-patch', 'inspection.start.patch', 'inspection.start.patchHint')}
        {choice('inspection-start-patrol', 'inspection.start.patrol', 'inspection.start.patrolHint')}
        {choice('inspection-start-survey', 'inspection.start.survey', 'inspection.start.surveyHint')}
      </ul>
    </Dialog>
  );
}

/** 举报线索: channel, who, when, what. */
function TipDialog() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const [channel, setChannel] = useState<TipChannel>('12336');
  const [reporter, setReporter] = useState('');
  const [when, setWhen] = useState('');
  const [content, setContent] = useState('');
  const [place, setPlace] = useState('');
  const [busy, setBusy] = useState(false);
  const at = when.trim() === '' ? null : parseBeijingInput(when);
  const whenError =
    when.trim() !== '' && at === null ? t('inspection.tip.badTime') : at !== null && at > Date.now() ? t('inspection.issue.inFuture') : null;
  const contentError = content.trim() === '' ? t('inspection.issue.required') : null;
  const ok = !whenError && !contentError && !busy;
  const run = async () => {
    setBusy(true);
    const done = await startFromTip({ channel, reporter, reportedAt: at, content, place }, { wb, t });
    setBusy(false);
    if (done) close();
  };
  return (
    <Dialog
      title={t('inspection.start.tip')}
      onClose={close}
      testId="inspection-tip-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn primary" data-testid="inspection-tip-ok" disabled={!ok} onClick={() => void run()}>
            {t('inspection.start.ok')}
          </button>
        </>
      }
    >
      <RadioGroup
        label={t('inspection.tip.channel')}
        className="inline"
        value={channel}
        options={TIP_CHANNELS.map((c) => ({ value: c, label: t(`inspection.tip.channel.${c}` as MessageKey) }))}
        onChange={setChannel}
        testId="inspection-tip-channel"
      />
      <TextField
        label={t('inspection.tip.reporter')}
        hint={t('inspection.tip.reporterHint')}
        value={reporter}
        onChange={setReporter}
        testId="inspection-tip-reporter"
      />
      <Field label={t('inspection.tip.when')} error={whenError} hint={t('inspection.field.beijing')}>
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            className="field-input"
            value={when}
            data-testid="inspection-tip-when"
            onChange={(e) => setWhen(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('inspection.tip.content')} required error={contentError}>
        {(c) => (
          <textarea
            {...c}
            className="field-input inspection-textarea"
            rows={3}
            value={content}
            data-testid="inspection-tip-content"
            onChange={(e) => setContent(e.target.value)}
          />
        )}
      </Field>
      <TextField label={t('inspection.field.place')} value={place} onChange={setPlace} testId="inspection-tip-place" />
    </Dialog>
  );
}

const typedRefusalText = (r: TypedRefusal, t: (k: MessageKey, p?: Record<string, string | number>) => string): string => {
  switch (r.reason) {
    case 'badLine':
      return t('inspection.typed.badLine', { line: r.line, text: r.text });
    case 'tooFewPoints':
      return t('inspection.typed.tooFew', { count: r.count });
    case 'zoneUnknown':
      return t('inspection.typed.zoneUnknown');
    default:
      return t('inspection.typed.notSimple', { detail: r.detail });
  }
};

/** 输入坐标: lines "X,Y" (north, east), a zone prefix on Y or the zone given. */
function TypedDialog() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const [text, setText] = useState('');
  const [zone, setZone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const plot = text.trim() === '' ? null : typedPlot(text, zone);
  const error = plot && !plot.ok ? typedRefusalText(plot.refusal, t) : null;
  const run = async () => {
    if (!plot?.ok) return;
    setBusy(true);
    const done = await startFromPlot(plot.geometry, { kind: 'typed' }, plot.zone, { wb, t });
    setBusy(false);
    if (done) close();
  };
  return (
    <Dialog
      title={t('inspection.start.typed')}
      onClose={close}
      testId="inspection-typed-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn primary" data-testid="inspection-typed-ok" disabled={!plot?.ok || busy} onClick={() => void run()}>
            {t('inspection.start.ok')}
          </button>
        </>
      }
    >
      <Field label={t('inspection.typed.points')} hint={t('inspection.typed.hint')} error={error} required>
        {(c) => (
          <textarea
            {...c}
            className="field-input inspection-textarea mono"
            rows={8}
            value={text}
            placeholder={'4034567.12,39512345.67\n4034600.00,39512345.67\n…'}
            data-testid="inspection-typed-points"
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <NumberField
        label={t('inspection.typed.zone')}
        hint={t('inspection.typed.zoneHint')}
        integer
        min={13}
        max={45}
        value={zone}
        onChange={setZone}
        testId="inspection-typed-zone"
      />
      {plot?.ok && (
        <p className="msg ok" data-testid="inspection-typed-ok-note">
          {t('inspection.typed.okNote', { points: plot.points, width: plot.zone.width, zone: plot.zone.zone })}
        </p>
      )}
    </Dialog>
  );
}

/** 设置 → 核查编号格式: the office's pattern, checked, with the number it would give today. */
function PatternDialog() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const [pattern, setPattern] = useState<string | null>(null);
  useEffect(() => void readNumberPattern().then((p) => setPattern((x) => x ?? p)), []);
  if (pattern === null) return null;
  const reason = checkNumberPattern(pattern);
  const save = async () => {
    try {
      await writeNumberPattern(pattern);
      wb.notices.push('info', t('inspection.pattern.saved', { example: formatRecordNumber(pattern, localDateOf(Date.now()), 1) }));
      close();
    } catch (e) {
      wb.notices.error(t('inspection.pattern.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <Dialog
      title={t('inspection.pattern.title')}
      onClose={close}
      testId="inspection-pattern-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => setPattern(DEFAULT_NUMBER_PATTERN)}>
            {t('inspection.pattern.default')}
          </button>
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn primary" data-testid="inspection-pattern-save" disabled={reason !== null} onClick={() => void save()}>
            {t('inspection.pattern.save')}
          </button>
        </>
      }
    >
      <TextField
        label={t('inspection.pattern.label')}
        hint={t('inspection.pattern.hint')}
        error={reason ? t(`inspection.pattern.reason.${reason}` as MessageKey) : null}
        value={pattern}
        onChange={setPattern}
        testId="inspection-pattern"
      />
      {!reason && (
        <p className="muted" data-testid="inspection-pattern-example">
          {t('inspection.pattern.example', { example: formatRecordNumber(pattern, localDateOf(Date.now()), 1) })}
        </p>
      )}
    </Dialog>
  );
}

export function InspectionDialogs() {
  const which = useStore(dialogState);
  return (
    <>
      {which === 'new' && <NewDialog />}
      {which === 'tip' && <TipDialog />}
      {which === 'typed' && <TypedDialog />}
      {which === 'pattern' && <PatternDialog />}
      <ReasonDialog />
    </>
  );
}

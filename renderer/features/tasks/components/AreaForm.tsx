import { useMemo, useState } from 'react';
import { KEY_AREA_KINDS, type KeyAreaKind } from '../../../../shared/domain/grid/area-record';
import { formatMu } from '../../../../shared/domain/units/format';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { DateField, NumberField, RadioGroup, SelectField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { drawAreaShape, rebuffer, saveAreaDraft, stopTool, TOOL_KEY, type BufferOutcome } from '../tasks-actions';
import { areaDraftProblem, areaMuOf, isBuffered, type AreaDraft } from '../tasks.logic';
import { patchAreaDraft, tasksState } from '../tasks-state';
import { AreaPeopleRules } from './AreaPeopleRules';
import { KIND_KEYS, reasonText } from './text';

/**
 * A patrol area being made or edited: its name, what its kind needs (key-area kind; a corridor's centre line and width;
 * a site's notice and its boundary or centre and radius), the people, the rules and notes. The shape comes from the map
 * tools; a corridor's or circle site's boundary from the worker's GEOS buffer. Saving is one transaction.
 */
export function AreaForm() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const d = useStore(tasksState).areaDraft as AreaDraft;
  const keys = useStore(wb.keys);
  const drawing = keys[TOOL_KEY] !== null && keys[TOOL_KEY] !== undefined;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mu = useMemo(() => areaMuOf(d.geometry), [d.geometry]);
  const problem = areaDraftProblem(d);
  const buffered = (o: BufferOutcome) => setError(o === 'ok' ? null : reasonText(t, o));
  const cancel = () => {
    stopTool(wb);
    tasksState.set((s) => ({ ...s, areaDraft: null }));
  };
  async function save() {
    setBusy(true);
    setError(null);
    try {
      if (isBuffered(d)) {
        const o = await rebuffer();
        if (o !== 'ok') return setError(reasonText(t, o));
      }
      const now = tasksState.get().areaDraft;
      const p = now && areaDraftProblem(now);
      if (p) return setError(reasonText(t, p));
      const r = await saveAreaDraft();
      if (!r.ok) setError(t('tasks.refused', { reason: reasonText(t, r.reason) }));
    } catch (e) {
      setError(t('tasks.saveFailed', { message: errorText(e, t) }));
    } finally {
      setBusy(false);
    }
  }
  const shapeLabel =
    d.kind === 'corridor'
      ? t('tasks.draw.line')
      : d.kind === 'stopNoticeSite' && d.siteMode === 'circle'
        ? t('tasks.draw.centre')
        : t('tasks.draw.polygon');
  const hasShape =
    d.kind === 'corridor'
      ? d.centreLine !== null
      : d.kind === 'stopNoticeSite' && d.siteMode === 'circle'
        ? d.siteCentre !== null
        : d.geometry !== null;
  return (
    <form
      data-testid="tasks-area-form"
      data-kind={d.kind}
      noValidate
      style={{ display: 'grid', gap: 6 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      <h3 style={{ margin: '2px 0' }}>{t(d.id ? 'tasks.form.edit' : 'tasks.form.new', { kind: t(KIND_KEYS[d.kind]) })}</h3>
      <TextField label={t('tasks.field.name')} value={d.name} onChange={(v) => patchAreaDraft({ name: v })} testId="tasks-area-name-input" required />
      {d.kind === 'keyArea' && (
        <SelectField<KeyAreaKind>
          label={t('tasks.field.keyAreaKind')}
          options={KEY_AREA_KINDS.map((k) => ({ value: k, label: k }))}
          value={d.keyAreaKind}
          onChange={(v) => patchAreaDraft({ keyAreaKind: v })}
          testId="tasks-key-kind"
        />
      )}
      {d.kind === 'corridor' && (
        <NumberField
          label={t('tasks.field.width')}
          hint={t('tasks.hint.width')}
          unit="m"
          min={0.1}
          max={20000}
          value={d.widthMetres}
          onChange={(v) => {
            patchAreaDraft({ widthMetres: v });
            if (d.centreLine && v !== null && v > 0) void rebuffer().then(buffered, (e: unknown) => setError(errorText(e, t)));
          }}
          testId="tasks-width"
        />
      )}
      {d.kind === 'stopNoticeSite' && (
        <>
          <TextField
            label={t('tasks.field.noticeNo')}
            value={d.noticeNo}
            onChange={(v) => patchAreaDraft({ noticeNo: v })}
            placeholder="〔2026〕018号"
            testId="tasks-notice-no"
          />
          <DateField
            label={t('tasks.field.noticeDate')}
            value={d.noticeDate}
            onChange={(v) => patchAreaDraft({ noticeDate: v })}
            testId="tasks-notice-date"
            required
          />
          <RadioGroup<'polygon' | 'circle'>
            label={t('tasks.field.siteMode')}
            options={[
              { value: 'polygon', label: t('tasks.siteMode.polygon') },
              { value: 'circle', label: t('tasks.siteMode.circle') },
            ]}
            value={d.siteMode}
            onChange={(v) => patchAreaDraft({ siteMode: v, geometry: null })}
            testId="tasks-site-mode"
          />
          {d.siteMode === 'circle' && (
            <NumberField
              label={t('tasks.field.radius')}
              unit="m"
              min={0.1}
              max={10000}
              value={d.radiusMetres}
              onChange={(v) => {
                patchAreaDraft({ radiusMetres: v });
                if (d.siteCentre && v !== null && v > 0) void rebuffer().then(buffered, (e: unknown) => setError(errorText(e, t)));
              }}
              testId="tasks-radius"
            />
          )}
        </>
      )}
      <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" className="btn small" data-testid="tasks-draw" disabled={drawing} onClick={() => drawAreaShape(wb, buffered)}>
          {hasShape ? t('tasks.draw.again', { what: shapeLabel }) : shapeLabel}
        </button>
        {drawing && <span className="muted">{t('tasks.draw.hint')}</span>}
        <span className="muted" data-testid="tasks-draft-mu">
          {mu !== null ? t('tasks.draftMu', { mu: formatMu(mu) }) : hasShape ? '' : t('tasks.draw.none')}
        </span>
      </div>
      <AreaPeopleRules />
      <TextField label={t('tasks.field.notes')} value={d.notes} onChange={(v) => patchAreaDraft({ notes: v })} testId="tasks-area-notes" />
      {problem && problem !== 'geometry' && !error && <p className="muted">{reasonText(t, problem)}</p>}
      {error && (
        <p className="msg error" role="alert" data-testid="tasks-area-error">
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 6, justifyContent: 'flex-end' }}>
        <button type="button" className="btn small" onClick={cancel} disabled={busy}>
          {t('tasks.cancel')}
        </button>
        <button type="submit" className="btn small primary" disabled={busy} data-testid="tasks-area-save">
          {t('tasks.save')}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { CheckboxField, NumberField } from '../../../ui/fields';
import { Icon } from '../../../ui/Icon';
import { useWorkbench } from '../../../ui/workbench';
import type { InspectionSurveyPoint } from '../../../../shared/domain/inspection/inspection-record';
import { formatDms, gridBearingDegrees } from '../../../../shared/domain/survey/bearing';
import { SIDE_DECIMALS } from '../../../../shared/domain/survey/table';
import { formatMetres } from '../../../../shared/domain/units/format';
import type { GkZoneRef } from '../../../../shared/domain/units/area';
import { formatSurveyIssue } from '../../../../shared/i18n/survey';
import type { InspectionSectionProps } from '../../inspection';
import { importSurveyFile, openSection, pickers, SECTION_KEY } from '../survey-session';
import {
  boundaryOf,
  displayY,
  editPoints,
  parseCoordinate,
  pointsHavePrefix,
  recordPlot,
  storedY,
  zoneNumberOf,
  zoneOfInput,
  type PointEdit,
} from '../survey.logic';
import { exportBaopan, exportCass } from '../survey-export';
import { MethodSelect } from './MethodSelect';
import { PlotFigures } from './PlotFigures';

/** A coordinate cell: typed text kept until Enter or leaving the cell; a text that is not a number is refused there. */
function NumberCell({
  value,
  decimals,
  onCommit,
  disabled,
  testId,
  label,
  optional,
  narrow,
}: {
  narrow?: boolean;
  value: number | null;
  decimals: number;
  onCommit: (v: number | null) => void;
  disabled: boolean;
  testId: string;
  label: string;
  optional?: boolean;
}) {
  const shown = value === null ? '' : value.toFixed(decimals);
  const [text, setText] = useState<string | null>(null);
  const current = text ?? shown;
  const parsed = current.trim() === '' && optional ? null : parseCoordinate(current);
  const bad = text !== null && parsed === null && !(optional && current.trim() === '');
  const commit = () => {
    if (text === null) return;
    if (!bad) onCommit(parsed);
    if (!bad) setText(null);
  };
  return (
    <input
      className={`field-input num survey-cell${narrow ? ' survey-h' : ''}${bad ? ' invalid' : ''}`}
      value={current}
      disabled={disabled}
      aria-label={label}
      aria-invalid={bad || undefined}
      data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(null);
      }}
    />
  );
}

function NameCell({
  value,
  onCommit,
  disabled,
  testId,
  label,
}: {
  value: string;
  onCommit: (v: string) => void;
  disabled: boolean;
  testId: string;
  label: string;
}) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text !== null && text.trim() !== '') onCommit(text.trim());
    setText(null);
  };
  return (
    <input
      className="field-input survey-cell survey-name"
      value={text ?? value}
      disabled={disabled}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/**
 * 界址点 (the inspection record's section, order 20): the boundary points table — 点号, X 北, Y 东 (with or without the
 * zone prefix), H, 测量方法, 边长 and 坐标方位角 to the next point — editable (a cell, a row added after, removed,
 * moved), and under it the zone, 闭合差 and 面积. Edits are a draft until 保存界址点 rebuilds the boundary from them
 * (refused with its reason when it is not simple); an import saves at once. Export as CASS .dat or 报盘.
 */
export function SurveySection({ record, readOnly, save }: InspectionSectionProps) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const [draft, setDraft] = useState<InspectionSurveyPoint[] | null>(null);
  const [draftZone, setDraftZone] = useState<number | null>(null);
  const [withPrefix, setWithPrefix] = useState(true);
  const [busy, setBusy] = useState(false);
  // The panel may hand a new `save` on every render: the published one calls the latest (no effect loop).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    openSection.set({ record, readOnly, save: (patch, what) => saveRef.current(patch, what) });
  }, [record, readOnly]);
  useEffect(() => {
    wb.setKey(SECTION_KEY, true);
    return () => {
      openSection.set(null);
      wb.setKey(SECTION_KEY, false);
    };
  }, [wb]);
  // Another record, or a new save of this one (an import): the draft is the stored points again.
  useEffect(() => {
    setDraft(null);
    setDraftZone(null);
  }, [record]);
  const points = draft ?? record.surveyPoints;
  const zone: GkZoneRef | null = (draftZone !== null ? zoneOfInput(draftZone) : null) ?? record.zone;
  const plot = useMemo(() => recordPlot(points, zone, record.number || t('survey.title'), t('survey.title')), [points, zone, record.number, t]);
  const zoneNo = zoneNumberOf(points, zone);
  const storedPrefix = pointsHavePrefix(points);
  const edit = (e: PointEdit) => setDraft(editPoints(points, e));
  const dirty = draft !== null || draftZone !== null;
  const needsZone = points.length > 0 && !storedPrefix && !record.zone;

  const apply = async () => {
    const out = boundaryOf(points, zone, record.number || t('survey.title'), t('survey.title'));
    if (!out.ok) {
      wb.notices.error(
        out.issue ? formatSurveyIssue(out.issue, lang) : t(out.reason === 'zoneUnknown' ? 'survey.section.needsZone' : 'survey.section.noPoints'),
      );
      return;
    }
    setBusy(true);
    const saved = await save(out.patch, t('survey.save.edit'));
    setBusy(false);
    if (saved) wb.notices.push('info', t('survey.section.saved', { count: points.length }));
  };
  const rowsByRing = new Map<number, number[]>();
  points.forEach((p, i) => rowsByRing.set(p.ring, [...(rowsByRing.get(p.ring) ?? []), i]));
  const ringOf = (i: number) => plot?.rings.find((r) => r.ringNo === points[i]?.ring);

  return (
    <div
      className="survey-section"
      data-testid="survey-section"
      data-points={points.length}
      data-dirty={dirty || undefined}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (!f) return;
        e.preventDefault();
        e.stopPropagation();
        void f.arrayBuffer().then((b) => importSurveyFile('open', f.name, new Uint8Array(b), { notices: wb.notices, t, lang }));
      }}
    >
      <div className="survey-actions">
        <button type="button" className="btn" data-testid="survey-import-button" onClick={() => pickers.open?.()}>
          {t('survey.section.import')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="survey-export-dat"
          disabled={points.length === 0 || dirty}
          onClick={() => wb.attempt('survey.section.exportDat', () => exportCass(record, t, wb.notices))}
        >
          {t('survey.section.exportDat')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="survey-export-baopan"
          disabled={points.length === 0 || dirty || !plot?.area || plot.zone.kind !== 'known'}
          onClick={() => wb.attempt('survey.section.exportBaopan', () => exportBaopan(record, t, wb.notices))}
        >
          {t('survey.section.exportBaopan')}
        </button>
      </div>
      {points.length === 0 ? (
        <p className="field-hint" data-testid="survey-empty">
          {t('survey.section.empty')}
        </p>
      ) : (
        <>
          <div className="survey-options">
            <CheckboxField
              label={t('survey.section.withPrefix')}
              checked={withPrefix}
              onChange={setWithPrefix}
              disabled={zoneNo === null}
              testId="survey-prefix-toggle"
            />
            <MethodSelect
              bare
              value={points.every((q) => q.method === points[0]?.method) ? (points[0]?.method ?? null) : null}
              label={t('survey.section.methodAll')}
              testId="survey-method-all"
              disabled={busy}
              onChange={(m) => edit({ kind: 'methodAll', method: m })}
            />
            <span className="field-hint">{t('survey.section.methodAll')}</span>
          </div>
          {needsZone && (
            <NumberField
              label={t('survey.confirm.zone')}
              hint={t('survey.confirm.zoneHint')}
              integer
              value={draftZone}
              onChange={setDraftZone}
              error={draftZone !== null && !zoneOfInput(draftZone) ? t('survey.confirm.zoneBad') : null}
              testId="survey-section-zone"
            />
          )}
          <div className="survey-table-wrap">
            <table className="survey-table" data-testid="survey-table">
              <thead>
                <tr>
                  <th>{t('survey.col.name')}</th>
                  <th>{t('survey.col.x')}</th>
                  <th>{t('survey.col.y')}</th>
                  <th>{t('survey.col.h')}</th>
                  <th>{t('survey.col.method')}</th>
                  <th>{t('survey.col.side')}</th>
                  <th>{t('survey.col.bearing')}</th>
                  <th aria-label={t('survey.col.actions')} />
                </tr>
              </thead>
              <tbody>
                {points.map((p, i) => {
                  const ringRows = rowsByRing.get(p.ring) ?? [];
                  const k = ringRows.indexOf(i);
                  const next = points[ringRows[(k + 1) % ringRows.length] as number];
                  const side = ringOf(i)?.sidesMetres[k];
                  const bearing = next && next !== p ? formatDms(gridBearingDegrees(p, next)) : '—';
                  const cell = (f: string) => `survey-cell-${f}-${i}`;
                  return (
                    <tr key={i} data-testid="survey-row" data-name={p.name} data-ring={p.ring}>
                      <td>
                        <NameCell
                          value={p.name}
                          label={t('survey.col.name')}
                          disabled={busy}
                          testId={cell('name')}
                          onCommit={(v) => edit({ kind: 'set', index: i, field: 'name', value: v })}
                        />
                        {p.ring > 1 && <span className="survey-ring">{t('survey.section.ring', { ring: p.ring })}</span>}
                      </td>
                      <td>
                        <NumberCell
                          value={p.x}
                          decimals={3}
                          label={t('survey.col.x')}
                          disabled={busy}
                          testId={cell('x')}
                          onCommit={(v) => v !== null && edit({ kind: 'set', index: i, field: 'x', value: v })}
                        />
                      </td>
                      <td>
                        <NumberCell
                          value={displayY(p.y, withPrefix, zoneNo)}
                          decimals={3}
                          label={t('survey.col.y')}
                          disabled={busy}
                          testId={cell('y')}
                          onCommit={(v) => v !== null && edit({ kind: 'set', index: i, field: 'y', value: storedY(v, storedPrefix, zoneNo) })}
                        />
                      </td>
                      <td>
                        <NumberCell
                          value={p.h}
                          decimals={3}
                          optional
                          narrow
                          label={t('survey.col.h')}
                          disabled={busy}
                          testId={cell('h')}
                          onCommit={(v) => edit({ kind: 'set', index: i, field: 'h', value: v })}
                        />
                      </td>
                      <td>
                        <MethodSelect
                          bare
                          value={p.method}
                          label={t('survey.col.method')}
                          testId={cell('method')}
                          disabled={busy}
                          onChange={(m) => edit({ kind: 'set', index: i, field: 'method', value: m })}
                        />
                      </td>
                      <td className="num" data-testid={cell('side')}>
                        {side === undefined ? '—' : formatMetres(side, { decimals: SIDE_DECIMALS })}
                      </td>
                      <td className="num">{bearing}</td>
                      <td className="survey-row-actions">
                        <button
                          type="button"
                          className="icon-btn"
                          title={t('survey.row.up')}
                          aria-label={t('survey.row.up')}
                          disabled={busy || k === 0}
                          onClick={() => edit({ kind: 'move', index: i, by: -1 })}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="icon-btn"
                          title={t('survey.row.down')}
                          aria-label={t('survey.row.down')}
                          disabled={busy || k === ringRows.length - 1}
                          onClick={() => edit({ kind: 'move', index: i, by: 1 })}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="icon-btn"
                          title={t('survey.row.insert')}
                          aria-label={t('survey.row.insert')}
                          data-testid={`survey-insert-${i}`}
                          disabled={busy}
                          onClick={() => edit({ kind: 'insertAfter', index: i })}
                        >
                          +
                        </button>
                        <button
                          type="button"
                          className="icon-btn"
                          title={t('survey.row.remove')}
                          aria-label={t('survey.row.remove')}
                          data-testid={`survey-remove-${i}`}
                          disabled={busy}
                          onClick={() => edit({ kind: 'remove', index: i })}
                        >
                          <Icon name="close" />
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {plot && <PlotFigures plot={plot} testId="survey-figures" />}
          {dirty && (
            <div className="survey-actions">
              <button type="button" className="btn primary" data-testid="survey-apply" disabled={busy} onClick={() => void apply()}>
                {t('survey.section.apply')}
              </button>
              <button
                type="button"
                className="btn"
                data-testid="survey-revert"
                disabled={busy}
                onClick={() => {
                  setDraft(null);
                  setDraftZone(null);
                }}
              >
                {t('survey.section.revert')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

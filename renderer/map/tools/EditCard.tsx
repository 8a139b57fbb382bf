/**
 * The editing session's card over the map (top left, where the measure card sits: one tool runs at a time): what to
 * do next, the live figures (sides planar in the zone, area in m² and 亩, README Domain rules 1 and 2), a field to type
 * a vertex (X, Y in the zone or lon/lat), the session's commands, the snapping state and why the last action was
 * refused. It shows the session's view and calls its EditorHandle; nothing here decides anything.
 */
import { useState, type CSSProperties, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { formatMetres, formatMu, formatSquareMetres } from '../../../shared/domain/units/format';
import type { EditorHandle } from './edit-session';
import type { EditView } from './types';

const BUTTONS: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 6 };
const REFUSAL: CSSProperties = { color: '#c92a2a', fontSize: 12, marginTop: 4 };

function hintOf(v: EditView): MessageKey {
  if (v.phase === 'picking') return 'edit.hint.picking';
  if (v.phase === 'drawing' && v.drawing)
    return v.drawing.purpose === 'split' ? 'edit.hint.split' : (`edit.hint.drawing.${v.drawing.mode}` as MessageKey);
  return v.phase === 'editing' ? 'edit.hint.editing' : 'edit.hint.idle';
}

function snapKey(v: EditView): MessageKey {
  if (!v.snap.enabled) return 'edit.snap.off';
  if (v.snap.suspended) return 'edit.snap.suspended';
  if (v.snap.hit) return v.snap.hit.kind === 'vertex' ? 'edit.snap.vertex' : 'edit.snap.edge';
  return 'edit.snap.on';
}

function Figures({ v }: { v: EditView }) {
  const { t } = useI18n();
  const f = v.figures;
  if (!f) return null;
  const last = f.sidesMetres[f.sidesMetres.length - 1];
  const polygon = v.drawing ? v.drawing.mode === 'polygon' : v.features.find((x) => x.id === v.selected)?.geometry.type === 'Polygon';
  return (
    <div data-testid="edit-figures">
      {last !== undefined && (
        <div className="map-card-row">
          <span>{t('edit.sides', { count: f.sidesMetres.length })}</span>
          <span data-testid="edit-last-side" data-metres={last.toFixed(3)}>
            {t('edit.lastSide')} {formatMetres(last, { decimals: 2 })} m
          </span>
        </div>
      )}
      <div className="map-card-row">
        <span>{t(polygon ? 'edit.perimeter' : 'edit.length')}</span>
        <strong data-testid="edit-length" data-metres={f.lengthMetres.toFixed(3)}>
          {formatMetres(f.lengthMetres, { decimals: 2, thousands: true })} m
        </strong>
      </div>
      {f.area && (
        <>
          <div className="map-card-row">
            <span>{t('edit.planarArea')}</span>
            <strong data-testid="edit-area" data-m2={f.area.planarM2.toFixed(4)}>
              {formatSquareMetres(f.area.planarM2, { thousands: true })} {t('unit.m2')}
            </strong>
          </div>
          <div className="map-card-row">
            <span>{t('edit.mu')}</span>
            <strong data-testid="edit-area-mu">
              {formatMu(f.area.mu, { thousands: true })} {t('unit.mu')}
            </strong>
          </div>
        </>
      )}
      <div className="map-card-note" data-testid="edit-zone">
        {t('edit.zone', { width: f.zone.width, zone: f.zone.zone })}
      </div>
    </div>
  );
}

function VertexInput({ editor }: { editor: EditorHandle }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editor.addVertexText(text).ok) setText('');
  };
  return (
    <form onSubmit={submit} style={{ display: 'flex', gap: 4, marginTop: 6 }} aria-label={t('edit.vertex.label')}>
      <input
        data-testid="edit-vertex-input"
        aria-label={t('edit.vertex.label')}
        placeholder={t('edit.vertex.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ flex: 1, minWidth: 0, height: 24, padding: '0 6px', border: '1px solid #ccc', borderRadius: 3, fontSize: 12 }}
      />
      <button type="submit" className="btn small" data-testid="edit-vertex-add">
        {t('edit.vertex.add')}
      </button>
    </form>
  );
}

export function EditCard({ view: v, editor }: { view: EditView; editor: EditorHandle }) {
  const { t } = useI18n();
  const free = v.phase === 'idle' || v.phase === 'editing';
  const selectedPolygon = v.features.find((f) => f.id === v.selected)?.geometry.type === 'Polygon';
  const button = (testId: string, label: MessageKey, run: () => void, enabled = true) => (
    <button type="button" className="btn small" data-testid={testId} disabled={!enabled || v.busy} onClick={run}>
      {t(label)}
    </button>
  );
  return (
    <div
      className="map-card edit-card"
      role="region"
      aria-label={v.title ?? t('edit.title')}
      data-testid="edit-card"
      data-phase={v.phase}
      data-selected={v.selected ?? ''}
      data-count={v.features.length}
    >
      <div className="map-card-row">
        <strong>{v.title ?? t('edit.title')}</strong>
        <span className="map-card-note">{t('edit.count', { count: v.features.length })}</span>
      </div>
      <div className="map-card-note" data-testid="edit-hint">
        {t(hintOf(v))}
      </div>
      <Figures v={v} />
      <VertexInput editor={editor} />
      <div style={BUTTONS}>
        {button('edit-undo', 'edit.undo', () => editor.undo(), v.canUndo)}
        {button('edit-redo', 'edit.redo', () => editor.redo(), v.canRedo)}
        {v.allow.draw && button('edit-draw', 'edit.draw', () => editor.draw(), free)}
        {v.allow.split && button('edit-split', 'edit.split', () => editor.split(), free && selectedPolygon)}
        {v.allow.merge && button('edit-merge', 'edit.merge', () => void editor.merge(), free && selectedPolygon)}
        {v.allow.remove && button('edit-remove', 'edit.remove', () => editor.remove(), free && v.selected !== null)}
      </div>
      <div style={BUTTONS}>
        <button type="button" className="btn small primary" data-testid="edit-finish" disabled={!free || v.busy} onClick={() => editor.finish()}>
          {t('edit.finish')}
        </button>
        {button('edit-cancel', 'edit.cancel', () => editor.cancel())}
      </div>
      <div className="map-card-note" data-testid="edit-snap" data-snap={v.snap.hit?.kind ?? ''} data-suspended={v.snap.suspended ? 'true' : 'false'}>
        {t(snapKey(v))}
        {v.snap.incomplete && ` ${t('edit.snap.incomplete')}`}
      </div>
      {v.busy && <div className="map-card-note">{t('edit.busy')}</div>}
      {v.refusal && (
        <div style={REFUSAL} role="alert" data-testid="edit-refusal" data-code={v.refusal}>
          {t(`edit.refusal.${v.refusal}` as MessageKey)}
        </div>
      )}
      <div className="map-card-note">{t('edit.hint.keys')}</div>
    </div>
  );
}

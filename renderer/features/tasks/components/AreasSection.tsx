import { useMemo, useState } from 'react';
import { localDateOf, type DateKey } from '../../../../shared/domain/patrol/calendar';
import type { PatrolArea, PatrolAreaKind } from '../../../../shared/domain/patrol/patrol-area-record';
import { formatMu } from '../../../../shared/domain/units/format';
import { useI18n, type MessageKey } from '../../../i18n';
import { DateField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { patrolState } from '../../patrol';
import { closeSite, deleteArea, fitGeometry } from '../tasks-actions';
import { areaGroups, areaMuOf, draftOfArea, emptyAreaDraft, KIND_COLOURS, PATROL_AREA_KIND_ORDER } from '../tasks.logic';
import { patrolAreaState, tasksState } from '../tasks-state';
import { AreaForm } from './AreaForm';
import { reasonText } from './text';

export const KIND_KEYS: Record<PatrolAreaKind, MessageKey> = {
  keyArea: 'tasks.kind.keyArea',
  corridor: 'tasks.kind.corridor',
  stopNoticeSite: 'tasks.kind.stopNoticeSite',
  other: 'tasks.kind.other',
};
const NEW_KEYS: Record<PatrolAreaKind, MessageKey> = {
  keyArea: 'tasks.new.keyArea',
  corridor: 'tasks.new.corridor',
  stopNoticeSite: 'tasks.new.stopNoticeSite',
  other: 'tasks.new.other',
};

/** 巡查区域: new areas by kind, the list grouped by kind, the selected area's details (or the form being edited). */
export function AreasSection() {
  const { t } = useI18n();
  const { areas } = useStore(patrolAreaState);
  const { selectedAreaId, areaDraft } = useStore(tasksState);
  const groups = useMemo(() => areaGroups(areas), [areas]);
  const selected = areas.find((a) => a.id === selectedAreaId && a.deletedAt === null) ?? null;
  if (areaDraft) return <AreaForm key={areaDraft.id ?? `new-${areaDraft.kind}`} />;
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {PATROL_AREA_KIND_ORDER.map((kind) => (
          <button
            key={kind}
            type="button"
            className="btn small"
            data-testid={`tasks-new-${kind}`}
            onClick={() => tasksState.set((s) => ({ ...s, areaDraft: emptyAreaDraft(kind) }))}
          >
            {t(NEW_KEYS[kind])}
          </button>
        ))}
      </div>
      {groups.every((g) => g.areas.length === 0) && <p className="empty-note">{t('tasks.areas.empty')}</p>}
      {groups
        .filter((g) => g.areas.length > 0)
        .map((g) => (
          <div key={g.kind} data-testid="tasks-area-group" data-kind={g.kind}>
            <h3 style={{ margin: '4px 0', fontSize: 13, display: 'flex', alignItems: 'center', gap: 6 }}>
              <span
                aria-hidden="true"
                style={{ width: 12, height: 12, background: KIND_COLOURS[g.kind], display: 'inline-block', borderRadius: 2 }}
              />
              {t(KIND_KEYS[g.kind])}（{g.areas.length}）
            </h3>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {g.areas.map((a) => (
                <AreaRow key={a.id} area={a} selected={a.id === selectedAreaId} />
              ))}
            </ul>
          </div>
        ))}
      {selected && <AreaDetails key={selected.id} area={selected} />}
    </>
  );
}

function AreaRow({ area, selected }: { area: PatrolArea; selected: boolean }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const open = area.stopNotice && area.stopNotice.closedDate === null;
  return (
    <li
      data-testid="tasks-area-row"
      data-area-id={area.id}
      data-kind={area.kind}
      aria-selected={selected}
      onClick={() => {
        tasksState.set((s) => ({ ...s, selectedAreaId: selected ? null : area.id }));
        if (!selected) fitGeometry(wb, area.geometry);
      }}
      style={{ padding: '3px 6px', cursor: 'pointer', display: 'flex', gap: 6, background: selected ? 'rgba(0, 229, 255, 0.18)' : undefined }}
    >
      <span data-testid="tasks-area-name">{area.name}</span>
      {area.keyAreaKind && <span className="muted">{area.keyAreaKind}</span>}
      {area.corridor && <span className="muted">{t('tasks.widthValue', { m: area.corridor.widthMetres })}</span>}
      {area.stopNotice && (
        <span className="muted" data-testid="tasks-site-state">
          {open ? t('tasks.site.open') : t('tasks.site.closed', { date: area.stopNotice.closedDate ?? '' })}
        </span>
      )}
    </li>
  );
}

function AreaDetails({ area }: { area: PatrolArea }) {
  const { t } = useI18n();
  const { rules } = useStore(patrolState);
  const mu = useMemo(() => areaMuOf(area.geometry, area.zone), [area]);
  const [closing, setClosing] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ruleName = (id: string) => rules.find((r) => r.id === id)?.name ?? t('tasks.rule.unknown', { id });
  const fail = (reason: string) => setError(t('tasks.refused', { reason: reasonText(t, reason) }));
  return (
    <div data-testid="tasks-area-details" style={{ borderTop: '1px solid rgba(0,0,0,0.12)', paddingTop: 6 }}>
      <h3 style={{ margin: '2px 0 0' }}>{area.name}</h3>
      <p className="muted" style={{ margin: '0 0 4px' }}>
        {t(KIND_KEYS[area.kind])}
        {area.keyAreaKind && ` · ${area.keyAreaKind}`}
      </p>
      <table className="kv">
        <tbody>
          <tr>
            <th>{t('tasks.field.area')}</th>
            <td data-testid="tasks-area-mu">{mu === null ? '—' : t('tasks.muValue', { mu: formatMu(mu), zone: area.zone.zone })}</td>
          </tr>
          {area.corridor && (
            <tr>
              <th>{t('tasks.field.width')}</th>
              <td>{t('tasks.widthValue', { m: area.corridor.widthMetres })}</td>
            </tr>
          )}
          {area.stopNotice && (
            <tr>
              <th>{t('tasks.field.notice')}</th>
              <td data-testid="tasks-area-notice">
                {t('tasks.noticeValue', { no: area.stopNotice.noticeNo || '—', date: area.stopNotice.noticeDate })}
                {area.stopNotice.closedDate && ` · ${t('tasks.site.closed', { date: area.stopNotice.closedDate })}`}
              </td>
            </tr>
          )}
          <tr>
            <th>{t('tasks.field.people')}</th>
            <td>
              {area.people.length === 0
                ? t('tasks.none')
                : area.people.map((p) => (p.lawEnforcementCertNo ? `${p.name}（${p.lawEnforcementCertNo}）` : p.name)).join('、')}
            </td>
          </tr>
          <tr>
            <th>{t('tasks.field.rules')}</th>
            <td data-testid="tasks-area-rules">{area.ruleIds.length === 0 ? t('tasks.none') : area.ruleIds.map(ruleName).join('；')}</td>
          </tr>
          {area.notes && (
            <tr>
              <th>{t('tasks.field.notes')}</th>
              <td>{area.notes}</td>
            </tr>
          )}
          <tr>
            <th>{t('tasks.field.history')}</th>
            <td className="muted">{t('tasks.historyCount', { n: area.history.length })}</td>
          </tr>
        </tbody>
      </table>
      {closing !== null && (
        <div style={{ display: 'flex', gap: 6, alignItems: 'end' }}>
          <DateField label={t('tasks.site.closeDate')} value={closing} onChange={(v) => setClosing(v ?? '')} testId="tasks-close-date" />
          <button
            type="button"
            className="btn small primary"
            data-testid="tasks-close-confirm"
            onClick={() => void closeSite(area.id, closing as DateKey).then((r) => (r.ok ? setClosing(null) : fail(r.reason)))}
          >
            {t('tasks.site.closeConfirm')}
          </button>
        </div>
      )}
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginTop: 6 }}>
        <button
          type="button"
          className="btn small"
          data-testid="tasks-area-edit"
          onClick={() => tasksState.set((s) => ({ ...s, areaDraft: draftOfArea(area) }))}
        >
          {t('tasks.edit')}
        </button>
        {area.stopNotice && area.stopNotice.closedDate === null && closing === null && (
          <button type="button" className="btn small" data-testid="tasks-site-close" onClick={() => setClosing(localDateOf(Date.now()))}>
            {t('tasks.site.close')}
          </button>
        )}
        {confirmDelete ? (
          <>
            <span className="muted">{t('tasks.deleteConfirm')}</span>
            <button
              type="button"
              className="btn small danger"
              data-testid="tasks-area-delete-confirm"
              onClick={() => void deleteArea(area.id).then((r) => !r.ok && fail(r.reason))}
            >
              {t('tasks.delete')}
            </button>
            <button type="button" className="btn small" onClick={() => setConfirmDelete(false)}>
              {t('tasks.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="btn small" data-testid="tasks-area-delete" onClick={() => setConfirmDelete(true)}>
            {t('tasks.delete')}
          </button>
        )}
      </div>
    </div>
  );
}

import { useMemo } from 'react';
import type { PatrolArea, PatrolAreaKind } from '../../../../shared/domain/patrol/patrol-area-record';
import { useI18n, type MessageKey } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { fitGeometry } from '../tasks-actions';
import { areaGroups, emptyAreaDraft, KIND_COLOURS, PATROL_AREA_KIND_ORDER } from '../tasks.logic';
import { patrolAreaState, tasksState } from '../tasks-state';
import { AreaDetails } from './AreaDetails';
import { AreaForm } from './AreaForm';
import { KIND_KEYS } from './text';
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

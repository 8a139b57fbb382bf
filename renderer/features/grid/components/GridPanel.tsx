import { useMemo, useState } from 'react';
import type { GridArea } from '../../../../shared/domain/grid/area-record';
import { formatNumber, useI18n, type MessageKey, type Translate } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { areaFiguresOf, gridRows } from '../grid.logic';
import { gridState, selectArea } from '../grid-state';
import { gridEditState, startDrawing } from '../grid-map-edit';
import { useWorkbench } from '../../../ui/workbench';
import { AreaActions } from './AreaActions';
import { PendingNamesForm } from './PendingNamesForm';
import { TopologyList } from './TopologyList';
import { AreaEditForm } from './AreaEditForm';
import { GenerateForm } from './GenerateForm';
import { PromoteForm } from './PromoteForm';

const LEVEL_KEYS = { county: 'grid.level.county', township: 'grid.level.township', village: 'grid.level.village', cell: 'grid.level.cell' } as const;

/** A refused write as the user reads it (the repository's named reason; the rare ones by their code). */
export function writeReasonText(t: Translate, reason: string): string {
  const known: Record<string, MessageKey> = {
    missingName: 'grid.reason.missingName',
    parentMissing: 'grid.reason.parentMissing',
    levelMismatch: 'grid.reason.levelMismatch',
    badGeometry: 'grid.reason.badGeometry',
  };
  const key = known[reason];
  return t('grid.writeRefused', { reason: key ? t(key) : t('grid.reason.other', { reason }) });
}

/** 网格: the area tree (county → township → village → cell) with codes and cell counts, the selected area's details. */
export function GridPanel() {
  const { t, lang } = useI18n();
  const { areas, selectedId } = useStore(gridState);
  const rows = useMemo(() => gridRows(areas), [areas]);
  const [promoting, setPromoting] = useState(false);
  const { pending } = useStore(gridEditState);
  const wb = useWorkbench();
  const selected = areas.find((a) => a.id === selectedId) ?? null;
  return (
    <section className="panel grid-panel" data-testid="grid-panel">
      <header className="panel-header">
        <h2>{t('grid.title')}</h2>
        <button type="button" className="btn small" data-testid="grid-promote-open" onClick={() => setPromoting((p) => !p)}>
          {t('grid.promote')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="grid-draw-top"
          title={t('gridMap.drawTopHint')}
          onClick={() => {
            const map = wb.map.current();
            if (map) startDrawing(map, null, t);
          }}
        >
          {t('gridMap.drawTop')}
        </button>
      </header>
      {promoting && <PromoteForm areas={areas} onDone={() => setPromoting(false)} />}
      {pending && <PendingNamesForm pending={pending} />}
      {rows.length === 0 ? (
        <p className="empty-note">{t('grid.empty')}</p>
      ) : (
        <ul className="grid-tree" role="tree" style={{ listStyle: 'none', margin: 0, padding: '4px 0', overflow: 'auto', maxHeight: '50%' }}>
          {rows.map(({ area, depth, cells }) => (
            <li
              key={area.id}
              role="treeitem"
              aria-selected={area.id === selectedId}
              data-testid="grid-row"
              data-level={area.level}
              data-area-id={area.id}
              onClick={() => selectArea(area.id === selectedId ? null : area.id)}
              style={{
                paddingLeft: 8 + depth * 14,
                paddingRight: 8,
                cursor: 'pointer',
                display: 'flex',
                gap: 6,
                alignItems: 'baseline',
                background: area.id === selectedId ? 'rgba(0, 229, 255, 0.18)' : undefined,
              }}
            >
              <span className="grid-name" data-testid="grid-name">
                {area.name}
              </span>
              <span className="muted">{t(LEVEL_KEYS[area.level])}</span>
              {area.code !== null && <span className="muted">{area.code}</span>}
              {area.keyArea && (
                <span className="grid-key-badge" data-testid="grid-key-badge" title={area.keyArea.kind} style={{ color: '#c0392b' }}>
                  {t('gridMap.keyBadge')}
                </span>
              )}
              {area.level !== 'cell' && (
                <span className="muted" data-testid="grid-cell-count" style={{ marginLeft: 'auto' }}>
                  {t('grid.cells', { count: formatNumber(lang, cells) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {selected && <AreaDetails key={selected.id} area={selected} />}
    </section>
  );
}

function AreaDetails({ area }: { area: GridArea }) {
  const { t, lang } = useI18n();
  const figures = useMemo(() => areaFiguresOf(area), [area]);
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <div className="grid-details" data-testid="grid-details" style={{ padding: '6px 10px', borderTop: '1px solid rgba(0,0,0,0.12)' }}>
        <AreaEditForm area={area} onDone={() => setEditing(false)} />
      </div>
    );
  return (
    <div className="grid-details" data-testid="grid-details" style={{ padding: '6px 10px', borderTop: '1px solid rgba(0,0,0,0.12)' }}>
      <h3 style={{ margin: '4px 0' }} data-testid="grid-details-name">
        {area.name} <span className="muted">{t(LEVEL_KEYS[area.level])}</span>
        <button type="button" className="btn small" style={{ float: 'right' }} onClick={() => setEditing(true)} data-testid="grid-edit-open">
          {t('grid.edit')}
        </button>
      </h3>
      <AreaActions area={area} />
      <table className="kv">
        <tbody>
          <tr>
            <th>{t('grid.code')}</th>
            <td>{area.code ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('grid.area')}</th>
            <td data-testid="grid-details-area">
              {figures
                ? t('grid.areaValue', { m2: formatNumber(lang, figures.planarM2, 0), mu: formatNumber(lang, figures.mu, 2), zone: figures.zone.zone })
                : t('grid.noBoundary')}
            </td>
          </tr>
          <tr>
            <th>{t('grid.people')}</th>
            <td data-testid="grid-details-people">
              {area.people.length === 0
                ? t('grid.none')
                : area.people.map((p, i) => (
                    <div key={i}>
                      {p.name}（{p.role}）{p.lawEnforcementCertNo && ` ${t('grid.person.cert')} ${p.lawEnforcementCertNo}`}
                      {p.phone && ` ${p.phone}`}
                    </div>
                  ))}
            </td>
          </tr>
          <tr>
            <th>{t('grid.rules')}</th>
            <td>{area.ruleIds.length === 0 ? t('grid.none') : area.ruleIds.join('、')}</td>
          </tr>
          <tr>
            <th>{t('grid.keyArea')}</th>
            <td data-testid="grid-details-key">{area.keyArea ? area.keyArea.kind : t('grid.none')}</td>
          </tr>
          <tr>
            <th>{t('gridMap.form.duties')}</th>
            <td data-testid="grid-details-duties" style={{ whiteSpace: 'pre-wrap' }}>
              {area.duties.trim() === '' ? t('grid.none') : area.duties}
            </td>
          </tr>
        </tbody>
      </table>
      <TopologyList parent={area} />
      {area.level !== 'cell' && area.geometry && <GenerateForm key={area.id} parent={area} />}
    </div>
  );
}

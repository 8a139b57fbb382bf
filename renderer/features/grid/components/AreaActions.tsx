import { useState } from 'react';
import { polygonsOf } from '../../../../shared/domain/geometry/area';
import { polygonsBbox } from '../../../../shared/domain/geometry/bbox';
import type { GridArea } from '../../../../shared/domain/grid/area-record';
import { formatNumber, useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../grid-state';
import {
  checkChildren,
  gridEditState,
  placementText,
  startBoundaryEdit,
  startDrawing,
  startMerge,
  startSplit,
  type SaveOutcome,
} from '../grid-map-edit';
import { outcomeText } from './outcome-text';

/**
 * The selected area's map actions: 缩放至, 绘制下级区域, 编辑边界, 分割, 合并, 检查拓扑. Each editing action runs one session
 * of the map's toolkit (its card over the map: 完成, 取消, undo/redo, typed vertices); what it stores is said here.
 */
export function AreaActions({ area }: { area: GridArea }) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const { areas } = useStore(gridState);
  const { busy } = useStore(gridEditState);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const hasChildren = areas.some((a) => a.parentId === area.id);
  const fmt = (m2: number) => formatNumber(lang, m2, 2);
  const said = (o: SaveOutcome) =>
    setMessage(
      o.ok
        ? o.overlap
          ? { kind: 'error', text: t('gridMap.savedOverlap', { name: o.overlap.name, other: o.overlap.other, m2: fmt(o.overlap.m2) }) }
          : { kind: 'info', text: t('gridMap.saved') }
        : { kind: 'error', text: o.refusal ? placementText(t, o.refusal, o.name ?? area.name, fmt) : outcomeText(t, o.reason ?? '') },
    );
  const withMap = (fn: (map: NonNullable<ReturnType<typeof wb.map.current>>) => void) => () => {
    setMessage(null);
    const map = wb.map.current();
    if (map) fn(map);
  };
  const polygon = area.geometry?.type === 'Polygon';
  return (
    <div className="grid-actions" data-testid="grid-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: 4, margin: '6px 0' }}>
      <button
        type="button"
        className="btn small"
        data-testid="grid-zoom"
        disabled={!area.geometry}
        onClick={withMap((m) => area.geometry && m.fit(polygonsBbox(polygonsOf(area.geometry)), { maxZoom: 17 }))}
      >
        {t('gridMap.zoom')}
      </button>
      {area.level !== 'cell' && (
        <button type="button" className="btn small" data-testid="grid-draw-child" onClick={withMap((m) => startDrawing(m, area, t))}>
          {t('gridMap.drawChild')}
        </button>
      )}
      <button
        type="button"
        className="btn small"
        data-testid="grid-edit-boundary"
        disabled={!polygon}
        onClick={withMap((m) => startBoundaryEdit(m, area, t, said))}
      >
        {t('gridMap.editBoundary')}
      </button>
      <button
        type="button"
        className="btn small"
        data-testid="grid-split"
        disabled={!polygon || hasChildren}
        title={hasChildren ? t('gridMap.reason.hasChildren') : undefined}
        onClick={withMap((m) => startSplit(m, area, t, said))}
      >
        {t('gridMap.split')}
      </button>
      <button type="button" className="btn small" data-testid="grid-merge" disabled={!polygon} onClick={withMap((m) => startMerge(m, area, t, said))}>
        {t('gridMap.merge')}
      </button>
      {hasChildren && area.geometry && (
        <button
          type="button"
          className="btn small"
          data-testid="grid-topology"
          disabled={busy !== null}
          onClick={() => {
            setMessage(null);
            checkChildren(area).catch((e: unknown) =>
              setMessage({ kind: 'error', text: t('gridMap.topology.failed', { message: errorText(e, t) }) }),
            );
          }}
        >
          {t('gridMap.topology')}
        </button>
      )}
      {message && (
        <p
          className={`msg ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="grid-map-message"
          style={{ flexBasis: '100%', margin: 0 }}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

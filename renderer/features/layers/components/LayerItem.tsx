import { useState, type DragEvent } from 'react';
import { LAYER_KINDS, type LayerKind } from '../../../../shared/domain/layers/kind';
import type { LayerRecord } from '../../../db';
import { formatNumber, useI18n, type MessageKey } from '../../../i18n';
import { ContextMenu } from '../../../ui/ContextMenu';
import { Icon, type IconName } from '../../../ui/Icon';
import { swatchColor } from '../layers.view';

export interface LayerItemActions {
  setVisible(id: string, v: boolean): void;
  setOpacity(id: string, v: number): void;
  rename(id: string, name: string): void;
  remove(id: string): void;
  move(id: string, dir: 'up' | 'down'): void;
  dropOn(dragId: string, targetId: string): void;
  changeKind(id: string, kind: LayerKind): void;
  zoomTo(id: string): void;
  openProperties(id: string): void;
  /** Actions other features contribute to a layer row (the attribute table …), in their order. */
  contributed: readonly {
    id: string;
    labelKey: MessageKey;
    icon: IconName;
    testId?: string;
    when?: (layer: { id: string; kind: LayerKind }) => boolean;
    run(layerId: string): void;
  }[];
}

interface Props {
  layer: LayerRecord;
  isTop: boolean;
  isBottom: boolean;
  actions: LayerItemActions;
}

export function LayerItem({ layer, isTop, isBottom, actions }: Props) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  const [menuAt, setMenuAt] = useState<[number, number] | null>(null);
  const id = layer.id;

  // One list for the row's buttons and its right-click menu (the menu adds 删除, which the row keeps apart).
  const rowActions: { id: string; label: string; icon: IconName; testId?: string; disabled?: boolean; run: () => void }[] = [
    { id: 'zoom', label: t('layers.zoomTo'), icon: 'zoom', testId: 'layer-zoom', disabled: !layer.meta.bboxLngLat, run: () => actions.zoomTo(id) },
    { id: 'rename', label: t('layers.rename'), icon: 'pencil', run: () => setEditing(true) },
    ...actions.contributed
      .filter((a) => !a.when || a.when(layer))
      .map((a) => ({
        id: a.id,
        label: t(a.labelKey),
        icon: a.icon,
        ...(a.testId ? { testId: a.testId } : {}),
        run: () => a.run(id),
      })),
    { id: 'props', label: t('layers.properties'), icon: 'info', testId: 'layer-props', run: () => actions.openProperties(id) },
    { id: 'remove', label: t('layers.remove'), icon: 'close', testId: 'layer-remove', run: () => setConfirming(true) },
  ];

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const dragId = e.dataTransfer.getData('application/x-landpatrol-layer');
    if (dragId && dragId !== id) actions.dropOn(dragId, id);
  };

  return (
    <li
      className={`layer-item${dragOver ? ' drag-over' : ''}${layer.visible ? '' : ' hidden-layer'}`}
      data-testid="layer-item"
      data-layer-id={id}
      data-layer-name={layer.name}
      draggable={!editing}
      onDragStart={(e) => e.dataTransfer.setData('application/x-landpatrol-layer', id)}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('application/x-landpatrol-layer')) {
          e.preventDefault();
          setDragOver(true);
        }
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
      onContextMenu={(e) => {
        if (editing) return;
        e.preventDefault();
        setMenuAt([e.clientX, e.clientY]);
      }}
    >
      {menuAt && (
        <ContextMenu
          x={menuAt[0]}
          y={menuAt[1]}
          testId="layer-context-menu"
          onClose={() => setMenuAt(null)}
          items={rowActions.map((a) => ({ id: a.id, label: a.label, disabled: a.disabled, testId: a.testId && `ctx-${a.testId}`, run: a.run }))}
        />
      )}
      <div className="layer-row">
        <input
          type="checkbox"
          checked={layer.visible}
          title={t('layers.visible')}
          aria-label={t('layers.visible')}
          data-testid="layer-visible"
          onChange={(e) => actions.setVisible(id, e.target.checked)}
        />
        <span className="swatch" style={swatchColor(layer.style, layer.meta.geometryKind)} />
        {editing ? (
          <input
            className="rename-input"
            autoFocus
            defaultValue={layer.name}
            data-testid="layer-rename-input"
            onBlur={(e) => {
              actions.rename(id, e.target.value);
              setEditing(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <span className="layer-name" title={layer.meta.source || layer.name} data-testid="layer-name" onDoubleClick={() => setEditing(true)}>
            {layer.name}
          </span>
        )}
        {layer.sample && (
          <span className="badge sample" title={t('layers.sampleHint')}>
            {t('layers.sample')}
          </span>
        )}
        <span className="layer-count" data-testid="layer-count">
          {t('layers.features', { count: formatNumber(lang, layer.meta.featureCount) })}
        </span>
      </div>
      <div className="layer-row sub">
        <select
          className="kind-select"
          value={layer.kind}
          title={t('layers.kind')}
          data-testid="layer-kind"
          onChange={(e) => actions.changeKind(id, e.target.value as LayerKind)}
        >
          {LAYER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={layer.opacity}
          title={`${t('layers.opacity')} ${Math.round(layer.opacity * 100)}%`}
          data-testid="layer-opacity"
          onChange={(e) => actions.setOpacity(id, Number(e.target.value))}
        />
        <span className="opacity-label">{Math.round(layer.opacity * 100)}%</span>
      </div>
      {confirming ? (
        <div className="layer-row confirm" data-testid="layer-confirm">
          <span>{t('layers.removeConfirm', { name: layer.name })}</span>
          <button className="btn danger small" data-testid="layer-confirm-delete" onClick={() => actions.remove(id)}>
            {t('common.delete')}
          </button>
          <button className="btn small" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="layer-row tools">
          <button className="icon-btn" title={t('layers.up')} disabled={isTop} onClick={() => actions.move(id, 'up')}>
            <Icon name="up" />
          </button>
          <button className="icon-btn" title={t('layers.down')} disabled={isBottom} onClick={() => actions.move(id, 'down')}>
            <Icon name="down" />
          </button>
          {rowActions
            .filter((a) => a.id !== 'remove')
            .map((a) => (
              <button key={a.id} className="icon-btn" title={a.label} data-testid={a.testId} disabled={a.disabled} onClick={a.run}>
                <Icon name={a.icon} />
              </button>
            ))}
          <span className="spacer" />
          <button className="icon-btn danger" title={t('layers.remove')} data-testid="layer-remove" onClick={() => setConfirming(true)}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </li>
  );
}

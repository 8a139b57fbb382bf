/**
 * The common case of an editing session: one stored geometry in, the edited one out (an inspection plot, one grid
 * cell). A feature calls `map.setTool(editGeometryTool({ … }))` and gets the geometry back in onFinish.
 */
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { EditRefusal, EditTool, SnapOptions, ToolGeometry } from './types';

export interface EditGeometryOptions {
  id: string;
  geometry: ToolGeometry;
  zone?: GkZoneRef;
  snap?: SnapOptions | false;
  title?: string;
  onChange?(geometry: ToolGeometry): void;
  onFinish(geometry: ToolGeometry): void;
  onCancel?(): void;
  onRefuse?(reason: EditRefusal): void;
}

/** An EditTool over one geometry, with no new shapes, splits, merges or removal: its vertices are what changes. */
export function editGeometryTool(o: EditGeometryOptions): EditTool {
  const only = (features: readonly { geometry: ToolGeometry }[]): ToolGeometry => features[0]?.geometry ?? o.geometry;
  return {
    kind: 'edit',
    id: o.id,
    features: [{ id: o.id, geometry: o.geometry }],
    zone: o.zone,
    snap: o.snap,
    title: o.title,
    allow: { draw: false, split: false, merge: false, remove: false },
    onChange: o.onChange ? (f) => o.onChange?.(only(f)) : undefined,
    onFinish: (f) => o.onFinish(only(f)),
    onCancel: o.onCancel,
    onRefuse: o.onRefuse,
  };
}

// CONTRACT STUB — implemented by the domain work; signatures are fixed, bodies will be replaced.
import type { FieldDef } from '../../formats/types';

/** What a layer is, for styling and for analysis (DOMAIN.md, "Layers users bring"). */
export type LayerKind =
  | 'permanentFarmland' // 永久基本农田 (YJJBNTTB / JBNTBHTB)
  | 'planningZone' // 国土空间规划分区 GHFQ / 土地用途区 TDYTQ / 城镇开发边界 CZKFBJ / 建设用地管制区
  | 'landClass' // 地类图斑 DLTB
  | 'changePatch' // 卫片图斑
  | 'approvalSupply' // 报批 / 供地
  | 'adminBoundary' // 行政区 XZQ
  | 'other';

export const LAYER_KINDS: readonly LayerKind[] = ['permanentFarmland', 'planningZone', 'landClass', 'changePatch', 'approvalSupply', 'adminBoundary', 'other'];

/** A colour rule the map code turns into a maplibre expression. Colours are CSS hex strings. */
export type ColorRule =
  | { type: 'constant'; color: string }
  | {
      type: 'categorical';
      field: string;
      /** Compare only the first N characters of the value (e.g. DLBM "0101" → "01"), longest match first. */
      stops: { value: string; color: string; label: string }[];
      defaultColor: string;
    };

export interface LayerStyle {
  fill: ColorRule | null;
  fillOpacity: number;
  line: { color: string; widthPx: number; dash?: number[] };
  point?: { color: string; radiusPx: number };
  /** Field to label features with (from a point source), if any. */
  labelField?: string;
}

export function guessLayerKind(_name: string, _fields: FieldDef[]): LayerKind {
  throw new Error('not implemented');
}

/** The style officers expect for a kind; `fields` picks the classifying field (DLBM/DLMC, GHFQMC …). */
export function defaultStyle(_kind: LayerKind, _fields: FieldDef[]): LayerStyle {
  throw new Error('not implemented');
}

/** The grid worker's protocol (renderer/platform/worker-protocol.ts): promote a stored layer's polygons to areas. */
import type { GridArea } from '../../../shared/domain/grid/area-record';
import type { CellLayout } from '../../../shared/domain/grid/generate';
import type { AreaLevel } from '../../../shared/domain/grid/levels';
import type { PromoteResult } from '../../../shared/domain/grid/promote';
import type { AreaGeometry } from '../../../shared/domain/grid/area-geometry';
import type { Placement } from '../../../shared/domain/grid/grid-edits';
import type { TopologyArea, TopologyResult } from '../../../shared/domain/grid/topology';
import type { GkZoneRef } from '../../../shared/domain/units/area';

export interface PromoteRequest {
  layerId: string;
  nameField: string;
  codeField: string | null;
  parent: { id: string; level: AreaLevel; code: string | null; name: string };
  takenNames: string[];
  /** Who and when, for the new areas' first history entry. */
  by: string;
  at: number;
}

export interface GenerateRequest {
  parent: GridArea;
  layout: CellLayout;
  /** Names already used under the parent: numbering continues after them. */
  takenNames: string[];
  by: string;
  at: number;
}

/** The cells as records ready to store, and the figures the panel says (Σ cells against the parent, planar m²). */
export interface GenerateRun {
  areas: GridArea[];
  parentPlanarM2: number;
  cellsPlanarM2: number;
  droppedPlanarM2: number;
  slivers: number;
}

/** A drawn or edited boundary against its parent and siblings (grid-edits.ts placementOf). */
export interface PlaceRequest {
  geometry: AreaGeometry;
  parent: AreaGeometry | null;
  siblings: TopologyArea[];
  zone: GkZoneRef | null;
}

export interface TopologyRequest {
  parent: TopologyArea & { zone: GkZoneRef | null };
  children: TopologyArea[];
}

/** The check and, for each listed gap, the children that border it (longest shared border first). */
export interface TopologyRun {
  result: TopologyResult;
  gapNeighbours: string[][];
}

export interface FillGapRequest {
  parent: AreaGeometry;
  children: TopologyArea[];
  targetId: string;
  gapPoint: [number, number];
  zone: GkZoneRef;
}

export interface RemoveOverlapRequest {
  from: AreaGeometry;
  other: AreaGeometry;
  zone: GkZoneRef;
}

export type GridProtocol = {
  /** Fails `engineUnavailable`, or `invalidRequest` with the GridEditReason. */
  place: { request: PlaceRequest; result: Placement };
  topology: { request: TopologyRequest; result: TopologyRun };
  fillGap: { request: FillGapRequest; result: AreaGeometry };
  removeOverlap: { request: RemoveOverlapRequest; result: AreaGeometry };
  /** Fails `layerNotFound` (removed meanwhile), `attributesUnreadable`, or with the PromoteReason as its code. */
  promote: { request: PromoteRequest; result: PromoteResult };
  /** Fails `engineUnavailable`, or `invalidRequest` with the GenerateReason (noBoundary, badLayout, tooManyCells …). */
  generate: { request: GenerateRequest; result: GenerateRun };
};

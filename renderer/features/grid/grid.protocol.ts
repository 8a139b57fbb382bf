/** The grid worker's protocol (renderer/platform/worker-protocol.ts): promote a stored layer's polygons to areas. */
import type { GridArea } from '../../../shared/domain/grid/area-record';
import type { CellLayout } from '../../../shared/domain/grid/generate';
import type { AreaLevel } from '../../../shared/domain/grid/levels';
import type { PromoteResult } from '../../../shared/domain/grid/promote';

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

export type GridProtocol = {
  /** Fails `layerNotFound` (removed meanwhile), `attributesUnreadable`, or with the PromoteReason as its code. */
  promote: { request: PromoteRequest; result: PromoteResult };
  /** Fails `engineUnavailable`, or `invalidRequest` with the GenerateReason (noBoundary, badLayout, tooManyCells …). */
  generate: { request: GenerateRequest; result: GenerateRun };
};

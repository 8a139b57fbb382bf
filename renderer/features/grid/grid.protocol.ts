/** The grid worker's protocol (renderer/platform/worker-protocol.ts): promote a stored layer's polygons to areas. */
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

export type GridProtocol = {
  /** Fails `layerNotFound` (removed meanwhile), `attributesUnreadable`, or with the PromoteReason as its code. */
  promote: { request: PromoteRequest; result: PromoteResult };
};

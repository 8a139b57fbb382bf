/** The edit-ops worker's protocol (renderer/platform/worker-protocol.ts): split and merge, one answer each. */
import type { LineString, Polygon } from 'geojson';
import type { MergeOutcome, SplitOutcome } from '../../../shared/domain/geometry/split-merge';
import type { GkZoneRef } from '../../../shared/domain/units/area';

export type EditOpsProtocol = {
  split: { request: { polygon: Polygon; line: LineString; zone: GkZoneRef }; result: SplitOutcome };
  merge: { request: { a: Polygon; b: Polygon; zone: GkZoneRef }; result: MergeOutcome };
};

/** The comparison worker's protocol (renderer/platform/worker-protocol.ts): one record's 套合, and the 一览表 batch. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { PlanningVerdict, RoleAssignment } from '../../../shared/domain/inspection/comparison';
import type { PlotRefusal, StoredComparison } from '../../../shared/domain/inspection/comparison-run';
import type { Lang } from '../../i18n';

export interface CompareRequest {
  geometry: Polygon | MultiPolygon | null;
  zone: GkZoneRef | null;
  roles: RoleAssignment[];
  verdicts: Record<string, PlanningVerdict>;
  ranAt: number;
}

export type CompareResult = { ok: true; stored: StoredComparison; ms: number } | { ok: false; refusal: PlotRefusal };

export interface SummaryTableRequest {
  patchLayerId: string;
  roles: RoleAssignment[];
  verdicts: Record<string, PlanningVerdict>;
  lang: Lang;
  office: string;
  createdMs: number;
}

export interface SummaryTableResult {
  bytes: Uint8Array;
  patches: number;
  refused: number;
  layerName: string;
}

export type ComparisonProgress = { step: 'reading' } | { step: 'comparing'; done: number; total: number } | { step: 'writing' };

export type ComparisonProtocol = {
  /** Fails `layerNotFound` (a role's layer removed meanwhile), `attributesUnreadable`, `engineUnavailable`. */
  compare: { request: CompareRequest; result: CompareResult; progress: ComparisonProgress };
  /** Fails as `compare`, and `xlsxFailed`. */
  summaryTable: { request: SummaryTableRequest; result: SummaryTableResult; progress: ComparisonProgress };
};

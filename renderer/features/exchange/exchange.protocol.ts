/** The exchange worker's protocol (renderer/platform/worker-protocol.ts): writing and reading grid and patrol files. */
import type { GridArea } from '../../../shared/domain/grid/area-record';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { Patrol } from '../../../shared/domain/patrol/patrol-record';
import type { GridImportPlan } from '../../../shared/formats/exchange/grid-import-plan';
import type { PatrolMonthResult } from '../../../shared/formats/exchange/patrol-month';

export type GridFormat = 'geojson' | 'shp-gbk' | 'shp-utf8';

export interface ExportGridRequest {
  /** The areas to write, parents before children. */
  areas: GridArea[];
  /** Every stored area (parents' names). */
  all: GridArea[];
  format: GridFormat;
  /** Shapefiles only: GK metres in this zone instead of lon/lat. */
  planarZone: GkZoneRef | null;
  /** The file's base name (without extension). */
  baseName: string;
  office: string;
  at: number;
}

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
  ext: string;
  /** DBF values cut to 254 bytes, characters GBK cannot hold (0 for GeoJSON). */
  cut: number;
  unmappable: number;
}

/** Why a grid file was not read: a reason the dialog says (exchange.reason.*), with what names the place. */
export interface GridFileProblemJson {
  reason: string;
  index?: number;
  name?: string;
  why?: string;
  detail?: string;
}

export interface ReadGridRequest {
  fileName: string;
  bytes: Uint8Array;
  stored: GridArea[];
  by: string;
  at: number;
}

export type ReadGridResult = { ok: true; plan: GridImportPlan; office: string | null } | { ok: false; problem: GridFileProblemJson };

export interface WritePatrolsRequest {
  office: string;
  month: string;
  patrols: Patrol[];
  at: number;
}

export type ExchangeProtocol = {
  exportGrid: { request: ExportGridRequest; result: ExportedFile };
  readGrid: { request: ReadGridRequest; result: ReadGridResult };
  writePatrols: { request: WritePatrolsRequest; result: ExportedFile };
  readPatrols: { request: { text: string }; result: PatrolMonthResult };
};

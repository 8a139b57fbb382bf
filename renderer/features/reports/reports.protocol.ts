/** The reports worker's protocol (renderer/platform/worker-protocol.ts): one request, a report written as .xlsx. */
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import type { ReportChoice } from './reports.logic';

export interface ReportRequest extends ReportChoice {
  /** China day the monthly report's compliance is judged as of. */
  today: DateKey;
  office: string;
  /** Epoch ms written as the file's creation time. */
  createdMs: number;
}

export interface ReportRun {
  bytes: Uint8Array;
  /** Patrols of the period the document lists (the ledger: all; the zero report: those that found nothing). */
  patrols: number;
  /** The zero report: whether the month qualifies (every patrol found nothing, and there was one). */
  zeroEligible: boolean | null;
}

export type ReportsProtocol = {
  /** Fails `xlsxFailed` (exceljs's message as the detail). */
  build: { request: ReportRequest; result: ReportRun; progress: { step: 'reading' | 'building' | 'writing' } };
};

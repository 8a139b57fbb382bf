/** The .xlsx writer's protocol (worker-protocol.ts): a workbook (plain data) in, its bytes out (transferred). */
import type { XlsxWorkbook } from '../../shared/formats/xlsx/workbook';

export type XlsxProtocol = {
  /** Fails `xlsxFailed` (the detail is exceljs's message). */
  write: { request: XlsxWorkbook; result: Uint8Array };
};
